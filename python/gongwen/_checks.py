"""Checking arguments: one function per kind of value, one wording of the errors (not public).

Every public function checks its arguments before any work starts, with these functions, so
that a bad value is a ``ValueError`` (a value out of range) or a ``TypeError`` (a value of the
wrong kind) naming the parameter, the same way everywhere. Each returns the value as a plain
Python ``int``/``float``/``bool``, ready for the core.
"""

from __future__ import annotations

import math
import os
from numbers import Integral, Real
from typing import Any

__all__ = [
    "check_bool",
    "check_int",
    "check_optional_int",
    "check_real",
    "check_top_n",
    "thread_count",
]


def _is_int(value: Any) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)


def _is_real(value: Any) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


def check_int(value: Any, name: str, low: int | None = None, high: int | None = None) -> int:
    """`value` as an int, if it is one in [`low`, `high`] (either bound may be None)."""
    if _int_in(value, low, high):
        return int(value)
    raise ValueError(f"{name} must be {_int_bounds(low, high)}, not {value!r}")


def check_optional_int(
    value: Any, name: str, low: int | None = None, high: int | None = None
) -> int | None:
    """None, or `value` as an int in [`low`, `high`] (see :func:`check_int`)."""
    if value is None or _int_in(value, low, high):
        return None if value is None else int(value)
    raise ValueError(f"{name} must be None or {_int_bounds(low, high)}, not {value!r}")


def _int_in(value: Any, low: int | None, high: int | None) -> bool:
    return _is_int(value) and (low is None or value >= low) and (high is None or value <= high)


def _int_bounds(low: int | None, high: int | None) -> str:
    if high is None:
        return "an int" if low is None else f"an int >= {low}"
    if low is None:
        return f"an int <= {high}"
    return f"an int in [{low}, {high}]"


def check_real(
    value: Any,
    name: str,
    low: float | None = None,
    high: float | None = None,
    *,
    finite: bool = True,
) -> float:
    """`value` as a float, if it is a number (not NaN; finite unless `finite` is False) in
    [`low`, `high`] (either bound may be None)."""
    if _is_real(value):
        number = float(value)
        if (
            not math.isnan(number)
            and (not finite or math.isfinite(number))
            and (low is None or number >= low)
            and (high is None or number <= high)
        ):
            return number
    if low is not None and high is not None:
        bounds = f"a number in [{low}, {high}]"
    elif low is not None:
        bounds = f"a number >= {low}"
    elif high is not None:
        bounds = f"a number <= {high}"
    else:
        bounds = "a finite number" if finite else "a number"
    raise ValueError(f"{name} must be {bounds}, not {value!r}")


def check_bool(value: Any, name: str) -> bool:
    """`value`, if it is True or False (a TypeError otherwise: 0 and 1 are not taken)."""
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be True or False, not {value!r}")
    return value


def check_top_n(top_n: Any) -> int:
    """How many results to give (`top_n` everywhere in the API): a positive int."""
    return check_int(top_n, "top_n", 1)


def thread_count(n_threads: Any) -> int:
    """Threads to use: None for one per core, or a positive int.

    0 is refused rather than read as "all cores", so that every function means the same by it.
    """
    if n_threads is None:
        return os.cpu_count() or 1
    if not _is_int(n_threads) or n_threads < 1:
        raise ValueError(
            "n_threads must be a positive integer, or None for one thread per core (0 is not "
            f"taken for it), not {n_threads!r}"
        )
    return int(n_threads)
