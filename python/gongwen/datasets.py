"""The sample corpus bundled with the package: the reference bulletin (安庆组工信息 2023年第24期),
a few public state documents (government work reports, a Party congress report, two laws), two
State Council 公文 and two official documents written for the tests that cite them."""

from __future__ import annotations

from pathlib import Path

__all__ = ["sample_dir", "sample_paths"]


def sample_dir() -> Path:
    """The directory holding the sample corpus."""
    return Path(__file__).resolve().parent / "data" / "sample"


def sample_paths() -> list[Path]:
    """The files of the sample corpus, sorted by name (the reference bulletin first)."""
    return sorted(p for p in sample_dir().iterdir() if p.suffix in {".txt", ".md"})
