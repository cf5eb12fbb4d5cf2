#include "gongwen/vectorize.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

#include "analyze.h"
#include "gongwen/error.h"
#include "gongwen/segment.h"
#include "parallel.h"
#include "segment_internal.h"
#include "sparse_transpose.h"
#include "string_ids.h"
#include "text.h"

namespace gongwen {

namespace {

enum class Mode { kLearning, kFixed, kHashing };

// The largest column count and number of nonzeros that 32-bit indices hold.
constexpr std::size_t kMaxIndex =
    static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max());

// One term occurrence: a column and what it adds there (1, or -1 for a hashed term whose hash is
// negative).
struct Cell {
  std::int32_t column;
  std::int32_t value;
};

}  // namespace

struct TermCounter::State {
  State(const AnalyzerOptions& options, Mode mode, bool keep_rows)
      : analyzer(options), mode(mode), keep_rows(keep_rows) {}

  Analyzer analyzer;
  Mode mode;
  bool keep_rows;
  HashingOptions hashing;

  StringIds terms;                          // term <-> column (learning: provisional)
  std::vector<std::int64_t> document_freq;  // column -> documents
  std::vector<std::int64_t> total;          // column -> occurrences (for max_features)
  std::size_t documents = 0;

  // The kept rows: counts in compressed row storage, columns sorted within a row.
  std::vector<std::int64_t> row_starts{0};
  std::vector<std::int32_t> row_columns;
  std::vector<std::int32_t> row_values;

  // After Finish (learning): provisional column -> final column, or -1 for a dropped term.
  std::vector<std::int32_t> remap;
  std::size_t columns = 0;
  bool finished = false;

  // Per column, the current document's occurrences and their sum (zero between documents): each
  // occurrence is added as it is found, so a huge document costs its distinct terms only.
  std::vector<std::int32_t> occurrences;
  std::vector<std::int32_t> sums;
  std::vector<std::int32_t> touched;  // the columns the current document has

  // Interned words (InternWord): their form in terms, and their unigram cell (column -2 until
  // looked up, -1 for a word outside a fixed vocabulary).
  StringIds words;
  std::vector<Cell> word_cell;
  std::vector<std::int32_t> kept_ids;
  std::string gram;

  // Counts the document whose words the analyzer holds.
  void CountDocument() {
    ClearDocument();
    analyzer.ForEachTerm([this](std::string_view term) {
      if (const std::optional<Cell> cell = Resolve(term)) Add(*cell);
    });
    FinishDocument();
  }

  // Counts a document given as interned word ids.
  void CountWordIds(const std::vector<std::int32_t>& ids) {
    ClearDocument();
    kept_ids.clear();
    for (std::int32_t id : ids) {
      if (id >= static_cast<std::int64_t>(words.size())) throw std::out_of_range("word id");
      if (id >= 0) kept_ids.push_back(id);
    }
    const std::size_t n = kept_ids.size();
    if (analyzer.min_n() == 1) {
      for (std::int32_t id : kept_ids) {
        Cell& cell = word_cell[id];
        if (cell.column == -2) cell = Resolve(words[id]).value_or(Cell{-1, 0});
        if (cell.column >= 0) Add(cell);
      }
    }
    for (std::size_t len = std::max<std::size_t>(analyzer.min_n(), 2);
         len <= analyzer.max_n() && len <= n; ++len) {
      for (std::size_t i = 0; i + len <= n; ++i) {
        gram = words[kept_ids[i]];
        for (std::size_t k = i + 1; k < i + len; ++k) (gram += ' ') += words[kept_ids[k]];
        if (const std::optional<Cell> cell = Resolve(gram)) Add(*cell);
      }
    }
    FinishDocument();
  }

  // Adds one occurrence to the current document, in dense scratch arrays per column, so that
  // only the distinct columns are sorted.
  void Add(const Cell& cell) {
    const auto column = static_cast<std::size_t>(cell.column);
    if (column >= occurrences.size()) {
      const std::size_t width = std::max(column + 1, occurrences.size() * 2);
      occurrences.resize(width, 0);
      sums.resize(width, 0);
    }
    if (occurrences[column]++ == 0) touched.push_back(cell.column);
    sums[column] += cell.value;
  }

