// Text reuse (reuse.h). The steps, each on all threads:
// 1. Normalise every document (reuse::Normalize): the letters, digits and Han characters left
//    once punctuation and white space are dropped, with their offsets in the original.
// 2. Index the shingles (ShingleIndex): the hashes of all n-grams are scattered into buckets by
//    their top bits, each bucket is sorted, and the shingles found in 2 to max_df documents are
//    kept as postings, which are then listed by document too.
// 3. For each document A, gather its seeds with every later document B from the postings, sort
//    them by (B, position in A), and extend each seed that no passage found so far covers with an
//    X-drop alignment (ExtendSeed). Alignments long and similar enough become passages; of two
//    passages that overlap in both documents the better one is kept.
#include "gongwen/reuse.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>
#include <type_traits>

#include "normalize.h"
#include "parallel.h"
#include "reuse_internal.h"
#include "scan.h"
#include "text.h"

namespace gongwen {

namespace reuse {

namespace {

using scan::CharClass;

using parallel::RunParallel;

// The bits of a 64-bit hash mixed so that its top bits are as good as its low ones (the
// finaliser of SplitMix64).
inline std::uint64_t Mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

constexpr std::uint64_t kRollBase = 0x100000001b3ull;  // odd: a polynomial hash modulo 2^64

// Calls fn(position, hash) for each shingle of `chars`, with a rolling polynomial hash.
template <typename Fn>
void ForEachShingle(std::u32string_view chars, std::size_t ngram, Fn&& fn) {
  if (chars.size() < ngram) return;
  std::uint64_t top = 1;  // kRollBase^(ngram - 1)
  for (std::size_t i = 1; i < ngram; ++i) top *= kRollBase;
  std::uint64_t h = 0;
  for (std::size_t i = 0; i < ngram; ++i) h = h * kRollBase + chars[i] + 1;
  fn(std::size_t{0}, Mix(h));
  for (std::size_t i = ngram; i < chars.size(); ++i) {
    h = (h - (chars[i - ngram] + 1ull) * top) * kRollBase + chars[i] + 1;
    fn(i - ngram + 1, Mix(h));
  }
}

// A shingle occurrence while the index is built.
struct Entry {
  std::uint64_t hash;
  std::uint32_t doc;
  std::uint32_t pos;
};

}  // namespace

NormalizedText Normalize(std::u32string_view text, const CharNormalizer& normalizer) {
  if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw std::invalid_argument("texts of 2^32 code points or more are not supported");
  }
  NormalizedText out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    parallel::CheckInterruptEvery(i, 16);
    const char32_t c = normalizer(text[i]);
    const CharClass cls = scan::Classify(c);
    if (cls == CharClass::kHan || cls == CharClass::kLatin || cls == CharClass::kDigit) {
      out.chars.push_back(c);
      out.offsets.push_back(static_cast<std::uint32_t>(i));
    }
  }
  return out;
}

std::vector<std::uint64_t> ShingleHashes(std::u32string_view chars, std::size_t ngram) {
  std::vector<std::uint64_t> out;
  if (ngram == 0) return out;
  ForEachShingle(chars, ngram, [&](std::size_t, std::uint64_t h) { out.push_back(h); });
  return out;
}

