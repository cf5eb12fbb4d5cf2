// Internal: the cleaner's paragraphs as code points, for the parser, which works on code points
// and would otherwise decode again what CleanText has just encoded.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gongwen/clean.h"

namespace gongwen::internal {

// The cleaned paragraphs (and stand-alone lines) of `text`, in order, without line breaks.
std::vector<std::u32string> CleanParagraphs(std::string_view text, const CleanOptions& options);

// The same, freeing `text` as soon as it has been split into lines (a huge file is not held in
// three forms at once).
std::vector<std::u32string> CleanParagraphs(std::string&& text, const CleanOptions& options);

}  // namespace gongwen::internal
