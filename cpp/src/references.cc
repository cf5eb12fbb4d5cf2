// 发文字号 and citations. A 文号 is found from its anchor, the one part whose shape is fixed: the
// bracketed year (〔2018〕41号) or the 第 of an order or an announcement (国务院令第707号,
// 国务院第707号令, 国家税务总局公告2019年第13号). The agency code is then read backwards from the
// anchor over Han characters, stopping at the words that precede a 文号 in running text (根据,
// 按照, 印发 ...), since nothing else marks where the code starts. Every look-back and look-ahead
// is bounded, so a search costs a constant per character whatever the input.
#include "gongwen/references.h"

#include <algorithm>

#include "text.h"

namespace gongwen {

namespace {

using text::IsDigit;
using text::IsHan;

// Longest agency code read before a year bracket (发改办财金规 is 6; longer runs are prose).
constexpr std::size_t kMaxCode = 12;
// Longest issuer name before 令 or 公告: full names, 中华人民共和国国家发展和改革委员会令 is 18.
constexpr std::size_t kMaxIssuer = 20;
// Spaces tolerated between the parts of a 文号 (PDF extraction inserts some).
constexpr std::size_t kMaxGap = 2;
constexpr std::size_t kMaxSerialDigits = 6;
constexpr std::size_t kMaxChineseSerial = 10;
// How far a 《 looks for its 》: a title is at most a long sentence.
constexpr std::size_t kTitleWindow = 200;
// How far back a bare 〔2023〕3号 looks over spaces for the start of its line.
constexpr std::size_t kIndentWindow = 64;
// How much of the text after a title's （ may hold the 文号 given with it.
constexpr std::size_t kAttachedWindow = 64;

bool IsOpenBracket(char32_t c) {
  return c == U'〔' || c == U'[' || c == U'［' || c == U'【' || c == U'(' || c == U'（';
}

// Any closing bracket closes the year: OCR and typists mix them (〔2018]).
bool IsCloseBracket(char32_t c) {
  return c == U'〕' || c == U']' || c == U'］' || c == U'】' || c == U')' || c == U'）';
}

bool IsOpenParen(char32_t c) { return c == U'（' || c == U'('; }
bool IsCloseParen(char32_t c) { return c == U'）' || c == U')'; }

bool IsLineBreak(char32_t c) {
  return c == U'\n' || c == U'\r' || c == U'\v' || c == U'\f' || c == 0x85 || c == 0x2028 ||
         c == 0x2029;
}

bool IsInlineSpace(char32_t c) { return text::IsSpace(c) && !IsLineBreak(c); }

bool IsLatinLetter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'ａ' && c <= U'ｚ') ||
         (c >= U'Ａ' && c <= U'Ｚ');
}

// Characters an agency code is made of. Digits are not: before a code they are a date or a
// number of the sentence (2019年国发〔…〕).
bool IsCodeChar(char32_t c) { return IsHan(c) || IsLatinLetter(c); }

// Words after which an agency code starts: verbs and prepositions that introduce a 文号 in
// running text, nouns that end the phrase before it, and characters that never occur in a code
// (年月日 of a date, 号 of a previous number). None of them begins or ends a real code, so
// they are safe to stop at; single characters are only those that codes do not contain (not
// 经, 自, 文, 法, which occur in 经信, 自然资, 文旅, 法发).
constexpr std::u32string_view kLeadWords[] = {
    U"根据", U"按照",   U"依据", U"依照", U"遵照", U"参照", U"对照", U"比照", U"贯彻",
    U"落实", U"执行",   U"学习", U"研究", U"结合", U"参考", U"参见", U"详见", U"见",
    U"印发", U"转发",   U"下发", U"发布", U"颁布", U"公布", U"出台", U"废止", U"撤销",
    U"修订", U"修改",   U"代替", U"替代", U"取代", U"关于", U"文件", U"精神", U"要求",
    U"规定", U"通知",   U"意见", U"决定", U"有关", U"相关", U"认真", U"严格", U"继续",
    U"切实", U"进一步", U"按",   U"以",   U"的",   U"由",   U"在",   U"对",   U"将",
    U"把",   U"为",     U"是",   U"了",   U"即",   U"等",   U"原",   U"好",   U"请",
    U"要",   U"已",     U"均",   U"号",   U"年",   U"月",   U"日",   U"据此",
};

