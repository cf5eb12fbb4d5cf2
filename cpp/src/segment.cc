// The segmenter. Text is normalised character by character (normalize.h), cut at white space and
// punctuation into chunks, and each chunk into atoms: Han characters, and the numbers and Latin
// words that are never broken (scan.h). The best path through a chunk maximises the sum over its
// words of log P(word) + granularity, where P comes from the lexicon's frequencies (jieba's
// model, with a per-word bonus); words may only start and end at atom boundaries. Runs of
// single unknown characters on the best path are then tagged B/M/E/S by the hidden Markov model,
// and the words it proposes are kept unless one of their characters usually stands alone.
#include "gongwen/segment.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "file_io.h"
#include "gongwen/error.h"
#include "lexicon.h"
#include "normalize.h"
#include "parallel.h"
#include "scan.h"
#include "segment_internal.h"
#include "text.h"

namespace gongwen {

namespace {

using scan::CharClass;

// Numbers and Latin words score as a word seen this often: they are certain atoms, and a
// lexicon word that spans one (e家, 5G网络) must still be able to win.
constexpr double kAtomFreq = 1000;
// A character the lexicon does not know scores as a word seen half a time (jieba: once).
constexpr double kUnknownCharFreq = 0.5;
// The unknown-word model may not swallow a character that is a word on its own in more than
// 30% of its occurrences (是 77%, 这 46%, 更 64%): such merges (这是, 一是, 更大) are its usual
// errors, while the characters of names (昭 27%, 曙 27%, 宏 9%) stay below. A trade-off measured
// on the SIGHAN 2005 PKU test set (bench/RESULTS.md): 20% gives F1 0.896 and OOV recall 0.79,
// 30% F1 0.889 and OOV recall 0.81, no veto F1 0.868 and OOV recall 0.82.
constexpr float kStandaloneVeto = 0.3f;

enum HmmState { kB = 0, kM = 1, kE = 2, kS = 3 };

// No lexicon word: the atom on its own, scored by AtomScore.
constexpr Lexicon::WordRef kNoWord = 0xFFFFFFFFu;

// A piece of a chunk that a word boundary may not cut.
struct Atom {
  std::size_t start;
  std::size_t end;
  TokenKind kind;  // kWord for a Han character
};

// The tags the segmenter gives tokens the lexicon does not tag.
struct FixedTags {
  std::uint16_t number, latin, punct;
};

FixedTags FixedTagsOf(const Lexicon& lexicon) {
  return FixedTags{lexicon.number_tag(), lexicon.latin_tag(), lexicon.punct_tag()};
}

// Splits the chunk of word characters starting at `begin` into atoms; returns where the chunk
// ends (at white space, punctuation or the end of the text).
std::size_t SplitAtoms(std::u32string_view norm, std::size_t begin, std::vector<Atom>& atoms) {
  atoms.clear();
  int date_part = 0;  // the date part just before: 1 year, 2 month
  std::size_t i = begin;
  while (i < norm.size()) {
    const CharClass cls = scan::Classify(norm[i]);
    if (cls == CharClass::kHan) {
      const std::size_t number =
          scan::MayStartChineseNumber(norm[i]) ? scan::ChineseNumberEnd(norm, i, date_part) : i;
      if (number > i) {
        atoms.push_back({i, number, TokenKind::kNumber});
        date_part = scan::DatePart(norm.substr(i, number - i));
        i = number;
        continue;
      }
      const std::size_t next = scan::SkipMarks(norm, i + 1);
      atoms.push_back({i, next, TokenKind::kWord});
      date_part = 0;
      i = next;
    } else if (cls == CharClass::kLatin || cls == CharClass::kDigit) {
      bool is_number = false;
      const std::size_t next = scan::AlnumEnd(norm, i, &is_number);
      atoms.push_back({i, next, is_number ? TokenKind::kNumber : TokenKind::kLatin});
      date_part = 0;
      i = next;
    } else {
      break;
    }
  }
  return i;
}

// The working memory of segmenting, kept per thread: reused, not reallocated, chunk after chunk.
struct Scratch {
  std::u32string norm;
  std::vector<Atom> atoms;
  std::vector<std::uint32_t> atom_index;
  std::vector<double> score;
  std::vector<std::uint32_t> next;
  std::vector<std::uint16_t> tag;
  std::vector<float> viterbi;
  std::vector<std::uint8_t> back;
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

// Segments one chunk; shares the scratch buffers of the thread.
class ChunkSegmenter {
 public:
  ChunkSegmenter(const Lexicon& lexicon, const SegmenterOptions& options, FixedTags tags)
      : lexicon_(lexicon),
        options_(options),
        tags_(tags),
        unknown_char_score_(std::log(kUnknownCharFreq) - lexicon.log_total() + options.granularity),
        atom_score_(std::log(kAtomFreq) - lexicon.log_total() + options.granularity) {}

