#include "dat.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <stdexcept>

#include "gongwen/error.h"
#include "text.h"

namespace gongwen {

namespace {

// Image format, version 1. All fields in the writer's byte order; every section starts at a
// multiple of 8 bytes, so that a view over an 8-byte aligned image reads aligned words.
//   Header                     40 bytes
//   index   uint16[index_size] page number of each 256-code-point block; padded to 8 bytes
//   pages   uint16[256 * page_count] alphabet codes; page 0 is all zeros (characters not in keys)
//   units   {uint32 base, uint32 check}[unit_count]
//   checksum uint64            over all bytes before it
constexpr std::array<char, 8> kMagic = {'G', 'W', 'D', 'A', 'T', 'R', 'I', 'E'};
constexpr std::uint32_t kVersion = 1;
constexpr std::uint32_t kByteOrderMark = 0x01020304;
constexpr std::uint32_t kByteOrderMarkSwapped = 0x04030201;
constexpr char32_t kMaxCodePoint = 0x10FFFF;
// Page index entries needed to cover every code point.
constexpr std::uint32_t kMaxIndexSize = (kMaxCodePoint >> 8) + 1;
constexpr std::uint32_t kPageSize = 256;
// Alphabet codes are uint16 and 0 means "no code".
constexpr std::uint32_t kMaxAlphabetSize = 0xFFFF;
// Seed and multiplier of the checksum (the 64-bit FNV offset basis and prime).
constexpr std::uint64_t kChecksumSeed = 0xcbf29ce484222325;
constexpr std::uint64_t kChecksumPrime = 0x100000001b3;
constexpr const char* kWhat = "double-array trie image";

// The fixed-size start of an image.
struct Header {
  std::array<char, 8> magic;
  std::uint32_t version;
  std::uint32_t byte_order;
  std::uint32_t key_count;
  std::uint32_t alphabet_size;
  std::uint32_t index_size;
  std::uint32_t page_count;
  std::uint32_t unit_count;
  std::uint32_t reserved;  // zero; keeps the header a multiple of 8 bytes
};
static_assert(sizeof(Header) == 40);

// Byte offsets of the sections of an image, computed in 64 bits from 32-bit counts (no overflow).
struct Layout {
  std::uint64_t index_offset;
  std::uint64_t pages_offset;
  std::uint64_t units_offset;
  std::uint64_t checksum_offset;
  std::uint64_t total_bytes;
};

// `n` rounded up to a multiple of 8.
std::uint64_t RoundUp8(std::uint64_t n) { return (n + 7) & ~std::uint64_t{7}; }

// Where each section of an image with this header starts.
Layout LayoutOf(const Header& header) {
  Layout layout;
  layout.index_offset = sizeof(Header);
  layout.pages_offset = layout.index_offset + RoundUp8(std::uint64_t{header.index_size} * 2);
  layout.units_offset = layout.pages_offset + std::uint64_t{header.page_count} * kPageSize * 2;
  layout.checksum_offset = layout.units_offset + std::uint64_t{header.unit_count} * 8;
  layout.total_bytes = layout.checksum_offset + 8;
  return layout;
}

// One step of the checksum: FNV-1a over 64-bit words rather than bytes (8x fewer multiplications,
// so a 10 MB lexicon is checked in a few milliseconds), with an xor-shift after the
// multiplication, because a multiplication only carries differences upwards: without it, two flips
// of bit 63 in different words would cancel. Each step is a bijection of the state for a given
// word, so a change confined to one word is always detected.
constexpr std::uint64_t MixWord(std::uint64_t state, std::uint64_t word) {
  state = (state ^ word) * kChecksumPrime;
  return state ^ (state >> 32);
}

// Checksum of `bytes` bytes (a multiple of 8) at `data`, which need not be aligned.
std::uint64_t Checksum(const char* data, std::uint64_t bytes) {
  std::uint64_t state = kChecksumSeed;
  for (std::uint64_t i = 0; i < bytes; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, data + i, 8);
    state = MixWord(state, word);
  }
  return state;
}

// The image of the empty trie: no alphabet, no pages, one unit (the root, without children).
// Built at compile time so that default construction allocates nothing and cannot fail.
constexpr std::array<std::uint64_t, 7> MakeEmptyImage() {
  struct Body {
    Header header;
    std::uint32_t root_base;
    std::uint32_t root_check;
  };
  const Body body = {{kMagic, kVersion, kByteOrderMark, 0, 0, 0, 0, 1, 0}, 0, 0x3FFFFFFF};
  const auto words = std::bit_cast<std::array<std::uint64_t, 6>>(body);
  std::array<std::uint64_t, 7> image{};
  std::uint64_t state = kChecksumSeed;
  for (std::size_t i = 0; i < words.size(); ++i) {
    image[i] = words[i];
    state = MixWord(state, words[i]);
  }
  image[6] = state;
  return image;
}

alignas(8) constexpr std::array<std::uint64_t, 7> kEmptyImage = MakeEmptyImage();

// Reads and checks the header of an untrusted image: length, magic, byte order, version and
// sizes. Throws gongwen::Error naming the first fault.
Header ReadHeader(std::string_view bytes) {
  Header header;
  if (bytes.size() < sizeof(Header)) {
    throw Error(std::string(kWhat) + " truncated: " + std::to_string(bytes.size()) +
                " bytes, shorter than its " + std::to_string(sizeof(Header)) + "-byte header");
  }
  std::memcpy(&header, bytes.data(), sizeof(Header));
  if (header.magic != kMagic) {
    throw Error(std::string("not a ") + kWhat + " (bad magic number)");
  }
  if (header.byte_order == kByteOrderMarkSwapped) {
    throw Error(std::string(kWhat) + " written on a machine of the other byte order");
  }
  if (header.byte_order != kByteOrderMark) {
    throw Error(std::string(kWhat) + " has a bad byte-order mark");
  }
  // The version comes before the checksum, whose algorithm a later version may change.
  if (header.version > kVersion) {
    throw Error(std::string(kWhat) + " has version " + std::to_string(header.version) +
                ", newer than this library reads (up to version " + std::to_string(kVersion) + ")");
  }
  if (header.version != kVersion) {
    throw Error(std::string(kWhat) + " has unknown version " + std::to_string(header.version));
  }
  if (header.alphabet_size > kMaxAlphabetSize || header.index_size > kMaxIndexSize ||
      header.page_count > kMaxIndexSize + 1 || header.unit_count == 0 ||
      header.unit_count > 0x3FFFFFFF || header.reserved != 0) {
    throw Error(std::string(kWhat) + " has a corrupt header (sizes out of range)");
  }
  const Layout layout = LayoutOf(header);
  if (bytes.size() < layout.total_bytes) {
    throw Error(std::string(kWhat) + " truncated: " + std::to_string(bytes.size()) + " of " +
                std::to_string(layout.total_bytes) + " bytes");
  }
  if (bytes.size() > layout.total_bytes) {
    throw Error(std::string(kWhat) + " has " + std::to_string(bytes.size() - layout.total_bytes) +
                " unexpected bytes after its end");
  }
  return header;
}

// Throws the error for a structural fault found by ValidateStructure.
[[noreturn]] void ThrowCorrupt(const std::string& what) {
  throw Error(std::string(kWhat) + " is corrupt: " + what);
}

// The two-level table from code points to alphabet codes, as the builder makes it.
struct CodeTable {
  std::vector<std::uint16_t> index;
  std::vector<std::uint16_t> pages;

