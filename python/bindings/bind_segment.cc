// The segmenter, evaluation and stop words. Text crosses as Python str and comes back as slices
// of the same str (PyUnicode_Substring), so tokens need no UTF-8 round trip; segmenting runs
// with the GIL released, so that one Segmenter serves many Python threads at once.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "bindings.h"
#include "common.h"
#include "gongwen/discover.h"
#include "gongwen/segment.h"
#include "gongwen/stopwords.h"

namespace py = pybind11;

namespace gongwen::bindings {

namespace {

// Python strings for the words of one call, made once per distinct word: a corpus repeats its
// words (的 tens of thousands of times), and a shared immutable str costs a hash lookup where a
// new one costs an allocation, and later a deallocation. The keys view the code points of the
// texts, which outlive the cache.
class WordStrings {
 public:
  // The word [start, end) of `text` (whose code points are `code_points`).
  py::object Get(const py::str& text, std::u32string_view code_points, const Token& token) {
    const std::u32string_view key = code_points.substr(token.start, token.end - token.start);
    if (enabled_ && key.size() <= kMaxCachedLength) {
      auto it = cache_.find(key);
      if (it != cache_.end()) return it->second;
    }
    PyObject* word = PyUnicode_Substring(text.ptr(), static_cast<Py_ssize_t>(token.start),
                                         static_cast<Py_ssize_t>(token.end));
    if (!word) throw py::error_already_set();
    py::object object = py::reinterpret_steal<py::object>(word);
    if (enabled_ && key.size() <= kMaxCachedLength) cache_.emplace(key, object);
    return object;
  }

  // The cache for one text of `length` code points: for a short text sharing does not pay, and
  // makes every string anew; a long one repeats its words as a corpus does (a 30 MB document
  // cut into new strings held 26 times its size, shared ones 12).
  static WordStrings ForOneText(std::size_t length) {
    constexpr std::size_t kShareFrom = 4096;
    WordStrings strings;
    strings.enabled_ = length >= kShareFrom;
    return strings;
  }

 private:
  bool enabled_ = true;
  static constexpr std::size_t kMaxCachedLength = 8;
  std::unordered_map<std::u32string_view, py::object> cache_;
};

// Runs Python's signal handlers at every 2^16th Python object `i` made for the tokens of a text,
// raising what they raise (KeyboardInterrupt): making millions takes a while with the GIL held.
void CheckSignalsEvery(std::size_t i) {
  if (i % (1 << 16) == 0 && i > 0 && PyErr_CheckSignals() != 0) throw py::error_already_set();
}

// The words of `tokens` as slices of `text`, white space left out.
py::list Words(const py::str& text, std::u32string_view code_points,
               const std::vector<Token>& tokens, WordStrings& strings) {
  std::size_t count = 0;
  for (const Token& token : tokens) count += token.kind != TokenKind::kSpace;
  py::list words(count);
  std::size_t i = 0;
  for (const Token& token : tokens) {
    if (token.kind == TokenKind::kSpace) continue;
    CheckSignalsEvery(i);
    PyList_SET_ITEM(words.ptr(), static_cast<Py_ssize_t>(i++),
                    strings.Get(text, code_points, token).release().ptr());
  }
  return words;
}

// Texts shorter than this are segmented without releasing the GIL: releasing and taking it back
// costs about a microsecond, as much as segmenting a short line, and a loop over short lines
// would spend a tenth of its time on it.
constexpr std::size_t kReleaseGilFrom = 256;

// The tokens of `text`; a long one is segmented without the GIL, and Ctrl-C stops it.
std::vector<Token> TokenizeReleased(const Segmenter& segmenter, const std::u32string& text) {
  if (text.size() < kReleaseGilFrom) return segmenter.Tokenize(std::u32string_view(text));
  LongCall call;
  return segmenter.Tokenize(std::u32string_view(text));
}

// gongwen.Token: a named tuple (text, start, end, kind, tag) made as a C struct sequence, so that
// building one per token costs little more than a tuple.
PyStructSequence_Field kTokenFields[] = {
    {"text", "the token's text: text[start:end]"},
    {"start", "offset of its first character in the text segmented"},
    {"end", "offset just past its last character"},
    {"kind", "'word', 'number', 'latin', 'punct' or 'space'"},
    {"tag",
     "part-of-speech tag (jieba's tag set; 'm' numbers, 'eng' Latin words, 'x' "
     "punctuation), or None"},
    {nullptr, nullptr}};
PyStructSequence_Desc kTokenDesc = {"gongwen.Token", "One token: text[start:end] == token.text.",
                                    kTokenFields, 5};

PyTypeObject* TokenType() {
  static PyTypeObject* type = [] {
    PyTypeObject* t = PyStructSequence_NewType(&kTokenDesc);
    if (!t) throw py::error_already_set();
    return t;
  }();
  return type;
}

// The tokens of `text` as gongwen.Token tuples.
py::list TokenTuples(const Segmenter& segmenter, const py::str& text,
                     const std::vector<Token>& tokens) {
  py::str kind_names[5] = {py::str("word"), py::str("number"), py::str("latin"), py::str("punct"),
                           py::str("space")};
  std::vector<py::object> tag_names;
  py::list out(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    CheckSignalsEvery(i);
    const Token& token = tokens[i];
    if (token.tag >= tag_names.size()) tag_names.resize(token.tag + 1);
    py::object& tag = tag_names[token.tag];
    if (!tag) {
      const std::string name = segmenter.TagName(token.tag);
      tag = name.empty() ? py::none() : py::object(py::str(name));
    }
    PyObject* item = PyStructSequence_New(TokenType());
    if (!item) throw py::error_already_set();
    PyObject* slice = PyUnicode_Substring(text.ptr(), static_cast<Py_ssize_t>(token.start),
                                          static_cast<Py_ssize_t>(token.end));
    if (!slice) {
      Py_DECREF(item);
      throw py::error_already_set();
    }
    PyStructSequence_SetItem(item, 0, slice);
    PyStructSequence_SetItem(item, 1, PyLong_FromSize_t(token.start));
    PyStructSequence_SetItem(item, 2, PyLong_FromSize_t(token.end));
    PyStructSequence_SetItem(item, 3, kind_names[static_cast<int>(token.kind)].inc_ref().ptr());
    PyStructSequence_SetItem(item, 4, tag.inc_ref().ptr());
    PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), item);
  }
  return out;
}

