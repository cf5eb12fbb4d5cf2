// TF-IDF weighting and row normalisation, with scikit-learn's TfidfTransformer formulas.
#include <cmath>
#include <stdexcept>

#include "gongwen/vectorize.h"
#include "parallel.h"

namespace gongwen {

std::vector<double> InverseDocumentFrequency(const std::vector<std::int64_t>& document_frequency,
                                             std::size_t documents, bool smooth) {
  // Smoothing counts one more document that holds every term, so that no idf divides by zero.
  const double n = static_cast<double>(documents) + (smooth ? 1 : 0);
  std::vector<double> idf;
  idf.reserve(document_frequency.size());
  for (std::int64_t df : document_frequency) {
    idf.push_back(std::log(n / (static_cast<double>(df) + (smooth ? 1 : 0))) + 1);
  }
  return idf;
}

template <typename Scalar>
void WeightTfidf(DocumentTermMatrix<Scalar>& matrix, const TfidfOptions& options,
                 const std::vector<double>& idf) {
  if (!idf.empty() && idf.size() != static_cast<std::size_t>(matrix.cols())) {
    throw std::invalid_argument("idf has " + std::to_string(idf.size()) + " values for " +
                                std::to_string(matrix.cols()) + " columns");
  }
  const std::int32_t* columns = matrix.innerIndexPtr();
  Scalar* values = matrix.valuePtr();
  const auto nonzeros = static_cast<std::size_t>(matrix.nonZeros());
  for (std::size_t k = 0; k < nonzeros; ++k) {
    parallel::CheckInterruptEvery(k, 16);
    double value = values[k];
    if (options.sublinear_tf) value = std::log(value) + 1;
    if (!idf.empty()) value *= idf[columns[k]];
    values[k] = static_cast<Scalar>(value);
  }
  NormalizeRows(matrix, options.norm);
}

template <typename Scalar>
void NormalizeRows(DocumentTermMatrix<Scalar>& matrix, Norm norm) {
  if (norm == Norm::kNone) return;
  const std::int32_t* starts = matrix.outerIndexPtr();
  Scalar* values = matrix.valuePtr();
  for (Eigen::Index r = 0; r < matrix.rows(); ++r) {
    parallel::CheckInterruptEvery(static_cast<std::uint64_t>(r), 10);
    double sum = 0;
    for (auto k = starts[r]; k < starts[r + 1]; ++k) {
      const double v = values[k];
      sum += norm == Norm::kL2 ? v * v : std::abs(v);
    }
    if (sum == 0) continue;
    const double scale = norm == Norm::kL2 ? std::sqrt(sum) : sum;
    for (auto k = starts[r]; k < starts[r + 1]; ++k) {
      values[k] = static_cast<Scalar>(values[k] / scale);
    }
  }
}

template void WeightTfidf<float>(DocumentTermMatrix<float>&, const TfidfOptions&,
                                 const std::vector<double>&);
template void WeightTfidf<double>(DocumentTermMatrix<double>&, const TfidfOptions&,
                                  const std::vector<double>&);
template void NormalizeRows<float>(DocumentTermMatrix<float>&, Norm);
template void NormalizeRows<double>(DocumentTermMatrix<double>&, Norm);

}  // namespace gongwen
