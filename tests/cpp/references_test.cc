#include "gongwen/references.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "../../cpp/src/text.h"

namespace gongwen {
namespace {

std::u32string U(const std::string& utf8) { return text::Decode(utf8); }

// The first 文号 in a UTF-8 text.
std::optional<DocNumberMatch> Find(const std::string& utf8, std::size_t from = 0) {
  return FindDocNumber(U(utf8), from);
}

std::vector<Citation> Cite(const std::string& utf8) { return FindCitations(U(utf8)); }

std::string Slice(const std::string& utf8, std::size_t start, std::size_t end) {
  return text::Encode(U(utf8).substr(start, end - start));
}

void ExpectNumber(const std::optional<DocNumber>& n, const std::string& agency,
                  std::optional<int> year, int serial) {
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(n->agency, agency);
  EXPECT_EQ(n->year, year);
  EXPECT_EQ(n->serial, serial);
}

TEST(ReferencesDocNumber, ParsesTheCommonForm) {
  const std::optional<DocNumber> n = ParseDocNumber("皖组〔2023〕12号");
  ExpectNumber(n, "皖组", 2023, 12);
  EXPECT_EQ(n->text, "皖组〔2023〕12号");
}

TEST(ReferencesDocNumber, ReadsTheOldYearFirstForm) {
  // The 1980s and 1990s printed the year first, in two digits: （96）宣署字18号.
  const std::optional<DocNumber> n = ParseDocNumber("（96）宣署字18号");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->agency, "宣署字");
  EXPECT_EQ(n->year, 1996);
  EXPECT_EQ(n->serial, 18);
  EXPECT_EQ(DocNumberKey(*n), DocNumberKey(*ParseDocNumber("宣署字〔1996〕18号")));
  EXPECT_EQ(ParseDocNumber("(03)国办发5号")->year, 2003);
  EXPECT_FALSE(ParseDocNumber("（2019）最高法民终123号"));  // a court's case number
}

TEST(ReferencesDocNumber, StopsAtTheBureauNamedBeforeItsCode) {
  const std::optional<DocNumberMatch> m = FindDocNumber(U("根据县农业农村局泾农〔2023〕31号文件"));
  ASSERT_TRUE(m);
  EXPECT_EQ(m->number.agency, "泾农");
}

TEST(ReferencesDocNumber, AcceptsEveryYearBracketAndSpacesInside) {
  for (const char* printed :
       {"国发〔2018〕41号", "国发[2018]41号", "国发［2018］41号", "国发【2018】41号",
        "国发(2018)41号", "国发（2018）41号", "国发〔 2018 〕 41 号", "国发〔2018]41号"}) {
    SCOPED_TRACE(printed);
    ExpectNumber(ParseDocNumber(printed), "国发", 2018, 41);
  }
}

TEST(ReferencesDocNumber, ReadsLongAndMixedAgencyCodes) {
  ExpectNumber(ParseDocNumber("国办发明电〔2020〕5号"), "国办发明电", 2020, 5);
  ExpectNumber(ParseDocNumber("发改办财金规〔2019〕860号"), "发改办财金规", 2019, 860);
  ExpectNumber(ParseDocNumber("京政办发[2020]12号"), "京政办发", 2020, 12);
  ExpectNumber(ParseDocNumber("银保监发〔2019〕24号"), "银保监发", 2019, 24);
  ExpectNumber(ParseDocNumber("署税发〔2019〕1号"), "署税发", 2019, 1);
  ExpectNumber(ParseDocNumber("财税〔2019〕13号"), "财税", 2019, 13);
  ExpectNumber(ParseDocNumber("国函〔2019〕第5号"), "国函", 2019, 5);
  ExpectNumber(ParseDocNumber("中国人民银行令〔2019〕第3号"), "中国人民银行令", 2019, 3);
  ExpectNumber(ParseDocNumber("  粤府办〔2021〕7号 \n"), "粤府办", 2021, 7);
  // A series before a bracket is named in full, issuer included.
  ExpectNumber(ParseDocNumber("安徽省人民政府公告〔2023〕第5号"), "安徽省人民政府公告", 2023, 5);
  ExpectNumber(ParseDocNumber("国家发展和改革委员会令〔2017〕第9号"), "国家发展和改革委员会令",
               2017, 9);
}

TEST(ReferencesDocNumber, ReadsFullWidthDigitsAndLeadingZeros) {
  const std::optional<DocNumber> n = ParseDocNumber("国发〔２０１８〕４１号");
  ExpectNumber(n, "国发", 2018, 41);
  EXPECT_EQ(n->text, "国发〔２０１８〕４１号");
  ExpectNumber(ParseDocNumber("皖政办〔2019〕007号"), "皖政办", 2019, 7);
}

TEST(ReferencesDocNumber, ReadsOrders) {
  ExpectNumber(ParseDocNumber("国令第707号"), "国令", std::nullopt, 707);
  ExpectNumber(ParseDocNumber("中华人民共和国国务院令第706号"), "中华人民共和国国务院令",
               std::nullopt, 706);
  ExpectNumber(ParseDocNumber("国务院令 第707号"), "国务院令", std::nullopt, 707);
  ExpectNumber(ParseDocNumber("中华人民共和国国务院令\n第707号"), "中华人民共和国国务院令",
               std::nullopt, 707);
  ExpectNumber(ParseDocNumber("中华人民共和国主席令第三十一号"), "中华人民共和国主席令",
               std::nullopt, 31);
  ExpectNumber(ParseDocNumber("国务院令第七百零七号"), "国务院令", std::nullopt, 707);
  // Full names of issuers keep their 和.
  ExpectNumber(ParseDocNumber("中华人民共和国国家发展和改革委员会令第1号"),
               "中华人民共和国国家发展和改革委员会令", std::nullopt, 1);
}

TEST(ReferencesDocNumber, ReadsOrdersAndAnnouncementsWithAYear) {
  ExpectNumber(ParseDocNumber("商务部令2019年第1号"), "商务部令", 2019, 1);
  ExpectNumber(ParseDocNumber("国家税务总局公告2019年第13号"), "国家税务总局公告", 2019, 13);
  // Joint issuers are separated by a space; the key drops it.
  const std::optional<DocNumber> joint = ParseDocNumber("财政部 税务总局公告2019年第39号");
  ExpectNumber(joint, "财政部 税务总局公告", 2019, 39);
  EXPECT_EQ(DocNumberKey(*joint), "财政部税务总局公告〔2019〕39号");
  // A space after a word that is no issuer's name ends the agency.
  const std::optional<DocNumberMatch> m = Find("请各单位 国家税务总局公告2019年第13号");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->number.agency, "国家税务总局公告");
  EXPECT_EQ(m->start, 5u);
}

