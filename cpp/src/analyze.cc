#include "analyze.h"

#include <unicode/ucasemap.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <limits>
#include <stdexcept>

#include "gongwen/error.h"
#include "text.h"

namespace gongwen {

namespace {

// Whether any character of `word` (UTF-8) changes when lowercased; ASCII needs no ICU call.
bool HasUppercase(std::string_view word, bool& ascii) {
  ascii = true;
  for (unsigned char byte : word) {
    if (byte >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    for (unsigned char byte : word) {
      if (byte >= 'A' && byte <= 'Z') return true;
    }
    return false;
  }
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(word.data());
  const auto length = static_cast<std::int32_t>(word.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_LOWERCASED)) return true;
  }
  return false;
}

}  // namespace

Analyzer::Analyzer(const AnalyzerOptions& options)
    : min_n_(options.ngram_min),
      max_n_(options.ngram_max),
      lowercase_(options.lowercase),
      stop_words_(options.stop_words.begin(), options.stop_words.end()) {
  if (min_n_ < 1 || max_n_ < min_n_) {
    throw std::invalid_argument("ngram_range must be (min_n, max_n) with 1 <= min_n <= max_n");
  }
  if (lowercase_) {
    UErrorCode status = U_ZERO_ERROR;
    // The root locale: Python's str.lower is the same everywhere (no Turkish dotless i).
    case_map_ = ucasemap_open("", 0, &status);
    if (U_FAILURE(status)) throw Error(std::string("ICU case mapping: ") + u_errorName(status));
  }
}

Analyzer::~Analyzer() {
  if (case_map_) ucasemap_close(case_map_);
}

void Analyzer::Clear() {
  words_.clear();
  sizes_.clear();
}

void Analyzer::AddWord(std::string_view word) {
  const std::size_t start = words_.size();
  words_.append(word);
  Keep(start);
}

void Analyzer::AddWord(std::u32string_view word) {
  const std::size_t start = words_.size();
  for (char32_t c : word) text::AppendUtf8(words_, c);
  Keep(start);
}

std::optional<std::string> Analyzer::Process(std::string_view word) {
  const std::size_t before = sizes_.size();
  AddWord(word);
  return TakeLast(before);
}

std::optional<std::string> Analyzer::Process(std::u32string_view word) {
  const std::size_t before = sizes_.size();
  AddWord(word);
  return TakeLast(before);
}

std::optional<std::string> Analyzer::TakeLast(std::size_t words_before) {
  if (sizes_.size() == words_before) return std::nullopt;  // a stop word, already dropped
  const std::size_t start = words_.size() - sizes_.back();
  std::string word = words_.substr(start);
  sizes_.pop_back();
  words_.resize(start);
  return word;
}

void Analyzer::Keep(std::size_t start) {
  if (lowercase_) Lowercase(start);
  const std::string_view word = std::string_view(words_).substr(start);
  if (!stop_words_.empty() && stop_words_.count(word)) {
    words_.resize(start);
    return;
  }
  if (word.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw Error("a word of more than 4 GB");  // the sizes are 32-bit; no text has such a word
  }
  sizes_.push_back(static_cast<std::uint32_t>(word.size()));
}

void Analyzer::Lowercase(std::size_t start) {
  const std::string_view word = std::string_view(words_).substr(start);
  bool ascii = true;
  if (!HasUppercase(word, ascii)) return;
  if (ascii) {
    for (std::size_t i = start; i < words_.size(); ++i) {
      if (words_[i] >= 'A' && words_[i] <= 'Z') words_[i] = static_cast<char>(words_[i] + 32);
    }
    return;
  }
  // Full case mapping can change the length (İ becomes i + combining dot): map into scratch_.
  scratch_.resize(word.size() * 3 + 16);
  UErrorCode status = U_ZERO_ERROR;
  const std::int32_t size =
      ucasemap_utf8ToLower(case_map_, scratch_.data(), static_cast<std::int32_t>(scratch_.size()),
                           word.data(), static_cast<std::int32_t>(word.size()), &status);
  if (U_FAILURE(status)) return;  // keep the word as written rather than lose it
  words_.resize(start);
  words_.append(scratch_.data(), static_cast<std::size_t>(size));
}

}  // namespace gongwen
