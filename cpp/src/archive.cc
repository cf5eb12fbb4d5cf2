// Zip archives of documents: which members are documents, nested archives, and reading one
// member by its path "archive.zip/member" (gongwen/files.h, formats.h).
#include <algorithm>
#include <array>
#include <cerrno>
#include <string>
#include <string_view>
#include <vector>

#include "file_io.h"
#include "formats.h"
#include "gongwen/error.h"
#include "gongwen/files.h"
#include "text.h"
#include "zip.h"

namespace gongwen {
namespace {

// An archive inside an archive inside an archive is as deep as real downloads go; deeper is a
// zip bomb's shape.
constexpr int kMaxArchiveDepth = 3;

constexpr std::array<std::string_view, 17> kReadSuffixes{
    ".txt",   ".text", ".md",  ".pdf", ".html", ".htm", ".shtml", ".xhtml", ".mht",
    ".mhtml", ".docx", ".doc", ".wps", ".rtf",  ".odt", ".ofd",   ".zip"};

std::string_view BaseName(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string LowerSuffix(std::string_view path) {
  const std::string_view base = BaseName(path);
  const std::size_t dot = base.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return text::LowerAscii(base.substr(dot));
}

// Files an archiver adds that are no one's document: macOS's resource forks and dot-files.
bool IsArchiverJunk(std::string_view name) {
  return name.starts_with("__MACOSX/") || BaseName(name).starts_with(".");
}

void ListMembers(ZipReader& archive, const std::string& prefix, int depth,
                 std::vector<ArchiveEntry>* out) {
  for (const ZipMember& member : archive.members()) {
    if (member.directory || IsArchiverJunk(member.name)) continue;
    ArchiveEntry entry{prefix + "/" + member.name, {}};
    if (member.unsafe_name) {
      entry.error = "unsafe member name (absolute or climbing out with ..): not read";
    } else if (member.encrypted) {
      entry.error = "encrypted zip member (no password): not read";
    } else if (std::string why = UnsupportedFormat(member.name); !why.empty()) {
      entry.error = std::move(why);
    } else if (IsArchiveName(member.name)) {
      if (depth >= kMaxArchiveDepth) {
        entry.error = "archive nested more than " + std::to_string(kMaxArchiveDepth) + " deep";
      } else {
        try {
          const std::string bytes = archive.Read(member);
          ZipReader inner(bytes, entry.path);
          // A DOCX or OFD renamed .zip is one document, not an archive of its parts.
          if (!IsDocumentPackage(inner)) {
            ListMembers(inner, entry.path, depth + 1, out);
            continue;
          }
        } catch (const Error& e) {
          entry.error = e.what();
        }
      }
    }
    out->push_back(std::move(entry));
  }
}

// The member `rest` ("b/c.txt", or "inner.zip/c.txt") of the archive in `bytes`.
std::string ReadMember(const std::string& bytes, const std::string& label, std::string_view rest,
                       int depth) {
  ZipReader archive(bytes, label);
  if (const ZipMember* member = archive.Find(rest)) {
    if (member->unsafe_name) throw DecodeError(label + "/" + member->name, 0, "unsafe member name");
    return archive.Read(*member);
  }
  // A nested archive: the longest prefix of `rest` that names a member ending in .zip.
  for (std::size_t slash = rest.find('/'); slash != std::string_view::npos;
       slash = rest.find('/', slash + 1)) {
    const std::string_view inner_name = rest.substr(0, slash);
    const ZipMember* inner = IsArchiveName(inner_name) ? archive.Find(inner_name) : nullptr;
    if (inner == nullptr || depth >= kMaxArchiveDepth) continue;
    const std::string inner_bytes = archive.Read(*inner);
    return ReadMember(inner_bytes, label + "/" + std::string(inner_name), rest.substr(slash + 1),
                      depth + 1);
  }
  throw FileError(label + "/" + std::string(rest), ENOENT, "no such member in the zip archive");
}

}  // namespace

std::vector<std::string> ReadSuffixes() { return {kReadSuffixes.begin(), kReadSuffixes.end()}; }

std::string UnsupportedFormat(std::string_view path) {
  const std::string suffix = LowerSuffix(path);
  if (suffix.empty()) return {};
  if (std::find(kReadSuffixes.begin(), kReadSuffixes.end(), suffix) != kReadSuffixes.end()) {
    return {};
  }
  return "unsupported format: " + suffix;
}

bool IsArchiveName(std::string_view path) { return LowerSuffix(path) == ".zip"; }

std::vector<ArchiveEntry> ListArchive(const std::string& path) {
  return ListArchiveBytes(ReadFileBytes(path), path);
}

std::vector<ArchiveEntry> ListArchiveBytes(const std::string& bytes, const std::string& path) {
  ZipReader archive(bytes, path);
  return ListArchiveMembers(archive, path);
}

std::vector<ArchiveEntry> ListArchiveMembers(ZipReader& archive, const std::string& path) {
  std::vector<ArchiveEntry> entries;
  ListMembers(archive, path, 1, &entries);
  return entries;
}

std::string ReadArchiveMemberBytes(const std::string& bytes, const std::string& path,
                                   const std::string& member_path, ZipReader* reader) {
  const std::string_view rest = std::string_view(member_path).substr(path.size() + 1);
  if (const ZipMember* member = reader->Find(rest)) return reader->Read(*member);
  return ReadMember(bytes, path, rest, 1);
}

std::string ReadArchiveMember(const std::string& path) {
  // The first component (from the left) that is a file ending in .zip holds the rest.
  for (std::size_t slash = path.find('/'); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    const std::string archive_path = path.substr(0, slash);
    if (!IsArchiveName(archive_path)) continue;
    std::string bytes;
    try {
      bytes = ReadFileBytes(archive_path);
    } catch (const FileError&) {
      continue;  // a folder named x.zip, or nothing there
    }
    return ReadMember(bytes, archive_path, std::string_view(path).substr(slash + 1), 1);
  }
  throw FileError(path, ENOENT, "No such file or directory");
}

}  // namespace gongwen
