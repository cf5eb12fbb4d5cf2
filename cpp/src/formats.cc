// DecodeBytes: which reader a file's bytes go to, told by their first bytes (not by the file's
// name, which downloads often get wrong: a .doc that is a web page, a .html that is a PDF).
#include "formats.h"

#include <cstdlib>
#include <string>
#include <string_view>

#include "gongwen/decode.h"
#include "gongwen/error.h"
#include "text.h"

namespace gongwen {
namespace {

constexpr std::string_view kOle2Magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
// A converter may take long on a big file, but never this long on a document.
constexpr int kConvertSeconds = 120;
// Markup is recognised in the first bytes, as browsers sniff it.
constexpr std::size_t kHtmlSniffBytes = 4096;

bool IsOle2(std::string_view bytes) { return bytes.starts_with(kOle2Magic); }

// Whether `s` ends with `suffix` (lower case), ignoring ASCII case.
bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         text::LowerAscii(s.substr(s.size() - suffix.size())) == suffix;
}

// OFD writers differ in the case of OFD.xml and may root it with '/'.
bool HasMemberNoCase(const ZipReader& package, std::string_view lower_name) {
  for (const ZipMember& member : package.members()) {
    std::string_view name = member.name;
    if (name.starts_with('/')) name.remove_prefix(1);
    if (name.size() == lower_name.size() && EndsWithNoCase(name, lower_name)) return true;
  }
  return false;
}

bool IsWordPackage(const ZipReader& package) {
  return package.Find("word/document.xml") || package.Find("[Content_Types].xml");
}

DecodedText Labelled(DecodedText decoded, std::string format, std::string encoding) {
  decoded.format = std::move(format);
  decoded.encoding = std::move(encoding);
  return decoded;
}

// A zip package: a DOCX, an ODT or an OFD by the part that each format requires. A plain zip
// archive is many documents, not one.
DecodedText DecodePackage(std::string_view bytes, std::string_view name) {
  ZipReader package(bytes, name);
  if (IsWordPackage(package)) {
    return Labelled(ExtractDocx(package), "docx", "DOCX");
  }
  if (HasMemberNoCase(package, "ofd.xml")) return Labelled(ExtractOfd(package), "ofd", "OFD");
  if (package.Find("content.xml")) return Labelled(ExtractOdt(package), "odt", "ODT");
  throw DecodeError(std::string(name), 0,
                    "a zip archive, not a document: Corpus.from_paths reads its members, and "
                    "read_text reads one as 'archive.zip/member'");
}

// DOC and WPS: converted to DOCX by LibreOffice, then read as DOCX (numbering and tables as
// printed); without LibreOffice, antiword's text (numbering lost); without either, the error
// says what to install.
// Which converter reads DOC and WPS: $GONGWEN_DOC_CONVERTER ("libreoffice" or "antiword") when
// set, else LibreOffice (numbering kept), else antiword when only it is installed. antiword is a
// hundred times faster (no office to start) and keeps the Chinese text, so a large corpus may
// choose it and give up automatic list numbers.
bool UseAntiword(std::string_view name) {
  const char* chosen = std::getenv("GONGWEN_DOC_CONVERTER");
  const std::string_view choice = chosen == nullptr ? "" : chosen;
  if (choice == "antiword") return true;
  if (choice == "libreoffice") return false;
  if (!choice.empty()) {
    throw DecodeError(std::string(name), 0,
                      "GONGWEN_DOC_CONVERTER is '" + std::string(choice) +
                          "': set it to libreoffice or antiword, or unset it");
  }
  return FindSoffice().empty() && !FindAntiword().empty();
}

DecodedText DecodeWordBinary(std::string_view bytes, std::string_view name) {
  const std::string_view suffix = EndsWithNoCase(name, ".wps") ? ".wps" : ".doc";
  if (UseAntiword(name)) return ConvertDocToText(bytes, name, suffix, kConvertSeconds);
  const std::string docx = ConvertToDocx(bytes, name, suffix, kConvertSeconds);
  ZipReader package(docx, name);
  return Labelled(ExtractDocx(package), "doc", suffix == ".wps" ? "WPS" : "DOC");
}

// RTF (.rtf, and .doc files that some sites' systems write as RTF): converted to
// DOCX by LibreOffice as DOC is (antiword reads no RTF).
DecodedText DecodeRtf(std::string_view bytes, std::string_view name) {
  const std::string docx = ConvertToDocx(bytes, name, ".rtf", kConvertSeconds);
  ZipReader package(docx, name);
  return Labelled(ExtractDocx(package), "rtf", "RTF");
}

// A font's name in lower case, without the spaces around it.
std::string LowerFontName(std::string_view font) {
  while (!font.empty() && font.front() == ' ') font.remove_prefix(1);
  while (!font.empty() && font.back() == ' ') font.remove_suffix(1);
  return text::LowerAscii(font);
}

}  // namespace

