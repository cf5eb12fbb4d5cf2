// Internal: reading the elements of an official document (公文, GB/T 9704-2012) from the cleaned
// lines, and telling what kind of document the lines are. Used by document.cc.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "gongwen/decode.h"
#include "gongwen/document.h"
#include "parse.h"

namespace gongwen::official {

// What the lines say when read as an official document. Every field is filled where the lines
// print it, whether or not the document turns out to be one; `evidence` names the elements
// that only a 公文 prints, which the kind decision weighs.
struct Reading {
  OfficialFields fields;
  std::vector<std::string> evidence;
  // The lines [body_from, body_to) are the 正文; each attachment is the lines of its span.
  std::size_t body_from = 0;
  std::size_t body_to = 0;
  std::size_t body_offset = 0;  // where the 正文 starts in its first line (after a 主送)
  struct Part {
    std::string title;
    std::size_t title_from = 0;  // the lines of the title (and of its 附件N marker)
    std::size_t from = 0;        // the lines of its text
    std::size_t to = 0;
  };
  std::vector<Part> attachment_parts;
  std::optional<Field> issued_by;  // a 纪要's office, printed in its 版头 with the date
  bool numbered = false;           // a 纪要's 期号 under its mark
  bool closing = false;  // the body closes 特此通知 / 特此通告 / 特此公告 / 特此批复
  bool strong = false;   // enough elements for an official document, whatever else it has
};

// Reads the lines as an official document. Never throws; looks at a bounded number of lines
// at the top and the bottom, and at each line of the body once.
// `page` is the metadata of the file the lines came from (a web page's table, DecodedText):
// its values stand in for a table printed above the text, with empty spans.
Reading Read(const std::vector<parse::Piece>& lines, const Metadata& page = {});

// Fills doc->parsed.articles from the reading: the body, then the attachments.
void BuildArticles(const std::vector<parse::Piece>& lines, const Reading& reading, Document* doc);

}  // namespace gongwen::official
