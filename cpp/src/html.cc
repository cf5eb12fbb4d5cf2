// Web pages: the charset (forced, BOM, <meta>, else detected), an HTML5 parse with gumbo, and the
// main content chosen by our own scoring of the page's blocks, with the page's metadata (meta tags
// and the metadata table of government sites). MHT page archives are unpacked to their HTML part.
#include <gumbo.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "charset.h"
#include "formats.h"
#include "gongwen/error.h"
#include "text.h"

namespace gongwen {
namespace {

// ===== Bytes =====================================================================================

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Whether `s` starts with `prefix` (lowercase ASCII), ignoring ASCII case.
bool StartsNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (text::LowerAscii(s[i]) != prefix[i]) return false;
  }
  return true;
}

// The position of `needle` (lowercase ASCII) in `s` from `from`, ignoring ASCII case.
std::size_t FindNoCase(std::string_view s, std::string_view needle, std::size_t from = 0) {
  if (needle.empty() || s.size() < needle.size()) return std::string_view::npos;
  for (std::size_t i = from; i + needle.size() <= s.size(); ++i) {
    if (text::LowerAscii(s[i]) == needle[0] && StartsNoCase(s.substr(i), needle)) return i;
  }
  return std::string_view::npos;
}

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

// The value of `param` ("charset", "boundary") in a header or content attribute such as
// `text/html; charset="gb2312"`: after the name, optional spaces, '=', optional quotes.
std::string ParamValue(std::string_view s, std::string_view param) {
  for (std::size_t at = FindNoCase(s, param); at != std::string_view::npos;
       at = FindNoCase(s, param, at + 1)) {
    std::size_t i = at + param.size();
    while (i < s.size() && IsAsciiSpace(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') continue;
    ++i;
    while (i < s.size() && IsAsciiSpace(s[i])) ++i;
    const char quote = i < s.size() && (s[i] == '"' || s[i] == '\'') ? s[i] : 0;
    if (quote != 0) ++i;
    std::size_t end = i;
    while (end < s.size() && (quote != 0 ? s[end] != quote
                                         : !IsAsciiSpace(s[end]) && s[end] != ';' &&
                                               s[end] != '"' && s[end] != '\'' && s[end] != '>')) {
      ++end;
    }
    return std::string(s.substr(i, end - i));
  }
  return {};
}

// ===== MHT (MIME page archives) ==================================================================

// An HTML document and the charset its container declared (an MHT part's Content-Type).
struct HtmlSource {
  std::string bytes;
  std::string charset;
};

// MIME headers of a message or part: the lines before the first empty line, continuation lines
// joined. Returns the headers and the offset of the body.
std::pair<std::string, std::size_t> ReadHeaders(std::string_view s) {
  std::string headers;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t end = s.find('\n', i);
    if (end == std::string_view::npos) end = s.size();
    std::string_view line = s.substr(i, end - i);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    i = std::min(end + 1, s.size());
    if (line.empty()) break;
    if (IsAsciiSpace(line.front())) {
      headers += ' ';
    } else if (!headers.empty()) {
      headers += '\n';
    }
    headers += TrimAscii(line);
  }
  return {headers, i};
}

// The value of header `name` (lowercase, with the colon) in joined headers.
std::string HeaderValue(std::string_view headers, std::string_view name) {
  std::size_t start = 0;
  while (start < headers.size()) {
    std::size_t end = headers.find('\n', start);
    if (end == std::string_view::npos) end = headers.size();
    const std::string_view line = headers.substr(start, end - start);
    if (StartsNoCase(line, name)) return std::string(TrimAscii(line.substr(name.size())));
    start = end + 1;
  }
  return {};
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = text::LowerAscii(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

std::string DecodeQuotedPrintable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '=') {
      out += s[i];
      continue;
    }
    if (i + 1 < s.size() && (s[i + 1] == '\n' || s[i + 1] == '\r')) {  // soft line break
      i += (s[i + 1] == '\r' && i + 2 < s.size() && s[i + 2] == '\n') ? 2 : 1;
      continue;
    }
    const int hi = i + 2 < s.size() ? HexValue(s[i + 1]) : -1;
    const int lo = hi >= 0 ? HexValue(s[i + 2]) : -1;
    if (lo < 0) {
      out += '=';
      continue;
    }
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

// Base64 with line breaks; nullopt for a character that is not base64, white space or padding
// (a damaged part, whose bytes would decode to garbage).
std::optional<std::string> DecodeBase64(std::string_view s) {
  std::string out;
  out.reserve(s.size() / 4 * 3);
  std::uint32_t bits = 0;
  int count = 0;
  for (const char c : s) {
    int v = -1;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    if (c >= '0' && c <= '9') v = c - '0' + 52;
    if (c == '+') v = 62;
    if (c == '/') v = 63;
    if (v < 0) {
      if (c == '=' || c == '\r' || c == '\n' || c == ' ' || c == '\t') continue;
      return std::nullopt;
    }
    bits = (bits << 6) | static_cast<std::uint32_t>(v);
    if (++count == 4) {
      out += static_cast<char>(bits >> 16);
      out += static_cast<char>(bits >> 8);
      out += static_cast<char>(bits);
      bits = 0;
      count = 0;
    }
  }
  if (count == 3) {
    out += static_cast<char>(bits >> 10);
    out += static_cast<char>(bits >> 2);
  } else if (count == 2) {
    out += static_cast<char>(bits >> 4);
  }
  return out;
}

// The body of a MIME entity, undone from its Content-Transfer-Encoding.
HtmlSource DecodeEntity(std::string_view headers, std::string_view body, std::string_view name) {
  const std::string transfer = text::LowerAscii(HeaderValue(headers, "content-transfer-encoding:"));
  HtmlSource source;
  source.charset = ParamValue(HeaderValue(headers, "content-type:"), "charset");
  if (transfer.starts_with("quoted-printable")) {
    source.bytes = DecodeQuotedPrintable(body);
  } else if (transfer.starts_with("base64")) {
    std::optional<std::string> bytes = DecodeBase64(body);
    if (!bytes) throw DecodeError(std::string(name), 0, "MHT archive whose page is damaged base64");
    source.bytes = std::move(*bytes);
  } else {
    source.bytes = std::string(body);
  }
  return source;
}

// Whether the head is a MIME message (an MHT archive) holding a web page.
bool LooksLikeMht(std::string_view head) {
  std::size_t colon = head.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 64) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = head[i];
    if (!(text::IsAsciiAlnum(static_cast<unsigned char>(c)) || c == '-')) return false;
  }
  const bool mime = FindNoCase(head, "mime-version:") != std::string_view::npos ||
                    FindNoCase(head, "content-type:") != std::string_view::npos;
  return mime && (FindNoCase(head, "multipart/related") != std::string_view::npos ||
                  FindNoCase(head, "text/html") != std::string_view::npos);
}

// The first text/html entity of an MHT archive: the top-level body, or a part of a multipart one.
HtmlSource ExtractMhtHtml(std::string_view bytes, std::string_view name) {
  const auto [headers, body_at] = ReadHeaders(bytes);
  const std::string type = HeaderValue(headers, "content-type:");
  const std::string_view body = bytes.substr(body_at);
  if (StartsNoCase(type, "text/html")) return DecodeEntity(headers, body, name);
  const std::string boundary = ParamValue(type, "boundary");
  if (!StartsNoCase(type, "multipart/") || boundary.empty()) {
    throw DecodeError(std::string(name), 0, "MHT archive without a text/html part");
  }
  const std::string delimiter = "--" + boundary;
  for (std::size_t at = body.find(delimiter); at != std::string_view::npos;) {
    std::size_t part_at = at + delimiter.size();
    if (body.substr(part_at, 2) == "--") break;  // the closing delimiter
    const std::size_t next = body.find(delimiter, part_at);
    std::string_view part = body.substr(
        part_at, next == std::string_view::npos ? std::string_view::npos : next - part_at);
    while (!part.empty() && (part.front() == '\r' || part.front() == '\n')) part.remove_prefix(1);
    const auto [part_headers, part_body_at] = ReadHeaders(part);
    if (StartsNoCase(HeaderValue(part_headers, "content-type:"), "text/html")) {
      return DecodeEntity(part_headers, part.substr(part_body_at), name);
    }
    at = next;
  }
  throw DecodeError(std::string(name), 0, "MHT archive without a text/html part");
}