bool LooksLikeRtf(std::string_view head) { return head.starts_with("{\\rtf"); }

// The glyphs that documents use: relations, arithmetic, arrows, Greek letters, check marks,
// boxes, bullets.
char32_t SymbolFontChar(std::string_view font, long code) {
  if (code >= 0xF000 && code <= 0xF0FF) code &= 0xFF;
  struct Glyph {
    unsigned char code;
    char32_t unicode;
  };
  static constexpr Glyph kSymbol[] = {
      {0x2D, U'−'}, {0x44, U'Δ'}, {0x53, U'Σ'}, {0x57, U'Ω'}, {0x61, U'α'}, {0x62, U'β'},
      {0x64, U'δ'}, {0x67, U'γ'}, {0x6C, U'λ'}, {0x6D, U'μ'}, {0x70, U'π'}, {0x73, U'σ'},
      {0xA3, U'≤'}, {0xA5, U'∞'}, {0xAC, U'←'}, {0xAD, U'↑'}, {0xAE, U'→'}, {0xAF, U'↓'},
      {0xB0, U'°'}, {0xB1, U'±'}, {0xB3, U'≥'}, {0xB4, U'×'}, {0xB7, U'•'}, {0xB8, U'÷'},
      {0xB9, U'≠'}, {0xBA, U'≡'}, {0xBB, U'≈'}, {0xD6, U'√'}};
  static constexpr Glyph kWingdings[] = {{0x6C, U'●'}, {0x6E, U'■'}, {0x6F, U'□'}, {0x75, U'◆'},
                                         {0x9F, U'•'}, {0xA7, U'▪'}, {0xA8, U'◻'}, {0xD8, U'➢'},
                                         {0xE8, U'➔'}, {0xFB, U'✗'}, {0xFC, U'✔'}, {0xFD, U'☒'},
                                         {0xFE, U'☑'}};
  const auto lookup = [code](const auto& table) -> char32_t {
    for (const Glyph& glyph : table) {
      if (glyph.code == code) return glyph.unicode;
    }
    return 0;
  };
  const std::string lower = LowerFontName(font);
  if (lower == "symbol") return lookup(kSymbol);
  if (lower == "wingdings") return lookup(kWingdings);  // Wingdings 2 and 3 draw others
  return 0;
}

bool IsSymbolFont(std::string_view font) {
  const std::string lower = LowerFontName(font);
  return lower == "symbol" || lower == "wingdings";
}

bool IsDocumentPackage(const ZipReader& package) {
  return IsWordPackage(package) || HasMemberNoCase(package, "ofd.xml") ||
         package.Find("content.xml") != nullptr;
}

bool IsContainerHead(std::string_view head) {
  return head.starts_with("%PDF-") || LooksLikeZip(head) || IsOle2(head);
}

namespace {

// The dispatch of DecodeBytes and DecodeOwnedBytes: `release`, when given, is the buffer behind
// `bytes`, which a reader may free once it has what it needs.
DecodedText Dispatch(std::string_view bytes, std::string_view name, std::string_view encoding,
                     std::string* release) {
  if (bytes.starts_with("%PDF-")) return {ExtractPdfText(bytes, name), "PDF", "pdf"};
  if (LooksLikeZip(bytes)) return DecodePackage(bytes, name);
  if (IsOle2(bytes)) return DecodeWordBinary(bytes, name);
  if (LooksLikeRtf(bytes)) return DecodeRtf(bytes, name);
  if (LooksLikeHtml(bytes.substr(0, kHtmlSniffBytes))) {
    return ExtractHtml(bytes, name, encoding, release);
  }
  return DecodeTextBytes(bytes, name, encoding);
}

}  // namespace

DecodedText DecodeBytes(std::string_view bytes, std::string_view name, std::string_view encoding) {
  return Dispatch(bytes, name, encoding, nullptr);
}

DecodedText DecodeOwnedBytes(std::string bytes, std::string_view name, std::string_view encoding) {
  return Dispatch(bytes, name, encoding, &bytes);
}

}  // namespace gongwen
