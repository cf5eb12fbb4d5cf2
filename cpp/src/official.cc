// The official-document reader. GB/T 9704-2012 fixes the order of a 公文's elements: the 版头
// (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人), the 主体 (标题, 主送机关, 正文, 附件说明,
// 署名, 成文日期, 附注), the 附件 and the 版记 (抄送, 印发机关和印发日期). Web copies drop the
// 版头 and print the 文号 under the title, and many pages put a metadata table above the text.
// The reader walks the elements in that order from the top, and finds the signature block (a
// line that is only a date, under the signing units) from the end of the 正文, so a date quoted
// in the body is never taken for the 成文日期.
#include "official.h"

#include <algorithm>
#include <array>
#include <optional>

#include "markers.h"
#include "text.h"

namespace gongwen::official {

namespace {

using parse::Piece;
using parse::Utf8;
using text::EndsWith;
using text::StartsWith;
using text::Trim;

constexpr std::size_t kMaxTopLines = 40;     // a page's table and a 版头 fit in these
constexpr std::size_t kMaxHeadLine = 60;     // a 版头 or title line
constexpr std::size_t kMaxTitleLines = 4;    // a title printed on up to four lines
constexpr std::size_t kMaxRecipients = 600;  // a 主送 line longer than this is a paragraph
constexpr std::size_t kMaxSignatureLine = 40;
constexpr std::size_t kMaxFooterLines = 10;

// A field over [from, to) of a line, trimmed; offsets into the document's text. A piece may
// span lines joined by '\n' (a 抄送 wrapped in mid-name): the value leaves the breaks out.
Field FieldOf(const Piece& line, std::size_t from, std::size_t to) {
  std::u32string_view s = std::u32string_view(line.text).substr(from, to - from);
  const std::u32string_view trimmed = Trim(s);
  const std::size_t start = line.start + from + static_cast<std::size_t>(trimmed.data() - s.data());
  std::u32string value(trimmed);
  value.erase(std::remove(value.begin(), value.end(), U'\n'), value.end());
  return Field{Utf8(value), Span{start, start + trimmed.size()}};
}

Field WholeLine(const Piece& line) { return FieldOf(line, 0, line.text.size()); }

bool IsColon(char32_t c) { return c == U'：' || c == U':'; }

// A line printed letter-spaced (中 共 泾 县 县 委, 文      件, 通　告), without its spaces: every
// space-separated piece is one or two characters. Other lines are returned as they are.
std::u32string Squeezed(std::u32string_view s) {
  s = Trim(s);
  std::size_t pieces = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && text::IsSpace(s[i])) ++i;
    const std::size_t from = i;
    while (i < s.size() && !text::IsSpace(s[i])) ++i;
    if (i - from > 2) return std::u32string(s);
    pieces += i > from ? 1 : 0;
  }
  if (pieces < 2) return std::u32string(s);
  std::u32string out;
  for (char32_t c : s) {
    if (!text::IsSpace(c)) out.push_back(c);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The page's metadata table: 索引号：… 发文机关：… 成文日期：… 发文字号：…

constexpr std::array<std::u32string_view, 42> kTableLabels{
    U"索引号",   U"主题分类", U"发文机关", U"成文日期", U"标题",     U"发文字号", U"发布日期",
    U"主题词",   U"文号",     U"发布机构", U"发布时间", U"生效日期", U"有效性",   U"公文种类",
    U"信息来源", U"体裁分类", U"组配分类", U"服务对象", U"信息名称", U"内容概述", U"关键词",
    U"文件编号", U"公开方式", U"公开时限", U"时效",     U"废止日期", U"发文单位", U"发文日期",
    U"生成日期", U"名称",     U"分类",     U"信息分类", U"公开日期", U"成文时间", U"发布单位",
    U"所属机构", U"实施日期", U"失效日期", U"效力状态", U"时效性",   U"文件状态", U"主送机关",
};

// The length of a table label (with its colon) at `pos` of `s`, or 0.
std::size_t TableLabelAt(std::u32string_view s, std::size_t pos, std::u32string* label) {
  std::u32string letters;
  for (std::size_t i = pos; i < s.size() && i < pos + 12; ++i) {
    if (IsColon(s[i])) {
      if (std::find(kTableLabels.begin(), kTableLabels.end(), letters) == kTableLabels.end()) {
        return 0;
      }
      *label = letters;
      return i + 1 - pos;
    }
    if (!text::IsSpace(s[i])) letters.push_back(s[i]);
  }
  return 0;
}

// Reads the fields of a table line, several to a line where cells were joined by spaces.
// A label alone on its line, without its colon (索引号 / its value on the next line).
bool IsBareLabel(std::u32string_view s) {
  s = Trim(s);
  if (s.size() > 12) return false;
  std::u32string letters;
  for (char32_t c : s) {
    if (!text::IsSpace(c)) letters.push_back(c);
  }
  return std::find(kTableLabels.begin(), kTableLabels.end(), letters) != kTableLabels.end();
}

bool ReadTableLine(const Piece& line, OfficialFields* f) {
  const std::u32string_view s = line.text;
  std::u32string label;
  std::size_t length = TableLabelAt(s, 0, &label);
  if (length == 0 && IsBareLabel(s)) {
    Field value = FieldOf(line, s.size(), s.size());
    f->metadata.emplace_back(Utf8(Squeezed(s)), std::move(value));
    return true;
  }
  if (length == 0) return false;
  std::size_t pos = 0;
  while (length != 0) {
    std::size_t next = pos + length;
    std::u32string next_label;
    std::size_t next_length = 0;
    for (; next < s.size(); ++next) {
      if (text::IsSpace(s[next - 1]) && (next_length = TableLabelAt(s, next, &next_label))) break;
    }
    f->metadata.emplace_back(Utf8(label), FieldOf(line, pos + length, next));
    pos = next;
    label = next_label;
    length = next_length;
  }
  return true;
}

// The table's lines at the top: returns the first line after it.
bool IsTableLine(const Piece& line) {
  std::u32string label;
  return TableLabelAt(line.text, 0, &label) != 0 || IsBareLabel(line.text);
}

// The table's lines at the top: returns the first line after it. A table whose first label
// stands alone on its line prints each value on the line under its label (索引号： / 1134…);
// otherwise an empty value is empty (主题词： above the title).
std::size_t ReadTable(const std::vector<Piece>& lines, OfficialFields* f) {
  std::size_t i = 0;
  const std::size_t top = std::min(lines.size(), kMaxTopLines);
  // A line or two of site chrome may stand above the table.
  while (i < top && i < 3 && !ReadTableLine(lines[i], f)) ++i;
  if (f->metadata.empty()) return 0;
  const bool values_below = f->metadata.size() == 1 && f->metadata[0].second.value.empty();
  for (;;) {
    if (values_below && i + 1 < top && f->metadata.back().second.value.empty() &&
        !IsTableLine(lines[i + 1])) {
      f->metadata.back().second = WholeLine(lines[++i]);
    }
    if (++i >= top || !ReadTableLine(lines[i], f)) break;
  }
  return i;
}

// The metadata a file gave beside its text (a web page's table, read by the HTML reader), under
// the labels of a printed table, before the printed table's rows (whose last row ends the table
// for the citations), with empty spans: the values are not in the text.
void AddPageMetadata(const Metadata& page, OfficialFields* f) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kLabels{{
      {"index_number", "索引号"},
      {"topic", "主题分类"},
      {"issuer", "发文机关"},
      {"written_date", "成文日期"},
      {"title", "标题"},
      {"doc_number", "发文字号"},
      {"published_date", "发布日期"},
  }};
  std::vector<std::pair<std::string, Field>> rows;
  for (const auto& [key, value] : page) {
    for (const auto& [name, label] : kLabels) {
      if (key == name && !value.empty())
        rows.emplace_back(std::string(label), Field{value, Span{0, 0}});
    }
  }
  f->metadata.insert(f->metadata.begin(), rows.begin(), rows.end());
}

const Field* TableValue(const OfficialFields& f, std::u32string_view label) {
  const std::string key = Utf8(label);
  for (const auto& [name, value] : f.metadata) {
    if (name == key && !value.value.empty()) return &value;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// The 版头.

bool IsSecrecy(std::u32string_view s) {
  for (std::u32string_view level : {U"绝密", U"机密", U"秘密"}) {
    if (StartsWith(s, level)) {
      const std::u32string_view rest = Trim(s.substr(level.size()));
      return rest.empty() || ((rest.front() == U'★' || rest.front() == U'☆') && rest.size() <= 8);
    }
  }
  return false;
}

bool IsUrgency(std::u32string_view s) {
  for (std::u32string_view level : {U"特急", U"加急", U"特提", U"平急"}) {
    if (StartsWith(s, level) && s.size() <= level.size() + 4) return true;  // 特急·明电
  }
  return false;
}

bool IsCopyNumber(std::u32string_view s) {
  if (StartsWith(s, U"份号")) s = Trim(s.substr(2));
  if (!s.empty() && IsColon(s.front())) s = Trim(s.substr(1));
  return s.size() >= 3 && s.size() <= 8 &&
         std::all_of(s.begin(), s.end(), [](char32_t c) { return text::IsDigit(c); });
}

// The space-separated tokens of a line, as [from, to) positions.
std::vector<std::pair<std::size_t, std::size_t>> Tokens(std::u32string_view s) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && text::IsSpace(s[i])) ++i;
    const std::size_t from = i;
    while (i < s.size() && !text::IsSpace(s[i])) ++i;
    if (i > from) out.emplace_back(from, i);
  }
  return out;
}

