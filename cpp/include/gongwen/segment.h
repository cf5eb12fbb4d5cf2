// Chinese word segmentation: a lexicon in a double-array trie, the most probable path through
// all the dictionary words of a sentence, numbers/dates/Latin words kept whole, and a hidden
// Markov model that joins unknown characters into words (names, new terms).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace gongwen {

class Lexicon;

// What a token is.
enum class TokenKind : std::uint8_t {
  kWord,    // Chinese (or other) word, from the lexicon, the unknown-word model, or one character
  kNumber,  // 2022年, 43.9万, 31%, 1.31万, 十二月, 百分之八点五
  kLatin,   // GDP, 5G, iPhone, COVID-19
  kPunct,   // punctuation, symbols, emoji, control characters
  kSpace,   // a run of white space
};

// The name of a kind: "word", "number", "latin", "punct", "space".
std::string_view TokenKindName(TokenKind kind);

// A token: [start, end) in code points of the text segmented; `tag` indexes Segmenter::TagName.
struct Token {
  std::size_t start = 0;
  std::size_t end = 0;
  TokenKind kind = TokenKind::kWord;
  std::uint16_t tag = 0;  // 0: no tag
};

// How the segmenter segments.
struct SegmenterOptions {
  // Convert traditional characters to simplified ones before looking words up (the tokens keep
  // the text as written).
  bool to_simplified = false;
  // Join runs of unknown characters into words with the hidden Markov model.
  bool unknown_words = true;
  // Granularity: a bonus in nats for each word of a path. Higher values prefer more, shorter
  // words; 0 is jieba's pure maximum-probability path. See Segmenter::kDefaultGranularity.
  double granularity = 2.0;
};

// A word segmenter. Segmenting is const and thread-safe; AddWord, DelWord and LoadUserDict
// may run concurrently with segmenting (they take a writer lock).
class Segmenter {
 public:
  // The default per-word bonus: a compound must be e^2 (7.4) times likelier than the best path
  // through its parts to stay whole. Chosen by its F1 on the SIGHAN 2005 PKU test set (1.5 to
  // 2.5 score within 0.005 of each other); see bench/RESULTS.md.
  static constexpr double kDefaultGranularity = 2.0;

  // A segmenter with the default lexicon compiled into the library (jieba's dictionary plus the
  // vocabulary of government documents; see data/lexicon).
  explicit Segmenter(const SegmenterOptions& options = {});

  // A segmenter with the lexicon of a word-list file in jieba's format ("word [freq] [tag]" per
  // line; a bare word per line is the SIGHAN lists' format). Throws gongwen::Error naming the
  // file and line for a malformed line, FileError if it cannot be read.
  static Segmenter FromDictionaryFile(const std::string& path,
                                      const SegmenterOptions& options = {});

  // A segmenter with the lexicon in `word_list` (as in a dictionary file); `name` labels errors.
  static Segmenter FromDictionaryText(std::string_view word_list, std::string_view name,
                                      const SegmenterOptions& options = {});

  Segmenter(const Segmenter& other);
  Segmenter& operator=(const Segmenter& other);
  Segmenter(Segmenter&& other) noexcept;
  Segmenter& operator=(Segmenter&& other) noexcept;
  ~Segmenter();

  // The tokens of `text` (code points), covering it exactly, in order, without overlap.
  std::vector<Token> Tokenize(std::u32string_view text) const;

  // Tokenize for UTF-8 text (invalid bytes count as one U+FFFD each).
  std::vector<Token> Tokenize(std::string_view utf8) const;

  // The words of `text` as UTF-8 strings (white space dropped).
  std::vector<std::string> Cut(std::string_view utf8) const;

  // Tokenize for many texts on `n_threads` threads (0: one per core); results in input order.
  std::vector<std::vector<Token>> TokenizeMany(const std::vector<std::u32string>& texts,
                                               int n_threads = 0) const;

  // Adds a word (UTF-8). Without a frequency, the word gets the lowest frequency at which it is
  // kept whole in its own company (jieba's suggest_freq). Throws std::invalid_argument for an
  // empty word or a negative frequency.
  void AddWord(std::string_view word, std::optional<double> freq = std::nullopt,
               std::string_view tag = {});

  // Removes a word; returns whether it was in the lexicon.
  bool DelWord(std::string_view word);

  // Adds the words of a user dictionary in jieba's format; returns how many. Throws like
  // FromDictionaryFile.
  std::size_t LoadUserDict(const std::string& path);

