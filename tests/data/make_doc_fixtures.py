#!/usr/bin/env python3
"""Writes tests/data/doc/: Word 97-2003 (.doc) and WPS copies of known texts, for convert_test.

The files are made by LibreOffice itself (``soffice --headless --convert-to doc:"MS Word 97"``),
so their text is known exactly:

- ``bulletin.doc``: the reference bulletin (安庆组工信息 2023年第24期, the sample corpus's
  ``anqing-zugong-2023-24.txt``) read as UTF-8 plain text, one paragraph a line;
- ``approval.doc`` and ``approval.wps`` (the same bytes: a Kingsoft WPS file of these versions is
  a Word 97 compound file): the 批复 of tests/data/official/written/approval.txt;
- ``numbered_table.doc``: a short notice with an automatically numbered list and a table, made
  from HTML, to show that numbering and table structure reach the DOCX.

``<name>.expected.txt`` holds the text each file was made from (for numbered_table, the text
without the list numbers, which Word draws itself). LibreOffice runs with a profile of its own
in a temporary directory, never the user's. A developer tool, not part of the test run: run it
with ``python3 tests/data/make_doc_fixtures.py`` when LibreOffice is installed. The bytes differ
from run to run (LibreOffice stamps the creation time) but the text does not.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = HERE / "doc"

BULLETIN = ROOT / "python" / "gongwen" / "data" / "sample" / "anqing-zugong-2023-24.txt"
APPROVAL = HERE / "official" / "written" / "approval.txt"

NUMBERED_TABLE_LINES = [
    "关于做好2024年春节假期有关工作的通知",
    "各县（市、区）人民政府，市政府各部门：",
    "加强值班值守。",
    "做好安全生产工作。",
    "单位名称\t联系人",
    "市政府办公室\t张三",
    "特此通知。",
]
NUMBERED_TABLE_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>春节假期</title></head><body>
<p>{0}</p><p>{1}</p>
<ol><li>{2}</li><li>{3}</li></ol>
<table border="1"><tr><td>单位名称</td><td>联系人</td></tr>
<tr><td>市政府办公室</td><td>张三</td></tr></table>
<p>{6}</p>
</body></html>
""".format(*NUMBERED_TABLE_LINES)


def soffice(profile: Path, args: list[str]) -> None:
    """Runs LibreOffice headless with its own profile; raises when it fails."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        raise SystemExit("LibreOffice is needed: apt-get install libreoffice-writer-nogui")
    command = [
        program,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--nologo",
        *args,
    ]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, timeout=300)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gongwen-doc-fixtures-") as tmp:
        work = Path(tmp)
        profile = work / "profile"
        sources = {
            "bulletin.txt": BULLETIN.read_text(encoding="utf-8"),
            "approval.txt": APPROVAL.read_text(encoding="utf-8"),
        }
        for name, text in sources.items():
            (work / name).write_text(text, encoding="utf-8")
            (OUT / name.replace(".txt", ".expected.txt")).write_text(text, encoding="utf-8")
        (work / "numbered_table.html").write_text(NUMBERED_TABLE_HTML, encoding="utf-8")
        expected = "\n".join(NUMBERED_TABLE_LINES) + "\n"
        (OUT / "numbered_table.expected.txt").write_text(expected, encoding="utf-8")

        out = work / "out"
        texts = [str(work / name) for name in sources]
        soffice(
            profile,
            [
                "--infilter=Text (encoded):UTF8,LF,,,",
                "--convert-to",
                "doc:MS Word 97",
                "--outdir",
                str(out),
                *texts,
            ],
        )
        soffice(
            profile,
            [
                "--writer",
                "--convert-to",
                "doc:MS Word 97",
                "--outdir",
                str(out),
                str(work / "numbered_table.html"),
            ],
        )
        for name in ("bulletin.doc", "approval.doc", "numbered_table.doc"):
            shutil.copyfile(out / name, OUT / name)
        shutil.copyfile(out / "approval.doc", OUT / "approval.wps")
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
