// Exact cosine nearest neighbours. Sparse rows: an inverted index of the corpus (its transpose)
// and, per query, a dense accumulator of dot products over the corpus rows that share a term
// with it, from which a heap keeps the best k. Dense rows: products of blocks of queries and
// blocks of the corpus (Eigen's GEMM), each tile's rows offered to the queries' heaps. Queries are
// shared among threads chunk by chunk, each thread with its own accumulator or tiles; every
// query's row of the result is written by one thread only. Sparse rows against themselves: each
// pair is scored once, by the first of its rows, and offered to both rows' heaps (one set per
// thread, merged at the end).
#include "gongwen/similarity.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "gongwen/interrupt.h"
#include "parallel.h"
#include "sparse_transpose.h"

namespace gongwen {

namespace {

// Queries handed to a thread at a time (sparse), and the block sizes of the dense products:
// a tile of kQueryBlock x kCorpusBlock doubles is 512 KiB.
constexpr std::int64_t kSparseChunk = 32;
constexpr Eigen::Index kQueryBlock = 64;
constexpr Eigen::Index kCorpusBlock = 1024;

using parallel::ChunkQueue;

// Norms outside this range are refused: their products and inverses would leave the range of
// double (or its full precision).
constexpr double kMinNorm = 1e-150;
constexpr double kMaxNorm = 1e150;

// The cosine of two rows from their dot product and the product of their inverse norms (0 for a
// row of zeros), rounded to Scalar; never -0.
template <typename Scalar>
Scalar Cosine(double dot, double inverse_norms) {
  return static_cast<Scalar>(dot * inverse_norms) + Scalar(0);  // -0 + 0 is +0
}

// 1 / the L2 norm of row `row` from the sum of its squared values (0 for a row of zeros). Throws
// std::invalid_argument for a value that is not finite or a norm out of range.
template <typename Scalar>
double InverseNorm(double sum_of_squares, const Scalar* values, std::size_t size, Eigen::Index row,
                   const char* what) {
  const auto where = [&] { return std::string(what) + " row " + std::to_string(row); };
  if (!std::isfinite(sum_of_squares)) {
    for (std::size_t i = 0; i < size; ++i) {
      if (!std::isfinite(values[i]))
        throw std::invalid_argument(where() + " holds NaN or infinity");
    }
  }
  if (sum_of_squares == 0) return 0;
  const double norm = std::sqrt(sum_of_squares);
  if (!(norm >= kMinNorm && norm <= kMaxNorm)) {
    throw std::invalid_argument(where() + " has a norm outside [1e-150, 1e150]: rescale the rows");
  }
  return 1 / norm;
}

// 1 / the L2 norm of each row (0 for a row of zeros), in double, the squares summed in column
// order. Throws as InverseNorm.
template <typename Scalar>
std::vector<double> InverseNorms(const DocumentTermView<Scalar>& rows, const char* what) {
  std::vector<double> inverses(static_cast<std::size_t>(rows.rows()));
  const std::int32_t* starts = rows.outerIndexPtr();
  for (Eigen::Index r = 0; r < rows.rows(); ++r) {
    parallel::CheckInterruptEvery(static_cast<std::uint64_t>(r), 10);
    const Scalar* values = rows.valuePtr() + starts[r];
    const auto size = static_cast<std::size_t>(starts[r + 1] - starts[r]);
    double sum = 0;
    for (std::size_t i = 0; i < size; ++i) sum += double(values[i]) * double(values[i]);
    inverses[static_cast<std::size_t>(r)] = InverseNorm(sum, values, size, r, what);
  }
  return inverses;
}

template <typename Scalar>
std::vector<double> InverseNorms(const DenseRowsView<Scalar>& rows, const char* what) {
  std::vector<double> inverses(static_cast<std::size_t>(rows.rows()));
  const auto size = static_cast<std::size_t>(rows.cols());
  for (Eigen::Index r = 0; r < rows.rows(); ++r) {
    parallel::CheckInterruptEvery(static_cast<std::uint64_t>(r), 10);
    const Scalar* values = rows.data() + r * rows.cols();
    double sum = 0;
    for (std::size_t i = 0; i < size; ++i) sum += double(values[i]) * double(values[i]);
    inverses[static_cast<std::size_t>(r)] = InverseNorm(sum, values, size, r, what);
  }
  return inverses;
}

// A candidate neighbour: its score and row.
template <typename Scalar, typename Index>
struct Candidate {
  Scalar score;
  Index index;
};

// Whether a ranks before b: a higher score, or an equal one and a lower row.
template <typename C>
bool Before(const C& a, const C& b) {
  return a.score != b.score ? a.score > b.score : a.index < b.index;
}

// Puts `c` in the heap [first, first + size) of the best candidates, whose top is the worst of
// them: added when size < capacity, else in place of the top (which `c` must rank before).
// Returns the new size.
template <typename C>
std::size_t HeapInsert(C* first, std::size_t size, std::size_t capacity, const C& c) {
  if (size == capacity) {
    std::pop_heap(first, first + size, Before<C>);
    first[size - 1] = c;
  } else {
    first[size++] = c;
  }
  std::push_heap(first, first + size, Before<C>);
  return size;
}

// The best k candidates offered so far, in a heap whose top is the worst of them; scores below
// the threshold are turned away.
template <typename Scalar>
class TopK {
 public:
  TopK(std::int64_t k, Scalar threshold, std::int64_t candidates)
      : k_(static_cast<std::size_t>(k)),
        threshold_(threshold),
        heap_(static_cast<std::size_t>(std::min(k, std::max<std::int64_t>(candidates, 0)))) {}