// Conjunctions between two numbers (国发〔…〕1号和国办发〔…〕2号). They end a code's run, but
// occur inside issuers' full names (中华人民共和国, 住房和城乡建设部), so before 令 they are only
// dropped from the start.
constexpr std::u32string_view kConjunctions = U"和与及或暨同并";

// Issuers printed before their own code (国务院国发〔2018〕41号): codes abbreviate these names
// (国办, 政办, 委), so the code starts after them.
// (局 too: 县农业农村局泾农〔2023〕31号 names the bureau, then its code.)
// (And 政府, 省委, 市委, 县委, 区委: a speech's 省政府皖政〔2023〕20号, 省委皖发〔2023〕1号.)
constexpr std::u32string_view kIssuerNames[] = {U"国务院办公厅", U"国务院", U"办公厅", U"办公室",
                                                U"人民政府",     U"委员会", U"局",     U"政府",
                                                U"省委",         U"市委",   U"县委",   U"区委"};

// Whether `s[lower, k)` ends with `word`.
bool EndsWithAt(std::u32string_view s, std::size_t lower, std::size_t k, std::u32string_view w) {
  return k - lower >= w.size() && s.substr(k - w.size(), w.size()) == w;
}

template <std::size_t N>
bool EndsWithAny(std::u32string_view s, std::size_t lower, std::size_t k,
                 const std::u32string_view (&words)[N]) {
  for (std::u32string_view w : words) {
    if (EndsWithAt(s, lower, k, w)) return true;
  }
  return false;
}

bool IsConjunction(char32_t c) { return kConjunctions.find(c) != std::u32string_view::npos; }

// Whether an agency code may start at `k`, after a word that precedes codes.
bool IsCodeBoundary(std::u32string_view s, std::size_t lower, std::size_t k, bool full_name) {
  if (EndsWithAny(s, lower, k, kLeadWords)) return true;
  if (full_name) return false;
  return IsConjunction(s[k - 1]) || EndsWithAny(s, lower, k, kIssuerNames);
}

bool HasHan(std::u32string_view s) {
  for (char32_t c : s) {
    if (IsHan(c)) return true;
  }
  return false;
}

// Whether the character at `pos` is a space between the names of two issuers of one joint
// document (财政部 税务总局公告2019年第39号): the name before it ends as an institution's does.
bool JoinsIssuers(std::u32string_view s, std::size_t lower, std::size_t pos) {
  static constexpr std::u32string_view kInstitutionEnds = U"部局委厅署院会行府办室";
  return IsInlineSpace(s[pos]) && pos > lower &&
         kInstitutionEnds.find(s[pos - 1]) != std::u32string_view::npos;
}

// The start of the agency that ends at `end`, read back no further than `lower`: the run of
// code characters before `end` after its last boundary word, or `end` when that leaves fewer
// than `min_len`; at most `max_len` long (the rightmost `max_len` of a longer run).
// `full_name`: the name of an issuer before 令/公告, in which conjunctions are part of the name.
std::size_t AgencyStart(std::u32string_view s, std::size_t end, std::size_t lower,
                        std::size_t min_len, std::size_t max_len, bool full_name) {
  // The window covers the longest agency and the longest boundary word before it.
  const std::size_t window = max_len + 6;
  std::size_t run = end;
  while (run > lower && end - run < window) {
    if (IsCodeChar(s[run - 1])) {
      --run;
    } else if (full_name && run < end && JoinsIssuers(s, lower, run - 1)) {
      run -= 2;
    } else {
      break;
    }
  }
  std::size_t start = run;
  for (std::size_t k = end; k > run; --k) {
    if (IsCodeBoundary(s, lower, k, full_name)) {
      start = k;
      break;
    }
  }
  // 号和住房和城乡建设部令第5号: the first 和 joins two numbers.
  if (full_name && start < end && IsConjunction(s[start])) ++start;
  if (end - start < min_len) return end;
  return end - start > max_len ? end - max_len : start;
}

std::size_t SkipGap(std::u32string_view s, std::size_t pos, std::size_t max) {
  for (std::size_t n = 0; n < max && pos < s.size() && IsInlineSpace(s[pos]); ++n) ++pos;
  return pos;
}

