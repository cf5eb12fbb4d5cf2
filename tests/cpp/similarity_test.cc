#include "gongwen/similarity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>
#include <vector>

namespace gongwen {
namespace {

template <typename Scalar>
using Sparse = DocumentTermMatrix<Scalar>;

// A sparse matrix from dense rows.
template <typename Scalar>
Sparse<Scalar> ToSparse(const DenseRows<Scalar>& dense) {
  Sparse<Scalar> sparse = dense.sparseView(Scalar(0), Scalar(0));
  sparse.makeCompressed();
  return sparse;
}

template <typename Scalar>
DenseRowsView<Scalar> DenseView(const DenseRows<Scalar>& rows) {
  return DenseRowsView<Scalar>(rows.data(), rows.rows(), rows.cols());
}

// A random matrix whose nonzeros (a share `density` of the entries) are 1, or random in (-1, 1)
// when not `binary`: binary rows tie often.
template <typename Scalar>
DenseRows<Scalar> Random(Eigen::Index rows, Eigen::Index cols, double density, bool binary,
                         unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> uniform(0, 1);
  DenseRows<Scalar> out = DenseRows<Scalar>::Zero(rows, cols);
  for (Eigen::Index r = 0; r < rows; ++r) {
    for (Eigen::Index c = 0; c < cols; ++c) {
      if (uniform(random) < density) {
        out(r, c) = binary ? Scalar(1) : static_cast<Scalar>(2 * uniform(random) - 1);
      }
    }
  }
  return out;
}

// Brute force: every cosine, computed the plain way (dot products and squared norms summed in
// column order, in double), rounded to Scalar, and the candidates stably sorted by score.
template <typename Scalar>
Neighbours<Scalar> Reference(const DenseRows<Scalar>& corpus, const DenseRows<Scalar>& queries,
                             bool self, std::int64_t k, double threshold) {
  const auto norm = [](const auto& row) {
    double sum = 0;
    for (Eigen::Index c = 0; c < row.size(); ++c) sum += double(row(c)) * double(row(c));
    return std::sqrt(sum);
  };
  Neighbours<Scalar> out;
  out.indices.setConstant(queries.rows(), k, -1);
  out.scores.setConstant(queries.rows(), k, std::numeric_limits<Scalar>::quiet_NaN());
  for (Eigen::Index q = 0; q < queries.rows(); ++q) {
    std::vector<std::pair<Scalar, std::int64_t>> candidates;
    for (Eigen::Index j = 0; j < corpus.rows(); ++j) {
      if (self && j == q) continue;
      double dot = 0;
      for (Eigen::Index c = 0; c < corpus.cols(); ++c) {
        dot += double(queries(q, c)) * double(corpus(j, c));
      }
      const double norms = norm(queries.row(q)) * norm(corpus.row(j));
      Scalar score = norms == 0 ? Scalar(0) : static_cast<Scalar>(dot / norms);
      if (score == 0) score = 0;
      if (score >= static_cast<Scalar>(threshold)) candidates.emplace_back(score, j);
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; i < candidates.size() && i < static_cast<std::size_t>(k); ++i) {
      out.scores(q, i) = candidates[i].first;
      out.indices(q, i) = candidates[i].second;
    }
  }
  return out;
}

// Equal indices, and equal scores (NaN equal to NaN) within `tolerance`.
template <typename Scalar>
void ExpectSame(const Neighbours<Scalar>& actual, const Neighbours<Scalar>& expected,
                double tolerance = 0) {
  ASSERT_EQ(actual.indices.rows(), expected.indices.rows());
  ASSERT_EQ(actual.indices.cols(), expected.indices.cols());
  EXPECT_EQ(actual.indices, expected.indices);
  for (Eigen::Index q = 0; q < actual.scores.rows(); ++q) {
    for (Eigen::Index i = 0; i < actual.scores.cols(); ++i) {
      const Scalar a = actual.scores(q, i);
      const Scalar e = expected.scores(q, i);
      if (std::isnan(e)) {
        EXPECT_TRUE(std::isnan(a)) << "query " << q << ", rank " << i;
      } else {
        EXPECT_NEAR(a, e, tolerance) << "query " << q << ", rank " << i;
      }
    }
  }
}

NeighbourOptions Options(std::int64_t k, int n_threads = 1,
                         std::optional<double> threshold = std::nullopt) {
  NeighbourOptions options;
  options.k = k;
  options.n_threads = n_threads;
  options.threshold = threshold;
  return options;
}

TEST(SimilarityTest, SmallExampleByHand) {
  DenseRows<float> rows(4, 3);
  rows << 1, 0, 0,  //
      1, 1, 0,      //
      0, 0, 2,      //
      0, 0, 0;      // a row of zeros: cosine 0 with everything
  const Sparse<float> sparse = ToSparse(rows);
  for (const auto& result :
       {MostSimilar(ViewOf(sparse), Options(2)), MostSimilar(DenseView(rows), Options(2))}) {
    // Row 0: row 1 (1/sqrt 2), then rows 2 and 3 tie at 0 and come in index order.
    EXPECT_EQ(result.indices.row(0), (Eigen::RowVector<std::int64_t, 2>(1, 2)));
    EXPECT_FLOAT_EQ(result.scores(0, 0), 1 / std::sqrt(2.0f));
    EXPECT_EQ(result.scores(0, 1), 0);
    EXPECT_EQ(result.indices.row(2), (Eigen::RowVector<std::int64_t, 2>(0, 1)));
    EXPECT_EQ(result.indices.row(3), (Eigen::RowVector<std::int64_t, 2>(0, 1)));
    EXPECT_EQ(result.scores.row(3), (Eigen::RowVector<float, 2>(0, 0)));
  }
}

TEST(SimilarityTest, SparseEqualsBruteForceWithTies) {
  for (const bool binary : {true, false}) {
    const DenseRows<float> rows = Random<float>(150, 12, 0.2, binary, 7);
    const Sparse<float> sparse = ToSparse(rows);
    for (const int threads : {1, 3}) {
      for (const std::int64_t k : {1, 5, 200}) {
        SCOPED_TRACE(testing::Message()
                     << "binary " << binary << ", threads " << threads << ", k " << k);
        ExpectSame(MostSimilar(ViewOf(sparse), Options(k, threads)),
                   Reference(rows, rows, true, k, -INFINITY));
      }
    }
  }
}

TEST(SimilarityTest, SparseDoubleEqualsBruteForce) {
  // Dense enough that no two rows are parallel (cosine 1 in exact arithmetic, which rounding
  // may break either way).
  const DenseRows<double> rows = Random<double>(120, 30, 0.5, false, 11);
  const Sparse<double> sparse = ToSparse(rows);
  // The same order; the scores to the last bit or two (the reference divides by the norms, the
  // search multiplies by their inverses).
  ExpectSame(MostSimilar(ViewOf(sparse), Options(7, 2)), Reference(rows, rows, true, 7, -INFINITY),
             1e-15);
}

TEST(SimilarityTest, QueriesReachingFewOrManyRowsAgree) {
  // A query reaching at least half the corpus is accumulated over every row, one reaching fewer
  // through the list of rows it reached (the rows it did not reach filling in at score 0): every
  // fifth row holds the last 20 columns and takes the first way, the others the second (every
  // third row, holding column 0, reaches a third of the corpus).
  DenseRows<float> rows = Random<float>(300, 40, 0.03, true, 19);
  for (Eigen::Index r = 0; r < rows.rows(); ++r) rows(r, 0) = r % 3 == 0 ? 1.0f : 0.0f;
  for (Eigen::Index r = 0; r < rows.rows(); r += 5) rows.row(r).tail(20).setConstant(1.0f);
  const Sparse<float> sparse = ToSparse(rows);
  for (const std::int64_t k : {3, 50, 299}) {
    SCOPED_TRACE(k);
    ExpectSame(MostSimilar(ViewOf(sparse), Options(k, 2)),
               Reference(rows, rows, true, k, -INFINITY));
  }
}

TEST(SimilarityTest, QueriesAgainstACorpus) {
  const DenseRows<float> corpus = Random<float>(60, 10, 0.3, true, 3);
  const DenseRows<float> queries = Random<float>(25, 10, 0.3, true, 4);
  const Sparse<float> sparse_corpus = ToSparse(corpus);
  const Sparse<float> sparse_queries = ToSparse(queries);
  // The query may equal a corpus row, which then is a neighbour: nothing is excluded.
  const Neighbours<float> expected = Reference(corpus, queries, false, 8, -INFINITY);
  ExpectSame(MostSimilar(ViewOf(sparse_corpus), ViewOf(sparse_queries), Options(8, 2)), expected);
  ExpectSame(MostSimilar(DenseView(corpus), DenseView(queries), Options(8, 2)), expected, 1e-6);
}

TEST(SimilarityTest, FewerCandidatesThanKArePadded) {
  const DenseRows<float> rows = Random<float>(4, 5, 0.5, false, 5);
  const Sparse<float> sparse = ToSparse(rows);
  const Neighbours<float> result = MostSimilar(ViewOf(sparse), Options(6));
  ASSERT_EQ(result.indices.rows(), 4);
  ASSERT_EQ(result.indices.cols(), 6);
  for (Eigen::Index q = 0; q < 4; ++q) {
    for (Eigen::Index i = 0; i < 6; ++i) {
      EXPECT_EQ(result.indices(q, i) == -1, i >= 3);
      EXPECT_EQ(std::isnan(result.scores(q, i)), i >= 3);
    }
  }
  ExpectSame(result, Reference(rows, rows, true, 6, -INFINITY));
}

TEST(SimilarityTest, ThresholdKeepsScoresAtOrAboveIt) {
  const DenseRows<float> rows = Random<float>(80, 8, 0.3, true, 9);
  const Sparse<float> sparse = ToSparse(rows);
  for (const double threshold : {0.5, 0.0, -0.5, 1.0, 2.0}) {
    SCOPED_TRACE(threshold);
    const Neighbours<float> expected = Reference(rows, rows, true, 10, threshold);
    ExpectSame(MostSimilar(ViewOf(sparse), Options(10, 2, threshold)), expected);
    ExpectSame(MostSimilar(DenseView(rows), Options(10, 2, threshold)), expected, 1e-6);
  }
}

TEST(SimilarityTest, NegativeValuesRankBelowRowsSharingNothing) {
  // Signed values (a hashing vectorizer's): a row sharing no term (score 0) beats a negative one.
  DenseRows<double> rows(3, 2);
  rows << 1, 0,  //
      -1, 0,     //
      0, 1;
  const Sparse<double> sparse = ToSparse(rows);
  const Neighbours<double> result = MostSimilar(ViewOf(sparse), Options(2));
  EXPECT_EQ(result.indices.row(0), (Eigen::RowVector<std::int64_t, 2>(2, 1)));
  EXPECT_EQ(result.scores.row(0), (Eigen::RowVector<double, 2>(0, -1)));
  ExpectSame(result, Reference(rows, rows, true, 2, -INFINITY));
}

TEST(SimilarityTest, IdenticalRowsTieInIndexOrder) {
  DenseRows<double> rows = Random<double>(40, 16, 1.0, false, 13);
  for (const Eigen::Index r : {5, 17, 30}) rows.row(r) = rows.row(2);
  rows.row(23) = 3 * rows.row(2);  // same direction, another length
  // In double the copies tie exactly and come in index order; the longer row's cosine, 1 in
  // exact arithmetic, may differ from theirs in the last bit, and come before or after them.
  const Sparse<double> sparse = ToSparse(rows);
  for (const auto& result :
       {MostSimilar(ViewOf(sparse), Options(4)), MostSimilar(DenseView(rows), Options(4))}) {
    std::vector<std::int64_t> copies;
    std::vector<double> scores;
    for (Eigen::Index i = 0; i < 4; ++i) {
      EXPECT_NEAR(result.scores(2, i), 1.0, 1e-15);
      if (result.indices(2, i) == 23) continue;
      copies.push_back(result.indices(2, i));
      scores.push_back(result.scores(2, i));
    }
    EXPECT_EQ(copies, (std::vector<std::int64_t>{5, 17, 30}));
    EXPECT_EQ(scores, std::vector<double>(3, scores[0]));
  }
  // In float all four round to 1 and come in index order.
  const DenseRows<float> floats = rows.cast<float>();
  const Sparse<float> sparse_floats = ToSparse(floats);
  for (const auto& result : {MostSimilar(ViewOf(sparse_floats), Options(4)),
                             MostSimilar(DenseView(floats), Options(4))}) {
    EXPECT_EQ(result.indices.row(2), (Eigen::RowVector<std::int64_t, 4>(5, 17, 23, 30)));
    EXPECT_EQ(result.indices.row(17), (Eigen::RowVector<std::int64_t, 4>(2, 5, 23, 30)));
    EXPECT_TRUE((result.scores.row(2).array() == 1.0f).all());
  }
}

TEST(SimilarityTest, DenseEqualsBruteForce) {
  for (const int threads : {1, 2}) {
    // More rows than a block of the product, so that the tiles meet.
    const DenseRows<double> rows = Random<double>(1100, 20, 1.0, false, 17);
    ExpectSame(MostSimilar(DenseView(rows), Options(5, threads)),
               Reference(rows, rows, true, 5, -INFINITY), 1e-12);
    const DenseRows<float> floats = rows.cast<float>();
    ExpectSame(MostSimilar(DenseView(floats), Options(5, threads)),
               Reference(floats, floats, true, 5, -INFINITY), 1e-6);
  }
}

TEST(SimilarityTest, EmptyInputs) {
  const DenseRows<float> none(0, 4);
  const Sparse<float> sparse_none = ToSparse(none);
  EXPECT_EQ(MostSimilar(ViewOf(sparse_none), Options(3)).indices.rows(), 0);
  EXPECT_EQ(MostSimilar(ViewOf(sparse_none), Options(3)).indices.cols(), 3);
  EXPECT_EQ(MostSimilar(DenseView(none), Options(3)).scores.rows(), 0);
  // Queries against an empty corpus: all padding.
  const DenseRows<float> queries = DenseRows<float>::Ones(2, 4);
  const Sparse<float> sparse_queries = ToSparse(queries);
  const Neighbours<float> result =
      MostSimilar(ViewOf(sparse_none), ViewOf(sparse_queries), Options(3));
  EXPECT_TRUE((result.indices.array() == -1).all());
  EXPECT_TRUE(result.scores.array().isNaN().all());
  // One row: no other row to be its neighbour.
  const Sparse<float> one = ToSparse<float>(queries.topRows(1));
  EXPECT_TRUE((MostSimilar(ViewOf(one), Options(2)).indices.array() == -1).all());
  // No columns: every row is a row of zeros.
  const DenseRows<double> flat(3, 0);
  const Neighbours<double> zeros = MostSimilar(DenseView(flat), Options(2));
  EXPECT_EQ(zeros.indices.row(0), (Eigen::RowVector<std::int64_t, 2>(1, 2)));
  EXPECT_EQ(zeros.scores.row(0), (Eigen::RowVector<double, 2>(0, 0)));
}

TEST(SimilarityTest, BadArgumentsThrow) {
  const DenseRows<float> rows = DenseRows<float>::Ones(3, 2);
  const Sparse<float> sparse = ToSparse(rows);
  EXPECT_THROW(MostSimilar(ViewOf(sparse), Options(0)), std::invalid_argument);
  EXPECT_THROW(MostSimilar(ViewOf(sparse), Options(1, -1)), std::invalid_argument);
  EXPECT_THROW(MostSimilar(ViewOf(sparse), Options(1, 1, std::nan(""))), std::invalid_argument);
  EXPECT_THROW(MostSimilar(DenseView(rows), Options(0)), std::invalid_argument);
  const DenseRows<float> wide = DenseRows<float>::Ones(3, 5);
  const Sparse<float> sparse_wide = ToSparse(wide);
  EXPECT_THROW(MostSimilar(ViewOf(sparse), ViewOf(sparse_wide), Options(1)), std::invalid_argument);
  EXPECT_THROW(MostSimilar(DenseView(rows), DenseView(wide), Options(1)), std::invalid_argument);
  DenseRows<float> bad = rows;
  bad(1, 1) = std::numeric_limits<float>::infinity();
  const Sparse<float> sparse_bad = ToSparse(bad);
  EXPECT_THROW(MostSimilar(ViewOf(sparse_bad), Options(1)), std::invalid_argument);
  EXPECT_THROW(MostSimilar(DenseView(bad), Options(1)), std::invalid_argument);
  bad(1, 1) = std::nanf("");
  EXPECT_THROW(MostSimilar(DenseView(bad), Options(1)), std::invalid_argument);
  EXPECT_THROW(CosineSimilarities(DenseView(bad)), std::invalid_argument);
  // Norms whose products or inverses would leave double's range: rescaled rows are needed.
  for (const float tiny : {1e-30f, 1e30f}) {
    bad(1, 1) = 1;
    bad.row(2) *= tiny;
    EXPECT_NO_THROW(MostSimilar(DenseView(bad), Options(1)));
  }
  DenseRows<double> extreme = DenseRows<double>::Ones(2, 2);
  for (const double scale : {1e-160, 1e160}) {
    extreme.row(1).setConstant(scale);
    const Sparse<double> sparse_extreme = ToSparse(extreme);
    EXPECT_THROW(MostSimilar(DenseView(extreme), Options(1)), std::invalid_argument);
    EXPECT_THROW(MostSimilar(ViewOf(sparse_extreme), Options(1)), std::invalid_argument);
  }
}

TEST(SimilarityTest, CosineSimilaritiesAgreeWithNeighbours) {
  const DenseRows<float> rows = Random<float>(70, 9, 0.3, true, 21);
  const Sparse<float> sparse = ToSparse(rows);
  for (const int threads : {1, 2}) {
    const DenseRows<float> all = CosineSimilarities(ViewOf(sparse), threads);
    const DenseRows<float> all_dense = CosineSimilarities(DenseView(rows), threads);
    const Neighbours<float> top = MostSimilar(ViewOf(sparse), Options(69, threads));
    ASSERT_EQ(all.rows(), 70);
    ASSERT_EQ(all.cols(), 70);
    EXPECT_TRUE(all.isApprox(all.transpose(), 0));
    EXPECT_TRUE(((all - all_dense).array().abs() <= 1e-6).all());
    for (Eigen::Index q = 0; q < 70; ++q) {
      const bool zero_row = rows.row(q).isZero();
      EXPECT_FLOAT_EQ(all(q, q), zero_row ? 0.0f : 1.0f);
      for (Eigen::Index i = 0; i < 69; ++i) {
        EXPECT_EQ(all(q, top.indices(q, i)), top.scores(q, i));
      }
    }
  }
}

}  // namespace
}  // namespace gongwen