  // Segments the chunk starting at `begin`; returns where it ends.
  // `text` is the text as written (`norm` its normalised form), for the few decisions that
  // depend on letter case.
  std::size_t Segment(std::u32string_view text, std::u32string_view norm, std::size_t begin,
                      std::vector<Token>* out) {
    const std::size_t end = SplitAtoms(norm, begin, atoms_);
    BestPath(norm, begin, end, false);
    EmitPath(text, norm, out);
    return end;
  }

  // The score of the best path through the chunk starting at `begin` that is not the chunk as
  // one word; sets `end` to where the chunk ends.
  double BestSplitScore(std::u32string_view norm, std::size_t begin, std::size_t* end) {
    *end = SplitAtoms(norm, begin, atoms_);
    BestPath(norm, begin, *end, true);
    return score_[0];
  }

 private:
  // The score of an atom on its own when the lexicon does not have it (the prefix search below
  // finds it when it does): an unknown character, or a number or Latin word.
  double AtomScore(const Atom& atom, std::uint16_t* tag) const {
    if (atom.kind == TokenKind::kWord) {
      *tag = 0;
      return unknown_char_score_;
    }
    *tag = atom.kind == TokenKind::kNumber ? tags_.number : tags_.latin;
    return atom_score_;
  }

  // Fills next_ (the atom after each word of the best path) and tag_ (its tag) by dynamic
  // programming from the end of the chunk.
  // With `split`, a word spanning the whole chunk is not a candidate.
  void BestPath(std::u32string_view norm, std::size_t begin, std::size_t end, bool split) {
    const std::size_t m = atoms_.size();
    // atom_index_[p - begin]: the atom starting at p, plus one (0: p is inside an atom).
    atom_index_.assign(end - begin + 1, 0);
    for (std::size_t t = 0; t < m; ++t) atom_index_[atoms_[t].start - begin] = t + 1;
    atom_index_[end - begin] = m + 1;
    score_.assign(m + 1, 0.0);
    next_.assign(m, 0);
    tag_.assign(m, 0);
    for (std::size_t t = m; t-- > 0;) {
      const Atom& atom = atoms_[t];
      std::uint16_t tag = 0;
      double best = AtomScore(atom, &tag) + score_[t + 1];
      Lexicon::WordRef word = kNoWord;  // the lexicon word chosen, whose tag is looked up once
      std::size_t best_next = t + 1;
      const std::size_t start = atom.start;
      lexicon_.ForEachPrefix(norm.substr(start, end - start), lexicon_.max_length(),
                             [&](std::size_t length, float log_prob, Lexicon::WordRef ref) {
                               const std::size_t stop = atom_index_[start + length - begin];
                               if (stop == 0) return;  // ends inside an atom
                               if (split && t == 0 && stop - 1 == m && m > 1) return;
                               const double score =
                                   log_prob + options_.granularity + score_[stop - 1];
                               if (stop - 1 == t + 1) {
                                 // The atom itself (visited first: the shortest match): a known
                                 // character takes its lexicon score; a number or Latin word keeps
                                 // the better of the two.
                                 if (atom.kind == TokenKind::kWord || score > best) best = score;
                                 word = ref;
                               } else if (score > best) {
                                 best = score;
                                 best_next = stop - 1;
                                 word = ref;
                               }
                             });
      score_[t] = best;
      next_[t] = static_cast<std::uint32_t>(best_next);
      tag_[t] = word == kNoWord ? tag : lexicon_.EntryOf(word).tag;
    }
  }