// A line of 份号, 密级 and 紧急程度 (any of them, in any order): fills them and returns true.
bool ReadMarkings(const Piece& line, OfficialFields* f) {
  const std::u32string_view s = line.text;
  const auto tokens = Tokens(s);
  if (tokens.empty() || tokens.size() > 4) return false;
  for (const auto& [from, to] : tokens) {
    const std::u32string_view token = s.substr(from, to - from);
    if (!IsCopyNumber(token) && !IsSecrecy(token) && !IsUrgency(token)) return false;
  }
  for (const auto& [from, to] : tokens) {
    const std::u32string_view token = s.substr(from, to - from);
    std::optional<Field>& slot = IsCopyNumber(token) ? f->copy_number
                                 : IsSecrecy(token)  ? f->secrecy
                                                     : f->urgency;
    if (!slot) slot = FieldOf(line, from, to);
  }
  return true;
}

// A mark that only a 版头 prints: XX文件, XX令.
bool IsDocumentMark(std::u32string_view s) { return EndsWith(s, U"文件") || EndsWith(s, U"令"); }

// A mark only when a number follows it: the 纪要's XX会议纪要, the 公告's 国家税务总局公告 (a
// title otherwise).
bool IsNumberedMark(std::u32string_view s) {
  return EndsWith(s, U"纪要") || EndsWith(s, U"公告") || IsDocumentMark(s);
}

// 发文机关标志: 中共安庆市委组织部文件, 国务院办公厅 (信函格式), 中华人民共和国国务院令, or one
// issuer's line of a joint mark whose last line is 文件.
bool IsMarkLine(std::u32string_view s) {
  if (s.empty() || s.size() > kMaxHeadLine || text::EndsSentence(s)) return false;
  if (s.find_first_of(U"，。；：、《》“”") != std::u32string_view::npos) return false;
  return s == U"文件" || IsNumberedMark(s) || parse::IsUnitName(s);
}

// A person's name alone: two to four Han characters, perhaps letter-spaced (王　勇).
bool IsPersonName(std::u32string_view s) {
  std::size_t han = 0;
  for (char32_t c : s) {
    if (text::IsSpace(c)) continue;
    if (!text::IsHan(c)) return false;
    ++han;
  }
  return han >= 2 && han <= 4;
}

// 签发人：张三　李四 at `pos` of a line: the names.
bool ReadSigners(const Piece& line, std::size_t pos, OfficialFields* f) {
  const std::u32string_view s = std::u32string_view(line.text).substr(pos);
  if (!StartsWith(s, U"签发人") || s.size() < 4 || !IsColon(s[3])) return false;
  for (const auto& [from, to] : Tokens(s.substr(4))) {
    f->signers.push_back(FieldOf(line, pos + 4 + from, pos + 4 + to));
  }
  return true;
}

