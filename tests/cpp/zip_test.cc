// ZipReader (zip.cc) against hostile archives: bombs, lying sizes, overlapping entries, unsafe
// and GBK names, encryption, damage (tests/data/hostile/zip_*, made by make_hostile_fixtures.py),
// and archives too large to commit, made here.
#include "../../cpp/src/zip.h"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "gongwen/error.h"
#include "test_util.h"
#include "zip_builder.h"

namespace gongwen {
namespace {

using testing::MakeZip;
using testing::ReadFileBytes;
using testing::TestData;

// A hostile fixture's bytes, kept for the whole run (a ZipReader must not outlive its bytes).
const std::string& Hostile(const std::string& name) {
  static std::map<std::string, std::string> cache;
  auto [at, added] = cache.try_emplace(name);
  if (added) at->second = ReadFileBytes(TestData("hostile/" + name));
  return at->second;
}

// The message of the DecodeError `read` throws (fails the test when it throws none).
template <typename F>
std::string ErrorOf(F read) {
  try {
    read();
  } catch (const DecodeError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no DecodeError";
  return {};
}

TEST(ZipReader, ReadsMembersByName) {
  const std::string bytes =
      MakeZip({{"a.txt", "甲"}, {"dir/", ""}, {"dir/b.txt", std::string(100000, 'b')}});
  ASSERT_TRUE(LooksLikeZip(bytes));
  ZipReader zip(bytes, "t.zip");
  ASSERT_EQ(zip.members().size(), 3u);
  EXPECT_TRUE(zip.members()[1].directory);
  EXPECT_EQ(zip.ReadIfPresent("a.txt").value(), "甲");
  EXPECT_EQ(zip.ReadIfPresent("dir/b.txt")->size(), 100000u);
  EXPECT_FALSE(zip.ReadIfPresent("missing").has_value());
  std::size_t pieces = 0, total = 0;
  zip.ReadPieces(*zip.Find("dir/b.txt"), [&](std::string_view piece) {
    ++pieces;
    total += piece.size();
    EXPECT_LE(piece.size(), 64u * 1024);
  });
  EXPECT_EQ(total, 100000u);
  EXPECT_GE(pieces, 2u);
}

TEST(ZipReader, NotZipTruncatedOrEmpty) {
  EXPECT_FALSE(LooksLikeZip("plain text"));
  EXPECT_NE(ErrorOf([] { ZipReader(std::string_view("plain text"), "p.zip"); }).find("p.zip"),
            std::string::npos);
  EXPECT_THROW(ZipReader(Hostile("zip_truncated.zip"), "t.zip"), DecodeError);
  EXPECT_THROW(ZipReader(Hostile("zip_truncated_directory.zip"), "t.zip"), DecodeError);
  EXPECT_THROW(ZipReader(Hostile("zip_header.bin"), "t.zip"), DecodeError);
  ZipReader empty(Hostile("zip_empty.zip"), "e.zip");
  EXPECT_TRUE(empty.members().empty());
}

TEST(ZipReader, ABombStopsAtTheRatioOrTheSizeLimit) {
  // 64 MiB of zeros deflate to 64 KiB (1000x): refused once past 200x its compressed size.
  const std::string zeros(64u << 20, '\0');
  const std::string bytes = MakeZip({{"bomb.xml", zeros}});
  ASSERT_LT(bytes.size(), 1u << 20);
  ZipReader zip(bytes, "bomb.zip");
  std::uint64_t inflated = 0;
  const auto start = std::chrono::steady_clock::now();
  const std::string message = ErrorOf([&] {
    zip.ReadPieces(zip.members()[0], [&](std::string_view piece) { inflated += piece.size(); });
  });
  EXPECT_NE(message.find("zip bomb"), std::string::npos) << message;
  EXPECT_NE(message.find("bomb.zip/bomb.xml"), std::string::npos) << message;
  EXPECT_LE(inflated, 200 * zip.members()[0].compressed_size + (1u << 20));
  EXPECT_LT(inflated, zeros.size() / 4);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  // Without the ratio check, the member limit stops it.
  ZipLimits limits;
  limits.max_ratio = 1u << 30;
  limits.max_member_bytes = 8u << 20;
  ZipReader capped(bytes, "bomb.zip", limits);
  EXPECT_NE(ErrorOf([&] { capped.Read(capped.members()[0]); }).find("limit"), std::string::npos);
}

TEST(ZipReader, AMemberLyingAboutItsSizeIsReadToItsRealEndOrRefused) {
  const std::string bytes = Hostile("zip_lying_size.zip");
  ZipReader zip(bytes, "lie.zip");
  ASSERT_EQ(zip.members().size(), 1u);
  EXPECT_EQ(zip.members()[0].size, 20u);  // what it claims
  // libzip checks the inflated length against the claim; either way nothing past the limit.
  ZipLimits limits;
  limits.max_member_bytes = 1u << 20;
  ZipReader capped(bytes, "lie.zip", limits);
  EXPECT_THROW(capped.Read(capped.members()[0]), DecodeError);
}

TEST(ZipReader, OverlappingEntriesStopAtTheTotalLimit) {
  const std::string bytes = Hostile("zip_overlapping_bomb.zip");
  ASSERT_LT(bytes.size(), 64u * 1024);
  ZipLimits limits;
  limits.max_total_bytes = 64u << 20;
  ZipReader zip(bytes, "overlap.zip", limits);
  ASSERT_EQ(zip.members().size(), 600u);
  std::uint64_t read = 0;
  const std::string message = ErrorOf([&] {
    for (const ZipMember& member : zip.members()) read += zip.Read(member).size();
  });
  EXPECT_NE(message.find("in all"), std::string::npos) << message;
  EXPECT_LE(read, 64u << 20);
}

TEST(ZipReader, ManyMembersUpToTheLimit) {
  std::vector<std::pair<std::string, std::string>> members;
  for (int i = 0; i < 10001; ++i)
    members.emplace_back("m" + std::to_string(i) + ".txt", std::to_string(i));
  const std::string bytes = MakeZip(members, false);
  ZipReader zip(bytes, "many.zip");
  ASSERT_EQ(zip.members().size(), 10001u);
  EXPECT_EQ(zip.ReadIfPresent("m10000.txt").value(), "10000");
  ZipLimits limits;
  limits.max_members = 10000;
  EXPECT_NE(ErrorOf([&] { ZipReader(bytes, "many.zip", limits); }).find("10001 members"),
            std::string::npos);
}

TEST(ZipReader, UnsafeNamesAreMarkedAndNotRead) {
  ZipReader zip(Hostile("zip_unsafe_names.zip"), "names.zip");
  ASSERT_EQ(zip.members().size(), 5u);
  for (const ZipMember& member : zip.members()) {
    SCOPED_TRACE(member.name);
    const bool safe = member.name == "ok/fine.txt";
    EXPECT_EQ(member.unsafe_name, !safe);
    if (!safe) EXPECT_THROW(zip.Read(member), DecodeError);
  }
  EXPECT_EQ(zip.members()[0].name, "../../etc/passwd");
  EXPECT_EQ(zip.members()[2].name, "C:\\x");
  EXPECT_FALSE(zip.ReadIfPresent("ok/fine.txt").value().empty());
}

TEST(ZipReader, GbkNamesWithoutTheUtf8FlagAreDecoded) {
  ZipReader zip(Hostile("zip_gbk_names.zip"), "gbk.zip");
  ASSERT_EQ(zip.members().size(), 3u);
  EXPECT_EQ(zip.members()[0].name, "关于印发通知的通知.docx");
  EXPECT_EQ(zip.members()[1].name, "附件/实施办法.txt");
  EXPECT_EQ(zip.members()[2].name, "附件二.txt");
  EXPECT_EQ(zip.ReadIfPresent("附件/实施办法.txt").value(), "gbk");
}

TEST(ZipReader, EncryptedCrcAndCorruptMembersRaiseDecodeError) {
  ZipReader encrypted(Hostile("zip_encrypted.zip"), "enc.zip");
  ASSERT_EQ(encrypted.members().size(), 1u);
  EXPECT_TRUE(encrypted.members()[0].encrypted);
  EXPECT_NE(ErrorOf([&] { encrypted.Read(encrypted.members()[0]); }).find("encrypted"),
            std::string::npos);
  ZipReader crc(Hostile("zip_crc_error.zip"), "crc.zip");
  EXPECT_NE(ErrorOf([&] { crc.Read(crc.members()[0]); }).find("crc.zip/a.txt"), std::string::npos);
  ZipReader corrupt(Hostile("zip_corrupt_deflate.zip"), "bad.zip");
  EXPECT_THROW(corrupt.Read(corrupt.members()[0]), DecodeError);
}

TEST(ZipReader, NestedZipIsAMemberLikeAnyOther) {
  ZipReader outer(Hostile("zip_nested.zip"), "outer.zip");
  const std::string inner_bytes = outer.ReadIfPresent("inner.zip").value();
  ASSERT_TRUE(LooksLikeZip(inner_bytes));
  ZipReader inner(inner_bytes, "outer.zip/inner.zip");
  EXPECT_NE(inner.ReadIfPresent("word/document.xml").value().find("坚持党建引领"),
            std::string::npos);
}

TEST(ZipReader, EveryHostileArchiveIsReadOrRefusedNeverCrashes) {
  for (const char* name :
       {"zip_lying_size.zip", "zip_overlapping_bomb.zip", "zip_unsafe_names.zip",
        "zip_gbk_names.zip", "zip_encrypted.zip", "zip_crc_error.zip", "zip_corrupt_deflate.zip",
        "zip_truncated.zip", "zip_truncated_directory.zip", "zip_nested.zip", "zip_empty.zip",
        "zip_header.bin"}) {
    SCOPED_TRACE(name);
    const std::string bytes = Hostile(name);
    try {
      ZipReader zip(bytes, name);
      for (const ZipMember& member : zip.members()) {
        try {
          EXPECT_LE(zip.Read(member).size(), ZipLimits{}.max_member_bytes);
        } catch (const DecodeError& e) {
          EXPECT_NE(std::string(e.what()).find(name), std::string::npos);
        }
      }
    } catch (const DecodeError& e) {
      EXPECT_NE(std::string(e.what()).find(name), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace gongwen
