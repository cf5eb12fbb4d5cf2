// The default lexicon and stop-word list, compiled into the library: the lexicon image that
// cpp/tools/compile_lexicon.cc builds from data/lexicon at build time, and data/stopwords/zh.txt,
// are included as bytes by the assembler (.incbin), so that Segmenter() needs no file and the
// trie is used in place, without copying. GONGWEN_LEXICON_IMAGE and GONGWEN_STOPWORDS_TEXT are
// absolute paths set by cpp/CMakeLists.txt.
#include <memory>
#include <mutex>

#include "gongwen/stopwords.h"
#include "segment_internal.h"

#define GONGWEN_INCLUDE_BYTES(name, path) \
  __asm__(                                \
      ".section .rodata\n"                \
      ".balign 16\n"                      \
      ".global " #name                    \
      "\n"                                \
      ".hidden " #name "\n" #name         \
      ":\n"                               \
      ".incbin \"" path                   \
      "\"\n"                              \
      ".global " #name                    \
      "_end\n"                            \
      ".hidden " #name "_end\n" #name     \
      "_end:\n"                           \
      ".byte 0\n"                         \
      ".previous\n")

GONGWEN_INCLUDE_BYTES(gongwen_lexicon_image, GONGWEN_LEXICON_IMAGE);
GONGWEN_INCLUDE_BYTES(gongwen_stopwords_text, GONGWEN_STOPWORDS_TEXT);

extern "C" {
__attribute__((visibility("hidden"))) extern const char gongwen_lexicon_image[];
__attribute__((visibility("hidden"))) extern const char gongwen_lexicon_image_end[];
__attribute__((visibility("hidden"))) extern const char gongwen_stopwords_text[];
__attribute__((visibility("hidden"))) extern const char gongwen_stopwords_text_end[];
}

namespace gongwen {

std::shared_ptr<Lexicon> DefaultLexicon() {
  // Loaded on first use; the trie views the bytes above, so loading costs the checksum and the
  // word table (a few milliseconds), not the trie.
  static const std::shared_ptr<Lexicon> lexicon = std::make_shared<Lexicon>(Lexicon::Deserialize(
      std::string_view(gongwen_lexicon_image,
                       static_cast<std::size_t>(gongwen_lexicon_image_end - gongwen_lexicon_image)),
      false));
  return lexicon;
}

Segmenter::Segmenter(const SegmenterOptions& options)
    : Segmenter(DefaultLexicon(), true, options) {}

std::string_view DefaultStopWordsText() {
  return std::string_view(
      gongwen_stopwords_text,
      static_cast<std::size_t>(gongwen_stopwords_text_end - gongwen_stopwords_text));
}

}  // namespace gongwen
