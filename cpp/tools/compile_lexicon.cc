// Builds the default lexicon image at build time (see cpp/CMakeLists.txt):
//
//   gongwen_compile_lexicon OUT DICT HMM GOVWORDS
//
// DICT is jieba's dictionary (word, frequency, tag per line), HMM its unknown-word model
// (data/lexicon/jieba-hmm.tsv), GOVWORDS the vocabulary of government documents. Two changes to
// jieba's list:
//  - numeral-classifier phrases (一次, 两个, 第一个, 几年, 一九九八年; jieba tags them "m") are
//    dropped, except the lexicalised 一个, 一些, 一点: they are compositional, and the segmenter
//    reads numbers and dates itself, so they come out as a numeral and a classifier;
//  - each government word without a frequency gets the lowest one at which the segmenter keeps it
//    whole (Segmenter::SuggestFrequency), computed against jieba's list.
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "lexicon.h"
#include "segment_internal.h"
#include "text.h"

namespace gongwen {
namespace {

std::string ReadFile(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(std::string("cannot read ") + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

bool IsNumeralChar(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十百千万亿零〇○两几多数每某这那哪第半").find(c) !=
         std::u32string_view::npos;
}

bool IsClassifier(char32_t c) {
  return std::u32string_view(
             U"个位次种条年天项批名件张岁家元倍台米只户间例幅份届场起段句点片所座辆架艘本篇首"
             U"部支队群类级层套双对些月日号时分秒周期回遍趟顿声步")
             .find(c) != std::u32string_view::npos;
}

// 一次, 两个, 第一个, 几年, 一九九八年: numerals (and 第/这/每...) followed by a classifier.
bool IsNumeralPhrase(const WordListEntry& entry) {
  const std::u32string& w = entry.word;
  if (entry.tag != "m" || w.size() < 2 || !IsClassifier(w.back())) return false;
  if (w == U"一个" || w == U"一些" || w == U"一点") return false;
  for (std::size_t i = 0; i + 1 < w.size(); ++i) {
    if (!IsNumeralChar(w[i])) return false;
  }
  return true;
}

int Run(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: gongwen_compile_lexicon OUT DICT HMM GOVWORDS\n";
    return 2;
  }
  std::vector<WordListEntry> words = ParseWordList(ReadFile(argv[2]), argv[2]);
  const std::size_t before = words.size();
  std::erase_if(words, IsNumeralPhrase);
  HmmModel hmm = HmmModel::Parse(ReadFile(argv[3]), argv[3]);

  // Government words: frequencies suggested against jieba's list.
  const Segmenter base = MakeSegmenter(std::make_shared<Lexicon>(Lexicon::Build(words)), false, {});
  std::vector<WordListEntry> government = ParseWordList(ReadFile(argv[4]), argv[4]);
  for (WordListEntry& entry : government) {
    if (!entry.freq) entry.freq = base.SuggestFrequency(text::Encode(entry.word));
  }
  words.insert(words.end(), government.begin(), government.end());

  const Lexicon lexicon = Lexicon::Build(words, std::move(hmm));
  const std::string image = lexicon.Serialize();
  std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
  out.write(image.data(), static_cast<std::streamsize>(image.size()));
  if (!out) throw std::runtime_error(std::string("cannot write ") + argv[1]);
  std::cout << "gongwen lexicon: " << lexicon.size() << " words ("
            << before - (words.size() - government.size()) << " numeral phrases dropped, "
            << government.size() << " government words), " << image.size() << " bytes\n";
  return 0;
}

}  // namespace
}  // namespace gongwen

int main(int argc, char** argv) {
  try {
    return gongwen::Run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "gongwen_compile_lexicon: " << e.what() << "\n";
    return 1;
  }
}
