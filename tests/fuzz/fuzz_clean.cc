// Fuzzes cleaning of extracted text: any bytes (invalid UTF-8 included) -> lines. CleanText
// promises never to throw; its lines must tile its text: `text` is the lines joined by '\n', and
// each line's code-point span holds exactly the line.
#include <cstdint>
#include <string>

#include "../../cpp/src/text.h"
#include "fuzz_util.h"
#include "gongwen/clean.h"

namespace {

void Check(const gongwen::CleanedText& cleaned) {
  using namespace gongwen;
  GONGWEN_FUZZ_CHECK(text::IsValidUtf8(cleaned.text), "cleaned text is not valid UTF-8");
  std::string joined;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < cleaned.lines.size(); ++i) {
    const CleanLine& line = cleaned.lines[i];
    if (i > 0) {
      joined += '\n';
      ++pos;
    }
    GONGWEN_FUZZ_CHECK(line.text.find('\n') == std::string::npos, "a line holds a line break");
    GONGWEN_FUZZ_CHECK(line.start == pos, "a line does not start where it is in the text");
    pos += text::CountCodePoints(line.text);
    GONGWEN_FUZZ_CHECK(line.end == pos, "a line's end does not match its length");
    joined += line.text;
  }
  GONGWEN_FUZZ_CHECK(joined == cleaned.text, "the text is not its lines joined by newlines");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongwen;
  const std::string_view bytes = fuzz::Bytes(data, size);
  Check(CleanText(bytes));
  // Every other combination of the steps, chosen by the input's length.
  CleanOptions options;
  options.drop_page_numbers = size & 1;
  options.join_lines = size & 2;
  options.fix_spaces = size & 4;
  Check(CleanText(bytes, options));
  return 0;
}
