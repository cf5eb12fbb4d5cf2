// Topic models: randomized truncated SVD (LSA) and NMF by coordinate descent, on a sparse
// document-term matrix that is only ever multiplied by dense matrices.
//
// Work is split over threads by blocks of rows, and every value a thread writes belongs to one
// row: a row of a product, the topic weights of one document (the coordinate-descent update of
// a row of W reads only that row, since the other rows enter through W^T W, fixed during the
// pass) or one row's share of a sum, added up afterwards in row order. So the numbers do not
// depend on the number of threads. The dense work is double precision whatever the matrix's.
#include "gongwen/topics.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numbers>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "gongwen/error.h"
#include "gongwen/interrupt.h"
#include "parallel.h"
#include "sparse_transpose.h"

namespace gongwen {

namespace {

using Dense = DenseRows<double>;

// A compressed-row matrix seen through its buffers (a view, or one the model made).
template <typename Scalar>
struct Csr {
  std::int64_t rows = 0;
  std::int64_t cols = 0;
  const std::int32_t* indptr = nullptr;
  const std::int32_t* indices = nullptr;
  const Scalar* values = nullptr;

  std::int64_t nonzeros() const { return indptr[rows]; }
};

template <typename Matrix>
auto CsrOf(const Matrix& m) {
  using Scalar = typename Matrix::Scalar;
  return Csr<Scalar>{m.rows(), m.cols(), m.outerIndexPtr(), m.innerIndexPtr(), m.valuePtr()};
}

// The transpose of a view as a compressed-row matrix of its own (columns sorted within each
// row).
template <typename Scalar>
DocumentTermMatrix<Scalar> Transposed(const DocumentTermView<Scalar>& matrix) {
  return TransposedRows<Scalar>(matrix);
}

// Runs fn(begin, end) over consecutive blocks of the rows of `a`, cut so that each holds about
// the same work (its nonzeros times `width`, plus its rows times `row_cost`), on up to `threads`
// threads; small jobs run on the calling thread. The first exception is rethrown here.
template <typename Scalar>
void ForRowBlocks(const Csr<Scalar>& a, std::int64_t width, std::int64_t row_cost, int threads,
                  const std::function<void(std::int64_t, std::int64_t)>& fn) {
  CheckInterrupt();  // every product of every pass: Ctrl-C stops a fit within one product
  const std::int64_t rows = a.rows;
  if (rows == 0) return;
  const double work =
      static_cast<double>(a.nonzeros()) * static_cast<double>(width) + double(rows) * row_cost;
  constexpr double kWorkPerBlock = 1 << 17;  // multiply-adds: enough to pay for a hand-off
  const auto wanted = static_cast<std::int64_t>(std::ceil(work / kWorkPerBlock));
  const std::int64_t blocks = std::clamp<std::int64_t>(wanted, 1, std::int64_t{threads} * 8);
  if (threads <= 1 || blocks <= 1) {
    fn(0, rows);
    return;
  }
  // Block b starts at the first row whose work before it reaches b / blocks of the total.
  std::vector<std::int64_t> starts{0};
  for (std::int64_t r = 0, b = 1; r < rows && b < blocks; ++r) {
    const double before = double(a.indptr[r]) * width + double(r) * row_cost;
    if (before >= work * double(b) / double(blocks)) {
      if (r > starts.back()) starts.push_back(r);
      ++b;
    }
  }
  starts.push_back(rows);
  const auto count = static_cast<std::int64_t>(starts.size()) - 1;
  parallel::ParallelFor(count, threads, 1, [&](std::int64_t first, std::int64_t last) {
    for (std::int64_t b = first; b < last; ++b) fn(starts[b], starts[b + 1]);
  });
}

// a * g, where g has one row per column of a. The sums are made in the matrix's precision (as
// scipy does), from a copy of g in it: a float32 matrix reads half the bytes, twice as fast.
template <typename Scalar>
Dense Multiply(const Csr<Scalar>& a, const Dense& g, int threads) {
  Dense out(a.rows, g.cols());
  const DenseRows<Scalar> gs = g.cast<Scalar>();
  ForRowBlocks(a, g.cols(), g.cols(), threads, [&](std::int64_t begin, std::int64_t end) {
    Eigen::Matrix<Scalar, 1, Eigen::Dynamic> sum(gs.cols());
    for (std::int64_t r = begin; r < end; ++r) {
      sum.setZero();
      for (std::int32_t p = a.indptr[r]; p < a.indptr[r + 1]; ++p) {
        sum.noalias() += a.values[p] * gs.row(a.indices[p]);
      }
      out.row(r) = sum.template cast<double>();
    }
  });
  return out;
}

// Dense work on tall matrices (a row per term) goes by blocks of this many rows, with a check
// for Ctrl-C between them: enough rows for Eigen's kernels to run at full speed.
constexpr Eigen::Index kDenseBlockRows = 8192;

// y^T y, summed block of rows after block of rows.
Eigen::MatrixXd Gram(const Dense& y) {
  Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(y.cols(), y.cols());
  for (Eigen::Index r = 0; r < y.rows(); r += kDenseBlockRows) {
    CheckInterrupt();
    const Eigen::Index n = std::min(kDenseBlockRows, y.rows() - r);
    gram.noalias() += y.middleRows(r, n).transpose() * y.middleRows(r, n);
  }
  return gram;
}

// y b, block of rows after block of rows.
template <typename Matrix>
Dense Product(const Matrix& y, const Eigen::MatrixXd& b) {
  Dense out(y.rows(), b.cols());
  for (Eigen::Index r = 0; r < y.rows(); r += kDenseBlockRows) {
    CheckInterrupt();
    const Eigen::Index n = std::min(kDenseBlockRows, y.rows() - r);
    out.middleRows(r, n).noalias() = y.middleRows(r, n) * b;
  }
  return out;
}

// Replaces the columns of y by an orthonormal basis of their span by Householder QR: exact even
// for columns that are dependent.
void Householder(Dense& y) {
  const Eigen::HouseholderQR<Eigen::MatrixXd> qr(y);
  y = qr.householderQ() * Eigen::MatrixXd::Identity(y.rows(), y.cols());
}

// One step of Cholesky QR: y becomes y R^-1, where R^T R = y^T y. A few times faster than
// Householder QR on tall thin matrices (it is two matrix products), but it needs well
// conditioned columns: returns false, y unchanged, when the Cholesky factor's diagonal spans
// more than 1e6 (the columns are nearly dependent, or dependent).
bool CholeskyStep(Dense& y) {
  const Eigen::MatrixXd gram = Gram(y);
  const Eigen::LLT<Eigen::MatrixXd> llt(gram);
  if (llt.info() != Eigen::Success) return false;
  const Eigen::VectorXd diagonal = llt.matrixLLT().diagonal();
  if (!(diagonal.minCoeff() > 1e-6 * diagonal.maxCoeff())) return false;
  // Each row is solved on its own: by blocks of rows, the numbers are the same.
  for (Eigen::Index r = 0; r < y.rows(); r += kDenseBlockRows) {
    CheckInterrupt();
    auto rows = y.middleRows(r, std::min(kDenseBlockRows, y.rows() - r));
    llt.matrixU().solveInPlace<Eigen::OnTheRight>(rows);
  }
  return true;
}

// Makes the columns of y well conditioned, spanning the same space: one Cholesky QR step
// (Householder QR when the columns are too close to dependent for it). Enough between the
// power iterations, whose products would otherwise pull every column towards the first
// singular vector.
void Condition(Dense& y) {
  if (!CholeskyStep(y)) Householder(y);
}

// Replaces the columns of y by an orthonormal basis of their span: two Cholesky QR steps
// (CholeskyQR2, orthonormal to machine precision), or Householder QR.
void Orthonormalize(Dense& y) {
  Dense copy = y;
  if (CholeskyStep(y) && CholeskyStep(y)) return;
  y = std::move(copy);
  Householder(y);
}

// Standard normal numbers from a seed, the same on every platform's C++ library (the
// distributions of <random> are not): Mersenne Twister bits, Box-Muller transform.
class Gaussian {
 public:
  explicit Gaussian(std::uint64_t seed) : bits_(seed) {}

