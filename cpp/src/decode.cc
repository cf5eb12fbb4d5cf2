// Decoding byte buffers and files to UTF-8: PDF, byte-order marks, strict UTF-8, then ICU's
// charset detector with a preference for GB18030, the encoding of Chinese government files.
#include "gongwen/decode.h"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "charset.h"
#include "file_io.h"
#include "formats.h"
#include "gongwen/error.h"
#include "text.h"

namespace gongwen {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

// ICU's detector costs time per byte (about 10 MB/s with all its recognizers); 64 KiB is ample
// evidence, so a 50 MB file is detected as fast as a small one. Only the detection reads a prefix:
// conversion is strict over the whole input.
constexpr std::size_t kDetectionPrefix = 64 * 1024;

// For text that already looks like GBK, the detector only has to tell Chinese from Korean or
// Japanese (RankCandidates, rule 2): a few kilobytes hold hundreds of two-byte characters.
constexpr std::size_t kRivalCheckPrefix = 4 * 1024;

// Text has fewer than one stray control character in 50 (2%); binary data has about one in ten.
constexpr std::size_t kControlShareDivisor = 50;

// ICU's multi-byte recognizers answer 10 when they saw too few characters to judge; anything
// above is real evidence from their frequent-character tables.
constexpr int kNoEvidence = 10;

// See RankCandidates for these thresholds, measured on excerpts of Chinese laws (GBK and Big5)
// and Korean, Japanese, Russian, Greek and French samples.
constexpr std::size_t kGb2312SharePercent = 90;
constexpr std::size_t kRivalMinPairs = 20;
constexpr int kRivalMargin = 30;
constexpr int kStrongSingleByte = 40;

// Well-formed multi-byte UTF-8 characters before the first error that make an input corrupt
// UTF-8 rather than a legacy encoding. GBK text can look like UTF-8 for a character or two: in
// 3,400 GBK excerpts at most four valid multi-byte sequences came before the first error (and
// none in Big5, Korean, Japanese, Cyrillic or Greek samples).
constexpr std::size_t kUtf8Evidence = 8;

// Work per ICU call: UTF-16 code units out, and bytes in (ucnv_toUnicode rejects inputs over
// 2 GiB in one call; smaller steps also keep the step boundaries exercised by ordinary tests).
constexpr std::size_t kChunkUnits = 64 * 1024;
constexpr std::size_t kChunkBytes = 1024 * 1024;

using DetectorPtr = std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)>;

// Throws for a failure of ICU itself (missing data, no memory), which is no fault of the input.
void CheckIcu(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) {
    throw std::runtime_error(std::string("ICU ") + what + " failed: " + u_errorName(status));
  }
}

// A control character that does not belong in text: C0 controls other than white space, and C1
// controls (which only ISO-8859-x decoding of binary bytes produces). SUB (0x1A, the DOS
// end-of-file mark) and ESC/SO/SI (ISO-2022 shifts) occur in real text files and are allowed.
bool IsStrayControl(char32_t c) {
  if (c >= 0x80 && c < 0xA0) return true;
  if (c >= 0x20) return false;
  switch (c) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case 0x0E:
    case 0x0F:
    case 0x1A:
    case 0x1B:
      return false;
    default:
      return true;
  }
}

// Stray control characters found in an input or a decoded text, with byte offsets in the input.
struct ControlStats {
  std::size_t count = 0;
  std::size_t first = kNone;
  std::size_t first_nul = kNone;

  void Add(std::size_t offset, bool nul) {
    ++count;
    if (first == kNone) first = offset;
    if (nul && first_nul == kNone) first_nul = offset;
  }
  // Whether `chars` characters holding these controls are binary data rather than text.
  bool Binary(std::size_t chars) const { return count * kControlShareDivisor > chars; }
};

// Scans raw bytes for C0 controls. Only meaningful for ASCII-compatible encodings, where a byte
// below 0x20 is always that control character.
ControlStats ScanControls(std::string_view bytes) {
  ControlStats stats;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x20 && IsStrayControl(b)) stats.Add(i, b == 0);
  }
  return stats;
}

