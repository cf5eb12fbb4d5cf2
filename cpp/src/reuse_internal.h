// Internal: the steps of FindReuse (reuse.h), exposed for the tests: normalisation with an
// offset map, the shingle index that yields seeds, and the X-drop alignment around a seed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "normalize.h"

namespace gongwen::reuse {

// A text reduced to the characters reuse is judged on: letters, digits and Han characters,
// normalised (normalize.h). chars[i] stands at code point offsets[i] of the original text.
struct NormalizedText {
  std::u32string chars;
  std::vector<std::uint32_t> offsets;
};

// The normalised form of `text`: punctuation, symbols, white space and combining marks dropped.
// Throws std::invalid_argument for a text of 2^32 code points or more.
NormalizedText Normalize(std::u32string_view text, const CharNormalizer& normalizer);

// The hash of each shingle of `chars` (the `ngram` characters starting at each offset), in
// order; none when the text is shorter than a shingle.
std::vector<std::uint64_t> ShingleHashes(std::u32string_view chars, std::size_t ngram);

// A seed: the same shingle at `pos_a` of document `doc_a` and `pos_b` of `doc_b` (doc_a < doc_b),
// offsets into the normalised texts.
struct Seed {
  std::uint32_t doc_a;
  std::uint32_t doc_b;
  std::uint32_t pos_a;
  std::uint32_t pos_b;
  friend bool operator==(const Seed&, const Seed&) = default;
};

// The shingles shared by at least two and at most `max_df` documents, by document: for each
// document, its shared shingles, and for each shared shingle, where it occurs.
class ShingleIndex {
 public:
  // Indexes the documents on `n_threads` threads (at least 1).
  ShingleIndex(const std::vector<NormalizedText>& docs, std::size_t ngram, std::size_t max_df,
               int n_threads);

  // The seeds of document `doc` with every later document, ordered by (doc_b, pos_a, pos_b).
  // Shingles whose hashes collide are not told apart here: the caller checks the characters.
  void SeedsOf(std::uint32_t doc, std::vector<Seed>& out) const;

  // The number of distinct shingles kept as seeds, and of their occurrences.
  std::size_t shingles() const { return group_start_.empty() ? 0 : group_start_.size() - 1; }
  std::size_t occurrences() const { return postings_.size(); }

 private:
  struct Posting {
    std::uint32_t doc;
    std::uint32_t pos;
  };
  struct DocShingle {
    std::uint32_t pos;
    std::uint32_t group;
  };
  std::vector<Posting> postings_;           // by shingle group, then (doc, pos)
  std::vector<std::uint64_t> group_start_;  // group g: postings_[group_start_[g], [g + 1])
  std::vector<DocShingle> doc_shingles_;    // by document, then position
  std::vector<std::uint64_t> doc_start_;    // document d: doc_shingles_[doc_start_[d], [d + 1])
};

// The scores of the alignment: +match for identical characters, -mismatch for different ones,
// -(gap_open + gap_extend * n) for n characters aligned with nothing; an extension stops where
// its score falls more than x_drop below the best seen.
struct AlignScores {
  int match = 1;
  int mismatch = 2;
  int gap_open = 2;
  int gap_extend = 1;
  int x_drop = 20;
};

// A local alignment of a[start_a, end_a) with b[start_b, end_b).
struct Alignment {
  std::size_t start_a = 0;
  std::size_t end_a = 0;
  std::size_t start_b = 0;
  std::size_t end_b = 0;
  int score = 0;
  std::size_t matches = 0;  // columns with identical characters
  std::size_t columns = 0;  // matches, mismatches and gap characters
};

// The alignment through a[pos_a] ~ b[pos_b] (a seed: identical characters there), extended both
// ways as far as it scores best, with an X-drop; it starts and ends with a match.
Alignment ExtendSeed(std::u32string_view a, std::u32string_view b, std::size_t pos_a,
                     std::size_t pos_b, const AlignScores& scores = {});

}  // namespace gongwen::reuse
