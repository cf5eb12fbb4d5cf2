// MurmurHash3, x86 32-bit variant (Austin Appleby's algorithm, public domain), written from its
// description: scikit-learn's HashingVectorizer hashes terms with it, and hashed columns only
// agree between the two if the hash is bit for bit the same.
#include <cstring>

#include "gongwen/vectorize.h"

namespace gongwen {

namespace {

constexpr std::uint32_t RotateLeft(std::uint32_t x, int bits) {
  return (x << bits) | (x >> (32 - bits));
}

constexpr std::uint32_t MixBlock(std::uint32_t k) {
  k *= 0xcc9e2d51u;
  k = RotateLeft(k, 15);
  return k * 0x1b873593u;
}

constexpr std::uint32_t Finalize(std::uint32_t h) {
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  return h ^ (h >> 16);
}

}  // namespace

std::int32_t MurmurHash3(std::string_view bytes, std::uint32_t seed) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t blocks = bytes.size() / 4;
  std::uint32_t h = seed;
  for (std::size_t i = 0; i < blocks; ++i) {
    // Blocks are read little-endian, whatever the host's byte order.
    const unsigned char* b = data + 4 * i;
    const std::uint32_t k = std::uint32_t{b[0]} | std::uint32_t{b[1]} << 8 |
                            std::uint32_t{b[2]} << 16 | std::uint32_t{b[3]} << 24;
    h ^= MixBlock(k);
    h = RotateLeft(h, 13);
    h = h * 5 + 0xe6546b64u;
  }
  const unsigned char* tail = data + 4 * blocks;
  std::uint32_t k = 0;
  switch (bytes.size() & 3) {
    case 3:
      k ^= std::uint32_t{tail[2]} << 16;
      [[fallthrough]];
    case 2:
      k ^= std::uint32_t{tail[1]} << 8;
      [[fallthrough]];
    case 1:
      k ^= tail[0];
      h ^= MixBlock(k);
  }
  h ^= static_cast<std::uint32_t>(bytes.size());
  return static_cast<std::int32_t>(Finalize(h));
}

}  // namespace gongwen
