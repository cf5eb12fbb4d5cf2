// Which files gongwen reads, and zip archives read member by member.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gongwen {

// The suffixes of the files gongwen reads, lower case: text (.txt .text .md), PDF, web pages
// (.html .htm .shtml .xhtml .mht .mhtml), DOCX, DOC, WPS, RTF, ODT, OFD and zip archives.
std::vector<std::string> ReadSuffixes();

// Why a file of this name is not read ("unsupported format: .xls"), or empty when it is: one
// of ReadSuffixes(), or a name without a suffix (its bytes decide). Case-insensitive; only the
// last path component counts.
std::string UnsupportedFormat(std::string_view path);

// True when `path` names a zip archive of documents by its suffix (.zip).
bool IsArchiveName(std::string_view path);

// One member of an archive, as ListArchive gives it.
struct ArchiveEntry {
  std::string path;   // "archive.zip/member", nested: "archive.zip/inner.zip/member"
  std::string error;  // why it is not read: an unsafe name, an unsupported format, an
                      // encrypted or damaged member, an archive nested too deep; else empty
};

// The documents inside the zip archive at `path`, in the archive's order: its files (folders,
// hidden files and macOS's __MACOSX resource forks left out), nested archives expanded up to
// three levels deep. Members are not decoded here. Throws FileError or DecodeError for an
// archive that cannot be read at all.
std::vector<ArchiveEntry> ListArchive(const std::string& path);

}  // namespace gongwen
