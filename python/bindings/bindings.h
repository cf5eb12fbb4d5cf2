// The binding functions of each area of the core, called by module.cc.
#pragma once

#include <pybind11/pybind11.h>

namespace gongwen::bindings {

// Exceptions, reading and decoding files, cleaning text.
void BindIo(pybind11::module_& m);

// Bulletins, articles, sections, points; parsing and loading many files.
void BindBulletin(pybind11::module_& m);

// The segmenter, segmentation scores and stop words.
void BindSegment(pybind11::module_& m);

}  // namespace gongwen::bindings
