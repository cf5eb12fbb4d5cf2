#include "gongwen/corpus.h"

#include <cstdint>

#include "gongwen/error.h"
#include "parallel.h"

namespace gongwen {

namespace {

// Loads one file, turning every error into a recorded one: a corpus load never stops at a bad
// file, and no exception may escape a worker thread.
LoadResult LoadOne(const std::string& path, std::string_view encoding) {
  LoadResult result;
  result.path = path;
  try {
    result.bulletin = ReadBulletin(path, encoding);
  } catch (const FileError& e) {
    result.error_type = "FileError";
    result.error = e.what();
    result.error_number = e.error_number();
  } catch (const DecodeError& e) {
    result.error_type = "DecodeError";
    result.error = e.what();
  } catch (const EmptyDocument& e) {
    result.error_type = "EmptyDocument";
    result.error = e.what();
  } catch (const std::exception& e) {
    result.error_type = "Error";
    result.error = std::string("cannot load '") + path + "': " + e.what();
  }
  return result;
}

}  // namespace

std::vector<LoadResult> LoadBulletins(const std::vector<std::string>& paths, int n_threads,
                                      std::string_view encoding) {
  std::vector<LoadResult> results(paths.size());
  // One file at a time: files differ widely in size, and Ctrl-C is checked between them.
  parallel::ParallelForEach(
      static_cast<std::int64_t>(paths.size()),
      parallel::ThreadCount(n_threads, static_cast<std::int64_t>(paths.size())), 1,
      [&](std::int64_t i) { results[i] = LoadOne(paths[i], encoding); });
  return results;
}

}  // namespace gongwen
