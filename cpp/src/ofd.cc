// OFD (GB/T 33190-2016) text extraction: the package's XML read with pugixml, each page's text
// objects placed on the page and laid out again as printed lines, the way poppler's physical
// layout gives a PDF's text (pdf.cc), so that the same cleaner re-joins the hard wraps.
//
// The path through the package: OFD.xml -> DocBody/DocRoot (Document.xml) -> CommonData
// (TemplatePage) and Pages/Page@BaseLoc -> each page's Content.xml -> Layer / PageBlock ->
// TextObject -> TextCode. Every DocBody is read (a package rarely holds more than one document;
// when it does, the pages of all follow each other). Signatures, annotations, attachments,
// custom tags and actions are left out: they are not the document's printed text.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "formats.h"
#include "gongwen/error.h"
#include "text.h"

namespace gongwen {
namespace {

// Limits that hold against hostile packages.
constexpr int kMaxDepth = 64;                      // nesting of Layer / PageBlock elements
constexpr std::size_t kMaxPages = 50000;           // pages in all documents
constexpr std::size_t kMaxDocuments = 16;          // DocBody entries read
constexpr std::size_t kMaxTemplatesPerPage = 8;    // Template references of one page
constexpr std::size_t kMaxTextBytes = 512u << 20;  // extracted text, all pages
constexpr double kMaxCoordinate = 1e7;             // mm; beyond this a position is garbage
constexpr int kMaxGapSpaces = 100;                 // spaces standing for one horizontal gap
constexpr int kMaxIndentSpaces = 200;

// ------------------------------------------------------------------------------------------
// XML helpers. OFD producers use the prefix "ofd:" with two different namespace URIs (the 2016
// standard's and an older draft's), and some write no prefix: elements are matched by their
// local name alone.

const char* LocalName(const pugi::xml_node& node) {
  const char* name = node.name();
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}

bool Is(const pugi::xml_node& node, const char* local) {
  return node.type() == pugi::node_element && std::strcmp(LocalName(node), local) == 0;
}

pugi::xml_node Child(const pugi::xml_node& node, const char* local) {
  for (pugi::xml_node child : node.children()) {
    if (Is(child, local)) return child;
  }
  return {};
}

// The attribute with this local name (producers rarely prefix attributes, but some do).
const char* Attr(const pugi::xml_node& node, const char* local) {
  for (pugi::xml_attribute attr : node.attributes()) {
    const char* name = attr.name();
    const char* colon = std::strrchr(name, ':');
    if (std::strcmp(colon ? colon + 1 : name, local) == 0) return attr.value();
  }
  return "";
}

std::string_view TrimAscii(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// Reads numbers separated by white space (or commas) from an attribute, locale-independently.
class NumberReader {
 public:
  explicit NumberReader(std::string_view s) : s_(s) {}
  // The next token: a number, or nullopt at the end. A token that is not a number is skipped
  // (its text is left in `word` when the caller asks).
  std::optional<double> Next(std::string_view* word = nullptr) {
    while (true) {
      while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == ',' || s_[pos_] == '\t' ||
                                  s_[pos_] == '\n' || s_[pos_] == '\r')) {
        ++pos_;
      }
      if (pos_ >= s_.size()) return std::nullopt;
      std::size_t end = pos_;
      while (end < s_.size() && s_[end] != ' ' && s_[end] != ',' && s_[end] != '\t' &&
             s_[end] != '\n' && s_[end] != '\r') {
        ++end;
      }
      const std::string_view token = s_.substr(pos_, end - pos_);
      pos_ = end;
      double value = 0;
      const char* first = token.data();
      if (!token.empty() && token.front() == '+') ++first;
      const auto [ptr, ec] = std::from_chars(first, token.data() + token.size(), value);
      if (ec == std::errc() && ptr == token.data() + token.size()) return value;
      if (word) {
        *word = token;
        return std::nullopt;
      }
    }
  }
  bool AtEnd() const { return pos_ >= s_.size(); }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

// Up to `n` numbers of an attribute; missing ones stay at their defaults.
template <std::size_t N>
void ReadNumbers(const char* attr, double (&out)[N]) {
  NumberReader reader(attr);
  for (std::size_t i = 0; i < N; ++i) {
    std::string_view word;
    const std::optional<double> v = reader.Next(&word);
    if (!v) return;
    out[i] = *v;
  }
}

// DeltaX / DeltaY: one offset per glyph after the first, where "g n d" stands for n times d.
// Read lazily, so that "g 4000000000 1" costs nothing beyond the glyphs that exist.
class DeltaReader {
 public:
  explicit DeltaReader(std::string_view s) : numbers_(s) {}
  std::optional<double> Next() {
    if (repeat_ > 0) {
      --repeat_;
      return repeat_value_;
    }
    while (true) {
      std::string_view word;
      const std::optional<double> v = numbers_.Next(&word);
      if (v) return v;
      if (word != "g") return std::nullopt;  // the end, or garbage: no more deltas
      const std::optional<double> count = numbers_.Next();
      const std::optional<double> value = numbers_.Next();
      if (!count || !value || !(*count >= 1)) return std::nullopt;
      repeat_ = *count >= 4e18 ? 4000000000000000000ull : static_cast<unsigned long long>(*count);
      repeat_value_ = *value;
      if (repeat_ > 0) {
        --repeat_;
        return repeat_value_;
      }
    }
  }

