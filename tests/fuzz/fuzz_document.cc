// Fuzzes document parsing: any bytes -> Document. ParseDocument promises never to throw on text
// (an escaping exception aborts the target); the kind is one of the seven, every field of an
// official document and every citation lies inside Document::parsed.text and is valid UTF-8,
// and each article's text lies inside the article.
#include <cstdint>

#include "../../cpp/src/text.h"
#include "fuzz_util.h"
#include "gongwen/document.h"

namespace {

void CheckField(const gongwen::Field& f, std::size_t length) {
  GONGWEN_FUZZ_CHECK(f.span.start <= f.span.end && f.span.end <= length,
                     "a field outside the text");
  GONGWEN_FUZZ_CHECK(gongwen::text::IsValidUtf8(f.value), "a field is not valid UTF-8");
}

void CheckFields(const std::vector<gongwen::Field>& fields, std::size_t length) {
  for (const gongwen::Field& f : fields) CheckField(f, length);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongwen;
  const Document d = ParseDocument(fuzz::Bytes(data, size));
  GONGWEN_FUZZ_CHECK(text::IsValidUtf8(d.parsed.text), "the document's text is not valid UTF-8");
  const std::size_t length = text::CountCodePoints(d.parsed.text);
  GONGWEN_FUZZ_CHECK(std::string(KindName(d.kind)).size() > 0, "a kind without a name");
  const OfficialFields& f = d.official;
  for (const auto* list : {&f.issuer_marks, &f.signers, &f.recipients, &f.attachment_list,
                           &f.signatories, &f.notes, &f.attachments, &f.cc}) {
    CheckFields(*list, length);
  }
  for (const auto* one : {&f.copy_number, &f.secrecy, &f.urgency, &f.doc_number, &f.title,
                          &f.date_line, &f.printed_by}) {
    if (*one) CheckField(**one, length);
  }
  GONGWEN_FUZZ_CHECK(f.body.start <= f.body.end && f.body.end <= length, "the body outside");
  for (const Citation& c : d.citations) {
    GONGWEN_FUZZ_CHECK(c.start < c.end && c.end <= length, "a citation outside the text");
    GONGWEN_FUZZ_CHECK(c.number || !c.title.empty(), "a citation of nothing");
    GONGWEN_FUZZ_CHECK(text::IsValidUtf8(c.title), "a cited title is not valid UTF-8");
  }
  for (const Article& a : d.parsed.articles) {
    GONGWEN_FUZZ_CHECK(a.start <= a.text_span.start && a.text_span.start <= a.text_span.end &&
                           a.text_span.end <= a.end && a.end <= length,
                       "an article's text outside the article");
  }
  return 0;
}
