#include "dat.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <stdexcept>

#include "binary_io.h"
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
constexpr const char* kImageName = "double-array trie image";

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
    throw Error(std::string(kImageName) + " truncated: " + std::to_string(bytes.size()) +
                " bytes, shorter than its " + std::to_string(sizeof(Header)) + "-byte header");
  }
  std::memcpy(&header, bytes.data(), sizeof(Header));
  if (header.magic != kMagic) {
    throw Error(std::string("not a ") + kImageName + " (bad magic number)");
  }
  if (header.byte_order == kByteOrderMarkSwapped) {
    throw Error(std::string(kImageName) + " written on a machine of the other byte order");
  }
  if (header.byte_order != kByteOrderMark) {
    throw Error(std::string(kImageName) + " has a bad byte-order mark");
  }
  // The version comes before the checksum, whose algorithm a later version may change.
  if (header.version > kVersion) {
    throw Error(std::string(kImageName) + " has version " + std::to_string(header.version) +
                ", newer than this library reads (up to version " + std::to_string(kVersion) + ")");
  }
  if (header.version != kVersion) {
    throw Error(std::string(kImageName) + " has unknown version " + std::to_string(header.version));
  }
  if (header.alphabet_size > kMaxAlphabetSize || header.index_size > kMaxIndexSize ||
      header.page_count > kMaxIndexSize + 1 || header.unit_count == 0 ||
      header.unit_count > 0x3FFFFFFF || header.reserved != 0) {
    throw Error(std::string(kImageName) + " has a corrupt header (sizes out of range)");
  }
  const Layout layout = LayoutOf(header);
  if (bytes.size() < layout.total_bytes) {
    throw Error(std::string(kImageName) + " truncated: " + std::to_string(bytes.size()) + " of " +
                std::to_string(layout.total_bytes) + " bytes");
  }
  if (bytes.size() > layout.total_bytes) {
    throw Error(std::string(kImageName) + " has " +
                std::to_string(bytes.size() - layout.total_bytes) +
                " unexpected bytes after its end");
  }
  return header;
}

// Throws the error for a structural fault found by ValidateStructure.
[[noreturn]] void ThrowCorrupt(const std::string& what) {
  throw Error(std::string(kImageName) + " is corrupt: " + what);
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

}  // namespace

// Lays the trie out in a unit array, in three passes:
// 1. CollectNodes makes the trie as a node list: each node's children (consecutive ids, made
//    depth-first so that a chain of single children gets consecutive ids), its code and value.
// 2. PlaceBlocks chooses each node's base, so that its children (and its value slot, code 0) land
//    on free units. Bases can be chosen in any order, because only occupancy constrains them (a
//    child's index is known once its parent's base is); so they are chosen first-fit in order of
//    decreasing block size (Tarjan and Yao's "first-fit decreasing" for row displacement): the
//    wide blocks (the root has thousands of children) are fitted while the array is still sparse
//    and the many single-child blocks fill the holes left between them. Ties keep depth-first
//    order, so that chains land close together.
// 3. WriteUnits computes every node's index, top-down, and fills in base and check.
// FindBase tests 64 candidate bases at once: a window's bases that fail are the OR, over the
// block's codes, of the 64 occupancy bits starting at window + code, so a dense window is ruled
// out after a few words. A window that fails kMaxTrials blocks of one size class is skipped for
// the rest of that class (the scan start moves past it); the counts restart with each smaller
// class, whose blocks may well fit where larger ones did not.
// Density: on jieba's dictionary 62% of the units are used. The limit is the ~900 nodes with 58 or
// more children: their codes spread over thousands of units, so they cannot interleave closely,
// and the array ends where they end. Searching every window for them (no skipping) reaches 78%
// but triples the build time; lookups run at the same speed either way, as the units they touch
// most are the same few.
class DoubleArrayTrie::Builder {
 public:
  // Builds the image of a trie over `entries`, which are sorted by key, unique and non-empty.
  static std::vector<std::uint64_t> Run(const std::vector<Entry>& entries);

