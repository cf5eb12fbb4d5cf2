"""Keep notebooks free of outputs: they are committed clean and executed by `make test`.

Usage: notebooks.py --check | --strip. Acts on the notebooks git tracks or would track
(ignored files such as .ipynb_checkpoints/ are left alone).
"""

from __future__ import annotations

import argparse
import subprocess
import sys

import nbformat


def notebooks() -> list[str]:
    out = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "--", "*.ipynb"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return out.split()


def dirty_cells(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [
        cell
        for cell in nb.cells
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="fail if any notebook has outputs")
    mode.add_argument("--strip", action="store_true", help="remove outputs in place")
    args = parser.parse_args()

    failed = []
    for path in notebooks():
        nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
        cells = dirty_cells(nb)
        if not cells:
            continue
        if args.check:
            failed.append(path)
            continue
        for cell in cells:
            cell.outputs = []
            cell.execution_count = None
        nbformat.write(nb, path)
        print(f"stripped {path}")
    for path in failed:
        print(f"{path}: has outputs (run `make format` to strip them)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
