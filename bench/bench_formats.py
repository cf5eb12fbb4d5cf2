"""Reading each format: characters a second of every reader on the same text, peak memory on a
100 MB DOCX and a 50 MB web page, DOC through LibreOffice on one and two threads, and a folder
of 10,000 mixed files loaded on every core.

The same text (the 2024 government work report and the reference bulletin, repeated to about
`--chars` characters) is written as text, PDF, DOCX and ODT (converted by LibreOffice), a web
page in GBK inside a site's navigation, and OFD (laid out by tests/data/make_same_fixtures.py);
each is read with ``gongwen.read_text`` in interleaved rounds, the best kept. PDF through
poppler is the reference the issue set: DOCX and OFD should be at least as fast per character.
Run from the project root (LibreOffice must be installed: ``make setup-test``):

    .venv/bin/python bench/bench_formats.py [--rounds 3] [--chars 1000000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import gongwen

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "data"))
import make_same_fixtures as same  # noqa: E402

SAME = ROOT / "tests/data/same"
SOURCES = [
    ROOT / "python/gongwen/data/sample/gov-work-report-2024.txt",
    ROOT / "python/gongwen/data/sample/anqing-zugong-2023-24.txt",
]


def corpus_text(chars: int) -> str:
    text = "\n".join(p.read_text("utf-8") for p in SOURCES)
    return (text * (chars // len(text) + 1))[:chars]


def write_formats(text: str, folder: Path) -> dict[str, Path]:
    plain = folder / "text.txt"
    plain.write_text(text, "utf-8")
    files = {"text": plain}
    for target in ("pdf", "docx", "odt"):
        files[target] = same.soffice(plain, target, folder, folder / "profile")
    files["html"] = folder / "page.html"
    files["html"].write_bytes(same.web_page(text, "关于做好有关工作的通知"))
    files["ofd"] = folder / "text.ofd"
    same.ofd_package(text, "bench", files["ofd"])
    return files


def reading_speed(files: dict[str, Path], rounds: int) -> None:
    best = {name: float("inf") for name in files}
    chars = {}
    for _ in range(rounds):
        for name, path in files.items():
            start = time.perf_counter()
            chars[name] = len(gongwen.read_text(path))
            best[name] = min(best[name], time.perf_counter() - start)
    pdf = chars["pdf"] / best["pdf"]
    print(f"{'format':<8}{'file MB':>9}{'chars':>11}{'seconds':>9}{'M chars/s':>11}{'vs PDF':>8}")
    for name, path in files.items():
        rate = chars[name] / best[name]
        print(
            f"{name:<8}{path.stat().st_size / 1e6:>9.2f}{chars[name]:>11,}{best[name]:>9.3f}"
            f"{rate / 1e6:>11.2f}{rate / pdf:>7.1f}x"
        )
    html_mb = files["html"].stat().st_size / 1e6 / best["html"]
    print(f"web page: {html_mb:.1f} MB of HTML a second, main-content extraction included")


def big_docx(path: Path, megabytes: int) -> None:
    """A DOCX whose document.xml holds about `megabytes` MB of paragraphs."""
    para = (
        "<w:p><w:r><w:t>"
        + "为深入学习贯彻党的二十大精神，推动各项部署要求落地落实。" * 4
        + "</w:t></w:r></w:p>"
    )
    count = megabytes * 1_000_000 // len(para.encode())
    body = "".join([para] * count)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        z.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            f'wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>',
        )


def big_page(path: Path, megabytes: int) -> None:
    para = "<p>" + "为深入学习贯彻党的二十大精神，推动各项部署要求落地落实。" * 4 + "</p>\n"
    count = megabytes * 1_000_000 // len(para.encode())
    path.write_bytes(same.PAGE.format(title="大页面", paragraphs=para * count).encode("utf-8"))


# Peak and current resident memory of this process (MB), from /proc: ru_maxrss would do but
# survives exec, so a child started by a large parent reports the parent's peak.
MEMORY_PROBE = """
def resident(field):
    with open('/proc/self/status') as status:
        return next(int(l.split()[1]) for l in status if l.startswith(field)) / 1024
