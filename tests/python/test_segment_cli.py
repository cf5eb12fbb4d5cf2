"""python -m gongwen segment: one line out for each line in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def segment(data: bytes, *args: str) -> bytes:
    result = subprocess.run(
        [sys.executable, "-m", "gongwen", "segment", *args],
        input=data,
        capture_output=True,
        check=True,
    )
    return result.stdout


def test_one_line_out_per_line_in() -> None:
    out = segment("坚持党建引领\n\n2022年以来 GDP增长\n".encode())
    assert out.decode().split("\n") == ["坚持 党建引领", "", "2022年 以来 GDP 增长", ""]


def test_bytes_that_are_not_utf8_pass_through() -> None:
    out = segment(b"\xff\xfe\xe5\x85\x9a\n")
    assert out.replace(b" ", b"") == b"\xff\xfe\xe5\x85\x9a\n"


def test_user_dictionary_and_word_list(tmp_path: Path) -> None:
    user = tmp_path / "user.txt"
    user.write_text("文都e家\n", encoding="utf-8")
    assert (
        segment("打造文都e家平台\n".encode(), "--userdict", str(user)).decode()
        == "打造 文都e家 平台\n"
    )
    words = tmp_path / "words.txt"
    words.write_text("党建\n引领\n", encoding="utf-8")
    assert segment("党建引领\n".encode(), "--dict", str(words)).decode() == "党建 引领\n"
