// Writes the seed corpora of the saved-model fuzz targets: segmenters and vectorizers saved by
// this build of the library, so that the seeds always match the current formats. Usage:
// gongwen_fuzz_seeds DIR (writes DIR/fuzz_load_segmenter/*.bin, DIR/fuzz_load_vectorizer/*.bin,
// DIR/fuzz_load_topics/*.bin, and small PDFs in DIR/fuzz_pdf).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "../../cpp/src/lexicon.h"
#include "../../cpp/src/segment_internal.h"
#include "gongwen/segment.h"
#include "gongwen/topics.h"
#include "gongwen/vectorize.h"

namespace {

namespace fs = std::filesystem;

void Write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// A small PDF of `pages` pages, each showing one line of `text` in Helvetica, with a correct
// cross-reference table. The fixture PDFs are whole documents (poppler takes some 25 ms on each);
// mutations of a document this size run a hundred times faster.
std::string SmallPdf(const std::vector<std::string>& pages) {
  std::vector<std::string> objects;
  std::string kids;
  const std::size_t n = pages.size();
  for (std::size_t i = 0; i < n; ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (std::size_t i = 0; i < n; ++i) {
    const std::string stream = "BT /F1 12 Tf 72 720 Td (" + pages[i] + ") Tj ET";
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font "
        "<< /F1 3 0 R >> >> /Contents " +
        std::to_string(5 + 2 * i) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream +
                      "\nendstream");
  }
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t offset : offsets) {
    const std::string digits = std::to_string(offset);
    pdf += std::string(10 - digits.size(), '0') + digits + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace gongwen;
  if (argc != 2) {
    std::cerr << "usage: gongwen_fuzz_seeds DIR\n";
    return 2;
  }
  const fs::path dir = argv[1];
  const fs::path segmenters = dir / "fuzz_load_segmenter";
  const fs::path vectorizers = dir / "fuzz_load_vectorizer";

  // Segmenters: the default one, one with the user's words added, removed and reweighted, and
  // ones with small lexicons of their own (the whole lexicon image and its trie are saved).
  Segmenter plain;
  Write(segmenters / "default.bin", plain.Serialize());
  Segmenter edited(SegmenterOptions{true, false, 1.0});
  edited.AddWord("文都e家", 50, "nz");
  edited.AddWord("双招双引");
  edited.DelWord("党建");
  edited.AdaptFrequencies({U"坚持党建引领推进基层治理"}, 2.0, 1);
  Write(segmenters / "edited.bin", edited.Serialize());
  // A lexicon of its own is saved whole; FromDictionaryText would give it the default unknown-word
  // model (some 400 KB), so these are built without one, to keep the seeds small.
  const auto own = [](std::string_view words) {
    return MakeSegmenter(std::make_shared<Lexicon>(Lexicon::Build(ParseWordList(words, "seed"))),
                         false, SegmenterOptions{});
  };
  const Segmenter tiny = own("党建\n引领\n");
  Write(segmenters / "tiny.bin", tiny.Serialize());
  Segmenter custom = own("研究 10 v\n研究生 5 n\n生命 8 n\n起源 4 n\n命 2 n\nGDP 3 eng\n𠀀字 1\n");
  custom.AddWord("生命起源", 3);
  custom.DelWord("命");
  Write(segmenters / "custom.bin", custom.Serialize());

  // Vectorizers: unfitted, fitted without idf, fitted with idf and a custom segmenter.
  SavedVectorizer unfitted;
  unfitted.settings = "{}";
  Write(vectorizers / "unfitted.bin", unfitted.Serialize());
  TermCounter counter = TermCounter::Learning(AnalyzerOptions{1, 2, true, {"的"}}, false);
  counter.AddTexts(plain, {U"坚持党建引领，推进基层治理的现代化。", U"党建引领乡村振兴 GDP 增长"},
                   1);
  SavedVectorizer fitted;
  fitted.settings = R"({"ngram_range": [1, 2], "stop_words": ["的"]})";
  fitted.vocabulary = counter.Finish();
  Write(vectorizers / "counts.bin", fitted.Serialize());
  fitted.idf = InverseDocumentFrequency(fitted.vocabulary->document_frequency,
                                        fitted.vocabulary->documents, true);
  Write(vectorizers / "tfidf.bin", fitted.Serialize());
  fitted.segmenter = tiny.Serialize();
  Write(vectorizers / "tfidf_segmenter.bin", fitted.Serialize());

  // PDFs: small ones of one and two pages (the fixture PDFs are seeds too).
  Write(dir / "fuzz_pdf" / "one_page.pdf", SmallPdf({"Anqing Zugong Xinxi No. 24"}));
  Write(dir / "fuzz_pdf" / "two_pages.pdf", SmallPdf({"Issue 24 (2023)", "- 2 -"}));

  // Topic models: unfitted, and LSA and NMF fitted on a small matrix.
  const fs::path topics = dir / "fuzz_load_topics";
  SavedTopicModel saved_topics;
  saved_topics.settings = R"({"n_topics": 2})";
  Write(topics / "unfitted.bin", saved_topics.Serialize());
  DocumentTermMatrix<double> matrix(6, 9);
  for (int r = 0; r < 6; ++r) {
    for (int c = r % 3; c < 9; c += 2) matrix.insert(r, c) = 1.0 + (r + c) % 4;
  }
  matrix.makeCompressed();
  for (const TopicMethod method : {TopicMethod::kLsa, TopicMethod::kNmf}) {
    TopicOptions options;
    options.method = method;
    options.n_topics = 2;
    TopicModel model(options);
    model.FitTransform(ViewOf(matrix), 1);
    saved_topics.model = model;
    Write(topics / (method == TopicMethod::kLsa ? "lsa.bin" : "nmf.bin"), saved_topics.Serialize());
  }
  return 0;
}