  double Next() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    const double radius = std::sqrt(-2.0 * std::log(Uniform()));
    const double angle = 2.0 * std::numbers::pi * Uniform();
    spare_ = radius * std::sin(angle);
    has_spare_ = true;
    return radius * std::cos(angle);
  }

 private:
  // Uniform in (0, 1), never 0 (whose logarithm Box-Muller takes).
  double Uniform() { return (static_cast<double>(bits_() >> 11) + 0.5) * 0x1.0p-53; }

  std::mt19937_64 bits_;
  bool has_spare_ = false;
  double spare_ = 0;
};

// Throws gongwen::Error for a value that is not finite, or (`non_negative`) a negative value;
// with `fitting`, also for a matrix without rows, columns or nonzero values.
template <typename Scalar>
void CheckValues(const Csr<Scalar>& a, bool non_negative, bool fitting) {
  if (fitting && (a.rows == 0 || a.cols == 0)) {
    throw Error("empty matrix (" + std::to_string(a.rows) + " documents x " +
                std::to_string(a.cols) + " terms): there are no topics to find");
  }
  bool nonzero = false;
  for (std::int64_t p = 0; p < a.nonzeros(); ++p) {
    parallel::CheckInterruptEvery(static_cast<std::uint64_t>(p), 16);
    const Scalar v = a.values[p];
    if (!std::isfinite(v)) throw Error("the matrix holds a value that is not finite");
    if (non_negative && v < 0) {
      throw Error("NMF needs a non-negative matrix, and this one holds " + std::to_string(v));
    }
    nonzero = nonzero || v != 0;
  }
  if (fitting && !nonzero) throw Error("the matrix is all zeros: there are no topics");
}

void CheckRank(std::int64_t rank, std::int64_t rows, std::int64_t cols) {
  if (rank < 1 || rank > std::min(rows, cols)) {
    throw std::invalid_argument("n_topics must be in [1, min(documents, terms)] = [1, " +
                                std::to_string(std::min(rows, cols)) + "] for a matrix of " +
                                std::to_string(rows) + " documents x " + std::to_string(cols) +
                                " terms, not " + std::to_string(rank));
  }
}

// The randomized SVD of m, whose transpose is mt (Halko, Martinsson and Tropp 2011, algorithms
// 4.4 and 5.1): a basis Q of the range of m (m times a Gaussian test matrix, then power
// iterations through mt and m, each product orthonormalized); then the small SVD of Q^T m,
// found as B^T = mt Q = Q2 R and the SVD of R^T (l x l).
template <typename Scalar>
TruncatedSvd RangeSvd(const Csr<Scalar>& m, const Csr<Scalar>& mt, std::int64_t rank,
                      std::int64_t oversamples, std::int64_t power_iterations, std::uint64_t seed,
                      int threads) {
  const std::int64_t width = std::min(rank + oversamples, std::min(m.rows, m.cols));
  Gaussian gaussian(seed);
  Dense omega(m.cols, width);
  for (std::int64_t i = 0; i < omega.rows(); ++i) {
    parallel::CheckInterruptEvery(static_cast<std::uint64_t>(i), 10);
    for (std::int64_t j = 0; j < width; ++j) omega(i, j) = gaussian.Next();
  }
  Dense q = Multiply(m, omega, threads);
  for (std::int64_t i = 0; i < power_iterations; ++i) {
    Condition(q);
    Dense z = Multiply(mt, q, threads);
    Condition(z);
    q = Multiply(m, z, threads);
  }
  Orthonormalize(q);
  const Eigen::MatrixXd bt = Multiply(mt, q, threads);  // (Q^T m)^T: m.cols x width
  const Eigen::HouseholderQR<Eigen::MatrixXd> qr(bt);
  const Eigen::MatrixXd q2 = qr.householderQ() * Eigen::MatrixXd::Identity(bt.rows(), width);
  const Eigen::MatrixXd r = qr.matrixQR().topRows(width).triangularView<Eigen::Upper>();
  const Eigen::JacobiSVD<Eigen::MatrixXd> svd(r.transpose(),
                                              Eigen::ComputeFullU | Eigen::ComputeFullV);
  TruncatedSvd out;
  out.left = Product(q, svd.matrixU().leftCols(rank));
  out.values = svd.singularValues().head(rank);
  out.right = Product(q2, svd.matrixV().leftCols(rank)).transpose();
  return out;
}

template <typename Scalar>
TruncatedSvd SvdOf(const DocumentTermView<Scalar>& matrix,
                   const DocumentTermMatrix<Scalar>& transposed, std::int64_t rank,
                   std::int64_t oversamples, std::int64_t power_iterations, std::uint64_t seed,
                   int threads) {
  const Csr<Scalar> a = CsrOf(matrix);
  const Csr<Scalar> at = CsrOf(transposed);
  // The test matrix has as many rows as the shorter side (scikit-learn's choice too).
  if (a.rows >= a.cols) {
    return RangeSvd(a, at, rank, oversamples, power_iterations, seed, threads);
  }
  TruncatedSvd flipped = RangeSvd(at, a, rank, oversamples, power_iterations, seed, threads);
  TruncatedSvd out;
  out.left = flipped.right.transpose();
  out.values = std::move(flipped.values);
  out.right = flipped.left.transpose();
  return out;
}

// Signs each singular pair so that the largest entry (the first of equal magnitude) of the
// right vector is positive: the heaviest term of an LSA topic counts for it.
void FlipSigns(TruncatedSvd& svd) {
  for (Eigen::Index k = 0; k < svd.right.rows(); ++k) {
    Eigen::Index heaviest = 0;
    svd.right.row(k).cwiseAbs().maxCoeff(&heaviest);
    if (svd.right(k, heaviest) < 0) {
      svd.right.row(k) *= -1;
      svd.left.col(k) *= -1;
    }
  }
}

// The population variance of each column of a dense matrix.
Eigen::VectorXd ColumnVariance(const Dense& x) {
  const double n = static_cast<double>(x.rows());
  const Eigen::RowVectorXd mean = x.colwise().sum() / n;
  return ((x.rowwise() - mean).cwiseAbs2().colwise().sum() / n).transpose();
}

// The sum over the columns of a sparse matrix of their population variance; `at` holds the
// columns as rows.
template <typename Scalar>
double TotalVariance(const Csr<Scalar>& at, std::int64_t documents, int threads) {
  std::vector<double> variance(at.rows);
  const double n = static_cast<double>(documents);
  ForRowBlocks(at, 1, 1, threads, [&](std::int64_t begin, std::int64_t end) {
    for (std::int64_t c = begin; c < end; ++c) {
      double sum = 0, squares = 0;
      for (std::int32_t p = at.indptr[c]; p < at.indptr[c + 1]; ++p) {
        const double v = at.values[p];
        sum += v;
        squares += v * v;
      }
      const double mean = sum / n;
      variance[c] = std::max(0.0, squares / n - mean * mean);
    }
  });
  double total = 0;
  for (double v : variance) total += v;
  return total;
}

// -- NMF -----------------------------------------------------------------------------------

// One pass of coordinate descent over the row f of a factor: each weight t in turn moves to
// the minimum of the loss along it, clipped at 0 (hals: -grad / gtg(t, t)). `ag` is the row of
// the data times the other factor, gtg the other factor's Gram matrix. Returns the sum of the
// magnitudes of the projected gradient before each move.
double DescendRow(Eigen::Ref<Eigen::RowVectorXd> f, const Eigen::RowVectorXd& ag,
                  const Dense& gtg) {
  double violation = 0;
  for (Eigen::Index t = 0; t < f.size(); ++t) {
    const double gradient = gtg.row(t).dot(f) - ag(t);
    violation += std::abs(f(t) == 0 ? std::min(gradient, 0.0) : gradient);
    const double curvature = gtg(t, t);
    if (curvature != 0) f(t) = std::max(f(t) - gradient / curvature, 0.0);
  }
  return violation;
}

// Sums per-row values in row order (the same total whatever the threads).
double SumInOrder(const std::vector<double>& values) {
  double total = 0;
  for (double v : values) total += v;
  return total;
}

// One pass over every row of f, the factor of the rows of a, g the factor of its columns;
// returns the pass's violation.
template <typename Scalar>
double UpdateFactor(const Csr<Scalar>& a, Dense& f, const Dense& g, int threads) {
  const Dense gtg = g.transpose() * g;
  const Eigen::Index k = f.cols();
  const DenseRows<Scalar> gs = g.cast<Scalar>();
  std::vector<double> violation(a.rows);
  ForRowBlocks(a, k, k * k, threads, [&](std::int64_t begin, std::int64_t end) {
    Eigen::Matrix<Scalar, 1, Eigen::Dynamic> sum(k);
    Eigen::RowVectorXd ag(k);
    for (std::int64_t r = begin; r < end; ++r) {
      sum.setZero();
      for (std::int32_t p = a.indptr[r]; p < a.indptr[r + 1]; ++p) {
        sum.noalias() += a.values[p] * gs.row(a.indices[p]);
      }
      ag = sum.template cast<double>();
      violation[r] = DescendRow(f.row(r), ag, gtg);
    }
  });
  return SumInOrder(violation);
}

// The same with the product a * g given (ag) and g's Gram matrix: for solving f with g fixed.
template <typename Scalar>
double UpdateFixed(const Csr<Scalar>& a, const Dense& ag, Dense& f, const Dense& gtg, int threads) {
  const Eigen::Index k = f.cols();
  std::vector<double> violation(a.rows);
  ForRowBlocks(a, 0, k * k, threads, [&](std::int64_t begin, std::int64_t end) {
    Eigen::RowVectorXd row(k);
    for (std::int64_t r = begin; r < end; ++r) {
      row = ag.row(r);
      violation[r] = DescendRow(f.row(r), row, gtg);
    }
  });
  return SumInOrder(violation);
}

// Whether passes stop after this one: scikit-learn's rule, the violation against the first's.
bool Converged(std::int64_t pass, double violation, double& first, double tol) {
  if (pass == 1) first = violation;
  return first == 0 || violation / first <= tol;
}

// The Frobenius norm of a - w h, where ht = h^T: |a|^2 - 2 <a, w h> + <w^T w, h h^T>, so that
// w h is never formed.
template <typename Scalar>
double ReconstructionError(const Csr<Scalar>& a, const Dense& w, const Dense& ht, int threads) {
  std::vector<double> squares(a.rows), cross(a.rows);
  ForRowBlocks(a, w.cols(), 0, threads, [&](std::int64_t begin, std::int64_t end) {
    for (std::int64_t r = begin; r < end; ++r) {
      double s = 0, c = 0;
      for (std::int32_t p = a.indptr[r]; p < a.indptr[r + 1]; ++p) {
        const double v = a.values[p];
        s += v * v;
        c += v * w.row(r).dot(ht.row(a.indices[p]));
      }
      squares[r] = s;
      cross[r] = c;
    }
  });
  const Dense wtw = w.transpose() * w;
  const Dense hht = ht.transpose() * ht;
  const double error = SumInOrder(squares) - 2 * SumInOrder(cross) + wtw.cwiseProduct(hht).sum();
  return std::sqrt(std::max(error, 0.0));
}

// The NNDSVDa start of NMF (Boutsidis and Gallopoulos 2008): each singular pair becomes its
// non-negative part of larger norm (the first pair: its magnitudes), entries below 1e-6 become
// the matrix's mean.
template <typename Scalar>
std::pair<Dense, Dense> NndsvdStart(const TruncatedSvd& svd, const Csr<Scalar>& a) {
  const Eigen::Index k = svd.values.size();
  Dense w = Dense::Zero(a.rows, k);
  Dense ht = Dense::Zero(a.cols, k);
  for (Eigen::Index j = 0; j < k; ++j) {
    const Eigen::VectorXd x = svd.left.col(j);
    const Eigen::VectorXd y = svd.right.row(j).transpose();
    if (j == 0) {
      w.col(0) = std::sqrt(svd.values(0)) * x.cwiseAbs();
      ht.col(0) = std::sqrt(svd.values(0)) * y.cwiseAbs();
      continue;
    }
    const Eigen::VectorXd xp = x.cwiseMax(0.0), xn = (-x).cwiseMax(0.0);
    const Eigen::VectorXd yp = y.cwiseMax(0.0), yn = (-y).cwiseMax(0.0);
    const double positive = xp.norm() * yp.norm(), negative = xn.norm() * yn.norm();
    const bool use_positive = positive > negative;
    const double sigma = use_positive ? positive : negative;
    if (sigma == 0) continue;  // no non-negative part: left to the mean below
    const double scale = std::sqrt(svd.values(j) * sigma);
    const Eigen::VectorXd& u = use_positive ? xp : xn;
    const Eigen::VectorXd& v = use_positive ? yp : yn;
    w.col(j) = scale * u / u.norm();
    ht.col(j) = scale * v / v.norm();
  }
  double sum = 0;
  for (std::int64_t p = 0; p < a.nonzeros(); ++p) sum += a.values[p];
  const double mean = sum / (static_cast<double>(a.rows) * static_cast<double>(a.cols));
  constexpr double kTiny = 1e-6;
  w = w.unaryExpr([&](double v) { return v < kTiny ? mean : v; });
  ht = ht.unaryExpr([&](double v) { return v < kTiny ? mean : v; });
  return {std::move(w), std::move(ht)};
}

// Power iterations of the SVD that starts NMF: scikit-learn's rule for its NNDSVD.
std::int64_t StartIterations(std::int64_t rank, std::int64_t rows, std::int64_t cols) {
  return 10 * rank < std::min(rows, cols) ? 7 : 4;
}

}  // namespace