TEST(ReferencesDocNumber, ReadsTheOrderNumberPrintedBeforeLing) {
  const std::optional<DocNumber> n = ParseDocNumber("国务院第707号令");
  ExpectNumber(n, "国务院令", std::nullopt, 707);
  EXPECT_EQ(n->text, "国务院第707号令");
  const std::optional<DocNumberMatch> m = Find("根据国务院第588号令规定");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->start, 2u);
  EXPECT_EQ(m->end, 11u);
  EXPECT_EQ(m->number.agency, "国务院令");
}

TEST(ReferencesDocNumber, RejectsWhatIsNotADocumentNumber) {
  for (const char* printed :
       {"国发〔1890〕41号", "国发〔2101〕41号", "国发〔20189〕41号", "国发〔201〕41号",
        "国发〔2018〕号", "国发〔2018〕41", "第3号", "第3号文件", "国发〔2018〕0号", "令第3号", "",
        "   ", "国发", "根据国发〔2018〕41号", "国发〔2018〕41号文件", "（2019）最高法民终123号"}) {
    SCOPED_TRACE(printed);
    EXPECT_FALSE(ParseDocNumber(printed).has_value());
  }
  EXPECT_FALSE(Find("详见第3号文件和第5号附件").has_value());
  EXPECT_FALSE(Find("1890年的国发〔1890〕41号").has_value());
}

