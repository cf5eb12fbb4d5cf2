// The bulletin parser: header, front matter (编者按, 领导批示, 目录), articles and footer.
//
// Articles are found from their openings. In the common layout a title (one or more short lines
// that are not sentences) is followed by the author unit on a line of its own; where a document
// uses that layout, a title without an author line is a sub-heading inside the current article.
// Other layouts close each article with a byline （XX供稿）, open it with 【title】, or give
// titles only; each is recognised from the document as a whole.
#include "gongwen/bulletin.h"

#include <algorithm>
#include <unordered_set>

#include "clean_internal.h"
#include "gongwen/clean.h"
#include "gongwen/decode.h"
#include "gongwen/error.h"
#include "markers.h"
#include "parse.h"
#include "text.h"

namespace gongwen {

std::string Bulletin::Slice(Span span) const {
  // `text` is valid UTF-8 (the parser encoded it): a code point starts at every byte that does
  // not continue a sequence.
  std::size_t point = 0;
  std::size_t from = text.size();
  std::size_t to = text.size();
  for (std::size_t byte = 0; byte < text.size(); ++byte) {
    if ((static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) continue;
    if (point == span.start) from = byte;
    if (point == span.end) {
      to = byte;
      break;
    }
    ++point;
  }
  if (span.start >= span.end || from >= to) return {};
  return text.substr(from, to - from);
}

std::vector<std::string> Bulletin::Paragraphs(const Article& article) const {
  std::vector<std::string> out;
  const std::string body = Slice(article.text_span);
  std::size_t from = 0;
  while (!body.empty()) {
    const std::size_t newline = body.find('\n', from);
    out.push_back(body.substr(from, newline - from));
    if (newline == std::string::npos) break;
    from = newline + 1;
  }
  return out;
}

namespace parse {

// The cleaned lines with their offsets in the cleaned text, which joins them with '\n'.
std::vector<Piece> ToPieces(std::vector<std::u32string> paragraphs) {
  std::vector<Piece> pieces;
  pieces.reserve(paragraphs.size());
  std::size_t offset = 0;
  for (std::u32string& paragraph : paragraphs) {
    const std::size_t length = paragraph.size();
    pieces.push_back(Piece{std::move(paragraph), offset});
    offset += length + 1;
  }
  return pieces;
}

std::string JoinLines(const std::vector<Piece>& lines) {
  std::size_t length = lines.empty() ? 0 : lines.size() - 1;
  for (const Piece& line : lines) length += text::Utf8Length(line.text);
  std::string joined;
  joined.reserve(length);  // exactly: the document's text is the largest string held
  for (const Piece& line : lines) {
    if (&line != &lines.front()) joined.push_back('\n');
    for (char32_t c : line.text) text::AppendUtf8(joined, c);
  }
  return joined;
}

}  // namespace parse

namespace {

using parse::JoinLines;
using parse::Piece;
using parse::ToPieces;
using parse::Utf8;
using text::StartsWith;

constexpr std::size_t kMaxTitleLine = 50;
constexpr std::size_t kFooterWindow = 20;
constexpr std::size_t kMaxFooterContinuation = 40;

// A title may ask or exclaim: "如何破解村级集体经济发展难题？" — short, one clause.
bool IsQuestionTitle(std::u32string_view s) {
  constexpr std::size_t kMaxQuestionTitle = 30;
  return !s.empty() && s.size() <= kMaxQuestionTitle && (s.back() == U'？' || s.back() == U'！') &&
         s.find_first_of(U"，。；：") == std::u32string_view::npos;
}

bool IsTitleLike(std::u32string_view s) {
  if (s.empty() || s.size() > kMaxTitleLine) return false;
  if (text::EndsSentence(s) && !IsQuestionTitle(s)) return false;
  if (s.find(U'。') != std::u32string_view::npos) return false;
  std::size_t length = 0;
  return !markers::StartsLabelledBlock(s) && !markers::FindSectionMarker(s) &&
         !markers::StartsWithLawArticle(s) && !StartsWith(s, U"【") &&
         !markers::PointMarkerAt(s, 0, &length);
}

// A line that may continue a title run: a title line or a —— line (subtitle or author).
bool ContinuesTitle(std::u32string_view s) {
  return IsTitleLike(s) || (StartsWith(s, U"——") && s.size() <= kMaxTitleLine);
}

// The unit named by an author line: 中共桐城市委, ——桐城市委组织部, （桐城市委组织部）,
// 桐城市委组织部供稿.
std::optional<std::u32string> AuthorOf(std::u32string_view s) {
  if (auto unit = markers::Byline(s)) return unit;
  if (StartsWith(s, U"——")) s.remove_prefix(2);
  if (s.size() > 2 && (s.front() == U'（' || s.front() == U'(') &&
      (s.back() == U'）' || s.back() == U')')) {
    s = s.substr(1, s.size() - 2);
  }
  s = text::Trim(s);
  if (text::EndsWith(s, U"供稿")) s = text::Trim(s.substr(0, s.size() - 2));  // 桐城市委组织部供稿
  if (parse::IsUnitName(s)) return std::u32string(s);
  return std::nullopt;
}

// The end of the run of title lines starting at `i` (at most four lines).
std::size_t TitleRunEnd(const std::vector<Piece>& lines, std::size_t i, std::size_t to) {
  std::size_t j = i + 1;
  while (j < to && j - i < 4 && ContinuesTitle(lines[j].text)) ++j;
  return j;
}

// The author of the title run [i, j): its last line when that names a unit and the run has a
// title before it. A list of units (an appendix naming courts or offices) is not an author line:
// an author is followed by the article's text, not by more short lines.
std::optional<std::u32string> RunAuthor(const std::vector<Piece>& lines, std::size_t i,
                                        std::size_t j, std::size_t to) {
  if (j - i < 2) return std::nullopt;
  if (j < to && IsTitleLike(lines[j].text)) return std::nullopt;
  return AuthorOf(lines[j - 1].text);
}

std::string JoinTitle(const std::vector<Piece>& lines, std::size_t from, std::size_t to) {
  bool spaced = false;
  for (std::size_t i = from; i < to; ++i) spaced = spaced || text::Contains(lines[i].text, U" ");
  std::u32string title;
  for (std::size_t i = from; i < to; ++i) {
    const bool dash = StartsWith(lines[i].text, U"——");
    if (!title.empty() && spaced && !dash) title.push_back(U' ');
    title += lines[i].text;
  }
  return Utf8(title);
}

// A trailing byline inside a paragraph: "……取得实效。（桐城市委组织部供稿）".
std::optional<std::u32string> TrailingByline(std::u32string_view s, std::size_t* cut) {
  const std::size_t open = s.find_last_of(U"（(");
  if (open == std::u32string_view::npos || open == 0) return std::nullopt;
  if (!text::EndsSentence(s.substr(0, open))) return std::nullopt;
  std::optional<std::u32string> unit = markers::Byline(s.substr(open));
  if (unit) *cut = open;
  return unit;
}

// ---------------------------------------------------------------------------------------------
// Front matter.

// Collects the paragraphs of a labelled block (编者按, 领导批示) starting at `i`.
std::size_t ReadLabelledBlock(const std::vector<Piece>& lines, std::size_t i, std::size_t label,
                              std::optional<std::string>* out) {
  std::u32string block(text::Trim(std::u32string_view(lines[i].text).substr(label)));
  std::size_t j = i + 1;
  std::size_t length = 0;
  while (j < lines.size() &&
         markers::FindBlockLabel(lines[j].text, &length) == markers::BlockLabel::kNone &&
         !markers::StartsLabelledBlock(lines[j].text) &&
         (!IsTitleLike(lines[j].text) || StartsWith(lines[j].text, U"——"))) {
    if (!block.empty()) block.push_back(U'\n');
    block += lines[j].text;
    ++j;
  }
  if (!block.empty() && !*out) *out = Utf8(block);
  return j;
}

// A line's text for matching a table of contents against the titles: no spaces, no page number.
std::u32string ContentsKey(std::u32string_view s) {
  std::u32string key;
  for (char32_t c : s) {
    if (!text::IsSpace(c)) key.push_back(c);
  }
  while (!key.empty() && (text::IsDigit(key.back()) || key.back() == U'.' || key.back() == U'…' ||
                          key.back() == U'·')) {
    key.pop_back();
  }
  return key;
}

// Skips the table of contents after its label: the lines that reappear later as titles.
std::size_t SkipContents(const std::vector<Piece>& lines, std::size_t i) {
  std::size_t j = i + 1;
  while (j < lines.size()) {
    const std::u32string key = ContentsKey(lines[j].text);
    bool repeated = false;
    for (std::size_t k = j + 1; k < lines.size() && !repeated; ++k) {
      repeated = k != j && ContentsKey(lines[k].text) == key && !key.empty();
    }
    if (!repeated) break;
    ++j;
  }
  return j;
}

std::size_t ParseFrontMatter(const std::vector<Piece>& lines, std::size_t i, Bulletin* b) {
  while (i < lines.size()) {
    std::size_t length = 0;
    switch (markers::FindBlockLabel(lines[i].text, &length)) {
      case markers::BlockLabel::kEditorNote:
        i = ReadLabelledBlock(lines, i, length, &b->editor_note);
        break;
      case markers::BlockLabel::kInstructions:
        i = ReadLabelledBlock(lines, i, length, &b->instructions);
        break;
      case markers::BlockLabel::kContents:
        i = SkipContents(lines, i);
        break;
      case markers::BlockLabel::kNone:
        return i;
    }
  }
  return i;
}

// ---------------------------------------------------------------------------------------------
// Footer.

bool IsPrintingLine(std::u32string_view s) {
  return s.size() <= kMaxTitleLine && text::EndsWith(s, U"印发") && parse::FindDate(s);
}

bool IsFooterLine(std::u32string_view s) {
  return markers::FooterKeyAt(s, 0).kind != markers::FooterKind::kNone || markers::CopiesNote(s) ||
         IsPrintingLine(s);
}

// The first line of the footer: a footer line after which only footer lines or short
// continuation lines follow.
std::size_t FindFooter(const std::vector<Piece>& lines, std::size_t from) {
  const std::size_t n = lines.size();
  const std::size_t window = n > from + kFooterWindow ? n - kFooterWindow : from;
  for (std::size_t f = window; f < n; ++f) {
    if (!IsFooterLine(lines[f].text)) continue;
    bool rest_fits = true;
    for (std::size_t k = f + 1; k < n && rest_fits; ++k) {
      rest_fits = IsFooterLine(lines[k].text) || lines[k].text.size() <= kMaxFooterContinuation;
    }
    if (rest_fits) return f;
  }
  return n;
}

// Splits a list of recipients at separators outside brackets.
std::vector<std::string> SplitRecipients(std::u32string_view s) {
  std::vector<std::string> out;
  std::u32string current;
  int depth = 0;
  auto flush = [&] {
    std::u32string_view item = text::Trim(current);
    while (!item.empty() && (item.back() == U'。' || item.back() == U'.')) item.remove_suffix(1);
    if (!item.empty()) out.push_back(Utf8(item));
    current.clear();
  };
  for (char32_t c : s) {
    if (c == U'（' || c == U'(' || c == U'【' || c == U'《') ++depth;
    if (c == U'）' || c == U')' || c == U'】' || c == U'》') depth = std::max(0, depth - 1);
    const bool separator =
        c == U'，' || c == U'、' || c == U',' || c == U'；' || c == U';' || c == U' ' || c == U'　';
    if (separator && depth == 0) {
      flush();
    } else {
      current.push_back(c);
    }
  }
  flush();
  return out;
}

// Positions in `s` where a footer key starts (at the start or after a space).
std::vector<std::size_t> FooterKeyPositions(std::u32string_view s) {
  std::vector<std::size_t> positions;
  for (std::size_t pos = 0; pos < s.size(); ++pos) {
    if ((pos == 0 || s[pos - 1] == U' ') &&
        markers::FooterKeyAt(s, pos).kind != markers::FooterKind::kNone) {
      positions.push_back(pos);
    }
  }
  return positions;
}

void AddFooterField(std::u32string_view segment, Bulletin* b) {
  const markers::FooterKey key = markers::FooterKeyAt(segment, 0);
  std::u32string_view value = text::Trim(segment.substr(key.length));
  // A print-run note may close the last field: "发：各县区委组织部（共印30份）".
  const std::size_t open = value.find_last_of(U"（(");
  if (open != std::u32string_view::npos) {
    if (auto copies = markers::CopiesNote(value.substr(open))) {
      b->copies = copies;
      value = text::Trim(value.substr(0, open));
    }
  }
  if (key.kind == markers::FooterKind::kDistribution) {
    const std::string name = Utf8(key.key);
    auto it = std::find_if(b->distribution.begin(), b->distribution.end(),
                           [&](const auto& entry) { return entry.first == name; });
    if (it == b->distribution.end()) {
      b->distribution.emplace_back(name, std::vector<std::string>{});
      it = b->distribution.end() - 1;
    }
    for (std::string& r : SplitRecipients(value)) it->second.push_back(std::move(r));
  } else {
    b->credits.emplace_back(Utf8(key.key), Utf8(value));
  }
}

// Adds the fields of a footer line; several may share one: "责任编辑：张明    签发：李华".
void AddFooterFields(std::u32string_view s, Bulletin* b) {
  const std::vector<std::size_t> keys = FooterKeyPositions(s);
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const std::size_t end = k + 1 < keys.size() ? keys[k + 1] : s.size();
    AddFooterField(s.substr(keys[k], end - keys[k]), b);
  }
}

// The footer's logical lines: a line without a key of its own continues the one before it.
std::vector<std::u32string> FooterLines(const std::vector<Piece>& lines, std::size_t footer) {
  std::vector<std::u32string> out;
  for (std::size_t i = footer; i < lines.size(); ++i) {
    const std::u32string& s = lines[i].text;
    const bool continuation = !out.empty() && FooterKeyPositions(s).empty() &&
                              !markers::CopiesNote(s) && !IsPrintingLine(s);
    if (continuation) {
      out.back() += s;
    } else {
      out.push_back(s);
    }
  }
  return out;
}

void ParseFooter(const std::vector<Piece>& lines, std::size_t footer, Bulletin* b) {
  for (const std::u32string& s : FooterLines(lines, footer)) {
    if (auto copies = markers::CopiesNote(s)) {
      b->copies = copies;
    } else if (IsPrintingLine(s)) {
      const parse::DateMatch date = *parse::FindDate(s);
      if (!b->date) b->date = date.date;
      b->credits.emplace_back("印发",
                              Utf8(text::Trim(std::u32string_view(s).substr(0, date.start))));
    } else {
      AddFooterFields(s, b);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Articles.

// How the document marks where articles begin.
struct Layout {
  int authored = 0;      // titles followed by an author line
  bool bylines = false;  // articles end with （XX供稿）
};

Layout DetectLayout(const std::vector<Piece>& lines, std::size_t from, std::size_t to) {
  Layout layout;
  for (std::size_t i = from; i < to; ++i) {
    std::size_t cut = 0;
    if (markers::Byline(lines[i].text) || TrailingByline(lines[i].text, &cut)) {
      layout.bylines = true;
    }
    if (!IsTitleLike(lines[i].text)) continue;
    const std::size_t j = TitleRunEnd(lines, i, to);
    if (RunAuthor(lines, i, j, to)) ++layout.authored;
    i = j - 1;
  }
  return layout;
}

// Collects the articles: the article under construction and its paragraphs.
class ArticleBuilder {
 public:
  explicit ArticleBuilder(Bulletin* b) : b_(b) {}

  bool has_open_article() const { return open_; }
  bool closed() const { return closed_; }

  void Start(std::string title, std::optional<std::u32string> author, std::size_t start) {
    Finish();
    article_ = Article{};
    article_.title = std::move(title);
    if (author) article_.author = Utf8(*author);
    article_.start = start;
    article_.end = start;
    open_ = true;
    closed_ = false;
  }

  void AddParagraph(Piece paragraph) {
    if (!open_) Start("", std::nullopt, paragraph.start);
    article_.end = paragraph.end();
    paragraphs_.push_back(std::move(paragraph));
  }

  // Ends the article with a byline naming `unit` and reaching to `end`.
  void Close(const std::u32string& unit, std::size_t end) {
    if (!open_) return;
    if (!article_.author) article_.author = Utf8(unit);
    article_.end = std::max(article_.end, end);
    closed_ = true;
  }

  void Finish() {
    if (!open_) return;
    // The paragraphs are consecutive lines of the text (the last one perhaps without its byline).
    article_.text_span = paragraphs_.empty()
                             ? Span{article_.end, article_.end}
                             : Span{paragraphs_.front().start, paragraphs_.back().end()};
    parse::FindSections(paragraphs_, &article_);
    b_->articles.push_back(std::move(article_));
    paragraphs_.clear();
    open_ = false;
  }

 private:
  Bulletin* b_;
  Article article_;
  std::vector<Piece> paragraphs_;
  bool open_ = false;
  bool closed_ = false;
};

// 【标题】正文 or 【桐城市】正文: a bracketed opening. Returns the end of the bracket.
std::size_t BracketOpening(std::u32string_view s) {
  if (!StartsWith(s, U"【")) return 0;
  std::size_t length = 0;
  if (markers::FindBlockLabel(s, &length) != markers::BlockLabel::kNone) return 0;
  const std::size_t close = s.find(U'】');
  return close == std::u32string_view::npos || close > kMaxTitleLine ? 0 : close + 1;
}

void StartBracketArticle(const Piece& line, std::size_t close, ArticleBuilder* builder) {
  std::u32string_view s = line.text;
  std::u32string_view label = text::Trim(s.substr(1, close - 2));
  std::u32string_view rest = text::Trim(s.substr(close));
  const std::size_t rest_offset = static_cast<std::size_t>(rest.data() - s.data());
  if (parse::IsUnitName(label) && !rest.empty()) {
    // 【桐城市】: the label names the unit; the first sentence is the title.
    const std::size_t stop = rest.find_first_of(U"。！？");
    std::u32string_view title = rest.substr(0, std::min(stop, rest.size()));
    builder->Start(Utf8(title), std::u32string(label), line.start);
  } else {
    builder->Start(Utf8(label), std::nullopt, line.start);
  }
  if (!rest.empty()) builder->AddParagraph(Piece{std::u32string(rest), line.start + rest_offset});
}

void AddBodyLine(const Piece& line, const Layout& layout, ArticleBuilder* builder) {
  if (auto unit = markers::Byline(line.text)) {
    builder->Close(*unit, line.end());
    return;
  }
  // After a byline, text without a title of its own starts an untitled article.
  if (builder->closed() && layout.bylines) builder->Finish();
  std::size_t cut = 0;
  if (auto unit = TrailingByline(line.text, &cut)) {
    builder->AddParagraph(Piece{line.text.substr(0, cut), line.start});
    builder->Close(*unit, line.end());
    return;
  }
  builder->AddParagraph(line);
}

void ParseArticles(const std::vector<Piece>& lines, std::size_t from, std::size_t to,
                   const Layout& layout, Bulletin* b) {
  ArticleBuilder builder(b);
  for (std::size_t i = from; i < to; ++i) {
    const Piece& line = lines[i];
    if (const std::size_t close = BracketOpening(line.text)) {
      StartBracketArticle(line, close, &builder);
      continue;
    }
    if (!IsTitleLike(line.text)) {
      AddBodyLine(line, layout, &builder);
      continue;
    }
    const std::size_t j = TitleRunEnd(lines, i, to);
    const std::optional<std::u32string> author = RunAuthor(lines, i, j, to);
    const std::size_t title_end = author ? j - 1 : j;
    const bool opens = author || !builder.has_open_article() || builder.closed() ||
                       (layout.authored == 0 && !layout.bylines);
    if (!opens) {
      // A sub-heading inside the article.
      for (std::size_t k = i; k < j; ++k) builder.AddParagraph(lines[k]);
    } else {
      builder.Start(JoinTitle(lines, i, title_end), author, line.start);
    }
    i = j - 1;
  }
  builder.Finish();
}

// ---------------------------------------------------------------------------------------------

void FillHeader(const parse::Header& h, Bulletin* b) {
  if (h.publication) b->publication = Utf8(*h.publication);
  if (h.editor) b->editor = Utf8(*h.editor);
  b->issue = h.issue;
  b->issue_total = h.issue_total;
  b->year = h.year;
  b->date = h.date;
  for (const std::u32string& notice : h.notices) b->notices.push_back(Utf8(notice));
  for (const std::u32string& line : h.credit_lines) AddFooterFields(line, b);
}

// A document that is not a bulletin: one article with the whole text, titled by its first
// line when that line is a title.
void ParseDocument(const std::vector<Piece>& lines, Bulletin* b) {
  if (lines.empty()) return;
  ArticleBuilder builder(b);
  std::size_t first = 0;
  if (IsTitleLike(lines[0].text)) {
    builder.Start(Utf8(lines[0].text), std::nullopt, lines[0].start);
    first = 1;
  }
  for (std::size_t i = first; i < lines.size(); ++i) builder.AddParagraph(lines[i]);
  builder.Finish();
  // Whatever date the opening lines give (a report's delivery, a law's adoption).
  for (std::size_t i = 0; i < std::min<std::size_t>(lines.size(), 8) && !b->date; ++i) {
    if (auto date = parse::FindDate(lines[i].text)) b->date = date->date;
  }
}

}  // namespace

namespace {

// Parses the cleaned lines of a document.
Bulletin ParseBulletinLines(const std::vector<Piece>& lines) {
  Bulletin b;
  b.text = JoinLines(lines);
  const parse::Header header = parse::ParseHeader(lines);
  if (!header.found) {
    // Without a header, only several titled and signed pieces make a collection of articles.
    const Layout layout = DetectLayout(lines, 0, lines.size());
    if (layout.authored >= 2) {
      ParseArticles(lines, 0, lines.size(), layout, &b);
    } else {
      ParseDocument(lines, &b);
    }
    return b;
  }
  FillHeader(header, &b);
  const std::size_t body = ParseFrontMatter(lines, header.lines, &b);
  const std::size_t footer = FindFooter(lines, body);
  ParseFooter(lines, footer, &b);
  ParseArticles(lines, body, footer, DetectLayout(lines, body, footer), &b);
  return b;
}

// Parses the cleaned paragraphs of a document (internal::CleanParagraphs).
Bulletin ParseParagraphs(std::vector<std::u32string> paragraphs) {
  return ParseBulletinLines(ToPieces(std::move(paragraphs)));
}

}  // namespace

namespace parse {

// The parser's own tests of a line, for the official-document parser (official.cc).
bool IsTitleLike(std::u32string_view s) { return gongwen::IsTitleLike(s); }
bool IsPrintingLine(std::u32string_view s) { return gongwen::IsPrintingLine(s); }
std::vector<std::string> SplitRecipients(std::u32string_view s) {
  return gongwen::SplitRecipients(s);
}
Bulletin ParseLines(const std::vector<Piece>& lines) { return ParseBulletinLines(lines); }

}  // namespace parse

Bulletin ParseBulletin(std::string_view text) {
  return ParseParagraphs(internal::CleanParagraphs(text, CleanOptions{}));
}

Bulletin ReadBulletin(const std::string& path, std::string_view encoding) {
  DecodedText decoded = ReadText(path, encoding);
  Bulletin b = ParseParagraphs(internal::CleanParagraphs(std::move(decoded.text), CleanOptions{}));
  if (b.text.empty()) throw EmptyDocument(path);
  b.path = path;
  b.encoding = std::move(decoded.encoding);
  return b;
}

}  // namespace gongwen
