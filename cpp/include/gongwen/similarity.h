// Nearest neighbours by cosine similarity, exact: for each query row, the k rows of a corpus most
// similar to it. Rows may be sparse (TF-IDF, DocumentTermView) or dense (topic proportions,
// embeddings); they need not be normalised. The query-by-corpus product is never held whole:
// memory grows with the number of queries times k, plus a buffer per thread (and, for sparse
// rows against themselves, a heap of k per row per thread).
//
// Definitions shared by every function here:
// - cosine(a, b) = a.b / (|a| |b|), computed in double precision from the values as given (not
//   rescaled first), then rounded to the type of the result; cosine with a row of zeros is 0.
// - Neighbours come most similar first; equal scores (as rounded) in ascending row order.
// - Every corpus row is a candidate, rows sharing no term with the query too (score 0), except
//   the query itself when the queries are the corpus.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <optional>

#include "gongwen/vectorize.h"

namespace gongwen {

// Dense rows, one per document, in row-major order (the layout of a C-contiguous numpy array).
template <typename Scalar>
using DenseRows = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// A read-only view of dense rows held elsewhere (a numpy array's buffer, say).
template <typename Scalar>
using DenseRowsView = Eigen::Map<const DenseRows<Scalar>>;

// Row indices, row-major: one row of neighbours per query.
using IndexRows = Eigen::Matrix<std::int64_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// How many neighbours, and which.
struct NeighbourOptions {
  // Neighbours per query, at least 1.
  std::int64_t k = 10;
  // Keep only scores >= threshold (compared after rounding to the type of the scores); none:
  // keep all. Must not be NaN.
  std::optional<double> threshold;
  // Threads to use, 0: one per core.
  int n_threads = 0;
};

// The neighbours of each query: queries x k matrices.
template <typename Scalar>
struct Neighbours {
  // Row q: the corpus rows most similar to query q; -1 where fewer than k qualify.
  IndexRows indices;
  // Their cosine similarities; NaN where the index is -1.
  DenseRows<Scalar> scores;
};

// For each row of `corpus`, the k other rows most similar to it (a row is never its own
// neighbour; an identical row elsewhere is). Throws std::invalid_argument for bad options or a
// value that is not finite.
template <typename Scalar>
Neighbours<Scalar> MostSimilar(const DocumentTermView<Scalar>& corpus,
                               const NeighbourOptions& options);
template <typename Scalar>
Neighbours<Scalar> MostSimilar(const DenseRowsView<Scalar>& corpus,
                               const NeighbourOptions& options);

// For each row of `queries`, the k rows of `corpus` most similar to it. Throws
// std::invalid_argument when the two have different numbers of columns, and as above.
template <typename Scalar>
Neighbours<Scalar> MostSimilar(const DocumentTermView<Scalar>& corpus,
                               const DocumentTermView<Scalar>& queries,
                               const NeighbourOptions& options);
template <typename Scalar>
Neighbours<Scalar> MostSimilar(const DenseRowsView<Scalar>& corpus,
                               const DenseRowsView<Scalar>& queries,
                               const NeighbourOptions& options);

// The cosine similarity of every pair of rows (rows x rows, the diagonal included: 1 for a row
// that is not all zeros, up to rounding), the same numbers MostSimilar gives. For small corpora:
// the result is held whole. Throws std::invalid_argument for a value that is not finite.
template <typename Scalar>
DenseRows<Scalar> CosineSimilarities(const DocumentTermView<Scalar>& rows, int n_threads = 0);
template <typename Scalar>
DenseRows<Scalar> CosineSimilarities(const DenseRowsView<Scalar>& rows, int n_threads = 0);

}  // namespace gongwen