 private:
  NumberReader numbers_;
  unsigned long long repeat_ = 0;
  double repeat_value_ = 0;
};

// ------------------------------------------------------------------------------------------
// Resolving paths inside the package.

// Members by their normalised, lower-cased name: producers write paths with backslashes,
// leading slashes and the wrong case ("TPLS/TPL_0" for "Tpls/Tpl_0").
class PackagePaths {
 public:
  explicit PackagePaths(const ZipReader& zip) {
    for (const ZipMember& member : zip.members()) {
      if (member.directory || member.unsafe_name || member.encrypted) continue;
      std::optional<std::string> key = Normalize(member.name);
      if (key) by_key_.emplace(text::LowerAscii(*key), &member);
    }
  }

  // The member that `ref` names, relative to the folder `base` (a normalised path ending in '/'
  // or empty for the root), else relative to the root. Nothing outside the package: ".." that
  // climbs above the root resolves to nothing.
  const ZipMember* Resolve(std::string_view base, std::string_view ref) const {
    std::string path(TrimAscii(ref));
    std::replace(path.begin(), path.end(), '\\', '/');
    if (path.empty()) return nullptr;
    const bool absolute = path.front() == '/';
    if (!absolute) {
      if (const ZipMember* m = Lookup(std::string(base) + path)) return m;
    }
    if (const ZipMember* m = Lookup(path)) return m;
    return nullptr;
  }

  // The folder of a member's name, with its trailing '/'.
  static std::string FolderOf(const ZipMember& member) {
    std::string name = Normalize(member.name).value_or("");
    const std::size_t slash = name.rfind('/');
    return slash == std::string::npos ? std::string() : name.substr(0, slash + 1);
  }

 private:
  const ZipMember* Lookup(const std::string& path) const {
    const std::optional<std::string> key = Normalize(path);
    if (!key || key->empty()) return nullptr;
    const auto it = by_key_.find(text::LowerAscii(*key));
    return it == by_key_.end() ? nullptr : it->second;
  }

  // Slashes for backslashes, no leading '/', "." and ".." folded; nullopt when ".." climbs out.
  static std::optional<std::string> Normalize(std::string_view raw) {
    std::vector<std::string_view> parts;
    std::string path(raw);
    std::replace(path.begin(), path.end(), '\\', '/');
    std::string_view rest = path;
    while (!rest.empty()) {
      const std::size_t slash = rest.find('/');
      const std::string_view part = rest.substr(0, slash);
      rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
      if (part.empty() || part == ".") continue;
      if (part == "..") {
        if (parts.empty()) return std::nullopt;
        parts.pop_back();
        continue;
      }
      parts.push_back(part);
    }
    std::string out;
    for (const std::string_view part : parts) {
      if (!out.empty()) out += '/';
      out += part;
    }
    return out;
  }

