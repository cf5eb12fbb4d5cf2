// Sparse matrices across the boundary: a scipy CSR matrix comes in as three numpy buffers viewed
// (not copied) as an Eigen matrix; a matrix the core made goes out as three numpy arrays over
// its own buffers, which keep it alive (python/gongwen/_util.py makes the scipy matrix).
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <utility>

#include "gongwen/vectorize.h"

namespace gongwen::bindings {

// A C-contiguous numpy array of T (converted when it is another type).
template <typename T>
using ArrayOf = pybind11::array_t<T, pybind11::array::c_style | pybind11::array::forcecast>;

// The view of a CSR matrix with `columns` columns given as scipy's data, indices and indptr.
// The arrays must outlive the view. Throws std::invalid_argument for buffers that are not a CSR
// matrix.
template <typename Scalar>
DocumentTermView<Scalar> CsrView(const ArrayOf<Scalar>& data, const ArrayOf<std::int32_t>& indices,
                                 const ArrayOf<std::int32_t>& indptr, std::int64_t columns) {
  if (indptr.ndim() != 1 || indptr.size() < 1 || indices.size() != data.size()) {
    throw std::invalid_argument("not a CSR matrix: buffers of inconsistent sizes");
  }
  return CheckedView<Scalar>(indptr.size() - 1, columns, data.size(), indptr.data(), indices.data(),
                             data.data());
}

// A numpy array over `size` values at `data`, owned by `owner`.
template <typename T>
pybind11::array ArrayOver(const T* data, std::size_t size, const pybind11::object& owner) {
  return pybind11::array_t<T>({static_cast<pybind11::ssize_t>(size)},
                              {static_cast<pybind11::ssize_t>(sizeof(T))}, data, owner);
}

// (data, indices, indptr, shape) of a matrix moved to the heap and owned by the arrays.
template <typename Scalar>
pybind11::tuple MatrixParts(DocumentTermMatrix<Scalar>&& matrix) {
  auto* owned = new DocumentTermMatrix<Scalar>(std::move(matrix));
  const pybind11::capsule owner(
      owned, [](void* p) { delete static_cast<DocumentTermMatrix<Scalar>*>(p); });
  const auto nonzeros = static_cast<std::size_t>(owned->nonZeros());
  return pybind11::make_tuple(
      ArrayOver(owned->valuePtr(), nonzeros, owner),
      ArrayOver(owned->innerIndexPtr(), nonzeros, owner),
      ArrayOver(owned->outerIndexPtr(), static_cast<std::size_t>(owned->rows()) + 1, owner),
      pybind11::make_tuple(owned->rows(), owned->cols()));
}

}  // namespace gongwen::bindings
