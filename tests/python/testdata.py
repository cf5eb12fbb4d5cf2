"""Where the test data and the sample corpus are (importable by the tests: see pyproject)."""

from __future__ import annotations

from pathlib import Path

import gongwen

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLE = gongwen.sample_dir()
REFERENCE = SAMPLE / "anqing-zugong-2023-24.txt"
