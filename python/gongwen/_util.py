"""Small helpers shared by the modules of the package (not public)."""

from __future__ import annotations

import os
from typing import Union

PathLike = Union[str, "os.PathLike[str]"]


def as_text(text: str, what: str = "text") -> str:
    """Returns `text` ready for the C++ core: a ``str`` that encodes to UTF-8.

    Lone surrogates (which Python strings may hold but UTF-8 cannot) become U+FFFD, one
    character for one, so that offsets into the result are offsets into the input.
    """
    if not isinstance(text, str):
        raise TypeError(f"{what} must be str, not {type(text).__name__}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    return text


def as_path(path: PathLike, what: str = "path") -> str:
    """Returns `path` as a ``str`` (accepting ``pathlib.Path`` and other path-likes)."""
    try:
        return os.fspath(path)
    except TypeError:
        raise TypeError(f"{what} must be a str or os.PathLike, not {type(path).__name__}") from None


def encoding_arg(encoding: str | None) -> str:
    """The core's spelling of "detect the encoding": an empty name."""
    if encoding is None:
        return ""
    if not isinstance(encoding, str):
        raise TypeError(f"encoding must be str or None, not {type(encoding).__name__}")
    return encoding
