#include "gongwen/segment.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "../../cpp/src/binary_io.h"
#include "../../cpp/src/dat.h"
#include "../../cpp/src/lexicon.h"
#include "../../cpp/src/segment_internal.h"
#include "../../cpp/src/text.h"
#include "gongwen/error.h"
#include "gongwen/stopwords.h"
#include "test_util.h"

namespace gongwen {
namespace {

using Strings = std::vector<std::string>;

const Segmenter& Default() {
  static const Segmenter segmenter;
  return segmenter;
}

// Checks that tokens cover `text` exactly, in order, without overlap.
void ExpectCover(const std::u32string& text, const std::vector<Token>& tokens) {
  std::size_t pos = 0;
  for (const Token& t : tokens) {
    ASSERT_EQ(t.start, pos);
    ASSERT_LT(t.start, t.end);
    pos = t.end;
  }
  EXPECT_EQ(pos, text.size());
}

TEST(SegmentTest, KeepsGovernmentVocabularyWhole) {
  const Strings words = Default().Cut(
      "坚持党建引领，推进乡村振兴和基层治理，实施书记项目，配强网格员，"
      "设立积分超市，打造红色物业，推动双招双引。");
  for (const std::string w : {"党建引领", "乡村振兴", "基层治理", "书记项目", "网格员", "积分超市",
                              "红色物业", "双招双引"}) {
    EXPECT_NE(std::find(words.begin(), words.end(), w), words.end()) << w;
  }
}

TEST(SegmentTest, NumbersDatesAndPercentagesStayWhole) {
  EXPECT_EQ(Default().Cut("2022年以来，发展43.9万亩，占31%，达1.31万项，共1,234人"),
            (Strings{"2022年", "以来", "，", "发展", "43.9万", "亩", "，", "占", "31%", "，", "达",
                     "1.31万", "项", "，", "共", "1,234", "人"}));
  EXPECT_EQ(Default().Cut("2023年8月31日8时"), (Strings{"2023年", "8月", "31日", "8时"}));
  EXPECT_EQ(Default().Cut("二〇二三年八月三十一日"), (Strings{"二〇二三年", "八月", "三十一日"}));
  EXPECT_EQ(Default().Cut("增长百分之八点五，三分之二"),
            (Strings{"增长", "百分之八点五", "，", "三分之二"}));
  // Full-width digits read as digits; the token keeps the text as written.
  EXPECT_EQ(Default().Cut("２０２２年"), Strings{"２０２２年"});
  // A duration is a number and a classifier: 10年, not a year.
  EXPECT_EQ(Default().Cut("10年"), (Strings{"10", "年"}));
}

TEST(SegmentTest, LatinWordsStayWhole) {
  EXPECT_EQ(Default().Cut("全区GDP增幅，5G网络，COVID-19疫情，Wi-Fi覆盖"),
            (Strings{"全区", "GDP", "增幅", "，", "5G", "网络", "，", "COVID-19", "疫情", "，",
                     "Wi-Fi", "覆盖"}));
  // A decimal point after letters belongs to the word; after digits alone, to the number.
  EXPECT_EQ(Default().Cut("PM2.5浓度下降3.5%，V1.2版本"),
            (Strings{"PM2.5", "浓度", "下降", "3.5%", "，", "V1.2", "版本"}));
}

TEST(SegmentTest, ALetterPrefixedToAWordIsPartOfIt) {
  EXPECT_EQ(Default().Cut("打造文都e家平台"), (Strings{"打造", "文", "都", "e家", "平台"}));
  EXPECT_EQ(Default().Cut("A股上涨"), (Strings{"A股", "上涨"}));
  EXPECT_EQ(Default().Cut("维生素C片"), (Strings{"维生素", "C", "片"}));
}

TEST(SegmentTest, KindsAndTags) {
  const std::u32string text = U"党建 2022年 GDP，";
  const std::vector<Token> tokens = Default().Tokenize(std::u32string_view(text));
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[0].kind, TokenKind::kWord);
  EXPECT_EQ(tokens[1].kind, TokenKind::kSpace);
  EXPECT_EQ(tokens[2].kind, TokenKind::kNumber);
  EXPECT_EQ(Default().TagName(tokens[2].tag), "m");
  EXPECT_EQ(tokens[4].kind, TokenKind::kLatin);
  EXPECT_EQ(Default().TagName(tokens[4].tag), "eng");
  EXPECT_EQ(tokens[5].kind, TokenKind::kPunct);
  EXPECT_EQ(TokenKindName(tokens[5].kind), "punct");
}

TEST(SegmentTest, TagNumbersOutsideTheLexiconAreBadArguments) {
  // Python's tag_name takes any int: a number past the tag table once read out of bounds.
  EXPECT_EQ(Default().TagName(0), "");
  EXPECT_THROW(Default().TagName(60000), std::invalid_argument);
  const Segmenter tiny = Segmenter::FromDictionaryText("党建 3 n\n", "words");
  EXPECT_EQ(tiny.TagName(tiny.Tokenize("党建")[0].tag), "n");
  EXPECT_THROW(tiny.TagName(5), std::invalid_argument);
}

TEST(SegmentTest, UnknownWordsAreNotShattered) {
  // Names no dictionary has: the hidden Markov model joins their characters.
  EXPECT_EQ(Default().Cut("袁曙宏指出"), (Strings{"袁曙宏", "指出"}));
  EXPECT_EQ(Default().Cut("金昭典访问"), (Strings{"金昭典", "访问"}));
  SegmenterOptions off;
  off.unknown_words = false;
  EXPECT_EQ(Segmenter(off).Cut("袁曙宏指出"), (Strings{"袁", "曙", "宏", "指出"}));
  // It does not swallow characters that are words on their own (是, 这).
  EXPECT_EQ(Default().Cut("这是一个问题").front(), "这");
}

TEST(SegmentTest, PunctuationRunsAndEmojiSequences) {
  EXPECT_EQ(Default().Cut("展望——未来……"), (Strings{"展望", "——", "未来", "……"}));
  const std::u32string text = U"好👍🏽👨‍👩‍👧🇨🇳";
  const std::vector<Token> tokens = Default().Tokenize(std::u32string_view(text));
  ExpectCover(text, tokens);
  EXPECT_EQ(tokens.size(), 4u);  // 好, thumbs up with skin tone, a family, a flag
}

TEST(SegmentTest, TokensCoverAnyInput) {
  std::mt19937 rng(3);
  std::u32string alphabet =
      U"党建引领乡村振兴的一是年月日0123456789.,%万亿abcXYZ-_ \t\n，。“”——…😀\U00020000\u0301"
      U"\u200d\ufe0f\0\x01\x7f\ufffd黨建";
  alphabet.push_back(0xD800);  // a lone surrogate, as a Python str may hold
  const SegmenterOptions simplified{true, true, 2.0};
  const Segmenter t2s(simplified);
  for (int round = 0; round < 500; ++round) {
    std::u32string text;
    const int length = static_cast<int>(rng() % 200);
    for (int i = 0; i < length; ++i) text.push_back(alphabet[rng() % alphabet.size()]);
    ExpectCover(text, Default().Tokenize(std::u32string_view(text)));
    ExpectCover(text, t2s.Tokenize(std::u32string_view(text)));
  }
}

TEST(SegmentTest, InvalidUtf8AndLongLines) {
  const std::string bad = "党建\xFF\xFE引领\xE4\xB8";
  const std::vector<Token> tokens = Default().Tokenize(std::string_view(bad));
  ExpectCover(text::Decode(bad), tokens);
  std::u32string long_line;
  for (int i = 0; i < 200000; ++i) long_line += U"党建引领基层治理";
  ExpectCover(long_line, Default().Tokenize(std::u32string_view(long_line)));
}

TEST(SegmentTest, TraditionalTextWithSimplifiedLexicon) {
  const SegmenterOptions options{true, true, 2.0};
  EXPECT_EQ(Segmenter(options).Cut("堅持黨建引領推進鄉村振興"),
            (Strings{"堅持", "黨建引領", "推進", "鄉村振興"}));
}

TEST(SegmentTest, AddAndDeleteWords) {
  Segmenter s;
  const Strings before = s.Cut("文都e家平台");
  EXPECT_EQ(std::find(before.begin(), before.end(), "文都e家"), before.end());
  s.AddWord("文都e家");
  EXPECT_EQ(s.Cut("文都e家平台"), (Strings{"文都e家", "平台"}));
  EXPECT_TRUE(s.WordFrequency("文都e家").has_value());
  EXPECT_TRUE(s.DelWord("文都e家"));
  EXPECT_EQ(s.Cut("文都e家平台"), before);
  EXPECT_TRUE(s.DelWord("党建引领"));
  EXPECT_FALSE(s.DelWord("党建引领"));
  EXPECT_EQ(s.Cut("党建引领"), (Strings{"党建", "引领"}));
  // The default segmenter is unchanged: copies share the lexicon until one changes it.
  EXPECT_EQ(Default().Cut("党建引领"), Strings{"党建引领"});
  EXPECT_THROW(s.AddWord(""), std::invalid_argument);
  EXPECT_THROW(s.AddWord("词", -1.0), std::invalid_argument);
}

TEST(SegmentTest, SuggestedFrequencyKeepsAWordWhole) {
  Segmenter s;
  const double freq = s.SuggestFrequency("新时代六尺巷工作法");
  EXPECT_GT(freq, 1.0);
  s.AddWord("新时代六尺巷工作法", freq);
  EXPECT_EQ(s.Cut("深化运用新时代六尺巷工作法"), (Strings{"深化", "运用", "新时代六尺巷工作法"}));
}

TEST(SegmentTest, UserDictionaryInJiebaFormat) {
  Segmenter s;
  EXPECT_EQ(s.LoadUserDictText("# comment\n文都e家 100 nz\n德邻社\n\n说事会 n\n", "user.txt"), 3u);
  EXPECT_EQ(*s.WordFrequency("文都e家"), 100.0);
  EXPECT_EQ(s.Cut("德邻社和说事会"), (Strings{"德邻社", "和", "说事会"}));
  try {
    s.LoadUserDictText("好词 10\n坏词 -5\n", "bad.txt");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.txt, line 2"), std::string::npos) << e.what();
  }
  EXPECT_THROW(s.LoadUserDictText("\xFF\xFE\n", "binary.txt"), Error);
  EXPECT_THROW(s.LoadUserDict("/nonexistent/user.txt"), FileError);
  try {
    s.LoadUserDict("/");
    FAIL() << "expected an error";
  } catch (const FileError& e) {
    EXPECT_EQ(e.error_number(), EISDIR);
  }
}

TEST(SegmentTest, DictionaryFromAWordList) {
  const Segmenter s = Segmenter::FromDictionaryText("党建\n引领\n基层\n治理\n基层治理\n", "words");
  EXPECT_EQ(s.Cut("党建引领基层治理"), (Strings{"党建", "引领", "基层治理"}));
  EXPECT_EQ(s.LexiconSize(), 5u);
}

TEST(SegmentTest, SavedSegmenterRoundTrips) {
  Segmenter s;
  s.AddWord("文都e家", 50.0, "nz");
  s.DelWord("党建引领");
  const std::string bytes = s.Serialize();
  const Segmenter back = Segmenter::Deserialize(bytes);
  EXPECT_EQ(back.Cut("文都e家党建引领"), s.Cut("文都e家党建引领"));
  EXPECT_EQ(*back.WordFrequency("文都e家"), 50.0);
  // A custom lexicon travels whole.
  const Segmenter custom = Segmenter::FromDictionaryText("党建\n引领\n", "words");
  EXPECT_EQ(Segmenter::Deserialize(custom.Serialize()).Cut("党建引领"), (Strings{"党建", "引领"}));
}

TEST(SegmentTest, DamagedSavedSegmenterIsAnError) {
  Segmenter s;
  s.AddWord("文都e家");
  const std::string bytes = s.Serialize();
  for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
    EXPECT_THROW(Segmenter::Deserialize(bytes.substr(0, cut)), Error) << cut;
  }
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    std::string flipped = bytes;
    flipped[i] ^= 0x10;
    EXPECT_THROW(Segmenter::Deserialize(flipped), Error) << i;
  }
}

