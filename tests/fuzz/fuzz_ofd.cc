// Fuzzes the OFD reader: bytes opened as a zip package and read as OFD. Damaged packages must
// raise DecodeError (or EmptyDocument), never crash, hang or recurse without bound.
#include <cstdint>

#include "../../cpp/src/formats.h"
#include "../../cpp/src/text.h"
#include "fuzz_util.h"
#include "gongwen/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongwen;
  try {
    ZipReader zip(fuzz::Bytes(data, size), "<fuzz>");
    const DecodedText decoded = ExtractOfd(zip);
    GONGWEN_FUZZ_CHECK(text::IsValidUtf8(decoded.text), "extracted text is not valid UTF-8");
  } catch (const DecodeError&) {
  }
  return 0;
}