  // Whether atom t alone is a single unknown-model candidate: one Han character.
  bool IsSingleHan(std::size_t t) const {
    return atoms_[t].kind == TokenKind::kWord && next_[t] == t + 1;
  }

  void EmitPath(std::u32string_view text, std::u32string_view norm, std::vector<Token>* out) {
    for (std::size_t t = 0; t < atoms_.size();) {
      if (options_.unknown_words && !lexicon_.hmm().empty() && IsSingleHan(t)) {
        std::size_t u = t;
        while (u < atoms_.size() && IsSingleHan(u)) ++u;
        if (u - t >= 2) {
          EmitUnknownRun(norm, t, u, out);
          t = u;
          continue;
        }
      }
      if (IsLetterPrefix(text, t)) {
        // e家, A股, X光, i深圳: a lone Latin letter prefixed to a Chinese word is part of it.
        const std::size_t stop = next_[t + 1];
        out->push_back(Token{atoms_[t].start, atoms_[stop - 1].end, TokenKind::kWord, tag_[t + 1]});
        t = stop;
        continue;
      }
      const std::size_t stop = next_[t];
      const bool single = stop == t + 1;
      const TokenKind kind = single ? atoms_[t].kind : TokenKind::kWord;
      out->push_back(Token{atoms_[t].start, atoms_[stop - 1].end, kind, tag_[t]});
      t = stop;
    }
  }

  // Whether atom t is a single Latin letter standing alone on the path right before a Chinese
  // word, as a prefix: lowercase (e家, i深圳), or uppercase where no Chinese character precedes
  // it (A股, X光) — after one, an uppercase letter is more often a suffix (维生素C, 甲A).
  bool IsLetterPrefix(std::u32string_view text, std::size_t t) const {
    const Atom& atom = atoms_[t];
    if (atom.kind != TokenKind::kLatin || atom.end != atom.start + 1 || next_[t] != t + 1 ||
        t + 1 >= atoms_.size() || atoms_[t + 1].kind != TokenKind::kWord ||
        atoms_[t + 1].start != atom.end) {
      return false;
    }
    const char32_t letter = text[atom.start];
    const bool lowercase =
        (letter >= U'a' && letter <= U'z') || (letter >= U'ａ' && letter <= U'ｚ');
    const bool after_han = t > 0 && atoms_[t - 1].kind == TokenKind::kWord;
    return lowercase || !after_han;
  }

  // Tags the characters of atoms [first, last) with the HMM and emits the words it finds.
  void EmitUnknownRun(std::u32string_view norm, std::size_t first, std::size_t last,
                      std::vector<Token>* out) {
    const std::vector<HmmState> states = Viterbi(norm, first, last);
    std::size_t word_start = first;
    for (std::size_t t = first; t < last; ++t) {
      const HmmState state = states[t - first];
      if (state != kE && state != kS) continue;
      EmitUnknownWord(norm, word_start, t + 1, out);
      word_start = t + 1;
    }
    if (word_start < last) EmitUnknownWord(norm, word_start, last, out);
  }

  void EmitUnknownWord(std::u32string_view norm, std::size_t first, std::size_t last,
                       std::vector<Token>* out) {
    // Numbers are read by the scanner, not guessed: a numeral does not begin an unknown word
    // (一次, 两位, 三条 are a numeral and a classifier).
    bool keep = last - first >= 2 && !scan::MayStartChineseNumber(norm[atoms_[first].start]);
    for (std::size_t t = first; keep && t < last; ++t) {
      keep = lexicon_.StandaloneShare(norm[atoms_[t].start]) <= kStandaloneVeto;
    }
    if (keep) {
      out->push_back(Token{atoms_[first].start, atoms_[last - 1].end, TokenKind::kWord, 0});
      return;
    }
    for (std::size_t t = first; t < last; ++t) {
      out->push_back(Token{atoms_[t].start, atoms_[t].end, TokenKind::kWord, tag_[t]});
    }
  }

