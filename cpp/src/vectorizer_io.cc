// Saved vectorizers: settings, vocabulary, idf and segmenter in one checked, versioned image.
#include "binary_io.h"
#include "gongwen/error.h"
#include "gongwen/vectorize.h"
#include "text.h"

namespace gongwen {

namespace {

constexpr std::uint64_t kVectorizerMagic = 0x5A52544345565747ull;  // "GWVECTRZ"
constexpr std::uint32_t kVectorizerVersion = 1;

}  // namespace

std::string SavedVectorizer::Serialize() const {
  binary::Writer w;
  w.PutHeader(kVectorizerMagic, kVectorizerVersion);
  w.Put<std::uint32_t>(vocabulary.has_value());
  w.PutString(settings);
  if (vocabulary) {
    w.Put<std::uint64_t>(vocabulary->documents);
    w.Put<std::uint64_t>(vocabulary->terms.size());
    for (const std::string& term : vocabulary->terms) w.PutString(term);
    w.PutArray(vocabulary->document_frequency);
  }
  w.PutArray(idf);
  w.PutString(segmenter);
  return w.Finish();
}

SavedVectorizer SavedVectorizer::Deserialize(std::string_view bytes) {
  binary::Reader r(bytes, "saved vectorizer");
  r.ReadHeader(kVectorizerMagic, kVectorizerVersion, "gongwen vectorizer");
  const std::uint32_t fitted = r.Get<std::uint32_t>();
  if (fitted > 1) r.Fail("bad fitted flag");
  SavedVectorizer saved;
  saved.settings = r.GetString();
  if (!text::IsValidUtf8(saved.settings)) r.Fail("settings are not valid UTF-8");
  if (fitted) {
    Vocabulary& vocabulary = saved.vocabulary.emplace();
    vocabulary.documents = r.Get<std::uint64_t>();
    const std::uint64_t count = r.Get<std::uint64_t>();
    for (std::uint64_t i = 0; i < count; ++i) {
      vocabulary.terms.push_back(r.GetString());
      if (!text::IsValidUtf8(vocabulary.terms.back())) r.Fail("a term is not valid UTF-8");
    }
    vocabulary.document_frequency = r.GetArray<std::int64_t>();
    if (vocabulary.document_frequency.size() != count) r.Fail("document frequencies missing");
  }
  saved.idf = r.GetArray<double>();
  if (!saved.idf.empty() &&
      (!saved.vocabulary || saved.idf.size() != saved.vocabulary->terms.size())) {
    r.Fail("idf does not match the vocabulary");
  }
  saved.segmenter = r.GetString();
  if (!r.AtEnd()) r.Fail("unexpected bytes after the last section");
  return saved;
}

}  // namespace gongwen