  std::unordered_map<std::string, const ZipMember*> by_key_;
};

// One parsed XML member; the buffer is parsed in place and lives as long as the tree.
struct XmlFile {
  std::string bytes;
  pugi::xml_document doc;
};

// Parses a member. pugixml reads no DTD (parse_doctype is off: a DOCTYPE is skipped) and expands
// only the five predefined and numeric character references, so no entity can blow up.
void ParseXml(ZipReader& zip, const ZipMember& member, XmlFile* file) {
  file->bytes = zip.Read(member);
  const pugi::xml_parse_result result = file->doc.load_buffer_inplace(
      file->bytes.data(), file->bytes.size(), pugi::parse_default, pugi::encoding_auto);
  if (!result) {
    throw DecodeError(zip.name() + "/" + member.name, static_cast<std::uint64_t>(result.offset),
                      std::string("damaged OFD: XML error in ") + member.name + " (" +
                          result.description() + ")");
  }
}

// ------------------------------------------------------------------------------------------
// Text on the page.

// A piece of text set on one baseline without a gap: the unit the layout arranges. Coordinates
// in millimetres from the page's top left corner, y growing downwards.
struct Run {
  double x0 = 0, x1 = 0;  // left and right edge
  double y = 0;           // baseline
  double size = 0;        // font size (em) on the page, for tolerances
  std::string text;       // UTF-8, no leading or trailing spaces
};

// What a page's objects hold.
// The fonts of a document that draw symbols, not text (Symbol, Wingdings): ID -> FontName.
using SymbolFonts = std::unordered_map<std::string, std::string>;

struct PageContent {
  std::vector<Run> runs;
  std::size_t drawn = 0;  // path and image objects (text drawn as outlines, scans)
  const SymbolFonts* symbol_fonts = nullptr;  // of the document
};

// A code of a TextCode as the character it shows: in a symbol font, the font's glyph (a code
// F0B3 or B3 in Symbol is ≥), which writers give as its byte, not as Unicode.
char32_t ShownChar(char32_t c, const std::string* symbol_font) {
  if (symbol_font == nullptr || !(c <= 0xFF || (c >= 0xF000 && c <= 0xF0FF))) return c;
  const char32_t shown = SymbolFontChar(*symbol_font, static_cast<long>(c));
  return shown != 0 ? shown : c;
}

// A glyph's advance when the file gives none: a full em for CJK, half for the rest.
double EstimatedAdvance(char32_t c, double size) { return text::IsWide(c) ? size : size * 0.5; }

// The 2x3 matrix [a b c d e f] of OFD: x' = a x + c y + e, y' = b x + d y + f.
struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  double X(double x, double y) const { return a * x + c * y + e; }
  double Y(double x, double y) const { return b * x + d * y + f; }
  // Text set upright, only scaled (the common case: points to millimetres, condensed type).
  bool Upright() const {
    return a > 0 && d > 0 && std::fabs(b) <= 0.05 * a && std::fabs(c) <= 0.05 * d;
  }
};

bool Finite(double v) { return std::isfinite(v) && std::fabs(v) <= kMaxCoordinate; }

// Code points of a TextCode's text, without the line breaks and tabs of pretty-printed XML
// (they are not glyphs: "\n    Text" is indented markup, not text).
std::u32string GlyphText(const char* raw) {
  std::string_view s(raw);
  const std::size_t nl_front = s.find_first_not_of(" \t\r\n");
  if (nl_front != std::string_view::npos && s.substr(0, nl_front).find('\n') != s.npos) {
    s.remove_prefix(nl_front);
  }
  const std::size_t last = s.find_last_not_of(" \t\r\n");
  if (last != std::string_view::npos && s.substr(last + 1).find('\n') != s.npos) {
    s = s.substr(0, last + 1);
  }
  std::u32string out = text::Decode(s);
  out.erase(std::remove_if(out.begin(), out.end(),
                           [](char32_t c) { return c == U'\n' || c == U'\r' || c == U'\t'; }),
            out.end());
  return out;
}

// A CGTransform: codes [pos, pos + codes) of the object's text drawn as `glyphs` glyphs. The
// glyph positions (DeltaX) then count glyphs, not codes.
struct Cluster {
  long long pos = 0, codes = 1, glyphs = 1;
};

// Builds runs from the text of a TextCode, one glyph position after another.
class RunBuilder {
 public:
  RunBuilder(const Matrix& m, double size, std::vector<Run>* out) : m_(m), size_(size), out_(out) {
    h_scale_ = std::hypot(m.a, m.b);
    v_scale_ = std::hypot(m.c, m.d);
  }

