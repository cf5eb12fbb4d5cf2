// DOC and WPS files through an external converter: LibreOffice headless (to DOCX, which keeps
// numbering and tables), else antiword (to text). The converter is a separate program, so
// everything here is about running it safely: its own temporary directory and LibreOffice
// profile (conversions run in parallel and never touch the user's profile), no shell, a new
// process group killed as a whole at the time limit or on Ctrl-C, bounded output.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "file_io.h"
#include "formats.h"
#include "gongwen/error.h"
#include "gongwen/interrupt.h"
#include "text.h"

extern char** environ;

namespace gongwen {
namespace {

// Larger output than this is refused: a DOC's DOCX is usually smaller than the DOC itself.
constexpr std::uint64_t kMaxOutputBytes = 512ull << 20;
// The converter's error output kept for the message (the rest is read and dropped).
constexpr std::size_t kMaxStderrBytes = 4096;
// How long the wait sleeps between polls of the child, the pipes and the interrupt check.
constexpr std::chrono::milliseconds kPollSlice{50};

constexpr char kInstallHint[] =
    "install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; conda: conda "
    "install -c conda-forge libreoffice; macOS: brew install --cask libreoffice), or set "
    "GONGWEN_SOFFICE to its soffice program";
constexpr char kAntiwordHint[] =
    "install antiword (Debian/Ubuntu: apt-get install antiword; conda: conda install -c "
    "conda-forge antiword; macOS: brew install antiword), or set GONGWEN_ANTIWORD to it";

[[noreturn]] void Fail(std::string_view name, const std::string& reason) {
  throw DecodeError(std::string(name), 0, reason);
}

std::string Errno(int error_number) {
  return std::error_code(error_number, std::generic_category()).message();
}

bool IsExecutableFile(const std::string& path) {
  struct stat info {};
  return stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && access(path.c_str(), X_OK) == 0;
}

// The first of `programs` found in an absolute directory of $PATH (relative and empty entries,
// which mean the current directory, are skipped), or empty.
std::string SearchPath(std::initializer_list<std::string_view> programs) {
  const char* env = std::getenv("PATH");
  std::string_view path = env != nullptr ? env : "/usr/local/bin:/usr/bin:/bin";
  for (std::string_view program : programs) {
    std::size_t start = 0;
    while (start <= path.size()) {
      std::size_t end = std::min(path.find(':', start), path.size());
      std::string_view dir = path.substr(start, end - start);
      start = end + 1;
      if (dir.empty() || dir.front() != '/') continue;
      std::string candidate = std::string(dir) + "/" + std::string(program);
      if (IsExecutableFile(candidate)) return candidate;
    }
  }
  return {};
}

// The program an environment variable names (even a missing one, so that the error says so),
// else the first of `programs` on PATH, else the first of `fallbacks` that exists.
std::string FindProgram(const char* variable, std::initializer_list<std::string_view> programs,
                        std::initializer_list<const char*> fallbacks) {
  const char* pinned = std::getenv(variable);
  if (pinned != nullptr && *pinned != '\0') return pinned;
  std::string found = SearchPath(programs);
  if (!found.empty()) return found;
  for (const char* fallback : fallbacks) {
    if (IsExecutableFile(fallback)) return fallback;
  }
  return {};
}

// A directory of our own (mode 0700, named gongwen-convert-XXXXXX under $TMPDIR or /tmp),
// removed with everything in it when this goes out of scope, on success or exception alike.
class TempDir {
 public:
  explicit TempDir(std::string_view name) {
    const char* tmpdir = std::getenv("TMPDIR");
    std::string base = tmpdir != nullptr && tmpdir[0] == '/' ? tmpdir : "/tmp";
    std::string pattern = base + "/gongwen-convert-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) {
      Fail(name, "cannot create a temporary directory in " + base + ": " + Errno(errno));
    }
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code error;
    // A second pass for files a dying converter process wrote during the first.
    if (std::filesystem::remove_all(path_, error) == static_cast<std::uintmax_t>(-1) || error) {
      std::filesystem::remove_all(path_, error);
    }
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // A subdirectory, created now.
  std::string MakeDir(std::string_view name, std::string_view label) const {
    std::string dir = path_ + "/" + std::string(name);
    if (mkdir(dir.c_str(), 0700) != 0) Fail(label, "cannot create " + dir + ": " + Errno(errno));
    return dir;
  }

