// Splitting an XML stream into its body's elements (xml_stream.h).
#include "xml_stream.h"

#include <algorithm>

namespace gongwen {

XmlElementSplitter::XmlElementSplitter(std::vector<std::string> containers, OpenSink open,
                                       ElementSink element)
    : containers_(std::move(containers)), open_(std::move(open)), element_(std::move(element)) {}

bool XmlElementSplitter::IsContainer(std::string_view name) const {
  const std::size_t colon = name.find(':');
  const std::string_view local = colon == std::string_view::npos ? name : name.substr(colon + 1);
  return std::find(containers_.begin(), containers_.end(), local) != containers_.end();
}

void XmlElementSplitter::Feed(std::string_view piece) {
  buffer_.append(piece);
  while (ScanToken()) {
  }
  // Keep only what is still needed: the element being captured, else the unfinished token.
  std::size_t keep = pos_;
  if (token_ != Token::kNone) keep = std::min(keep, token_start_);
  if (element_start_ != std::string::npos) keep = std::min(keep, element_start_);
  if (keep == 0) return;
  buffer_.erase(0, keep);
  pos_ -= keep;
  if (token_ != Token::kNone) token_start_ -= keep;
  if (element_start_ != std::string::npos) element_start_ -= keep;
}

void XmlElementSplitter::Finish() {
  if (element_start_ != std::string::npos) {
    element_(element_parent_, std::string_view(buffer_).substr(element_start_));
    element_start_ = std::string::npos;
  }
}

bool XmlElementSplitter::ScanToken() {
  const std::size_t size = buffer_.size();
  if (token_ == Token::kNone) {
    const std::size_t lt = buffer_.find('<', pos_);
    if (lt == std::string::npos) {
      pos_ = size;
      return false;
    }
    const std::string_view rest = std::string_view(buffer_).substr(lt);
    // Enough bytes to tell the kinds of markup apart ("<![CDATA[" is the longest).
    if (rest.size() < 2 || (rest[1] == '!' && rest.size() < 9)) {
      pos_ = lt;
      return false;
    }
    token_start_ = lt;
    if (rest.starts_with("<!--")) {
      token_ = Token::kComment;
      pos_ = lt + 4;
    } else if (rest.starts_with("<![CDATA[")) {
      token_ = Token::kCData;
      pos_ = lt + 9;
    } else if (rest.starts_with("<?")) {
      token_ = Token::kProcessing;
      pos_ = lt + 2;
    } else if (rest.starts_with("<!")) {
      token_ = Token::kDeclaration;
      bracket_depth_ = 0;
      pos_ = lt + 2;
    } else {
      token_ = Token::kTag;
      quote_ = 0;
      pos_ = lt + 1;
    }
  }
  std::size_t end = std::string::npos;
  const auto find_terminator = [&](std::string_view terminator) {
    const std::size_t at = buffer_.find(terminator, pos_);
    if (at != std::string::npos) return at + terminator.size();
    // Resume where a terminator split across pieces could start.
    pos_ = std::max(pos_, size >= terminator.size() ? size - terminator.size() + 1 : 0);
    return std::string::npos;
  };
  switch (token_) {
    case Token::kComment:
      end = find_terminator("-->");
      break;
    case Token::kCData:
      end = find_terminator("]]>");
      break;
    case Token::kProcessing:
      end = find_terminator("?>");
      break;
    case Token::kDeclaration:
      for (; pos_ < size && end == std::string::npos; ++pos_) {
        const char c = buffer_[pos_];
        if (c == '[') ++bracket_depth_;
        if (c == ']' && bracket_depth_ > 0) --bracket_depth_;
        if (c == '>' && bracket_depth_ == 0) end = pos_ + 1;
      }
      break;
    case Token::kTag:
      for (; pos_ < size && end == std::string::npos; ++pos_) {
        const char c = buffer_[pos_];
        if (quote_ != 0) {
          if (c == quote_) quote_ = 0;
        } else if (c == '"' || c == '\'') {
          quote_ = c;
        } else if (c == '>') {
          end = pos_ + 1;
        }
      }
      break;
    case Token::kNone:
      break;
  }
  if (end == std::string::npos) return false;
  const Token kind = token_;
  token_ = Token::kNone;
  pos_ = end;
  if (kind == Token::kTag) OnTag(token_start_, end);
  return true;
}

void XmlElementSplitter::OnTag(std::size_t start, std::size_t end) {
  const std::string_view tag = std::string_view(buffer_).substr(start, end - start);
  const bool closing = tag.size() >= 2 && tag[1] == '/';
  const bool self_closing = !closing && tag.size() >= 3 && tag[tag.size() - 2] == '/';
  if (element_start_ != std::string::npos) {
    if (closing && --element_depth_ == 0) {
      element_(element_parent_,
               std::string_view(buffer_).substr(element_start_, end - element_start_));
      element_start_ = std::string::npos;
    } else if (!closing && !self_closing) {
      ++element_depth_;
    }
    return;
  }
  if (closing) {
    if (!open_containers_.empty()) open_containers_.pop_back();
    return;
  }
  const std::size_t name_end = tag.find_first_of(" \t\r\n/>", 1);
  const std::string_view name = tag.substr(1, name_end - 1);
  if (IsContainer(name)) {
    if (!self_closing) open_containers_.emplace_back(name);
    open_(name, tag);
    return;
  }
  element_parent_ = open_containers_.empty() ? std::string() : open_containers_.back();
  if (self_closing) {
    element_(element_parent_, tag);
    return;
  }
  element_start_ = start;
  element_depth_ = 1;
}

}  // namespace gongwen
