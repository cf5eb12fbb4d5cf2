// Internal: interning strings to dense ids (0, 1, 2, ...), for the vocabularies of the
// vectorizer. Open addressing over (hash, id) slots in one array, the strings in another, in id
// order: a lookup reads one slot and, when the hashes agree, one string, where a node-based
// std::unordered_map chases a pointer per entry (and allocates one node per string).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongwen {

class StringIds {
 public:
  // A table sized for about `expected` strings (it grows as needed).
  explicit StringIds(std::size_t expected = 0);

  // The id of `s`, or nullopt.
  std::optional<std::int32_t> Find(std::string_view s) const;

  // The id of `s`, adding it (with the next id) when it is new; `*added` says which.
  std::int32_t Insert(std::string_view s, bool* added = nullptr);

  // The string of an id, and the number of strings.
  const std::string& operator[](std::int32_t id) const { return strings_[id]; }
  std::size_t size() const { return strings_.size(); }
  bool empty() const { return strings_.empty(); }
  const std::vector<std::string>& strings() const { return strings_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::int32_t id = -1;  // -1: empty
  };

  static std::uint64_t Hash(std::string_view s);
  // The slot holding `s`, or the empty slot where it would go.
  std::size_t Probe(std::string_view s, std::uint64_t hash) const;
  void Grow();

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::vector<std::string> strings_;
};

}  // namespace gongwen
