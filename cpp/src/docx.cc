// The text of word processor packages: DOCX (WordprocessingML) and ODT (OpenDocument Text)
// (formats.h). Both share one iterative walk over each body element (no recursion, however
// deep a hostile file nests), fed element by element as the body part is inflated
// (xml_stream.h): the body is never held whole, nor as one DOM.
//
// XML safety: pugixml loads no external entity or DTD, and expands no entity but the five
// predefined ones and character references (a billion laughs stays a few bytes of text); its
// parser and its document's destruction do not recurse.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "formats.h"
#include "gongwen/error.h"
#include "numbering.h"
#include "text.h"
#include "xml_stream.h"

namespace gongwen {
namespace {

using numbering::Format;

constexpr const char* kCellSeparator = "\t";  // as HTML tables and antiword write cells
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata;
constexpr int kMaxLevels = 10;
constexpr int kMaxStyleHops = 32;
constexpr long long kMaxCounter = 1000000000;

// --- Package parts ----------------------------------------------------------------------------

// A part's name inside the package: `target` relative to the directory `base` ("word/"),
// or absolute ("/word/x.xml"); ".." steps up.
std::string ResolvePart(std::string_view base, std::string_view target) {
  std::string path = target.starts_with("/") ? std::string(target.substr(1))
                                             : std::string(base) + std::string(target);
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string piece = path.substr(start, end - start);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string& piece : parts) {
    if (!out.empty()) out += '/';
    out += piece;
  }
  return out;
}

std::string_view DirectoryOf(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : part.substr(0, slash + 1);
}

std::string_view LocalName(std::string_view name) {
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// A member that may be read: present, not a directory, with a safe name.
const ZipMember* FindPart(const ZipReader& package, std::string_view name) {
  const ZipMember* member = package.Find(name);
  if (member == nullptr || member->directory || member->unsafe_name) return nullptr;
  return member;
}

// A small part (styles, numbering, notes, properties) parsed whole; nullopt when absent.
std::optional<pugi::xml_document> LoadPart(ZipReader& package, std::string_view part) {
  const ZipMember* member = FindPart(package, part);
  if (member == nullptr) return std::nullopt;
  const std::string bytes = package.Read(*member);
  std::optional<pugi::xml_document> document(std::in_place);
  const pugi::xml_parse_result result =
      document->load_buffer(bytes.data(), bytes.size(), kParseOptions);
  if (!result) {
    throw DecodeError(package.name() + "/" + std::string(part),
                      static_cast<std::uint64_t>(result.offset),
                      std::string("not well-formed XML: ") + result.description());
  }
  return document;
}

// The relationships of a part ("word/_rels/document.xml.rels"): type suffix -> target part.
std::multimap<std::string, std::string> Relationships(ZipReader& package, std::string_view part) {
  const std::string_view directory = DirectoryOf(part);
  const std::string rels =
      std::string(directory) + "_rels/" + std::string(part.substr(directory.size())) + ".rels";
  std::multimap<std::string, std::string> out;
  std::optional<pugi::xml_document> document = LoadPart(package, rels);
  if (!document) return out;
  for (pugi::xml_node rel : document->document_element().children()) {
    if (LocalName(rel.name()) != "Relationship") continue;
    if (std::string_view(rel.attribute("TargetMode").value()) == "External") continue;
    std::string_view type = rel.attribute("Type").value();
    type = type.substr(type.rfind('/') == std::string_view::npos ? 0 : type.rfind('/') + 1);
    out.emplace(std::string(type), ResolvePart(directory, rel.attribute("Target").value()));
  }
  return out;
}

// The namespace prefix an element's attributes bind to one of `uris` ("w:"), else `fallback`.
std::string PrefixFor(pugi::xml_node element, const std::vector<std::string_view>& uris,
                      std::string_view fallback) {
  for (pugi::xml_attribute attribute : element.attributes()) {
    const std::string_view name = attribute.name();
    if (!name.starts_with("xmlns")) continue;
    if (std::find(uris.begin(), uris.end(), std::string_view(attribute.value())) == uris.end())
      continue;
    if (name == "xmlns") return {};
    if (name.size() > 6 && name[5] == ':') return std::string(name.substr(6)) + ":";
  }
  return std::string(fallback);
}

const std::vector<std::string_view>& WordNamespaces() {
  static const std::vector<std::string_view> kUris{
      "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "http://purl.oclc.org/ooxml/wordprocessingml/main"};
  return kUris;
}

const std::vector<std::string_view>& CompatibilityNamespaces() {
  static const std::vector<std::string_view> kUris{
      "http://schemas.openxmlformats.org/markup-compatibility/2006"};
  return kUris;
}

// --- Lines of text ----------------------------------------------------------------------------

// Where text goes as the walk meets paragraphs, tables, rows and cells: paragraphs become lines,
// rows become lines of cells, and the paragraphs of a cell (a nested table's rows too) join into
// its text.
class LineWriter {
 public:
  explicit LineWriter(std::string& out) : out_(&out) {}

  // `joins_next`: the paragraph's mark is a deleted revision, so that its text runs on into the
  // next paragraph (after that one's number), as Word shows the revision accepted.
  void BeginParagraph(std::string prefix, bool joins_next = false) {
    contexts_.push_back({Kind::kParagraph, std::move(prefix), {}, joins_next});
    if (!carried_.empty() && !joins_next) {
      contexts_.back().text += carried_;
      carried_.clear();
    }
  }
  void EndParagraph() { CloseText(Kind::kParagraph); }
  void BeginTable() { DeliverCarried(); }
  void BeginRow() { contexts_.push_back({Kind::kRow, {}, {}}); }
  void EndRow() {
    if (contexts_.empty() || contexts_.back().kind != Kind::kRow) return;
    Context row = std::move(contexts_.back());
    contexts_.pop_back();
    std::string line;
    bool any = false;
    for (const std::string& cell : row.cells) any = any || !cell.empty();
    if (!any) return;
    for (std::size_t i = 0; i < row.cells.size(); ++i)
      line += (i ? kCellSeparator : "") + row.cells[i];
    Deliver(line);
  }
  void BeginCell() { contexts_.push_back({Kind::kCell, {}, {}}); }
  void EndCell() {
    if (contexts_.empty() || contexts_.back().kind != Kind::kCell) return;
    std::string cell = std::move(contexts_.back().text);
    contexts_.pop_back();
    // A cell's line breaks would split the row's line.
    std::replace(cell.begin(), cell.end(), '\n', ' ');
    if (!contexts_.empty() && contexts_.back().kind == Kind::kRow) {
      contexts_.back().cells.push_back(std::move(cell));
    } else {
      Deliver(cell);
    }
  }
  // Text of the innermost paragraph (or cell).
  void Append(std::string_view text) {
    if (contexts_.empty()) contexts_.push_back({Kind::kParagraph, {}, {}});
    contexts_.back().text.append(text);
  }
  bool InParagraph() const {
    return std::any_of(contexts_.begin(), contexts_.end(),
                       [](const Context& c) { return c.kind == Kind::kParagraph; });
  }
  std::string& MutableText() {
    if (contexts_.empty()) contexts_.push_back({Kind::kParagraph, {}, {}});
    return contexts_.back().text;
  }
  const std::string& CurrentText() const {
    static const std::string kEmpty;
    return contexts_.empty() ? kEmpty : contexts_.back().text;
  }
  // Closes whatever a malformed element left open.
  void Flush() {
    while (!contexts_.empty()) {
      const Kind kind = contexts_.back().kind;
      if (kind == Kind::kRow) EndRow();
      if (kind == Kind::kCell) EndCell();
      if (kind == Kind::kParagraph) EndParagraph();
    }
  }
  // At the end of a part: text carried by a deleted mark with no paragraph after it.
  void DeliverCarried() {
    if (carried_.empty() || !contexts_.empty()) return;
    std::string line = std::move(carried_);
    carried_.clear();
    Deliver(line);
  }
  void Redirect(std::string& out) { out_ = &out; }

 private:
  enum class Kind { kParagraph, kRow, kCell };
  struct Context {
    Kind kind;
    std::string text;  // a paragraph's number prefix, then its text; a cell's text
    std::vector<std::string> cells;
    bool joins_next = false;
  };

  void CloseText(Kind kind) {
    if (contexts_.empty() || contexts_.back().kind != kind) return;
    std::string text = std::move(contexts_.back().text);
    const bool joins_next = contexts_.back().joins_next;
    contexts_.pop_back();
    if (joins_next && contexts_.empty()) {
      carried_ += text;
      return;
    }
    Deliver(text);
  }
  // A finished paragraph or row goes into the enclosing cell, else out as a line.
  void Deliver(const std::string& line) {
    if (!contexts_.empty() && contexts_.back().kind == Kind::kCell) {
      std::string& cell = contexts_.back().text;
      if (!cell.empty() && !line.empty()) cell += ' ';
      cell += line;
      return;
    }
    if (!contexts_.empty()) {  // a paragraph inside a paragraph (malformed): keep its text
      contexts_.back().text += line;
      return;
    }
    // Blank paragraphs are kept as one blank line, never several, never first.
    const bool blank = line.find_first_not_of(" \t") == std::string::npos;
    if (blank && (out_->empty() || out_->ends_with("\n\n"))) return;
    out_->append(blank ? std::string() : line);
    out_->push_back('\n');
  }

  std::string* out_;
  std::vector<Context> contexts_;
  std::string carried_;  // the text of paragraphs whose marks were deleted, for the next one
};

// The iterative walk: Enter decides what an element is and whether to descend; Exit closes it.
// `Walker` provides `Action Enter(pugi::xml_node)` and `void Exit(pugi::xml_node, Action)`.
enum class Action { kSkip, kDescend, kParagraph, kRow, kCell, kSpan };

template <typename Walker>
void Walk(pugi::xml_node root, Walker& walker) {
  struct Step {
    pugi::xml_node node;
    Action action;
    bool exit;
  };
  std::vector<Step> steps{{root, Action::kDescend, false}};
  while (!steps.empty()) {
    const Step step = steps.back();
    steps.pop_back();
    if (step.exit) {
      walker.Exit(step.node, step.action);
      continue;
    }
    const Action action = walker.Enter(step.node);
    if (action == Action::kSkip) continue;
    steps.push_back({step.node, action, true});
    pugi::xml_node only = walker.OnlyChild(step.node);
    if (only) {
      steps.push_back({only, Action::kDescend, false});
      continue;
    }
    for (pugi::xml_node child = step.node.last_child(); child; child = child.previous_sibling()) {
      steps.push_back({child, Action::kDescend, false});
    }
  }
}

// A numbered level's definition (Word's w:lvl, ODF's text:list-level-style-number).
struct LevelStyle {
  Format format = Format::kDecimal;
  std::string text;  // with %1..%9 for the levels' numbers
  long long start = 1;
  bool legal = false;  // w:isLgl: the other levels' numbers in decimal
  bool defined = false;
  // w:lvlRestart: restarted when a level above this one-based level is numbered (0: never;
  // by default, when any level above is).
  std::optional<int> restart_after;
};

using LevelStyles = std::array<LevelStyle, kMaxLevels>;

// The counters of one list; nullopt for a level not numbered yet.
using Counters = std::array<std::optional<long long>, kMaxLevels>;

// Advances `level` (and forgets the deeper ones) and returns the printed number.
std::string NextNumber(const LevelStyles& styles, Counters& counters, int level,
                       std::optional<long long> restart) {
  const LevelStyle& style = styles[level];
  long long value = restart ? *restart : counters[level] ? *counters[level] + 1 : style.start;
  value = std::clamp<long long>(value, -kMaxCounter, kMaxCounter);
  counters[level] = value;
  for (int deeper = level + 1; deeper < kMaxLevels; ++deeper) {
    const std::optional<int> after = styles[deeper].restart_after;
    if (!after || (*after > 0 && level < *after)) counters[deeper].reset();
  }
  if (style.format == Format::kNone) return {};
  std::string out;
  const std::string& pattern = style.text;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' &&
        pattern[i + 1] <= '9') {
      const int referenced = pattern[i + 1] - '1';
      ++i;
      const LevelStyle& other = styles[referenced];
      const long long number = counters[referenced] ? *counters[referenced] : other.start;
      const Format format = style.legal && referenced != level ? Format::kDecimal : other.format;
      out += numbering::FormatNumber(number, referenced == level ? style.format : format);
      continue;
    }
    out += pattern[i];
  }
  if (style.format == Format::kBullet) {
    // Bullets in the Symbol and Wingdings fonts sit in the private use area: nothing to print.
    const std::u32string chars = text::Decode(out);
    if (chars.empty() || (chars[0] >= 0xE000 && chars[0] <= 0xF8FF)) return {};
  }
  return out;
}

long long ParseNumber(std::string_view value, long long fallback) {
  if (value.empty()) return fallback;
  char* end = nullptr;
  const std::string copy(value.substr(0, 20));
  const long long n = std::strtoll(copy.c_str(), &end, 10);
  if (end == copy.c_str()) return fallback;
  return std::clamp<long long>(n, -kMaxCounter, kMaxCounter);
}

// --- DOCX -------------------------------------------------------------------------------------

// numbering.xml and styles.xml: what a paragraph's numId and ilvl (its own or its style's) print.
class WordNumbering {
 public:
  void Load(const pugi::xml_document& numbering, const pugi::xml_document* styles) {
    const pugi::xml_node root = numbering.document_element();
    const std::string w = PrefixFor(root, WordNamespaces(), "w:");
    for (pugi::xml_node node : root.children()) {
      if (w + "abstractNum" == node.name()) LoadAbstract(node, w);
    }
    for (pugi::xml_node node : root.children()) {
      if (w + "num" != node.name()) continue;
      Num num;
      num.abstract_id =
          node.child((w + "abstractNumId").c_str()).attribute((w + "val").c_str()).value();
      // A named string: children() keeps a pointer to the name it is given.
      const std::string override_node_name = w + "lvlOverride";
      for (pugi::xml_node override_node : node.children(override_node_name.c_str())) {
        const int level = static_cast<int>(
            ParseNumber(override_node.attribute((w + "ilvl").c_str()).value(), -1));
        if (level < 0 || level >= kMaxLevels) continue;
        pugi::xml_node start = override_node.child((w + "startOverride").c_str());
        if (start)
          num.restart[level] = ParseNumber(start.attribute((w + "val").c_str()).value(), 1);
        pugi::xml_node lvl = override_node.child((w + "lvl").c_str());
        if (lvl) num.levels[level] = ReadLevel(lvl, w);
      }
      nums_[node.attribute((w + "numId").c_str()).value()] = std::move(num);
    }
    if (styles != nullptr) LoadStyles(*styles);
  }