  // Whether a candidate would get in.
  bool Admits(Scalar score, std::int64_t index) const {
    if (!(score >= threshold_)) return false;
    if (size_ < heap_.size()) return true;
    return !heap_.empty() && Before(Entry{score, index}, heap_.front());
  }

  void Offer(Scalar score, std::int64_t index) {
    if (Admits(score, index)) {
      size_ = HeapInsert(heap_.data(), size_, heap_.size(), Entry{score, index});
    }
  }

  // Whether a row is among the candidates.
  bool Contains(std::int64_t index) const {
    return std::any_of(heap_.begin(), heap_.begin() + static_cast<std::ptrdiff_t>(size_),
                       [&](const Entry& e) { return e.index == index; });
  }

  // Writes the candidates, best first, to k entries at `indices` and `scores`, padded with -1
  // and NaN. Empties the heap.
  void Write(std::int64_t* indices, Scalar* scores) {
    std::sort_heap(heap_.begin(), heap_.begin() + static_cast<std::ptrdiff_t>(size_),
                   Before<Entry>);
    for (std::size_t i = 0; i < k_; ++i) {
      const bool found = i < size_;
      indices[i] = found ? heap_[i].index : -1;
      scores[i] = found ? heap_[i].score : std::numeric_limits<Scalar>::quiet_NaN();
    }
    size_ = 0;
  }

 private:
  using Entry = Candidate<Scalar, std::int64_t>;

  std::size_t k_;
  Scalar threshold_;
  std::vector<Entry> heap_;  // room for min(k, candidates), of which the first size_ are used
  std::size_t size_ = 0;
};

// The best k candidates of every corpus row among those one thread offered: a heap of at most
// k (and fewer than the rows) per row, in one block, and the score a candidate must reach to get
// in, kept apart so that most offers are turned away reading it alone.
template <typename Scalar>
class Boards {
 public:
  Boards(std::int64_t rows, std::int64_t k, Scalar threshold)
      : capacity_(static_cast<std::size_t>(std::min(k, std::max<std::int64_t>(rows - 1, 0)))),
        heaps_(static_cast<std::size_t>(rows) * capacity_),
        sizes_(static_cast<std::size_t>(rows), 0),
        bar_(static_cast<std::size_t>(rows), threshold) {}

  // Offers `index` as a neighbour of `row`.
  void Offer(std::int64_t row, Scalar score, std::int32_t index) {
    const auto r = static_cast<std::size_t>(row);
    if (!(score >= bar_[r]) || capacity_ == 0) return;
    Entry* heap = heaps_.data() + r * capacity_;
    const Entry entry{score, index};
    if (sizes_[r] == capacity_ && !Before(entry, heap[0])) return;  // an equal score, a later row
    sizes_[r] = HeapInsert(heap, sizes_[r], capacity_, entry);
    if (sizes_[r] == capacity_) bar_[r] = heap[0].score;
  }

