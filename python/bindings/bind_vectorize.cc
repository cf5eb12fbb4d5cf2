// Term counting and TF-IDF weighting. A matrix leaves C++ as a scipy.sparse.csr_matrix over the
// three buffers of the Eigen row-major sparse matrix the core built, which they keep alive (no
// copy; sparse.h).
#include <pybind11/native_enum.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "bindings.h"
#include "common.h"
#include "gongwen/ids_by_address.h"
#include "gongwen/segment.h"
#include "gongwen/vectorize.h"
#include "sparse.h"

namespace py = pybind11;

namespace gongwen::bindings {

namespace {

AnalyzerOptions MakeAnalyzer(std::size_t ngram_min, std::size_t ngram_max, bool lowercase,
                             std::vector<std::string> stop_words) {
  AnalyzerOptions options;
  options.ngram_min = ngram_min;
  options.ngram_max = ngram_max;
  options.lowercase = lowercase;
  options.stop_words = std::move(stop_words);
  return options;
}

// The element types a counter's matrix can have (numpy's names).
enum class Dtype : std::uint8_t { kInt32, kInt64, kFloat32, kFloat64 };

// The counts (or weights) of a counter as a matrix of Scalar. Weighting applies to the
// floating-point types only: `idf` (empty: none), then `norm`.
template <typename Scalar>
Csr<Scalar> Weighted(const TermCounter& counter, bool binary, const TfidfOptions& weighting,
                     const std::vector<double>& idf) {
  DocumentTermMatrix<Scalar> matrix;
  {
    LongCall call;
    matrix = counter.Matrix<Scalar>(binary);
    if constexpr (std::is_floating_point_v<Scalar>) WeightTfidf(matrix, weighting, idf);
  }
  return CsrOwning(std::move(matrix));
}

// A matrix of any of the dtypes.
using AnyCsr = std::variant<Csr<float>, Csr<double>, Csr<std::int32_t>, Csr<std::int64_t>>;

AnyCsr CounterMatrix(const TermCounter& counter, Dtype dtype, bool binary, Norm norm,
                     bool sublinear_tf, const std::vector<double>& idf) {
  TfidfOptions weighting;
  weighting.norm = norm;
  weighting.sublinear_tf = sublinear_tf;
  weighting.use_idf = !idf.empty();
  switch (dtype) {
    case Dtype::kFloat32:
      return Weighted<float>(counter, binary, weighting, idf);
    case Dtype::kFloat64:
      return Weighted<double>(counter, binary, weighting, idf);
    case Dtype::kInt32:
    case Dtype::kInt64:
      break;
  }
  if (norm != Norm::kNone || sublinear_tf || !idf.empty()) {
    throw std::invalid_argument(std::string("TF-IDF weights need a floating-point dtype, not ") +
                                (dtype == Dtype::kInt32 ? "int32" : "int64"));
  }
  if (dtype == Dtype::kInt32) return Weighted<std::int32_t>(counter, binary, weighting, idf);
  return Weighted<std::int64_t>(counter, binary, weighting, idf);
}

// The top terms of the rows of a CSR matrix.
template <typename Scalar>
std::vector<std::vector<std::pair<std::int32_t, double>>> TopTermsOf(
    const Csr<Scalar>& matrix, const std::vector<std::uint8_t>& eligible, std::size_t top_n) {
  std::vector<std::vector<TermWeight>> top;
  {
    LongCall call;
    top = TopTerms(matrix.View(), eligible, top_n);
  }
  std::vector<std::vector<std::pair<std::int32_t, double>>> out(top.size());
  for (std::size_t r = 0; r < top.size(); ++r) {
    for (const TermWeight& t : top[r]) out[r].emplace_back(t.column, t.weight);
  }
  return out;
}

// (terms, document frequencies as a numpy array, documents) of a vocabulary.
auto VocabularyTuple(const Vocabulary& vocabulary) {
  return py::make_tuple(vocabulary.terms,
                        py::array_t<std::int64_t>(static_cast<py::ssize_t>(vocabulary.terms.size()),
                                                  vocabulary.document_frequency.data()),
                        vocabulary.documents);
}

// The counter's id of `word` (a str), interning it.
std::int32_t InternWord(TermCounter& counter, PyObject* word) {
  Py_ssize_t size = 0;
  if (const char* utf8 = PyUnicode_AsUTF8AndSize(word, &size)) {
    return counter.InternWord(std::string_view(utf8, static_cast<std::size_t>(size)));
  }
  PyErr_Clear();  // lone surrogates, which UTF-8 cannot hold
  return counter.InternWord(std::u32string_view(CodePoints(py::reinterpret_borrow<py::str>(word))));
}

py::ssize_t AddWordLists(TermCounter& self, const py::sequence& documents) {
  // Word ids by str object, for this call: a corpus repeats its words, and cut_many hands out
  // one str per distinct short word, so most words are found by their address without reading
  // them. The documents hold references to the strs for the length of the call.
  IdsByAddress word_ids(1 << 12);
  std::vector<std::int32_t> ids;
  const py::ssize_t n = py::len(documents);
  for (py::ssize_t d = 0; d < n; ++d) {
    const py::object document = documents[d];
    PyObject* doc = document.ptr();
    if (!PyList_Check(doc) && !PyTuple_Check(doc)) return d;
    const Py_ssize_t size = PySequence_Fast_GET_SIZE(doc);
    PyObject** items = PySequence_Fast_ITEMS(doc);
    ids.clear();
    for (Py_ssize_t k = 0; k < size; ++k) {
      if (!PyUnicode_Check(items[k])) return d;
      const auto [id, added] = word_ids.Insert(items[k]);
      if (added) *id = InternWord(self, items[k]);
      ids.push_back(*id);
    }
    self.AddWordIds(ids);
  }
  return -1;
}

void BindTermCounter(py::module_& m) {
  py::class_<TermCounter>(m, "TermCounter", "Counts the terms of documents added in batches.")
      .def_static(
          "learning",
          [](std::size_t ngram_min, std::size_t ngram_max, bool lowercase,
             std::vector<std::string> stop_words, bool keep_rows) {
            return TermCounter::Learning(
                MakeAnalyzer(ngram_min, ngram_max, lowercase, std::move(stop_words)), keep_rows);
          },
          py::arg("ngram_min"), py::arg("ngram_max"), py::arg("lowercase"), py::arg("stop_words"),
          py::arg("keep_rows"))
      .def_static(
          "fixed",
          [](std::size_t ngram_min, std::size_t ngram_max, bool lowercase,
             std::vector<std::string> stop_words, std::vector<std::string> vocabulary,
             bool keep_rows) {
            return TermCounter::Fixed(
                MakeAnalyzer(ngram_min, ngram_max, lowercase, std::move(stop_words)),
                std::move(vocabulary), keep_rows);
          },
          py::arg("ngram_min"), py::arg("ngram_max"), py::arg("lowercase"), py::arg("stop_words"),
          py::arg("vocabulary"), py::arg("keep_rows"))
      .def_static(
          "hashing",
          [](std::size_t ngram_min, std::size_t ngram_max, bool lowercase,
             std::vector<std::string> stop_words, std::int32_t n_features, bool alternate_sign) {
            return TermCounter::Hashing(
                MakeAnalyzer(ngram_min, ngram_max, lowercase, std::move(stop_words)),
                HashingOptions{n_features, alternate_sign});
          },
          py::arg("ngram_min"), py::arg("ngram_max"), py::arg("lowercase"), py::arg("stop_words"),
          py::arg("n_features"), py::arg("alternate_sign"))
      .def(
          "add_texts",
          [](TermCounter& self, const std::vector<py::str>& texts, const Segmenter& segmenter,
             int n_threads) {
            const std::vector<std::u32string> code_points = CodePoints(texts);
            LongCall call;
            self.AddTexts(segmenter, code_points, n_threads);
          },
          py::arg("texts"), py::arg("segmenter"), py::arg("n_threads") = 0,
          "Segments and counts texts, one document each.")
      .def("add_word_lists", &AddWordLists, py::arg("documents"),
           "Counts documents given as lists (or tuples) of str; returns -1, or the position of "
           "the first document that is not a list of str (the documents before it are "
           "counted).")
      .def_property_readonly("documents", &TermCounter::documents)
      .def(
          "finish",
          [](TermCounter& self, double min_df, bool min_df_share, double max_df, bool max_df_share,
             std::optional<std::size_t> max_features) {
            VocabularyLimits limits;
            limits.min_df = {min_df, min_df_share};
            limits.max_df = {max_df, max_df_share};
            limits.max_features = max_features;
            Vocabulary vocabulary;
            {
              LongCall call;  // sorts and filters every term seen
              vocabulary = self.Finish(limits);
            }
            return VocabularyTuple(vocabulary);
          },
          py::arg("min_df") = 1.0, py::arg("min_df_share") = false, py::arg("max_df") = 1.0,
          py::arg("max_df_share") = true, py::arg("max_features") = py::none(),
          "Ends counting: (terms, document frequencies, documents).")
      .def("matrix", &CounterMatrix, py::arg("dtype"), py::arg("binary") = false,
           py::arg_v("norm", Norm::kNone, "Norm.none"), py::arg("sublinear_tf") = false,
           py::arg("idf") = std::vector<double>{},
           "The counts as a scipy.sparse.csr_matrix of dtype, weighted by idf and normalised.");
}

// Saving and loading read or write the whole vocabulary: both run without the GIL, once the
// arguments are C++ values (the bytes are viewed, not copied: the argument holds a reference
// for the length of the call, and bytes are immutable).
void BindSaved(py::module_& m) {
  m.def(
      "save_vectorizer",
      [](std::string settings, std::optional<std::vector<std::string>> terms,
         std::vector<std::int64_t> document_frequency, std::size_t documents,
         std::vector<double> idf, const py::bytes& segmenter) {
        const std::string_view segmenter_bytes = segmenter;
        std::string bytes;
        {
          py::gil_scoped_release release;
          SavedVectorizer saved;
          saved.settings = std::move(settings);
          if (terms) {
            saved.vocabulary =
                Vocabulary{std::move(*terms), std::move(document_frequency), documents};
          }
          saved.idf = std::move(idf);
          saved.segmenter = segmenter_bytes;
          bytes = saved.Serialize();
        }
        return py::bytes(bytes);
      },
      py::arg("settings"), py::arg("terms"), py::arg("document_frequency"), py::arg("documents"),
      py::arg("idf"), py::arg("segmenter"),
      "The bytes of a vectorizer: settings (JSON), vocabulary, idf and segmenter.");
  m.def(
      "load_vectorizer",
      [](const py::bytes& data) {
        const std::string_view bytes = data;
        SavedVectorizer saved;
        {
          py::gil_scoped_release release;
          saved = SavedVectorizer::Deserialize(bytes);
        }
        py::object vocabulary = py::none();
        if (saved.vocabulary) vocabulary = VocabularyTuple(*saved.vocabulary);
        return py::make_tuple(
            saved.settings, vocabulary,
            py::array_t<double>(static_cast<py::ssize_t>(saved.idf.size()), saved.idf.data()),
            py::bytes(saved.segmenter));
      },
      py::arg("data"), "(settings, (terms, df, documents) or None, idf, segmenter bytes).");
}

}  // namespace

void BindVectorize(py::module_& m) {
  py::native_enum<Norm>(m, "Norm", "enum.Enum", "Row normalisation.")
      .value("none", Norm::kNone)
      .value("l1", Norm::kL1, "Each row's absolute values sum to 1.")
      .value("l2", Norm::kL2, "Each row has unit Euclidean length.")
      .finalize();
  py::native_enum<Dtype>(m, "Dtype", "enum.Enum", "The element type of a counter's matrix.")
      .value("int32", Dtype::kInt32)
      .value("int64", Dtype::kInt64)
      .value("float32", Dtype::kFloat32)
      .value("float64", Dtype::kFloat64)
      .finalize();
  BindTermCounter(m);
  BindSaved(m);
  m.def("inverse_document_frequency", &InverseDocumentFrequency, py::arg("document_frequency"),
        py::arg("documents"), py::arg("smooth"), py::call_guard<py::gil_scoped_release>(),
        "ln((1 + n) / (1 + df)) + 1 (smooth) or ln(n / df) + 1 for each term.");
  m.def("keyword_eligible", &KeywordEligible, py::arg("terms"), py::arg("stop_words"),
        py::arg("segmenter"), py::call_guard<LongCall>(),
        "1 for each term that can be a keyword (words only: no stop word, number or symbol).");
  m.def("top_terms", &TopTermsOf<float>, py::arg("matrix"), py::arg("eligible"), py::arg("top_n"));
  m.def("top_terms", &TopTermsOf<double>, py::arg("matrix"), py::arg("eligible"), py::arg("top_n"),
        "For each row of a CSR matrix, its top_n heaviest eligible (column, weight) pairs.");
  m.def(
      "murmurhash3",
      [](const std::string& bytes, std::uint32_t seed) { return MurmurHash3(bytes, seed); },
      py::arg("data"), py::arg("seed") = 0, "Signed 32-bit MurmurHash3 of UTF-8 bytes.");
}

}  // namespace gongwen::bindings
