// Fuzzes loading a saved topic model (SavedTopicModel::Deserialize, topics.cc) and using what
// loads: a model must give topic weights of the right shape to a matrix of its terms, or refuse
// it with std::invalid_argument / gongwen::Error. Checksums are not compared in this build (see
// fuzz_load_segmenter.cc). A saved model may ask for any number of NMF passes (tol 0 and
// max_iter 2^60 is a valid, if slow, model): the transform gets 20 ms, then is interrupted
// (interrupt.h), which must leave everything as it was.
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "fuzz_util.h"
#include "gongwen/error.h"
#include "gongwen/interrupt.h"
#include "gongwen/topics.h"
#include "gongwen/vectorize.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongwen;
  SavedTopicModel saved;
  try {
    saved = SavedTopicModel::Deserialize(fuzz::Bytes(data, size));
  } catch (const Error&) {
    return 0;
  }
  const std::string bytes = saved.Serialize();
  GONGWEN_FUZZ_CHECK(SavedTopicModel::Deserialize(bytes).Serialize() == bytes,
                     "a loaded topic model does not save as it loaded");
  if (!saved.model || !saved.model->fitted()) return 0;
  const std::int64_t terms = saved.model->n_terms();
  if (terms <= 0 || terms > (1 << 16)) return 0;  // a matrix this wide is the fuzzer's, not ours
  DocumentTermMatrix<double> matrix(3, terms);
  for (std::int64_t c = 0; c < terms; c += 3) matrix.insert(c % 3, c) = 1.0 + double(c % 5);
  matrix.makeCompressed();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(20);
  InterruptScope give_up([&] { return std::chrono::steady_clock::now() > deadline; });
  try {
    const auto weights = saved.model->Transform(ViewOf(matrix), 1);
    GONGWEN_FUZZ_CHECK(weights.rows() == 3, "topic weights for the wrong number of documents");
    GONGWEN_FUZZ_CHECK(weights.cols() == saved.model->components().rows(),
                       "topic weights for the wrong number of topics");
  } catch (const std::invalid_argument&) {
  } catch (const Error&) {
  } catch (const Interrupted&) {
  }
  return 0;
}