  // The code of `c`, or 0.
  std::uint32_t Code(char32_t c) const {
    const std::uint32_t high = static_cast<std::uint32_t>(c) >> 8;
    if (high >= index.size()) return 0;
    return pages[(std::uint32_t{index[high]} << 8) | (c & 0xFF)];
  }
};

// Length of the longest common prefix of `a` and `b`.
std::size_t CommonPrefixLength(std::u32string_view a, std::u32string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  std::size_t i = 0;
  while (i < n && a[i] == b[i]) ++i;
  return i;
}

}  // namespace

// Places the nodes of the trie, in depth-first order, into a unit array. A node's children must
// land on free units base + code; base is found by trying each free unit, from the lowest worth
// trying, as the slot of the child with the smallest code. Free units are kept in a bitset and
// found a word (64 units) at a time. A free unit that has failed as that anchor kMaxTrials times
// is dropped from the anchor scan (it stays free for other children), so the scan start moves
// past densely packed regions instead of retrying them for every node.
class DoubleArrayTrie::Builder {
 public:
  // Builds the image of a trie over `entries`, which are sorted by key, unique and non-empty.
  static std::vector<std::uint64_t> Run(const std::vector<Entry>& entries);

 private:
  // Failed anchor attempts after which a free unit is no longer tried as an anchor.
  static constexpr std::uint8_t kMaxTrials = 8;