TEST(SegmentTest, SavedLexiconWhoseTrieNamesMissingWordsIsAnError) {
  // Found by fuzz_load_vectorizer (the segmenter saved in a vectorizer; the input is kept in
  // tests/fuzz/regressions): the trie's values index the word tables, and a crafted image
  // (whose checksums its author can compute) held values past them, read out of bounds when
  // segmenting. The image of a two-word lexicon, its trie swapped for one of the same keys (so
  // of the same layout) with other values, and its checksum recomputed.
  const Lexicon lexicon =
      Lexicon::Build({{U"党建", 5.0, "n"}, {U"引领", 3.0, "v"}}, HmmModel{}, 1.0);
  const std::string image = lexicon.Serialize();
  const std::string trie = DoubleArrayTrie::Build({{U"党建", 0}, {U"引领", 1}}).Serialize();
  const std::size_t at = image.find(trie);
  ASSERT_NE(at, std::string::npos);
  EXPECT_NO_THROW(Lexicon::Deserialize(image, true));
  for (const std::uint32_t value : {2u, 0x80000000u, 0xFFFFFFFFu}) {
    std::string crafted = image;
    crafted.replace(at, trie.size(),
                    DoubleArrayTrie::Build({{U"党建", 0}, {U"引领", value}}).Serialize());
    const std::size_t body = crafted.size() - 8;
    const std::uint64_t sum = binary::Fnv1a64(std::string_view(crafted).substr(0, body));
    crafted.replace(body, 8, reinterpret_cast<const char*>(&sum), 8);
    EXPECT_THROW(Lexicon::Deserialize(crafted, true), Error) << value;
  }
}

