// Text reuse. The texts cross as code points (offsets equal Python str indices); the passages come
// back as numpy columns of spans, and gongwen.reuse slices the texts and builds the DataFrame.
// The search runs with the GIL released: it grows with the corpus, and takes minutes for a large
// one.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <string>
#include <vector>

#include "bindings.h"
#include "common.h"
#include "gongwen/reuse.h"

namespace py = pybind11;

namespace gongwen::bindings {

namespace {

// One column of the passages, as a numpy array.
template <typename T, typename Field>
py::array_t<T> Column(const std::vector<ReusedPassage>& passages, Field field) {
  py::array_t<T> out(static_cast<py::ssize_t>(passages.size()));
  T* data = out.mutable_data();
  for (std::size_t i = 0; i < passages.size(); ++i) data[i] = static_cast<T>(passages[i].*field);
  return out;
}

}  // namespace

void BindReuse(py::module_& m) {
  m.def(
      "find_reuse",
      [](const std::vector<py::str>& texts, std::size_t min_chars, std::size_t ngram,
         std::size_t max_df, double min_similarity, bool to_simplified, int n_threads) {
        ReuseOptions options;
        options.min_chars = min_chars;
        options.ngram = ngram;
        options.max_df = max_df;
        options.min_similarity = min_similarity;
        options.to_simplified = to_simplified;
        options.n_threads = n_threads;
        const std::vector<std::u32string> code_points = CodePoints(texts);
        std::vector<ReusedPassage> passages;
        {
          LongCall call;
          passages = FindReuse(code_points, options);
        }
        py::dict columns;
        columns["doc_a"] = Column<std::int64_t>(passages, &ReusedPassage::doc_a);
        columns["doc_b"] = Column<std::int64_t>(passages, &ReusedPassage::doc_b);
        columns["start_a"] = Column<std::int64_t>(passages, &ReusedPassage::start_a);
        columns["end_a"] = Column<std::int64_t>(passages, &ReusedPassage::end_a);
        columns["start_b"] = Column<std::int64_t>(passages, &ReusedPassage::start_b);
        columns["end_b"] = Column<std::int64_t>(passages, &ReusedPassage::end_b);
        columns["chars"] = Column<std::int64_t>(passages, &ReusedPassage::chars);
        columns["aligned"] = Column<std::int64_t>(passages, &ReusedPassage::aligned);
        columns["similarity"] = Column<double>(passages, &ReusedPassage::similarity);
        return columns;
      },
      py::arg("texts"), py::arg("min_chars") = 30, py::arg("ngram") = 8, py::arg("max_df") = 100,
      py::arg("min_similarity") = 0.8, py::arg("to_simplified") = false, py::arg("n_threads") = 0,
      "Passages shared by pairs of texts, as columns of numpy arrays (offsets in code points).");
}

}  // namespace gongwen::bindings
