// The hostile fixtures (tests/data/hostile, made by make_hostile_fixtures.py; the Python tests
// and the fuzzers read them too) through every stage: each file is decoded or refused with a
// gongwen::Error, and what decodes is parsed, segmented, counted and compared without a crash,
// a hang or lost text. Plus the two large cases, made here: 10 MB without a newline, and a 1 GB
// sparse file.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "../../cpp/src/text.h"
#include "gongwen/bulletin.h"
#include "gongwen/decode.h"
#include "gongwen/error.h"
#include "gongwen/reuse.h"
#include "gongwen/segment.h"
#include "gongwen/vectorize.h"

namespace gongwen {
namespace {

namespace fs = std::filesystem;

const Segmenter& SharedSegmenter() {
  static const Segmenter segmenter;
  return segmenter;
}

// Every stage after decoding, with the invariants that must hold on any text.
void EveryStage(const std::string& utf8) {
  const Bulletin bulletin = ParseBulletin(utf8);
  for (const Article& article : bulletin.articles) {
    EXPECT_TRUE(text::IsValidUtf8(bulletin.Slice(article.text_span)));
  }

  const std::u32string chars = text::Decode(utf8);
  const std::vector<Token> tokens = SharedSegmenter().Tokenize(std::u32string_view(chars));
  std::size_t at = 0;
  for (const Token& token : tokens) {
    ASSERT_EQ(token.start, at);
    ASSERT_LT(token.start, token.end);
    at = token.end;
  }
  EXPECT_EQ(at, chars.size());

  TermCounter counter = TermCounter::Learning({}, true);
  counter.AddTexts(SharedSegmenter(), {chars, chars.substr(0, chars.size() / 2)}, 2);
  try {
    const Vocabulary vocabulary = counter.Finish();
    EXPECT_EQ(counter.Matrix<double>(false).rows(), 2);
  } catch (const std::invalid_argument&) {
    // No term at all ("empty vocabulary"): only punctuation, white space or nothing.
  }

  ReuseOptions reuse;
  reuse.min_chars = 10;
  const std::u32string copy = U"前言" + chars;
  for (const ReusedPassage& p : FindReuse({chars, copy}, reuse)) {
    EXPECT_LE(p.start_a, p.end_a);
    EXPECT_LE(p.end_a, chars.size());
    EXPECT_LE(p.end_b, copy.size());
  }
}

std::vector<fs::path> HostileFiles() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(GONGWEN_TEST_DATA) / "hostile")) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(HostileTest, EveryFixtureIsDecodedOrRefusedClearly) {
  const std::vector<fs::path> files = HostileFiles();
  ASSERT_GE(files.size(), 30u);
  int decoded = 0;
  for (const fs::path& path : files) {
    SCOPED_TRACE(path.filename().string());
    DecodedText text;
    try {
      text = ReadText(path.string());
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos);
      continue;
    }
    ++decoded;
    EXPECT_TRUE(text::IsValidUtf8(text.text));
    EveryStage(text.text);
  }
  EXPECT_GE(decoded, 20);
}

class LargeHostileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("gongwen-hostile-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(LargeHostileTest, TenMegabytesWithoutANewline) {
  const fs::path path = dir_ / "one_line.txt";
  {
    std::ofstream out(path, std::ios::binary);
    const std::string clause = "坚持党建引领，推动乡村振兴，";
    for (std::size_t written = 0; written < 10'000'000; written += clause.size()) out << clause;
  }
  const DecodedText text = ReadText(path.string());
  EXPECT_GE(text.text.size(), 10'000'000u);
  const Bulletin bulletin = ParseBulletin(text.text);
  std::size_t chars = 0;
  for (const Article& a : bulletin.articles) chars += a.text_span.end - a.text_span.start;
  EXPECT_GE(chars, text::Decode(text.text).size() * 99 / 100);  // no text lost
  const std::vector<Token> tokens = SharedSegmenter().Tokenize(std::string_view(text.text));
  EXPECT_EQ(tokens.back().end, text::Decode(text.text).size());
}

TEST_F(LargeHostileTest, AOneGigabyteBinaryFileIsRefusedFromItsHead) {
  const fs::path path = dir_ / "sparse.txt";
  { std::ofstream create(path); }
  fs::resize_file(path, std::uintmax_t{1} << 30);  // sparse: no disk, all zero bytes
  try {
    ReadText(path.string());
    FAIL() << "a file of NUL bytes decoded";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("binary data"), std::string::npos);
    EXPECT_EQ(e.offset(), 0u);
  }
  // A forced encoding reads it whole and decodes it: that is what forcing means. Not tested
  // here (1 GB of memory); the head check is what keeps detection from reading it.
}

}  // namespace
}  // namespace gongwen