 private:
  // Blocks of one size class that may fail in a window before it is skipped for that class.
  static constexpr std::uint8_t kMaxTrials = 8;
  // Blocks up to this size form a class per size; larger ones a class per halving of the size.
  static constexpr std::uint32_t kExactClasses = 16;

  // A node of the trie under construction.
  struct Node {
    std::uint32_t parent;
    std::uint32_t code;         // label of the edge from the parent: a character, then its code
    std::uint32_t first_child;  // id of the first child; children have consecutive ids
    std::uint32_t child_count;
    std::uint32_t value;  // when ends_key
    std::uint32_t base;   // chosen by PlaceBlocks, when child_count > 0
    bool ends_key;
  };

  // A node whose children are still to be made: the keys [lo, hi) share its prefix of `depth`.
  struct Task {
    std::uint32_t node;
    std::uint32_t depth;
    std::uint32_t lo;
    std::uint32_t hi;
  };

  // Makes unit `pos` addressable, growing the arrays geometrically.
  void Grow(std::uint64_t pos);
  // The occupancy of units pos .. pos + 63 as bits 0 .. 63 (units beyond the arrays are free).
  std::uint64_t UsedBits(std::uint64_t pos) const;
  // Takes unit `pos`.
  void Occupy(std::uint64_t pos);
  // Starts a new size class: every window is tried again.
  void ResetTrials();
  // A base at which every code in `codes` (ascending, non-empty; 0 for a value slot) lands on a
  // free unit.
  std::uint64_t FindBase(const std::vector<std::uint32_t>& codes);
  // Pass 1: the trie of `entries` as nodes_, labelled with characters (codes come later).
  void CollectNodes(const std::vector<Entry>& entries);
  // Pass 2: the base of every node with children.
  void PlaceBlocks();
  // Pass 3: the units of every node and value slot.
  void WriteUnits();

  std::uint32_t alphabet_size_ = 0;
  std::vector<Node> nodes_;
  std::vector<Unit> units_;
  std::vector<std::uint64_t> used_;          // bit per unit: taken
  std::vector<std::uint8_t> window_trials_;  // per 64 bases: blocks of this class that failed
  std::uint64_t window_start_ = 0;           // first window not skipped in this class
  std::uint64_t first_free_ = 0;             // the lowest free unit
  std::uint64_t used_end_ = 0;               // one past the highest taken unit
  std::uint64_t reach_end_ = 1;              // one past the highest unit a lookup can probe
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
  window_trials_.resize(size / 64, 0);
}

std::uint64_t DoubleArrayTrie::Builder::UsedBits(std::uint64_t pos) const {
  const std::uint64_t word = pos >> 6;
  const std::uint64_t shift = pos & 63;
  if (word >= used_.size()) return 0;
  std::uint64_t bits = used_[word] >> shift;
  if (shift != 0 && word + 1 < used_.size()) bits |= used_[word + 1] << (64 - shift);
  return bits;
}

void DoubleArrayTrie::Builder::Occupy(std::uint64_t pos) {
  Grow(pos);
  used_[pos >> 6] |= std::uint64_t{1} << (pos & 63);
  used_end_ = std::max(used_end_, pos + 1);
  while (UsedBits(first_free_) == ~std::uint64_t{0}) first_free_ += 64;
  first_free_ += std::countr_one(UsedBits(first_free_));
}

void DoubleArrayTrie::Builder::ResetTrials() {
  std::fill(window_trials_.begin(), window_trials_.end(), 0);
  window_start_ = 0;
}

