// Bulletins and their parts, as read-only views that the public package turns into dataclasses.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "bindings.h"
#include "common.h"
#include "gongwen/bulletin.h"
#include "gongwen/corpus.h"

namespace py = pybind11;

namespace gongwen::bindings {

namespace {

// A part's text span as a (start, end) tuple.
template <typename Part>
std::tuple<std::size_t, std::size_t> TextSpan(const Part& part) {
  return SpanTuple(part.text_span);
}

void BindParts(py::module_& m) {
  py::class_<Point>(m, "Point", "A numbered point (一是, 二是, ...); offsets into Bulletin.text.")
      .def_readonly("number", &Point::number)
      .def_readonly("heading", &Point::heading)
      .def_property_readonly("text_span", &TextSpan<Point>)
      .def_readonly("start", &Point::start)
      .def_readonly("end", &Point::end);

  py::class_<Section>(m, "Section", "A numbered section (一、 / （一） / 1．/ 第一章).")
      .def_readonly("number", &Section::number)
      .def_readonly("marker", &Section::marker)
      .def_readonly("heading", &Section::heading)
      .def_property_readonly("text_span", &TextSpan<Section>)
      .def_readonly("points", &Section::points)
      .def_readonly("start", &Section::start)
      .def_readonly("end", &Section::end);

  py::class_<Article>(m, "Article", "One article of a bulletin.")
      .def_readonly("title", &Article::title)
      .def_readonly("author", &Article::author)
      .def_property_readonly("text_span", &TextSpan<Article>)
      .def_readonly("sections", &Article::sections)
      .def_readonly("points", &Article::points)
      .def_readonly("start", &Article::start)
      .def_readonly("end", &Article::end);

  py::class_<Bulletin>(m, "Bulletin", "A parsed bulletin.")
      .def_readonly("text", &Bulletin::text)
      .def_readonly("publication", &Bulletin::publication)
      .def_readonly("issue", &Bulletin::issue)
      .def_readonly("issue_total", &Bulletin::issue_total)
      .def_readonly("year", &Bulletin::year)
      .def_readonly("editor", &Bulletin::editor)
      .def_property_readonly("date", [](const Bulletin& b) { return DateTuple(b.date); })
      .def_readonly("notices", &Bulletin::notices)
      .def_readonly("editor_note", &Bulletin::editor_note)
      .def_readonly("instructions", &Bulletin::instructions)
      .def_readonly("articles", &Bulletin::articles)
      .def_readonly("distribution", &Bulletin::distribution)
      .def_readonly("credits", &Bulletin::credits)
      .def_readonly("copies", &Bulletin::copies)
      .def_property_readonly("path", [](const Bulletin& b) { return FsString(b.path); })
      .def_readonly("encoding", &Bulletin::encoding);

  py::class_<LoadOutcome>(m, "LoadOutcome", "How loading one file of a corpus went.")
      .def_property_readonly("path", [](const LoadOutcome& r) { return FsString(r.path); })
      .def_readonly("error_type", &LoadOutcome::error_type)
      .def_property_readonly("error", [](const LoadOutcome& r) { return FsString(r.error); })
      .def_readonly("error_number", &LoadOutcome::error_number);

  py::class_<LoadResult, LoadOutcome>(m, "LoadResult", "A file of a corpus loaded as a bulletin.")
      .def_readonly("bulletin", &LoadResult::bulletin);
}

}  // namespace

void BindBulletin(py::module_& m) {
  BindParts(m);

  m.def("parse_bulletin", &ParseBulletin, py::arg("text"), py::call_guard<py::gil_scoped_release>(),
        "Parses extracted text into a Bulletin.");

  m.def("read_bulletin", &ReadBulletin, py::arg("path"), py::arg("encoding") = "",
        py::call_guard<py::gil_scoped_release>(), "Reads, decodes and parses one file.");

  m.def("load_bulletins", &LoadBulletins, py::arg("paths"), py::arg("n_threads") = 0,
        py::arg("encoding") = "", py::call_guard<LongCall>(),
        "Reads and parses many files on n_threads threads (0: one per core); errors are "
        "recorded per file, in input order.");
}

}  // namespace gongwen::bindings