// A line that is a 文号 (and perhaps 签发人) and nothing else: sets the number.
bool ReadNumberLine(const Piece& line, OfficialFields* f) {
  std::u32string_view s = line.text;
  std::size_t lead = 0;
  std::optional<DocNumberMatch> match = FindDocNumber(s, 0);
  // Some sites print the 文号 in brackets under the title: （国发〔2018〕41号）; the old form
  // opens with its bracketed year: （96）宣署字18号.
  if ((!match || match->start != 0) && !s.empty() && (s.front() == U'（' || s.front() == U'(')) {
    lead = 1;
    match = FindDocNumber(s, lead);
  }
  if (!match) return false;
  if (match->start != lead) {
    // 特急　国办发明电〔2020〕5号: the 紧急程度 (or 密级) on the 文号's line.
    const Piece before{line.text.substr(0, match->start), line.start};
    if (lead || Trim(before.text).empty() || !ReadMarkings(before, f)) return false;
  }
  std::size_t rest = match->end;
  if (lead && rest < s.size() && (s[rest] == U'）' || s[rest] == U')')) ++rest;
  const std::u32string_view after = Trim(s.substr(rest));
  if (!after.empty()) {
    const std::size_t at = static_cast<std::size_t>(after.data() - s.data());
    if (!ReadSigners(line, at, f)) return false;
  }
  f->doc_number = FieldOf(line, match->start, match->end);
  f->number = match->number;
  return true;
}

// The number under a 令 or 公告 mark: 第706号, 2023年第5号 (with the mark, a 文号:
// 中华人民共和国交通运输部令2023年第5号).
bool ReadOrderNumber(const Piece& line, const Field& mark, OfficialFields* f) {
  const std::u32string_view s = Trim(line.text);
  if (!EndsWith(s, U"号") || s.size() > 16) return false;
  const std::optional<DocNumber> number = ParseDocNumber(mark.value + Utf8(s));
  if (!number || !number->serial) return false;
  f->doc_number = WholeLine(line);
  f->doc_number->value = number->text;
  f->number = number;
  return true;
}

// A 纪要's 版头 line of its issuing office and date: 安庆市人民政府办公室　　2023年5月12日.
bool ReadIssuedLine(const Piece& line, Reading* r) {
  OfficialFields* f = &r->fields;
  const std::u32string_view s = line.text;
  const std::optional<parse::DateMatch> date = parse::FindDate(s);
  if (!date || date->start == 0 || Trim(s.substr(date->start + date->length)).size() > 0) {
    return false;
  }
  const std::u32string_view unit = Trim(s.substr(0, date->start));
  if (!parse::IsUnitName(unit) || s.size() > kMaxHeadLine) return false;
  r->issued_by = FieldOf(line, 0, date->start);
  f->date_line = FieldOf(line, date->start, date->start + date->length);
  f->date = date->date;
  return true;
}

// 第12期, （第12期）: the issue of a 纪要 printed as a series.
bool IsIssueLine(std::u32string_view s) {
  if (!s.empty() && (s.front() == U'（' || s.front() == U'(')) s.remove_prefix(1);
  if (!s.empty() && (s.back() == U'）' || s.back() == U')')) s.remove_suffix(1);
  return s.size() >= 3 && s.size() <= 8 && StartsWith(s, U"第") && EndsWith(s, U"期");
}

// The 发文机关标志 from its lines: letter-spacing removed; a 文件 printed on a line of its own
// belongs to the one issuer above it (池州市教育局 / 文件) and to none of several (joint marks
// stack the issuers with 文件 beside them); the second line of a mark that is not an issuer's
// name completes the first (中共泾县榔桥镇委员会 / 党委会议纪要).
void AddMarks(const std::vector<Piece>& lines, const std::vector<std::size_t>& marks,
              OfficialFields* f) {
  std::vector<Field> issuers;
  for (std::size_t m : marks) {
    Field mark = WholeLine(lines[m]);
    const std::u32string squeezed = Squeezed(lines[m].text);
    mark.value = Utf8(squeezed);
    const bool completes = squeezed == U"文件" || (issuers.size() == 1 && marks.size() == 2 &&
                                                   !parse::IsUnitName(squeezed));
    if (!completes) {
      issuers.push_back(std::move(mark));
    } else if (marks.size() == 2 && issuers.size() == 1) {
      issuers[0].value += mark.value;
      issuers[0].span.end = mark.span.end;
    }
  }
  f->issuer_marks = std::move(issuers);
}

// Reads the 版头 from line `i`: returns the first line after it.
std::size_t ReadHead(const std::vector<Piece>& lines, std::size_t i, Reading* r) {
  OfficialFields* f = &r->fields;
  const std::size_t top = std::min(lines.size(), i + 12);
  std::vector<std::size_t> marks;  // the lines of the 发文机关标志
  bool document_mark = false;      // one of them ends in 文件 or 令
  bool signers_above = false;      // the line above named 签发人
  for (; i < top; ++i) {
    const Piece& line = lines[i];
    const std::u32string_view s = Trim(line.text);
    const std::size_t signers = f->signers.size();
    const bool signers_here = signers_above;
    signers_above = false;
    if (markers::IsRule(s) || ReadMarkings(line, f)) continue;
    if (ReadSigners(line, 0, f) || ReadNumberLine(line, f)) {
      signers_above = f->signers.size() > signers;
      continue;
    }
    const bool after_signers = signers_here;
    if ((f->doc_number || r->numbered) && !f->date && ReadIssuedLine(line, r)) continue;
    if (!f->doc_number && !marks.empty() && IsNumberedMark(Trim(lines[marks.back()].text)) &&
        ReadOrderNumber(line, WholeLine(lines[marks.back()]), f)) {
      continue;
    }
    // A second 签发人 printed under the first: a name alone on the next line.
    if (after_signers && IsPersonName(s)) {
      f->signers.push_back(WholeLine(line));
      continue;
    }
    const std::u32string squeezed = Squeezed(s);
    // A 纪要's 期号 under its mark: （第12期）.
    if (!f->doc_number && !marks.empty() && IsIssueLine(squeezed) &&
        EndsWith(Squeezed(lines[marks.back()].text), U"纪要")) {
      r->numbered = true;
      continue;
    }
    if (!f->doc_number && !r->numbered && IsMarkLine(squeezed)) {
      marks.push_back(i);
      document_mark = document_mark || IsDocumentMark(squeezed);
      continue;
    }
    break;
  }
  // Unit lines are a mark only above a 文号 or with a 文件 line: else they begin the title.
  if (!marks.empty() && !document_mark && !f->doc_number && !r->numbered) return marks.front();
  AddMarks(lines, marks, f);
  return i;
}

// ---------------------------------------------------------------------------------------------
// The title and the 文种.

std::u32string_view DocTypeOf(std::u32string_view title) { return markers::DocTypeAtEnd(title); }