  std::vector<HmmState> Viterbi(std::u32string_view norm, std::size_t first, std::size_t last) {
    const HmmModel& hmm = lexicon_.hmm();
    const std::size_t k = last - first;
    viterbi_.assign(k * 4, 0.0f);
    back_.assign(k * 4, 0);
    auto emit = [&](std::size_t t, int state) {
      auto it = hmm.emit.find(norm[atoms_[first + t].start]);
      return it == hmm.emit.end() ? HmmModel::kUnseen : it->second[state];
    };
    for (int s = 0; s < 4; ++s) viterbi_[s] = hmm.start[s] + emit(0, s);
    for (std::size_t t = 1; t < k; ++t) {
      for (int s = 0; s < 4; ++s) {
        float best = -std::numeric_limits<float>::infinity();
        std::uint8_t from = 0;
        for (int p = 0; p < 4; ++p) {
          const float score = viterbi_[(t - 1) * 4 + p] + hmm.trans[p][s];
          if (score > best) {
            best = score;
            from = static_cast<std::uint8_t>(p);
          }
        }
        viterbi_[t * 4 + s] = best + emit(t, s);
        back_[t * 4 + s] = from;
      }
    }
    // The run must end a word: in state E or S.
    int state = viterbi_[(k - 1) * 4 + kE] >= viterbi_[(k - 1) * 4 + kS] ? kE : kS;
    std::vector<HmmState> states(k);
    for (std::size_t t = k; t-- > 0;) {
      states[t] = static_cast<HmmState>(state);
      state = back_[t * 4 + state];
    }
    return states;
  }

  const Lexicon& lexicon_;
  const SegmenterOptions& options_;
  FixedTags tags_;
  double unknown_char_score_;  // an unknown character, bonus included
  double atom_score_;          // a number or Latin word, bonus included
  Scratch& s_ = ThreadScratch();
  std::vector<Atom>& atoms_ = s_.atoms;
  std::vector<std::uint32_t>& atom_index_ = s_.atom_index;
  std::vector<double>& score_ = s_.score;
  std::vector<std::uint32_t>& next_ = s_.next;
  std::vector<std::uint16_t>& tag_ = s_.tag;
  std::vector<float>& viterbi_ = s_.viterbi;
  std::vector<std::uint8_t>& back_ = s_.back;
};

}  // namespace

std::string_view TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord:
      return "word";
    case TokenKind::kNumber:
      return "number";
    case TokenKind::kLatin:
      return "latin";
    case TokenKind::kPunct:
      return "punct";
    case TokenKind::kSpace:
      return "space";
  }
  return "word";
}

Segmenter MakeSegmenter(std::shared_ptr<Lexicon> lexicon, bool default_lexicon,
                        const SegmenterOptions& options) {
  return Segmenter(std::move(lexicon), default_lexicon, options);
}

Segmenter::Segmenter(std::shared_ptr<Lexicon> lexicon, bool default_lexicon,
                     const SegmenterOptions& options)
    : lexicon_(std::move(lexicon)),
      default_lexicon_(default_lexicon),
      options_(options),
      mutex_(std::make_unique<std::shared_mutex>()) {
  if (!std::isfinite(options_.granularity)) {
    throw std::invalid_argument("granularity must be a finite number");
  }
}

Segmenter::Segmenter(const Segmenter& other)
    : default_lexicon_(other.default_lexicon_),
      options_(other.options_),
      mutex_(std::make_unique<std::shared_mutex>()) {
  std::shared_lock lock(*other.mutex_);
  lexicon_ = other.lexicon_;
}

Segmenter& Segmenter::operator=(const Segmenter& other) {
  if (this != &other) {
    Segmenter copy(other);
    *this = std::move(copy);
  }
  return *this;
}

Segmenter::Segmenter(Segmenter&& other) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&& other) noexcept = default;
Segmenter::~Segmenter() = default;

Lexicon& Segmenter::MutableLexicon() {
  // Copies share a lexicon until one of them changes it.
  if (lexicon_.use_count() > 1) lexicon_ = std::make_shared<Lexicon>(*lexicon_);
  return const_cast<Lexicon&>(*lexicon_);
}