// ===== Charsets ==================================================================================

// A page's charset label as the converter to use: the GB2312/GBK family as GB18030 (a superset:
// pages labelled gb2312 routinely hold GBK characters), Latin-1 as windows-1252 and UTF-16 as
// UTF-8 (as browsers do: a <meta> that could be read in ASCII is not UTF-16). Empty for a label
// that ICU does not know.
std::string CharsetForLabel(std::string_view label) {
  const std::string l = text::LowerAscii(TrimAscii(label));
  if (l.empty()) return {};
  static constexpr std::string_view kGb[] = {"gb2312",  "gbk",      "gb_2312-80",  "x-gbk",
                                             "cp936",   "ms936",    "windows-936", "euc-cn",
                                             "chinese", "csgb2312", "iso-ir-58",   "gb18030"};
  for (std::string_view gb : kGb) {
    if (l == gb) return "GB18030";
  }
  if (l == "utf8" || l == "utf-8" || l == "unicode" || l.starts_with("utf-16")) return "UTF-8";
  if (l == "iso-8859-1" || l == "latin1" || l == "us-ascii" || l == "ascii") return "windows-1252";
  if (l == "big5" || l == "big5-hkscs" || l == "x-x-big5") return "Big5";
  ConverterPtr converter = OpenConverter(l);
  return converter ? StandardName(converter.get()) : std::string();
}

// The head of a page that the <meta> prescan reads.
constexpr std::size_t kPrescanBytes = 4096;

// The charset a page declares in a <meta charset> or <meta http-equiv="Content-Type"> tag of its
// first kPrescanBytes, read from the bytes (every charset a page may declare is ASCII-compatible).
std::string PrescanCharset(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kPrescanBytes);
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (head[i] != '<') continue;
    if (head.substr(i, 4) == "<!--") {
      const std::size_t end = head.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 2;
      continue;
    }
    if (!StartsNoCase(head.substr(i), "<meta")) continue;
    const std::size_t end = head.find('>', i);
    const std::string_view tag = head.substr(i, end == std::string_view::npos ? end : end - i);
    std::string charset = CharsetForLabel(ParamValue(tag, "charset"));
    if (!charset.empty()) return charset;
  }
  return {};
}

constexpr std::size_t kNone = std::string_view::npos;

// Converts `bytes` from `charset` to UTF-8, strictly; on the first undecodable byte, returns
// nothing and sets `*error` to its offset.
std::optional<std::string> Convert(std::string_view bytes, const std::string& charset,
                                   std::size_t* error) {
  *error = kNone;
  if (charset == "UTF-8") {
    if (text::IsValidUtf8(bytes)) return std::string(bytes);
  }
  ConverterPtr source = OpenConverter(charset);
  ConverterPtr utf8 = OpenConverter("UTF-8");
  if (!source || !utf8) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  ucnv_setToUCallBack(source.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  constexpr std::size_t kChunk = 1 << 20;  // ICU takes int32 lengths: feed it the input in steps
  constexpr std::size_t kPivot = 4096;
  UChar pivot[kPivot];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  std::string out(bytes.size() + bytes.size() / 2 + 64, '\0');
  char* target = out.data();
  const char* cursor = bytes.data();
  const char* const end = bytes.data() + bytes.size();
  bool reset = true;
  for (;;) {
    const bool last = static_cast<std::size_t>(end - cursor) <= kChunk;
    const char* const limit = last ? end : cursor + kChunk;
    status = U_ZERO_ERROR;
    ucnv_convertEx(utf8.get(), source.get(), &target, out.data() + out.size(), &cursor, limit,
                   pivot, &pivot_source, &pivot_target, pivot + kPivot, reset, last, &status);
    reset = false;
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      const std::size_t used = static_cast<std::size_t>(target - out.data());
      out.resize(out.size() * 2);
      target = out.data() + used;
      continue;
    }
    if (U_FAILURE(status)) {
      char rejected[32];
      std::int8_t length = sizeof(rejected);
      UErrorCode ignored = U_ZERO_ERROR;
      ucnv_getInvalidChars(source.get(), rejected, &length, &ignored);
      const std::size_t consumed = static_cast<std::size_t>(cursor - bytes.data());
      *error = consumed - std::min<std::size_t>(consumed, U_SUCCESS(ignored) ? length : 0);
      return std::nullopt;
    }
    if (last && cursor == end) break;
  }
  out.resize(static_cast<std::size_t>(target - out.data()));
  return out;
}

// A decoded page and the charset it was decoded from.
struct PageText {
  std::string utf8;
  std::string charset;
};

// ICU's candidates for a page without a declared charset, best first: GB18030 first unless
// another CJK charset is far more likely (Big5, Japanese, Korean pages), then the rest. The
// detector's input filter skips the markup, which would otherwise read as ASCII text.
std::vector<std::string> DetectedCandidates(std::string_view bytes) {
  constexpr std::size_t kDetectionPrefix = 64 * 1024;
  constexpr int kRivalMargin = 30;
  std::vector<std::pair<std::string, int>> guesses;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                      &ucsdet_close);
  if (U_SUCCESS(status)) {
    const std::string_view prefix = bytes.substr(0, kDetectionPrefix);
    ucsdet_enableInputFilter(detector.get(), true);
    ucsdet_setText(detector.get(), prefix.data(), static_cast<std::int32_t>(prefix.size()),
                   &status);
    std::int32_t count = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
    for (std::int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
      UErrorCode s = U_ZERO_ERROR;
      const char* guess = ucsdet_getName(matches[i], &s);
      const int confidence = ucsdet_getConfidence(matches[i], &s);
      if (U_SUCCESS(s) && !std::string_view(guess).starts_with("UTF-")) {
        guesses.emplace_back(guess, confidence);
      }
    }
  }
  int gb = 0;
  int rival = 0;
  for (const auto& [guess, confidence] : guesses) {
    if (guess == "GB18030") gb = std::max(gb, confidence);
    if (guess == "Big5" || guess == "EUC-JP" || guess == "EUC-KR" || guess == "Shift_JIS") {
      rival = std::max(rival, confidence);
    }
  }
  std::vector<std::string> names;
  if (rival < gb + kRivalMargin) names.push_back("GB18030");
  for (const auto& guess : guesses) {
    if (std::find(names.begin(), names.end(), guess.first) == names.end()) {
      names.push_back(guess.first);
    }
  }
  if (std::find(names.begin(), names.end(), "GB18030") == names.end()) names.push_back("GB18030");
  return names;
}