// The error for binary data, at `offset`: the first NUL byte or the first control character.
DecodeError NotText(std::string_view name, std::size_t offset, const ControlStats& stats,
                    std::size_t chars) {
  if (stats.first_nul == offset) {
    return DecodeError(std::string(name), offset, "binary data, not text (NUL byte)");
  }
  return DecodeError(std::string(name), offset,
                     "binary data, not text (" + std::to_string(stats.count) +
                         " control characters out of " + std::to_string(chars) + ")");
}

// The result of strict UTF-8 validation.
struct Utf8Check {
  std::size_t error = kNone;  // byte offset of the first ill-formed sequence
  std::size_t multibyte = 0;  // well-formed multi-byte characters before it
  bool truncated = false;     // the error is an incomplete sequence at the end of the input

  // Whether the input is UTF-8 that went bad, rather than text in some other encoding.
  bool Corrupt() const { return multibyte >= kUtf8Evidence || (truncated && multibyte > 0); }
  // What is wrong at `error` in `bytes`: "byte 0xFF", or the incomplete final sequence.
  std::string Problem(std::string_view bytes) const {
    if (truncated) return "incomplete sequence at the end of the input";
    const auto b = static_cast<unsigned char>(bytes[error]);
    static constexpr char kHex[] = "0123456789ABCDEF";
    return std::string("byte 0x") + kHex[b >> 4] + kHex[b & 15];
  }
};

// Validates UTF-8 strictly (no overlong forms, surrogates or values above U+10FFFF).
Utf8Check CheckUtf8(std::string_view bytes) {
  Utf8Check check;
  const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
  const auto length = static_cast<std::int64_t>(bytes.size());
  std::int64_t i = 0;
  while (i < length) {
    if (s[i] < 0x80) {  // ASCII fast path: U8_NEXT is slower than needed for it
      ++i;
      continue;
    }
    const std::int64_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      check.error = static_cast<std::size_t>(start);
      check.truncated = i == length && s[start] >= 0xC2;
      return check;
    }
    ++check.multibyte;
  }
  return check;
}

// Appends UTF-16 code units to a UTF-8 string, pairing surrogates across calls.
class Utf8Writer {
 public:
  explicit Utf8Writer(std::string& out) : out_(out) {}
  void Append(UChar unit) {
    if (lead_ != 0 && U16_IS_TRAIL(unit)) {
      text::AppendUtf8(out_, U16_GET_SUPPLEMENTARY(lead_, unit));
      lead_ = 0;
      return;
    }
    if (lead_ != 0) text::AppendUtf8(out_, 0xFFFD);  // not produced by a strict conversion
    lead_ = 0;
    if (U16_IS_LEAD(unit)) {
      lead_ = unit;
    } else {
      text::AppendUtf8(out_, unit);
    }
  }

 private:
  std::string& out_;
  UChar lead_ = 0;
};

// Number of bytes in the sequence the converter has just rejected (at most 32, ICU's limit).
std::size_t RejectedLength(const UConverter* converter) {
  char rejected[32];
  std::int8_t length = sizeof(rejected);
  UErrorCode status = U_ZERO_ERROR;
  ucnv_getInvalidChars(converter, rejected, &length, &status);
  return U_SUCCESS(status) ? static_cast<std::size_t>(length) : 0;
}

// A strict conversion to UTF-8: it stops at the first byte sequence that is illegal or unmapped.
struct Conversion {
  std::string utf8;
  std::size_t error = kNone;  // byte offset of the first undecodable byte
  std::size_t chars = 0;      // UTF-16 code units decoded
  ControlStats controls;      // stray controls in the decoded text, at their source offsets

  // Whether every byte decoded, to text rather than binary data.
  bool Clean() const { return error == kNone && !controls.Binary(chars); }
  // The offset that explains a failure: the undecodable byte, or the first control character.
  std::size_t FailureOffset() const { return error != kNone ? error : controls.first; }
};

