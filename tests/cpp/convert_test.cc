// DOC/WPS through a converter: real LibreOffice and antiword conversions of the fixtures in
// tests/data/doc (made by make_doc_fixtures.py), and shell scripts standing in for a converter
// that hangs, crashes, fails, writes nothing or writes garbage.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "../../cpp/src/formats.h"
#include "../../cpp/src/zip.h"
#include "gongwen/error.h"
#include "gongwen/interrupt.h"
#include "test_util.h"

namespace gongwen {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using testing::ReadFileBytes;
using testing::TestData;

// Everything but whitespace: the converters keep the characters, not the line layout.
std::string WithoutSpace(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') out += c;
  }
  return out;
}

// The characters of an XML document's text nodes (tags dropped, the five entities decoded).
std::string XmlText(std::string_view xml) {
  std::string text;
  bool in_tag = false;
  for (char c : xml) {
    if (c == '<') in_tag = true;
    if (!in_tag) text += c;
    if (c == '>') in_tag = false;
  }
  const std::pair<std::string, std::string> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [entity, plain] : entities) {
    for (std::size_t at; (at = text.find(entity)) != std::string::npos;) {
      text.replace(at, entity.size(), plain);
    }
  }
  return text;
}

std::string DocumentXml(const std::string& docx) {
  ZipReader package(docx, "converted.docx");
  EXPECT_NE(package.Find("word/document.xml"), nullptr);
  return package.ReadIfPresent("word/document.xml").value_or("");
}

// Whether a process of group `pgid` is still running (zombies, which cannot run, do not count:
// a killed grandchild is re-parented and waits for its new parent to reap it).
bool GroupHasLiveProcess(pid_t pgid) {
  for (const auto& entry : fs::directory_iterator("/proc")) {
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    if (!std::getline(stat, line)) continue;
    std::size_t paren = line.rfind(')');
    if (paren == std::string::npos) continue;
    char state = 0;
    long ppid = 0, pgrp = 0;
    if (std::sscanf(line.c_str() + paren + 1, " %c %ld %ld", &state, &ppid, &pgrp) != 3) continue;
    if (pgrp == pgid && state != 'Z' && state != 'X') return true;
  }
  return false;
}