std::vector<Token> Segmenter::Tokenize(std::u32string_view text) const {
  std::shared_lock lock(*mutex_);
  const Lexicon& lexicon = *lexicon_;
  std::u32string& norm = ThreadScratch().norm;
  CharNormalizer(options_.to_simplified).NormalizeInto(text, norm);
  const FixedTags tags = FixedTagsOf(lexicon);
  ChunkSegmenter chunks(lexicon, options_, tags);
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 2 + 1);
  std::uint64_t steps = 0;
  for (std::size_t i = 0; i < norm.size();) {
    parallel::CheckInterruptEvery(++steps, 10);  // a text of many megabytes takes seconds
    const CharClass cls = scan::Classify(norm[i]);
    std::size_t end;
    if (cls == CharClass::kSpace) {
      end = scan::SpaceEnd(norm, i);
      tokens.push_back(Token{i, end, TokenKind::kSpace, 0});
    } else if (cls == CharClass::kPunct || cls == CharClass::kMark) {
      end = scan::PunctEnd(norm, i);
      tokens.push_back(Token{i, end, TokenKind::kPunct, tags.punct});
    } else {
      end = chunks.Segment(text, norm, i, &tokens);
    }
    i = end;
  }
  return tokens;
}

std::vector<Token> Segmenter::Tokenize(std::string_view utf8) const {
  return Tokenize(text::Decode(utf8));
}

std::vector<std::string> Segmenter::Cut(std::string_view utf8) const {
  const std::u32string text = text::Decode(utf8);
  std::vector<std::string> words;
  for (const Token& token : Tokenize(text)) {
    if (token.kind == TokenKind::kSpace) continue;
    words.push_back(
        text::Encode(std::u32string_view(text).substr(token.start, token.end - token.start)));
  }
  return words;
}

std::vector<std::size_t> PieceEnds(std::u32string_view text, std::size_t piece_size) {
  const CharNormalizer normalize(false);  // the classes below do not depend on to_simplified
  auto cut_before = [&](std::size_t p) {
    const char32_t before = text[p - 1];
    const CharClass after = scan::Classify(normalize(text[p]));
    // A space token runs to the first character that is not space, and a chunk of words never
    // takes in white space or the punctuation between clauses (a number joins only the ASCII
    // signs after it, as in 3.5, 1,000 and 5%, and only before a digit).
    const bool clause_end = before == U'。' || before == U'，' || before == U'、' ||
                            before == U'；' || before == U'：' || before == U'！' ||
                            before == U'？';
    return (scan::Classify(normalize(before)) == CharClass::kSpace && after != CharClass::kSpace) ||
           (clause_end && after == CharClass::kHan);
  };
  const std::size_t step = std::max<std::size_t>(piece_size, 1);
  std::vector<std::size_t> ends;
  for (std::size_t p = step; p < text.size();) {
    if (cut_before(p)) {
      ends.push_back(p);
      p += step;
    } else {
      ++p;
    }
  }
  if (!text.empty()) ends.push_back(text.size());
  return ends;
}

std::vector<std::vector<Token>> Segmenter::TokenizeMany(const std::vector<std::u32string>& texts,
                                                        int n_threads) const {
  TokenizeStream stream(*this, texts, n_threads);
  std::vector<std::vector<Token>> results;
  results.reserve(texts.size());
  while (std::optional<std::vector<Token>> tokens = stream.Next()) {
    results.push_back(std::move(*tokens));
  }
  return results;
}

double Segmenter::SuggestFrequency(std::string_view word) const {
  // The frequency at which the word, as one token, beats the best path through its parts.
  const std::u32string key =
      CharNormalizer(options_.to_simplified).Normalize(text::Trim(text::Decode(word)));
  std::shared_lock lock(*mutex_);
  const Lexicon& lexicon = *lexicon_;
  const FixedTags tags = FixedTagsOf(lexicon);
  ChunkSegmenter chunks(lexicon, options_, tags);
  double split = 0;
  for (std::size_t i = 0; i < key.size();) {
    const CharClass cls = scan::Classify(key[i]);
    if (cls == CharClass::kSpace || cls == CharClass::kPunct || cls == CharClass::kMark) {
      i = cls == CharClass::kSpace ? scan::SpaceEnd(key, i) : scan::PunctEnd(key, i);
      continue;
    }
    std::size_t end = i;
    split += chunks.BestSplitScore(key, i, &end);
    i = end;
  }
  const double needed = std::exp(split - options_.granularity + lexicon.log_total());
  return std::max(1.0, std::ceil(std::min(needed, 1e15)) + 1);
}