// Decodes a page: the forced charset; else a BOM; else the declared charset (an MHT part's or
// the <meta> tag's); else strict UTF-8, then the detector's candidates. A page whose declared
// charset fails is tried as UTF-8 and GB18030 too (mislabelled pages are common) before the
// declared charset's failure is reported. Nothing is replaced: an undecodable byte is an error.
PageText DecodePage(std::string_view bytes, std::string_view name, std::string_view forced,
                    const std::string& container_charset) {
  std::size_t error = kNone;
  if (!forced.empty()) {
    ConverterPtr converter = OpenConverter(std::string(forced));
    if (!converter) throw std::invalid_argument("unknown encoding '" + std::string(forced) + "'");
    const std::string charset = StandardName(converter.get());
    if (charset == "UTF-8" && bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (auto utf8 = Convert(bytes, charset, &error)) return {std::move(*utf8), charset};
    throw DecodeError(std::string(name), error, "invalid " + charset + " (forced)");
  }
  struct Bom {
    std::string_view mark;
    const char* charset;
  };
  static const Bom kBoms[] = {{"\xEF\xBB\xBF", "UTF-8"},
                              {"\xFF\xFE", "UTF-16LE"},
                              {"\xFE\xFF", "UTF-16BE"},
                              {"\x84\x31\x95\x33", "GB18030"}};
  for (const Bom& bom : kBoms) {
    if (!bytes.starts_with(bom.mark)) continue;
    if (auto utf8 = Convert(bytes.substr(bom.mark.size()), bom.charset, &error)) {
      return {std::move(*utf8), bom.charset};
    }
    throw DecodeError(std::string(name), error + bom.mark.size(),
                      std::string("invalid ") + bom.charset + " after its byte-order mark");
  }
  std::string declared = CharsetForLabel(container_charset);
  if (declared.empty()) declared = PrescanCharset(bytes);
  std::vector<std::string> candidates;
  if (!declared.empty()) {
    candidates = {declared, "UTF-8", "GB18030"};
  } else {
    candidates = {"UTF-8"};
    if (!text::IsValidUtf8(bytes)) {
      for (std::string& c : DetectedCandidates(bytes)) candidates.push_back(std::move(c));
    }
  }
  std::size_t first_error = kNone;
  for (const std::string& charset : candidates) {
    if (auto utf8 = Convert(bytes, charset, &error)) return {std::move(*utf8), charset};
    if (first_error == kNone) first_error = error;
  }
  const std::string offset = std::to_string(first_error);
  throw DecodeError(std::string(name), first_error == kNone ? 0 : first_error,
                    declared.empty()
                        ? "web page in no charset that fits (not UTF-8, bad byte at " + offset +
                              "; nor GB18030 or a detected charset)"
                        : "web page declares " + declared + " but has a byte at " + offset +
                              " that " + declared + " cannot decode (nor UTF-8 or GB18030)");
}

// ===== Nesting guard =============================================================================

// gumbo frees its tree recursively (about 100 bytes of stack a level) and checks element scopes
// by walking its stack of open elements, so a deep page costs stack and quadratic time (100,000
// nested <div> take 40 s). This byte-level estimate of the depth, counting the elements that
// stay open (not void ones, nor those that a sibling closes such as <p>, <li>, <td>), bounds both.
// It may undercount gumbo's depth by a small factor (<table> implies <tbody><tr><td>), never more.
constexpr std::size_t kMaxDepth = 1000;
// Sum over tags of the estimated depth: the scope walks. Real pages stay below depth 50 per tag.
constexpr std::uint64_t kMaxScopeWork = 200'000'000;

bool IsVoidOrSelfClosing(std::string_view tag) {
  static constexpr std::string_view kTags[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
      "track", "wbr", "keygen", "frame", "basefont", "bgsound",
      // closed by their next sibling or by their parent's end
      "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
      "rb", "rt", "rp", "caption", "colgroup", "html", "head", "body"};
  for (std::string_view t : kTags) {
    if (tag == t) return true;
  }
  return false;
}

// Elements whose content is raw text up to their end tag.
bool IsRawText(std::string_view tag) {
  return tag == "script" || tag == "style" || tag == "textarea" || tag == "title" || tag == "xmp" ||
         tag == "iframe" || tag == "noembed" || tag == "noframes";
}

// Throws DecodeError when the page nests deeper than kMaxDepth (estimated) or would cost gumbo
// more than kMaxScopeWork scope steps.
void CheckNesting(std::string_view html, std::string_view name) {
  std::vector<std::string> open;
  std::unordered_map<std::string, std::size_t> open_count;
  std::uint64_t work = 0;
  std::string tag;
  for (std::size_t i = html.find('<'); i != kNone && i + 1 < html.size(); i = html.find('<', i)) {
    if (html.compare(i, 4, "<!--") == 0) {
      const std::size_t end = html.find("-->", i + 4);
      if (end == kNone) return;
      i = end + 3;
      continue;
    }
    const bool closing = html[i + 1] == '/';
    std::size_t j = i + (closing ? 2 : 1);
    tag.clear();
    while (j < html.size() && (text::IsAsciiAlnum(static_cast<unsigned char>(html[j])))) {
      tag += text::LowerAscii(html[j++]);
    }
    if (tag.empty()) {
      ++i;
      continue;
    }
    // The end of the tag, past quoted attribute values.
    char quote = 0;
    while (j < html.size() && (quote != 0 || html[j] != '>')) {
      if (quote != 0 && html[j] == quote) {
        quote = 0;
      } else if (quote == 0 && (html[j] == '"' || html[j] == '\'')) {
        quote = html[j];
      }
      ++j;
    }
    i = j;
    work += open.size();
    if (work > kMaxScopeWork) {
      throw DecodeError(std::string(name), i,
                        "web page too deeply nested to parse in reasonable time");
    }
    if (closing) {
      auto found = open_count.find(tag);
      if (found == open_count.end() || found->second == 0) continue;
      while (!open.empty()) {  // close up to the matching element, as the parser would
        const std::string last = std::move(open.back());
        open.pop_back();
        --open_count[last];
        if (last == tag) break;
      }
      continue;
    }
    if (IsRawText(tag)) {
      const std::size_t end = FindNoCase(html, "</" + tag, i);
      if (end == kNone) return;
      i = end;
      continue;
    }
    if (IsVoidOrSelfClosing(tag)) continue;
    open.push_back(tag);
    ++open_count[tag];
    if (open.size() > kMaxDepth) {
      throw DecodeError(std::string(name), i,
                        "web page nested more than " + std::to_string(kMaxDepth) +
                            " elements deep (unclosed tags?): not read");
    }
  }
}

// ===== Lines from the tree =======================================================================

// One line of the page's text, with what the scoring needs to know about it.
struct Line {
  std::string text;
  std::uint32_t chars = 0;       // non-space code points
  std::uint32_t link_chars = 0;  // of them, inside <a>
  std::uint32_t punct = 0;       // Chinese sentence punctuation: text, not menus
  bool blank = false;            // an empty line the page asks for (<br><br>, <p></p>)
  bool meta = false;             // a line of the metadata table, consumed as metadata
  bool furniture = false;        // navigation, toolbars, footers: never main text
  bool excluded = false;         // inside a navigation-like part of the chosen block
  bool heading = false;          // text of an <h1>-<h3> or of an element classed "title"
};

// An element that may hold the main content: the lines [begin, end) are its text.
struct Block {
  std::size_t begin = 0;
  std::size_t end = 0;
  double hint = 1;  // from its class and id: > 1 content-like, < 1 navigation-like
};

bool IsSentencePunct(char32_t c) {
  switch (c) {
    case U'，':
    case U'。':
    case U'；':
    case U'、':
    case U'！':
    case U'？':
    case U'“':
    case U'”':
    case U'《':
    case U'》':
    case U'（':
    case U'）':
      return true;
    default:
      return false;
  }
}

// Elements whose content is never page text.
bool IsSkipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOEMBED:
      return true;
    default:
      return false;
  }
}

// Elements that break lines.
bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
      return true;
    default:
      return false;
  }
}

// Blocks that may be chosen as the main content (not single paragraphs or rows).
bool IsContainer(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
      return true;
    default:
      return false;
  }
}

std::string_view Attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
  return attribute != nullptr ? std::string_view(attribute->value) : std::string_view();
}