TEST(ReferencesDocNumber, BareNumberOnlyAtTheStartOfALine) {
  const std::optional<DocNumberMatch> m = Find("会议纪要\n    〔2023〕3号\n");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->number.agency, "");
  EXPECT_EQ(m->number.year, 2023);
  EXPECT_EQ(m->number.serial, 3);
  EXPECT_EQ(m->number.text, "〔2023〕3号");
  EXPECT_EQ(m->start, 9u);
  EXPECT_EQ(m->end, 17u);
  ExpectNumber(ParseDocNumber("〔2023〕3号"), "", 2023, 3);
  EXPECT_FALSE(Find("根据〔2023〕3号文件").has_value());
  EXPECT_FALSE(Find("要求，〔2023〕3号").has_value());
}

TEST(ReferencesDocNumber, FindsTheAgencyInRunningText) {
  struct Case {
    const char* text;
    const char* agency;
    const char* printed;
  };
  const Case cases[] = {
      {"根据国发〔2018〕41号精神", "国发", "国发〔2018〕41号"},
      {"按照国发〔2018〕41号文件要求", "国发", "国发〔2018〕41号"},
      {"国务院关于……的通知（国办发〔2019〕35号）", "国办发", "国办发〔2019〕35号"},
      {"现将省政府印发的皖政〔2019〕10号转发给你们", "皖政", "皖政〔2019〕10号"},
      {"依据财税〔2019〕13号", "财税", "财税〔2019〕13号"},
      {"转发发改办财金规〔2019〕860号", "发改办财金规", "发改办财金规〔2019〕860号"},
      {"国务院国发〔2018〕41号文件", "国发", "国发〔2018〕41号"},
      {"2019年5月10日国发〔2019〕9号", "国发", "国发〔2019〕9号"},
      {"废止原国发〔2010〕3号", "国发", "国发〔2010〕3号"},
      {"各地要认真贯彻落实国办发〔2020〕1号", "国办发", "国办发〔2020〕1号"},
      {"以京政发 〔2020〕2号印发", "京政发", "京政发 〔2020〕2号"},
      {"自然资发〔2019〕87号", "自然资发", "自然资发〔2019〕87号"},
      {"文旅发〔2019〕12号", "文旅发", "文旅发〔2019〕12号"},
      {"京经信发〔2019〕5号", "京经信发", "京经信发〔2019〕5号"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const std::optional<DocNumberMatch> m = Find(c.text);
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->number.agency, c.agency);
    EXPECT_EQ(m->number.text, c.printed);
    EXPECT_EQ(Slice(c.text, m->start, m->end), c.printed);
  }
}

TEST(ReferencesDocNumber, ReportsCodePointOffsets) {
  const std::optional<DocNumberMatch> m = Find("根据国发〔2018〕41号");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->start, 2u);
  EXPECT_EQ(m->end, 13u);
}

TEST(ReferencesDocNumber, FindsNumbersJoinedByConjunctions) {
  const std::string s = "国发〔2018〕41号和国办发〔2019〕35号及财税〔2019〕13号";
  const std::optional<DocNumberMatch> first = Find(s);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->number.agency, "国发");
  const std::optional<DocNumberMatch> second = Find(s, first->end);
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->number.agency, "国办发");
  EXPECT_EQ(second->start, first->end + 1);
  const std::optional<DocNumberMatch> third = Find(s, second->end);
  ASSERT_TRUE(third.has_value());
  EXPECT_EQ(third->number.agency, "财税");
  EXPECT_FALSE(Find(s, third->end).has_value());
  // Before 令 the conjunction joins two numbers, but 和 inside the name stays.
  const std::string orders = "国令第707号和住房和城乡建设部令第5号";
  const std::optional<DocNumberMatch> order = Find(orders, 7);
  ASSERT_TRUE(order.has_value());
  EXPECT_EQ(order->number.agency, "住房和城乡建设部令");
  EXPECT_EQ(order->start, 8u);
  const std::vector<Citation> c = Cite(orders);
  ASSERT_EQ(c.size(), 2u);
  ExpectNumber(c[1].number, "住房和城乡建设部令", std::nullopt, 5);
  EXPECT_EQ(c[1].start, 8u);
}

