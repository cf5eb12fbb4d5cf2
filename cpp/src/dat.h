// A double-array trie over code points: the segmenter's lexicon. Maps unique keys to 32-bit values;
// an exact lookup or a common-prefix search costs, per character, one alphabet lookup and one probe
// of the unit array. The trie lives in one byte image (the format Serialize writes), so that a
// lexicon compiled into the library can be used in place without copying. Not part of the public
// API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gongwen {

// Keys of code points mapped to 32-bit values, with exact lookup and common-prefix search.
//
// Layout: characters are first mapped to a dense alphabet code (1..alphabet_size, ranked by how
// many trie edges carry the character, so that frequent characters get small codes and the
// children of a node sit close together); 0 means "not in any key". The code table is two-level:
// a page index over `c >> 8` and pages of 256 uint16 codes, so any code point, astral ones
// included, costs two loads. The trie itself is an array of 8-byte units {base, check}: the child
// of node s by code c is unit t = base[s] + c, valid when the parent field of check[t] is s. The
// two high bits of check mark a node that ends a key: kLeaf (no children; base holds the value)
// or kHasValue (has children; the value is in the base of unit base[s] + 0, a slot no character
// can reach because code 0 is never a transition).
//
// Safety: Deserialize proves, once, that every probe a lookup can make is in bounds (see
// ValidateStructure in dat.cc), so lookups carry no per-step bounds checks. The trie is immutable:
// const methods may be called from several threads at once.
class DoubleArrayTrie {
 public:
  // One key and its value, as Build takes them.
  using Entry = std::pair<std::u32string, std::uint32_t>;

  // The default max_length of CommonPrefixSearch: no limit.
  static constexpr std::size_t kNoLimit = std::numeric_limits<std::size_t>::max();

  // An empty trie (no keys): every lookup fails. Views a static image; allocates nothing.
  DoubleArrayTrie() noexcept;

  // Copies own a copy of the image if the source did, and share the viewed bytes otherwise.
  DoubleArrayTrie(const DoubleArrayTrie& other);
  // Assigns as the copy constructor copies.
  DoubleArrayTrie& operator=(const DoubleArrayTrie& other);
  // Moves keep pointing at the same bytes (a vector's buffer survives a move).
  DoubleArrayTrie(DoubleArrayTrie&& other) noexcept;
  // Move-assigns; `other` is left an empty trie.
  DoubleArrayTrie& operator=(DoubleArrayTrie&& other) noexcept;

  // Builds a trie from unique keys in any order. Throws std::invalid_argument on an empty key, a
  // duplicate key, a character above U+10FFFF, more than 65,535 distinct characters, or a trie
  // too large for 30-bit unit indices (about a billion units).
  static DoubleArrayTrie Build(std::vector<Entry> entries);

  // Rebuilds a trie from an image written by Serialize. With `copy` true the bytes are copied into
  // storage the trie owns; with `copy` false the trie views `bytes` in place (the caller keeps
  // them alive and unchanged, e.g. an `alignas(8)` array compiled into the library), which then
  // must start at an 8-byte aligned address (else std::invalid_argument). Throws gongwen::Error
  // naming the fault for an image that is truncated, foreign (bad magic or byte order), of a newer
  // or unknown version, corrupted (checksum mismatch) or structurally unsound. Cost: one pass over
  // the image for the checksum and one over the units for validation.
  static DoubleArrayTrie Deserialize(std::string_view bytes, bool copy = true);

  // The value of `key`, or nullopt when it is not a key (the empty string never is).
  std::optional<std::uint32_t> Find(std::u32string_view key) const;

  // Calls visit(length, value) for every key that is a prefix of `text` of at most `max_length`
  // code points, shortest first; `length` is in code points. Allocates nothing. `visit` takes
  // (std::size_t, std::uint32_t) and returns nothing.
  template <typename Visit>
  void CommonPrefixSearch(std::u32string_view text, Visit&& visit,
                          std::size_t max_length = kNoLimit) const;

  // Whether every key's value is below `limit` (one pass over the units): a reader that uses
  // values as indices checks them once, as an image may hold any value.
  bool ValuesBelow(std::uint64_t limit) const;

  // The alphabet code of `c` (1..alphabet_size()), or 0 when no key contains `c`.
  std::uint32_t Code(char32_t c) const;

  // Number of keys.
  std::size_t size() const { return key_count_; }