ShingleIndex::ShingleIndex(const std::vector<NormalizedText>& docs, std::size_t ngram,
                           std::size_t max_df, int n_threads) {
  if (ngram == 0) throw std::invalid_argument("ngram must be at least 1");
  if (docs.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw std::invalid_argument("2^32 documents or more are not supported");
  }
  const int threads = std::max(1, n_threads);
  const std::size_t n_docs = docs.size();
  auto shingles_of = [&](std::size_t d) {
    return docs[d].chars.size() >= ngram ? docs[d].chars.size() - ngram + 1 : 0;
  };
  std::size_t total = 0;
  for (std::size_t d = 0; d < n_docs; ++d) total += shingles_of(d);

  // Buckets by the top bits of the hash: about 32k entries each, sorted independently.
  int bits = 1;
  while (bits < 16 && (std::size_t{1} << bits) * 32768 < total) ++bits;
  const std::size_t n_buckets = std::size_t{1} << bits;
  const int shift = 64 - bits;

  // Each thread hashes a contiguous range of documents twice: to count its entries per bucket,
  // then to write them where the counts say.
  const int parts =
      static_cast<int>(std::min<std::size_t>(threads, std::max<std::size_t>(1, n_docs)));
  std::vector<std::size_t> part_begin(parts + 1, n_docs);
  {
    std::size_t acc = 0, part = 0;
    part_begin[0] = 0;
    for (std::size_t d = 0; d < n_docs && part + 1 < static_cast<std::size_t>(parts); ++d) {
      acc += shingles_of(d);
      if (acc * parts >= total * (part + 1)) part_begin[++part] = d + 1;
    }
    for (std::size_t p = part + 1; p <= static_cast<std::size_t>(parts); ++p)
      part_begin[p] = n_docs;
  }
  std::vector<std::vector<std::size_t>> counts(parts, std::vector<std::size_t>(n_buckets + 1, 0));
  RunParallel(parts, [&](int t) {
    std::vector<std::size_t>& count = counts[t];
    for (std::size_t d = part_begin[t]; d < part_begin[t + 1]; ++d) {
      CheckInterrupt();
      ForEachShingle(docs[d].chars, ngram,
                     [&](std::size_t, std::uint64_t h) { ++count[h >> shift]; });
    }
  });
  std::vector<std::size_t> bucket_start(n_buckets + 1, 0);
  {
    std::size_t at = 0;
    for (std::size_t b = 0; b < n_buckets; ++b) {
      bucket_start[b] = at;
      for (int t = 0; t < parts; ++t) {
        const std::size_t c = counts[t][b];
        counts[t][b] = at;  // now the write position of part t in bucket b
        at += c;
      }
    }
    bucket_start[n_buckets] = at;
  }
  std::vector<Entry> entries(total);
  RunParallel(parts, [&](int t) {
    std::vector<std::size_t>& at = counts[t];
    for (std::size_t d = part_begin[t]; d < part_begin[t + 1]; ++d) {
      CheckInterrupt();
      ForEachShingle(docs[d].chars, ngram, [&](std::size_t pos, std::uint64_t h) {
        entries[at[h >> shift]++] =
            Entry{h, static_cast<std::uint32_t>(d), static_cast<std::uint32_t>(pos)};
      });
    }
  });
  counts.clear();

  // Sort each bucket; move the entries of the shingles kept to its front and note the size of
  // each kept shingle's group.
  const std::size_t max_postings = 2 * max_df;
  std::vector<std::vector<std::uint32_t>> kept_groups(n_buckets);
  std::vector<std::size_t> kept_entries(n_buckets, 0);
  parallel::ParallelForEach(n_buckets, threads, 16, [&](std::size_t b) {
    Entry* first = entries.data() + bucket_start[b];
    Entry* last = entries.data() + bucket_start[b + 1];
    parallel::InterruptibleSort(first, last, [](const Entry& x, const Entry& y) {
      if (x.hash != y.hash) return x.hash < y.hash;
      if (x.doc != y.doc) return x.doc < y.doc;
      return x.pos < y.pos;
    });
    Entry* out = first;
    for (Entry* group = first; group != last;) {
      Entry* end = group + 1;
      std::size_t documents = 1;
      for (; end != last && end->hash == group->hash; ++end) documents += end->doc != end[-1].doc;
      const auto size = static_cast<std::size_t>(end - group);
      if (documents >= 2 && documents <= max_df && size <= max_postings) {
        kept_groups[b].push_back(static_cast<std::uint32_t>(size));
        out = std::copy(group, end, out);
      }
      group = end;
    }
    kept_entries[b] = static_cast<std::size_t>(out - first);
  });

  // The postings, group after group, bucket after bucket.
  std::vector<std::size_t> posting_at(n_buckets + 1, 0), group_at(n_buckets + 1, 0);
  for (std::size_t b = 0; b < n_buckets; ++b) {
    posting_at[b + 1] = posting_at[b] + kept_entries[b];
    group_at[b + 1] = group_at[b] + kept_groups[b].size();
  }
  postings_.resize(posting_at[n_buckets]);
  group_start_.resize(group_at[n_buckets] + 1);
  group_start_[group_at[n_buckets]] = posting_at[n_buckets];
  parallel::ParallelForEach(n_buckets, threads, 16, [&](std::size_t b) {
    const Entry* from = entries.data() + bucket_start[b];
    for (std::size_t i = 0; i < kept_entries[b]; ++i) {
      postings_[posting_at[b] + i] = Posting{from[i].doc, from[i].pos};
    }
    std::size_t at = posting_at[b];
    for (std::size_t g = 0; g < kept_groups[b].size(); ++g) {
      group_start_[group_at[b] + g] = at;
      at += kept_groups[b][g];
    }
  });
  std::vector<Entry>().swap(entries);

  // The same postings by document.
  doc_start_.assign(n_docs + 1, 0);
  for (std::size_t i = 0; i < postings_.size(); ++i) {
    parallel::CheckInterruptEvery(i, 16);
    ++doc_start_[postings_[i].doc + 1];
  }
  for (std::size_t d = 0; d < n_docs; ++d) doc_start_[d + 1] += doc_start_[d];
  doc_shingles_.resize(postings_.size());
  std::vector<std::uint64_t> fill(doc_start_.begin(), doc_start_.end() - 1);
  for (std::size_t g = 0; g + 1 < group_start_.size(); ++g) {
    parallel::CheckInterruptEvery(g, 12);
    for (std::uint64_t i = group_start_[g]; i < group_start_[g + 1]; ++i) {
      const Posting& p = postings_[i];
      doc_shingles_[fill[p.doc]++] = DocShingle{p.pos, static_cast<std::uint32_t>(g)};
    }
  }
}

