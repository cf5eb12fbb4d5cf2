// Cosine nearest neighbours and all-pairs cosines. Sparse matrices come in as scipy CSR matrices
// viewed without a copy (sparse.h), dense ones as C-contiguous 2-D numpy arrays; the results
// leave as numpy arrays over the core's Eigen matrices (no copy). gongwen.similarity checks the
// arguments and picks the overload of the right type.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <stdexcept>
#include <utility>

#include "bindings.h"
#include "common.h"
#include "gongwen/similarity.h"
#include "sparse.h"

namespace py = pybind11;

namespace gongwen::bindings {

namespace {

// The view of a 2-D array. The array must outlive the view.
template <typename Scalar>
DenseRowsView<Scalar> DenseView(const ArrayOf<Scalar>& array) {
  if (array.ndim() != 2) throw std::invalid_argument("a 2-D array is expected");
  return DenseRowsView<Scalar>(array.data(), array.shape(0), array.shape(1));
}

// A 2-D numpy array over a row-major matrix moved to the heap and owned by the array.
template <typename Matrix>
py::array ArrayOwning(Matrix&& matrix) {
  using T = typename Matrix::Scalar;
  auto* owned = new Matrix(std::move(matrix));
  const py::capsule owner(owned, [](void* p) { delete static_cast<Matrix*>(p); });
  const auto rows = static_cast<py::ssize_t>(owned->rows());
  const auto cols = static_cast<py::ssize_t>(owned->cols());
  const auto item = static_cast<py::ssize_t>(sizeof(T));
  return py::array_t<T>({rows, cols}, {cols * item, item}, owned->data(), owner);
}

NeighbourOptions Options(std::int64_t k, std::optional<double> threshold, int n_threads) {
  NeighbourOptions options;
  options.k = k;
  options.threshold = threshold;
  options.n_threads = n_threads;
  return options;
}

template <typename Scalar>
py::tuple Parts(Neighbours<Scalar>&& neighbours) {
  return py::make_tuple(ArrayOwning(std::move(neighbours.indices)),
                        ArrayOwning(std::move(neighbours.scores)));
}

// Checking the buffers and the search read the whole input: both run without the GIL.

template <typename Scalar>
py::tuple SparseSelf(const Csr<Scalar>& rows, std::int64_t k, std::optional<double> threshold,
                     int n_threads) {
  Neighbours<Scalar> neighbours;
  {
    LongCall call;
    neighbours = MostSimilar(rows.View(), Options(k, threshold, n_threads));
  }
  return Parts(std::move(neighbours));
}

template <typename Scalar>
py::tuple SparseQueries(const Csr<Scalar>& rows, const Csr<Scalar>& queries, std::int64_t k,
                        std::optional<double> threshold, int n_threads) {
  Neighbours<Scalar> neighbours;
  {
    LongCall call;
    neighbours = MostSimilar(rows.View(), queries.View(), Options(k, threshold, n_threads));
  }
  return Parts(std::move(neighbours));
}

template <typename Scalar>
py::tuple DenseSelf(const ArrayOf<Scalar>& rows, std::int64_t k, std::optional<double> threshold,
                    int n_threads) {
  Neighbours<Scalar> neighbours;
  {
    LongCall call;
    neighbours = MostSimilar(DenseView(rows), Options(k, threshold, n_threads));
  }
  return Parts(std::move(neighbours));
}

template <typename Scalar>
py::tuple DenseQueries(const ArrayOf<Scalar>& rows, const ArrayOf<Scalar>& queries, std::int64_t k,
                       std::optional<double> threshold, int n_threads) {
  Neighbours<Scalar> neighbours;
  {
    LongCall call;
    neighbours = MostSimilar(DenseView(rows), DenseView(queries), Options(k, threshold, n_threads));
  }
  return Parts(std::move(neighbours));
}

template <typename Scalar>
py::array SparseCosines(const Csr<Scalar>& rows, int n_threads) {
  DenseRows<Scalar> cosines;
  {
    LongCall call;
    cosines = CosineSimilarities(rows.View(), n_threads);
  }
  return ArrayOwning(std::move(cosines));
}

template <typename Scalar>
py::array DenseCosines(const ArrayOf<Scalar>& rows, int n_threads) {
  DenseRows<Scalar> cosines;
  {
    LongCall call;
    cosines = CosineSimilarities(DenseView(rows), n_threads);
  }
  return ArrayOwning(std::move(cosines));
}

// Binds `name` for float32 and float64 (exact dtypes first: gongwen.similarity passes
// C-contiguous arrays of one type, so no overload converts).
template <typename Float, typename Double, typename... Extra>
void BindBoth(py::module_& m, const char* name, Float f, Double d, const Extra&... extra) {
  m.def(name, f, extra...);
  m.def(name, d, extra...);
}

}  // namespace

void BindSimilarity(py::module_& m) {
  const char* neighbours_doc =
      "(indices, scores): queries x k arrays of int64 row indices (-1: none) and cosines (NaN: "
      "none), most similar first, ties in index order.";
  BindBoth(m, "most_similar_sparse", &SparseSelf<float>, &SparseSelf<double>, py::arg("rows"),
           py::arg("k"), py::arg("threshold"), py::arg("n_threads"), neighbours_doc);
  BindBoth(m, "most_similar_sparse_queries", &SparseQueries<float>, &SparseQueries<double>,
           py::arg("rows"), py::arg("queries"), py::arg("k"), py::arg("threshold"),
           py::arg("n_threads"), neighbours_doc);
  BindBoth(m, "most_similar_dense", &DenseSelf<float>, &DenseSelf<double>, py::arg("rows"),
           py::arg("k"), py::arg("threshold"), py::arg("n_threads"), neighbours_doc);
  BindBoth(m, "most_similar_dense_queries", &DenseQueries<float>, &DenseQueries<double>,
           py::arg("rows"), py::arg("queries"), py::arg("k"), py::arg("threshold"),
           py::arg("n_threads"), neighbours_doc);
  BindBoth(m, "cosine_similarities_sparse", &SparseCosines<float>, &SparseCosines<double>,
           py::arg("rows"), py::arg("n_threads"),
           "The rows x rows cosines of a CSR matrix's rows.");
  BindBoth(m, "cosine_similarities_dense", &DenseCosines<float>, &DenseCosines<double>,
           py::arg("rows"), py::arg("n_threads"), "The rows x rows cosines of a 2-D array's rows.");
}

}  // namespace gongwen::bindings
