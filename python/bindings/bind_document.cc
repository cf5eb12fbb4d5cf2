// Documents of every kind, the fields of official documents and the citations between
// documents, as read-only views that the public package turns into dataclasses.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <tuple>
#include <vector>

#include "bindings.h"
#include "common.h"
#include "gongwen/corpus.h"
#include "gongwen/document.h"
#include "gongwen/files.h"
#include "gongwen/references.h"

namespace py = pybind11;

namespace gongwen::bindings {

namespace {

void BindReferences(py::module_& m) {
  py::class_<DocNumber>(m, "DocNumber", "A 发文字号 as printed and parsed.")
      .def_readonly("text", &DocNumber::text)
      .def_readonly("agency", &DocNumber::agency)
      .def_readonly("year", &DocNumber::year)
      .def_readonly("serial", &DocNumber::serial);

  py::class_<Citation>(m, "Citation", "A document cited by 文号, by title, or both.")
      .def_readonly("number", &Citation::number)
      .def_readonly("title", &Citation::title)
      .def_readonly("start", &Citation::start)
      .def_readonly("end", &Citation::end);

  m.def("parse_doc_number", &ParseDocNumber, py::arg("text"),
        "Parses a whole string as one 文号, or returns None.");
  m.def("doc_number_key", &DocNumberKey, py::arg("number"),
        "A key under which two printings of one 文号 compare equal.");
  m.def("title_key", &TitleKey, py::arg("title"),
        "A key under which two printings of one document title compare equal.");
  m.def(
      "find_citations",
      [](const py::str& text) {
        const std::u32string points = CodePoints(text);
        py::gil_scoped_release release;
        return FindCitations(points);
      },
      py::arg("text"), "Every document the text cites, in order; offsets are code points.");
}

void BindDocument(py::module_& m) {
  py::class_<Field>(m, "Field", "A printed element: its value and its span in Document.text.")
      .def_readonly("value", &Field::value)
      .def_property_readonly("span", [](const Field& f) { return SpanTuple(f.span); });

  py::class_<OfficialFields>(m, "OfficialFields", "The elements of an official document.")
      .def_readonly("copy_number", &OfficialFields::copy_number)
      .def_readonly("secrecy", &OfficialFields::secrecy)
      .def_readonly("urgency", &OfficialFields::urgency)
      .def_readonly("issuer_marks", &OfficialFields::issuer_marks)
      .def_readonly("doc_number", &OfficialFields::doc_number)
      .def_readonly("number", &OfficialFields::number)
      .def_readonly("signers", &OfficialFields::signers)
      .def_readonly("title", &OfficialFields::title)
      .def_readonly("doc_type", &OfficialFields::doc_type)
      .def_readonly("issuers", &OfficialFields::issuers)
      .def_readonly("recipients", &OfficialFields::recipients)
      .def_property_readonly("body", [](const OfficialFields& f) { return SpanTuple(f.body); })
      .def_readonly("attachment_list", &OfficialFields::attachment_list)
      .def_readonly("signatories", &OfficialFields::signatories)
      .def_readonly("date_line", &OfficialFields::date_line)
      .def_property_readonly("date", [](const OfficialFields& f) { return DateTuple(f.date); })
      .def_readonly("notes", &OfficialFields::notes)
      .def_readonly("attachments", &OfficialFields::attachments)
      .def_readonly("cc", &OfficialFields::cc)
      .def_readonly("printed_by", &OfficialFields::printed_by)
      .def_property_readonly("printed_date",
                             [](const OfficialFields& f) { return DateTuple(f.printed_date); })
      .def_readonly("metadata", &OfficialFields::metadata)
      .def_readonly("conflicts", &OfficialFields::conflicts);

  py::class_<Document>(m, "Document", "A parsed document of any kind.")
      .def_property_readonly("kind", [](const Document& d) { return KindName(d.kind); })
      .def_readonly("evidence", &Document::evidence)
      .def_readonly("format", &Document::format)
      .def_readonly("metadata", &Document::metadata)
      .def_readonly("parsed", &Document::parsed)
      .def_readonly("official", &Document::official)
      .def_readonly("citations", &Document::citations);

  py::class_<DocumentResult, LoadOutcome>(m, "DocumentResult",
                                          "A file of a corpus loaded as a document.")
      .def_readonly("document", &DocumentResult::document);

  m.def("parse_document", &ParseDocument, py::arg("text"), py::arg("metadata") = Metadata{},
        py::call_guard<py::gil_scoped_release>(),
        "Parses extracted text (and a file's metadata, as (key, value) pairs) into a Document.");
  m.def("read_document", &ReadDocument, py::arg("path"), py::arg("encoding") = "",
        py::call_guard<py::gil_scoped_release>(), "Reads, decodes and parses one file.");
  m.def("load_documents", &LoadDocuments, py::arg("paths"), py::arg("n_threads") = 0,
        py::arg("encoding") = "", py::call_guard<LongCall>(),
        "Reads and parses many files on n_threads threads (0: one per core); errors are "
        "recorded per file, in input order; a .zip archive gives one result per member.");
  m.def("read_suffixes", &ReadSuffixes, "The suffixes of the files gongwen reads, lower case.");
  m.def("unsupported_format", &UnsupportedFormat, py::arg("path"),
        "Why a file of this name is not read ('unsupported format: .xls'), or ''.");
  m.def("is_archive_name", &IsArchiveName, py::arg("path"),
        "True for a name ending in .zip (an archive of documents).");
  m.def(
      "list_archive",
      [](const std::string& path) {
        std::vector<ArchiveEntry> entries;
        {
          py::gil_scoped_release release;
          entries = ListArchive(path);
        }
        py::list out;
        for (const ArchiveEntry& e : entries) out.append(py::make_tuple(FsString(e.path), e.error));
        return out;
      },
      py::arg("path"), "The members of a zip archive: a list of (path, error or '').");
}

}  // namespace

void BindDocuments(py::module_& m) {
  BindReferences(m);
  BindDocument(m);
}

}  // namespace gongwen::bindings
