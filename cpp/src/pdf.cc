// Text extraction from PDF documents with poppler-cpp.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

#include "gongwen/decode.h"
#include "gongwen/error.h"
#include "text.h"

namespace gongwen {
namespace {

// Poppler writes its complaints about damaged files to stderr unless it is given a handler. The
// library prints nothing (failures become exceptions), so it installs one that drops them. The
// handler is process-wide; installing it once is enough.
void SilencePoppler() {
  static std::once_flag once;
  std::call_once(
      once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

// Converts poppler's UTF-16 to UTF-8. Not ustring::to_utf8(), which (poppler 22.12) stops at an
// unpaired surrogate and silently drops the rest of the page; a broken ToUnicode map in a PDF
// can produce one. Here it becomes U+FFFD and the text goes on.
std::string ToUtf8(const poppler::ustring& units) {
  std::string utf8;
  utf8.reserve(units.size() * 3);
  for (std::size_t i = 0; i < units.size(); ++i) {
    char32_t c = units[i];
    const bool pair = c >= 0xD800 && c <= 0xDBFF && i + 1 < units.size() &&
                      units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF;
    if (pair) c = 0x10000 + ((c - 0xD800) << 10) + (units[++i] - 0xDC00);
    text::AppendUtf8(utf8, c);  // a lone surrogate becomes U+FFFD
  }
  return utf8;
}

// The text of one page, top to bottom, without poppler's closing form feed. Physical layout
// (page::text()'s default) sorts the text by its position on the page and keeps each printed
// line as one line, with leading spaces for indentation and blank lines for vertical gaps: the
// paragraph indents, centred titles and line spacing that the cleaning step uses to re-join hard
// wraps, in the shape of the reference text. Raw order follows the content stream instead, which
// generators write in any order (running footers first or last, text boxes anywhere); the
// "non-raw, non-physical" reading-order layout drops indentation and blank lines, and reorders a
// table's cells column by column, where physical layout keeps each row on one line. Its one
// weakness, columns set side by side, does not arise in single-column official documents.
std::string PageText(const poppler::page& page) {
  std::string text = ToUtf8(page.text(poppler::rectf(), poppler::page::physical_layout));
  if (!text.empty() && text.back() == '\f') text.pop_back();
  return text;
}

}  // namespace

std::string ExtractPdfText(std::string_view pdf_bytes, std::string_view name) {
  SilencePoppler();
  if (pdf_bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    throw DecodeError(std::string(name), 0, "PDF larger than 2 GiB");
  }
  // Poppler reads the buffer in place; pdf_bytes outlives the document.
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(pdf_bytes.data(), static_cast<int>(pdf_bytes.size())));
  if (!document) {
    throw DecodeError(std::string(name), 0, "not a readable PDF (damaged or truncated)");
  }
  if (document->is_locked()) {
    throw DecodeError(std::string(name), 0, "encrypted PDF (a password is required)");
  }
  std::string text;
  const int pages = document->pages();
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(document->create_page(i));
    if (!page) {
      throw DecodeError(std::string(name), 0, "PDF page " + std::to_string(i + 1) + " is damaged");
    }
    if (i > 0) text += '\f';
    text += PageText(*page);
  }
  return text;
}

}  // namespace gongwen
