#include "gongwen/discover.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "test_util.h"

namespace gongwen {
namespace {

// Options that keep every n-gram of min_count occurrences or more.
DiscoverOptions KeepAll(int min_count) {
  DiscoverOptions options;
  options.min_count = min_count;
  options.min_cohesion = -std::numeric_limits<double>::infinity();
  options.min_entropy = 0;
  return options;
}

// The candidates by word.
std::map<std::string, WordCandidate> ByWord(const std::vector<WordCandidate>& candidates) {
  std::map<std::string, WordCandidate> by_word;
  for (const WordCandidate& c : candidates) by_word[c.word] = c;
  return by_word;
}

// A corpus written from an alphabet of Han characters and separators, with the runs of Han
// characters it contains recorded as indices into the alphabet.
struct Corpus {
  std::vector<std::string> alphabet;
  std::vector<std::string> texts;
  std::vector<std::vector<int>> runs;
};

// Entropy (nats) of neighbour counts plus `boundaries` neighbours seen once each.
double Entropy(const std::map<int, std::uint64_t>& neighbours, std::uint64_t boundaries) {
  double total = static_cast<double>(boundaries);
  for (const auto& [c, x] : neighbours) total += static_cast<double>(x);
  double h = static_cast<double>(boundaries) * std::log(total) / total;
  for (const auto& [c, x] : neighbours) {
    const double p = static_cast<double>(x) / total;
    h -= p * std::log(p);
  }
  return h;
}

// DiscoverWords written the obvious way: every n-gram of every run counted in a map.
std::map<std::string, WordCandidate> Reference(const Corpus& corpus,
                                               const DiscoverOptions& options) {
  using Gram = std::vector<int>;
  std::map<Gram, std::uint64_t> count;
  std::map<Gram, std::map<int, std::uint64_t>> left, right;
  std::map<Gram, std::uint64_t> left_boundaries, right_boundaries;
  std::vector<double> total(options.max_length + 1, 0);
  for (const Gram& run : corpus.runs) {
    for (int n = 1; n <= options.max_length; ++n) {
      for (std::size_t i = 0; i + n <= run.size(); ++i) {
        const Gram g(run.begin() + i, run.begin() + i + n);
        ++count[g];
        ++total[n];
        if (i == 0) {
          ++left_boundaries[g];
        } else {
          ++left[g][run[i - 1]];
        }
        if (i + n == run.size()) {
          ++right_boundaries[g];
        } else {
          ++right[g][run[i + n]];
        }
      }
    }
  }
  auto log_p = [&](const Gram& g) {
    return std::log(static_cast<double>(count.at(g)) / total[g.size()]);
  };
  std::map<std::string, WordCandidate> out;
  for (const auto& [g, c] : count) {
    const int n = static_cast<int>(g.size());
    if (n < options.min_length || c < static_cast<std::uint64_t>(options.min_count)) continue;
    WordCandidate w;
    for (int ch : g) w.word += corpus.alphabet[ch];
    w.count = c;
    w.cohesion = std::numeric_limits<double>::infinity();
    for (int k = 1; k < n; ++k) {
      w.cohesion = std::min(w.cohesion, log_p(g) - log_p(Gram(g.begin(), g.begin() + k)) -
                                            log_p(Gram(g.begin() + k, g.end())));
    }
    w.association = log_p(g);
    for (int ch : g) w.association -= log_p(Gram{ch});
    w.left_entropy = Entropy(left[g], left_boundaries[g]);
    w.right_entropy = Entropy(right[g], right_boundaries[g]);
    const double entropy = std::min(w.left_entropy, w.right_entropy);
    w.score = std::log(static_cast<double>(c)) * w.association * entropy;
    if (w.cohesion < options.min_cohesion || entropy < options.min_entropy) continue;
    out[w.word] = w;
  }
  return out;
}

// Random text over five Han characters, with a bias towards 甲乙丙丁戊 in order so that long
// n-grams recur, cut into runs by every kind of non-Han text, invalid UTF-8 included.
Corpus RandomCorpus(unsigned seed) {
  Corpus corpus;
  corpus.alphabet = {"甲", "乙", "丙", "丁", "戊"};
  const std::vector<std::string> separators = {
      "，", "。", "a", "Z", "7", "１", "Ａ", " ", "\n", "·", "—", "\xff", "\xc0\x80", "\xe4\xb8"};
  std::mt19937 random(seed);
  for (int t = 0; t < 5; ++t) {
    std::string text;
    std::vector<int> run;
    int previous = 0;
    const int length = t == 3 ? 0 : 700 + 100 * t;  // text 3 is empty
    for (int i = 0; i < length; ++i) {
      if (random() % 6 == 0) {
        text += separators[random() % separators.size()];
        if (!run.empty()) corpus.runs.push_back(run);
        run.clear();
        continue;
      }
      const int c = random() % 2 == 0 ? (previous + 1) % 5 : static_cast<int>(random() % 5);
      text += corpus.alphabet[c];
      run.push_back(c);
      previous = c;
    }
    if (!run.empty()) corpus.runs.push_back(run);
    corpus.texts.push_back(text);
  }
  corpus.texts.push_back("no Han at all, 123 ,.;");
  return corpus;
}

// The vocabulary of VocabularyCorpus: made-up and real terms, no character in two of them.
const std::vector<std::string> kVocabulary = {
    "积分超市", "网格员", "红色物业", "书记项目", "双招双引", "乡村振兴", "基层治理",
    "党建",     "干部",   "群众",     "组织",     "服务",     "发展",     "推进",
    "全面",     "深化",   "改革",     "生态",     "文明",     "教育",     "医疗",
    "稳定",     "养老",   "创新",     "协调"};

// Four texts of `sentences` sentences each, of two to six words drawn at random from
// kVocabulary, between punctuation, Latin letters, digits and white space. `counts` receives the
// occurrences of each word.
std::vector<std::string> VocabularyCorpus(std::map<std::string, std::uint64_t>& counts,
                                          int sentences = 1000) {
  const std::vector<std::string> separators = {"，", "。", "、", "；", " ", "\n", "x", "42"};
  std::mt19937 random(20240611);
  std::vector<std::string> texts;
  for (int t = 0; t < 4; ++t) {
    std::string text;
    for (int sentence = 0; sentence < sentences; ++sentence) {
      const int words = 2 + static_cast<int>(random() % 5);
      for (int w = 0; w < words; ++w) {
        const std::string& word = kVocabulary[random() % kVocabulary.size()];
        text += word;
        ++counts[word];
      }
      text += separators[random() % separators.size()];
    }
    texts.push_back(text);
  }
  return texts;
}

TEST(DiscoverTest, MatchesReferenceImplementationExactly) {
  const Corpus corpus = RandomCorpus(7);
  for (int min_count : {1, 3, 20}) {
    for (auto [min_length, max_length] : {std::pair{2, 6}, std::pair{3, 3}, std::pair{2, 10}}) {
      DiscoverOptions options = KeepAll(min_count);
      options.min_length = min_length;
      options.max_length = max_length;
      const auto expected = Reference(corpus, options);
      const auto found = ByWord(DiscoverWords(corpus.texts, options));
      ASSERT_EQ(found.size(), expected.size()) << min_count << " " << min_length;
      ASSERT_FALSE(found.empty());
      for (const auto& [word, e] : expected) {
        ASSERT_EQ(found.count(word), 1u) << word;
        const WordCandidate& f = found.at(word);
        EXPECT_EQ(f.count, e.count) << word;
        EXPECT_NEAR(f.cohesion, e.cohesion, 1e-9) << word;
        EXPECT_NEAR(f.association, e.association, 1e-9) << word;
        // Entropies are summed in fixed point (2^-20 per neighbour).
        EXPECT_NEAR(f.left_entropy, e.left_entropy, 1e-6) << word;
        EXPECT_NEAR(f.right_entropy, e.right_entropy, 1e-6) << word;
        EXPECT_NEAR(f.score, e.score, 1e-4 * std::max(1.0, std::abs(e.score))) << word;
      }
    }
  }
}

TEST(DiscoverTest, ThresholdsSelectAsTheReferenceDoes) {
  const Corpus corpus = RandomCorpus(11);
  DiscoverOptions options;
  options.min_count = 3;
  options.min_cohesion = 0.2;
  options.min_entropy = 1.2;
  const auto all = Reference(corpus, KeepAll(3));
  const auto found = ByWord(DiscoverWords(corpus.texts, options));
  int kept = 0;
  for (const auto& [word, e] : all) {
    const double entropy = std::min(e.left_entropy, e.right_entropy);
    const double margin = std::min(std::abs(e.cohesion - options.min_cohesion),
                                   std::abs(entropy - options.min_entropy));
    if (margin < 1e-5) continue;  // too close to a threshold to say
    const bool passes = e.cohesion >= options.min_cohesion && entropy >= options.min_entropy;
    EXPECT_EQ(found.count(word), passes ? 1u : 0u) << word;
    kept += passes;
  }
  EXPECT_GT(kept, 0);
  EXPECT_LT(kept, static_cast<int>(all.size()));
}

TEST(DiscoverTest, FindsExactlyTheWordsOfARandomWordSequence) {
  std::map<std::string, std::uint64_t> counts;
  const std::vector<std::string> texts = VocabularyCorpus(counts);
  const std::vector<WordCandidate> found = DiscoverWords(texts);  // default options
  const auto by_word = ByWord(found);
  // Every word, with its exact count; no fragment of one (积分超, 分超市, 网格), and no pair of
  // words, though many pairs are frequent (发展改革 occurs about 25 times): their cohesion is low.
  EXPECT_EQ(by_word.size(), kVocabulary.size());
  for (const std::string& word : kVocabulary) {
    ASSERT_EQ(by_word.count(word), 1u) << word;
    EXPECT_EQ(by_word.at(word).count, counts.at(word)) << word;
    EXPECT_GT(by_word.at(word).cohesion, 3.5) << word;
    EXPECT_GT(std::min(by_word.at(word).left_entropy, by_word.at(word).right_entropy), 2.5);
  }
  // The frequent pair exists, and the reason it is left out is its cohesion.
  const auto all = ByWord(DiscoverWords(texts, KeepAll(5)));
  ASSERT_EQ(all.count("发展改革"), 1u);
  EXPECT_GE(all.at("发展改革").count, 5u);
  EXPECT_LT(all.at("发展改革").cohesion, 2.0);
  ASSERT_EQ(all.count("积分超"), 1u);
  EXPECT_LT(all.at("积分超").right_entropy, 1e-9);
  ASSERT_EQ(all.count("分超市"), 1u);
  EXPECT_LT(all.at("分超市").left_entropy, 1e-9);
  // Sorted by score, best first.
  for (std::size_t i = 1; i < found.size(); ++i) EXPECT_GE(found[i - 1].score, found[i].score);
}

TEST(DiscoverTest, SameResultForAnyNumberOfThreads) {
  // Large enough (some 250,000 characters) for DiscoverWords to use four threads.
  std::map<std::string, std::uint64_t> counts;
  const std::vector<std::string> texts = VocabularyCorpus(counts, 6000);
  DiscoverOptions options = KeepAll(2);
  options.n_threads = 1;
  const std::vector<WordCandidate> one = DiscoverWords(texts, options);
  ASSERT_FALSE(one.empty());
  for (int threads : {2, 3, 8}) {
    options.n_threads = threads;
    const std::vector<WordCandidate> many = DiscoverWords(texts, options);
    ASSERT_EQ(many.size(), one.size());
    for (std::size_t i = 0; i < one.size(); ++i) {
      EXPECT_EQ(many[i].word, one[i].word);
      EXPECT_EQ(many[i].count, one[i].count);
      EXPECT_EQ(many[i].left_entropy, one[i].left_entropy);
      EXPECT_EQ(many[i].right_entropy, one[i].right_entropy);
      EXPECT_EQ(many[i].score, one[i].score);
    }
  }
}

TEST(DiscoverTest, CountsOverlappingOccurrences) {
  const auto found = ByWord(DiscoverWords({"哈哈哈哈。哈哈"}, KeepAll(1)));
  EXPECT_EQ(found.at("哈哈").count, 4u);
  EXPECT_EQ(found.at("哈哈哈").count, 2u);
  EXPECT_EQ(found.at("哈哈哈哈").count, 1u);
  EXPECT_EQ(found.size(), 3u);
  // Left of 哈哈: a run start, 哈, 哈, a run start: two distinct starts and 哈 twice.
  EXPECT_NEAR(found.at("哈哈").left_entropy, 1.5 * std::log(2.0), 1e-6);
}

TEST(DiscoverTest, NgramsNeverCrossNonHanText) {
  // 甲乙 is separated from the next 甲乙 by every kind of non-Han text: 乙甲 never occurs.
  const std::string text =
      "甲乙，甲乙。甲乙a甲乙Z甲乙3甲乙１甲乙Ａ甲乙 甲乙\n甲乙\t甲乙\xff甲乙\xe4\xb8甲乙·甲乙"
      "“甲乙”《甲乙》（甲乙）甲乙\u3000甲乙…甲乙—甲乙";
  const std::vector<WordCandidate> found = DiscoverWords({text, "乙甲"}, KeepAll(1));
  const auto by_word = ByWord(found);
  ASSERT_EQ(by_word.size(), 2u);
  EXPECT_EQ(by_word.at("甲乙").count, 21u);
  EXPECT_EQ(by_word.at("乙甲").count, 1u);  // only from the second text
  // Each occurrence of 甲乙 stands alone: every neighbour is a distinct boundary.
  EXPECT_NEAR(by_word.at("甲乙").left_entropy, std::log(21.0), 1e-6);
  EXPECT_NEAR(by_word.at("甲乙").right_entropy, std::log(21.0), 1e-6);
}

TEST(DiscoverTest, LengthLimitsAreRespected) {
  const Corpus corpus = RandomCorpus(3);
  DiscoverOptions options = KeepAll(2);
  options.min_length = 3;
  options.max_length = 4;
  for (const WordCandidate& c : DiscoverWords(corpus.texts, options)) {
    const std::size_t characters = c.word.size() / 3;  // 3 bytes each
    EXPECT_TRUE(characters == 3 || characters == 4) << c.word;
  }
}

TEST(DiscoverTest, RejectsBadOptions) {
  const std::vector<std::string> texts = {"乡村振兴"};
  auto with = [](auto change) {
    DiscoverOptions options;
    change(options);
    return options;
  };
  EXPECT_THROW(DiscoverWords(texts, with([](auto& o) { o.min_count = 0; })), std::invalid_argument);
  EXPECT_THROW(DiscoverWords(texts, with([](auto& o) { o.min_count = -3; })),
               std::invalid_argument);
  EXPECT_THROW(DiscoverWords(texts, with([](auto& o) { o.min_length = 1; })),
               std::invalid_argument);
  EXPECT_THROW(DiscoverWords(texts, with([](auto& o) { o.max_length = 1; })),
               std::invalid_argument);
  EXPECT_THROW(DiscoverWords(texts, with([](auto& o) {
                               o.min_length = 5;
                               o.max_length = 4;
                             })),
               std::invalid_argument);
  EXPECT_THROW(DiscoverWords(texts, with([](auto& o) { o.max_length = 11; })),
               std::invalid_argument);
  EXPECT_THROW(DiscoverWords(texts, with([](auto& o) { o.n_threads = -1; })),
               std::invalid_argument);
  EXPECT_THROW(DiscoverWords(texts, with([](auto& o) { o.min_cohesion = std::nan(""); })),
               std::invalid_argument);
  EXPECT_THROW(DiscoverWords(texts, with([](auto& o) { o.min_entropy = std::nan(""); })),
               std::invalid_argument);
  // Bad options are rejected even when there is nothing to do.
  EXPECT_THROW(DiscoverWords({}, with([](auto& o) { o.min_count = 0; })), std::invalid_argument);
  // The limits themselves are fine.
  EXPECT_NO_THROW(DiscoverWords(texts, with([](auto& o) {
                                  o.min_count = 1;
                                  o.min_length = 2;
                                  o.max_length = 10;
                                })));
}

TEST(DiscoverTest, EmptyInputGivesEmptyResult) {
  EXPECT_TRUE(DiscoverWords({}).empty());
  EXPECT_TRUE(DiscoverWords({"", ""}, KeepAll(1)).empty());
  EXPECT_TRUE(DiscoverWords({"abc 123, ... ！？"}, KeepAll(1)).empty());
  EXPECT_TRUE(DiscoverWords({"乡"}, KeepAll(1)).empty());  // no n-gram of two characters
  EXPECT_TRUE(DiscoverWords({"乡村振兴"}).empty());        // below min_count
}

TEST(DiscoverTest, InvalidUtf8DoesNotCrash) {
  std::mt19937 random(5);
  std::vector<std::string> texts;
  for (int t = 0; t < 50; ++t) {
    std::string bytes;
    const int length = static_cast<int>(random() % 400);
    for (int i = 0; i < length; ++i) bytes.push_back(static_cast<char>(random() % 256));
    // Valid Han characters among the junk, and a sequence cut off at the end.
    if (t % 2 == 0) bytes += "乡村振兴\xff乡村振兴\xe4";
    texts.push_back(bytes);
  }
  const auto found = ByWord(DiscoverWords(texts, KeepAll(1)));
  ASSERT_EQ(found.count("乡村振兴"), 1u);
  EXPECT_GE(found.at("乡村振兴").count, 50u);
  EXPECT_EQ(found.count("兴乡"), 0u);  // the invalid byte between them is a break
}

TEST(DiscoverTest, FindsGovernmentTermsInTheSampleCorpus) {
  std::vector<std::string> texts;
  for (const char* name :
       {"anqing-zugong-2023-24.txt", "cpc-20th-congress-report.txt", "gov-work-report-2023.txt",
        "gov-work-report-2024.txt", "urban-residents-committees-law-2018.md",
        "village-committees-law-2018.md"}) {
    texts.push_back(testing::ReadFileBytes(testing::SampleData(name)));
  }
  DiscoverOptions options;
  options.min_count = 3;
  const std::vector<WordCandidate> found = DiscoverWords(texts, options);
  const auto by_word = ByWord(found);
  for (const char* term : {"乡村振兴", "高质量发展", "基层治理", "中国式现代化", "全面从严治党",
                           "村民委员会", "居民委员会", "党建引领"}) {
    EXPECT_EQ(by_word.count(term), 1u) << term;
  }
  // Fragments of those terms are not candidates.
  for (const char* fragment :
       {"乡村振", "村振兴", "质量发展", "高质量发", "村民委员", "民委员会"}) {
    EXPECT_EQ(by_word.count(fragment), 0u) << fragment;
  }
  // Terms of the domain rank high: 高质量发展 and 乡村振兴 among the first 20 of some 2000.
  auto rank = [&](const std::string& word) {
    return std::find_if(found.begin(), found.end(),
                        [&](const WordCandidate& c) { return c.word == word; }) -
           found.begin();
  };
  EXPECT_LT(rank("高质量发展"), 20);
  EXPECT_LT(rank("乡村振兴"), 20);
}

}  // namespace
}  // namespace gongwen
