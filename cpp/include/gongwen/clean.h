// Undoing the damage that PDF-to-text extraction does to Chinese documents: page numbers, a blank
// line after every line, hard line wraps, and spaces between Chinese characters and digits.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gongwen {

// What CleanText does; every step is on by default.
struct CleanOptions {
  // Page numbers ("— 3 —", "- 3 -", "-3-", "第3页", "第3页 共9页"), form feeds, and running heads
  // and feet (the same short line at the edge of several pages).
  bool drop_page_numbers = true;
  bool join_lines = true;  // re-join hard-wrapped lines into paragraphs
  bool fix_spaces = true;  // "2022 年" -> "2022年"; spaces between title parts are kept
};

// One line of cleaned text: a paragraph, or a line that stands on its own (a title, a heading,
// a header or footer line). `start` and `end` are code-point offsets into CleanedText::text.
struct CleanLine {
  std::string text;  // UTF-8, no line break
  std::size_t start = 0;
  std::size_t end = 0;
};

// The cleaned document: `text` is the lines joined by '\n'.
struct CleanedText {
  std::string text;
  std::vector<CleanLine> lines;
};

// Cleans extracted text (UTF-8; invalid bytes become U+FFFD). Never throws on any input.
CleanedText CleanText(std::string_view text, const CleanOptions& options = {});

}  // namespace gongwen
