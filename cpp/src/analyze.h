// Internal: a document's words become its terms, as scikit-learn's word analyzer makes them:
// lowercase, drop stop words, then the n-grams of what is left, joined by single spaces.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "gongwen/vectorize.h"

struct UCaseMap;

namespace gongwen {

// Hash and equality over std::string that look up std::string_view without a copy.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
struct StringEqual {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};
using StringSet = std::unordered_set<std::string, StringHash, StringEqual>;

// Turns the words of one document after another into terms. Not thread-safe: one per thread.
class Analyzer {
 public:
  // Throws std::invalid_argument for an n-gram range that is not 1 <= min <= max.
  explicit Analyzer(const AnalyzerOptions& options);
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;
  ~Analyzer();

  // Starts a document.
  void Clear();
  // Adds the next word of the document (UTF-8, or code points).
  void AddWord(std::string_view word);
  void AddWord(std::u32string_view word);

  // The form `word` takes in terms (lowercased when asked), or nullopt for a stop word.
  std::optional<std::string> Process(std::string_view word);
  std::optional<std::string> Process(std::u32string_view word);

  // The n-gram range.
  std::size_t min_n() const { return min_n_; }
  std::size_t max_n() const { return max_n_; }

  // Calls emit(term) for each term of the document; the view lasts until the next call to emit.
  template <typename Emit>
  void ForEachTerm(Emit&& emit) {
    const std::size_t n = sizes_.size();
    if (min_n_ == 1) {
      std::size_t start = 0;
      for (const std::uint32_t size : sizes_) {
        emit(std::string_view(words_).substr(start, size));
        start += size;
      }
    }
    for (std::size_t len = std::max<std::size_t>(min_n_, 2); len <= max_n_ && len <= n; ++len) {
      std::size_t start = 0;  // of word i
      for (std::size_t i = 0; i + len <= n; ++i) {
        gram_.clear();
        std::size_t at = start;
        for (std::size_t k = i; k < i + len; ++k) {
          if (k > i) gram_ += ' ';
          gram_.append(words_, at, sizes_[k]);
          at += sizes_[k];
        }
        emit(std::string_view(gram_));
        start += sizes_[i];
      }
    }
  }

 private:
  // Appends `word` to words_, lowercased when asked, and keeps it unless it is a stop word.
  void Keep(std::size_t start);
  void Lowercase(std::size_t start);
  // Removes and returns the word added last, if it was kept (more than `words_before` words).
  std::optional<std::string> TakeLast(std::size_t words_before);

  std::size_t min_n_;
  std::size_t max_n_;
  bool lowercase_;
  StringSet stop_words_;
  UCaseMap* case_map_ = nullptr;
  // The document's words, end to end, and their sizes: 4 bytes a word, where (start, size) pairs
  // took 16, which for a document of millions of words was most of what counting it held.
  std::string words_;
  std::vector<std::uint32_t> sizes_;
  std::string gram_;
  std::string scratch_;
};

}  // namespace gongwen