  // The number a paragraph prints (empty for none), its counters advanced.
  std::string Number(std::string_view num_id, std::optional<int> own_level,
                     std::string_view style) {
    std::string id(num_id);
    std::optional<int> level = own_level;
    // A paragraph without its own numId takes its style's (through w:basedOn).
    std::string style_id(style);
    for (int hop = 0; hop < kMaxStyleHops && !style_id.empty(); ++hop) {
      const auto found = styles_.find(style_id);
      if (found == styles_.end()) break;
      if (id.empty()) id = found->second.num_id;
      if (!level) level = found->second.level;
      style_id = found->second.based_on;
    }
    if (id.empty() || id == "0") return {};
    const auto num = nums_.find(id);
    if (num == nums_.end()) return {};
    const std::string abstract_id = ResolveStyleLink(num->second.abstract_id);
    const auto abstract = abstracts_.find(abstract_id);
    if (abstract == abstracts_.end()) return {};
    const int l = std::clamp(level.value_or(0), 0, kMaxLevels - 1);
    LevelStyles styles = abstract->second;
    for (int i = 0; i < kMaxLevels; ++i) {
      if (num->second.levels[i].defined) styles[i] = num->second.levels[i];
    }
    if (!styles[l].defined) return {};
    // Nums of one abstract numbering share its counters; a startOverride restarts them the
    // first time its num is used.
    std::optional<long long> restart;
    if (!num->second.used) {
      num->second.used = true;
      restart = num->second.restart[l];
    }
    return NextNumber(styles, counters_[abstract_id], l, restart);
  }

