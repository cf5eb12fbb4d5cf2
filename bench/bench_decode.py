"""Reading files of unknown encoding: gongwen.read_text against charset-normalizer and chardet.

The task a researcher meets first: a folder of files downloaded from government sites, some
GBK, some UTF-8, some UTF-16, none labelled. Each reader detects the encoding and decodes; we
count the files decoded to exactly the right text and time the whole folder, in one run, on
the same files.

Input: every text of ../shared/corpora/gov-reports-national (government work reports, Party
congress reports, NPC resolutions), written to a temporary folder in GB18030, UTF-8 and
UTF-16 (with BOM), in turn. Run from the project root:

    .venv/bin/pip install -r bench/requirements.txt
    .venv/bin/python bench/bench_decode.py
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import chardet
import charset_normalizer

import gongwen

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "gov-reports-national"


def write_inputs(folder: Path) -> dict[Path, str]:
    """Writes every text in three encodings; returns each file's true text."""
    truth: dict[Path, str] = {}
    for i, src in enumerate(sorted((CORPUS / "text").rglob("*.txt"))):
        text = src.read_text(encoding="utf-8")
        for encoding in ("gb18030", "utf-8", "utf-16"):
            path = folder / f"{i:03d}.{encoding}.txt"
            path.write_bytes(text.encode(encoding))
            truth[path] = text
    return truth


def read_gongwen(path: Path) -> str:
    return gongwen.read_text(path)


def read_charset_normalizer(path: Path) -> str:
    best = charset_normalizer.from_path(path).best()
    return str(best) if best is not None else ""


def read_chardet(path: Path) -> str:
    data = path.read_bytes()
    encoding = chardet.detect(data)["encoding"] or "utf-8"
    return data.decode(encoding, errors="replace")


def reads_correctly(read: Callable[[Path], str], path: Path, text: str) -> bool:
    try:
        return read(path) == text
    except Exception:  # a reader that fails on a file simply gets it wrong
        return False


def measure(read: Callable[[Path], str], truth: dict[Path, str]) -> tuple[float, int]:
    start = time.perf_counter()
    correct = sum(reads_correctly(read, path, text) for path, text in truth.items())
    return time.perf_counter() - start, correct


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-chardet", action="store_true", help="chardet is slow")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        truth = write_inputs(Path(tmp))
        megabytes = sum(p.stat().st_size for p in truth) / 1e6
        readers = [("gongwen", read_gongwen), ("charset-normalizer", read_charset_normalizer)]
        if not args.skip_chardet:
            readers.append(("chardet", read_chardet))
        print(f"{len(truth)} files, {megabytes:.1f} MB (GB18030, UTF-8 and UTF-16 copies)")
        results = {name: measure(read, truth) for name, read in readers}
    base_seconds = results["gongwen"][0]
    print(f"{'reader':<20}{'seconds':>9}{'MB/s':>9}{'correct':>10}{'gongwen faster':>16}")
    for name, (seconds, correct) in results.items():
        ratio = seconds / base_seconds
        print(
            f"{name:<20}{seconds:>9.2f}{megabytes / seconds:>9.1f}"
            f"{correct:>6}/{len(truth):<3}{ratio:>15.1f}x"
        )


if __name__ == "__main__":
    main()
