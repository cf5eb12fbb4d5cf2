#include "gongwen/reuse.h"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "../../cpp/src/normalize.h"
#include "../../cpp/src/reuse_internal.h"
#include "../../cpp/src/text.h"

namespace gongwen {
namespace {

using reuse::Alignment;
using reuse::NormalizedText;
using reuse::Seed;
using reuse::ShingleIndex;

std::u32string U(std::string_view utf8) { return text::Decode(utf8); }

// A passage of 60 Han characters, and unrelated text to put around it.
const std::string kPassage =
    "坚持党建引领基层治理，推动组织资源向网格下沉，把党支部建在网格上，让党员在网格中亮身份、"
    "作表率，切实打通服务群众最后一公里";
const std::string kBefore = "今年以来，我市深入开展调查研究，围绕重点任务细化工作举措。";
const std::string kAfter = "下一步，将持续总结经验做法，形成一批可复制可推广的制度成果。";
const std::string kOther = "春节期间各地文化活动丰富多彩，群众游园赏灯，气氛热烈祥和。";

TEST(ReuseNormalizeTest, DropsPunctuationAndSpaceAndKeepsOffsets) {
  const CharNormalizer normalizer(false);
  const std::u32string text = U("第１条，ＧＤＰ 增长\n５%。");
  const NormalizedText n = reuse::Normalize(text, normalizer);
  EXPECT_EQ(n.chars, U"第1条gdp增长5");
  ASSERT_EQ(n.offsets.size(), n.chars.size());
  EXPECT_EQ(n.offsets, (std::vector<std::uint32_t>{0, 1, 2, 4, 5, 6, 8, 9, 11}));
  // Each kept character comes from the original character at its offset.
  for (std::size_t i = 0; i < n.chars.size(); ++i) {
    EXPECT_EQ(normalizer(text[n.offsets[i]]), n.chars[i]) << i;
  }
}

TEST(ReuseNormalizeTest, ConvertsTraditionalOnRequest) {
  const std::u32string traditional = U("黨建引領，基層治理");
  EXPECT_EQ(reuse::Normalize(traditional, CharNormalizer(true)).chars, U"党建引领基层治理");
  EXPECT_EQ(reuse::Normalize(traditional, CharNormalizer(false)).chars, U"黨建引領基層治理");
  EXPECT_TRUE(reuse::Normalize(U"，。 \n！", CharNormalizer(false)).chars.empty());
}

TEST(ReuseShingleTest, EqualShinglesHashEqual) {
  const std::vector<std::uint64_t> h = reuse::ShingleHashes(U"甲乙丙丁甲乙丙丁戊", 4);
  ASSERT_EQ(h.size(), 6u);
  EXPECT_EQ(h[0], h[4]);  // 甲乙丙丁 twice
  EXPECT_NE(h[0], h[1]);
  EXPECT_NE(h[1], h[5]);  // 乙丙丁甲 and 乙丙丁戊
  EXPECT_TRUE(reuse::ShingleHashes(U"甲乙丙", 4).empty());
  EXPECT_EQ(reuse::ShingleHashes(U"甲乙丙丁", 4).size(), 1u);
}

std::vector<NormalizedText> NormalizeAll(const std::vector<std::string>& texts) {
  std::vector<NormalizedText> out;
  for (const std::string& t : texts) out.push_back(reuse::Normalize(U(t), CharNormalizer(false)));
  return out;
}

TEST(ReuseIndexTest, SeedsPairEachDocumentWithLaterOnesOnly) {
  // Documents 0 and 2 share 甲乙丙丁戊 (two 4-grams); document 1 shares nothing.
  const auto docs = NormalizeAll({"子丑甲乙丙丁戊寅", "天地玄黄宇宙洪荒", "甲乙丙丁戊，日月"});
  for (int threads : {1, 3}) {
    const ShingleIndex index(docs, 4, 100, threads);
    EXPECT_EQ(index.shingles(), 2u);
    EXPECT_EQ(index.occurrences(), 4u);
    std::vector<Seed> seeds;
    index.SeedsOf(0, seeds);
    EXPECT_EQ(seeds, (std::vector<Seed>{{0, 2, 2, 0}, {0, 2, 3, 1}}));
    index.SeedsOf(1, seeds);
    EXPECT_TRUE(seeds.empty());
    index.SeedsOf(2, seeds);
    EXPECT_TRUE(seeds.empty());  // its pair with 0 was seeded from document 0
  }
}

TEST(ReuseIndexTest, ShinglesInTooManyDocumentsAreDropped) {
  // 甲乙丙丁 is in all four documents, 子丑寅卯 in two of them.
  const auto docs =
      NormalizeAll({"甲乙丙丁一", "甲乙丙丁二子丑寅卯", "甲乙丙丁三子丑寅卯", "甲乙丙丁四"});
  const ShingleIndex all(docs, 4, 4, 2);
  EXPECT_EQ(all.shingles(), 2u);
  const ShingleIndex rare(docs, 4, 3, 2);
  EXPECT_EQ(rare.shingles(), 1u);
  std::vector<Seed> seeds;
  rare.SeedsOf(1, seeds);
  EXPECT_EQ(seeds, (std::vector<Seed>{{1, 2, 5, 5}}));
  rare.SeedsOf(0, seeds);
  EXPECT_TRUE(seeds.empty());
}

TEST(ReuseAlignTest, ExtendsThroughEditsToTheEndsOfTheCopy) {
  // b holds a's middle (20 characters) with one character replaced and two inserted.
  const std::u32string a =
      U"子丑寅卯辰巳午未申酉"
      U"一二三四五六七八九十百千万亿兆京垓秭穰沟"
      U"天地玄黄宇宙洪荒日月";
  const std::u32string b =
      U"春夏秋冬东南西北"
      U"一二三四五六七八久十百千万甲乙亿兆京垓秭穰沟"
      U"金木水火土";
  // Seed: 一二三四 at a[10], b[8].
  const Alignment al = reuse::ExtendSeed(a, b, 10, 8);
  EXPECT_EQ(al.start_a, 10u);
  EXPECT_EQ(al.end_a, 30u);
  EXPECT_EQ(al.start_b, 8u);
  EXPECT_EQ(al.end_b, 30u);
  EXPECT_EQ(al.matches, 19u);  // 20 less the replaced 九
  EXPECT_EQ(al.columns, 22u);  // and the 2 inserted characters
  // Seeded in the middle, the same alignment.
  const Alignment mid = reuse::ExtendSeed(a, b, 24, 24);
  EXPECT_EQ(mid.start_a, al.start_a);
  EXPECT_EQ(mid.end_a, al.end_a);
  EXPECT_EQ(mid.start_b, al.start_b);
  EXPECT_EQ(mid.end_b, al.end_b);
  EXPECT_EQ(mid.score, al.score);
}

TEST(ReuseAlignTest, StopsWhereTheTextsPartForGood) {
  const std::u32string a =
      U"一二三四五六七八九十"
      U"子丑寅卯辰巳午未申酉戌亥";
  const std::u32string b =
      U"一二三四五六七八九十"
      U"天地玄黄宇宙洪荒日月盈昃";
  const Alignment al = reuse::ExtendSeed(a, b, 0, 0);
  EXPECT_EQ(al.start_a, 0u);
  EXPECT_EQ(al.end_a, 10u);
  EXPECT_EQ(al.end_b, 10u);
  EXPECT_EQ(al.matches, 10u);
  EXPECT_EQ(al.columns, 10u);
  EXPECT_EQ(al.score, 10);
}

TEST(FindReuseTest, FindsAPassageWithOtherPunctuationAndLineBreaks) {
  std::string edited = kPassage;
  // Commas become semicolons and a line break, the 、 goes.
  const auto replace = [&](const std::string& from, const std::string& to) {
    edited.replace(edited.find(from), from.size(), to);
  };
  replace("，推动", "；推动");
  replace("，把", "\n把");
  replace("、", "");
  const std::vector<std::string> utf8 = {kBefore + kPassage + kAfter, kOther,
                                         kOther + edited + kBefore.substr(0, 12)};
  std::vector<std::u32string> texts;
  for (const std::string& t : utf8) texts.push_back(U(t));
  const std::vector<ReusedPassage> found = FindReuse(texts);
  ASSERT_EQ(found.size(), 1u);
  const ReusedPassage& p = found[0];
  EXPECT_EQ(p.doc_a, 0u);
  EXPECT_EQ(p.doc_b, 2u);
  EXPECT_EQ(texts[0].substr(p.start_a, p.end_a - p.start_a), U(kPassage));
  EXPECT_EQ(texts[2].substr(p.start_b, p.end_b - p.start_b), U(edited));
  EXPECT_EQ(p.chars, 56u);  // the Han characters of the passage
  EXPECT_EQ(p.aligned, 56u);
  EXPECT_DOUBLE_EQ(p.similarity, 1.0);
  // The UTF-8 entry point gives the same, in code points.
  std::vector<std::string_view> views(utf8.begin(), utf8.end());
  const std::vector<ReusedPassage> again = FindReuse(views);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].start_b, p.start_b);
  EXPECT_EQ(again[0].end_b, p.end_b);
}