TEST(ReferencesDocNumber, SearchesFromTheGivenPosition) {
  const std::string s = "国发〔2018〕41号，国办发〔2019〕35号";
  const std::optional<DocNumberMatch> m = Find(s, 1);
  ASSERT_TRUE(m.has_value());
  // The agency is not read before `from`.
  EXPECT_EQ(m->start, 1u);
  EXPECT_EQ(m->number.agency, "发");
  const std::optional<DocNumberMatch> next = Find(s, 12);
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->number.agency, "国办发");
  EXPECT_FALSE(Find(s, 1000).has_value());
}

TEST(ReferencesDocNumber, CapsAnAgencyWithoutABoundaryAtTwelve) {
  const std::optional<DocNumberMatch> m = Find("甲乙丙丁戊己庚辛壬癸子丑寅卯发〔2019〕1号");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->number.agency, "丁戊己庚辛壬癸子丑寅卯发");
  EXPECT_EQ(m->start, 3u);
}

TEST(ReferencesKey, EqualAcrossPrintings) {
  const std::string key = DocNumberKey(*ParseDocNumber("国发〔2018〕41号"));
  EXPECT_EQ(key, "国发〔2018〕41号");
  for (const char* printed :
       {"国发[2018]41号", "国发［2018］41号", "国发【2018】41号", "国发(2018)41号",
        "国发（2018）41号", "国发〔 2018 〕 41 号", "国发〔２０１８〕４１号", "国发〔2018〕041号",
        "国发〔2018〕第41号", "国发 〔2018〕41号"}) {
    SCOPED_TRACE(printed);
    const std::optional<DocNumber> n = ParseDocNumber(printed);
    ASSERT_TRUE(n.has_value());
    EXPECT_EQ(DocNumberKey(*n), key);
  }
  EXPECT_NE(DocNumberKey(*ParseDocNumber("国发〔2018〕42号")), key);
  EXPECT_NE(DocNumberKey(*ParseDocNumber("国发〔2019〕41号")), key);
  EXPECT_NE(DocNumberKey(*ParseDocNumber("国办发〔2018〕41号")), key);
}

TEST(ReferencesKey, OneOrderSeriesPrintedSeveralWays) {
  const std::string key = DocNumberKey(*ParseDocNumber("国务院令第707号"));
  EXPECT_EQ(key, "国务院令第707号");
  for (const char* printed : {"国令第707号", "中华人民共和国国务院令第707号", "国务院第707号令",
                              "国务院令第七百零七号", "国务院令 第０７０７号"}) {
    SCOPED_TRACE(printed);
    EXPECT_EQ(DocNumberKey(*ParseDocNumber(printed)), key);
  }
  EXPECT_NE(DocNumberKey(*ParseDocNumber("财政部令第707号")), key);
  EXPECT_NE(DocNumberKey(*ParseDocNumber("国务院令第708号")), key);
  EXPECT_EQ(DocNumberKey(*ParseDocNumber("中华人民共和国主席令第三十一号")),
            DocNumberKey(*ParseDocNumber("主席令第31号")));
  EXPECT_EQ(DocNumberKey(*ParseDocNumber("中华人民共和国商务部令2004年第2号")),
            "商务部令〔2004〕2号");
  EXPECT_EQ(DocNumberKey(*ParseDocNumber("商务部令2019年第1号")),
            DocNumberKey(*ParseDocNumber("商务部令〔2019〕第1号")));
}

TEST(ReferencesKey, FoldsTheTextOfANumberNotMadeByTheParser) {
  DocNumber a;
  a.text = "国发［２０１８］ 41号";
  DocNumber b;
  b.text = "国发〔2018〕41号";
  EXPECT_EQ(DocNumberKey(a), DocNumberKey(b));
  EXPECT_EQ(DocNumberKey(DocNumber{}), "");
}

TEST(ReferencesKey, TitleKeyFoldsMarksSpacesAndWidths) {
  const std::string key = TitleKey("国务院关于印发《XX》的通知");
  EXPECT_EQ(key, "国务院关于印发XX的通知");
  EXPECT_EQ(TitleKey("《国务院关于印发〈XX〉的通知》"), key);
  EXPECT_EQ(TitleKey("国务院关于印发“ＸＸ”的 通知"), key);
  EXPECT_EQ(TitleKey("《中国制造２０２５》"), TitleKey("中国制造 2025"));
  EXPECT_EQ(TitleKey("办法（试行）"), TitleKey("办法(试行)"));
  EXPECT_NE(TitleKey("国务院关于印发《XY》的通知"), key);
  EXPECT_EQ(TitleKey(""), "");
}

