// The header of a bulletin: the first few short lines, holding the publication's name, the issue
// number (第24期, 2023年第3期, 总第156期), notices (内部资料 注意保存), the editing unit and
// the date, in whatever arrangement the issuing office uses.
#include <algorithm>
#include <array>

#include "markers.h"
#include "parse.h"
#include "text.h"

namespace gongwen::parse {

namespace {

using text::ChineseNumeralRun;
using text::DigitRun;
using text::ParseNumber;
using text::StartsWith;

constexpr std::size_t kMaxHeaderLines = 10;
constexpr std::size_t kMaxHeaderLineLength = 60;

// A number at `pos` in digits or Chinese numerals (at most `max_chars`); sets `length`.
std::optional<int> NumberAt(std::u32string_view s, std::size_t pos, std::size_t max_chars,
                            std::size_t* length) {
  std::size_t n = DigitRun(s, pos);
  if (n == 0) n = ChineseNumeralRun(s, pos);
  if (n == 0 || n > max_chars) return std::nullopt;
  *length = n;
  return ParseNumber(s.substr(pos, n));
}

bool IsDateSeparator(char32_t c) { return c == U'-' || c == U'.' || c == U'/' || c == U'．'; }

bool ValidDate(const Date& d) {
  return d.year >= 1900 && d.year <= 2100 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= 31;
}

// 2023年8月31日 or 二〇二三年八月三十一日 at `pos`.
std::optional<DateMatch> WordedDateAt(std::u32string_view s, std::size_t pos) {
  Date d;
  std::size_t n = 0, i = pos;
  auto part = [&](int* field, std::size_t max_chars, char32_t unit) {
    std::optional<int> value = NumberAt(s, i, max_chars, &n);
    if (!value || i + n >= s.size() || s[i + n] != unit) return false;
    *field = *value;
    i += n + 1;
    return true;
  };
  if (!part(&d.year, 4, U'年') || !part(&d.month, 3, U'月') || !part(&d.day, 3, U'日')) {
    return std::nullopt;
  }
  if (!ValidDate(d)) return std::nullopt;
  return DateMatch{d, pos, i - pos};
}

// 2023-08-31, 2023.8.31, 2023/8/31 at `pos`.
std::optional<DateMatch> NumericDateAt(std::u32string_view s, std::size_t pos) {
  if (DigitRun(s, pos) != 4) return std::nullopt;
  Date d;
  d.year = *ParseNumber(s.substr(pos, 4));
  std::size_t i = pos + 4;
  if (i >= s.size() || !IsDateSeparator(s[i])) return std::nullopt;
  const char32_t separator = s[i];
  std::size_t n = DigitRun(s, ++i);
  if (n == 0 || n > 2 || i + n >= s.size() || s[i + n] != separator) return std::nullopt;
  d.month = *ParseNumber(s.substr(i, n));
  i += n + 1;
  n = DigitRun(s, i);
  if (n == 0 || n > 2) return std::nullopt;
  d.day = *ParseNumber(s.substr(i, n));
  i += n;
  if (i < s.size() && s[i] == U'日') ++i;
  if (!ValidDate(d)) return std::nullopt;
  return DateMatch{d, pos, i - pos};
}

// The issue fields of a header line and the spans they take.
struct IssueParts {
  std::optional<int> issue, total, year;
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // [start, end) to remove
};

// 第24期 at `pos` (after 总 for the running total); sets `end`.
std::optional<int> IssueAt(std::u32string_view s, std::size_t pos, std::size_t* end) {
  if (pos >= s.size() || s[pos] != U'第') return std::nullopt;
  std::size_t i = pos + 1;
  if (i < s.size() && s[i] == U' ') ++i;
  std::size_t n = 0;
  std::optional<int> number = NumberAt(s, i, 6, &n);
  if (!number) return std::nullopt;
  i += n;
  if (i < s.size() && s[i] == U' ') ++i;
  if (i >= s.size() || s[i] != U'期') return std::nullopt;
  *end = i + 1;
  return number;
}

IssueParts FindIssueParts(std::u32string_view s) {
  IssueParts parts;
  for (std::size_t pos = 0; pos < s.size(); ++pos) {
    std::size_t end = 0;
    std::optional<int> number = IssueAt(s, pos, &end);
    if (!number) continue;
    std::size_t start = pos;
    if (pos > 0 && s[pos - 1] == U'总') {
      parts.total = number;
      start = pos - 1;
    } else if (!parts.issue) {
      parts.issue = number;
      // 2023年第24期: the volume year.
      if (pos >= 5 && s[pos - 1] == U'年' && DigitRun(s, pos - 5) == 4) {
        parts.year = ParseNumber(s.substr(pos - 5, 4));
        start = pos - 5;
      }
    }
    parts.spans.emplace_back(start, end);
    pos = end - 1;
  }
  return parts;
}

constexpr std::array<std::u32string_view, 18> kNotices{
    U"内部资料", U"注意保存", U"内部刊物", U"内部参阅", U"内部材料", U"内部文件",
    U"严禁外传", U"注意保密", U"妥善保管", U"仅供参考", U"绝密",     U"机密",
    U"秘密",     U"特急",     U"加急",     U"急件",     U"平急",     U"★",
};

// The words that end the name of a periodical: 组工信息, 工作简报, 信息专报, 党建动态, 决策参考.
constexpr std::array<std::u32string_view, 26> kPeriodicalWords{
    U"信息", U"简报", U"通讯", U"动态", U"专报", U"快报", U"快讯", U"要情", U"参阅",
    U"参考", U"通报", U"周报", U"月报", U"旬报", U"内参", U"要报", U"摘报", U"专刊",
    U"增刊", U"资讯", U"交流", U"情况", U"反映", U"工作", U"要闻", U"导报",
};

constexpr std::array<std::u32string_view, 44> kUnitSuffixes{
    U"委员会",   U"办公室", U"研究室", U"组织部", U"宣传部", U"统战部", U"政法委", U"党工委",
    U"人民政府", U"政府",   U"党委",   U"党组",   U"工委",   U"纪委",   U"监委",   U"支部",
    U"总支",     U"委",     U"部",     U"局",     U"厅",     U"办",     U"署",     U"中心",
    U"站",       U"所",     U"院",     U"校",     U"大学",   U"公司",   U"集团",   U"协会",
    U"联合会",   U"商会",   U"市",     U"县",     U"区",     U"镇",     U"乡",     U"街道",
    U"村",       U"社区",   U"科",     U"处",
};

// Strips spaces, brackets left empty by removals, and punctuation at both ends.
bool IsOpeningBracket(char32_t c) {
  return std::u32string_view(U"（([【〔").find(c) != std::u32string_view::npos;
}

// Removes the spaces just inside brackets: "（ ）" once 总第45期 is taken out of "（总第45期）".
std::u32string CloseUpBrackets(std::u32string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool after_open = !out.empty() && IsOpeningBracket(out.back());
    const bool before_close = i + 1 < s.size() && text::IsClosingBracket(s[i + 1]);
    if (s[i] == U' ' && (after_open || before_close)) continue;
    out.push_back(s[i]);
  }
  return out;
}

std::u32string Tidy(std::u32string_view raw) {
  std::u32string s = CloseUpBrackets(raw);
  for (std::u32string_view empty : {U"（）", U"()", U"【】", U"[]", U"〔〕"}) {
    for (std::size_t p; (p = s.find(empty)) != std::u32string::npos;) s.erase(p, empty.size());
  }
  auto junk = [](char32_t c) {
    return text::IsSpace(c) || c == U'，' || c == U'、' || c == U'：' || c == U':' || c == U'|' ||
           c == U'·' || c == U'　';
  };
  std::size_t b = 0, e = s.size();
  while (b < e && junk(s[b])) ++b;
  while (e > b && junk(s[e - 1])) --e;
  return s.substr(b, e - b);
}

void RemoveSpans(std::u32string* s, std::vector<std::pair<std::size_t, std::size_t>> spans) {
  std::sort(spans.rbegin(), spans.rend());
  for (const auto& [start, end] : spans) s->replace(start, end - start, 1, U' ');
}

// A periodical's name ends with a periodical word; a law's title that merely contains one
// (北京市信息化促进条例, 北京市征兵工作条例) does not.
bool IsPeriodicalName(std::u32string_view s) {
  if (s.empty() || s.size() > 24) return false;
  return std::any_of(kPeriodicalWords.begin(), kPeriodicalWords.end(),
                     [&](std::u32string_view w) { return text::EndsWith(s, w); });
}

bool HasEditingVerb(std::u32string_view s) {
  for (std::u32string_view w : {U"主办", U"编印", U"编发", U"主编", U"承办", U"印发"}) {
    if (text::Contains(s, w)) return true;
  }
  return !s.empty() && s.back() == U'编';
}

// An edition of the periodical printed in brackets on a line of its own, （专报）, （增刊）,
// （特刊）: what it says, or nothing.
std::optional<std::u32string> EditionLine(std::u32string_view line) {
  line = text::Trim(line);
  if (line.size() < 4 || line.size() > 6) return std::nullopt;
  if ((line.front() != U'（' && line.front() != U'(') ||
      (line.back() != U'）' && line.back() != U')')) {
    return std::nullopt;
  }
  const std::u32string_view inner = line.substr(1, line.size() - 2);
  const bool edition = text::EndsWith(inner, U"刊") ||
                       std::any_of(kPeriodicalWords.begin(), kPeriodicalWords.end(),
                                   [&](std::u32string_view w) { return text::EndsWith(inner, w); });
  if (!edition) return std::nullopt;
  return std::u32string(inner);
}

// What one header line holds once notices, issue numbers and the date are taken out.
struct HeaderLine {
  std::u32string rest;
  bool had_fields = false;
};

HeaderLine TakeFields(std::u32string_view line, Header* h) {
  std::u32string s(line);
  bool had = false;
  for (std::u32string_view notice : kNotices) {
    const std::size_t p = s.find(notice);
    if (p == std::u32string::npos) continue;
    h->notices.emplace_back(notice);
    s.replace(p, notice.size(), 1, U' ');
    had = true;
  }
  IssueParts issue = FindIssueParts(s);
  if (!issue.spans.empty()) {
    had = true;
    if (issue.issue && !h->issue) h->issue = issue.issue;
    if (issue.total && !h->issue_total) h->issue_total = issue.total;
    if (issue.year && !h->year) h->year = issue.year;
    RemoveSpans(&s, issue.spans);
  }
  if (std::optional<DateMatch> date = FindDate(s); date && !h->date) {
    h->date = date->date;
    s.replace(date->start, date->length, 1, U' ');
    had = true;
  }
  return HeaderLine{Tidy(std::move(s)), had};
}

bool AnyIssueIn(const std::vector<Piece>& lines, std::size_t count) {
  for (std::size_t i = 0; i < std::min(count, lines.size()); ++i) {
    if (lines[i].text.size() <= kMaxHeaderLineLength && FindIssueParts(lines[i].text).issue) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<DateMatch> FindDate(std::u32string_view line) {
  for (std::size_t pos = 0; pos < line.size(); ++pos) {
    if (pos > 0 && text::IsDigit(line[pos - 1])) continue;
    if (auto d = WordedDateAt(line, pos)) return d;
    if (auto d = NumericDateAt(line, pos)) return d;
  }
  return std::nullopt;
}

bool IsUnitName(std::u32string_view s) {
  s = text::Trim(s);
  if (s.size() < 2 || s.size() > 40) return false;
  for (char32_t c : s) {
    if (c == U'，' || c == U'。' || c == U'；' || c == U'：' || c == U'！' || c == U'？' ||
        c == U'“') {
      return false;
    }
  }
  // "中共桐城市委 张三": a unit followed by a person's name.
  const std::size_t space = s.rfind(U' ');
  if (space != std::u32string_view::npos && s.size() - space - 1 <= 4) {
    return IsUnitName(s.substr(0, space));
  }
  return std::any_of(kUnitSuffixes.begin(), kUnitSuffixes.end(),
                     [&](std::u32string_view suffix) { return text::EndsWith(s, suffix); });
}

std::u32string CleanEditor(std::u32string_view s) {
  std::u32string out = Tidy(std::u32string(s));
  for (std::u32string_view prefix : {U"主办单位", U"编印单位", U"主办", U"编印", U"编发", U"编"}) {
    if (StartsWith(out, prefix) && out.size() > prefix.size() &&
        (out[prefix.size()] == U'：' || out[prefix.size()] == U':')) {
      out = Tidy(out.substr(prefix.size() + 1));
      break;
    }
  }
  for (std::u32string_view suffix : {U"编印", U"编发", U"主办", U"主编", U"印发", U"编"}) {
    if (text::EndsWith(out, suffix) && out.size() > suffix.size() + 1) {
      out = Tidy(out.substr(0, out.size() - suffix.size()));
      break;
    }
  }
  return out;
}

Header ParseHeader(const std::vector<Piece>& lines) {
  Header h;
  const bool issue_ahead = AnyIssueIn(lines, 4);
  std::size_t i = 0;
  for (; i < std::min(lines.size(), kMaxHeaderLines); ++i) {
    std::u32string_view line = lines[i].text;
    if (line.size() > kMaxHeaderLineLength || text::EndsSentence(line)) break;
    if (markers::FooterKeyAt(line, 0).kind == markers::FooterKind::kCredit) {
      h.credit_lines.emplace_back(line);  // 主编：张明  电话：…, printed under the masthead
      continue;
    }
    if (std::optional<std::u32string> edition = EditionLine(line)) {
      h.notices.push_back(std::move(*edition));  // （专报）, （增刊） under the name
      continue;
    }
    HeaderLine parsed = TakeFields(line, &h);
    const std::u32string& rest = parsed.rest;
    const bool editor_like = HasEditingVerb(rest) || IsUnitName(rest);
    if (rest.empty()) {
      if (!parsed.had_fields) break;
    } else if (!h.publication && (IsPeriodicalName(rest) || (issue_ahead && i == 0))) {
      h.publication = rest;
    } else if (!h.editor && editor_like && (h.publication || h.issue)) {
      h.editor = CleanEditor(rest);
    } else if (!parsed.had_fields) {
      break;  // a line with nothing of a header: the first title
    }
  }
  h.lines = i;
  h.found = h.issue.has_value() || (h.publication && (h.date || h.editor));
  return h;
}

std::string Utf8(std::u32string_view s) { return text::Encode(s); }

}  // namespace gongwen::parse