TEST(FindReuseTest, IdenticalDocumentsShareTheirWholeText) {
  const std::u32string text = U("“" + kPassage + "。”");
  const std::vector<std::u32string> texts = {text, U(kOther), text};
  const std::vector<ReusedPassage> found = FindReuse(texts, {.n_threads = 2});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].doc_a, 0u);
  EXPECT_EQ(found[0].doc_b, 2u);
  EXPECT_EQ(found[0].start_a, 0u);
  EXPECT_EQ(found[0].end_a, text.size());
  EXPECT_EQ(found[0].start_b, 0u);
  EXPECT_EQ(found[0].end_b, text.size());
}

TEST(FindReuseTest, ShortOrDissimilarPassagesAreLeftOut) {
  const std::vector<std::u32string> texts = {U(kBefore + kPassage), U(kPassage + kAfter)};
  EXPECT_EQ(FindReuse(texts, {.min_chars = 56}).size(), 1u);
  EXPECT_TRUE(FindReuse(texts, {.min_chars = 57}).empty());
  EXPECT_TRUE(FindReuse({U(kBefore), U(kAfter), U(kOther)}).empty());
  EXPECT_TRUE(FindReuse(std::vector<std::u32string>{}).empty());
  EXPECT_TRUE(FindReuse({U(kPassage)}).empty());
  EXPECT_TRUE(FindReuse({U(""), U("")}).empty());
}