  // Zeroes the scratch arrays of the current document (also after a document that failed).
  void ClearDocument() {
    for (std::int32_t column : touched) {
      occurrences[static_cast<std::size_t>(column)] = 0;
      sums[static_cast<std::size_t>(column)] = 0;
    }
    touched.clear();
  }

  // Adds the current document's columns to the frequencies and the kept rows.
  void FinishDocument() {
    // Learnt columns are provisional: Matrix sorts each row once they are final.
    if (mode != Mode::kLearning) std::sort(touched.begin(), touched.end());
    for (std::int32_t column : touched) {
      if (mode != Mode::kHashing) {
        document_freq[column] += 1;
        total[column] += occurrences[column];
      }
      if (keep_rows) {
        row_columns.push_back(column);
        row_values.push_back(sums[column]);
      }
    }
    ClearDocument();
    if (keep_rows) {
      if (row_columns.size() > kMaxIndex) {
        throw Error("more than 2^31 nonzero counts: vectorize the corpus in parts");
      }
      row_starts.push_back(static_cast<std::int64_t>(row_columns.size()));
    }
    ++documents;
  }

  // The cell of a term: its column (new in a learning counter), or nullopt for a term outside a
  // fixed vocabulary.
  std::optional<Cell> Resolve(std::string_view term) {
    if (mode == Mode::kHashing) {
      const std::int32_t h = MurmurHash3(term);
      // |INT32_MIN| does not fit: scikit-learn maps it to the column its absolute value would.
      const std::int64_t magnitude = h == std::numeric_limits<std::int32_t>::min()
                                         ? std::int64_t{1} << 31
                                         : std::abs(static_cast<std::int64_t>(h));
      const auto column = static_cast<std::int32_t>(magnitude % hashing.n_features);
      return Cell{column, hashing.alternate_sign && h < 0 ? -1 : 1};
    }
    if (mode == Mode::kFixed) {
      const std::optional<std::int32_t> column = terms.Find(term);
      if (!column) return std::nullopt;
      return Cell{*column, 1};
    }
    bool added = false;
    const std::int32_t column = terms.Insert(term, &added);
    if (added) {
      document_freq.push_back(0);
      total.push_back(0);
    }
    return Cell{column, 1};
  }

  // The id of a word in its term form, or -1 for a stop word.
  std::int32_t Intern(std::optional<std::string> word) {
    if (!word) return -1;
    bool added = false;
    const std::int32_t id = words.Insert(*word, &added);
    if (added) word_cell.push_back({-2, 0});
    return id;
  }
};

TermCounter::TermCounter(std::unique_ptr<State> state) : state_(std::move(state)) {}
TermCounter::TermCounter(TermCounter&&) noexcept = default;
TermCounter& TermCounter::operator=(TermCounter&&) noexcept = default;
TermCounter::~TermCounter() = default;

TermCounter TermCounter::Learning(AnalyzerOptions analyzer, bool keep_rows) {
  auto state = std::make_unique<State>(analyzer, Mode::kLearning, keep_rows);
  // A corpus of any size has tens of thousands of words: growing to that is wasted rehashing.
  state->terms = StringIds(1 << 15);
  state->words = StringIds(1 << 15);
  return TermCounter(std::move(state));
}

TermCounter TermCounter::Fixed(AnalyzerOptions analyzer, std::vector<std::string> vocabulary,
                               bool keep_rows) {
  if (vocabulary.empty()) throw std::invalid_argument("empty vocabulary passed to fit");
  auto state = std::make_unique<State>(analyzer, Mode::kFixed, keep_rows);
  if (vocabulary.size() > kMaxIndex) throw std::invalid_argument("vocabulary too large");
  for (std::string& term : vocabulary) {
    bool added = false;
    state->terms.Insert(term, &added);
    if (!added) {
      throw std::invalid_argument("duplicate term in vocabulary: '" + term + "'");
    }
  }
  state->document_freq.assign(state->terms.size(), 0);
  state->total.assign(state->terms.size(), 0);
  state->columns = state->terms.size();
  return TermCounter(std::move(state));
}

