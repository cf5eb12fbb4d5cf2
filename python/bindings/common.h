// What the binding files share: file names and messages as Python str, Ctrl-C and the GIL in
// long calls, the code points of Python strings.
#pragma once

#include <pybind11/pybind11.h>

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "gongwen/bulletin.h"
#include "gongwen/interrupt.h"

namespace gongwen::bindings {

// Records the calling thread as Python's main thread, the only one that runs signal handlers;
// called once, when the module is imported (there, unless a program goes out of its way).
void SetMainThread();

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

// A Date as a (year, month, day) tuple, or None; the package makes it a datetime.date.
inline std::optional<std::tuple<int, int, int>> DateTuple(const std::optional<Date>& date) {
  if (!date) return std::nullopt;
  return std::make_tuple(date->year, date->month, date->day);
}

// A Span as a (start, end) tuple of code-point offsets into the document's text.
inline std::tuple<std::size_t, std::size_t> SpanTuple(const Span& span) {
  return std::make_tuple(span.start, span.end);
}

// The code points of a Python str (lone surrogates included), or of each of many.
std::u32string CodePoints(const pybind11::str& text);
std::vector<std::u32string> CodePoints(const std::vector<pybind11::str>& texts);

// The UTF-8 bytes of each of many Python str. Throws pybind11::error_already_set
// (UnicodeEncodeError) for a lone surrogate, which UTF-8 cannot hold.
std::vector<std::string> Utf8(const std::vector<pybind11::str>& texts);

// (Converting many texts holds the GIL, a tenth of a second for 40 M characters: the two
// conversions of many run Python's signal handlers every few million characters, so that Ctrl-C
// stops them too, its KeyboardInterrupt thrown as pybind11::error_already_set.)

}  // namespace gongwen::bindings