 private:
  struct Num {
    std::string abstract_id;
    std::array<std::optional<long long>, kMaxLevels> restart;
    LevelStyles levels;  // levels a lvlOverride redefines
    bool used = false;
  };
  struct Style {
    std::string num_id, based_on;
    std::optional<int> level;
  };

  // The abstract numbering that a list style's use (w:numStyleLink) stands for: the one of the
  // num that the style's own numPr names, followed a few hops at most.
  std::string ResolveStyleLink(std::string abstract_id) const {
    for (int hop = 0; hop < kMaxStyleHops; ++hop) {
      const auto link = style_links_.find(abstract_id);
      if (link == style_links_.end()) break;
      const auto style = styles_.find(link->second);
      if (style == styles_.end()) break;
      const auto num = nums_.find(style->second.num_id);
      if (num == nums_.end() || num->second.abstract_id == abstract_id) break;
      abstract_id = num->second.abstract_id;
    }
    return abstract_id;
  }

  static LevelStyle ReadLevel(pugi::xml_node lvl, const std::string& w) {
    const auto val = [&](const char* child) {
      return std::string_view(
          lvl.child((w + child).c_str()).attribute((w + "val").c_str()).value());
    };
    LevelStyle style;
    style.defined = true;
    style.format = numbering::FromWordFormat(val("numFmt"));
    style.text = std::string(val("lvlText"));
    style.start = ParseNumber(val("start"), 1);
    pugi::xml_node legal = lvl.child((w + "isLgl").c_str());
    style.legal = legal && val("isLgl") != "0" && val("isLgl") != "false";
    if (lvl.child((w + "lvlRestart").c_str())) {
      style.restart_after = static_cast<int>(ParseNumber(val("lvlRestart"), -1));
      if (*style.restart_after < 0) style.restart_after.reset();
    }
    return style;
  }