std::uint64_t DoubleArrayTrie::Builder::FindBase(const std::vector<std::uint32_t>& codes) {
  constexpr std::uint64_t kAll = ~std::uint64_t{0};
  // Units below first_free_ are all taken, so the smallest code must land at or after it.
  const std::uint64_t min_base = first_free_ > codes[0] ? first_free_ - codes[0] : 0;
  for (std::uint64_t window = std::max(window_start_, min_base >> 6);; ++window) {
    const bool counted = window < window_trials_.size();
    if (counted && window_trials_[window] >= kMaxTrials) continue;
    const std::uint64_t first_base = window << 6;
    std::uint64_t failing = 0;  // bit i: base first_base + i puts some code on a taken unit
    for (const std::uint32_t code : codes) {
      failing |= UsedBits(first_base + code);
      if (failing == kAll) break;
    }
    if (failing != kAll) return first_base + std::countr_one(failing);
    if (counted && ++window_trials_[window] >= kMaxTrials && window == window_start_) {
      while (window_start_ < window_trials_.size() && window_trials_[window_start_] >= kMaxTrials) {
        ++window_start_;
      }
    }
  }
}

void DoubleArrayTrie::Builder::CollectNodes(const std::vector<Entry>& entries) {
  nodes_.push_back(Node{kParentMask, 0, 0, 0, 0, 0, false});
  if (entries.empty()) return;
  std::vector<Task> stack = {{0, 0, 0, static_cast<std::uint32_t>(entries.size())}};
  std::vector<std::uint32_t> starts;  // first key of each child, then hi
  while (!stack.empty()) {
    const Task task = stack.back();
    stack.pop_back();
    // Keys are sorted, so the key equal to the prefix, if any, comes first.
    const bool ends_key = entries[task.lo].first.size() == task.depth;
    const std::uint32_t lo = task.lo + (ends_key ? 1 : 0);
    if (ends_key) {
      nodes_[task.node].ends_key = true;
      nodes_[task.node].value = entries[task.lo].second;
    }
    if (lo == task.hi) continue;
    const auto first_child = static_cast<std::uint32_t>(nodes_.size());
    starts.clear();
    for (std::uint32_t i = lo; i < task.hi; ++i) {
      const char32_t c = entries[i].first[task.depth];
      if (i == lo || c != entries[i - 1].first[task.depth]) {
        nodes_.push_back(Node{task.node, c, 0, 0, 0, 0, false});
        starts.push_back(i);
      }
    }
    starts.push_back(task.hi);
    if (nodes_.size() >= kParentMask) {
      throw std::invalid_argument("DoubleArrayTrie::Build: too many trie nodes for 30-bit indices");
    }
    nodes_[task.node].first_child = first_child;
    nodes_[task.node].child_count = static_cast<std::uint32_t>(starts.size() - 1);
    // Pushed in reverse, so that the first child is expanded next (depth-first, in key order).
    for (std::size_t j = starts.size() - 1; j-- > 0;) {
      stack.push_back(
          {first_child + static_cast<std::uint32_t>(j), task.depth + 1, starts[j], starts[j + 1]});
    }
  }
}

void DoubleArrayTrie::Builder::PlaceBlocks() {
  // Node ids by decreasing block size (children plus value slot); ties in depth-first order.
  std::vector<std::uint32_t> order;
  for (std::uint32_t id = 0; id < nodes_.size(); ++id) {
    if (nodes_[id].child_count > 0) order.push_back(id);
  }
  const auto block_size = [this](std::uint32_t id) {
    return nodes_[id].child_count + (nodes_[id].ends_key ? 1 : 0);
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return block_size(a) > block_size(b); });
  std::vector<std::uint32_t> codes;
  std::uint32_t class_floor = ~std::uint32_t{0};  // the smallest block size of the current class
  for (const std::uint32_t id : order) {
    const Node& node = nodes_[id];
    const std::uint32_t size = block_size(id);
    if (size < class_floor) {
      class_floor = size > kExactClasses ? size / 2 + 1 : size;
      ResetTrials();
    }
    codes.clear();
    if (node.ends_key) codes.push_back(0);  // the value slot
    for (std::uint32_t j = 0; j < node.child_count; ++j) {
      codes.push_back(nodes_[node.first_child + j].code);
    }
    std::sort(codes.begin(), codes.end());
    const std::uint64_t base = FindBase(codes);
    for (const std::uint32_t code : codes) Occupy(base + code);
    nodes_[id].base = static_cast<std::uint32_t>(base);
    // A lookup may probe base + any code, not only the codes of the children.
    reach_end_ = std::max(reach_end_, base + alphabet_size_ + 1);
  }
}

