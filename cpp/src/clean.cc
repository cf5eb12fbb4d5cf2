// Cleaning text extracted from PDF. The steps, in order:
//  1. split into physical lines, dropping control characters; a form feed marks a page break;
//     Markdown heading marks and comments go too (scraped corpora come as Markdown);
//  2. normalise white space inside each line and remove the spaces that extraction puts between
//     Chinese and digits or Latin letters ("2022 年" -> "2022年");
//  3. drop page numbers, running heads and feet, and rule lines;
//  4. decide whether blank lines mean anything (some extractors put one after every line);
//  5. re-join hard-wrapped lines into paragraphs, using line widths measured in half-ems: in a
//     justified Chinese page every wrapped line is full, a paragraph's last line usually is not,
//     a paragraph's first line is two characters short (its indent), and titles are short.
#include "gongwen/clean.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <vector>

#include "clean_internal.h"
#include "gongwen/references.h"
#include "markers.h"
#include "parse.h"
#include "text.h"

namespace gongwen {

namespace {

using text::HalfEmWidth;
using text::IsAsciiAlnum;
using text::IsSpace;
using text::IsWide;

// A physical line of the extracted text.
struct RawLine {
  std::u32string text;      // trimmed, white space normalised
  int indent = 0;           // leading white space, in half-ems
  bool page_break = false;  // a page boundary comes right before this line
  int width = 0;            // HalfEmWidth(text)
  bool reliable = false;    // width measures the line on the page (full-width characters only)
};

bool IsDroppedControl(char32_t c) {
  if (c == U'\t' || c == U'\n' || c == U'\f' || c == U'\r') return false;
  return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x200B || c == 0xFEFF || c == 0xAD;
}

bool IsLineBreak(char32_t c) {
  return c == U'\n' || c == U'\r' || c == U'\v' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

int IndentWidth(char32_t c) {
  if (c == U'\t') return 4;
  return c == 0x3000 ? 2 : 1;
}

// Digits, Latin letters and the symbols set with them: extraction puts spaces between these and
// Chinese text, where the printed page has none.
bool IsLatinLike(char32_t c) {
  return IsAsciiAlnum(c) || c == U'%' || c == U'+' || c == U'.' || c == U'‰' || c == U'℃';
}

// Whether the space between `a` and `b` is an artefact of extraction.
bool DropSpaceBetween(char32_t a, char32_t b) {
  if ((IsWide(a) && IsLatinLike(b)) || (IsLatinLike(a) && IsWide(b))) return true;
  if (text::IsDigit(a) && (b == U'%' || b == U'‰')) return true;  // "31 %"
  // Around full-width punctuation ("工作 。", "“ 红色"): only Han-to-Han spaces may be meaningful
  // (they separate the parts of a title).
  return (IsWide(a) && IsWide(b)) && !(text::IsHan(a) && text::IsHan(b));
}

// "安 庆 组 工 信 息": letter-spaced headings, single Han characters separated by spaces.
bool IsLetterSpaced(std::u32string_view s) {
  int letters = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool expect_space = i % 2 == 1;
    if (expect_space != (s[i] == U' ')) return false;
    if (!expect_space) {
      if (!text::IsHan(s[i])) return false;
      ++letters;
    }
  }
  return letters >= 3;
}

// Collapses runs of white space to one space and drops the artefact spaces.
std::u32string NormalizeSpaces(std::u32string_view s, bool fix_spaces) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!IsSpace(s[i])) {
      out.push_back(s[i]);
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && IsSpace(s[j])) ++j;
    const bool keep = !fix_spaces || !DropSpaceBetween(s[i - 1], s[j]);
    if (keep) out.push_back(U' ');
    i = j - 1;
  }
  if (fix_spaces && IsLetterSpaced(out)) {
    out.erase(std::remove(out.begin(), out.end(), U' '), out.end());
  }
  return out;
}

// Markdown, the format of many scraped corpora: "## 第一章 总则" is a heading, "<!-- -->" a
// comment. Returns the text without the heading marks, or empty for a comment line.
std::u32string_view StripMarkdown(std::u32string_view s) {
  if (text::StartsWith(s, U"<!--") && text::EndsWith(s, U"-->")) return {};
  std::size_t hashes = 0;
  while (hashes < s.size() && hashes < 7 && s[hashes] == U'#') ++hashes;
  if (hashes >= 1 && hashes <= 6 && hashes < s.size() && s[hashes] == U' ') {
    return text::Trim(s.substr(hashes));
  }
  return s;
}