TEST(SegmentTest, ManyTextsOnManyThreadsGiveTheSameTokens) {
  std::vector<std::u32string> texts;
  const std::string reference = testing::ReadFileBytes(testing::ReferencePath());
  for (int i = 0; i < 50; ++i) texts.push_back(text::Decode(reference.substr(i * 100, 4000)));
  const auto one = Default().TokenizeMany(texts, 1);
  for (int threads : {0, 2, 8}) {
    const auto many = Default().TokenizeMany(texts, threads);
    ASSERT_EQ(many.size(), one.size());
    for (std::size_t i = 0; i < one.size(); ++i) {
      ASSERT_EQ(many[i].size(), one[i].size());
      for (std::size_t k = 0; k < one[i].size(); ++k) EXPECT_EQ(many[i][k].end, one[i][k].end);
    }
  }
  EXPECT_THROW(Default().TokenizeMany(texts, -1), std::invalid_argument);
}

TEST(SegmentTest, FrequenciesAdaptToACorpus) {
  // A word list without frequencies: 研究生命 is ambiguous (研究生/命 or 研究/生命).
  Segmenter s = Segmenter::FromDictionaryText("研究\n研究生\n生命\n起源\n命\n", "words");
  const std::vector<std::u32string> corpus(20, U"研究生命起源");
  const std::size_t changed = s.AdaptFrequencies(corpus, 1.0);
  EXPECT_GT(changed, 0u);
  EXPECT_GT(*s.WordFrequency("研究"), 1.0);
  // The adapted frequencies survive saving.
  const Segmenter back = Segmenter::Deserialize(s.Serialize());
  EXPECT_EQ(*back.WordFrequency("研究"), *s.WordFrequency("研究"));
  // On the default lexicon, only the changes are saved, and they come back.
  Segmenter d;
  d.AdaptFrequencies({U"坚持党建引领推进基层治理"}, 2.0);
  const double adapted = *d.WordFrequency("基层治理");
  EXPECT_GT(adapted, *Default().WordFrequency("基层治理"));
  EXPECT_EQ(*Segmenter::Deserialize(d.Serialize()).WordFrequency("基层治理"), adapted);
  EXPECT_THROW(d.AdaptFrequencies(corpus, -1.0), std::invalid_argument);
}

