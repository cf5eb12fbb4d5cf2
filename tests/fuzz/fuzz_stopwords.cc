// Fuzzes stop-word lists (ParseStopWords: one word per line) and their use: counting the terms
// of the input itself (segmented, uni- and bigrams) with the list as stop words, and choosing
// keywords. Bad lists raise gongwen::Error; an empty vocabulary is std::invalid_argument.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "../../cpp/src/text.h"
#include "fuzz_util.h"
#include "gongwen/error.h"
#include "gongwen/segment.h"
#include "gongwen/stopwords.h"
#include "gongwen/vectorize.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongwen;
  const std::string_view bytes = fuzz::Bytes(data, size);
  std::vector<std::string> stop_words;
  try {
    stop_words = ParseStopWords(bytes, "<fuzz>");
  } catch (const Error&) {
    return 0;
  }
  for (const std::string& w : stop_words) {
    GONGWEN_FUZZ_CHECK(!w.empty() && text::IsValidUtf8(w), "a stop word is empty or not UTF-8");
    GONGWEN_FUZZ_CHECK(w.find('\n') == std::string::npos, "a stop word holds a line break");
  }
  static const Segmenter segmenter;
  AnalyzerOptions analyzer;
  analyzer.ngram_max = 2;
  analyzer.stop_words = stop_words;
  TermCounter counter = TermCounter::Learning(analyzer, true);
  const std::vector<std::u32string> texts = {text::Decode(bytes), U"坚持党建引领 推进基层治理"};
  counter.AddTexts(segmenter, texts, 1);
  Vocabulary vocabulary;
  try {
    vocabulary = counter.Finish();
  } catch (const std::invalid_argument&) {
    return 0;  // every term was a stop word
  }
  auto matrix = counter.Matrix<float>(false);
  GONGWEN_FUZZ_CHECK(
      matrix.rows() == 2 && matrix.cols() == static_cast<Eigen::Index>(vocabulary.terms.size()),
      "the matrix does not match the vocabulary");
  WeightTfidf(matrix, TfidfOptions{},
              InverseDocumentFrequency(vocabulary.document_frequency, vocabulary.documents, true));
  const auto eligible = KeywordEligible(vocabulary.terms, stop_words, segmenter);
  for (const auto& row : TopTerms(ViewOf(matrix), eligible, 5)) {
    for (const TermWeight& t : row) {
      GONGWEN_FUZZ_CHECK(eligible[t.column], "a keyword that is not eligible");
    }
  }
  return 0;
}
