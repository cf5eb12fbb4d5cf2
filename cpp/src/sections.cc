// Sections (一、 / （一） / 1． / 第一章) and points (一是 / 二是) of an article. A numbering style
// counts only where it runs 1, 2, 3, ... from the start, so a stray "二、" inside a sentence
// does not open a section; the outermost style that runs (the one met first) is the sections'.
#include <algorithm>

#include "markers.h"
#include "parse.h"
#include "text.h"

namespace gongwen::parse {

namespace {

using markers::SectionMarker;
using markers::SectionStyle;

constexpr std::size_t kMaxSectionHeading = 60;
constexpr std::size_t kMaxPointHeading = 40;

bool EndsHeading(char32_t c) { return c == U'。' || c == U'！' || c == U'？'; }
bool EndsPointHeading(char32_t c) { return EndsHeading(c) || c == U'；'; }

// Whether a point marker may start at `pos`: at the start of a paragraph or after punctuation.
bool PointMayStart(std::u32string_view s, std::size_t pos) {
  if (pos == 0) return true;
  const char32_t c = s[pos - 1];
  return c == U'。' || c == U'；' || c == U'：' || c == U'！' || c == U'？' || c == U'，';
}

// Strips trailing punctuation from a heading ("突出党建引领，完善治理体系。" -> no "。").
std::u32string_view StripFinalPunct(std::u32string_view s) {
  while (!s.empty() && (text::IsTerminalPunct(s.back()) || s.back() == U'，')) s.remove_suffix(1);
  return text::Trim(s);
}

// Splits `s` into a heading (its first sentence, when short) and the rest.
std::pair<std::u32string_view, std::u32string_view> SplitHeading(std::u32string_view s,
                                                                 std::size_t max_heading,
                                                                 bool (*ends)(char32_t)) {
  const auto it = std::find_if(s.begin(), s.end(), ends);
  if (it == s.end()) {
    // A heading printed on its own line (no sentence in it) is all heading.
    if (s.size() <= max_heading) return {StripFinalPunct(s), {}};
    return {{}, s};
  }
  const std::size_t end = static_cast<std::size_t>(it - s.begin());
  if (end > max_heading) return {{}, s};
  return {StripFinalPunct(s.substr(0, end)), text::Trim(s.substr(end + 1))};
}

// The paragraphs (indices) that open sections of `style`, numbered 1, 2, 3, ... in order.
std::vector<std::size_t> RunOf(const std::vector<std::optional<SectionMarker>>& found,
                               SectionStyle style) {
  std::vector<std::size_t> run;
  int expected = 1;
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (found[i] && found[i]->style == style && found[i]->number == expected) {
      run.push_back(i);
      ++expected;
    }
  }
  return run.size() >= 2 ? run : std::vector<std::size_t>{};
}

// The section openings of the outermost numbering style that runs.
std::vector<std::size_t> SectionOpenings(const std::vector<std::optional<SectionMarker>>& found) {
  std::vector<std::size_t> best;
  for (SectionStyle style :
       {SectionStyle::kPart, SectionStyle::kHan, SectionStyle::kParenHan, SectionStyle::kArabic,
        SectionStyle::kParenArabic, SectionStyle::kCircled}) {
    std::vector<std::size_t> run = RunOf(found, style);
    if (!run.empty() && (best.empty() || run.front() < best.front())) best = std::move(run);
  }
  return best;
}

// Where `part`, a view into `s` (which starts at `start` in the bulletin's text), lies in the
// bulletin's text; an empty part is an empty span at `otherwise`.
Span SpanOf(std::u32string_view s, std::size_t start, std::u32string_view part,
            std::size_t otherwise) {
  if (part.empty()) return Span{otherwise, otherwise};
  const std::size_t from = start + static_cast<std::size_t>(part.data() - s.data());
  return Span{from, from + part.size()};
}

// Finds 一是/二是 points in `s` (a paragraph or the part of one after a heading), which starts
// at `start` in the bulletin's text, continuing the numbering in `expected`.
void FindPointsIn(std::u32string_view s, std::size_t start, int* expected,
                  std::vector<Point>* points) {
  std::vector<std::pair<std::size_t, std::size_t>> marks;  // marker start, marker length
  std::vector<int> numbers;
  for (std::size_t pos = 0; pos < s.size(); ++pos) {
    std::size_t length = 0;
    if (!PointMayStart(s, pos)) continue;
    std::optional<int> number = markers::PointMarkerAt(s, pos, &length);
    if (!number) continue;
    const bool restart = *number == 1 && *expected > 1;
    if (*number != *expected && !restart) continue;
    marks.emplace_back(pos, length);
    numbers.push_back(*number);
    *expected = *number + 1;
    pos += length - 1;
  }
  for (std::size_t k = 0; k < marks.size(); ++k) {
    const std::size_t body = marks[k].first + marks[k].second;
    const std::size_t end = k + 1 < marks.size() ? marks[k + 1].first : s.size();
    std::u32string_view content = text::Trim(s.substr(body, end - body));
    auto [heading, rest] = SplitHeading(content, kMaxPointHeading, EndsPointHeading);
    Point point;
    point.number = numbers[k];
    point.heading = Utf8(heading);
    point.start = start + marks[k].first;
    point.end = start + end;
    point.text_span = SpanOf(s, start, rest, point.end);
    points->push_back(std::move(point));
  }
}

Section MakeSection(const std::vector<Piece>& paragraphs, std::size_t first, std::size_t last,
                    const SectionMarker& marker) {
  const Piece& opening = paragraphs[first];
  std::u32string_view after_marker = std::u32string_view(opening.text).substr(marker.length);
  auto [heading, rest] = SplitHeading(after_marker, kMaxSectionHeading, EndsHeading);
  Section section;
  section.number = marker.number;
  section.marker = Utf8(text::Trim(std::u32string_view(opening.text).substr(0, marker.length)));
  section.heading = Utf8(heading);
  section.start = opening.start;
  section.end = paragraphs[last].end();

  // The text runs from what follows the heading to the end of the section's last paragraph:
  // the article's paragraphs are consecutive lines of the bulletin's text.
  section.text_span = SpanOf(opening.text, opening.start, rest, section.end);
  if (rest.empty() && first < last) section.text_span.start = paragraphs[first + 1].start;
  section.text_span.end = section.end;

  int expected = 1;
  if (!rest.empty()) FindPointsIn(rest, section.text_span.start, &expected, &section.points);
  for (std::size_t i = first + 1; i <= last; ++i) {
    FindPointsIn(paragraphs[i].text, paragraphs[i].start, &expected, &section.points);
  }
  return section;
}

}  // namespace

void FindSections(const std::vector<Piece>& paragraphs, Article* article) {
  std::vector<std::optional<SectionMarker>> found;
  found.reserve(paragraphs.size());
  for (const Piece& p : paragraphs) found.push_back(markers::FindSectionMarker(p.text));
  const std::vector<std::size_t> openings = SectionOpenings(found);

  // Points in the paragraphs before the first section belong to the article itself.
  const std::size_t intro_end = openings.empty() ? paragraphs.size() : openings.front();
  int expected = 1;
  for (std::size_t i = 0; i < intro_end; ++i)
    FindPointsIn(paragraphs[i].text, paragraphs[i].start, &expected, &article->points);

  for (std::size_t k = 0; k < openings.size(); ++k) {
    const std::size_t last = k + 1 < openings.size() ? openings[k + 1] - 1 : paragraphs.size() - 1;
    article->sections.push_back(MakeSection(paragraphs, openings[k], last, *found[openings[k]]));
  }
}

}  // namespace gongwen::parse