void TopicOptions::Validate() const {
  if (method != TopicMethod::kLsa && method != TopicMethod::kNmf) {
    throw std::invalid_argument("unknown topic method");
  }
  if (n_topics < 1) {
    throw std::invalid_argument("n_topics must be 1 or more, not " + std::to_string(n_topics));
  }
  if (n_iter < 0) {
    throw std::invalid_argument("n_iter must be 0 or more, not " + std::to_string(n_iter));
  }
  if (n_oversamples < 0) {
    throw std::invalid_argument("n_oversamples must be 0 or more, not " +
                                std::to_string(n_oversamples));
  }
  if (max_iter < 1) {
    throw std::invalid_argument("max_iter must be 1 or more, not " + std::to_string(max_iter));
  }
  if (!(tol >= 0) || !std::isfinite(tol)) {
    throw std::invalid_argument("tol must be a finite number >= 0, not " + std::to_string(tol));
  }
}

TopicModel::TopicModel(TopicOptions options) : options_(options) { options_.Validate(); }

template <typename Scalar>
TruncatedSvd RandomizedSvd(const DocumentTermView<Scalar>& matrix, std::int64_t rank,
                           std::int64_t oversamples, std::int64_t power_iterations,
                           std::uint64_t seed, int n_threads) {
  CheckRank(rank, matrix.rows(), matrix.cols());
  if (oversamples < 0 || power_iterations < 0) {
    throw std::invalid_argument("oversamples and power iterations must be 0 or more");
  }
  const int threads = parallel::ThreadCount(n_threads);
  const DocumentTermMatrix<Scalar> transposed = Transposed(matrix);
  return SvdOf(matrix, transposed, rank, oversamples, power_iterations, seed, threads);
}

