// Scoring a segmentation against a gold standard, as the SIGHAN bakeoff's scorer does: words are
// compared as character spans, so a predicted word counts when a gold word starts and ends at
// the same characters.
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "gongwen/segment.h"
#include "parallel.h"
#include "text.h"

namespace gongwen {

namespace {

// The words of a line split at white space, as code-point strings.
std::vector<std::u32string> Words(std::string_view line) {
  std::vector<std::u32string> words;
  std::u32string current;
  std::size_t i = 0;
  for (char32_t c : text::Decode(line)) {
    parallel::CheckInterruptEvery(++i, 16);
    if (text::IsSpace(c)) {
      if (!current.empty()) words.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

std::u32string Joined(const std::vector<std::u32string>& words) {
  std::u32string s;
  for (const std::u32string& w : words) s += w;
  return s;
}

std::set<std::pair<std::size_t, std::size_t>> Spans(const std::vector<std::u32string>& words) {
  std::set<std::pair<std::size_t, std::size_t>> spans;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    parallel::CheckInterruptEvery(i, 12);
    const std::u32string& w = words[i];
    spans.emplace(pos, pos + w.size());
    pos += w.size();
  }
  return spans;
}

double Ratio(std::size_t a, std::size_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; }

}  // namespace

SegmentationScores EvaluateSegmentation(const std::vector<std::string>& gold,
                                        const std::vector<std::string>& predicted,
                                        const std::vector<std::string>* vocabulary) {
  if (gold.size() != predicted.size()) {
    throw std::invalid_argument("gold has " + std::to_string(gold.size()) +
                                " lines, the prediction " + std::to_string(predicted.size()));
  }
  std::unordered_set<std::u32string> known;
  if (vocabulary) {
    for (std::size_t i = 0; i < vocabulary->size(); ++i) {
      parallel::CheckInterruptEvery(i, 12);
      known.insert(text::Decode((*vocabulary)[i]));
    }
  }
  SegmentationScores scores;
  std::size_t oov = 0, oov_found = 0, iv_found = 0;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    const std::vector<std::u32string> gold_words = Words(gold[i]);
    const std::vector<std::u32string> predicted_words = Words(predicted[i]);
    if (Joined(gold_words) != Joined(predicted_words)) {
      throw std::invalid_argument("line " + std::to_string(i + 1) +
                                  ": the prediction's characters differ from the gold's");
    }
    const auto predicted_spans = Spans(predicted_words);
    std::size_t pos = 0;
    for (std::size_t k = 0; k < gold_words.size(); ++k) {
      parallel::CheckInterruptEvery(k, 12);
      const std::u32string& word = gold_words[k];
      const bool found = predicted_spans.count({pos, pos + word.size()}) > 0;
      scores.correct_words += found;
      if (vocabulary) {
        const bool is_oov = !known.count(word);
        oov += is_oov;
        (is_oov ? oov_found : iv_found) += found;
      }
      pos += word.size();
    }
    scores.gold_words += gold_words.size();
    scores.predicted_words += predicted_words.size();
  }
  scores.precision = Ratio(scores.correct_words, scores.predicted_words);
  scores.recall = Ratio(scores.correct_words, scores.gold_words);
  const double sum = scores.precision + scores.recall;
  scores.f1 = sum > 0 ? 2 * scores.precision * scores.recall / sum : 0.0;
  if (vocabulary) {
    scores.oov_rate = Ratio(oov, scores.gold_words);
    scores.oov_recall = Ratio(oov_found, oov);
    scores.iv_recall = Ratio(iv_found, scores.gold_words - oov);
  }
  return scores;
}

}  // namespace gongwen
