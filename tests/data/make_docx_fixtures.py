#!/usr/bin/env python3
"""Regenerates tests/data/docx/: Word and LibreOffice packages of real documents' texts.

A developer tool, not part of the test run (the tests read the committed files). It needs
python-docx (a test-only tool: ``pip install python-docx``) and LibreOffice (``soffice``) for
the ODT copies, and the gongwen package for ``clean_text`` (the bulletin's text is a PDF
extraction, re-joined into paragraphs first). Run it with the project's virtualenv::

    .venv/bin/python tests/data/make_docx_fixtures.py

For each document it writes ``<name>.docx``, ``<name>.odt`` (converted by LibreOffice) and
``<name>.expected.txt``, the text a reader must give: one paragraph a line, the 一、（一）1.（1）
heading numbers as Word prints them although the runs hold only the heading's words (the
numbers come from numbering.xml), table rows as cells joined by tabs, the text box once, after
its paragraph, the footnotes at the end; no deleted revision, no field instruction, no header
or footer.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

import gongwen

HERE = Path(__file__).resolve().parent
OUT = HERE / "docx"
SAMPLE = HERE.parent.parent / "python" / "gongwen" / "data" / "sample"
WRITTEN = HERE / "official" / "written"

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# The four levels of a 公文's headings (GB/T 9704): 一、 （一） 1. （1）.
LEVELS = [
    ("chineseCounting", "%1、", re.compile(r"^([一二三四五六七八九十]+)、")),
    ("chineseCounting", "（%2）", re.compile(r"^（([一二三四五六七八九十]+)）")),
    ("decimal", "%3.", re.compile(r"^(\d+)[.．](?!\d)")),
    ("decimal", "（%4）", re.compile(r"^（(\d+)）")),
]
CHINESE = "一二三四五六七八九"


def chinese_value(s: str) -> int:
    """一..九十九 as a number."""
    if s.isdigit():
        return int(s)
    if "十" not in s:
        return CHINESE.index(s) + 1
    tens, _, ones = s.partition("十")
    value = (CHINESE.index(tens) + 1 if tens else 1) * 10
    return value + (CHINESE.index(ones) + 1 if ones else 0)


def heading_level(text: str) -> tuple[int, int, str] | None:
    """(level, value, the text after the number) of a numbered heading, or None."""
    for level, (_, _, pattern) in enumerate(LEVELS):
        m = pattern.match(text)
        if m and len(text) > m.end():
            return level, chinese_value(m.group(1)), text[m.end() :]
    return None


class Numbering:
    """The abstract numbering of the four levels and the num instances that restart it."""

    def __init__(self, document: docx.document.Document) -> None:
        self.element = document.part.numbering_part.element
        for child in list(self.element):
            self.element.remove(child)
        levels = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
            for i, (fmt, text, _) in enumerate(LEVELS)
        )
        self.element.append(
            parse_xml(f'<w:abstractNum {W_NS} w:abstractNumId="0">{levels}</w:abstractNum>')
        )
        self.counters = [0, 0, 0, 0]
        self.num_id = 0

    def new_num(self, level: int, start: int) -> int:
        """A num instance over the abstract numbering whose `level` restarts at `start`."""
        self.num_id += 1
        override = (
            f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            if self.num_id > 1
            else ""
        )
        self.element.append(
            parse_xml(
                f'<w:num {W_NS} w:numId="{self.num_id}"><w:abstractNumId w:val="0"/>{override}</w:num>'
            )
        )
        return self.num_id

    def number(self, level: int, value: int) -> int:
        """The numId that makes Word print `value` at `level` next (a new instance if needed)."""
        if self.num_id == 0 or self.counters[level] + 1 != value:
            if self.num_id == 0 and value != 1:
                self.new_num(0, 1)
            num_id = self.new_num(level, value)
        else:
            num_id = self.num_id
        self.counters[level] = value
        for deeper in range(level + 1, len(self.counters)):
            self.counters[deeper] = 0
        return num_id


def set_numbering(paragraph, num_id: int, level: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(
        parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def add_paragraphs(document, numbering: Numbering, lines: list[str], expected: list[str]) -> None:
    """Each line a paragraph; numbered headings get their number from numbering.xml."""
    for line in lines:
        found = heading_level(line)
        if found is None:
            document.add_paragraph(line)
        else:
            level, value, rest = found
            set_numbering(document.add_paragraph(rest), numbering.number(level, value), level)
        expected.append(line)


def add_table(document, rows: list[list[str]], expected: list[str]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
        expected.append("\t".join(row))


def add_text_box(paragraph, text: str) -> None:
    """A floating text box as Word 2010+ writes it: a wps shape, and a VML fallback."""
    run = parse_xml(
        f"""<w:r {nsdecls("w", "wp", "a")}
  xmlns:v="urn:schemas-microsoft-com:vml"
  xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
  xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
 <mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
  <wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0"
    locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>
   <wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>
   <wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
   <wp:extent cx="2000000" cy="500000"/><wp:wrapSquare wrapText="bothSides"/>
   <wp:docPr id="10" name="Text Box 10"/>
   <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
    <wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2000000" cy="500000"/></a:xfrm>
     <a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>
     <wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx>
     <wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
 <mc:Fallback><w:pict><v:shape id="tb10" style="width:157pt;height:39pt" type="#_x0000_t202">
  <v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox>
 </v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"""
    )
    paragraph._p.append(run)


def add_revisions(paragraph, kept: str, deleted: str, inserted: str) -> str:
    """Text, a deleted run, an inserted run; returns what the reader must give."""
    paragraph.add_run(kept)
    paragraph._p.append(
        parse_xml(
            f'<w:del {W_NS} w:id="901" w:author="审核人" w:date="2023-12-19T09:00:00Z">'
            f"<w:r><w:delText>{deleted}</w:delText></w:r></w:del>"
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:ins {W_NS} w:id="902" w:author="审核人" w:date="2023-12-19T09:00:00Z">'
            f"<w:r><w:t>{inserted}</w:t></w:r></w:ins>"
        )
    )
    return kept + inserted


def add_date_field(paragraph, shown: str) -> None:
    """A DATE field: its instruction must not show, its last result must."""
    for xml in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText xml:space="preserve"> CREATEDATE \\@ "yyyy年M月d日" </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r><w:t>{shown}</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {W_NS}>", 1)))


FOOTNOTES_XML = f"""<w:footnotes {W_NS}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
</w:footnotes>"""


def add_footnote(document, paragraph, text: str, number: int) -> str:
    """A footnote on `paragraph`; returns the line the reader gives for it."""
    part = document.part
    footnotes = getattr(document, "_gongwen_footnotes", None)
    if footnotes is None:
        footnotes = XmlPart(
            PackURI("/word/footnotes.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
            parse_xml(FOOTNOTES_XML),
            part.package,
        )
        part.relate_to(footnotes, RT.FOOTNOTES)
        document._gongwen_footnotes = footnotes
    note = parse_xml(
        f'<w:footnote {W_NS} w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
    )
    footnotes._element.append(note)
    paragraph._p.append(
        parse_xml(
            f'<w:r {W_NS}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{number}"/></w:r>'
        )
    )
    return f"{number} {text}"


def new_document(title: str, author: str) -> tuple[docx.document.Document, Numbering]:
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = author
    document.core_properties.created = __import__("datetime").datetime(2023, 12, 18, 9, 30, 0)
    section = document.sections[0]
    section.header.paragraphs[0].text = "页眉：不应出现在正文中"
    section.footer.paragraphs[0].text = "页脚：第 1 页"
    return document, Numbering(document)


def read_lines(path: Path, clean: bool = False) -> list[str]:
    text = path.read_text(encoding="utf-8")
    if clean:
        text = gongwen.clean_text(text)
    return [line.strip().replace("\u3000", "") for line in text.splitlines() if line.strip()]


def city_notice(expected: list[str]) -> docx.document.Document:
    """The city government's holiday notice: four 一、 headings, a table, a text box, a field."""
    lines = read_lines(SAMPLE / "example-city-office-2023-120-new-year-holidays.txt")
    body_start = lines.index("安庆市人民政府办公室关于做好2024年元旦春节期间有关工作的通知")
    lines = lines[body_start:]
    document, numbering = new_document(lines[0], "安庆市人民政府办公室")
    signature = lines.index("安庆市人民政府办公室")
    add_paragraphs(document, numbering, lines[:2], expected)
    # The revision: a deleted word and an inserted one in the 主送 line.
    p = document.add_paragraph()
    expected.append(add_revisions(p, "各县、市、区人民政府，市政府各部门", "及有关单位", "："))
    add_paragraphs(document, numbering, lines[3:signature], expected)
    p = document.paragraphs[-1]
    add_text_box(p, "值班电话：0556-5500000")
    expected.append("值班电话：0556-5500000")
    add_table(
        document,
        [
            ["日期", "带班领导", "值班人员"],
            ["12月30日", "张明", "李华"],
            ["2024年1月1日", "王强", "赵敏"],
        ],
        expected,
    )
    add_paragraphs(document, numbering, [lines[signature]], expected)
    p = document.add_paragraph()
    add_date_field(p, lines[signature + 1])
    expected.append(lines[signature + 1])
    note = document.add_paragraph(lines[signature + 2])
    expected.append(lines[signature + 2])
    expected.append(add_footnote(document, note, "本通知自印发之日起施行。", 1))
    return document


