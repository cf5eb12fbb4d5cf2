// Any government document: what kind it is (bulletin, 公文, speech, report, law, news), the
// evidence for that, the fields of an official document (GB/T 9704-2012) with where each is
// printed, and the documents it cites.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gongwen/bulletin.h"
#include "gongwen/decode.h"
#include "gongwen/references.h"

namespace gongwen {

enum class DocumentKind { kBulletin, kOfficial, kSpeech, kReport, kLaw, kNews, kOther };

// "bulletin", "official", "speech", "report", "law", "news" or "other".
const char* KindName(DocumentKind kind);

// A printed element of a document: its value (UTF-8) and where it is in Document::text.
struct Field {
  std::string value;
  Span span;
};

// The elements of an official document (公文), GB/T 9704-2012 §7. Elements the document does
// not print are empty. Spans are code points into Document::text.
struct OfficialFields {
  // 版头
  std::optional<Field> copy_number;  // 份号: 000123
  std::optional<Field> secrecy;      // 密级和保密期限: 机密★1年
  std::optional<Field> urgency;      // 紧急程度: 特急, 加急
  std::vector<Field> issuer_marks;  // 发文机关标志, one per line: 中共安庆市委组织部文件
  std::optional<Field> doc_number;  // 发文字号 as printed (or as the page's table gives it)
  std::optional<DocNumber> number;  // the same, parsed
  std::vector<Field> signers;       // 签发人 (上行文)
  // 主体
  std::optional<Field> title;        // 标题, lines joined
  std::string doc_type;              // 文种 from the title: 通知, 意见, 批复, 令 ...
  std::vector<std::string> issuers;  // 发文机关: from the 署名, else the 版头, title or table
  std::vector<Field> recipients;     // 主送机关, split on 、，
  Span body;                         // 正文
  std::vector<Field> attachment_list;  // 附件说明: the names, numbers removed
  std::vector<Field> signatories;      // 发文机关署名
  std::optional<Field> date_line;      // 成文日期 as printed
  std::optional<Date> date;            // 成文日期
  std::vector<Field> notes;            // 附注, brackets removed: 此件公开发布
  std::vector<Field> attachments;      // 附件: each attached text, its title as the value
  // 版记
  std::vector<Field> cc;  // 抄送机关
  std::optional<Field> printed_by;
  std::optional<Date> printed_date;
  // A web page's metadata table (索引号, 发文机关, 成文日期, 发文字号 ...) as printed, in order,
  // and where it disagrees with the body (the body's value is the one kept).
  std::vector<std::pair<std::string, Field>> metadata;
  std::vector<std::string> conflicts;
};

// A parsed document. `parsed` holds the text (once) and the articles: for a bulletin exactly
// what ParseBulletin gives; for an official document the body first (titled, its issuer as
// author), then one article per attachment; for the other kinds the whole text as ParseBulletin
// reads a document that is not a bulletin.
struct Document {
  DocumentKind kind = DocumentKind::kOther;
  std::string format = "text";        // the file's format, as DecodedText::format
  Metadata metadata;                  // what the file said about itself (a web page's <meta>, ...)
  std::vector<std::string> evidence;  // why `kind`: "文号 line", "主送 line", ...
  Bulletin parsed;
  OfficialFields official;          // filled for kind kOfficial only
  std::vector<Citation> citations;  // offsets into parsed.text
};

// Parses extracted text (UTF-8, cleaned first). Never throws on text. `metadata` (a web page's,
// see Metadata) fills what the text does not print: the 文号, 发文机关, 成文日期 and title of a
// 公文 from a site's metadata table, a page's publication date.
Document ParseDocument(std::string_view text, const Metadata& metadata = {});

// Decodes (see DecodeBytes) and parses a file's bytes, `name` labelling errors and the result.
Document ReadDocumentBytes(std::string_view bytes, const std::string& name,
                           std::string_view encoding = {});
// The same, taking the bytes over: a web page's are freed as soon as they are decoded.
Document ReadDocumentBytes(std::string&& bytes, const std::string& name,
                           std::string_view encoding = {});

// Reads (see ReadText) and parses a file; throws what ReadBulletin throws.
Document ReadDocument(const std::string& path, std::string_view encoding = {});

}  // namespace gongwen
