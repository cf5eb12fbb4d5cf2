// The binding functions of each area of the core, called by module.cc.
#pragma once

#include <pybind11/pybind11.h>

#include <string>
#include <string_view>
#include <vector>

#include "gongwen/interrupt.h"

namespace gongwen::bindings {

// Exceptions, reading and decoding files, cleaning text.
void BindIo(pybind11::module_& m);

// Bulletins, articles, sections, points; parsing and loading many files.
void BindBulletin(pybind11::module_& m);

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

// Bytes from the system or the user's files (a path, or a message quoting one) as a str, as
// Python decodes file names: UTF-8, undecodable bytes as lone surrogates (os.fsdecode), so that a
// GBK-encoded file name reaches Python intact instead of raising UnicodeDecodeError.
pybind11::str FsString(std::string_view bytes);

// Whether a signal is pending (Ctrl-C): runs Python's signal handlers, taking the GIL; true
// when one raised, its exception (KeyboardInterrupt) then set. Called on the main thread only
// has an effect, as Python runs handlers nowhere else.
bool SignalPending();

// Ctrl-C stops the core's long calls made in this scope (they throw gongwen::Interrupted, which
// becomes the KeyboardInterrupt), for calls that hold the GIL for part of their work.
class Interruptible {
  InterruptScope interrupt_{&SignalPending};
};

// A long call: Ctrl-C stops it, and the GIL is released while it runs (the interrupt check takes
// it back briefly, every few milliseconds). As a local, or py::call_guard<LongCall>().
class LongCall {
  InterruptScope interrupt_{&SignalPending};
  pybind11::gil_scoped_release release_;
};

// The code points of a Python str (lone surrogates included), or of each of many.
std::u32string CodePoints(const pybind11::str& text);
std::vector<std::u32string> CodePoints(const std::vector<pybind11::str>& texts);

}  // namespace gongwen::bindings