// A run of at most `max` digits at `pos` (0 if longer); sets `value`.
std::size_t Digits(std::u32string_view s, std::size_t pos, std::size_t max, int* value) {
  std::size_t n = 0;
  int v = 0;
  while (pos + n < s.size() && IsDigit(s[pos + n])) {
    if (n == max) return 0;
    v = v * 10 + text::DigitValue(s[pos + n]);
    ++n;
  }
  *value = v;
  return n;
}

bool IsPlausibleYear(int year) { return year >= 1949 && year <= 2100; }

// The serial and 号 at `pos`: 41号, 41 号, ０４１号, and before 令 also 第七百零七号. Returns the
// position after 号 (0 if there is none) and sets `serial`.
std::size_t SerialAt(std::u32string_view s, std::size_t pos, bool chinese, int* serial) {
  std::size_t n = Digits(s, pos, kMaxSerialDigits, serial);
  if (n == 0 && chinese) {
    while (pos + n < s.size() && n <= kMaxChineseSerial && text::IsChineseNumeralChar(s[pos + n])) {
      ++n;
    }
    if (n > kMaxChineseSerial) return 0;
    std::optional<int> value = text::ParseNumber(s.substr(pos, n));
    if (!value) return 0;
    *serial = *value;
  }
  if (n == 0 || *serial == 0) return 0;
  pos = SkipGap(s, pos + n, kMaxGap);
  return pos < s.size() && s[pos] == U'号' ? pos + 1 : 0;
}

// Whether only spaces lie between the start of the line and `pos`.
bool StartsLine(std::u32string_view s, std::size_t pos) {
  for (std::size_t n = 0; n < kIndentWindow; ++n, --pos) {
    if (pos == 0 || IsLineBreak(s[pos - 1])) return true;
    if (!IsInlineSpace(s[pos - 1])) return false;
  }
  return false;
}

DocNumberMatch MakeMatch(std::u32string_view s, std::size_t start, std::size_t end,
                         std::u32string agency, std::optional<int> year, int serial) {
  DocNumberMatch m;
  m.number.text = text::Encode(text::Trim(s.substr(start, end - start)));
  m.number.agency = text::Encode(agency);
  m.number.year = year;
  m.number.serial = serial;
  m.start = start;
  m.end = end;
  return m;
}

// A 文号 whose year bracket opens at `pos`: 国发〔2018〕41号, 国函〔2019〕第5号, 〔2023〕3号 alone
// on its line.
std::optional<DocNumberMatch> BracketNumber(std::u32string_view s, std::size_t pos,
                                            std::size_t lower) {
  int year = 0;
  std::size_t i = SkipGap(s, pos + 1, kMaxGap);
  if (Digits(s, i, 4, &year) != 4 || !IsPlausibleYear(year)) return std::nullopt;
  i = SkipGap(s, i + 4, kMaxGap);
  if (i >= s.size() || !IsCloseBracket(s[i])) return std::nullopt;
  i = SkipGap(s, i + 1, kMaxGap);
  if (i < s.size() && s[i] == U'第') i = SkipGap(s, i + 1, 1);
  int serial = 0;
  const std::size_t end = SerialAt(s, i, false, &serial);
  if (end == 0) return std::nullopt;

  std::size_t code_end = pos;  // one space may separate the code from its bracket
  if (code_end > lower + 1 && IsInlineSpace(s[code_end - 1]) && IsCodeChar(s[code_end - 2])) {
    --code_end;
  }
  // An order or announcement series (中国人民银行令〔2019〕第3号) is named in full, as before 第.
  const bool series =
      EndsWithAt(s, lower, code_end, U"令") || EndsWithAt(s, lower, code_end, U"公告");
  const std::size_t start =
      AgencyStart(s, code_end, lower, 0, series ? kMaxIssuer : kMaxCode, series);
  std::u32string_view agency = s.substr(start, code_end - start);
  if (!HasHan(agency)) {
    if (!StartsLine(s, pos)) return std::nullopt;
    return MakeMatch(s, pos, end, {}, year, serial);
  }
  return MakeMatch(s, start, end, std::u32string(agency), year, serial);
}