Segmenter MakeSegmenter(const std::optional<std::string>& dictionary, bool to_simplified,
                        bool unknown_words, double granularity) {
  SegmenterOptions options;
  options.to_simplified = to_simplified;
  options.unknown_words = unknown_words;
  options.granularity = granularity;
  py::gil_scoped_release release;  // building a lexicon from a file takes a moment
  return dictionary ? Segmenter::FromDictionaryFile(*dictionary, options) : Segmenter(options);
}

void BindSegmenter(py::module_& m) {
  py::class_<Segmenter>(m, "Segmenter", "Chinese word segmenter (see gongwen.Segmenter).")
      .def(py::init(&MakeSegmenter), py::arg("dictionary") = py::none(),
           py::arg("to_simplified") = false, py::arg("unknown_words") = true,
           py::arg("granularity") = Segmenter::kDefaultGranularity)
      .def(
          "cut",
          [](const Segmenter& self, const py::str& text) {
            const std::u32string code_points = CodePoints(text);
            WordStrings strings = WordStrings::ForOneText(code_points.size());
            return Words(text, code_points, TokenizeReleased(self, code_points), strings);
          },
          py::arg("text"), "The words of text (white space dropped).")
      .def(
          "tokenize",
          [](const Segmenter& self, const py::str& text) {
            return TokenTuples(self, text, TokenizeReleased(self, CodePoints(text)));
          },
          py::arg("text"), "The tokens of text as gongwen.Token tuples.")
      .def(
          "cut_many",
          [](const Segmenter& self, const std::vector<py::str>& texts, int n_threads) {
            const std::vector<std::u32string> code_points = CodePoints(texts);
            Interruptible interruptible;
            // Worker threads segment while this thread, holding the GIL only to build Python
            // objects, turns the texts already done into lists of words.
            TokenizeStream stream(self, code_points, n_threads);
            WordStrings strings;
            py::list out(texts.size());
            for (std::size_t i = 0; i < texts.size(); ++i) {
              std::optional<std::vector<Token>> tokens;
              if (stream.Ready()) {
                tokens = stream.Next();
              } else {
                py::gil_scoped_release release;  // segmenting, or waiting for a worker
                tokens = stream.Next();
              }
              PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i),
                              Words(texts[i], code_points[i], *tokens, strings).release().ptr());
            }
            return out;
          },
          py::arg("texts"), py::arg("n_threads") = 0,
          "The words of each text, segmented on n_threads threads (0: one per core).")
      .def(
          "adapt_frequencies",
          [](Segmenter& self, const std::vector<py::str>& texts, double weight, int n_threads) {
            const std::vector<std::u32string> code_points = CodePoints(texts);
            LongCall call;
            return self.AdaptFrequencies(code_points, weight, n_threads);
          },
          py::arg("texts"), py::arg("weight") = 1.0, py::arg("n_threads") = 0,
          "Re-estimates word frequencies from texts; returns how many changed.")
      .def("add_word", &Segmenter::AddWord, py::arg("word"), py::arg("freq") = py::none(),
           py::arg("tag") = "", py::call_guard<py::gil_scoped_release>())
      .def("del_word", &Segmenter::DelWord, py::arg("word"),
           py::call_guard<py::gil_scoped_release>())
      .def("load_userdict", &Segmenter::LoadUserDict, py::arg("path"),
           py::call_guard<py::gil_scoped_release>())
      .def("suggest_freq", &Segmenter::SuggestFrequency, py::arg("word"),
           py::call_guard<py::gil_scoped_release>())
      .def("word_frequency", &Segmenter::WordFrequency, py::arg("word"))
      .def("tag_name", &Segmenter::TagName, py::arg("tag"))
      .def("lexicon_size", &Segmenter::LexiconSize)
      .def_property_readonly("to_simplified",
                             [](const Segmenter& self) { return self.options().to_simplified; })
      .def_property_readonly("unknown_words",
                             [](const Segmenter& self) { return self.options().unknown_words; })
      .def_property_readonly("granularity",
                             [](const Segmenter& self) { return self.options().granularity; })
      .def("serialize",
           [](const Segmenter& self) {
             std::string bytes;
             {
               py::gil_scoped_release release;
               bytes = self.Serialize();
             }
             return py::bytes(bytes);
           })
      .def_static(
          "deserialize",
          [](const py::bytes& data) {
            std::string_view bytes = data;
            py::gil_scoped_release release;
            return Segmenter::Deserialize(bytes);
          },
          py::arg("data"));
}

}  // namespace