  // A node whose children are still to be placed: the keys [lo, hi) share its prefix of `depth`.
  struct Task {
    std::uint32_t node;
    std::uint32_t depth;
    std::uint32_t lo;
    std::uint32_t hi;
  };

  // Makes unit `pos` addressable, growing the arrays geometrically.
  void Grow(std::uint64_t pos);
  // Whether unit `pos` is taken (units beyond the arrays are free).
  bool IsUsed(std::uint64_t pos) const {
    const std::uint64_t word = pos >> 6;
    return word < used_.size() && (used_[word] >> (pos & 63) & 1);
  }
  // The first unit at or after `from` that may serve as an anchor.
  std::uint64_t NextAnchor(std::uint64_t from) const;
  // Removes `pos` from the anchor scan.
  void Block(std::uint64_t pos);
  // Takes unit `pos` for a child of `parent` (or the value slot of `parent`).
  void Occupy(std::uint64_t pos, std::uint32_t parent);
  // A base at which every code in `codes` (ascending, non-empty), and code 0 if `need_zero`,
  // lands on a free unit.
  std::uint64_t FindBase(const std::vector<std::uint32_t>& codes, bool need_zero);
  // Places all nodes below the root.
  void PlaceNodes(const std::vector<Entry>& entries, const CodeTable& table);

  std::uint32_t alphabet_size_ = 0;
  std::vector<Unit> units_;
  std::vector<std::uint64_t> used_;     // bit per unit: taken
  std::vector<std::uint64_t> blocked_;  // bit per unit: taken or dropped from the anchor scan
  std::vector<std::uint8_t> trials_;    // failed anchor attempts per unit
  std::uint64_t scan_start_ = 0;        // the lowest unit that may serve as an anchor
  std::uint64_t used_end_ = 0;          // one past the highest taken unit
  std::uint64_t reach_end_ = 0;         // one past the highest unit a lookup can probe
};

void DoubleArrayTrie::Builder::Grow(std::uint64_t pos) {
  if (pos < units_.size()) return;
  // Unit indices must fit the 30-bit parent field, and the all-ones index means "no parent".
  if (pos >= kParentMask) {
    throw std::invalid_argument(
        "DoubleArrayTrie::Build: the keys need more than 2^30 - 1 units (too many keys)");
  }
  std::uint64_t size = std::max<std::uint64_t>(units_.size() * 2, 1 << 16);
  while (size <= pos) size *= 2;
  size = std::min<std::uint64_t>(size, std::uint64_t{kParentMask} + 1);  // a multiple of 64
  units_.resize(size, Unit{0, kParentMask});
  used_.resize(size / 64, 0);
  blocked_.resize(size / 64, 0);
  trials_.resize(size, 0);
}

std::uint64_t DoubleArrayTrie::Builder::NextAnchor(std::uint64_t from) const {
  std::uint64_t word = from >> 6;
  if (word >= blocked_.size()) return from;
  std::uint64_t free_bits = ~blocked_[word] & (~std::uint64_t{0} << (from & 63));
  while (free_bits == 0) {
    if (++word == blocked_.size()) return word << 6;
    free_bits = ~blocked_[word];
  }
  return (word << 6) + std::countr_zero(free_bits);
}

void DoubleArrayTrie::Builder::Block(std::uint64_t pos) {
  blocked_[pos >> 6] |= std::uint64_t{1} << (pos & 63);
  if (pos == scan_start_) scan_start_ = NextAnchor(pos);
}