bool IsTitleLine(std::u32string_view s) {
  return !s.empty() && s.size() <= kMaxHeadLine && !text::EndsSentence(s) &&
         s.find(U'。') == std::u32string_view::npos && !markers::FindSectionMarker(s) &&
         !markers::StartsWithLawArticle(s);
}

// The title from line `i`: its lines [i, *end). A run of title lines ends with the 文种 (the
// longest run that does), or is its first line when none names one.
std::optional<Field> ReadTitle(const std::vector<Piece>& lines, std::size_t i, std::size_t* end) {
  *end = i;
  if (i >= lines.size() || !IsTitleLine(Trim(lines[i].text))) return std::nullopt;
  std::u32string joined;
  std::size_t best = 0;
  for (std::size_t j = i; j < lines.size() && j < i + kMaxTitleLines; ++j) {
    const std::u32string_view s = Trim(lines[j].text);
    if (!IsTitleLine(s) || FindDocNumber(s).has_value()) break;
    joined += Squeezed(s);
    if (!DocTypeOf(joined).empty()) best = j + 1;
  }
  if (best == 0) best = i + 1;
  std::u32string title;
  for (std::size_t j = i; j < best; ++j) title += Squeezed(lines[j].text);
  *end = best;
  const Field first = WholeLine(lines[i]);
  const Field last = WholeLine(lines[best - 1]);
  return Field{Utf8(title), Span{first.span.start, last.span.end}};
}

// ---------------------------------------------------------------------------------------------
// 主送机关.

// The ends of recipients that are not unit names: regions, kinds of unit, and the titles of
// the persons a 答复 or 复函 is addressed to (邓明义代表, 马万祺副主席).
constexpr std::array<std::u32string_view, 31> kRecipientEnds{
    U"省",   U"自治区", U"直辖市", U"州",   U"盟",   U"旗",   U"部委",   U"机构",
    U"单位", U"部门",   U"机关",   U"企业", U"团体", U"学校", U"代表",   U"委员",
    U"主席", U"主任",   U"同志",   U"先生", U"女士", U"议员", U"管委会", U"室",
    U"园",   U"院",     U"所",     U"站",   U"队",   U"组织", U"中心",
};

// An item of a 主送 list: 各省, 国务院各部委, 中共安庆市委组织部, 市直各单位.
bool IsRecipient(std::u32string_view item) {
  // 人力资源社会保障厅（局）, 各市（州）: the bracket names the same unit's other form.
  item = text::WithoutClosingBracket(item);
  if (item.size() < 2 || item.size() > 30) return false;
  // 各位代表: a speech; 尊敬的…: a letter's salutation. Neither is a 主送.
  if (StartsWith(item, U"各位") || StartsWith(item, U"尊敬的")) return false;
  // 各乡镇, and 局机关各股室: a kind of unit, each of them.
  if (parse::IsUnitName(item) || StartsWith(item, U"各")) return true;
  if (item.size() <= 20 && text::Contains(item, U"各")) return true;
  return std::any_of(kRecipientEnds.begin(), kRecipientEnds.end(),
                     [&](std::u32string_view end) { return EndsWith(item, end); });
}

// Splits a 主送 list on 、，；(outside brackets) into fields.
std::vector<Field> SplitList(const Piece& line, std::size_t from, std::size_t to) {
  std::vector<Field> out;
  int depth = 0;
  std::size_t start = from;
  for (std::size_t k = from; k <= to; ++k) {
    const char32_t c = k < to ? line.text[k] : U'，';
    if (c == U'（' || c == U'(' || c == U'《') ++depth;
    if ((c == U'）' || c == U')' || c == U'》') && depth > 0) --depth;
    if (depth == 0 && (c == U'、' || c == U'，' || c == U',' || c == U'；' || k == to)) {
      Field item = FieldOf(line, start, k);
      if (!item.value.empty()) out.push_back(std::move(item));
      start = k + 1;
    }
  }
  return out;
}

// The 主送 at the start of a line ending at its first colon; returns the colon's position + 1,
// or 0 when the line does not open with a list of recipients.
std::size_t ReadRecipients(const Piece& line, OfficialFields* f) {
  const std::u32string_view s = line.text;
  const std::size_t colon = s.find_first_of(U"：:");
  if (colon == std::u32string_view::npos || colon == 0 || colon > kMaxRecipients) return 0;
  if (s.substr(0, colon).find_first_of(U"。！？；“”《》") != std::u32string_view::npos) return 0;
  std::vector<Field> items = SplitList(line, 0, colon);
  std::size_t units = 0;
  for (const Field& item : items) units += IsRecipient(text::Decode(item.value)) ? 1 : 0;
  if (items.empty() || units * 2 < items.size() + 1) return 0;
  f->recipients = std::move(items);
  return colon + 1;
}

// ---------------------------------------------------------------------------------------------
// The signature block, 附件说明 and 附注.

// A line that is a date and nothing else: 2018年12月13日, 二〇二三年八月三十一日.
std::optional<std::pair<Field, Date>> DateLine(const Piece& line) {
  const std::u32string_view s = Trim(line.text);
  if (s.empty() || s.size() > 20) return std::nullopt;
  const std::optional<parse::DateMatch> date = parse::FindDate(s);
  if (!date || date->start != 0 || date->length != s.size()) return std::nullopt;
  return std::make_pair(WholeLine(line), date->date);
}

constexpr std::array<std::u32string_view, 16> kOffices{
    U"总理", U"主席", U"委员长", U"省长", U"市长", U"县长", U"区长", U"州长",
    U"部长", U"主任", U"局长",   U"署长", U"书记", U"院长", U"行长", U"代理省长",
};

// A 署名 line: one unit, several side by side, or an office and a name (总理　李克强).
bool IsSignatureLine(std::u32string_view s) {
  s = Trim(s);
  if (s.size() < 2 || s.size() > kMaxSignatureLine || text::EndsSentence(s)) return false;
  if (s.find_first_of(U"，。；：、《》“”（()") != std::u32string_view::npos) return false;
  if (parse::IsUnitName(s)) return true;
  // A unit's leading group signs its 述职报告: 宣城市市场监督管理局领导班子.
  if (EndsWith(s, U"领导班子") && parse::IsUnitName(s.substr(0, s.size() - 4))) return true;
  const auto tokens = Tokens(s);
  if (tokens.size() < 2) return false;
  const std::u32string_view first = s.substr(tokens[0].first, tokens[0].second - tokens[0].first);
  if (tokens.size() == 2 && std::find(kOffices.begin(), kOffices.end(), first) != kOffices.end()) {
    return true;
  }
  // A person signing with who they are: 青山村村民　王德福, 市长　张三.
  const std::u32string_view last = s.substr(tokens.back().first);
  if (tokens.size() == 2 && IsPersonName(last) && first.size() <= 20) return true;
  return std::all_of(tokens.begin(), tokens.end(), [&](const auto& t) {
    return parse::IsUnitName(s.substr(t.first, t.second - t.first));
  });
}