  void LoadAbstract(pugi::xml_node node, const std::string& w) {
    const std::string id = node.attribute((w + "abstractNumId").c_str()).value();
    // A list style's use: its levels are those of the numbering the style names.
    const std::string link =
        node.child((w + "numStyleLink").c_str()).attribute((w + "val").c_str()).value();
    if (!link.empty()) style_links_[id] = link;
    LevelStyles& levels = abstracts_[id];
    // A named string: children() keeps a pointer to the name it is given.
    const std::string lvl_name = w + "lvl";
    for (pugi::xml_node lvl : node.children(lvl_name.c_str())) {
      const long long level = ParseNumber(lvl.attribute((w + "ilvl").c_str()).value(), -1);
      if (level >= 0 && level < kMaxLevels) levels[level] = ReadLevel(lvl, w);
    }
  }

  void LoadStyles(const pugi::xml_document& document) {
    const pugi::xml_node root = document.document_element();
    const std::string w = PrefixFor(root, WordNamespaces(), "w:");
    const std::string val = w + "val";
    // A named string: children() keeps a pointer to the name it is given.
    const std::string node_name = w + "style";
    for (pugi::xml_node node : root.children(node_name.c_str())) {
      Style style;
      style.based_on = node.child((w + "basedOn").c_str()).attribute(val.c_str()).value();
      pugi::xml_node num_pr = node.child((w + "pPr").c_str()).child((w + "numPr").c_str());
      style.num_id = num_pr.child((w + "numId").c_str()).attribute(val.c_str()).value();
      pugi::xml_node ilvl = num_pr.child((w + "ilvl").c_str());
      if (ilvl) style.level = static_cast<int>(ParseNumber(ilvl.attribute(val.c_str()).value(), 0));
      styles_[node.attribute((w + "styleId").c_str()).value()] = std::move(style);
    }
  }

  std::unordered_map<std::string, LevelStyles> abstracts_;
  std::unordered_map<std::string, std::string> style_links_;  // abstractNumId -> list style
  std::unordered_map<std::string, Num> nums_;
  std::unordered_map<std::string, Style> styles_;
  std::unordered_map<std::string, Counters> counters_;
};

// The text of WordprocessingML elements: paragraphs, runs, tables, fields, revisions, text
// boxes (taken once, after their paragraph) and the notes' text.
class DocxWalker {
 public:
  DocxWalker(LineWriter& writer, WordNumbering& numbering)
      : writer_(writer), numbering_(numbering) {}

  void SetPrefixes(std::string w, std::string mc) {
    w_ = std::move(w);
    mc_ = std::move(mc);
    tags_.clear();
    const std::pair<const char*, Tag> kTags[] = {
        {"p", Tag::kP},
        {"t", Tag::kText},
        {"tab", Tag::kTab},
        {"ptab", Tag::kTab},
        {"br", Tag::kBreak},
        {"cr", Tag::kBreak},
        {"sym", Tag::kSym},
        {"noBreakHyphen", Tag::kHyphen},
        {"softHyphen", Tag::kSkip},
        {"del", Tag::kSkip},
        {"moveFrom", Tag::kSkip},
        {"delText", Tag::kSkip},
        {"instrText", Tag::kSkip},
        {"delInstrText", Tag::kSkip},
        {"fldChar", Tag::kFieldChar},
        {"tbl", Tag::kTable},
        {"tr", Tag::kRow},
        {"tc", Tag::kCell},
        {"txbxContent", Tag::kTextBox},
        {"pPr", Tag::kSkip},
        {"rPr", Tag::kSkip},
        {"tblPr", Tag::kSkip},
        {"tblGrid", Tag::kSkip},
        {"trPr", Tag::kSkip},
        {"tcPr", Tag::kSkip},
        {"sectPr", Tag::kSkip},
        {"sdtPr", Tag::kSkip},
        {"sdtEndPr", Tag::kSkip},
        {"footnoteRef", Tag::kNoteRef},
        {"endnoteRef", Tag::kNoteRef},
        {"r", Tag::kRun},
        {"commentReference", Tag::kSkip},
        {"annotationRef", Tag::kSkip},
        {"separator", Tag::kSkip},
        {"continuationSeparator", Tag::kSkip},
    };
    for (const auto& [local, tag] : kTags) tags_[w_ + local] = tag;
    tags_[mc_ + "AlternateContent"] = Tag::kAlternate;
  }
  void SetNoteNumber(std::string number) { note_number_ = std::move(number); }

  // One body element and the text boxes it holds.
  void WalkElement(pugi::xml_node element) {
    Walk(element, *this);
    writer_.Flush();
    while (!text_boxes_.empty()) {
      std::vector<pugi::xml_node> boxes;
      boxes.swap(text_boxes_);
      for (pugi::xml_node box : boxes) {
        in_text_box_ = true;
        Walk(box, *this);
        in_text_box_ = false;
        writer_.Flush();
      }
    }
  }

  Action Enter(pugi::xml_node node) {
    if (node.type() != pugi::node_element) return Action::kSkip;
    const auto found = tags_.find(node.name());
    const Tag tag = found == tags_.end() ? Tag::kOther : found->second;
    switch (tag) {
      case Tag::kSkip:
        return Action::kSkip;
      case Tag::kP:
        // A deleted paragraph mark: the paragraph runs on into the next and takes no number.
        if (MarkDeleted(node)) {
          writer_.BeginParagraph({}, true);
        } else {
          writer_.BeginParagraph(ParagraphNumber(node));
        }
        return Action::kParagraph;
      case Tag::kRun:
        return Hidden(node) ? Action::kSkip : Action::kDescend;
      case Tag::kText:
        if (field_instruction_depth_ == 0) writer_.Append(node.child_value());
        return Action::kSkip;
      case Tag::kTab:
        Emit("\t");
        return Action::kSkip;
      case Tag::kBreak:
        Emit("\n");
        return Action::kSkip;
      case Tag::kHyphen:
        Emit("-");
        return Action::kSkip;
      case Tag::kSym:
        EmitSymbol(node.attribute((w_ + "char").c_str()).value(),
                   node.attribute((w_ + "font").c_str()).value());
        return Action::kSkip;
      case Tag::kNoteRef:
        Emit(note_number_);
        return Action::kSkip;
      case Tag::kFieldChar:
        OnFieldChar(node.attribute((w_ + "fldCharType").c_str()).value());
        return Action::kSkip;
      case Tag::kTable:
        writer_.BeginTable();
        return Action::kDescend;
      case Tag::kRow:
        writer_.BeginRow();
        return Action::kRow;
      case Tag::kCell:
        writer_.BeginCell();
        return Action::kCell;
      case Tag::kTextBox:
        // Inside a paragraph, a text box's own paragraphs come after it, not inside its line.
        if (writer_.InParagraph() && !in_text_box_) {
          text_boxes_.push_back(node);
          return Action::kSkip;
        }
        return Action::kDescend;
      case Tag::kAlternate:
      case Tag::kOther:
        return Action::kDescend;
    }
    return Action::kDescend;
  }

