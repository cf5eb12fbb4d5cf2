#include "gongwen/discover.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "gongwen/interrupt.h"
#include "parallel.h"
#include "text.h"

// How it works. The Han characters of all texts are laid out in one buffer, each run of them
// followed by a break (0). The n-grams are then found level by level, apriori style: an n-gram
// can occur min_count times only if both its (n-1)-character prefix and suffix do, so level n
// counts, at every position where the (n-1)-gram is frequent, the pair (id of that prefix, next
// character), and gives ids only to the pairs that reach min_count. Memory stays proportional to
// the corpus (the buffer and the id of the current level's n-gram at each position: 8 bytes a
// character) plus the distinct n-grams with a frequent prefix, whatever max_length is.
//
// The same pass yields the neighbours: the n-grams of level n that extend a frequent (n-1)-gram
// w to the right are exactly the right neighbours of w, and those whose suffix is w are its left
// neighbours. The n-grams whose prefix is rare (never keyed by a prefix id) are counted for
// their suffix's left neighbours in a second, small table. So the neighbour entropies are exact,
// and one extra level (max_length + 1) gives them for the longest candidates.
//
// Counting is split by prefix: each thread reads the whole buffer but counts only the n-grams
// whose prefix falls in its part, in its own table, so tables are neither shared nor merged. Ids
// are given in key order and the entropy sums are added in fixed point, so the result is the same
// for any number of threads.

namespace gongwen {

namespace {

using Id = std::uint32_t;
using Count = std::uint32_t;

// No n-gram: an infrequent one, or one that does not fit in its run.
constexpr Id kNone = std::numeric_limits<Id>::max();
// Ends every run of Han characters in the buffer.
constexpr char32_t kBreak = 0;
// Longest candidate allowed, in characters.
constexpr int kMaxLength = 10;
// Bytes of UTF-8 decoded at a time, so that a huge text needs no huge UTF-32 copy.
constexpr std::size_t kDecodeSlice = std::size_t{1} << 20;
// Fixed-point scale of the sums of x log x behind the entropies: integer sums do not depend on
// the order of addition, hence not on the number of threads.
constexpr double kFixedPoint = 1048576.0;  // 2^20
// An empty slot of a KeyCounter. Real keys hold a value below 2^21 in one half.
constexpr std::uint64_t kEmptyKey = std::numeric_limits<std::uint64_t>::max();

// A key from two 32-bit halves.
std::uint64_t Key(std::uint32_t high, std::uint32_t low) {
  return (static_cast<std::uint64_t>(high) << 32) | low;
}

// SplitMix64's finalizer: spreads every key bit over the slot index.
std::uint64_t Mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// x log x for a count x, in fixed point.
std::int64_t XLogX(Count x) {
  if (x <= 1) return 0;
  const double v = static_cast<double>(x);
  return std::llround(v * std::log(v) * kFixedPoint);
}

// Counts of 64-bit keys in an open-addressing table (linear probing, at most half full). Each
// key also carries one Id, set when it is first added. Callers pass the key's Mix hash, so that
// it is computed once for partitioning, prefetching and probing.
class KeyCounter {
 public:
  KeyCounter() { Resize(1024); }

  // Starts loading the slot where the search for a key of this hash begins.
  void Prefetch(std::uint64_t hash) const { __builtin_prefetch(&slots_[hash & mask_]); }

  // Adds `count` to the count of `key`; a new key gets `aux` as its Id.
  void Add(std::uint64_t key, std::uint64_t hash, Count count, Id aux) {
    for (std::uint64_t i = hash & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.key == key) {
        slot.count += count;
        return;
      }
      if (slot.key == kEmptyKey) {
        slot = Slot{key, count, aux};
        if (++size_ * 2 > slots_.size()) Resize(slots_.size() * 2);
        return;
      }
    }
  }

  // The Id of `key`, or kNone if it was never added.
  Id Find(std::uint64_t key, std::uint64_t hash) const {
    for (std::uint64_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.key == key) return slot.aux;
      if (slot.key == kEmptyKey) return kNone;
    }
  }

