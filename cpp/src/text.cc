#include "text.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace gongwen::text {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool IsInRange(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

int ChineseDigit(char32_t c) {
  switch (c) {
    case U'〇':
    case U'零':
    case U'○':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

int ChineseUnit(char32_t c) {
  switch (c) {
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1000;
    case U'万':
      return 10000;
    default:
      return 0;
  }
}

// 二十四, 一百零五, 十二: positional with units.
std::optional<int> ParseWithUnits(std::u32string_view s) {
  long total = 0;         // completed groups of 万
  long section = 0;       // below 万
  int digit = -1;         // pending digit
  int last_unit = 10000;  // units fall within a group: 三十三十 is not a number
  for (char32_t c : s) {
    int d = ChineseDigit(c);
    if (d >= 0) {
      if (d == 0) {
        digit = -1;
        continue;
      }
      if (digit >= 0) return std::nullopt;  // two digits in a row: 二三
      digit = d;
      continue;
    }
    int unit = ChineseUnit(c);
    if (unit == 0) return std::nullopt;
    if (unit == 10000) {
      if (total > 0) return std::nullopt;
      section += digit > 0 ? digit : 0;
      total += (section == 0 ? 1 : section) * 10000;
      section = 0;
      last_unit = 10000;
    } else {
      if (unit >= last_unit) return std::nullopt;
      section += (digit > 0 ? digit : 1) * unit;  // 十二: a bare unit counts one
      last_unit = unit;
    }
    digit = -1;
  }
  if (digit > 0) section += digit;
  long value = total + section;
  if (value > 99999) return std::nullopt;
  return static_cast<int>(value);
}

}  // namespace

namespace {

// Writes `c` (already valid) at `out`; returns the bytes written.
int WriteUtf8(char32_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

char32_t ValidOrReplacement(char32_t c) {
  return (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) ? kReplacement : c;
}

}  // namespace

void AppendUtf8(std::string& out, char32_t c) {
  char buffer[4];
  out.append(buffer, static_cast<std::size_t>(WriteUtf8(ValidOrReplacement(c), buffer)));
}

std::u32string Decode(std::string_view utf8) {
  // As many code points as bytes that start one (exact for valid UTF-8; ill-formed input may
  // grow past it): reserving a slot per byte would take three times the memory for Chinese.
  std::size_t starts = 0;
  for (unsigned char ch : utf8) starts += (ch & 0xC0) != 0x80;
  std::u32string out;
  out.reserve(starts);
  const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
  // ICU's U8_NEXT works on int32_t lengths; walk in chunks that fit, never splitting a sequence.
  std::size_t base = 0;
  const std::size_t n = utf8.size();
  while (base < n) {
    const std::size_t remaining = n - base;
    const int32_t length = remaining > (1u << 30) ? (1 << 30) : static_cast<int32_t>(remaining);
    int32_t i = 0;
    // Stop a few bytes short of an artificial chunk end so no sequence is cut in two.
    const int32_t stop = (remaining > static_cast<std::size_t>(length)) ? length - 4 : length;
    while (i < stop) {
      UChar32 c;
      U8_NEXT(s + base, i, length, c);
      out.push_back(c < 0 ? kReplacement : static_cast<char32_t>(c));
    }
    base += static_cast<std::size_t>(i);
  }
  return out;
}

std::string Encode(std::u32string_view text) {
  // Write into a buffer sized for the worst case, then trim: no per-byte capacity checks.
  std::string out(text.size() * 4, '\0');
  char* p = out.data();
  for (char32_t c : text) p += WriteUtf8(ValidOrReplacement(c), p);
  out.resize(static_cast<std::size_t>(p - out.data()));
  return out;
}

std::size_t Utf8Length(std::u32string_view text) {
  std::size_t length = 0;
  for (char32_t c : text) {
    const char32_t valid = ValidOrReplacement(c);
    length += valid < 0x80 ? 1 : valid < 0x800 ? 2 : valid < 0x10000 ? 3 : 4;
  }
  return length;
}

bool IsValidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    if (n - i > static_cast<std::size_t>(INT32_MAX)) return false;  // U8_NEXT takes int32 lengths
    int32_t j = 0;
    UChar32 c;
    U8_NEXT(s + i, j, static_cast<int32_t>(std::min<std::size_t>(n - i, 4)), c);
    if (c < 0) return false;
    i += static_cast<std::size_t>(j);
  }
  return true;
}

