// What the binding files share (common.h).
#include "common.h"

#include <algorithm>
#include <thread>

namespace py = pybind11;

namespace gongwen::bindings {

namespace {

// The thread that imported the module (SetMainThread).
std::thread::id main_thread;

}  // namespace

void SetMainThread() { main_thread = std::this_thread::get_id(); }

py::str FsString(std::string_view bytes) {
  PyObject* text =
      PyUnicode_DecodeFSDefaultAndSize(bytes.data(), static_cast<Py_ssize_t>(bytes.size()));
  if (text == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(text);
}

bool SignalPending() {
  // Elsewhere there is nothing to check, and no need to wait for the GIL.
  if (std::this_thread::get_id() != main_thread) return false;
  py::gil_scoped_acquire gil;
  return PyErr_CheckSignals() != 0;
}

// The code points of a Python str (lone surrogates included: they segment as punctuation). The
// loop is per storage width, so that each one is a plain widening copy.
std::u32string CodePoints(const py::str& text) {
  PyObject* s = text.ptr();
  const auto n = static_cast<std::size_t>(PyUnicode_GET_LENGTH(s));
  std::u32string out(n, U'\0');
  switch (PyUnicode_KIND(s)) {
    case PyUnicode_1BYTE_KIND:
      std::copy_n(PyUnicode_1BYTE_DATA(s), n, out.begin());
      break;
    case PyUnicode_2BYTE_KIND:
      std::copy_n(PyUnicode_2BYTE_DATA(s), n, out.begin());
      break;
    default:
      std::copy_n(PyUnicode_4BYTE_DATA(s), n, out.begin());
      break;
  }
  return out;
}

std::vector<std::u32string> CodePoints(const std::vector<py::str>& texts) {
  std::vector<std::u32string> out;
  out.reserve(texts.size());
  for (const py::str& text : texts) out.push_back(CodePoints(text));
  return out;
}

}  // namespace gongwen::bindings
