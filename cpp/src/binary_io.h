// Internal: writing and reading the byte images of saved models (lexicons, segmenters). Images
// are little-endian host-order PODs, 8-byte aligned sections, a magic tag, a format version and a
// trailing FNV-1a checksum; a reader checks every size before it reads, so a truncated, foreign
// or corrupted image raises gongwen::Error instead of reading out of bounds.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "gongwen/error.h"

namespace gongwen::binary {

// 64-bit FNV-1a hash of `bytes`: a checksum that catches truncation and bit flips.
std::uint64_t Fnv1a64(std::string_view bytes);

// Whether readers compare the checksums of saved images. Always, except in the fuzzing build
// (FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION, CMakeLists.txt), where a mutated image must reach
// the structural checks behind the checksum: a crafted file can carry a valid checksum, so those
// checks, not the checksum, are what keep a reader in bounds.
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
inline constexpr bool kVerifyChecksums = false;
#else
inline constexpr bool kVerifyChecksums = true;
#endif

// Appends values to a byte image.
class Writer {
 public:
  // Appends the bytes of a trivially copyable value.
  template <typename T>
  void Put(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes_.append(reinterpret_cast<const char*>(&value), sizeof(T));
  }

  // Appends an array of trivially copyable values, preceded by its length (uint64).
  template <typename T>
  void PutArray(const std::vector<T>& values) {
    static_assert(std::is_trivially_copyable_v<T>);
    Put<std::uint64_t>(values.size());
    Align();
    bytes_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
    Align();
  }

  // Appends a string preceded by its length (uint64).
  void PutString(std::string_view s) {
    Put<std::uint64_t>(s.size());
    bytes_.append(s);
    Align();
  }

  // Appends the header every saved image starts with: a magic tag and a format version.
  void PutHeader(std::uint64_t magic, std::uint32_t version) {
    Put(magic);
    Put(version);
  }

  // Pads with zeros to a multiple of 8 bytes.
  void Align() { bytes_.append((8 - bytes_.size() % 8) % 8, '\0'); }

  // The image with its checksum appended.
  std::string Finish() {
    Align();
    const std::uint64_t sum = Fnv1a64(bytes_);
    Put(sum);
    return std::move(bytes_);
  }

 private:
  std::string bytes_;
};

// Reads values from a byte image written by Writer, checking sizes.
class Reader {
 public:
  // A reader over `image` (checksum included; it must outlive the reader); `what` names the
  // image in errors. Throws gongwen::Error when the image is too short for its checksum or the
  // checksum does not match.
  Reader(std::string_view image, std::string what);

  // Reads a header written by PutHeader and fails unless it holds `magic` (else: "not a
  // <kind>") and exactly `version` (a newer version asks the user to upgrade gongwen).
  void ReadHeader(std::uint64_t magic, std::uint32_t version, std::string_view kind);

  // Reads one trivially copyable value.
  template <typename T>
  T Get() {
    static_assert(std::is_trivially_copyable_v<T>);
    Need(sizeof(T));
    T value;
    std::memcpy(&value, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return value;
  }

  // Reads an array written by PutArray.
  template <typename T>
  std::vector<T> GetArray() {
    const std::uint64_t count = Get<std::uint64_t>();
    Align();
    if (count > (data_.size() - pos_) / sizeof(T)) Fail("an array runs past the end");
    std::vector<T> values(count);
    // Not for an empty array: memcpy from or to a null pointer is undefined even for 0 bytes.
    if (count > 0) std::memcpy(values.data(), data_.data() + pos_, count * sizeof(T));
    pos_ += count * sizeof(T);
    Align();
    return values;
  }

  // Reads the bytes of an array of `T` written by PutArray, without copying them.
  std::string_view GetBlock() {
    const std::uint64_t size = Get<std::uint64_t>();
    Align();
    if (size > data_.size() - pos_) Fail("a section runs past the end");
    std::string_view block = data_.substr(pos_, size);
    pos_ += size;
    Align();
    return block;
  }

  // Reads a string written by PutString.
  std::string GetString() {
    const std::uint64_t size = Get<std::uint64_t>();
    if (size > data_.size() - pos_) Fail("a string runs past the end");
    std::string s(data_.substr(pos_, size));
    pos_ += size;
    Align();
    return s;
  }

  // Skips padding to a multiple of 8 bytes.
  void Align() { pos_ = std::min(data_.size(), pos_ + (8 - pos_ % 8) % 8); }

  // Whether every byte before the checksum was read.
  bool AtEnd() const { return pos_ == data_.size(); }

  // Throws gongwen::Error: "<what>: <reason>".
  [[noreturn]] void Fail(const std::string& reason) const;

 private:
  void Need(std::size_t bytes) const {
    if (bytes > data_.size() - pos_) Fail("truncated");
  }

  std::string_view data_;  // the image without its checksum
  std::size_t pos_ = 0;
  std::string what_;
};

}  // namespace gongwen::binary
