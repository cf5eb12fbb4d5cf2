#include "lexicon.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "binary_io.h"
#include "gongwen/error.h"
#include "normalize.h"
#include "text.h"

namespace gongwen {

namespace {

// "GWLEXICN": the image's magic tag; the version changes when the layout does.
constexpr std::uint64_t kMagic = 0x4E4349584557'4C47ull;
constexpr std::uint32_t kVersion = 1;
constexpr double kMinimumTotal = 1e6;

Error LineError(std::string_view name, std::size_t line, const std::string& reason) {
  return Error(std::string(name) + ", line " + std::to_string(line) + ": " + reason);
}

bool IsTag(std::string_view token) {
  return !token.empty() && token.size() <= 8 &&
         std::all_of(token.begin(), token.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// A frequency: digits with an optional fraction. Returns nullopt when `token` is not a number.
std::optional<double> ParseFrequency(std::string_view token) {
  if (token.empty() || token.size() > 24) return std::nullopt;
  bool digit = false, dot = false;
  for (std::size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c == '.' && !dot) {
      dot = true;
    } else if (!(c == '-' && i == 0)) {
      return std::nullopt;
    }
  }
  if (!digit) return std::nullopt;
  return std::strtod(std::string(token).c_str(), nullptr);
}

// Any real number strtod reads (exponents included), consuming the whole token.
std::optional<double> ParseReal(std::string_view token) {
  if (token.empty() || token.size() > 64) return std::nullopt;
  const std::string s(token);
  char* end = nullptr;
  const double value = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return std::nullopt;
  return value;
}

std::vector<std::string_view> SplitWhitespace(std::string_view line) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) tokens.push_back(line.substr(start, i - start));
  }
  return tokens;
}

WordListEntry ParseWordLine(std::string_view line, std::string_view name, std::size_t number) {
  std::vector<std::string_view> tokens = SplitWhitespace(line);
  WordListEntry entry;
  // jieba's format, read from the right: an optional lowercase tag, then an optional frequency.
  if (tokens.size() >= 2 && IsTag(tokens.back())) {
    entry.tag = std::string(tokens.back());
    tokens.pop_back();
  }
  if (tokens.size() >= 2) {
    if (std::optional<double> freq = ParseFrequency(tokens.back())) {
      if (!std::isfinite(*freq) || *freq < 0) {
        throw LineError(name, number, "the frequency must be a non-negative number");
      }
      entry.freq = freq;
      tokens.pop_back();
    }
  }
  std::string word;
  for (std::string_view token : tokens) {
    if (!word.empty()) word += ' ';
    word += token;
  }
  entry.word = text::Decode(word);
  for (char32_t c : entry.word) {
    if (c < 0x20 || c == 0x7F) throw LineError(name, number, "a control character in the word");
  }
  return entry;
}

void PutFloats(binary::Writer& w, const std::array<float, 4>& values) {
  for (float v : values) w.Put(v);
}

std::array<float, 4> GetFloats(binary::Reader& r) {
  std::array<float, 4> values;
  for (float& v : values) v = r.Get<float>();
  return values;
}

int StateIndex(std::string_view state) {
  static constexpr std::string_view kStates = "BMES";
  return state.size() == 1 ? static_cast<int>(kStates.find(state[0])) : -1;
}

}  // namespace

HmmModel HmmModel::Parse(std::string_view table, std::string_view name) {
  HmmModel model;
  for (auto& row : model.trans) row.fill(kImpossible);
  std::size_t number = 0;
  for (std::size_t start = 0; start < table.size();) {
    std::size_t end = table.find('\n', start);
    if (end == std::string_view::npos) end = table.size();
    const std::string_view line = table.substr(start, end - start);
    start = end + 1;
    ++number;
    if (line.empty()) continue;
    std::vector<std::string_view> fields;
    for (std::size_t i = 0; i <= line.size();) {
      std::size_t tab = line.find('\t', i);
      if (tab == std::string_view::npos) tab = line.size();
      fields.push_back(line.substr(i, tab - i));
      i = tab + 1;
    }
    const std::optional<double> value = ParseReal(fields.back());
    if (!value) throw LineError(name, number, "the last field must be a number");
    const float p = std::max(static_cast<float>(*value), kImpossible);
    if (fields[0] == "start" && fields.size() == 3 && StateIndex(fields[1]) >= 0) {
      model.start[StateIndex(fields[1])] = p;
    } else if (fields[0] == "trans" && fields.size() == 4 && StateIndex(fields[1]) >= 0 &&
               StateIndex(fields[2]) >= 0) {
      model.trans[StateIndex(fields[1])][StateIndex(fields[2])] = p;
    } else if (fields[0] == "emit" && fields.size() == 4 && StateIndex(fields[1]) >= 0) {
      const std::u32string c = text::Decode(fields[2]);
      if (c.size() != 1) throw LineError(name, number, "an emission must name one character");
      auto [it, added] = model.emit.try_emplace(c[0]);
      if (added) it->second.fill(kUnseen);
      it->second[StateIndex(fields[1])] = p;
    } else {
      throw LineError(name, number, "expected start/trans/emit and a state");
    }
  }
  return model;
}

