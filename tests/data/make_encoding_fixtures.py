#!/usr/bin/env python3
"""Regenerates the fixtures in tests/data/encodings/ from the reference bulletin.

A developer tool, not part of the test run: the tests read the committed outputs. Run it from
anywhere with ``python3 tests/data/make_encoding_fixtures.py [SOURCE]``; SOURCE defaults to
``../shared/corpus/anqing-zugong-2023-24.txt`` beside the project root. The PDF needs
``pip install fpdf2`` and the WenQuanYi Micro Hei font (Debian: fonts-wqy-microhei). Every output
is deterministic, so rerunning the script on the same inputs leaves git clean.
"""

from __future__ import annotations

import datetime
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "data" / "encodings"
DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus" / "anqing-zugong-2023-24.txt"
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")

# Lines of the bulletin in traditional characters, converted by hand, for the Big5 sample.
BIG5_LINES = [
    "以黨建為引領 以人民為中心",
    "奮力推進基層治理水平邁上新臺階",
    "中共桐城市委",
    (
        "黨的十八大以來，桐城市深入學習貫徹習近平總書記關於黨的建設的重要思想，"
        "認真貫徹落實韓俊書記在桐城調研基層治理工作時講話精神，深化運用「新時代六尺巷工作法」，"
        "實現矛盾糾紛總量、萬人成訟率大幅下降，基層治理水平得到明顯提升。"
    ),
    "中華人民共和國的一切權力屬於人民。",
]

# Article 1 of the Constitution of the Republic of Korea, for the EUC-KR sample: Hangul whose
# EUC-KR bytes also look like GB2312 hanzi, so it exercises the rule that lets a confident
# Korean guess beat GB18030.
KOREAN = (
    "제1조 ① 대한민국은 민주공화국이다.\n"
    "② 대한민국의 주권은 국민에게 있고, 모든 권력은 국민으로부터 나온다.\n"
)

# A GB18030 text with a character outside GBK (U+20BB7, a four-byte GB18030 sequence).
GB18030_EXTENSION = "“𠮷”是“吉”的异体字，在 GB18030 中用四个字节编码，GBK 无法表示它。\n"

PAGE_NUMBER = re.compile(r"^—\s*\d+\s*—$")
TERMINAL = tuple("。：；！？")


def write(name: str, data: bytes) -> None:
    (OUT / name).write_bytes(data)
    print(f"{name}: {len(data)} bytes")


def paragraphs(text: str) -> list[str]:
    """Re-joins the hard-wrapped lines of the extracted bulletin into paragraphs.

    The source has a blank line between lines, page numbers on lines of their own and lines
    broken at the right margin. The first three lines (title, issue, office and date) are the
    header; after them a paragraph ends with a line that ends in terminal punctuation, and a
    short line without it (an article title, an author) stands alone.
    """
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not PAGE_NUMBER.match(line)]
    result: list[str] = lines[:3]
    current = ""
    for line in lines[3:]:
        if not current and len(line) < 20 and not line.endswith(TERMINAL):
            result.append(line)
            continue
        current += line
        if line.endswith(TERMINAL):
            result.append(current)
            current = ""
    if current:
        result.append(current)
    return result


def encoding_fixtures(text: str) -> None:
    write("anqing.gbk.txt", text.encode("gbk"))
    write("anqing.utf8-bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))
    write("anqing.utf16le-bom.txt", b"\xff\xfe" + text.encode("utf-16-le"))
    write("anqing.utf16be-bom.txt", b"\xfe\xff" + text.encode("utf-16-be"))
    paras = paragraphs(text)
    write("title.gbk.txt", (paras[0] + "\n").encode("gbk"))
    note = next(p for p in paras if p.startswith("编者按"))
    write("paragraph.gbk.txt", (note + "\n").encode("gbk"))
    write("gb18030-extension.txt", GB18030_EXTENSION.encode("gb18030"))
    write("big5.txt", ("\n".join(BIG5_LINES) + "\n").encode("big5"))
    write("big5-line.txt", (BIG5_LINES[1] + "\n").encode("big5"))
    write("korean.euc-kr.txt", KOREAN.encode("euc-kr"))
    # Cut inside the first character of the editor's note's second line (开, three bytes in
    # UTF-8): the file ends with two bytes of it, so the tests expect the error at size - 2.
    utf8 = text.encode("utf-8")
    cut = utf8.index("开。".encode())
    write("truncated_utf8.txt", utf8[: cut + 2])
    # Pseudo-random bytes with every value, NULs included, from a fixed seed.
    rng = random.Random(20230831)
    write("binary_junk.bin", bytes(rng.randrange(256) for _ in range(4096)))


def pdf_fixture(text: str) -> None:
    from fpdf import FPDF
    from fpdf.enums import Align, WrapMode, XPos, YPos

    class Bulletin(FPDF):
        def footer(self) -> None:
            self.set_y(-20)
            self.set_font("wqy", size=12)
            self.cell(0, 8, f"— {self.page_no()} —", align=Align.C)

    pdf = Bulletin(format="A4", unit="mm")
    pdf.set_creation_date(datetime.datetime(2023, 8, 31, tzinfo=datetime.UTC))
    pdf.set_producer("gongwen make_encoding_fixtures.py")
    pdf.set_margins(left=28, top=30, right=26)
    pdf.set_auto_page_break(auto=True, margin=28)
    pdf.add_font("wqy", fname=str(FONT), collection_font_number=0)
    pdf.add_page()

    paras = paragraphs(text)
    header, issue, office = paras[0], paras[1], paras[2]
    pdf.set_text_color(200, 0, 0)
    pdf.set_font("wqy", size=30)
    pdf.cell(0, 18, header, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("wqy", size=14)
    pdf.cell(0, 10, issue, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.cell(0, 10, office, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_draw_color(200, 0, 0)
    pdf.set_line_width(0.8)
    pdf.line(pdf.l_margin, pdf.get_y() + 2, pdf.w - pdf.r_margin, pdf.get_y() + 2)
    pdf.ln(8)

    for para in paras[3:]:
        if len(para) < 20 and not para.endswith(TERMINAL):
            # Article titles and author units are centred on lines of their own.
            title = not para.startswith("中共")
            pdf.set_font("wqy", size=16 if title else 14)
            if title:
                pdf.ln(4)
            pdf.cell(0, 9, para, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            continue
        pdf.set_font("wqy", size=14)
        pdf.multi_cell(
            0,
            8,
            "\u3000\u3000" + para,
            align=Align.J,
            wrapmode=WrapMode.CHAR,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
    data = bytes(pdf.output())
    write("anqing.pdf", data)


def locked_pdf_fixture() -> None:
    """A one-page PDF that needs a user password to open."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(datetime.datetime(2023, 8, 31, tzinfo=datetime.UTC))
    pdf.set_producer("gongwen make_encoding_fixtures.py")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "A bulletin that needs a password.")
    pdf.set_encryption(owner_password="owner", user_password="secret")
    write("locked.pdf", bytes(pdf.output()))


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    text = source.read_text(encoding="utf-8")
    OUT.mkdir(parents=True, exist_ok=True)
    encoding_fixtures(text)
    pdf_fixture(text)
    locked_pdf_fixture()


if __name__ == "__main__":
    main()