  // Adds glyph `c` at object-space (x, y). Upright text splits into runs at gaps and line
  // changes; other text (rotated stamps, watermarks) stays one run at its first glyph.
  void Add(char32_t c, double x, double y) {
    const bool space = text::IsSpace(c);
    if (open_ && m_.Upright() && !single_ && !space) {
      const double gap = x - (last_x_ + EstimatedAdvance(last_c_, size_));
      const double threshold = (text::IsWide(last_c_) ? 0.35 : 0.45) * size_;
      if (std::fabs(y - y_) > 0.3 * size_ || gap > threshold || x < last_x_ - 0.3 * size_) Flush();
    }
    if (!open_) {
      if (space) return;  // runs start at their first visible glyph
      open_ = true;
      x0_ = x;
      y_ = y;
      pending_spaces_ = 0;
    }
    if (space) {
      ++pending_spaces_;  // kept only between glyphs
      return;
    }
    text_.append(pending_spaces_, ' ');
    pending_spaces_ = 0;
    text::AppendUtf8(text_, c);
    last_x_ = x;
    last_c_ = c;
  }

  // Keeps the glyphs that follow in one run (a column of vertical writing), or not.
  void SetSingle(bool single) { single_ = single; }

  void Flush() {
    if (!open_) return;
    open_ = false;
    Run run;
    const double end = last_x_ + EstimatedAdvance(last_c_, size_);
    if (m_.Upright() && !single_) {
      run.x0 = m_.X(x0_, y_);
      run.x1 = m_.X(end, y_);
      run.y = m_.Y(x0_, y_);
    } else {
      run.x0 = m_.X(x0_, y_);
      run.y = m_.Y(x0_, y_);
      run.x1 = run.x0 + (end - x0_) * h_scale_;
    }
    run.size = size_ * (v_scale_ > 0 ? v_scale_ : 1);
    run.text = std::move(text_);
    text_.clear();
    if (Finite(run.x0) && Finite(run.x1) && Finite(run.y) && run.size > 0 && Finite(run.size)) {
      out_->push_back(std::move(run));
    }
  }

