#include "scan.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <optional>
#include <vector>

#include "text.h"

namespace gongwen::scan {

namespace {

bool IsAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool IsAsciiLetter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
bool IsAsciiAlnum(char32_t c) { return IsAsciiDigit(c) || IsAsciiLetter(c); }

// Characters that join the parts of a Latin word: COVID-19, Wi-Fi, e.g, AT&T, don't.
bool IsLatinJoiner(char32_t c) {
  return c == U'-' || c == U'_' || c == U'.' || c == U'&' || c == U'\'' || c == U'’';
}

bool IsJoiningMark(char32_t c) {
  return c == 0x200D || c == 0x200C || (c >= 0xFE00 && c <= 0xFE0F) ||
         (c >= 0xE0100 && c <= 0xE01EF) || (c >= 0x1F3FB && c <= 0x1F3FF) ||
         (c >= 0xE0020 && c <= 0xE007F);  // tag characters of flag sequences
}

bool IsRepeatablePunct(char32_t c) {
  switch (c) {
    case U'—':
    case U'-':
    case U'–':
    case U'…':
    case U'.':
    case U'·':
    case U'・':
    case U'=':
    case U'_':
    case U'~':
    case U'*':
    case U'─':
    case U'━':
      return true;
    default:
      return false;
  }
}

// The value of the ASCII digits [begin, end), or -1 beyond four digits.
int SmallValue(std::u32string_view s, std::size_t begin, std::size_t end) {
  if (end - begin > 4) return -1;
  int value = 0;
  for (std::size_t i = begin; i < end; ++i) value = value * 10 + static_cast<int>(s[i] - U'0');
  return value;
}

bool StartsWithAt(std::u32string_view s, std::size_t pos, std::u32string_view part) {
  return s.substr(pos, part.size()) == part;
}

// The date unit that may follow an integer of `digits` digits and value `value`, if present.
std::size_t DateUnitEnd(std::u32string_view s, std::size_t pos, std::size_t digits, int value) {
  if (pos >= s.size()) return pos;
  const char32_t unit = s[pos];
  const bool year = unit == U'年' && digits == 4;
  const bool month = unit == U'月' && value >= 1 && value <= 12 && digits <= 2;
  const bool day = (unit == U'日' || unit == U'号') && value >= 1 && value <= 31 && digits <= 2;
  const bool hour = unit == U'时' && value >= 0 && value <= 24 && digits <= 2;
  return (year || month || day || hour) ? pos + 1 : pos;
}

std::size_t MagnitudeEnd(std::u32string_view s, std::size_t pos) {
  for (std::u32string_view magnitude : {U"万亿", U"千万", U"百万", U"亿", U"万"}) {
    if (StartsWithAt(s, pos, magnitude)) return pos + magnitude.size();
  }
  return pos;
}

// Digits, then optional thousands groups and a decimal part.
std::size_t NumberBody(std::u32string_view s, std::size_t pos, bool* plain_integer) {
  std::size_t i = pos;
  while (i < s.size() && IsAsciiDigit(s[i])) ++i;
  *plain_integer = true;
  // ",ddd" groups: exactly three digits after each comma.
  while (i + 3 < s.size() && s[i] == U',' && IsAsciiDigit(s[i + 1]) && IsAsciiDigit(s[i + 2]) &&
         IsAsciiDigit(s[i + 3]) && (i + 4 == s.size() || !IsAsciiDigit(s[i + 4]))) {
    i += 4;
    *plain_integer = false;
  }
  if (i + 1 < s.size() && s[i] == U'.' && IsAsciiDigit(s[i + 1])) {
    i += 1;
    while (i < s.size() && IsAsciiDigit(s[i])) ++i;
    *plain_integer = false;
  }
  return i;
}

bool IsChineseDigit(char32_t c) {
  switch (c) {
    case U'〇':
    case U'○':
    case U'零':
    case U'一':
    case U'二':
    case U'三':
    case U'四':
    case U'五':
    case U'六':
    case U'七':
    case U'八':
    case U'九':
      return true;
    default:
      return false;
  }
}

bool IsChineseNumeral(char32_t c) {
  return IsChineseDigit(c) || c == U'十' || c == U'百' || c == U'千' || c == U'两' || c == U'点';
}

std::size_t NumeralRunEnd(std::u32string_view s, std::size_t pos) {
  std::size_t i = pos;
  while (i < s.size() && IsChineseNumeral(s[i])) ++i;
  return i;
}

// 一..九, 十, 十一..十九, 二十..三十一 (with 二十/三十 alone): a day of the month or a month.
std::size_t SmallNumeralEnd(std::u32string_view s, std::size_t pos, int max_value) {
  std::size_t i = pos;
  int tens = 0, units = 0;
  if (i < s.size() && (s[i] == U'二' || s[i] == U'三') && i + 1 < s.size() && s[i + 1] == U'十') {
    tens = s[i] == U'二' ? 2 : 3;
    i += 2;
  } else if (i < s.size() && s[i] == U'十') {
    tens = 1;
    i += 1;
  }
  if (i < s.size() && IsChineseDigit(s[i]) && s[i] != U'〇' && s[i] != U'○' && s[i] != U'零') {
    std::optional<int> digit = text::ParseNumber(s.substr(i, 1));
    units = digit.value_or(0);
    ++i;
  }
  const int value = tens * 10 + units;
  return (value >= 1 && value <= max_value) ? i : pos;
}

}  // namespace

namespace {

CharClass ClassifySlow(char32_t c) {
  if (c < 0x80) {
    if (IsAsciiDigit(c)) return CharClass::kDigit;
    if (IsAsciiLetter(c)) return CharClass::kLatin;
    if (c == U' ' || (c >= U'\t' && c <= U'\r')) return CharClass::kSpace;
    return CharClass::kPunct;
  }
  if (text::IsHan(c)) return CharClass::kHan;
  if (text::IsSpace(c)) return CharClass::kSpace;
  if (IsJoiningMark(c)) return CharClass::kMark;
  const int8_t type = u_charType(static_cast<UChar32>(c));
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK) {
    return CharClass::kMark;
  }
  if (u_isalpha(static_cast<UChar32>(c))) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
    const bool cjk = script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
                     script == USCRIPT_HANGUL || script == USCRIPT_BOPOMOFO;
    return cjk ? CharClass::kHan : CharClass::kLatin;
  }
  return CharClass::kPunct;
}

}  // namespace

