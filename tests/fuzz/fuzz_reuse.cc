// Fuzzes FindReuse (reuse.cc): the input, cut at its first NUL byte into two documents (or one
// document and a copy of it with a prefix), searched with options taken from its first bytes.
// Every passage must lie inside its documents, in order, with its counts consistent.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "../../cpp/src/text.h"
#include "fuzz_util.h"
#include "gongwen/reuse.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongwen;
  if (size < 2) return 0;
  ReuseOptions options;
  options.ngram = 3 + data[0] % 10;
  options.min_chars = 1 + data[1] % 40;
  options.max_df = 2 + data[0] % 3;
  options.min_similarity = (data[1] % 5) / 5.0;
  options.to_simplified = (data[0] & 0x80) != 0;
  options.n_threads = 1 + (data[1] & 1);
  const std::string_view bytes = fuzz::Bytes(data + 2, size - 2);
  std::vector<std::u32string> texts;
  const std::size_t cut = bytes.find('\0');
  if (cut == std::string_view::npos) {
    texts.push_back(text::Decode(bytes));
    texts.push_back(U"前言：" + texts[0]);
  } else {
    texts.push_back(text::Decode(bytes.substr(0, cut)));
    texts.push_back(text::Decode(bytes.substr(cut + 1)));
  }
  const std::vector<ReusedPassage> passages = FindReuse(texts, options);
  for (std::size_t i = 0; i < passages.size(); ++i) {
    const ReusedPassage& p = passages[i];
    GONGWEN_FUZZ_CHECK(p.doc_a == 0 && p.doc_b == 1, "a passage between unknown documents");
    GONGWEN_FUZZ_CHECK(p.start_a < p.end_a && p.end_a <= texts[0].size(), "span a out of range");
    GONGWEN_FUZZ_CHECK(p.start_b < p.end_b && p.end_b <= texts[1].size(), "span b out of range");
    GONGWEN_FUZZ_CHECK(p.chars >= options.min_chars, "a passage shorter than min_chars");
    GONGWEN_FUZZ_CHECK(p.chars <= p.aligned, "more matches than alignment columns");
    GONGWEN_FUZZ_CHECK(p.similarity >= options.min_similarity && p.similarity <= 1.0,
                       "similarity out of range");
    if (i > 0) {
      const ReusedPassage& q = passages[i - 1];
      GONGWEN_FUZZ_CHECK(
          q.start_a < p.start_a || (q.start_a == p.start_a && q.start_b <= p.start_b),
          "passages out of order");
    }
  }
  return 0;
}
