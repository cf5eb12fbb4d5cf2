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

namespace {

// Runs Python's signal handlers once `chars` more characters have been converted since the last
// time; throws what a handler raised.
class SignalsEvery {
 public:
  void Converted(std::size_t chars) {
    since_ += chars;
    if (since_ < kChars) return;
    since_ = 0;
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
  }

 private:
  static constexpr std::size_t kChars = std::size_t{1} << 22;
  std::size_t since_ = 0;
};

}  // namespace

std::vector<std::u32string> CodePoints(const std::vector<py::str>& texts) {
  std::vector<std::u32string> out;
  out.reserve(texts.size());
  SignalsEvery signals;
  for (const py::str& text : texts) {
    out.push_back(CodePoints(text));
    signals.Converted(out.back().size());
  }
  return out;
}

std::vector<std::string> Utf8(const std::vector<py::str>& texts) {
  std::vector<std::string> out;
  out.reserve(texts.size());
  SignalsEvery signals;
  for (const py::str& text : texts) {
    // A bytes object of its own, not the str's cached UTF-8, which would stay with the str.
    const auto bytes = py::reinterpret_steal<py::object>(PyUnicode_AsUTF8String(text.ptr()));
    if (!bytes) throw py::error_already_set();
    out.emplace_back(PyBytes_AS_STRING(bytes.ptr()),
                     static_cast<std::size_t>(PyBytes_GET_SIZE(bytes.ptr())));
    signals.Converted(out.back().size());
  }
  return out;
}

}  // namespace gongwen::bindings
