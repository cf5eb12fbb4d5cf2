// Fuzzes word lists in jieba's format ("word [freq] [tag]" per line): as a user dictionary added
// to a lexicon, and as a whole lexicon (Segmenter::FromDictionaryText, which builds a
// double-array trie). Bad lines raise gongwen::Error; a segmenter that loaded must segment the
// input into a cover, and the user's words must survive saving and loading.
//
// The user's words go into a small lexicon of a few dozen words, saved and loaded whole: with
// the default lexicon (350,000 words, a 10 MB image copied and saved for each input) the target
// ran some 40 inputs a second. One input in 16 (its first byte a multiple of 16) still goes into
// the default lexicon, unsaved, for the merging of a user's words with a large trie.
#include <cstdint>
#include <memory>
#include <string>

#include "../../cpp/src/lexicon.h"
#include "../../cpp/src/segment_internal.h"
#include "../../cpp/src/text.h"
#include "fuzz_util.h"
#include "gongwen/error.h"
#include "gongwen/segment.h"

namespace {

constexpr char kSmallLexicon[] =
    "党建 300 n\n引领 200 v\n乡村 150 n\n振兴 150 v\n书记 120 n\n项目 100 n\n基层 90 n\n"
    "治理 90 v\n党支部 60 n\n村 50 n\n推进 80 v\n工作 200 vn\n组织 150 n\n干部 100 n\n"
    "GDP 5 eng\n𠀀 1 x\n";

// The small lexicon, built once; each input's copy shares it until the user's words change it.
const gongwen::Segmenter& SmallSegmenter() {
  using namespace gongwen;
  static const Segmenter small = MakeSegmenter(
      std::make_shared<Lexicon>(Lexicon::Build(ParseWordList(kSmallLexicon, "small"))), false,
      SegmenterOptions{});
  return small;
}

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
  const bool into_default = size > 0 && data[0] % 16 == 0;
  Segmenter user = into_default ? Segmenter() : SmallSegmenter();
  try {
    user.LoadUserDictText(bytes, "<fuzz>");
  } catch (const Error&) {
  }
  Exercise(user, bytes, !into_default);
  if (into_default) return 0;
  try {
    // Not saved: the image holds the default unknown-word model (some 400 KB), whose saving and
    // loading would take most of the time; fuzz_load_segmenter covers lexicons of their own.
    Exercise(Segmenter::FromDictionaryText(bytes, "<fuzz>"), bytes, false);
  } catch (const Error&) {
  }
  return 0;
}
