// The web-page reader: charsets, main content against the wrapped truth of tests/data/web (see
// make_web_fixtures.py), the gov.cn pages against tests/data/official, metadata, tables, MHT, and
// hostile pages (deep nesting, 50 MB without a tag, bad bytes).
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "../../cpp/src/formats.h"
#include "../../cpp/src/text.h"
#include "gongwen/error.h"
#include "test_util.h"

namespace gongwen {
namespace {

using testing::ReadFileBytes;
using testing::TestData;

// Lines without white space, empty lines dropped: pages and truths differ in spacing only.
std::vector<std::string> NormalLines(const std::string& text) {
  std::vector<std::string> lines;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) lines.push_back(current);
    current.clear();
  };
  for (const char32_t c : text::Decode(text)) {
    if (c == U'\n') {
      flush();
    } else if (!text::IsSpace(c)) {
      text::AppendUtf8(current, c);
    }
  }
  flush();
  return lines;
}

std::string Meta(const DecodedText& page, const std::string& key) {
  for (const auto& [k, v] : page.metadata) {
    if (k == key) return v;
  }
  return "<missing>";
}

DecodedText Extract(const std::string& html, std::string_view encoding = {}) {
  return ExtractHtml(html, "<test>", encoding);
}

DecodedText ExtractFixture(const std::string& name) {
  const std::string path = TestData("web/" + name);
  return ExtractHtml(ReadFileBytes(path), path, {});
}

struct WebCase {
  const char* page;
  const char* encoding;
};

class WebFixture : public ::testing::TestWithParam<WebCase> {};

TEST_P(WebFixture, MainTextIsTheWrappedTruth) {
  const WebCase& c = GetParam();
  const DecodedText page = ExtractFixture(std::string(c.page) + ".html");
  EXPECT_EQ(page.format, "html");
  EXPECT_EQ(page.encoding, c.encoding);
  const std::string truth = ReadFileBytes(TestData("web/" + std::string(c.page) + ".txt"));
  EXPECT_EQ(NormalLines(page.text), NormalLines(truth));
  for (const char* furniture :
       {"当前位置", "您现在的位置", "网站地图", "版权所有", "ICP备",    "网站标识码", "主办单位",
        "联系我们", "分享到",       "打印本页", "关闭窗口", "字体",     "相关链接",   "相关新闻",
        "上一篇",   "下一篇",       "首页",     "责任编辑", "浏览次数", "热点排行",   "索引号"}) {
    EXPECT_EQ(page.text.find(furniture), std::string::npos) << c.page << ": " << furniture;
  }
}

INSTANTIATE_TEST_SUITE_P(Html, WebFixture,
                         ::testing::Values(WebCase{"province_gbk", "GB18030"},
                                           WebCase{"county_zugong_gb2312", "GB18030"},
                                           WebCase{"ministry_utf8_bom", "UTF-8"},
                                           WebCase{"news_late_meta", "UTF-8"},
                                           WebCase{"old_nocharset_gbk", "GB18030"}),
                         [](const auto& info) { return std::string(info.param.page); });

TEST(Html, ProvincialMetadataTable) {
  const DecodedText page = ExtractFixture("province_gbk.html");
  EXPECT_EQ(Meta(page, "index_number"), "002986117/2023-00123");
  EXPECT_EQ(Meta(page, "topic"), "劳动、人事、监察\\职业技能");
  EXPECT_EQ(Meta(page, "issuer"), "安徽省人力资源和社会保障厅");
  EXPECT_EQ(Meta(page, "written_date"), "2023年08月10日");
  EXPECT_EQ(Meta(page, "doc_number"), "皖人社发〔2023〕15号");
  EXPECT_EQ(Meta(page, "published_date"), "2023年08月15日");
  EXPECT_EQ(Meta(page, "source"), "安徽省人力资源和社会保障厅");
  EXPECT_EQ(Meta(page, "title"),
            "安徽省人力资源和社会保障厅关于印发《安徽省职业技能等级认定工作管理办法》的通知");
}

TEST(Html, ListMetadataBylineAndMetaTags) {
  const DecodedText ministry = ExtractFixture("ministry_utf8_bom.html");
  EXPECT_EQ(Meta(ministry, "index_number"), "002986117/2023-00123");
  EXPECT_EQ(Meta(ministry, "doc_number"), "皖人社发〔2023〕15号");
  const DecodedText county = ExtractFixture("county_zugong_gb2312.html");
  EXPECT_EQ(Meta(county, "published_date"), "2023年08月15日");
  EXPECT_EQ(Meta(county, "source"), "中共怀宁县委组织部");
  const DecodedText news = ExtractFixture("news_late_meta.html");
  EXPECT_EQ(Meta(news, "keywords"), "组织工作,安庆");
  EXPECT_EQ(Meta(news, "published_date"), "2023年08月15日");
  EXPECT_EQ(Meta(news, "source"), "中共怀宁县委组织部");
}

