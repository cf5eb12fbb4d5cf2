// Ctrl-C reaches every phase of every long call: with a check polled at every CheckInterrupt
// (interval 0) on one thread, a call polls at the same places each time it runs; the check
// firing at any of them, from the first to the last, must stop the call with Interrupted (and
// leave nothing broken: the sanitizer builds run this too). Phases that are functions of their
// own are tested alone, so that each is seen to check.
#include "gongwen/interrupt.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "../../cpp/src/parallel.h"
#include "../../cpp/src/reuse_internal.h"
#include "../../cpp/src/sparse_transpose.h"
#include "../../cpp/src/text.h"
#include "gongwen/corpus.h"
#include "gongwen/discover.h"
#include "gongwen/reuse.h"
#include "gongwen/segment.h"
#include "gongwen/similarity.h"
#include "gongwen/topics.h"
#include "gongwen/vectorize.h"
#include "test_util.h"

namespace gongwen {
namespace {

using Call = std::function<void()>;

// The checks a call makes, polled every time.
std::int64_t Polls(const Call& call) {
  std::int64_t polls = 0;
  InterruptScope scope([&] { return ++polls < 0; }, std::chrono::nanoseconds(0));
  call();
  return polls;
}

// Whether the call stops with Interrupted when the check fires at its poll number `at` (from 1).
bool StopsAtPoll(const Call& call, std::int64_t at) {
  std::int64_t polls = 0;
  InterruptScope scope([&] { return ++polls >= at; }, std::chrono::nanoseconds(0));
  try {
    call();
  } catch (const Interrupted&) {
    return true;
  }
  return false;
}

// Expects the call to check at least `least` times and to stop wherever the check fires (at
// every poll, or at 40 spread over them all, the first and last included).
void ExpectStopsAtEveryPoll(const std::string& what, const Call& call, std::int64_t least = 2) {
  const std::int64_t polls = Polls(call);
  EXPECT_GE(polls, least) << what;
  const std::int64_t step = std::max<std::int64_t>(1, polls / 40);
  for (std::int64_t at = 1; at <= polls;
       at = at == polls ? polls + 1 : std::min(polls, at + step)) {
    EXPECT_TRUE(StopsAtPoll(call, at)) << what << ": not stopped at poll " << at << " of " << polls;
  }
  EXPECT_FALSE(StopsAtPoll(call, polls + 1)) << what << ": more polls than counted";
}

// The lines of the sample corpus (the two government work reports share many passages).
const std::vector<std::string>& Lines() {
  static const std::vector<std::string> lines = [] {
    std::vector<std::string> out;
    for (const char* name : {"gov-work-report-2023.txt", "gov-work-report-2024.txt",
                             "village-committees-law-2018.md"}) {
      const std::string text = testing::ReadFileBytes(testing::SampleData(name));
      std::size_t start = 0;
      while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
      }
    }
    return out;
  }();
  return lines;
}

std::vector<std::u32string> CodePoints(const std::vector<std::string>& lines) {
  std::vector<std::u32string> out;
  for (const std::string& line : lines) out.push_back(text::Decode(line));
  return out;
}

const Segmenter& TheSegmenter() {
  static const Segmenter segmenter;
  return segmenter;
}

// The TF-IDF matrix of the lines (unigrams and bigrams).
const DocumentTermMatrix<double>& Tfidf() {
  static const DocumentTermMatrix<double> matrix = [] {
    TermCounter counter = TermCounter::Learning(AnalyzerOptions{1, 2, true, {}}, true);
    counter.AddTexts(TheSegmenter(), CodePoints(Lines()), 1);
    const Vocabulary vocabulary = counter.Finish();
    DocumentTermMatrix<double> m = counter.Matrix<double>(false);
    WeightTfidf(
        m, TfidfOptions{},
        InverseDocumentFrequency(vocabulary.document_frequency, vocabulary.documents, true));
    return m;
  }();
  return matrix;
}

TEST(InterruptEveryPhaseTest, Reuse) {
  const std::vector<std::u32string> texts = CodePoints(Lines());
  ReuseOptions options;
  options.n_threads = 1;
  options.min_chars = 10;
  ExpectStopsAtEveryPoll(
      "FindReuse", [&] { FindReuse(texts, options); }, 10);
  std::vector<reuse::NormalizedText> docs;
  const CharNormalizer normalizer(false);
  for (const std::u32string& t : texts) docs.push_back(reuse::Normalize(t, normalizer));
  ExpectStopsAtEveryPoll("ShingleIndex", [&] { reuse::ShingleIndex(docs, 8, 100, 1); });
}

TEST(InterruptEveryPhaseTest, DiscoverWords) {
  DiscoverOptions options;
  options.n_threads = 1;
  options.min_count = 2;
  ExpectStopsAtEveryPoll(
      "DiscoverWords", [&] { DiscoverWords(Lines(), options); }, 10);
}

TEST(InterruptEveryPhaseTest, Vectorizing) {
  const std::vector<std::u32string> texts = CodePoints(Lines());
  ExpectStopsAtEveryPoll("AddTexts", [&] {
    TermCounter counter = TermCounter::Learning(AnalyzerOptions{1, 2, true, {}}, true);
    counter.AddTexts(TheSegmenter(), texts, 1);
  });
  // Finish alone: counters made from word lists (which add without checking).
  std::vector<std::vector<std::string>> words;
  for (const std::u32string& t : texts) words.push_back(TheSegmenter().Cut(text::Encode(t)));
  const auto counted = [&] {
    TermCounter counter = TermCounter::Learning(AnalyzerOptions{1, 2, true, {}}, true);
    counter.AddWordLists(words);
    return counter;
  };
  VocabularyLimits limits;
  limits.max_features = 5000;
  Vocabulary first;
  ExpectStopsAtEveryPoll("Finish", [&] { first = counted().Finish(limits); });
  // An interrupted Finish leaves the counter as it was.
  TermCounter counter = counted();
  EXPECT_THROW(
      {
        InterruptScope scope([] { return true; }, std::chrono::nanoseconds(0));
        counter.Finish(limits);
      },
      Interrupted);
  EXPECT_EQ(counter.Finish(limits).terms, first.terms);
  ExpectStopsAtEveryPoll("Matrix", [&] { counter.Matrix<float>(false); });
  DocumentTermMatrix<float> m = counter.Matrix<float>(false);
  ExpectStopsAtEveryPoll("WeightTfidf", [&] { WeightTfidf(m, TfidfOptions{}, {}); });
  const DocumentTermView<double> tfidf = ViewOf(Tfidf());
  ExpectStopsAtEveryPoll("TopTerms", [&] { TopTerms(tfidf, {}, 10); });
  ExpectStopsAtEveryPoll("KeywordEligible",
                         [&] { KeywordEligible(first.terms, {"的"}, TheSegmenter()); });
  ExpectStopsAtEveryPoll("TransposedRows", [&] { TransposedRows<double>(Tfidf()); });
}

TEST(InterruptEveryPhaseTest, Topics) {
  const DocumentTermView<double> view = ViewOf(Tfidf());
  TopicOptions lsa;
  lsa.n_topics = 10;
  lsa.n_iter = 2;
  ExpectStopsAtEveryPoll("LSA", [&] { TopicModel(lsa).FitTransform(view, 1); });
  TopicOptions nmf = lsa;
  nmf.method = TopicMethod::kNmf;
  nmf.max_iter = 4;
  ExpectStopsAtEveryPoll("NMF", [&] { TopicModel(nmf).FitTransform(view, 1); });
  TopicModel fitted(nmf);
  fitted.FitTransform(view, 1);
  ExpectStopsAtEveryPoll("NMF transform", [&] { fitted.Transform(view, 1); });
}

TEST(InterruptEveryPhaseTest, Similarity) {
  const DocumentTermView<double> view = ViewOf(Tfidf());
  NeighbourOptions options;
  options.n_threads = 1;
  ExpectStopsAtEveryPoll("MostSimilar", [&] { MostSimilar(view, options); });
  ExpectStopsAtEveryPoll("MostSimilar queries", [&] { MostSimilar(view, view, options); });
  ExpectStopsAtEveryPoll("CosineSimilarities", [&] { CosineSimilarities(view, 1); });
  DenseRows<double> dense = DenseRows<double>::Zero(Tfidf().rows(), 300);
  for (Eigen::Index r = 0; r < Tfidf().outerSize(); ++r) {
    for (DocumentTermMatrix<double>::InnerIterator it(Tfidf(), r); it && it.col() < 300; ++it) {
      dense(r, it.col()) = it.value();
    }
  }
  const DenseRowsView<double> rows(dense.data(), dense.rows(), dense.cols());
  ExpectStopsAtEveryPoll("MostSimilar dense", [&] { MostSimilar(rows, options); });
  ExpectStopsAtEveryPoll("CosineSimilarities dense", [&] { CosineSimilarities(rows, 1); });
}

TEST(InterruptEveryPhaseTest, Segmentation) {
  const std::vector<std::u32string> texts = CodePoints(Lines());
  ExpectStopsAtEveryPoll("TokenizeMany", [&] { TheSegmenter().TokenizeMany(texts, 1); });
  std::vector<std::string> gold, predicted;
  for (const std::u32string& t : texts) {
    std::string g, p;
    for (const Token& token : TheSegmenter().Tokenize(std::u32string_view(t))) {
      if (token.kind == TokenKind::kSpace) continue;
      const std::string word =
          text::Encode(std::u32string_view(t).substr(token.start, token.end - token.start));
      g += word + " ";
      for (char32_t c : std::u32string_view(t).substr(token.start, token.end - token.start)) {
        p += text::Encode(std::u32string_view(&c, 1)) + " ";
      }
    }
    gold.push_back(g);
    predicted.push_back(p);
  }
  ExpectStopsAtEveryPoll("EvaluateSegmentation",
                         [&] { EvaluateSegmentation(gold, predicted, &gold); });
  // Interrupted, adapting leaves the lexicon as it was.
  Segmenter adapted;
  const std::optional<double> before = adapted.WordFrequency("政府");
  ExpectStopsAtEveryPoll("AdaptFrequencies", [&] {
    Segmenter copy = adapted;
    copy.AdaptFrequencies(texts, 1.0, 1);
  });
  EXPECT_THROW(
      {
        InterruptScope scope([] { return true; }, std::chrono::nanoseconds(0));
        adapted.AdaptFrequencies(texts, 1.0, 1);
      },
      Interrupted);
  EXPECT_EQ(adapted.WordFrequency("政府"), before);
}

TEST(InterruptEveryPhaseTest, LoadingACorpus) {
  std::vector<std::string> paths;
  for (const char* name : {"anqing-zugong-2023-24.txt", "gov-work-report-2023.txt",
                           "gov-work-report-2024.txt", "village-committees-law-2018.md"}) {
    paths.push_back(testing::SampleData(name));
  }
  ExpectStopsAtEveryPoll("LoadBulletins", [&] { LoadBulletins(paths, 1); });
}

TEST(InterruptEveryPhaseTest, Sorting) {
  std::vector<std::uint32_t> values(100000);
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = (i * 2654435761u) % 100003;
  ExpectStopsAtEveryPoll("InterruptibleSort", [&] {
    std::vector<std::uint32_t> copy = values;
    parallel::InterruptibleSort(copy.begin(), copy.end(), std::less<>());
  });
}

}  // namespace
}  // namespace gongwen
