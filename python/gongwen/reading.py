"""Reading files and bytes into text, and cleaning text extracted from PDF."""

from __future__ import annotations

from . import _core
from ._util import PathLike, as_text, core_path, encoding_arg
from .errors import DecodeError, EmptyDocumentError

__all__ = [
    "DecodeError",
    "EmptyDocumentError",
    "clean_text",
    "decode_bytes",
    "detect_encoding",
    "read_text",
]


def read_text(path: PathLike, encoding: str | None = None) -> str:
    """Read a file of any format gongwen knows and return its text.

    The format is told by the file's first bytes, not its name: text in any encoding; PDF
    (poppler); a web page (``.html``, ``.htm``, ``.shtml``, ``.mht``: its main content, without
    the site's navigation, menus and footer); DOCX and ODT (paragraphs, Word's numbering as
    printed, tables as rows, text boxes, footnotes); DOC and WPS (converted by LibreOffice, or
    antiword: ``GONGWEN_DOC_CONVERTER``); RTF (by LibreOffice); OFD (GB/T 33190, lines rebuilt from the text's positions). A
    member of a zip archive is read by its path, ``"downloads.zip/folder/a.docx"``.

    Parameters
    ----------
    path : str or os.PathLike
        The file, or ``archive.zip/member``.
    encoding : str, optional
        Force the encoding of a text file or web page (any name ICU knows, e.g. ``"gbk"``).
        By default a web page's ``<meta charset>`` is used, and a text's encoding is detected:
        a byte-order mark, then UTF-8, then ICU's charset detection, which prefers GB18030 (a
        superset of GBK and GB2312) for Chinese text.

    Returns
    -------
    str
        The decoded text. For a PDF and an OFD, pages are separated by form feeds
        (``"\\f"``).

    Raises
    ------
    FileNotFoundError, IsADirectoryError, PermissionError
        When the path cannot be read as a file.
    DecodeError
        When the bytes cannot be decoded; ``err.path`` and ``err.offset`` (a byte offset)
        say where.

    Notes
    -----
    The file is opened read-only and never modified.
    """
    return _core.read_text(core_path(path), encoding_arg(encoding))[0]


def detect_encoding(path: PathLike) -> str:
    """Return the name of the encoding that :func:`read_text` would decode `path` with (the
    charset of a text or web page; ``"PDF"``, ``"DOCX"``, ``"OFD"`` ... for the others)."""
    return _core.read_text(core_path(path), "")[1]


def decode_bytes(data: bytes, encoding: str | None = None) -> str:
    """Decode `data` as :func:`read_text` decodes a file's bytes (PDF bytes included)."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"data must be bytes, not {type(data).__name__}")
    return _core.decode_bytes(bytes(data), encoding_arg(encoding))[0]


def clean_text(
    text: str,
    *,
    drop_page_numbers: bool = True,
    join_lines: bool = True,
    fix_spaces: bool = True,
) -> str:
    """Undo the damage PDF-to-text extraction does to Chinese documents.

    Parameters
    ----------
    text : str
        Extracted text.
    drop_page_numbers : bool, default True
        Remove page numbers (``— 3 —``, ``- 3 -``, ``-3-``, ``第3页``, ``第3页 共9页``) and
        form feeds.
    join_lines : bool, default True
        Re-join hard-wrapped lines into paragraphs. Real paragraph breaks, titles and
        headings stay on their own lines; a blank line after every line is recognised and
        ignored.
    fix_spaces : bool, default True
        Remove the spaces extraction puts between Chinese and digits or Latin letters
        (``2022 年`` -> ``2022年``, ``共 6 家`` -> ``共6家``) and letter-spacing
        (``工 作 简 报``); spaces separating the parts of a title are kept.

    Returns
    -------
    str
        The cleaned text, one paragraph (or title, or heading) per line.
    """
    return _core.clean_text(as_text(text), drop_page_numbers, join_lines, fix_spaces)
