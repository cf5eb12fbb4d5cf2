"""Parsed bulletins: the header, editor's note, articles with sections and points, footer."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, fields
from typing import Any

from . import _core
from ._util import PathLike, as_text, core_path, encoding_arg

__all__ = ["Article", "Bulletin", "Point", "Section", "parse_bulletin", "read_bulletin"]


class _Part:
    """A part of a bulletin whose text is a slice of the bulletin's text.

    The parts share the bulletin's text (``_source``, not a copy) and slice it when their text
    is asked for, so a parsed document holds its text once.
    """

    text_span: tuple[int, int]
    _source: str

    @property
    def text(self) -> str:
        """The part's text: ``Bulletin.text[text_span[0]:text_span[1]]``."""
        return self._source[self.text_span[0] : self.text_span[1]]

    def to_dict(self) -> dict[str, Any]:
        """The part as a JSON-ready dict: its fields, with its text in place of its span."""
        d: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]  # the subclasses are dataclasses
            value = getattr(self, f.name)
            if f.name == "text_span":
                d["text"] = self.text
            elif isinstance(value, list):
                d[f.name] = [part.to_dict() for part in value]
            elif f.name != "_source":
                d[f.name] = value
        return d


def _source_field() -> Any:
    return field(default="", repr=False, compare=False)


def _lines(text: str) -> list[str]:
    return text.split("\n") if text else []


@dataclass
class Point(_Part):
    """A numbered point of a section or an article: 一是……。二是……。

    ``heading`` is the point's first sentence, ``text`` what follows it up to the next point.
    ``start`` and ``end`` are character offsets into :attr:`Bulletin.text`; ``text_span`` is
    where :attr:`text` lies in it.
    """

    number: int
    heading: str
    text_span: tuple[int, int]
    start: int
    end: int
    _source: str = _source_field()


@dataclass
class Section(_Part):
    """A numbered section of an article: ``一、`` / ``（一）`` / ``1．`` / ``第一章``.

    ``heading`` is the section's run-in or stand-alone heading (without its final stop),
    ``text`` what follows it up to the next section, paragraphs joined by ``"\\n"``
    (``text_span`` in :attr:`Bulletin.text`), ``points`` its 一是/二是 points.
    """

    number: int
    marker: str
    heading: str
    text_span: tuple[int, int]
    points: list[Point]
    start: int
    end: int
    _source: str = _source_field()


@dataclass
class Article(_Part):
    """One article of a bulletin (or the whole of a document that is not a bulletin).

    ``author`` is the unit printed under the title (``中共桐城市委``) or named by a
    ``（XX供稿）`` byline. ``text`` is the clean body: the paragraphs joined by ``"\\n"`` (no
    title, author or byline), at ``text_span`` in :attr:`Bulletin.text`. ``start`` and ``end``
    delimit the whole article there, from its title to its last paragraph.
    """

    title: str
    author: str | None
    text_span: tuple[int, int]
    sections: list[Section]
    points: list[Point]
    start: int
    end: int
    _source: str = _source_field()

    @property
    def paragraphs(self) -> list[str]:
        """The paragraphs of the body (made from :attr:`text` each time they are asked for)."""
        return _lines(self.text)

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)``: where the article lies in :attr:`Bulletin.text`."""
        return (self.start, self.end)

    @property
    def n_chars(self) -> int:
        """The number of characters of :attr:`text`."""
        return self.text_span[1] - self.text_span[0]

    def to_dict(self) -> dict[str, Any]:
        """The article as a JSON-ready dict (its text and paragraphs included)."""
        d = super().to_dict()
        d["paragraphs"] = _lines(d["text"])  # from the text just sliced, not a second slice
        return d

    def __repr__(self) -> str:
        return (
            f"Article(title={self.title!r}, author={self.author!r}, "
            f"paragraphs={len(self.paragraphs)}, sections={len(self.sections)})"
        )


@dataclass
class Bulletin:
    """A parsed bulletin (组工信息, 工作简报, 信息专报, ...).

    Fields the document does not have are ``None`` (or empty). ``text`` is the cleaned text
    of the whole document; every ``start``/``end`` offset refers to it.
    """

    text: str
    publication: str | None = None
    issue: int | None = None
    issue_total: int | None = None
    year: int | None = None
    editor: str | None = None
    date: datetime.date | None = None
    notices: list[str] = field(default_factory=list)
    editor_note: str | None = None
    instructions: str | None = None
    articles: list[Article] = field(default_factory=list)
    distribution: dict[str, list[str]] = field(default_factory=dict)
    credits: dict[str, str] = field(default_factory=dict)
    copies: int | None = None
    path: str | None = None
    encoding: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The bulletin as a JSON-ready dict (the date as an ISO string)."""
        d = {name: getattr(self, name) for name in self.__dataclass_fields__ if name != "text"}
        d["date"] = self.date.isoformat() if self.date else None
        d["articles"] = [a.to_dict() for a in self.articles]
        d["notices"] = list(self.notices)
        d["distribution"] = {k: list(v) for k, v in self.distribution.items()}
        d["credits"] = dict(self.credits)
        d["text"] = self.text
        return d

    def __repr__(self) -> str:
        date = self.date.isoformat() if self.date else None
        return (
            f"Bulletin(publication={self.publication!r}, issue={self.issue!r}, "
            f"date={date!r}, articles={len(self.articles)})"
        )