// What a government page's metadata shows in shapes besides the gov.cn table: labels gongwen does
// not know beside ones it does, adjacent <span>s, counters after the date, 更新时间, and a
// weak label (名称：) that is metadata in the table but text in the article.
TEST(Html, InfoBarsAndTablesWithLabelsOfEveryKind) {
  const std::string body =
      "<div "
      "class='con'><p>为进一步做好全市老旧小区改造工作，现将有关事项通知如下，请认真贯彻落实。</p>"
      "<p>名称：某某建设有限公司</p><p>各县区要落实主体责任，确保改造工程质量安全。</p></div>";
  const DecodedText table = Extract(
      "<table><tr><td>分 类：</td><td>通知</td><td>索引号：</td><td>1133/2024-00215</td></tr>"
      "<tr><td>名　　称：</td><td colspan=3>关于老旧小区改造的通知</td></tr>"
      "<tr><td>所属栏目：</td><td>通知公告</td><td>发文字号：</td><td>临政办发〔2024〕9号</td></tr>"
      "</table>" +
      body);
  EXPECT_EQ(Meta(table, "topic"), "通知");
  EXPECT_EQ(Meta(table, "index_number"), "1133/2024-00215");
  EXPECT_EQ(Meta(table, "title"), "关于老旧小区改造的通知");
  EXPECT_EQ(Meta(table, "doc_number"), "临政办发〔2024〕9号");
  EXPECT_EQ(NormalLines(table.text),
            (std::vector<std::string>{
                "关于老旧小区改造的通知",
                "为进一步做好全市老旧小区改造工作，现将有关事项通知如下，请认真贯彻落实。",
                "名称：某某建设有限公司", "各县区要落实主体责任，确保改造工程质量安全。"}));

  const DecodedText bars = Extract(
      "<h1>关于老旧小区改造的通知</h1><div><span>发布时间：2024-03-22</span><span>来源：医政医管处"
      "</span></div><div>作者：张三　　浏览量：1024</div><div>更新时间：2008-5-12&nbsp;点击：268"
      "</div>" +
      body);
  EXPECT_EQ(Meta(bars, "published_date"), "2024-03-22");
  EXPECT_EQ(Meta(bars, "source"), "医政医管处");
  EXPECT_EQ(Meta(bars, "author"), "张三");
  EXPECT_EQ(NormalLines(bars.text).size(), 4u) << bars.text;

  // Two labels gongwen does not know are a line of the article, not metadata.
  const DecodedText text =
      Extract("<div class='con'><p>主要做法：\t强化引领 \t工作成效：明显</p>" + body.substr(17));
  EXPECT_NE(text.text.find("主要做法："), std::string::npos) << text.text;
}

TEST(Html, TitleFromTheHeadingTheTitleTagHolds) {
  const DecodedText page = Extract(
      "<html><head><title>关于老旧小区改造的通知-某市卫健委</title></head><body><div class=con>"
      "<h1>关于老旧小区改造的通知</h1><p>为进一步做好全市老旧小区改造工作，现将有关事项通知如下。"
      "</p><p>各县区要落实主体责任，确保改造工程质量安全，按期完成年度任务。</p></div></body></"
      "html>");
  EXPECT_EQ(Meta(page, "title"), "关于老旧小区改造的通知");
  const DecodedText years = Extract(
      "<html><head><title>2023-2024年度工作要点 - 某市卫健委</title></head><body><p>正文第一段，"
      "内容较长的一段话，说明有关情况。</p><p>正文第二段，内容较长的一段话，说明有关情况。</p></"
      "body></html>");
  EXPECT_EQ(Meta(years, "title"), "2023-2024年度工作要点");
}

TEST(Html, HeadlineOutsideTheContentBlockComesFirst) {
  EXPECT_EQ(NormalLines(ExtractFixture("county_zugong_gb2312.html").text).front(),
            "县政府请示设立高河镇便民服务中心");
  EXPECT_EQ(NormalLines(ExtractFixture("old_nocharset_gbk.html").text).front(),
            "关于商请支持开展职业技能培训的函");
}

struct GovCase {
  const char* id;
  const char* doc_number;
};

class GovCnPage : public ::testing::TestWithParam<GovCase> {};

