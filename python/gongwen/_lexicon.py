"""The core segmenter behind a ``segmenter`` argument, and the default one (not public).

The conveniences that segment text (vectorizers, :func:`top_words`, :func:`discover_words`)
take an optional :class:`~gongwen.Segmenter`; without one they share the default lexicon's
segmenter, made on first use (it holds about 20 MB). They need only its core, so this module
sits below ``segment.py`` and every module may use it.
"""

from __future__ import annotations

from typing import Any

from . import _core

__all__ = ["segmenter_core"]

_DEFAULT: list[_core.Segmenter] = []


def segmenter_core(segmenter: Any = None) -> _core.Segmenter:
    """The core of `segmenter` (a :class:`gongwen.Segmenter`), or the default one for None."""
    if segmenter is None:
        if not _DEFAULT:
            _DEFAULT.append(_core.Segmenter())  # the defaults of gongwen.Segmenter()
        return _DEFAULT[0]
    core = getattr(segmenter, "_core", None)
    if not isinstance(core, _core.Segmenter):
        raise TypeError(f"segmenter must be a gongwen.Segmenter, not {type(segmenter).__name__}")
    return core
