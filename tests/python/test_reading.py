"""Reading and decoding files, and cleaning extracted text, through the Python API."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from testdata import DATA, REFERENCE

import gongwen

ENCODINGS = DATA / "encodings"


def digest(path: Path) -> tuple[str, float]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("anqing.gbk.txt", "GB18030"),
        ("anqing.utf16le-bom.txt", "UTF-16LE"),
        ("anqing.utf16be-bom.txt", "UTF-16BE"),
        ("anqing.utf8-bom.txt", "UTF-8"),
    ],
)
def test_every_encoding_reads_to_the_same_text(
    name: str, encoding: str, reference_text: str
) -> None:
    path = ENCODINGS / name
    before = digest(path)
    assert gongwen.read_text(path) == reference_text
    assert gongwen.detect_encoding(path) == encoding
    assert digest(path) == before  # files are never modified


def test_short_gbk_texts_are_detected_as_chinese() -> None:
    assert "全市组织工作会议召开" in gongwen.read_text(ENCODINGS / "paragraph.gbk.txt")
    assert gongwen.detect_encoding(ENCODINGS / "title.gbk.txt") == "GB18030"


def test_forced_encoding(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("组工信息".encode("gbk"))
    assert gongwen.read_text(path, encoding="gbk") == "组工信息"
    with pytest.raises(ValueError, match="encoding"):
        gongwen.read_text(path, encoding="no-such-encoding")


def test_pdf_text_in_reading_order() -> None:
    text = gongwen.read_text(ENCODINGS / "anqing.pdf")
    assert "\f" in text  # pages
    assert text.index("安庆组工信息") < text.index("中共桐城市委") < text.index("中共迎江区委")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as missing:
        gongwen.read_text(tmp_path / "missing.txt")
    assert missing.value.filename == str(tmp_path / "missing.txt")
    with pytest.raises(IsADirectoryError):
        gongwen.read_text(tmp_path)


def test_undecodable_bytes_name_the_file_and_the_offset() -> None:
    path = ENCODINGS / "binary_junk.bin"
    with pytest.raises(gongwen.DecodeError) as error:
        gongwen.read_text(path)
    assert isinstance(error.value, ValueError)
    assert error.value.path == str(path)
    assert isinstance(error.value.offset, int) and error.value.offset >= 0
    assert str(path) in str(error.value) and "offset" in str(error.value)


def test_junk_is_refused_rather_than_read_as_a_western_charset(tmp_path: Path) -> None:
    junk = DATA / "hostile" / "overlong_and_ff.txt"  # windows-1252 would read "Á¿à€¯øˆ€ÿþý"
    with pytest.raises(gongwen.DecodeError, match="does not read as text"):
        gongwen.read_text(junk)
    french = tmp_path / "french.txt"
    sentence = "« L’État a décidé », a-t-il dit. Les élèves étudient l’histoire de la République."
    french.write_bytes(sentence.encode("cp1252"))
    assert gongwen.read_text(french) == sentence
    russian = tmp_path / "russian.txt"
    russian.write_bytes(("Государственная Дума приняла закон. " * 3).encode("cp1251"))
    assert gongwen.read_text(russian).startswith("Государственная Дума")


def test_truncated_utf8_is_an_error_at_its_offset() -> None:
    path = ENCODINGS / "truncated_utf8.txt"
    data = path.read_bytes()
    with pytest.raises(gongwen.DecodeError) as error:
        gongwen.read_text(path)
    assert error.value.offset < len(data)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert gongwen.read_text(path) == ""
    with pytest.raises(gongwen.EmptyDocumentError):
        gongwen.read_bulletin(path)


def test_corrupt_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes((ENCODINGS / "anqing.pdf").read_bytes()[:2000])
    with pytest.raises(gongwen.DecodeError):
        gongwen.read_text(path)


def test_fifty_megabytes_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "one-line.txt"
    unit = "党建引领基层治理，乡村振兴。"
    count = 50_000_000 // len(unit.encode("utf-8")) + 1
    path.write_text(unit * count, encoding="utf-8")
    text = gongwen.read_text(path)
    assert len(text) == len(unit) * count
    b = gongwen.parse_bulletin(text)
    assert len(b.articles) == 1 and b.articles[0].n_chars == len(text)


def test_decode_bytes_matches_read_text(reference_text: str) -> None:
    data = (ENCODINGS / "anqing.gbk.txt").read_bytes()
    assert gongwen.decode_bytes(data) == reference_text
    with pytest.raises(TypeError):
        gongwen.decode_bytes("not bytes")


def test_paths_may_be_pathlib_or_str() -> None:
    assert gongwen.read_text(REFERENCE) == gongwen.read_text(os.fspath(REFERENCE))
    with pytest.raises(TypeError, match="path"):
        gongwen.read_text(42)


def test_clean_text(reference_text: str) -> None:
    cleaned = gongwen.clean_text(reference_text)
    assert "— 3 —" not in cleaned
    assert "2023年8月31日" in cleaned
    assert "会议召开。" in cleaned
    assert "\n以党建为引领 以人民为中心\n" in cleaned
    assert gongwen.clean_text("共 6 家\n— 3 —", drop_page_numbers=False, fix_spaces=False) == (
        "共 6 家\n— 3 —"
    )
