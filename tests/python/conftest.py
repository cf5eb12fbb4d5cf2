"""Fixtures shared by the Python tests: where the test data and the sample corpus are."""

from __future__ import annotations

from pathlib import Path

import pytest

import gongwen

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLE = gongwen.sample_dir()
REFERENCE = SAMPLE / "anqing-zugong-2023-24.txt"


@pytest.fixture(scope="session")
def reference_text() -> str:
    return REFERENCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def reference() -> gongwen.Bulletin:
    return gongwen.read_bulletin(REFERENCE)
