// Exceptions, decoding and cleaning. Every call that reads or scans a whole text releases the
// GIL: loading a corpus from several Python threads then runs in parallel.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>

#include "bindings.h"
#include "common.h"
#include "gongwen/clean.h"
#include "gongwen/decode.h"
#include "gongwen/error.h"

namespace py = pybind11;

namespace gongwen::bindings {

namespace {

// Raises `type(message)` with extra attributes set on the exception instance.
void RaiseWithAttributes(const py::object& type, const std::string& message,
                         const py::dict& attrs) {
  py::object error = type(FsString(message));
  for (const auto& item : attrs) py::setattr(error, item.first, item.second);
  PyErr_SetObject(type.ptr(), error.ptr());
}

// OSError(errno, message, filename): Python picks the subclass (FileNotFoundError for ENOENT,
// IsADirectoryError for EISDIR, PermissionError for EACCES).
void RaiseOsError(const FileError& e) {
  py::object error = py::reinterpret_borrow<py::object>(PyExc_OSError)(
      e.error_number(), FsString(e.what()), FsString(e.path()));
  PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(error.ptr())), error.ptr());
}

// Exception types created once per interpreter (pybind11's recommended storage for them).
PYBIND11_CONSTINIT py::gil_safe_call_once_and_store<py::object> decode_error_type;
PYBIND11_CONSTINIT py::gil_safe_call_once_and_store<py::object> empty_document_type;

void RegisterExceptions(py::module_& m) {
  decode_error_type.call_once_and_store_result(
      [&] { return py::object(py::exception<DecodeError>(m, "DecodeError", PyExc_ValueError)); });
  empty_document_type.call_once_and_store_result([&] {
    return py::object(py::exception<EmptyDocument>(m, "EmptyDocumentError", PyExc_ValueError));
  });
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const DecodeError& e) {
      RaiseWithAttributes(
          decode_error_type.get_stored(), e.what(),
          py::dict(py::arg("path") = FsString(e.path()), py::arg("offset") = e.offset()));
    } catch (const EmptyDocument& e) {
      PyErr_SetObject(empty_document_type.get_stored().ptr(), FsString(e.what()).ptr());
    } catch (const FileError& e) {
      RaiseOsError(e);
    } catch (const Error& e) {
      PyErr_SetObject(PyExc_ValueError, FsString(e.what()).ptr());
    } catch (const Interrupted&) {
      // The KeyboardInterrupt (or whatever a signal handler raised) that stopped the call is
      // already set, by PyErr_CheckSignals in SignalPending.
      if (!PyErr_Occurred()) PyErr_SetNone(PyExc_KeyboardInterrupt);
    }
  });
}

}  // namespace

void BindIo(py::module_& m) {
  RegisterExceptions(m);

  m.def(
      "read_text",
      [](const std::string& path, const std::string& encoding) {
        DecodedText decoded;
        {
          py::gil_scoped_release release;
          decoded = ReadText(path, encoding);
        }
        return py::make_tuple(decoded.text, decoded.encoding, decoded.format, decoded.metadata);
      },
      py::arg("path"), py::arg("encoding") = "",
      "Reads and decodes a file; returns (text, encoding used, format, metadata pairs).");

  m.def(
      "decode_bytes",
      [](const py::bytes& data, const std::string& encoding, const std::string& name) {
        std::string_view bytes = data;  // a view of the bytes object, which outlives the call
        DecodedText decoded;
        {
          py::gil_scoped_release release;
          decoded = DecodeBytes(bytes, name, encoding);
        }
        return py::make_tuple(decoded.text, decoded.encoding, decoded.format, decoded.metadata);
      },
      py::arg("data"), py::arg("encoding") = "", py::arg("name") = "<bytes>",
      "Decodes bytes as read_text decodes a file; returns (text, encoding, format, metadata).");

  m.def(
      "clean_text",
      [](const std::string& text, bool drop_page_numbers, bool join_lines, bool fix_spaces) {
        CleanOptions options;
        options.drop_page_numbers = drop_page_numbers;
        options.join_lines = join_lines;
        options.fix_spaces = fix_spaces;
        return CleanText(text, options).text;
      },
      py::arg("text"), py::arg("drop_page_numbers") = true, py::arg("join_lines") = true,
      py::arg("fix_spaces") = true, py::call_guard<py::gil_scoped_release>(),
      "Undoes PDF-extraction damage; returns the cleaned text, one paragraph a line.");
}

}  // namespace gongwen::bindings