void DoubleArrayTrie::Builder::WriteUnits() {
  // Parents have smaller ids than their children, so a parent's index is known first.
  std::vector<std::uint32_t> index(nodes_.size(), 0);
  for (std::uint32_t id = 0; id < nodes_.size(); ++id) {
    const Node& node = nodes_[id];
    const std::uint32_t at = id == 0 ? 0 : nodes_[node.parent].base + node.code;
    index[id] = at;
    Unit& unit = units_[at];
    unit.check = id == 0 ? kParentMask : index[node.parent];
    if (node.child_count == 0) {
      unit.base = node.value;
      unit.check |= kLeaf;
      continue;
    }
    unit.base = node.base;
    if (node.ends_key) {
      unit.check |= kHasValue;
      units_[node.base] = Unit{node.value, at};
    }
  }
}

std::vector<std::uint64_t> DoubleArrayTrie::Builder::Run(const std::vector<Entry>& entries) {
  Builder builder;
  builder.CollectNodes(entries);

  // The alphabet, ranked by the number of trie edges labelled with each character (ties by code
  // point), so that the characters most nodes have as children get the smallest codes and the
  // children of a node crowd into a narrow range of units.
  std::vector<std::uint32_t> edges(kMaxCodePoint + 1, 0);
  for (std::size_t id = 1; id < builder.nodes_.size(); ++id) ++edges[builder.nodes_[id].code];
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

  builder.alphabet_size_ = static_cast<std::uint32_t>(ranked.size());
  // From characters to codes.
  for (std::size_t id = 1; id < builder.nodes_.size(); ++id) {
    builder.nodes_[id].code = table.Code(builder.nodes_[id].code);
  }
  builder.Occupy(0);  // the root
  if (!entries.empty()) builder.PlaceBlocks();
  const std::uint64_t unit_count = std::max(builder.used_end_, builder.reach_end_);
  if (unit_count > kParentMask) {
    throw std::invalid_argument(
        "DoubleArrayTrie::Build: the keys need more than 2^30 - 1 units (too many keys)");
  }
  builder.Grow(unit_count - 1);
  if (!entries.empty()) builder.WriteUnits();

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
  // The tables are empty (null data, which memcpy must not be given) for a trie without keys.
  if (!table.index.empty()) {
    std::memcpy(image + layout.index_offset, table.index.data(), table.index.size() * 2);
    std::memcpy(image + layout.pages_offset, table.pages.data(), table.pages.size() * 2);
  }
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
  // Copy, then move: if the copy throws, this trie is untouched.
  if (this != &other) *this = DoubleArrayTrie(other);
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
  if (binary::kVerifyChecksums && Checksum(bytes.data(), layout.checksum_offset) != stored) {
    throw Error(std::string(kImageName) + " is corrupted (checksum mismatch)");
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

bool DoubleArrayTrie::ValuesBelow(std::uint64_t limit) const {
  // After ValidateStructure: a leaf holds its value in its base; a node with children and a
  // value, in the base of its value slot (the unit at its base, whose check names the node).
  for (std::uint32_t t = 1; t < unit_count_; ++t) {
    const Unit unit = units_[t];
    if ((unit.check & kParentMask) == kParentMask) continue;
    if ((unit.check & kLeaf) && unit.base >= limit) return false;
    if ((unit.check & kHasValue) && units_[unit.base].base >= limit) return false;
  }
  return true;
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