TEST(FindReuseTest, ReusedInSeveralPlacesIsReportedForEach) {
  // Document 1 holds the passage twice: two passages for the pair.
  const std::vector<std::u32string> texts = {U(kBefore + kPassage),
                                             U(kPassage + kAfter + kOther + kPassage)};
  const std::vector<ReusedPassage> found = FindReuse(texts);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].start_a, found[1].start_a);
  EXPECT_EQ(found[0].start_b, 0u);
  EXPECT_NE(found[1].start_b, 0u);
}

TEST(FindReuseTest, TraditionalMatchesSimplifiedWhenAsked) {
  const std::vector<std::u32string> texts = {
      U("堅持黨建引領基層治理，推動組織資源向網格下沉，把黨支部建在網格上，讓黨員在網格中亮身份"),
      U("坚持党建引领基层治理，推动组织资源向网格下沉，把党支部建在网格上，让党员在网格中亮身份")};
  EXPECT_TRUE(FindReuse(texts).empty());
  const std::vector<ReusedPassage> found = FindReuse(texts, {.to_simplified = true});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].end_a, texts[0].size());
  EXPECT_DOUBLE_EQ(found[0].similarity, 1.0);
}

TEST(FindReuseTest, ADocumentIsNeverPairedWithItself) {
  // One document holding the passage twice: reuse within a document is not reported.
  EXPECT_TRUE(FindReuse({U(kPassage + kOther + kPassage)}).empty());
  // Identical documents too short for a passage, or with nothing but punctuation.
  EXPECT_TRUE(FindReuse({U(kBefore), U(kBefore)}, {.min_chars = 30}).empty());
  EXPECT_TRUE(FindReuse({U("，。、“”\n  "), U("，。、“”\n  ")}).empty());
}

TEST(FindReuseTest, Utf8OffsetsAreCodePoints) {
  // Astral characters (4 bytes), an invalid byte (one U+FFFD) and ASCII before the passage.
  const std::string prefix_a =
      "\xF0\xA0\x80\x80\xFF"
      "ab：";
  const std::string prefix_b = "\xF0\x9F\x98\x80\xF0\x9F\x98\x80 ";
  const std::vector<std::string> utf8 = {prefix_a + kPassage + "。", prefix_b + kPassage};
  const std::vector<std::string_view> views(utf8.begin(), utf8.end());
  const std::vector<ReusedPassage> found = FindReuse(views);
  ASSERT_EQ(found.size(), 1u);
  const std::size_t length = U(kPassage).size();
  EXPECT_EQ(found[0].start_a, 5u);  // 𠀀, U+FFFD, a, b, ：
  EXPECT_EQ(found[0].end_a, 5u + length);
  EXPECT_EQ(found[0].start_b, 3u);  // 😀😀 and a space
  EXPECT_EQ(found[0].end_b, 3u + length);
}

