"""The exceptions and warnings of gongwen, in one place that every other module may import.

- :class:`DecodeError` (a ``ValueError``, with ``.path`` and the byte ``.offset``): bytes that
  do not decode in the encoding given or detected.
- :class:`EmptyDocumentError` (a ``ValueError``): a file that holds no text.
- :class:`NotFittedError` (a ``ValueError`` and ``AttributeError``, as scikit-learn's): an
  estimator used before it was fitted.
- :class:`GongwenWarning` (a ``UserWarning``): a problem that gongwen worked around, such as a
  file skipped while a corpus was loaded.

Files that cannot be opened raise the built-in ``FileNotFoundError``, ``IsADirectoryError`` and
``PermissionError``; bad arguments raise ``ValueError`` or ``TypeError``.
"""

from __future__ import annotations

from . import _core

__all__ = ["DecodeError", "EmptyDocumentError", "GongwenWarning", "NotFittedError"]

# Raised by the C++ core, which registers them (python/bindings/bind_io.cc).
DecodeError = _core.DecodeError
EmptyDocumentError = _core.EmptyDocumentError


class NotFittedError(ValueError, AttributeError):
    """An estimator was used before it was fitted (as scikit-learn's NotFittedError)."""


class GongwenWarning(UserWarning):
    """A problem that gongwen worked around, e.g. a file skipped while loading a corpus."""
