// References between documents: 发文字号 (document numbers such as 国发〔2018〕41号 or 国令第707号)
// and the documents a text cites, by number, by title in 《》, or both.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongwen {

// A 发文字号 (document number) as printed and as parsed: 皖组〔2023〕12号 -> agency 皖组, year
// 2023, serial 12; 国令第707号 / 中华人民共和国国务院令第707号 -> agency "国令" /
// "中华人民共和国国务院令", no year, serial 707; 国办发明电〔2020〕5号 -> agency 国办发明电;
// 〔2023〕3号 (no agency) allowed. An order printed 国务院第707号令 has agency "国务院令" (the name
// of the series, so that its key equals that of 国务院令第707号); 商务部令2019年第1号 and
// 国家税务总局公告2019年第13号 carry a year.
struct DocNumber {
  std::string text;    // as printed (UTF-8), trimmed
  std::string agency;  // the 机关代字 before the year bracket or before 第
  std::optional<int> year;
  std::optional<int> serial;
};

// Where a 文号 is in a text: code-point offsets [start, end) into the string searched.
struct DocNumberMatch {
  DocNumber number;
  std::size_t start = 0;
  std::size_t end = 0;
};

// The first 文号 in `s` at or after code point `from` (its agency is not read before `from`).
std::optional<DocNumberMatch> FindDocNumber(std::u32string_view s, std::size_t from = 0);

// Whether a line is a 文号 and nothing else (surrounding spaces allowed): the number printed
// under a title or in a 版头, as opposed to one cited in running text.
bool IsDocNumberLine(std::u32string_view line);

// Parses a whole string as one 文号 (surrounding spaces allowed); nullopt if it is not one.
std::optional<DocNumber> ParseDocNumber(std::string_view utf8);

// A key under which two printings of one 文号 compare equal: brackets unified (〔〕[]［］【】()
// （） → 〔〕), full-width digits → ASCII, spaces removed, leading zeros of the serial dropped:
// "国发[2018]41号" and "国发〔2018〕41号" have the same key. An order's series is named one way:
// 国令第707号, 国务院令第707号 and 中华人民共和国国务院令第707号 have the key 国务院令第707号.
std::string DocNumberKey(const DocNumber& number);

// A key for a document title: 《》〈〉 and quotes and spaces removed, full-width letters/digits
// folded, so 《国务院关于印发〈XX〉的通知》 and 国务院关于印发《XX》的通知 compare equal.
std::string TitleKey(std::string_view title_utf8);

// A document the text cites: by 文号, by title in 《》, or both given together
// (《国务院关于…的通知》（国发〔2018〕41号）). Offsets are code points into the text searched.
struct Citation {
  std::optional<DocNumber> number;
  std::string title;  // without 《》; empty when cited by 文号 alone
  std::size_t start = 0;
  std::size_t end = 0;
};

// Every citation in `text`, in order. Not citations: 《》 of newspapers, periodicals and
// programmes (《人民日报》《求是》《XX》栏目), of one character, and of a short name just given
// (以下简称《意见》); a 文号 inside a cited title. Never throws; linear time in the length of
// `text`.
std::vector<Citation> FindCitations(std::u32string_view text);

}  // namespace gongwen