RawLine MakeLine(std::u32string_view raw, bool page_break, bool fix_spaces) {
  RawLine line;
  line.page_break = page_break;
  std::size_t lead = 0;
  while (lead < raw.size() && IsSpace(raw[lead])) line.indent += IndentWidth(raw[lead++]);
  line.text = NormalizeSpaces(StripMarkdown(text::Trim(raw)), fix_spaces);
  line.width = HalfEmWidth(line.text);
  line.reliable = text::AllFullWidth(line.text);
  return line;
}

// Splits text into physical lines; control characters go, form feeds become page breaks. Fed
// a piece at a time, so a huge document is never held whole as code points.
class LineSplitter {
 public:
  LineSplitter(bool fix_spaces, std::size_t expected_lines) : fix_spaces_(fix_spaces) {
    lines_.reserve(expected_lines);
  }

  // `s` ends at a line break, or where no '\r' or '\f' needs the character after it.
  void Feed(std::u32string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char32_t c = s[i];
      if (c == U'\f') {
        if (!current_.empty()) Flush();
        page_break_ = true;
        // "\f\n" ends one line, not two.
        if (i + 1 < s.size() && s[i + 1] == U'\r') ++i;
        if (i + 1 < s.size() && s[i + 1] == U'\n') ++i;
      } else if (IsLineBreak(c)) {
        if (c == U'\r' && i + 1 < s.size() && s[i + 1] == U'\n') ++i;
        Flush();
      } else if (!IsDroppedControl(c)) {
        current_.push_back(c);
      }
    }
  }

  std::vector<RawLine> Finish() {
    if (!current_.empty()) Flush();
    return std::move(lines_);
  }

 private:
  void Flush() {
    constexpr std::size_t kKeptCapacity = 4096;
    lines_.push_back(MakeLine(current_, page_break_, fix_spaces_));
    current_.clear();
    if (current_.capacity() > kKeptCapacity) std::u32string().swap(current_);  // a huge line
    page_break_ = false;
  }

  bool fix_spaces_;
  std::vector<RawLine> lines_;
  std::u32string current_;
  bool page_break_ = false;
};

// The end of the piece of `utf8` that starts at `from`: just past its first '\n', or a code
// point boundary some way on that does not follow '\r' or '\f' (the splitter looks past those).
std::size_t PieceEnd(std::string_view utf8, std::size_t from) {
  constexpr std::size_t kMaxPiece = std::size_t{1} << 16;
  const std::size_t newline = utf8.substr(from, kMaxPiece).find('\n');
  if (newline != std::string_view::npos) return from + newline + 1;
  std::size_t end = from + kMaxPiece;
  auto inside_or_after_lookahead = [&](std::size_t at) {
    return (static_cast<unsigned char>(utf8[at]) & 0xC0) == 0x80 || utf8[at - 1] == '\r' ||
           utf8[at - 1] == '\f';
  };
  while (end < utf8.size() && inside_or_after_lookahead(end)) ++end;
  return std::min(end, utf8.size());
}

std::vector<RawLine> SplitLines(std::string_view utf8, bool fix_spaces) {
  const auto breaks = static_cast<std::size_t>(std::count(utf8.begin(), utf8.end(), '\n'));
  LineSplitter splitter(fix_spaces, breaks + 1);
  for (std::size_t from = 0; from < utf8.size();) {
    const std::size_t end = PieceEnd(utf8, from);
    splitter.Feed(text::Decode(utf8.substr(from, end - from)));
    from = end;
  }
  return splitter.Finish();
}

bool IsDash(char32_t c) {
  return c == U'-' || c == U'—' || c == U'–' || c == U'－' || c == U'―' || c == U'─' || c == U'~' ||
         c == U'～' || c == U'·' || c == U'•';
}

// "— 3 —", "- 3 -", "-3-", "·3·": digits between runs of dashes.
bool IsDashedPageNumber(std::u32string_view s) {
  std::size_t i = 0;
  while (i < s.size() && (IsDash(s[i]) || s[i] == U' ')) ++i;
  if (i == 0) return false;
  const std::size_t digits = text::DigitRun(s, i);
  if (digits == 0 || digits > 4) return false;
  std::size_t j = i + digits;
  const std::size_t tail = j;
  while (j < s.size() && (IsDash(s[j]) || s[j] == U' ')) ++j;
  return j == s.size() && j > tail;
}