 private:
  Matrix m_;
  double size_;
  double h_scale_ = 1, v_scale_ = 1;
  std::vector<Run>* out_;
  bool open_ = false;
  bool single_ = false;
  double x0_ = 0, y_ = 0, last_x_ = 0;
  char32_t last_c_ = 0;
  std::size_t pending_spaces_ = 0;
  std::string text_;
};

std::vector<Cluster> ClustersOf(const pugi::xml_node& object) {
  std::vector<Cluster> clusters;
  for (pugi::xml_node child : object.children()) {
    if (!Is(child, "CGTransform")) continue;
    double v[1] = {0};
    Cluster cl;
    ReadNumbers(Attr(child, "CodePosition"), v);
    cl.pos = static_cast<long long>(std::clamp(v[0], 0.0, 1e12));
    v[0] = 1;
    ReadNumbers(Attr(child, "CodeCount"), v);
    cl.codes = static_cast<long long>(std::clamp(v[0], 1.0, 1e12));
    v[0] = 1;
    ReadNumbers(Attr(child, "GlyphCount"), v);
    cl.glyphs = static_cast<long long>(std::clamp(v[0], 1.0, 1e6));
    if (cl.codes > 1 || cl.glyphs > 1) clusters.push_back(cl);
  }
  std::sort(clusters.begin(), clusters.end(),
            [](const Cluster& l, const Cluster& r) { return l.pos < r.pos; });
  return clusters;
}

struct Glyph {
  char32_t c;
  double x, y;  // object space
};

// Whether a TextCode is set top to bottom (a column of vertical writing, a sideways serial
// number): its glyphs go down by about a glyph each and hardly across. Such a column is one run,
// not one line per glyph.
bool IsVertical(const std::vector<Glyph>& glyphs, double size) {
  if (glyphs.size() < 3) return false;
  const double steps = static_cast<double>(glyphs.size() - 1);
  const double down = (glyphs.back().y - glyphs.front().y) / steps;
  const double across = std::fabs(glyphs.back().x - glyphs.front().x) / steps;
  return down > 0.5 * size && across < 0.3 * size;
}

// The runs of one TextObject.
void ReadTextObject(const pugi::xml_node& object, PageContent* page) {
  double boundary[4] = {0, 0, 0, 0};
  ReadNumbers(Attr(object, "Boundary"), boundary);
  double ctm[6] = {1, 0, 0, 1, 0, 0};
  ReadNumbers(Attr(object, "CTM"), ctm);
  double size[1] = {0};
  ReadNumbers(Attr(object, "Size"), size);
  if (!(size[0] > 0) || !Finite(size[0])) return;
  for (const double v : ctm) {
    if (!Finite(v)) return;
  }
  if (!Finite(boundary[0]) || !Finite(boundary[1])) return;
  // The object's space: CTM first, then the Boundary's origin on the page.
  Matrix m{ctm[0], ctm[1], ctm[2], ctm[3], ctm[4] + boundary[0], ctm[5] + boundary[1]};
  const std::vector<Cluster> clusters = ClustersOf(object);
  RunBuilder builder(m, size[0], &page->runs);
  const std::string* symbol_font = nullptr;
  if (page->symbol_fonts != nullptr) {
    const auto found = page->symbol_fonts->find(Attr(object, "Font"));
    if (found != page->symbol_fonts->end()) symbol_font = &found->second;
  }

  std::vector<Glyph> positions;
  double pen_x = 0, pen_y = 0;
  long long code_index = 0;  // over all TextCodes of the object, as CGTransform counts
  std::size_t next_cluster = 0;
  for (pugi::xml_node code : object.children()) {
    if (!Is(code, "TextCode")) continue;
    double xy[1];
    xy[0] = pen_x;
    ReadNumbers(Attr(code, "X"), xy);
    pen_x = xy[0];
    xy[0] = pen_y;
    ReadNumbers(Attr(code, "Y"), xy);
    pen_y = xy[0];
    if (!Finite(pen_x) || !Finite(pen_y)) return;
    builder.Flush();  // each TextCode starts where it says, not where the last one ended
    DeltaReader dx(Attr(code, "DeltaX"));
    DeltaReader dy(Attr(code, "DeltaY"));
    const std::u32string glyphs = GlyphText(code.text().get());
    positions.clear();
    for (std::size_t i = 0; i < glyphs.size(); ++i, ++code_index) {
      const char32_t c = glyphs[i];
      positions.push_back({c, pen_x, pen_y});
      // How many glyph positions this code moves the pen: a cluster's codes share its first
      // position, and its last code moves the pen past all the cluster's glyphs.
      long long slots = 1;
      while (next_cluster < clusters.size() &&
             clusters[next_cluster].pos + clusters[next_cluster].codes <= code_index) {
        ++next_cluster;
      }
      if (next_cluster < clusters.size() && clusters[next_cluster].pos <= code_index) {
        const Cluster& cl = clusters[next_cluster];
        const bool last_code = code_index == cl.pos + cl.codes - 1;
        slots = last_code ? cl.glyphs : 0;
      }
      if (i + 1 == glyphs.size()) slots = std::min<long long>(slots, 1);
      for (long long s = 0; s < slots; ++s) {
        const std::optional<double> ax = dx.Next();
        pen_x += ax && Finite(*ax) ? *ax : EstimatedAdvance(c, size[0]);
        const std::optional<double> ay = dy.Next();
        if (ay && Finite(*ay)) pen_y += *ay;
      }
      if (!Finite(pen_x) || !Finite(pen_y)) break;
    }
    builder.SetSingle(IsVertical(positions, size[0]));
    for (const Glyph& g : positions) builder.Add(ShownChar(g.c, symbol_font), g.x, g.y);
  }
  builder.Flush();
}

// Walks a page's (or template's) Content: Layers, PageBlocks and the objects in them, without
// recursion; deeper nesting than kMaxDepth is ignored.
void ReadContent(const pugi::xml_node& page_root, PageContent* page) {
  const pugi::xml_node content = Child(page_root, "Content");
  if (!content) return;
  std::vector<std::pair<pugi::xml_node, int>> stack;
  stack.emplace_back(content, 0);
  while (!stack.empty()) {
    const auto [node, depth] = stack.back();
    stack.pop_back();
    for (pugi::xml_node child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      const char* name = LocalName(child);
      if (std::strcmp(name, "TextObject") == 0) {
        ReadTextObject(child, page);
      } else if (std::strcmp(name, "PathObject") == 0 || std::strcmp(name, "ImageObject") == 0 ||
                 std::strcmp(name, "CompositeObject") == 0) {
        ++page->drawn;
      } else if ((std::strcmp(name, "Layer") == 0 || std::strcmp(name, "PageBlock") == 0) &&
                 depth < kMaxDepth) {
        stack.emplace_back(child, depth + 1);
      }
    }
  }
}

// ------------------------------------------------------------------------------------------
// Layout: runs -> printed lines, as poppler's physical layout gives a PDF page.

struct Line {
  std::vector<const Run*> runs;
  double y = 0;     // baseline of its first run
  double size = 0;  // largest font size in it
};

std::vector<Line> GroupLines(const std::vector<Run>& runs) {
  std::vector<const Run*> order;
  order.reserve(runs.size());
  for (const Run& run : runs) order.push_back(&run);
  std::stable_sort(order.begin(), order.end(), [](const Run* l, const Run* r) {
    return l->y < r->y || (l->y == r->y && l->x0 < r->x0);
  });
  std::vector<Line> lines;
  for (const Run* run : order) {
    // Same line when the baselines are within 40% of the smaller font size of each other; the
    // line keeps its first baseline, so a slope of small offsets does not chain lines together.
    if (!lines.empty()) {
      Line& line = lines.back();
      const double tolerance = 0.4 * std::min(run->size, line.size);
      if (run->y - line.y <= tolerance) {
        line.runs.push_back(run);
        line.size = std::max(line.size, run->size);
        continue;
      }
    }
    lines.push_back(Line{{run}, run->y, run->size});
  }
  for (Line& line : lines) {
    std::stable_sort(line.runs.begin(), line.runs.end(),
                     [](const Run* l, const Run* r) { return l->x0 < r->x0; });
  }
  return lines;
}

// The usual distance between baselines on the page: the median of the steps that look like line
// spacing (between 0.9 and 3 font sizes), or 0 when there are none.
double TypicalPitch(const std::vector<Line>& lines) {
  std::vector<double> steps;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const double step = lines[i].y - lines[i - 1].y;
    const double size = std::max(lines[i].size, lines[i - 1].size);
    if (step >= 0.9 * size && step <= 3 * size) steps.push_back(step);
  }
  if (steps.empty()) return 0;
  std::nth_element(steps.begin(), steps.begin() + steps.size() / 2, steps.end());
  return steps[steps.size() / 2];
}