// The old form, the year first and in two digits: （96）宣署字18号, (88)国办发5号, at the bracket
// at `pos`; a year of the last century from 50 on. (Four digits first are a court's case number,
// （2019）最高法民终123号, not a 文号.)
std::optional<DocNumberMatch> YearFirstNumber(std::u32string_view s, std::size_t pos) {
  constexpr std::size_t kMaxOldCode = 10;
  int year = 0;
  std::size_t i = pos + 1;
  const std::size_t digits = Digits(s, i, 2, &year);
  if (digits != 2) return std::nullopt;
  year += year >= 50 ? 1900 : 2000;
  if (!IsPlausibleYear(year)) return std::nullopt;
  i += digits;
  if (i >= s.size() || !IsCloseBracket(s[i])) return std::nullopt;
  const std::size_t code = ++i;
  while (i < s.size() && i - code < kMaxOldCode && IsCodeChar(s[i])) ++i;
  if (i == code || !HasHan(s.substr(code, i - code))) return std::nullopt;
  int serial = 0;
  const std::size_t end = SerialAt(s, i, false, &serial);
  if (end == 0) return std::nullopt;
  return MakeMatch(s, pos, end, std::u32string(s.substr(code, i - code)), year, serial);
}

// A 文号 whose 第 is at `pos`: XX令第707号, XX令 第707号, XX令2019年第1号, XX公告2019年第13号,
// XX第707号令. A 第…号 with none of these around it (第3号文件) is not a 文号.
std::optional<DocNumberMatch> OrderNumber(std::u32string_view s, std::size_t pos,
                                          std::size_t lower) {
  int serial = 0;
  const std::size_t end = SerialAt(s, SkipGap(s, pos + 1, 1), true, &serial);
  if (end == 0) return std::nullopt;

  // Back from 第: spaces (an order's header puts 第707号 on the line under its name), a year.
  std::size_t k = pos;
  for (std::size_t n = 0; n < 3 && k > lower && text::IsSpace(s[k - 1]); ++n) --k;
  std::optional<int> year;
  if (k >= lower + 5 && s[k - 1] == U'年') {
    const std::size_t d = k - 5;
    int value = 0;
    const bool longer = d > lower && IsDigit(s[d - 1]);  // 12019年: not a year
    if (!longer && Digits(s, d, 4, &value) == 4 && IsPlausibleYear(value)) {
      year = value;
      k = d;
      if (k > lower && IsInlineSpace(s[k - 1])) --k;
    }
  }
  for (std::u32string_view series : {std::u32string_view(U"令"), std::u32string_view(U"公告")}) {
    if (!EndsWithAt(s, lower, k, series)) continue;
    const std::size_t start = AgencyStart(s, k, lower, series.size() + 1, kMaxIssuer, true);
    if (start == k || !HasHan(s.substr(start, k - start - series.size()))) continue;
    return MakeMatch(s, start, end, std::u32string(s.substr(start, k - start)), year, serial);
  }
  // 国务院第707号令: the issuer stands before 第, the 令 after 号.
  if (year || k != pos || end >= s.size() || s[end] != U'令') return std::nullopt;
  const std::size_t start = AgencyStart(s, pos, lower, 1, kMaxIssuer, true);
  if (start == pos || !HasHan(s.substr(start, pos - start))) return std::nullopt;
  std::u32string agency(s.substr(start, pos - start));
  agency += U'令';
  return MakeMatch(s, start, end + 1, std::move(agency), std::nullopt, serial);
}

// Full-width ASCII (！ to ～) as ASCII, other characters unchanged.
char32_t FoldWidth(char32_t c) { return c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c; }

// Marks dropped from title keys: title brackets of every kind and quotes.
bool IsTitleMark(char32_t c) {
  switch (c) {
    case U'《':
    case U'》':
    case U'〈':
    case U'〉':
    case 0x2329:  // 〈 (deprecated angle brackets, still produced by some converters)
    case 0x232A:
    case U'“':
    case U'”':
    case U'‘':
    case U'’':
    case U'「':
    case U'」':
    case U'『':
    case U'』':
    case U'"':
    case U'\'':
      return true;
    default:
      return false;
  }
}

// The 》 that closes the 《 at `pos` (the outermost pair, nested 《》 balanced), within the
// title window; nullopt if there is none.
std::optional<std::size_t> TitleClose(std::u32string_view s, std::size_t pos) {
  int depth = 0;
  const std::size_t limit = std::min(s.size(), pos + kTitleWindow + 2);
  for (std::size_t i = pos; i < limit; ++i) {
    if (s[i] == U'《') ++depth;
    if (s[i] == U'》' && --depth == 0) return i;
  }
  return std::nullopt;
}