namespace detail {

// The classes of the BMP, tabulated once: ICU's property lookups would otherwise cost more than
// the dictionary lookups they precede.
const std::uint8_t* BmpTable() {
  static const std::vector<std::uint8_t> table = [] {
    std::vector<std::uint8_t> classes(0x10000);
    for (char32_t c = 0; c < 0x10000; ++c) {
      classes[c] = static_cast<std::uint8_t>(ClassifySlow(c));
      if (IsChineseNumeral(c) || c == U'百') classes[c] |= kNumeralStart;
    }
    return classes;
  }();
  return table.data();
}

CharClass ClassifyAstral(char32_t c) { return ClassifySlow(c); }

}  // namespace detail

std::size_t SkipMarksSlow(std::u32string_view s, std::size_t pos) {
  while (pos < s.size() && Classify(s[pos]) == CharClass::kMark) {
    // A joiner binds the next character too (emoji ZWJ sequences).
    if (s[pos] == 0x200D && pos + 1 < s.size()) ++pos;
    ++pos;
  }
  return pos;
}

std::size_t AlnumEnd(std::u32string_view s, std::size_t pos, bool* is_number) {
  // The run of letters and digits, with joiners between them and marks after letters.
  std::size_t i = pos;
  bool letter = false;
  while (i < s.size()) {
    const CharClass c = Classify(s[i]);
    if (c == CharClass::kLatin || c == CharClass::kDigit) {
      letter = letter || c == CharClass::kLatin;
      i = SkipMarks(s, i + 1);
    } else if (IsLatinJoiner(s[i]) && i + 1 < s.size() && i > pos &&
               (IsAsciiAlnum(s[i + 1]) || Classify(s[i + 1]) == CharClass::kLatin) &&
               // A decimal point stays with its number (3.5), unless letters came first
               // (PM2.5, V1.2): then it is part of the Latin word.
               !(s[i] == U'.' && !letter && IsAsciiDigit(s[i - 1]) && IsAsciiDigit(s[i + 1]))) {
      i += 1;
    } else {
      break;
    }
  }
  if (letter) {
    *is_number = false;
    return i;
  }
  // Digits only: a number, with its decimal part, magnitude, percent sign or date unit.
  *is_number = true;
  bool plain = false;
  std::size_t end = NumberBody(s, pos, &plain);
  if (plain) {
    const std::size_t with_unit = DateUnitEnd(s, end, end - pos, SmallValue(s, pos, end));
    if (with_unit != end) return with_unit;
  }
  end = MagnitudeEnd(s, end);
  if (end < s.size() && (s[end] == U'%' || s[end] == U'‰')) ++end;
  return end;
}

