// Internal: the one place the library reads files (bulletins, dictionaries, stop-word lists).
#pragma once

#include <string>

namespace gongwen {

// The whole content of the file at `path`, read-only and in binary. Raises gongwen::FileError
// (with the system's errno and message) when the file is missing, unreadable or a directory.
std::string ReadFileBytes(const std::string& path);

}  // namespace gongwen
