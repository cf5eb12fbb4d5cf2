// Internal: the pieces of text the segmenter never breaks — numbers with their units (2022年,
// 43.9万, 31%, 十二月, 百分之八点五), Latin words (GDP, 5G, COVID-19), runs of dashes or dots
// (——, ……), emoji sequences — and the classes of characters. All scanning is on normalised text
// (normalize.h: ASCII digits and letters, lowercase).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace gongwen::scan {

// What a character is, for the segmenter.
enum class CharClass {
  kHan,    // Han characters, and kana and hangul: looked up in the lexicon
  kLatin,  // letters of alphabetic scripts
  kDigit,  // ASCII digits
  kMark,   // combining marks, joiners and variation selectors: belong to the character before
  kSpace,  // white space
  kPunct,  // everything else: punctuation, symbols, emoji, controls
};

namespace detail {

// Bit set in the BMP table for characters that may start a Chinese-numeral number.
constexpr std::uint8_t kNumeralStart = 0x80;

// The classes of the BMP (with kNumeralStart), built on first use; astral ones go to ICU.
const std::uint8_t* BmpTable();
CharClass ClassifyAstral(char32_t c);

}  // namespace detail

// The class of a normalised character.
inline CharClass Classify(char32_t c) {
  static const std::uint8_t* const bmp = detail::BmpTable();
  return c < 0x10000 ? static_cast<CharClass>(bmp[c] & 0x7F) : detail::ClassifyAstral(c);
}

// Whether `c` may start a number in Chinese numerals (一 ... 九, 〇, 零, 十, 百, 两).
inline bool MayStartChineseNumber(char32_t c) {
  static const std::uint8_t* const bmp = detail::BmpTable();
  return c < 0x10000 && (bmp[c] & detail::kNumeralStart);
}

// The end of the number or Latin word starting at `pos` (a digit or a letter), and whether it is
// a number. A run of ASCII letters and digits with internal joiners (COVID-19, Wi-Fi, AT&T) is a
// Latin word if it has a letter; digits alone are a number, extended by a decimal part,
// thousands separators, a magnitude (万, 亿, 万亿, 千万, 百万) and %/‰ — or by the unit of a
// date: 4 digits + 年, 1-12 + 月, 1-31 + 日/号, 0-24 + 时.
std::size_t AlnumEnd(std::u32string_view s, std::size_t pos, bool* is_number);

// The end of a number written in Chinese numerals starting at `pos`, or `pos` if there is none:
// a year of four digits (二〇二三年), a month (十二月; 一月-九月 only after a year), a day
// (三十一日, 二十号; 一日-九日 only after a month), a percentage (百分之八点五) or a fraction
// (三分之二). `after` is the kind of date part just before `pos` (0 none, 1 year, 2 month).
std::size_t ChineseNumberEnd(std::u32string_view s, std::size_t pos, int after);

// The date part a Chinese-numeral number ends with: 1 year, 2 month, 3 day, 0 other.
int DatePart(std::u32string_view number);

// The end of the punctuation token starting at `pos`: a run of the same dash, dot or line
// character (——, ……, ···, ~~~), or one character with the marks, joiners, variation selectors
// and skin-tone modifiers that follow it (an emoji sequence stays whole).
std::size_t PunctEnd(std::u32string_view s, std::size_t pos);

// The end of the run of white space starting at `pos`.
std::size_t SpaceEnd(std::u32string_view s, std::size_t pos);

// Skips the combining marks (and joiners) that follow `pos`.
std::size_t SkipMarksSlow(std::u32string_view s, std::size_t pos);
inline std::size_t SkipMarks(std::u32string_view s, std::size_t pos) {
  // Marks are rare and none is below U+0300: decided at once for ASCII and CJK text.
  if (pos >= s.size() || s[pos] < 0x300 || (s[pos] >= 0x3000 && s[pos] < 0xFE00)) return pos;
  return SkipMarksSlow(s, pos);
}

}  // namespace gongwen::scan