// Random documents with passages copied between them, edited on the way: every passage reported
// lies within its texts, slices back to characters that are identical in both after
// normalisation at its ends, and the results do not depend on the number of threads.
TEST(FindReuseTest, SpansSliceBackOnRandomEditedCopies) {
  std::mt19937 rng(11);
  auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
  };
  const std::u32string alphabet =
      U("党建引领基层治理推动组织资源向网格下沉把支部建在上让员中亮身份作表率切实打通服务群众最后一"
        "公里ABC123");
  const std::u32string punct = U("，。；、：\n “”《》");
  auto random_text = [&](std::size_t n) {
    std::u32string t;
    for (std::size_t i = 0; i < n; ++i) {
      t += pick(6) == 0 ? punct[pick(punct.size())] : alphabet[pick(alphabet.size())];
    }
    return t;
  };
  std::vector<std::u32string> texts;
  for (int d = 0; d < 40; ++d) texts.push_back(random_text(80 + pick(200)));
  for (int k = 0; k < 30; ++k) {
    const std::size_t from = pick(texts.size()), to = pick(texts.size());
    const std::u32string& source = texts[from];
    const std::size_t length = std::min<std::size_t>(source.size(), 40 + pick(60));
    std::u32string copy = source.substr(pick(source.size() - length + 1), length);
    for (int e = 0; e < 2; ++e) {
      const std::size_t at = pick(copy.size());
      switch (pick(3)) {
        case 0:
          copy[at] = alphabet[pick(alphabet.size())];
          break;
        case 1:
          copy.insert(at, 1, punct[pick(punct.size())]);
          break;
        default:
          copy.erase(at, 1);
      }
    }
    texts[to].insert(pick(texts[to].size() + 1), copy);
  }
  const CharNormalizer normalizer(false);
  const std::vector<ReusedPassage> found = FindReuse(texts, {.n_threads = 1});
  ASSERT_FALSE(found.empty());
  for (const ReusedPassage& p : found) {
    ASSERT_LT(p.doc_a, p.doc_b);
    ASSERT_LT(p.start_a, p.end_a);
    ASSERT_LE(p.end_a, texts[p.doc_a].size());
    ASSERT_LT(p.start_b, p.end_b);
    ASSERT_LE(p.end_b, texts[p.doc_b].size());
    EXPECT_GE(p.chars, 30u);
    EXPECT_GE(p.similarity, 0.8);
    EXPECT_LE(p.chars, p.aligned);
    // The normalised passages hold at least `chars` characters each.
    const auto a = reuse::Normalize(
        std::u32string_view(texts[p.doc_a]).substr(p.start_a, p.end_a - p.start_a), normalizer);
    const auto b = reuse::Normalize(
        std::u32string_view(texts[p.doc_b]).substr(p.start_b, p.end_b - p.start_b), normalizer);
    EXPECT_GE(a.chars.size(), p.chars);
    EXPECT_GE(b.chars.size(), p.chars);
    // A passage's first and last letters match (an alignment starts and ends with a match).
    ASSERT_FALSE(a.chars.empty());
    ASSERT_FALSE(b.chars.empty());
    EXPECT_EQ(a.chars.front(), b.chars.front());
    EXPECT_EQ(a.chars.back(), b.chars.back());
  }
  const std::vector<ReusedPassage> two = FindReuse(texts, {.n_threads = 2});
  ASSERT_EQ(two.size(), found.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    EXPECT_EQ(two[i].doc_a, found[i].doc_a);
    EXPECT_EQ(two[i].doc_b, found[i].doc_b);
    EXPECT_EQ(two[i].start_a, found[i].start_a);
    EXPECT_EQ(two[i].end_b, found[i].end_b);
    EXPECT_EQ(two[i].chars, found[i].chars);
  }
}

TEST(FindReuseTest, RejectsBadOptions) {
  const std::vector<std::u32string> texts = {U(kPassage)};
  EXPECT_THROW(FindReuse(texts, {.min_chars = 0}), std::invalid_argument);
  EXPECT_THROW(FindReuse(texts, {.ngram = 2}), std::invalid_argument);
  EXPECT_THROW(FindReuse(texts, {.max_df = 1}), std::invalid_argument);
  EXPECT_THROW(FindReuse(texts, {.min_similarity = 1.5}), std::invalid_argument);
  EXPECT_THROW(FindReuse(texts, {.min_similarity = -0.1}), std::invalid_argument);
  EXPECT_THROW(FindReuse(texts, {.n_threads = -1}), std::invalid_argument);
}

}  // namespace
}  // namespace gongwen