void DoubleArrayTrie::Builder::Occupy(std::uint64_t pos, std::uint32_t parent) {
  Grow(pos);
  used_[pos >> 6] |= std::uint64_t{1} << (pos & 63);
  units_[pos].check = parent;
  used_end_ = std::max(used_end_, pos + 1);
  Block(pos);
}

std::uint64_t DoubleArrayTrie::Builder::FindBase(const std::vector<std::uint32_t>& codes,
                                                 bool need_zero) {
  const std::uint32_t first = codes.front();
  for (std::uint64_t anchor = NextAnchor(std::max<std::uint64_t>(scan_start_, first));;
       anchor = NextAnchor(anchor + 1)) {
    const std::uint64_t base = anchor - first;
    bool fits = !(need_zero && IsUsed(base));
    for (std::size_t i = 1; fits && i < codes.size(); ++i) fits = !IsUsed(base + codes[i]);
    if (fits) return base;
    // Beyond the arrays everything is free, so only an anchor inside them can fail repeatedly.
    if (anchor < trials_.size() && ++trials_[anchor] >= kMaxTrials) Block(anchor);
  }
}

void DoubleArrayTrie::Builder::PlaceNodes(const std::vector<Entry>& entries,
                                          const CodeTable& table) {
  std::vector<Task> stack = {{0, 0, 0, static_cast<std::uint32_t>(entries.size())}};
  std::vector<std::uint32_t> codes;   // child codes in key order
  std::vector<std::uint32_t> starts;  // first key of each child, then hi
  std::vector<std::uint32_t> sorted;  // child codes ascending
  while (!stack.empty()) {
    const Task task = stack.back();
    stack.pop_back();
    // Keys are sorted, so the key equal to the prefix, if any, comes first.
    const bool ends_key = entries[task.lo].first.size() == task.depth;
    const std::uint32_t lo = task.lo + (ends_key ? 1 : 0);
    if (lo == task.hi) {
      units_[task.node].base = entries[task.lo].second;
      units_[task.node].check |= kLeaf;
      continue;
    }
    codes.clear();
    starts.clear();
    for (std::uint32_t i = lo; i < task.hi; ++i) {
      const char32_t c = entries[i].first[task.depth];
      if (i == lo || c != entries[i - 1].first[task.depth]) {
        codes.push_back(table.Code(c));
        starts.push_back(i);
      }
    }
    starts.push_back(task.hi);
    sorted = codes;
    std::sort(sorted.begin(), sorted.end());
    const std::uint64_t base = FindBase(sorted, ends_key);
    units_[task.node].base = static_cast<std::uint32_t>(base);
    // A lookup may probe base + any code, not only the codes of the children.
    reach_end_ = std::max(reach_end_, base + alphabet_size_ + 1);
    if (ends_key) {
      Occupy(base, task.node);
      units_[base].base = entries[task.lo].second;
      units_[task.node].check |= kHasValue;
    }
    // Pushed in reverse, so that the first child is placed next (depth-first, in key order).
    for (std::size_t j = codes.size(); j-- > 0;) {
      const std::uint64_t child = base + codes[j];
      Occupy(child, task.node);
      stack.push_back(
          {static_cast<std::uint32_t>(child), task.depth + 1, starts[j], starts[j + 1]});
    }
  }
}

