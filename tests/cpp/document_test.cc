#include "gongwen/document.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../../cpp/src/text.h"
#include "gongwen/corpus.h"
#include "test_util.h"

namespace gongwen {
namespace {

using Strings = std::vector<std::string>;

Document ReadFixture(const std::string& name) {
  return ReadDocument(testing::TestData("official/" + name));
}

// The text of a span, without the line breaks of a field printed on several lines.
std::string Printed(const Document& d, Span span) {
  std::string s =
      text::Encode(text::Decode(d.parsed.text).substr(span.start, span.end - span.start));
  s.erase(std::remove(s.begin(), s.end(), '\n'), s.end());
  return s;
}

Strings Values(const std::vector<Field>& fields) {
  Strings out;
  for (const Field& f : fields) out.push_back(f.value);
  return out;
}

bool Has(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// Every field's span holds what the field says (spaces aside: 署名 are printed letter-spaced).
void ExpectSpansHoldValues(const Document& d) {
  const OfficialFields& f = d.official;
  std::vector<Field> fields = f.recipients;
  for (const auto* list : {&f.signatories, &f.notes, &f.cc, &f.attachment_list, &f.issuer_marks}) {
    fields.insert(fields.end(), list->begin(), list->end());
  }
  for (const auto* one : {&f.title, &f.date_line, &f.printed_by, &f.copy_number, &f.secrecy}) {
    if (*one) fields.push_back(**one);
  }
  for (const Field& field : fields) {
    EXPECT_EQ(Printed(d, field.span), field.value) << field.value;
  }
}

TEST(DocumentOfficial, AStateCouncilNoticeFromItsWebPage) {
  const Document d = ReadFixture("govcn_5351181.txt");
  ASSERT_EQ(d.kind, DocumentKind::kOfficial);
  const OfficialFields& f = d.official;
  ASSERT_TRUE(f.title && f.doc_number && f.number && f.date);
  EXPECT_EQ(f.title->value, "国务院关于印发个人所得税专项附加扣除暂行办法的通知");
  EXPECT_EQ(f.doc_type, "通知");
  EXPECT_EQ(f.doc_number->value, "国发〔2018〕41号");
  EXPECT_EQ(f.number->agency, "国发");
  EXPECT_EQ(f.number->year, 2018);
  EXPECT_EQ(f.number->serial, 41);
  EXPECT_EQ(Values(f.recipients),
            (Strings{"各省", "自治区", "直辖市人民政府", "国务院各部委", "各直属机构"}));
  EXPECT_EQ(Values(f.signatories), Strings{"国务院"});
  EXPECT_EQ(f.issuers, Strings{"国务院"});
  // The 成文日期 under the signature, not 2019年1月1日 quoted in the attached 办法.
  EXPECT_EQ(f.date->year, 2018);
  EXPECT_EQ(f.date->month, 12);
  EXPECT_EQ(f.date->day, 13);
  EXPECT_EQ(Values(f.notes), Strings{"此件公开发布"});
  EXPECT_TRUE(f.conflicts.empty());
  // The 办法 is the attachment: an article of its own, with its chapters as sections.
  ASSERT_EQ(d.parsed.articles.size(), 2u);
  EXPECT_EQ(d.parsed.articles[1].title, "个人所得税专项附加扣除暂行办法");
  EXPECT_EQ(d.parsed.articles[1].sections.size(), 9u);
  EXPECT_EQ(d.parsed.articles[0].author, "国务院");
  EXPECT_TRUE(Has(d.evidence, "文号 line") && Has(d.evidence, "主送 line"));
  ExpectSpansHoldValues(d);
}

TEST(DocumentOfficial, AFullHeadAndRecordInTheNationalFormat) {
  const Document d = ReadFixture("written/opinion_secret.txt");
  ASSERT_EQ(d.kind, DocumentKind::kOfficial);
  const OfficialFields& f = d.official;
  ASSERT_TRUE(f.copy_number && f.secrecy && f.urgency && f.doc_number && f.printed_by);
  EXPECT_EQ(f.copy_number->value, "000045");
  EXPECT_EQ(f.secrecy->value, "机密★1年");
  EXPECT_EQ(f.urgency->value, "特急");
  EXPECT_EQ(Values(f.issuer_marks), Strings{"中共安庆市委组织部文件"});
  EXPECT_EQ(f.doc_type, "意见");
  EXPECT_FALSE(f.cc.empty());
  EXPECT_TRUE(f.printed_date.has_value());
  EXPECT_TRUE(Has(d.evidence, "发文机关标志") && Has(d.evidence, "版记"));
  ExpectSpansHoldValues(d);
}

TEST(DocumentOfficial, JointIssuersAndAChineseNumeralDate) {
  const Document d = ReadFixture("written/joint_notice.txt");
  ASSERT_EQ(d.kind, DocumentKind::kOfficial);
  const OfficialFields& f = d.official;
  EXPECT_GE(f.issuer_marks.size(), 2u);
  EXPECT_EQ(f.signatories.size(), 2u);
  EXPECT_EQ(f.issuers.size(), 2u);
  ExpectSpansHoldValues(d);
}

TEST(DocumentOfficial, AnOrderIsTitledByTheRegulationItPromulgates) {
  const Document d = ReadFixture("govcn_5341736.txt");
  ASSERT_EQ(d.kind, DocumentKind::kOfficial);
  const OfficialFields& f = d.official;
  EXPECT_EQ(f.doc_type, "令");
  ASSERT_TRUE(f.title && f.doc_number && f.number);
  EXPECT_EQ(f.title->value, "专利代理条例");
  // The body prints 中华人民共和国国务院令 / 第706号; the page's table gives it as cited.
  EXPECT_EQ(f.doc_number->value, "国令第706号");
  EXPECT_EQ(f.number->serial, 706);
  EXPECT_EQ(f.issuers, Strings{"国务院"});
  EXPECT_TRUE(f.conflicts.empty());
}

TEST(DocumentOfficial, TheBodyWinsOverThePageTableAndTheDisagreementIsKept) {
  const Document d = ReadFixture("written/webcopy_notice.txt");
  ASSERT_EQ(d.kind, DocumentKind::kOfficial);
  const OfficialFields& f = d.official;
  ASSERT_TRUE(f.date);
  EXPECT_EQ(f.date->day, 18);  // under the signature; the table says 20
  ASSERT_EQ(f.conflicts.size(), 1u);
  EXPECT_NE(f.conflicts[0].find("成文日期"), std::string::npos);
  EXPECT_FALSE(f.metadata.empty());
}

TEST(DocumentOfficial, AWebCopyWithoutItsHeadReadsTheNumberUnderTheTitle) {
  const Document d = ParseDocument(
      "国务院办公厅关于做好某项工作的通知\n国办发〔2019〕35号\n各省、自治区、直辖市人民政府：\n"
      "自2020年1月1日起，各地要做好某项工作。\n附件：1．工作方案\n2．任务分工\n国务院办公厅\n"
      "2019年8月20日\n（此件公开发布）");
  ASSERT_EQ(d.kind, DocumentKind::kOfficial);
  const OfficialFields& f = d.official;
  ASSERT_TRUE(f.date);
  EXPECT_EQ(f.date->year, 2019);
  EXPECT_EQ(f.date->month, 8);
  EXPECT_EQ(Values(f.attachment_list), (Strings{"工作方案", "任务分工"}));
  EXPECT_EQ(Printed(d, f.body), "自2020年1月1日起，各地要做好某项工作。");
  ASSERT_EQ(d.parsed.articles.size(), 1u);
  EXPECT_EQ(d.parsed.articles[0].title, "国务院办公厅关于做好某项工作的通知");
}

// Text as real files give it: PDF extraction, web pages, old and hand-made layouts (each fixture
// a document written to find where the reader failed; test_document.py checks every field).
TEST(DocumentOfficial, LayoutsOfRealFiles) {
  {
    const Document d = ReadFixture("blind2/pdf_spaced_masthead.txt");  // 铜 陵 市 … 文 件
    EXPECT_EQ(Values(d.official.issuer_marks), Strings{"铜陵市人民政府文件"});
    ASSERT_TRUE(d.official.doc_number);
    EXPECT_EQ(d.official.doc_number->value, "铜政〔2023〕21号");
    EXPECT_TRUE(d.official.printed_date.has_value());  // 印发 line closed by （共印N份）
  }
  {
    const Document d = ReadFixture("blind2/web_breadcrumb_meta_colon_lines.txt");
    EXPECT_EQ(d.kind, DocumentKind::kOfficial);
    EXPECT_EQ(d.parsed.text.find("首页"), std::string::npos);      // the site's furniture
    EXPECT_EQ(d.parsed.text.find("浏览次数"), std::string::npos);  // is not the document
    EXPECT_GE(d.official.metadata.size(), 5u);                     // each value under its label
  }
  {
    const Document d = ReadFixture("blind2/mingdian_teji.txt");  // 特急　国办发明电〔2020〕5号
    ASSERT_TRUE(d.official.urgency && d.official.doc_number);
    EXPECT_EQ(d.official.urgency->value, "特急");
    EXPECT_EQ(d.official.doc_number->value, "国办发明电〔2020〕5号");
  }
  {
    const Document d = ReadFixture("blind2/old_paren_year_number.txt");  // （96）宣署字18号
    ASSERT_TRUE(d.official.number);
    EXPECT_EQ(d.official.number->year, 1996);
    EXPECT_EQ(d.official.number->agency, "宣署字");
  }
  for (const char* name :
       {"blind3/date_same_line_signature.txt", "blind3/date_above_signature.txt"}) {
    const Document d = ReadFixture(name);
    EXPECT_EQ(d.official.signatories.size(), 1u) << name;
    EXPECT_TRUE(d.official.date.has_value()) << name;
  }
}

TEST(DocumentCitations, NumbersThatShareAnAgencyAndYear) {
  const Document d = ParseDocument("根据国发〔2023〕1号、2号和3号文件精神，现通知如下。");
  Strings numbers;
  for (const Citation& c : d.citations) {
    if (c.number) numbers.push_back(c.number->text);
  }
  EXPECT_EQ(numbers, (Strings{"国发〔2023〕1号", "国发〔2023〕2号", "国发〔2023〕3号"}));
}

TEST(DocumentCitations, NumbersAndTitlesButNotTheDocumentsOwnNumber) {
  const Document d = ReadFixture("written/notice_issue_measures.txt");
  bool cites_41 = false;
  for (const Citation& c : d.citations) {
    ASSERT_TRUE(c.number || !c.title.empty());
    if (c.number && c.number->text == "国发〔2018〕41号") cites_41 = true;
    EXPECT_FALSE(d.official.number && c.number &&
                 DocNumberKey(*c.number) == DocNumberKey(*d.official.number));
    EXPECT_LT(c.start, c.end);
  }
  EXPECT_TRUE(cites_41);
}

TEST(DocumentKinds, EachKindFromItsOwnEvidence) {
  const std::vector<std::pair<std::string, DocumentKind>> cases = {
      {"not_official/bulletin_zugong.txt", DocumentKind::kBulletin},
      {"not_official/gov_work_report.txt", DocumentKind::kReport},
      {"not_official/other_outage.txt", DocumentKind::kOther},
  };
  for (const auto& [name, kind] : cases) {
    const Document d = ReadFixture(name);
    EXPECT_EQ(d.kind, kind) << name << ": " << KindName(d.kind);
    EXPECT_TRUE(kind == DocumentKind::kOther || !d.evidence.empty()) << name;
    EXPECT_TRUE(d.official.recipients.empty() || kind == DocumentKind::kBulletin) << name;
  }
}

TEST(DocumentKinds, TheReferenceBulletinParsesExactlyAsABulletin) {
  const std::string bytes = testing::ReadFileBytes(testing::ReferencePath());
  const Document d = ParseDocument(bytes);
  const Bulletin b = ParseBulletin(bytes);
  EXPECT_EQ(d.kind, DocumentKind::kBulletin);
  EXPECT_EQ(d.parsed.text, b.text);
  EXPECT_EQ(d.parsed.publication, b.publication);
  ASSERT_EQ(d.parsed.articles.size(), b.articles.size());
  for (std::size_t i = 0; i < b.articles.size(); ++i) {
    EXPECT_EQ(d.parsed.articles[i].title, b.articles[i].title);
    EXPECT_EQ(d.parsed.articles[i].text_span.start, b.articles[i].text_span.start);
    EXPECT_EQ(d.parsed.articles[i].sections.size(), b.articles[i].sections.size());
  }
}

TEST(DocumentKinds, LawsAndReportsOfTheSampleAreNotOfficial) {
  for (const char* name : {"gov-work-report-2024.txt", "cpc-20th-congress-report.txt",
                           "village-committees-law-2018.md"}) {
    const Document d = ReadDocument(testing::SampleData(name));
    EXPECT_NE(d.kind, DocumentKind::kOfficial) << name;
    EXPECT_TRUE(d.kind == DocumentKind::kReport || d.kind == DocumentKind::kLaw) << name;
  }
}

// Bad input: clear results, never an exception, never garbage fields.
TEST(DocumentHostile, FragmentsOfAnOfficialDocument) {
  const Document head =
      ParseDocument("000123\n机密★1年\n特急\n中共安庆市委组织部文件\n皖组〔2023〕12号");
  EXPECT_EQ(head.kind, DocumentKind::kOfficial);
  ASSERT_TRUE(head.official.doc_number);
  EXPECT_EQ(head.official.doc_number->value, "皖组〔2023〕12号");
  EXPECT_FALSE(head.official.date.has_value());
  EXPECT_TRUE(head.official.recipients.empty());

  const Document number = ParseDocument("皖组〔2023〕12号");
  EXPECT_NE(number.kind, DocumentKind::kOfficial);
  EXPECT_TRUE(number.official.signatories.empty());

  EXPECT_EQ(ParseDocument("").kind, DocumentKind::kOther);
  EXPECT_EQ(ParseDocument("\n\n　\n").kind, DocumentKind::kOther);
}

TEST(DocumentHostile, ARecipientsLineThatRunsOnForPages) {
  std::string line = "关于某事的通知\n国办发〔2019〕35号\n";
  for (int i = 0; i < 20000; ++i) line += "各县区人民政府、";
  line += "市直各单位：\n正文。\n国务院办公厅\n2019年8月20日";
  const Document d = ParseDocument(line);
  EXPECT_TRUE(d.official.recipients.empty());  // a paragraph, not a 主送 line
  ASSERT_TRUE(d.official.date);
  EXPECT_EQ(d.official.date->day, 20);
}

TEST(DocumentHostile, LongRunsOfBracketsAndNumbers) {
  std::string s;
  for (int i = 0; i < 100000; ++i) s += "〔";
  EXPECT_NO_THROW(ParseDocument(s));
  std::string numbers;
  for (int i = 0; i < 20000; ++i) numbers += "国发〔2018〕41号\n";
  const Document d = ParseDocument(numbers);
  EXPECT_TRUE(d.citations.empty());  // number lines are documents' own numbers
  std::string titles;
  for (int i = 0; i < 20000; ++i) titles += "《";
  EXPECT_NO_THROW(ParseDocument(titles + "办法》"));
}

TEST(DocumentLoad, LoadDocumentsRecordsErrorsAndKeepsOrder) {
  const std::vector<std::string> paths = {testing::TestData("official/govcn_5351181.txt"),
                                          testing::TestData("official/no-such-file.txt"),
                                          testing::ReferencePath()};
  const std::vector<DocumentResult> results = LoadDocuments(paths, 2);
  ASSERT_EQ(results.size(), 3u);
  ASSERT_TRUE(results[0].document);
  EXPECT_EQ(results[0].document->kind, DocumentKind::kOfficial);
  EXPECT_EQ(results[0].document->parsed.path, paths[0]);
  EXPECT_FALSE(results[1].document);
  EXPECT_EQ(results[1].error_type, "FileError");
  ASSERT_TRUE(results[2].document);
  EXPECT_EQ(results[2].document->kind, DocumentKind::kBulletin);
}

}  // namespace
}  // namespace gongwen
