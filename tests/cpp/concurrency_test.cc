// Concurrency: the objects documented as thread-safe used from many threads at once give what
// one thread gives. Run under ThreadSanitizer by `make test` (build/tsan, with the other tests
// that start threads; see the Makefile), and as ordinary tests everywhere else.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "../../cpp/src/text.h"
#include "gongwen/corpus.h"
#include "gongwen/segment.h"
#include "gongwen/vectorize.h"
#include "test_util.h"

namespace gongwen {
namespace {

constexpr int kThreads = 8;

// Texts cut from the sample corpus: Chinese prose, numbers, Latin words, punctuation.
std::vector<std::u32string> SampleTexts(std::size_t count, std::size_t length) {
  const std::u32string all =
      text::Decode(testing::ReadFileBytes(testing::SampleData("gov-work-report-2024.txt")));
  std::vector<std::u32string> texts;
  for (std::size_t i = 0; i < count; ++i) {
    texts.push_back(all.substr((i * 997) % (all.size() - length), length));
  }
  return texts;
}

// Runs body(thread index) on kThreads threads started together, and joins them.
template <typename Body>
void OnThreads(Body body) {
  std::atomic<int> waiting{kThreads};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      waiting.fetch_sub(1);
      while (waiting.load() > 0) std::this_thread::yield();  // all start at once
      body(t);
    });
  }
  for (std::thread& thread : threads) thread.join();
}

bool SameTokens(const std::vector<Token>& a, const std::vector<Token>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].start != b[i].start || a[i].end != b[i].end || a[i].kind != b[i].kind ||
        a[i].tag != b[i].tag) {
      return false;
    }
  }
  return true;
}

TEST(ConcurrencyTest, OneSegmenterOnEightThreadsGivesTheSingleThreadedTokens) {
  const Segmenter segmenter;
  const std::vector<std::u32string> texts = SampleTexts(40, 300);
  std::vector<std::vector<Token>> expected;
  for (const std::u32string& t : texts) expected.push_back(segmenter.Tokenize(t));
  std::vector<int> mismatches(kThreads, 0);
  OnThreads([&](int t) {
    // Each thread walks the texts from a different starting point.
    for (std::size_t k = 0; k < texts.size(); ++k) {
      const std::size_t i = (k + t * 5) % texts.size();
      if (!SameTokens(segmenter.Tokenize(texts[i]), expected[i])) ++mismatches[t];
    }
  });
  EXPECT_EQ(mismatches, std::vector<int>(kThreads, 0));
}

TEST(ConcurrencyTest, TokenizeManyOnEightThreadsGivesTheSingleThreadedTokens) {
  const Segmenter segmenter;
  const std::vector<std::u32string> texts = SampleTexts(300, 200);
  const auto one = segmenter.TokenizeMany(texts, 1);
  const auto many = segmenter.TokenizeMany(texts, kThreads);
  ASSERT_EQ(many.size(), one.size());
  for (std::size_t i = 0; i < one.size(); ++i) EXPECT_TRUE(SameTokens(many[i], one[i])) << i;
}

TEST(ConcurrencyTest, WordsAddedWhileOtherThreadsSegment) {
  Segmenter segmenter;
  const std::vector<std::u32string> texts = SampleTexts(20, 200);
  std::vector<int> bad_covers(kThreads, 0);
  OnThreads([&](int t) {
    if (t == 0) {
      // The writer: words added and removed while the others read.
      for (int i = 0; i < 50; ++i) {
        segmenter.AddWord("政府工作" + std::to_string(i), 1000.0);
        if (i % 2) segmenter.DelWord("政府工作" + std::to_string(i - 1));
      }
      return;
    }
    for (const std::u32string& text : texts) {
      std::size_t pos = 0;
      for (const Token& token : segmenter.Tokenize(text)) {
        if (token.start != pos || token.end <= token.start) ++bad_covers[t];
        pos = token.end;
      }
      if (pos != text.size()) ++bad_covers[t];
    }
  });
  EXPECT_EQ(bad_covers, std::vector<int>(kThreads, 0));
  EXPECT_TRUE(segmenter.WordFrequency("政府工作49"));
  EXPECT_FALSE(segmenter.WordFrequency("政府工作48"));
}