void ShingleIndex::SeedsOf(std::uint32_t doc, std::vector<Seed>& out) const {
  out.clear();
  if (doc + 1 >= doc_start_.size()) return;
  for (std::uint64_t k = doc_start_[doc]; k < doc_start_[doc + 1]; ++k) {
    parallel::CheckInterruptEvery(k, 12);
    const DocShingle& s = doc_shingles_[k];
    const Posting* first = postings_.data() + group_start_[s.group];
    const Posting* last = postings_.data() + group_start_[s.group + 1];
    // Postings are ordered by document: the later documents come after this one's.
    const Posting* it = std::upper_bound(
        first, last, doc, [](std::uint32_t d, const Posting& p) { return d < p.doc; });
    for (; it != last; ++it) out.push_back(Seed{doc, it->doc, s.pos, it->pos});
  }
  parallel::InterruptibleSort(out.begin(), out.end(), [](const Seed& x, const Seed& y) {
    if (x.doc_b != y.doc_b) return x.doc_b < y.doc_b;
    if (x.pos_a != y.pos_a) return x.pos_a < y.pos_a;
    return x.pos_b < y.pos_b;
  });
}

namespace {

// A cell of the alignment matrix: the best score of a path ending there, with the matches and
// columns of that path (so that no traceback is needed).
struct Cell {
  int score;
  std::uint32_t matches;
  std::uint32_t columns;
};

constexpr int kDead = std::numeric_limits<int>::min() / 4;
constexpr Cell kDeadCell{kDead, 0, 0};

// How far an extension got: the lengths it covers in a and b, its score, matches and columns.
struct Extension {
  std::size_t a_len = 0;
  std::size_t b_len = 0;
  int score = 0;
  std::size_t matches = 0;
  std::size_t columns = 0;
  bool resync = false;  // stopped early: the texts agree again for kResync characters
};

// An extension stops early at a new best cell from which the texts agree for this many
// characters: the edit behind it is resolved, and sliding along the identical run that follows
// costs nothing, where the matrix would cost a band of columns per character. Near-identical
// passages thus cost a little per edit, not per character.
constexpr std::size_t kResync = 12;

// The rows of the alignment matrix, reused from one extension to the next on each thread.
struct DpRows {
  std::vector<Cell> h0, e0, h1, e1;
};

// The best-scoring alignment of a prefix of a[a0...] with a prefix of b[b0...] (kForward), or of
// the reversed a[...a0) with the reversed b[...b0), with affine gaps. Row by row, cells scoring
// more than x_drop below the best so far are dropped, and a row spans only the columns between
// its first and last live cell: the band follows the alignment wherever gaps take it.
template <bool kForward>
Extension XDrop(std::u32string_view a, std::u32string_view b, std::size_t a0, std::size_t b0,
                const AlignScores& s, DpRows& rows) {
  const std::size_t n = kForward ? a.size() - a0 : a0;
  const std::size_t m = kForward ? b.size() - b0 : b0;
  Extension best;
  if (n == 0 || m == 0) return best;
  auto char_a = [&](std::size_t i) { return kForward ? a[a0 + i] : a[a0 - 1 - i]; };
  auto char_b = [&](std::size_t j) { return kForward ? b[b0 + j] : b[b0 - 1 - j]; };
  const int open = s.gap_open + s.gap_extend;
  if (rows.h0.size() < m + 2) {
    rows.h0.resize(m + 2);
    rows.e0.resize(m + 2);
    rows.h1.resize(m + 2);
    rows.e1.resize(m + 2);
  }
  Cell* prev_h = rows.h0.data();
  Cell* prev_e = rows.e0.data();
  Cell* cur_h = rows.h1.data();
  Cell* cur_e = rows.e1.data();
  // Row 0: b's characters against nothing.
  prev_h[0] = Cell{0, 0, 0};
  prev_e[0] = kDeadCell;
  std::size_t lo = 0, hi = 0;
  for (std::size_t j = 1; j <= m; ++j) {
    const long long score =
        -static_cast<long long>(s.gap_open) - s.gap_extend * static_cast<long long>(j);
    if (score < -s.x_drop) break;
    prev_h[j] = Cell{static_cast<int>(score), 0, static_cast<std::uint32_t>(j)};
    prev_e[j] = kDeadCell;
    hi = j;
  }
  for (std::size_t i = 1; i <= n; ++i) {
    const int floor = best.score - s.x_drop;
    const char32_t ca = char_a(i - 1);
    Cell f = kDeadCell;
    Cell left = kDeadCell;
    std::size_t first = 0, last = 0;
    bool any = false;
    for (std::size_t j = lo; j <= m; ++j) {
      if (j > hi + 1 && f.score < floor) break;
      const bool above = j <= hi;  // (i - 1, j) is in the previous row's span
      // A gap in b: a's character against nothing (from the cell above).
      Cell e = kDeadCell;
      if (above) {
        const Cell& up = prev_h[j];
        const Cell& up_e = prev_e[j];
        if (up.score - open >= up_e.score - s.gap_extend) {
          e = Cell{up.score - open, up.matches, up.columns + 1};
        } else {
          e = Cell{up_e.score - s.gap_extend, up_e.matches, up_e.columns + 1};
        }
      }
      // A gap in a: b's character against nothing (from the cell to the left).
      if (left.score - open >= f.score - s.gap_extend) {
        f = Cell{left.score - open, left.matches, left.columns + 1};
      } else {
        f = Cell{f.score - s.gap_extend, f.matches, f.columns + 1};
      }
      Cell h = kDeadCell;
      if (j >= 1 && j - 1 >= lo && j - 1 <= hi) {
        const Cell& diag = prev_h[j - 1];
        const bool same = ca == char_b(j - 1);
        h = Cell{diag.score + (same ? s.match : -s.mismatch), diag.matches + (same ? 1u : 0u),
                 diag.columns + 1};
      }
      if (e.score > h.score) h = e;
      if (f.score > h.score) h = f;
      if (e.score < floor) e = kDeadCell;
      if (f.score < floor) f = kDeadCell;
      if (h.score < floor) {
        h = kDeadCell;
      } else {
        if (!any) first = j;
        any = true;
        last = j;
        if (h.score > best.score) {
          best = Extension{i, j, h.score, h.matches, h.columns};
          if (i + kResync <= n && j + kResync <= m) {
            std::size_t same = 0;
            while (same < kResync && char_a(i + same) == char_b(j + same)) ++same;
            if (same == kResync) {
              best.resync = true;
              return best;
            }
          }
        }
      }
      cur_h[j] = h;
      cur_e[j] = e;
      left = h;
    }
    if (!any) break;
    lo = first;
    hi = last;
    std::swap(prev_h, cur_h);
    std::swap(prev_e, cur_e);
  }
  return best;
}

}  // namespace

