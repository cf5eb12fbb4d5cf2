#include "gongwen/ids_by_address.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace gongwen {
namespace {

TEST(IdsByAddress, KeepsEachKeysIdThroughGrowth) {
  // Addresses 16 bytes apart (the alignment bits the table drops) and 8 apart (which collide).
  std::vector<std::int64_t> objects(200000);
  IdsByAddress ids;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    const auto [id, added] = ids.Insert(&objects[i]);
    ASSERT_TRUE(added) << i;
    EXPECT_EQ(*id, 0);
    *id = static_cast<std::int32_t>(i);
  }
  EXPECT_EQ(ids.size(), objects.size());
  for (std::size_t i = objects.size(); i-- > 0;) {
    const auto [id, added] = ids.Insert(&objects[i]);
    ASSERT_FALSE(added) << i;
    ASSERT_EQ(*id, static_cast<std::int32_t>(i));
  }
  EXPECT_EQ(ids.size(), objects.size());
}

TEST(IdsByAddress, SizedForExpectedKeys) {
  // Consecutive bytes: sixteen keys share each home slot.
  std::vector<char> objects(1000);
  IdsByAddress ids(objects.size());
  for (std::size_t i = 0; i < objects.size(); ++i) {
    *ids.Insert(&objects[i]).first = static_cast<std::int32_t>(i) + 7;
  }
  for (std::size_t i = 0; i < objects.size(); ++i) {
    EXPECT_EQ(*ids.Insert(&objects[i]).first, static_cast<std::int32_t>(i) + 7);
  }
  EXPECT_EQ(ids.size(), objects.size());
}

}  // namespace
}  // namespace gongwen
