// Internal helpers for working on text as code points (char32_t): UTF-8 conversion, character
// classes for Chinese text, display widths and numerals. Not part of the public API.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gongwen::text {

// Decodes UTF-8; each invalid or truncated sequence becomes one U+FFFD. Never throws.
std::u32string Decode(std::string_view utf8);

// Encodes code points as UTF-8; surrogates and values above U+10FFFF become U+FFFD.
std::string Encode(std::u32string_view text);

// The length in bytes of Encode(text), without encoding it.
std::size_t Utf8Length(std::u32string_view text);

// Appends one code point to `out` as UTF-8 (invalid values as U+FFFD).
void AppendUtf8(std::string& out, char32_t c);

// Whether `bytes` is well-formed UTF-8 (no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view bytes);

// Number of code points in valid or invalid UTF-8, counted as Decode would.
std::size_t CountCodePoints(std::string_view utf8);

// A Han ideograph (any CJK Unified Ideographs block, compatibility ideographs, 〇).
bool IsHan(char32_t c);

// A character that Chinese typesetting sets full-width: Han, CJK punctuation and symbols,
// full-width forms, kana, and the ambiguous-width quotes and dashes (“”‘’—…·).
bool IsWide(char32_t c);

// Any Unicode white space, plus U+3000, U+200B and U+FEFF.
bool IsSpace(char32_t c);

// ASCII letter or digit.
bool IsAsciiAlnum(char32_t c);

// `c`, or `s` with its letters, in ASCII lower case (other bytes, UTF-8 included, unchanged;
// unlike std::tolower, whatever the locale).
char LowerAscii(char c);
std::string LowerAscii(std::string_view s);

// A decimal digit, ASCII or full-width.
bool IsDigit(char32_t c);

// The value of a digit accepted by IsDigit.
int DigitValue(char32_t c);

// Punctuation that ends a sentence or a paragraph: 。！？；…：!?;: (and the full stop '.').
bool IsTerminalPunct(char32_t c);

// Closing quotes and brackets that may follow terminal punctuation: ”’）》」』】〕)]"'.
bool IsClosingBracket(char32_t c);

// Whether the text ends a sentence: terminal punctuation, possibly followed by closing brackets.
bool EndsSentence(std::u32string_view s);

// Display width in half-ems: 2 for full-width characters (IsWide), 0 for combining marks and
// controls, 1 otherwise.
int HalfEmWidth(char32_t c);

// Sum of HalfEmWidth over a string.
int HalfEmWidth(std::u32string_view s);

// Whether every character is reliably full-width (Han and full-width punctuation only), so that
// the width of a line of them measures its length on the page.
bool AllFullWidth(std::u32string_view s);

// Strips leading and trailing IsSpace characters.
std::u32string_view Trim(std::u32string_view s);

// `s` without a bracketed part that closes it: 中华人民共和国XX法（2018年修正）, ……的通知（试行）,
// 人力资源社会保障厅（局） lose their brackets; `s` itself when it does not end in ） or ).
std::u32string_view WithoutClosingBracket(std::u32string_view s);

// Whether `s` starts with `prefix` / ends with `suffix`.
bool StartsWith(std::u32string_view s, std::u32string_view prefix);
bool EndsWith(std::u32string_view s, std::u32string_view suffix);

// Whether `s` contains `part`.
bool Contains(std::u32string_view s, std::u32string_view part);

// A Chinese numeral digit or unit: 〇零一二两三四五六七八九十百千.
bool IsChineseNumeralChar(char32_t c);

// Parses a Chinese numeral (二十四, 一百零五, 二〇二三 read digit by digit) or a run of digits.
// Returns nullopt when `s` is empty, malformed, or above 99999.
std::optional<int> ParseNumber(std::u32string_view s);

// Length of the run of digits (IsDigit) starting at `pos`.
std::size_t DigitRun(std::u32string_view s, std::size_t pos);

// Length of the run of Chinese numeral characters starting at `pos`.
std::size_t ChineseNumeralRun(std::u32string_view s, std::size_t pos);

}  // namespace gongwen::text