// Where the page's lines start: the leftmost start shared by a fifth of the lines (at least
// two), so that a lone label in the margin does not indent the whole page; lines left of it get
// no indent. With fewer lines, the leftmost start.
double LeftMargin(const std::vector<Line>& lines) {
  std::vector<std::pair<double, double>> starts;  // (x, tolerance)
  starts.reserve(lines.size());
  for (const Line& line : lines) {
    starts.emplace_back(line.runs.front()->x0, 0.25 * line.runs.front()->size);
  }
  std::sort(starts.begin(), starts.end());
  const std::size_t needed = std::max<std::size_t>(2, lines.size() / 5);
  for (std::size_t i = 0, j = 0; i < starts.size(); ++i) {
    if (j < i) j = i;
    while (j < starts.size() && starts[j].first - starts[i].first <= starts[i].second) ++j;
    if (j - i >= needed) return starts[i].first;
  }
  return starts.front().first;
}

int SpacesFor(double distance, double size, int cap) {
  const double half_em = 0.5 * size;
  if (!(half_em > 0)) return 0;
  const double n = std::round(distance / half_em);
  return n <= 0 ? 0 : static_cast<int>(std::min<double>(n, cap));
}

// The page's text: one line per printed line, top to bottom; leading spaces for the indent
// (in half-ems from the page's leftmost line, as the cleaner counts them), spaces for gaps, and
// a blank line where the gap to the line above is clearly wider than the page's line spacing.
std::string LayOut(const std::vector<Run>& runs) {
  const std::vector<Line> lines = GroupLines(runs);
  if (lines.empty()) return {};
  const double left = LeftMargin(lines);
  const double pitch = TypicalPitch(lines);
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (i > 0) {
      const double step = line.y - lines[i - 1].y;
      const double size = std::max(line.size, lines[i - 1].size);
      const bool gap = pitch > 0 ? step > 1.4 * pitch && step > 1.3 * size : step > 2.2 * size;
      if (gap) out += '\n';
    }
    const Run* first = line.runs.front();
    out.append(SpacesFor(first->x0 - left, first->size, kMaxIndentSpaces), ' ');
    double right = first->x0;
    const Run* previous = nullptr;
    for (const Run* run : line.runs) {
      if (previous) {
        // Text drawn twice a hair apart (fake bold, shadows) is printed once, as poppler does.
        const bool duplicate =
            run->text == previous->text && std::fabs(run->x0 - previous->x0) < 0.3 * run->size;
        if (duplicate) continue;
        const double gap = run->x0 - right;
        if (gap > 0.4 * std::min(run->size, previous->size)) {
          out.append(
              std::max(1, SpacesFor(gap, std::min(run->size, previous->size), kMaxGapSpaces)), ' ');
        }
      }
      out += run->text;
      right = std::max(right, run->x1);
      previous = run;
    }
    out += '\n';
  }
  return out;
}

