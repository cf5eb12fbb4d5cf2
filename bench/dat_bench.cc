// Double-array trie figures: build time, image size, load (Deserialize) time, exact-lookup and
// common-prefix-search throughput, on jieba's dictionary and on 350,000 synthetic keys. Not built
// by default and not part of ctest; it prints figures and asserts nothing about them.
//
// Build the core first (cmake --build build/core), then, from the repository root, compile and run
// (each command on one line):
//   g++ -std=c++20 -O2 -DNDEBUG -Icpp/include -Icpp/src bench/dat_bench.cc
//       build/core/cpp/libgongwen_core.a $(pkg-config --libs icu-i18n icu-uc) -o build/dat_bench
//   build/dat_bench .venv/lib/python3.11/site-packages/jieba/dict.txt
//       $(find ../shared/corpora/gov-reports-national/text -name '*.txt')
// The first argument is a dictionary of "word freq tag" lines (jieba's); the others are UTF-8
// texts, searched for every key prefix at every character position, as the segmenter does to
// build its DAG. Each figure is the best of several runs.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "dat.h"
#include "text.h"

namespace {

using gongwen::DoubleArrayTrie;
using Clock = std::chrono::steady_clock;

// The contents of a file.
std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The best of `runs` timings of `work`, in milliseconds: the least disturbed run.
double BestMs(int runs, const std::function<void()>& work) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    work();
    best = std::min(best, std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  return best;
}

// Prints build, size, load and lookup figures for one key set; `texts` are searched if given.
void Report(const char* name, const std::vector<DoubleArrayTrie::Entry>& entries,
            const std::vector<std::u32string>& texts, std::size_t text_bytes) {
  std::size_t key_chars = 0;
  for (const auto& entry : entries) key_chars += entry.first.size();
  DoubleArrayTrie trie;
  const double build_ms = BestMs(5, [&] { trie = DoubleArrayTrie::Build(entries); });
  const std::string image = trie.Serialize();
  std::vector<std::uint64_t> aligned((image.size() + 7) / 8);
  std::memcpy(aligned.data(), image.data(), image.size());
  const std::string_view view(reinterpret_cast<const char*>(aligned.data()), image.size());
  const double copy_ms = BestMs(10, [&] { DoubleArrayTrie::Deserialize(image, true); });
  const double view_ms = BestMs(10, [&] { DoubleArrayTrie::Deserialize(view, false); });

  std::printf("%s: %zu keys, %zu key characters, alphabet %zu\n", name, trie.size(), key_chars,
              trie.alphabet_size());
  std::printf("  build            %8.1f ms\n", build_ms);
  std::printf("  image            %8.2f MB (%zu units, %.1f bytes/key)\n", image.size() / 1e6,
              trie.unit_count(), double(image.size()) / trie.size());
  std::printf("  load (copy)      %8.2f ms\n", copy_ms);
  std::printf("  load (view)      %8.2f ms\n", view_ms);

  // Exact lookups of every key, in random order.
  std::vector<const std::u32string*> keys;
  for (const auto& entry : entries) keys.push_back(&entry.first);
  std::shuffle(keys.begin(), keys.end(), std::mt19937(1));
  std::uint64_t sum = 0;
  const double find_ms = BestMs(5, [&] {
    for (const std::u32string* key : keys) sum += trie.Find(*key).value_or(0);
  });
  std::printf("  Find             %8.1f ns/key (all keys, shuffled)\n",
              find_ms * 1e6 / keys.size());

  if (!texts.empty()) {
    std::size_t chars = 0;
    std::size_t matches = 0;
    for (const auto& text : texts) chars += text.size();
    const double search_ms = BestMs(5, [&] {
      matches = 0;
      for (const auto& text : texts) {
        for (std::size_t i = 0; i < text.size(); ++i) {
          trie.CommonPrefixSearch(std::u32string_view(text).substr(i),
                                  [&](std::size_t, std::uint32_t value) {
                                    ++matches;
                                    sum += value;
                                  });
        }
      }
    });
    std::printf(
        "  prefix search    %8.1f ns/position, %.1f MB/s of UTF-8, %zu positions, "
        "%.2f matches/position\n",
        search_ms * 1e6 / chars, text_bytes / 1e6 / (search_ms / 1e3), chars,
        double(matches) / chars);
  }
  std::printf("  (checksum of results %llu)\n", static_cast<unsigned long long>(sum % 1000));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DICT.txt [TEXT.txt ...]\n", argv[0]);
    return 2;
  }
  std::vector<DoubleArrayTrie::Entry> jieba;
  {
    std::istringstream lines(ReadFile(argv[1]));
    std::string line;
    std::set<std::u32string> seen;
    while (std::getline(lines, line)) {
      const std::string word = line.substr(0, line.find(' '));
      std::u32string key = gongwen::text::Decode(word);
      if (!key.empty() && seen.insert(key).second) {
        jieba.emplace_back(std::move(key), static_cast<std::uint32_t>(jieba.size()));
      }
    }
  }
  std::vector<std::u32string> texts;
  std::size_t text_bytes = 0;
  for (int i = 2; i < argc; ++i) {
    const std::string bytes = ReadFile(argv[i]);
    text_bytes += bytes.size();
    texts.push_back(gongwen::text::Decode(bytes));
  }
  Report("jieba dict.txt", jieba, texts, text_bytes);

  // The synthetic key set of dat_test.cc: random 2-4 character words over 6,000 CJK characters.
  std::mt19937 rng(350000);
  std::uniform_int_distribution<int> length(2, 4);
  std::uniform_int_distribution<char32_t> character(0x4E00, 0x4E00 + 5999);
  std::set<std::u32string> seen;
  std::vector<DoubleArrayTrie::Entry> synthetic;
  while (synthetic.size() < 350000) {
    std::u32string key;
    for (int n = length(rng); n > 0; --n) key += character(rng);
    if (seen.insert(key).second) {
      synthetic.emplace_back(key, static_cast<std::uint32_t>(synthetic.size()));
    }
  }
  Report("synthetic", synthetic, texts, text_bytes);
  return 0;
}
