// Internal: the character normalisation the segmenter looks words up with. Each code point maps
// to exactly one code point, so offsets into the normalised text are offsets into the original:
// NFKC where it yields a single character (full-width digits and Latin letters to ASCII,
// compatibility ideographs to unified ones), ASCII letters lowercased, and optionally
// traditional to simplified Chinese. Characters whose NFKC form is several characters (㎡, ㈱)
// stay as they are.
#pragma once

#include <string>
#include <string_view>

namespace gongwen {

// Per-character normalisation, with tables built once per process.
class CharNormalizer {
 public:
  // The normaliser; `to_simplified` adds traditional-to-simplified conversion.
  explicit CharNormalizer(bool to_simplified);

  // The normalised form of `c`.
  char32_t operator()(char32_t c) const { return c < 0x10000 ? bmp_[c] : Astral(c); }

  // The normalised form of `text`, of the same length.
  std::u32string Normalize(std::u32string_view text) const;

  // Normalize into `out` (reusing its storage).
  void NormalizeInto(std::u32string_view text, std::u32string& out) const;

 private:
  static char32_t Astral(char32_t c);

  const char32_t* bmp_;  // 65,536 entries: the BMP table (with or without t2s)
};

}  // namespace gongwen
