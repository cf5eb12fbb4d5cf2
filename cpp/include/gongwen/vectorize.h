// Term counts and TF-IDF weights with scikit-learn's meaning: documents (raw text, segmented
// here, or lists of words) become rows of an Eigen sparse matrix, one column per term (a word or
// an n-gram of words joined by a space). A TermCounter reads the corpus in batches, so that it is
// never held whole; the weighting, the vocabulary limits and the keyword choice work on the
// matrices it makes.
#pragma once

#include <Eigen/SparseCore>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongwen {

class Segmenter;

// One row per document, one column per term, in compressed row storage with 32-bit indices:
// the layout of scipy.sparse.csr_matrix, so that Python gets the buffers without a copy.
template <typename Scalar>
using DocumentTermMatrix = Eigen::SparseMatrix<Scalar, Eigen::RowMajor, std::int32_t>;

// A read-only view of such a matrix held elsewhere (a scipy matrix's buffers, say).
template <typename Scalar>
using DocumentTermView = Eigen::Map<const DocumentTermMatrix<Scalar>>;

// The view of a compressed matrix.
template <typename Scalar>
DocumentTermView<Scalar> ViewOf(const DocumentTermMatrix<Scalar>& matrix) {
  return DocumentTermView<Scalar>(matrix.rows(), matrix.cols(), matrix.nonZeros(),
                                  matrix.outerIndexPtr(), matrix.innerIndexPtr(),
                                  matrix.valuePtr());
}

// A view of compressed-row buffers held elsewhere (`indptr`: rows + 1 offsets, `indices` and
// `values`: nonzeros entries), after checking that they form a matrix: offsets rising from 0
// to `nonzeros`, column indices in [0, cols). Throws std::invalid_argument otherwise.
template <typename Scalar>
DocumentTermView<Scalar> CheckedView(std::int64_t rows, std::int64_t cols, std::int64_t nonzeros,
                                     const std::int32_t* indptr, const std::int32_t* indices,
                                     const Scalar* values);

// How documents become terms.
struct AnalyzerOptions {
  // Terms are the n-grams of the words for n from ngram_min to ngram_max (1 <= min <= max).
  std::size_t ngram_min = 1;
  std::size_t ngram_max = 1;
  // Lowercase words before anything else (Unicode full case mapping, as Python's str.lower).
  bool lowercase = true;
  // Words left out before n-grams are made (compared after lowercasing).
  std::vector<std::string> stop_words;
};

// A document-frequency bound: a number of documents, or a share of them (scikit-learn's int and
// float min_df / max_df).
struct DocumentBound {
  double value = 1;
  bool share = false;
  // The bound in documents, for a corpus of `documents`.
  double Documents(std::size_t documents) const { return share ? value * documents : value; }
};

// Which learnt terms are kept.
struct VocabularyLimits {
  DocumentBound min_df{1, false};
  DocumentBound max_df{1.0, true};
  // Keep at most this many terms: the most frequent in the corpus, ties broken by term order.
  std::optional<std::size_t> max_features;
};

// Hashed columns (scikit-learn's HashingVectorizer): the column of a term is its signed 32-bit
// MurmurHash3 (seed 0, UTF-8 bytes) modulo n_features, and with alternate_sign a term whose hash
// is negative counts -1, so that collisions cancel out on average.
struct HashingOptions {
  std::int32_t n_features = 1 << 20;
  bool alternate_sign = true;
};

// The signed 32-bit MurmurHash3 (x86, 32-bit variant) of `bytes` with `seed`.
std::int32_t MurmurHash3(std::string_view bytes, std::uint32_t seed = 0);

// The vocabulary a counter learnt or was given: terms in column order and, for each, the number
// of documents it occurs in.
struct Vocabulary {
  std::vector<std::string> terms;
  std::vector<std::int64_t> document_frequency;
  std::size_t documents = 0;
};

// Counts the terms of documents, added batch by batch.
class TermCounter {
 public:
  // Learns the vocabulary: every term seen gets a column, until Finish keeps those within limits.
  // With `keep_rows`, the documents' counts are kept for Matrix (fit_transform); without, only
  // the document frequencies (fit).
  static TermCounter Learning(AnalyzerOptions analyzer, bool keep_rows);
  // Counts the terms of a fixed vocabulary (columns in its order); other terms are ignored.
  // Throws std::invalid_argument for an empty vocabulary or a repeated term.
  static TermCounter Fixed(AnalyzerOptions analyzer, std::vector<std::string> vocabulary,
                           bool keep_rows);
  // Counts into hashed columns; no vocabulary. Throws std::invalid_argument for n_features < 1.
  static TermCounter Hashing(AnalyzerOptions analyzer, HashingOptions hashing);

