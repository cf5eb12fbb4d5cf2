#include "gongwen/corpus.h"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "file_io.h"
#include "formats.h"
#include "gongwen/error.h"
#include "gongwen/files.h"
#include "parallel.h"

namespace gongwen {

namespace {

// Runs `read` on one file, turning every error into a recorded one: a corpus load never stops
// at a bad file, and no exception may escape a worker thread.
template <typename Read>
void LoadOne(const std::string& path, LoadOutcome* result, Read read) {
  result->path = path;
  try {
    read();
  } catch (const FileError& e) {
    result->error_type = "FileError";
    result->error = e.what();
    result->error_number = e.error_number();
  } catch (const DecodeError& e) {
    result->error_type = "DecodeError";
    result->error = e.what();
  } catch (const EmptyDocument& e) {
    result->error_type = "EmptyDocument";
    result->error = e.what();
  } catch (const std::exception& e) {
    result->error_type = "Error";
    result->error = std::string("cannot load '") + path + "': " + e.what();
  }
}

// Loads each path into its result on the threads. One file at a time: files differ widely in
// size, and Ctrl-C is checked between them.
template <typename Result, typename Load>
std::vector<Result> LoadAll(const std::vector<std::string>& paths, int n_threads, Load load) {
  std::vector<Result> results(paths.size());
  parallel::ParallelForEach(
      static_cast<std::int64_t>(paths.size()),
      parallel::ThreadCount(n_threads, static_cast<std::int64_t>(paths.size())), 1,
      [&](std::int64_t i) { load(paths[i], &results[i]); });
  return results;
}

}  // namespace

std::vector<LoadResult> LoadBulletins(const std::vector<std::string>& paths, int n_threads,
                                      std::string_view encoding) {
  return LoadAll<LoadResult>(paths, n_threads, [&](const std::string& path, LoadResult* r) {
    LoadOne(path, r, [&] { r->bulletin = ReadBulletin(path, encoding); });
  });
}

namespace {

// A file (or archive member) that is not read, and why: its format, an unsafe member name, an
// encrypted member, nesting too deep.
void Unsupported(const std::string& path, const std::string& why, DocumentResult* r) {
  r->path = path;
  r->error_type = "Unsupported";
  r->error = why;
}

// Members of an archive are read in this many pieces per thread: each piece opens the archive
// once, and pieces balance members of different sizes.
constexpr std::int64_t kPiecesPerThread = 4;

// The documents of the zip archive at `path`, its members in parallel: one result per member,
// an error for each member that is not read (ListArchive), or one error for the whole archive.
std::vector<DocumentResult> LoadArchive(const std::string& path, int n_threads,
                                        std::string_view encoding) {
  std::string bytes;
  std::vector<ArchiveEntry> entries;
  DocumentResult whole;
  bool package = false;
  LoadOne(path, &whole, [&] {
    bytes = ReadFileBytes(path);
    ZipReader archive(bytes, path);
    // A DOCX or OFD saved as .zip (some sites serve attachments so) is one document.
    package = IsDocumentPackage(archive);
    if (package) {
      whole.document = ReadDocumentBytes(bytes, path, encoding);
    } else {
      entries = ListArchiveMembers(archive, path);
    }
  });
  if (!whole.error_type.empty() || package) return {std::move(whole)};
  if (entries.empty()) {
    // An archive of nothing is said, not silently dropped.
    whole.error_type = "EmptyDocument";
    whole.error = "'" + path + "' holds no documents (an empty zip archive)";
    return {std::move(whole)};
  }
  std::vector<DocumentResult> results(entries.size());
  const auto n = static_cast<std::int64_t>(entries.size());
  const int threads = parallel::ThreadCount(n_threads, n);
  const std::int64_t pieces = std::min<std::int64_t>(n, threads * kPiecesPerThread);
  parallel::ParallelForEach(pieces, threads, 1, [&](std::int64_t piece) {
    std::optional<ZipReader> reader;
    for (std::int64_t i = piece * n / pieces; i < (piece + 1) * n / pieces; ++i) {
      const ArchiveEntry& entry = entries[i];
      DocumentResult* r = &results[i];
      if (!entry.error.empty()) {
        Unsupported(entry.path, entry.error, r);
        continue;
      }
      LoadOne(entry.path, r, [&] {
        if (!reader) reader.emplace(bytes, path);
        r->document = ReadDocumentBytes(ReadArchiveMemberBytes(bytes, path, entry.path, &*reader),
                                        entry.path, encoding);
      });
    }
  });
  return results;
}

}  // namespace

std::vector<DocumentResult> LoadDocuments(const std::vector<std::string>& paths, int n_threads,
                                          std::string_view encoding) {
  // Files first, all on the threads; then each archive, its members on the threads, so that one
  // archive at a time is in memory. The results keep the order of the paths.
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    if (!IsArchiveName(path)) files.push_back(path);
  }
  std::vector<DocumentResult> loaded =
      LoadAll<DocumentResult>(files, n_threads, [&](const std::string& path, DocumentResult* r) {
        if (std::string why = UnsupportedFormat(path); !why.empty()) {
          Unsupported(path, why, r);
        } else {
          LoadOne(path, r, [&] { r->document = ReadDocument(path, encoding); });
        }
      });
  std::vector<DocumentResult> results;
  results.reserve(paths.size());
  std::size_t next_file = 0;
  for (const std::string& path : paths) {
    if (!IsArchiveName(path)) {
      results.push_back(std::move(loaded[next_file++]));
      continue;
    }
    for (DocumentResult& r : LoadArchive(path, n_threads, encoding))
      results.push_back(std::move(r));
  }
  return results;
}

}  // namespace gongwen
