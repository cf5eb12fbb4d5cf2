#include "../../cpp/src/binary_io.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "gongwen/error.h"

namespace gongwen::binary {
namespace {

constexpr std::uint64_t kMagic = 0x1122334455667788ull;

std::string Image(std::uint64_t magic, std::uint32_t version) {
  Writer w;
  w.PutHeader(magic, version);
  w.PutString("党建引领");
  w.PutArray(std::vector<double>{1.5, 2.5});
  return w.Finish();
}

std::string HeaderError(const std::string& image, std::uint32_t version) {
  try {
    Reader r(image, "test image");
    r.ReadHeader(kMagic, version, "test model");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(BinaryIoTest, ValuesComeBackInOrder) {
  const std::string image = Image(kMagic, 3);  // the reader views it: it must outlive r
  Reader r(image, "test image");
  r.ReadHeader(kMagic, 3, "test model");
  EXPECT_EQ(r.GetString(), "党建引领");
  EXPECT_EQ(r.GetArray<double>(), (std::vector<double>{1.5, 2.5}));
  EXPECT_TRUE(r.AtEnd());
}

TEST(BinaryIoTest, HeaderNamesWhatIsWrong) {
  EXPECT_EQ(HeaderError(Image(kMagic + 1, 3), 3), "test image: not a test model (bad magic)");
  EXPECT_EQ(HeaderError(Image(kMagic, 4), 3),
            "test image: format version 4 is newer than this gongwen reads (3); upgrade gongwen");
  EXPECT_EQ(HeaderError(Image(kMagic, 2), 3), "test image: unknown format version 2");
  EXPECT_EQ(HeaderError(Image(kMagic, 3), 3), "");
}

TEST(BinaryIoTest, DamageIsCaughtBeforeReading) {
  const std::string image = Image(kMagic, 3);
  EXPECT_THROW(Reader(image.substr(0, image.size() - 8), "test image"), Error);
  std::string flipped = image;
  flipped[20] ^= 0x01;
  EXPECT_THROW(Reader(flipped, "test image"), Error);
  Reader r(image, "test image");
  r.ReadHeader(kMagic, 3, "test model");
  r.GetString();
  r.GetArray<double>();
  EXPECT_THROW(r.Get<std::uint64_t>(), Error);
}

}  // namespace
}  // namespace gongwen::binary