TEST(ReferencesCitations, TitleWithItsNumber) {
  const std::string s = "按照《国务院关于印发〈XX〉的通知》（国发〔2016〕71号）要求";
  const std::vector<Citation> c = Cite(s);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].title, "国务院关于印发〈XX〉的通知");
  ExpectNumber(c[0].number, "国发", 2016, 71);
  EXPECT_EQ(c[0].start, 2u);
  EXPECT_EQ(Slice(s, c[0].start, c[0].end), "《国务院关于印发〈XX〉的通知》（国发〔2016〕71号）");
}

TEST(ReferencesCitations, TitleWithAnOrderNumberInAsciiParentheses) {
  const std::vector<Citation> c = Cite("《中华人民共和国政府信息公开条例》(国务院令第711号)规定");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].title, "中华人民共和国政府信息公开条例");
  ExpectNumber(c[0].number, "国务院令", std::nullopt, 711);
  EXPECT_EQ(c[0].start, 0u);
  EXPECT_EQ(c[0].end, 28u);
}

TEST(ReferencesCitations, NestedTitlesTakeTheOutermostPair) {
  const std::vector<Citation> c = Cite("转发《国务院关于印发《XX规划》的通知》的通知");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].title, "国务院关于印发《XX规划》的通知");
  EXPECT_FALSE(c[0].number.has_value());
  EXPECT_EQ(c[0].start, 2u);
  EXPECT_EQ(c[0].end, 20u);
}

TEST(ReferencesCitations, TitlesAndNumbersInOrder) {
  const std::string s =
      "根据《中华人民共和国公务员法》和国发〔2018〕41号文件精神，参照《党政机关公文处理工作条例》"
      "（中办发〔2012〕14号），结合《关于转发国办发〔2019〕5号文件的通知》要求。";
  const std::vector<Citation> c = Cite(s);
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].title, "中华人民共和国公务员法");
  EXPECT_FALSE(c[0].number.has_value());
  EXPECT_EQ(Slice(s, c[0].start, c[0].end), "《中华人民共和国公务员法》");
  EXPECT_EQ(c[1].title, "");
  ExpectNumber(c[1].number, "国发", 2018, 41);
  EXPECT_EQ(Slice(s, c[1].start, c[1].end), "国发〔2018〕41号");
  EXPECT_EQ(c[2].title, "党政机关公文处理工作条例");
  ExpectNumber(c[2].number, "中办发", 2012, 14);
  EXPECT_EQ(Slice(s, c[2].start, c[2].end), "《党政机关公文处理工作条例》（中办发〔2012〕14号）");
  // A number inside a title is part of the title, not a citation of its own.
  EXPECT_EQ(c[3].title, "关于转发国办发〔2019〕5号文件的通知");
  EXPECT_FALSE(c[3].number.has_value());
}

TEST(ReferencesCitations, NumberFollowedByMoreInTheBrackets) {
  const std::string s = "《指导意见》（国发〔2018〕41号，以下简称《意见》）和《意见》";
  const std::vector<Citation> c = Cite(s);
  // The short name after 简称 is not a new citation; the later bare 《意见》 is.
  ASSERT_EQ(c.size(), 2u);
  ExpectNumber(c[0].number, "国发", 2018, 41);
  EXPECT_EQ(Slice(s, c[0].start, c[0].end), "《指导意见》（国发〔2018〕41号");
  EXPECT_EQ(c[1].title, "意见");
}

TEST(ReferencesCitations, SeveralNumbersInOneBracket) {
  const std::vector<Citation> c = Cite("《通知》（国发〔2018〕41号、国办发〔2019〕5号）");
  ASSERT_EQ(c.size(), 2u);
  ExpectNumber(c[0].number, "国发", 2018, 41);
  EXPECT_EQ(c[0].title, "通知");
  ExpectNumber(c[1].number, "国办发", 2019, 5);
  EXPECT_EQ(c[1].title, "");
}