template <typename Scalar>
DenseRows<Scalar> TopicModel::FitTransform(const DocumentTermView<Scalar>& matrix, int n_threads) {
  const int threads = parallel::ThreadCount(n_threads);
  const Csr<Scalar> a = CsrOf(matrix);
  const bool nmf = options_.method == TopicMethod::kNmf;
  CheckValues(a, nmf, true);
  const std::int64_t k = options_.n_topics;
  CheckRank(k, a.rows, a.cols);
  const DocumentTermMatrix<Scalar> transposed = Transposed(matrix);
  const Csr<Scalar> at = CsrOf(transposed);

  fitted_ = false;
  Dense topics;
  if (!nmf) {
    TruncatedSvd svd = SvdOf(matrix, transposed, k, options_.n_oversamples, options_.n_iter,
                             options_.seed, threads);
    FlipSigns(svd);
    topics = svd.left * svd.values.asDiagonal();
    components_ = std::move(svd.right);
    singular_values_ = std::move(svd.values);
    explained_variance_ = ColumnVariance(topics);
    explained_variance_ratio_ = explained_variance_ / TotalVariance(at, a.rows, threads);
    iterations_ = 0;
    reconstruction_error_ = 0;
  } else {
    const TruncatedSvd svd = SvdOf(matrix, transposed, k, 10, StartIterations(k, a.rows, a.cols),
                                   options_.seed, threads);
    auto [w, ht] = NndsvdStart(svd, a);
    double first = 0;
    std::int64_t pass = 1;
    for (;; ++pass) {
      double violation = UpdateFactor(a, w, ht, threads);
      violation += UpdateFactor(at, ht, w, threads);
      if (Converged(pass, violation, first, options_.tol) || pass == options_.max_iter) break;
    }
    iterations_ = pass;
    reconstruction_error_ = ReconstructionError(a, w, ht, threads);
    components_ = ht.transpose();
    topics = std::move(w);
    singular_values_.resize(0);
    explained_variance_.resize(0);
    explained_variance_ratio_.resize(0);
  }
  fitted_ = true;
  return topics.cast<Scalar>();
}

