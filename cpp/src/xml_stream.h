// Internal: splitting a large XML part into its body's elements as it is inflated, so that a
// 500 MB word/document.xml is never held whole, nor as one DOM (docx.cc).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace gongwen {

// Fed the bytes of an XML document in pieces, hands each element whose ancestors are all
// "containers" (local names, whatever their prefix: "document", "body" for w:document, w:body) to
// `element` as its complete markup, with its parent's name; containers' start tags go to `open`.
// Scans markup without recursion and without rescanning a piece it has seen; text between the
// elements of containers is dropped. Malformed markup is passed on as it is (the XML parser of each
// element rejects it).
class XmlElementSplitter {
 public:
  using OpenSink = std::function<void(std::string_view name, std::string_view start_tag)>;
  using ElementSink = std::function<void(std::string_view parent, std::string_view markup)>;

  XmlElementSplitter(std::vector<std::string> containers, OpenSink open, ElementSink element);
  // Scans the next piece of the document.
  void Feed(std::string_view piece);
  // Hands on an element left unfinished at the end of the document (a truncated part).
  void Finish();

 private:
  enum class Token { kNone, kTag, kComment, kCData, kProcessing, kDeclaration };
  bool ScanToken();  // false when the buffer ends inside the token
  void OnTag(std::size_t start, std::size_t end);
  bool IsContainer(std::string_view name) const;

  std::vector<std::string> containers_;
  OpenSink open_;
  ElementSink element_;
  std::string buffer_;
  std::size_t pos_ = 0;  // where scanning resumes
  // The token being scanned: its kind, start, and how far its end has been searched for.
  Token token_ = Token::kNone;
  std::size_t token_start_ = 0;
  char quote_ = 0;         // inside a quoted attribute value of a tag
  int bracket_depth_ = 0;  // inside a DOCTYPE's internal subset
  std::vector<std::string> open_containers_;
  std::size_t element_start_ = std::string::npos;  // the element being captured
  std::size_t element_depth_ = 0;
  std::string element_parent_;
};

}  // namespace gongwen
