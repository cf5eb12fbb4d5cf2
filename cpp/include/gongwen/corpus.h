// Loading many bulletins at once, in parallel, without stopping at a bad file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongwen/bulletin.h"

namespace gongwen {

// The outcome of loading one file: a bulletin, or the error that stopped it.
struct LoadResult {
  std::string path;
  std::optional<Bulletin> bulletin;
  std::string error_type;  // empty, "FileError", "DecodeError", "EmptyDocument" or "Error"
  std::string error;       // the error message
  int error_number = 0;    // errno for a FileError
};

// Reads and parses `paths` on `n_threads` threads (0: one per core), results in input order.
// Errors are captured per file; this function itself throws only on bad arguments.
std::vector<LoadResult> LoadBulletins(const std::vector<std::string>& paths, int n_threads = 0,
                                      std::string_view encoding = {});

}  // namespace gongwen