std::vector<std::uint64_t> DoubleArrayTrie::Builder::Run(const std::vector<Entry>& entries) {
  // The alphabet, ranked by the number of trie edges labelled with each character: the keys are
  // sorted, so key i adds an edge for each of its characters after the prefix it shares with key
  // i - 1.
  std::vector<std::uint32_t> edges(kMaxCodePoint + 1, 0);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::u32string& key = entries[i].first;
    const std::size_t shared = i == 0 ? 0 : CommonPrefixLength(entries[i - 1].first, key);
    for (std::size_t j = shared; j < key.size(); ++j) ++edges[key[j]];
  }
  std::vector<std::pair<std::uint32_t, char32_t>> ranked;  // (edges, character)
  for (char32_t c = 0; c <= kMaxCodePoint; ++c) {
    if (edges[c] != 0) ranked.emplace_back(edges[c], c);
  }
  if (ranked.size() > kMaxAlphabetSize) {
    throw std::invalid_argument("DoubleArrayTrie::Build: more than 65535 distinct characters");
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });

  CodeTable table;
  if (!ranked.empty()) {
    char32_t max_char = 0;
    for (const auto& [count, c] : ranked) max_char = std::max(max_char, c);
    table.index.assign((max_char >> 8) + 1, 0);
    table.pages.assign(kPageSize, 0);  // page 0: no codes
    for (std::size_t rank = 0; rank < ranked.size(); ++rank) {
      const char32_t c = ranked[rank].second;
      std::uint16_t& page = table.index[c >> 8];
      if (page == 0) {
        page = static_cast<std::uint16_t>(table.pages.size() / kPageSize);
        table.pages.resize(table.pages.size() + kPageSize, 0);
      }
      table.pages[std::size_t{page} * kPageSize + (c & 0xFF)] =
          static_cast<std::uint16_t>(rank + 1);
    }
  }

  Builder builder;
  builder.alphabet_size_ = static_cast<std::uint32_t>(ranked.size());
  builder.Occupy(0, kParentMask);  // the root
  builder.reach_end_ = 1;
  if (!entries.empty()) builder.PlaceNodes(entries, table);
  const std::uint64_t unit_count = std::max(builder.used_end_, builder.reach_end_);
  if (unit_count > kParentMask) {
    throw std::invalid_argument(
        "DoubleArrayTrie::Build: the keys need more than 2^30 - 1 units (too many keys)");
  }
  builder.Grow(unit_count - 1);

  Header header{};
  header.magic = kMagic;
  header.version = kVersion;
  header.byte_order = kByteOrderMark;
  header.key_count = static_cast<std::uint32_t>(entries.size());
  header.alphabet_size = builder.alphabet_size_;
  header.index_size = static_cast<std::uint32_t>(table.index.size());
  header.page_count = static_cast<std::uint32_t>(table.pages.size() / kPageSize);
  header.unit_count = static_cast<std::uint32_t>(unit_count);
  const Layout layout = LayoutOf(header);
  std::vector<std::uint64_t> storage(layout.total_bytes / 8, 0);
  char* image = reinterpret_cast<char*>(storage.data());
  std::memcpy(image, &header, sizeof(Header));
  // std::copy, not memcpy: the tables are empty (null data) for a trie without keys.
  std::copy(table.index.begin(), table.index.end(),
            reinterpret_cast<std::uint16_t*>(image + layout.index_offset));
  std::copy(table.pages.begin(), table.pages.end(),
            reinterpret_cast<std::uint16_t*>(image + layout.pages_offset));
  std::memcpy(image + layout.units_offset, builder.units_.data(), unit_count * sizeof(Unit));
  const std::uint64_t checksum = Checksum(image, layout.checksum_offset);
  std::memcpy(image + layout.checksum_offset, &checksum, 8);
  return storage;
}

DoubleArrayTrie::DoubleArrayTrie() noexcept {
  Attach(reinterpret_cast<const char*>(kEmptyImage.data()));
}

DoubleArrayTrie::DoubleArrayTrie(const DoubleArrayTrie& other) : storage_(other.storage_) {
  Attach(storage_.empty() ? other.image_ : reinterpret_cast<const char*>(storage_.data()));
}

DoubleArrayTrie& DoubleArrayTrie::operator=(const DoubleArrayTrie& other) {
  if (this != &other) {
    storage_ = other.storage_;
    Attach(storage_.empty() ? other.image_ : reinterpret_cast<const char*>(storage_.data()));
  }
  return *this;
}

DoubleArrayTrie::DoubleArrayTrie(DoubleArrayTrie&& other) noexcept { *this = std::move(other); }

