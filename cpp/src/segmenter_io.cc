// Segmenters from word lists and from saved bytes (kept apart from segment.cc: both need the
// default lexicon, which the lexicon compiler is built without).
#include <cerrno>
#include <cmath>
#include <fstream>
#include <shared_mutex>
#include <sstream>
#include <system_error>

#include "binary_io.h"
#include "gongwen/error.h"
#include "gongwen/segment.h"
#include "lexicon.h"
#include "segment_internal.h"
#include "text.h"

namespace gongwen {

namespace {

std::string ReadDictionary(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int error = errno ? errno : ENOENT;
    throw FileError(path, error, std::generic_category().message(error));
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

Segmenter Segmenter::FromDictionaryText(std::string_view word_list, std::string_view name,
                                        const SegmenterOptions& options) {
  auto lexicon = std::make_shared<Lexicon>(Lexicon::Build(ParseWordList(word_list, name)));
  if (lexicon->hmm().empty()) lexicon->AdoptUnknownWordModel(*DefaultLexicon());
  return MakeSegmenter(std::move(lexicon), false, options);
}

Segmenter Segmenter::FromDictionaryFile(const std::string& path, const SegmenterOptions& options) {
  return FromDictionaryText(ReadDictionary(path), path, options);
}

namespace {

// "GWSEGMNT": the magic tag of a saved segmenter.
constexpr std::uint64_t kSegmenterMagic = 0x544E4D4745535747ull;
constexpr std::uint32_t kSegmenterVersion = 1;

}  // namespace

std::string Segmenter::Serialize() const {
  std::shared_lock lock(*mutex_);
  binary::Writer w;
  w.Put(kSegmenterMagic);
  w.Put<std::uint32_t>(kSegmenterVersion);
  w.Put<std::uint8_t>(options_.to_simplified);
  w.Put<std::uint8_t>(options_.unknown_words);
  w.Put<std::uint8_t>(default_lexicon_);
  w.Put<std::uint8_t>(0);
  w.Put(options_.granularity);
  if (default_lexicon_) {
    // The default lexicon is in the library: only the user's changes are saved.
    const auto additions = lexicon_->Additions();
    w.Put<std::uint64_t>(additions.size());
    for (const auto& [word, entry] : additions) {
      w.PutString(text::Encode(word));
      w.Put(entry.freq);
      w.PutString(lexicon_->TagName(entry.tag));
    }
    const auto removals = lexicon_->Removals();
    w.Put<std::uint64_t>(removals.size());
    for (const std::u32string& word : removals) w.PutString(text::Encode(word));
    const auto reweighted = lexicon_->Reweighted();
    w.Put<std::uint64_t>(reweighted.size());
    for (const auto& [word, freq] : reweighted) {
      w.PutString(text::Encode(word));
      w.Put(freq);
    }
  } else {
    w.PutString(lexicon_->Serialize());
  }
  return w.Finish();
}

Segmenter Segmenter::Deserialize(std::string_view bytes) {
  // The reader copies what it keeps: `bytes` may be a Python buffer that goes away.
  std::string image(bytes);
  binary::Reader r(image, "saved segmenter");
  if (r.Get<std::uint64_t>() != kSegmenterMagic) r.Fail("not a gongwen segmenter (bad magic)");
  const std::uint32_t version = r.Get<std::uint32_t>();
  if (version > kSegmenterVersion) {
    r.Fail("format version " + std::to_string(version) + " is newer than this gongwen reads (" +
           std::to_string(kSegmenterVersion) + "); upgrade gongwen");
  }
  if (version != kSegmenterVersion) r.Fail("unknown format version " + std::to_string(version));
  SegmenterOptions options;
  options.to_simplified = r.Get<std::uint8_t>() != 0;
  options.unknown_words = r.Get<std::uint8_t>() != 0;
  const bool default_lexicon = r.Get<std::uint8_t>() != 0;
  r.Get<std::uint8_t>();
  options.granularity = r.Get<double>();
  if (!std::isfinite(options.granularity)) r.Fail("bad granularity");
  if (!default_lexicon) {
    auto lexicon = std::make_shared<Lexicon>(Lexicon::Deserialize(r.GetString(), true));
    if (!r.AtEnd()) r.Fail("unexpected bytes after the lexicon");
    return Segmenter(std::move(lexicon), false, options);
  }
  Segmenter segmenter = MakeSegmenter(DefaultLexicon(), true, options);
  Lexicon& lexicon = segmenter.MutableLexicon();
  const std::uint64_t additions = r.Get<std::uint64_t>();
  for (std::uint64_t i = 0; i < additions; ++i) {
    const std::string word = r.GetString();
    const double freq = r.Get<double>();
    const std::string tag = r.GetString();
    if (word.empty() || !text::IsValidUtf8(word) || !(freq >= 0)) r.Fail("bad added word");
    lexicon.Add(text::Decode(word), freq, tag);
  }
  const std::uint64_t removals = r.Get<std::uint64_t>();
  for (std::uint64_t i = 0; i < removals; ++i) {
    const std::string word = r.GetString();
    if (!text::IsValidUtf8(word)) r.Fail("bad removed word");
    lexicon.Remove(text::Decode(word));
  }
  const std::uint64_t reweighted = r.Get<std::uint64_t>();
  std::vector<std::tuple<std::u32string, Lexicon::WordRef, double>> changes;
  for (std::uint64_t i = 0; i < reweighted; ++i) {
    const std::string word = r.GetString();
    const double freq = r.Get<double>();
    if (!text::IsValidUtf8(word) || !(freq >= 0)) r.Fail("bad reweighted word");
    std::u32string key = text::Decode(word);
    const std::optional<Lexicon::WordRef> ref = lexicon.FindRef(key);
    if (!ref || (*ref & Lexicon::kAdded)) r.Fail("a reweighted word is not in the lexicon");
    changes.emplace_back(std::move(key), *ref, freq);
  }
  if (!changes.empty()) lexicon.SetFrequencies(changes);
  if (!r.AtEnd()) r.Fail("unexpected bytes after the last section");
  return segmenter;
}

}  // namespace gongwen
