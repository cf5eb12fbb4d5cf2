#include "parallel.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
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

// The scope installed on this thread (InterruptScope), and when to run its check next.
thread_local const InterruptScope* t_scope = nullptr;
thread_local std::chrono::steady_clock::time_point t_next_poll{};

// The stop flag of the parallel job this thread works for, if any.
thread_local const std::atomic<bool>* t_job_stop = nullptr;

// How long the calling thread of a job, its own share done, waits for the others between two
// looks at its check (which itself runs at most every poll interval).
constexpr auto kWaitStep = std::chrono::milliseconds(10);

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

InterruptScope::InterruptScope(std::function<bool()> check, std::chrono::nanoseconds interval)
    : check_(std::move(check)), interval_(interval), outer_(t_scope) {
  t_scope = this;
  t_next_poll = std::chrono::steady_clock::now();
}

InterruptScope::~InterruptScope() { t_scope = outer_; }

void CheckInterrupt() {
  if (t_job_stop != nullptr && t_job_stop->load(std::memory_order_relaxed)) throw Interrupted();
  const InterruptScope* scope = t_scope;
  if (scope == nullptr) return;
  if (scope->interval_.count() > 0) {
    const auto now = std::chrono::steady_clock::now();
    if (now < t_next_poll) return;
    t_next_poll = now + scope->interval_;
  }
  if (scope->check_()) throw Interrupted();
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
  std::mutex mutex;  // guards error and running
  std::condition_variable finished;
  int running = 0;  // threads started and not yet done
  std::atomic<bool> stop{false};
  auto fail = [&] {
    std::lock_guard<std::mutex> lock(mutex);
    if (!error) error = std::current_exception();
    stop = true;
  };
  auto guarded = [&](int t) {
    try {
      JobScope job(&stop);
      fn(t);
    } catch (...) {
      fail();
    }
  };
  std::vector<std::thread> pool;
  int started = 1;
  try {
    for (; started < n; ++started) {
      {
        std::lock_guard<std::mutex> lock(mutex);
        ++running;
      }
      try {
        pool.emplace_back([&, started] {
          guarded(started);
          std::lock_guard<std::mutex> lock(mutex);
          --running;
          finished.notify_all();
        });
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex);
        --running;
        throw;
      }
    }
  } catch (const std::system_error&) {
    // No more threads to be had: the calling thread runs the rest after its own share.
  }
  guarded(0);
  for (int t = started; t < n && !stop; ++t) guarded(t);
  // The calling thread's share may end long before the others': while they finish, it keeps
  // looking at its check (the only thread that has one), and stops them if it fires.
  {
    std::unique_lock<std::mutex> lock(mutex);
    while (!finished.wait_for(lock, kWaitStep, [&] { return running == 0; })) {
      if (stop) continue;
      lock.unlock();
      try {
        CheckInterrupt();
      } catch (...) {
        fail();
      }
      lock.lock();
    }
  }
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