 private:
  std::string path_;
};

// A file descriptor closed when this goes out of scope.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() { Close(); }
  Fd(Fd&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  Fd& operator=(Fd&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }
  int get() const { return fd_; }
  void Close() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

void WriteFile(const std::string& path, std::string_view bytes, std::string_view name) {
  Fd fd(open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
  if (fd.get() < 0) Fail(name, "cannot write " + path + ": " + Errno(errno));
  while (!bytes.empty()) {
    ssize_t n = write(fd.get(), bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) Fail(name, "cannot write " + path + ": " + Errno(errno));
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

// "file://" and the path with every byte but the unreserved ones and '/' percent-encoded.
std::string FileUrl(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string url = "file://";
  for (unsigned char c : path) {
    if (text::IsAsciiAlnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      url += static_cast<char>(c);
    } else {
      url += '%';
      url += kHex[c >> 4];
      url += kHex[c & 15];
    }
  }
  return url;
}

// The caller's environment with TMPDIR (and TMP, TEMP) pointing into our directory, so that
// the converter's own temporary files go where they are removed even when it is killed.
std::vector<std::string> ChildEnvironment(const std::string& tmp) {
  std::vector<std::string> env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    std::string_view var(*entry);
    if (var.rfind("TMPDIR=", 0) == 0 || var.rfind("TMP=", 0) == 0 || var.rfind("TEMP=", 0) == 0) {
      continue;
    }
    env.emplace_back(var);
  }
  for (const char* key : {"TMPDIR=", "TMP=", "TEMP="}) env.push_back(key + tmp);
  return env;
}

std::vector<char*> CStrings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (std::string& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

// A running converter: the leader of a process group of its own. Destroying it (on success,
// timeout, interrupt or any exception) kills the whole group and reaps the leader.
class Child {
 public:
  explicit Child(pid_t pid) : pid_(pid) {}
  ~Child() {
    if (pid_ > 0) Reap();
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // Whether the leader has exited; it is left a zombie, so that its pid, which names the
  // group, cannot be reused before KillGroup.
  bool Exited() const {
    siginfo_t info{};
    if (waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) != 0) {
      return errno != EINTR;  // ECHILD: reaped elsewhere (SIGCHLD ignored)
    }
    return info.si_pid != 0;
  }
  // SIGKILL to every process of the group: LibreOffice's launcher starts soffice.bin, which may
  // outlive it.
  void KillGroup() const { kill(-pid_, SIGKILL); }
  // Kills what is left of the group, reaps the leader and returns its wait status (-1 when
  // someone else reaped it).
  int Reap() {
    KillGroup();
    int status = -1;
    while (waitpid(pid_, &status, 0) < 0) {
      if (errno != EINTR) {
        status = -1;
        break;
      }
    }
    pid_ = -1;
    return status;
  }

 private:
  pid_t pid_;
};

// Spawn attributes and file actions, destroyed when this goes out of scope.
struct SpawnSetup {
  posix_spawnattr_t attr;
  posix_spawn_file_actions_t actions;
  SpawnSetup() {
    posix_spawnattr_init(&attr);
    posix_spawn_file_actions_init(&actions);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
};

// What a finished converter left: its wait status and what it printed.
struct RunResult {
  int status = -1;
  std::string out;  // stdout, when captured
  std::string err;  // the first kMaxStderrBytes of stderr
};

struct RunRequest {
  std::vector<std::string> argv;  // argv[0]: the program's absolute path
  std::vector<std::string> env;
  bool capture_stdout = false;
  int timeout_seconds = 0;
  std::string label;  // the converter's name in messages
};

// A pipe whose ends are close-on-exec: a converter spawned by another thread at the same time
// must not inherit our write end (we would wait for its exit to see end of file).
void MakePipe(Fd& read_end, Fd& write_end, std::string_view name) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) Fail(name, "cannot create a pipe: " + Errno(errno));
  read_end = Fd(fds[0]);
  write_end = Fd(fds[1]);
}

pid_t Spawn(RunRequest& request, int stdout_fd, int stderr_fd, std::string_view name) {
  SpawnSetup setup;
  // A new process group (pgid = the child's pid), default signal dispositions (Python ignores
  // SIGPIPE, which the child would inherit) and an empty signal mask.
  sigset_t signals;
  sigfillset(&signals);
  posix_spawnattr_setsigdefault(&setup.attr, &signals);
  sigemptyset(&signals);
  posix_spawnattr_setsigmask(&setup.attr, &signals);
  posix_spawnattr_setpgroup(&setup.attr, 0);
  posix_spawnattr_setflags(&setup.attr,
                           POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
  posix_spawn_file_actions_addopen(&setup.actions, 0, "/dev/null", O_RDONLY, 0);
  if (stdout_fd >= 0) {
    posix_spawn_file_actions_adddup2(&setup.actions, stdout_fd, 1);
  } else {
    posix_spawn_file_actions_addopen(&setup.actions, 1, "/dev/null", O_WRONLY, 0);
  }
  posix_spawn_file_actions_adddup2(&setup.actions, stderr_fd, 2);
  std::vector<char*> argv = CStrings(request.argv);
  std::vector<char*> envp = CStrings(request.env);
  pid_t pid = -1;
  int error = posix_spawn(&pid, argv[0], &setup.actions, &setup.attr, argv.data(), envp.data());
  if (error != 0)
    Fail(name, "cannot start " + request.label + " (" + argv[0] + "): " + Errno(error));
  return pid;
}

// Reads what is available on `fd` into `sink` (at most `limit` bytes kept; past it, `overflow`
// is set and the rest dropped); closes `fd` at end of file.
void Drain(Fd& fd, std::string& sink, std::size_t limit, bool& overflow) {
  char buffer[65536];
  ssize_t n = read(fd.get(), buffer, sizeof buffer);
  if (n < 0) {
    if (errno != EINTR && errno != EAGAIN) fd.Close();
    return;
  }
  if (n == 0) {
    fd.Close();
    return;
  }
  std::size_t room = limit - std::min(limit, sink.size());
  sink.append(buffer, std::min(room, static_cast<std::size_t>(n)));
  if (static_cast<std::size_t>(n) > room) overflow = true;
}

// Runs the converter to completion: stdin from /dev/null, stdout captured or to /dev/null,
// stderr captured. Throws DecodeError at the time limit or when stdout passes kMaxOutputBytes,
// Interrupted when the caller's interrupt check says so; in every case the process group is
// killed and reaped before the exception leaves.
RunResult Run(RunRequest& request, std::string_view name) {
  Fd out_read, out_write, err_read, err_write;
  if (request.capture_stdout) MakePipe(out_read, out_write, name);
  MakePipe(err_read, err_write, name);
  Child child(Spawn(request, out_write.get(), err_write.get(), name));
  out_write.Close();
  err_write.Close();

  RunResult result;
  bool out_overflow = false, err_overflow = false, exited = false;
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(request.timeout_seconds);
  while (true) {
    CheckInterrupt();
    if (!exited && child.Exited()) {
      exited = true;
      child.KillGroup();  // helpers left behind would hold the pipes open
    }
    if (exited && out_read.get() < 0 && err_read.get() < 0) break;
    auto now = std::chrono::steady_clock::now();
    if (now >= deadline) {
      if (exited) break;  // a process that left the group holds a pipe: stop reading
      Fail(name, request.label + " did not finish: converter timed out after " +
                     std::to_string(request.timeout_seconds) + " s");
    }
    auto slice = std::min<std::chrono::steady_clock::duration>(kPollSlice, deadline - now);
    pollfd fds[2] = {{out_read.get(), POLLIN, 0}, {err_read.get(), POLLIN, 0}};
    int timeout_ms =
        static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(slice).count()) + 1;
    if (poll(fds, 2, timeout_ms) <= 0) continue;
    if (fds[0].revents != 0) Drain(out_read, result.out, kMaxOutputBytes, out_overflow);
    if (fds[1].revents != 0) Drain(err_read, result.err, kMaxStderrBytes, err_overflow);
    if (out_overflow) {
      Fail(name, request.label + " wrote more than " + std::to_string(kMaxOutputBytes >> 20) +
                     " MiB of text");
    }
  }
  result.status = child.Reap();
  return result;
}

const char* SignalName(int signal_number) {
  switch (signal_number) {
    case SIGSEGV:
      return "SIGSEGV, a crash";
    case SIGABRT:
      return "SIGABRT, an abort";
    case SIGBUS:
      return "SIGBUS, a crash";
    case SIGFPE:
      return "SIGFPE, a crash";
    case SIGILL:
      return "SIGILL, a crash";
    case SIGKILL:
      return "SIGKILL";
    case SIGTERM:
      return "SIGTERM";
    case SIGINT:
      return "SIGINT";
    default:
      return "a signal";
  }
}

std::string DescribeStatus(int status) {
  if (status == -1) return "exit status unknown";
  if (WIFEXITED(status)) return "exit status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    int number = WTERMSIG(status);
    return "killed by signal " + std::to_string(number) + " (" + SignalName(number) + ")";
  }
  return "wait status " + std::to_string(status);
}

// The converter's error output for a message: LibreOffice's harmless Java warning left out,
// our temporary path shown as "the file", lines joined with "; ", at most a few hundred bytes,
// valid UTF-8.
std::string ErrorOutput(std::string_view err, std::string_view input) {
  std::string joined;
  while (!err.empty()) {
    std::size_t end = std::min(err.find('\n'), err.size());
    std::string_view line = err.substr(0, end);
    err.remove_prefix(std::min(end + 1, err.size()));
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty() || line.find("javaldx") != std::string_view::npos) continue;
    if (!joined.empty()) joined += "; ";
    for (std::size_t at; (at = line.find(input)) != std::string_view::npos;) {
      joined += line.substr(0, at);
      joined += "the file";
      line.remove_prefix(at + input.size());
    }
    joined += line;
  }
  if (joined.size() > 400) {
    joined.resize(400);
    while (!joined.empty() && !text::IsValidUtf8(joined)) joined.pop_back();
    joined += "...";
  }
  if (!text::IsValidUtf8(joined)) return {};
  return joined.empty() ? std::string() : ": " + joined;
}

// A failed run. An unknown status (the host process ignores SIGCHLD, so the kernel reaped the
// child for us) is judged by the output instead.
bool Failed(int status) { return status != -1 && !(WIFEXITED(status) && WEXITSTATUS(status) == 0); }

// "doc" from ".doc", "DOC" or "doc"; letters and digits only, so that it can name a file.
std::string CleanSuffix(std::string_view suffix) {
  if (!suffix.empty() && suffix.front() == '.') suffix.remove_prefix(1);
  if (suffix.empty() || suffix.size() > 8) {
    throw std::invalid_argument("a converter's file suffix must be like \".doc\" or \".wps\"");
  }
  std::string clean;
  for (unsigned char c : suffix) {
    if (!text::IsAsciiAlnum(c)) {
      throw std::invalid_argument("a converter's file suffix must be letters and digits");
    }
    clean += text::LowerAscii(static_cast<char>(c));
  }
  return clean;
}

void CheckTimeout(int timeout_seconds) {
  if (timeout_seconds <= 0) throw std::invalid_argument("the converter's time limit must be > 0 s");
}

// The program `find` names, or DecodeError saying what to install.
std::string RequireProgram(const std::string& program, const char* variable, const char* what,
                           const char* hint, std::string_view name) {
  if (program.empty()) Fail(name, std::string("no converter for DOC/WPS files: ") + hint);
  if (!IsExecutableFile(program)) {
    Fail(name, std::string(variable) + " names " + what + " at " + program +
                   ", which is not an executable program; " + hint);
  }
  return program;
}

// antiword draws a table row as "|cell  |cell  |": cells trimmed and separated by tabs instead,
// as the DOCX reader gives a row.
std::string TableRowAsTabs(std::string_view line) {
  std::string row;
  line = line.substr(1, line.size() - 2);
  while (true) {
    std::size_t bar = line.find('|');
    std::string_view cell = line.substr(0, bar);
    while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
    while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
    row += cell;
    if (bar == std::string_view::npos) break;
    row += '\t';
    line.remove_prefix(bar + 1);
  }
  return row;
}

// antiword's text as lines: table rows as tab-separated cells, runs of blank lines as one,
// no blank lines at the start or end.
std::string TidyAntiwordText(std::string_view text) {
  std::string tidy;
  bool blank_pending = false;
  while (!text.empty()) {
    std::size_t end = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (line.empty()) {
      blank_pending = !tidy.empty();
      continue;
    }
    if (blank_pending) tidy += '\n';
    blank_pending = false;
    if (line.size() >= 2 && line.front() == '|' && line.back() == '|') {
      tidy += TableRowAsTabs(line);
    } else {
      tidy += line;
    }
    tidy += '\n';
  }
  return tidy;
}

}  // namespace

std::string FindSoffice() {
  return FindProgram("GONGWEN_SOFFICE", {"soffice", "libreoffice"},
                     {"/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice"});
}

std::string FindAntiword() { return FindProgram("GONGWEN_ANTIWORD", {"antiword"}, {}); }

std::string ConvertToDocx(std::string_view bytes, std::string_view name, std::string_view suffix,
                          int timeout_seconds) {
  CheckTimeout(timeout_seconds);
  std::string clean_suffix = CleanSuffix(suffix);
  std::string soffice =
      RequireProgram(FindSoffice(), "GONGWEN_SOFFICE", "LibreOffice", kInstallHint, name);
  TempDir dir(name);
  std::string input = dir.path() + "/input." + clean_suffix;
  WriteFile(input, bytes, name);
  std::string out_dir = dir.MakeDir("out", name);
  RunRequest request;
  request.argv = {soffice,        "-env:UserInstallation=" + FileUrl(dir.path() + "/profile"),
                  "--headless",   "--norestore",
                  "--nologo",     "--nolockcheck",
                  "--convert-to", "docx",
                  "--outdir",     out_dir,
                  input};
  request.env = ChildEnvironment(dir.MakeDir("tmp", name));
  request.timeout_seconds = timeout_seconds;
  request.label = "LibreOffice";
  RunResult result = Run(request, name);
  if (Failed(result.status)) {
    Fail(name, "LibreOffice could not convert it (" + DescribeStatus(result.status) + ")" +
                   ErrorOutput(result.err, input));
  }
  std::string output = out_dir + "/input.docx";
  struct stat info {};
  if (stat(output.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
    Fail(name, "LibreOffice wrote no DOCX (" + DescribeStatus(result.status) +
                   "; not a Word or WPS document, or damaged)" + ErrorOutput(result.err, input));
  }
  if (static_cast<std::uint64_t>(info.st_size) > kMaxOutputBytes) {
    Fail(name,
         "LibreOffice's DOCX is larger than " + std::to_string(kMaxOutputBytes >> 20) + " MiB");
  }
  std::string docx = ReadFileBytes(output);
  if (!LooksLikeZip(docx)) Fail(name, "LibreOffice's output is not a DOCX (not a zip archive)");
  return docx;
}

DecodedText ConvertDocToText(std::string_view bytes, std::string_view name, std::string_view suffix,
                             int timeout_seconds) {
  CheckTimeout(timeout_seconds);
  std::string clean_suffix = CleanSuffix(suffix);
  std::string antiword =
      RequireProgram(FindAntiword(), "GONGWEN_ANTIWORD", "antiword", kAntiwordHint, name);
  TempDir dir(name);
  std::string input = dir.path() + "/input." + clean_suffix;
  WriteFile(input, bytes, name);
  RunRequest request;
  // -w 0: paragraphs unwrapped; UTF-8.txt: antiword's Unicode output mapping.
  request.argv = {antiword, "-w", "0", "-m", "UTF-8.txt", input};
  request.env = ChildEnvironment(dir.MakeDir("tmp", name));
  request.capture_stdout = true;
  request.timeout_seconds = timeout_seconds;
  request.label = "antiword";
  RunResult result = Run(request, name);
  if (Failed(result.status)) {
    Fail(name, "antiword could not read it (" + DescribeStatus(result.status) + ")" +
                   ErrorOutput(result.err, input));
  }
  if (!text::IsValidUtf8(result.out)) Fail(name, "antiword's output is not valid UTF-8");
  DecodedText decoded;
  decoded.text = TidyAntiwordText(result.out);
  decoded.encoding = clean_suffix == "wps" ? "WPS" : "DOC";
  decoded.format = "doc";
  return decoded;
}

}  // namespace gongwen
