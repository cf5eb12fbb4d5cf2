// Internal: making segmenters from lexicons (for the lexicon compiler and the default lexicon,
// which lives in its own translation unit so that the compiler can be built without it).
#pragma once

#include <memory>

#include "gongwen/segment.h"
#include "lexicon.h"

namespace gongwen {

// A segmenter over `lexicon`; `default_lexicon` says whether it is the one compiled in (which a
// saved segmenter then does not repeat).
Segmenter MakeSegmenter(std::shared_ptr<Lexicon> lexicon, bool default_lexicon,
                        const SegmenterOptions& options);

// The lexicon compiled into the library, loaded once (default_lexicon.cc).
std::shared_ptr<Lexicon> DefaultLexicon();

}  // namespace gongwen
