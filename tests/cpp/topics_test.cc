#include "gongwen/topics.h"

#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>

#include "gongwen/error.h"

namespace gongwen {
namespace {

using Dense = DenseRows<double>;

// A sparse copy of a dense matrix (its zeros left out).
template <typename Scalar = double>
DocumentTermMatrix<Scalar> Sparse(const Eigen::MatrixXd& dense) {
  DocumentTermMatrix<Scalar> m = dense.cast<Scalar>().sparseView();
  m.makeCompressed();
  return m;
}

// A matrix with orthonormal columns, from a seeded Gaussian one.
Eigen::MatrixXd Orthonormal(Eigen::Index rows, Eigen::Index cols, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal;
  Eigen::MatrixXd g(rows, cols);
  for (Eigen::Index i = 0; i < g.size(); ++i) g.data()[i] = normal(rng);
  const Eigen::HouseholderQR<Eigen::MatrixXd> qr(g);
  return qr.householderQ() * Eigen::MatrixXd::Identity(rows, cols);
}

// A random sparse matrix: each entry nonzero with probability `density`, uniform in (0, 1).
Eigen::MatrixXd RandomSparse(Eigen::Index rows, Eigen::Index cols, double density, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(rows, cols);
  for (Eigen::Index i = 0; i < rows; ++i) {
    for (Eigen::Index j = 0; j < cols; ++j) {
      if (uniform(rng) < density) m(i, j) = uniform(rng);
    }
  }
  return m;
}

// A rank-r matrix U diag(s) V^T with known singular values s = r, r - 1, ..., 1.
struct LowRank {
  Eigen::MatrixXd u, v, dense;
  Eigen::VectorXd s;
};

LowRank MakeLowRank(Eigen::Index rows, Eigen::Index cols, Eigen::Index rank) {
  LowRank m;
  m.u = Orthonormal(rows, rank, 1);
  m.v = Orthonormal(cols, rank, 2);
  m.s = Eigen::VectorXd::LinSpaced(rank, double(rank), 1.0);
  m.dense = m.u * m.s.asDiagonal() * m.v.transpose();
  return m;
}

double MaxAbs(const Eigen::MatrixXd& m) { return m.cwiseAbs().maxCoeff(); }

TopicModel Lsa(std::int64_t topics, std::uint64_t seed = 7) {
  TopicOptions options;
  options.n_topics = topics;
  options.seed = seed;
  return TopicModel(options);
}

TopicModel Nmf(std::int64_t topics, std::int64_t max_iter = 200, double tol = 1e-4) {
  TopicOptions options;
  options.method = TopicMethod::kNmf;
  options.n_topics = topics;
  options.seed = 3;
  options.max_iter = max_iter;
  options.tol = tol;
  return TopicModel(options);
}

TEST(RandomizedSvd, RecoversALowRankMatrix) {
  for (const auto& [rows, cols] : {std::pair{60, 40}, std::pair{40, 60}}) {
    const LowRank low = MakeLowRank(rows, cols, 5);
    const DocumentTermMatrix<double> m = Sparse(low.dense);
    const TruncatedSvd svd = RandomizedSvd(ViewOf(m), 5, 10, 2, 42);
    EXPECT_LT(MaxAbs(svd.values - low.s), 1e-10) << rows << "x" << cols;
    // The same subspaces: |U^T left| is the identity (each vector up to its sign).
    EXPECT_LT(MaxAbs((low.u.transpose() * svd.left).cwiseAbs() - Eigen::MatrixXd::Identity(5, 5)),
              1e-8);
    EXPECT_LT(MaxAbs((low.v.transpose() * svd.right.transpose()).cwiseAbs() -
                     Eigen::MatrixXd::Identity(5, 5)),
              1e-8);
    // And the product is the matrix.
    const Eigen::MatrixXd product = svd.left * svd.values.asDiagonal() * svd.right;
    EXPECT_LT(MaxAbs(product - low.dense), 1e-10);
  }
}

TEST(RandomizedSvd, SingularVectorsAreOrthonormal) {
  const DocumentTermMatrix<float> m = Sparse<float>(RandomSparse(300, 200, 0.05, 5));
  const TruncatedSvd svd = RandomizedSvd(ViewOf(m), 12, 10, 4, 1);
  EXPECT_LT(MaxAbs(svd.left.transpose() * svd.left - Eigen::MatrixXd::Identity(12, 12)), 1e-10);
  EXPECT_LT(MaxAbs(svd.right * svd.right.transpose() - Eigen::MatrixXd::Identity(12, 12)), 1e-10);
  for (Eigen::Index i = 1; i < svd.values.size(); ++i) {
    EXPECT_GE(svd.values(i - 1), svd.values(i));
  }
}

TEST(RandomizedSvd, LeadingValuesApproachTheExactSvd) {
  // A random sparse matrix has a flat spectrum after its first value: the hard case, where
  // power iterations matter. The values found are those of a projection, so never larger.
  const Eigen::MatrixXd dense = RandomSparse(250, 180, 0.05, 9);
  const DocumentTermMatrix<double> m = Sparse(dense);
  const Eigen::VectorXd exact = Eigen::JacobiSVD<Eigen::MatrixXd>(dense).singularValues();
  double previous = std::numeric_limits<double>::infinity();
  for (const std::int64_t iterations : {0, 2, 7, 30}) {
    const TruncatedSvd svd = RandomizedSvd(ViewOf(m), 10, 10, iterations, 3);
    const Eigen::VectorXd shortfall = exact.head(10) - svd.values;
    EXPECT_GT(shortfall.minCoeff(), -1e-10) << iterations << " iterations";
    EXPECT_LT(shortfall.sum(), previous) << iterations << " iterations";
    previous = shortfall.sum();
    if (iterations >= 7) {
      EXPECT_LT((shortfall.array() / exact.head(10).array()).maxCoeff(), 0.01);
    }
  }
  EXPECT_LT(previous, 1e-3);
}

TEST(TopicModel, LsaOfALowRankMatrix) {
  const LowRank low = MakeLowRank(50, 80, 4);
  const DocumentTermMatrix<double> m = Sparse(low.dense);
  TopicModel model = Lsa(4);
  const Dense topics = model.FitTransform(ViewOf(m));
  ASSERT_TRUE(model.fitted());
  EXPECT_EQ(topics.rows(), 50);
  EXPECT_EQ(topics.cols(), 4);
  EXPECT_EQ(model.n_terms(), 80);
  EXPECT_LT(MaxAbs(model.singular_values() - low.s), 1e-10);
  // Projecting the documents gives the fitted weights back; together they rebuild the matrix.
  EXPECT_LT(MaxAbs(model.Transform(ViewOf(m)) - topics), 1e-10);
  EXPECT_LT(MaxAbs(topics * model.components() - low.dense), 1e-10);
  // Each topic's heaviest term has a positive weight.
  for (Eigen::Index k = 0; k < 4; ++k) {
    Eigen::Index heaviest = 0;
    model.components().row(k).cwiseAbs().maxCoeff(&heaviest);
    EXPECT_GT(model.components()(k, heaviest), 0);
  }
  // Explained variance: the variance of each column of the topic weights, as a share of the
  // columns' total variance, which four topics of a rank-4 matrix explain (nearly) all of.
  const Eigen::RowVectorXd mean = topics.colwise().mean();
  for (Eigen::Index k = 0; k < 4; ++k) {
    const double variance = (topics.col(k).array() - mean(k)).square().mean();
    EXPECT_NEAR(model.explained_variance()(k), variance, 1e-12);
  }
  const Eigen::RowVectorXd column_mean = low.dense.colwise().mean();
  const double total = (low.dense.rowwise() - column_mean).array().square().sum() / 50;
  EXPECT_NEAR(model.explained_variance_ratio().sum(), model.explained_variance().sum() / total,
              1e-12);
  EXPECT_LE(model.explained_variance_ratio().sum(), 1 + 1e-9);
  EXPECT_GT(model.explained_variance_ratio().sum(), 0.9);
}

TEST(TopicModel, NmfRecoversANonNegativeFactorization) {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  // A non-negative rank-4 matrix whose factors have zeros (so that it is sparse).
  Eigen::MatrixXd w(70, 4), h(4, 90);
  for (Eigen::Index i = 0; i < w.size(); ++i) {
    w.data()[i] = uniform(rng) < 0.5 ? 0 : uniform(rng);
  }
  for (Eigen::Index i = 0; i < h.size(); ++i) {
    h.data()[i] = uniform(rng) < 0.6 ? 0 : uniform(rng);
  }
  const Eigen::MatrixXd dense = w * h;
  const DocumentTermMatrix<double> m = Sparse(dense);
  TopicModel model = Nmf(4, 2000, 1e-12);
  const Dense topics = model.FitTransform(ViewOf(m));
  EXPECT_GE(topics.minCoeff(), 0);
  EXPECT_GE(model.components().minCoeff(), 0);
  EXPECT_GE(model.iterations(), 1);
  EXPECT_LE(model.iterations(), 2000);
  const double relative = model.reconstruction_error() / dense.norm();
  EXPECT_LT(relative, 1e-3);
  // The reported error is the Frobenius norm of X - W H.
  EXPECT_NEAR(model.reconstruction_error(), (dense - topics * model.components()).norm(), 1e-8);
  // Solving for W with H fixed finds (nearly) the same weights.
  const Dense again = model.Transform(ViewOf(m));
  EXPECT_GE(again.minCoeff(), 0);
  EXPECT_LT((dense - again * model.components()).norm() / dense.norm(), 1e-3);
}

TEST(TopicModel, NmfErrorFallsWithPasses) {
  const DocumentTermMatrix<double> m = Sparse(RandomSparse(120, 90, 0.1, 4));
  double previous = std::numeric_limits<double>::infinity();
  for (std::int64_t passes : {1, 5, 50}) {
    TopicModel model = Nmf(6, passes, 0);
    model.FitTransform(ViewOf(m));
    EXPECT_EQ(model.iterations(), passes);
    EXPECT_LT(model.reconstruction_error(), previous);
    previous = model.reconstruction_error();
  }
}

TEST(TopicModel, SameSeedSameNumbersOnAnyThreads) {
  // Large enough for the products to be split over threads.
  const DocumentTermMatrix<float> m = Sparse<float>(RandomSparse(1500, 700, 0.03, 8));
  for (const TopicMethod method : {TopicMethod::kLsa, TopicMethod::kNmf}) {
    TopicOptions options;
    options.method = method;
    options.n_topics = 15;
    options.seed = 99;
    options.max_iter = 30;
    TopicModel one(options);
    const DenseRows<float> topics = one.FitTransform(ViewOf(m), 1);
    for (const int threads : {1, 2, 3, 8}) {
      TopicModel other(options);
      EXPECT_EQ(other.FitTransform(ViewOf(m), threads), topics) << threads << " threads";
      EXPECT_EQ(other.components(), one.components()) << threads << " threads";
      EXPECT_EQ(other.Transform(ViewOf(m), threads), one.Transform(ViewOf(m), 1));
      EXPECT_EQ(other.iterations(), one.iterations());
    }
  }
}

TEST(TopicModel, AnotherSeedAnotherStart) {
  const DocumentTermMatrix<double> m = Sparse(RandomSparse(200, 150, 0.05, 8));
  TopicOptions options;
  options.n_topics = 5;
  options.n_iter = 0;  // without power iterations the test matrix shows in the result
  options.seed = 1;
  TopicModel a(options);
  a.FitTransform(ViewOf(m));
  options.seed = 2;
  TopicModel b(options);
  b.FitTransform(ViewOf(m));
  EXPECT_NE(a.components(), b.components());
}

TEST(TopicModel, BadArguments) {
  TopicOptions options;
  options.n_topics = 0;
  EXPECT_THROW(TopicModel{options}, std::invalid_argument);
  options.n_topics = -3;
  EXPECT_THROW(TopicModel{options}, std::invalid_argument);
  options = {};
  options.n_iter = -1;
  EXPECT_THROW(TopicModel{options}, std::invalid_argument);
  options = {};
  options.n_oversamples = -1;
  EXPECT_THROW(TopicModel{options}, std::invalid_argument);
  options = {};
  options.max_iter = 0;
  EXPECT_THROW(TopicModel{options}, std::invalid_argument);
  options = {};
  options.tol = -1;
  EXPECT_THROW(TopicModel{options}, std::invalid_argument);
  options.tol = std::nan("");
  EXPECT_THROW(TopicModel{options}, std::invalid_argument);

  const DocumentTermMatrix<double> m = Sparse(RandomSparse(10, 30, 0.3, 1));
  for (const TopicMethod method : {TopicMethod::kLsa, TopicMethod::kNmf}) {
    options = {};
    options.method = method;
    options.n_topics = 11;  // more than min(10, 30)
    TopicModel model(options);
    EXPECT_THROW(model.FitTransform(ViewOf(m)), std::invalid_argument);
    EXPECT_FALSE(model.fitted());
    EXPECT_THROW(model.Transform(ViewOf(m)), std::logic_error);
    EXPECT_THROW(model.FitTransform(ViewOf(m), -1), std::invalid_argument);
  }
  EXPECT_THROW(RandomizedSvd(ViewOf(m), 11, 10, 1, 0), std::invalid_argument);
  EXPECT_THROW(RandomizedSvd(ViewOf(m), 0, 10, 1, 0), std::invalid_argument);

  TopicModel model = Lsa(3);
  model.FitTransform(ViewOf(m));
  const DocumentTermMatrix<double> narrow = Sparse(RandomSparse(10, 29, 0.3, 1));
  EXPECT_THROW(model.Transform(ViewOf(narrow)), std::invalid_argument);
}

TEST(TopicModel, EmptyOrUnusableMatrices) {
  for (const TopicMethod method : {TopicMethod::kLsa, TopicMethod::kNmf}) {
    TopicOptions options;
    options.method = method;
    options.n_topics = 1;
    TopicModel model(options);
    const DocumentTermMatrix<double> no_rows(0, 5), no_cols(5, 0);
    try {
      model.FitTransform(ViewOf(no_rows));
      ADD_FAILURE() << "an empty matrix was fitted";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("empty matrix"), std::string::npos) << e.what();
    }
    EXPECT_THROW(model.FitTransform(ViewOf(no_cols)), Error);
    const DocumentTermMatrix<double> zeros(4, 5);
    EXPECT_THROW(model.FitTransform(ViewOf(zeros)), Error);
    Eigen::MatrixXd dense = RandomSparse(6, 5, 0.5, 2);
    dense(2, 3) = std::numeric_limits<double>::quiet_NaN();
    EXPECT_THROW(model.FitTransform(ViewOf(Sparse(dense))), Error);
  }
  Eigen::MatrixXd negative = RandomSparse(6, 5, 0.5, 2);
  negative(1, 1) = -0.5;
  TopicModel nmf = Nmf(2);
  EXPECT_THROW(nmf.FitTransform(ViewOf(Sparse(negative))), Error);
  TopicModel lsa = Lsa(2);
  EXPECT_NO_THROW(lsa.FitTransform(ViewOf(Sparse(negative))));  // LSA takes any sign

