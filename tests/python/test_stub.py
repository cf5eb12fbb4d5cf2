"""The committed type stub of gongwen._core matches the built module (regenerate: make stubs)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import gongwen

STUB = Path(gongwen.__file__).with_name("_core.pyi")


def test_core_stub_matches_the_module(tmp_path: Path) -> None:
    stubgen = Path(sys.executable).with_name("pybind11-stubgen")
    subprocess.run(
        [str(stubgen), "gongwen._core", "-o", str(tmp_path)],
        check=True,
        capture_output=True,
        text=True,
    )
    generated = (tmp_path / "gongwen" / "_core.pyi").read_text(encoding="utf-8")
    assert STUB.read_text(encoding="utf-8") == generated, "stale _core.pyi: run `make stubs`"
