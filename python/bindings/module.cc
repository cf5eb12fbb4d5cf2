// The extension module gongwen._core: private, wrapped by the public package python/gongwen.
// Each area of the core is bound in its own bind_<area>.cc; this file only creates the module.
#include <pybind11/pybind11.h>

#include "bindings.h"
#include "common.h"

PYBIND11_MODULE(_core, m) {
  m.doc() = "Private C++ core of gongwen; use the public API of the gongwen package instead.";
  // GONGWEN_VERSION is the CMake project version (python/CMakeLists.txt), so the extension
  // always reports the version it was built from.
  m.attr("__version__") = GONGWEN_VERSION;
  gongwen::bindings::SetMainThread();
  gongwen::bindings::BindIo(m);
  gongwen::bindings::BindBulletin(m);
  gongwen::bindings::BindDocuments(m);
  gongwen::bindings::BindSegment(m);
  gongwen::bindings::BindVectorize(m);
  gongwen::bindings::BindReuse(m);
  gongwen::bindings::BindTopics(m);
  gongwen::bindings::BindSimilarity(m);
}