TermCounter TermCounter::Hashing(AnalyzerOptions analyzer, HashingOptions hashing) {
  if (hashing.n_features < 1) throw std::invalid_argument("n_features must be at least 1");
  auto state = std::make_unique<State>(analyzer, Mode::kHashing, true);
  state->hashing = hashing;
  state->columns = static_cast<std::size_t>(hashing.n_features);
  return TermCounter(std::move(state));
}

void TermCounter::AddTexts(const Segmenter& segmenter, const std::vector<std::u32string>& texts,
                           int n_threads) {
  if (state_->finished) throw std::logic_error("the counter is finished");
  // Each document is segmented a piece at a time: a huge one is never held as tokens whole (24
  // bytes a token, against 3 a character of its UTF-8 text). The pieces segment as the whole.
  constexpr std::size_t kPieceChars = std::size_t{1} << 16;
  std::vector<std::u32string_view> pieces;
  std::vector<std::size_t> first_piece;  // of each document, then pieces.size()
  for (const std::u32string& text : texts) {
    first_piece.push_back(pieces.size());
    std::size_t start = 0;
    for (std::size_t end : PieceEnds(text, kPieceChars)) {
      pieces.push_back(std::u32string_view(text).substr(start, end - start));
      start = end;
    }
  }
  first_piece.push_back(pieces.size());
  TokenizeStream stream(segmenter, pieces, n_threads);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    state_->analyzer.Clear();
    for (std::size_t k = first_piece[i]; k < first_piece[i + 1]; ++k) {
      const std::optional<std::vector<Token>> tokens = stream.Next();
      for (const Token& token : *tokens) {
        if (token.kind == TokenKind::kPunct || token.kind == TokenKind::kSpace) continue;
        state_->analyzer.AddWord(pieces[k].substr(token.start, token.end - token.start));
      }
    }
    state_->CountDocument();
  }
}

void TermCounter::AddWordLists(const std::vector<std::vector<std::string>>& documents) {
  std::vector<std::int32_t> ids;
  for (const std::vector<std::string>& words : documents) {
    ids.clear();
    for (const std::string& word : words) ids.push_back(InternWord(word));
    AddWordIds(ids);
  }
}

std::int32_t TermCounter::InternWord(std::string_view word) {
  if (!text::IsValidUtf8(word)) throw Error("a word is not valid UTF-8");
  return state_->Intern(state_->analyzer.Process(word));
}

std::int32_t TermCounter::InternWord(std::u32string_view word) {
  return state_->Intern(state_->analyzer.Process(word));
}

void TermCounter::AddWordIds(const std::vector<std::int32_t>& ids) {
  if (state_->finished) throw std::logic_error("the counter is finished");
  state_->CountWordIds(ids);
}

std::size_t TermCounter::documents() const { return state_->documents; }

