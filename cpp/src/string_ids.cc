#include "string_ids.h"

#include <functional>
#include <limits>

#include "gongwen/error.h"

namespace gongwen {

StringIds::StringIds(std::size_t expected) {
  std::size_t capacity = 16;
  while (capacity < 2 * expected) capacity *= 2;
  slots_.resize(capacity);
  strings_.reserve(expected);
}

std::uint64_t StringIds::Hash(std::string_view s) { return std::hash<std::string_view>{}(s); }

std::size_t StringIds::Probe(std::string_view s, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id < 0 || (slot.hash == hash && strings_[slot.id] == s)) return i;
  }
}

std::optional<std::int32_t> StringIds::Find(std::string_view s) const {
  const Slot& slot = slots_[Probe(s, Hash(s))];
  if (slot.id < 0) return std::nullopt;
  return slot.id;
}

std::int32_t StringIds::Insert(std::string_view s, bool* added) {
  const std::uint64_t hash = Hash(s);
  std::size_t i = Probe(s, hash);
  if (added) *added = slots_[i].id < 0;
  if (slots_[i].id >= 0) return slots_[i].id;
  if (strings_.size() >= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
    throw Error("more than 2^31 distinct terms");
  }
  const auto id = static_cast<std::int32_t>(strings_.size());
  strings_.emplace_back(s);
  slots_[i] = {hash, id};
  if (2 * strings_.size() > slots_.size()) Grow();
  return id;
}

void StringIds::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.id < 0) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].id >= 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace gongwen