bool ContainsAny(std::string_view s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// The hint of an element's class and id (lowercased): navigation words weigh it down, content
// words up; a navigation word wins (class="nav-content").
double HintOf(const GumboElement& element, GumboTag tag) {
  if (tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_HEADER ||
      tag == GUMBO_TAG_ASIDE) {
    return 0.2;
  }
  const std::string names = text::LowerAscii(std::string(Attribute(element, "class")) + " " +
                                             std::string(Attribute(element, "id")));
  if (names.size() <= 1) return 1;
  if (ContainsAny(names, {"nav",      "menu",       "footer",  "foot",      "header", "share",
                          "crumb",    "sidebar",    "side",    "toolbar",   "print",  "related",
                          "xglj",     "xgxx",       "banner",  "copyright", "bottom", "login",
                          "search",   "comment",    "bdshare", "jiathis",   "ewm",    "qrcode",
                          "position", "location",   "weizhi",  "dqwz",      "link",   "tool",
                          "page_nav", "pagination", "friend"})) {
    return 0.2;
  }
  if (ContainsAny(names, {"content", "article", "trs_editor", "zoom", "pages_content", "text",
                          "main", "detail", "ucap", "zhengwen", "body", "conter", "view"})) {
    return 1.6;
  }
  return 1;
}

// Whether the element is hidden by its attributes (style="display:none", hidden).
bool IsHidden(const GumboElement& element) {
  if (gumbo_get_attribute(&element.attributes, "hidden") != nullptr) return true;
  const std::string_view style = Attribute(element, "style");
  if (FindNoCase(style, "none") == kNone) return false;
  std::string compact;
  for (const char c : style) {
    if (!IsAsciiSpace(c)) compact += text::LowerAscii(c);
  }
  return compact.find("display:none") != std::string::npos;
}

// Whether a table row is a row of data, written on one line with its cells separated by tabs: two
// or more cells, none holding a table, many paragraphs or much text (a layout row holds whole
// columns of the page, written as separate lines instead). Word's tables put a cell's words in
// paragraphs of their own ("坐标", "编号"): a few are joined with spaces.
bool IsDataRow(const GumboNode* row) {
  constexpr int kCellBudget = 200;         // nodes looked at per cell: layout cells are larger
  constexpr int kCellParagraphs = 6;       // more is a column of text
  constexpr std::size_t kCellBytes = 600;  // about 200 Chinese characters
  int cells = 0;
  const GumboVector& children = row->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* cell = static_cast<const GumboNode*>(children.data[i]);
    if (cell->type != GUMBO_NODE_ELEMENT) continue;
    if (cell->v.element.tag != GUMBO_TAG_TD && cell->v.element.tag != GUMBO_TAG_TH) return false;
    ++cells;
    std::vector<const GumboNode*> stack = {cell};
    int seen = 0;
    int blocks = 0;
    std::size_t bytes = 0;
    while (!stack.empty()) {
      const GumboNode* node = stack.back();
      stack.pop_back();
      if (node->type == GUMBO_NODE_TEXT && (bytes += std::strlen(node->v.text.text)) > kCellBytes) {
        return false;
      }
      if (node->type != GUMBO_NODE_ELEMENT) continue;
      if (++seen > kCellBudget) return false;
      const GumboTag tag = node->v.element.tag;
      if (tag == GUMBO_TAG_TABLE) return false;
      if (node != cell && (IsBlock(tag) || tag == GUMBO_TAG_BR) && ++blocks > kCellParagraphs) {
        return false;
      }
      const GumboVector& kids = node->v.element.children;
      for (unsigned k = 0; k < kids.length; ++k) {
        stack.push_back(static_cast<const GumboNode*>(kids.data[k]));
      }
    }
  }
  return cells >= 2;
}

// A headline: <h1>-<h3>, or an element whose class or id says "title".
bool IsHeading(const GumboElement& element) {
  if (element.tag == GUMBO_TAG_H1 || element.tag == GUMBO_TAG_H2 || element.tag == GUMBO_TAG_H3) {
    return true;
  }
  for (const char* attribute : {"class", "id"}) {
    if (FindNoCase(Attribute(element, attribute), "title") != kNone) return true;
  }
  return false;
}

// Walks the tree in document order without recursion and writes its text as lines, recording the
// container blocks and the page's <title>/<meta> metadata on the way.
class LineWriter {
 public:
  void Walk(const GumboNode* root);

  std::vector<Line> lines;
  std::vector<Block> blocks;
  std::string title;  // the <title>
  Metadata meta_tags;

 private:
  struct Frame {
    const GumboNode* node;
    unsigned next_child = 0;
    std::size_t first_line = 0;
    bool heading = false;  // IsHeading, computed once
  };
  void Enter(const GumboNode* node, std::vector<Frame>& stack);
  void Leave(const Frame& frame);
  void Text(std::string_view utf8);
  void Break(bool hard);
  void SpaceIfPending();
  void ReadHead(const GumboElement& element);

  Line current_;
  bool pending_space_ = false;
  int links_ = 0;
  int pre_ = 0;
  int headings_ = 0;
  const GumboNode* row_ = nullptr;  // the data row being written on one line
  bool row_cell_seen_ = false;
};

void LineWriter::Walk(const GumboNode* root) {
  std::vector<Frame> stack;
  Enter(root, stack);
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboNode* node = frame.node;
    const GumboVector* children = node->type == GUMBO_NODE_ELEMENT    ? &node->v.element.children
                                  : node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children
                                                                      : nullptr;
    if (children != nullptr && frame.next_child < children->length) {
      const auto* child = static_cast<const GumboNode*>(children->data[frame.next_child++]);
      Enter(child, stack);  // may reallocate `stack`: `frame` is not used after this
      continue;
    }
    const Frame done = frame;
    stack.pop_back();
    Leave(done);
  }
  Break(false);
}

void LineWriter::ReadHead(const GumboElement& element) {
  if (element.tag == GUMBO_TAG_TITLE) {
    for (unsigned i = 0; i < element.children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(element.children.data[i]);
      if (child->type == GUMBO_NODE_TEXT) title += child->v.text.text;
    }
    return;
  }
  const std::string meta_name = text::LowerAscii(Attribute(element, "name"));
  const std::string property = text::LowerAscii(Attribute(element, "property"));
  const std::string_view content = TrimAscii(Attribute(element, "content"));
  if (content.empty()) return;
  static const std::pair<std::string_view, std::string_view> kNames[] = {
      {"articletitle", "title"},
      {"pubdate", "published_date"},
      {"contentsource", "source"},
      {"keywords", "keywords"},
      {"description", "description"},
      {"author", "author"},
      {"og:url", "url"},
      {"url", "url"}};
  for (const auto& [html_name, key] : kNames) {
    if (meta_name == html_name || property == html_name) {
      meta_tags.emplace_back(std::string(key), std::string(content));
    }
  }
}

