#include "../../cpp/src/dat.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "gongwen/error.h"

namespace gongwen {
namespace {

using Entries = std::vector<DoubleArrayTrie::Entry>;
using Matches = std::vector<std::pair<std::size_t, std::uint32_t>>;

// The (length, value) pairs CommonPrefixSearch reports, in order.
Matches PrefixMatches(const DoubleArrayTrie& trie, std::u32string_view text,
                      std::size_t max_length = DoubleArrayTrie::kNoLimit) {
  Matches out;
  trie.CommonPrefixSearch(
      text, [&](std::size_t length, std::uint32_t value) { out.emplace_back(length, value); },
      max_length);
  return out;
}

// The same, by brute force over a map of the keys.
Matches ReferenceMatches(const std::map<std::u32string, std::uint32_t>& keys,
                         std::u32string_view text,
                         std::size_t max_length = DoubleArrayTrie::kNoLimit) {
  Matches out;
  for (std::size_t length = 1; length <= std::min(text.size(), max_length); ++length) {
    const auto it = keys.find(std::u32string(text.substr(0, length)));
    if (it != keys.end()) out.emplace_back(length, it->second);
  }
  return out;
}

// A copy of `bytes` in 8-byte aligned storage, for views.
class AlignedBytes {
 public:
  explicit AlignedBytes(const std::string& bytes)
      : words_((bytes.size() + 7) / 8), size_(bytes.size()) {
    std::memcpy(words_.data(), bytes.data(), bytes.size());
  }
  std::string_view view() const {
    return std::string_view(reinterpret_cast<const char*>(words_.data()), size_);
  }