  // mc:AlternateContent: its first mc:Choice, else its mc:Fallback, never both (the same text).
  pugi::xml_node OnlyChild(pugi::xml_node node) const {
    if (mc_ + "AlternateContent" != node.name()) return {};
    pugi::xml_node choice = node.child((mc_ + "Choice").c_str());
    if (choice) return choice;
    pugi::xml_node fallback = node.child((mc_ + "Fallback").c_str());
    return fallback;
  }

  void Exit(pugi::xml_node, Action action) {
    if (action == Action::kParagraph) writer_.EndParagraph();
    if (action == Action::kRow) writer_.EndRow();
    if (action == Action::kCell) writer_.EndCell();
  }

 private:
  enum class Tag {
    kOther,
    kSkip,
    kP,
    kRun,
    kText,
    kTab,
    kBreak,
    kSym,
    kHyphen,
    kFieldChar,
    kTable,
    kRow,
    kCell,
    kTextBox,
    kNoteRef,
    kAlternate
  };

  void Emit(std::string_view text) {
    if (field_instruction_depth_ == 0) writer_.Append(text);
  }

  // Fields nest; between begin and separate lies the instruction, between separate and end the
  // result that Word shows.
  void OnFieldChar(std::string_view type) {
    if (type == "begin") {
      fields_.push_back(true);
      ++field_instruction_depth_;
    } else if (type == "separate" && !fields_.empty() && fields_.back()) {
      fields_.back() = false;
      --field_instruction_depth_;
    } else if (type == "end" && !fields_.empty()) {
      if (fields_.back()) --field_instruction_depth_;
      fields_.pop_back();
    }
  }

  void EmitSymbol(std::string_view hex, std::string_view font) {
    long code = std::strtol(std::string(hex.substr(0, 8)).c_str(), nullptr, 16);
    // Symbol-font characters are given in the private use area (F0xx): the common ones of the
    // Symbol and Wingdings fonts are mapped to their Unicode characters, the others dropped.
    if (code >= 0xF000 && code <= 0xF0FF) code = SymbolFontChar(font, code);
    if (code <= 0x20 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF) ||
        (code >= 0xE000 && code <= 0xF8FF)) {
      return;
    }
    std::string utf8;
    text::AppendUtf8(utf8, static_cast<char32_t>(code));
    Emit(utf8);
  }

  bool MarkDeleted(pugi::xml_node paragraph) const {
    return paragraph.child((w_ + "pPr").c_str())
        .child((w_ + "rPr").c_str())
        .child((w_ + "del").c_str());
  }

  bool Hidden(pugi::xml_node run) const {
    pugi::xml_node vanish = run.child((w_ + "rPr").c_str()).child((w_ + "vanish").c_str());
    if (!vanish) return false;
    const std::string_view val = vanish.attribute((w_ + "val").c_str()).value();
    return val != "0" && val != "false" && val != "off";
  }

  std::string ParagraphNumber(pugi::xml_node paragraph) {
    pugi::xml_node p_pr = paragraph.child((w_ + "pPr").c_str());
    if (!p_pr) return {};
    const std::string val = w_ + "val";
    pugi::xml_node num_pr = p_pr.child((w_ + "numPr").c_str());
    const std::string_view num_id =
        num_pr.child((w_ + "numId").c_str()).attribute(val.c_str()).value();
    pugi::xml_node ilvl = num_pr.child((w_ + "ilvl").c_str());
    std::optional<int> level;
    if (ilvl) level = static_cast<int>(ParseNumber(ilvl.attribute(val.c_str()).value(), 0));
    const std::string_view style =
        p_pr.child((w_ + "pStyle").c_str()).attribute(val.c_str()).value();
    if (num_id.empty() && style.empty()) return {};
    return numbering_.Number(num_id, level, style);
  }

  LineWriter& writer_;
  WordNumbering& numbering_;
  std::string w_ = "w:", mc_ = "mc:";
  std::unordered_map<std::string, Tag> tags_;
  std::vector<bool> fields_;
  int field_instruction_depth_ = 0;
  std::vector<pugi::xml_node> text_boxes_;
  bool in_text_box_ = false;
  std::string note_number_;
};

// Parses one element's markup, labelled for errors.
void ParseElement(pugi::xml_document& document, std::string_view markup, const std::string& label) {
  const pugi::xml_parse_result result =
      document.load_buffer(markup.data(), markup.size(), kParseOptions);
  if (!result) {
    throw DecodeError(label, 0, std::string("not well-formed XML: ") + result.description());
  }
}

// The main part: word/document.xml, else what the package's relationships or content types name.
std::string MainDocumentPart(ZipReader& package) {
  if (FindPart(package, "word/document.xml") != nullptr) return "word/document.xml";
  for (const auto& [type, target] : Relationships(package, "")) {
    if (type == "officeDocument" && FindPart(package, target) != nullptr) return target;
  }
  if (std::optional<pugi::xml_document> types = LoadPart(package, "[Content_Types].xml")) {
    for (pugi::xml_node node : types->document_element().children()) {
      const std::string_view content_type = node.attribute("ContentType").value();
      if (LocalName(node.name()) == "Override" &&
          content_type.find("wordprocessingml.document.main") != std::string_view::npos) {
        const std::string part = ResolvePart("", node.attribute("PartName").value());
        if (FindPart(package, part) != nullptr) return part;
      }
    }
  }
  throw DecodeError(package.name(), 0, "not a Word document: no word/document.xml in the package");
}

