#include "gongwen/decode.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include "gongwen/error.h"

namespace gongwen {
namespace {

namespace fs = std::filesystem;

std::string FixturePath(const std::string& name) {
  return std::string(GONGWEN_TEST_DATA) + "/encodings/" + name;
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string Fixture(const std::string& name) { return ReadBytes(FixturePath(name)); }

// The reference bulletin in UTF-8: the UTF-8 fixture without its BOM.
std::string Reference() { return Fixture("anqing.utf8-bom.txt").substr(3); }

// A fresh path under the test's temporary directory.
std::string TempPath(const std::string& name) {
  const fs::path dir = fs::path(testing::TempDir()) / "gongwen_decode_test";
  fs::create_directories(dir);
  return (dir / name).string();
}

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  const std::string path = TempPath(name);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  return path;
}

// Runs `decode`, expecting a DecodeError, and returns it.
template <typename F>
DecodeError ExpectDecodeError(F decode) {
  try {
    decode();
  } catch (const DecodeError& error) {
    return error;
  }
  ADD_FAILURE() << "no DecodeError";
  return DecodeError("", 0, "");
}

template <typename F>
FileError ExpectFileError(F read) {
  try {
    read();
  } catch (const FileError& error) {
    return error;
  }
  ADD_FAILURE() << "no FileError";
  return FileError("", 0, "");
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// --- UTF-8 and byte-order marks ---

TEST(DecodeBytesTest, PlainUtf8) {
  const DecodedText decoded = DecodeBytes("安庆组工信息\n第 24 期\n");
  EXPECT_EQ(decoded.text, "安庆组工信息\n第 24 期\n");
  EXPECT_EQ(decoded.encoding, "UTF-8");
}

TEST(DecodeBytesTest, AsciiIsUtf8) {
  const DecodedText decoded = DecodeBytes("Article 1.\r\n\tIndented.\f\n");
  EXPECT_EQ(decoded.text, "Article 1.\r\n\tIndented.\f\n");
  EXPECT_EQ(decoded.encoding, "UTF-8");
}

TEST(DecodeBytesTest, Utf8WithBomDropsTheBom) {
  const DecodedText decoded = DecodeBytes(Fixture("anqing.utf8-bom.txt"));
  EXPECT_EQ(decoded.encoding, "UTF-8");
  EXPECT_EQ(decoded.text.substr(0, 19), " 安庆组工信息");
  EXPECT_EQ(decoded.text, Reference());
}

TEST(DecodeBytesTest, Utf16LittleEndianWithBom) {
  const DecodedText decoded = DecodeBytes(Fixture("anqing.utf16le-bom.txt"));
  EXPECT_EQ(decoded.encoding, "UTF-16LE");
  EXPECT_EQ(decoded.text, Reference());
}

TEST(DecodeBytesTest, Utf16BigEndianWithBom) {
  const DecodedText decoded = DecodeBytes(Fixture("anqing.utf16be-bom.txt"));
  EXPECT_EQ(decoded.encoding, "UTF-16BE");
  EXPECT_EQ(decoded.text, Reference());
}

TEST(DecodeBytesTest, Utf32WithBom) {
  // U+FEFF, 中 (U+4E2D), 𠮷 (U+20BB7), '\n' as UTF-32LE and UTF-32BE.
  const std::string le("\xFF\xFE\0\0\x2D\x4E\0\0\xB7\x0B\x02\0\n\0\0\0", 16);
  const std::string be("\0\0\xFE\xFF\0\0\x4E\x2D\0\x02\x0B\xB7\0\0\0\n", 16);
  EXPECT_EQ(DecodeBytes(le).text, "中𠮷\n");
  EXPECT_EQ(DecodeBytes(le).encoding, "UTF-32LE");
  EXPECT_EQ(DecodeBytes(be).text, "中𠮷\n");
  EXPECT_EQ(DecodeBytes(be).encoding, "UTF-32BE");
}

TEST(DecodeBytesTest, Utf16WithoutBomIsRecognisedByItsNulBytes) {
  std::string bytes;
  for (const char c : std::string("Article 1. Text in UTF-16, no byte-order mark.\n")) {
    bytes += c;
    bytes += '\0';
  }
  const DecodedText decoded = DecodeBytes(bytes);
  EXPECT_EQ(decoded.encoding, "UTF-16LE");
  EXPECT_EQ(decoded.text, "Article 1. Text in UTF-16, no byte-order mark.\n");
}

TEST(DecodeBytesTest, InvalidUtf16AfterBomReportsTheUnpairedSurrogate) {
  // "ab", then a lone high surrogate (D800) followed by 'c'.
  const std::string bytes(
      "\xFF\xFE"
      "a\0b\0\x00\xD8"
      "c\0",
      10);
  const DecodeError error = ExpectDecodeError([&] { DecodeBytes(bytes, "u16"); });
  EXPECT_EQ(error.offset(), 6u);
  EXPECT_TRUE(Contains(error.what(), "UTF-16LE")) << error.what();
}

// --- GB18030 / GBK and the other legacy encodings ---

TEST(DecodeBytesTest, GbkDocumentDecodesAsGb18030) {
  const DecodedText decoded = DecodeBytes(Fixture("anqing.gbk.txt"));
  EXPECT_EQ(decoded.encoding, "GB18030");
  EXPECT_EQ(decoded.text, Reference());
}

TEST(DecodeBytesTest, ShortGbkTitleLine) {
  // Six characters: too few for ICU's detector, which ranks UTF-16BE and KOI8-R above GB18030.
  const DecodedText decoded = DecodeBytes(Fixture("title.gbk.txt"));
  EXPECT_EQ(decoded.encoding, "GB18030");
  EXPECT_EQ(decoded.text, "安庆组工信息\n");
}

TEST(DecodeBytesTest, GbkParagraph) {
  const DecodedText decoded = DecodeBytes(Fixture("paragraph.gbk.txt"));
  EXPECT_EQ(decoded.encoding, "GB18030");
  EXPECT_EQ(decoded.text.rfind("编者按：8 月 30 日，全市组织工作会议召开。", 0), 0u);
  EXPECT_TRUE(Contains(decoded.text, "部署当前和今后一个时期重点任务。\n"));
}

TEST(DecodeBytesTest, ShortGbkExcerptsOfTheDocument) {
  // Every line of the bulletin with at least two hanzi, on its own, encoded as GBK: titles,
  // author lines and wrapped lines of 2 to 30 characters, short for ICU's detector.
  const std::string reference = Reference();
  const std::string bytes = Fixture("anqing.gbk.txt");
  std::size_t lines = 0;
  std::size_t start = 0;
  for (std::size_t end = bytes.find('\n'); end != std::string::npos;
       start = end + 1, end = bytes.find('\n', start)) {
    const std::string line = bytes.substr(start, end - start);
    if (std::count_if(line.begin(), line.end(), [](char c) { return c & 0x80; }) < 4) continue;
    const DecodedText decoded = DecodeBytes(line);
    EXPECT_EQ(decoded.encoding, "GB18030") << decoded.text;
    EXPECT_TRUE(Contains(reference, decoded.text)) << decoded.text;
    ++lines;
  }
  EXPECT_GT(lines, 150u);
}

TEST(DecodeBytesTest, Gb18030FourByteCharacter) {
  const DecodedText decoded = DecodeBytes(Fixture("gb18030-extension.txt"));
  EXPECT_EQ(decoded.encoding, "GB18030");
  EXPECT_TRUE(Contains(decoded.text, "“𠮷”是“吉”的异体字")) << decoded.text;
}

TEST(DecodeBytesTest, Gb18030ByteOrderMark) {
  const DecodedText decoded = DecodeBytes("\x84\x31\x95\x33\xB0\xB2\xC7\xEC");
  EXPECT_EQ(decoded.encoding, "GB18030");
  EXPECT_EQ(decoded.text, "安庆");
}

TEST(DecodeBytesTest, Big5TraditionalText) {
  const DecodedText decoded = DecodeBytes(Fixture("big5.txt"));
  EXPECT_EQ(decoded.encoding, "Big5");
  EXPECT_TRUE(Contains(decoded.text, "奮力推進基層治理水平邁上新臺階\n")) << decoded.text;
  EXPECT_TRUE(Contains(decoded.text, "中華人民共和國的一切權力屬於人民。")) << decoded.text;
}

TEST(DecodeBytesTest, Big5SingleLine) {
  // Fifteen characters; the bytes also decode as GB18030, but do not look like GB2312 text.
  const DecodedText decoded = DecodeBytes(Fixture("big5-line.txt"));
  EXPECT_EQ(decoded.encoding, "Big5");
  EXPECT_EQ(decoded.text, "奮力推進基層治理水平邁上新臺階\n");
}

TEST(DecodeBytesTest, ConfidentKoreanBeatsGb18030) {
  const DecodedText decoded = DecodeBytes(Fixture("korean.euc-kr.txt"));
  EXPECT_EQ(decoded.encoding, "EUC-KR");
  EXPECT_TRUE(Contains(decoded.text, "대한민국은 민주공화국이다.")) << decoded.text;
}

TEST(DecodeBytesTest, LoneHighByteInAsciiIsASingleByteCharset) {
  // Not UTF-8, and too little evidence of corrupt UTF-8: a Western single-byte charset fits.
  const DecodedText decoded = DecodeBytes(
      "caf\xE9 au lait, cr\xE8me br\xFBl\xE9"
      "e\n");
  EXPECT_NE(decoded.encoding, "UTF-8");
  EXPECT_EQ(decoded.text, "café au lait, crème brûlée\n");
}

// Texts in the alphabets of the single-byte charsets decode; the bytes below, written by
// Python's codecs, are the same sentences in windows-1252, windows-1251 and ISO-8859-7.
TEST(DecodeBytesTest, SingleByteCharsetsOfOtherAlphabets) {
  // "“Hello,” she said — it’s a “quoted” text… with ‘smart’ quotes – and dashes. " x 3: more
  // curly quotes and dashes than letters outside ASCII.
  std::string english;
  for (int i = 0; i < 3; ++i) {
    english +=
        "\x93Hello,\x94 she said \x97 it\x92s a \x93quoted\x94 text\x85 with \x91smart\x92 "
        "quotes \x96 and dashes. ";
  }
  EXPECT_TRUE(Contains(DecodeBytes(english).text, "“Hello,” she said — it’s a “quoted” text…"));
  // "Государственная Дума приняла закон. " x 3
  std::string russian;
  for (int i = 0; i < 3; ++i) {
    russian +=
        "\xc3\xee\xf1\xf3\xe4\xe0\xf0\xf1\xf2\xe2\xe5\xed\xed\xe0\xff \xc4\xf3\xec\xe0 "
        "\xef\xf0\xe8\xed\xff\xeb\xe0 \xe7\xe0\xea\xee\xed. ";
  }
  EXPECT_TRUE(Contains(DecodeBytes(russian).text, "Государственная Дума приняла закон."));
  // "Η Βουλή ψήφισε τον νόμο για την τοπική αυτοδιοίκηση. " x 3
  std::string greek;
  for (int i = 0; i < 3; ++i) {
    greek +=
        "\xc7 \xc2\xef\xf5\xeb\xde \xf8\xde\xf6\xe9\xf3\xe5 \xf4\xef\xed \xed\xfc\xec\xef "
        "\xe3\xe9\xe1 \xf4\xe7\xed \xf4\xef\xf0\xe9\xea\xde \xe1\xf5\xf4\xef\xe4\xe9\xef\xdf"
        "\xea\xe7\xf3\xe7. ";
  }
  EXPECT_TRUE(Contains(DecodeBytes(greek).text, "Η Βουλή ψήφισε τον νόμο"));
}

// Junk decodes "cleanly" in a single-byte charset; it is refused, not turned into mojibake.
TEST(DecodeBytesTest, JunkThatOnlyASingleByteCharsetFitsIsRefused) {
  // Overlong UTF-8 forms and 0xFF: windows-1252 reads them as "Á¿à€¯øˆ€€€ÿþý".
  std::string symbols;
  for (int i = 0; i < 20; ++i) symbols += "\xc1\xbf\xe0\x80\xaf\xf8\x88\x80\x80\x80\xff\xfe\xfd";
  DecodeError error = ExpectDecodeError([&] { DecodeBytes(symbols, "junk.txt"); });
  EXPECT_TRUE(Contains(error.what(), "does not read as text")) << error.what();
  // High bytes without a space: windows-1251 reads them as one long Cyrillic "word".
  std::string unspaced;
  for (int i = 0; i < 300; ++i) unspaced += static_cast<char>(0xC0 + (i * 7) % 64);
  error = ExpectDecodeError([&] { DecodeBytes(unspaced, "unspaced.txt"); });
  EXPECT_TRUE(Contains(error.what(), "not UTF-8")) << error.what();
}

TEST(DecodeBytesTest, CorruptGbkReportsTheBadByteUnderGb18030) {
  std::string bytes = Fixture("anqing.gbk.txt");
  // Find a character boundary in the middle that starts a two-byte character, and break it.
  std::size_t at = 0;
  while (at < bytes.size() / 2 || static_cast<unsigned char>(bytes[at]) < 0x81) {
    at += static_cast<unsigned char>(bytes[at]) < 0x80 ? 1 : 2;
  }
  bytes[at] = '\xFF';
  const DecodeError error = ExpectDecodeError([&] { DecodeBytes(bytes, "broken.txt"); });
  EXPECT_EQ(error.offset(), at);
  EXPECT_EQ(error.path(), "broken.txt");
  EXPECT_TRUE(Contains(error.what(), "tried GB18030")) << error.what();
  EXPECT_TRUE(Contains(error.what(), "not UTF-8")) << error.what();
}

// --- forced encodings ---

TEST(DecodeBytesTest, ForcedEncoding) {
  const std::string gbk = Fixture("anqing.gbk.txt");
  DecodedText decoded = DecodeBytes(gbk, "anqing", "GBK");
  EXPECT_EQ(decoded.encoding, "GBK");
  EXPECT_EQ(decoded.text, Reference());
  decoded = DecodeBytes(gbk, "anqing", "gb18030");
  EXPECT_EQ(decoded.encoding, "GB18030");
  EXPECT_EQ(decoded.text, Reference());
  // Forcing skips detection: every byte is a Latin-1 character.
  decoded = DecodeBytes(Fixture("title.gbk.txt"), "title", "latin1");
  EXPECT_EQ(decoded.encoding, "ISO-8859-1");
  EXPECT_EQ(decoded.text, "°²Çì×é¹¤ÐÅÏ¢\n");
}

TEST(DecodeBytesTest, ForcedUtf16UsesAndDropsTheBom) {
  const DecodedText decoded = DecodeBytes(Fixture("anqing.utf16le-bom.txt"), "x", "utf-16");
  EXPECT_EQ(decoded.encoding, "UTF-16");
  EXPECT_EQ(decoded.text, Reference());
}

TEST(DecodeBytesTest, ForcedUtf8DropsTheBomAndRejectsGbk) {
  EXPECT_EQ(DecodeBytes(Fixture("anqing.utf8-bom.txt"), "x", "utf8").text, Reference());
  const DecodeError error =
      ExpectDecodeError([&] { DecodeBytes(Fixture("anqing.gbk.txt"), "gbk", "UTF-8"); });
  EXPECT_EQ(error.offset(), 1u);  // after the leading space
}

TEST(DecodeBytesTest, ForcedEncodingReportsTheFirstBadByte) {
  // 安 in GBK, then a lead byte followed by a byte that cannot follow it.
  const DecodeError error = ExpectDecodeError([] { DecodeBytes("\xB0\xB2\xB0\x0A", "x", "GBK"); });
  EXPECT_EQ(error.offset(), 2u);
}

TEST(DecodeBytesTest, UnknownEncodingIsAnInvalidArgument) {
  EXPECT_THROW(DecodeBytes("text", "x", "no-such-charset"), std::invalid_argument);
  EXPECT_THROW(DecodeBytes("", "x", "no-such-charset"), std::invalid_argument);
  EXPECT_THROW(ReadText(FixturePath("title.gbk.txt"), "GBK-2"), std::invalid_argument);
}

// --- invalid UTF-8 and binary data ---

TEST(DecodeBytesTest, InvalidUtf8ReportsTheOffset) {
  const std::string prefix = "安庆组工信息第二十四期";  // 11 characters, 33 bytes
  for (const std::string bad :
       {"\xFF", "\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE5\xAE"}) {
    const std::string bytes = prefix + bad + "，中共安庆市委组织部。\n";
    const DecodeError error = ExpectDecodeError([&] { DecodeBytes(bytes, "bad.txt"); });
    EXPECT_EQ(error.offset(), 33u);
    EXPECT_EQ(error.path(), "bad.txt");
    EXPECT_TRUE(Contains(error.what(), "invalid UTF-8")) << error.what();
  }
}

TEST(DecodeBytesTest, TruncatedUtf8AtEndOfFile) {
  const std::string path = FixturePath("truncated_utf8.txt");
  const std::size_t size = ReadBytes(path).size();
  const DecodeError error = ExpectDecodeError([&] { ReadText(path); });
  EXPECT_EQ(error.offset(), size - 2);
  EXPECT_EQ(error.path(), path);
  EXPECT_TRUE(Contains(error.what(), "incomplete")) << error.what();
}

TEST(DecodeBytesTest, BinaryJunkReportsTheFirstNul) {
  const std::string bytes = Fixture("binary_junk.bin");
  const DecodeError error = ExpectDecodeError([&] { DecodeBytes(bytes, "junk"); });
  EXPECT_EQ(error.offset(), bytes.find('\0'));
  EXPECT_TRUE(Contains(error.what(), "binary")) << error.what();
}

TEST(DecodeBytesTest, NulInUtf8TextIsBinary) {
  const DecodeError error =
      ExpectDecodeError([] { DecodeBytes(std::string("安庆组工信息\0\0\0\0", 22)); });
  EXPECT_EQ(error.offset(), 18u);
}

TEST(DecodeBytesTest, ManyControlCharactersAreBinary) {
  std::string bytes = "first line\n";
  for (int i = 0; i < 20; ++i) bytes += "ab\x01\x02\x03\x04\x05\x06\x07\x08";
  const DecodeError error = ExpectDecodeError([&] { DecodeBytes(bytes); });
  EXPECT_EQ(error.offset(), 13u);
  // A stray control character in a long text is not binary data.
  EXPECT_EQ(DecodeBytes(Reference() + "\x07" + Reference()).encoding, "UTF-8");
}

TEST(DecodeBytesTest, EmptyInputIsEmptyUtf8) {
  EXPECT_EQ(DecodeBytes("").text, "");
  EXPECT_EQ(DecodeBytes("").encoding, "UTF-8");
}

TEST(DecodeBytesTest, FiftyMegabyteLineOfUtf8) {
  const std::string unit = "安庆组工信息第 24 期中共安庆市委组织部研究室，";
  std::string bytes;
  bytes.reserve(50u << 20);
  while (bytes.size() + unit.size() <= (50u << 20)) bytes += unit;
  const DecodedText decoded = DecodeBytes(bytes);
  EXPECT_EQ(decoded.encoding, "UTF-8");
  EXPECT_EQ(decoded.text.size(), bytes.size());
}

TEST(DecodeBytesTest, MegabytesOfGbk) {
  // Detection reads a bounded prefix; the strict conversion still covers every byte, in steps
  // whose boundaries fall inside characters.
  const std::string document = Fixture("anqing.gbk.txt");
  std::string bytes;
  std::string expected;
  while (bytes.size() < (4u << 20)) {
    bytes += document;
    expected += Reference();
  }
  const DecodedText decoded = DecodeBytes(bytes);
  EXPECT_EQ(decoded.encoding, "GB18030");
  EXPECT_TRUE(decoded.text == expected);
  // A bad byte anywhere is reported where it is, near the step boundaries too.
  std::vector<std::size_t> leads;
  for (std::size_t i = 0; i < bytes.size();) {
    const bool lead = static_cast<unsigned char>(bytes[i]) >= 0x81;
    if (lead) leads.push_back(i);
    i += lead ? 2 : 1;
  }
  for (const std::size_t target : {(1u << 20) - 1, 1u << 20, (1u << 20) + 1, (3u << 20) + 7}) {
    const std::size_t at = *std::lower_bound(leads.begin(), leads.end(), target);
    std::string broken = bytes;
    broken[at] = '\xFF';
    const DecodeError error = ExpectDecodeError([&] { DecodeBytes(broken); });
    EXPECT_EQ(error.offset(), at);
  }
}

// --- files ---

TEST(ReadTextTest, ReadsAndDetects) {
  const DecodedText decoded = ReadText(FixturePath("anqing.gbk.txt"));
  EXPECT_EQ(decoded.encoding, "GB18030");
  EXPECT_EQ(decoded.text, Reference());
  EXPECT_EQ(ReadText(FixturePath("anqing.gbk.txt"), "GBK").encoding, "GBK");
}

TEST(ReadTextTest, EmptyFileIsEmptyText) {
  const DecodedText decoded = ReadText(WriteTemp("empty.txt", ""));
  EXPECT_EQ(decoded.text, "");
  EXPECT_EQ(decoded.encoding, "UTF-8");
}

TEST(ReadTextTest, MissingFile) {
  const std::string path = TempPath("does-not-exist.txt");
  const FileError error = ExpectFileError([&] { ReadText(path); });
  EXPECT_EQ(error.error_number(), ENOENT);
  EXPECT_EQ(error.path(), path);
  EXPECT_TRUE(Contains(error.what(), path)) << error.what();
}

TEST(ReadTextTest, Directory) {
  const std::string path = TempPath("a-directory");
  fs::create_directories(path);
  const FileError error = ExpectFileError([&] { ReadText(path); });
  EXPECT_EQ(error.error_number(), EISDIR);
  EXPECT_EQ(error.path(), path);
}

TEST(ReadTextTest, DoesNotModifyTheFile) {
  const std::string path = WriteTemp("kept.txt", "安庆\n");
  const auto before = fs::last_write_time(path);
  fs::permissions(path, fs::perms::owner_read);
  EXPECT_EQ(ReadText(path).text, "安庆\n");
  EXPECT_EQ(fs::last_write_time(path), before);
  EXPECT_EQ(ReadBytes(path), "安庆\n");
}

// --- PDF ---

std::vector<std::string> SplitPages(const std::string& text) {
  std::vector<std::string> pages(1);
  for (const char c : text) {
    if (c == '\f') {
      pages.emplace_back();
    } else {
      pages.back() += c;
    }
  }
  return pages;
}

TEST(PdfTest, ExtractsPagesInReadingOrder) {
  const DecodedText decoded = ReadText(FixturePath("anqing.pdf"));
  EXPECT_EQ(decoded.encoding, "PDF");
  const std::string& text = decoded.text;
  const std::vector<std::string> in_order = {"安庆组工信息",
                                             "第 24 期",
                                             "编者按：8 月 30 日，全市组织工作会议召开。",
                                             "以党建为引领 以人民为中心",
                                             "中共桐城市委",
                                             "坚持党建引领 促进乡村振兴",
                                             "中共潜山市委",
                                             "强化系统思维 激励干部担当作为",
                                             "中共迎江区委",
                                             "发：电子版发安庆先锋网。"};
  std::size_t last = 0;
  for (const std::string& part : in_order) {
    const std::size_t at = text.find(part, last);
    ASSERT_NE(at, std::string::npos) << part;
    last = at + part.size();
  }
}

TEST(PdfTest, PagesAreSeparatedByFormFeedsAndEndWithTheirNumber) {
  const std::string text = ExtractPdfText(Fixture("anqing.pdf"), "anqing.pdf");
  const std::vector<std::string> pages = SplitPages(text);
  ASSERT_GE(pages.size(), 3u);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    // The page number "— N —" is the last line of each page (poppler may drop its spaces).
    const std::regex number("—\\s*" + std::to_string(i + 1) + "\\s*—\\s*$");
    EXPECT_TRUE(std::regex_search(pages[i], number)) << "page " << i + 1 << ": " << pages[i];
  }
  EXPECT_EQ(text.find("\f\f"), std::string::npos);
}

TEST(PdfTest, TruncatedPdfIsADecodeErrorAndPrintsNothing) {
  const std::string pdf = Fixture("anqing.pdf");
  testing::internal::CaptureStderr();
  const DecodeError error =
      ExpectDecodeError([&] { DecodeBytes(pdf.substr(0, pdf.size() / 2), "cut.pdf"); });
  const std::string printed = testing::internal::GetCapturedStderr();
  EXPECT_EQ(error.offset(), 0u);
  EXPECT_EQ(error.path(), "cut.pdf");
  EXPECT_EQ(printed, "");
}

TEST(PdfTest, PasswordProtectedPdfIsADecodeError) {
  const std::string path = FixturePath("locked.pdf");
  testing::internal::CaptureStderr();
  const DecodeError error = ExpectDecodeError([&] { ReadText(path); });
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_EQ(error.offset(), 0u);
  EXPECT_EQ(error.path(), path);
  EXPECT_TRUE(Contains(error.what(), "password")) << error.what();
}

TEST(PdfTest, JunkAfterTheMagicIsADecodeError) {
  const DecodeError error = ExpectDecodeError([] { DecodeBytes("%PDF-1.7\nnot really\n"); });
  EXPECT_EQ(error.offset(), 0u);
}

}  // namespace
}  // namespace gongwen
