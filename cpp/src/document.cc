// Documents of every kind. The kind is decided from evidence that each kind prints and the
// others do not: a bulletin's masthead (publication and issue), a 公文's elements (official.cc),
// a speech's or report's title and opening (同志们：, 各位代表：), a law's articles (第一条) and
// adoption line, a news item's dateline (新华社北京8月31日电). A document showing none of them is
// "other": a wrong guess costs more than no guess.
#include "gongwen/document.h"

#include <algorithm>
#include <array>

#include "clean_internal.h"
#include "formats.h"
#include "gongwen/clean.h"
#include "gongwen/decode.h"
#include "gongwen/error.h"
#include "markers.h"
#include "official.h"
#include "parse.h"
#include "text.h"

namespace gongwen {

const char* KindName(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kBulletin:
      return "bulletin";
    case DocumentKind::kOfficial:
      return "official";
    case DocumentKind::kSpeech:
      return "speech";
    case DocumentKind::kReport:
      return "report";
    case DocumentKind::kLaw:
      return "law";
    case DocumentKind::kNews:
      return "news";
    case DocumentKind::kOther:
      break;
  }
  return "other";
}

namespace {

using parse::Piece;
using text::Contains;
using text::EndsWith;
using text::StartsWith;
using text::Trim;

constexpr std::size_t kOpeningLines = 6;  // a title, a subtitle, a date line, the salutation

bool AnyLineStarts(const std::vector<Piece>& lines, std::size_t count,
                   std::initializer_list<std::u32string_view> openings) {
  for (std::size_t i = 0; i < std::min(count, lines.size()); ++i) {
    const std::u32string_view s = Trim(lines[i].text);
    for (std::u32string_view o : openings) {
      if (StartsWith(s, o)) return true;
    }
  }
  return false;
}

bool AnyLineHas(const std::vector<Piece>& lines, std::size_t count,
                std::initializer_list<std::u32string_view> parts) {
  for (std::size_t i = 0; i < std::min(count, lines.size()); ++i) {
    for (std::u32string_view p : parts) {
      if (Contains(lines[i].text, p)) return true;
    }
  }
  return false;
}

// The first line, without a Markdown heading's #: the title of most documents that are not 公文.
std::u32string_view FirstLine(const std::vector<Piece>& lines) {
  if (lines.empty()) return {};
  std::u32string_view s = Trim(lines[0].text);
  while (!s.empty() && s.front() == U'#') s.remove_prefix(1);
  return Trim(s);
}

constexpr std::array<std::u32string_view, 16> kLawTitles{
    U"法",   U"法典", U"条例", U"办法", U"规定", U"细则", U"规则", U"修正案",
    U"解释", U"决定", U"章程", U"准则", U"规程", U"纲要", U"公约", U"协定",
};

// A law's title; the courts' judicial interpretations (司法解释) also take the form of a 批复,
// 解答 or 安排 of 最高人民法院 or 最高人民检察院.
bool IsLawTitle(std::u32string_view title) {
  if (title.size() > 80) return false;
  if (StartsWith(title, U"最高人民法院") || StartsWith(title, U"最高人民检察院")) return true;
  return std::any_of(kLawTitles.begin(), kLawTitles.end(),
                     [&](std::u32string_view t) { return EndsWith(title, t); });
}

std::size_t LawArticleLines(const std::vector<Piece>& lines) {
  std::size_t count = 0;
  for (const Piece& line : lines) {
    std::u32string_view s = Trim(line.text);
    while (!s.empty() && s.front() == U'#') s.remove_prefix(1);
    if (markers::StartsWithLawArticle(Trim(s)) && ++count >= 3) break;
  }
  return count;
}

// What the title lines (the first short lines: title, subtitle ——在…会议上的讲话, date, speaker)
// say the document is: a report, a speech, or nothing.
DocumentKind TitledKind(const std::vector<Piece>& lines) {
  constexpr std::size_t kMaxHeadLine = 80;
  for (std::size_t i = 0; i < std::min(kOpeningLines + 2, lines.size()); ++i) {
    const std::u32string_view s = lines[i].text;
    // A resolution on a report (关于政府工作报告的决议) is neither a report nor a speech.
    // Title lines do not end a sentence: 出席会议并讲话。 in a news item's lead is no title.
    if (s.size() > kMaxHeadLine || EndsWith(s, U"决议") || text::EndsSentence(s)) continue;
    if (Contains(s, U"报告") || Contains(s, U"報告")) return DocumentKind::kReport;
    for (std::u32string_view word : {U"讲话", U"講話", U"发言", U"致辞", U"演讲", U"讲稿"}) {
      if (Contains(s, word)) return DocumentKind::kSpeech;
    }
  }
  return DocumentKind::kOther;
}

DocumentKind OtherKind(const std::vector<Piece>& lines, const Bulletin& parsed,
                       std::vector<std::string>* evidence) {
  auto found = [&](const char* why, DocumentKind kind) {
    evidence->emplace_back(why);
    return kind;
  };
  if (AnyLineStarts(lines, 3, {U"新华社", U"本报讯", U"本报记者", U"人民网", U"央视网消息"}) ||
      AnyLineHas(lines, 3, {U"日电（记者", U"日电(记者", U"日电 （记者", U"消息（记者"})) {
    return found("dateline of a news agency or paper", DocumentKind::kNews);
  }
  // A law's title may close on its status: 中华人民共和国XX法（2018年修正）, XX条例（试行）.
  const std::u32string_view title = text::WithoutClosingBracket(FirstLine(lines));
  const bool law_titled = IsLawTitle(title);
  const std::size_t articles = LawArticleLines(lines);
  if (law_titled && articles >= 3)
    return found("law title and 第一条 articles", DocumentKind::kLaw);
  if (law_titled &&
      AnyLineHas(lines, kOpeningLines, {U"通过", U"公布", U"施行", U"发布", U"批准"})) {
    return found("law title and adoption line", DocumentKind::kLaw);
  }
  // An old regulation numbers its provisions 一、二、 instead of 第一条.
  if (law_titled && parsed.articles.size() == 1 && parsed.articles[0].sections.size() >= 3) {
    return found("law title and numbered provisions", DocumentKind::kLaw);
  }
  switch (TitledKind(lines)) {
    case DocumentKind::kReport:
      return found("报告 in the title lines", DocumentKind::kReport);
    case DocumentKind::kSpeech:
      return found("讲话 in the title lines", DocumentKind::kSpeech);
    default:
      break;
  }
  constexpr std::size_t kSalutationLines = 10;
  if (AnyLineStarts(lines, kSalutationLines, {U"各位代表："}) ||
      AnyLineHas(lines, kSalutationLines, {U"大会作报告", U"向大会报告", U"会议作报告"})) {
    return found("report to a congress (各位代表：, 向大会报告)", DocumentKind::kReport);
  }
  if (AnyLineStarts(lines, kSalutationLines, {U"同志们：", U"同志们，", U"同志们！"})) {
    return found("同志们： opening", DocumentKind::kSpeech);
  }
  if (articles >= 3) return found("第一条 articles", DocumentKind::kLaw);
  return DocumentKind::kOther;
}

// The short names a document gives what it cites: （以下简称《方案》）. A later 《方案》 names that
// document again, not a document called 方案.
std::vector<std::u32string> ShortNames(const std::vector<Piece>& lines) {
  std::vector<std::u32string> names;
  for (const Piece& line : lines) {
    const std::u32string_view s = line.text;
    for (std::u32string_view cue : {U"简称《", U"下称《"}) {
      for (std::size_t at = s.find(cue); at != std::u32string_view::npos;
           at = s.find(cue, at + 1)) {
        const std::size_t from = at + cue.size();
        const std::size_t close = s.find(U'》', from);
        if (close != std::u32string_view::npos && close - from <= 30) {
          names.emplace_back(s.substr(from, close - from));
        }
      }
    }
  }
  return names;
}

// The numbers that share a cited number's agency and year: 国发〔2023〕1号、2号 and 3号 cite
// 国发〔2023〕2号 and 国发〔2023〕3号 too.
std::vector<Citation> SharingNumbers(std::u32string_view s, const Citation& c) {
  std::vector<Citation> out;
  if (!c.number || !c.number->year || !c.number->serial || c.number->agency.empty()) return out;
  std::size_t i = c.end;
  for (;;) {
    std::size_t j = i;
    if (j < s.size() && (s[j] == U'、' || s[j] == U'，' || s[j] == U'和' || s[j] == U'及')) {
      ++j;
    } else {
      break;
    }
    const std::size_t digits = text::DigitRun(s, j);
    if (digits == 0 || digits > 6 || j + digits >= s.size() || s[j + digits] != U'号') break;
    // Not the start of a number of its own (、国办发〔2019〕35号 is found by FindCitations).
    const std::optional<int> serial = text::ParseNumber(s.substr(j, digits));
    if (!serial) break;
    Citation more;
    more.number = DocNumber{c.number->agency + "〔" + std::to_string(*c.number->year) + "〕" +
                                std::to_string(*serial) + "号",
                            c.number->agency, c.number->year, serial};
    more.start = j;
    more.end = j + digits + 1;
    i = more.end;
    out.push_back(std::move(more));
  }
  return out;
}

// The citations of the text, line by line (a mention does not cross a paragraph), without the
// page's table, the document's own 文号, the short names it defines, and lines that are only a
// 文号 (each numbers the document or attachment below it).
void FindDocumentCitations(const std::vector<Piece>& lines, Document* doc) {
  const OfficialFields& f = doc->official;
  const std::size_t skip_to = f.metadata.empty() ? 0 : f.metadata.back().second.span.end;
  const std::string own = f.number ? DocNumberKey(*f.number) : std::string();
  const std::vector<std::u32string> short_names = ShortNames(lines);
  for (const Piece& line : lines) {
    if (line.end() <= skip_to || IsDocNumberLine(line.text)) continue;
    for (Citation c : FindCitations(line.text)) {
      if (c.number && !own.empty() && DocNumberKey(*c.number) == own) continue;
      if (!c.number && !short_names.empty() &&
          std::find(short_names.begin(), short_names.end(), text::Decode(c.title)) !=
              short_names.end()) {
        continue;
      }
      std::vector<Citation> shared = SharingNumbers(line.text, c);
      c.start += line.start;
      c.end += line.start;
      doc->citations.push_back(std::move(c));
      for (Citation& more : shared) {
        more.start += line.start;
        more.end += line.start;
        doc->citations.push_back(std::move(more));
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Web-page furniture around a document, as a page's text gives it: the site's header, menus and
// breadcrumb above the document (首页 > 政务公开 > 文件, 您当前的位置：…), the page's lines about
// itself (来源：… 发布时间：… 浏览次数, 【字体：大 中 小】, 分享到), and below it the buttons,
// links to other pages and the site's footer. None of it is the document.

constexpr std::size_t kMaxChromeTop = 20;     // the site's header and breadcrumb fit in these
constexpr std::size_t kMaxChromeBottom = 40;  // and its links and footer in these

bool IsBreadcrumb(std::u32string_view s) {
  s = Trim(s);
  for (std::u32string_view cue : {U"您当前的位置", U"当前位置", U"您的位置", U"所在位置"}) {
    if (StartsWith(s, cue)) return true;
  }
  return Contains(s, U"首页") && s.size() <= 80 &&
         (Contains(s, U">") || Contains(s, U"＞") || Contains(s, U"»") || Contains(s, U"→"));
}

// The page's line about itself: 来源：XX　发布时间：2023-08-31　浏览次数：123, 【字体：大 中 小】.
// A line with a word only pages print, or with two of the words a page's information bar
// strings together (one alone, 发布日期：…, may be a row of the document's metadata table).
bool IsPageInfo(std::u32string_view s) {
  s = Trim(s);
  if (s.size() > 120) return false;
  // (Not 字号：, which ends 发文字号：.)
  for (std::u32string_view cue :
       {U"浏览次数", U"访问量", U"点击数", U"阅读量", U"【字体", U"【字号", U"字体：", U"分享到"}) {
    if (Contains(s, cue)) return true;
  }
  int cues = 0;
  for (std::u32string_view cue : {U"来源：", U"发布时间：", U"发布日期：", U"时间：", U"作者："}) {
    cues += Contains(s, cue) ? 1 : 0;
  }
  // 发布时间 contains 时间：: counted once.
  if (Contains(s, U"发布时间：") || Contains(s, U"发布日期：")) --cues;
  return cues >= 2 || StartsWith(s, U"【打印") || StartsWith(s, U"【关闭");
}

// The page's buttons and the start of what follows the document (links, the site's footer).
bool IsPageChrome(std::u32string_view s) {
  s = Trim(s);
  if (s == U"扫一扫在手机打开当前页" || IsPageInfo(s)) return true;
  if (StartsWith(s, U"责任编辑") && s.size() <= 20) return true;
  if (!StartsWith(s, U"【")) return false;
  for (std::u32string_view button : {U"打印", U"关闭", U"纠错", U"收藏", U"分享"}) {
    if (Contains(s, button)) return true;
  }
  return false;
}

bool StartsPageFooter(std::u32string_view s) {
  s = Trim(s);
  for (std::u32string_view cue : {U"相关链接", U"相关文章", U"上一篇", U"下一篇", U"主办单位：",
                                  U"网站标识码", U"版权所有", U"Copyright"}) {
    if (StartsWith(s, cue)) return true;
  }
  return Contains(s, U"ICP备");
}

// The paragraphs without the page's furniture; `page_date` is the date its information line
// gives (the day the page was published).
std::vector<std::u32string> WithoutPageChrome(std::vector<std::u32string> paragraphs,
                                              std::optional<Date>* page_date) {
  const std::size_t n = paragraphs.size();
  std::size_t from = 0;
  for (std::size_t i = 0; i < std::min(n, kMaxChromeTop); ++i) {
    if (IsBreadcrumb(paragraphs[i])) from = i + 1;
  }
  std::size_t to = n;
  for (std::size_t i = n > kMaxChromeBottom ? n - kMaxChromeBottom : from; i < n; ++i) {
    if (i >= from && StartsPageFooter(paragraphs[i])) {
      to = i;
      break;
    }
  }
  while (to > from && IsPageChrome(paragraphs[to - 1])) --to;
  if (from == 0 && to == n) {
    bool info = false;
    for (std::size_t i = 0; i < std::min(n, kMaxChromeTop) && !info; ++i) {
      info = IsPageInfo(paragraphs[i]);
    }
    if (!info) return paragraphs;  // the common case: nothing to take out
  }
  std::vector<std::u32string> kept;
  kept.reserve(to - from);
  for (std::size_t i = from; i < to; ++i) {
    if (i < from + kMaxChromeTop && IsPageChrome(paragraphs[i])) {
      if (!*page_date && IsPageInfo(paragraphs[i])) {
        if (auto date = parse::FindDate(paragraphs[i])) *page_date = date->date;
      }
      continue;
    }
    kept.push_back(std::move(paragraphs[i]));
  }
  return kept;
}

// The day a page says it was published, from the file's metadata (PubDate, 发布日期).
std::optional<Date> PublishedDate(const Metadata& metadata) {
  for (const auto& [key, value] : metadata) {
    if (key != "published_date") continue;
    if (auto date = parse::FindDate(text::Decode(value))) return date->date;
  }
  return std::nullopt;
}

Document ParseCleanLines(std::vector<std::u32string> paragraphs, const Metadata& metadata) {
  std::optional<Date> page_date;
  const std::vector<Piece> lines =
      parse::ToPieces(WithoutPageChrome(std::move(paragraphs), &page_date));
  if (!page_date) page_date = PublishedDate(metadata);
  Document doc;
  const parse::Header header = parse::ParseHeader(lines);
  official::Reading reading = official::Read(lines, metadata);
  const bool headed = !reading.fields.issuer_marks.empty() || reading.fields.doc_number;
  if (reading.strong && (!header.found || headed)) {
    doc.kind = DocumentKind::kOfficial;
    doc.evidence = std::move(reading.evidence);
    doc.official = std::move(reading.fields);
    doc.parsed.text = parse::JoinLines(lines);
    doc.parsed.date = doc.official.date;
    official::BuildArticles(lines, reading, &doc);
  } else {
    doc.parsed = parse::ParseLines(lines);
    if (header.found) {
      doc.kind = DocumentKind::kBulletin;
      doc.evidence.emplace_back("bulletin masthead (publication, issue)");
    } else {
      doc.kind = OtherKind(lines, doc.parsed, &doc.evidence);
      // A signed and dated notice or letter is dated by its signature, a web page by the day
      // it was published, before the first date of the opening lines.
      const OfficialFields& f = reading.fields;
      if (f.date && !f.signatories.empty()) {
        doc.parsed.date = f.date;
      } else if (page_date) {
        doc.parsed.date = page_date;
      }
    }
  }
  FindDocumentCitations(lines, &doc);
  return doc;
}

}  // namespace

Document ParseDocument(std::string_view text, const Metadata& metadata) {
  Document doc = ParseCleanLines(internal::CleanParagraphs(text, CleanOptions{}), metadata);
  doc.metadata = metadata;
  return doc;
}

namespace {

Document FromDecoded(DecodedText decoded, const std::string& path) {
  Document doc = ParseCleanLines(internal::CleanParagraphs(std::move(decoded.text), CleanOptions{}),
                                 decoded.metadata);
  if (doc.parsed.text.empty()) throw EmptyDocument(path);
  doc.parsed.path = path;
  doc.parsed.encoding = std::move(decoded.encoding);
  doc.format = std::move(decoded.format);
  doc.metadata = std::move(decoded.metadata);
  return doc;
}

}  // namespace

Document ReadDocument(const std::string& path, std::string_view encoding) {
  return FromDecoded(ReadText(path, encoding), path);
}

Document ReadDocumentBytes(std::string_view bytes, const std::string& name,
                           std::string_view encoding) {
  return FromDecoded(DecodeBytes(bytes, name, encoding), name);
}

Document ReadDocumentBytes(std::string&& bytes, const std::string& name,
                           std::string_view encoding) {
  return FromDecoded(DecodeOwnedBytes(std::move(bytes), name, encoding), name);
}

}  // namespace gongwen
