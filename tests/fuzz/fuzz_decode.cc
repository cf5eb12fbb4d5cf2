// Fuzzes decoding: bytes of unknown encoding -> UTF-8 text (BOMs, UTF-16/32 without a BOM, binary
// detection, strict UTF-8, ICU's charset detector, GB18030 preference). Inputs starting with
// "%PDF-" go to poppler, which fuzz_pdf covers; here they are decoded with a forced encoding.
// A first byte below 8 forces one of the encodings below on the rest of the input.
#include <array>
#include <cstdint>
#include <string_view>

#include "../../cpp/src/text.h"
#include "fuzz_util.h"
#include "gongwen/decode.h"
#include "gongwen/error.h"

namespace {

constexpr std::array<std::string_view, 8> kForced = {
    "GBK", "GB18030", "Big5", "UTF-16LE", "UTF-16BE", "UTF-32LE", "Shift_JIS", "UTF-8"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongwen;
  std::string_view bytes = fuzz::Bytes(data, size);
  std::string_view encoding;
  if (!bytes.empty() && static_cast<unsigned char>(bytes[0]) < kForced.size()) {
    encoding = kForced[static_cast<unsigned char>(bytes[0])];
    bytes.remove_prefix(1);
  } else if (bytes.substr(0, 5) == "%PDF-") {
    encoding = "GB18030";
  }
  try {
    const DecodedText decoded = DecodeBytes(bytes, "<fuzz>", encoding);
    GONGWEN_FUZZ_CHECK(text::IsValidUtf8(decoded.text), "decoded text is not valid UTF-8");
    GONGWEN_FUZZ_CHECK(!decoded.encoding.empty(), "no encoding named");
  } catch (const DecodeError& e) {
    GONGWEN_FUZZ_CHECK(e.offset() <= bytes.size(), "error offset beyond the input");
  }
  return 0;
}