  // Calls fn(key, count, aux) for every key, in no particular order.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    for (const Slot& slot : slots_) {
      if (slot.key != kEmptyKey) fn(slot.key, slot.count, slot.aux);
    }
  }

  // Number of distinct keys.
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint64_t key;
    Count count;
    Id aux;
  };

  // Rehashes into `n` slots (a power of two).
  void Resize(std::size_t n) {
    std::vector<Slot> old(n, Slot{kEmptyKey, 0, 0});
    old.swap(slots_);
    mask_ = n - 1;
    for (const Slot& slot : old) {
      if (slot.key == kEmptyKey) continue;
      std::uint64_t i = Mix(slot.key) & mask_;
      while (slots_[i].key != kEmptyKey) i = (i + 1) & mask_;
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
  std::uint64_t mask_ = 0;
};

// Adds keys to a KeyCounter a few steps after prefetching their slots, so that the cache misses
// of consecutive keys overlap instead of following one another.
class PrefetchingAdder {
 public:
  explicit PrefetchingAdder(KeyCounter& table) : table_(table) {}

  // Adds one occurrence of `key` (whose Mix hash is `hash`, Id `aux`), soon.
  void Add(std::uint64_t key, std::uint64_t hash, Id aux) {
    table_.Prefetch(hash);
    Pending& slot = pending_[next_ % kDepth];
    if (next_ >= kDepth) table_.Add(slot.key, slot.hash, 1, slot.aux);
    slot = Pending{key, hash, aux};
    ++next_;
  }

  // Adds the keys still pending; call it before reading the table.
  void Flush() {
    for (std::size_t k = next_ > kDepth ? next_ - kDepth : 0; k < next_; ++k) {
      const Pending& slot = pending_[k % kDepth];
      table_.Add(slot.key, slot.hash, 1, slot.aux);
    }
    next_ = 0;
  }

 private:
  static constexpr std::size_t kDepth = 16;
  struct Pending {
    std::uint64_t key;
    std::uint64_t hash;
    Id aux;
  };
  KeyCounter& table_;
  Pending pending_[kDepth];
  std::size_t next_ = 0;
};

using parallel::RunParallel;

// Appends the Han runs of `utf8` to `out`, each followed by kBreak.
void AppendHanRuns(std::string_view utf8, std::vector<char32_t>& out) {
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    // Cut slices before a byte that is not a continuation byte: no sequence, well-formed or
    // not, spans such a byte, so the slices decode exactly as the whole would.
    CheckInterrupt();
    std::size_t end = std::min(utf8.size(), pos + kDecodeSlice);
    while (end < utf8.size() && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80) ++end;
    for (char32_t c : text::Decode(utf8.substr(pos, end - pos))) {
      // Full-width forms (，：（）０-９) are common and never Han: skip the script lookup.
      if (!(c >= 0xFF00 && c <= 0xFFEF) && text::IsHan(c)) {
        out.push_back(c);
      } else if (!out.empty() && out.back() != kBreak) {
        out.push_back(kBreak);
      }
    }
    pos = end;
  }
  if (!out.empty() && out.back() != kBreak) out.push_back(kBreak);
}

