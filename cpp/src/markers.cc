#include "markers.h"

#include <array>

#include "text.h"

namespace gongwen::markers {

namespace {

using text::ChineseNumeralRun;
using text::DigitRun;
using text::ParseNumber;
using text::StartsWith;

bool IsColon(char32_t c) { return c == U'：' || c == U':'; }
bool IsOpenParen(char32_t c) { return c == U'（' || c == U'('; }
bool IsCloseParen(char32_t c) { return c == U'）' || c == U')'; }

// Skips one space at `pos` (the cleaner leaves at most one).
std::size_t SkipSpace(std::u32string_view s, std::size_t pos) {
  return pos < s.size() && s[pos] == U' ' ? pos + 1 : pos;
}

// A number in Chinese numerals or digits at `pos`: its value and the code points it takes.
std::optional<int> NumberAt(std::u32string_view s, std::size_t pos, std::size_t* length) {
  std::size_t n = DigitRun(s, pos);
  if (n == 0) n = ChineseNumeralRun(s, pos);
  if (n == 0 || n > 4) return std::nullopt;
  std::optional<int> value = ParseNumber(s.substr(pos, n));
  if (!value || *value == 0) return std::nullopt;
  *length = n;
  return value;
}

std::optional<SectionMarker> PartMarker(std::u32string_view s) {
  if (!StartsWith(s, U"第")) return std::nullopt;
  std::size_t n = 0;
  std::optional<int> number = NumberAt(s, 1, &n);
  if (!number) return std::nullopt;
  for (std::u32string_view unit : {U"部分", U"章", U"节", U"编", U"篇"}) {
    if (StartsWith(s.substr(1 + n), unit)) {
      return SectionMarker{SectionStyle::kPart, *number, SkipSpace(s, 1 + n + unit.size())};
    }
  }
  return std::nullopt;
}

std::optional<SectionMarker> BareMarker(std::u32string_view s) {
  const std::size_t han = ChineseNumeralRun(s, 0);
  const std::size_t digits = DigitRun(s, 0);
  const std::size_t n = han > 0 ? han : digits;
  if (n == 0 || n > 3 || n >= s.size()) return std::nullopt;
  const char32_t after = s[n];
  const bool han_stop = after == U'、' || after == U'．';
  // "1.31万" is a decimal, not a marker: a full stop must not be followed by a digit.
  const bool arabic_stop = after == U'、' || ((after == U'．' || after == U'.') &&
                                              (n + 1 >= s.size() || !text::IsDigit(s[n + 1])));
  if (han > 0 ? !han_stop : !arabic_stop) return std::nullopt;
  std::optional<int> number = ParseNumber(s.substr(0, n));
  if (!number || *number == 0) return std::nullopt;
  const SectionStyle style = han > 0 ? SectionStyle::kHan : SectionStyle::kArabic;
  return SectionMarker{style, *number, SkipSpace(s, n + 1)};
}

std::optional<SectionMarker> ParenMarker(std::u32string_view s) {
  if (s.empty() || !IsOpenParen(s[0])) return std::nullopt;
  std::size_t n = 0;
  std::optional<int> number = NumberAt(s, 1, &n);
  if (!number || 1 + n >= s.size() || !IsCloseParen(s[1 + n])) return std::nullopt;
  const SectionStyle style =
      text::IsDigit(s[1]) ? SectionStyle::kParenArabic : SectionStyle::kParenHan;
  std::size_t end = 2 + n;
  if (end < s.size() && s[end] == U'、') ++end;  // （一）、 occurs too
  return SectionMarker{style, *number, SkipSpace(s, end)};
}

std::optional<SectionMarker> CircledMarker(std::u32string_view s) {
  if (s.empty() || s[0] < U'①' || s[0] > U'⑳') return std::nullopt;
  return SectionMarker{SectionStyle::kCircled, static_cast<int>(s[0] - U'①') + 1, SkipSpace(s, 1)};
}

struct KeyEntry {
  std::u32string_view key;
  FooterKind kind;
};

// Longer keys first, so that 报送 is not read as 报.
constexpr std::array<KeyEntry, 31> kFooterKeys{{
    {U"电子邮箱", FooterKind::kCredit},   {U"投稿邮箱", FooterKind::kCredit},
    {U"责任编辑", FooterKind::kCredit},   {U"联系电话", FooterKind::kCredit},
    {U"抄送", FooterKind::kDistribution}, {U"抄报", FooterKind::kDistribution},
    {U"报送", FooterKind::kDistribution}, {U"分送", FooterKind::kDistribution},
    {U"发送", FooterKind::kDistribution}, {U"主送", FooterKind::kDistribution},
    {U"印送", FooterKind::kDistribution}, {U"送阅", FooterKind::kDistribution},
    {U"编辑", FooterKind::kCredit},       {U"责编", FooterKind::kCredit},
    {U"主编", FooterKind::kCredit},       {U"审核", FooterKind::kCredit},
    {U"审稿", FooterKind::kCredit},       {U"核稿", FooterKind::kCredit},
    {U"签发", FooterKind::kCredit},       {U"校对", FooterKind::kCredit},
    {U"撰稿", FooterKind::kCredit},       {U"联系人", FooterKind::kCredit},
    {U"电话", FooterKind::kCredit},       {U"传真", FooterKind::kCredit},
    {U"地址", FooterKind::kCredit},       {U"邮编", FooterKind::kCredit},
    {U"邮箱", FooterKind::kCredit},       {U"印发", FooterKind::kCredit},
    {U"报", FooterKind::kDistribution},   {U"送", FooterKind::kDistribution},
    {U"发", FooterKind::kDistribution},
}};

struct LabelEntry {
  std::u32string_view label;
  BlockLabel kind;
};

constexpr std::array<LabelEntry, 15> kBlockLabels{{
    {U"编者按语", BlockLabel::kEditorNote},
    {U"编者按", BlockLabel::kEditorNote},
    {U"编者的话", BlockLabel::kEditorNote},
    {U"编辑按", BlockLabel::kEditorNote},
    {U"编者注", BlockLabel::kEditorNote},
    {U"按语", BlockLabel::kEditorNote},
    {U"领导批示", BlockLabel::kInstructions},
    {U"领导批语", BlockLabel::kInstructions},
    {U"本期目录", BlockLabel::kContents},
    {U"本期要目", BlockLabel::kContents},
    {U"本期导读", BlockLabel::kContents},
    {U"本期提要", BlockLabel::kContents},
    {U"目 录", BlockLabel::kContents},
    {U"目录", BlockLabel::kContents},
    {U"要目", BlockLabel::kContents},
}};

}  // namespace

std::optional<SectionMarker> FindSectionMarker(std::u32string_view line) {
  if (auto m = PartMarker(line)) return m;
  if (auto m = BareMarker(line)) return m;
  if (auto m = ParenMarker(line)) return m;
  return CircledMarker(line);
}

bool StartsWithLawArticle(std::u32string_view line) {
  if (!StartsWith(line, U"第")) return false;
  std::size_t n = 0;
  if (!NumberAt(line, 1, &n)) return false;
  return line.substr(1 + n, 1) == U"条";
}

std::optional<int> PointMarkerAt(std::u32string_view line, std::size_t pos, std::size_t* length) {
  const std::size_t n = ChineseNumeralRun(line, pos);
  if (n == 0 || n > 2 || pos + n >= line.size() || line[pos + n] != U'是') return std::nullopt;
  std::optional<int> number = ParseNumber(line.substr(pos, n));
  if (!number || *number == 0 || *number > 20) return std::nullopt;
  *length = n + 1;
  return number;
}

FooterKey FooterKeyAt(std::u32string_view line, std::size_t pos) {
  std::u32string_view rest = line.substr(pos);
  for (const KeyEntry& entry : kFooterKeys) {
    if (!StartsWith(rest, entry.key)) continue;
    std::size_t end = SkipSpace(rest, entry.key.size());
    if (end < rest.size() && IsColon(rest[end])) {
      return FooterKey{entry.kind, std::u32string(entry.key), end + 1};
    }
  }
  return FooterKey{};
}

std::optional<int> CopiesNote(std::u32string_view line) {
  std::u32string_view s = line;
  if (!s.empty() && IsOpenParen(s.front())) s.remove_prefix(1);
  if (!s.empty() && IsCloseParen(s.back())) s.remove_suffix(1);
  if (!StartsWith(s, U"共印")) return std::nullopt;
  std::size_t pos = SkipSpace(s, 2);
  std::size_t n = 0;
  std::optional<int> number = NumberAt(s, pos, &n);
  if (!number) return std::nullopt;
  pos = SkipSpace(s, pos + n);
  return s.substr(pos) == U"份" ? number : std::nullopt;
}

BlockLabel FindBlockLabel(std::u32string_view line, std::size_t* length) {
  std::size_t pos = 0;
  const bool bracketed = StartsWith(line, U"【") || StartsWith(line, U"[");
  if (bracketed) pos = 1;
  for (const LabelEntry& entry : kBlockLabels) {
    if (!StartsWith(line.substr(pos), entry.label)) continue;
    std::size_t end = pos + entry.label.size();
    if (bracketed) {
      if (end >= line.size() || (line[end] != U'】' && line[end] != U']')) continue;
      ++end;
    }
    end = SkipSpace(line, end);
    if (end < line.size() && IsColon(line[end])) {
      ++end;
    } else if (!bracketed && end < line.size() && line[end - 1] != U' ') {
      continue;  // 按语 inside a sentence, 目录管理 ...: not a label
    }
    *length = SkipSpace(line, end);
    return entry.kind;
  }
  return BlockLabel::kNone;
}

std::optional<std::u32string> Byline(std::u32string_view line) {
  if (line.size() < 4 || !IsOpenParen(line.front()) || !IsCloseParen(line.back())) {
    return std::nullopt;
  }
  std::u32string_view inner = text::Trim(line.substr(1, line.size() - 2));
  for (std::u32string_view prefix :
       {U"供稿单位", U"作者单位", U"稿件来源", U"信息来源", U"来源", U"供稿", U"作者"}) {
    if (StartsWith(inner, prefix)) {
      std::u32string_view rest = text::Trim(inner.substr(prefix.size()));
      if (!rest.empty() && IsColon(rest.front())) {
        rest = text::Trim(rest.substr(1));
        if (!rest.empty()) return std::u32string(rest);
      }
    }
  }
  for (std::u32string_view suffix : {U"供稿", U"提供", U"供"}) {
    if (inner.size() > suffix.size() && text::EndsWith(inner, suffix)) {
      std::u32string_view unit = text::Trim(inner.substr(0, inner.size() - suffix.size()));
      if (!unit.empty() && unit.size() <= 40) return std::u32string(unit);
    }
  }
  return std::nullopt;
}

bool IsRule(std::u32string_view line) {
  if (line.size() < 3) return false;
  for (char32_t c : line) {
    switch (c) {
      case U'─':
      case U'━':
      case U'—':
      case U'-':
      case U'－':
      case U'=':
      case U'＝':
      case U'_':
      case U'＿':
      case U'*':
      case U'＊':
      case U'~':
      case U'～':
      case U'·':
      case U'═':
      case U'﹏':
      case U' ':
        break;
      default:
        return false;
    }
  }
  return true;
}

bool StartsLabelledBlock(std::u32string_view line) {
  std::size_t length = 0;
  return FooterKeyAt(line, 0).kind != FooterKind::kNone || CopiesNote(line) ||
         FindBlockLabel(line, &length) != BlockLabel::kNone || Byline(line);
}

bool StartsNumberedBlock(std::u32string_view line) {
  return FindSectionMarker(line) || StartsWithLawArticle(line) || StartsWith(line, U"【") ||
         StartsWith(line, U"——");
}

// The 文种 a title ends with, longest first (复函 before 函, 命令 before 令).
constexpr std::array<std::u32string_view, 19> kDocTypes{
    U"复函", U"命令", U"通令", U"通知", U"意见", U"决定", U"决议", U"公报", U"公告", U"通告",
    U"通报", U"批复", U"报告", U"请示", U"纪要", U"议案", U"答复", U"函",   U"令",
};

std::u32string_view DocTypeAtEnd(std::u32string_view title) {
  // A title may close on its 文种 and a bracket: ……的通知（试行）, ……的意见（征求意见稿）.
  title = text::WithoutClosingBracket(title);
  for (std::u32string_view type : kDocTypes) {
    if (text::EndsWith(title, type)) return type;
  }
  return {};
}

bool IsAttachmentMark(std::u32string_view s) {
  s = text::Trim(s);
  if (!StartsWith(s, U"附件") || s.size() > 6) return false;
  s = text::Trim(s.substr(2));
  if (!s.empty() && (s.back() == U'：' || s.back() == U':')) s.remove_suffix(1);
  return s.empty() || text::DigitRun(s, 0) == s.size() || text::ChineseNumeralRun(s, 0) == s.size();
}

}  // namespace gongwen::markers