void Segmenter::AddWord(std::string_view word, std::optional<double> freq, std::string_view tag) {
  if (!text::IsValidUtf8(word)) throw std::invalid_argument("the word is not valid UTF-8");
  const std::u32string key =
      CharNormalizer(options_.to_simplified).Normalize(text::Trim(text::Decode(word)));
  if (key.empty()) throw std::invalid_argument("a word cannot be empty");
  if (freq && !(*freq >= 0 && std::isfinite(*freq))) {
    throw std::invalid_argument("the frequency must be a non-negative number");
  }
  const double value = freq ? *freq : SuggestFrequency(word);
  std::unique_lock lock(*mutex_);
  MutableLexicon().Add(key, value, tag);
}

bool Segmenter::DelWord(std::string_view word) {
  const std::u32string key =
      CharNormalizer(options_.to_simplified).Normalize(text::Trim(text::Decode(word)));
  std::unique_lock lock(*mutex_);
  if (!lexicon_->Find(key)) return false;
  return MutableLexicon().Remove(key);
}

std::size_t Segmenter::LoadUserDictText(std::string_view word_list, std::string_view name) {
  const std::vector<WordListEntry> words = ParseWordList(word_list, name);
  for (const WordListEntry& entry : words) {
    AddWord(text::Encode(entry.word), entry.freq, entry.tag);
  }
  return words.size();
}

std::size_t Segmenter::LoadUserDict(const std::string& path) {
  return LoadUserDictText(ReadFileBytes(path), path);
}

std::size_t Segmenter::AdaptFrequencies(const std::vector<std::u32string>& texts, double weight,
                                        int n_threads) {
  if (!(weight >= 0 && std::isfinite(weight))) {
    throw std::invalid_argument("weight must be a non-negative number");
  }
  const std::vector<std::vector<Token>> tokens = TokenizeMany(texts, n_threads);
  const CharNormalizer normalize(options_.to_simplified);
  std::unique_lock lock(*mutex_);
  // Count the lexicon words of the segmentation, by normalised text.
  std::unordered_map<std::u32string, std::uint64_t> counts;
  std::uint64_t words = 0;
  std::uint64_t steps = 0;  // Ctrl-C is honoured until the lexicon changes
  for (std::size_t i = 0; i < texts.size(); ++i) {
    for (const Token& token : tokens[i]) {
      parallel::CheckInterruptEvery(++steps, 12);
      if (token.kind != TokenKind::kWord) continue;
      ++words;
      ++counts[normalize.Normalize(
          std::u32string_view(texts[i]).substr(token.start, token.end - token.start))];
    }
  }
  if (words == 0) return 0;
  Lexicon& lexicon = MutableLexicon();
  const double scale = weight * lexicon.total() / static_cast<double>(words);
  std::vector<std::tuple<std::u32string, Lexicon::WordRef, double>> changes;
  for (auto& [word, count] : counts) {
    parallel::CheckInterruptEvery(++steps, 12);
    const std::optional<Lexicon::WordRef> ref = lexicon.FindRef(word);
    if (!ref) continue;  // characters and words the unknown-word model made
    const double freq = lexicon.EntryOf(*ref).freq + scale * static_cast<double>(count);
    changes.emplace_back(word, *ref, freq);
  }
  lexicon.SetFrequencies(changes);
  return changes.size();
}

std::optional<double> Segmenter::WordFrequency(std::string_view word) const {
  const std::u32string key = CharNormalizer(options_.to_simplified).Normalize(text::Decode(word));
  std::shared_lock lock(*mutex_);
  const Lexicon::Entry* entry = lexicon_->Find(key);
  if (!entry) return std::nullopt;
  return entry->freq;
}

std::string Segmenter::TagName(std::uint16_t tag) const {
  std::shared_lock lock(*mutex_);
  const std::string* name = lexicon_->TagName(tag);
  // A number from elsewhere (Python's tag_name takes any int) must not read past the table.
  if (!name)
    throw std::invalid_argument("no tag number " + std::to_string(tag) + " in the lexicon");
  return *name;
}

std::size_t Segmenter::LexiconSize() const {
  std::shared_lock lock(*mutex_);
  return lexicon_->size();
}

}  // namespace gongwen