// Converts `bytes` with `converter`, which is reset first. `base` is added to every offset, so
// that offsets count from the start of an input of which `bytes` is the tail (after a BOM).
Conversion ConvertStrict(UConverter* converter, std::string_view bytes, std::size_t base = 0) {
  UErrorCode status = U_ZERO_ERROR;
  ucnv_reset(converter);
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  CheckIcu(status, "ucnv_setToUCallBack");
  Conversion result;
  Utf8Writer writer(result.utf8);
  std::vector<UChar> units(kChunkUnits);
  std::vector<std::int32_t> offsets(kChunkUnits);
  const char* source = bytes.data();
  const char* const end = source + bytes.size();
  for (;;) {
    const bool last = static_cast<std::size_t>(end - source) <= kChunkBytes;
    const char* const limit = last ? end : source + kChunkBytes;
    const std::size_t call_base = base + static_cast<std::size_t>(source - bytes.data());
    UChar* target = units.data();
    status = U_ZERO_ERROR;
    // Without flush, a character split by `limit` waits inside the converter for its tail.
    ucnv_toUnicode(converter, &target, units.data() + units.size(), &source, limit, offsets.data(),
                   /*flush=*/last, &status);
    const auto produced = static_cast<std::size_t>(target - units.data());
    for (std::size_t i = 0; i < produced; ++i) {
      // A unit held over from the previous call has offset -1: charge it to this call's start.
      const std::size_t offset = call_base + static_cast<std::size_t>(std::max(offsets[i], 0));
      if (IsStrayControl(units[i])) result.controls.Add(offset, units[i] == 0);
      writer.Append(units[i]);
    }
    result.chars += produced;
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status) || last) break;
  }
  if (U_FAILURE(status)) {
    // The rejected bytes end at `source`; some may have arrived in the previous step.
    result.error =
        base + static_cast<std::size_t>(source - bytes.data()) - RejectedLength(converter);
  }
  return result;
}

// Removes a leading U+FEFF, which a forced Unicode encoding or GB18030 may decode from a BOM.
std::string DropBom(std::string utf8) {
  if (utf8.rfind("\xEF\xBB\xBF", 0) == 0) utf8.erase(0, 3);
  return utf8;
}

// A byte-order mark and the encoding it announces.
struct Bom {
  std::string_view bytes;
  const char* encoding;
};

