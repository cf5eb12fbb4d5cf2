#include "binary_io.h"

#include <string>

namespace gongwen::binary {

std::uint64_t Fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char byte : bytes) {
    hash ^= byte;
    hash *= 0x100000001b3ull;
  }
  return hash;
}

Reader::Reader(std::string_view image, std::string what) : what_(std::move(what)) {
  if (image.size() < sizeof(std::uint64_t) || image.size() % 8 != 0) Fail("truncated");
  data_ = image.substr(0, image.size() - sizeof(std::uint64_t));
  std::uint64_t stored;
  std::memcpy(&stored, image.data() + data_.size(), sizeof(stored));
  if (kVerifyChecksums && stored != Fnv1a64(data_)) Fail("corrupted (checksum mismatch)");
}

void Reader::ReadHeader(std::uint64_t magic, std::uint32_t version, std::string_view kind) {
  if (Get<std::uint64_t>() != magic) Fail("not a " + std::string(kind) + " (bad magic)");
  const std::uint32_t found = Get<std::uint32_t>();
  if (found > version) {
    Fail("format version " + std::to_string(found) + " is newer than this gongwen reads (" +
         std::to_string(version) + "); upgrade gongwen");
  }
  if (found != version) Fail("unknown format version " + std::to_string(found));
}

void Reader::Fail(const std::string& reason) const { throw Error(what_ + ": " + reason); }

}  // namespace gongwen::binary
