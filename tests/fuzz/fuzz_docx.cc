// Fuzzes the word-processor readers: bytes opened as a zip package and read as DOCX (and as ODT):
// the streamed XML, numbering, tables, text boxes, footnotes and core properties. Damaged
// packages must raise DecodeError, never crash, hang or recurse without bound.
#include <cstdint>

#include "../../cpp/src/formats.h"
#include "../../cpp/src/text.h"
#include "fuzz_util.h"
#include "gongwen/error.h"

namespace {

void Check(const gongwen::DecodedText& decoded) {
  GONGWEN_FUZZ_CHECK(gongwen::text::IsValidUtf8(decoded.text), "extracted text is not valid UTF-8");
  for (const auto& [key, value] : decoded.metadata) {
    GONGWEN_FUZZ_CHECK(gongwen::text::IsValidUtf8(value), "a metadata value is not valid UTF-8");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongwen;
  try {
    ZipReader zip(fuzz::Bytes(data, size), "<fuzz>");
    try {
      Check(ExtractDocx(zip));
    } catch (const DecodeError&) {
    }
    Check(ExtractOdt(zip));
  } catch (const DecodeError&) {
  }
  return 0;
}