void LineWriter::Enter(const GumboNode* node, std::vector<Frame>& stack) {
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_CDATA:
    case GUMBO_NODE_WHITESPACE:
      Text(node->v.text.text);
      return;
    case GUMBO_NODE_DOCUMENT:
      stack.push_back({node, 0, lines.size()});
      return;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      break;
    default:
      return;  // comments
  }
  const GumboElement& element = node->v.element;
  if (element.tag == GUMBO_TAG_TITLE || element.tag == GUMBO_TAG_META) ReadHead(element);
  if (element.tag == GUMBO_TAG_HEAD) {  // only for its <title> and <meta>: no text
    for (unsigned i = 0; i < element.children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(element.children.data[i]);
      if (child->type == GUMBO_NODE_ELEMENT) ReadHead(child->v.element);
    }
    return;
  }
  if (IsSkipped(element.tag) || IsHidden(element)) return;
  if (element.tag == GUMBO_TAG_BR) {
    if (row_ != nullptr) {
      pending_space_ = true;
    } else {
      Break(true);
    }
    return;
  }
  if (element.tag == GUMBO_TAG_A) ++links_;
  if (element.tag == GUMBO_TAG_PRE) ++pre_;
  const bool heading = IsHeading(element);
  if (heading) ++headings_;
  if (row_ == nullptr && element.tag == GUMBO_TAG_TR && IsDataRow(node)) {
    Break(false);
    row_ = node;
    row_cell_seen_ = false;
  } else if (row_ != nullptr && (element.tag == GUMBO_TAG_TD || element.tag == GUMBO_TAG_TH)) {
    if (row_cell_seen_) current_.text += '\t';
    row_cell_seen_ = true;
    pending_space_ = false;
  } else if (row_ != nullptr && IsBlock(element.tag)) {
    pending_space_ = true;
  } else if (IsBlock(element.tag)) {
    Break(false);
  }
  stack.push_back({node, 0, lines.size(), heading});
}

void LineWriter::Leave(const Frame& frame) {
  if (frame.node->type != GUMBO_NODE_ELEMENT && frame.node->type != GUMBO_NODE_TEMPLATE) return;
  const GumboElement& element = frame.node->v.element;
  if (element.tag == GUMBO_TAG_A) --links_;
  if (element.tag == GUMBO_TAG_PRE) --pre_;
  if (frame.heading) --headings_;
  if (frame.node == row_) {
    row_ = nullptr;
    Break(false);
  }
  if (row_ != nullptr) {
    if (IsBlock(element.tag)) pending_space_ = true;
    return;
  }
  if (!IsBlock(element.tag)) return;
  // An empty paragraph is the page's blank line.
  const bool empty_paragraph =
      element.tag == GUMBO_TAG_P && frame.first_line == lines.size() && current_.chars == 0;
  Break(empty_paragraph);
  if (IsContainer(element.tag) && lines.size() > frame.first_line) {
    blocks.push_back({frame.first_line, lines.size(), HintOf(element, element.tag)});
  }
}