std::vector<WordListEntry> ParseWordList(std::string_view text, std::string_view name) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<WordListEntry> words;
  std::size_t number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!text::IsValidUtf8(line)) throw LineError(name, number, "not valid UTF-8");
    const std::u32string trimmed(text::Trim(text::Decode(line)));
    if (trimmed.empty() || trimmed[0] == U'#') continue;
    words.push_back(ParseWordLine(text::Encode(trimmed), name, number));
  }
  return words;
}

// The tags of the tokens the segmenter makes without the lexicon: numbers, Latin words,
// punctuation (jieba's names for them).
constexpr std::string_view kFixedTags[] = {"m", "eng", "x"};

Lexicon::Lexicon() {
  for (std::size_t i = 0; i < std::size(kFixedTags); ++i) fixed_tags_[i] = InternTag(kFixedTags[i]);
}

std::uint16_t Lexicon::FindTag(std::string_view tag) const {
  auto it = std::find(tags_.begin(), tags_.end(), tag);
  return it == tags_.end() ? 0 : static_cast<std::uint16_t>(it - tags_.begin());
}

std::uint16_t Lexicon::InternTag(std::string_view tag) {
  auto it = std::find(tags_.begin(), tags_.end(), tag);
  if (it != tags_.end()) return static_cast<std::uint16_t>(it - tags_.begin());
  if (tags_.size() >= 0xFFFF) throw Error("too many distinct part-of-speech tags");
  tags_.emplace_back(tag);
  return static_cast<std::uint16_t>(tags_.size() - 1);
}

float Lexicon::LogProb(double freq) const {
  return static_cast<float>(std::log(std::max(freq, 1e-9)) - log_total_);
}

Lexicon Lexicon::Build(const std::vector<WordListEntry>& words, HmmModel hmm, double default_freq) {
  const CharNormalizer normalize(false);
  Lexicon lexicon;
  lexicon.hmm_ = std::move(hmm);
  // Normalise and merge: a repeated word keeps its larger frequency (and that one's tag).
  std::map<std::u32string, std::pair<double, std::string>> merged;
  for (const WordListEntry& word : words) {
    if (word.word.empty()) continue;
    const double freq = word.freq.value_or(default_freq);
    auto [it, added] = merged.try_emplace(normalize.Normalize(word.word), freq, word.tag);
    if (!added && freq > it->second.first) it->second = {freq, word.tag};
  }
  double total = 0;
  std::unordered_map<char32_t, double> alone, within;
  std::vector<DoubleArrayTrie::Entry> keys;
  keys.reserve(merged.size());
  for (const auto& [key, value] : merged) {
    total += value.first;
    std::u32string distinct = key;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    for (char32_t c : distinct) within[c] += value.first;
    if (key.size() == 1) alone[key[0]] += value.first;
    lexicon.max_length_ = std::max(lexicon.max_length_, key.size());
    keys.emplace_back(key, static_cast<std::uint32_t>(keys.size()));
  }
  // Probabilities are taken relative to at least a million words: in a small word list (or one
  // without frequencies) each word would otherwise be so probable that the per-word bonus made
  // more words always better.
  lexicon.total_ = std::max(total, kMinimumTotal);
  lexicon.log_total_ = std::log(lexicon.total_);
  lexicon.entries_.reserve(merged.size());
  for (const auto& [key, value] : merged) {
    lexicon.entries_.push_back(
        Entry{value.first, lexicon.LogProb(value.first), lexicon.InternTag(value.second)});
    lexicon.log_probs_.push_back(lexicon.entries_.back().log_prob);
  }
  for (const auto& [c, freq] : within) {
    if (freq > 0) lexicon.standalone_[c] = static_cast<float>(alone[c] / freq);
  }
  if (!keys.empty()) lexicon.trie_ = DoubleArrayTrie::Build(std::move(keys));
  return lexicon;
}

