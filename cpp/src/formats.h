// Internal: the readers of the formats besides plain text and PDF. DecodeBytes (decode.cc) tells
// the formats apart by their first bytes and calls these; each takes the whole file's bytes and
// throws DecodeError (labelled `name`) for a file it cannot read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gongwen/decode.h"
#include "gongwen/files.h"
#include "zip.h"

namespace gongwen {

// --- Plain text (decode.cc) and the dispatch (formats.cc) -----------------------------------
// Decodes bytes as text only, without looking for a container format: the BOM, NUL, UTF-8 and
// charset-detection steps of DecodeBytes (which calls it for text), or the forced `encoding`.
DecodedText DecodeTextBytes(std::string_view bytes, std::string_view name,
                            std::string_view encoding);
// DecodeBytes of bytes it takes over: a web page's are freed as soon as they are decoded, so
// that a large page is held once, not twice, while it is parsed (ReadText, archive members).
DecodedText DecodeOwnedBytes(std::string bytes, std::string_view name, std::string_view encoding);
// True when the head of a file is a PDF, a zip package or an OLE2 compound file (DOC, WPS):
// binary containers that the text checks must not reject for their NUL bytes.
bool IsContainerHead(std::string_view head);
// True when a file's head is RTF ("{\\rtf"), read through LibreOffice as DOC is.
bool LooksLikeRtf(std::string_view head);
// The Unicode character that byte `code` (0-255, or F000-F0FF as Word and OFD writers give it)
// of the Symbol or Wingdings font draws, for the common ones; 0 for another font or glyph.
char32_t SymbolFontChar(std::string_view font, long code);
// True for the fonts SymbolFontChar knows (Symbol, Wingdings), any case.
bool IsSymbolFont(std::string_view font);
// True when a zip package is one document (a DOCX, ODT or OFD by the part each requires), not
// an archive of documents.
bool IsDocumentPackage(const ZipReader& package);
// The bytes of the member that `path` names inside a zip archive on disk ("dir/a.zip/b/c.docx",
// also nested: "a.zip/b.zip/c.txt"). Throws FileError (ENOENT) when no archive or member is
// there, DecodeError when the archive cannot be read or the member passes a limit.
std::string ReadArchiveMember(const std::string& path);
// ListArchive (gongwen/files.h) of an archive already in memory, named `path`.
std::vector<ArchiveEntry> ListArchiveBytes(const std::string& bytes, const std::string& path);
// The same, of an archive already open.
std::vector<ArchiveEntry> ListArchiveMembers(ZipReader& archive, const std::string& path);
// The bytes of the entry `member_path` ("path/member") that ListArchiveBytes gave, through
// `reader` (opened over `bytes`) when the member is at the top level.
std::string ReadArchiveMemberBytes(const std::string& bytes, const std::string& path,
                                   const std::string& member_path, ZipReader* reader);

// --- Web pages (html.cc, with gumbo) ---------------------------------------------------------
// True when the head of a file is HTML markup (a doctype, <html>, <head>, <meta>, <body>, ...
// after a BOM, whitespace and comments), or an MHT (MIME) page archive holding text/html.
bool LooksLikeHtml(std::string_view head);
// The main content of a web page as lines of text (DecodedText::format "html"; `encoding` is the
// charset it was decoded from: the forced one, a BOM, <meta charset>/http-equiv, else detected as
// for text), with the page's metadata (title, dates, the government metadata table).
// `release`, when given, holds `bytes` and is emptied once they are decoded (the caller's copy).
DecodedText ExtractHtml(std::string_view bytes, std::string_view name, std::string_view encoding,
                        std::string* release = nullptr);

// --- Word processor packages (docx.cc, with pugixml) -----------------------------------------
// The body of a DOCX (word/document.xml): paragraphs in order, numbering rendered as printed,
// tables as rows, text boxes and footnotes; headers, footers and deleted revisions left out.
// Metadata from docProps/core.xml (title, author, created).
DecodedText ExtractDocx(ZipReader& package);
// The body of an ODT (content.xml): paragraphs, headings, lists, tables.
DecodedText ExtractOdt(ZipReader& package);

// --- OFD, GB/T 33190 (ofd.cc, with pugixml) --------------------------------------------------
// The text of every page in reading order, lines and paragraphs rebuilt from the text objects'
// positions, pages separated by '\f' (as for PDF). Throws DecodeError when the document has
// pages but their text is only glyph outlines or images.
DecodedText ExtractOfd(ZipReader& package);

// --- DOC and WPS through a converter (convert.cc) --------------------------------------------
// Converts a binary Word 97-2003 or WPS file to DOCX with LibreOffice (soffice --headless) in a
// temporary directory of its own, removed afterwards, killed after `timeout_seconds`. Throws
// DecodeError when no converter is installed (saying what to install), on timeout, or when the
// conversion fails.
// `suffix` (".doc" or ".wps") names the copy LibreOffice reads; throws std::invalid_argument
// for a suffix that is not letters and digits or a time limit <= 0. Thread-safe.
std::string ConvertToDocx(std::string_view bytes, std::string_view name, std::string_view suffix,
                          int timeout_seconds);
// The fallback when LibreOffice is absent: the text of a Word 97-2003 (or WPS) file through
// antiword, paragraphs as lines, table rows as tab-separated cells (automatic list numbers are
// lost). format "doc", encoding "DOC" or "WPS"; same errors, limits and safety as ConvertToDocx.
DecodedText ConvertDocToText(std::string_view bytes, std::string_view name, std::string_view suffix,
                             int timeout_seconds);
// The converter programs these run: $GONGWEN_SOFFICE (resp. $GONGWEN_ANTIWORD) when set, even
// to a missing file, else soffice/libreoffice (antiword) on PATH, else LibreOffice's usual
// install places; empty when none. Dispatch: ConvertToDocx unless FindSoffice() is empty and
// FindAntiword() is not.
std::string FindSoffice();
std::string FindAntiword();

}  // namespace gongwen
