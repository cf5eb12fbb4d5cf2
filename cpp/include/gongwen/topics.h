// Topics of a document-term matrix: latent semantic analysis (a randomized truncated SVD) and
// non-negative matrix factorization, with scikit-learn's meaning (TruncatedSVD, and NMF with its
// default coordinate-descent solver and NNDSVDa start). The sparse matrix is never made dense:
// only sparse-times-dense products touch it, split over threads by blocks of rows. Each row of a
// product is summed in one fixed order whatever the number of threads, so a seeded fit gives
// the same numbers on 1 thread as on 8.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "gongwen/vectorize.h"

namespace gongwen {

// A dense matrix, rows contiguous (numpy's C order).
template <typename Scalar>
using DenseRows = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// How topics are found.
enum class TopicMethod : std::uint8_t {
  // Latent semantic analysis: the leading singular vectors (randomized SVD, Halko et al. 2011).
  kLsa,
  // Non-negative matrix factorization X ~ W H on the Frobenius loss, by cyclic coordinate
  // descent (HALS), started from the non-negative parts of the truncated SVD (NNDSVDa).
  kNmf,
};

// The settings of a topic model.
struct TopicOptions {
  TopicMethod method = TopicMethod::kLsa;
  // Topics to find: 1 <= n_topics <= min(documents, terms).
  std::int64_t n_topics = 20;
  // Seed of the random start (LSA's test matrix; NMF's start comes from an SVD seeded by it).
  std::uint64_t seed = 0;
  // LSA: power iterations (>= 0) and extra columns of the random test matrix (>= 0).
  std::int64_t n_iter = 5;
  std::int64_t n_oversamples = 10;
  // NMF: at most this many passes (>= 1), stopping early once the projected gradient has fallen
  // below tol times the first pass's (tol >= 0; 0 runs every pass).
  std::int64_t max_iter = 200;
  double tol = 1e-4;

  // Throws std::invalid_argument for a setting out of range.
  void Validate() const;
};

// A topic model: fitted once, then used to give any document its topic weights.
class TopicModel {
 public:
  // An unfitted model. Throws std::invalid_argument for bad options.
  explicit TopicModel(TopicOptions options);

  // Fits the model to `matrix` (documents x terms) and returns the documents' topic weights
  // (documents x n_topics): LSA's U times the singular values, NMF's W. Works on `n_threads`
  // threads (0: one per core). Throws std::invalid_argument when n_topics > min(documents,
  // terms); gongwen::Error for an empty or all-zero matrix, a value that is not finite, or (NMF)
  // a negative value.
  template <typename Scalar>
  DenseRows<Scalar> FitTransform(const DocumentTermView<Scalar>& matrix, int n_threads = 0);

  // The topic weights of other documents (documents x n_topics): LSA projects them on the
  // components; NMF solves for W with the components fixed (as many passes as fitting). Throws
  // std::logic_error before fitting, std::invalid_argument for a matrix with another number of
  // terms, gongwen::Error for non-finite or (NMF) negative values.
  template <typename Scalar>
  DenseRows<Scalar> Transform(const DocumentTermView<Scalar>& matrix, int n_threads = 0) const;

  const TopicOptions& options() const { return options_; }
  bool fitted() const { return fitted_; }
  // Terms of the matrix fitted on.
  std::int64_t n_terms() const { return components_.cols(); }
  // The topics as weights of terms (n_topics x terms). LSA: orthonormal rows, each signed so
  // that its entry of largest magnitude is positive; NMF: non-negative.
  const DenseRows<double>& components() const { return components_; }
  // LSA: the singular values, largest first; the variance of each column of the fitted
  // documents' topic weights; that variance as a share of the total variance of the terms.
  const Eigen::VectorXd& singular_values() const { return singular_values_; }
  const Eigen::VectorXd& explained_variance() const { return explained_variance_; }
  const Eigen::VectorXd& explained_variance_ratio() const { return explained_variance_ratio_; }
  // NMF: the passes made, and the Frobenius norm of X - W H at the end of fitting.
  std::int64_t iterations() const { return iterations_; }
  double reconstruction_error() const { return reconstruction_error_; }

 private:
  friend struct SavedTopicModel;
  TopicOptions options_;
  bool fitted_ = false;
  DenseRows<double> components_;
  Eigen::VectorXd singular_values_;
  Eigen::VectorXd explained_variance_;
  Eigen::VectorXd explained_variance_ratio_;
  std::int64_t iterations_ = 0;
  double reconstruction_error_ = 0;
};

// A topic model as saved: settings (opaque text, JSON from Python) and the model when fitted.
struct SavedTopicModel {
  std::string settings;
  std::optional<TopicModel> model;

  // Versioned bytes with a checksum.
  std::string Serialize() const;
  // Throws gongwen::Error for truncated, corrupted or foreign bytes, or a newer version.
  static SavedTopicModel Deserialize(std::string_view bytes);
};

// The leading singular triplets of a sparse matrix by a randomized SVD: `left` (rows x k,
// orthonormal columns), `values` (k, largest first), `right` (k x cols, orthonormal rows).
struct TruncatedSvd {
  DenseRows<double> left;
  Eigen::VectorXd values;
  DenseRows<double> right;
};

// The randomized SVD of `matrix` with k = `rank` triplets, a test matrix of rank + oversamples
// columns drawn from `seed`, and `power_iterations` passes (each normalised by a QR
// factorization). Throws std::invalid_argument when rank is not in [1, min(rows, cols)].
template <typename Scalar>
TruncatedSvd RandomizedSvd(const DocumentTermView<Scalar>& matrix, std::int64_t rank,
                           std::int64_t oversamples, std::int64_t power_iterations,
                           std::uint64_t seed, int n_threads = 0);

}  // namespace gongwen
