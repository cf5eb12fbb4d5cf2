// Internal: reading zip packages (DOCX, ODT, OFD and plain archives) from memory with libzip,
// with limits that hold against hostile files. Nothing is ever written to disk.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct zip;

namespace gongwen {

// What one archive may cost. A member is inflated into memory in pieces, and reading stops with a
// DecodeError the moment a limit is passed, whatever sizes the archive's directory claims (a zip
// bomb lies about them).
struct ZipLimits {
  std::uint64_t max_members = 20000;              // entries in the central directory
  std::uint64_t max_member_bytes = 512ull << 20;  // inflated bytes of one member
  std::uint64_t max_total_bytes = 2ull << 30;     // inflated bytes of all members read
  // Inflated bytes per compressed byte, checked once a member passes 1 MiB: text and XML
  // compress 5-20x, rarely 100x; a bomb inflates 1000x and more.
  std::uint64_t max_ratio = 200;
};

// One entry of the archive.
struct ZipMember {
  std::uint64_t index = 0;
  std::string name;  // UTF-8: the UTF-8 flag's name, else valid UTF-8, else GB18030, else CP437
  std::uint64_t size = 0;  // the inflated size the directory claims (not trusted)
  std::uint64_t compressed_size = 0;
  bool directory = false;  // the name ends in '/'
  bool encrypted = false;
  // A name that is absolute, climbs out with "..", or holds a NUL or backslash-drive: never used
  // as a path; such members are listed but not read as documents.
  bool unsafe_name = false;
};

// An open archive over bytes that must outlive it. Not thread-safe (one reader per thread).
class ZipReader {
 public:
  // Throws DecodeError (labelled `name`) for bytes that are not a readable zip archive, or with
  // more than limits.max_members entries.
  ZipReader(std::string_view bytes, std::string_view name, ZipLimits limits = {});
  // The bytes must outlive the reader: a temporary string would dangle.
  ZipReader(std::string&& bytes, std::string_view name, ZipLimits limits = {}) = delete;
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  const std::vector<ZipMember>& members() const { return members_; }
  // The member with exactly this name (after decoding), or nullptr.
  const ZipMember* Find(std::string_view member_name) const;
  // The inflated bytes of a member; throws DecodeError naming "archive/member" when it is
  // encrypted, damaged (CRC, bad data) or passes a limit.
  std::string Read(const ZipMember& member);
  // Read() in pieces of at most 64 KiB handed to `piece` as they are inflated, under the same
  // limits, so that a large member is never held whole.
  void ReadPieces(const ZipMember& member, const std::function<void(std::string_view)>& piece);
  // Read() of the member with this name, or nullopt when there is none.
  std::optional<std::string> ReadIfPresent(std::string_view member_name);
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  ZipLimits limits_;
  std::uint64_t archive_bytes_ = 0;
  std::uint64_t total_read_ = 0;
  std::vector<ZipMember> members_;
  zip* archive_ = nullptr;
};

// True when `bytes` begin as a zip archive does (a local header, or an empty archive's end record).
bool LooksLikeZip(std::string_view bytes);

}  // namespace gongwen