def to_date(value: tuple[int, int, int] | None) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date(*value)
    except ValueError:  # 2月30日 as printed: keep the document, drop the impossible date
        return None


def _point(p: Any, source: str) -> Point:
    return Point(p.number, p.heading, p.text_span, p.start, p.end, source)


def _section(s: Any, source: str) -> Section:
    points = [_point(p, source) for p in s.points]
    return Section(s.number, s.marker, s.heading, s.text_span, points, s.start, s.end, source)


def _article(a: Any, source: str) -> Article:
    return Article(
        title=a.title,
        author=a.author,
        text_span=a.text_span,
        sections=[_section(s, source) for s in a.sections],
        points=[_point(p, source) for p in a.points],
        start=a.start,
        end=a.end,
        _source=source,
    )


def _distribution(entries: list[tuple[str, list[str]]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, recipients in entries:
        out.setdefault(key, []).extend(recipients)
    return out


def _credits(entries: list[tuple[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in entries:
        out[key] = f"{out[key]} {value}" if key in out else value
    return out


def from_core(b: Any) -> Bulletin:
    """Converts the core's bulletin into the public dataclass."""
    text = b.text
    return Bulletin(
        text=text,
        publication=b.publication,
        issue=b.issue,
        issue_total=b.issue_total,
        year=b.year,
        editor=b.editor,
        date=to_date(b.date),
        notices=list(b.notices),
        editor_note=b.editor_note,
        instructions=b.instructions,
        articles=[_article(a, text) for a in b.articles],
        distribution=_distribution(b.distribution),
        credits=_credits(b.credits),
        copies=b.copies,
        path=b.path or None,
        encoding=b.encoding or None,
    )


def parse_bulletin(text: str) -> Bulletin:
    """Parse the text of a bulletin into its parts.

    The text is first cleaned (see :func:`gongwen.clean_text`). A document that is not a
    bulletin (a report, a law) becomes one article holding its whole text, with whatever
    header fields can be found. Never raises on a ``str``.

    Parameters
    ----------
    text : str
        Text extracted from a bulletin, e.g. by :func:`gongwen.read_text`.

    Returns
    -------
    Bulletin

    Examples
    --------
    >>> b = gongwen.parse_bulletin(gongwen.read_text("anqing-zugong-2023-24.txt"))
    >>> b.publication, b.issue, len(b.articles)
    ('安庆组工信息', 24, 3)
    """
    return from_core(_core.parse_bulletin(as_text(text)))


def read_bulletin(path: PathLike, encoding: str | None = None) -> Bulletin:
    """Read (see :func:`gongwen.read_text`) and parse one file.

    Raises
    ------
    FileNotFoundError, IsADirectoryError, PermissionError, DecodeError
        As :func:`gongwen.read_text` does.
    EmptyDocumentError
        When the file holds no text (an empty file, a scanned PDF without a text layer).
    """
    return from_core(_core.read_bulletin(core_path(path), encoding_arg(encoding)))