  // Transform takes documents without rows, or without terms of the vocabulary.
  nmf.FitTransform(ViewOf(Sparse(RandomSparse(6, 5, 0.5, 2))));
  EXPECT_EQ(nmf.Transform(ViewOf(DocumentTermMatrix<double>(0, 5))).rows(), 0);
  const Dense blank = nmf.Transform(ViewOf(DocumentTermMatrix<double>(3, 5)));
  EXPECT_EQ(blank, Dense::Zero(3, 2));
  EXPECT_THROW(nmf.Transform(ViewOf(Sparse(negative))), Error);
}

TEST(SavedTopicModel, RoundTrip) {
  const DocumentTermMatrix<double> m = Sparse(RandomSparse(40, 30, 0.2, 6));
  for (const TopicMethod method : {TopicMethod::kLsa, TopicMethod::kNmf}) {
    TopicOptions options;
    options.method = method;
    options.n_topics = 4;
    options.seed = 5;
    options.max_iter = 17;
    options.tol = 0.25;
    SavedTopicModel saved{"{\"class\": \"TopicModel\"}", TopicModel(options)};
    saved.model->FitTransform(ViewOf(m));
    const SavedTopicModel loaded = SavedTopicModel::Deserialize(saved.Serialize());
    EXPECT_EQ(loaded.settings, saved.settings);
    ASSERT_TRUE(loaded.model && loaded.model->fitted());
    const TopicModel& a = *saved.model;
    const TopicModel& b = *loaded.model;
    EXPECT_EQ(b.options().method, method);
    EXPECT_EQ(b.options().n_topics, 4);
    EXPECT_EQ(b.options().seed, 5u);
    EXPECT_EQ(b.options().max_iter, 17);
    EXPECT_EQ(b.options().tol, 0.25);
    EXPECT_EQ(b.components(), a.components());
    EXPECT_EQ(b.singular_values(), a.singular_values());
    EXPECT_EQ(b.explained_variance_ratio(), a.explained_variance_ratio());
    EXPECT_EQ(b.iterations(), a.iterations());
    EXPECT_EQ(b.reconstruction_error(), a.reconstruction_error());
    EXPECT_EQ(b.Transform(ViewOf(m)), a.Transform(ViewOf(m)));
  }
  // Settings only; an unfitted model.
  const SavedTopicModel bare = SavedTopicModel::Deserialize(SavedTopicModel{"x", {}}.Serialize());
  EXPECT_EQ(bare.settings, "x");
  EXPECT_FALSE(bare.model);
  const SavedTopicModel unfitted =
      SavedTopicModel::Deserialize(SavedTopicModel{"", Lsa(3)}.Serialize());
  ASSERT_TRUE(unfitted.model);
  EXPECT_FALSE(unfitted.model->fitted());
}

TEST(SavedTopicModel, DamagedBytesAreRejected) {
  const DocumentTermMatrix<double> m = Sparse(RandomSparse(20, 15, 0.3, 6));
  SavedTopicModel saved{"{}", Lsa(3)};
  saved.model->FitTransform(ViewOf(m));
  const std::string bytes = saved.Serialize();
  for (std::size_t at : {std::size_t{0}, std::size_t{13}, bytes.size() / 2, bytes.size() - 1}) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x10);
    EXPECT_THROW(SavedTopicModel::Deserialize(damaged), Error) << "byte " << at;
  }
  EXPECT_THROW(SavedTopicModel::Deserialize(bytes.substr(0, bytes.size() - 8)), Error);
  EXPECT_THROW(SavedTopicModel::Deserialize(""), Error);
  EXPECT_THROW(SavedTopicModel::Deserialize(SavedVectorizer{}.Serialize()), Error);
}

}  // namespace
}  // namespace gongwen
