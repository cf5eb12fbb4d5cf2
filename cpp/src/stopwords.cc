#include "gongwen/stopwords.h"

#include "file_io.h"
#include "gongwen/error.h"
#include "text.h"

namespace gongwen {

std::vector<std::string> ParseStopWords(std::string_view text, std::string_view name) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string> words;
  std::size_t number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    const auto fail = [&](const std::string& reason) {
      return Error(std::string(name) + ", line " + std::to_string(number) + ": " + reason);
    };
    if (!text::IsValidUtf8(line)) throw fail("not valid UTF-8");
    const std::u32string word(text::Trim(text::Decode(line)));
    if (word.empty() || word[0] == U'#') continue;
    for (char32_t c : word) {
      if (c < 0x20 || c == 0x7F) throw fail("a control character in the word");
    }
    words.push_back(text::Encode(word));
  }
  return words;
}

std::vector<std::string> DefaultStopWords() {
  return ParseStopWords(DefaultStopWordsText(), "default stop words");
}

std::vector<std::string> LoadStopWords(const std::string& path) {
  return ParseStopWords(ReadFileBytes(path), path);
}

}  // namespace gongwen