// The signatories of a 署名 line: each unit of a line of units, else the line.
void AddSignatories(const Piece& line, OfficialFields* f) {
  const std::u32string_view s = line.text;
  const auto tokens = Tokens(s);
  const bool units = tokens.size() >= 2 && std::all_of(tokens.begin(), tokens.end(), [&](auto t) {
                       return parse::IsUnitName(s.substr(t.first, t.second - t.first));
                     });
  if (!units) {
    f->signatories.push_back(WholeLine(line));
    return;
  }
  for (const auto& [from, to] : tokens) f->signatories.push_back(FieldOf(line, from, to));
}

// An attachment's name without its number: "1．XX办法" -> "XX办法".
std::size_t NumberLength(std::u32string_view s) {
  std::size_t n = text::DigitRun(s, 0);
  if (n == 0 || n >= s.size()) return 0;
  if (s[n] == U'．' || s[n] == U'.' || s[n] == U'、' || s[n] == U' ') return n + 1;
  return 0;
}

// 附件：1．XX办法 — the line opening the 附件说明, and where its first name starts.
// Also 附件1.XX, the number run into the label: the name then starts at the number.
std::optional<std::size_t> AttachmentListAt(std::u32string_view s) {
  if (!StartsWith(s, U"附件")) return std::nullopt;
  std::size_t pos = 2;
  while (pos < s.size() && text::IsSpace(s[pos])) ++pos;
  if (pos < s.size() && IsColon(s[pos])) return pos + 1;
  // 附件一：XX, 附件2：XX — one name to a line, each line opening with its number.
  const std::size_t numeral = std::max(text::ChineseNumeralRun(s, pos), text::DigitRun(s, pos));
  if (numeral > 0 && numeral <= 3 && pos + numeral < s.size() && IsColon(s[pos + numeral])) {
    return pos + numeral + 1;
  }
  const std::size_t number = NumberLength(s.substr(pos));
  if (number > 0 && pos + number < s.size()) return pos;
  return std::nullopt;
}

// Adds a name of the 附件说明; a line without a number after a numbered name is that name
// wrapped onto a second line (1．……实施 / 细则).
void AddAttachmentName(const Piece& line, std::size_t from, bool numbered_above,
                       OfficialFields* f) {
  std::u32string_view s = std::u32string_view(line.text).substr(from);
  const std::size_t lead = static_cast<std::size_t>(Trim(s).data() - s.data());
  const std::size_t number = NumberLength(Trim(s));
  Field name = FieldOf(line, from + lead + number, line.text.size());
  if (name.value.empty()) return;
  if (number == 0 && numbered_above && !f->attachment_list.empty()) {
    f->attachment_list.back().value += name.value;
    f->attachment_list.back().span.end = name.span.end;
    return;
  }
  f->attachment_list.push_back(std::move(name));
}

// A 附注 line: （此件公开发布）, （联系人：张三，电话：…）.
bool IsNoteLine(std::u32string_view s) {
  s = Trim(s);
  return s.size() >= 3 && s.size() <= 200 && (s.front() == U'（' || s.front() == U'(') &&
         (s.back() == U'）' || s.back() == U')');
}

// The 版记's first line, in the last lines from `from`: 抄送, 印发 line, 共印N份, rules.
// A 印发 line, perhaps closed by the print run: XX办公室　2023年6月14日印发（共印120份）. Returns
// the line without the print run, or nothing.
std::optional<std::u32string_view> PrintingLine(std::u32string_view s) {
  s = Trim(s);
  if (!s.empty() && (s.back() == U'）' || s.back() == U')')) {
    const std::size_t open = s.find_last_of(U"（(");
    if (open != std::u32string_view::npos && markers::CopiesNote(s.substr(open))) {
      s = Trim(s.substr(0, open));
    }
  }
  if (!parse::IsPrintingLine(s)) return std::nullopt;
  return s;
}

bool IsRecordLine(std::u32string_view s) {
  return markers::IsRule(s) || PrintingLine(s) || markers::CopiesNote(s) ||
         markers::FooterKeyAt(s, 0).kind == markers::FooterKind::kDistribution;
}

// The first line of the 版记 in [from, n), or n.
std::size_t FindRecord(const std::vector<Piece>& lines, std::size_t from, std::size_t n) {
  for (std::size_t k = std::max(from, n > kMaxFooterLines ? n - kMaxFooterLines : 0); k < n; ++k) {
    const std::u32string_view s = Trim(lines[k].text);
    if (!IsRecordLine(s) || markers::IsRule(s)) continue;
    bool rest_fits = true;
    for (std::size_t j = k + 1; j < n && rest_fits; ++j) {
      rest_fits = IsRecordLine(Trim(lines[j].text)) || lines[j].text.size() <= 60;
    }
    if (rest_fits) {
      while (k > from && markers::IsRule(Trim(lines[k - 1].text))) --k;
      return k;
    }
  }
  return n;
}

// A 抄送 line and the lines that continue it (a list wrapped over lines, perhaps in mid-name),
// as one piece whose text keeps the '\n' between them, so that offsets stay those of the text.
Piece CopiedTo(const std::vector<Piece>& lines, std::size_t* k, std::size_t end) {
  Piece joined = lines[*k];
  while (*k + 1 < end) {
    const std::u32string_view next = Trim(lines[*k + 1].text);
    if (IsRecordLine(next) || next.empty()) break;
    joined.text.push_back(U'\n');
    joined.text += lines[++*k].text;
  }
  return joined;
}