  // Offers the candidates of `row` to `top`.
  void OfferTo(std::int64_t row, TopK<Scalar>& top) const {
    const auto r = static_cast<std::size_t>(row);
    const Entry* heap = heaps_.data() + r * capacity_;
    for (std::size_t i = 0; i < sizes_[r]; ++i) top.Offer(heap[i].score, heap[i].index);
  }

 private:
  using Entry = Candidate<Scalar, std::int32_t>;

  std::size_t capacity_;
  std::vector<Entry> heaps_;
  std::vector<std::size_t> sizes_;
  std::vector<Scalar> bar_;  // the threshold, then the worst score once the heap is full
};

// Checks the options; returns the threshold as a Scalar (-infinity when there is none).
template <typename Scalar>
Scalar CheckedThreshold(const NeighbourOptions& options) {
  if (options.k < 1) {
    throw std::invalid_argument("k must be at least 1, not " + std::to_string(options.k));
  }
  if (options.n_threads < 0) {
    throw std::invalid_argument("n_threads must be 0 (one per core) or more");
  }
  if (!options.threshold) return -std::numeric_limits<Scalar>::infinity();
  if (std::isnan(*options.threshold)) throw std::invalid_argument("threshold must not be NaN");
  return static_cast<Scalar>(*options.threshold);
}

template <typename Scalar>
Neighbours<Scalar> EmptyNeighbours(Eigen::Index queries, std::int64_t k) {
  Neighbours<Scalar> out;
  out.indices.resize(queries, static_cast<Eigen::Index>(k));
  out.scores.resize(queries, static_cast<Eigen::Index>(k));
  return out;
}

// The dot products of query rows with the corpus rows, through the corpus's inverted index.
// One per thread: it holds a dense accumulator over the corpus rows. A query whose terms reach
// many rows is accumulated as is, and then every row visited; one that reaches few keeps a list
// of the rows it reached, so that its cost does not grow with the corpus.
template <typename Scalar>
class SparseDots {
 public:
  // The corpus's columns: for each term, the rows holding it (ascending) and their values (a
  // view of the corpus's transpose, ByTerm).
  using Postings = Eigen::Map<const Eigen::SparseMatrix<Scalar, Eigen::ColMajor, std::int32_t>>;

  // The corpus's transpose, whose rows are the postings.
  static DocumentTermMatrix<Scalar> ByTerm(const DocumentTermView<Scalar>& corpus) {
    return TransposedRows<Scalar>(corpus);
  }

  // The postings over `by_term` (ByTerm of `corpus`), which must outlive them.
  static Postings Of(const DocumentTermView<Scalar>& corpus,
                     const DocumentTermMatrix<Scalar>& by_term) {
    return Postings(corpus.rows(), corpus.cols(), by_term.nonZeros(), by_term.outerIndexPtr(),
                    by_term.innerIndexPtr(), by_term.valuePtr());
  }

  explicit SparseDots(const Postings& postings)
      : postings_(postings),
        dots_(static_cast<std::size_t>(postings.rows()), 0.0),
        seen_(static_cast<std::size_t>(postings.rows()), 0) {}

  // Accumulates the dot products of row `q` of `queries` with the corpus rows from `first_row`
  // on; with `all_rows`, each of them will be visited whatever the query.
  void Compute(const DocumentTermView<Scalar>& queries, Eigen::Index q, std::int32_t first_row,
               bool all_rows = false) {
    const std::int32_t* rows = postings_.innerIndexPtr();
    const Scalar* values = postings_.valuePtr();
    double* dots = dots_.data();
    Segments(queries, q, first_row);
    std::int64_t reached = 0;
    for (const Segment& s : segments_) reached += s.end - s.begin;
    first_row_ = first_row;
    all_rows_ = all_rows || 2 * reached >= postings_.rows() - first_row;
    for (const Segment& s : segments_) {
      if (all_rows_) {
        for (std::int32_t p = s.begin; p < s.end; ++p) {
          dots[rows[p]] += s.weight * static_cast<double>(values[p]);
        }
        continue;
      }
      for (std::int32_t p = s.begin; p < s.end; ++p) {
        const std::int32_t row = rows[p];
        if (!seen_[row]) {
          seen_[row] = 1;
          touched_.push_back(row);
        }
        dots[row] += s.weight * static_cast<double>(values[p]);
      }
    }
  }

