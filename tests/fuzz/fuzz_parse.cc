// Fuzzes bulletin parsing: any bytes -> Bulletin. ParseBulletin promises never to throw on text
// (an escaping exception aborts the target); every span must lie inside Bulletin::text, a
// section inside its article, a point inside its section or article, and each part's text
// inside the part.
#include <cstdint>

#include "../../cpp/src/text.h"
#include "fuzz_util.h"
#include "gongwen/bulletin.h"

namespace {

template <typename Part>
void CheckSpan(const Part& part, std::size_t begin, std::size_t end, const char* what) {
  GONGWEN_FUZZ_CHECK(begin <= part.start && part.start <= part.end && part.end <= end, what);
  GONGWEN_FUZZ_CHECK(part.start <= part.text_span.start &&
                         part.text_span.start <= part.text_span.end &&
                         part.text_span.end <= part.end,
                     "a part's text outside the part");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongwen;
  const Bulletin b = ParseBulletin(fuzz::Bytes(data, size));
  GONGWEN_FUZZ_CHECK(text::IsValidUtf8(b.text), "the bulletin's text is not valid UTF-8");
  const std::size_t length = text::CountCodePoints(b.text);
  for (const Article& a : b.articles) {
    CheckSpan(a, 0, length, "an article outside the text");
    GONGWEN_FUZZ_CHECK(text::IsValidUtf8(a.title), "a title is not valid UTF-8");
    for (const Section& s : a.sections) {
      CheckSpan(s, a.start, a.end, "a section outside its article");
      for (const Point& p : s.points) CheckSpan(p, s.start, s.end, "a point outside its section");
    }
    for (const Point& p : a.points) CheckSpan(p, a.start, a.end, "a point outside its article");
  }
  if (b.date) {
    GONGWEN_FUZZ_CHECK(b.date->month >= 1 && b.date->month <= 12, "a month out of range");
    GONGWEN_FUZZ_CHECK(b.date->day >= 1 && b.date->day <= 31, "a day out of range");
  }
  return 0;
}