std::string Lexicon::Serialize() const {
  binary::Writer w;
  w.PutHeader(kMagic, kVersion);
  w.Put<std::uint32_t>(0);
  w.PutString(trie_.Serialize());
  std::vector<double> freqs;
  std::vector<std::uint16_t> tag_ids;
  for (const Entry& e : entries_) {
    freqs.push_back(e.freq);
    tag_ids.push_back(e.tag);
  }
  w.PutArray(freqs);
  w.PutArray(tag_ids);
  w.Put<std::uint64_t>(tags_.size());
  for (const std::string& tag : tags_) w.PutString(tag);
  w.Put(total_);
  w.Put<std::uint64_t>(max_length_);
  // Tables in code-point order, so that the image of a lexicon is always the same bytes.
  std::vector<std::pair<char32_t, float>> standalone(standalone_.begin(), standalone_.end());
  std::sort(standalone.begin(), standalone.end());
  std::vector<char32_t> chars;
  std::vector<float> shares;
  for (const auto& [c, share] : standalone) {
    chars.push_back(c);
    shares.push_back(share);
  }
  w.PutArray(chars);
  w.PutArray(shares);
  PutFloats(w, hmm_.start);
  for (const auto& row : hmm_.trans) PutFloats(w, row);
  std::vector<std::pair<char32_t, std::array<float, 4>>> emit(hmm_.emit.begin(), hmm_.emit.end());
  std::sort(emit.begin(), emit.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  w.Put<std::uint64_t>(emit.size());
  for (const auto& [c, values] : emit) {
    w.Put<std::uint32_t>(c);
    PutFloats(w, values);
  }
  WriteEdits(w);
  return w.Finish();
}

Lexicon Lexicon::Deserialize(std::string_view image, bool copy) {
  binary::Reader r(image, "lexicon image");
  r.ReadHeader(kMagic, kVersion, "gongwen lexicon");
  r.Get<std::uint32_t>();
  Lexicon lexicon;
  lexicon.trie_ = DoubleArrayTrie::Deserialize(r.GetBlock(), copy);
  const std::vector<double> freqs = r.GetArray<double>();
  const std::vector<std::uint16_t> tag_ids = r.GetArray<std::uint16_t>();
  if (freqs.size() != tag_ids.size() || freqs.size() != lexicon.trie_.size()) {
    r.Fail("the word tables do not match the trie");
  }
  // The trie's values index the word tables (and a value with kAdded's bit would be taken for
  // an added word): any value past them would be read out of bounds.
  if (!lexicon.trie_.ValuesBelow(freqs.size())) r.Fail("the trie names words it has no entry for");
  const std::uint64_t tag_count = r.Get<std::uint64_t>();
  if (tag_count == 0 || tag_count > 0xFFFF) r.Fail("bad number of tags");
  lexicon.tags_.clear();
  for (std::uint64_t i = 0; i < tag_count; ++i) lexicon.tags_.push_back(r.GetString());
  for (std::size_t i = 0; i < std::size(kFixedTags); ++i) {
    lexicon.fixed_tags_[i] = lexicon.InternTag(kFixedTags[i]);
  }
  lexicon.total_ = r.Get<double>();
  if (!(lexicon.total_ >= 1) || !std::isfinite(lexicon.total_)) r.Fail("bad total frequency");
  lexicon.log_total_ = std::log(lexicon.total_);
  lexicon.max_length_ = r.Get<std::uint64_t>();
  for (std::size_t i = 0; i < freqs.size(); ++i) {
    if (tag_ids[i] >= tag_count || !(freqs[i] >= 0)) r.Fail("bad word entry");
    lexicon.entries_.push_back(Entry{freqs[i], lexicon.LogProb(freqs[i]), tag_ids[i]});
    lexicon.log_probs_.push_back(lexicon.entries_.back().log_prob);
  }
  const std::vector<char32_t> chars = r.GetArray<char32_t>();
  const std::vector<float> shares = r.GetArray<float>();
  if (chars.size() != shares.size()) r.Fail("the character tables do not match");
  for (std::size_t i = 0; i < chars.size(); ++i) lexicon.standalone_[chars[i]] = shares[i];
  lexicon.hmm_.start = GetFloats(r);
  for (auto& row : lexicon.hmm_.trans) row = GetFloats(r);
  const std::uint64_t emit_count = r.Get<std::uint64_t>();
  for (std::uint64_t i = 0; i < emit_count; ++i) {
    const char32_t c = r.Get<std::uint32_t>();
    lexicon.hmm_.emit[c] = GetFloats(r);
  }
  lexicon.ReadEdits(r);
  if (!r.AtEnd()) r.Fail("unexpected bytes after the last section");
  return lexicon;
}

const Lexicon::Entry* Lexicon::Find(std::u32string_view word) const {
  if (!added_.empty()) {
    if (auto it = added_.find(word); it != added_.end()) return &EntryOf(it->second);
  }
  if (!removed_.empty() && removed_.count(word)) return nullptr;
  const std::optional<std::uint32_t> index = trie_.Find(word);
  return index ? &entries_[*index] : nullptr;
}

void Lexicon::Add(std::u32string_view word, double freq, std::string_view tag) {
  if (word.empty()) throw std::invalid_argument("a word cannot be empty");
  const Entry entry{freq, LogProb(freq), InternTag(tag)};
  if (auto it = added_.find(word); it != added_.end()) {
    added_entries_[it->second & ~kAdded] = entry;
  } else {
    added_.emplace(std::u32string(word), kAdded | static_cast<WordRef>(added_entries_.size()));
    added_entries_.push_back(entry);
    added_order_.emplace_back(word);
  }
  if (auto gone = removed_.find(word); gone != removed_.end()) removed_.erase(gone);
  max_added_length_ = std::max(max_added_length_, word.size());
  max_length_ = std::max(max_length_, word.size());
}

bool Lexicon::Remove(std::u32string_view word) {
  bool found = false;
  if (auto it = added_.find(word); it != added_.end()) {
    added_.erase(it);
    added_order_.erase(std::find(added_order_.begin(), added_order_.end(), word));
    found = true;
  }
  if (trie_.Find(word) && !removed_.count(word)) {
    removed_.emplace(word);
    found = true;
  }
  return found;
}

void Lexicon::WriteEdits(binary::Writer& w) const {
  w.Put<std::uint64_t>(added_order_.size());
  for (const std::u32string& word : added_order_) {
    const Entry& e = EntryOf(added_.at(word));
    w.PutString(text::Encode(word));
    w.Put(e.freq);
    w.PutString(tags_[e.tag]);
  }
  // Sorted so that equal lexicons save to equal bytes.
  std::vector<std::u32string> removed(removed_.begin(), removed_.end());
  std::sort(removed.begin(), removed.end());
  w.Put<std::uint64_t>(removed.size());
  for (const std::u32string& word : removed) w.PutString(text::Encode(word));
}

void Lexicon::ReadEdits(binary::Reader& r) {
  const std::uint64_t additions = r.Get<std::uint64_t>();
  for (std::uint64_t i = 0; i < additions; ++i) {
    const std::string word = r.GetString();
    const double freq = r.Get<double>();
    const std::string tag = r.GetString();
    if (word.empty() || !text::IsValidUtf8(word) || !(freq >= 0)) r.Fail("bad added word");
    Add(text::Decode(word), freq, tag);
  }
  const std::uint64_t removals = r.Get<std::uint64_t>();
  for (std::uint64_t i = 0; i < removals; ++i) {
    const std::string word = r.GetString();
    if (!text::IsValidUtf8(word)) r.Fail("bad removed word");
    Remove(text::Decode(word));
  }
}

std::optional<Lexicon::WordRef> Lexicon::FindRef(std::u32string_view word) const {
  if (!added_.empty()) {
    if (auto it = added_.find(word); it != added_.end()) return it->second;
  }
  if (!removed_.empty() && removed_.count(word)) return std::nullopt;
  return trie_.Find(word);
}

void Lexicon::SetFrequencies(
    const std::vector<std::tuple<std::u32string, WordRef, double>>& changes) {
  for (const auto& [word, ref, freq] : changes) {
    if (ref & kAdded) {
      added_entries_[ref & ~kAdded].freq = freq;
    } else {
      entries_[ref].freq = freq;
      reweighted_[word] = freq;
    }
  }
  double total = 0;
  for (const Entry& e : entries_) total += e.freq;
  total_ = std::max(total, kMinimumTotal);
  log_total_ = std::log(total_);
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    entries_[i].log_prob = LogProb(entries_[i].freq);
    log_probs_[i] = entries_[i].log_prob;
  }
  for (Entry& e : added_entries_) e.log_prob = LogProb(e.freq);
}

std::vector<std::pair<std::u32string, double>> Lexicon::Reweighted() const {
  std::vector<std::pair<std::u32string, double>> out(reweighted_.begin(), reweighted_.end());
  std::sort(out.begin(), out.end());
  return out;
}

float Lexicon::StandaloneShare(char32_t c) const {
  auto it = standalone_.find(c);
  return it == standalone_.end() ? 0.0f : it->second;
}

std::size_t Lexicon::size() const {
  std::size_t built_in_overridden = 0;
  for (const auto& [word, entry] : added_) built_in_overridden += trie_.Find(word) ? 1 : 0;
  return trie_.size() - removed_.size() - built_in_overridden + added_.size();
}

}  // namespace gongwen
