// Fuzzes word lists in jieba's format ("word [freq] [tag]" per line): as a user dictionary added
// to the default lexicon, and as a whole lexicon (Segmenter::FromDictionaryText, which builds a
// double-array trie). Bad lines raise gongwen::Error; a segmenter that loaded must segment the
// input into a cover, and the user's words must survive saving and loading.
#include <cstdint>
#include <string>

#include "../../cpp/src/text.h"
#include "fuzz_util.h"
#include "gongwen/error.h"
#include "gongwen/segment.h"

namespace {

void Exercise(const gongwen::Segmenter& s, std::string_view bytes, bool save) {
  using namespace gongwen;
  fuzz::CheckCover(s, s.Tokenize(bytes), text::CountCodePoints(bytes));
  if (!save) return;
  const std::string saved = s.Serialize();
  const Segmenter back = Segmenter::Deserialize(saved);
  GONGWEN_FUZZ_CHECK(back.Serialize() == saved, "a saved segmenter does not load as it was");
  GONGWEN_FUZZ_CHECK(back.LexiconSize() == s.LexiconSize(), "words lost in saving");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongwen;
  const std::string_view bytes = fuzz::Bytes(data, size);
  Segmenter user;
  try {
    user.LoadUserDictText(bytes, "<fuzz>");
  } catch (const Error&) {
  }
  Exercise(user, bytes, true);
  try {
    // Not saved: the image holds the default unknown-word model (some 400 KB), whose saving and
    // loading would take most of the time; fuzz_load_segmenter covers lexicons of their own.
    Exercise(Segmenter::FromDictionaryText(bytes, "<fuzz>"), bytes, false);
  } catch (const Error&) {
  }
  return 0;
}
