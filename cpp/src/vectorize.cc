#include "gongwen/vectorize.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <unordered_map>

#include "analyze.h"
#include "gongwen/error.h"
#include "gongwen/segment.h"
#include "text.h"

namespace gongwen {

namespace {

enum class Mode { kLearning, kFixed, kHashing };

using TermIndex = std::unordered_map<std::string, std::int32_t, StringHash, StringEqual>;

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

  TermIndex index;                          // term -> column (learning: provisional)
  std::vector<std::string> terms;           // column -> term
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

  std::vector<Cell> cells;  // the current document's term occurrences

  // Counts the document whose words the analyzer holds.
  void CountDocument() {
    cells.clear();
    analyzer.ForEachTerm([this](std::string_view term) { AddTerm(term); });
    std::sort(cells.begin(), cells.end(),
              [](const Cell& a, const Cell& b) { return a.column < b.column; });
    for (std::size_t i = 0; i < cells.size();) {
      const std::int32_t column = cells[i].column;
      std::int32_t sum = 0;
      std::size_t count = 0;
      for (; i < cells.size() && cells[i].column == column; ++i, ++count) sum += cells[i].value;
      if (mode != Mode::kHashing) {
        document_freq[column] += 1;
        total[column] += static_cast<std::int64_t>(count);
      }
      if (keep_rows) {
        row_columns.push_back(column);
        row_values.push_back(sum);
      }
    }
    if (keep_rows) {
      if (row_columns.size() > kMaxIndex) {
        throw Error("more than 2^31 nonzero counts: vectorize the corpus in parts");
      }
      row_starts.push_back(static_cast<std::int64_t>(row_columns.size()));
    }
    ++documents;
  }

