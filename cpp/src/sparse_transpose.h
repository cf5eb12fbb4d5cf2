// Internal: transposing compressed-row matrices in a way that Ctrl-C can stop.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "gongwen/vectorize.h"
#include "parallel.h"

namespace gongwen {

// The transpose of `m` (a compressed row-major Eigen matrix or view with 32-bit indices) as a
// compressed-row matrix of its own: one pass counts the entries of each column, a second
// scatters them, the rows visited in order, so that each row of the result lists its entries in
// column order and keeps every stored entry. What Eigen's storage-order conversion does, with a
// CheckInterrupt every few thousand entries.
template <typename Scalar, typename Matrix>
DocumentTermMatrix<Scalar> TransposedRows(const Matrix& m) {
  const auto rows = static_cast<std::int64_t>(m.rows());
  const auto cols = static_cast<std::int64_t>(m.cols());
  const std::int32_t* starts = m.outerIndexPtr();
  const std::int32_t* indices = m.innerIndexPtr();
  const Scalar* values = m.valuePtr();
  const std::int64_t nonzeros = rows == 0 ? 0 : starts[rows] - starts[0];
  DocumentTermMatrix<Scalar> t(static_cast<Eigen::Index>(cols), static_cast<Eigen::Index>(rows));
  t.resizeNonZeros(static_cast<Eigen::Index>(nonzeros));
  std::int32_t* t_starts = t.outerIndexPtr();
  std::fill(t_starts, t_starts + cols + 1, 0);
  for (std::int64_t k = starts[0]; k < starts[0] + nonzeros; ++k) {
    parallel::CheckInterruptEvery(static_cast<std::uint64_t>(k), 16);
    ++t_starts[indices[k] + 1];
  }
  for (std::int64_t c = 0; c < cols; ++c) t_starts[c + 1] += t_starts[c];
  std::vector<std::int32_t> fill(t_starts, t_starts + cols);
  std::int32_t* t_indices = t.innerIndexPtr();
  Scalar* t_values = t.valuePtr();
  for (std::int64_t r = 0; r < rows; ++r) {
    parallel::CheckInterruptEvery(static_cast<std::uint64_t>(r), 8);
    for (std::int32_t k = starts[r]; k < starts[r + 1]; ++k) {
      const std::int32_t at = fill[indices[k]]++;
      t_indices[at] = static_cast<std::int32_t>(r);
      t_values[at] = values[k];
    }
  }
  return t;
}

}  // namespace gongwen