  // Marks the corpus rows sharing a term with row `q` of `queries`, for seen().
  void Mark(const DocumentTermView<Scalar>& queries, Eigen::Index q) {
    const std::int32_t* rows = postings_.innerIndexPtr();
    Segments(queries, q, 0);
    all_rows_ = false;
    for (const Segment& s : segments_) {
      for (std::int32_t p = s.begin; p < s.end; ++p) {
        if (!seen_[rows[p]]) {
          seen_[rows[p]] = 1;
          touched_.push_back(rows[p]);
        }
      }
    }
  }

  // Whether Visit visits every row from the first one on (else only the rows sharing a term
  // with the query).
  bool all_rows() const { return all_rows_; }

  // Calls visit(row, dot product) for every row from the first one on in ascending order, or for
  // the rows sharing a term with the query in no particular order.
  template <typename Visitor>
  void Visit(Visitor&& visit) const {
    if (all_rows_) {
      for (std::size_t row = first_row_; row < dots_.size(); ++row) {
        visit(static_cast<std::int64_t>(row), dots_[row]);
      }
    } else {
      for (const std::int32_t row : touched_) visit(row, dots_[row]);
    }
  }

  // Whether a row shares a term with the query (when not all_rows()).
  bool seen(std::int64_t row) const { return seen_[static_cast<std::size_t>(row)] != 0; }

  // Forgets the query, ready for the next.
  void Clear() {
    if (all_rows_) {
      std::fill(dots_.begin() + first_row_, dots_.end(), 0.0);
      return;
    }
    for (const std::int32_t row : touched_) {
      dots_[row] = 0;
      seen_[row] = 0;
    }
    touched_.clear();
  }

 private:
  // The postings of one term of the query from the first row on, and the query's weight.
  struct Segment {
    std::int32_t begin;
    std::int32_t end;
    double weight;
  };

  void Segments(const DocumentTermView<Scalar>& queries, Eigen::Index q, std::int32_t first_row) {
    const std::int32_t* starts = postings_.outerIndexPtr();
    const std::int32_t* rows = postings_.innerIndexPtr();
    segments_.clear();
    for (typename DocumentTermView<Scalar>::InnerIterator it(queries, q); it; ++it) {
      std::int32_t begin = starts[it.col()];
      const std::int32_t end = starts[it.col() + 1];
      if (first_row > 0) {
        begin =
            static_cast<std::int32_t>(std::lower_bound(rows + begin, rows + end, first_row) - rows);
      }
      if (begin < end) segments_.push_back({begin, end, static_cast<double>(it.value())});
    }
  }

