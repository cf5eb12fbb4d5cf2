// The binding functions of each area of the core, called by module.cc.
#pragma once

#include <pybind11/pybind11.h>

namespace gongwen::bindings {

// Exceptions, reading and decoding files, cleaning text.
void BindIo(pybind11::module_& m);

// Bulletins, articles, sections, points; parsing and loading many files.
void BindBulletin(pybind11::module_& m);

// Documents of every kind, official documents' fields, 文号 and citations.
void BindDocuments(pybind11::module_& m);

// The segmenter, segmentation scores and stop words.
void BindSegment(pybind11::module_& m);

// Term counting, TF-IDF weighting, keywords and saved vectorizers.
void BindVectorize(pybind11::module_& m);

// Text reuse: passages shared by pairs of documents.
void BindReuse(pybind11::module_& m);

// Topic models (LSA, NMF) and their saved form.
void BindTopics(pybind11::module_& m);

// Cosine nearest neighbours and all-pairs cosines of sparse or dense rows.
void BindSimilarity(pybind11::module_& m);

}  // namespace gongwen::bindings
