// Helpers shared by the GoogleTest files: reading fixtures from the source tree.
#pragma once

#include <string>

#include "../../cpp/src/file_io.h"

namespace gongwen::testing {

// The bytes of a fixture (a gongwen::FileError naming it when it cannot be read).
using gongwen::ReadFileBytes;

// A fixture under tests/data.
inline std::string TestData(const std::string& name) {
  return std::string(GONGWEN_TEST_DATA) + "/" + name;
}

// A document of the bundled sample corpus.
inline std::string SampleData(const std::string& name) {
  return std::string(GONGWEN_SAMPLE_DATA) + "/" + name;
}

// The reference bulletin, 安庆组工信息 2023年第24期, as extracted from its PDF.
inline std::string ReferencePath() { return SampleData("anqing-zugong-2023-24.txt"); }

}  // namespace gongwen::testing
