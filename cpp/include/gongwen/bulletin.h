// The structure of a Chinese government bulletin (组工信息, 工作简报, 信息专报, ...): header,
// editor's note, leaders' instructions, articles with their sections and points, and the footer.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gongwen {

// A calendar date as printed in the document (not validated against a calendar beyond ranges).
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
};

// Where a part's text lies in Bulletin::text: code points [start, end). The parts hold spans
// rather than copies, so a parsed document holds its text once (Bulletin::Slice reads them).
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
};

// A numbered point inside a section or an article: 一是……。二是……。
// Offsets (here and below) are code-point offsets into Bulletin::text.
struct Point {
  int number = 0;       // 1 for 一是, 2 for 二是, ...
  std::string heading;  // the point's first sentence, without its final punctuation
  Span text_span;       // what follows the heading, up to the next point
  std::size_t start = 0;
  std::size_t end = 0;
};

// A numbered section of an article: 一、……, （一）……, 1．……, 第一章 ……
struct Section {
  int number = 0;       // 1, 2, 3, ...
  std::string marker;   // the marker as printed: "一、", "（二）", "3．", "第一章"
  std::string heading;  // the run-in or stand-alone heading, without its final punctuation
  Span text_span;       // the section's text after the heading, paragraphs joined by '\n'
  std::vector<Point> points;
  std::size_t start = 0;
  std::size_t end = 0;
};

// One article of a bulletin (or the whole text of a document that is not a bulletin).
struct Article {
  std::string title;                  // a title printed on several lines is joined
  std::optional<std::string> author;  // the unit (中共桐城市委) or a （XX供稿） byline
  // The clean body, without title, author or byline: its paragraphs are the lines of this span
  // (Bulletin::Paragraphs).
  Span text_span;
  std::vector<Section> sections;
  std::vector<Point> points;  // points outside any section
  std::size_t start = 0;      // from the title to the end of the last paragraph or byline
  std::size_t end = 0;
};

// A parsed bulletin. Fields the document does not have are empty.
struct Bulletin {
  std::string text;                        // the cleaned text that all offsets refer to
  std::optional<std::string> publication;  // 安庆组工信息
  std::optional<int> issue;                // 第24期
  std::optional<int> issue_total;          // （总第N期）
  std::optional<int> year;                 // 2023年第24期 -> 2023
  std::optional<std::string> editor;       // the editing unit
  std::optional<Date> date;
  std::vector<std::string> notices;         // 内部资料, 注意保存, 秘密, ...
  std::optional<std::string> editor_note;   // 编者按, without its label
  std::optional<std::string> instructions;  // 领导批示, without its label
  std::vector<Article> articles;
  // The distribution footer in document order: ("报", [...]), ("送", [...]), ("抄送", [...]).
  std::vector<std::pair<std::string, std::vector<std::string>>> distribution;
  // Other footer fields in document order: ("责任编辑", "张三"), ("签发", "李四").
  std::vector<std::pair<std::string, std::string>> credits;
  std::optional<int> copies;  // （共印N份）
  std::string path;           // set by ReadBulletin
  std::string encoding;       // set by ReadBulletin

  // The text of a span, as UTF-8. Reads `text` from its start: a caller with many spans of a
  // long document decodes `text` once instead.
  std::string Slice(Span span) const;
  // An article's paragraphs: the lines of its text.
  std::vector<std::string> Paragraphs(const Article& article) const;
};

// Parses extracted text (UTF-8, cleaned here first) into a Bulletin. Never throws on text: a
// document that is not a bulletin becomes one article holding its whole text.
Bulletin ParseBulletin(std::string_view text);

// Reads (see ReadText) and parses a file. Throws what ReadText throws, and EmptyDocument when
// the file holds no text.
Bulletin ReadBulletin(const std::string& path, std::string_view encoding = {});

}  // namespace gongwen