std::size_t ChineseNumberEnd(std::u32string_view s, std::size_t pos, int after) {
  if (!MayStartChineseNumber(s[pos])) return pos;  // the common case, decided at once
  // 百分之八点五, 三分之二.
  if (StartsWithAt(s, pos, U"百分之")) {
    const std::size_t end = NumeralRunEnd(s, pos + 3);
    return end > pos + 3 ? end : pos;
  }
  const std::size_t run = NumeralRunEnd(s, pos);
  if (run > pos && StartsWithAt(s, run, U"分之")) {
    const std::size_t end = NumeralRunEnd(s, run + 2);
    return end > run + 2 ? end : pos;
  }
  // 二〇二三年: four digits.
  std::size_t i = pos;
  while (i < s.size() && i - pos < 4 && IsChineseDigit(s[i])) ++i;
  if (i - pos == 4 && i < s.size() && s[i] == U'年') return i + 1;
  // 十二月, 三十一日; single-digit months and days only in a date already begun.
  const std::size_t month = SmallNumeralEnd(s, pos, 12);
  if (month > pos && month < s.size() && s[month] == U'月' &&
      (month - pos >= 2 || s[pos] == U'十' || after == 1)) {
    return month + 1;
  }
  const std::size_t day = SmallNumeralEnd(s, pos, 31);
  if (day > pos && day < s.size() && (s[day] == U'日' || s[day] == U'号') &&
      (day - pos >= 2 || s[pos] == U'十' || after == 2)) {
    return day + 1;
  }
  return pos;
}

int DatePart(std::u32string_view number) {
  if (number.empty()) return 0;
  switch (number.back()) {
    case U'年':
      return 1;
    case U'月':
      return 2;
    case U'日':
    case U'号':
      return 3;
    default:
      return 0;
  }
}

std::size_t PunctEnd(std::u32string_view s, std::size_t pos) {
  if (IsRepeatablePunct(s[pos])) {
    std::size_t i = pos + 1;
    while (i < s.size() && s[i] == s[pos]) ++i;
    if (i > pos + 1) return i;
  }
  // Regional-indicator pairs are one flag.
  if (s[pos] >= 0x1F1E6 && s[pos] <= 0x1F1FF && pos + 1 < s.size() && s[pos + 1] >= 0x1F1E6 &&
      s[pos + 1] <= 0x1F1FF) {
    return SkipMarks(s, pos + 2);
  }
  return SkipMarks(s, pos + 1);
}

std::size_t SpaceEnd(std::u32string_view s, std::size_t pos) {
  std::size_t i = pos;
  while (i < s.size() && Classify(s[i]) == CharClass::kSpace) ++i;
  return i;
}

}  // namespace gongwen::scan