TEST(ReferencesCitations, BracketsAfterATitleThatHoldNoNumber) {
  const std::vector<Citation> c = Cite("《中华人民共和国预算法》（2018年修正）");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_FALSE(c[0].number.has_value());
  EXPECT_EQ(c[0].end, 12u);
  // A number in the brackets that is not at their start is not the title's.
  const std::vector<Citation> d = Cite("《办法》（根据国发〔2018〕41号制定）");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_FALSE(d[0].number.has_value());
  ExpectNumber(d[1].number, "国发", 2018, 41);
}

TEST(ReferencesCitations, SkipsPeriodicalsAndProgrammes) {
  const std::vector<Citation> c = Cite(
      "《人民日报》刊发评论，《求是》杂志发表文章，《中国青年报》《学习时报》《光明日报》报道，"
      "《新闻联播》播出，《XX访谈》栏目，人民网和《中国政府网》转载《关于XX情况的通报》。");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].title, "关于XX情况的通报");
}

TEST(ReferencesCitations, KeepsBooksLawsPlansAndStandards) {
  const std::vector<Citation> c = Cite(
      "《习近平谈治国理政》《中华人民共和国民法典》《“十四五”规划纲要》《公文格式》《统计公报》");
  ASSERT_EQ(c.size(), 5u);
  EXPECT_EQ(c[2].title, "“十四五”规划纲要");
  EXPECT_EQ(c[4].title, "统计公报");
}

TEST(ReferencesCitations, SkipsOneCharacterAndEmptyTitles) {
  const std::vector<Citation> c = Cite("《》《诗》《 》《易经》");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].title, "易经");
  EXPECT_EQ(c[0].start, 8u);
}

TEST(ReferencesCitations, UnclosedTitleIsNoTitle) {
  std::string s = "《未闭合的书名";
  for (int i = 0; i < 30; ++i) s += "很长的一段正文没有书名号结束";
  s += "》以及《办法》";
  const std::vector<Citation> c = Cite(s);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].title, "办法");
  // An unclosed 《 before a real title does not swallow it.
  const std::vector<Citation> d = Cite("《前言《条例》后文");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].title, "条例");
  EXPECT_EQ(d[0].start, 3u);
}

TEST(ReferencesCitations, NumbersInDocumentHeaders) {
  const std::string s =
      "安徽省人民政府办公厅文件\n皖政办〔2023〕12号\n\n安徽省人民政府办公厅关于……的通知\n"
      "各市人民政府：\n  现将《XX实施方案》印发给你们。\n\n会议纪要\n〔2023〕3号";
  const std::vector<Citation> c = Cite(s);
  ASSERT_EQ(c.size(), 3u);
  ExpectNumber(c[0].number, "皖政办", 2023, 12);
  EXPECT_EQ(c[0].start, 13u);
  EXPECT_EQ(c[1].title, "XX实施方案");
  ExpectNumber(c[2].number, "", 2023, 3);
}

TEST(ReferencesHostile, ManyBracketsAndTitleMarks) {
  const std::u32string brackets(100000, U'〔');
  EXPECT_FALSE(FindDocNumber(brackets).has_value());
  EXPECT_TRUE(FindCitations(brackets).empty());
  const std::u32string opens(100000, U'《');
  EXPECT_TRUE(FindCitations(opens).empty());
  std::u32string pairs;
  for (int i = 0; i < 50000; ++i) pairs += U"《》";
  EXPECT_TRUE(FindCitations(pairs).empty());
  const std::u32string di(100000, U'第');
  EXPECT_TRUE(FindCitations(di).empty());
  std::u32string ling;
  for (int i = 0; i < 30000; ++i) ling += U"令第";
  EXPECT_TRUE(FindCitations(ling).empty());
}

TEST(ReferencesHostile, OneOpenMarkBeforeAMegabyte) {
  std::u32string s = U"《";
  s.append(1 << 20, U'文');
  s += U"》国发〔2018〕41号";
  const std::vector<Citation> c = FindCitations(s);
  ASSERT_EQ(c.size(), 1u);
  ExpectNumber(c[0].number, "国发", 2018, 41);
  // The Han run before the bracket is capped, and its start is where the cap put it.
  EXPECT_EQ(c[0].start, (1u << 20) + 2);
  std::u32string han(1 << 20, U'发');
  han += U"〔2018〕41号";
  const std::optional<DocNumberMatch> m = FindDocNumber(han);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->end - m->start, 12u + 9u);
}