def measures_notice(expected: list[str]) -> docx.document.Document:
    """The province's measures: 第一章/第一条 text with （一） items numbered by Word."""
    lines = read_lines(WRITTEN / "notice_issue_measures.txt")
    title = "安徽省人力资源和社会保障厅关于印发《安徽省职业技能等级认定工作管理办法》的通知"
    document, numbering = new_document(title, "安徽省人力资源和社会保障厅")
    notes: list[str] = []
    add_paragraphs(document, numbering, lines, expected)
    p = document.paragraphs[-1]
    notes.append(add_footnote(document, p, "职业技能等级认定：按国家职业技能标准开展的评价。", 1))
    expected.extend(notes)
    return document


def bulletin(expected: list[str]) -> docx.document.Document:
    """The reference bulletin (a PDF extraction re-joined into paragraphs)."""
    lines = read_lines(SAMPLE / "anqing-zugong-2023-24.txt", clean=True)
    document, numbering = new_document("安庆组工信息 第24期", "中共安庆市委组织部研究室")
    add_paragraphs(document, numbering, lines, expected)
    return document


FIXTURES = {"city_notice": city_notice, "measures_notice": measures_notice, "bulletin": bulletin}


def convert_to_odt(docx_path: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                "soffice",
                "-env:UserInstallation=file:///tmp/lo-profile-docx",
                "--headless",
                "--convert-to",
                "odt",
                "--outdir",
                tmp,
                str(docx_path),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        shutil.move(Path(tmp) / (docx_path.stem + ".odt"), docx_path.with_suffix(".odt"))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, build in FIXTURES.items():
        expected: list[str] = []
        document = build(expected)
        path = OUT / f"{name}.docx"
        document.save(path)
        (OUT / f"{name}.expected.txt").write_text("\n".join(expected) + "\n", encoding="utf-8")
        convert_to_odt(path)
        print(f"{path.name}: {path.stat().st_size} bytes, {len(expected)} lines")


if __name__ == "__main__":
    main()