// Skips digits and spaces after `pos`; returns the position after them, or npos without digits.
std::size_t SkipNumber(std::u32string_view s, std::size_t pos) {
  while (pos < s.size() && s[pos] == U' ') ++pos;
  const std::size_t digits = text::DigitRun(s, pos);
  if (digits == 0) return std::u32string_view::npos;
  pos += digits;
  while (pos < s.size() && s[pos] == U' ') ++pos;
  return pos;
}

// "第3页", "第 3 页 共 9 页", "共9页 第3页", "3/9".
bool IsWordedPageNumber(std::u32string_view s) {
  std::size_t pos = 0;
  int parts = 0;
  while (pos < s.size()) {
    const bool di = s[pos] == U'第';
    const bool gong = s[pos] == U'共';
    if (!di && !gong) break;
    pos = SkipNumber(s, pos + 1);
    if (pos == std::u32string_view::npos || pos >= s.size() || s[pos] != U'页') return false;
    ++pos;
    while (pos < s.size() && (s[pos] == U' ' || s[pos] == U'，' || s[pos] == U',')) ++pos;
    ++parts;
  }
  if (parts > 0) return pos == s.size();
  pos = SkipNumber(s, 0);
  if (pos == std::u32string_view::npos || pos >= s.size() || s[pos] != U'/') return false;
  return SkipNumber(s, pos + 1) == s.size();
}

bool IsPageNumber(const RawLine& line, bool at_page_edge) {
  std::u32string_view s = line.text;
  if (s.empty() || s.size() > 16) return false;
  if (IsDashedPageNumber(s) || IsWordedPageNumber(s)) return true;
  // A bare number is a page number only where a page ends or begins.
  return at_page_edge && text::DigitRun(s, 0) == s.size() && s.size() <= 3;
}

// Drops page numbers and rules, turning them into page breaks / hard breaks.
std::vector<RawLine> DropPageFurniture(std::vector<RawLine> lines) {
  std::size_t kept = 0;  // the lines kept are moved to the front, in place
  bool pending_break = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    RawLine& line = lines[i];
    const bool next_is_break = i + 1 < lines.size() && lines[i + 1].page_break;
    const bool at_edge = line.page_break || next_is_break || i + 1 == lines.size();
    if (IsPageNumber(line, at_edge)) {
      pending_break = true;
      continue;
    }
    // The page break belongs to the next line of text, past the page's blank margin.
    line.page_break = line.page_break || pending_break;
    pending_break = line.page_break && line.text.empty();
    if (kept != i) lines[kept] = std::move(line);
    ++kept;
  }
  lines.resize(kept);
  return lines;
}

// Running heads and feet: the same short line at the edge of several pages (the periodical's
// name at the top of every page, "安庆组工信息 第24期" at the foot). Each occurrence at a page
// edge goes; the text where it first appears (the header on page one) stays.
std::vector<RawLine> DropRunningHeads(std::vector<RawLine> lines) {
  constexpr std::size_t kMaxHeadLength = 30;
  std::vector<std::size_t> text_lines;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].text.empty()) text_lines.push_back(i);
  }
  std::vector<bool> at_edge(lines.size(), false);
  std::unordered_map<std::u32string, int> edge_counts;
  for (std::size_t k = 0; k < text_lines.size(); ++k) {
    const RawLine& line = lines[text_lines[k]];
    const bool bottom = k + 1 < text_lines.size() && lines[text_lines[k + 1]].page_break;
    const bool candidate = line.text.size() <= kMaxHeadLength && !text::EndsSentence(line.text) &&
                           !markers::StartsLabelledBlock(line.text);
    if ((line.page_break || bottom) && candidate) {
      at_edge[text_lines[k]] = true;
      ++edge_counts[line.text];
    }
  }
  std::size_t kept = 0;  // the lines kept are moved to the front, in place
  bool pending_break = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (at_edge[i] && edge_counts[lines[i].text] >= 2) {
      pending_break = pending_break || lines[i].page_break;
      continue;
    }
    lines[i].page_break = lines[i].page_break || pending_break;
    pending_break = lines[i].page_break && lines[i].text.empty();
    if (kept != i) lines[kept] = std::move(lines[i]);
    ++kept;
  }
  lines.resize(kept);
  return lines;
}

