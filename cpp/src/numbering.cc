// List numbers in the styles of Word and LibreOffice (numbering.h).
#include "numbering.h"

#include <array>
#include <utility>

#include "text.h"

namespace gongwen::numbering {
namespace {

// Counting numerals below 10^8: the digits, the units of a four-digit group, the group unit.
struct Numerals {
  std::array<const char*, 10> digits;
  std::array<const char*, 4> units;  // "", 十, 百, 千
  const char* ten_thousand;
  bool zeros;       // 一百零五 (Chinese) or 百五 (Japanese)
  bool bare_units;  // 十, 百, 千 without a leading 一 (Japanese); Chinese drops it for 十 only
};

constexpr Numerals kChinese{{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"},
                            {"", "十", "百", "千"},
                            "万",
                            true,
                            false};
constexpr Numerals kLegal{{"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"},
                          {"", "拾", "佰", "仟"},
                          "万",
                          true,
                          false};
constexpr Numerals kJapanese{{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"},
                             {"", "十", "百", "千"},
                             "万",
                             false,
                             true};

// One group of four digits (1..9999); `zero_before` when a higher group came before it.
void AppendGroup(std::string& out, int group, const Numerals& n, bool zero_before) {
  bool pending_zero = zero_before && group < 1000;
  for (int place = 3; place >= 0; --place) {
    int power = 1;
    for (int i = 0; i < place; ++i) power *= 10;
    const int digit = group / power % 10;
    if (digit == 0) {
      if (group % power != 0 && group / power != 0) pending_zero = true;
      continue;
    }
    if (pending_zero && n.zeros) out += n.digits[0];
    pending_zero = false;
    if (!(digit == 1 && place > 0 && n.bare_units)) out += n.digits[digit];
    out += n.units[place];
  }
}

std::string Counting(long long value, const Numerals& n, bool drop_leading_ten_one) {
  if (value == 0) return n.digits[0];
  const int high = static_cast<int>(value / 10000);
  const int low = static_cast<int>(value % 10000);
  std::string out;
  if (high > 0) {
    AppendGroup(out, high, n, false);
    out += n.ten_thousand;
  }
  if (low > 0) AppendGroup(out, low, n, high > 0);
  // 十一, not 一十一 (but 一百一十).
  const std::string one_ten = std::string(n.digits[1]) + n.units[1];
  if (drop_leading_ten_one && out.compare(0, one_ten.size(), one_ten) == 0) {
    out.erase(0, std::string(n.digits[1]).size());
  }
  return out;
}

std::string Roman(long long value, bool upper) {
  static constexpr std::array<std::pair<int, const char*>, 13> kParts{{{1000, "M"},
                                                                       {900, "CM"},
                                                                       {500, "D"},
                                                                       {400, "CD"},
                                                                       {100, "C"},
                                                                       {90, "XC"},
                                                                       {50, "L"},
                                                                       {40, "XL"},
                                                                       {10, "X"},
                                                                       {9, "IX"},
                                                                       {5, "V"},
                                                                       {4, "IV"},
                                                                       {1, "I"}}};
  std::string out;
  for (const auto& [part, letters] : kParts) {
    for (; value >= part; value -= part) out += letters;
  }
  return upper ? out : text::LowerAscii(out);
}

// A, ..., Z, AA, ..., ZZ, AAA: Word repeats the letter; a hostile start value would make it
// repeat millions of times, so past 26 * 8 the number is written in decimal.
std::string Letters(long long value, bool upper) {
  const long long repeats = (value - 1) / 26 + 1;
  if (repeats > 8) return std::to_string(value);
  const char letter = static_cast<char>((upper ? 'A' : 'a') + (value - 1) % 26);
  return std::string(static_cast<std::size_t>(repeats), letter);
}

std::string Cycle(long long value, std::u32string_view symbols) {
  std::string out;
  text::AppendUtf8(out, symbols[static_cast<std::size_t>((value - 1) % symbols.size())]);
  return out;
}

std::string EnclosedCircle(long long value) {
  char32_t c = 0;
  if (value >= 1 && value <= 20) c = 0x2460 + static_cast<char32_t>(value - 1);
  if (value >= 21 && value <= 35) c = 0x3251 + static_cast<char32_t>(value - 21);
  if (value >= 36 && value <= 50) c = 0x32B1 + static_cast<char32_t>(value - 36);
  if (c == 0) return std::to_string(value);
  std::string out;
  text::AppendUtf8(out, c);
  return out;
}

std::string FullWidth(long long value) {
  std::string out;
  for (char digit : std::to_string(value)) text::AppendUtf8(out, U'０' + (digit - '0'));
  return out;
}

}  // namespace

Format FromWordFormat(std::string_view v) {
  static constexpr std::array<std::pair<std::string_view, Format>, 22> kNames{{
      {"decimal", Format::kDecimal},
      {"decimalZero", Format::kDecimalZero},
      {"decimalFullWidth", Format::kDecimalFullWidth},
      {"decimalFullWidth2", Format::kDecimalFullWidth},
      {"decimalEnclosedCircle", Format::kDecimalEnclosedCircle},
      {"decimalEnclosedCircleChinese", Format::kDecimalEnclosedCircle},
      {"upperLetter", Format::kUpperLetter},
      {"lowerLetter", Format::kLowerLetter},
      {"upperRoman", Format::kUpperRoman},
      {"lowerRoman", Format::kLowerRoman},
      {"chineseCounting", Format::kChineseCounting},
      {"chineseCountingThousand", Format::kChineseCounting},
      {"taiwaneseCounting", Format::kChineseCounting},
      {"taiwaneseCountingThousand", Format::kChineseCounting},
      {"ideographDigital", Format::kChineseCounting},
      {"chineseLegalSimplified", Format::kChineseLegal},
      {"japaneseCounting", Format::kJapaneseCounting},
      {"ideographTraditional", Format::kIdeographTraditional},
      {"ideographZodiac", Format::kIdeographZodiac},
      {"bullet", Format::kBullet},
      {"none", Format::kNone},
      {"japaneseLegal", Format::kChineseLegal},
  }};
  for (const auto& [name, format] : kNames) {
    if (name == v) return format;
  }
  return Format::kDecimal;
}

Format FromOdfFormat(std::string_view v) {
  if (v.empty()) return Format::kNone;
  if (v == "a") return Format::kLowerLetter;
  if (v == "A") return Format::kUpperLetter;
  if (v == "i") return Format::kLowerRoman;
  if (v == "I") return Format::kUpperRoman;
  // LibreOffice names its other styles by their first three numbers: "一, 二, 三, ...".
  const std::u32string head = text::Decode(v.substr(0, 3));
  if (head.empty()) return Format::kDecimal;
  switch (head[0]) {
    case U'一':
      return Format::kChineseCounting;
    case U'壹':
      return Format::kChineseLegal;
    case U'甲':
      return Format::kIdeographTraditional;
    case U'子':
      return Format::kIdeographZodiac;
    case U'①':
      return Format::kDecimalEnclosedCircle;
    case U'１':
      return Format::kDecimalFullWidth;
    default:
      return Format::kDecimal;
  }
}

std::string FormatNumber(long long value, Format format) {
  if (format == Format::kBullet || format == Format::kNone) return {};
  if (value < 0) return std::to_string(value);
  const bool positive = value >= 1;
  switch (format) {
    case Format::kDecimalZero:
      return value < 10 ? "0" + std::to_string(value) : std::to_string(value);
    case Format::kDecimalFullWidth:
      return FullWidth(value);
    case Format::kDecimalEnclosedCircle:
      return EnclosedCircle(value);
    case Format::kUpperLetter:
    case Format::kLowerLetter:
      return positive ? Letters(value, format == Format::kUpperLetter) : std::to_string(value);
    case Format::kUpperRoman:
    case Format::kLowerRoman:
      return positive && value < 4000 ? Roman(value, format == Format::kUpperRoman)
                                      : std::to_string(value);
    case Format::kChineseCounting:
      return value < 100000000 ? Counting(value, kChinese, true) : std::to_string(value);
    case Format::kChineseLegal:
      return value < 100000000 ? Counting(value, kLegal, false) : std::to_string(value);
    case Format::kJapaneseCounting:
      return value < 100000000 ? Counting(value, kJapanese, false) : std::to_string(value);
    case Format::kIdeographTraditional:
      return positive ? Cycle(value, U"甲乙丙丁戊己庚辛壬癸") : std::to_string(value);
    case Format::kIdeographZodiac:
      return positive ? Cycle(value, U"子丑寅卯辰巳午未申酉戌亥") : std::to_string(value);
    default:
      return std::to_string(value);
  }
}

}  // namespace gongwen::numbering
