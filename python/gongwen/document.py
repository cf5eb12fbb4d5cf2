"""Documents of every kind: bulletins, official documents (公文) field by field, speeches,
reports, laws and news, with the evidence for the kind and the documents each one cites."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from . import _core
from ._util import PathLike, as_text, core_path, encoding_arg
from .bulletin import Article, Bulletin, from_core, to_date

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "KINDS",
    "Citation",
    "DocNumber",
    "Document",
    "Part",
    "parse_doc_number",
    "parse_document",
    "read_document",
]

#: The kinds of document :attr:`Document.kind` takes.
KINDS = ("bulletin", "official", "speech", "report", "law", "news", "other")


class DocNumber(NamedTuple):
    """A 发文字号 as printed (``text``) and parsed: ``皖组〔2023〕12号`` has ``agency`` 皖组,
    ``year`` 2023 and ``serial`` 12; ``国令第707号`` has no year, a 纪要's ``〔2023〕3号`` no
    agency. ``key`` is the same for
    every printing of one number (``国发[2018]41号`` and ``国发〔2018〕41号``)."""

    text: str
    agency: str | None
    year: int | None
    serial: int | None
    key: str


class Citation(NamedTuple):
    """A document cited in the text: by 文号 (``number``), by its title in 《》 (``title``,
    without the brackets), or both given together; ``start``/``end`` is the mention's span in
    :attr:`Document.text`."""

    number: DocNumber | None
    title: str | None
    start: int
    end: int


class Part(NamedTuple):
    """A printed element of a document: its ``name`` (``"doc_number"``, ``"title"``,
    ``"recipient"``, ``"body"``, ``"signatory"``, ``"date"``, ``"note"``, ``"attachment"``,
    ``"cc"`` ...), its ``value`` and its span ``[start, end)`` in :attr:`Document.text`."""

    name: str
    value: str
    start: int
    end: int


@dataclass
class Document:
    """A parsed document of any kind.

    ``kind`` is one of :data:`KINDS`, decided from ``evidence`` (the elements found that
    only that kind prints: ``"文号 line"``, ``"主送 line"``, ``"成文日期 under the
    signature"``, a bulletin's masthead, a speech's ``同志们：`` ...). ``text`` is the cleaned
    text; every offset refers to it, and the parts hold spans into it, not copies.

    ``articles`` are the document's texts: a bulletin's articles; an official document's body
    (titled, its issuer as author) followed by each attached text (whether or not a 附件说明
    names it: ``attachments`` lists only the names printed there); for the other kinds the
    whole text. ``bulletin`` is what :func:`gongwen.read_bulletin` gives, for a bulletin.

    The official fields (GB/T 9704-2012) are empty for other kinds: ``doc_number`` as
    printed and ``number`` parsed, ``doc_type`` (the 文种: 通知, 意见, 批复, 令 ...),
    ``issuers`` (from the signatures, else the 版头, the title or the page's table),
    ``issuer_marks`` (发文机关标志), ``recipients`` (主送), ``signatories`` (署名), ``date``
    (成文日期, never a date quoted in the body), ``notes`` (附注), ``attachments`` (the
    names in the 附件说明), ``cc`` (抄送), ``printed_by``/``printed_date`` (印发),
    ``copy_number``, ``secrecy``, ``urgency``, ``signers`` (签发人). ``metadata`` is a web
    page's table (索引号, 发文字号 ...) and ``conflicts`` where it disagrees with the text
    (whose value is kept). ``parts`` lists every element found with its span.

    ``format`` is the file's (``"text"``, ``"pdf"``, ``"html"``, ``"docx"``, ``"odt"``,
    ``"ofd"``, ``"doc"``, ``"rtf"``) and ``file_metadata`` what the file said about itself: a web page's
    ``<title>``, ``<meta>`` tags and metadata table, a DOCX's properties, under the keys
    ``title``, ``doc_number``, ``issuer``, ``written_date``, ``published_date``,
    ``index_number``, ``topic``, ``source``, ``author``, ``keywords``, ``description``.
    """

    text: str
    kind: str
    evidence: list[str]
    title: str | None
    date: datetime.date | None
    articles: list[Article]
    citations: list[Citation] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    bulletin: Bulletin | None = None
    doc_number: str | None = None
    number: DocNumber | None = None
    doc_type: str | None = None
    issuers: list[str] = field(default_factory=list)
    issuer_marks: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signatories: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    printed_by: str | None = None
    printed_date: datetime.date | None = None
    copy_number: str | None = None
    secrecy: str | None = None
    urgency: str | None = None
    signers: list[str] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    path: str | None = None
    encoding: str | None = None
    format: str = "text"
    file_metadata: dict[str, str] = field(default_factory=dict)

    @property
    def issuer(self) -> str | None:
        """The issuing organ, joint issuers joined by ``、`` (None when none is known)."""
        return "、".join(self.issuers) or None

    def as_bulletin(self) -> Bulletin:
        """A bulletin's own :class:`~gongwen.Bulletin`; for the other kinds one with this
        document's text, date and articles and an empty masthead (sharing them, not copies)."""
        return as_bulletin(self)

    def part(self, name: str) -> Part | None:
        """The first part called `name` (see :attr:`parts`), or None."""
        return next((p for p in self.parts if p.name == name), None)

    def part_text(self, part: Part) -> str:
        """The text of a part's span."""
        return self.text[part.start : part.end]

    def parts_frame(self) -> pd.DataFrame:
        """The parts as a table: ``name``, ``value``, ``start``, ``end``, in document order."""
        import pandas as pd

        return pd.DataFrame(
            [(p.name, p.value, p.start, p.end) for p in self.parts],
            columns=["name", "value", "start", "end"],
        )

    def to_dict(self) -> dict[str, Any]:
        """The document as a JSON-ready dict (dates as ISO strings); a bulletin's masthead
        (publication, issue, editor, distribution ...) is included as ``read_bulletin``'s
        ``to_dict`` gives it."""
        skip = {"bulletin", "articles", "citations", "parts", "number", "date", "printed_date"}
        d: dict[str, Any] = {
            name: getattr(self, name) for name in self.__dataclass_fields__ if name not in skip
        }
        d["date"] = self.date.isoformat() if self.date else None
        d["printed_date"] = self.printed_date.isoformat() if self.printed_date else None
        d["number"] = self.number._asdict() if self.number else None
        d["articles"] = [a.to_dict() for a in self.articles]
        d["citations"] = [
            {
                "number": c.number.text if c.number else None,
                "title": c.title,
                "start": c.start,
                "end": c.end,
            }
            for c in self.citations
        ]
        d["parts"] = [p._asdict() for p in self.parts]
        if self.bulletin is not None:
            masthead = self.bulletin.to_dict()
            for key in ("text", "articles", "path", "encoding", "date"):
                masthead.pop(key)
            d.update(masthead)
        return d

    def __repr__(self) -> str:
        date = self.date.isoformat() if self.date else None
        extra = f", doc_number={self.doc_number!r}" if self.doc_number else ""
        return (
            f"Document(kind={self.kind!r}, title={self.title!r}{extra}, date={date!r}, "
            f"articles={len(self.articles)})"
        )


def _doc_number(n: Any) -> DocNumber | None:
    if n is None:
        return None
    return DocNumber(n.text, n.agency or None, n.year, n.serial, _core.doc_number_key(n))


def _citation(c: Any) -> Citation:
    return Citation(_doc_number(c.number), c.title or None, c.start, c.end)


# The official fields that are lists of printed elements, and the name of each element.
_LIST_PARTS = (
    ("issuer_marks", "issuer_mark"),
    ("signers", "signer"),
    ("recipients", "recipient"),
    ("attachment_list", "attachment_name"),
    ("signatories", "signatory"),
    ("notes", "note"),
    ("attachments", "attachment"),
    ("cc", "cc"),
)
_SINGLE_PARTS = (
    ("copy_number", "copy_number"),
    ("secrecy", "secrecy"),
    ("urgency", "urgency"),
    ("doc_number", "doc_number"),
    ("title", "title"),
    ("date_line", "date"),
    ("printed_by", "printed_by"),
)


def _parts(o: Any, text: str) -> list[Part]:
    # Rows the file gave beside its text (a web page's table) have no span in the text.
    parts = [Part("metadata", f"{k}：{v.value}", *v.span) for k, v in o.metadata if v.span[1]]
    for attr, name in _SINGLE_PARTS:
        f = getattr(o, attr)
        if f is not None and f.span[1] > f.span[0]:
            parts.append(Part(name, f.value, *f.span))
    for attr, name in _LIST_PARTS:
        parts.extend(Part(name, f.value, *f.span) for f in getattr(o, attr))
    start, end = o.body
    if end > start:
        parts.append(Part("body", text[start:end], start, end))
    parts.sort(key=lambda p: (p.start, p.end))
    return parts


def _values(fields: list[Any]) -> list[str]:
    return [f.value for f in fields]


def _official(o: Any, text: str) -> dict[str, Any]:
    value = lambda f: f.value if f is not None else None  # noqa: E731
    return {
        "title": value(o.title),
        "date": to_date(o.date),
        "doc_number": value(o.doc_number),
        "number": _doc_number(o.number),
        "doc_type": o.doc_type or None,
        "issuers": list(o.issuers),
        "issuer_marks": _values(o.issuer_marks),
        "recipients": _values(o.recipients),
        "signatories": _values(o.signatories),
        "notes": _values(o.notes),
        "attachments": _values(o.attachment_list),
        "cc": _values(o.cc),
        "printed_by": value(o.printed_by),
        "printed_date": to_date(o.printed_date),
        "copy_number": value(o.copy_number),
        "secrecy": value(o.secrecy),
        "urgency": value(o.urgency),
        "signers": _values(o.signers),
        "metadata": {k: v.value for k, v in o.metadata},
        "conflicts": list(o.conflicts),
        "parts": _parts(o, text),
    }


def document_from_core(d: Any) -> Document:
    """Converts the core's document into the public dataclass."""
    parsed = from_core(d.parsed)
    file_metadata = dict(d.metadata)
    fields: dict[str, Any]
    if d.kind == "official":
        fields = _official(d.official, parsed.text)
    else:
        first = parsed.articles[0].title if parsed.articles else None
        title = parsed.publication if d.kind == "bulletin" else first
        fields = {"title": title or file_metadata.get("title") or None, "date": parsed.date}
    return Document(
        text=parsed.text,
        kind=d.kind,
        evidence=list(d.evidence),
        articles=parsed.articles,
        citations=[_citation(c) for c in d.citations],
        bulletin=parsed if d.kind == "bulletin" else None,
        path=parsed.path,
        encoding=parsed.encoding,
        format=d.format,
        file_metadata=file_metadata,
        **fields,
    )


def parse_document(text: str, metadata: Mapping[str, str] | None = None) -> Document:
    """Parse the text of any government document, telling what kind it is.

    The text is first cleaned (see :func:`gongwen.clean_text`). Never raises on a ``str``: a
    document with nothing recognisable is ``kind="other"``, one article with its whole text.
    `metadata` (keys as in :attr:`Document.file_metadata`, e.g. a site's ``doc_number``,
    ``issuer``, ``written_date``, ``published_date``) fills what the text does not print.

    Examples
    --------
    >>> doc = parse_document("国务院办公厅关于做好X工作的通知\\n国办发〔2019〕35号\\n"
    ...                      "各省、自治区、直辖市人民政府：\\n现就有关事项通知如下。\\n"
    ...                      "国务院办公厅\\n2019年8月20日")
    >>> doc.kind, doc.doc_number, doc.doc_type, str(doc.date)
    ('official', '国办发〔2019〕35号', '通知', '2019-08-20')
    """
    pairs = [(str(k), str(v)) for k, v in (metadata or {}).items()]
    return document_from_core(_core.parse_document(as_text(text), pairs))


def read_document(path: PathLike, encoding: str | None = None) -> Document:
    """Read, decode and parse a file of any format (see :func:`gongwen.read_text`) as a
    document of any kind.

    Raises what :func:`gongwen.read_text` raises, and :class:`gongwen.EmptyDocumentError`
    for a file without text.
    """
    return document_from_core(_core.read_document(core_path(path), encoding_arg(encoding)))


def parse_doc_number(text: str) -> DocNumber | None:
    """Parse a 发文字号 (``国发〔2018〕41号``, ``国令第707号``); None if `text` is not one."""
    return _doc_number(_core.parse_doc_number(as_text(text)))


def document_of(item: Document | Bulletin) -> Document:
    """`item` as a Document: a Bulletin (from :func:`parse_bulletin`) becomes one of kind
    ``"bulletin"`` sharing its text and articles."""
    if isinstance(item, Document):
        return item
    if isinstance(item, Bulletin):
        return Document(
            text=item.text,
            kind="bulletin",
            evidence=[],
            title=item.publication,
            date=item.date,
            articles=item.articles,
            bulletin=item,
            path=item.path,
            encoding=item.encoding,
        )
    raise TypeError(f"expected a Document or a Bulletin, not {type(item).__name__}")


def as_bulletin(doc: Document) -> Bulletin:
    """A bulletin's own Bulletin; for the other kinds, one with its text and articles and an
    empty masthead."""
    if doc.bulletin is not None:
        return doc.bulletin
    return Bulletin(
        text=doc.text,
        date=doc.date,
        articles=doc.articles,
        path=doc.path,
        encoding=doc.encoding,
    )