// The main part's related part of this type, else the usual name.
std::string RelatedPart(const std::multimap<std::string, std::string>& relations,
                        const std::string& type, std::string_view usual) {
  const auto found = relations.find(type);
  return found != relations.end() ? found->second : std::string(usual);
}

// The notes of footnotes.xml or endnotes.xml, one numbered paragraph after another.
void AppendNotes(ZipReader& package, const std::string& part, const std::string& element,
                 DocxWalker& walker, LineWriter& writer) {
  std::optional<pugi::xml_document> notes = LoadPart(package, part);
  if (!notes) return;
  const pugi::xml_node root = notes->document_element();
  const std::string w = PrefixFor(root, WordNamespaces(), "w:");
  walker.SetPrefixes(w, PrefixFor(root, CompatibilityNamespaces(), "mc:"));
  int number = 0;
  // A named string: children() keeps a pointer to the name it is given.
  const std::string note_name = w + element;
  for (pugi::xml_node note : root.children(note_name.c_str())) {
    const std::string_view type = note.attribute((w + "type").c_str()).value();
    if (!type.empty() && type != "normal") continue;  // separators and continuation notices
    walker.SetNoteNumber(std::to_string(++number));
    for (pugi::xml_node child : note.children()) walker.WalkElement(child);
  }
  writer.Flush();
}

void AddMetadata(Metadata& metadata, const char* key, std::string_view value) {
  std::string trimmed(value);
  trimmed.erase(0, trimmed.find_first_not_of(" \t\r\n"));
  trimmed.erase(trimmed.find_last_not_of(" \t\r\n") + 1);
  if (!trimmed.empty() && text::IsValidUtf8(trimmed)) metadata.emplace_back(key, trimmed);
}

// docProps/core.xml (DOCX) or meta.xml's office:meta (ODT): title, author, created date, ...
Metadata ReadProperties(ZipReader& package, std::string_view part) {
  Metadata metadata;
  std::optional<pugi::xml_document> document = LoadPart(package, part);
  if (!document) return metadata;
  pugi::xml_node properties = document->document_element();
  if (LocalName(properties.name()) == "document-meta") properties = properties.first_child();
  const std::pair<std::string_view, const char*> kKeys[] = {{"title", "title"},
                                                            {"creator", "author"},
                                                            {"initial-creator", "author"},
                                                            {"created", "created"},
                                                            {"creation-date", "created"},
                                                            {"subject", "topic"},
                                                            {"description", "description"},
                                                            {"keywords", "keywords"},
                                                            {"keyword", "keywords"}};
  for (const auto& [local, name] : kKeys) {
    const char* const key = name;  // a lambda cannot capture a structured binding (C++17)
    for (pugi::xml_node node : properties.children()) {
      if (LocalName(node.name()) != local) continue;
      const bool seen = std::any_of(metadata.begin(), metadata.end(),
                                    [&](const auto& entry) { return entry.first == key; });
      if (!seen) AddMetadata(metadata, key, node.child_value());
    }
  }
  return metadata;
}

// Streams a body part through the splitter; `element` gets each body element's parsed markup.
void StreamPart(
    ZipReader& package, const std::string& part, std::vector<std::string> containers,
    const std::function<void(std::string_view name, pugi::xml_node start)>& open,
    const std::function<void(std::string_view parent, pugi::xml_node element)>& element) {
  const ZipMember* member = FindPart(package, part);
  if (member == nullptr) throw DecodeError(package.name(), 0, "no " + part + " in the package");
  const std::string label = package.name() + "/" + part;
  bool first = true;
  XmlElementSplitter splitter(
      std::move(containers),
      [&](std::string_view name, std::string_view tag) {
        // The start tag alone, closed, to read its namespace declarations.
        std::string markup(tag);
        if (!markup.ends_with("/>")) markup.insert(markup.size() - 1, "/");
        pugi::xml_document document;
        ParseElement(document, markup, label);
        open(name, document.document_element());
      },
      [&](std::string_view parent, std::string_view markup) {
        pugi::xml_document document;
        ParseElement(document, markup, label);
        element(parent, document.document_element());
      });
  package.ReadPieces(*member, [&](std::string_view piece) {
    if (first && (piece.starts_with("\xFF\xFE") || piece.starts_with("\xFE\xFF"))) {
      throw DecodeError(label, 0, "UTF-16 XML is not supported in a package part");
    }
    first = false;
    splitter.Feed(piece);
  });
  splitter.Finish();
}

// --- ODT --------------------------------------------------------------------------------------

// The list styles of styles.xml and content.xml's automatic styles, by name.
using OdfListStyles = std::unordered_map<std::string, LevelStyles>;

void LoadOdfListStyles(pugi::xml_node container, OdfListStyles& styles) {
  for (pugi::xml_node list : container.children("text:list-style")) {
    LevelStyles& levels = styles[list.attribute("style:name").value()];
    for (pugi::xml_node level_node : list.children()) {
      const long long level = ParseNumber(level_node.attribute("text:level").value(), 0) - 1;
      if (level < 0 || level >= kMaxLevels) continue;
      LevelStyle style;
      style.defined = true;
      if (std::string_view(level_node.name()) == "text:list-level-style-number") {
        style.format = numbering::FromOdfFormat(level_node.attribute("style:num-format").value());
        style.start = ParseNumber(level_node.attribute("text:start-value").value(), 1);
        // LibreOffice's own pattern ("（%2%）"), else prefix, the shown levels, suffix.
        std::string pattern = level_node.attribute("loext:num-list-format").value();
        if (!pattern.empty()) {
          std::string plain;
          for (std::size_t i = 0; i < pattern.size(); ++i) {
            plain += pattern[i];
            if (pattern[i] == '%' && i + 2 < pattern.size() && pattern[i + 2] == '%') {
              plain += pattern[++i];
              ++i;
            }
          }
          style.text = plain;
        } else {
          const long long shown = std::clamp<long long>(
              ParseNumber(level_node.attribute("text:display-levels").value(), 1), 1, level + 1);
          style.text = level_node.attribute("style:num-prefix").value();
          for (long long l = level + 1 - shown; l <= level; ++l) {
            style.text +=
                (l > level + 1 - shown ? "." : "") + std::string("%") + static_cast<char>('1' + l);
          }
          style.text += level_node.attribute("style:num-suffix").value();
        }
      } else if (std::string_view(level_node.name()) == "text:list-level-style-bullet") {
        style.format = Format::kBullet;
        style.text = level_node.attribute("text:bullet-char").value();
      } else {
        style.format = Format::kNone;
      }
      levels[level] = style;
    }
  }
}