// Waits up to a second for SIGKILL to take effect in every process of the group.
bool GroupGone(pid_t pgid) {
  for (int i = 0; i < 100; ++i) {
    if (!GroupHasLiveProcess(pgid)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

// Each test gets a private TMPDIR (so that leftovers of ours are visible and nobody else's
// are) and a directory for its fake converters; both variables are restored afterwards.
class ConvertTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name :
         {"TMPDIR", "GONGWEN_SOFFICE", "GONGWEN_ANTIWORD", "GONGWEN_DOC_CONVERTER"}) {
      const char* value = std::getenv(name);
      saved_.emplace_back(name, value ? std::optional<std::string>(value) : std::nullopt);
    }
    std::string pattern = "/tmp/gongwen-test-convert-XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    tmp_ = root_ / "tmp";
    fs::create_directory(tmp_);
    setenv("TMPDIR", tmp_.c_str(), 1);
  }
  void TearDown() override {
    // Every conversion removes its directory, whatever happened.
    std::vector<std::string> left;
    for (const auto& entry : fs::directory_iterator(tmp_)) left.push_back(entry.path());
    EXPECT_TRUE(left.empty()) << "left behind: " << (left.empty() ? "" : left.front());
    for (const auto& [name, value] : saved_) {
      if (value) {
        setenv(name.c_str(), value->c_str(), 1);
      } else {
        unsetenv(name.c_str());
      }
    }
    fs::remove_all(root_);
  }

  // A shell script standing in for soffice, set as GONGWEN_SOFFICE.
  std::string FakeConverter(const std::string& body) {
    fs::path script = root_ / "fake-soffice";
    std::ofstream(script) << "#!/bin/sh\n" << body << "\n";
    fs::permissions(script, fs::perms::owner_all);
    setenv("GONGWEN_SOFFICE", script.c_str(), 1);
    return script;
  }
  // The pid (= process group) a fake converter wrote to root_/pid.
  pid_t FakePid() {
    std::ifstream in(root_ / "pid");
    long pid = 0;
    in >> pid;
    return static_cast<pid_t>(pid);
  }
  // The real soffice, or a failure that says how to install it.
  void RequireSoffice() {
    unsetenv("GONGWEN_SOFFICE");
    ASSERT_FALSE(FindSoffice().empty())
        << "LibreOffice is needed: apt-get install libreoffice-writer-nogui";
  }
  void RequireAntiword() {
    unsetenv("GONGWEN_ANTIWORD");
    ASSERT_FALSE(FindAntiword().empty()) << "antiword is needed: apt-get install antiword";
  }

  fs::path root_, tmp_;
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

// An empty zip archive (its end record only): enough for ConvertToDocx's zip check.
constexpr char kEmptyZipPrintf[] =
    R"(printf 'PK\005\006\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000')";

// Finds the --outdir argument in a fake converter's arguments.
constexpr char kFindOutdir[] =
    R"(out=; for a in "$@"; do [ "$prev" = --outdir ] && out=$a; prev=$a; done)";

TEST_F(ConvertTest, RealDocToDocxKeepsTheBulletinText) {
  RequireSoffice();
  std::string docx =
      ConvertToDocx(ReadFileBytes(TestData("doc/bulletin.doc")), "bulletin.doc", ".doc", 120);
  ASSERT_TRUE(LooksLikeZip(docx));
  std::string text = XmlText(DocumentXml(docx));
  EXPECT_NE(text.find("安庆组工信息"), std::string::npos);
  EXPECT_NE(text.find("奋力推进基层治理水平迈上新台阶"), std::string::npos);
  EXPECT_EQ(WithoutSpace(text), WithoutSpace(ReadFileBytes(TestData("doc/bulletin.expected.txt"))));
}

TEST_F(ConvertTest, RealWpsAndWordNumberingAndTablesSurvive) {
  RequireSoffice();
  std::string wps =
      ConvertToDocx(ReadFileBytes(TestData("doc/approval.wps")), "approval.wps", ".wps", 120);
  std::string text = XmlText(DocumentXml(wps));
  EXPECT_NE(text.find("安庆市人民政府关于同意设立怀宁县"), std::string::npos);
  EXPECT_EQ(WithoutSpace(text), WithoutSpace(ReadFileBytes(TestData("doc/approval.expected.txt"))));

  std::string docx = ConvertToDocx(ReadFileBytes(TestData("doc/numbered_table.doc")),
                                   "numbered_table.doc", "doc", 120);
  std::string xml = DocumentXml(docx);
  EXPECT_NE(xml.find("<w:numPr>"), std::string::npos) << "the automatic list numbers";
  EXPECT_NE(xml.find("<w:tbl>"), std::string::npos);
  EXPECT_NE(XmlText(xml).find("市政府办公室"), std::string::npos);
  ZipReader package(docx, "numbered_table.docx");
  EXPECT_NE(package.Find("word/numbering.xml"), nullptr);
}

TEST_F(ConvertTest, RealTruncatedDocIsAnErrorNotGarbage) {
  RequireSoffice();
  std::string truncated = ReadFileBytes(TestData("doc/bulletin.doc")).substr(0, 15000);
  try {
    ConvertToDocx(truncated, "truncated.doc", ".doc", 120);
    FAIL() << "no error";
  } catch (const DecodeError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("LibreOffice wrote no DOCX"), std::string::npos) << what;
    EXPECT_NE(what.find("source file could not be loaded"), std::string::npos) << what;
  }
  unsetenv("GONGWEN_ANTIWORD");
  EXPECT_THROW(ConvertDocToText(truncated, "truncated.doc", ".doc", 30), DecodeError);
}