// The 公文 text of a gov.cn policy page is the previous extraction (tests/data/official), less its
// metadata table, which goes to metadata.
TEST_P(GovCnPage, WholeDocumentAndMetadata) {
  const GovCase& c = GetParam();
  const DecodedText page = ExtractFixture("govcn/govcn_" + std::string(c.id) + ".html");
  std::vector<std::string> expected;
  for (const std::string& line :
       NormalLines(ReadFileBytes(TestData("official/govcn_" + std::string(c.id) + ".txt")))) {
    bool meta = false;
    for (const char* label : {"索引号：", "主题分类：", "发文机关：", "成文日期：", "标题：",
                              "发文字号：", "发布日期：", "主题词："}) {
      meta = meta || line.starts_with(label);
    }
    if (!meta) expected.push_back(line);
  }
  EXPECT_EQ(NormalLines(page.text), expected);
  EXPECT_EQ(Meta(page, "doc_number"), c.doc_number);
  EXPECT_EQ(Meta(page, "issuer").substr(0, 9), "国务院");
  EXPECT_NE(Meta(page, "index_number"), "<missing>");
  EXPECT_NE(Meta(page, "written_date"), "<missing>");
  EXPECT_NE(Meta(page, "published_date"), "<missing>");
  EXPECT_NE(Meta(page, "topic"), "<missing>");
}

INSTANTIATE_TEST_SUITE_P(Html, GovCnPage,
                         ::testing::Values(GovCase{"5341736", "国令第706号"},
                                           GovCase{"5344150", "国函〔2018〕145号"},
                                           GovCase{"5353307", "国发〔2018〕43号"},
                                           GovCase{"5345459", "国办函〔2005〕57号"}),
                         [](const auto& info) { return std::string(info.param.id); });

TEST(Html, TablesBecomeRowsOfCells) {
  const DecodedText page = Extract(
      "<html><body><div class='content'><p>各单位经费分配如下。</p><table>"
      "<tr><th>序号</th><th>单位</th><th>金额</th></tr>"
      "<tr><td><p>1</p></td><td>安庆市</td><td>120</td></tr></table></div></body></html>");
  EXPECT_EQ(page.text, "各单位经费分配如下。\n序号\t单位\t金额\n1\t安庆市\t120");
  const DecodedText paragraphs = Extract(
      "<div class='content'><p>下达补助资金，详见下表。</p><table><tr><td><p>序号</p></td>"
      "<td><p>单位</p></td></tr><tr><td><p>1</p></td><td> <p>东川区</p> </td></tr></table></div>");
  EXPECT_EQ(paragraphs.text, "下达补助资金，详见下表。\n序号\t单位\n1\t东川区");
}

TEST(Html, LayoutTablesAreNotRows) {
  std::string column;
  for (int i = 0; i < 8; ++i) column += "<p>第" + std::to_string(i) + "段，正文内容。</p>";
  const DecodedText page =
      Extract("<table><tr><td><a href=/>首页</a></td><td>" + column + "</td></tr></table>");
  EXPECT_EQ(NormalLines(page.text).size(), 8u);
  EXPECT_EQ(page.text.find('\t'), std::string::npos);
}

TEST(Html, EntitiesScriptsAndIndentation) {
  const DecodedText page = Extract(
      "<body><script>var x = '不要';</script><style>p{}</style><noscript>请启用脚本</noscript>"
      "<div id='zoom'><p>&nbsp;&nbsp;&nbsp;甲&amp;乙&lt;丙&gt;，如下。&nbsp;</p>"
      "<p>\xE3\x80\x80\xE3\x80\x80第一条　内容。\xE3\x80\x80</p></div></body>");
  EXPECT_EQ(page.text, "甲&乙<丙>，如下。\n\xE3\x80\x80\xE3\x80\x80第一条　内容。");
}

TEST(Html, ForcedEncodingWins) {
  // "通知" in GBK, declared as UTF-8 by the page.
  const std::string html = "<meta charset='utf-8'><p>\xCD\xA8\xD6\xAA</p>";
  const DecodedText page = Extract(html, "GBK");
  EXPECT_EQ(page.encoding, "GBK");
  EXPECT_EQ(page.text, "通知");
}

TEST(Html, MislabelledPageReadsAsWhatItIs) {
  const DecodedText page = Extract("<meta charset='gb2312'><p>通知，如下。</p>");  // UTF-8
  EXPECT_EQ(page.encoding, "UTF-8");
  EXPECT_EQ(page.text, "通知，如下。");
}

TEST(Html, Utf16WithBom) {
  const std::string utf8 = "<p>通知</p>";
  std::string utf16 = "\xFF\xFE";
  for (const char32_t c : text::Decode(utf8)) {
    utf16 += static_cast<char>(c & 0xFF);
    utf16 += static_cast<char>(c >> 8);
  }
  const DecodedText page = Extract(utf16);
  EXPECT_EQ(page.encoding, "UTF-16LE");
  EXPECT_EQ(page.text, "通知");
}

TEST(Html, BadBytesInADeclaredCharsetAreAnError) {
  // 0xFF is no lead byte in GBK, GB18030 or UTF-8: nothing is replaced, as for text files.
  const std::string html = "<meta charset='gbk'><p>\xCD\xA8\xFF\xD6\xAA</p>";
  try {
    Extract(html);
    FAIL() << "no DecodeError";
  } catch (const DecodeError& e) {
    EXPECT_EQ(e.offset(), html.find('\xFF'));
    EXPECT_NE(std::string(e.what()).find("GB18030"), std::string::npos) << e.what();
  }
}