// The text of OpenDocument text elements: paragraphs and headings, lists with their numbers,
// tables, spaces and tabs; annotations and tracked deletions left out; notes at the end.
class OdtWalker {
 public:
  OdtWalker(LineWriter& writer, const OdfListStyles& styles) : writer_(writer), styles_(styles) {}

  void WalkElement(pugi::xml_node element) {
    Walk(element, *this);
    FinishDeferred();
  }
  // The text boxes and notes met in the element just walked.
  void FinishDeferred() {
    writer_.Flush();
    while (!deferred_.empty()) {
      std::vector<pugi::xml_node> boxes;
      boxes.swap(deferred_);
      for (pugi::xml_node box : boxes) {
        if (std::string_view(box.name()) == "text:note") {
          WalkNote(box);
          continue;
        }
        in_frame_ = true;
        Walk(box, *this);
        in_frame_ = false;
        writer_.Flush();
      }
    }
  }
  void SetNotesOut(std::string& notes) { notes_ = &notes; }

  Action Enter(pugi::xml_node node) {
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      if (writer_.InParagraph()) AppendCollapsed(node.value());
      return Action::kSkip;
    }
    if (node.type() != pugi::node_element) return Action::kSkip;
    const std::string_view name = node.name();
    if (name == "text:p" || name == "text:h") {
      writer_.BeginParagraph(ListNumber(node));
      return Action::kParagraph;
    }
    if (Skipped(name)) return Action::kSkip;
    if (name == "text:s") {
      const long long count =
          std::clamp<long long>(ParseNumber(node.attribute("text:c").value(), 1), 1, 1000);
      writer_.Append(std::string(static_cast<std::size_t>(count), ' '));
      return Action::kSkip;
    }
    if (name == "text:tab") {
      writer_.Append("\t");
      return Action::kSkip;
    }
    if (name == "text:line-break") {
      writer_.Append("\n");
      return Action::kSkip;
    }
    if (name == "text:list") {
      EnterList(node);
      return Action::kSpan;
    }
    if (name == "text:list-item" || name == "text:list-header") {
      items_.push_back({name == "text:list-item", false,
                        node.attribute("text:start-value").empty()
                            ? std::nullopt
                            : std::optional<long long>(
                                  ParseNumber(node.attribute("text:start-value").value(), 1))});
      return Action::kDescend;
    }
    if (name == "table:table") return Action::kDescend;
    if (name == "table:table-row") {
      writer_.BeginRow();
      return Action::kRow;
    }
    if (name == "table:table-cell") {
      writer_.BeginCell();
      return Action::kCell;
    }
    if (name == "text:note") {
      deferred_.push_back(node);
      return Action::kSkip;
    }
    if (name == "draw:frame" || name == "draw:custom-shape" || name == "draw:text-box" ||
        name == "draw:rect" || name == "draw:ellipse") {
      if (writer_.InParagraph() && !in_frame_) {
        deferred_.push_back(node);
        return Action::kSkip;
      }
      return Action::kDescend;
    }
    // Spans, links, sections, fields (a date, a page number: their text is what they show).
    return Action::kDescend;
  }

  pugi::xml_node OnlyChild(pugi::xml_node) const { return {}; }

  void Exit(pugi::xml_node node, Action action) {
    if (action == Action::kParagraph) writer_.EndParagraph();
    if (action == Action::kRow) writer_.EndRow();
    if (action == Action::kCell) writer_.EndCell();
    if (action == Action::kSpan) lists_.pop_back();
    const std::string_view name = node.name();
    if ((name == "text:list-item" || name == "text:list-header") && !items_.empty())
      items_.pop_back();
  }

 private:
  struct List {
    std::string style;
    std::size_t counters;  // index into counters_
  };
  struct Item {
    bool numbered;
    bool numbered_paragraph_seen;
    std::optional<long long> restart;
  };

  // Annotations, tracked changes (the deleted text), declarations, covered cells, forms, ruby
  // annotations, indexes' templates, drawings' other parts: no body text.
  static bool Skipped(std::string_view name) {
    static constexpr std::string_view kSkipped[] = {"office:annotation",
                                                    "office:annotation-end",
                                                    "office:forms",
                                                    "text:tracked-changes",
                                                    "text:sequence-decls",
                                                    "text:variable-decls",
                                                    "text:user-field-decls",
                                                    "text:dde-connection-decls",
                                                    "text:ruby-text",
                                                    "table:table-column",
                                                    "table:table-columns",
                                                    "table:table-header-columns",
                                                    "table:covered-table-cell",
                                                    "text:table-of-content-source",
                                                    "text:illustration-index-source",
                                                    "text:alphabetical-index-source",
                                                    "text:user-index-source",
                                                    "text:bibliography-source",
                                                    "text:object-index-source",
                                                    "text:table-index-source",
                                                    "draw:enhanced-geometry",
                                                    "svg:desc",
                                                    "svg:title",
                                                    "draw:image",
                                                    "text:bookmark",
                                                    "text:bookmark-start",
                                                    "text:bookmark-end",
                                                    "office:event-listeners",
                                                    "text:soft-page-break"};
    return std::find(std::begin(kSkipped), std::end(kSkipped), name) != std::end(kSkipped);
  }

  void EnterList(pugi::xml_node list) {
    if (!lists_.empty()) {
      lists_.push_back(lists_.back());
      return;
    }
    List top;
    top.style = list.attribute("text:style-name").value();
    const std::string_view continues = list.attribute("text:continue-list").value();
    const auto by_id = ids_.find(std::string(continues));
    const auto by_style = last_by_style_.find(top.style);
    if (!continues.empty() && by_id != ids_.end()) {
      top.counters = by_id->second;
    } else if (std::string_view(list.attribute("text:continue-numbering").value()) == "true" &&
               by_style != last_by_style_.end()) {
      top.counters = by_style->second;
    } else {
      top.counters = counters_.size();
      counters_.emplace_back();
    }
    const std::string_view id = list.attribute("xml:id").value();
    if (!id.empty()) ids_[std::string(id)] = top.counters;
    last_by_style_[top.style] = top.counters;
    lists_.push_back(top);
  }

  // The number of a list item's first paragraph (none for its later ones, for list headers,
  // and when the paragraph carries the number LibreOffice wrote, text:number).
  std::string ListNumber(pugi::xml_node paragraph) {
    if (lists_.empty() || items_.empty()) return {};
    Item& item = items_.back();
    if (!item.numbered || item.numbered_paragraph_seen) return {};
    item.numbered_paragraph_seen = true;
    const int level = static_cast<int>(std::min<std::size_t>(lists_.size(), kMaxLevels)) - 1;
    const auto style = styles_.find(lists_.back().style);
    if (style == styles_.end() || !style->second[level].defined) return {};
    Counters& counters = counters_[lists_.back().counters];
    std::string number = NextNumber(style->second, counters, level, item.restart);
    if (paragraph.child("text:number")) return {};
    return number;
  }

  // ODF white space: runs of spaces, tabs and newlines in the markup are one space.
  void AppendCollapsed(std::string_view raw) {
    std::string out;
    bool space = !writer_.CurrentText().empty() && writer_.CurrentText().back() == ' ';
    if (writer_.CurrentText().empty()) space = true;  // no leading space in a paragraph
    for (char c : raw) {
      const bool white = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (white) {
        if (!space) out += ' ';
        space = true;
      } else {
        out += c;
        space = false;
      }
    }
    writer_.Append(out);
  }

  // A note's paragraphs, the first after its citation ("1 ..."), into the notes' lines.
  void WalkNote(pugi::xml_node note) {
    const std::string citation = note.child("text:note-citation").child_value();
    LineWriter note_writer(*notes_);
    OdtWalker inner(note_writer, styles_);
    inner.SetNotesOut(*notes_);
    bool first = true;
    for (pugi::xml_node child : note.child("text:note-body").children()) {
      if (first && !citation.empty() && std::string_view(child.name()) == "text:p") {
        note_writer.BeginParagraph(citation);
        for (pugi::xml_node part : child.children()) gongwen::Walk(part, inner);
        std::string& text = note_writer.MutableText();
        if (text.size() > citation.size() && text[citation.size()] != ' ')
          text.insert(citation.size(), " ");
        inner.FinishDeferred();
      } else {
        inner.WalkElement(child);
      }
      first = false;
    }
  }

  LineWriter& writer_;
  const OdfListStyles& styles_;
  std::string* notes_ = nullptr;
  std::vector<pugi::xml_node> deferred_;
  bool in_frame_ = false;
  std::vector<List> lists_;
  std::vector<Item> items_;
  std::vector<Counters> counters_;
  std::unordered_map<std::string, std::size_t> ids_;
  std::unordered_map<std::string, std::size_t> last_by_style_;
};

}  // namespace

