// Internal: the pieces of text the segmenter never breaks — numbers with their units (2022年,
// 43.9万, 31%, 十二月, 百分之八点五), Latin words (GDP, 5G, COVID-19), runs of dashes or dots
// (——, ……), emoji sequences — and the classes of characters. All scanning is on normalised text
// (normalize.h: ASCII digits and letters, lowercase).
#pragma once

#include <cstddef>
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

// The class of a normalised character.
CharClass Classify(char32_t c);

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
std::size_t SkipMarks(std::u32string_view s, std::size_t pos);

}  // namespace gongwen::scan