// Whether blank lines carry no meaning: nearly every text line is followed by one.
bool BlankLinesInterleaved(const std::vector<RawLine>& lines) {
  int text_pairs = 0, separated = 0;
  int previous = -1;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].text.empty()) continue;
    if (previous >= 0) {
      ++text_pairs;
      if (static_cast<int>(i) - previous > 1) ++separated;
    }
    previous = static_cast<int>(i);
  }
  return text_pairs >= 3 && separated * 10 >= text_pairs * 8;
}

// A line of running text, as opposed to a title, a header or an author line: it has clause
// punctuation in it. Only such lines tell how wide the page's text block is.
bool IsProse(const RawLine& line) {
  return line.text.find_first_of(U"，。、；：！？") != std::u32string::npos;
}

// The width of a full line of text, in half-ems, if the document is hard-wrapped at all: the
// width most prose lines reach. A document of one paragraph per line has no such width (its
// lines spread over every length) and gets 0: nothing is joined.
int WrapWidth(const std::vector<RawLine>& lines) {
  constexpr int kBelow = 6;  // 3 em: digits and Latin letters make a full line look shorter
  constexpr int kAbove = 4;  // 2 em: squeezed punctuation makes it look longer
  std::vector<int> widths;
  for (const RawLine& line : lines) {
    if (line.width >= 20 && IsProse(line)) widths.push_back(line.width);
  }
  if (widths.size() < 3) return 0;
  std::sort(widths.begin(), widths.end());
  const int full = widths[widths.size() * 4 / 5];  // the 80th percentile: past the short last lines
  const auto near = std::count_if(widths.begin(), widths.end(),
                                  [&](int w) { return w >= full - kBelow && w <= full + kAbove; });
  const bool shared = near >= 2 && static_cast<std::size_t>(near) * 10 >= widths.size() * 3;
  return shared && full <= 120 ? full : 0;
}

// The full-line width around line `i`: the median width of the long prose lines near it, so
// that a narrower box (an editor's note) and a wider one (the body) each get their own.
int LocalWidth(const std::vector<RawLine>& lines, std::size_t i, int wrap_width) {
  constexpr std::size_t kReach = 6;
  std::vector<int> widths;
  const std::size_t lo = i > kReach ? i - kReach : 0;
  const std::size_t hi = std::min(lines.size(), i + kReach + 1);
  for (std::size_t j = lo; j < hi; ++j) {
    if (lines[j].width * 2 >= wrap_width && IsProse(lines[j])) widths.push_back(lines[j].width);
  }
  if (widths.size() < 3) return wrap_width;
  std::nth_element(widths.begin(), widths.begin() + widths.size() / 2, widths.end());
  return widths[widths.size() / 2];
}

bool ContinuesSentence(char32_t c) {
  switch (c) {
    case U'，':
    case U'、':
    case U',':
    case U'“':
    case U'‘':
    case U'（':
    case U'《':
    case U'(':
    case U'「':
    case U'『':
      return true;
    default:
      return false;
  }
}

// How a line sits in its paragraph, judged from its width against the local full width.
struct LineShape {
  int full_width = 0;
  bool full = false;           // reaches the right margin: the text wraps after it
  bool first_of_para = false;  // two characters short, as an indented first line is
  bool body_like = false;      // long enough to be paragraph text rather than a title
};

LineShape ShapeOf(const RawLine& line, int full_width) {
  LineShape shape;
  shape.full_width = full_width;
  // Widths of digits and Latin text depend on the font: allow more slack for such lines.
  const int slack = line.reliable ? 2 : 5;
  // A line of full-width characters far wider than the full width was not wrapped at it (in a
  // short document of one paragraph per line, a few lines of like width fake a page width).
  constexpr int kWiderThanFull = 6;
  shape.full = line.width >= full_width - slack &&
               (!line.reliable || line.width <= full_width + kWiderThanFull);
  shape.first_of_para = line.reliable && line.width <= full_width - 3 &&
                        line.width >= full_width - 5 && !text::EndsSentence(line.text);
  shape.body_like = line.width * 10 >= full_width * 6;
  return shape;
}

// A line that is a date and nothing else (a 成文日期), or a 文号 and nothing else: an element of
// an official document on a line of its own, never a piece of a paragraph.
bool IsDateOrNumberLine(std::u32string_view s) {
  constexpr std::size_t kMaxLength = 24;
  s = text::Trim(s);
  if (s.empty()) return false;
  if (s.size() <= kMaxLength) {
    const std::optional<parse::DateMatch> date = parse::FindDate(s);
    if (date && date->start == 0 && date->length == s.size()) return true;
  }
  return IsDocNumberLine(s);
}

