// Checking compressed-row buffers that come from elsewhere before viewing them as a matrix.
#include <stdexcept>
#include <string>

#include "gongwen/vectorize.h"

namespace gongwen {

template <typename Scalar>
DocumentTermView<Scalar> CheckedView(std::int64_t rows, std::int64_t cols, std::int64_t nonzeros,
                                     const std::int32_t* indptr, const std::int32_t* indices,
                                     const Scalar* values) {
  if (rows < 0 || cols < 0 || nonzeros < 0 || indptr[0] != 0 || indptr[rows] != nonzeros) {
    throw std::invalid_argument("not a CSR matrix: indptr must run from 0 to the nonzeros");
  }
  for (std::int64_t r = 0; r < rows; ++r) {
    if (indptr[r] > indptr[r + 1]) throw std::invalid_argument("not a CSR matrix: indptr falls");
  }
  for (std::int64_t k = 0; k < nonzeros; ++k) {
    if (indices[k] < 0 || indices[k] >= cols) {
      throw std::invalid_argument("not a CSR matrix: column index " + std::to_string(indices[k]) +
                                  " outside [0, " + std::to_string(cols) + ")");
    }
  }
  return DocumentTermView<Scalar>(rows, cols, nonzeros, indptr, indices, values);
}

template DocumentTermView<float> CheckedView<float>(std::int64_t, std::int64_t, std::int64_t,
                                                    const std::int32_t*, const std::int32_t*,
                                                    const float*);
template DocumentTermView<double> CheckedView<double>(std::int64_t, std::int64_t, std::int64_t,
                                                      const std::int32_t*, const std::int32_t*,
                                                      const double*);

}  // namespace gongwen
