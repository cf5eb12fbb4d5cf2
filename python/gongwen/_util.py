"""Small helpers shared by the modules of the package (not public)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar, Union

PathLike = Union[str, "os.PathLike[str]"]
T = TypeVar("T")
R = TypeVar("R")


def check_str(text: str, what: str = "text") -> str:
    """Returns `text` if it is a ``str`` (lone surrogates and all), else raises TypeError."""
    if not isinstance(text, str):
        raise TypeError(f"{what} must be str, not {type(text).__name__}")
    return text


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


def core_path(path: PathLike, what: str = "path") -> bytes:
    """`path` as the core takes it: the file name's bytes (``os.fsencode``), so that a name that
    is not UTF-8 (GBK, from a Windows archive) reaches the file system unchanged."""
    return os.fsencode(as_path(path, what))


def encoding_arg(encoding: str | None) -> str:
    """The core's spelling of "detect the encoding": an empty name."""
    if encoding is None:
        return ""
    if not isinstance(encoding, str):
        raise TypeError(f"encoding must be str or None, not {type(encoding).__name__}")
    return encoding


def batches(items: Iterable[T], size: int, max_weight: int | None = None) -> Iterator[list[T]]:
    """Consecutive lists of `size` items (the last one shorter), or fewer once their lengths
    add up to `max_weight` (items without a length weigh nothing)."""
    batch: list[T] = []
    weight = 0
    for item in items:
        batch.append(item)
        if max_weight is not None and hasattr(item, "__len__"):
            weight += len(item)  # type: ignore[arg-type]
        if len(batch) == size or (max_weight is not None and weight >= max_weight):
            yield batch
            batch = []
            weight = 0
    if batch:
        yield batch


def map_batches(
    work: Callable[[list[T]], list[R]],
    items: Iterable[T],
    batch_size: int,
    progress: bool,
    total: int | None,
    desc: str,
    unit: str,
    max_weight: int | None = None,
) -> list[R]:
    """`work` applied to consecutive batches of `items` (see :func:`batches`), the results
    joined in order.

    Calling the core batch by batch lets a progress bar move (when `progress`) and Ctrl-C be
    honoured between calls.
    """
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=total, desc=desc, unit=unit)
    out: list[R] = []
    try:
        for batch in batches(items, batch_size, max_weight):
            out.extend(work(batch))
            if bar is not None:
                bar.update(len(batch))
    finally:
        if bar is not None:
            bar.close()
    return out


def csr_for_core(matrix: Any, columns: int | None = None) -> Any:
    """`matrix` (any scipy sparse matrix or array) as the core reads it: canonical CSR of
    float32 or float64 with 32-bit indices; `columns`, when given, is checked."""
    import numpy as np
    import scipy.sparse

    if not scipy.sparse.issparse(matrix):
        raise TypeError(f"a scipy sparse matrix is expected, not {type(matrix).__name__}")
    matrix = scipy.sparse.csr_matrix(matrix)
    if columns is not None and matrix.shape[1] != columns:
        raise ValueError(f"the matrix has {matrix.shape[1]} columns, the vocabulary {columns}")
    if matrix.nnz >= 2**31 or max(matrix.shape) >= 2**31:
        raise ValueError("matrices with 2^31 or more rows, columns or nonzeros are not supported")
    if matrix.dtype not in (np.float32, np.float64):
        matrix = matrix.astype(np.float64)
    if not matrix.has_canonical_format:
        matrix = matrix.copy()
        matrix.sum_duplicates()
    return matrix