 private:
  std::vector<std::uint64_t> words_;
  std::size_t size_;
};

// Byte offsets of header fields in the version 1 image format.
constexpr std::size_t kVersionOffset = 8;
constexpr std::size_t kByteOrderOffset = 12;
constexpr std::size_t kIndexSizeOffset = 24;
constexpr std::size_t kPageCountOffset = 28;
constexpr std::size_t kUnitCountOffset = 32;
constexpr std::size_t kHeaderBytes = 40;

std::uint32_t ReadU32(const std::string& image, std::size_t offset) {
  std::uint32_t value;
  std::memcpy(&value, image.data() + offset, 4);
  return value;
}

void WriteU32(std::string& image, std::size_t offset, std::uint32_t value) {
  std::memcpy(image.data() + offset, &value, 4);
}

// Byte offset of the unit array in an image.
std::size_t UnitsOffset(const std::string& image) {
  const std::size_t index_bytes = (ReadU32(image, kIndexSizeOffset) * 2 + 7) / 8 * 8;
  return kHeaderBytes + index_bytes + ReadU32(image, kPageCountOffset) * 512;
}

// Rewrites the trailing checksum to match the bytes before it (the format's word-wise FNV-1a
// with an xor-shift), as a forger would: the structural checks must then catch the damage.
void ForgeChecksum(std::string& image) {
  std::uint64_t state = 0xcbf29ce484222325;
  for (std::size_t i = 0; i + 8 < image.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, image.data() + i, 8);
    state = (state ^ word) * 0x100000001b3;
    state ^= state >> 32;
  }
  std::memcpy(image.data() + image.size() - 8, &state, 8);
}

// The message of the gongwen::Error that deserializing `image` throws, or "" if none.
std::string DeserializeError(std::string_view image) {
  try {
    DoubleArrayTrie::Deserialize(image);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

// A small lexicon in the style of jieba's: nested words, Latin, digits, astral characters.
Entries SmallLexicon() {
  return {{U"中", 1},
          {U"中国", 2},
          {U"中国人", 3},
          {U"中华人民共和国", 4},
          {U"人民", 5},
          {U"人", 6},
          {U"AT&T", 7},
          {U"B超", 8},
          {U"3D", 9},
          {U"\U00020000", 10},
          {U"\U00020000\U00020001", 11},
          {U"国务院办公厅", 12},
          {U"办公厅", 13}};
}

// Keys of random length over `alphabet`, with values; unique.
std::map<std::u32string, std::uint32_t> RandomKeys(std::mt19937& rng,
                                                   const std::u32string& alphabet,
                                                   std::size_t count, std::size_t max_length) {
  std::uniform_int_distribution<std::size_t> length(1, max_length);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::map<std::u32string, std::uint32_t> keys;
  for (std::size_t i = 0; i < count; ++i) {
    std::u32string key;
    for (std::size_t n = length(rng); n > 0; --n) key += alphabet[pick(rng)];
    keys.emplace(key, static_cast<std::uint32_t>(rng()));
  }
  return keys;
}

// Checks exact lookups and prefix searches of a trie built from `keys` against the map.
void ExpectMatchesReference(const std::map<std::u32string, std::uint32_t>& keys,
                            const std::u32string& alphabet, std::mt19937& rng) {
  Entries entries(keys.begin(), keys.end());
  std::shuffle(entries.begin(), entries.end(), rng);
  const DoubleArrayTrie trie = DoubleArrayTrie::Build(entries);
  ASSERT_EQ(trie.size(), keys.size());
  for (const auto& [key, value] : keys) ASSERT_EQ(trie.Find(key), value);

  // Texts over the alphabet plus a character no key has; every suffix is searched.
  std::u32string letters = alphabet + U"\u00FF";
  std::uniform_int_distribution<std::size_t> pick(0, letters.size() - 1);
  for (int round = 0; round < 50; ++round) {
    std::u32string text;
    for (int i = 0; i < 40; ++i) text += letters[pick(rng)];
    for (std::size_t start = 0; start < text.size(); ++start) {
      const std::u32string_view rest = std::u32string_view(text).substr(start);
      ASSERT_EQ(PrefixMatches(trie, rest), ReferenceMatches(keys, rest));
      ASSERT_EQ(PrefixMatches(trie, rest, 3), ReferenceMatches(keys, rest, 3));
      for (std::size_t length = 1; length <= 6 && length <= rest.size(); ++length) {
        const std::u32string probe(rest.substr(0, length));
        const auto it = keys.find(probe);
        ASSERT_EQ(trie.Find(probe),
                  it == keys.end() ? std::nullopt : std::optional<std::uint32_t>(it->second));
      }
    }
  }
  // The image of the trie round-trips to the same trie.
  EXPECT_EQ(DoubleArrayTrie::Deserialize(trie.Serialize()).Serialize(), trie.Serialize());
}

TEST(DoubleArrayTrieTest, EmptyTrieFindsNothing) {
  const DoubleArrayTrie trie;
  EXPECT_EQ(trie.size(), 0u);
  EXPECT_TRUE(trie.empty());
  EXPECT_FALSE(trie.owns_image());
  EXPECT_EQ(trie.Find(U"中"), std::nullopt);
  EXPECT_EQ(trie.Find(U""), std::nullopt);
  EXPECT_TRUE(PrefixMatches(trie, U"中国").empty());
  // Building from no entries gives the same image, which round-trips.
  const DoubleArrayTrie built = DoubleArrayTrie::Build({});
  EXPECT_EQ(built.Serialize(), trie.Serialize());
  EXPECT_EQ(DoubleArrayTrie::Deserialize(trie.Serialize()).size(), 0u);
  EXPECT_EQ(trie.MemoryBytes(), trie.Serialize().size());
}

TEST(DoubleArrayTrieTest, FindsKeysAndMissesOthers) {
  const DoubleArrayTrie trie = DoubleArrayTrie::Build(SmallLexicon());
  EXPECT_EQ(trie.size(), SmallLexicon().size());
  for (const auto& [key, value] : SmallLexicon()) EXPECT_EQ(trie.Find(key), value);
  for (const std::u32string key :
       {U"", U"中华", U"中华人民共和", U"中国人民", U"国", U"x", U"AT", U"AT&T!", U"\U00020001",
        U"\U00020000\U00020000", U"办公", U"\U0010FFFF"}) {
    EXPECT_EQ(trie.Find(key), std::nullopt);
  }
  EXPECT_EQ(trie.alphabet_size(),
            std::u32string(U"中国人华民共和AT&B超3D\U00020000\U00020001务院办公厅").size());
  EXPECT_EQ(trie.Code(U'x'), 0u);
  EXPECT_GE(trie.Code(U'中'), 1u);
}

TEST(DoubleArrayTrieTest, PrefixSearchReportsShortestFirst) {
  const DoubleArrayTrie trie = DoubleArrayTrie::Build(SmallLexicon());
  EXPECT_EQ(PrefixMatches(trie, U"中国人民共和国"), (Matches{{1, 1}, {2, 2}, {3, 3}}));
  EXPECT_EQ(PrefixMatches(trie, U"中国人民共和国", 2), (Matches{{1, 1}, {2, 2}}));
  EXPECT_EQ(PrefixMatches(trie, U"中国人民共和国", 0), Matches{});
  EXPECT_EQ(PrefixMatches(trie, U"中华人民共和国万岁"), (Matches{{1, 1}, {7, 4}}));
  EXPECT_EQ(PrefixMatches(trie, U"\U00020000\U00020001\U00020002"), (Matches{{1, 10}, {2, 11}}));
  EXPECT_EQ(PrefixMatches(trie, U"人民"), (Matches{{1, 6}, {2, 5}}));
  EXPECT_EQ(PrefixMatches(trie, U"AT&T公司"), (Matches{{4, 7}}));
  EXPECT_EQ(PrefixMatches(trie, U"华"), Matches{});
  EXPECT_EQ(PrefixMatches(trie, U""), Matches{});
}

TEST(DoubleArrayTrieTest, KeepsFullRangeValues) {
  const DoubleArrayTrie trie = DoubleArrayTrie::Build(
      {{U"a", 0}, {U"ab", 0xFFFFFFFF}, {U"abc", 0x80000000}, {U"b", 0x3FFFFFFF}});
  EXPECT_EQ(trie.Find(U"a"), 0u);
  EXPECT_EQ(trie.Find(U"ab"), 0xFFFFFFFFu);
  EXPECT_EQ(trie.Find(U"abc"), 0x80000000u);
  EXPECT_EQ(trie.Find(U"b"), 0x3FFFFFFFu);
  const DoubleArrayTrie copy = DoubleArrayTrie::Deserialize(trie.Serialize());
  EXPECT_EQ(copy.Find(U"ab"), 0xFFFFFFFFu);
}

TEST(DoubleArrayTrieTest, ValuesBelowSeesLeavesAndInnerKeys) {
  // "a" has children (its value is in a value slot), "ab" and "b" are leaves.
  const DoubleArrayTrie trie = DoubleArrayTrie::Build({{U"a", 9}, {U"ab", 3}, {U"b", 5}});
  EXPECT_TRUE(trie.ValuesBelow(10));
  EXPECT_FALSE(trie.ValuesBelow(9));  // the inner key's value
  EXPECT_FALSE(DoubleArrayTrie::Build({{U"a", 2}, {U"ab", 7}, {U"b", 5}}).ValuesBelow(7));
  EXPECT_FALSE(DoubleArrayTrie::Build({{U"a", 2}, {U"ab", 3}, {U"b", 6}}).ValuesBelow(6));
  EXPECT_TRUE(DoubleArrayTrie().ValuesBelow(0));
}

TEST(DoubleArrayTrieTest, MatchesBruteForceOnRandomKeys) {
  std::mt19937 rng(20240611);
  // A tiny alphabet: dense nesting, many keys prefixes of others.
  const std::u32string tiny = U"abc";
  ExpectMatchesReference(RandomKeys(rng, tiny, 300, 6), tiny, rng);
  // Latin letters and digits.
  const std::u32string latin = U"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  ExpectMatchesReference(RandomKeys(rng, latin, 3000, 5), latin, rng);
  // Real-looking CJK keys of 1-4 characters over 300 common characters, plus astral ones.
  std::u32string cjk =
      U"的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能"
      U"对着"
      U"事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面"
      U"又定见"
      U"只主没公从知政府办厅部委局省市县镇乡村党员干群众组织建设发展改革开放经济社会文化生态治理";
  for (char32_t c = 0x20000; c < 0x20010; ++c) cjk += c;
  ExpectMatchesReference(RandomKeys(rng, cjk, 5000, 4), cjk, rng);
  // Single-character keys only.
  ExpectMatchesReference(RandomKeys(rng, cjk, 100, 1), cjk, rng);
  // A mix of code point ranges: ASCII, CJK, astral, and the extremes.
  const std::u32string mixed = U"\u0001a9\u00E9\u4E00\u9FFF\uFFFF\U00020000\U0002A6DF\U0010FFFF";
  ExpectMatchesReference(RandomKeys(rng, mixed, 2000, 5), mixed, rng);
}

TEST(DoubleArrayTrieTest, ImageDoesNotDependOnEntryOrder) {
  Entries entries = SmallLexicon();
  const std::string image = DoubleArrayTrie::Build(entries).Serialize();
  std::mt19937 rng(3);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(entries.begin(), entries.end(), rng);
    EXPECT_EQ(DoubleArrayTrie::Build(entries).Serialize(), image);
  }
}

TEST(DoubleArrayTrieTest, RejectsEmptyAndDuplicateKeys) {
  EXPECT_THROW(DoubleArrayTrie::Build({{U"", 1}}), std::invalid_argument);
  EXPECT_THROW(DoubleArrayTrie::Build({{U"中国", 1}, {U"", 2}}), std::invalid_argument);
  try {
    DoubleArrayTrie::Build({{U"中国", 1}, {U"人民", 2}, {U"中国", 3}});
    FAIL() << "duplicate accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("duplicate key '中国'"), std::string::npos) << e.what();
  }
  EXPECT_THROW(DoubleArrayTrie::Build({{std::u32string(1, char32_t{0x110000}), 1}}),
               std::invalid_argument);
}

TEST(DoubleArrayTrieTest, RoundTripsByCopyAndByView) {
  const DoubleArrayTrie trie = DoubleArrayTrie::Build(SmallLexicon());
  const std::string image = trie.Serialize();
  EXPECT_EQ(image.size(), trie.MemoryBytes());
  EXPECT_EQ(image.size() % 8, 0u);
  EXPECT_TRUE(trie.owns_image());

  const DoubleArrayTrie copied = DoubleArrayTrie::Deserialize(image);
  EXPECT_TRUE(copied.owns_image());
  const AlignedBytes aligned(image);
  const DoubleArrayTrie viewed = DoubleArrayTrie::Deserialize(aligned.view(), false);
  EXPECT_FALSE(viewed.owns_image());
  for (const DoubleArrayTrie* t : {&copied, &viewed}) {
    EXPECT_EQ(t->Serialize(), image);
    EXPECT_EQ(t->size(), trie.size());
    for (const auto& [key, value] : SmallLexicon()) EXPECT_EQ(t->Find(key), value);
    EXPECT_EQ(PrefixMatches(*t, U"中国人民"), (Matches{{1, 1}, {2, 2}, {3, 3}}));
  }
  // A view needs aligned bytes; a copy does not.
  const std::string shifted = " " + image;
  const std::string_view misaligned = reinterpret_cast<std::uintptr_t>(shifted.data() + 1) % 8 != 0
                                          ? std::string_view(shifted).substr(1)
                                          : std::string_view(shifted).substr(0, 0);
  if (!misaligned.empty()) {
    EXPECT_THROW(DoubleArrayTrie::Deserialize(misaligned, false), std::invalid_argument);
    EXPECT_EQ(DoubleArrayTrie::Deserialize(misaligned, true).Find(U"中国"), 2u);
  }
}

TEST(DoubleArrayTrieTest, CopiesAndMovesKeepWorking) {
  DoubleArrayTrie copy;
  {
    const DoubleArrayTrie original = DoubleArrayTrie::Build(SmallLexicon());
    copy = original;
  }
  EXPECT_EQ(copy.Find(U"中国"), 2u);
  DoubleArrayTrie moved = std::move(copy);
  EXPECT_EQ(moved.Find(U"人民"), 5u);
  EXPECT_EQ(copy.size(), 0u);  // NOLINT(bugprone-use-after-move): moved-from is empty
  EXPECT_EQ(copy.Find(U"人民"), std::nullopt);
  const DoubleArrayTrie copied(moved);
  EXPECT_EQ(copied.Find(U"中华人民共和国"), 4u);

  const std::string image = moved.Serialize();
  const AlignedBytes aligned(image);
  const DoubleArrayTrie view = DoubleArrayTrie::Deserialize(aligned.view(), false);
  const DoubleArrayTrie view_copy = view;  // shares the viewed bytes
  EXPECT_FALSE(view_copy.owns_image());
  EXPECT_EQ(view_copy.Find(U"3D"), 9u);
}

TEST(DoubleArrayTrieTest, EveryTruncationThrows) {
  const std::string image = DoubleArrayTrie::Build(SmallLexicon()).Serialize();
  for (std::size_t length = 0; length < image.size(); ++length) {
    const std::string message = DeserializeError(std::string_view(image).substr(0, length));
    ASSERT_NE(message.find("truncated"), std::string::npos) << length << ": " << message;
  }
  EXPECT_NE(DeserializeError(image + std::string(8, '\0')).find("after its end"),
            std::string::npos);
}

TEST(DoubleArrayTrieTest, EveryBitFlipThrows) {
  const std::string image = DoubleArrayTrie::Build(SmallLexicon()).Serialize();
  for (std::size_t bit = 0; bit < image.size() * 8; ++bit) {
    std::string flipped = image;
    flipped[bit / 8] = static_cast<char>(flipped[bit / 8] ^ (1 << (bit % 8)));
    const std::string message = DeserializeError(flipped);
    ASSERT_FALSE(message.empty()) << "bit " << bit;
    // Past the header, only the checksum can notice.
    if (bit / 8 >= kHeaderBytes) {
      ASSERT_NE(message.find("checksum mismatch"), std::string::npos) << bit << ": " << message;
    }
  }
}

TEST(DoubleArrayTrieTest, RejectsForeignAndNewerImages) {
  const std::string image = DoubleArrayTrie::Build(SmallLexicon()).Serialize();
  std::string newer = image;
  WriteU32(newer, kVersionOffset, 2);
  EXPECT_NE(DeserializeError(newer).find("version 2, newer"), std::string::npos)
      << DeserializeError(newer);
  std::string older = image;
  WriteU32(older, kVersionOffset, 0);
  EXPECT_NE(DeserializeError(older).find("unknown version 0"), std::string::npos);

  std::string foreign = image;
  foreign.replace(0, 8, "PK\x03\x04xxxx");
  EXPECT_NE(DeserializeError(foreign).find("bad magic"), std::string::npos);
  EXPECT_NE(DeserializeError("not a trie at all, but long enough to hold a header").find("magic"),
            std::string::npos);

  std::string swapped = image;
  WriteU32(swapped, kByteOrderOffset, 0x04030201);
  EXPECT_NE(DeserializeError(swapped).find("other byte order"), std::string::npos);
}

TEST(DoubleArrayTrieTest, ForgedChecksumsDoNotHideCorruption) {
  const std::string image = DoubleArrayTrie::Build(SmallLexicon()).Serialize();
  const std::size_t units = UnitsOffset(image);
  const std::uint32_t unit_count = ReadU32(image, kUnitCountOffset);
  ASSERT_EQ(units + unit_count * 8 + 8, image.size());

  // The root's base pointing past the array.
  std::string far = image;
  WriteU32(far, units, 0x3FFFFFF0);
  ForgeChecksum(far);
  EXPECT_NE(DeserializeError(far).find("is corrupt"), std::string::npos) << DeserializeError(far);

  // A header key count that disagrees with the units.
  std::string count = image;
  WriteU32(count, 16, 99);
  ForgeChecksum(count);
  EXPECT_NE(DeserializeError(count).find("header says 99"), std::string::npos);

  // Random damage to the units with the checksum forged: Deserialize either throws Error or
  // yields a trie whose lookups stay in bounds (run under a sanitizer to see the difference).
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> word(0, unit_count * 2 - 1);
  const std::u32string text = U"中国人民共和国务院办公厅AT&T3D\U00020000\U00020001B超";
  int accepted = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string damaged = image;
    for (int k = 0; k < 1 + round % 3; ++k) {
      const std::uint32_t value = rng() % 4 == 0 ? rng() : rng() % (unit_count + 40);
      WriteU32(damaged, units + word(rng) * 4, value);
    }
    ForgeChecksum(damaged);
    try {
      const DoubleArrayTrie trie = DoubleArrayTrie::Deserialize(damaged);
      ++accepted;
      for (std::size_t start = 0; start < text.size(); ++start) {
        PrefixMatches(trie, std::u32string_view(text).substr(start));
        trie.Find(std::u32string_view(text).substr(start));
      }
    } catch (const Error&) {
    }
  }
  EXPECT_LT(accepted, 3000);
}

TEST(DoubleArrayTrieTest, BuildsAndRoundTrips350kKeys) {
  // Random 2-4 character words over 6,000 CJK characters, as many as jieba's dictionary has.
  std::mt19937 rng(350000);
  std::uniform_int_distribution<int> length(2, 4);
  std::uniform_int_distribution<char32_t> character(0x4E00, 0x4E00 + 5999);
  std::set<std::u32string> seen;
  Entries entries;
  while (entries.size() < 350000) {
    std::u32string key;
    for (int n = length(rng); n > 0; --n) key += character(rng);
    if (seen.insert(key).second) {
      entries.emplace_back(key, static_cast<std::uint32_t>(entries.size()));
    }
  }
  const DoubleArrayTrie trie = DoubleArrayTrie::Build(entries);
  EXPECT_EQ(trie.size(), 350000u);
  for (const auto& [key, value] : entries) ASSERT_EQ(trie.Find(key), value);

  const std::string image = trie.Serialize();
  const DoubleArrayTrie copied = DoubleArrayTrie::Deserialize(image);
  const AlignedBytes aligned(image);
  const DoubleArrayTrie viewed = DoubleArrayTrie::Deserialize(aligned.view(), false);
  EXPECT_EQ(copied.Serialize(), image);
  for (std::size_t i = 0; i < entries.size(); i += 97) {
    ASSERT_EQ(copied.Find(entries[i].first), entries[i].second);
    ASSERT_EQ(viewed.Find(entries[i].first), entries[i].second);
  }
  // Prefix search over text made of keys agrees with a brute-force lookup of each prefix.
  std::u32string text;
  for (std::size_t i = 0; i < 2000; ++i) text += entries[(i * 7919) % entries.size()].first;
  for (std::size_t start = 0; start < text.size(); ++start) {
    const std::u32string_view rest = std::u32string_view(text).substr(start);
    Matches expected;
    for (std::size_t n = 1; n <= 4 && n <= rest.size(); ++n) {
      if (const auto value = trie.Find(rest.substr(0, n))) expected.emplace_back(n, *value);
    }
    ASSERT_EQ(PrefixMatches(viewed, rest), expected);
  }
}

}  // namespace
}  // namespace gongwen
