// Corpus-adaptive word discovery: candidate words that a general dictionary misses (书记项目,
// 网格员, 积分超市, 党建引领), found without a dictionary from three signals of the n-grams of
// a corpus: how often they occur, how much more often their parts occur together than chance
// predicts (cohesion), and how varied the characters around them are (freedom of context).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace gongwen {

// Thresholds and limits for DiscoverWords. The default thresholds were chosen on the national
// government work reports (4 MB) and 3,500 laws (58 MB): with them, no n-gram that is a fragment
// of a longer one (90% or more of its occurrences inside the same extension, like 乡村振 in
// 乡村振兴) passes, nor do chance pairs of words (的重要: cohesion 2.3, 我们要: 2.7), while
// 乡村振兴 (7.5), 基层治理 (4.4), 高质量发展 (4.5) and 精准扶贫 (7.2) do.
struct DiscoverOptions {
  // Fewest occurrences of a candidate (occurrences, >= 1).
  int min_count = 5;
  // Shortest candidate (characters, >= 2).
  int min_length = 2;
  // Longest candidate (characters, min_length..10).
  int max_length = 6;
  // Lowest cohesion, the weakest split's pointwise mutual information (nats). At 3.0 the parts
  // occur together at least e^3 ≈ 20 times as often as they would if independent.
  double min_cohesion = 3.0;
  // Lowest freedom of context, the smaller of the left and right neighbour entropies (nats).
  // 1.0 is the entropy of about e ≈ 2.7 equally likely neighbours; a fragment of a longer word,
  // with nearly always the same neighbour on one side, stays near 0. Since n occurrences have at
  // most log(n) nats, it also asks for at least 3 occurrences.
  double min_entropy = 1.0;
  // Worker threads (0: one per core). The result does not depend on it.
  int n_threads = 0;
};

// A candidate word with the statistics that selected it.
struct WordCandidate {
  // The candidate (UTF-8, Han characters only).
  std::string word;
  // Occurrences in the corpus, overlapping ones included (occurrences).
  std::uint64_t count = 0;
  // Minimum over split points of log(p(word) / (p(left) p(right))), where p(x) = count(x) / the
  // number of positions where an n-gram of x's length fits inside a run of Han characters (nats).
  double cohesion = 0;
  // Entropy of the character before each occurrence, a run start counting as a distinct
  // neighbour each time (nats).
  double left_entropy = 0;
  // Entropy of the character after each occurrence, a run end counting as a distinct neighbour
  // each time (nats).
  double right_entropy = 0;
  // log(p(word) / product of p(character)), p as for cohesion: the nats saved at each occurrence
  // by writing the word as one unit instead of character by character (nats).
  double association = 0;
  // Ranking score: log(count) × association × min(left_entropy, right_entropy). Frequency, the
  // information the word carries as a unit, and the freedom of its weaker side; any of them near
  // zero (a word seen once, a chance string, a fragment) sinks the score. Unlike cohesion,
  // association grows with length, so multi-character terms (乡村振兴, 全面从严治党) rank above
  // the two-character words of the general vocabulary (发展, 经济), which nearly always pass too.
  double score = 0;
};

// Finds candidate words in `texts` (UTF-8; invalid sequences are treated as non-Han) among the
// n-grams of min_length..max_length characters inside runs of Han characters, keeping those that
// pass every threshold of `options`. Sorted by score, best first, ties by word. Throws
// std::invalid_argument for bad options or a corpus of 2^32 or more Han characters.
std::vector<WordCandidate> DiscoverWords(const std::vector<std::string>& texts,
                                         const DiscoverOptions& options = {});

}  // namespace gongwen
