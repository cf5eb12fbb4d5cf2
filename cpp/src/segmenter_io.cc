// Segmenters from word lists and from saved bytes (kept apart from segment.cc: both need the
// default lexicon, which the lexicon compiler is built without).
#include <cmath>
#include <shared_mutex>

#include "binary_io.h"
#include "file_io.h"
#include "gongwen/error.h"
#include "gongwen/segment.h"
#include "lexicon.h"
#include "segment_internal.h"
#include "text.h"

namespace gongwen {

Segmenter Segmenter::FromDictionaryText(std::string_view word_list, std::string_view name,
                                        const SegmenterOptions& options) {
  auto lexicon = std::make_shared<Lexicon>(Lexicon::Build(ParseWordList(word_list, name)));
  if (lexicon->hmm().empty()) lexicon->AdoptUnknownWordModel(*DefaultLexicon());
  return MakeSegmenter(std::move(lexicon), false, options);
}

Segmenter Segmenter::FromDictionaryFile(const std::string& path, const SegmenterOptions& options) {
  return FromDictionaryText(ReadFileBytes(path), path, options);
}

namespace {

// "GWSEGMNT": the magic tag of a saved segmenter.
constexpr std::uint64_t kSegmenterMagic = 0x544E4D4745535747ull;
constexpr std::uint32_t kSegmenterVersion = 1;

}  // namespace

std::string Segmenter::Serialize() const {
  std::shared_lock lock(*mutex_);
  binary::Writer w;
  w.PutHeader(kSegmenterMagic, kSegmenterVersion);
  w.Put<std::uint8_t>(options_.to_simplified);
  w.Put<std::uint8_t>(options_.unknown_words);
  w.Put<std::uint8_t>(default_lexicon_);
  w.Put<std::uint8_t>(0);
  w.Put(options_.granularity);
  if (default_lexicon_) {
    // The default lexicon is in the library: only the user's changes are saved.
    lexicon_->WriteEdits(w);
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
  r.ReadHeader(kSegmenterMagic, kSegmenterVersion, "gongwen segmenter");
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
  lexicon.ReadEdits(r);
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