void LineWriter::Text(std::string_view utf8) {
  if (headings_ > 0) current_.heading = true;
  const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const auto length = static_cast<std::int32_t>(std::min<std::size_t>(utf8.size(), INT32_MAX));
  std::int32_t i = 0;
  while (i < length) {
    if (pre_ > 0 && s[i] == '\n') {
      ++i;
      Break(true);
      continue;
    }
    if (s[i] < 0x80) {  // ASCII: most of the markup-free text of a page
      const char c = static_cast<char>(s[i++]);
      if (IsAsciiSpace(c)) {
        pending_space_ = true;
        continue;
      }
      SpaceIfPending();
      current_.text += c;
      ++current_.chars;
      if (links_ > 0) ++current_.link_chars;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;
    if (c == 0xA0 || c == 0x200B || c == 0xFEFF) {  // &nbsp; reads as a space
      pending_space_ = pending_space_ || c == 0xA0;
      continue;
    }
    SpaceIfPending();
    text::AppendUtf8(current_.text, static_cast<char32_t>(c));
    if (text::IsSpace(static_cast<char32_t>(c))) continue;
    ++current_.chars;
    if (links_ > 0) ++current_.link_chars;
    if (IsSentencePunct(static_cast<char32_t>(c))) ++current_.punct;
  }
}

// The space that white space or a block boundary left before the next character: none at the
// start of a line or of a table cell (after its tab).
void LineWriter::SpaceIfPending() {
  if (pending_space_ && !current_.text.empty() && current_.text.back() != '\t') {
    current_.text += ' ';
  }
  pending_space_ = false;
}

// Ends the current line. A hard break (<br>, an empty paragraph) on an empty line leaves a blank.
void LineWriter::Break(bool hard) {
  pending_space_ = false;
  std::string& t = current_.text;
  // Trailing spaces and ideographic spaces go; leading ideographic spaces are indentation.
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back();
  while (t.size() >= 3 && t.compare(t.size() - 3, 3, "\xE3\x80\x80") == 0) t.resize(t.size() - 3);
  if (current_.chars == 0) {
    if (hard && !lines.empty() && !lines.back().blank) {
      Line blank;
      blank.blank = true;
      lines.push_back(std::move(blank));
    }
    current_ = Line();
    return;
  }
  t.shrink_to_fit();  // lines grow by doubling: a large page's would hold half again its text
  lines.push_back(std::move(current_));
  current_ = Line();
}

// ===== Metadata lines ============================================================================

// A label of a government metadata table and the metadata key it fills (empty: a label of the
// page's furniture, consumed without a key).
struct Label {
  std::u32string_view text;
  std::string_view key;
  // A word that a line of an article may also begin with (名称：, 分类：): such a line is metadata
  // only beside another line of metadata, or with a label that is not weak.
  bool weak = false;
};

constexpr Label kLabels[] = {
    {U"索引号", "index_number"},
    {U"主题分类", "topic"},
    {U"主题词", "keywords"},
    {U"关键词", "keywords"},
    {U"发文机关", "issuer"},
    {U"发布机构", "issuer"},
    {U"发文单位", "issuer"},
    {U"成文日期", "written_date"},
    {U"成文时间", "written_date"},
    {U"标题", "title"},
    {U"名称", "title", true},
    {U"发文字号", "doc_number"},
    {U"文号", "doc_number"},
    {U"发布日期", "published_date"},
    {U"发布时间", "published_date"},
    {U"公开日期", "published_date"},
    {U"更新时间", "published_date"},
    {U"更新日期", "published_date"},
    {U"信息分类", "topic"},
    {U"所属分类", "topic"},
    {U"分类", "topic", true},
    {U"发布单位", "issuer"},
    {U"信息来源", "source"},
    {U"文章来源", "source"},
    {U"稿件来源", "source"},
    {U"来源", "source"},
    {U"作者", "author"},
    {U"责任编辑", ""},
    {U"浏览次数", ""},
    {U"点击数", ""},
    {U"阅读次数", ""},
    {U"访问量", ""},
    {U"访问次数", ""},
    {U"浏览量", ""},
    {U"阅读量", ""},
    {U"点击量", ""},
    {U"点击", "", true},
    {U"浏览", "", true},
    {U"字体", ""},
    {U"字号", ""},
    {U"有效性", ""},
    {U"时效", ""},
    {U"体裁分类", ""},
    {U"组配分类", ""},
    {U"服务对象", ""},
    {U"公开方式", ""},
    {U"公开范围", ""},
    {U"生效日期", ""},
    {U"废止日期", ""},
};

bool IsLabelSpace(char32_t c) { return c == U' ' || c == U'\t' || c == 0x3000 || c == 0xA0; }

// The label that starts at `s[i]` (its characters may be spaced out: 索 引 号, 标　　题), followed
// by a colon; sets `*after` to the position past the colon.
const Label* LabelAt(std::u32string_view s, std::size_t i, std::size_t* after) {
  for (const Label& label : kLabels) {
    std::size_t j = i;
    std::size_t matched = 0;
    while (matched < label.text.size() && j < s.size()) {
      if (s[j] == label.text[matched]) {
        ++matched;
        ++j;
      } else if (matched > 0 && IsLabelSpace(s[j])) {
        ++j;
      } else {
        break;
      }
    }
    if (matched < label.text.size()) continue;
    while (j < s.size() && IsLabelSpace(s[j])) ++j;
    if (j < s.size() && (s[j] == U'：' || s[j] == U':')) {
      *after = j + 1;
      return &label;
    }
  }
  return nullptr;
}

// The end of a date and time starting at `s[i]` ("2023-08-15 10:20", "2023年08月15日"), or `i`.
std::size_t DateRun(std::u32string_view s, std::size_t i) {
  constexpr std::size_t kMinDate = 8;  // "2023-8-1"
  std::size_t j = i;
  std::size_t digits = 0;
  while (j < s.size()) {
    const char32_t c = s[j];
    if (c >= U'0' && c <= U'9') {
      ++digits;
    } else if (!(c == U'-' || c == U'/' || c == U':' || c == U'.' || c == U'年' || c == U'月' ||
                 c == U'日' ||
                 (c == U' ' && j + 1 < s.size() && s[j + 1] >= U'0' && s[j + 1] <= U'9'))) {
      break;
    }
    ++j;
  }
  return j - i >= kMinDate && digits >= 6 ? j : i;
}

// A label of a metadata table that kLabels does not name (分　类：, 所属栏目：): two to six
// ideographs, maybe spaced out, and a colon. Taken only beside a known label on the same line.
constexpr Label kOtherLabel{U"", ""};
constexpr std::size_t kOtherLabelMax = 6;

bool IsIdeograph(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }

const Label* OtherLabelAt(std::u32string_view s, std::size_t i, std::size_t* after) {
  std::size_t j = i;
  std::size_t ideographs = 0;
  std::size_t longest_run = 0;  // of ideographs between spaces: 1 when spaced out (分 类)
  std::size_t run = 0;
  bool spaced = false;
  while (j < s.size() && ideographs <= kOtherLabelMax) {
    if (IsIdeograph(s[j])) {
      spaced = spaced || (ideographs > 0 && run == 0);
      ++ideographs;
      longest_run = std::max(longest_run, ++run);
    } else if (ideographs > 0 && IsLabelSpace(s[j])) {
      run = 0;
    } else {
      break;
    }
    ++j;
  }
  // "通知 索引号：" is a value and a label, not one label.
  if (spaced && longest_run > 1) return nullptr;
  if (ideographs < 2 || ideographs > kOtherLabelMax || j >= s.size()) return nullptr;
  if (s[j] != U'：' && s[j] != U':') return nullptr;
  *after = j + 1;
  return &kOtherLabel;
}

bool IsLabelBoundary(char32_t c) {
  return IsLabelSpace(c) || c == U'【' || c == U'[' || c == U'】' || c == U']';
}

// The label that ends the value begun at `after`: at or past `from`, after white space or a
// bracket (any label), or right after the value's last character (a known label with no key,
// such as 浏览量, or one that follows a character that is not an ideograph: "2024-03-22来源：",
// as adjacent <span>s print). Returns null at the end of the line.
const Label* NextLabel(std::u32string_view s, std::size_t after, std::size_t* end,
                       std::size_t* next_after) {
  for (std::size_t i = after + 1; i < s.size(); ++i) {
    if (IsLabelBoundary(s[i - 1])) {
      if (const Label* next = LabelAt(s, i, next_after)) {
        *end = i;
        return next;
      }
      if (const Label* next = OtherLabelAt(s, i, next_after)) {
        *end = i;
        return next;
      }
    } else if (const Label* next = LabelAt(s, i, next_after)) {
      if (next->key.empty() || !IsIdeograph(s[i - 1])) {
        *end = i;
        return next;
      }
    }
  }
  *end = s.size();
  return nullptr;
}

bool IsDateKey(std::string_view key) { return key.ends_with("_date"); }

enum class MetaLine { kNo, kWeak, kYes };

// Reads a line made of "label：value" pairs (a metadata table row "索 引 号：\t000014349/2018-00206
// \t主题分类：\t…", a list item, or "发布时间：2023-05-06 来源：安庆市委组织部"). Returns whether
// the whole line is such pairs; appends the pairs with a key to `out`.
MetaLine ReadMetaLine(std::string_view utf8, Metadata* out) {
  if (utf8.size() > 600) return MetaLine::kNo;  // a paragraph, not a metadata row
  const std::u32string s = text::Decode(utf8);
  std::size_t i = 0;
  while (i < s.size() && (IsLabelSpace(s[i]) || s[i] == U'【' || s[i] == U'[')) ++i;
  std::size_t after = 0;
  const Label* label = LabelAt(s, i, &after);
  if (label == nullptr) label = OtherLabelAt(s, i, &after);
  Metadata found;
  if (label == nullptr) {
    // A news page's byline: "2023年08月15日 10:20  来源：…" (a date, then labelled values).
    const std::size_t date_end = DateRun(s, i);
    if (date_end == i) return MetaLine::kNo;
    std::size_t j = date_end;
    while (j < s.size() && IsLabelSpace(s[j])) ++j;
    label = j > date_end ? LabelAt(s, j, &after) : nullptr;
    if (label == nullptr) return MetaLine::kNo;
    found.emplace_back("published_date",
                       text::Encode(text::Trim(std::u32string_view(s).substr(i, date_end - i))));
  }
  bool known = label != &kOtherLabel;
  bool strong = !found.empty() || (label != nullptr && known && !label->weak);
  while (label != nullptr) {
    // The value runs to the next label or the end of the line.
    std::size_t end = 0;
    std::size_t next_after = 0;
    const Label* next = NextLabel(s, after, &end, &next_after);
    std::u32string_view value = text::Trim(std::u32string_view(s).substr(after, end - after));
    while (!value.empty() && (value.back() == U'【' || value.back() == U'[' ||
                              value.back() == U'】' || value.back() == U']')) {
      value = text::Trim(value.substr(0, value.size() - 1));
    }
    // A date's value is the date and time: not a counter or a word that follows without a label.
    if (IsDateKey(label->key)) {
      if (const std::size_t date_end = DateRun(value, 0); date_end > 0) {
        value = value.substr(0, date_end);
      }
    }
    if (!label->key.empty() && !value.empty()) {
      found.emplace_back(std::string(label->key), text::Encode(value));
    }
    label = next;
    after = next_after;
    known = known || (label != nullptr && label != &kOtherLabel);
    strong = strong || (label != nullptr && label != &kOtherLabel && !label->weak);
  }
  // Labels gongwen does not know alone make a line of text ("主要做法：…"), not metadata.
  if (!known) return MetaLine::kNo;
  out->insert(out->end(), found.begin(), found.end());
  return strong ? MetaLine::kYes : MetaLine::kWeak;
}

// Marks the lines of metadata (Line::meta) and returns their pairs in page order. A weak line
// (名称：…) counts only next to a line that is metadata for sure, as in a metadata table.
Metadata ReadMetaLines(std::vector<Line>& lines) {
  std::vector<MetaLine> kinds(lines.size(), MetaLine::kNo);
  std::vector<Metadata> pairs(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].blank) kinds[i] = ReadMetaLine(lines[i].text, &pairs[i]);
  }
  // A run of weak lines is metadata when it touches a sure line at either end.
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (kinds[i] == MetaLine::kWeak && kinds[i - 1] == MetaLine::kYes) kinds[i] = MetaLine::kYes;
  }
  for (std::size_t i = lines.size(); i-- > 1;) {
    if (kinds[i - 1] == MetaLine::kWeak && kinds[i] == MetaLine::kYes)
      kinds[i - 1] = MetaLine::kYes;
  }
  Metadata out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    lines[i].meta = kinds[i] == MetaLine::kYes;
    if (lines[i].meta) out.insert(out.end(), pairs[i].begin(), pairs[i].end());
  }
  return out;
}

// ===== Furniture =================================================================================

constexpr std::size_t kFurnitureMaxChars = 80;  // longer lines are text, whatever they say
// Separators between links ("|", ">>", "【】"); longer runs of symbols are a document's rules
// (the red line of a 公文's 版头, "──────"), which are text.
constexpr std::uint32_t kSymbolsMaxChars = 4;

