// Stop words: the words that carry no topic (的, 了, 和, 我们), left out of keywords and
// term weights by the later stages; segmentation itself keeps them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gongwen {

// The default Chinese stop-word list (data/stopwords/zh.txt, compiled into the library).
std::vector<std::string> DefaultStopWords();

// The text of the default list, one word per line.
std::string_view DefaultStopWordsText();

// Parses a stop-word list: one word per line (trimmed); blank lines and lines starting with '#'
// are skipped. Throws gongwen::Error naming `name` and the line for invalid UTF-8 or a control
// character.
std::vector<std::string> ParseStopWords(std::string_view text, std::string_view name);

// Reads and parses a stop-word file; throws FileError when it cannot be read.
std::vector<std::string> LoadStopWords(const std::string& path);

}  // namespace gongwen
