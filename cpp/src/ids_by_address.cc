#include "gongwen/ids_by_address.h"

namespace gongwen {

IdsByAddress::IdsByAddress(std::size_t expected) {
  std::size_t size = 16;
  while (size < 2 * expected) size *= 2;
  slots_.resize(size);
  mask_ = size - 1;
}

void IdsByAddress::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  mask_ = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.key == nullptr) continue;
    std::size_t i = Home(slot.key);
    while (slots_[i].key != nullptr) i = (i + 1) & mask_;
    slots_[i] = slot;
  }
}

}  // namespace gongwen