TEST_F(ConvertTest, TwoRealConversionsAtOnce) {
  RequireSoffice();
  std::string files[2] = {"bulletin.doc", "approval.doc"};
  std::string results[2];
  std::string errors[2];
  auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) {
    threads.emplace_back([&, i] {
      try {
        results[i] =
            ConvertToDocx(ReadFileBytes(TestData("doc/" + files[i])), files[i], ".doc", 120);
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::cout << "two conversions in parallel: " << seconds << " s\n";
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(errors[i], "");
    EXPECT_NE(XmlText(DocumentXml(results[i])).find("安庆"), std::string::npos) << files[i];
  }
}

TEST_F(ConvertTest, ConverterGetsACopyItsOwnProfileAndTmpdir) {
  fs::path log = root_ / "log";
  FakeConverter(std::string(kFindOutdir) + "\nfor a in \"$@\"; do echo \"$a\"; done > " +
                log.string() + "\necho \"TMPDIR=$TMPDIR\" >> " + log.string() +
                "\nfor a in \"$@\"; do in=$a; done; cp \"$in\" " + (root_ / "input").string() +
                "\n" + kEmptyZipPrintf + " > \"$out/input.docx\"");
  std::string bytes("\xD0\xCF\x11\xE0 not really a compound file; 中文");
  std::string docx = ConvertToDocx(bytes, "some 'name' $(rm -rf).doc", ".DOC", 10);
  EXPECT_EQ(docx.substr(0, 4), "PK\x05\x06");
  EXPECT_EQ(ReadFileBytes(root_ / "input"), bytes);
  std::string args = ReadFileBytes(log);
  std::string dir = tmp_.string() + "/gongwen-convert-";
  EXPECT_NE(args.find("-env:UserInstallation=file://" + dir), std::string::npos) << args;
  EXPECT_NE(args.find("--headless\n--norestore\n"), std::string::npos);
  EXPECT_NE(args.find("--convert-to\ndocx\n--outdir\n" + dir), std::string::npos);
  EXPECT_NE(args.find("/input.doc\n"), std::string::npos);
  EXPECT_EQ(args.find("name"), std::string::npos) << "the file's name is never an argument";
  EXPECT_NE(args.find("TMPDIR=" + dir), std::string::npos) << "its temporary files are ours";
}

TEST_F(ConvertTest, HangingConverterIsKilledWithItsChildren) {
  FakeConverter("echo $$ > " + (root_ / "pid").string() + "\nsleep 60 &\nsleep 60");
  auto start = Clock::now();
  try {
    ConvertToDocx("x", "hang.doc", ".doc", 2);
    FAIL() << "no timeout";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("converter timed out after 2 s"), std::string::npos)
        << e.what();
  }
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  EXPECT_GE(seconds, 1.9);
  EXPECT_LT(seconds, 3.0);
  pid_t pgid = FakePid();
  ASSERT_GT(pgid, 1);
  EXPECT_TRUE(GroupGone(pgid)) << "process group " << pgid << " still running";
}

TEST_F(ConvertTest, InterruptStopsTheConverter) {
  FakeConverter("echo $$ > " + (root_ / "pid").string() + "\nsleep 60 &\nsleep 60");
  auto start = Clock::now();
  InterruptScope scope([&] { return Clock::now() - start > std::chrono::milliseconds(300); });
  EXPECT_THROW(ConvertToDocx("x", "hang.doc", ".doc", 60), Interrupted);
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 1.5);
  pid_t pgid = FakePid();
  ASSERT_GT(pgid, 1);
  EXPECT_TRUE(GroupGone(pgid));
}

TEST_F(ConvertTest, TwoHangingConvertersTimeOutTogether) {
  FakeConverter("sleep 60");
  auto start = Clock::now();
  std::atomic<int> timeouts{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i) {
    threads.emplace_back([&] {
      try {
        ConvertToDocx("x", "hang.doc", ".doc", 2);
      } catch (const DecodeError&) {
        ++timeouts;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(timeouts.load(), 2);
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 3.0)
      << "the two waits overlap";
}

TEST_F(ConvertTest, CrashingConverterReportsTheSignal) {
  FakeConverter("kill -SEGV $$");
  try {
    ConvertToDocx("x", "crash.doc", ".doc", 10);
    FAIL() << "no error";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("killed by signal 11 (SIGSEGV"), std::string::npos)
        << e.what();
    EXPECT_EQ(e.path(), "crash.doc");
  }
}

TEST_F(ConvertTest, FailingConverterReportsStatusAndMessage) {
  FakeConverter(
      "echo 'Warning: failed to launch javaldx - java may not function correctly' >&2\n"
      "for a in \"$@\"; do in=$a; done\necho \"Error: source file could not be loaded: $in\" >&2\n"
      "exit 3");
  try {
    ConvertToDocx("x", "broken.doc", ".doc", 10);
    FAIL() << "no error";
  } catch (const DecodeError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("exit status 3"), std::string::npos) << what;
    EXPECT_NE(what.find("source file could not be loaded: the file"), std::string::npos) << what;
    EXPECT_EQ(what.find("javaldx"), std::string::npos) << what;
    EXPECT_EQ(what.find(tmp_.string()), std::string::npos) << what;
  }
}

TEST_F(ConvertTest, ConverterWithoutOutputOrWithGarbage) {
  FakeConverter("exit 0");
  try {
    ConvertToDocx("x", "silent.doc", ".doc", 10);
    FAIL() << "no error";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("wrote no DOCX (exit status 0"), std::string::npos)
        << e.what();
  }
  FakeConverter(std::string(kFindOutdir) + "\nhead -c 5000 /dev/urandom > \"$out/input.docx\"");
  try {
    ConvertToDocx("x", "garbage.doc", ".doc", 10);
    FAIL() << "no error";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("not a DOCX"), std::string::npos) << e.what();
  }
}

TEST_F(ConvertTest, MissingConverterSaysWhatToInstall) {
  setenv("GONGWEN_SOFFICE", (root_ / "no-such-soffice").c_str(), 1);
  try {
    ConvertToDocx("x", "a.doc", ".doc", 10);
    FAIL() << "no error";
  } catch (const DecodeError& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("apt-get install libreoffice-writer-nogui"), std::string::npos) << what;
    EXPECT_NE(what.find("no-such-soffice"), std::string::npos) << what;
  }
  setenv("GONGWEN_ANTIWORD", (root_ / "no-such-antiword").c_str(), 1);
  try {
    ConvertDocToText("x", "a.doc", ".doc", 10);
    FAIL() << "no error";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("apt-get install antiword"), std::string::npos);
  }
}