// The Han runs of all texts, in text order, decoded on up to `n_threads` threads.
std::vector<char32_t> HanBuffer(const std::vector<std::string>& texts, int n_threads) {
  // Each thread decodes a contiguous group of texts of about equal size into one vector: few
  // large allocations, which go back to the system when freed, unlike many small ones.
  std::size_t bytes = 0;
  for (const std::string& t : texts) bytes += t.size();
  const int groups = static_cast<int>(std::clamp<std::size_t>(texts.size(), 1, n_threads));
  std::vector<std::size_t> first(groups + 1, texts.size());
  first[0] = 0;
  for (std::size_t i = 0, g = 1, seen = 0; i < texts.size() && g < first.size() - 1; ++i) {
    seen += texts[i].size();
    while (g < first.size() - 1 && seen >= bytes * g / groups) first[g++] = i + 1;
  }
  std::vector<std::vector<char32_t>> parts(groups);
  RunParallel(groups, [&](int g) {
    // A Han character takes 3 or 4 bytes and a break follows at least one more byte, so half as
    // many code points as bytes always suffice; pages never written take no memory.
    std::size_t group_bytes = 0;
    for (std::size_t i = first[g]; i < first[g + 1]; ++i) group_bytes += texts[i].size();
    parts[g].reserve(group_bytes / 2 + 1);
    for (std::size_t i = first[g]; i < first[g + 1]; ++i) {
      AppendHanRuns(texts[i], parts[g]);  // checks for interruption
    }
  });
  std::size_t total = 0;
  for (const auto& part : parts) total += part.size();
  // Counts and ids are 32-bit: 4 bytes per position already make this 16 GiB of buffer.
  if (total >= kNone) {
    throw std::invalid_argument("DiscoverWords: corpus too large (2^32 or more Han characters)");
  }
  if (groups == 1) return std::move(parts[0]);
  std::vector<char32_t> buffer;
  buffer.reserve(total);
  for (auto& part : parts) {
    buffer.insert(buffer.end(), part.begin(), part.end());
    std::vector<char32_t>().swap(part);
  }
  return buffer;
}

// Cuts the buffer into `n` contiguous shares of about equal size, each ending with a break.
// Returns n + 1 boundaries.
std::vector<std::size_t> Shares(const std::vector<char32_t>& buffer, int n) {
  std::vector<std::size_t> bounds(static_cast<std::size_t>(n) + 1, buffer.size());
  bounds[0] = 0;
  for (int t = 1; t < n; ++t) {
    std::size_t b = std::max(bounds[t - 1], buffer.size() * t / n);
    while (b < buffer.size() && (b == 0 || buffer[b - 1] != kBreak)) ++b;
    bounds[t] = b;
  }
  return bounds;
}

// The frequent n-grams found so far, by id. Ids of n-grams of one length are consecutive.
struct Ngrams {
  std::vector<Count> count;
  std::vector<std::uint8_t> length;     // characters
  std::vector<char32_t> last;           // the last character
  std::vector<Id> prefix;               // all but the last character (kNone for one character)
  std::vector<Id> suffix;               // all but the first character (kNone for one character)
  std::vector<std::int64_t> left_sum;   // fixed-point sum of x log x over left neighbours
  std::vector<std::int64_t> right_sum;  // the same over right neighbours

  // Adds an n-gram; returns its id.
  Id Add(Count c, int len, char32_t last_char, Id prefix_id, Id suffix_id) {
    count.push_back(c);
    length.push_back(static_cast<std::uint8_t>(len));
    last.push_back(last_char);
    prefix.push_back(prefix_id);
    suffix.push_back(suffix_id);
    left_sum.push_back(0);
    right_sum.push_back(0);
    return static_cast<Id>(count.size() - 1);
  }

  // Entropy (nats) of a neighbour distribution whose x log x sum is `sum` over `n` occurrences;
  // occurrences without a neighbour add 1 log 1 = 0 to the sum, as distinct neighbours should.
  static double Entropy(std::int64_t sum, Count n) {
    const double total = static_cast<double>(n);
    return std::max(0.0, std::log(total) - static_cast<double>(sum) / kFixedPoint / total);
  }
};

// One thread's counts for one level: the keys whose hash falls in the thread's part.
struct PartCounts {
  KeyCounter extended;     // (prefix id, last character) -> count, suffix id
  KeyCounter rare_prefix;  // (first character, suffix id) -> count, of n-grams with a rare prefix
};

