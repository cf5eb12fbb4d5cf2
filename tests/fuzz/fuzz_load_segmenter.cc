// Fuzzes loading a saved segmenter (Segmenter::Deserialize: binary_io.h, segmenter_io.cc, the
// lexicon image and its double-array trie). In this build checksums are not compared (see
// FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION in CMakeLists.txt), so mutations reach the structure.
// Damage must raise gongwen::Error; a segmenter that loads must segment into a cover and save to
// bytes that load again.
#include <cstdint>
#include <string>

#include "../../cpp/src/text.h"
#include "fuzz_util.h"
#include "gongwen/error.h"
#include "gongwen/segment.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongwen;
  std::optional<Segmenter> loaded;
  try {
    loaded = Segmenter::Deserialize(fuzz::Bytes(data, size));
  } catch (const Error&) {
    return 0;
  }
  static const std::u32string kText =
      U"坚持党建引领，2022年以来发展43.9万亩，推进GDP增长；文都e家 研究生命起源。";
  fuzz::CheckCover(*loaded, loaded->Tokenize(std::u32string_view(kText)), kText.size());
  loaded->Cut("党建引领乡村振兴");
  const std::string saved = loaded->Serialize();
  const Segmenter back = Segmenter::Deserialize(saved);
  GONGWEN_FUZZ_CHECK(back.Serialize() == saved, "a loaded segmenter does not save as it loaded");
  return 0;
}
