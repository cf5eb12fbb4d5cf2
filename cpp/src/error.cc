#include "gongwen/error.h"

#include <utility>

namespace gongwen {

DecodeError::DecodeError(std::string path, std::uint64_t offset, const std::string& reason)
    : Error("cannot decode '" + path + "' at byte offset " + std::to_string(offset) + ": " +
            reason),
      path_(std::move(path)),
      offset_(offset) {}

FileError::FileError(std::string path, int error_number, const std::string& reason)
    : Error("cannot read '" + path + "': " + reason),
      path_(std::move(path)),
      error_number_(error_number) {}

EmptyDocument::EmptyDocument(const std::string& path)
    : Error("no text in '" + path +
            "' (an empty file, a scan without a text layer, or a web page without main text)") {}

}  // namespace gongwen