  void AddTerm(std::string_view term) {
    if (mode == Mode::kHashing) {
      const std::int32_t h = MurmurHash3(term);
      // |INT32_MIN| does not fit: scikit-learn maps it to the column its absolute value would.
      const std::int64_t magnitude = h == std::numeric_limits<std::int32_t>::min()
                                         ? std::int64_t{1} << 31
                                         : std::abs(static_cast<std::int64_t>(h));
      const auto column = static_cast<std::int32_t>(magnitude % hashing.n_features);
      cells.push_back({column, hashing.alternate_sign && h < 0 ? -1 : 1});
      return;
    }
    auto it = index.find(term);
    if (it == index.end()) {
      if (mode == Mode::kFixed) return;
      if (terms.size() >= kMaxIndex) throw Error("more than 2^31 distinct terms");
      const auto column = static_cast<std::int32_t>(terms.size());
      it = index.emplace(std::string(term), column).first;
      terms.emplace_back(term);
      document_freq.push_back(0);
      total.push_back(0);
    }
    cells.push_back({it->second, 1});
  }
};

TermCounter::TermCounter(std::unique_ptr<State> state) : state_(std::move(state)) {}
TermCounter::TermCounter(TermCounter&&) noexcept = default;
TermCounter& TermCounter::operator=(TermCounter&&) noexcept = default;
TermCounter::~TermCounter() = default;

TermCounter TermCounter::Learning(AnalyzerOptions analyzer, bool keep_rows) {
  return TermCounter(std::make_unique<State>(analyzer, Mode::kLearning, keep_rows));
}

TermCounter TermCounter::Fixed(AnalyzerOptions analyzer, std::vector<std::string> vocabulary,
                               bool keep_rows) {
  if (vocabulary.empty()) throw std::invalid_argument("empty vocabulary passed to fit");
  auto state = std::make_unique<State>(analyzer, Mode::kFixed, keep_rows);
  if (vocabulary.size() > kMaxIndex) throw std::invalid_argument("vocabulary too large");
  for (std::string& term : vocabulary) {
    const auto column = static_cast<std::int32_t>(state->terms.size());
    if (!state->index.emplace(term, column).second) {
      throw std::invalid_argument("duplicate term in vocabulary: '" + term + "'");
    }
    state->terms.push_back(std::move(term));
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
  // Worker threads segment while this one counts what they have segmented.
  TokenizeStream stream(segmenter, texts, n_threads);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const std::optional<std::vector<Token>> tokens = stream.Next();
    const std::u32string_view text = texts[i];
    state_->analyzer.Clear();
    for (const Token& token : *tokens) {
      if (token.kind == TokenKind::kPunct || token.kind == TokenKind::kSpace) continue;
      state_->analyzer.AddWord(text.substr(token.start, token.end - token.start));
    }
    state_->CountDocument();
  }
}

void TermCounter::AddWordLists(const std::vector<std::vector<std::string>>& documents) {
  if (state_->finished) throw std::logic_error("the counter is finished");
  for (const std::vector<std::string>& words : documents) {
    state_->analyzer.Clear();
    for (const std::string& word : words) {
      if (!text::IsValidUtf8(word)) throw Error("a word is not valid UTF-8");
      state_->analyzer.AddWord(std::string_view(word));
    }
    state_->CountDocument();
  }
}

std::size_t TermCounter::documents() const { return state_->documents; }

Vocabulary TermCounter::Finish(const VocabularyLimits& limits) {
  State& s = *state_;
  if (s.mode == Mode::kHashing) throw std::logic_error("a hashing counter has no vocabulary");
  if (s.finished) throw std::logic_error("the counter is finished");
  s.finished = true;
  Vocabulary vocabulary;
  vocabulary.documents = s.documents;
  if (s.mode == Mode::kFixed) {
    vocabulary.terms = s.terms;
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
    const auto df = static_cast<double>(s.document_freq[c]);
    if (df >= low && df <= high) kept.push_back(static_cast<std::int32_t>(c));
  }
  const auto by_term = [&s](std::int32_t a, std::int32_t b) { return s.terms[a] < s.terms[b]; };
  if (limits.max_features && kept.size() > *limits.max_features) {
    // The most frequent terms; among equally frequent ones, the first in term order.
    std::sort(kept.begin(), kept.end(), [&](std::int32_t a, std::int32_t b) {
      return s.total[a] != s.total[b] ? s.total[a] > s.total[b] : by_term(a, b);
    });
    kept.resize(*limits.max_features);
  }
  if (kept.empty()) {
    throw std::invalid_argument(
        "After pruning, no terms remain. Try a lower min_df or a higher max_df.");
  }
  // UTF-8 byte order is code-point order: the order of Python's sorted() on the terms.
  std::sort(kept.begin(), kept.end(), by_term);
  s.remap.assign(s.terms.size(), -1);
  for (std::size_t i = 0; i < kept.size(); ++i) {
    s.remap[kept[i]] = static_cast<std::int32_t>(i);
    vocabulary.terms.push_back(s.terms[kept[i]]);
    vocabulary.document_frequency.push_back(s.document_freq[kept[i]]);
  }
  s.columns = kept.size();
  // The index and the provisional terms are no longer needed; the rows are remapped on demand.
  TermIndex().swap(s.index);
  std::vector<std::string>().swap(s.terms);
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
    for (std::int32_t column : s.row_columns) nonzeros += s.remap[column] >= 0;
  }
  matrix.resizeNonZeros(static_cast<Eigen::Index>(nonzeros));
  std::int32_t* starts = matrix.outerIndexPtr();
  std::int32_t* columns = matrix.innerIndexPtr();
  Scalar* values = matrix.valuePtr();
  std::size_t out = 0;
  std::vector<std::pair<std::int32_t, std::int32_t>> row;
  for (std::size_t r = 0; r < s.documents; ++r) {
    starts[r] = static_cast<std::int32_t>(out);
    row.clear();
    for (auto k = s.row_starts[r]; k < s.row_starts[r + 1]; ++k) {
      const std::int32_t column = remapped ? s.remap[s.row_columns[k]] : s.row_columns[k];
      if (column >= 0) row.emplace_back(column, s.row_values[k]);
    }
    if (remapped) std::sort(row.begin(), row.end());
    for (const auto& [column, value] : row) {
      columns[out] = column;
      values[out] = binary ? Scalar(1) : static_cast<Scalar>(value);
      ++out;
    }
  }
  starts[s.documents] = static_cast<std::int32_t>(out);
  return matrix;
}

template DocumentTermMatrix<float> TermCounter::Matrix<float>(bool) const;
template DocumentTermMatrix<double> TermCounter::Matrix<double>(bool) const;
template DocumentTermMatrix<std::int32_t> TermCounter::Matrix<std::int32_t>(bool) const;
template DocumentTermMatrix<std::int64_t> TermCounter::Matrix<std::int64_t>(bool) const;

}  // namespace gongwen
