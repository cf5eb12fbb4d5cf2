// Helpers shared by the GoogleTest files: reading fixtures from the source tree.
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace gongwen::testing {

// The bytes of a file, or an exception naming it.
inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open fixture " + path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

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
