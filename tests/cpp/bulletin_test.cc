#include "gongwen/bulletin.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <vector>

#include "../../cpp/src/text.h"
#include "test_util.h"

namespace gongwen {
namespace {

using Strings = std::vector<std::string>;

Bulletin ParseFile(const std::string& path) { return ParseBulletin(testing::ReadFileBytes(path)); }

// The text of [start, end) in code points.
std::string Slice(const std::string& text, std::size_t start, std::size_t end) {
  return text::Encode(text::Decode(text).substr(start, end - start));
}

bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The fields every layout of the reference document must give.
void ExpectReferenceStructure(const Bulletin& b, const std::string& label) {
  SCOPED_TRACE(label);
  EXPECT_EQ(b.publication, "安庆组工信息");
  EXPECT_EQ(b.issue, 24);
  EXPECT_EQ(b.editor, "中共安庆市委组织部研究室");
  ASSERT_TRUE(b.date);
  EXPECT_EQ(b.date->year, 2023);
  EXPECT_EQ(b.date->month, 8);
  EXPECT_EQ(b.date->day, 31);
  ASSERT_TRUE(b.editor_note);
  EXPECT_EQ(b.editor_note->rfind("8月30日，全市组织工作会议召开", 0), 0u);
  EXPECT_TRUE(EndsWith(*b.editor_note, "本刊将分2期刊发会议交流材料，供各地各单位学习借鉴。"));
  ASSERT_EQ(b.articles.size(), 3u);
  EXPECT_EQ(b.articles[0].title, "以党建为引领 以人民为中心 奋力推进基层治理水平迈上新台阶");
  EXPECT_EQ(b.articles[1].title, "坚持党建引领 促进乡村振兴");
  EXPECT_EQ(b.articles[2].title, "强化系统思维 激励干部担当作为");
  EXPECT_EQ(b.articles[0].author, "中共桐城市委");
  EXPECT_EQ(b.articles[1].author, "中共潜山市委");
  EXPECT_EQ(b.articles[2].author, "中共迎江区委");
  EXPECT_EQ(b.articles[0].sections.size(), 3u);
  EXPECT_EQ(b.articles[1].sections.size(), 4u);
  EXPECT_EQ(b.articles[2].sections.size(), 9u);
  ASSERT_EQ(b.distribution.size(), 3u);
  EXPECT_EQ(b.distribution[0].first, "报");
  EXPECT_EQ(b.distribution[0].second, Strings{"市委组织部部务会成员"});
  EXPECT_EQ(b.distribution[1].first, "送");
  EXPECT_EQ(b.distribution[1].second, (Strings{"各县（市、区）委组织部长", "市委各部委",
                                               "市直各单位党组（党委、工委）负责同志"}));
  EXPECT_EQ(b.distribution[2].first, "发");
  EXPECT_EQ(b.distribution[2].second, Strings{"电子版发安庆先锋网"});
  for (const Article& a : b.articles) {
    const std::string text = b.Slice(a.text_span);
    EXPECT_FALSE(Contains(text, "—")) << "page number left in " << a.title;
    EXPECT_FALSE(Contains(text, "\n开")) << a.title;
    EXPECT_FALSE(Contains(text, "2022 年")) << a.title;
    EXPECT_FALSE(Contains(text, "安庆组工信息")) << "running head left in " << a.title;
  }
}

TEST(BulletinTest, ReferenceDocumentFieldByField) {
  const Bulletin b = ParseFile(testing::ReferencePath());
  ExpectReferenceStructure(b, "reference");
  EXPECT_FALSE(b.issue_total);
  EXPECT_FALSE(b.instructions);  // the 领导批示 block of this issue is empty
  EXPECT_TRUE(b.notices.empty());
  EXPECT_TRUE(b.credits.empty());

  const Article& tongcheng = b.articles[0];
  const Strings paragraphs = b.Paragraphs(tongcheng);
  ASSERT_EQ(paragraphs.size(), 5u);
  EXPECT_EQ(paragraphs[0].rfind("党的十八大以来，桐城市深入学习贯彻", 0), 0u);
  EXPECT_EQ(paragraphs[4].rfind("下一步，我们将认真落实本次会议精神", 0), 0u);
  const Section& first = tongcheng.sections[0];
  EXPECT_EQ(first.number, 1);
  EXPECT_EQ(first.marker, "一、");
  EXPECT_EQ(first.heading, "突出党建引领，完善治理体系");
  EXPECT_EQ(b.Slice(first.text_span).rfind("牢固树立大党建理念", 0), 0u);
  ASSERT_EQ(first.points.size(), 3u);
  EXPECT_EQ(first.points[0].heading, "党委统揽");
  EXPECT_EQ(first.points[1].heading, "镇街统筹");
  EXPECT_EQ(first.points[2].heading, "村社统建");
  EXPECT_TRUE(Contains(b.Slice(first.points[1].text_span), "兼职委员，对街道区域内公共事项"));

  const Article& yingjiang = b.articles[2];
  EXPECT_EQ(yingjiang.sections[8].number, 9);
  EXPECT_EQ(yingjiang.sections[8].heading, "讲好迎江干部的好故事");
  EXPECT_EQ(yingjiang.sections[4].heading, "职级晋升“1+4”原则让干部对号入座");
}

TEST(BulletinTest, SpansPointIntoTheCleanedText) {
  const Bulletin b = ParseFile(testing::ReferencePath());
  for (const Article& a : b.articles) {
    const std::string span = Slice(b.text, a.start, a.end);
    EXPECT_EQ(span.rfind(a.title.substr(0, 12), 0), 0u) << a.title;
    EXPECT_TRUE(EndsWith(span, b.Paragraphs(a).back())) << a.title;
    for (const Section& s : a.sections) {
      EXPECT_EQ(Slice(b.text, s.start, s.end).rfind(s.marker + s.heading, 0), 0u) << s.heading;
      for (const Point& p : s.points) {
        const std::string point = Slice(b.text, p.start, p.end);
        EXPECT_TRUE(Contains(point, p.heading)) << p.heading;
        EXPECT_TRUE(Contains(point, b.Slice(p.text_span).substr(0, 9))) << p.heading;
      }
    }
  }
}

TEST(BulletinTest, PartsHoldSpansOfTheTextNotCopies) {
  const Bulletin b = ParseFile(testing::ReferencePath());
  for (const Article& a : b.articles) {
    EXPECT_LE(a.start, a.text_span.start);
    EXPECT_LE(a.text_span.end, a.end);
    std::string joined;
    for (const std::string& paragraph : b.Paragraphs(a)) {
      EXPECT_FALSE(paragraph.empty());
      joined += (joined.empty() ? "" : "\n") + paragraph;
    }
    EXPECT_EQ(joined, b.Slice(a.text_span));
    for (const Section& s : a.sections) {
      EXPECT_LE(s.start, s.text_span.start);
      EXPECT_EQ(s.text_span.end, s.end);
      const std::string text = b.Slice(s.text_span);
      EXPECT_NE(text.rfind(s.heading, 0), 0u) << "the heading is not part of the text";
    }
  }
}

TEST(BulletinTest, SliceCountsCodePoints) {
  Bulletin b;
  b.text = "党建a引领\n𠀀乡村";
  EXPECT_EQ(b.Slice({0, 2}), "党建");
  EXPECT_EQ(b.Slice({2, 5}), "a引领");
  EXPECT_EQ(b.Slice({6, 9}), "𠀀乡村");  // an astral character is one code point
  EXPECT_EQ(b.Slice({7, 100}), "乡村");  // clipped at the end
  EXPECT_EQ(b.Slice({3, 3}), "");
  EXPECT_EQ(b.Slice({5, 2}), "");
  EXPECT_EQ(b.Slice({100, 200}), "");
  Article a;
  a.text_span = {0, 9};
  EXPECT_EQ(b.Paragraphs(a), (Strings{"党建a引领", "𠀀乡村"}));
  a.text_span = {4, 4};
  EXPECT_TRUE(b.Paragraphs(a).empty());
}

TEST(BulletinTest, EveryLayoutOfTheReferenceGivesTheSameStructure) {
  for (const std::string name :
       {"no_blank_lines.txt", "dash_page_numbers.txt", "tight_page_numbers.txt",
        "worded_page_numbers.txt", "form_feeds.txt", "crlf.txt", "rewrapped_indented.txt",
        "running_heads.txt", "one_paragraph_per_line.txt"}) {
    ExpectReferenceStructure(ParseFile(testing::TestData("layouts/" + name)), name);
  }
}

TEST(BulletinTest, BriefingWithBylinesAndLongFooter) {
  const Bulletin b = ParseFile(testing::TestData("genres/briefing_bylines.txt"));
  EXPECT_EQ(b.publication, "工作简报");
  EXPECT_EQ(b.issue, 12);
  EXPECT_EQ(b.editor, "中共安庆市委组织部办公室");
  ASSERT_TRUE(b.date);
  EXPECT_EQ(b.date->day, 31);
  EXPECT_EQ(b.notices, (Strings{"内部资料", "注意保存"}));
  ASSERT_EQ(b.articles.size(), 2u);
  EXPECT_EQ(b.articles[0].title, "桐城市以党建引领基层治理");
  EXPECT_EQ(b.articles[0].author, "桐城市委组织部");
  EXPECT_EQ(b.articles[1].author, "潜山市委组织部");  // a byline at the end of a paragraph
  EXPECT_FALSE(Contains(b.Slice(b.articles[1].text_span), "供稿"));
  ASSERT_EQ(b.articles[0].points.size(), 2u);
  EXPECT_EQ(b.articles[0].points[1].heading, "镇街统筹");
  ASSERT_EQ(b.distribution.size(), 1u);
  EXPECT_EQ(b.distribution[0].first, "抄送");
  EXPECT_EQ(b.distribution[0].second, (Strings{"市委办公室", "市政府办公室"}));
  using Credit = std::pair<std::string, std::string>;
  EXPECT_EQ(b.credits, (std::vector<Credit>{{"责任编辑", "张明"}, {"签发", "李华"}}));
  EXPECT_EQ(b.copies, 50);
}

TEST(BulletinTest, BracketedOpeningsAndRunningTotal) {
  const Bulletin b = ParseFile(testing::TestData("genres/bracket_openings.txt"));
  EXPECT_EQ(b.publication, "组工信息");
  EXPECT_EQ(b.issue, 24);
  EXPECT_EQ(b.issue_total, 312);
  EXPECT_EQ(b.year, 2023);
  EXPECT_EQ(b.editor, "中共安庆市委组织部");
  ASSERT_TRUE(b.date);  // 二〇二三年八月三十一日
  EXPECT_EQ(b.date->year, 2023);
  EXPECT_EQ(b.date->month, 8);
  ASSERT_EQ(b.articles.size(), 3u);
  EXPECT_EQ(b.articles[0].author, "桐城市");
  EXPECT_EQ(b.articles[0].title, "创新推行“新时代六尺巷工作法”");
  EXPECT_EQ(b.articles[2].author, "迎江区");
  EXPECT_EQ(b.Paragraphs(b.articles[1])[0].rfind("扎实推进党建引领乡村振兴。潜山市", 0), 0u);
}

TEST(BulletinTest, NoteInstructionsContentsAndSubtitles) {
  const Bulletin b = ParseFile(testing::TestData("genres/note_instructions_contents.txt"));
  EXPECT_EQ(b.publication, "信息专报");
  EXPECT_EQ(b.issue, 5);
  EXPECT_EQ(b.notices, Strings{"内部刊物"});
  EXPECT_EQ(b.editor_note,
            "全市组织工作会议召开后，各地迅速传达学习会议精神。现将有关做法编发，供各地学习借鉴。");
  ASSERT_TRUE(b.instructions);
  EXPECT_EQ(b.instructions->rfind("张书记批示：桐城、潜山的做法很好", 0), 0u);
  ASSERT_EQ(b.articles.size(), 2u);  // the table of contents is not an article
  EXPECT_EQ(b.articles[0].title, "以党建为引领 以人民为中心——桐城市推进基层治理水平迈上新台阶");
  EXPECT_EQ(b.articles[0].author, "中共桐城市委");
  EXPECT_EQ(b.articles[1].author, "潜山市委组织部");  // an author line after ——
  ASSERT_EQ(b.articles[0].sections.size(), 2u);
  EXPECT_EQ(b.articles[0].sections[1].marker, "（二）");
  ASSERT_EQ(b.articles[1].sections.size(), 3u);
  EXPECT_EQ(b.articles[1].sections[2].heading, "优化乡村治理");
  ASSERT_EQ(b.distribution.size(), 2u);
  EXPECT_EQ(b.distribution[1].first, "分送");
}

TEST(BulletinTest, QuestionTitlesAndAuthorLinesWithoutBrackets) {
  const Bulletin b = ParseFile(testing::TestData("genres/questions_plain_bylines.txt"));
  EXPECT_EQ(b.publication, "党建动态");
  EXPECT_EQ(b.issue, 3);
  EXPECT_EQ(b.issue_total, 45);
  EXPECT_EQ(b.year, 2024);
  EXPECT_EQ(b.editor, "中共望江县委组织部");
  ASSERT_EQ(b.articles.size(), 2u);
  EXPECT_EQ(b.articles[0].title, "如何破解村级集体经济发展难题？");
  EXPECT_EQ(b.articles[0].author, "望江县委组织部");  // "望江县委组织部供稿" on its own line
  ASSERT_EQ(b.articles[0].points.size(), 2u);
  EXPECT_EQ(b.articles[0].points[1].heading, "拓宽渠道");
  EXPECT_EQ(b.articles[1].title, "“红色物业”让小区治理更有温度！");
  EXPECT_EQ(b.articles[1].author, "华阳镇社区党委");
  using Credit = std::pair<std::string, std::string>;
  EXPECT_EQ(b.credits, (std::vector<Credit>{{"印发", "望江县委组织部办公室"}}));
}

TEST(BulletinTest, MastheadWithEditorDatesAndCreditsOnSeparateLines) {
  const Bulletin b = ParseBulletin(
      "工作动态\n第7期\n中共宿松县委组织部主办\n主编：王强  电话：0556-7812345\n"
      "2024年5月20日\n宿松县开展“党员进社区”活动\n中共宿松县委组织部\n"
      "5月以来，宿松县组织机关党员到社区报到，认领服务岗位。\n");
  EXPECT_EQ(b.publication, "工作动态");
  EXPECT_EQ(b.issue, 7);
  EXPECT_EQ(b.editor, "中共宿松县委组织部");
  ASSERT_TRUE(b.date);
  EXPECT_EQ(b.date->month, 5);
  using Credit = std::pair<std::string, std::string>;
  EXPECT_EQ(b.credits, (std::vector<Credit>{{"主编", "王强"}, {"电话", "0556-7812345"}}));
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.articles[0].title, "宿松县开展“党员进社区”活动");
  EXPECT_EQ(b.articles[0].author, "中共宿松县委组织部");
}

TEST(BulletinTest, FooterWithContinuationsSharedLinesAndPrintingNote) {
  const Bulletin b = ParseBulletin(
      "组工信息\n第3期\n中共望江县委组织部\n"
      "望江县推行村级事务清单\n中共望江县委组织部\n今年以来，望江县推行村级事务清单。\n"
      "报：市委组织部。\n送：各乡镇党委，\n  县直各单位。\n"
      "责任编辑：张明    签发：李华\n中共望江县委组织部办公室 2023年1月5日印发\n（共印30份）\n");
  EXPECT_EQ(b.editor, "中共望江县委组织部");
  ASSERT_TRUE(b.date);  // only the printing note has one
  EXPECT_EQ(b.date->day, 5);
  ASSERT_EQ(b.articles.size(), 1u);
  EXPECT_EQ(b.Slice(b.articles[0].text_span), "今年以来，望江县推行村级事务清单。");
  ASSERT_EQ(b.distribution.size(), 2u);
  EXPECT_EQ(b.distribution[1].second, (Strings{"各乡镇党委", "县直各单位"}));
  using Credit = std::pair<std::string, std::string>;
  EXPECT_EQ(b.credits,
            (std::vector<Credit>{
                {"责任编辑", "张明"}, {"签发", "李华"}, {"印发", "中共望江县委组织部办公室"}}));
  EXPECT_EQ(b.copies, 30);
}

TEST(BulletinTest, DocumentThatIsNotABulletinIsOneArticle) {
  const Bulletin law = ParseFile(testing::SampleData("village-committees-law-2018.md"));
  EXPECT_FALSE(law.publication);
  EXPECT_FALSE(law.issue);
  ASSERT_EQ(law.articles.size(), 1u);
  EXPECT_EQ(law.articles[0].title, "中华人民共和国村民委员会组织法");
  EXPECT_GE(law.articles[0].sections.size(), 5u);  // 第一章 ... 第六章
  EXPECT_EQ(law.articles[0].sections[0].marker, "第一章");

  const Bulletin report = ParseFile(testing::SampleData("gov-work-report-2024.txt"));
  EXPECT_FALSE(report.publication);
  ASSERT_EQ(report.articles.size(), 1u);
  EXPECT_EQ(report.articles[0].title, "2024年中华人民共和国国务院政府工作报告");
  EXPECT_GE(report.articles[0].sections.size(), 2u);
  ASSERT_TRUE(report.date);
  EXPECT_EQ(report.date->year, 2024);
}

TEST(BulletinTest, EmptyAndOrdinaryTextNeverThrow) {
  EXPECT_TRUE(ParseBulletin("").articles.empty());
  EXPECT_TRUE(ParseBulletin(" \n\n\t").articles.empty());
  const Bulletin one = ParseBulletin("今天天气很好。");
  ASSERT_EQ(one.articles.size(), 1u);
  EXPECT_EQ(one.Slice(one.articles[0].text_span), "今天天气很好。");
  EXPECT_EQ(one.articles[0].title, "");
}

// What the parser promises of any parse: every span lies inside the text and inside its
// parent's (a section's and a point's in the article's body, a point's in its section's body),
// siblings come in order without overlapping, each body ends its part (or stops short of its
// end by white space), Slice reads the code points of a span, an article's paragraphs are the
// lines of its body, sections are numbered 1, 2, 3 ... and points continue or restart their
// count, and each marker and heading is found where its part starts. Counts what it checked in
// `seen` (articles, sections, points).
void ExpectWellFormed(const Bulletin& b, std::array<std::size_t, 3>& seen) {
  const std::u32string text = text::Decode(b.text);
  const auto slice = [&](std::size_t start, std::size_t end) {  // clamped: spans may be wrong
    start = std::min(start, text.size());
    return text::Encode(std::u32string_view(text).substr(start, std::max(start, end) - start));
  };
  const auto inside = [](std::size_t start, std::size_t end, std::size_t from, std::size_t to) {
    return from <= start && start <= end && end <= to;
  };
  const auto trailing_space = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      if (!text::IsSpace(text[i])) return false;
    }
    return true;
  };
  // A span's text, checked against the code points it covers.
  const auto expect_span = [&](const Span& span, std::size_t from, std::size_t to,
                               const char* what) {
    EXPECT_TRUE(inside(span.start, span.end, from, to))
        << what << " [" << span.start << ", " << span.end << ") outside [" << from << ", " << to
        << ")";
    EXPECT_EQ(b.Slice(span), slice(span.start, span.end)) << what;
  };
  const auto expect_points = [&](const std::vector<Point>& points, std::size_t from,
                                 std::size_t to) {
    std::size_t previous_end = from;
    int previous = 0;
    for (const Point& p : points) {
      ++seen[2];
      EXPECT_TRUE(inside(p.start, p.end, previous_end, to))
          << "point [" << p.start << ", " << p.end << ") after " << previous_end << ", up to "
          << to;
      expect_span(p.text_span, p.start, p.end, "point body");
      EXPECT_TRUE(trailing_space(p.text_span.end, p.end)) << "point body ends early";
      EXPECT_TRUE(p.number == previous + 1 || p.number == 1) << p.number << " after " << previous;
      EXPECT_TRUE(Contains(slice(p.start, p.text_span.start), p.heading)) << p.heading;
      previous_end = p.end;
      previous = p.number;
    }
  };
  std::size_t previous_end = 0;
  for (const Article& a : b.articles) {
    ++seen[0];
    EXPECT_TRUE(inside(a.start, a.end, previous_end, text.size()))
        << "article [" << a.start << ", " << a.end << ") after " << previous_end;
    expect_span(a.text_span, a.start, a.end, "article body");
    std::string joined;
    for (const std::string& paragraph : b.Paragraphs(a)) {
      EXPECT_FALSE(Contains(paragraph, "\n"));
      joined += (joined.empty() ? "" : "\n") + paragraph;
    }
    EXPECT_EQ(joined, b.Slice(a.text_span));
    const std::size_t first_section = a.sections.empty() ? a.end : a.sections[0].start;
    expect_points(a.points, a.text_span.start, std::min(first_section, a.text_span.end));
    std::size_t section_end = a.text_span.start;
    for (std::size_t k = 0; k < a.sections.size(); ++k) {
      const Section& s = a.sections[k];
      ++seen[1];
      EXPECT_TRUE(inside(s.start, s.end, section_end, a.text_span.end))
          << "section [" << s.start << ", " << s.end << ") after " << section_end << ", up to "
          << a.text_span.end;
      expect_span(s.text_span, s.start, s.end, "section body");
      EXPECT_EQ(s.text_span.end, s.end);
      EXPECT_EQ(s.number, static_cast<int>(k) + 1);
      EXPECT_TRUE(Contains(slice(s.start, s.end), s.marker)) << s.marker;
      EXPECT_TRUE(Contains(slice(s.start, s.text_span.start), s.heading)) << s.heading;
      expect_points(s.points, s.text_span.start, s.text_span.end);
      section_end = s.end;
    }
    previous_end = a.end;
  }
}

