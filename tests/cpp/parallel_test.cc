// Jobs on threads (parallel.h) and stopping long calls from outside (interrupt.h).
#include "../../cpp/src/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "gongwen/interrupt.h"
#include "gongwen/reuse.h"
#include "gongwen/topics.h"
#include "gongwen/vectorize.h"

namespace gongwen {
namespace {

TEST(ParallelTest, ThreadCountFollowsTheRequestWithinLimits) {
  EXPECT_EQ(parallel::ThreadCount(3), 3);
  EXPECT_EQ(parallel::ThreadCount(8, 2), 2);
  EXPECT_EQ(parallel::ThreadCount(4, 0), 1);
  EXPECT_GE(parallel::ThreadCount(0), 1);
  EXPECT_THROW(parallel::ThreadCount(-1), std::invalid_argument);
}

TEST(ParallelTest, EveryItemOnceOnAnyNumberOfThreads) {
  for (int threads : {1, 2, 3, 8}) {
    for (std::int64_t n : {0, 1, 7, 1000}) {
      std::vector<std::atomic<int>> seen(static_cast<std::size_t>(n));
      parallel::ParallelForEach(n, threads, 3, [&](std::int64_t i) { ++seen[i]; });
      for (const auto& s : seen) EXPECT_EQ(s.load(), 1);
    }
  }
  std::vector<int> ran(5, 0);
  parallel::RunParallel(5, [&](int t) { ran[t] = 1; });
  EXPECT_EQ(ran, std::vector<int>(5, 1));
}

TEST(ParallelTest, TheFirstExceptionStopsTheJobAndIsRethrown) {
  std::atomic<std::int64_t> done{0};
  try {
    parallel::ParallelForEach(100000, 4, 1, [&](std::int64_t i) {
      if (i == 10) throw std::runtime_error("item 10");
      ++done;
    });
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "item 10");  // not the Interrupted of the threads stopped after it
  }
  EXPECT_LT(done.load(), 100000);
}

TEST(InterruptTest, NoCheckNoInterruption) { EXPECT_NO_THROW(CheckInterrupt()); }

TEST(InterruptTest, ACheckThatFiresStopsAJobOnItsThreads) {
  int polls = 0;
  InterruptScope scope([&] { return ++polls >= 2; });
  std::atomic<std::int64_t> done{0};
  const auto slow = [&](std::int64_t) {
    ++done;
    volatile double x = 0;
    for (int j = 0; j < 200000; ++j) x = x + j;
  };
  EXPECT_THROW(parallel::ParallelForEach(1 << 22, 2, 1, slow), Interrupted);
  EXPECT_LT(done.load(), 1 << 22);
  EXPECT_GE(polls, 2);
}

TEST(InterruptTest, ScopesNestAndEnd) {
  {
    InterruptScope outer([] { return true; });
    {
      InterruptScope inner([] { return false; });
      EXPECT_NO_THROW(CheckInterrupt());
    }
    // The outer check again, once the poll interval (50 ms) has passed.
    std::this_thread::sleep_for(std::chrono::milliseconds(80));
    EXPECT_THROW(CheckInterrupt(), Interrupted);
  }
  EXPECT_NO_THROW(CheckInterrupt());
}

TEST(InterruptTest, LongCallsStop) {
  // Each call would run for minutes; the check fires at its first poll.
  InterruptScope scope([] { return true; });
  std::vector<std::u32string> texts(3000, std::u32string(2000, U'党'));
  for (std::size_t i = 0; i < texts.size(); ++i) texts[i][i % 2000] = U'a' + (i % 26);
  ReuseOptions reuse;
  reuse.max_df = 1u << 30;
  EXPECT_THROW(FindReuse(texts, reuse), Interrupted);

  DocumentTermMatrix<double> matrix(300, 400);
  for (int r = 0; r < 300; ++r) {
    for (int c = r % 7; c < 400; c += 7) matrix.insert(r, c) = 1.0 + (r * c) % 5;
  }
  matrix.makeCompressed();
  TopicOptions options;
  options.method = TopicMethod::kNmf;
  options.n_topics = 20;
  options.max_iter = 1000000;
  options.tol = 0;
  TopicModel model(options);
  EXPECT_THROW(model.FitTransform(ViewOf(matrix), 2), Interrupted);
}

}  // namespace
}  // namespace gongwen