Vocabulary TermCounter::Finish(const VocabularyLimits& limits) {
  State& s = *state_;
  if (s.mode == Mode::kHashing) throw std::logic_error("a hashing counter has no vocabulary");
  if (s.finished) throw std::logic_error("the counter is finished");
  Vocabulary vocabulary;
  vocabulary.documents = s.documents;
  if (s.mode == Mode::kFixed) {
    s.finished = true;
    vocabulary.terms = s.terms.strings();
    vocabulary.document_frequency = s.document_freq;
    return vocabulary;
  }
  if (s.terms.empty()) {
    throw std::invalid_argument("empty vocabulary; perhaps the documents only contain stop words");
  }
  const double high = limits.max_df.Documents(s.documents);
  const double low = limits.min_df.Documents(s.documents);
  if (high < low) throw std::invalid_argument("max_df corresponds to < documents than min_df");
  std::vector<std::int32_t> kept;
  for (std::size_t c = 0; c < s.terms.size(); ++c) {
    parallel::CheckInterruptEvery(c, 16);
    const auto df = static_cast<double>(s.document_freq[c]);
    if (df >= low && df <= high) kept.push_back(static_cast<std::int32_t>(c));
  }
  const auto by_term = [&s](std::int32_t a, std::int32_t b) { return s.terms[a] < s.terms[b]; };
  if (limits.max_features && kept.size() > *limits.max_features) {
    // The most frequent terms; among equally frequent ones, the first in term order.
    parallel::InterruptibleSort(kept.begin(), kept.end(), [&](std::int32_t a, std::int32_t b) {
      return s.total[a] != s.total[b] ? s.total[a] > s.total[b] : by_term(a, b);
    });
    kept.resize(*limits.max_features);
  }
  if (kept.empty()) {
    throw std::invalid_argument(
        "After pruning, no terms remain. Try a lower min_df or a higher max_df.");
  }
  // UTF-8 byte order is code-point order: the order of Python's sorted() on the terms.
  parallel::InterruptibleSort(kept.begin(), kept.end(), by_term);
  // No error or interruption below: the counter changes only now (a Finish that failed or was
  // interrupted leaves it as it was).
  s.finished = true;
  s.remap.assign(s.terms.size(), -1);
  for (std::size_t i = 0; i < kept.size(); ++i) {
    s.remap[kept[i]] = static_cast<std::int32_t>(i);
    vocabulary.terms.push_back(s.terms[kept[i]]);
    vocabulary.document_frequency.push_back(s.document_freq[kept[i]]);
  }
  s.columns = kept.size();
  // The provisional terms are no longer needed; the rows are remapped on demand.
  s.terms = StringIds();
  s.words = StringIds();
  return vocabulary;
}

template <typename Scalar>
DocumentTermMatrix<Scalar> TermCounter::Matrix(bool binary) const {
  const State& s = *state_;
  if (!s.keep_rows) throw std::logic_error("the counter did not keep its rows");
  if (s.mode != Mode::kHashing && !s.finished) throw std::logic_error("call Finish first");
  const bool remapped = s.mode == Mode::kLearning;
  DocumentTermMatrix<Scalar> matrix(static_cast<Eigen::Index>(s.documents),
                                    static_cast<Eigen::Index>(s.columns));
  std::size_t nonzeros = s.row_columns.size();
  if (remapped) {
    nonzeros = 0;
    for (std::size_t k = 0; k < s.row_columns.size(); ++k) {
      parallel::CheckInterruptEvery(k, 16);
      nonzeros += s.remap[s.row_columns[k]] >= 0;
    }
  }
  matrix.resizeNonZeros(static_cast<Eigen::Index>(nonzeros));
  std::int32_t* starts = matrix.outerIndexPtr();
  std::int32_t* columns = matrix.innerIndexPtr();
  Scalar* values = matrix.valuePtr();
  std::size_t out = 0;
  for (std::size_t r = 0; r < s.documents; ++r) {
    parallel::CheckInterruptEvery(r, 8);
    starts[r] = static_cast<std::int32_t>(out);
    for (auto k = s.row_starts[r]; k < s.row_starts[r + 1]; ++k) {
      const std::int32_t column = remapped ? s.remap[s.row_columns[k]] : s.row_columns[k];
      if (column < 0) continue;
      columns[out] = column;
      values[out] = binary ? Scalar(1) : static_cast<Scalar>(s.row_values[k]);
      ++out;
    }
  }
  starts[s.documents] = static_cast<std::int32_t>(out);
  if (!remapped) return matrix;
  // Learnt columns were renumbered in term order, which leaves each row's columns unsorted.
  // Transposing twice sorts them all in linear passes (the entries scattered by column, then by
  // row), where sorting row by row would compare.
  return TransposedRows<Scalar>(TransposedRows<Scalar>(matrix));
}

template DocumentTermMatrix<float> TermCounter::Matrix<float>(bool) const;
template DocumentTermMatrix<double> TermCounter::Matrix<double>(bool) const;
template DocumentTermMatrix<std::int32_t> TermCounter::Matrix<std::int32_t>(bool) const;
template DocumentTermMatrix<std::int64_t> TermCounter::Matrix<std::int64_t>(bool) const;

}  // namespace gongwen
