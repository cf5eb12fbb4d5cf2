// Zip archives of documents: which members are read, nested archives, GBK names, members read
// by their path, and corpus loading member by member (gongwen/files.h, corpus.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "gongwen/corpus.h"
#include "gongwen/decode.h"
#include "gongwen/error.h"
#include "gongwen/files.h"
#include "test_util.h"

namespace gongwen {
namespace {

using testing::SampleData;
using testing::TestData;

const std::string kDownloads = TestData("archives/downloads.zip");

const ArchiveEntry* Entry(const std::vector<ArchiveEntry>& entries, const std::string& member) {
  const std::string path = kDownloads + "/" + member;
  for (const ArchiveEntry& e : entries) {
    if (e.path == path) return &e;
  }
  return nullptr;
}

TEST(ArchiveTest, SupportedFormatsBySuffix) {
  for (const char* name : {"a.txt", "b.PDF", "c.html", "d.shtml", "e.docx", "f.doc", "g.WPS",
                           "h.odt", "i.ofd", "j.zip", "k.mht", "no_suffix", "dir.x/file"}) {
    EXPECT_EQ(UnsupportedFormat(name), "") << name;
  }
  EXPECT_EQ(UnsupportedFormat("dir/data.XLS"), "unsupported format: .xls");
  EXPECT_EQ(UnsupportedFormat("scan.jpg"), "unsupported format: .jpg");
  EXPECT_TRUE(IsArchiveName("x/Downloads.ZIP"));
  EXPECT_FALSE(IsArchiveName("x.zip/file.docx"));
  const std::vector<std::string> suffixes = ReadSuffixes();
  EXPECT_EQ(suffixes.size(), 17u);
  for (const std::string& suffix : suffixes) {
    EXPECT_EQ(UnsupportedFormat("dir/file" + suffix), "") << suffix;
    EXPECT_EQ(suffix.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), std::string::npos) << suffix;
  }
}

TEST(ArchiveTest, ListsDocumentsNestedArchivesAndWhatIsNotRead) {
  const std::vector<ArchiveEntry> entries = ListArchive(kDownloads);
  ASSERT_NE(Entry(entries, "文件/anqing-zugong-2023-24.txt"), nullptr);
  EXPECT_EQ(Entry(entries, "文件/anqing-zugong-2023-24.txt")->error, "");
  const ArchiveEntry* nested =
      Entry(entries, "附件/more.zip/example-city-office-2023-120-new-year-holidays.txt");
  ASSERT_NE(nested, nullptr);
  EXPECT_EQ(nested->error, "");
  EXPECT_EQ(Entry(entries, "附件/统计表.xls")->error, "unsupported format: .xls");
  ASSERT_NE(Entry(entries, "../../etc/passwd"), nullptr);
  EXPECT_NE(Entry(entries, "../../etc/passwd")->error.find("unsafe member name"),
            std::string::npos);
  // Archivers' junk is no one's document: left out, not listed as errors.
  for (const ArchiveEntry& e : entries) {
    EXPECT_EQ(e.path.find("__MACOSX"), std::string::npos);
    EXPECT_EQ(e.path.find(".DS_Store"), std::string::npos);
  }
  EXPECT_EQ(entries.size(), 5u);
}

TEST(ArchiveTest, ReadsAMemberByItsPathAlsoInsideANestedArchive) {
  const std::string bulletin = ReadFileBytes(SampleData("anqing-zugong-2023-24.txt"));
  EXPECT_EQ(ReadText(kDownloads + "/文件/anqing-zugong-2023-24.txt").text, bulletin);
  const std::string notice =
      ReadFileBytes(SampleData("example-city-office-2023-120-new-year-holidays.txt"));
  EXPECT_EQ(
      ReadText(kDownloads + "/附件/more.zip/example-city-office-2023-120-new-year-holidays.txt")
          .text,
      notice);
  try {
    ReadText(kDownloads + "/文件/missing.txt");
    FAIL() << "a missing member was read";
  } catch (const FileError& e) {
    EXPECT_EQ(e.error_number(), ENOENT);
  }
  // A zip archive is many documents: reading it as one says how to read its members.
  try {
    ReadText(kDownloads);
    FAIL() << "an archive was read as one document";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("archive.zip/member"), std::string::npos);
  }
}

TEST(ArchiveTest, DecodesGbkMemberNamesOfWindowsArchives) {
  const std::vector<ArchiveEntry> entries = ListArchive(TestData("archives/windows-gbk.zip"));
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].path, TestData("archives/windows-gbk.zip") + "/关于春节放假的通知.txt");
  EXPECT_FALSE(ReadText(entries[0].path).text.empty());
}

TEST(ArchiveTest, LoadsAnArchiveMemberByMemberInOrderAmongFiles) {
  const std::string reference = SampleData("anqing-zugong-2023-24.txt");
  for (int threads : {1, 2}) {
    const std::vector<DocumentResult> results =
        LoadDocuments({reference, kDownloads, TestData("archives/windows-gbk.zip")}, threads);
    ASSERT_EQ(results.size(), 1u + 5u + 1u);
    EXPECT_EQ(results[0].path, reference);
    EXPECT_TRUE(results[0].document.has_value());
    EXPECT_EQ(results[1].path, kDownloads + "/文件/anqing-zugong-2023-24.txt");
    ASSERT_TRUE(results[1].document.has_value());
    EXPECT_EQ(results[1].document->kind, DocumentKind::kBulletin);
    EXPECT_EQ(results[1].document->parsed.path, results[1].path);
    EXPECT_EQ(results[2].document->kind, DocumentKind::kOfficial);
    EXPECT_EQ(results[3].document->kind, DocumentKind::kOfficial);  // in the nested archive
    EXPECT_EQ(results[4].error_type, "Unsupported");
    EXPECT_NE(results[4].error.find("unsupported format: .xls"), std::string::npos);
    EXPECT_EQ(results[5].error_type, "Unsupported");
    EXPECT_TRUE(results[6].document.has_value());
  }
}

TEST(ArchiveTest, AFileOfAnUnsupportedFormatIsListedNotRead) {
  const std::vector<DocumentResult> results = LoadDocuments({kDownloads + ".xls"});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].error_type, "Unsupported");
  EXPECT_EQ(results[0].error, "unsupported format: .xls");
  // A damaged archive is one error, not a crash or silence.
  const std::vector<DocumentResult> damaged =
      LoadDocuments({TestData("archives/../hostile/../archives/missing.zip")});
  ASSERT_EQ(damaged.size(), 1u);
  EXPECT_EQ(damaged[0].error_type, "FileError");
}

}  // namespace
}  // namespace gongwen