template <typename Scalar>
DenseRows<Scalar> TopicModel::Transform(const DocumentTermView<Scalar>& matrix,
                                        int n_threads) const {
  if (!fitted_) throw std::logic_error("the topic model is not fitted");
  const int threads = parallel::ThreadCount(n_threads);
  const Csr<Scalar> a = CsrOf(matrix);
  if (a.cols != components_.cols()) {
    throw std::invalid_argument("the matrix has " + std::to_string(a.cols) +
                                " terms (columns); the topic model was fitted on " +
                                std::to_string(components_.cols()));
  }
  const bool nmf = options_.method == TopicMethod::kNmf;
  CheckValues(a, nmf, false);
  const Dense ht = components_.transpose();
  Dense topics = Multiply(a, ht, threads);
  if (nmf) {
    // W starts at zero (scikit-learn's start for its coordinate-descent solver).
    const Dense hht = components_ * components_.transpose();
    Dense w = Dense::Zero(a.rows, components_.rows());
    double first = 0;
    for (std::int64_t pass = 1;; ++pass) {
      const double violation = UpdateFixed(a, topics, w, hht, threads);
      if (Converged(pass, violation, first, options_.tol) || pass == options_.max_iter) break;
    }
    topics = std::move(w);
  }
  return topics.cast<Scalar>();
}

#define GONGWEN_TOPICS_FOR(Scalar)                                                               \
  template TruncatedSvd RandomizedSvd<Scalar>(const DocumentTermView<Scalar>&, std::int64_t,     \
                                              std::int64_t, std::int64_t, std::uint64_t, int);   \
  template DenseRows<Scalar> TopicModel::FitTransform<Scalar>(const DocumentTermView<Scalar>&,   \
                                                              int);                              \
  template DenseRows<Scalar> TopicModel::Transform<Scalar>(const DocumentTermView<Scalar>&, int) \
      const;
GONGWEN_TOPICS_FOR(float)
GONGWEN_TOPICS_FOR(double)
#undef GONGWEN_TOPICS_FOR

}  // namespace gongwen