  const Postings& postings_;
  std::vector<double> dots_;
  std::vector<std::uint8_t> seen_;
  std::vector<std::int32_t> touched_;
  std::vector<Segment> segments_;
  std::int32_t first_row_ = 0;
  bool all_rows_ = false;
};

// The rows sharing no term with a query score 0: while a 0 can still get in, offers the first
// rows of the corpus (of `n`) that `skip` does not exclude (the query itself, the rows sharing
// a term with it, the rows in already), in row order, the order ties are kept in.
template <typename Scalar, typename Skip>
void OfferZeros(TopK<Scalar>& top, std::int64_t n, Skip&& skip) {
  if (!top.Admits(Scalar(0), 0)) return;
  for (std::int64_t row = 0; row < n; ++row) {
    if (skip(row)) continue;
    if (!top.Admits(Scalar(0), row)) break;
    top.Offer(Scalar(0), row);
  }
}

// The neighbours of each row of `corpus` among the others. Each pair of rows is scored once, by
// the first of the two, and offered to both; each thread keeps what it was offered in its own
// Boards, which are merged at the end.
template <typename Scalar>
Neighbours<Scalar> SparseSelfNeighbours(const DocumentTermView<Scalar>& corpus,
                                        const NeighbourOptions& options) {
  const Scalar threshold = CheckedThreshold<Scalar>(options);
  const std::vector<double> inverse = InverseNorms(corpus, "corpus");
  const DocumentTermMatrix<Scalar> by_term = SparseDots<Scalar>::ByTerm(corpus);
  const typename SparseDots<Scalar>::Postings postings = SparseDots<Scalar>::Of(corpus, by_term);
  const std::int64_t n = corpus.rows();
  const int threads =
      parallel::ThreadCount(options.n_threads, (n + kSparseChunk - 1) / kSparseChunk);
  std::vector<std::unique_ptr<Boards<Scalar>>> boards(static_cast<std::size_t>(threads));

  ChunkQueue queries(n, kSparseChunk);
  parallel::RunParallel(threads, [&](int t) {
    boards[t] = std::make_unique<Boards<Scalar>>(n, options.k, threshold);
    Boards<Scalar>& board = *boards[t];
    SparseDots<Scalar> dots(postings);
    std::int64_t begin = 0;
    std::int64_t end = 0;
    while (queries.Next(begin, end)) {
      for (std::int64_t q = begin; q < end; ++q) {
        const double inverse_q = inverse[q];
        dots.Compute(corpus, q, static_cast<std::int32_t>(q + 1));
        dots.Visit([&](std::int64_t row, double dot) {
          const Scalar score = Cosine<Scalar>(dot, inverse_q * inverse[row]);
          board.Offer(q, score, static_cast<std::int32_t>(row));
          board.Offer(row, score, static_cast<std::int32_t>(q));
        });
        dots.Clear();
      }
    }
  });

  Neighbours<Scalar> out = EmptyNeighbours<Scalar>(n, options.k);
  ChunkQueue rows(n, kSparseChunk);
  parallel::RunParallel(threads, [&](int) {
    TopK<Scalar> top(options.k, threshold, n);
    SparseDots<Scalar> marks(postings);
    std::int64_t begin = 0;
    std::int64_t end = 0;
    while (rows.Next(begin, end)) {
      for (std::int64_t r = begin; r < end; ++r) {
        for (const auto& board : boards) {
          if (board) board->OfferTo(r, top);  // null: a thread that could not be started
        }
        // Some zeros may be in already: the queries that visited every row offered them.
        if (top.Admits(Scalar(0), 0)) {
          marks.Mark(corpus, r);
          OfferZeros(top, n, [&](std::int64_t row) {
            return row == r || marks.seen(row) || top.Contains(row);
          });
          marks.Clear();
        }
        top.Write(out.indices.row(r).data(), out.scores.row(r).data());
      }
    }
  });
  return out;
}

// Throws std::invalid_argument unless the queries have the corpus's columns.
void CheckSameColumns(Eigen::Index corpus_columns, Eigen::Index query_columns) {
  if (corpus_columns != query_columns) {
    throw std::invalid_argument("the queries have " + std::to_string(query_columns) +
                                " columns, the corpus " + std::to_string(corpus_columns));
  }
}

// The neighbours among the rows of `corpus` of each row of `queries`.
template <typename Scalar>
Neighbours<Scalar> SparseNeighbours(const DocumentTermView<Scalar>& corpus,
                                    const DocumentTermView<Scalar>& queries,
                                    const NeighbourOptions& options) {
  const Scalar threshold = CheckedThreshold<Scalar>(options);
  CheckSameColumns(corpus.cols(), queries.cols());
  const std::vector<double> corpus_inverse = InverseNorms(corpus, "corpus");
  const std::vector<double> query_inverse = InverseNorms(queries, "query");
  Neighbours<Scalar> out = EmptyNeighbours<Scalar>(queries.rows(), options.k);
  const DocumentTermMatrix<Scalar> by_term = SparseDots<Scalar>::ByTerm(corpus);
  const typename SparseDots<Scalar>::Postings postings = SparseDots<Scalar>::Of(corpus, by_term);
  const std::int64_t n = corpus.rows();

  ChunkQueue chunks(queries.rows(), kSparseChunk);
  const int threads =
      parallel::ThreadCount(options.n_threads, (queries.rows() + kSparseChunk - 1) / kSparseChunk);
  parallel::RunParallel(threads, [&](int) {
    SparseDots<Scalar> dots(postings);
    TopK<Scalar> top(options.k, threshold, n);
    std::int64_t begin = 0;
    std::int64_t end = 0;
    while (chunks.Next(begin, end)) {
      for (std::int64_t q = begin; q < end; ++q) {
        const double inverse = query_inverse[static_cast<std::size_t>(q)];
        dots.Compute(queries, q, 0);
        dots.Visit([&](std::int64_t row, double dot) {
          top.Offer(Cosine<Scalar>(dot, inverse * corpus_inverse[row]), row);
        });
        if (!dots.all_rows()) {
          OfferZeros(top, n, [&](std::int64_t row) { return dots.seen(row); });
        }
        dots.Clear();
        top.Write(out.indices.row(q).data(), out.scores.row(q).data());
      }
    }
  });
  return out;
}

// Products of blocks of dense rows, in double: the dot products of a block of queries with a
// block of the corpus. One per thread: it holds the blocks and their product.
template <typename Scalar>
class DenseTiles {
 public:
  // The dot products of queries [q0, q0 + nq) with corpus rows [c0, c0 + nc): a nq x nc tile.
  const DenseRows<double>& Compute(const DenseRowsView<Scalar>& queries, Eigen::Index q0,
                                   Eigen::Index nq, const DenseRowsView<Scalar>& corpus,
                                   Eigen::Index c0, Eigen::Index nc) {
    // Converted even from double: the product packs its operands anyway, and this keeps the
    // arithmetic the same for both types.
    query_block_ = queries.middleRows(q0, nq).template cast<double>();
    corpus_block_ = corpus.middleRows(c0, nc).template cast<double>();
    tile_.resize(nq, nc);
    tile_.noalias() = query_block_ * corpus_block_.transpose();
    return tile_;
  }