// Which of `n` parts the n-grams extending (or, for rare_prefix, ending in) n-gram `id` belong
// to: Fibonacci hashing of the id, cheap enough to evaluate at every position.
int Part(Id id, int n) {
  return static_cast<int>((static_cast<std::uint64_t>(id * 2654435769u) * n) >> 32);
}

// Gives ids to the frequent characters and returns the id at each position.
std::vector<Id> CountCharacters(const std::vector<char32_t>& buffer,
                                const std::vector<std::size_t>& bounds, int n_threads,
                                Count min_count, Ngrams& ngrams) {
  // Tables up to the largest code point present: nearly always below U+A000, a few hundred KB.
  const std::size_t code_points =
      static_cast<std::size_t>(*std::max_element(buffer.begin(), buffer.end())) + 1;
  std::vector<std::vector<Count>> counts(n_threads);
  RunParallel(n_threads, [&](int t) {
    counts[t].assign(code_points, 0);
    for (std::size_t i = bounds[t]; i < bounds[t + 1]; ++i) {
      parallel::CheckInterruptEvery(i, 16);
      ++counts[t][buffer[i]];
    }
  });
  for (int t = 1; t < n_threads; ++t) {
    for (std::size_t c = 0; c < code_points; ++c) counts[0][c] += counts[t][c];
    std::vector<Count>().swap(counts[t]);
  }
  std::vector<Id> char_id(code_points, kNone);
  for (std::size_t c = 1; c < code_points; ++c) {
    if (counts[0][c] >= min_count) {
      char_id[c] = ngrams.Add(counts[0][c], 1, static_cast<char32_t>(c), kNone, kNone);
    }
  }
  std::vector<Id> ids(buffer.size());
  RunParallel(n_threads, [&](int t) {
    for (std::size_t i = bounds[t]; i < bounds[t + 1]; ++i) {
      parallel::CheckInterruptEvery(i, 16);
      ids[i] = char_id[buffer[i]];
    }
  });
  return ids;
}

