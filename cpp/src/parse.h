// Internal pieces of the bulletin parser, shared by header.cc (front matter: publication,
// issue, date, editor), sections.cc (sections and points of an article) and bulletin.cc (the
// whole document). Not part of the public API.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongwen/bulletin.h"

namespace gongwen::parse {

// A piece of the cleaned text and the code-point offset where it starts in Bulletin::text.
struct Piece {
  std::u32string text;
  std::size_t start = 0;
  std::size_t end() const { return start + text.size(); }
};

// A date found in a line: the date and where it is.
struct DateMatch {
  Date date;
  std::size_t start = 0;
  std::size_t length = 0;
};

// The first date in `line`: 2023年8月31日, 二〇二三年八月三十一日, 2023-08-31, 2023.8.31,
// 2023/8/31.
std::optional<DateMatch> FindDate(std::u32string_view line);

// What the header of a bulletin says, and how many lines it takes.
struct Header {
  std::optional<std::u32string> publication;
  std::optional<int> issue;
  std::optional<int> issue_total;
  std::optional<int> year;
  std::optional<std::u32string> editor;
  std::optional<Date> date;
  std::vector<std::u32string> notices;
  std::vector<std::u32string> credit_lines;  // 主编：…, 电话：… lines of the masthead
  std::size_t lines = 0;                     // header lines at the top of the document
  bool found = false;  // a bulletin header (a periodical's name or issue number) was found
};

// Reads the header from the first lines of the document.
Header ParseHeader(const std::vector<Piece>& lines);

// Whether `s` names an organisation (中共桐城市委, 安庆市委组织部, 潜山市民政局), possibly
// followed by a person's name.
bool IsUnitName(std::u32string_view s);

// Removes the editing verb around an editing unit: "中共XX市委组织部编" -> "中共XX市委组织部".
std::u32string CleanEditor(std::u32string_view s);

// Fills the sections and points of `article` from its paragraphs.
void FindSections(const std::vector<Piece>& paragraphs, Article* article);

// The cleaned paragraphs as lines with their offsets in the text that joins them with '\n'.
std::vector<Piece> ToPieces(std::vector<std::u32string> paragraphs);

// That text, as UTF-8.
std::string JoinLines(const std::vector<Piece>& lines);

// Parses cleaned lines as a bulletin (ParseBulletin after cleaning); sets Bulletin::text.
Bulletin ParseLines(const std::vector<Piece>& lines);

// A line that can be (part of) a title: short, not a sentence, not a numbered heading.
bool IsTitleLike(std::u32string_view s);

// A printing line of a footer: 安庆市委组织部办公室　　2023年8月31日印发.
bool IsPrintingLine(std::u32string_view s);

// Splits a list of units at 、，；and spaces outside brackets; a final 。 is dropped.
std::vector<std::string> SplitRecipients(std::u32string_view s);

// Converts to UTF-8 (shorthand for text::Encode).
std::string Utf8(std::u32string_view s);

}  // namespace gongwen::parse
