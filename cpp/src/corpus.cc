#include "gongwen/corpus.h"

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "gongwen/error.h"

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
  if (n_threads < 0) throw std::invalid_argument("n_threads must be 0 (one per core) or more");
  std::size_t threads = n_threads > 0 ? static_cast<std::size_t>(n_threads)
                                      : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min(threads, paths.size());

  std::vector<LoadResult> results(paths.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < paths.size();) {
      results[i] = LoadOne(paths[i], encoding);
    }
  };
  if (threads <= 1) {
    work();
    return results;
  }
  std::vector<std::thread> pool;
  pool.reserve(threads);
  try {
    for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(work);
  } catch (const std::system_error&) {
    // No more threads to be had: the files left are shared by the ones running and this one.
    work();
  }
  for (std::thread& t : pool) t.join();
  return results;
}

}  // namespace gongwen
