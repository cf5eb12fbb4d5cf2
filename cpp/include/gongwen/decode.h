// Reading files and byte buffers into UTF-8 text: BOM-marked Unicode, GB18030/GBK and the other
// legacy encodings (through ICU's charset detection), and PDF (through poppler).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gongwen {

// What a file says about itself besides its text, as (key, value) pairs in the order found: a web
// page's <title> and <meta> tags and a government site's metadata table, a DOCX's properties.
// Keys are gongwen's own: "title", "doc_number" (发文字号), "issuer" (发文机关), "written_date"
// (成文日期), "published_date" (发布日期 / PubDate), "index_number" (索引号), "topic" (主题分类),
// "source" (来源 / ContentSource), "author", "keywords", "description", "url", "created"
// (a package's creation date).
using Metadata = std::vector<std::pair<std::string, std::string>>;

// The result of decoding: UTF-8 text and the name of the encoding it was decoded from.
struct DecodedText {
  DecodedText() = default;
  DecodedText(std::string text_, std::string encoding_, std::string format_ = "text",
              Metadata metadata_ = {})
      : text(std::move(text_)),
        encoding(std::move(encoding_)),
        format(std::move(format_)),
        metadata(std::move(metadata_)) {}

  // Always valid UTF-8, without the byte-order mark the input may have started with.
  std::string text;
  // "UTF-8" (also for ASCII, empty input and UTF-8 with a BOM), "UTF-16LE", "UTF-16BE",
  // "UTF-32LE", "UTF-32BE", a detected legacy charset as ICU names it ("GB18030", "Big5",
  // "EUC-KR", "windows-1252", ...), the standard name of a forced encoding ("GBK"), or "PDF".
  // A web page's is the charset of its HTML; a package's its format ("DOCX", "OFD", ...).
  std::string encoding;
  // "text", "pdf", "html", "docx", "odt", "ofd", "doc" (DOC or WPS, through a converter).
  std::string format = "text";
  Metadata metadata;
};

// Decodes `bytes` to UTF-8. `encoding` forces a charset (any name ICU knows, e.g. "GBK"; an
// unknown name throws std::invalid_argument) and skips all detection. Empty means detect, in
// this order: "%PDF-" (text extracted with poppler); a byte-order mark; NUL bytes (UTF-16/32
// without a BOM, else binary data); many control characters (binary data); strict UTF-8; then
// ICU's charset detector over the first 256 KiB, preferring GB18030 for text that looks like
// GB2312 Chinese. Every candidate converts the whole input strictly, so nothing is replaced or
// dropped. 7-bit encodings (HZ, ISO-2022) read as ASCII unless forced. `name` only labels
// errors. Throws DecodeError with the byte offset of the first undecodable byte under the best
// candidate (or of the first NUL/control byte of binary data).
DecodedText DecodeBytes(std::string_view bytes, std::string_view name = "<bytes>",
                        std::string_view encoding = {});

// Reads the whole file at `path` (opened read-only, never modified) and decodes it as
// DecodeBytes does, with `path` as the name in errors. An empty file is empty UTF-8 text. Throws
// FileError with errno (ENOENT missing, EISDIR a directory, EACCES, EIO, ...) or DecodeError.
DecodedText ReadText(const std::string& path, std::string_view encoding = {});

// Extracts the text of a PDF document, page after page, pages separated by a form feed ('\f').
// Each page keeps its printed lines, top to bottom, with leading spaces for indentation and
// blank lines for vertical gaps (poppler's physical layout). `name` only labels errors. Throws
// DecodeError at offset 0 for a damaged, truncated or password-protected document; prints
// nothing (poppler's warnings are silenced process-wide).
std::string ExtractPdfText(std::string_view pdf_bytes, std::string_view name = "<pdf>");

}  // namespace gongwen