// Newspapers, periodicals and programmes are cited in 《》 too but are not documents. The
// suffixes name kinds of periodical (青年报 too, whose 年报 would read as an annual report); a
// short title ending in 报 is a newspaper (中国青年报, 人民政协报) unless the 报 is part of a
// document's kind (通报, 简报, 公报, 快报 ...); a short title ending in 网 is a website; and a few
// periodicals have names of no such shape.
bool IsPeriodical(std::u32string_view title) {
  static constexpr std::u32string_view kSuffixes[] = {U"日报", U"晚报",   U"早报", U"晨报", U"时报",
                                                      U"商报", U"青年报", U"杂志", U"周刊", U"月刊",
                                                      U"旬刊", U"期刊",   U"学报", U"画报"};
  static constexpr std::u32string_view kNames[] = {
      U"求是",         U"红旗文稿", U"半月谈",   U"瞭望",     U"人民论坛",
      U"新华文摘",     U"党建",     U"党建研究", U"紫光阁",   U"秘书工作",
      U"中国纪检监察", U"中国人大", U"前线",     U"新闻联播", U"焦点访谈"};
  static constexpr std::u32string_view kDocumentReports = U"通简快专公汇情申填上呈预举周月年季";
  for (std::u32string_view suffix : kSuffixes) {
    if (text::EndsWith(title, suffix)) return true;
  }
  for (std::u32string_view name : kNames) {
    if (title == name) return true;
  }
  if (title.size() <= 8 && title.size() >= 3 && title.back() == U'报' &&
      kDocumentReports.find(title[title.size() - 2]) == std::u32string_view::npos) {
    return true;
  }
  return title.size() <= 6 && title.back() == U'网';
}

// Words after 》 that only follow a periodical or a programme: 《XX》栏目, 《XX》刊发.
bool FollowedByPeriodicalWord(std::u32string_view s, std::size_t pos) {
  static constexpr std::u32string_view kWords[] = {U"栏目", U"专栏", U"节目", U"频道", U"杂志",
                                                   U"刊发", U"刊登", U"刊载", U"头版", U"记者"};
  std::u32string_view rest = s.substr(pos, 2);
  for (std::u32string_view w : kWords) {
    if (rest == w) return true;
  }
  return false;
}

// Whether the 《 at `pos` gives a short name for a document just cited: （以下简称《意见》）.
bool IsShortName(std::u32string_view s, std::size_t pos) {
  std::size_t k = pos;
  if (k > 0 && IsInlineSpace(s[k - 1])) --k;
  if (k > 0 && (s[k - 1] == U'为' || s[k - 1] == U'：' || s[k - 1] == U':')) --k;
  return EndsWithAt(s, 0, k, U"简称") || EndsWithAt(s, 0, k, U"下称");
}

bool IsDocumentTitle(std::u32string_view title) {
  if (title.size() < 2) return false;
  // A title is not a sentence: a 《 and a 》 with a full stop between them belong to different
  // titles, or to none.
  if (title.find(U'。') != std::u32string_view::npos) return false;
  return !IsPeriodical(title);
}

// The 文号 given in brackets right after the title that ends at `pos` (the position after 》):
// 《…》（国发〔2018〕41号）. Sets `end` to after the closing bracket, or after 号 when more follows
// in the brackets (（国发〔2018〕41号，以下简称《意见》）).
std::optional<DocNumber> AttachedNumber(std::u32string_view s, std::size_t pos, std::size_t* end) {
  std::size_t i = SkipGap(s, pos, 1);
  if (i >= s.size() || !IsOpenParen(s[i])) return std::nullopt;
  i = SkipGap(s, i + 1, 1);
  const std::u32string_view window = s.substr(0, std::min(s.size(), i + kAttachedWindow));
  std::optional<DocNumberMatch> m = FindDocNumber(window, i);
  if (!m || m->start != i) return std::nullopt;
  const std::size_t after = SkipGap(s, m->end, 1);
  *end = after < s.size() && IsCloseParen(s[after]) ? after + 1 : m->end;
  return std::move(m->number);
}

void AppendFolded(std::string& out, std::string_view utf8) {
  for (char32_t c : text::Decode(utf8)) {
    c = FoldWidth(c);
    if (!text::IsSpace(c)) text::AppendUtf8(out, c);
  }
}

}  // namespace