DoubleArrayTrie& DoubleArrayTrie::operator=(DoubleArrayTrie&& other) noexcept {
  if (this != &other) {
    // A moved vector keeps its buffer, so the other trie's pointers stay valid for this one.
    storage_ = std::move(other.storage_);
    Attach(other.image_);
    other.storage_.clear();
    other.Attach(reinterpret_cast<const char*>(kEmptyImage.data()));
  }
  return *this;
}

void DoubleArrayTrie::Attach(const char* image) {
  Header header;
  std::memcpy(&header, image, sizeof(Header));
  const Layout layout = LayoutOf(header);
  image_ = image;
  image_bytes_ = layout.total_bytes;
  index_ = reinterpret_cast<const std::uint16_t*>(image + layout.index_offset);
  index_size_ = header.index_size;
  page_count_ = header.page_count;
  pages_ = reinterpret_cast<const std::uint16_t*>(image + layout.pages_offset);
  units_ = reinterpret_cast<const Unit*>(image + layout.units_offset);
  unit_count_ = header.unit_count;
  key_count_ = header.key_count;
  alphabet_size_ = header.alphabet_size;
}

DoubleArrayTrie DoubleArrayTrie::Build(std::vector<Entry> entries) {
  if (entries.size() >= kParentMask) {
    throw std::invalid_argument("DoubleArrayTrie::Build: too many keys");
  }
  for (const Entry& entry : entries) {
    if (entry.first.empty()) throw std::invalid_argument("DoubleArrayTrie::Build: empty key");
    for (const char32_t c : entry.first) {
      if (c > kMaxCodePoint) {
        throw std::invalid_argument("DoubleArrayTrie::Build: key '" + text::Encode(entry.first) +
                                    "' holds a value above U+10FFFF");
      }
    }
  }
  const auto by_key = [](const Entry& a, const Entry& b) { return a.first < b.first; };
  if (!std::is_sorted(entries.begin(), entries.end(), by_key)) {
    std::sort(entries.begin(), entries.end(), by_key);
  }
  for (std::size_t i = 1; i < entries.size(); ++i) {
    if (entries[i].first == entries[i - 1].first) {
      throw std::invalid_argument("DoubleArrayTrie::Build: duplicate key '" +
                                  text::Encode(entries[i].first) + "'");
    }
  }
  DoubleArrayTrie trie;
  trie.storage_ = Builder::Run(entries);
  trie.Attach(reinterpret_cast<const char*>(trie.storage_.data()));
  return trie;
}

DoubleArrayTrie DoubleArrayTrie::Deserialize(std::string_view bytes, bool copy) {
  if (!copy && reinterpret_cast<std::uintptr_t>(bytes.data()) % 8 != 0) {
    throw std::invalid_argument(
        "DoubleArrayTrie::Deserialize: a view (copy = false) needs an 8-byte aligned image");
  }
  const Header header = ReadHeader(bytes);
  const Layout layout = LayoutOf(header);
  std::uint64_t stored;
  std::memcpy(&stored, bytes.data() + layout.checksum_offset, 8);
  if (Checksum(bytes.data(), layout.checksum_offset) != stored) {
    throw Error(std::string(kWhat) + " is corrupted (checksum mismatch)");
  }
  DoubleArrayTrie trie;
  if (copy) {
    trie.storage_.resize(layout.total_bytes / 8);
    std::memcpy(trie.storage_.data(), bytes.data(), layout.total_bytes);
    trie.Attach(reinterpret_cast<const char*>(trie.storage_.data()));
  } else {
    trie.Attach(bytes.data());
  }
  trie.ValidateStructure();
  return trie;
}