TEST(SegmentTest, EvaluationFollowsTheBakeoff) {
  const Strings gold = {"共同  创造  美好  的  新  世纪", "女士  们  ，"};
  const Strings predicted = {"共同 创造 美好 的 新世纪", "女士们 ，"};
  const Strings vocabulary = {"共同", "创造", "美好", "的", "新", "世纪", "女士"};
  const SegmentationScores s = EvaluateSegmentation(gold, predicted, &vocabulary);
  EXPECT_EQ(s.gold_words, 9u);
  EXPECT_EQ(s.predicted_words, 7u);
  EXPECT_EQ(s.correct_words, 5u);
  EXPECT_NEAR(s.precision, 5.0 / 7, 1e-12);
  EXPECT_NEAR(s.recall, 5.0 / 9, 1e-12);
  EXPECT_NEAR(*s.oov_rate, 2.0 / 9, 1e-12);  // 们 and ，
  EXPECT_NEAR(*s.oov_recall, 0.5, 1e-12);    // ， found, 们 not
  EXPECT_THROW(EvaluateSegmentation({"a b"}, {"a c"}), std::invalid_argument);
  EXPECT_THROW(EvaluateSegmentation({"a"}, {}), std::invalid_argument);
}

TEST(SegmentTest, StopWords) {
  const Strings words = DefaultStopWords();
  EXPECT_GT(words.size(), 500u);
  EXPECT_NE(std::find(words.begin(), words.end(), "的"), words.end());
  EXPECT_EQ(ParseStopWords("# list\n的\n 了 \n\n", "list"), (Strings{"的", "了"}));
  EXPECT_THROW(ParseStopWords("的\n\xFF\n", "bad"), Error);
}