Alignment ExtendSeed(std::u32string_view a, std::u32string_view b, std::size_t pos_a,
                     std::size_t pos_b, const AlignScores& scores) {
  thread_local DpRows rows;
  Alignment out;
  if (pos_a > a.size() || pos_b > b.size()) return out;
  std::size_t r = 0;
  while (pos_a + r < a.size() && pos_b + r < b.size() && a[pos_a + r] == b[pos_b + r]) ++r;
  std::size_t l = 0;
  while (l < pos_a && l < pos_b && a[pos_a - 1 - l] == b[pos_b - 1 - l]) ++l;
  if (r + l == 0) {
    out.start_a = out.end_a = pos_a;
    out.start_b = out.end_b = pos_b;
    return out;
  }
  // Extends one way from the end of the exact run, resuming after each resynchronisation.
  auto extend = [&](auto forward) {
    constexpr bool kForward = decltype(forward)::value;
    Extension total;
    std::size_t at_a = kForward ? pos_a + r : pos_a - l;
    std::size_t at_b = kForward ? pos_b + r : pos_b - l;
    for (;;) {
      const Extension step = XDrop<kForward>(a, b, at_a, at_b, scores, rows);
      std::size_t slide = 0;
      if (step.resync) {
        const std::size_t ia = kForward ? at_a + step.a_len : at_a - step.a_len;
        const std::size_t ib = kForward ? at_b + step.b_len : at_b - step.b_len;
        if constexpr (kForward) {
          while (ia + slide < a.size() && ib + slide < b.size() && a[ia + slide] == b[ib + slide]) {
            ++slide;
          }
        } else {
          while (slide < ia && slide < ib && a[ia - 1 - slide] == b[ib - 1 - slide]) ++slide;
        }
      }
      total.a_len += step.a_len + slide;
      total.b_len += step.b_len + slide;
      total.score += step.score + static_cast<int>(slide) * scores.match;
      total.matches += step.matches + slide;
      total.columns += step.columns + slide;
      if (!step.resync) return total;
      at_a = kForward ? at_a + step.a_len + slide : at_a - step.a_len - slide;
      at_b = kForward ? at_b + step.b_len + slide : at_b - step.b_len - slide;
    }
  };
  const Extension right = extend(std::true_type{});
  const Extension left = extend(std::false_type{});
  out.start_a = pos_a - l - left.a_len;
  out.end_a = pos_a + r + right.a_len;
  out.start_b = pos_b - l - left.b_len;
  out.end_b = pos_b + r + right.b_len;
  out.score = static_cast<int>(l + r) * scores.match + left.score + right.score;
  out.matches = l + r + left.matches + right.matches;
  out.columns = l + r + left.columns + right.columns;
  return out;
}

}  // namespace reuse