// Longest first: the UTF-32LE mark begins with the UTF-16LE one. GB18030 has a BOM too.
constexpr Bom kBoms[] = {
    {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
    {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
    {std::string_view("\x84\x31\x95\x33", 4), "GB18030"},
    {std::string_view("\xEF\xBB\xBF", 3), "UTF-8"},
    {std::string_view("\xFF\xFE", 2), "UTF-16LE"},
    {std::string_view("\xFE\xFF", 2), "UTF-16BE"},
};

// The byte-order mark that `bytes` starts with, if any.
std::optional<Bom> FindBom(std::string_view bytes) {
  for (const Bom& bom : kBoms) {
    if (bytes.substr(0, bom.bytes.size()) == bom.bytes) return bom;
  }
  return std::nullopt;
}

// Decodes UTF-8 that starts at `base` in the input (after a BOM, or 0).
DecodedText DecodeUtf8(std::string_view bytes, std::string_view name, std::size_t base) {
  const std::string_view body = bytes.substr(base);
  const ControlStats controls = ScanControls(body);
  if (controls.first_nul != kNone || controls.Binary(body.size())) {
    const std::size_t at = controls.first_nul != kNone ? controls.first_nul : controls.first;
    throw NotText(name, base + at, controls, body.size());
  }
  const Utf8Check check = CheckUtf8(body);
  if (check.error != kNone) {
    throw DecodeError(std::string(name), base + check.error,
                      "invalid UTF-8 after its byte-order mark: " + check.Problem(body));
  }
  return {std::string(body), "UTF-8"};
}

// Decodes input that starts with a byte-order mark, in the encoding that the mark announces.
DecodedText DecodeWithBom(std::string_view bytes, std::string_view name, const Bom& bom) {
  if (std::string_view(bom.encoding) == "UTF-8") return DecodeUtf8(bytes, name, bom.bytes.size());
  ConverterPtr converter = OpenConverter(bom.encoding);
  if (!converter) CheckIcu(U_MISSING_RESOURCE_ERROR, bom.encoding);
  Conversion result =
      ConvertStrict(converter.get(), bytes.substr(bom.bytes.size()), bom.bytes.size());
  if (result.error != kNone) {
    throw DecodeError(std::string(name), result.error,
                      std::string("invalid ") + bom.encoding + " after its byte-order mark");
  }
  if (result.controls.Binary(result.chars)) {
    throw NotText(name, result.controls.first, result.controls, result.chars);
  }
  return {std::move(result.utf8), bom.encoding};
}

// One guess of ICU's charset detector.
struct Guess {
  std::string name;
  int confidence = 0;  // 0-100
};

// The CJK multi-byte charsets among the detector's names.
bool IsCjkMultibyte(std::string_view charset) {
  return charset == "GB18030" || charset == "Big5" || charset == "EUC-JP" || charset == "EUC-KR" ||
         charset == "Shift_JIS" || charset.starts_with("ISO-2022-");
}

// All of ICU's guesses for `prefix`, most confident first.
std::vector<Guess> DetectCharsets(std::string_view prefix) {
  UErrorCode status = U_ZERO_ERROR;
  DetectorPtr detector(ucsdet_open(&status), &ucsdet_close);
  CheckIcu(status, "ucsdet_open");
  ucsdet_setText(detector.get(), prefix.data(), static_cast<std::int32_t>(prefix.size()), &status);
  CheckIcu(status, "ucsdet_setText");
  std::int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &count, &status);
  std::vector<Guess> guesses;
  if (U_FAILURE(status)) return guesses;  // no charset fits at all
  for (std::int32_t i = 0; i < count; ++i) {
    Guess guess;
    guess.name = ucsdet_getName(matches[i], &status);
    guess.confidence = ucsdet_getConfidence(matches[i], &status);
    CheckIcu(status, "ucsdet_getName");
    guesses.push_back(std::move(guess));
  }
  return guesses;
}

// How Chinese a prefix looks when read with GB18030's byte structure.
struct GbShape {
  std::size_t size = 0;          // bytes looked at
  std::size_t high_bytes = 0;    // bytes >= 0x80
  std::size_t pairs = 0;         // two-byte characters
  std::size_t gb2312_pairs = 0;  // of which in GB2312's punctuation or hanzi rows

  std::size_t punct_pairs = 0;   // in GB2312's full-width punctuation rows (A1-A3): ，。“”
  std::size_t kana_pairs = 0;    // in its kana rows (A4-A5), which Japanese EUC-JP fills
  std::size_t spaced_pairs = 0;  // two-byte characters right after "<two-byte> ": word spacing

  bool ManyHighBytes() const { return high_bytes * 4 >= size; }
  bool LooksGb2312() const {
    return pairs > 0 && gb2312_pairs * 100 >= pairs * kGb2312SharePercent;
  }
  // Unmistakably Chinese: GB2312 characters with Chinese full-width punctuation (3% or more),
  // no kana, and no spaces between words, which Korean EUC-KR text (whose bytes also lie in
  // GB2312's rows) has between every few syllables. 98% of excerpts of 20 or more characters
  // of the laws corpus qualify; ICU's detector, slow on CJK text, is then not needed.
  bool ClearlyChinese() const {
    return pairs >= kRivalMinPairs && LooksGb2312() && ManyHighBytes() &&
           punct_pairs * 100 >= pairs * 3 && kana_pairs * 100 < pairs && spaced_pairs * 50 < pairs;
  }
};

// Reads `prefix` as GB18030 does (ASCII, two-byte and four-byte characters) and classifies the
// two-byte ones; it need not be valid GB18030.
GbShape MeasureGbShape(std::string_view prefix) {
  GbShape shape;
  const auto* s = reinterpret_cast<const std::uint8_t*>(prefix.data());
  const std::size_t n = prefix.size();
  shape.size = n;
  shape.high_bytes =
      static_cast<std::size_t>(std::count_if(s, s + n, [](std::uint8_t b) { return b >= 0x80; }));
  for (std::size_t i = 0; i < n;) {
    const std::uint8_t lead = s[i];
    if (lead < 0x80 || i + 1 == n) {
      ++i;
    } else if (s[i + 1] >= 0x30 && s[i + 1] <= 0x39) {
      i += 4;  // a four-byte GB18030 sequence: rare, counted neither way
    } else {
      const std::uint8_t trail = s[i + 1];
      const bool text_row = (lead >= 0xA1 && lead <= 0xA3) || (lead >= 0xB0 && lead <= 0xF7);
      ++shape.pairs;
      if (text_row && trail >= 0xA1 && trail <= 0xFE) ++shape.gb2312_pairs;
      if (lead >= 0xA1 && lead <= 0xA3) ++shape.punct_pairs;
      if (lead == 0xA4 || lead == 0xA5) ++shape.kana_pairs;
      if (i >= 2 && s[i - 1] == ' ' && s[i - 2] >= 0x80) ++shape.spaced_pairs;
      i += 2;
    }
  }
  return shape;
}

// Orders the detector's guesses into the legacy charsets to try, best first. UTF-8 was validated
// already and UTF-16/32 are taken only from a BOM or NUL bytes, so they are left out. The rules,
// measured on thousands of excerpts of Chinese laws (4 to 1000 characters, as GBK and as Big5)
// and on Korean, Japanese, Russian, Greek and French samples:
//  1. GB18030 alone when at least 90% of the prefix's two-byte characters lie in GB2312's
//     punctuation (A1-A3) or hanzi (B0-F7) rows with a trail byte >= A1, and the text has many
//     high bytes (a quarter) or some CJK recognizer found real evidence. All GBK excerpts pass
//     (simplified Chinese is almost entirely GB2312), while Big5 (trail bytes 40-7E, common
//     hanzi in rows A4-AF), Shift_JIS and Japanese kana do not. ICU alone is unreliable here: on
//     texts under about ten characters it ranks UTF-16BE, KOI8-R or ISO-8859-x first, and it
//     sometimes prefers EUC-KR/EUC-JP on short Chinese texts. Alone, because such bytes that
//     GB18030 rejects are a damaged GBK file: the next guesses (Big5, KOI8-R, ISO-8859-1) would
//     decode it "cleanly" to nonsense, where an error naming the bad byte helps.
//  2. Except when another CJK charset beats GB18030 by 30 points over at least 20 two-byte
//     characters: that is Korean or Japanese, whose EUC bytes also look like GB2312 (it never
//     happened on 1,250 Chinese excerpts of that length, and caught 98 of 106 Korean ones).
//  3. With many high bytes, CJK charsets come before single-byte ones unless a single-byte guess
//     is confident (>= 40): the detector has no evidence on short CJK texts, whereas Cyrillic or
//     Greek text rarely decodes cleanly as a CJK charset.
//  4. Otherwise by confidence; on ties Big5 before the other CJK charsets, GB18030 after them.
// Short Big5 texts (under about ten characters) still come out wrong one time in ten, and short
// Korean texts as GB18030: too few bytes to tell.
std::vector<std::string> RankCandidates(const std::vector<Guess>& guesses, const GbShape& shape) {
  int gb_confidence = 0;
  int rival_confidence = 0;
  bool cjk_evidence = false;
  for (const Guess& guess : guesses) {
    if (!IsCjkMultibyte(guess.name)) continue;
    cjk_evidence = cjk_evidence || guess.confidence > kNoEvidence;
    if (guess.name == "GB18030") {
      gb_confidence = guess.confidence;
    } else {
      rival_confidence = std::max(rival_confidence, guess.confidence);
    }
  }
  const bool rival =
      shape.pairs >= kRivalMinPairs && rival_confidence >= gb_confidence + kRivalMargin;
  if (shape.LooksGb2312() && (shape.ManyHighBytes() || cjk_evidence) && !rival) {
    return {"GB18030"};
  }
  auto tier = [&](const Guess& guess) {
    const bool cjk = IsCjkMultibyte(guess.name);
    if (!shape.ManyHighBytes() || (!cjk && guess.confidence >= kStrongSingleByte)) return 0;
    return cjk ? 1 : 2;
  };
  auto tie = [](const Guess& guess) {
    return guess.name == "Big5" ? 0 : guess.name == "GB18030" ? 2 : 1;
  };
  std::vector<Guess> ranked;
  for (const Guess& guess : guesses) {
    if (!guess.name.starts_with("UTF-")) ranked.push_back(guess);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [&](const Guess& a, const Guess& b) {
    return std::make_tuple(tier(a), -a.confidence, tie(a)) <
           std::make_tuple(tier(b), -b.confidence, tie(b));
  });
  std::vector<std::string> names;
  for (const Guess& guess : ranked) names.push_back(guess.name);
  return names;
}

// Whether text decoded from a single-byte charset reads as text. Junk bytes decode "cleanly" in
// these charsets too: in windows-1252 to a scatter of symbols among accented letters
// (Á¿à€¯øˆÿþý), in windows-1251 to Cyrillic letters without a space. Text in the alphabets of
// these charsets (Latin, Cyrillic, Greek, Hebrew, Arabic) has letters (ASCII or not) that
// outnumber its non-ASCII symbols two to one, even in English with curly quotes, and words
// spaced apart. Sets `*first_symbol` to the index of the first non-ASCII symbol, which in a
// single-byte charset is its byte offset.
bool ReadsAsText(std::string_view utf8, std::size_t* first_symbol) {
  constexpr std::size_t kFewSymbols = 8;     // a few stray symbols (€, ©, ±) say nothing
  constexpr std::size_t kLongestWords = 25;  // letters per space: words are shorter on average
  std::size_t letters = 0;
  std::size_t symbols = 0;
  std::size_t spaces = 0;
  *first_symbol = kNone;
  const auto* s = reinterpret_cast<const std::uint8_t*>(utf8.data());
  std::size_t i = 0;
  for (std::size_t index = 0; i < utf8.size(); ++index) {
    std::int32_t length = 0;
    UChar32 c = 0;
    U8_NEXT(s + i, length, static_cast<std::int32_t>(std::min<std::size_t>(utf8.size() - i, 4)), c);
    i += static_cast<std::size_t>(length);
    if (c < 0x80 ? text::IsAsciiAlnum(static_cast<char32_t>(c)) : u_isalpha(c)) {
      ++letters;
    } else if (c == ' ' || c == '\n' || c == '\t') {
      ++spaces;
    } else if (c >= 0x80 && symbols++ == 0) {
      *first_symbol = index;
    }
  }
  if (symbols >= kFewSymbols && letters < 2 * symbols) return false;
  return letters < kLongestWords || (spaces + 1) * kLongestWords > letters;
}

// A legacy charset that was tried and failed.
struct Attempt {
  enum class Failure {
    kBadByte,   // a byte the charset has no character for
    kControls,  // decoded, but to control characters
    kSymbols,   // decoded, but to symbols rather than text (ReadsAsText)
  };
  std::string charset;
  std::size_t offset;
  Failure failure;
};

// Why nothing fitted: "not UTF-8 (byte 0xB0 at byte 1); tried GB18030 (bad byte at 5582)".
std::string DescribeAttempts(const std::string& utf8_problem, std::size_t utf8_offset,
                             const std::vector<Attempt>& attempts) {
  std::string reason =
      "not UTF-8 (" + utf8_problem + " at byte " + std::to_string(utf8_offset) + ")";
  if (attempts.empty()) return reason + "; no other charset fits";
  reason += "; tried";
  for (const Attempt& attempt : attempts) {
    reason += (&attempt == &attempts.front() ? " " : ", ") + attempt.charset + " (";
    const std::string offset = std::to_string(attempt.offset);
    switch (attempt.failure) {
      case Attempt::Failure::kBadByte:
        reason += "bad byte at " + offset + ")";
        break;
      case Attempt::Failure::kControls:
        reason += "control character at byte " + offset + ")";
        break;
      case Attempt::Failure::kSymbols:
        reason += "does not read as text: symbols, or letters without spaces)";
        break;
    }
  }
  return reason;
}

// Decodes input that is not UTF-8 with the detector's candidates, strictly, best first.
DecodedText DecodeLegacy(std::string_view bytes, std::string_view name, const Utf8Check& utf8) {
  const std::string utf8_problem = utf8.Problem(bytes);
  if (utf8.Corrupt()) {
    throw DecodeError(std::string(name), utf8.error, "invalid UTF-8: " + utf8_problem);
  }
  const std::string_view prefix = bytes.substr(0, kDetectionPrefix);
  const GbShape shape = MeasureGbShape(prefix);
  // Text that looks like GBK asks the detector only whether it is Korean or Japanese instead
  // (RankCandidates, rule 2), which a few kilobytes settle.
  const bool gbk_like = shape.LooksGb2312() && shape.ManyHighBytes();
  const std::string_view evidence = gbk_like ? bytes.substr(0, kRivalCheckPrefix) : prefix;
  const std::vector<std::string> candidates = shape.ClearlyChinese()
                                                  ? std::vector<std::string>{"GB18030"}
                                                  : RankCandidates(DetectCharsets(evidence), shape);
  std::vector<Attempt> attempts;
  for (const std::string& charset : candidates) {
    ConverterPtr converter = OpenConverter(charset);
    if (!converter) continue;  // the detector knows a few charsets that ICU cannot convert
    Conversion result = ConvertStrict(converter.get(), bytes);
    if (!result.Clean()) {
      const bool controls = result.error == kNone;
      attempts.push_back({charset, result.FailureOffset(),
                          controls ? Attempt::Failure::kControls : Attempt::Failure::kBadByte});
      continue;
    }
    std::size_t first_symbol = kNone;
    if (!IsCjkMultibyte(charset) && !ReadsAsText(result.utf8, &first_symbol)) {
      attempts.push_back(
          {charset, first_symbol == kNone ? 0 : first_symbol, Attempt::Failure::kSymbols});
      continue;
    }
    return {DropBom(std::move(result.utf8)), charset};
  }
  // The best candidate's failure is the most useful one to report: the first byte of a GBK file
  // that GB18030 cannot read, rather than its first hanzi, which UTF-8 cannot.
  const std::size_t offset = attempts.empty() ? utf8.error : attempts.front().offset;
  throw DecodeError(std::string(name), offset,
                    DescribeAttempts(utf8_problem, utf8.error, attempts));
}

// Whether a detected charset could explain NUL bytes: UTF-16 or UTF-32 (without a BOM).
bool ExplainsNuls(const Guess& guess) {
  return guess.name.starts_with("UTF-") && guess.name != "UTF-8" && guess.confidence > kNoEvidence;
}

// Input with NUL bytes is binary data unless it is UTF-16 or UTF-32 without a BOM.
DecodedText DecodeWithNuls(std::string_view bytes, std::string_view name,
                           const ControlStats& controls) {
  for (const Guess& guess : DetectCharsets(bytes.substr(0, kDetectionPrefix))) {
    if (!ExplainsNuls(guess)) continue;
    ConverterPtr converter = OpenConverter(guess.name);
    if (!converter) continue;
    Conversion result = ConvertStrict(converter.get(), bytes);
    if (result.Clean()) return {std::move(result.utf8), guess.name};
  }
  throw NotText(name, controls.first_nul, controls, bytes.size());
}

// Decodes in a charset the caller chose: no detection and no check for binary data.
DecodedText DecodeForced(std::string_view bytes, std::string_view name, std::string_view encoding) {
  ConverterPtr converter = OpenConverter(std::string(encoding));
  if (!converter) {
    throw std::invalid_argument("unknown encoding '" + std::string(encoding) + "'");
  }
  const std::string charset = StandardName(converter.get());
  if (charset == "UTF-8") {
    // Validated without ICU, which is faster; a BOM is dropped as ICU would not.
    const std::size_t base = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    const Utf8Check check = CheckUtf8(bytes.substr(base));
    if (check.error != kNone) {
      throw DecodeError(std::string(name), base + check.error,
                        "invalid UTF-8 (forced): " + check.Problem(bytes.substr(base)));
    }
    return {std::string(bytes.substr(base)), charset};
  }
  Conversion result = ConvertStrict(converter.get(), bytes);
  if (result.error != kNone) {
    throw DecodeError(std::string(name), result.error, "invalid " + charset + " (forced)");
  }
  return {DropBom(std::move(result.utf8)), charset};
}

}  // namespace

