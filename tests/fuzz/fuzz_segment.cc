// Fuzzes segmentation: any bytes (invalid UTF-8 counts one U+FFFD per bad sequence) -> tokens,
// which must cover the text exactly, in order, without overlap; then the same bytes read as raw
// 32-bit code points. The input's length picks the segmenter options, so that every combination
// is exercised.
#include <array>
#include <cstdint>
#include <cstring>
#include <string>

#include "../../cpp/src/text.h"
#include "fuzz_util.h"
#include "gongwen/segment.h"

namespace {

const gongwen::Segmenter& SegmenterFor(std::size_t variant) {
  static const std::array<gongwen::Segmenter, 4> segmenters = [] {
    std::array<gongwen::Segmenter, 4> s;
    for (std::size_t i = 0; i < s.size(); ++i) {
      gongwen::SegmenterOptions options;
      options.to_simplified = i & 1;
      options.unknown_words = !(i & 2);
      options.granularity = i == 3 ? 0.0 : gongwen::Segmenter::kDefaultGranularity;
      s[i] = gongwen::Segmenter(options);
    }
    return s;
  }();
  return segmenters[variant % segmenters.size()];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongwen;
  const std::string_view bytes = fuzz::Bytes(data, size);
  const std::u32string text = text::Decode(bytes);
  const Segmenter& segmenter = SegmenterFor(size);
  const std::vector<Token> tokens = segmenter.Tokenize(bytes);
  fuzz::CheckCover(segmenter, tokens, text.size());
  // The code-point entry point gives the same tokens.
  const std::vector<Token> again = segmenter.Tokenize(std::u32string_view(text));
  GONGWEN_FUZZ_CHECK(again.size() == tokens.size(), "UTF-8 and code points segment differently");
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    GONGWEN_FUZZ_CHECK(again[i].end == tokens[i].end && again[i].kind == tokens[i].kind,
                       "UTF-8 and code points segment differently");
  }
  // Cut keeps every token but white space, as written.
  std::string words;
  for (const std::string& w : segmenter.Cut(bytes)) words += w;
  std::string expected;
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::kSpace) {
      expected += text::Encode(std::u32string_view(text).substr(t.start, t.end - t.start));
    }
  }
  GONGWEN_FUZZ_CHECK(words == expected, "Cut's words are not the tokens' text");
  // The bytes read as raw code points, as the code-point API may be given them: lone surrogates
  // (Python strings hold them) and values above U+10FFFF included.
  std::u32string raw(size / 4, U'\0');
  if (!raw.empty()) std::memcpy(raw.data(), data, raw.size() * 4);
  fuzz::CheckCover(segmenter, segmenter.Tokenize(std::u32string_view(raw)), raw.size());
  return 0;
}