  // Whether the trie has no keys.
  bool empty() const { return key_count_ == 0; }

  // Number of distinct characters in the keys.
  std::size_t alphabet_size() const { return alphabet_size_; }

  // Number of 8-byte units in the trie array, used or free.
  std::size_t unit_count() const { return unit_count_; }

  // Bytes of the image the trie reads (owned or viewed); equal to Serialize().size().
  std::size_t MemoryBytes() const { return image_bytes_; }

  // Whether the trie owns its image (false for a view made by Deserialize(bytes, false)).
  bool owns_image() const { return !storage_.empty(); }

  // The byte image: a versioned header (magic, version, byte order, sizes), the code tables, the
  // unit array and a 64-bit checksum, each section 8-byte aligned. Written in the host's byte
  // order; Deserialize refuses an image of the other order.
  std::string Serialize() const;

 private:
  // One element of the double array. For a node: `base` is the offset of its children (or its
  // value, for a leaf); `check` is its parent's index plus the kLeaf/kHasValue flags. For the
  // value slot of a node with children: `base` is the value, `check` the node's index.
  struct Unit {
    std::uint32_t base;
    std::uint32_t check;
  };

  // Parent field of check; all ones means "no parent" (a free unit, and the root).
  static constexpr std::uint32_t kParentMask = 0x3FFFFFFF;
  // Flag in check: the node ends a key and has children; its value is in units_[base].base.
  static constexpr std::uint32_t kHasValue = 1u << 30;
  // Flag in check: the node ends a key and has no children; its base is the value.
  static constexpr std::uint32_t kLeaf = 1u << 31;

  // Places the keys into a unit array and writes the image (defined in dat.cc).
  class Builder;

  // Points the array views at `image`, whose header has been validated.
  void Attach(const char* image);

  // Checks the invariants that make unchecked lookups safe; throws gongwen::Error if one fails.
  void ValidateStructure() const;

  // The image when the trie owns it (uint64 elements for 8-byte alignment); empty for a view.
  std::vector<std::uint64_t> storage_;
  // Start and size of the image in bytes (in storage_ or viewed).
  const char* image_ = nullptr;
  std::size_t image_bytes_ = 0;
  // Page index over c >> 8: page numbers into pages_; index_size_ entries.
  const std::uint16_t* index_ = nullptr;
  std::uint32_t index_size_ = 0;
  // Pages of 256 alphabet codes each; page_count_ pages.
  const std::uint16_t* pages_ = nullptr;
  std::uint32_t page_count_ = 0;
  // The double array; unit 0 is the root.
  const Unit* units_ = nullptr;
  std::uint32_t unit_count_ = 0;
  std::uint32_t key_count_ = 0;
  std::uint32_t alphabet_size_ = 0;
};

inline std::uint32_t DoubleArrayTrie::Code(char32_t c) const {
  const std::uint32_t high = static_cast<std::uint32_t>(c) >> 8;
  if (high >= index_size_) return 0;
  return pages_[(static_cast<std::uint32_t>(index_[high]) << 8) | (c & 0xFF)];
}

template <typename Visit>
void DoubleArrayTrie::CommonPrefixSearch(std::u32string_view text, Visit&& visit,
                                         std::size_t max_length) const {
  // The arrays in locals: `visit` may write through pointers the compiler cannot tell apart from
  // this trie's members, which would otherwise be reloaded at every step.
  const Unit* const units = units_;
  const std::uint16_t* const index = index_;
  const std::uint16_t* const pages = pages_;
  const std::uint32_t index_size = index_size_;
  const std::size_t n = text.size() < max_length ? text.size() : max_length;
  std::uint32_t node = 0;
  std::uint32_t base = units[0].base;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t high = static_cast<std::uint32_t>(text[i]) >> 8;
    if (high >= index_size) return;
    const std::uint32_t code = pages[(std::uint32_t{index[high]} << 8) | (text[i] & 0xFF)];
    if (code == 0) return;
    // In bounds for any code in 1..alphabet_size: ValidateStructure proved base + code < size.
    const std::uint32_t next = base + code;
    const Unit unit = units[next];
    if ((unit.check & kParentMask) != node) return;
    if (unit.check & kLeaf) {
      visit(i + 1, unit.base);
      return;
    }
    if (unit.check & kHasValue) visit(i + 1, units[unit.base].base);
    node = next;
    base = unit.base;
  }
}

}  // namespace gongwen
