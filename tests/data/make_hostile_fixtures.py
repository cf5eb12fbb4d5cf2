#!/usr/bin/env python3
"""Regenerates tests/data/hostile/: the inputs scrapers and PDF converters produce at their worst.

A developer tool, not part of the test run: the C++ and Python tests read the committed files
(the fuzz targets use them as seeds too). Run it with ``python3 tests/data/make_hostile_fixtures.py``;
the output is deterministic. The two large cases (10 MB without a newline, a 1 GB sparse file)
are not committed: the tests make them in a temporary directory (see ``large_hostile_files`` in
tests/python/testdata.py and ``HostileTest`` in tests/cpp/hostile_test.cc).

Each file is named for what it holds; every one must be read, decoded or refused with a clear
error, parsed, segmented (tokens covering the text) and vectorized without a crash or a hang.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent / "hostile"

SENTENCE = "坚持党建引领，推动乡村振兴。"


def raw_zip(entries: list[dict]) -> bytes:
    """A zip archive written byte by byte, so that it can lie: each entry is a dict with ``name``
    (bytes), ``data`` (bytes), and optionally ``flags`` (0x800 marks a UTF-8 name, 1 encryption),
    ``deflate`` (default True), ``size`` (the inflated size claimed), ``crc`` (the CRC claimed),
    ``offset`` (the central directory's offset of the local header: entries sharing one overlap)
    and ``raw`` (compressed bytes given as they are)."""
    body = b""
    central = b""
    offsets: list[int] = []
    for entry in entries:
        data = entry["data"]
        deflate = entry.get("deflate", True)
        if "raw" in entry:
            packed = entry["raw"]
        elif deflate:
            packer = zlib.compressobj(9, zlib.DEFLATED, -15)
            packed = packer.compress(data) + packer.flush()
        else:
            packed = data
        crc = entry.get("crc", zlib.crc32(data))
        size = entry.get("size", len(data))
        flags = entry.get("flags", 0)
        method = 8 if deflate else 0
        name = entry["name"]
        offset = entry.get("offset")
        if offset is None:
            offset = len(body)
            body += (
                struct.pack(
                    "<IHHHHHIIIHH",
                    0x04034B50,
                    20,
                    flags,
                    method,
                    0,
                    0x21,
                    crc,
                    len(packed),
                    size,
                    len(name),
                    0,
                )
                + name
                + packed
            )
        offsets.append(offset)
        central += (
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                flags,
                method,
                0,
                0x21,
                crc,
                len(packed),
                size,
                len(name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + name
        )
    end = struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(body), 0
    )
    return body + central + end


def overlapping_bomb(copies: int) -> bytes:
    """One deflated MiB of text that many central directory entries point to (each reads it)."""
    kernel = {
        "name": b"kernel.xml",
        "data": SENTENCE.encode() * ((1 << 20) // len(SENTENCE.encode())),
    }
    first = raw_zip([kernel])
    # The local header and data once, then a central directory naming it `copies` times.
    body = first[: first.index(struct.pack("<I", 0x02014B50))]
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(kernel["data"]) + packer.flush()
    directory = b""
    for i in range(copies):
        name = b"kernel.xml" if i == 0 else f"copy{i}.xml".encode()
        directory += (
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0x21,
                zlib.crc32(kernel["data"]),
                len(packed),
                len(kernel["data"]),
                len(name),
                0,
                0,
                0,
                0,
                0,
                0,
            )
            + name
        )
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, copies, copies, len(directory), len(body), 0)
    return body + directory + end


DOCUMENT = (
    "<w:document><w:body><w:p><w:r><w:t>" + SENTENCE + "</w:t></w:r></w:p></w:body></w:document>"
).encode()
VALID_ZIP = raw_zip(
    [
        {"name": b"word/document.xml", "data": DOCUMENT},
        {"name": b"a.txt", "data": SENTENCE.encode() * 50},
    ]
)

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(document: str, numbering: str = "") -> bytes:
    """A DOCX package around `document` (word/document.xml) and an optional numbering part."""
    members = [
        ("[Content_Types].xml", '<?xml version="1.0"?><Types/>'),
        ("word/document.xml", document),
    ]
    if numbering:
        members.append(("word/numbering.xml", numbering))
    return raw_zip([{"name": name.encode(), "data": data.encode()} for name, data in members])


def paragraphs(body: str) -> str:
    return f"<w:document {W_NS}><w:body>{body}</w:body></w:document>"


LAUGHS = "".join(
    f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10 if i else "哈"}">' for i in range(10)
)

# DOCX at its worst: XML entities (billion laughs, an external entity), nesting deeper than any
# parser's stack, numbering that counts past every limit, a package cut short. Each is read
# as text without expanding or fetching anything, or refused with a DecodeError.
DOCX_FIXTURES: dict[str, bytes] = {
    "docx_billion_laughs.docx": docx(
        f'<?xml version="1.0"?><!DOCTYPE w:document [{LAUGHS}]>'
        + paragraphs(f"<w:p><w:r><w:t>{SENTENCE}&l9;</w:t></w:r></w:p>")
    ),
    "docx_external_entity.docx": docx(
        '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        + paragraphs(f"<w:p><w:r><w:t>{SENTENCE}&xxe;</w:t></w:r></w:p>")
    ),
    "docx_deep_nesting.docx": docx(
        paragraphs(
            "<w:tbl><w:tr><w:tc>" * 20000
            + f"<w:p><w:r><w:t>{SENTENCE}</w:t></w:r></w:p>"
            + "</w:tc></w:tr></w:tbl>" * 20000
        )
    ),
    "docx_numbering_overflow.docx": docx(
        paragraphs(
            "".join(
                f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>'
                f"</w:pPr><w:r><w:t>{SENTENCE}</w:t></w:r></w:p>"
                for level in ("0", "0", "99999999999", "-1")
            )
        ),
        f'<w:numbering {W_NS}><w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="9223372036854775807"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1%1%1%1%1%1%1%1%9、"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>',
    ),
    "docx_truncated.docx": VALID_ZIP[: len(VALID_ZIP) * 2 // 3],
}

# Web pages at their worst: nested 20,000 deep (html_test.cc goes to 100,000), text without a tag, bytes that the declared
# charset cannot decode, a page of nothing but its site, a broken MHT archive.
HTML_FIXTURES: dict[str, bytes] = {
    "html_deep_nesting.html": (
        "<html><body>" + "<div>" * 20000 + SENTENCE + "</div>" * 20000 + "</body></html>"
    ).encode(),
    "html_without_tags.html": ("<html><body>" + SENTENCE * 5000).encode(),
    "html_bad_bytes.html": b'<html><head><meta charset="gb2312"></head><body><p>'
    + SENTENCE.encode("gbk")
    + b"\xff\xff\x80</p></body></html>",
    "html_site_only.html": (
        '<html><head><title>某县人民政府</title><script>var a = "<p>脚本</p>";</script></head>'
        '<body><div class="nav"><a href="/">首页</a> <a href="/zwgk">政务公开</a></div>'
        '<div class="footer">版权所有 网站标识码：3408250001 皖ICP备05001234号</div></body></html>'
    ).encode(),
    "html_broken_mht.mht": (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/html; charset=gbk\r\nContent-Transfer-Encoding: base64\r\n"
        b"\r\n!!!not base64!!!"
    ),
}

# Zip archives at their worst: every one must be refused with a DecodeError, or its bad members
# marked and refused, without a crash and without inflating past the limits.
ZIP_FIXTURES: dict[str, bytes] = {
    # A member whose directory entries claim 20 bytes but that inflates to 4 MiB.
    "zip_lying_size.zip": raw_zip(
        [{"name": b"small.txt", "data": b"0123456789" * 419430, "size": 20}]
    ),
    # 600 directory entries sharing one deflated MiB: 600 MiB read from a few KiB.
    "zip_overlapping_bomb.zip": overlapping_bomb(600),
    # Names that climb out of a directory, are absolute, or name a Windows drive.
    "zip_unsafe_names.zip": raw_zip(
        [
            {"name": b"../../etc/passwd", "data": b"root:x:0:0"},
            {"name": b"/etc/passwd", "data": b"root:x:0:0"},
            {"name": b"C:\\x", "data": b"x"},
            {"name": b"dir\\..\\..\\up.txt", "data": b"x"},
            {"name": b"ok/fine.txt", "data": SENTENCE.encode()},
        ]
    ),
    # Chinese names in GBK without the UTF-8 flag (Windows archivers), and in UTF-8 with it.
    "zip_gbk_names.zip": raw_zip(
        [
            {"name": "关于印发通知的通知.docx".encode("gbk"), "data": b"gbk"},
            {"name": "附件/实施办法.txt".encode("gbk"), "data": b"gbk"},
            {"name": "附件二.txt".encode(), "data": b"utf8", "flags": 0x800},
        ]
    ),
    # Traditional PKWARE encryption (flag bit 0): listed, refused when read.
    "zip_encrypted.zip": raw_zip(
        [{"name": b"secret.txt", "data": bytes(range(64)), "flags": 1, "deflate": False}]
    ),
    "zip_crc_error.zip": raw_zip(
        [{"name": b"a.txt", "data": SENTENCE.encode() * 20, "crc": 0x12345678}]
    ),
    "zip_corrupt_deflate.zip": raw_zip(
        [{"name": b"a.txt", "data": b"x" * 100, "raw": b"\xff\xfe" + bytes(range(60))}]
    ),
    "zip_truncated.zip": VALID_ZIP[: len(VALID_ZIP) // 2],
    "zip_truncated_directory.zip": VALID_ZIP[:-10],
    # A zip inside a zip: the outer member is bytes, read as any other.
    "zip_nested.zip": raw_zip([{"name": b"inner.zip", "data": VALID_ZIP, "deflate": False}]),
    "zip_empty.zip": raw_zip([]),
}

FIXTURES: dict[str, bytes] = {
    # Bytes that are not UTF-8: stray continuation bytes, overlong forms, a truncated sequence,
    # UTF-16 surrogates encoded as UTF-8 (lone surrogates on the Python side), 0xFF.
    "invalid_utf8.txt": SENTENCE.encode() + b"\x80\xbf\xc0\xaf\xe4\xb8" + SENTENCE.encode(),
    "overlong_and_ff.txt": b"\xc1\xbf\xe0\x80\xaf\xf8\x88\x80\x80\x80\xff\xfe\xfd" * 20,
    "lone_surrogates_utf8.txt": SENTENCE.encode() + b"\xed\xa0\x80\xed\xbf\xbf" + b"abc",
    "nul_in_text.txt": SENTENCE.encode() + b"\x00" + SENTENCE.encode(),
    "all_c0_controls.txt": bytes(range(32)) + SENTENCE.encode() + bytes(range(1, 32)) + b"\x7f",
    "controls_between_lines.txt": "\n".join(
        f"{SENTENCE}{chr(c)}{SENTENCE}" for c in range(1, 32) if c not in (10, 13)
    ).encode(),
    # Every byte-order mark, with and without text after it, and U+FEFF inside the text.
    "bom_utf8.txt": b"\xef\xbb\xbf" + SENTENCE.encode(),
    "bom_utf8_only.txt": b"\xef\xbb\xbf",
    "bom_utf16le.txt": b"\xff\xfe" + SENTENCE.encode("utf-16-le"),
    "bom_utf16be.txt": b"\xfe\xff" + SENTENCE.encode("utf-16-be"),
    "bom_utf32le.txt": b"\xff\xfe\x00\x00" + SENTENCE.encode("utf-32-le"),
    "bom_utf32be.txt": b"\x00\x00\xfe\xff" + SENTENCE.encode("utf-32-be"),
    "bom_gb18030.txt": b"\x84\x31\x95\x33" + SENTENCE.encode("gb18030"),
    "bom_utf16le_odd_length.txt": b"\xff\xfe" + SENTENCE.encode("utf-16-le") + b"\x41",
    "bom_twice.txt": b"\xef\xbb\xbf\xef\xbb\xbf" + SENTENCE.encode(),
    "feff_inside.txt": ("坚持\ufeff党建\ufeff引领\n\ufeff一是\ufeff书记项目。").encode(),
    # Unicode that segmenters and offset arithmetic get wrong.
    "combining_marks.txt": "党\u0301建\u0308\u20dd引领 e\u0301te\u0301 a\u0300\u0301\u0302\u0303".encode(),
    "emoji_zwj.txt": (
        "党建👨‍👩‍👧‍👦引领🏳️‍🌈乡村振兴👍🏽🇨🇳，一是🧑🏻‍💻书记项目。\u200d\u200c\ufe0f"
    ).encode(),
    "astral_cjk.txt": "\U00020000\U0002a6d6\U00030000党建\U0002b740引领𠀀𡃁".encode(),
    "right_to_left.txt": "党建 \u202eمرحبا بالعالم\u202c שלום 引领 \u200f\u200e".encode(),
    "mixed_scripts_width.txt": "ＡＢＣ１２３ａｂｃ，党建①②③Ⅻ㈠㊀ｶﾀｶﾅ".encode(),
    # Empty and nearly empty inputs.
    "empty.txt": b"",
    "only_newlines.txt": b"\n\r\n\r" * 100,
    "only_spaces.txt": " \t\u3000".encode() * 100,
    "only_punctuation.txt": "，。、；：？！“”（）《》——……".encode() * 10,
    # Bulletin structure gone wrong: markers without text, deep nesting, numbers everywhere.
    "markers_only.txt": "\n".join(
        ["一、", "（一）", "1.", "一是", "编者按：", "抄送：", "第", "期"] * 30
    ).encode(),
    "page_numbers_only.txt": "\n".join(f"- {i} -" for i in range(500)).encode(),
    "header_fields_repeated.txt": ("组工信息\n第24期（总第500期）\n2023年8月31日\n" * 200).encode(),
    "one_long_line.txt": (SENTENCE * 5000).encode(),
    "long_word.txt": ("党" * 20000 + "\n" + "a" * 20000 + "\n" + "1" * 20000).encode(),
    # Not text at all.
    "binary_elf_header.bin": b"\x7fELF\x02\x01\x01" + bytes(200),
    "truncated_pdf.pdf": b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog",
    "zip_header.bin": b"PK\x03\x04" + bytes(range(256)),
    **ZIP_FIXTURES,
    **DOCX_FIXTURES,
    **HTML_FIXTURES,
}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, data in FIXTURES.items():
        (OUT / name).write_bytes(data)
    print(f"wrote {len(FIXTURES)} files to {OUT}")


if __name__ == "__main__":
    main()