namespace {

// Punctuation that opens a passage: opening quotes and brackets.
bool IsOpeningBracket(char32_t c) {
  switch (c) {
    case U'“':
    case U'‘':
    case U'（':
    case U'《':
    case U'「':
    case U'『':
    case U'【':
    case U'〔':
    case U'(':
    case U'[':
    case U'"':
    case U'\'':
      return true;
    default:
      return false;
  }
}

// A passage in both documents, in code points of the original texts.
struct Span {
  std::size_t start_a, end_a, start_b, end_b;
};

// The alignment's spans in the original texts, widened over punctuation that is identical in
// both texts and closes (。”) or opens (“《) the passage.
Span OriginalSpan(const reuse::Alignment& al, const reuse::NormalizedText& na,
                  const reuse::NormalizedText& nb, std::u32string_view ta, std::u32string_view tb,
                  const CharNormalizer& normalizer) {
  Span s{na.offsets[al.start_a], na.offsets[al.end_a - 1] + std::size_t{1}, nb.offsets[al.start_b],
         nb.offsets[al.end_b - 1] + std::size_t{1}};
  while (s.end_a < ta.size() && s.end_b < tb.size()) {
    const char32_t c = normalizer(ta[s.end_a]);
    if (c != normalizer(tb[s.end_b]) || !(text::IsTerminalPunct(c) || text::IsClosingBracket(c))) {
      break;
    }
    ++s.end_a;
    ++s.end_b;
  }
  while (s.start_a > 0 && s.start_b > 0) {
    const char32_t c = normalizer(ta[s.start_a - 1]);
    if (c != normalizer(tb[s.start_b - 1]) || !IsOpeningBracket(c)) break;
    --s.start_a;
    --s.start_b;
  }
  return s;
}

// Finds the passages of one document with all later ones.
class PairFinder {
 public:
  PairFinder(const std::vector<std::u32string>& texts,
             const std::vector<reuse::NormalizedText>& docs, const reuse::ShingleIndex& index,
             const ReuseOptions& options)
      : texts_(texts),
        docs_(docs),
        index_(index),
        options_(options),
        normalizer_(options.to_simplified),
        min_probe_(std::min(options.min_chars, std::max(options.ngram, options.min_chars / 2))) {
    probe_.x_drop = kProbeXDrop;
  }