// Long documents are segmented a piece at a time (TermCounter::AddTexts); the pieces must give
// the tokens of the whole. Small pieces make many cuts: after spaces, line breaks, and sentence
// ends before Han characters, next to numbers, Latin words, dates and punctuation runs.
TEST(SegmentTest, PiecesSegmentAsTheWholeText) {
  std::vector<std::u32string> texts;
  for (const std::string name : {"anqing-zugong-2023-24.txt", "gov-work-report-2024.txt",
                                 "village-committees-law-2018.md"}) {
    texts.push_back(text::Decode(testing::ReadFileBytes(testing::SampleData(name))));
  }
  texts.push_back(
      U"2023年8月31日，GDP增长5.2%。。第3.5条；PM2.5！ 党建引领？\n\n  iPhone 15 发布。一是……二是——"
      U"乡村振兴。\u3000\u0301党建。增长5，党建1,000，万元3、二是10：30：会议第１，二条。");
  for (const Segmenter& segmenter : {Default(), Segmenter(SegmenterOptions{true, true, 1.0})}) {
    for (const std::u32string& text : texts) {
      const std::vector<Token> whole = segmenter.Tokenize(std::u32string_view(text));
      for (const std::size_t size : {1, 7, 100, 5000}) {
        SCOPED_TRACE(size);
        std::vector<Token> pieced;
        std::size_t start = 0;
        const std::vector<std::size_t> ends = PieceEnds(text, size);
        ASSERT_FALSE(ends.empty());
        EXPECT_EQ(ends.back(), text.size());
        for (const std::size_t end : ends) {
          EXPECT_GE(end - start, std::min(size, text.size() - start));
          for (Token t : segmenter.Tokenize(std::u32string_view(text).substr(start, end - start))) {
            t.start += start;
            t.end += start;
            pieced.push_back(t);
          }
          start = end;
        }
        ASSERT_EQ(pieced.size(), whole.size());
        for (std::size_t i = 0; i < whole.size(); ++i) {
          ASSERT_EQ(pieced[i].start, whole[i].start) << i;
          ASSERT_EQ(pieced[i].end, whole[i].end) << i;
          ASSERT_EQ(pieced[i].kind, whole[i].kind) << i;
          ASSERT_EQ(pieced[i].tag, whole[i].tag) << i;
        }
        if (size == 7) EXPECT_GT(ends.size(), text.size() / 200) << "too few cuts to test";
      }
    }
  }
  EXPECT_TRUE(PieceEnds(U"", 10).empty());
  EXPECT_EQ(PieceEnds(U"党建引领乡村振兴", 2), std::vector<std::size_t>{8});  // no place to cut
}

}  // namespace
}  // namespace gongwen