// ------------------------------------------------------------------------------------------
// The package.

class OfdReader {
 public:
  explicit OfdReader(ZipReader& zip) : zip_(zip), paths_(zip) {}

  DecodedText Read() {
    DecodedText result;
    result.encoding = "OFD";
    result.format = "ofd";
    const ZipMember* entry = paths_.Resolve("", "OFD.xml");
    if (!entry) Fail("not an OFD package (no OFD.xml)");
    XmlFile ofd;
    ParseXml(zip_, *entry, &ofd);
    const pugi::xml_node root = ofd.doc.document_element();
    if (!Is(root, "OFD")) Fail("not an OFD package (OFD.xml has no <ofd:OFD> root)");
    std::size_t documents = 0;
    std::unordered_set<std::uint64_t> seen_documents;
    for (pugi::xml_node body : root.children()) {
      if (!Is(body, "DocBody") || documents >= kMaxDocuments) continue;
      if (documents == 0) ReadDocInfo(Child(body, "DocInfo"), &result.metadata);
      const ZipMember* doc = paths_.Resolve("", Child(body, "DocRoot").text().get());
      if (!doc) continue;
      if (!seen_documents.insert(doc->index).second) continue;
      ++documents;
      ReadDocument(*doc);
    }
    if (documents == 0) Fail("damaged OFD: no document (DocBody/DocRoot) found in OFD.xml");
    if (pages_read_ == 0 && pages_listed_ > 0) {
      Fail("damaged OFD: none of its " + std::to_string(pages_listed_) +
           " pages' content could be found in the package");
    }
    if (text_runs_ == 0 && drawn_ > 0) {
      Fail("the OFD's pages hold no text objects, only " + std::to_string(drawn_) +
           " drawn paths and images: its text is drawn as outlines or images and needs OCR");
    }
    result.text = std::move(text_);
    return result;
  }

 private:
  [[noreturn]] void Fail(const std::string& reason) const {
    throw DecodeError(zip_.name(), 0, reason);
  }

  static void ReadDocInfo(const pugi::xml_node& info, Metadata* metadata) {
    if (!info) return;
    const auto add = [&](const char* element, const char* key) {
      const std::string value(TrimAscii(Child(info, element).text().get()));
      if (!value.empty()) metadata->emplace_back(key, value);
    };
    add("Title", "title");
    add("Author", "author");
    add("Abstract", "description");
    add("CreationDate", "created");
    std::string keywords;
    for (pugi::xml_node keyword : Child(info, "Keywords").children()) {
      const std::string_view k = TrimAscii(keyword.text().get());
      if (!Is(keyword, "Keyword") || k.empty()) continue;
      if (!keywords.empty()) keywords += "；";
      keywords += k;
    }
    if (!keywords.empty()) metadata->emplace_back("keywords", keywords);
  }

  void ReadDocument(const ZipMember& member) {
    XmlFile doc;
    ParseXml(zip_, member, &doc);
    const pugi::xml_node root = doc.doc.document_element();
    if (!Is(root, "Document")) return;
    const std::string folder = PackagePaths::FolderOf(member);
    templates_.clear();
    symbol_fonts_.clear();
    for (pugi::xml_node tpl : Child(root, "CommonData").children()) {
      if (Is(tpl, "PublicRes") || Is(tpl, "DocumentRes")) ReadFonts(folder, tpl.text().get());
      if (!Is(tpl, "TemplatePage")) continue;
      const ZipMember* m = paths_.Resolve(folder, Attr(tpl, "BaseLoc"));
      if (m) templates_.emplace(Attr(tpl, "ID"), m);
    }
    for (pugi::xml_node page : Child(root, "Pages").children()) {
      if (!Is(page, "Page")) continue;
      if (++pages_listed_ > kMaxPages) {
        Fail("more than " + std::to_string(kMaxPages) + " pages (a limit against hostile files)");
      }
      ReadPage(folder, Attr(page, "BaseLoc"));
    }
  }

