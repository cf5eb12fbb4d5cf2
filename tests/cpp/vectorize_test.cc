#include "gongwen/vectorize.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "../../cpp/src/string_ids.h"
#include "../../cpp/src/text.h"
#include "gongwen/error.h"
#include "gongwen/segment.h"
#include "test_util.h"

namespace gongwen {
namespace {

using Strings = std::vector<std::string>;
using Documents = std::vector<Strings>;

// The dense counts of a matrix, row by row.
template <typename Scalar>
std::vector<std::vector<double>> Dense(const DocumentTermMatrix<Scalar>& m) {
  std::vector<std::vector<double>> out(m.rows(), std::vector<double>(m.cols(), 0));
  for (Eigen::Index r = 0; r < m.outerSize(); ++r) {
    for (typename DocumentTermMatrix<Scalar>::InnerIterator it(m, r); it; ++it) {
      out[r][it.col()] = static_cast<double>(it.value());
    }
  }
  return out;
}

// Learns a vocabulary from word lists and returns it with the counts.
std::pair<Vocabulary, DocumentTermMatrix<double>> Fit(const Documents& docs,
                                                      AnalyzerOptions analyzer = {},
                                                      VocabularyLimits limits = {}) {
  TermCounter counter = TermCounter::Learning(analyzer, true);
  counter.AddWordLists(docs);
  Vocabulary vocabulary = counter.Finish(limits);
  return {vocabulary, counter.Matrix<double>(false)};
}

const Documents kDocs = {
    {"党建", "引领", "乡村", "振兴"},
    {"党建", "党建", "引领", "基层", "治理"},
    {"乡村", "振兴", "GDP"},
};

TEST(VectorizeTest, VocabularyIsSortedAndCountsAreRight) {
  const auto [vocabulary, counts] = Fit(kDocs);
  // Code-point order: ASCII first, then 乡 (U+4E61) < 党 (U+515A) < 基 < 引 < 振 < 治.
  EXPECT_EQ(vocabulary.terms, (Strings{"gdp", "乡村", "党建", "基层", "引领", "振兴", "治理"}));
  EXPECT_EQ(vocabulary.document_frequency, (std::vector<std::int64_t>{1, 2, 2, 1, 2, 2, 1}));
  EXPECT_EQ(vocabulary.documents, 3u);
  const auto dense = Dense(counts);
  EXPECT_EQ(dense[1], (std::vector<double>{0, 0, 2, 1, 1, 0, 1}));
  EXPECT_TRUE(counts.isCompressed());
}

TEST(VectorizeTest, StopWordsGoBeforeNgramsAreMade) {
  AnalyzerOptions analyzer;
  analyzer.ngram_min = 1;
  analyzer.ngram_max = 2;
  analyzer.stop_words = {"的"};
  const auto [vocabulary, counts] = Fit({{"党建", "的", "引领"}}, analyzer);
  EXPECT_EQ(vocabulary.terms, (Strings{"党建", "党建 引领", "引领"}));
  analyzer.ngram_min = 2;
  EXPECT_EQ(Fit({{"a", "b", "c"}}, analyzer).first.terms, (Strings{"a b", "b c"}));
}

TEST(VectorizeTest, LowercasingFollowsUnicode) {
  const auto [vocabulary, counts] = Fit({{"GDP", "École", "ΣΟΦΊΑ", "İ"}});
  EXPECT_EQ(vocabulary.terms, (Strings{"gdp", "i\u0307", "école", "σοφία"}));
  AnalyzerOptions keep_case;
  keep_case.lowercase = false;
  EXPECT_EQ(Fit({{"GDP"}}, keep_case).first.terms, (Strings{"GDP"}));
}

TEST(VectorizeTest, DocumentFrequencyLimits) {
  VocabularyLimits limits;
  limits.min_df = {2, false};
  EXPECT_EQ(Fit(kDocs, {}, limits).first.terms, (Strings{"乡村", "党建", "引领", "振兴"}));
  limits.min_df = {1, false};
  limits.max_df = {0.5, true};  // at most 1.5 documents
  EXPECT_EQ(Fit(kDocs, {}, limits).first.terms, (Strings{"gdp", "基层", "治理"}));
  limits.max_df = {1.0, true};
  limits.max_features = 2;  // 党建 occurs 3 times; 乡村, 引领, 振兴 twice: 乡村 comes first
  EXPECT_EQ(Fit(kDocs, {}, limits).first.terms, (Strings{"乡村", "党建"}));
}

TEST(VectorizeTest, ImpossibleLimitsAndEmptyCorporaAreErrors) {
  VocabularyLimits limits;
  limits.min_df = {3, false};
  limits.max_df = {2, false};
  EXPECT_THROW(Fit(kDocs, {}, limits), std::invalid_argument);
  limits.max_df = {1.0, true};
  limits.min_df = {4, false};
  EXPECT_THROW(Fit(kDocs, {}, limits), std::invalid_argument);
  EXPECT_THROW(Fit({}), std::invalid_argument);
  AnalyzerOptions analyzer;
  analyzer.stop_words = {"的", "了"};
  try {
    Fit({{"的"}, {"了", "的"}}, analyzer);
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("empty vocabulary"), std::string::npos);
  }
  analyzer.ngram_min = 2;
  analyzer.ngram_max = 1;
  EXPECT_THROW(TermCounter::Learning(analyzer, false), std::invalid_argument);
}

TEST(VectorizeTest, EmptyDocumentsAreEmptyRows) {
  const auto [vocabulary, counts] = Fit({{}, {"党建"}, {}});
  EXPECT_EQ(counts.rows(), 3);
  EXPECT_EQ(counts.nonZeros(), 1);
  EXPECT_EQ(Dense(counts)[1], (std::vector<double>{1}));
}

TEST(VectorizeTest, FixedVocabularyKeepsItsOrderAndIgnoresOtherTerms) {
  TermCounter counter = TermCounter::Fixed({}, {"振兴", "党建", "未见"}, true);
  counter.AddWordLists(kDocs);
  const Vocabulary vocabulary = counter.Finish();
  EXPECT_EQ(vocabulary.terms, (Strings{"振兴", "党建", "未见"}));
  EXPECT_EQ(vocabulary.document_frequency, (std::vector<std::int64_t>{2, 2, 0}));
  EXPECT_EQ(Dense(counter.Matrix<float>(true))[1], (std::vector<double>{0, 1, 0}));
  EXPECT_THROW(TermCounter::Fixed({}, {"党建", "党建"}, true), std::invalid_argument);
  EXPECT_THROW(TermCounter::Fixed({}, {}, true), std::invalid_argument);
}

TEST(VectorizeTest, MatrixNeedsKeptRowsAndFinish) {
  TermCounter fit_only = TermCounter::Learning({}, false);
  fit_only.AddWordLists(kDocs);
  fit_only.Finish();
  EXPECT_THROW(fit_only.Matrix<float>(false), std::logic_error);
  TermCounter unfinished = TermCounter::Learning({}, true);
  unfinished.AddWordLists(kDocs);
  EXPECT_THROW(unfinished.Matrix<float>(false), std::logic_error);
  EXPECT_THROW(unfinished.AddWordLists({{"\xFF"}}), Error);
}

TEST(VectorizeTest, RawTextIsSegmentedWithoutPunctuation) {
  const Segmenter segmenter;
  TermCounter counter = TermCounter::Learning({}, true);
  counter.AddTexts(segmenter, {text::Decode("坚持党建引领，推进乡村振兴。2023年GDP增长5%")}, 2);
  const Vocabulary vocabulary = counter.Finish();
  for (const std::string& term : vocabulary.terms) {
    for (const char* mark : {"，", "。", " "}) {
      EXPECT_EQ(term.find(mark), std::string::npos) << term;
    }
  }
  EXPECT_NE(std::find(vocabulary.terms.begin(), vocabulary.terms.end(), "党建引领"),
            vocabulary.terms.end());
  EXPECT_NE(std::find(vocabulary.terms.begin(), vocabulary.terms.end(), "gdp"),
            vocabulary.terms.end());
}

// A document longer than the pieces it is segmented in (64 Ki characters) counts as its parts:
// thirty copies of the reference document, joined by line breaks, count thirty times each word,
// and the bigrams across the joins once each.
TEST(VectorizeTest, ALongDocumentCountsAsItsParts) {
  const Segmenter segmenter;
  const std::u32string one = text::Decode(testing::ReadFileBytes(testing::ReferencePath()));
  std::u32string thirty;
  for (int i = 0; i < 30; ++i) thirty += one + U"\n";
  ASSERT_GT(thirty.size(), 2u << 16);  // three pieces at least
  for (const std::size_t n : {1, 2}) {
    SCOPED_TRACE(n);
    TermCounter counter = TermCounter::Learning(AnalyzerOptions{1, n, true, {}}, true);
    counter.AddTexts(segmenter, {one, thirty, one + U"\n" + one}, 2);
    counter.Finish();
    const Eigen::MatrixXd counts = counter.Matrix<double>(false).toDense();
    const Eigen::RowVectorXd single = counts.row(0);
    const Eigen::RowVectorXd joined = counts.row(1);
    const Eigen::RowVectorXd twice = counts.row(2);
    if (n == 1) {
      EXPECT_TRUE(joined.isApprox(30 * single));
    } else {
      // Thirty copies have 29 joins, two copies one: what a join adds is the same each time.
      EXPECT_TRUE((joined - 30 * single).isApprox(29 * (twice - 2 * single)));
    }
  }
}

TEST(VectorizeTest, StringIdsAreDenseAndSurviveGrowth) {
  StringIds ids;
  for (int i = 0; i < 5000; ++i) EXPECT_EQ(ids.Insert("词" + std::to_string(i)), i);
  bool added = true;
  EXPECT_EQ(ids.Insert("词42", &added), 42);
  EXPECT_FALSE(added);
  EXPECT_EQ(ids.Find("词4999"), 4999);
  EXPECT_EQ(ids.Find("词5000"), std::nullopt);
  EXPECT_EQ(ids[7], "词7");
  EXPECT_EQ(ids.size(), 5000u);
}

TEST(VectorizeTest, WordIdsCountLikeWordLists) {
  AnalyzerOptions analyzer;
  analyzer.ngram_max = 2;
  analyzer.stop_words = {"的"};
  TermCounter by_ids = TermCounter::Learning(analyzer, true);
  const std::int32_t dang = by_ids.InternWord("党建");
  EXPECT_EQ(by_ids.InternWord("的"), -1);
  EXPECT_EQ(by_ids.InternWord(std::u32string(U"党建")), dang);
  const std::int32_t gdp = by_ids.InternWord("GDP");
  EXPECT_EQ(by_ids.InternWord("gdp"), gdp);  // the same term once lowercased
  by_ids.AddWordIds({dang, -1, gdp, dang});
  EXPECT_THROW(by_ids.AddWordIds({99}), std::out_of_range);
  const Vocabulary vocabulary = by_ids.Finish();
  EXPECT_EQ(vocabulary.terms, (Strings{"gdp", "gdp 党建", "党建", "党建 gdp"}));
  EXPECT_EQ(Dense(by_ids.Matrix<double>(false))[0], (std::vector<double>{1, 1, 2, 1}));
}

TEST(VectorizeTest, MurmurHash3MatchesPublishedValues) {
  EXPECT_EQ(MurmurHash3(""), 0);
  EXPECT_EQ(static_cast<std::uint32_t>(MurmurHash3("", 1)), 0x514E28B7u);
  EXPECT_EQ(static_cast<std::uint32_t>(MurmurHash3("", 0xffffffffu)), 0x81F16F39u);
  EXPECT_EQ(static_cast<std::uint32_t>(MurmurHash3(std::string(4, '\0'))), 0x2362F9DEu);
  EXPECT_EQ(static_cast<std::uint32_t>(MurmurHash3("aaaa", 0x9747b28cu)), 0x5A97808Au);
  EXPECT_EQ(static_cast<std::uint32_t>(MurmurHash3("Hello, world!", 0x9747b28cu)), 0x24884CBAu);
  EXPECT_EQ(static_cast<std::uint32_t>(
                MurmurHash3("The quick brown fox jumps over the lazy dog", 0x9747b28cu)),
            0x2FA826CDu);
}

TEST(VectorizeTest, HashedColumnsCarrySigns) {
  HashingOptions hashing;
  hashing.n_features = 16;
  TermCounter counter = TermCounter::Hashing({}, hashing);
  counter.AddWordLists({{"党建", "党建", "引领"}});
  // Column |h| mod 16, counting -1 where the hash is negative.
  std::vector<double> expected(16, 0);
  for (const char* word : {"党建", "党建", "引领"}) {
    const std::int64_t h = MurmurHash3(word);
    expected[std::abs(h) % 16] += h < 0 ? -1 : 1;
  }
  EXPECT_EQ(Dense(counter.Matrix<double>(false))[0], expected);
  EXPECT_THROW(counter.Finish(), std::logic_error);
  hashing.n_features = 0;
  EXPECT_THROW(TermCounter::Hashing({}, hashing), std::invalid_argument);
}

TEST(VectorizeTest, TfidfFollowsTheFormulas) {
  auto [vocabulary, counts] = Fit(kDocs);
  const std::vector<double> idf =
      InverseDocumentFrequency(vocabulary.document_frequency, vocabulary.documents, true);
  EXPECT_DOUBLE_EQ(idf[0], std::log(4.0 / 2.0) + 1);  // gdp: in 1 of 3 documents
  EXPECT_DOUBLE_EQ(idf[2], std::log(4.0 / 3.0) + 1);  // 党建: in 2 of 3
  const std::vector<double> raw = InverseDocumentFrequency({1, 3}, 3, false);
  EXPECT_DOUBLE_EQ(raw[0], std::log(3.0) + 1);
  EXPECT_DOUBLE_EQ(raw[1], 1.0);

  TfidfOptions options;
  options.sublinear_tf = true;
  WeightTfidf(counts, options, idf);
  const auto dense = Dense(counts);
  // Row 1: 党建 twice, 引领, 基层, 治理 once each.
  const double w_dangjian = (std::log(2.0) + 1) * idf[2];
  const double norm =
      std::sqrt(w_dangjian * w_dangjian + idf[3] * idf[3] + idf[4] * idf[4] + idf[6] * idf[6]);
  EXPECT_NEAR(dense[1][2], w_dangjian / norm, 1e-12);
  double squares = 0;
  for (double v : dense[1]) squares += v * v;
  EXPECT_NEAR(squares, 1, 1e-12);
  EXPECT_THROW(WeightTfidf(counts, options, {1.0}), std::invalid_argument);
}

TEST(VectorizeTest, L1NormalisationLeavesEmptyRowsAlone) {
  auto [vocabulary, counts] = Fit({{"党建", "党建", "引领"}, {}});
  NormalizeRows(counts, Norm::kL1);
  const auto dense = Dense(counts);
  EXPECT_NEAR(dense[0][0], 2.0 / 3, 1e-12);
  EXPECT_NEAR(dense[0][1], 1.0 / 3, 1e-12);
  EXPECT_EQ(counts.nonZeros(), 2);
}

TEST(VectorizeTest, KeywordsAreWordsNotStopWordsOrNumbers) {
  const Segmenter segmenter;
  const Strings terms = {"2023年", "gdp", "党建", "党建 的", "我们", "，", "乡村振兴 工作"};
  EXPECT_EQ(KeywordEligible(terms, {"的", "我们"}, segmenter),
            (std::vector<std::uint8_t>{0, 1, 1, 0, 0, 0, 1}));
}

TEST(VectorizeTest, TopTermsAreHeaviestFirstWithTiesInColumnOrder) {
  auto [vocabulary, counts] = Fit({{"c", "a", "b", "b", "d", "d"}, {}});
  const DocumentTermView<double> view = ViewOf(counts);
  const auto top = TopTerms(view, {}, 3);
  ASSERT_EQ(top.size(), 2u);
  ASSERT_EQ(top[0].size(), 3u);
  EXPECT_EQ(top[0][0].column, 1);  // b (2), then d (2), then a (1, before c)
  EXPECT_EQ(top[0][1].column, 3);
  EXPECT_EQ(top[0][2].column, 0);
  EXPECT_EQ(top[0][0].weight, 2);
  EXPECT_TRUE(top[1].empty());
  EXPECT_EQ(TopTerms(view, {1, 0, 1, 1}, 1)[0][0].column, 3);
  EXPECT_THROW(TopTerms(view, {1}, 1), std::invalid_argument);
}

TEST(VectorizeTest, CheckedViewRejectsBuffersThatAreNotAMatrix) {
  const std::int32_t indptr[] = {0, 2, 3};
  const std::int32_t indices[] = {0, 4, 1};
  const double values[] = {1, 2, 3};
  const DocumentTermView<double> view = CheckedView<double>(2, 5, 3, indptr, indices, values);
  EXPECT_EQ(view.coeff(0, 4), 2);
  EXPECT_THROW(CheckedView<double>(2, 4, 3, indptr, indices, values), std::invalid_argument);
  EXPECT_THROW(CheckedView<double>(2, 5, 2, indptr, indices, values), std::invalid_argument);
  const std::int32_t falling[] = {0, 3, 2};
  EXPECT_THROW(CheckedView<double>(2, 5, 2, falling, indices, values), std::invalid_argument);
}

TEST(VectorizeTest, SavedVectorizerRoundTripsAndRejectsDamage) {
  SavedVectorizer saved;
  saved.settings = R"({"ngram_range": [1, 2]})";
  saved.vocabulary = Vocabulary{{"党建", "引领"}, {2, 1}, 3};
  saved.idf = {1.5, 2.0};
  saved.segmenter = "opaque";
  const std::string bytes = saved.Serialize();
  const SavedVectorizer back = SavedVectorizer::Deserialize(bytes);
  EXPECT_EQ(back.settings, saved.settings);
  ASSERT_TRUE(back.vocabulary);
  EXPECT_EQ(back.vocabulary->terms, saved.vocabulary->terms);
  EXPECT_EQ(back.vocabulary->document_frequency, saved.vocabulary->document_frequency);
  EXPECT_EQ(back.vocabulary->documents, 3u);
  EXPECT_EQ(back.idf, saved.idf);
  EXPECT_EQ(back.segmenter, "opaque");
  for (std::size_t cut = 0; cut < bytes.size(); cut += 3) {
    EXPECT_THROW(SavedVectorizer::Deserialize(bytes.substr(0, cut)), Error) << cut;
  }
  for (std::size_t i = 0; i < bytes.size(); i += 5) {
    std::string flipped = bytes;
    flipped[i] ^= 0x20;
    EXPECT_THROW(SavedVectorizer::Deserialize(flipped), Error) << i;
  }
  SavedVectorizer unfitted;
  unfitted.settings = "{}";
  EXPECT_FALSE(SavedVectorizer::Deserialize(unfitted.Serialize()).vocabulary);
}

}  // namespace
}  // namespace gongwen
