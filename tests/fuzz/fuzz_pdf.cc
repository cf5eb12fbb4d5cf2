// Fuzzes PDF text extraction (poppler, which is not instrumented: ASan sees only our side of the
// calls). Damaged documents must raise DecodeError, not crash or print.
#include <cstdint>

#include "../../cpp/src/text.h"
#include "fuzz_util.h"
#include "gongwen/decode.h"
#include "gongwen/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongwen;
  try {
    const std::string text = ExtractPdfText(fuzz::Bytes(data, size), "<fuzz>");
    GONGWEN_FUZZ_CHECK(text::IsValidUtf8(text), "extracted text is not valid UTF-8");
  } catch (const DecodeError&) {
  }
  return 0;
}
