// Fuzzes the zip layer: the archive listing (member names in GBK, UTF-8 or CP437, unsafe names,
// encrypted members, nested archives, document packages) and reading each listed member back
// through the limits (sizes, compression ratio, CRC). Damaged archives must raise DecodeError
// or FileError, never crash, hang or allocate without bound.
#include <cstdint>
#include <string>
#include <vector>

#include "../../cpp/src/formats.h"
#include "../../cpp/src/text.h"
#include "fuzz_util.h"
#include "gongwen/error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongwen;
  const std::string bytes(fuzz::Bytes(data, size));
  const std::string label = "<fuzz>.zip";
  std::vector<ArchiveEntry> entries;
  try {
    entries = ListArchiveBytes(bytes, label);
  } catch (const DecodeError&) {
    return 0;
  }
  ZipReader reader(bytes, label);
  for (const ArchiveEntry& entry : entries) {
    GONGWEN_FUZZ_CHECK(text::IsValidUtf8(entry.path), "a member path is not valid UTF-8");
    GONGWEN_FUZZ_CHECK(entry.path.starts_with(label + "/"), "a member path lost its archive");
    if (!entry.error.empty()) continue;
    try {
      ReadArchiveMemberBytes(bytes, label, entry.path, &reader);
    } catch (const DecodeError&) {
    } catch (const FileError&) {
    }
  }
  return 0;
}
