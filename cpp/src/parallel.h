// Work spread over threads: how many, running them, handing out items. Every job stops early
// when one of its threads fails or the caller is interrupted (interrupt.h): the first exception
// is rethrown on the calling thread once all threads have finished.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>

#include "gongwen/interrupt.h"

namespace gongwen::parallel {

// Threads for `n_threads` (0: one per core), at most `limit` and at least 1. Throws
// std::invalid_argument for a negative n_threads.
int ThreadCount(int n_threads, std::int64_t limit = std::numeric_limits<int>::max());

// Runs fn(0) .. fn(n - 1) concurrently, fn(0) on the calling thread (when threads run short,
// the calling thread runs the others' share after its own). After the first exception,
// CheckInterrupt() throws in the others, so that they leave early.
void RunParallel(int n, const std::function<void(int)>& fn);

// Hands out the ranges [begin, end) of [0, total), `chunk` items each, to any thread that asks:
// for workers that keep their own state from one range to the next (see ParallelFor otherwise).
class ChunkQueue {
 public:
  ChunkQueue(std::int64_t total, std::int64_t chunk)
      : total_(total), chunk_(std::max<std::int64_t>(chunk, 1)) {}

  // The number of ranges.
  std::int64_t chunks() const { return (std::max<std::int64_t>(total_, 0) + chunk_ - 1) / chunk_; }

  // The next range; false when none is left. Throws Interrupted when the job is being stopped
  // (CheckInterrupt), so that no range is handed out after a failure or Ctrl-C.
  bool Next(std::int64_t& begin, std::int64_t& end) {
    CheckInterrupt();
    begin = next_.fetch_add(chunk_);
    if (begin >= total_) return false;
    end = std::min(total_, begin + chunk_);
    return true;
  }

 private:
  std::int64_t total_;
  std::int64_t chunk_;
  std::atomic<std::int64_t> next_{0};
};

// `less`, with a CheckInterrupt every 4096 comparisons counted in `count`.
template <typename Less>
auto InterruptingLess(Less& less, std::uint32_t& count) {
  return [&less, &count](const auto& a, const auto& b) {
    if ((++count & 0xFFF) == 0) CheckInterrupt();
    return less(a, b);
  };
}

// std::sort with a CheckInterrupt every 4096 comparisons, so that a long sort stops on Ctrl-C
// (the range is then valid, in an unspecified order).
template <typename It, typename Less>
void InterruptibleSort(It first, It last, Less less) {
  std::uint32_t count = 0;
  std::sort(first, last, InterruptingLess(less, count));
}

// std::stable_sort, likewise.
template <typename It, typename Less>
void InterruptibleStableSort(It first, It last, Less less) {
  std::uint32_t count = 0;
  std::stable_sort(first, last, InterruptingLess(less, count));
}

// CheckInterrupt every `2^shift` steps of a loop (`i`: the step number).
inline void CheckInterruptEvery(std::uint64_t i, int shift) {
  if ((i & ((std::uint64_t{1} << shift) - 1)) == 0) CheckInterrupt();
}

// fn(begin, end) over [0, n) in ranges of `chunk` items, claimed in turn by up to `threads`
// threads (first come, first served balances items of uneven cost). No range is handed out
// after an exception or an interruption.
void ParallelFor(std::int64_t n, int threads, std::int64_t chunk,
                 const std::function<void(std::int64_t, std::int64_t)>& fn);

// fn(i) for each i in [0, n), as ParallelFor.
void ParallelForEach(std::int64_t n, int threads, std::int64_t chunk,
                     const std::function<void(std::int64_t)>& fn);

}  // namespace gongwen::parallel
