#include "normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>
#include <vector>

namespace gongwen {

namespace {

constexpr std::size_t kBmpSize = 0x10000;

// The single code point that `s` holds, or `fallback` when it holds none or several.
char32_t SingleCodePoint(const icu::UnicodeString& s, char32_t fallback) {
  if (s.countChar32() != 1) return fallback;
  return static_cast<char32_t>(s.char32At(0));
}

char32_t LowerAscii(char32_t c) { return (c >= U'A' && c <= U'Z') ? c + (U'a' - U'A') : c; }

// NFKC of one code point when it is one code point; ICU's normaliser is not cheap, so the BMP is
// tabulated once.
char32_t NfkcOne(const icu::Normalizer2* nfkc, char32_t c) {
  if (c < 0x80) return c;
  if (c >= 0xD800 && c <= 0xDFFF) return c;  // lone surrogates, as Python may pass them
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString normalized =
      nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
  return U_SUCCESS(status) ? SingleCodePoint(normalized, c) : c;
}

const icu::Normalizer2* Nfkc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  return U_SUCCESS(status) ? nfkc : nullptr;
}

std::vector<char32_t> BuildNfkcTable() {
  const icu::Normalizer2* nfkc = Nfkc();
  std::vector<char32_t> table(kBmpSize);
  for (char32_t c = 0; c < kBmpSize; ++c) {
    table[c] = LowerAscii(nfkc ? NfkcOne(nfkc, c) : c);
  }
  return table;
}

// Traditional to simplified for the CJK blocks of the BMP, one character at a time (ICU's
// "Traditional-Simplified" transform maps characters; its few phrase rules are not needed for
// looking words up).
std::vector<char32_t> BuildSimplifiedTable(const std::vector<char32_t>& nfkc) {
  std::vector<char32_t> table = nfkc;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t2s(
      icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !t2s) return table;
  for (char32_t c = 0x3400; c < 0xA000; ++c) {
    icu::UnicodeString s(static_cast<UChar32>(table[c]));
    t2s->transliterate(s);
    table[c] = SingleCodePoint(s, table[c]);
  }
  return table;
}

const std::vector<char32_t>& NfkcTable() {
  static const std::vector<char32_t> table = BuildNfkcTable();
  return table;
}

const std::vector<char32_t>& SimplifiedTable() {
  static const std::vector<char32_t> table = BuildSimplifiedTable(NfkcTable());
  return table;
}

}  // namespace

CharNormalizer::CharNormalizer(bool to_simplified)
    : bmp_(to_simplified ? SimplifiedTable().data() : NfkcTable().data()) {}

char32_t CharNormalizer::Astral(char32_t c) {
  // Astral code points: compatibility ideographs (U+2F800-U+2FA1F) have unified forms; others
  // (CJK extensions, emoji) stay.
  if (c >= 0x2F800 && c <= 0x2FA1F) {
    if (const icu::Normalizer2* nfkc = Nfkc()) return NfkcOne(nfkc, c);
  }
  return c;
}

std::u32string CharNormalizer::Normalize(std::u32string_view text) const {
  std::u32string out;
  NormalizeInto(text, out);
  return out;
}

void CharNormalizer::NormalizeInto(std::u32string_view text, std::u32string& out) const {
  out.resize(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) out[i] = (*this)(text[i]);
}

}  // namespace gongwen