  void Find(std::uint32_t doc, std::vector<ReusedPassage>& out) {
    index_.SeedsOf(doc, seeds_);
    for (std::size_t begin = 0; begin < seeds_.size();) {
      std::size_t end = begin + 1;
      while (end < seeds_.size() && seeds_[end].doc_b == seeds_[begin].doc_b) ++end;
      FindPair(begin, end, out);
      begin = end;
    }
  }

 private:
  struct Rect {
    std::size_t start_a, end_a, start_b, end_b;
  };

  // The passages of a pair, from its seeds [begin, end), ordered by position in a.
  void FindPair(std::size_t begin, std::size_t end, std::vector<ReusedPassage>& out) {
    const std::uint32_t doc_a = seeds_[begin].doc_a, doc_b = seeds_[begin].doc_b;
    const std::u32string_view a = docs_[doc_a].chars, b = docs_[doc_b].chars;
    const std::size_t ngram = options_.ngram;
    covered_.clear();
    found_.clear();
    for (std::size_t k = begin; k < end; ++k) {
      parallel::CheckInterruptEvery(k, 6);
      const reuse::Seed& seed = seeds_[k];
      // Areas that end before the seed cannot hold it, nor any later seed.
      std::erase_if(covered_, [&](const Rect& r) { return r.end_a <= seed.pos_a; });
      const bool inside = std::any_of(covered_.begin(), covered_.end(), [&](const Rect& r) {
        return seed.pos_a >= r.start_a && seed.pos_b >= r.start_b && seed.pos_b < r.end_b;
      });
      if (inside) continue;
      if (a.substr(seed.pos_a, ngram) != b.substr(seed.pos_b, ngram)) continue;  // hash collision
      // A probe with a smaller X-drop first: most seeds are stock phrases, whose alignment
      // ends within a few characters, and the probe explores a fraction of the cells.
      const reuse::Alignment probe = reuse::ExtendSeed(a, b, seed.pos_a, seed.pos_b, probe_);
      if (probe.matches < min_probe_) {
        covered_.push_back(Rect{probe.start_a, probe.end_a, probe.start_b, probe.end_b});
        continue;
      }
      const reuse::Alignment al = reuse::ExtendSeed(a, b, seed.pos_a, seed.pos_b, scores_);
      covered_.push_back(Rect{al.start_a, al.end_a, al.start_b, al.end_b});
      if (al.matches >= options_.min_chars &&
          static_cast<double>(al.matches) >=
              options_.min_similarity * static_cast<double>(al.columns)) {
        found_.push_back(al);
      }
    }
    if (found_.empty()) return;
    // Of passages that overlap in both documents, the best-scoring one.
    std::stable_sort(
        found_.begin(), found_.end(),
        [](const reuse::Alignment& x, const reuse::Alignment& y) { return x.score > y.score; });
    kept_.clear();
    for (const reuse::Alignment& al : found_) {
      const bool overlaps = std::any_of(kept_.begin(), kept_.end(), [&](const reuse::Alignment& k) {
        return al.start_a < k.end_a && k.start_a < al.end_a && al.start_b < k.end_b &&
               k.start_b < al.end_b;
      });
      if (!overlaps) kept_.push_back(al);
    }
    for (const reuse::Alignment& al : kept_) {
      const Span s =
          OriginalSpan(al, docs_[doc_a], docs_[doc_b], texts_[doc_a], texts_[doc_b], normalizer_);
      ReusedPassage p;
      p.doc_a = doc_a;
      p.doc_b = doc_b;
      p.start_a = s.start_a;
      p.end_a = s.end_a;
      p.start_b = s.start_b;
      p.end_b = s.end_b;
      p.chars = al.matches;
      p.aligned = al.columns;
      p.similarity = static_cast<double>(al.matches) / static_cast<double>(al.columns);
      out.push_back(p);
    }
  }

