"""Writes tests/data/archives/: zip archives of documents as researchers download them.

- ``downloads.zip``: two documents of the sample corpus in a folder, a nested archive holding a
  third, a spreadsheet (not read), macOS's ``__MACOSX`` fork and a dot-file (left out), and a
  member whose name climbs out (``../../etc/passwd``: listed, never read).
- ``windows-gbk.zip``: member names in GBK without the UTF-8 flag, as Windows archivers write.

Run from the repository root: ``python tests/data/make_archive_fixtures.py``.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "python/gongwen/data/sample"
OUT = ROOT / "tests/data/archives"
BULLETIN = "anqing-zugong-2023-24.txt"
NOTICE = "example-city-office-2023-120-new-year-holidays.txt"
REPLY = "state-council-office-2019-6-financing-guarantee.txt"


class RawNameInfo(zipfile.ZipInfo):
    """A member whose name is stored as these bytes, without the UTF-8 flag."""

    __slots__ = ("raw",)

    def __init__(self, raw: bytes) -> None:
        super().__init__(raw.decode("cp437"))
        self.raw = raw
        self.compress_type = zipfile.ZIP_DEFLATED

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:  # noqa: N802 (zipfile's name)
        return self.raw, self.flag_bits & ~0x800


def downloads() -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(NOTICE, (SAMPLE / NOTICE).read_bytes())
    with zipfile.ZipFile(OUT / "downloads.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("文件/" + BULLETIN, (SAMPLE / BULLETIN).read_bytes())
        z.writestr("文件/" + REPLY, (SAMPLE / REPLY).read_bytes())
        z.writestr("附件/more.zip", inner.getvalue())
        z.writestr("附件/统计表.xls", b"\xd0\xcf\x11\xe0 not a document gongwen reads")
        z.writestr("__MACOSX/文件/._" + BULLETIN, b"\x00\x05\x16\x07")
        z.writestr("文件/.DS_Store", b"\x00\x00\x00\x01Bud1")
        z.writestr("../../etc/passwd", b"root:x:0:0")


def windows_gbk() -> None:
    with zipfile.ZipFile(OUT / "windows-gbk.zip", "w") as z:
        z.writestr(
            RawNameInfo("关于春节放假的通知.txt".encode("gbk")), (SAMPLE / NOTICE).read_bytes()
        )


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    downloads()
    windows_gbk()