// Why lookups need no bounds checks once this passes. A lookup is at a state s (the root, or a
// unit it reached) and probes t = base[s] + c for a code c in 1..alphabet_size (Code returns
// nothing larger: checked below), then reads units_[t] and, when t has kHasValue, units_[base[t]].
// (1) The root has base + alphabet_size < unit_count, so its probes are in bounds.
// (2) A probe moves to t only if t's parent field is s; then t - base[s] = c >= 1, so t is not
//     the value slot of s (the unit at base[s] + 0). If t has kLeaf the lookup stops, reading only
//     t itself. Otherwise t is a unit with a parent, not a leaf and not its parent's value slot,
//     and every such unit is checked to have base + alphabet_size < unit_count: its own probes,
//     and its value slot base[t] + 0, are in bounds. By induction every read is in bounds.
// The other checks (labels in range, value slots where flagged, the key count) hold in every
// image Build writes and catch corruption a forged checksum would let through.
void DoubleArrayTrie::ValidateStructure() const {
  for (std::uint32_t i = 0; i < index_size_; ++i) {
    if (index_[i] >= page_count_) {
      ThrowCorrupt("page index entry " + std::to_string(i) + " names page " +
                   std::to_string(index_[i]) + " of " + std::to_string(page_count_));
    }
  }
  for (std::size_t i = 0; i < std::size_t{page_count_} * kPageSize; ++i) {
    if (pages_[i] > alphabet_size_) {
      ThrowCorrupt("alphabet code " + std::to_string(pages_[i]) + " exceeds the alphabet size " +
                   std::to_string(alphabet_size_));
    }
  }
  const Unit root = units_[0];
  if (root.check != kParentMask) ThrowCorrupt("the root has a parent or flags");
  if (std::uint64_t{root.base} + alphabet_size_ >= unit_count_) {
    ThrowCorrupt("the root's children lie beyond the unit array");
  }
  std::uint64_t values = 0;
  for (std::uint32_t t = 1; t < unit_count_; ++t) {
    const Unit unit = units_[t];
    const std::uint32_t parent = unit.check & kParentMask;
    const std::uint32_t flags = unit.check & ~kParentMask;
    // Named lazily: building a string per unit would dominate the cost of the pass.
    const auto at = [t] { return "unit " + std::to_string(t); };
    if (parent == kParentMask) {
      if (flags != 0) ThrowCorrupt("free " + at() + " carries flags");
      continue;
    }
    if (parent >= unit_count_) ThrowCorrupt(at() + " names a parent beyond the unit array");
    const Unit parent_unit = units_[parent];
    if ((parent != 0 && (parent_unit.check & kParentMask) == kParentMask) ||
        (parent_unit.check & kLeaf)) {
      ThrowCorrupt(at() + " has a free unit or a leaf as its parent");
    }
    if (t < parent_unit.base || t - parent_unit.base > alphabet_size_) {
      ThrowCorrupt(at() + " lies outside its parent's children");
    }
    if (t == parent_unit.base) {  // the parent's value slot
      if (flags != 0 || !(parent_unit.check & kHasValue))
        ThrowCorrupt("stray value slot at " + at());
      continue;
    }
    if (flags == (kLeaf | kHasValue)) ThrowCorrupt(at() + " is flagged both a leaf and not one");
    if (flags != 0) ++values;
    if (flags & kLeaf) continue;
    if (std::uint64_t{unit.base} + alphabet_size_ >= unit_count_) {
      ThrowCorrupt("the children of " + at() + " lie beyond the unit array");
    }
    if ((flags & kHasValue) && units_[unit.base].check != t) {
      ThrowCorrupt(at() + " lacks its value slot");
    }
  }
  if (values != key_count_) {
    ThrowCorrupt("it holds " + std::to_string(values) + " keys, its header says " +
                 std::to_string(key_count_));
  }
}

std::optional<std::uint32_t> DoubleArrayTrie::Find(std::u32string_view key) const {
  if (key.empty()) return std::nullopt;
  std::uint32_t node = 0;
  std::uint32_t base = units_[0].base;
  for (std::size_t i = 0;;) {
    const std::uint32_t code = Code(key[i]);
    if (code == 0) return std::nullopt;
    const std::uint32_t next = base + code;
    const Unit unit = units_[next];
    if ((unit.check & kParentMask) != node) return std::nullopt;
    if (++i == key.size()) {
      if (unit.check & kLeaf) return unit.base;
      if (unit.check & kHasValue) return units_[unit.base].base;
      return std::nullopt;
    }
    if (unit.check & kLeaf) return std::nullopt;
    node = next;
    base = unit.base;
  }
}

std::string DoubleArrayTrie::Serialize() const { return std::string(image_, image_bytes_); }

}  // namespace gongwen