  const std::vector<std::u32string>& texts_;
  const std::vector<reuse::NormalizedText>& docs_;
  const reuse::ShingleIndex& index_;
  const ReuseOptions& options_;
  const CharNormalizer normalizer_;
  const reuse::AlignScores scores_;
  // The probe: X-drop 10 (5 mismatches, or a gap of 8), and the matches it must find for the
  // seed to be aligned in full: half of min_chars (and at least the n-gram).
  static constexpr int kProbeXDrop = 10;
  reuse::AlignScores probe_;
  const std::size_t min_probe_;
  std::vector<reuse::Seed> seeds_;
  std::vector<Rect> covered_;
  std::vector<reuse::Alignment> found_, kept_;
};

void CheckOptions(const ReuseOptions& options) {
  if (options.min_chars < 1) throw std::invalid_argument("min_chars must be at least 1");
  if (options.ngram < 3 || options.ngram > 64) {
    throw std::invalid_argument("ngram must be between 3 and 64");
  }
  if (options.max_df < 2) throw std::invalid_argument("max_df must be at least 2 documents");
  if (!(options.min_similarity >= 0 && options.min_similarity <= 1)) {
    throw std::invalid_argument("min_similarity must be between 0 and 1");
  }
  if (options.n_threads < 0) {
    throw std::invalid_argument("n_threads must be 0 (one per core) or more");
  }
}

}  // namespace

std::vector<ReusedPassage> FindReuse(const std::vector<std::u32string>& texts,
                                     const ReuseOptions& options) {
  CheckOptions(options);
  if (texts.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw std::invalid_argument("2^32 documents or more are not supported");
  }
  const int threads = parallel::ThreadCount(options.n_threads);
  const CharNormalizer normalizer(options.to_simplified);
  std::vector<reuse::NormalizedText> docs(texts.size());
  parallel::ParallelForEach(
      static_cast<std::int64_t>(texts.size()), threads, 256,
      [&](std::int64_t d) { docs[d] = reuse::Normalize(texts[d], normalizer); });
  const reuse::ShingleIndex index(docs, options.ngram, options.max_df, threads);

  std::vector<std::vector<ReusedPassage>> found(threads);
  parallel::ChunkQueue queue(static_cast<std::int64_t>(texts.size()), 16);
  parallel::RunParallel(threads, [&](int t) {
    PairFinder finder(texts, docs, index, options);
    std::int64_t begin = 0;
    std::int64_t end = 0;
    while (queue.Next(begin, end)) {
      for (std::int64_t d = begin; d < end; ++d) {
        finder.Find(static_cast<std::uint32_t>(d), found[t]);
      }
    }
  });
  std::size_t total = 0;
  for (const auto& part : found) total += part.size();
  std::vector<ReusedPassage> out;
  out.reserve(total);
  for (auto& part : found) {
    out.insert(out.end(), part.begin(), part.end());
    std::vector<ReusedPassage>().swap(part);
  }
  parallel::InterruptibleSort(out.begin(), out.end(),
                              [](const ReusedPassage& x, const ReusedPassage& y) {
                                if (x.doc_a != y.doc_a) return x.doc_a < y.doc_a;
                                if (x.doc_b != y.doc_b) return x.doc_b < y.doc_b;
                                if (x.start_a != y.start_a) return x.start_a < y.start_a;
                                return x.start_b < y.start_b;
                              });
  return out;
}

std::vector<ReusedPassage> FindReuse(const std::vector<std::string_view>& utf8,
                                     const ReuseOptions& options) {
  CheckOptions(options);
  std::vector<std::u32string> texts;
  texts.reserve(utf8.size());
  for (std::string_view t : utf8) texts.push_back(text::Decode(t));
  return FindReuse(texts, options);
}

}  // namespace gongwen
