// Keywords: the heaviest terms of each row that are words, not stop words, numbers or symbols.
#include <algorithm>

#include "analyze.h"
#include "gongwen/segment.h"
#include "gongwen/vectorize.h"
#include "parallel.h"

namespace gongwen {

namespace {

// Whether `word` segments into words and Latin words only.
bool IsWordlike(std::string_view word, const Segmenter& segmenter) {
  if (word.empty()) return false;
  for (const Token& token : segmenter.Tokenize(word)) {
    if (token.kind != TokenKind::kWord && token.kind != TokenKind::kLatin) return false;
  }
  return true;
}

}  // namespace

std::vector<std::uint8_t> KeywordEligible(const std::vector<std::string>& terms,
                                          const std::vector<std::string>& stop_words,
                                          const Segmenter& segmenter) {
  const StringSet stop(stop_words.begin(), stop_words.end());
  std::vector<std::uint8_t> eligible;
  eligible.reserve(terms.size());
  for (const std::string& term : terms) {
    parallel::CheckInterruptEvery(eligible.size(), 10);
    bool ok = true;
    std::string_view rest = term;
    while (ok) {
      const std::size_t space = rest.find(' ');
      const std::string_view word = rest.substr(0, space);
      ok = !stop.count(word) && IsWordlike(word, segmenter);
      if (space == std::string_view::npos) break;
      rest.remove_prefix(space + 1);
    }
    eligible.push_back(ok);
  }
  return eligible;
}

template <typename Scalar>
std::vector<std::vector<TermWeight>> TopTerms(const DocumentTermView<Scalar>& matrix,
                                              const std::vector<std::uint8_t>& eligible,
                                              std::size_t top_n) {
  if (!eligible.empty() && eligible.size() != static_cast<std::size_t>(matrix.cols())) {
    throw std::invalid_argument("one eligibility flag per column is needed");
  }
  const auto heavier = [](const TermWeight& a, const TermWeight& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.column < b.column;
  };
  std::vector<std::vector<TermWeight>> out(static_cast<std::size_t>(matrix.rows()));
  std::vector<TermWeight> row;
  for (Eigen::Index r = 0; r < matrix.rows(); ++r) {
    parallel::CheckInterruptEvery(static_cast<std::uint64_t>(r), 8);
    row.clear();
    for (typename DocumentTermView<Scalar>::InnerIterator it(matrix, r); it; ++it) {
      const auto column = static_cast<std::int32_t>(it.col());
      if (!(it.value() > 0) || (!eligible.empty() && !eligible[column])) continue;
      row.push_back({column, static_cast<double>(it.value())});
    }
    const std::size_t n = std::min(top_n, row.size());
    std::partial_sort(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(n), row.end(),
                      heavier);
    out[static_cast<std::size_t>(r)].assign(row.begin(),
                                            row.begin() + static_cast<std::ptrdiff_t>(n));
  }
  return out;
}

template std::vector<std::vector<TermWeight>> TopTerms<float>(const DocumentTermView<float>&,
                                                              const std::vector<std::uint8_t>&,
                                                              std::size_t);
template std::vector<std::vector<TermWeight>> TopTerms<double>(const DocumentTermView<double>&,
                                                               const std::vector<std::uint8_t>&,
                                                               std::size_t);

}  // namespace gongwen
