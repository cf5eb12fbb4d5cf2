#include "file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <limits>
#include <system_error>
#include <vector>

#include "gongwen/error.h"

namespace gongwen {

namespace {

// Closes a file descriptor when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() { ::close(fd_); }
  int get() const { return fd_; }

 private:
  int fd_;
};

// A FileError for `path` with the system's message for `error_number`.
FileError FileErrorFromErrno(const std::string& path, int error_number) {
  return FileError(path, error_number, std::generic_category().message(error_number));
}

}  // namespace

// POSIX calls rather than iostreams, because they report errno and tell a directory apart
// (which std::ifstream opens and then fails to read).
std::string ReadFileHead(const std::string& path, std::size_t limit) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw FileErrorFromErrno(path, errno);
  FileDescriptor file(fd);
  struct stat info {};
  if (::fstat(file.get(), &info) != 0) throw FileErrorFromErrno(path, errno);
  if (S_ISDIR(info.st_mode)) throw FileErrorFromErrno(path, EISDIR);
  std::string bytes;
  if (info.st_size > 0) {
    bytes.reserve(std::min(limit, static_cast<std::size_t>(info.st_size)));
  }
  std::vector<char> buffer(std::min<std::size_t>(limit, 1 << 20));
  while (bytes.size() < limit) {
    const ssize_t count =
        ::read(file.get(), buffer.data(), std::min(buffer.size(), limit - bytes.size()));
    if (count == 0) break;
    if (count < 0) {
      if (errno == EINTR) continue;
      throw FileErrorFromErrno(path, errno);
    }
    bytes.append(buffer.data(), static_cast<std::size_t>(count));
  }
  return bytes;
}

std::string ReadFileBytes(const std::string& path) {
  return ReadFileHead(path, std::numeric_limits<std::size_t>::max());
}

}  // namespace gongwen