ConverterPtr OpenConverter(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(name.c_str(), &status), &ucnv_close);
  if (U_FAILURE(status)) converter.reset();
  return converter;
}

std::string StandardName(UConverter* converter) {
  UErrorCode status = U_ZERO_ERROR;
  const char* canonical = ucnv_getName(converter, &status);
  CheckIcu(status, "ucnv_getName");
  for (const char* standard : {"MIME", "IANA"}) {
    status = U_ZERO_ERROR;
    const char* name = ucnv_getStandardName(canonical, standard, &status);
    if (U_SUCCESS(status) && name != nullptr) return name;
  }
  return canonical;
}

DecodedText DecodeTextBytes(std::string_view bytes, std::string_view name,
                            std::string_view encoding) {
  if (!encoding.empty()) return DecodeForced(bytes, name, encoding);
  if (bytes.empty()) return {"", "UTF-8"};
  if (const std::optional<Bom> bom = FindBom(bytes)) return DecodeWithBom(bytes, name, *bom);
  const ControlStats controls = ScanControls(bytes);
  if (controls.first_nul != kNone) return DecodeWithNuls(bytes, name, controls);
  if (controls.Binary(bytes.size())) throw NotText(name, controls.first, controls, bytes.size());
  const Utf8Check utf8 = CheckUtf8(bytes);
  if (utf8.error == kNone) return {std::string(bytes), "UTF-8"};
  return DecodeLegacy(bytes, name, utf8);
}

