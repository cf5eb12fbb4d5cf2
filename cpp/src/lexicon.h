// Internal: the segmenter's lexicon — words with frequencies and part-of-speech tags in a
// double-array trie, the user's additions and removals on top, the characters' tendency to stand
// alone as words, and the hidden Markov model for unknown words. Keys are normalised (see
// normalize.h) before they are stored or looked up.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "dat.h"

namespace gongwen {

namespace binary {
class Reader;
class Writer;
}  // namespace binary

// The B(egin)/M(iddle)/E(nd)/S(ingle) hidden Markov model that tags runs of unknown characters.
// Log-probabilities; states in the order B, M, E, S.
struct HmmModel {
  std::array<float, 4> start{};
  std::array<std::array<float, 4>, 4> trans{};
  std::unordered_map<char32_t, std::array<float, 4>> emit;

  // Log-probability of an impossible event, and of a character a state never emitted.
  static constexpr float kImpossible = -1e30f;
  static constexpr float kUnseen = -20.0f;

  // Whether the model has parameters (a lexicon from a plain word list has none).
  bool empty() const { return emit.empty(); }

  // Reads the table written by data/lexicon/make_hmm_table.py; `name` labels errors.
  static HmmModel Parse(std::string_view table, std::string_view name);
};

// One line of a word list: "word [frequency] [tag]" (jieba's format; a bare word per line, as in
// the SIGHAN word lists, is the simplest case).
struct WordListEntry {
  std::u32string word;
  std::optional<double> freq;
  std::string tag;
};

// Parses a word list. Blank lines and lines starting with '#' are skipped. Throws gongwen::Error
// naming `name` and the line number for a malformed line (a negative or non-finite frequency, a
// word of control characters, invalid UTF-8).
std::vector<WordListEntry> ParseWordList(std::string_view text, std::string_view name);

// Words with their frequencies; see the file comment.
class Lexicon {
 public:
  // What the lexicon knows of a word.
  struct Entry {
    double freq = 0;
    float log_prob = 0;  // log(freq / total)
    std::uint16_t tag = 0;
  };

  // An empty lexicon.
  Lexicon();

  // Builds from word-list entries; keys are normalised; a repeated word keeps the larger
  // frequency. Words without a frequency get `default_freq`.
  static Lexicon Build(const std::vector<WordListEntry>& words, HmmModel hmm = {},
                       double default_freq = 1.0);

  // The byte image of the lexicon (additions and removals included); see Deserialize.
  std::string Serialize() const;

  // Rebuilds a lexicon from Serialize's image. With `copy` false the trie is a view of `image`,
  // which the caller keeps alive (the default lexicon compiled into the library). Throws
  // gongwen::Error for a truncated, corrupted or foreign image, or one of a newer version.
  static Lexicon Deserialize(std::string_view image, bool copy);

  // A reference to a word's entry (see EntryOf): the index of a built-in word, or kAdded plus
  // the index of an added one.
  using WordRef = std::uint32_t;
  static constexpr WordRef kAdded = 0x80000000u;

  // Calls visit(length, log_prob, ref) for every word that starts `text` (normalised), at most
  // `max_length` characters long. Only the log-probabilities are read here, from a compact
  // array: the segmenter's inner loop, whose cost is cache misses.
  template <typename Visit>
  void ForEachPrefix(std::u32string_view text, std::size_t max_length, Visit&& visit) const;

  // The entry a WordRef refers to.
  const Entry& EntryOf(WordRef ref) const {
    return ref & kAdded ? added_entries_[ref & ~kAdded] : entries_[ref];
  }

  // The entry of a normalised word, or nullptr.
  const Entry* Find(std::u32string_view word) const;

  // Adds (or replaces) a word, normalised, with a frequency and a tag.
  void Add(std::u32string_view word, double freq, std::string_view tag);

  // Removes a normalised word; returns whether it was there.
  bool Remove(std::u32string_view word);

  // Writes the user's additions (in the order they were made) and removals (sorted) to a saved
  // image; ReadEdits replays them onto this lexicon, failing the reader on a bad entry.
  void WriteEdits(binary::Writer& w) const;
  void ReadEdits(binary::Reader& r);

  // The WordRef of a normalised word, or nullopt.
  std::optional<WordRef> FindRef(std::u32string_view word) const;