void BindSegment(py::module_& m) {
  m.attr("Token") = py::reinterpret_borrow<py::object>(reinterpret_cast<PyObject*>(TokenType()));
  BindSegmenter(m);

  m.def(
      "evaluate_segmentation",
      [](const std::vector<py::str>& gold_lines, const std::vector<py::str>& predicted_lines,
         const std::optional<std::vector<py::str>>& vocabulary_words) {
        const std::vector<std::string> gold = Utf8(gold_lines);
        const std::vector<std::string> predicted = Utf8(predicted_lines);
        std::optional<std::vector<std::string>> vocabulary;
        if (vocabulary_words) vocabulary = Utf8(*vocabulary_words);
        SegmentationScores s;
        {
          LongCall call;  // reads every line, and builds a set of the vocabulary
          s = EvaluateSegmentation(gold, predicted, vocabulary ? &*vocabulary : nullptr);
        }
        py::dict out;
        out["precision"] = s.precision;
        out["recall"] = s.recall;
        out["f1"] = s.f1;
        out["oov_rate"] = s.oov_rate;
        out["oov_recall"] = s.oov_recall;
        out["iv_recall"] = s.iv_recall;
        out["gold_words"] = s.gold_words;
        out["predicted_words"] = s.predicted_words;
        out["correct_words"] = s.correct_words;
        return out;
      },
      py::arg("gold"), py::arg("predicted"), py::arg("vocabulary") = py::none(),
      "SIGHAN bakeoff scores of a segmentation against gold lines.");

  m.def(
      "discover_words",
      [](const std::vector<py::str>& text_objects, int min_count, int min_length, int max_length,
         double min_cohesion, double min_entropy, int n_threads) {
        const std::vector<std::string> texts = Utf8(text_objects);
        DiscoverOptions options;
        options.min_count = min_count;
        options.min_length = min_length;
        options.max_length = max_length;
        options.min_cohesion = min_cohesion;
        options.min_entropy = min_entropy;
        options.n_threads = n_threads;
        std::vector<WordCandidate> found;
        {
          LongCall call;
          found = DiscoverWords(texts, options);
        }
        // Columns, for a DataFrame.
        py::list words, counts, cohesion, left, right, association, score;
        for (const WordCandidate& c : found) {
          words.append(c.word);
          counts.append(c.count);
          cohesion.append(c.cohesion);
          left.append(c.left_entropy);
          right.append(c.right_entropy);
          association.append(c.association);
          score.append(c.score);
        }
        py::dict columns;
        columns["word"] = words;
        columns["count"] = counts;
        columns["cohesion"] = cohesion;
        columns["left_entropy"] = left;
        columns["right_entropy"] = right;
        columns["association"] = association;
        columns["score"] = score;
        return columns;
      },
      py::arg("texts"), py::arg("min_count") = 5, py::arg("min_length") = 2,
      py::arg("max_length") = 6, py::arg("min_cohesion") = 3.0, py::arg("min_entropy") = 1.0,
      py::arg("n_threads") = 0, "Candidate words of a corpus, as columns.");

  m.def("default_stop_words", &DefaultStopWords, "The default Chinese stop-word list.");
  m.def("load_stop_words", &LoadStopWords, py::arg("path"), "Reads a stop-word file.");
}

}  // namespace gongwen::bindings
