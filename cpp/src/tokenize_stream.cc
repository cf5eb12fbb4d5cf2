// TokenizeStream: texts segmented on worker threads and handed to the caller in input order. The
// caller is one of the threads: it segments a block itself whenever the text it needs next is
// not ready (with one thread, it segments them all).
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "gongwen/interrupt.h"
#include "gongwen/segment.h"
#include "parallel.h"

namespace gongwen {

// The shared state of a TokenizeStream: workers claim blocks of texts and publish each block
// when it is done; the consumer takes texts in order, waiting on the block it needs.
struct TokenizeStream::State {
  // A block, the texts a worker claims at once, ends after this many texts or characters:
  // enough to make the bookkeeping negligible, few enough that the consumer gets its first
  // results early and that a few long documents still spread over the threads.
  static constexpr std::size_t kBlockTexts = 64;
  static constexpr std::size_t kBlockChars = 1 << 15;

  State(const Segmenter& s, std::vector<std::u32string_view> t)
      : segmenter(s), texts(std::move(t)), results(texts.size()) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      if (i - block_start.back() == kBlockTexts || chars >= kBlockChars) {
        block_start.push_back(i);
        chars = 0;
      }
      chars += texts[i].size();
    }
    if (block_start.back() != texts.size()) block_start.push_back(texts.size());
    done.assign(block_start.size() - 1, false);
  }

  // Segments one unclaimed block; returns false when none is left.
  bool WorkOne() {
    const std::size_t block = next_block.fetch_add(1);
    if (block >= done.size() || stop.load()) return false;
    try {
      for (std::size_t i = block_start[block]; i < block_start[block + 1]; ++i) {
        results[i] = segmenter.Tokenize(texts[i]);
      }
    } catch (...) {
      std::lock_guard guard(mutex);
      if (!failure) failure = std::current_exception();
      stop = true;
    }
    {
      std::lock_guard guard(mutex);
      done[block] = true;
    }
    ready.notify_all();
    return true;
  }

  void Work() {
    while (WorkOne()) {
    }
  }

  // The block of the next text to consume (texts are consumed in order).
  std::size_t ConsumedBlock() {
    while (block_start[consumed_block + 1] <= consumed) ++consumed_block;
    return consumed_block;
  }

  const Segmenter& segmenter;
  const std::vector<std::u32string_view> texts;
  std::vector<std::vector<Token>> results;
  std::vector<std::size_t> block_start{0};  // the first text of each block, then texts.size()
  std::vector<bool> done;                   // per block, guarded by mutex
  std::atomic<std::size_t> next_block{0};
  std::atomic<bool> stop{false};
  std::exception_ptr failure;  // guarded by mutex
  std::mutex mutex;
  std::condition_variable ready;
  std::vector<std::thread> workers;
  std::size_t consumed = 0;
  std::size_t consumed_block = 0;
};

TokenizeStream::TokenizeStream(const Segmenter& segmenter, const std::vector<std::u32string>& texts,
                               int n_threads)
    : TokenizeStream(segmenter, std::vector<std::u32string_view>(texts.begin(), texts.end()),
                     n_threads) {}

TokenizeStream::TokenizeStream(const Segmenter& segmenter, std::vector<std::u32string_view> texts,
                               int n_threads)
    : state_(std::make_unique<State>(segmenter, std::move(texts))) {
  const auto threads = static_cast<std::size_t>(
      parallel::ThreadCount(n_threads, static_cast<std::int64_t>(state_->done.size())));
  // The consumer is one of the threads: it segments blocks itself whenever the text it needs
  // next is not ready (see Next), so only the others are started here.
  try {
    for (std::size_t t = 1; t < threads; ++t) {
      state_->workers.emplace_back([this] { state_->Work(); });
    }
  } catch (const std::system_error&) {
    // Fewer threads than asked: those running share the work with the consumer.
  }
}

TokenizeStream::~TokenizeStream() {
  state_->stop = true;
  for (std::thread& t : state_->workers) t.join();
}

std::optional<std::vector<Token>> TokenizeStream::Next() {
  State& s = *state_;
  if (s.consumed >= s.texts.size()) return std::nullopt;
  CheckInterrupt();  // the stream's destructor stops the workers
  const std::size_t block = s.ConsumedBlock();
  const std::size_t i = s.consumed++;
  for (;;) {
    {
      std::unique_lock lock(s.mutex);
      if (s.failure) std::rethrow_exception(s.failure);
      if (s.done[block]) break;
      // Wait only when every block is claimed: otherwise help, which beats waiting.
      if (s.next_block.load() >= s.done.size()) {
        s.ready.wait(lock, [&] { return s.done[block] || s.failure; });
        continue;
      }
    }
    s.WorkOne();
  }
  return std::move(s.results[i]);
}

bool TokenizeStream::Ready() {
  State& s = *state_;
  if (s.consumed >= s.texts.size()) return true;
  std::lock_guard lock(s.mutex);
  return s.done[s.ConsumedBlock()] || s.failure;
}

}  // namespace gongwen
