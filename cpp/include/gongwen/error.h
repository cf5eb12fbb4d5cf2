// Exceptions thrown by the gongwen core. Bad data raises gongwen::Error (or a subclass); bad
// arguments raise std::invalid_argument. Nothing in the core aborts, exits or prints.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace gongwen {

// Base class for errors caused by the data the core was given.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A file or byte buffer that cannot be decoded to text; `offset` is the byte offset of the first
// byte that could not be decoded (or 0 when the whole input is rejected, e.g. a broken PDF).
class DecodeError : public Error {
 public:
  DecodeError(std::string path, std::uint64_t offset, const std::string& reason);
  const std::string& path() const { return path_; }
  std::uint64_t offset() const { return offset_; }

 private:
  std::string path_;
  std::uint64_t offset_;
};

// A path that cannot be read: missing (ENOENT), a directory (EISDIR), no permission, an I/O
// error. `error_number` is the errno value, so that Python can raise the matching OSError.
class FileError : public Error {
 public:
  FileError(std::string path, int error_number, const std::string& reason);
  const std::string& path() const { return path_; }
  int error_number() const { return error_number_; }

 private:
  std::string path_;
  int error_number_;
};

// A file that decodes but holds no text (an empty file, a scanned PDF without a text layer).
class EmptyDocument : public Error {
 public:
  explicit EmptyDocument(const std::string& path);
};

}  // namespace gongwen