 private:
  DenseRows<double> query_block_;
  DenseRows<double> corpus_block_;
  DenseRows<double> tile_;
};

template <typename Scalar>
Neighbours<Scalar> DenseNeighbours(const DenseRowsView<Scalar>& corpus,
                                   const DenseRowsView<Scalar>& queries, bool self,
                                   const NeighbourOptions& options) {
  const Scalar threshold = CheckedThreshold<Scalar>(options);
  CheckSameColumns(corpus.cols(), queries.cols());
  const std::vector<double> corpus_inverse = InverseNorms(corpus, "corpus");
  const std::vector<double> query_inverse = self ? corpus_inverse : InverseNorms(queries, "query");
  Neighbours<Scalar> out = EmptyNeighbours<Scalar>(queries.rows(), options.k);
  const Eigen::Index n = corpus.rows();

  ChunkQueue blocks(queries.rows(), kQueryBlock);
  const int threads =
      parallel::ThreadCount(options.n_threads, (queries.rows() + kQueryBlock - 1) / kQueryBlock);
  parallel::RunParallel(threads, [&](int) {
    DenseTiles<Scalar> tiles;
    std::vector<TopK<Scalar>> tops(static_cast<std::size_t>(kQueryBlock),
                                   TopK<Scalar>(options.k, threshold, n));
    std::int64_t q0 = 0;
    std::int64_t q1 = 0;
    while (blocks.Next(q0, q1)) {
      for (Eigen::Index c0 = 0; c0 < n; c0 += kCorpusBlock) {
        const Eigen::Index nc = std::min(kCorpusBlock, n - c0);
        const DenseRows<double>& tile = tiles.Compute(queries, q0, q1 - q0, corpus, c0, nc);
        for (Eigen::Index i = 0; i < q1 - q0; ++i) {
          const Eigen::Index q = q0 + i;
          const double inverse = query_inverse[static_cast<std::size_t>(q)];
          TopK<Scalar>& top = tops[static_cast<std::size_t>(i)];
          for (Eigen::Index j = 0; j < nc; ++j) {
            const Eigen::Index row = c0 + j;
            if (self && row == q) continue;
            top.Offer(Cosine<Scalar>(tile(i, j), inverse * corpus_inverse[row]), row);
          }
        }
      }
      for (Eigen::Index i = 0; i < q1 - q0; ++i) {
        tops[static_cast<std::size_t>(i)].Write(out.indices.row(q0 + i).data(),
                                                out.scores.row(q0 + i).data());
      }
    }
  });
  return out;
}

}  // namespace

template <typename Scalar>
Neighbours<Scalar> MostSimilar(const DocumentTermView<Scalar>& corpus,
                               const NeighbourOptions& options) {
  return SparseSelfNeighbours(corpus, options);
}

template <typename Scalar>
Neighbours<Scalar> MostSimilar(const DocumentTermView<Scalar>& corpus,
                               const DocumentTermView<Scalar>& queries,
                               const NeighbourOptions& options) {
  return SparseNeighbours(corpus, queries, options);
}

template <typename Scalar>
Neighbours<Scalar> MostSimilar(const DenseRowsView<Scalar>& corpus,
                               const NeighbourOptions& options) {
  return DenseNeighbours(corpus, corpus, true, options);
}

template <typename Scalar>
Neighbours<Scalar> MostSimilar(const DenseRowsView<Scalar>& corpus,
                               const DenseRowsView<Scalar>& queries,
                               const NeighbourOptions& options) {
  return DenseNeighbours(corpus, queries, false, options);
}

template <typename Scalar>
DenseRows<Scalar> CosineSimilarities(const DocumentTermView<Scalar>& rows, int n_threads) {
  const std::vector<double> inverses = InverseNorms(rows, "the");
  const DocumentTermMatrix<Scalar> by_term = SparseDots<Scalar>::ByTerm(rows);
  const typename SparseDots<Scalar>::Postings postings = SparseDots<Scalar>::Of(rows, by_term);
  const Eigen::Index n = rows.rows();
  DenseRows<Scalar> out(n, n);
  ChunkQueue chunks(n, kSparseChunk);
  parallel::RunParallel(parallel::ThreadCount(n_threads, (n + kSparseChunk - 1) / kSparseChunk),
                        [&](int) {
                          SparseDots<Scalar> dots(postings);
                          std::int64_t begin = 0;
                          std::int64_t end = 0;
                          while (chunks.Next(begin, end)) {
                            for (std::int64_t q = begin; q < end; ++q) {
                              dots.Compute(rows, q, 0, /*all_rows=*/true);
                              dots.Visit([&](std::int64_t row, double dot) {
                                out(q, row) = Cosine<Scalar>(dot, inverses[q] * inverses[row]);
                              });
                              dots.Clear();
                            }
                          }
                        });
  return out;
}

template <typename Scalar>
DenseRows<Scalar> CosineSimilarities(const DenseRowsView<Scalar>& rows, int n_threads) {
  const std::vector<double> inverses = InverseNorms(rows, "the");
  const Eigen::Index n = rows.rows();
  DenseRows<Scalar> out(n, n);
  ChunkQueue blocks(n, kQueryBlock);
  parallel::RunParallel(
      parallel::ThreadCount(n_threads, (n + kQueryBlock - 1) / kQueryBlock), [&](int) {
        DenseTiles<Scalar> tiles;
        std::int64_t q0 = 0;
        std::int64_t q1 = 0;
        while (blocks.Next(q0, q1)) {
          for (Eigen::Index c0 = 0; c0 < n; c0 += kCorpusBlock) {
            const Eigen::Index nc = std::min(kCorpusBlock, n - c0);
            const DenseRows<double>& tile = tiles.Compute(rows, q0, q1 - q0, rows, c0, nc);
            for (Eigen::Index i = 0; i < q1 - q0; ++i) {
              for (Eigen::Index j = 0; j < nc; ++j) {
                out(q0 + i, c0 + j) =
                    Cosine<Scalar>(tile(i, j), inverses[q0 + i] * inverses[c0 + j]);
              }
            }
          }
        }
      });
  return out;
}

#define GONGWEN_SIMILARITY(Scalar)                                                                \
  template Neighbours<Scalar> MostSimilar<Scalar>(const DocumentTermView<Scalar>&,                \
                                                  const NeighbourOptions&);                       \
  template Neighbours<Scalar> MostSimilar<Scalar>(                                                \
      const DocumentTermView<Scalar>&, const DocumentTermView<Scalar>&, const NeighbourOptions&); \
  template Neighbours<Scalar> MostSimilar<Scalar>(const DenseRowsView<Scalar>&,                   \
                                                  const NeighbourOptions&);                       \
  template Neighbours<Scalar> MostSimilar<Scalar>(                                                \
      const DenseRowsView<Scalar>&, const DenseRowsView<Scalar>&, const NeighbourOptions&);       \
  template DenseRows<Scalar> CosineSimilarities<Scalar>(const DocumentTermView<Scalar>&, int);    \
  template DenseRows<Scalar> CosineSimilarities<Scalar>(const DenseRowsView<Scalar>&, int);

GONGWEN_SIMILARITY(float)
GONGWEN_SIMILARITY(double)

#undef GONGWEN_SIMILARITY

}  // namespace gongwen