  TermCounter(TermCounter&&) noexcept;
  TermCounter& operator=(TermCounter&&) noexcept;
  ~TermCounter();

  // Segments `texts` (on `n_threads` threads, 0: one per core) and counts their words, one
  // document each. Punctuation and white space are not words; numbers and Latin words are.
  void AddTexts(const Segmenter& segmenter, const std::vector<std::u32string>& texts,
                int n_threads = 0);
  // Counts documents given as lists of words (UTF-8). Throws gongwen::Error for invalid UTF-8.
  void AddWordLists(const std::vector<std::vector<std::string>>& documents);

  // The fast way to count word lists whose words repeat: intern each distinct word once (UTF-8,
  // or code points whose surrogates become U+FFFD), then count documents as word ids. A word
  // that is a stop word gets id -1, which AddWordIds skips. Throws gongwen::Error for invalid
  // UTF-8.
  std::int32_t InternWord(std::string_view word);
  std::int32_t InternWord(std::u32string_view word);
  void AddWordIds(const std::vector<std::int32_t>& ids);

  // The documents counted so far.
  std::size_t documents() const;

  // Ends counting and returns the vocabulary. Learning: the terms within `limits`, in code-point
  // order (scikit-learn's column order); throws std::invalid_argument when no term was seen
  // ("empty vocabulary"), when max_df comes to fewer documents than min_df, or when no term is
  // left. Fixed: the vocabulary as given (limits do not apply). Not for hashing. A Finish that
  // throws (or is interrupted) leaves the counter as it was.
  Vocabulary Finish(const VocabularyLimits& limits = {});

  // The counts, one row per document counted, in the columns of Finish's vocabulary (or the
  // hashed columns); `binary` makes every nonzero count 1. Needs `keep_rows` (or hashing), and
  // Finish first unless hashing. Throws std::logic_error otherwise.
  template <typename Scalar>
  DocumentTermMatrix<Scalar> Matrix(bool binary) const;

 private:
  struct State;
  explicit TermCounter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Row normalisation.
enum class Norm : std::uint8_t { kNone, kL1, kL2 };

// How counts become TF-IDF weights (scikit-learn's TfidfTransformer).
struct TfidfOptions {
  Norm norm = Norm::kL2;
  bool use_idf = true;
  bool smooth_idf = true;
  // Replace a count c by 1 + ln(c).
  bool sublinear_tf = false;
};

// ln((1 + n) / (1 + df)) + 1 with smoothing, ln(n / df) + 1 without, for each term.
std::vector<double> InverseDocumentFrequency(const std::vector<std::int64_t>& document_frequency,
                                             std::size_t documents, bool smooth);

// Weights counts in place: sublinear tf, then idf (when `idf` is not empty: one per column),
// then row normalisation. Throws std::invalid_argument when `idf` has the wrong length (an
// interrupted call, Interrupted, leaves the matrix partly weighted).
template <typename Scalar>
void WeightTfidf(DocumentTermMatrix<Scalar>& matrix, const TfidfOptions& options,
                 const std::vector<double>& idf);

// Scales each row to unit L1 or L2 norm (rows of zeros stay zero).
template <typename Scalar>
void NormalizeRows(DocumentTermMatrix<Scalar>& matrix, Norm norm);

// Whether each term can be a keyword: none of its words (split at spaces) is a stop word, and
// each segments into words or Latin words only (not numbers, punctuation or white space).
std::vector<std::uint8_t> KeywordEligible(const std::vector<std::string>& terms,
                                          const std::vector<std::string>& stop_words,
                                          const Segmenter& segmenter);

// A term of a document and its weight.
struct TermWeight {
  std::int32_t column;
  double weight;
};

// For each row, its `top_n` heaviest eligible terms with a positive weight, heaviest first,
// ties in column order. `eligible` has one entry per column (empty: all are).
template <typename Scalar>
std::vector<std::vector<TermWeight>> TopTerms(const DocumentTermView<Scalar>& matrix,
                                              const std::vector<std::uint8_t>& eligible,
                                              std::size_t top_n);

// A fitted vectorizer as saved: its settings (opaque text, JSON from Python), its vocabulary,
// its idf (possibly empty) and its segmenter (Segmenter::Serialize bytes; empty: the default).
struct SavedVectorizer {
  std::string settings;
  std::optional<Vocabulary> vocabulary;
  std::vector<double> idf;
  std::string segmenter;

  // Versioned bytes with a checksum.
  std::string Serialize() const;
  // Throws gongwen::Error for truncated, corrupted or foreign bytes, or a newer version.
  static SavedVectorizer Deserialize(std::string_view bytes);
};

}  // namespace gongwen