TEST(Html, EmptyAndNavigationOnlyPagesHaveNoText) {
  EXPECT_EQ(Extract("").text, "");
  EXPECT_EQ(Extract("").encoding, "UTF-8");
  EXPECT_EQ(Extract("<html><head><title>x</title></head><body></body></html>").text, "");
  const DecodedText nav = Extract(
      "<html><body><ul class='nav'><li><a href=/>首页</a></li><li><a href=/a>政务公开</a></li>"
      "</ul><div>当前位置：<a href=/>首页</a> &gt; 通知</div><div class='footer'>版权所有 "
      "某某市人民政府 皖ICP备05000000号</div></body></html>");
  EXPECT_EQ(nav.text, "");
}

TEST(Html, DeepNestingIsRefusedQuickly) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "正文";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THROW(Extract(html), DecodeError);
  // Mismatched end tags do not close anything: they must not hide the depth.
  std::string sneaky;
  for (int i = 0; i < 100000; ++i) sneaky += "<div></span>";
  EXPECT_THROW(Extract(sneaky), DecodeError);
  // A moderately deep page whose every tag makes the parser walk its whole stack.
  std::string costly;
  for (int i = 0; i < 900; ++i) costly += "<div>";
  for (int i = 0; i < 1000000; ++i) costly += "</p>";
  EXPECT_THROW(Extract(costly), DecodeError);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(Html, ModerateNestingIsRead) {
  std::string html;
  for (int i = 0; i < 500; ++i) html += "<div><span>";
  html += "正文内容，如下。";
  EXPECT_EQ(Extract(html).text, "正文内容，如下。");
}

TEST(Html, FiftyMegabytesWithoutATag) {
  std::string line = "全市组织工作会议召开，部署当前和今后一个时期重点任务。";
  std::string big;
  big.reserve(50u << 20);
  while (big.size() < (50u << 20)) big += line;
  const DecodedText page = Extract(big);
  EXPECT_EQ(page.encoding, "UTF-8");
  EXPECT_EQ(page.text.size(), big.size());
}

TEST(Html, MhtQuotedPrintableAndBase64) {
  const std::string qp =
      "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01\"\r\n\r\n"
      "------=_NextPart_01\r\nContent-Type: text/html; charset=\"gb2312\"\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
      "<html><body><p>=CD=A8=D6=AA=A3=AC=C8=E7=CF=C2=A1=A3</p></bo=\r\ndy></html>\r\n"
      "------=_NextPart_01\r\nContent-Type: image/png\r\n\r\nxxxx\r\n------=_NextPart_01--\r\n";
  EXPECT_TRUE(LooksLikeHtml(qp));
  const DecodedText page = Extract(qp);
  EXPECT_EQ(page.encoding, "GB18030");
  EXPECT_EQ(page.text, "通知，如下。");
  const std::string b64 =
      "From: <Saved by Windows Internet Explorer 8>\nMIME-Version: 1.0\n"
      "Content-Type: multipart/related; boundary=\"b1\"\n\n--b1\nContent-Type: text/html; "
      "charset=\"utf-8\"\nContent-Transfer-Encoding: base64\n\n"
      "PHA+6YCa55+l77yM5aaC5LiL44CCPC9wPg==\n--b1--\n";  // <p>通知，如下。</p>
  EXPECT_EQ(Extract(b64).text, "通知，如下。");
  // A damaged base64 part is an error, not its bytes decoded into garbage.
  std::string damaged = b64;
  damaged.replace(damaged.find("PHA+"), 4, "!!!!");
  EXPECT_THROW(Extract(damaged), DecodeError);
  EXPECT_THROW(Extract("MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n\n--x\n"
                       "Content-Type: image/png\n\nzz\n--x--\n"),
               DecodeError);
}

TEST(Html, LooksLikeHtml) {
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE html><html>"));
  EXPECT_TRUE(LooksLikeHtml("\xEF\xBB\xBF  <!-- saved --> <HTML>"));
  EXPECT_TRUE(LooksLikeHtml("<div class=\"wrap\">"));
  EXPECT_TRUE(LooksLikeHtml("<?xml version=\"1.0\"?><html xmlns=\"x\">"));
  EXPECT_FALSE(LooksLikeHtml("安庆组工信息\n第 24 期"));
  EXPECT_FALSE(LooksLikeHtml("<note>not html</note>"));
  EXPECT_FALSE(LooksLikeHtml("%PDF-1.7"));
  EXPECT_FALSE(LooksLikeHtml("Subject: hello\n\nplain text"));
}

}  // namespace
}  // namespace gongwen