"""


def peak_memory(path: Path) -> tuple[float, float]:
    """Seconds and peak resident MB above the interpreter (gongwen imported) of reading `path`
    in a fresh process."""
    code = MEMORY_PROBE + (
        "import gongwen, sys, time\n"
        "base = resident('VmRSS:'); t = time.perf_counter()\n"
        "n = len(gongwen.read_text(sys.argv[1]))\n"
        "print(time.perf_counter() - t, resident('VmHWM:') - base, n)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    seconds, peak, _ = out.stdout.split()
    return float(seconds), float(peak)


def memory(folder: Path) -> None:
    docx, page = folder / "big.docx", folder / "big.html"
    big_docx(docx, 100)
    big_page(page, 50)
    for path, inflated in ((docx, 100), (page, 50)):
        seconds, peak = peak_memory(path)
        print(
            f"{path.name}: {path.stat().st_size / 1e6:.1f} MB on disk ({inflated} MB of markup), "
            f"read in {seconds:.2f} s, peak {peak:.0f} MB above the interpreter "
            f"({peak / inflated:.1f}x the markup)"
        )


def doc_conversion(folder: Path, copies: int) -> None:
    """DOC (the reference bulletin, as LibreOffice writes Word 97) through each converter, one
    and two files at a time; and whether each keeps the text: its words against the DOCX's."""
    source = SAME / "bulletin.doc"
    words = squeezed(gongwen.read_text(SAME / "bulletin.docx"))
    files = []
    for i in range(copies):
        files.append(folder / f"doc{i}.doc")
        shutil.copyfile(source, files[-1])
    for converter in ("libreoffice", "antiword"):
        os.environ["GONGWEN_DOC_CONVERTER"] = converter
        same_text = squeezed(gongwen.read_text(source)) == words
        for threads in (1, 2):
            start = time.perf_counter()
            corpus = gongwen.Corpus.from_paths(files, n_threads=threads, progress=False)
            seconds = time.perf_counter() - start
            assert len(corpus) == copies, corpus.errors
            print(
                f"DOC via {converter:<11}, {copies} files on {threads} thread(s): {seconds:6.2f} s, "
                f"{seconds / copies:.3f} s a file; same words as the DOCX: {same_text}"
            )
    del os.environ["GONGWEN_DOC_CONVERTER"]


def squeezed(text: str) -> str:
    return "".join(text.split())


def mixed_folder(folder: Path, count: int) -> None:
    # Formats read in process; DOC and RTF start a converter per file (doc_conversion above).
    sources = [p for p in sorted(SAME.iterdir()) if p.suffix not in {".doc", ".rtf", ".zip"}]
    for i in range(count):
        source = sources[i % len(sources)]
        shutil.copyfile(source, folder / f"{i:05d}{source.suffix}")
    size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    for threads in sorted({1, os.cpu_count() or 1}):
        start = time.perf_counter()
        corpus = gongwen.Corpus.from_paths(folder, n_threads=threads, progress=threads > 1)
        seconds = time.perf_counter() - start
        print(
            f"{count} mixed files ({size:.0f} MB: {', '.join(sorted({s.suffix for s in sources}))}) on "
            f"{threads} thread(s): {seconds:.1f} s, {count / seconds:.0f} files/s, {len(corpus.errors)} errors"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--files", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(
            f"the same text, {args.chars:,} characters, in each format; best of {args.rounds} interleaved rounds"
        )
        reading_speed(write_formats(corpus_text(args.chars), folder), args.rounds)
        memory(folder)
        doc_conversion(folder, 6)
        (folder / "mixed").mkdir()
        mixed_folder(folder / "mixed", args.files)


if __name__ == "__main__":
    main()
