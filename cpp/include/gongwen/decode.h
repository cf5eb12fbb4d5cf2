// Reading files and byte buffers into UTF-8 text: BOM-marked Unicode, GB18030/GBK and the other
// legacy encodings (through ICU's charset detection), and PDF (through poppler).
#pragma once

#include <string>
#include <string_view>

namespace gongwen {

// The result of decoding: UTF-8 text and the name of the encoding it was decoded from
// ("UTF-8", "UTF-16LE", "GB18030", ..., or "PDF").
struct DecodedText {
  std::string text;
  std::string encoding;
};

// Decodes `bytes` to UTF-8. `encoding` forces a charset (any name ICU knows, e.g. "GBK");
// empty means detect: a BOM, then strict UTF-8, then ICU's charset detector, preferring GB18030
// among the Chinese multi-byte encodings. PDF bytes (starting with "%PDF-") are extracted with
// poppler. `name` only labels errors. Throws DecodeError naming the first undecodable byte.
DecodedText DecodeBytes(std::string_view bytes, std::string_view name = "<bytes>",
                        std::string_view encoding = {});

// Reads the file at `path` and decodes it as DecodeBytes does. Throws FileError (missing, a
// directory, unreadable) or DecodeError. The file is opened read-only.
DecodedText ReadText(const std::string& path, std::string_view encoding = {});

// Extracts the text of a PDF document, page after page in reading order, pages separated by a
// form feed ('\f'). Throws DecodeError for a damaged or encrypted document.
std::string ExtractPdfText(std::string_view pdf_bytes, std::string_view name = "<pdf>");

}  // namespace gongwen