// Counts the n-grams of length `n` that extend the (n-1)-grams in `ids` (the id of the
// (n-1)-gram at each position, kNone for a rare one), adds their counts to the neighbour sums of
// the (n-1)-grams, and, if `keep`, gives ids to the frequent ones and replaces `ids` with the
// n-gram ids.
void CountLevel(const std::vector<char32_t>& buffer, const std::vector<std::size_t>& bounds,
                int n_threads, int n, bool keep, Count min_count, std::vector<Id>& ids,
                Ngrams& ngrams) {
  // Each thread reads every position but counts only the n-grams of its part, so no table is
  // shared and none needs merging; reading is cheap next to the cache misses of counting.
  std::vector<PartCounts> parts(n_threads);
  RunParallel(n_threads, [&](int t) {
    PartCounts& part = parts[t];
    PrefetchingAdder extended(part.extended);
    for (std::size_t i = 0; i < buffer.size(); ++i) {
      parallel::CheckInterruptEvery(i, 16);
      const Id prefix = ids[i];
      if (prefix != kNone) {
        // The prefix fits, so position i + n - 1 exists: at worst the break ending the run.
        if (Part(prefix, n_threads) != t) continue;
        const char32_t c = buffer[i + n - 1];
        if (c == kBreak) continue;
        const std::uint64_t key = Key(prefix, c);
        extended.Add(key, Mix(key), ids[i + 1]);
      } else if (buffer[i] != kBreak && ids[i + 1] != kNone && Part(ids[i + 1], n_threads) == t) {
        const std::uint64_t key = Key(buffer[i], ids[i + 1]);
        part.rare_prefix.Add(key, Mix(key), 1, kNone);
      }
    }
    extended.Flush();
  });

  // Neighbour sums of the (n-1)-grams, and the frequent n-grams. A frequent n-gram has a
  // frequent suffix, which got an id at the previous level.
  struct Frequent {
    std::uint64_t key;
    Count count;
    Id suffix;
  };
  std::vector<Frequent> frequent;
  std::uint64_t merged = 0;
  for (PartCounts& part : parts) {
    part.extended.ForEach([&](std::uint64_t key, Count count, Id suffix) {
      parallel::CheckInterruptEvery(++merged, 16);
      const std::int64_t x = XLogX(count);
      ngrams.right_sum[key >> 32] += x;
      if (suffix != kNone) ngrams.left_sum[suffix] += x;
      if (keep && count >= min_count && suffix != kNone) frequent.push_back({key, count, suffix});
    });
    part.rare_prefix.ForEach([&](std::uint64_t key, Count count, Id) {
      parallel::CheckInterruptEvery(++merged, 16);
      ngrams.left_sum[key & 0xFFFFFFFFu] += XLogX(count);
    });
    part = PartCounts();
  }
  if (!keep) return;

  // Ids in key order, which depends on the corpus alone, then the id at each position.
  parallel::InterruptibleSort(frequent.begin(), frequent.end(),
                              [](const Frequent& a, const Frequent& b) { return a.key < b.key; });
  KeyCounter id_of;
  for (const Frequent& f : frequent) {
    parallel::CheckInterruptEvery(++merged, 16);
    const Id id = ngrams.Add(f.count, n, static_cast<char32_t>(f.key & 0xFFFFFFFFu),
                             static_cast<Id>(f.key >> 32), f.suffix);
    id_of.Add(f.key, Mix(f.key), 0, id);
  }
  RunParallel(n_threads, [&](int t) {
    // In blocks: hash and prefetch a block's keys, then look them up, so the misses overlap.
    constexpr std::size_t kBlock = 16;
    std::uint64_t keys[kBlock];
    std::uint64_t hashes[kBlock];
    for (std::size_t begin = bounds[t]; begin < bounds[t + 1]; begin += kBlock) {
      parallel::CheckInterruptEvery(begin / kBlock, 12);
      const std::size_t end = std::min(begin + kBlock, bounds[t + 1]);
      for (std::size_t i = begin; i < end; ++i) {
        keys[i - begin] = kEmptyKey;
        if (ids[i] == kNone || buffer[i + n - 1] == kBreak) continue;
        keys[i - begin] = Key(ids[i], buffer[i + n - 1]);
        hashes[i - begin] = Mix(keys[i - begin]);
        id_of.Prefetch(hashes[i - begin]);
      }
      for (std::size_t i = begin; i < end; ++i) {
        const std::uint64_t key = keys[i - begin];
        // In place: position i's new id depends on its old one alone.
        ids[i] = key == kEmptyKey ? kNone : id_of.Find(key, hashes[i - begin]);
      }
    }
  });
}

void Validate(const DiscoverOptions& options) {
  if (options.min_count < 1) throw std::invalid_argument("DiscoverWords: min_count must be >= 1");
  if (options.min_length < 2) {
    throw std::invalid_argument("DiscoverWords: min_length must be >= 2");
  }
  if (options.max_length < options.min_length || options.max_length > kMaxLength) {
    throw std::invalid_argument("DiscoverWords: max_length must be in min_length..10");
  }
  if (std::isnan(options.min_cohesion) || std::isnan(options.min_entropy)) {
    throw std::invalid_argument("DiscoverWords: min_cohesion and min_entropy must be numbers");
  }
  if (options.n_threads < 0) {
    throw std::invalid_argument("DiscoverWords: n_threads must be 0 (one per core) or more");
  }
}

}  // namespace

