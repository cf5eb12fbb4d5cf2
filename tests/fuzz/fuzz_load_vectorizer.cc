// Fuzzes loading a saved vectorizer (SavedVectorizer::Deserialize, vectorizer_io.cc) and what
// loading does next, as the Python side does: the segmenter inside, then counting and weighting
// with the saved vocabulary and idf. Checksums are not compared in this build (see
// fuzz_load_segmenter.cc). Damage must raise gongwen::Error; an unusable vocabulary (empty,
// repeated terms) is std::invalid_argument from TermCounter::Fixed.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "../../cpp/src/text.h"
#include "fuzz_util.h"
#include "gongwen/error.h"
#include "gongwen/segment.h"
#include "gongwen/vectorize.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongwen;
  SavedVectorizer saved;
  try {
    saved = SavedVectorizer::Deserialize(fuzz::Bytes(data, size));
  } catch (const Error&) {
    return 0;
  }
  const std::string bytes = saved.Serialize();
  const SavedVectorizer back = SavedVectorizer::Deserialize(bytes);
  GONGWEN_FUZZ_CHECK(back.Serialize() == bytes, "a loaded vectorizer does not save as it loaded");
  std::optional<Segmenter> segmenter;
  try {
    segmenter = saved.segmenter.empty() ? Segmenter() : Segmenter::Deserialize(saved.segmenter);
  } catch (const Error&) {
    return 0;
  }
  if (!saved.vocabulary) return 0;
  std::optional<TermCounter> counter;
  try {
    counter = TermCounter::Fixed(AnalyzerOptions{}, saved.vocabulary->terms, true);
  } catch (const std::invalid_argument&) {
    return 0;
  }
  const std::vector<std::u32string> texts = {U"坚持党建引领，推进基层治理。", U"GDP 增长 5%"};
  counter->AddTexts(*segmenter, texts, 1);
  counter->Finish();
  auto matrix = counter->Matrix<float>(false);
  WeightTfidf(matrix, TfidfOptions{}, saved.idf);
  TopTerms(ViewOf(matrix), {}, 3);
  return 0;
}
