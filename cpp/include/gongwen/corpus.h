// Loading many documents at once, in parallel, without stopping at a bad file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongwen/bulletin.h"
#include "gongwen/document.h"

namespace gongwen {

// How loading one file went: nothing in the error fields, or the error that stopped it.
struct LoadOutcome {
  std::string path;
  // empty, "FileError", "DecodeError", "EmptyDocument", "Unsupported" (a format not read, an
  // archive member not read: its name unsafe, encrypted, nested too deep) or "Error"
  std::string error_type;
  std::string error;     // the error message
  int error_number = 0;  // errno for a FileError
};

// The outcome of loading one file as a bulletin.
struct LoadResult : LoadOutcome {
  std::optional<Bulletin> bulletin;
};

// The outcome of loading one file as a document of any kind.
struct DocumentResult : LoadOutcome {
  std::optional<Document> document;
};

// Reads and parses `paths` on `n_threads` threads (0: one per core), results in input order.
// Errors are captured per file; these functions themselves throw only on bad arguments.
// LoadDocuments reads a zip archive (by its .zip suffix) member by member, one result per
// member named "archive.zip/member" (gongwen/files.h), in the archive's order; a file of a
// format gongwen does not read gets an "Unsupported" result ("unsupported format: .xls").
std::vector<LoadResult> LoadBulletins(const std::vector<std::string>& paths, int n_threads = 0,
                                      std::string_view encoding = {});
std::vector<DocumentResult> LoadDocuments(const std::vector<std::string>& paths, int n_threads = 0,
                                          std::string_view encoding = {});

}  // namespace gongwen
