// Internal: the one place the library reads files (bulletins, dictionaries, stop-word lists).
#pragma once

#include <cstddef>
#include <string>

namespace gongwen {

// The whole content of the file at `path`, read-only and in binary. Raises gongwen::FileError
// (with the system's errno and message) when the file is missing, unreadable or a directory.
std::string ReadFileBytes(const std::string& path);

// The first `limit` bytes of the file (all of it when shorter), with ReadFileBytes' errors.
std::string ReadFileHead(const std::string& path, std::size_t limit);

}  // namespace gongwen