  // Sets the frequencies of words (normalised word, reference, new frequency), then the total and
  // every log-probability from them. Changed built-in words are remembered (Reweighted) so that
  // a saved segmenter keeps them.
  void SetFrequencies(const std::vector<std::tuple<std::u32string, WordRef, double>>& changes);

  // The built-in words whose frequencies SetFrequencies changed, with their frequencies.
  std::vector<std::pair<std::u32string, double>> Reweighted() const;

  // Sum of the frequencies of the words built in (not of additions), and its logarithm.
  double total() const { return total_; }
  double log_total() const { return log_total_; }

  // The name of tag number `tag` ("" for none); nullptr when there is no such tag.
  const std::string* TagName(std::uint16_t tag) const {
    return tag < tags_.size() ? &tags_[tag] : nullptr;
  }

  // The number of a tag, or 0 when the lexicon has no word with it. The tags the segmenter gives
  // numbers ("m"), Latin words ("eng") and punctuation ("x") are always present.
  std::uint16_t FindTag(std::string_view tag) const;

  // The numbers of those three tags.
  std::uint16_t number_tag() const { return fixed_tags_[0]; }
  std::uint16_t latin_tag() const { return fixed_tags_[1]; }
  std::uint16_t punct_tag() const { return fixed_tags_[2]; }

  // The share of a character's occurrences in which it is a word on its own: freq(c) over the
  // summed frequency of the words containing it (0 for a character never seen).
  float StandaloneShare(char32_t c) const;

  // The unknown-word model.
  const HmmModel& hmm() const { return hmm_; }

  // Takes the unknown-word model (the HMM and the characters' standalone shares) of `other`: a
  // word list without one (the SIGHAN lists, a user's list) segments unknown words as the
  // default lexicon does.
  void AdoptUnknownWordModel(const Lexicon& other) {
    hmm_ = other.hmm_;
    standalone_ = other.standalone_;
  }

  // Number of words (built-in and added, minus removed).
  std::size_t size() const;

  // Length in characters of the longest word.
  std::size_t max_length() const { return max_length_; }

 private:
  // Hash and equality over u32string and u32string_view alike (lookups without copies).
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::u32string_view s) const {
      return std::hash<std::u32string_view>{}(s);
    }
  };
  struct KeyEqual {
    using is_transparent = void;
    bool operator()(std::u32string_view a, std::u32string_view b) const { return a == b; }
  };

  std::uint16_t InternTag(std::string_view tag);
  float LogProb(double freq) const;

  DoubleArrayTrie trie_;          // built-in words -> index into entries_
  std::vector<Entry> entries_;    // built-in words
  std::vector<float> log_probs_;  // entries_[i].log_prob, packed for the segmenter
  std::vector<std::string> tags_{""};
  std::array<std::uint16_t, 3> fixed_tags_{};  // "m", "eng", "x"
  std::unordered_map<char32_t, float> standalone_;
  HmmModel hmm_;
  double total_ = 1;
  double log_total_ = 0;
  std::size_t max_length_ = 0;

  // The user's changes: added words override built-in ones; removals hide them. An added word
  // keeps its slot in added_entries_ (WordRefs stay valid) even if it is removed again.
  std::unordered_map<std::u32string, WordRef, KeyHash, KeyEqual> added_;
  std::vector<Entry> added_entries_;
  std::vector<std::u32string> added_order_;
  std::unordered_set<std::u32string, KeyHash, KeyEqual> removed_;
  std::size_t max_added_length_ = 0;
  std::unordered_map<std::u32string, double, KeyHash, KeyEqual> reweighted_;
};

template <typename Visit>
void Lexicon::ForEachPrefix(std::u32string_view text, std::size_t max_length, Visit&& visit) const {
  const bool changed = !added_.empty() || !removed_.empty();
  trie_.CommonPrefixSearch(
      text,
      [&](std::size_t length, std::uint32_t index) {
        if (changed) {
          const std::u32string_view key = text.substr(0, length);
          if (removed_.count(key) || added_.count(key)) return;
        }
        visit(length, log_probs_[index], index);
      },
      max_length);
  if (added_.empty()) return;
  const std::size_t longest = std::min({max_length, max_added_length_, text.size()});
  for (std::size_t length = 1; length <= longest; ++length) {
    auto it = added_.find(text.substr(0, length));
    if (it != added_.end()) visit(length, EntryOf(it->second).log_prob, it->second);
  }
}

}  // namespace gongwen
