// Internal: list numbers as word processors print them (1, 一, （一）, ①, 甲, iv, ...), shared by
// the DOCX and ODT readers.
#pragma once

#include <string>
#include <string_view>

namespace gongwen::numbering {

// The number styles of Word's w:numFmt and ODF's style:num-format.
enum class Format {
  kDecimal,
  kDecimalZero,            // 01, 02, ..., 10
  kDecimalFullWidth,       // １, ２
  kDecimalEnclosedCircle,  // ①..㊿, then decimal
  kUpperLetter,            // A..Z, AA..ZZ, ...
  kLowerLetter,
  kUpperRoman,  // I..MMMCMXCIX, then decimal
  kLowerRoman,
  kChineseCounting,       // 一, 十, 十一, 二十, 一百零五
  kChineseLegal,          // 壹, 拾, 拾壹, 贰拾
  kJapaneseCounting,      // 一, 十, 十一, 百, 百五
  kIdeographTraditional,  // 甲乙丙丁戊己庚辛壬癸 (cycling)
  kIdeographZodiac,       // 子丑寅卯辰巳午未申酉戌亥 (cycling)
  kBullet,                // the level text is the symbol
  kNone,                  // no number
};

// The Format of a Word w:numFmt value; unknown values are kDecimal.
Format FromWordFormat(std::string_view value);
// The Format of an ODF style:num-format value ("1", "a", "I", "一, 二, 三, ...", ...).
Format FromOdfFormat(std::string_view value);

// `value` written in `format`, as UTF-8 (empty for kBullet and kNone). Values past what a
// format can write (a Roman 5000, a Chinese 10^8) are written in decimal; negative values too.
std::string FormatNumber(long long value, Format format);

}  // namespace gongwen::numbering
