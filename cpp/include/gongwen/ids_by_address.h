// Ids found by the address of an object the caller holds, for counting word lists whose words
// are shared string objects (Python's cut_many hands out one str per distinct word): found by
// its address, a word is not read again. Open addressing over (address, id) slots in one array,
// where a node-based std::unordered_map allocates a node per key, chases a pointer per lookup
// and divides by a prime to find its bucket: counting the 6.0 M words of 200,000 paragraphs of
// the laws corpus took 0.302 s with std::unordered_map (reserved), 0.230 s with this table
// (best of 5; fit_transform of those word lists 0.782 s and 0.705 s).
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace gongwen {

// A table from addresses to 32-bit ids. The objects at the addresses must outlive their use as
// keys (an address may be reused once its object is gone): one table per batch of word lists.
class IdsByAddress {
 public:
  // A table sized for about `expected` keys (it grows as needed).
  explicit IdsByAddress(std::size_t expected = 0);

  // The id slot of `key` (not null) and whether the key is new; a new key's id is 0 until the
  // caller sets it, which it must do before the next call (a later call may move the slots).
  std::pair<std::int32_t*, bool> Insert(const void* key) {
    std::size_t i = Home(key);
    for (; slots_[i].key != nullptr; i = (i + 1) & mask_) {
      if (slots_[i].key == key) return {&slots_[i].id, false};
    }
    if (2 * (used_ + 1) > slots_.size()) {
      Grow();
      for (i = Home(key); slots_[i].key != nullptr; i = (i + 1) & mask_) {
      }
    }
    ++used_;
    slots_[i] = {key, 0};
    return {&slots_[i].id, true};
  }

  // The keys held.
  std::size_t size() const { return used_; }

 private:
  struct Slot {
    const void* key = nullptr;  // nullptr: empty
    std::int32_t id = 0;
  };

  // The first slot to probe for `key`: its address without the alignment bits, scrambled.
  std::size_t Home(const void* key) const {
    const auto bits = reinterpret_cast<std::uintptr_t>(key) >> 4;
    return static_cast<std::size_t>((bits * 0x9E3779B97F4A7C15ull) >> 20) & mask_;
  }

  // Doubles the slots, keeping the keys.
  void Grow();

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t used_ = 0;
};

}  // namespace gongwen
