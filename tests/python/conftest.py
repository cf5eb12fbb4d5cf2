"""Fixtures shared by the Python tests."""

from __future__ import annotations

import pytest
from testdata import REFERENCE

import gongwen


@pytest.fixture(scope="session")
def reference_text() -> str:
    """The reference bulletin's text as extracted from its PDF."""
    return REFERENCE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def reference() -> gongwen.Bulletin:
    """The reference bulletin, parsed."""
    return gongwen.read_bulletin(REFERENCE)
