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

from pathlib import Path

OUT = Path(__file__).resolve().parent / "hostile"

SENTENCE = "坚持党建引领，推动乡村振兴。"

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
}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, data in FIXTURES.items():
        (OUT / name).write_bytes(data)
    print(f"wrote {len(FIXTURES)} files to {OUT}")


if __name__ == "__main__":
    main()