std::vector<WordCandidate> DiscoverWords(const std::vector<std::string>& texts,
                                         const DiscoverOptions& options) {
  Validate(options);
  int n_threads = parallel::ThreadCount(options.n_threads);

  const std::vector<char32_t> buffer = HanBuffer(texts, n_threads);
  if (buffer.empty()) return {};
  // Threads only for corpora large enough to repay starting them at every level.
  constexpr std::size_t kPerThread = std::size_t{1} << 16;  // characters
  n_threads = static_cast<int>(std::min<std::size_t>(n_threads, 1 + buffer.size() / kPerThread));
  const std::vector<std::size_t> bounds = Shares(buffer, n_threads);
  const Count min_count = static_cast<Count>(options.min_count);
  const int max_length = options.max_length;

  // log of the number of n-grams of each length: positions where one fits inside a run.
  std::vector<double> log_total(max_length + 1, 0.0);
  {
    std::vector<std::uint64_t> total(max_length + 1, 0);
    std::size_t run = 0;
    for (std::size_t i = 0; i < buffer.size(); ++i) {
      parallel::CheckInterruptEvery(i, 16);
      const char32_t c = buffer[i];
      if (c != kBreak) {
        ++run;
        continue;
      }
      for (std::size_t k = 1; k <= std::min<std::size_t>(run, max_length); ++k) {
        total[k] += run - k + 1;
      }
      run = 0;
    }
    for (int k = 1; k <= max_length; ++k) {
      log_total[k] = total[k] > 0 ? std::log(static_cast<double>(total[k])) : 0.0;
    }
  }

  Ngrams ngrams;
  std::vector<Id> ids = CountCharacters(buffer, bounds, n_threads, min_count, ngrams);
  for (int n = 2; n <= max_length + 1; ++n) {
    CheckInterrupt();  // between levels: each is a pass over the corpus
    CountLevel(buffer, bounds, n_threads, n, n <= max_length, min_count, ids, ngrams);
  }
  std::vector<Id>().swap(ids);

  std::vector<WordCandidate> candidates;
  Id chain_prefix[kMaxLength + 1];
  Id chain_suffix[kMaxLength + 1];
  for (Id id = 0; id < ngrams.count.size(); ++id) {
    parallel::CheckInterruptEvery(id, 14);
    const int n = ngrams.length[id];
    if (n < options.min_length) continue;
    const double left = Ngrams::Entropy(ngrams.left_sum[id], ngrams.count[id]);
    const double right = Ngrams::Entropy(ngrams.right_sum[id], ngrams.count[id]);
    const double entropy = std::min(left, right);
    if (entropy < options.min_entropy) continue;

    // chain_prefix[k] / chain_suffix[k]: the first / last k characters.
    chain_prefix[n] = chain_suffix[n] = id;
    for (int k = n; k > 1; --k) {
      chain_prefix[k - 1] = ngrams.prefix[chain_prefix[k]];
      chain_suffix[k - 1] = ngrams.suffix[chain_suffix[k]];
    }
    auto log_p = [&](Id x) {
      return std::log(static_cast<double>(ngrams.count[x])) - log_total[ngrams.length[x]];
    };
    double cohesion = std::numeric_limits<double>::infinity();
    for (int k = 1; k < n; ++k) {
      cohesion =
          std::min(cohesion, log_p(id) - log_p(chain_prefix[k]) - log_p(chain_suffix[n - k]));
    }
    if (cohesion < options.min_cohesion) continue;

    WordCandidate candidate;
    for (int k = 1; k <= n; ++k) text::AppendUtf8(candidate.word, ngrams.last[chain_prefix[k]]);
    candidate.count = ngrams.count[id];
    candidate.cohesion = cohesion;
    candidate.left_entropy = left;
    candidate.right_entropy = right;
    // Character k is the first of the last n - k + 1 characters.
    candidate.association = log_p(id);
    for (int k = 1; k <= n; ++k) {
      Id c = chain_suffix[n - k + 1];
      while (ngrams.length[c] > 1) c = ngrams.prefix[c];
      candidate.association -= log_p(c);
    }
    candidate.score =
        std::log(static_cast<double>(candidate.count)) * candidate.association * entropy;
    candidates.push_back(std::move(candidate));
  }
  parallel::InterruptibleSort(candidates.begin(), candidates.end(),
                              [](const WordCandidate& a, const WordCandidate& b) {
                                if (a.score != b.score) return a.score > b.score;
                                return a.word < b.word;
                              });
  return candidates;
}

}  // namespace gongwen