TEST(ReferencesHostile, ManyNumbersAndTitles) {
  std::u32string s;
  for (int i = 0; i < 20000; ++i) s += U"根据国发〔2018〕41号和《办法》（财税〔2019〕13号），";
  const std::vector<Citation> c = FindCitations(s);
  ASSERT_EQ(c.size(), 40000u);
  EXPECT_EQ(c[39999].title, "办法");
  ExpectNumber(c[39999].number, "财税", 2019, 13);
  std::u32string bare;
  for (int i = 0; i < 20000; ++i) bare += U"                                〔2023〕3号";
  EXPECT_EQ(FindCitations(bare).size(), 1u);  // only the first starts its line
  std::u32string spaces(100000, U' ');
  spaces += U"〔2023〕3号";
  EXPECT_FALSE(FindDocNumber(spaces).has_value());  // beyond the indent window
}

TEST(ReferencesHostile, LongDigitRuns) {
  std::u32string s = U"国发〔";
  s.append(100000, U'2');
  s += U"〕41号第";
  s.append(100000, U'1');
  s += U"号令";
  EXPECT_TRUE(FindCitations(s).empty());
  std::u32string n = U"国发〔2018〕";
  n.append(100000, U'0');
  n += U"41号";
  EXPECT_TRUE(FindCitations(n).empty());
}

TEST(ReferencesHostile, AnyCodePoints) {
  const std::u32string odd = {0xFFFD, 0,        U'\x01', 0x1F600, 0x20000, U'〔', U'2',   U'0',
                              U'1',   U'8',     U'〕',   U'4',    U'1',    U'号', 0xD800, 0x110000,
                              U'《',  0x10FFFF, 0xD800,  U'》',   U'第',   U'一'};
  const std::vector<Citation> c = FindCitations(odd);
  ASSERT_EQ(c.size(), 2u);
  // 𠀀 (U+20000) is Han: the agency.
  ExpectNumber(c[0].number, text::Encode(std::u32string(1, 0x20000)), 2018, 41);
  EXPECT_EQ(c[0].start, 4u);
  EXPECT_EQ(c[1].start, 16u);
  EXPECT_FALSE(ParseDocNumber(std::string("\xff\xfe\x80", 3)).has_value());
  EXPECT_EQ(TitleKey(std::string("\xff《", 4)), "\xEF\xBF\xBD");
}

// Random texts over the characters the rules look at: citations are in order, do not overlap
// and lie inside the text; every number has a serial and a key.
TEST(ReferencesHostile, RandomTextsGiveWellFormedResults) {
  const std::u32string alphabet = U"〔〕[]（）()《》〈〉第令号年发国办和的根据2019 0１\n公告简称报";
  std::mt19937 rng(12345);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::size_t found = 0;
  for (int round = 0; round < 300; ++round) {
    std::u32string s;
    for (int i = 0; i < 400; ++i) s += alphabet[pick(rng)];
    std::size_t last_end = 0;
    for (const Citation& c : FindCitations(s)) {
      ++found;
      EXPECT_LE(last_end, c.start);
      EXPECT_LT(c.start, c.end);
      EXPECT_LE(c.end, s.size());
      EXPECT_TRUE(c.number.has_value() || !c.title.empty());
      if (c.number) {
        EXPECT_TRUE(c.number->serial.has_value());
        EXPECT_FALSE(DocNumberKey(*c.number).empty());
      }
      last_end = c.end;
    }
    for (std::size_t from = 0; from < s.size(); from += 37) {
      if (std::optional<DocNumberMatch> m = FindDocNumber(s, from)) {
        EXPECT_GE(m->start, from);
        EXPECT_LT(m->start, m->end);
        EXPECT_EQ(ParseDocNumber(m->number.text).has_value(), true) << m->number.text;
      }
    }
  }
  EXPECT_GT(found, 0u);
}

}  // namespace
}  // namespace gongwen