std::optional<DocNumberMatch> FindDocNumber(std::u32string_view s, std::size_t from) {
  // The match is made only where a bracket or 第 is: an empty optional made for every character
  // cost more than the scan itself (it runs over every line of every document).
  for (std::size_t i = from; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (IsOpenBracket(c)) {
      if (std::optional<DocNumberMatch> m = BracketNumber(s, i, from)) return m;
      if (std::optional<DocNumberMatch> m = YearFirstNumber(s, i)) return m;
    } else if (c == U'第') {
      if (std::optional<DocNumberMatch> m = OrderNumber(s, i, from)) return m;
    }
  }
  return std::nullopt;
}

bool IsDocNumberLine(std::u32string_view line) {
  constexpr std::size_t kMaxNumberLine = 40;  // the longest 文号 with its agency's full name
  const std::u32string_view s = text::Trim(line);
  if (s.empty() || s.size() > kMaxNumberLine) return false;
  const std::optional<DocNumberMatch> m = FindDocNumber(s);
  return m && m->start == 0 && m->end == s.size();
}

std::optional<DocNumber> ParseDocNumber(std::string_view utf8) {
  const std::u32string decoded = text::Decode(utf8);
  const std::u32string_view s = text::Trim(decoded);
  std::optional<DocNumberMatch> m = FindDocNumber(s);
  if (!m || m->start != 0 || m->end != s.size()) return std::nullopt;
  return std::move(m->number);
}

std::string DocNumberKey(const DocNumber& number) {
  std::string key;
  if (!number.serial) {
    // Not made by the parser: fold the printed text as far as it can be without parsing it.
    for (char32_t c : text::Decode(number.text)) {
      c = FoldWidth(c);
      if (text::IsSpace(c)) continue;
      if (IsOpenBracket(c)) c = U'〔';
      if (IsCloseBracket(c)) c = U'〕';
      text::AppendUtf8(key, c);
    }
    return key;
  }
  std::string agency;
  AppendFolded(agency, number.agency);
  // One order series printed three ways: 国令, 国务院令, 中华人民共和国国务院令; and the state's
  // name before any issuer's (中华人民共和国主席令, 中华人民共和国商务部令) is often left out.
  constexpr std::string_view kState = "中华人民共和国";
  if (agency.size() > kState.size() && agency.compare(0, kState.size(), kState) == 0) {
    agency.erase(0, kState.size());
  }
  if (agency == "国令") agency = "国务院令";
  key += agency;
  if (number.year) {
    key += "〔" + std::to_string(*number.year) + "〕";
  } else {
    key += "第";
  }
  key += std::to_string(*number.serial) + "号";
  return key;
}

std::string TitleKey(std::string_view title_utf8) {
  std::string key;
  for (char32_t c : text::Decode(title_utf8)) {
    c = FoldWidth(c);
    if (!text::IsSpace(c) && !IsTitleMark(c)) text::AppendUtf8(key, c);
  }
  return key;
}

std::vector<Citation> FindCitations(std::u32string_view text) {
  std::vector<Citation> out;
  // The next 文号 and the next 《 at or after `i`, each found once: `i` only moves forward, and a
  // number found earlier stays valid while it starts at or after `i`.
  std::optional<DocNumberMatch> number;
  bool numbers_done = false;
  std::size_t open = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!numbers_done && (!number || number->start < i)) {
      number = FindDocNumber(text, i);
      numbers_done = !number;
    }
    open = std::max(open, i);
    while (open < text.size() && text[open] != U'《') ++open;
    const bool title_first = open < text.size() && (numbers_done || open < number->start);
    if (!title_first) {
      if (numbers_done) break;
      out.push_back(Citation{std::move(number->number), "", number->start, number->end});
      i = number->end;
      number.reset();
      continue;
    }
    const std::optional<std::size_t> close = TitleClose(text, open);
    if (!close) {
      i = open + 1;  // an unclosed 《; a title may still open after it
      continue;
    }
    const std::u32string_view title = text::Trim(text.substr(open + 1, *close - open - 1));
    i = *close + 1;
    if (IsShortName(text, open) || !IsDocumentTitle(title) || FollowedByPeriodicalWord(text, i)) {
      continue;
    }
    Citation c;
    c.title = text::Encode(title);
    c.start = open;
    c.end = i;
    c.number = AttachedNumber(text, i, &c.end);
    i = c.end;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace gongwen