// Whether a short line is site furniture by what it says: breadcrumbs, toolbars, footers.
// Words found in prose too ("发布相关新闻") count only in short lines without punctuation, or at
// the start of a line.
bool IsFurnitureText(const Line& line) {
  static constexpr std::string_view kStrong[] = {
      "当前位置",  "您的位置",   "你的位置",   "您现在的位置", "现在位置：", "版权所有",
      "ICP备",     "ICP证",      "网站标识码", "分享到",       "打印本页",   "关闭窗口",
      "【打印】",  "【关闭】",   "[打印]",     "[关闭]",       "大 中 小",   "【大】",
      "扫一扫",    "在手机打开", "我要纠错",   "返回顶部",     "设为首页",   "加入收藏",
      "公网安备",  "收藏本页",   "打印此页",   "关闭本页",     "保存本页",   "政府网站找错",
      "【字体",    "字体：",     "字号：",     "首页 >",       "首页>",      "首页 »",
      "首页»",     "首页 ›",     "> 正文",     ">正文",        "Copyright",  "COPYRIGHT",
      "copyright", "©"};
  static constexpr std::string_view kWeak[] = {
      "网站地图", "主办单位", "承办单位", "主办：",   "承办：",   "联系我们",
      "相关链接", "相关文章", "相关新闻", "相关阅读", "上一篇",   "下一篇",
      "网站声明", "隐私声明", "技术支持", "无障碍",   "适老化",   "繁體",
      "网站纠错", "意见建议", "免责声明", "关于我们", "网站导航", "智能问答"};
  constexpr std::uint32_t kWeakMaxChars = 30;
  const std::string_view t = line.text;
  for (std::string_view w : kStrong) {
    if (t.find(w) != std::string_view::npos) return true;
  }
  const bool short_line = line.chars <= kWeakMaxChars && line.punct == 0;
  for (std::string_view w : kWeak) {
    const std::size_t at = t.find(w);
    if (at != std::string_view::npos && (short_line || at == 0)) return true;
  }
  return false;
}

// Whether a line has no letters, digits or Han at all ("|", "》", "【】").
bool IsSymbolsOnly(std::string_view t) {
  for (const char32_t c : text::Decode(t)) {
    if (c < 0x80 ? text::IsAsciiAlnum(c) : (text::IsHan(c) || (c >= 0xFF10 && c <= 0xFF5A))) {
      return false;
    }
  }
  return true;
}

// A line of links that still belongs to the text: an attachment ("附件：…", "….pdf").
bool IsAttachmentLink(std::string_view t) {
  if (t.find("附件") != std::string_view::npos) return true;
  for (std::string_view ext : {".doc", ".pdf", ".xls", ".wps", ".ofd", ".zip", ".rar", ".txt"}) {
    if (FindNoCase(t, ext) != kNone) return true;
  }
  return false;
}

// ===== Choosing the main content ================================================================

// Content weight of a line: its own (not linked) characters, full for sentences (punctuated or
// long), less for short unpunctuated lines (titles and signatures, but also menus).
double GoodWeight(const Line& line) {
  if (line.blank || line.meta || line.furniture) return 0;
  const double own = line.chars - line.link_chars;
  if (line.link_chars * 2 > line.chars) return 0;
  return line.punct > 0 || own >= 20 ? own : own * 0.3;
}

// Weight of a line against its block: links and furniture.
double BadWeight(const Line& line) {
  if (line.blank || line.meta) return 0;
  if (line.furniture) return line.chars;
  return line.link_chars;
}

// The block with the best score (content weight minus 1.5 times links and furniture, times its
// hint), or null when no block has content (a page of navigation only).
const Block* ChooseBlock(const std::vector<Line>& lines, const std::vector<Block>& blocks) {
  std::vector<double> good(lines.size() + 1, 0);
  std::vector<double> bad(lines.size() + 1, 0);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    good[i + 1] = good[i] + GoodWeight(lines[i]);
    bad[i + 1] = bad[i] + BadWeight(lines[i]);
  }
  const Block* best = nullptr;
  double best_score = 0;
  for (const Block& block : blocks) {
    const double g = good[block.end] - good[block.begin];
    if (g <= 0) continue;
    double score = g - 1.5 * (bad[block.end] - bad[block.begin]);
    if (score > 0) score *= block.hint;
    if (best == nullptr || score > best_score) {
      best = &block;
      best_score = score;
    }
  }
  return best_score > 0 ? best : nullptr;
}

// Marks the lines of navigation-like blocks inside `chosen` (a share bar, a related-links list)
// as excluded, unless such a block holds most of the chosen block's text.
void ExcludeNavigation(std::vector<Line>& lines, const std::vector<Block>& blocks,
                       const Block& chosen) {
  // Prefix sums and a difference array keep this linear however the blocks nest.
  std::vector<double> good(lines.size() + 1, 0);
  for (std::size_t i = 0; i < lines.size(); ++i) good[i + 1] = good[i] + GoodWeight(lines[i]);
  const double total = good[chosen.end] - good[chosen.begin];
  std::vector<int> marks(lines.size() + 1, 0);
  for (const Block& block : blocks) {
    if (block.hint >= 1 || &block == &chosen) continue;
    if (block.begin < chosen.begin || block.end > chosen.end) continue;
    if ((good[block.end] - good[block.begin]) * 2 > total) continue;
    ++marks[block.begin];
    --marks[block.end];
  }
  int open = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    open += marks[i];
    if (open > 0) lines[i].excluded = true;
  }
}

// Whether a line of the chosen block is main text.
bool IsMainText(const Line& line) {
  if (line.meta || line.furniture || line.excluded) return false;
  if (line.blank) return true;
  const bool menu_like = line.link_chars * 5 >= line.chars * 4 && line.chars <= 40;
  return !menu_like || IsAttachmentLink(line.text);
}

// `s` without white space, for comparing titles with text.
std::string Squeeze(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto length = static_cast<std::int32_t>(std::min<std::size_t>(s.size(), INT32_MAX));
  for (std::int32_t i = 0; i < length;) {
    const std::int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || !text::IsSpace(static_cast<char32_t>(c))) out.append(s.substr(start, i - start));
  }
  return out;
}

// Whether the lines (null: a blank line), white space removed and joined, start with (or, when
// `at_start` is false, contain) `needle`, which has no white space. Looked for line by line, so
// that the text of a large page is not copied whole.
bool SqueezedLinesHave(const std::vector<const std::string*>& lines, std::string_view needle,
                       bool at_start) {
  std::string window;
  for (const std::string* line : lines) {
    if (line == nullptr) continue;
    window += Squeeze(*line);
    if (at_start) {
      if (window.size() >= needle.size()) return window.starts_with(needle);
      continue;
    }
    if (window.find(needle) != std::string::npos) return true;
    // Keep what a match across the next line boundary may start with.
    if (window.size() > needle.size()) window.erase(0, window.size() - needle.size());
  }
  return false;
}

// The article title in a <title> such as "国务院关于…的通知_政府信息公开专栏": its longest part.
std::string TitleFromTitleTag(std::string_view title) {
  const std::u32string s = text::Decode(TrimAscii(title));
  std::u32string_view best;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    // A hyphen cuts between words ("通知 - 某市" or "通知-某市"), not inside "2023-2024".
    const bool hyphen = i > 0 && i + 1 < s.size() && s[i] == U'-' &&
                        !text::IsAsciiAlnum(s[i - 1]) && !text::IsAsciiAlnum(s[i + 1]);
    const bool cut = i == s.size() || s[i] == U'_' || s[i] == U'|' || s[i] == U'｜' || hyphen;
    if (!cut) continue;
    const std::u32string_view part = text::Trim(std::u32string_view(s).substr(start, i - start));
    if (part.size() > best.size()) best = part;
    start = i + 1;
  }
  return text::Encode(best);
}