std::size_t CountCodePoints(std::string_view utf8) {
  // Decoding is the only way to count exactly as Decode does for ill-formed input.
  std::size_t count = 0;
  bool ascii = true;
  for (unsigned char ch : utf8) {
    if (ch >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return utf8.size();
  count = Decode(utf8).size();
  return count;
}

// The ranges that cover nearly all characters of Chinese text, tested before asking ICU (whose
// property lookups would otherwise dominate the cleaner's time).
bool IsCjkUnified(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }
bool IsCjkPunctuationOrFullWidth(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6);
}

bool IsHan(char32_t c) {
  if (IsCjkUnified(c) || c == U'〇') return true;
  if (c < 0x2E80) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN && U_SUCCESS(status) &&
         u_isalpha(static_cast<UChar32>(c));
}

bool IsWide(char32_t c) {
  if (c < 0x1100) return false;
  if (IsCjkUnified(c) || IsCjkPunctuationOrFullWidth(c)) return true;
  const int eaw = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  if (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) return true;
  // Quotes, dashes, ellipsis and middle dot are "ambiguous": full-width in Chinese text.
  return eaw == U_EA_AMBIGUOUS && c >= 0x2000;
}

bool IsSpace(char32_t c) {
  if (c < 0x80) return c == U' ' || (c >= U'\t' && c <= U'\r');
  if (IsCjkUnified(c)) return false;
  if (c == 0x200B || c == 0xFEFF || c == 0x3000) return true;
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}

bool IsAsciiAlnum(char32_t c) {
  return IsInRange(c, U'0', U'9') || IsInRange(c, U'a', U'z') || IsInRange(c, U'A', U'Z');
}

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

bool IsDigit(char32_t c) { return IsInRange(c, U'0', U'9') || IsInRange(c, U'０', U'９'); }

int DigitValue(char32_t c) {
  return c <= U'9' ? static_cast<int>(c - U'0') : static_cast<int>(c - U'０');
}

bool IsTerminalPunct(char32_t c) {
  switch (c) {
    case U'。':
    case U'！':
    case U'？':
    case U'；':
    case U'…':
    case U'：':
    case U'!':
    case U'?':
    case U';':
    case U':':
    case U'.':
    case U'．':
      return true;
    default:
      return false;
  }
}

bool IsClosingBracket(char32_t c) {
  switch (c) {
    case U'”':
    case U'’':
    case U'）':
    case U'》':
    case U'」':
    case U'』':
    case U'】':
    case U'〕':
    case U')':
    case U']':
    case U'"':
    case U'\'':
      return true;
    default:
      return false;
  }
}

bool EndsSentence(std::u32string_view s) {
  std::size_t i = s.size();
  while (i > 0 && IsClosingBracket(s[i - 1])) --i;
  return i > 0 && IsTerminalPunct(s[i - 1]);
}

int HalfEmWidth(char32_t c) {
  if (c >= 0x20 && c < 0x7F) return 1;
  if (IsWide(c)) return 2;
  const int8_t type = u_charType(static_cast<UChar32>(c));
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_CONTROL_CHAR ||
      type == U_FORMAT_CHAR) {
    return 0;
  }
  return 1;
}

int HalfEmWidth(std::u32string_view s) {
  int width = 0;
  for (char32_t c : s) width += HalfEmWidth(c);
  return width;
}

bool AllFullWidth(std::u32string_view s) {
  for (char32_t c : s) {
    if (IsHan(c) || IsCjkPunctuationOrFullWidth(c)) continue;
    // Full-width punctuation (，。、；：？！（）) and forms; not the ambiguous quotes, whose
    // width depends on the font.
    const int eaw = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
    if (eaw != U_EA_WIDE && eaw != U_EA_FULLWIDTH) return false;
  }
  return true;
}

std::u32string_view Trim(std::u32string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::u32string_view WithoutClosingBracket(std::u32string_view s) {
  if (s.empty() || (s.back() != U'）' && s.back() != U')')) return s;
  const std::size_t open = s.find_last_of(U"（(");
  return open != std::u32string_view::npos && open > 0 ? s.substr(0, open) : s;
}

bool StartsWith(std::u32string_view s, std::u32string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::u32string_view s, std::u32string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool Contains(std::u32string_view s, std::u32string_view part) {
  return s.find(part) != std::u32string_view::npos;
}

bool IsChineseNumeralChar(char32_t c) { return ChineseDigit(c) >= 0 || ChineseUnit(c) > 0; }

std::optional<int> ParseNumber(std::u32string_view s) {
  if (s.empty()) return std::nullopt;
  if (DigitRun(s, 0) == s.size()) {
    if (s.size() > 5) return std::nullopt;
    int value = 0;
    for (char32_t c : s) value = value * 10 + DigitValue(c);
    return value;
  }
  bool has_unit = false;
  for (char32_t c : s) {
    if (!IsChineseNumeralChar(c)) return std::nullopt;
    has_unit = has_unit || ChineseUnit(c) > 0;
  }
  if (has_unit) return ParseWithUnits(s);
  // 二〇二三: digit by digit.
  if (s.size() > 5) return std::nullopt;
  int value = 0;
  for (char32_t c : s) value = value * 10 + ChineseDigit(c);
  return value;
}

std::size_t DigitRun(std::u32string_view s, std::size_t pos) {
  std::size_t i = pos;
  while (i < s.size() && IsDigit(s[i])) ++i;
  return i - pos;
}

std::size_t ChineseNumeralRun(std::u32string_view s, std::size_t pos) {
  std::size_t i = pos;
  while (i < s.size() && IsChineseNumeralChar(s[i])) ++i;
  return i - pos;
}

}  // namespace gongwen::text