TEST(ConcurrencyTest, CopiesChangedOnOneThreadLeaveTheOthersAlone) {
  // Copies share their lexicon until one changes it (copy on write).
  const Segmenter original;
  const std::u32string text = U"文都e家党建引领";
  const std::vector<Token> expected = original.Tokenize(text);
  std::vector<int> mismatches(kThreads, 0);
  OnThreads([&](int t) {
    Segmenter copy = original;
    if (t % 2) copy.AddWord("文都e家", 1e6);
    for (int i = 0; i < 20; ++i) {
      const std::vector<Token> tokens = copy.Tokenize(text);
      if (t % 2 == 0 && !SameTokens(tokens, expected)) ++mismatches[t];
      if (t % 2 == 1 && tokens.front().end != 4) ++mismatches[t];
      if (!SameTokens(original.Tokenize(text), expected)) ++mismatches[t];
    }
  });
  EXPECT_EQ(mismatches, std::vector<int>(kThreads, 0));
}

TEST(ConcurrencyTest, StreamStoppedEarlyStopsItsThreads) {
  const Segmenter segmenter;
  const std::vector<std::u32string> texts = SampleTexts(2000, 100);
  const auto expected =
      segmenter.TokenizeMany(std::vector<std::u32string>(texts.begin(), texts.begin() + 3), 1);
  for (int round = 0; round < 4; ++round) {
    TokenizeStream stream(segmenter, texts, kThreads);
    for (int i = 0; i < 3; ++i) EXPECT_TRUE(SameTokens(*stream.Next(), expected[i]));
    // The destructor stops the workers while they are busy.
  }
}

TEST(ConcurrencyTest, VectorizingOnThreadsCountsAsOneThreadDoes) {
  const Segmenter segmenter;
  const std::vector<std::u32string> texts = SampleTexts(400, 150);
  auto count = [&](int threads) {
    TermCounter counter = TermCounter::Learning(AnalyzerOptions{1, 2, true, {}}, true);
    counter.AddTexts(segmenter, texts, threads);
    const Vocabulary vocabulary = counter.Finish();
    return std::make_pair(vocabulary.terms, counter.Matrix<float>(false));
  };
  const auto [terms_one, one] = count(1);
  const auto [terms_many, many] = count(kThreads);
  EXPECT_EQ(terms_many, terms_one);
  ASSERT_EQ(many.nonZeros(), one.nonZeros());
  EXPECT_TRUE(many.isApprox(one));
}

TEST(ConcurrencyTest, PdfAndTextFilesLoadOnEightThreads) {
  // poppler (PDF) and ICU (charset detection) on several threads at once.
  std::vector<std::string> paths;
  for (int i = 0; i < 16; ++i) {
    paths.push_back(testing::TestData(i % 2 ? "encodings/anqing.pdf" : "encodings/anqing.gbk.txt"));
  }
  const std::vector<LoadResult> one = LoadBulletins(paths, 1);
  const std::vector<LoadResult> many = LoadBulletins(paths, kThreads);
  ASSERT_EQ(many.size(), one.size());
  for (std::size_t i = 0; i < one.size(); ++i) {
    ASSERT_TRUE(one[i].bulletin && many[i].bulletin) << one[i].error << many[i].error;
    EXPECT_EQ(many[i].bulletin->text, one[i].bulletin->text) << i;
    EXPECT_EQ(many[i].bulletin->encoding, one[i].bulletin->encoding) << i;
  }
  EXPECT_EQ(one[1].bulletin->encoding, "PDF");
  EXPECT_EQ(one[0].bulletin->encoding, "GB18030");
}

}  // namespace
}  // namespace gongwen