TEST(BulletinTest, RandomTextIsAlwaysWellFormed) {
  std::mt19937 rng(7);
  std::array<std::size_t, 3> seen{};
  // Characters of headers, markers and footers, and pieces that make articles, sections and
  // points (markers, numbered sentences, lines of the reference bulletin).
  const std::u32string alphabet =
      U"第期一二三四五六七八九十、（）()【】：:。，；报送发抄编者按领导批示供稿中共委部 \n\f"
      U"0123456789年月日-—共印份\xFF";
  const std::string reference = testing::ReadFileBytes(testing::ReferencePath());
  std::vector<std::string> pieces = {"一、",
                                     "二、",
                                     "三、",
                                     "（一）",
                                     "（二）",
                                     "1．",
                                     "2．",
                                     "第一章",
                                     "第二章",
                                     "一是",
                                     "二是",
                                     "三是",
                                     "。",
                                     "；",
                                     "\n",
                                     "\n\n",
                                     "  ",
                                     "【标题】",
                                     "（中共桐城市委供稿）",
                                     "\f",
                                     "\xFF"};
  const std::size_t kMarkers = pieces.size();  // then lines of the reference bulletin
  for (std::size_t start = 0; start < reference.size();) {
    std::size_t end = reference.find('\n', start);
    if (end == std::string::npos) end = reference.size();
    if (end > start && end - start < 400) pieces.push_back(reference.substr(start, end - start));
    start = end + 1;
  }
  for (int round = 0; round < 600; ++round) {
    std::string s;
    if (round % 2 == 0) {
      std::u32string chars;
      const int length = static_cast<int>(rng() % 400);
      for (int i = 0; i < length; ++i) chars.push_back(alphabet[rng() % alphabet.size()]);
      s = text::Encode(chars);
    } else {
      // Lines, mostly numbered in order, so that sections and points run 1, 2, 3 ...
      const char* han[] = {"一", "二", "三", "四", "五", "六"};
      int section = 0, paren = 0, point = 0;
      const int count = static_cast<int>(rng() % 30);
      const auto sentence = [&] { return pieces[kMarkers + rng() % (pieces.size() - kMarkers)]; };
      for (int i = 0; i < count; ++i) {
        switch (rng() % 7) {
          case 0:
            s += std::string(han[section++ % 6]) + "、" + sentence() + "\n";
            break;
          case 1:
            s += std::string("（") + han[paren++ % 6] + "）" + sentence() + "\n";
            break;
          case 2:
            s += std::string(han[point++ % 6]) + "是" + sentence() + "。";
            break;
          case 3:
            s += sentence() + "\n";
            break;
          case 4:
            s += pieces[rng() % kMarkers];
            break;
          case 5:
            section = paren = point = 0;
            break;
          default:
            s += "\n";
        }
      }
    }
    SCOPED_TRACE(s);
    Bulletin b;
    ASSERT_NO_THROW(b = ParseBulletin(s));
    ExpectWellFormed(b, seen);
    if (::testing::Test::HasFailure()) break;  // one input's failures are enough to read
  }
  // The inputs make every kind of part, often.
  EXPECT_GT(seen[0], 300u);
  EXPECT_GT(seen[1], 100u);
  EXPECT_GT(seen[2], 100u);
}

TEST(BulletinTest, SampleDocumentsAreWellFormed) {
  std::array<std::size_t, 3> seen{};
  for (const char* name :
       {"anqing-zugong-2023-24.txt", "cpc-20th-congress-report.txt", "gov-work-report-2023.txt",
        "gov-work-report-2024.txt", "urban-residents-committees-law-2018.md",
        "village-committees-law-2018.md"}) {
    SCOPED_TRACE(name);
    ExpectWellFormed(ParseFile(testing::SampleData(name)), seen);
  }
  EXPECT_GT(seen[1], 20u);
  EXPECT_GT(seen[2], 5u);
}

}  // namespace
}  // namespace gongwen
