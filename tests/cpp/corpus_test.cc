#include "gongwen/corpus.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "test_util.h"

namespace gongwen {
namespace {

namespace fs = std::filesystem;

class CorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("gongwen-corpus-test-" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }

  fs::path dir_;
};

TEST_F(CorpusTest, LoadsGoodFilesAndRecordsBadOnesInOrder) {
  const std::vector<std::string> paths = {
      testing::ReferencePath(),
      (dir_ / "missing.txt").string(),
      dir_.string(),  // a directory
      Write("junk.txt", std::string("\x00\x01\x02\xFF\xFE binary", 12)),
      Write("empty.txt", ""),
      testing::TestData("genres/briefing_bylines.txt"),
  };
  const std::vector<LoadResult> results = LoadBulletins(paths, 2);
  ASSERT_EQ(results.size(), paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) EXPECT_EQ(results[i].path, paths[i]);

  ASSERT_TRUE(results[0].bulletin);
  EXPECT_EQ(results[0].bulletin->publication, "安庆组工信息");
  EXPECT_EQ(results[0].bulletin->path, paths[0]);
  EXPECT_EQ(results[0].bulletin->encoding, "UTF-8");
  EXPECT_EQ(results[1].error_type, "FileError");
  EXPECT_EQ(results[1].error_number, ENOENT);
  EXPECT_EQ(results[2].error_type, "FileError");
  EXPECT_EQ(results[2].error_number, EISDIR);
  EXPECT_EQ(results[3].error_type, "DecodeError");
  EXPECT_EQ(results[4].error_type, "EmptyDocument");
  ASSERT_TRUE(results[5].bulletin);
  EXPECT_EQ(results[5].bulletin->publication, "工作简报");
  for (const LoadResult& r : results) {
    EXPECT_EQ(r.bulletin.has_value(), r.error_type.empty()) << r.path;
    EXPECT_EQ(r.error.empty(), r.error_type.empty()) << r.path;
  }
}

TEST_F(CorpusTest, ThreadCountDoesNotChangeResults) {
  std::vector<std::string> paths;
  for (int i = 0; i < 12; ++i) {
    paths.push_back(i % 2 ? testing::ReferencePath()
                          : testing::TestData("genres/bracket_openings.txt"));
  }
  const std::vector<LoadResult> one = LoadBulletins(paths, 1);
  for (int threads : {0, 2, 8, 64}) {
    const std::vector<LoadResult> many = LoadBulletins(paths, threads);
    ASSERT_EQ(many.size(), one.size());
    for (std::size_t i = 0; i < one.size(); ++i) {
      ASSERT_TRUE(many[i].bulletin && one[i].bulletin);
      EXPECT_EQ(many[i].bulletin->text, one[i].bulletin->text);
      EXPECT_EQ(many[i].bulletin->articles.size(), one[i].bulletin->articles.size());
    }
  }
}

TEST_F(CorpusTest, EmptyListAndBadArguments) {
  EXPECT_TRUE(LoadBulletins({}, 4).empty());
  EXPECT_THROW(LoadBulletins({testing::ReferencePath()}, -1), std::invalid_argument);
}

}  // namespace
}  // namespace gongwen
