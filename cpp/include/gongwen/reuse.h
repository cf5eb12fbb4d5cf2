// Text reuse: passages that two documents of a corpus share, verbatim or lightly edited
// (punctuation, white space and line breaks changed, a few characters replaced, inserted or
// deleted, traditional against simplified characters on request).
//
// The method: each document is normalised (punctuation and white space dropped, characters
// width-folded and lowercased, optionally converted to simplified), its character n-grams
// ("shingles") are hashed into an inverted index, and shingles shared by more than `max_df`
// documents are dropped. Every remaining shingle shared by two documents is a seed; each seed
// not already inside a passage found for its pair is extended in both directions by a gapped
// alignment with an X-drop (a local alignment whose band follows the best path), which gives the
// exact span of the passage in both documents. Most seeds are stock phrases: each is first probed
// with a smaller X-drop, and aligned in full only when the probe matches at least half of
// min_chars characters (and at least ngram).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gongwen {

// How FindReuse searches.
struct ReuseOptions {
  // The shortest passage reported: its number of matched characters (punctuation and white
  // space not counted).
  std::size_t min_chars = 30;
  // The length of a shingle, in normalised characters; two documents must share a run of this
  // many identical characters for a passage to be found. At least 3.
  std::size_t ngram = 8;
  // Shingles found in more documents than this, or more than 2 * max_df times in all (a run
  // repeated within documents), are not seeds (boilerplate, common phrases); a passage made only
  // of such shingles is not found. At least 2.
  std::size_t max_df = 100;
  // The lowest similarity (ReusedPassage::similarity) of a passage reported, in [0, 1].
  double min_similarity = 0.8;
  // Compare traditional characters as their simplified forms.
  bool to_simplified = false;
  // Threads (0: one per core).
  int n_threads = 0;
};

// A passage shared by two documents. Offsets are code points of the texts given; each span
// starts and ends with a letter, digit or Han character, or with punctuation identical in both
// texts that opens (“《) or closes (。”) the passage.
struct ReusedPassage {
  std::size_t doc_a = 0;    // the earlier document, as an index into the texts
  std::size_t doc_b = 0;    // the later document (doc_a < doc_b)
  std::size_t start_a = 0;  // [start_a, end_a): the passage in doc_a
  std::size_t end_a = 0;
  std::size_t start_b = 0;  // [start_b, end_b): the passage in doc_b
  std::size_t end_b = 0;
  // Characters matched by the alignment (identical after normalisation).
  std::size_t chars = 0;
  // Columns of the alignment: matches, mismatches and characters aligned with a gap.
  std::size_t aligned = 0;
  // chars / aligned: 1 for a verbatim copy (punctuation and white space aside).
  double similarity = 0;
};

// The passages shared by pairs of distinct documents, each unordered pair once, ordered by
// (doc_a, doc_b, start_a, start_b). Throws std::invalid_argument for bad options or a text of
// 2^32 code points or more.
std::vector<ReusedPassage> FindReuse(const std::vector<std::u32string>& texts,
                                     const ReuseOptions& options = {});

// FindReuse for UTF-8 texts (invalid bytes count as one U+FFFD each); offsets are in code points.
std::vector<ReusedPassage> FindReuse(const std::vector<std::string_view>& utf8,
                                     const ReuseOptions& options = {});

}  // namespace gongwen