void ReadRecord(const std::vector<Piece>& lines, std::size_t from, std::size_t end,
                OfficialFields* f) {
  for (std::size_t k = from; k < end; ++k) {
    const std::u32string_view s = lines[k].text;
    if (const std::optional<std::u32string_view> printing = PrintingLine(s)) {
      const parse::DateMatch date = *parse::FindDate(*printing);
      const std::size_t lead = static_cast<std::size_t>(printing->data() - s.data());
      f->printed_by = FieldOf(lines[k], lead, lead + date.start);
      f->printed_date = date.date;
      continue;
    }
    const markers::FooterKey key = markers::FooterKeyAt(s, 0);
    if (key.kind != markers::FooterKind::kDistribution) continue;
    // 抄送 (and 抄报, which GB/T 9704-2012 folded into it); 主送 or a 纪要's 分送 printed in the
    // 版记 are its recipients, where no 主送 line stands under the title.
    const bool copied = key.key == U"抄送" || key.key == U"抄报";
    const bool sent = (key.key == U"主送" || key.key == U"分送") && f->recipients.empty();
    if (!copied && !sent) continue;
    const Piece list = CopiedTo(lines, &k, end);
    std::size_t to = list.text.size();
    while (to > key.length && (list.text[to - 1] == U'。' || text::IsSpace(list.text[to - 1]))) {
      --to;
    }
    for (Field& item : SplitList(list, key.length, to)) {
      (copied ? f->cc : f->recipients).push_back(std::move(item));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 附件.

void ReadAttachments(const std::vector<Piece>& lines, std::size_t from, std::size_t to,
                     Reading* r) {
  std::size_t k = from;
  while (k < to) {
    Reading::Part part;
    part.title_from = k;
    if (markers::IsAttachmentMark(lines[k].text)) ++k;
    std::size_t title_end = k;
    if (std::optional<Field> title = ReadTitle(lines, k, &title_end); title && title_end <= to) {
      part.title = title->value;
      k = title_end;
    }
    part.from = k;
    while (k < to && !markers::IsAttachmentMark(lines[k].text)) ++k;
    part.to = k;
    if (part.to > part.title_from) r->attachment_parts.push_back(std::move(part));
  }
  for (const Reading::Part& part : r->attachment_parts) {
    const Piece& last = lines[part.to - 1];
    r->fields.attachments.push_back(
        Field{part.title, Span{lines[part.title_from].start, last.end()}});
  }
}

// ---------------------------------------------------------------------------------------------
// Issuers, the page's table, and the evidence.

// An issuer from a 发文机关标志: 中共安庆市委组织部文件 -> 中共安庆市委组织部,
// 中华人民共和国国务院令
// -> 国务院.
std::u32string IssuerOfMark(std::u32string_view mark) {
  if (EndsWith(mark, U"文件")) mark.remove_suffix(2);
  if (EndsWith(mark, U"令") && mark.size() > 2) {
    mark.remove_suffix(1);
    if (StartsWith(mark, U"中华人民共和国") && mark.size() > 7) mark.remove_prefix(7);
  }
  return std::u32string(Trim(mark));
}

void FindIssuers(const std::optional<Field>& issued_by, OfficialFields* f) {
  for (const Field& s : f->signatories) {
    if (parse::IsUnitName(text::Decode(s.value))) f->issuers.push_back(s.value);
  }
  if (issued_by && f->issuers.empty()) f->issuers.push_back(issued_by->value);
  if (!f->issuers.empty()) return;
  for (const Field& m : f->issuer_marks) {
    const std::u32string issuer = IssuerOfMark(text::Decode(m.value));
    if (!issuer.empty()) f->issuers.push_back(Utf8(issuer));
  }
  if (!f->issuers.empty()) return;
  if (const Field* table = TableValue(*f, U"发文机关")) {
    f->issuers.push_back(table->value);
    return;
  }
  if (!f->title) return;
  // 国务院办公厅关于……的通知; 财政部 税务总局关于……的公告.
  const std::u32string title = text::Decode(f->title->value);
  const std::size_t about = title.find(U"关于");
  if (about == std::u32string::npos || about == 0) return;
  const Piece head{title.substr(0, about), 0};
  for (const auto& [from, to] : Tokens(head.text)) {
    for (const Field& unit : SplitList(head, from, to)) f->issuers.push_back(unit.value);
  }
}

// Whether `abbreviation` is `full` with characters left out: 国令 of 中华人民共和国国务院令.
bool Abbreviates(std::string_view abbreviation, std::string_view full) {
  const std::u32string a = text::Decode(abbreviation);
  const std::u32string b = text::Decode(full);
  std::size_t j = 0;
  for (char32_t c : b) {
    if (j < a.size() && a[j] == c) ++j;
  }
  return j == a.size();
}

void Conflict(OfficialFields* f, std::string_view label, const std::string& body,
              const std::string& table) {
  f->conflicts.push_back(std::string(label) + ": the text has " + body + ", the page's table " +
                         table);
}

std::string DateText(const Date& d) {
  return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) +
         "日";
}

// Fills what the body lacks from the page's table, and records where the two disagree.
void MergeTable(OfficialFields* f) {
  if (const Field* t = TableValue(*f, U"标题")) {
    if (!f->title) {
      f->title = *t;
    } else if (TitleKey(f->title->value) != TitleKey(t->value)) {
      Conflict(f, "标题", f->title->value, t->value);
    }
  }
  const Field* number = TableValue(*f, U"发文字号");
  if (!number) number = TableValue(*f, U"文号");
  if (const std::optional<DocNumber> parsed =
          number ? ParseDocNumber(number->value) : std::nullopt) {
    if (!f->number) {
      f->doc_number = *number;
      f->number = parsed;
    } else if (DocNumberKey(*f->number) == DocNumberKey(*parsed)) {
      // A 令 printed as its heading (中华人民共和国国务院令 / 第706号): the table gives the
      // number as it is cited, 国令第706号.
      if (EndsWith(text::Decode(f->number->agency), U"令")) {
        f->doc_number = Field{number->value, f->doc_number->span};
        f->number = parsed;
      }
    } else if (DocNumberKey(*f->number) != DocNumberKey(*parsed)) {
      // A 令 printed in full (中华人民共和国国务院令 第706号) is the table's 国令第706号.
      const bool same = f->number->serial == parsed->serial && f->number->year == parsed->year &&
                        Abbreviates(parsed->agency, f->number->agency);
      if (same) {
        f->doc_number = Field{number->value, f->doc_number->span};
        f->number = parsed;
      } else {
        Conflict(f, "发文字号", f->doc_number->value, number->value);
      }
    }
  }
  if (const Field* t = TableValue(*f, U"成文日期")) {
    const std::optional<parse::DateMatch> date = parse::FindDate(text::Decode(t->value));
    if (date && !f->date) {
      f->date = date->date;
    } else if (date && (date->date.year != f->date->year || date->date.month != f->date->month ||
                        date->date.day != f->date->day)) {
      Conflict(f, "成文日期", DateText(*f->date), t->value);
    }
  }
}

// The elements that only an official document prints.
void WeighEvidence(Reading* r) {
  const OfficialFields& f = r->fields;
  int elements = 0;
  auto note = [&](bool present, const char* what) {
    if (!present) return;
    r->evidence.emplace_back(what);
    ++elements;
  };
  const bool document_mark =
      std::any_of(f.issuer_marks.begin(), f.issuer_marks.end(),
                  [](const Field& m) { return IsDocumentMark(text::Decode(m.value)); });
  note(document_mark || (!f.issuer_marks.empty() && f.doc_number), "发文机关标志");
  note(f.doc_number.has_value(), "文号 line");
  note(!f.recipients.empty(), "主送 line");
  // Signed by an organ (or an office-holder, as a 令 is): a person's letter is not a 公文.
  const bool signed_by_organ =
      std::any_of(f.signatories.begin(), f.signatories.end(), [](const Field& s) {
        const std::u32string name = text::Decode(s.value);
        const auto tokens = Tokens(name);
        const std::u32string_view first =
            tokens.empty() ? std::u32string_view()
                           : std::u32string_view(name).substr(tokens[0].first,
                                                              tokens[0].second - tokens[0].first);
        return parse::IsUnitName(name) ||
               std::find(kOffices.begin(), kOffices.end(), first) != kOffices.end();
      });
  note(f.date_line.has_value() && signed_by_organ, "成文日期 under the signature");
  note(!f.cc.empty() || f.printed_by.has_value(), "版记");
  note(r->closing, "特此… closing");
  note(TableValue(f, U"发文字号") != nullptr || TableValue(f, U"文号") != nullptr,
       "page table 发文字号");
  const bool typed = !f.doc_type.empty();
  if (typed) r->evidence.push_back("文种 " + f.doc_type + " in the title");
  // One element and a 文种 make a 公文 when the title has its form, [issuer]关于[matter]的[文种]
  // (a site's 系统维护公告, signed and dated, is not one); a 报告 read to a meeting has that
  // form too, so a 报告 needs two elements of its own.
  const bool formal = f.title && text::Contains(text::Decode(f.title->value), U"关于");
  r->strong = elements >= 2 || (elements == 1 && typed && formal && f.doc_type != "报告");
}

// The 主送 within the two lines from `*i`; moves `*i` to the body and sets where it starts.
void ReadOpening(const std::vector<Piece>& lines, std::size_t* i, std::size_t* offset,
                 OfficialFields* f) {
  *offset = 0;
  for (std::size_t k = *i; k < lines.size() && k < *i + 2; ++k) {
    if (const std::size_t colon = ReadRecipients(lines[k], f)) {
      const bool whole = Trim(std::u32string_view(lines[k].text).substr(colon)).empty();
      *i = whole ? k + 1 : k;
      *offset = whole ? 0 : colon;
      return;
    }
  }
}

// The 附件说明 from line `first` to the 署名 at `sign`: its names; the body ends above it.
void ReadAttachmentList(const std::vector<Piece>& lines, std::size_t first, std::size_t sign,
                        Reading* r) {
  OfficialFields& f = r->fields;
  const std::size_t at = AttachmentListAt(lines[first].text).value_or(0);
  AddAttachmentName(lines[first], at, false, &f);
  bool numbered = NumberLength(Trim(std::u32string_view(lines[first].text).substr(at))) > 0;
  for (std::size_t j = first + 1; j < sign; ++j) {
    const std::optional<std::size_t> own = AttachmentListAt(lines[j].text);
    AddAttachmentName(lines[j], own.value_or(0), numbered && !own, &f);
    numbered = numbered || NumberLength(Trim(lines[j].text)) > 0;
  }
  r->body_to = first;
}

// The 署名 and the date on one line (郎溪县教育体育局　　2023年9月12日), where no line is a date
// alone: sets them and the body's end, and returns the line after, or `to` when there is none.
std::size_t SignedOnOneLine(const std::vector<Piece>& lines, std::size_t from, std::size_t to,
                            Reading* r) {
  r->body_to = to;
  for (std::size_t k = from; k < to; ++k) {
    const std::u32string_view s = Trim(lines[k].text);
    if (s.size() > kMaxSignatureLine + 20) continue;
    const std::optional<parse::DateMatch> date = parse::FindDate(s);
    if (!date || date->start == 0 || date->start + date->length != s.size()) continue;
    const std::u32string_view unit = Trim(s.substr(0, date->start));
    if (!IsSignatureLine(unit)) continue;
    const std::size_t lead = static_cast<std::size_t>(s.data() - lines[k].text.data());
    r->fields.signatories.push_back(FieldOf(lines[k], lead, lead + date->start));
    r->fields.date_line = FieldOf(lines[k], lead + date->start, lead + s.size());
    r->fields.date = date->date;
    r->issued_by.reset();
    r->body_to = k;
    return k + 1;
  }
  return to;
}

// The signature block after the body: sets the 成文日期, 署名, 附件说明 and the body's end.
// Returns the line after the date (or `to` when there is none).
std::size_t ReadSignature(const std::vector<Piece>& lines, std::size_t from, std::size_t to,
                          Reading* r) {
  OfficialFields& f = r->fields;
  std::size_t date = to;
  std::size_t undersigned = to;  // the first date line with a 署名 above it
  for (std::size_t k = from; k < to && undersigned == to; ++k) {
    if (!DateLine(lines[k])) continue;
    if (date == to) date = k;
    if (k > from && IsSignatureLine(lines[k - 1].text)) undersigned = k;
  }
  if (undersigned != to) date = undersigned;
  if (date == to) return SignedOnOneLine(lines, from, to, r);
  const auto [line, value] = *DateLine(lines[date]);
  r->issued_by.reset();  // a 纪要's 版头 named its office and date: a 署名 says it again
  f.date_line = line;
  f.date = value;
  std::size_t sign = date;
  while (sign > from && date - sign < 4 && IsSignatureLine(lines[sign - 1].text)) --sign;
  for (std::size_t k = sign; k < date; ++k) AddSignatories(lines[k], &f);
  std::size_t after = date + 1;
  if (sign == date) {
    // The date printed above the 署名 (wrong, but seen): the units under it sign.
    while (after < to && after - date <= 3 && IsSignatureLine(lines[after].text)) {
      AddSignatories(lines[after++], &f);
    }
  }
  r->body_to = sign;
  // 附件说明 in the lines above the 署名.
  for (std::size_t k = sign; k > from && sign - k < 12; --k) {
    if (!AttachmentListAt(lines[k - 1].text)) continue;
    // 附件一：… / 附件二：…: each name on a line of its own label; the list starts at the first.
    while (k - 1 > from && AttachmentListAt(lines[k - 2].text)) --k;
    ReadAttachmentList(lines, k - 1, sign, r);
    break;
  }
  return after;
}

// A 决定 or 决议 adopted by a meeting is dated by the note under its title, not by a signature:
// （2023年6月28日XX市第十七届人民代表大会常务委员会第五次会议通过）.
void ReadAdoptionDate(const std::vector<Piece>& lines, std::size_t from, OfficialFields* f) {
  for (std::size_t k = from; k < lines.size() && k < from + 2; ++k) {
    const std::u32string_view s = Trim(lines[k].text);
    if (!IsNoteLine(s) || !(text::Contains(s, U"通过") || text::Contains(s, U"批准"))) continue;
    if (const std::optional<parse::DateMatch> date = parse::FindDate(s)) {
      const std::size_t lead = static_cast<std::size_t>(s.data() - lines[k].text.data());
      f->date_line = FieldOf(lines[k], lead + date->start, lead + date->start + date->length);
      f->date = date->date;
      return;
    }
  }
}

}  // namespace

Reading Read(const std::vector<Piece>& lines, const Metadata& page) {
  Reading r;
  OfficialFields& f = r.fields;
  const std::size_t after_table = ReadTable(lines, &f);
  AddPageMetadata(page, &f);
  std::size_t i = ReadHead(lines, after_table, &r);
  if (std::optional<Field> title = ReadTitle(lines, i, &i)) {
    f.doc_type = Utf8(DocTypeOf(text::Decode(title->value)));
    f.title = std::move(title);
  }
  if (!f.issuer_marks.empty() && EndsWith(text::Decode(f.issuer_marks.back().value), U"令")) {
    f.doc_type = "令";
  }
  // A 纪要 may print no title under its mark: the mark (XX常务会议纪要) is the title.
  if (!f.title && !f.issuer_marks.empty() &&
      EndsWith(text::Decode(f.issuer_marks.back().value), U"纪要")) {
    f.title = f.issuer_marks.back();
    f.doc_type = "纪要";
  }
  // A web copy prints the 文号 under the title.
  if (!f.doc_number && i < lines.size() && ReadNumberLine(lines[i], &f)) ++i;
  std::size_t offset = 0;
  ReadOpening(lines, &i, &offset, &f);
  r.body_from = i;
  const std::size_t end = lines.size();
  const std::size_t record = FindRecord(lines, i, end);
  std::size_t after = ReadSignature(lines, i, record, &r);
  if (r.body_to > r.body_from) {
    // 特此通知。特此通告。特此公告。特此函复。: the closing formula of a 公文's body.
    const std::u32string_view last = Trim(lines[r.body_to - 1].text);
    const std::size_t at = last.rfind(U"特此");
    r.closing = at != std::u32string_view::npos && last.size() - at <= 6;
  }
  while (after < record && IsNoteLine(lines[after].text)) {
    const Piece& line = lines[after++];
    const std::u32string_view s = Trim(line.text);
    const std::size_t lead = static_cast<std::size_t>(s.data() - line.text.data());
    f.notes.push_back(FieldOf(line, lead + 1, lead + s.size() - 1));
  }
  if (after < record) ReadAttachments(lines, after, record, &r);
  ReadRecord(lines, record, end, &f);
  if (!f.date) ReadAdoptionDate(lines, r.body_from, &f);
  WeighEvidence(&r);
  // A 令 is titled by the regulation it promulgates.
  if (f.doc_type == "令" && !f.title && !f.attachments.empty()) {
    f.title = f.attachments.front();
    f.title->span = Span{f.title->span.start, f.title->span.start};
  }
  MergeTable(&f);
  FindIssuers(r.issued_by, &f);
  if (r.body_from < lines.size() && offset > 0) {
    f.body.start = lines[r.body_from].start + offset;
  } else {
    f.body.start = r.body_from < lines.size() ? lines[r.body_from].start : 0;
  }
  f.body.end = r.body_to > r.body_from ? lines[r.body_to - 1].end() : f.body.start;
  r.body_offset = offset;
  return r;
}

namespace {

// An article from lines [from, to), the first `skip` code points of the first line left out.
Article MakeArticle(const std::vector<Piece>& lines, std::size_t from, std::size_t to,
                    std::size_t skip, std::string title, std::optional<std::string> author,
                    std::size_t start) {
  Article article;
  article.title = std::move(title);
  article.author = std::move(author);
  std::vector<Piece> paragraphs;
  for (std::size_t k = from; k < to; ++k) {
    if (k == from && skip > 0) {
      const std::u32string_view rest = std::u32string_view(lines[k].text).substr(skip);
      const std::u32string_view trimmed = Trim(rest);
      paragraphs.push_back(
          Piece{std::u32string(trimmed),
                lines[k].start + skip + static_cast<std::size_t>(trimmed.data() - rest.data())});
    } else {
      paragraphs.push_back(lines[k]);
    }
  }
  article.start = std::min(start, paragraphs.empty() ? start : paragraphs.front().start);
  article.end = paragraphs.empty() ? article.start : paragraphs.back().end();
  article.text_span = paragraphs.empty() ? Span{article.end, article.end}
                                         : Span{paragraphs.front().start, paragraphs.back().end()};
  parse::FindSections(paragraphs, &article);
  return article;
}

}  // namespace

void BuildArticles(const std::vector<Piece>& lines, const Reading& r, Document* doc) {
  const OfficialFields& f = doc->official;
  std::optional<std::string> author;
  if (!f.issuers.empty()) author = f.issuers.front();
  const std::size_t start =
      f.title && f.title->span.end > f.title->span.start ? f.title->span.start : f.body.start;
  doc->parsed.articles.push_back(MakeArticle(lines, r.body_from, std::max(r.body_from, r.body_to),
                                             r.body_offset, f.title ? f.title->value : "", author,
                                             start));
  for (const Reading::Part& part : r.attachment_parts) {
    doc->parsed.articles.push_back(MakeArticle(lines, part.from, part.to, 0, part.title,
                                               std::nullopt, lines[part.title_from].start));
  }
}

}  // namespace gongwen::official
