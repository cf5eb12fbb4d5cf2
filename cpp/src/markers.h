// Internal: recognising the printed markers that structure a bulletin — section numbers
// (一、（一）1．第一章), points (一是), footer keys (报：送：责任编辑：) and block labels
// (编者按, 领导批示). Shared by the cleaner, which must not join across them, and the parser.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gongwen::markers {

// The numbering styles of section headings, outermost first.
enum class SectionStyle {
  kPart,         // 第一章, 第一部分, 第一节
  kHan,          // 一、
  kParenHan,     // （一）
  kArabic,       // 1．1、1.
  kParenArabic,  // （1）
  kCircled,      // ①
};

// A section marker found at the start of a line.
struct SectionMarker {
  SectionStyle style;
  int number = 0;
  std::size_t length = 0;  // code points taken by the marker and the space after it
};

// The section marker at the start of `line`, if any.
std::optional<SectionMarker> FindSectionMarker(std::u32string_view line);

// A law's article marker at the start of a line: 第一条, 第十二条 (followed by a space).
bool StartsWithLawArticle(std::u32string_view line);

// A point marker at `pos`: 一是, 二是, ..., 十是 (also 其一/首先 are not points). Returns the
// number and sets `length`.
std::optional<int> PointMarkerAt(std::u32string_view line, std::size_t pos, std::size_t* length);

// What kind of footer line `line` starts: a distribution key (报, 送, 抄送, ...), a credit key
// (责任编辑, 签发, ...), or a print-run note (（共印20份）).
enum class FooterKind { kNone, kDistribution, kCredit, kCopies };

// A footer key at the start of a line, e.g. "报" in "报：市委组织部". `length` covers the key and
// its colon.
struct FooterKey {
  FooterKind kind = FooterKind::kNone;
  std::u32string key;
  std::size_t length = 0;
};

// The footer key at `pos` in `line` (kind kNone if there is none).
FooterKey FooterKeyAt(std::u32string_view line, std::size_t pos);

// The number of copies in a print-run note: （共印20份）, 共印 20 份. nullopt if not one.
std::optional<int> CopiesNote(std::u32string_view line);

// Labels that open a block of the bulletin's front matter.
enum class BlockLabel { kNone, kEditorNote, kInstructions, kContents };

// The block label at the start of `line`; `length` covers the label and its colon or bracket.
BlockLabel FindBlockLabel(std::u32string_view line, std::size_t* length);

// A byline that closes an article: （桐城市委组织部供稿）, （供稿：XX）, （作者单位：XX）.
// Returns the unit named, or nullopt.
std::optional<std::u32string> Byline(std::u32string_view line);

// A line made only of rule characters (────, ━━━, ====, ****), at least three of them.
bool IsRule(std::u32string_view line);

// The 文种 (document type) an official document's title ends with: 通知, 意见, 批复, 复函, 令 ...
// (the longest that fits), before a bracketed status such as （试行）; empty if none.
std::u32string_view DocTypeAtEnd(std::u32string_view title);

// 附件, 附件1, 附件 2, 附件一: a line that only marks where an attachment begins (its title
// follows).
bool IsAttachmentMark(std::u32string_view s);

// Whether a line is a footer line, a block label or a byline: it never continues the line
// before it.
bool StartsLabelledBlock(std::u32string_view line);

// Whether a line starts with a section marker, a law article, a 【…】 heading or a —— line: it
// starts a paragraph unless the line before it wraps in mid-sentence.
bool StartsNumberedBlock(std::u32string_view line);

}  // namespace gongwen::markers