  // The symbol fonts that a resource file (PublicRes.xml, DocumentRes.xml) declares.
  void ReadFonts(const std::string& folder, std::string_view ref) {
    const ZipMember* member = paths_.Resolve(folder, ref);
    if (member == nullptr) return;
    XmlFile file;
    ParseXml(zip_, *member, &file);
    for (pugi::xml_node fonts : file.doc.document_element().children()) {
      if (!Is(fonts, "Fonts")) continue;
      for (pugi::xml_node font : fonts.children()) {
        if (!Is(font, "Font")) continue;
        const std::string name = Attr(font, "FontName");
        if (IsSymbolFont(name)) symbol_fonts_[Attr(font, "ID")] = name;
      }
    }
  }

  const ZipMember* ResolvePage(const std::string& folder, std::string_view ref) const {
    if (const ZipMember* m = paths_.Resolve(folder, ref)) return m;
    // "Pages/Page_0" for "Pages/Page_0/Content.xml"
    std::string with_file(TrimAscii(ref));
    if (with_file.empty()) return nullptr;
    if (with_file.back() != '/' && with_file.back() != '\\') with_file += '/';
    return paths_.Resolve(folder, with_file + "Content.xml");
  }

  void ReadPage(const std::string& folder, std::string_view ref) {
    const ZipMember* member = ResolvePage(folder, ref);
    if (pages_emitted_ > 0) Append("\f");
    ++pages_emitted_;
    // A content file listed twice is one page printed twice by mistake (or a trap): read once.
    if (!member || !seen_pages_.insert(member->index).second) return;
    ++pages_read_;
    XmlFile file;
    ParseXml(zip_, *member, &file);
    const pugi::xml_node root = file.doc.document_element();
    PageContent page;
    page.symbol_fonts = &symbol_fonts_;
    ReadContent(root, &page);
    std::size_t templates = 0;
    for (pugi::xml_node tpl : root.children()) {
      if (!Is(tpl, "Template") || templates++ >= kMaxTemplatesPerPage) continue;
      AddTemplate(Attr(tpl, "TemplateID"), &page);
    }
    for (const Run& run : page.runs) text_runs_ += run.text.empty() ? 0 : 1;
    drawn_ += page.drawn;
    Append(LayOut(page.runs));
  }

  // A template's objects print on the page like its own (the form of an invoice, the red header
  // of a 公文): they are read with it. Each template is parsed once and its runs kept.
  void AddTemplate(const std::string& id, PageContent* page) {
    const auto it = templates_.find(id);
    if (it == templates_.end()) return;
    const std::uint64_t index = it->second->index;
    auto cached = template_runs_.find(index);
    if (cached == template_runs_.end()) {
      XmlFile file;
      ParseXml(zip_, *it->second, &file);
      PageContent content;
      content.symbol_fonts = &symbol_fonts_;
      ReadContent(file.doc.document_element(), &content);
      cached = template_runs_.emplace(index, std::move(content)).first;
    }
    page->runs.insert(page->runs.end(), cached->second.runs.begin(), cached->second.runs.end());
    page->drawn += cached->second.drawn;
  }

  void Append(const std::string& s) {
    if (text_.size() + s.size() > kMaxTextBytes) {
      Fail("more than " + std::to_string(kMaxTextBytes >> 20) +
           " MiB of text (a limit against hostile files)");
    }
    text_ += s;
  }

  ZipReader& zip_;
  PackagePaths paths_;
  std::unordered_map<std::string, const ZipMember*> templates_;  // of the current document
  SymbolFonts symbol_fonts_;                                     // of the current document
  std::unordered_map<std::uint64_t, PageContent> template_runs_;
  std::unordered_set<std::uint64_t> seen_pages_;
  std::size_t pages_listed_ = 0, pages_read_ = 0, pages_emitted_ = 0;
  std::size_t text_runs_ = 0, drawn_ = 0;
  std::string text_;
};

}  // namespace

DecodedText ExtractOfd(ZipReader& package) { return OfdReader(package).Read(); }

}  // namespace gongwen