// Whether line `k` opens a signature block: it and the few short lines after it, none ending a
// sentence, lead to a date line (the 署名 of one or several issuers, then the 成文日期).
bool OpensSignature(const std::vector<RawLine>& lines, std::size_t k) {
  constexpr std::size_t kMaxSigners = 4;
  constexpr std::size_t kMaxSignatureLine = 40;
  for (std::size_t j = k; j < lines.size() && j <= k + kMaxSigners; ++j) {
    const std::u32string_view s = lines[j].text;
    if (j > k && IsDateOrNumberLine(s)) return !IsDateOrNumberLine(lines[k].text);
    // Numbered lines are items (of a 附件说明, a list), not issuers' names.
    if (s.size() > kMaxSignatureLine || text::EndsSentence(s) || markers::StartsNumberedBlock(s) ||
        text::StartsWith(s, U"附件")) {
      return false;
    }
  }
  return false;
}

// Whether line `b` continues the paragraph that line `a` is part of.
bool Continues(const RawLine& a, const RawLine& b, const LineShape& sa, const LineShape& sb) {
  if (markers::StartsLabelledBlock(b.text)) return false;
  if (IsDateOrNumberLine(a.text) || IsDateOrNumberLine(b.text)) return false;
  if (parse::IsPrintingLine(text::Trim(b.text))) return false;  // the 版记's 印发 line
  // A title ends on its 文种; the 主送 line under it ends in a colon (…的通知 / 各县人民政府：).
  const bool salutation = b.text.back() == U'：' || b.text.back() == U':';
  if (salutation && !markers::DocTypeAtEnd(a.text).empty()) return false;
  const bool numbered = markers::StartsNumberedBlock(b.text);
  if (text::EndsSentence(a.text)) {
    // A sentence ended: a short line ends the paragraph; an indented line starts a new one.
    return sa.full && !sb.first_of_para && !numbered;
  }
  // In mid-sentence a full line wraps, even onto "一、" (a list inside the sentence).
  if (ContinuesSentence(a.text.back()) || sa.full) return true;
  // A shorter line that does not end a sentence is a title, unless text clearly flows on; lines
  // spaced inside are titles and signatures, and a line ending in a colon is a 主送 line.
  const bool spaced =
      a.text.find(U' ') != std::u32string::npos || b.text.find(U' ') != std::u32string::npos;
  return sa.body_like && !spaced && !salutation && (sb.full || sb.body_like) && !sb.first_of_para &&
         !numbered;
}

// Joins `b` onto the paragraph `out`; Latin words keep a space between them.
void AppendContinuation(std::u32string& out, std::u32string_view b) {
  if (!out.empty() && !b.empty() && IsAsciiAlnum(out.back()) && IsAsciiAlnum(b.front()) &&
      !text::IsDigit(out.back())) {
    out.push_back(U' ');
  }
  out.append(b);
}

// Whether the indentation of lines is meaningful (some lines indented, most not).
bool IndentationMarksParagraphs(const std::vector<RawLine>& lines) {
  int text_lines = 0, indented = 0;
  for (const RawLine& line : lines) {
    if (line.text.empty()) continue;
    ++text_lines;
    if (line.indent >= 2) ++indented;
  }
  return indented * 20 >= text_lines && indented * 10 <= text_lines * 6;
}

// Whether `b` opens the item after the one that `opening` opened: 二、 after 一、, （三） after
// （二）. Such a line starts a paragraph even where the line before it looks wrapped.
bool OpensNextItem(const std::optional<markers::SectionMarker>& opening, std::u32string_view b) {
  if (!opening) return false;
  const std::optional<markers::SectionMarker> marker = markers::FindSectionMarker(b);
  return marker && marker->style == opening->style && marker->number == opening->number + 1;
}

// Drops blank lines and rules, in place, marking in `hard_break_before` each text line that a
// meaningful blank line or a rule comes before.
void KeepTextLines(std::vector<RawLine>* lines, std::vector<bool>* hard_break_before) {
  const bool blanks_meaningless = BlankLinesInterleaved(*lines);
  std::size_t kept = 0;
  bool pending_break = false;
  for (RawLine& line : *lines) {
    if (line.text.empty() || markers::IsRule(line.text)) {
      pending_break = pending_break || !blanks_meaningless || !line.text.empty();
      continue;
    }
    // Blank lines around a page boundary are the page's margins, not a paragraph break.
    hard_break_before->push_back(pending_break && !line.page_break);
    pending_break = false;
    RawLine& slot = (*lines)[kept++];
    if (&slot != &line) slot = std::move(line);
  }
  lines->resize(kept);
}