TEST_F(ConvertTest, BadArguments) {
  FakeConverter("exit 0");
  EXPECT_THROW(ConvertToDocx("x", "a.doc", "../x", 10), std::invalid_argument);
  EXPECT_THROW(ConvertToDocx("x", "a.doc", "", 10), std::invalid_argument);
  EXPECT_THROW(ConvertToDocx("x", "a.doc", ".doc", 0), std::invalid_argument);
}

TEST_F(ConvertTest, AntiwordFallbackKeepsTheChineseText) {
  RequireAntiword();
  DecodedText bulletin =
      ConvertDocToText(ReadFileBytes(TestData("doc/bulletin.doc")), "bulletin.doc", ".doc", 30);
  EXPECT_EQ(bulletin.format, "doc");
  EXPECT_EQ(bulletin.encoding, "DOC");
  EXPECT_EQ(WithoutSpace(bulletin.text),
            WithoutSpace(ReadFileBytes(TestData("doc/bulletin.expected.txt"))));
  EXPECT_NE(bulletin.text.find("安庆组工信息\n第 24 期\n"), std::string::npos)
      << "one line a paragraph";

  DecodedText table = ConvertDocToText(ReadFileBytes(TestData("doc/numbered_table.doc")),
                                       "numbered_table.doc", ".wps", 30);
  EXPECT_EQ(table.encoding, "WPS");
  EXPECT_NE(table.text.find("\n单位名称\t联系人\n市政府办公室\t张三\n"), std::string::npos)
      << table.text;

  try {
    ConvertDocToText("not a word file", "text.doc", ".doc", 30);
    FAIL() << "no error";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("is not a Word Document"), std::string::npos) << e.what();
  }
}

// GONGWEN_DOC_CONVERTER picks the converter that DecodeBytes runs on a DOC file: LibreOffice
// keeps Word's automatic list numbers (1.), antiword loses them.
TEST_F(ConvertTest, DocConverterIsChosenByTheEnvironment) {
  RequireSoffice();
  RequireAntiword();
  const std::string bytes = ReadFileBytes(TestData("doc/numbered_table.doc"));
  setenv("GONGWEN_DOC_CONVERTER", "antiword", 1);
  const DecodedText fast = DecodeBytes(bytes, "numbered_table.doc", {});
  EXPECT_NE(fast.text.find("\n加强值班值守。\n"), std::string::npos) << fast.text;
  EXPECT_NE(fast.text.find("单位名称\t联系人"), std::string::npos) << fast.text;
  setenv("GONGWEN_DOC_CONVERTER", "libreoffice", 1);
  const DecodedText full = DecodeBytes(bytes, "numbered_table.doc", {});
  EXPECT_EQ(full.format, "doc");
  EXPECT_NE(full.text.find("\n1.加强值班值守。\n"), std::string::npos) << full.text;
  EXPECT_NE(full.text.find("单位名称\t联系人"), std::string::npos) << full.text;
  setenv("GONGWEN_DOC_CONVERTER", "catdoc", 1);
  try {
    DecodeBytes(bytes, "numbered_table.doc", {});
    FAIL() << "no error";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("libreoffice or antiword"), std::string::npos) << e.what();
  }
}

// RTF (the format some sites save under .doc) goes through LibreOffice whatever its name says;
// antiword reads no RTF, so choosing it changes nothing here.
TEST_F(ConvertTest, RtfIsReadThroughLibreOffice) {
  RequireSoffice();
  const std::string bytes = ReadFileBytes(TestData("same/official.rtf"));
  ASSERT_TRUE(LooksLikeRtf(bytes));
  setenv("GONGWEN_DOC_CONVERTER", "antiword", 1);
  const DecodedText rtf = DecodeBytes(bytes, "misnamed.doc", {});
  EXPECT_EQ(rtf.format, "rtf");
  EXPECT_EQ(rtf.encoding, "RTF");
  EXPECT_EQ(WithoutSpace(rtf.text), WithoutSpace(ReadFileBytes(TestData("same/official.txt"))));
  setenv("GONGWEN_SOFFICE", (root_ / "no-such-soffice").c_str(), 1);
  try {
    DecodeBytes(bytes, "a.rtf", {});
    FAIL() << "no error";
  } catch (const DecodeError& e) {
    EXPECT_NE(std::string(e.what()).find("libreoffice-writer-nogui"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace gongwen
