// Internal: making segmenters from lexicons (for the lexicon compiler and the default lexicon,
// which lives in its own translation unit so that the compiler can be built without it).
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "gongwen/segment.h"
#include "lexicon.h"

namespace gongwen {

// A segmenter over `lexicon`; `default_lexicon` says whether it is the one compiled in (which a
// saved segmenter then does not repeat).
Segmenter MakeSegmenter(std::shared_ptr<Lexicon> lexicon, bool default_lexicon,
                        const SegmenterOptions& options);

// Where `text` may be cut into pieces of about `piece_size` code points (or more) that segment
// as the whole text does: each cut falls where the segmenter starts a new token whatever came
// before (after white space, or between a clause's final punctuation and a Han character). The ends
// of the pieces, the last one text.size(); none for an empty text.
std::vector<std::size_t> PieceEnds(std::u32string_view text, std::size_t piece_size);

// The lexicon compiled into the library, loaded once (default_lexicon.cc).
std::shared_ptr<Lexicon> DefaultLexicon();

}  // namespace gongwen