DecodedText ExtractDocx(ZipReader& package) {
  const std::string main_part = MainDocumentPart(package);
  const auto relations = Relationships(package, main_part);
  const std::string directory(DirectoryOf(main_part));
  WordNumbering numbering;
  {
    std::optional<pugi::xml_document> numbers =
        LoadPart(package, RelatedPart(relations, "numbering", directory + "numbering.xml"));
    std::optional<pugi::xml_document> styles =
        LoadPart(package, RelatedPart(relations, "styles", directory + "styles.xml"));
    if (numbers) numbering.Load(*numbers, styles ? &*styles : nullptr);
  }
  DecodedText result;
  result.encoding = "DOCX";
  result.format = "docx";
  LineWriter writer(result.text);
  DocxWalker walker(writer, numbering);
  StreamPart(
      package, main_part, {"document", "body"},
      [&](std::string_view name, pugi::xml_node start) {
        if (LocalName(name) == "document") {
          walker.SetPrefixes(PrefixFor(start, WordNamespaces(), "w:"),
                             PrefixFor(start, CompatibilityNamespaces(), "mc:"));
        }
      },
      [&](std::string_view parent, pugi::xml_node element) {
        if (LocalName(parent) == "body") walker.WalkElement(element);
      });
  writer.DeliverCarried();
  AppendNotes(package, RelatedPart(relations, "footnotes", directory + "footnotes.xml"), "footnote",
              walker, writer);
  AppendNotes(package, RelatedPart(relations, "endnotes", directory + "endnotes.xml"), "endnote",
              walker, writer);
  result.metadata = ReadProperties(package, "docProps/core.xml");
  if (!text::IsValidUtf8(result.text)) {
    throw DecodeError(package.name() + "/" + main_part, 0, "text that is not valid UTF-8");
  }
  return result;
}

DecodedText ExtractOdt(ZipReader& package) {
  if (FindPart(package, "content.xml") == nullptr) {
    throw DecodeError(package.name(), 0, "not an OpenDocument text: no content.xml in the package");
  }
  OdfListStyles styles;
  if (std::optional<pugi::xml_document> shared = LoadPart(package, "styles.xml")) {
    LoadOdfListStyles(shared->document_element().child("office:styles"), styles);
  }
  DecodedText result;
  result.encoding = "ODT";
  result.format = "odt";
  std::string notes;
  LineWriter writer(result.text);
  OdtWalker walker(writer, styles);
  walker.SetNotesOut(notes);
  StreamPart(
      package, "content.xml", {"document-content", "body", "text"},
      [](std::string_view, pugi::xml_node) {},
      [&](std::string_view parent, pugi::xml_node element) {
        if (LocalName(parent) == "document-content" &&
            std::string_view(element.name()) == "office:automatic-styles") {
          LoadOdfListStyles(element, styles);
        } else if (LocalName(parent) == "text") {
          walker.WalkElement(element);
        }
      });
  result.text += notes;
  result.metadata = ReadProperties(package, "meta.xml");
  if (!text::IsValidUtf8(result.text)) {
    throw DecodeError(package.name() + "/content.xml", 0, "text that is not valid UTF-8");
  }
  return result;
}

}  // namespace gongwen
