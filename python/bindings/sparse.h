// Sparse matrices across the boundary, one type both ways: a Csr holds the three numpy buffers
// and the shape of a CSR matrix. A scipy csr_matrix or csr_array argument loads into one (its
// buffers referenced, not copied) and is viewed as an Eigen matrix; a matrix the core made
// leaves as a scipy.sparse.csr_matrix over the core's own buffers (no copy), which keep it alive.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <utility>

#include "gongwen/vectorize.h"

namespace gongwen::bindings {

// A C-contiguous numpy array of T (converted when it is another type).
template <typename T>
using ArrayOf = pybind11::array_t<T, pybind11::array::c_style | pybind11::array::forcecast>;

// A CSR matrix: scipy's data, indices and indptr, and its shape. Bindings take it as
// `const Csr<Scalar>&` (a copy would touch Python references, which needs the GIL).
template <typename Scalar>
struct Csr {
  ArrayOf<Scalar> data;
  ArrayOf<std::int32_t> indices;
  ArrayOf<std::int32_t> indptr;
  std::int64_t rows = 0;
  std::int64_t cols = 0;

  // The matrix, checked by CheckedView (reads every index: call it with the GIL released; the
  // Csr must outlive the view). Throws std::invalid_argument for buffers that are not a CSR
  // matrix of this shape.
  DocumentTermView<Scalar> View() const {
    if (indptr.ndim() != 1 || indices.ndim() != 1 || data.ndim() != 1 ||
        indptr.size() != rows + 1 || indices.size() != data.size()) {
      throw std::invalid_argument("not a CSR matrix: buffers of inconsistent sizes");
    }
    return CheckedView<Scalar>(rows, cols, data.size(), indptr.data(), indices.data(), data.data());
  }
};

// A numpy array over `size` values at `data`, owned by `owner`.
template <typename T>
pybind11::array_t<T> ArrayOver(const T* data, std::size_t size, const pybind11::object& owner) {
  return pybind11::array_t<T>({static_cast<pybind11::ssize_t>(size)},
                              {static_cast<pybind11::ssize_t>(sizeof(T))}, data, owner);
}

// The Csr over a matrix moved to the heap and owned by its buffers.
template <typename Scalar>
Csr<Scalar> CsrOwning(DocumentTermMatrix<Scalar>&& matrix) {
  auto* owned = new DocumentTermMatrix<Scalar>(std::move(matrix));
  const pybind11::capsule owner(
      owned, [](void* p) { delete static_cast<DocumentTermMatrix<Scalar>*>(p); });
  const auto nonzeros = static_cast<std::size_t>(owned->nonZeros());
  Csr<Scalar> csr;
  csr.data = ArrayOver(owned->valuePtr(), nonzeros, owner);
  csr.indices = ArrayOver(owned->innerIndexPtr(), nonzeros, owner);
  csr.indptr =
      ArrayOver(owned->outerIndexPtr(), static_cast<std::size_t>(owned->rows()) + 1, owner);
  csr.rows = owned->rows();
  csr.cols = owned->cols();
  return csr;
}

}  // namespace gongwen::bindings

namespace pybind11::detail {

// Loads a Csr from any object with .data, .indices, .indptr and .shape (scipy's csr_matrix and
// csr_array; an object whose .format is another sparse format is refused). Without conversion
// only the exact types load (Scalar data, int32 indices), so that overload resolution finds the
// binding of the matrix's own dtype; with it, the data converts only where numpy casts it
// safely (float64 never becomes float32) and indices of another integer type become int32
// (exact for any valid matrix, whose indices are below its shape, checked to fit in 32 bits).
// Casting a Csr makes a scipy.sparse.csr_matrix over its buffers.
template <typename Scalar>
struct type_caster<gongwen::bindings::Csr<Scalar>> {
  using Value = gongwen::bindings::Csr<Scalar>;
  PYBIND11_TYPE_CASTER(Value, io_name("typing.Annotated[scipy.sparse.csr_matrix | "
                                      "scipy.sparse.csr_array, ",
                                      "typing.Annotated[scipy.sparse.csr_matrix, ") +
                                  npy_format_descriptor<Scalar>::name + const_name("]"));

  bool load(handle src, bool convert) {
    if (!hasattr(src, "indptr") || !hasattr(src, "indices") || !hasattr(src, "data") ||
        !hasattr(src, "shape")) {
      return false;
    }
    if (hasattr(src, "format") && !str(src.attr("format")).equal(str("csr"))) return false;
    const object shape_object = src.attr("shape");
    if (!isinstance<tuple>(shape_object) || len(shape_object) != 2) return false;
    const auto shape = reinterpret_borrow<tuple>(shape_object);
    long long dims[2];
    for (int i = 0; i < 2; ++i) {
      const auto dim = reinterpret_steal<object>(PyNumber_Index(shape[i].ptr()));
      if (!dim) {
        PyErr_Clear();
        return false;
      }
      dims[i] = PyLong_AsLongLong(dim.ptr());
      if (PyErr_Occurred()) {
        PyErr_Clear();
        return false;
      }
      if (dims[i] < 0 || dims[i] > std::numeric_limits<std::int32_t>::max()) return false;
    }
    if (!LoadBuffer(src.attr("data"), convert, true, value.data) ||
        !LoadBuffer(src.attr("indices"), convert, false, value.indices) ||
        !LoadBuffer(src.attr("indptr"), convert, false, value.indptr)) {
      return false;
    }
    value.rows = dims[0];
    value.cols = dims[1];
    return true;
  }

  static handle cast(const Value& csr, return_value_policy /*policy*/, handle /*parent*/) {
    const object csr_matrix = module_::import("scipy.sparse").attr("csr_matrix");
    return csr_matrix(make_tuple(csr.data, csr.indices, csr.indptr),
                      arg("shape") = make_tuple(csr.rows, csr.cols), arg("copy") = false)
        .release();
  }

 private:
  // Loads one buffer into `out`; `values` says whether it holds the values (converted only by
  // a safe cast) or indices (converted from any integer type).
  template <typename T>
  static bool LoadBuffer(const object& buffer, bool convert, bool values,
                         gongwen::bindings::ArrayOf<T>& out) {
    using Array = gongwen::bindings::ArrayOf<T>;
    if (!convert) {
      if (!Array::check_(buffer)) return false;
    } else {
      if (!isinstance<array>(buffer)) return false;
      const object from = buffer.attr("dtype");
      const object numpy = module_::import("numpy");
      const bool castable =
          values ? numpy.attr("can_cast")(from, dtype::of<T>()).template cast<bool>()
                 : numpy.attr("issubdtype")(from, numpy.attr("integer")).template cast<bool>();
      if (!castable) return false;
    }
    out = Array::ensure(buffer);
    if (!out) {
      PyErr_Clear();
      return false;
    }
    return true;
  }
};

}  // namespace pybind11::detail
