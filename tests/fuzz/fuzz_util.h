// Helpers shared by the libFuzzer targets: the input as a string_view, checks that abort with a
// message (libFuzzer then saves the input), and the token-cover check.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "gongwen/segment.h"

namespace gongwen::fuzz {

// The fuzzer's bytes.
inline std::string_view Bytes(const std::uint8_t* data, std::size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// Aborts with `what` when `condition` fails: a broken invariant is a bug, like a crash.
#define GONGWEN_FUZZ_CHECK(condition, what)                                                  \
  do {                                                                                       \
    if (!(condition)) {                                                                      \
      std::fprintf(stderr, "%s:%d: check failed: %s (%s)\n", __FILE__, __LINE__, #condition, \
                   what);                                                                    \
      std::abort();                                                                          \
    }                                                                                        \
  } while (false)

// Checks that `tokens` cover [0, length) exactly, in order, without overlap or empty tokens, and
// that their kinds and tags are in range.
inline void CheckCover(const Segmenter& segmenter, const std::vector<Token>& tokens,
                       std::size_t length) {
  std::size_t pos = 0;
  for (const Token& t : tokens) {
    GONGWEN_FUZZ_CHECK(t.start == pos, "a token starts where the previous one did not end");
    GONGWEN_FUZZ_CHECK(t.start < t.end, "an empty or reversed token");
    GONGWEN_FUZZ_CHECK(t.kind <= TokenKind::kSpace, "a token kind out of range");
    segmenter.TagName(t.tag);  // in range (ASan reports a read past the tag table)
    pos = t.end;
  }
  GONGWEN_FUZZ_CHECK(pos == length, "the tokens do not reach the end of the text");
}

}  // namespace gongwen::fuzz