// For each text line, whether it continues the paragraph of the line before it.
std::vector<bool> JoinsOf(const std::vector<RawLine>& text_lines,
                          const std::vector<bool>& hard_break_before, bool indents_meaningful,
                          int wrap_width) {
  std::vector<bool> joins(text_lines.size(), false);
  std::optional<markers::SectionMarker> opening;  // the marker that opened the last paragraph
  for (std::size_t k = 0; k < text_lines.size(); ++k) {
    const RawLine& b = text_lines[k];
    bool join = k > 0 && wrap_width > 0 && !hard_break_before[k] &&
                !(indents_meaningful && b.indent >= 2) && !OpensNextItem(opening, b.text);
    if (join) {
      const RawLine& a = text_lines[k - 1];
      const LineShape sa = ShapeOf(a, LocalWidth(text_lines, k - 1, wrap_width));
      const LineShape sb = ShapeOf(b, LocalWidth(text_lines, k, wrap_width));
      // A signature block starts a paragraph, unless the line above wraps in mid-sentence
      // onto it (an attachment's name running on to a second line).
      const bool wrapped = sa.full && !text::EndsSentence(a.text);
      // The line under 附件1 is the attachment's title, on a line of its own.
      const bool titled = k >= 2 && markers::IsAttachmentMark(text_lines[k - 2].text);
      join = Continues(a, b, sa, sb) && (wrapped || !OpensSignature(text_lines, k)) && !titled;
    }
    joins[k] = join;
    if (!join) opening = markers::FindSectionMarker(b.text);
  }
  return joins;
}

std::vector<std::u32string> JoinParagraphs(std::vector<RawLine> lines, bool join_lines) {
  const bool indents_meaningful = IndentationMarksParagraphs(lines);
  const int wrap_width = join_lines ? WrapWidth(lines) : 0;
  std::vector<bool> hard_break_before;
  KeepTextLines(&lines, &hard_break_before);
  const std::vector<bool> joins = JoinsOf(lines, hard_break_before, indents_meaningful, wrap_width);

  std::vector<std::u32string> paragraphs;
  paragraphs.reserve(static_cast<std::size_t>(std::count(joins.begin(), joins.end(), false)));
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (joins[k]) {
      AppendContinuation(paragraphs.back(), lines[k].text);
      std::u32string().swap(lines[k].text);
    } else {
      paragraphs.push_back(std::move(lines[k].text));
    }
  }
  // A joined paragraph grew by doubling; the parser keeps the paragraphs while it works.
  for (std::u32string& paragraph : paragraphs) paragraph.shrink_to_fit();
  return paragraphs;
}

// Steps 3 to 5 of the cleaning, on the document's physical lines.
std::vector<std::u32string> CleanLines(std::vector<RawLine> lines, const CleanOptions& options) {
  if (options.drop_page_numbers) {
    lines = DropRunningHeads(DropPageFurniture(std::move(lines)));
  }
  return JoinParagraphs(std::move(lines), options.join_lines);
}

}  // namespace

namespace internal {

std::vector<std::u32string> CleanParagraphs(std::string_view text, const CleanOptions& options) {
  return CleanLines(SplitLines(text, options.fix_spaces), options);
}

std::vector<std::u32string> CleanParagraphs(std::string&& text, const CleanOptions& options) {
  std::vector<RawLine> lines = SplitLines(text, options.fix_spaces);
  std::string().swap(text);
  return CleanLines(std::move(lines), options);
}

}  // namespace internal

CleanedText CleanText(std::string_view text, const CleanOptions& options) {
  const std::vector<std::u32string> paragraphs = internal::CleanParagraphs(text, options);

  CleanedText cleaned;
  std::size_t offset = 0;
  for (const std::u32string& paragraph : paragraphs) {
    if (!cleaned.lines.empty()) {
      cleaned.text.push_back('\n');
      ++offset;
    }
    CleanLine line;
    line.text = text::Encode(paragraph);
    line.start = offset;
    line.end = offset + paragraph.size();
    offset = line.end;
    cleaned.text += line.text;
    cleaned.lines.push_back(std::move(line));
  }
  return cleaned;
}

}  // namespace gongwen