  // Adds the words of a user dictionary given as text; `name` labels errors.
  std::size_t LoadUserDictText(std::string_view word_list, std::string_view name);

  // Re-estimates the frequencies of the lexicon's words from a corpus (one step of Viterbi
  // training): segments `texts`, counts the words found, and sets each counted word's frequency
  // to freq + weight × count × total / tokens, where total is the lexicon's total frequency and
  // tokens the number of words counted. A word list without frequencies thus learns them from the
  // corpus, and the default lexicon leans towards its usage. Returns the number of words whose
  // frequency changed. Throws std::invalid_argument for a negative or non-finite weight.
  std::size_t AdaptFrequencies(const std::vector<std::u32string>& texts, double weight = 1.0,
                               int n_threads = 0);

  // The frequency of a word in the lexicon, or nullopt.
  std::optional<double> WordFrequency(std::string_view word) const;

  // The frequency AddWord gives a word added without one.
  double SuggestFrequency(std::string_view word) const;

  // The name of a token's tag ("" for none). Throws std::invalid_argument for a number that is
  // not a tag of this segmenter's lexicon.
  std::string TagName(std::uint16_t tag) const;

  // The number of words in the lexicon.
  std::size_t LexiconSize() const;

  // The options.
  const SegmenterOptions& options() const { return options_; }

  // The segmenter as bytes: options, and the lexicon — the user's changes only for the default
  // lexicon, all of it for one read from a file. Versioned; see Deserialize.
  std::string Serialize() const;

  // Rebuilds a segmenter from Serialize's bytes. Throws gongwen::Error for truncated, corrupted
  // or foreign bytes, and for bytes of a newer format version (saying so).
  static Segmenter Deserialize(std::string_view bytes);

 private:
  Segmenter(std::shared_ptr<Lexicon> lexicon, bool default_lexicon,
            const SegmenterOptions& options);
  friend Segmenter MakeSegmenter(std::shared_ptr<Lexicon> lexicon, bool default_lexicon,
                                 const SegmenterOptions& options);

  // The lexicon, shared between copies until one of them changes it (copy on write).
  Lexicon& MutableLexicon();

  std::shared_ptr<const Lexicon> lexicon_;
  bool default_lexicon_ = true;
  SegmenterOptions options_;
  std::unique_ptr<std::shared_mutex> mutex_;
};

// Segments texts on background threads and hands the tokens over in input order, so that the
// caller can consume the first results (e.g. turn them into Python objects) while the rest are
// being segmented. The caller counts as one of the threads: when the text it asks for next is
// not ready, Next() segments a block of texts itself (so with one thread, all of them).
class TokenizeStream {
 public:
  // Starts segmenting `texts` (which must outlive the stream) on `n_threads` threads (0: one per
  // core). Throws std::invalid_argument for a negative thread count.
  TokenizeStream(const Segmenter& segmenter, const std::vector<std::u32string>& texts,
                 int n_threads);
  // The same for views of texts (which must outlive the stream).
  TokenizeStream(const Segmenter& segmenter, std::vector<std::u32string_view> texts, int n_threads);
  TokenizeStream(const TokenizeStream&) = delete;
  TokenizeStream& operator=(const TokenizeStream&) = delete;
  // Stops the threads (texts not yet segmented are skipped) and waits for them.
  ~TokenizeStream();

  // The tokens of the next text, waiting for them if need be; nullopt after the last text.
  // Rethrows an exception a worker met.
  std::optional<std::vector<Token>> Next();

  // Whether Next() would return at once, without segmenting or waiting.
  bool Ready();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Word-segmentation scores with the SIGHAN bakeoff's definitions: a predicted word is correct when
// a gold word has the same start and end. Recall of out-of-vocabulary words (gold words not in
// `vocabulary`) and in-vocabulary words is reported when a vocabulary is given.
struct SegmentationScores {
  std::size_t gold_words = 0;
  std::size_t predicted_words = 0;
  std::size_t correct_words = 0;
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  std::optional<double> oov_rate;
  std::optional<double> oov_recall;
  std::optional<double> iv_recall;
};

// Scores segmented lines against gold lines (words separated by white space). Throws
// std::invalid_argument when the line counts differ or a line's characters (white space
// removed) differ between gold and prediction.
SegmentationScores EvaluateSegmentation(const std::vector<std::string>& gold,
                                        const std::vector<std::string>& predicted,
                                        const std::vector<std::string>* vocabulary = nullptr);

}  // namespace gongwen
