// Reading zip packages from memory with libzip, inflating with limits (zip.h).
#include "zip.h"

#include <unicode/ucnv.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>

#include "gongwen/error.h"
#include "text.h"

namespace gongwen {
namespace {

constexpr std::uint64_t kRatioCheckBytes = 1u << 20;
constexpr std::size_t kReadChunk = 64 * 1024;

// Converts a legacy-encoded name strictly, or returns nullopt.
std::optional<std::string> ConvertName(std::string_view raw, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(charset, &status);
  if (U_FAILURE(status)) return std::nullopt;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> owner(converter, &ucnv_close);
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::u16string units(raw.size() * 2 + 2, u'\0');
  const int32_t n = ucnv_toUChars(converter, units.data(), static_cast<int32_t>(units.size()),
                                  raw.data(), static_cast<int32_t>(raw.size()), &status);
  if (U_FAILURE(status)) return std::nullopt;
  std::string utf8;
  for (int32_t i = 0; i < n; ++i) {
    char32_t c = units[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n)
      c = 0x10000 + ((c - 0xD800) << 10) + (units[++i] - 0xDC00);
    text::AppendUtf8(utf8, c);
  }
  return utf8;
}

// Windows archivers write names in the system's code page (GBK in China) without the UTF-8 flag;
// libzip would read them as CP437. Valid UTF-8 is taken as it is, then GB18030, then CP437.
std::string DecodeName(zip_t* archive, zip_uint64_t index) {
  const char* raw = zip_get_name(archive, index, ZIP_FL_ENC_RAW);
  if (raw == nullptr) return {};
  const std::string_view bytes(raw);
  if (text::IsValidUtf8(bytes)) return std::string(bytes);
  if (std::optional<std::string> gb = ConvertName(bytes, "GB18030")) return *gb;
  const char* guessed = zip_get_name(archive, index, ZIP_FL_ENC_GUESS);
  return guessed != nullptr ? std::string(guessed) : std::string();
}

bool UnsafeName(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.front() == '\\') return true;
  if (name.find('\0') != std::string_view::npos) return true;
  if (name.size() >= 2 && name[1] == ':') return true;  // C:\...
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

DecodeError ZipError(const std::string& name, const std::string& reason) {
  return DecodeError(name, 0, reason);
}

}  // namespace

bool LooksLikeZip(std::string_view bytes) {
  return bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06");
}

ZipReader::ZipReader(std::string_view bytes, std::string_view name, ZipLimits limits)
    : name_(name), limits_(limits), archive_bytes_(bytes.size()) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source != nullptr) {
    // zip_open turns each member's DOS time into a time_t with mktime, which re-reads the time
    // zone under a lock of glibc's own. ThreadSanitizer cannot see that lock and reports two
    // threads opening archives as a race; this one it can see. Opening is a small part of reading.
    static std::mutex opening;
    const std::lock_guard<std::mutex> lock(opening);
    archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
  }
  if (archive_ == nullptr) {
    const std::string reason =
        std::string("not a readable zip archive: ") + zip_error_strerror(&error);
    if (source != nullptr) zip_source_free(source);
    zip_error_fini(&error);
    throw ZipError(name_, reason);
  }
  zip_error_fini(&error);
  const zip_int64_t count = zip_get_num_entries(archive_, 0);
  if (count < 0 || static_cast<std::uint64_t>(count) > limits_.max_members) {
    zip_discard(archive_);
    throw ZipError(name_, "zip archive with " + std::to_string(count) + " members (limit " +
                              std::to_string(limits_.max_members) + ")");
  }
  members_.reserve(static_cast<std::size_t>(count));
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW, &stat) != 0)
      continue;
    ZipMember member;
    member.index = static_cast<std::uint64_t>(i);
    member.name = DecodeName(archive_, member.index);
    member.size = (stat.valid & ZIP_STAT_SIZE) ? stat.size : 0;
    member.compressed_size = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
    member.directory = !member.name.empty() && member.name.back() == '/';
    member.encrypted =
        (stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE;
    member.unsafe_name = UnsafeName(member.name);
    members_.push_back(std::move(member));
  }
}

ZipReader::~ZipReader() {
  if (archive_ != nullptr) zip_discard(archive_);
}

const ZipMember* ZipReader::Find(std::string_view member_name) const {
  for (const ZipMember& member : members_) {
    if (member.name == member_name) return &member;
  }
  return nullptr;
}

std::string ZipReader::Read(const ZipMember& member) {
  std::string out;
  out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(member.size, 16u << 20)));
  ReadPieces(member, [&out](std::string_view piece) { out.append(piece); });
  return out;
}

void ZipReader::ReadPieces(const ZipMember& member,
                           const std::function<void(std::string_view)>& piece) {
  const std::string label = name_ + "/" + member.name;
  if (member.encrypted) throw ZipError(label, "encrypted zip member (no password)");
  if (member.unsafe_name) throw ZipError(label, "zip member with an unsafe name (not read)");
  zip_file_t* file = zip_fopen_index(archive_, member.index, 0);
  if (file == nullptr) {
    throw ZipError(label, std::string("cannot open zip member: ") + zip_strerror(archive_));
  }
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> owner(file, &zip_fclose);
  std::array<char, kReadChunk> chunk;
  std::uint64_t inflated = 0;
  while (true) {
    const zip_int64_t n = zip_fread(file, chunk.data(), chunk.size());
    if (n < 0) throw ZipError(label, std::string("damaged zip member: ") + zip_file_strerror(file));
    if (n == 0) break;
    inflated += static_cast<std::uint64_t>(n);
    total_read_ += static_cast<std::uint64_t>(n);
    if (inflated > limits_.max_member_bytes) {
      throw ZipError(label, "zip member inflates past " +
                                std::to_string(limits_.max_member_bytes >> 20) + " MiB (limit)");
    }
    if (total_read_ > limits_.max_total_bytes) {
      throw ZipError(label, "zip archive inflates past " +
                                std::to_string(limits_.max_total_bytes >> 20) +
                                " MiB in all (limit)");
    }
    if (inflated > kRatioCheckBytes &&
        inflated > limits_.max_ratio *
                       std::clamp<std::uint64_t>(member.compressed_size, 1, archive_bytes_)) {
      throw ZipError(label, "zip member inflates more than " + std::to_string(limits_.max_ratio) +
                                "x (a zip bomb?)");
    }
    piece(std::string_view(chunk.data(), static_cast<std::size_t>(n)));
  }
}

std::optional<std::string> ZipReader::ReadIfPresent(std::string_view member_name) {
  const ZipMember* member = Find(member_name);
  if (member == nullptr) return std::nullopt;
  return Read(*member);
}

}  // namespace gongwen