const std::string* Find(const Metadata& metadata, std::string_view key) {
  for (const auto& [k, v] : metadata) {
    if (k == key) return &v;
  }
  return nullptr;
}

// The page's metadata: meta tags, then the metadata lines, one value per key (the first found,
// but a metadata table's 标题 before the <meta> ArticleTitle and the <title>).
Metadata MergeMetadata(const LineWriter& writer, const Metadata& from_lines,
                       const std::string& title) {
  Metadata merged;
  auto add = [&merged](const std::string& key, const std::string& value) {
    if (!value.empty() && Find(merged, key) == nullptr) merged.emplace_back(key, value);
  };
  add("title", title);
  for (const auto& [key, value] : writer.meta_tags) add(key, value);
  for (const auto& [key, value] : from_lines) add(key, value);
  return merged;
}

// The headline shown just before the chosen block (within a few lines), if any.
const Line* HeadlineBefore(const std::vector<Line>& lines, const Block* chosen) {
  constexpr std::size_t kLookBack = 8;
  if (chosen == nullptr) return nullptr;
  if (chosen->begin < chosen->end && lines[chosen->begin].heading) return nullptr;
  for (std::size_t i = chosen->begin, steps = 0; i > 0 && steps < kLookBack; --i, ++steps) {
    const Line& line = lines[i - 1];
    if (line.heading && !line.blank && !line.meta && !line.furniture &&
        line.link_chars * 2 <= line.chars) {
      return &line;
    }
  }
  return nullptr;
}

// The page's article title: the metadata table's, the ArticleTitle meta tag's, a headline just
// before the chosen block, else the <title> when the page shows it as a line of its own.
std::string ArticleTitle(const LineWriter& writer, const Metadata& from_lines, const Block* chosen,
                         bool* shown, bool* headline_shown) {
  *shown = true;
  *headline_shown = false;
  if (const std::string* t = Find(from_lines, "title")) return *t;
  if (const std::string* t = Find(writer.meta_tags, "title")) return *t;
  if (const Line* headline = HeadlineBefore(writer.lines, chosen)) {
    *headline_shown = true;
    return headline->text;
  }
  // The block's own first heading, when the <title> holds it ("标题-某市卫健委"): exact, where
  // cutting the site's name off the <title> is a guess.
  if (chosen != nullptr && chosen->begin < chosen->end) {
    const Line& first = writer.lines[chosen->begin];
    const std::string heading = Squeeze(first.text);
    if (first.heading && !first.meta && !heading.empty() &&
        Squeeze(writer.title).find(heading) != std::string::npos) {
      return first.text;
    }
  }
  const std::string title = TitleFromTitleTag(writer.title);
  *shown = false;
  const std::string squeezed = Squeeze(title);
  if (squeezed.empty()) return {};
  for (const Line& line : writer.lines) {
    if (!line.blank && Squeeze(line.text) == squeezed) *shown = true;
  }
  return title;
}

// The text of the chosen block's main lines, blank lines collapsed, with the article title first
// when the block lacks it. A headline shown above the block is the first line the reader sees:
// it comes first unless the block starts with it, even when the text repeats it further down.
std::string ComposeText(const std::vector<Line>& lines, const Block& chosen,
                        const std::string& title, bool headline) {
  std::vector<const std::string*> out;
  for (std::size_t i = chosen.begin; i < chosen.end; ++i) {
    const Line& line = lines[i];
    if (!IsMainText(line)) continue;
    if (line.blank && (out.empty() || out.back() == nullptr)) continue;
    out.push_back(line.blank ? nullptr : &line.text);
  }
  while (!out.empty() && out.back() == nullptr) out.pop_back();
  if (out.empty()) return {};
  const std::string squeezed_title = Squeeze(title);
  const bool add_title =
      !squeezed_title.empty() && !SqueezedLinesHave(out, squeezed_title, headline);
  std::size_t size = add_title ? title.size() + 1 : 0;
  for (const std::string* line : out) size += (line != nullptr ? line->size() : 0) + 1;
  std::string text;
  text.reserve(size);  // a large page's text is built once, not grown by doubling
  if (add_title) text += title + "\n";
  for (const std::string* line : out) {
    if (line != nullptr) text += *line;
    text += '\n';
  }
  text.pop_back();
  return text;
}

// Frees a string's memory (clear() keeps its capacity).
void Release(std::string* s) {
  if (s != nullptr) std::string().swap(*s);
}

// Parses the UTF-8 page and extracts its main text and metadata.
DecodedText ExtractFromUtf8(std::string utf8, std::string charset, std::string_view name) {
  CheckNesting(utf8, name);
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // the parse errors are of no use here: do not collect them
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&options, utf8.data(), utf8.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  if (!output) throw DecodeError(std::string(name), 0, "the HTML parser failed");
  // The tree holds copies of the text and attributes (and only positions into the page, which we
  // never read), so the page can go before the walk.
  Release(&utf8);
  LineWriter writer;
  writer.Walk(output->document);
  output.reset();
  const Metadata from_lines = ReadMetaLines(writer.lines);
  for (Line& line : writer.lines) {
    if (line.blank) continue;
    line.furniture =
        !line.meta && line.chars <= kFurnitureMaxChars &&
        (IsFurnitureText(line) || (line.chars <= kSymbolsMaxChars && IsSymbolsOnly(line.text)));
  }
  const Block* chosen = ChooseBlock(writer.lines, writer.blocks);
  bool title_shown = false;
  bool headline = false;
  const std::string title = ArticleTitle(writer, from_lines, chosen, &title_shown, &headline);
  DecodedText result;
  result.encoding = std::move(charset);
  result.format = "html";
  result.metadata = MergeMetadata(writer, from_lines, title);
  if (chosen != nullptr) {
    ExcludeNavigation(writer.lines, writer.blocks, *chosen);
    result.text = ComposeText(writer.lines, *chosen, title_shown ? title : std::string(), headline);
  }
  return result;
}

}  // namespace

bool LooksLikeHtml(std::string_view head) {
  std::string_view s = head;
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  for (;;) {
    s = TrimAscii(s);
    if (!s.starts_with("<!--")) break;
    const std::size_t end = s.find("-->");
    if (end == kNone) return false;
    s.remove_prefix(end + 3);
  }
  if (s.starts_with("<?xml")) return FindNoCase(s, "<html") != kNone;
  if (StartsNoCase(s, "<!doctype html")) return true;
  static constexpr std::string_view kTags[] = {
      "html",  "head", "meta", "body",   "title",   "div",     "table",  "p",   "script",
      "style", "link", "base", "center", "font",    "span",    "h1",     "h2",  "h3",
      "br",    "a",    "form", "ul",     "section", "article", "header", "nav", "main"};
  if (s.starts_with('<')) {
    for (std::string_view tag : kTags) {
      if (!StartsNoCase(s.substr(1), tag)) continue;
      const std::size_t after = tag.size() + 1;
      if (after == s.size() || IsAsciiSpace(s[after]) || s[after] == '>' || s[after] == '/') {
        return true;
      }
    }
    return false;
  }
  return LooksLikeMht(head);
}

DecodedText ExtractHtml(std::string_view bytes, std::string_view name, std::string_view encoding,
                        std::string* release) {
  std::string_view page = bytes;
  HtmlSource mht;
  std::string_view trimmed = TrimAscii(bytes.substr(0, 4096));
  if (!trimmed.starts_with('<') && LooksLikeMht(trimmed)) {
    mht = ExtractMhtHtml(bytes, name);
    page = mht.bytes;
  }
  PageText decoded = DecodePage(page, name, encoding, mht.charset);
  Release(release);
  Release(&mht.bytes);
  return ExtractFromUtf8(std::move(decoded.utf8), std::move(decoded.charset), name);
}

}  // namespace gongwen
