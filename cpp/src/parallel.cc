#include "parallel.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "gongwen/interrupt.h"

namespace gongwen {

namespace {

// The check installed on this thread (InterruptScope), and when to run it next.
thread_local const std::function<bool()>* t_check = nullptr;
thread_local std::chrono::steady_clock::time_point t_next_poll{};

// The stop flag of the parallel job this thread works for, if any.
thread_local const std::atomic<bool>* t_job_stop = nullptr;

// How often the check runs: often enough for Ctrl-C to feel immediate, rarely enough to cost
// little (a Python check takes the GIL, which may mean waiting for another Python thread).
constexpr auto kPollInterval = std::chrono::milliseconds(50);

// Sets this thread's job stop flag for a scope, restoring the outer one after (jobs nest).
class JobScope {
 public:
  explicit JobScope(const std::atomic<bool>* stop) : outer_(t_job_stop) { t_job_stop = stop; }
  ~JobScope() { t_job_stop = outer_; }
  JobScope(const JobScope&) = delete;
  JobScope& operator=(const JobScope&) = delete;

 private:
  const std::atomic<bool>* outer_;
};

}  // namespace

InterruptScope::InterruptScope(std::function<bool()> check)
    : check_(std::move(check)), outer_(t_check) {
  t_check = &check_;
  t_next_poll = std::chrono::steady_clock::now();
}

InterruptScope::~InterruptScope() { t_check = outer_; }

void CheckInterrupt() {
  if (t_job_stop != nullptr && t_job_stop->load(std::memory_order_relaxed)) throw Interrupted();
  if (t_check == nullptr) return;
  const auto now = std::chrono::steady_clock::now();
  if (now < t_next_poll) return;
  t_next_poll = now + kPollInterval;
  if ((*t_check)()) throw Interrupted();
}

namespace parallel {

int ThreadCount(int n_threads, std::int64_t limit) {
  if (n_threads < 0) throw std::invalid_argument("n_threads must be 0 (one per core) or more");
  const std::int64_t wanted =
      n_threads > 0 ? n_threads : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<int>(std::clamp<std::int64_t>(wanted, 1, std::max<std::int64_t>(limit, 1)));
}

void RunParallel(int n, const std::function<void(int)>& fn) {
  std::exception_ptr error;
  std::mutex error_mutex;
  std::atomic<bool> stop{false};
  auto guarded = [&](int t) {
    try {
      JobScope job(&stop);
      fn(t);
    } catch (...) {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (!error) error = std::current_exception();
      stop = true;
    }
  };
  std::vector<std::thread> pool;
  int started = 1;
  try {
    for (; started < n; ++started) pool.emplace_back(guarded, started);
  } catch (const std::system_error&) {
    // No more threads to be had: the calling thread runs the rest after its own share.
  }
  guarded(0);
  for (int t = started; t < n && !stop; ++t) guarded(t);
  for (std::thread& thread : pool) thread.join();
  if (error) std::rethrow_exception(error);
}

void ParallelFor(std::int64_t n, int threads, std::int64_t chunk,
                 const std::function<void(std::int64_t, std::int64_t)>& fn) {
  ChunkQueue queue(n, chunk);
  if (queue.chunks() == 0) return;
  RunParallel(static_cast<int>(std::clamp<std::int64_t>(threads, 1, queue.chunks())), [&](int) {
    std::int64_t begin = 0;
    std::int64_t end = 0;
    while (queue.Next(begin, end)) fn(begin, end);
  });
}

void ParallelForEach(std::int64_t n, int threads, std::int64_t chunk,
                     const std::function<void(std::int64_t)>& fn) {
  ParallelFor(n, threads, chunk, [&](std::int64_t begin, std::int64_t end) {
    for (std::int64_t i = begin; i < end; ++i) fn(i);
  });
}

}  // namespace parallel

}  // namespace gongwen
