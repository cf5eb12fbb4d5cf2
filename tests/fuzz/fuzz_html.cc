// Fuzzes the web-page reader: charset detection, MHT unpacking, the nesting guard, gumbo (not
// instrumented) and our extraction. Bad pages must raise DecodeError, never crash or hang.
#include <cstdint>

#include "../../cpp/src/formats.h"
#include "../../cpp/src/text.h"
#include "fuzz_util.h"
#include "gongwen/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongwen;
  const std::string_view bytes = fuzz::Bytes(data, size);
  LooksLikeHtml(bytes.substr(0, 4096));
  try {
    const DecodedText page = ExtractHtml(bytes, "<fuzz>", {});
    GONGWEN_FUZZ_CHECK(text::IsValidUtf8(page.text), "extracted text is not valid UTF-8");
    GONGWEN_FUZZ_CHECK(page.format == "html", "format is not html");
    for (const auto& [key, value] : page.metadata) {
      GONGWEN_FUZZ_CHECK(text::IsValidUtf8(value), "a metadata value is not valid UTF-8");
    }
  } catch (const DecodeError&) {
  }
  return 0;
}
