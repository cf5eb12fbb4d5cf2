#include "gongwen/corpus.h"

#include <cstdint>

#include "gongwen/error.h"
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

std::vector<DocumentResult> LoadDocuments(const std::vector<std::string>& paths, int n_threads,
                                          std::string_view encoding) {
  return LoadAll<DocumentResult>(paths, n_threads, [&](const std::string& path, DocumentResult* r) {
    LoadOne(path, r, [&] { r->document = ReadDocument(path, encoding); });
  });
}

}  // namespace gongwen