namespace {

// Throws NotText when the head of a file already shows it to be binary data (NUL bytes that no
// UTF-16/32 explains: the detection reads only this much anyway), so that a 1 GB binary file is
// refused without being read whole.
void RejectBinaryHead(std::string_view head, std::string_view name) {
  if (IsContainerHead(head) || FindBom(head)) return;
  const ControlStats controls = ScanControls(head);
  if (controls.first_nul == kNone) return;
  // Whole UTF-32 units only, and not the last: a sequence cut by the end of the head would
  // not decode, where the whole file might.
  const std::string_view units = head.substr(0, head.size() < 8 ? 0 : head.size() / 4 * 4 - 4);
  for (const Guess& guess : DetectCharsets(head)) {
    if (!ExplainsNuls(guess)) continue;
    ConverterPtr converter = OpenConverter(guess.name);
    if (!converter || ConvertStrict(converter.get(), units).Clean()) return;
  }
  throw NotText(name, controls.first_nul, controls, head.size());
}

}  // namespace

DecodedText ReadText(const std::string& path, std::string_view encoding) {
  std::string head;
  try {
    head = ReadFileHead(path, kDetectionPrefix);
  } catch (const FileError& e) {
    // archive.zip/member: a member of a zip archive (ENOTDIR: a path through a file).
    if (e.error_number() == ENOTDIR) {
      return DecodeOwnedBytes(ReadArchiveMember(path), path, encoding);
    }
    throw;
  }
  if (encoding.empty()) RejectBinaryHead(head, path);
  return DecodeOwnedBytes(ReadFileBytes(path), path, encoding);
}

}  // namespace gongwen
