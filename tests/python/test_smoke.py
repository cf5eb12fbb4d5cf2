"""The package imports, and its version agrees with the installed metadata (pyproject.toml)."""

from importlib.metadata import version

import gongwen


def test_version_matches_pyproject() -> None:
    # __version__ comes from CMakeLists.txt via the extension; the metadata from pyproject.toml.
    assert gongwen.__version__ == "0.1.0"
    assert gongwen.__version__ == version("gongwen")
