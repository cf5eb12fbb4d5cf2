"""Loading a folder of documents into a corpus, the corpus as a table of articles, and the
citations between its documents."""

from __future__ import annotations

import glob
import os
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Union

from . import _core
from ._checks import thread_count
from ._util import PathLike, as_path, encoding_arg, map_batches
from .analysis import (
    ArticleTopics,
    article_keywords,
    article_reuse,
    article_topics,
    similar_articles,
)
from .articles import ArticleTable
from .bulletin import Bulletin
from .citations import citation_graph, citation_table
from .document import Document, document_from_core, document_of
from .errors import GongwenWarning

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from .vectorize import TfidfVectorizer

__all__ = ["DEFAULT_SUFFIXES", "Corpus", "LoadError"]

#: The file types gongwen reads, lower case (a file without a suffix is read too: its bytes
#: decide); any other is listed in ``corpus.errors`` as "Unsupported".
DEFAULT_SUFFIXES = tuple(_core.read_suffixes())

#: Show a progress bar when loading at least this many files (with ``progress=None``).
_PROGRESS_THRESHOLD = 50

#: Name at most this many skipped files in separate warnings; then one summary warning.
_MAX_WARNINGS = 10

PathsArg = Union[PathLike, Iterable[PathLike]]


class LoadError(NamedTuple):
    """A file that could not be loaded into a corpus, and why."""

    path: str
    #: "FileError", "DecodeError", "EmptyDocument", "Unsupported" (a format gongwen does not
    #: read; an archive member not read: unsafe name, encrypted, nested too deep) or "Error"
    error_type: str
    message: str


class Corpus:
    """A collection of parsed documents, the table of their articles, and their citations.

    Build one with :meth:`from_paths`; look at it with :meth:`to_frame`. A corpus does not
    change once made, so its article table and TF-IDF matrices are made once and kept: asking
    for keywords, topics and nearest articles segments and fits the articles one time.
    Iterating and indexing give its :class:`~gongwen.Document` objects.

    Parameters
    ----------
    documents : iterable of Document (or Bulletin)
        A bulletin (from :func:`~gongwen.parse_bulletin`) is taken as a document of kind
        ``"bulletin"``.
    errors : iterable of LoadError

    Attributes
    ----------
    documents : tuple of Document
        The loaded documents, in the order of the paths given.
    errors : list of LoadError
        The files that were skipped, and why.
    """

    def __init__(
        self,
        documents: Iterable[Document | Bulletin] = (),
        errors: Iterable[LoadError] = (),
    ):
        self._documents: tuple[Document, ...] = tuple(document_of(d) for d in documents)
        self.errors: list[LoadError] = list(errors)
        self._articles: ArticleTable | None = None
        self._citations: pd.DataFrame | None = None

    @classmethod
    def from_paths(
        cls,
        paths: PathsArg,
        *,
        encoding: str | None = None,
        n_threads: int | None = None,
        progress: bool | None = None,
        suffixes: Sequence[str] | None = None,
    ) -> Corpus:
        """Load documents of any kind from files, in parallel (:func:`gongwen.read_document`).

        Parameters
        ----------
        paths : path, directory, glob pattern, or an iterable of them
            A directory is searched recursively; a pattern such as ``"bulletins/**/*.txt"`` is
            expanded with :func:`glob.glob`. Text, PDF, web pages, DOCX, DOC, WPS, RTF, ODT and
            OFD files are read; a zip archive is read member by member (each a document named
            ``archive.zip/member``); a file of another format is listed in :attr:`errors`
            (``"unsupported format: .xls"``), never skipped without a word.
        encoding : str, optional
            Force an encoding for every file (default: detect each file's own).
        n_threads : int, optional
            Threads reading and parsing (default None: one per core). The work runs in C++
            with the GIL released.
        progress : bool, optional
            Show a progress bar (default: when there are at least 50 files).
        suffixes : sequence of str, optional
            Take only files ending in one of these from directories (case-insensitive; e.g.
            ``[".html"]``). By default every file is taken but hidden ones (a name starting
            with ``.``, or inside such a folder).

        Returns
        -------
        Corpus
            A file that cannot be read or decoded, or holds no text, is skipped with a
            :class:`GongwenWarning` and listed in :attr:`errors`.

        Raises
        ------
        FileNotFoundError
            When the paths name no file at all (an empty directory, a pattern that
            matches nothing).
        """
        threads = thread_count(n_threads)
        files = resolve_paths(paths, suffixes)
        if not files:
            only = f" (suffixes: {list(suffixes)})" if suffixes is not None else ""
            raise FileNotFoundError(f"no files found in {paths!r}{only}")
        show = progress if progress is not None else len(files) >= _PROGRESS_THRESHOLD
        results = _load(files, threads, encoding_arg(encoding), show)
        corpus = cls(
            (document_from_core(r.document) for r in results if r.document is not None),
            (LoadError(r.path, r.error_type, r.error) for r in results if r.document is None),
        )
        _warn_skipped(corpus.errors)
        return corpus

    @property
    def documents(self) -> tuple[Document, ...]:
        """The loaded documents, in the order of the paths given."""
        return self._documents

    @property
    def bulletins(self) -> tuple[Bulletin, ...]:
        """Each document as a :class:`~gongwen.Bulletin`: a bulletin's own, and for the other
        kinds its text and articles with an empty masthead (for code written before
        :attr:`documents`)."""
        return tuple(d.as_bulletin() for d in self._documents)

    def __len__(self) -> int:
        return len(self._documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self._documents)

    def __getitem__(self, index: int) -> Document:
        return self._documents[index]

    def __repr__(self) -> str:
        articles = sum(len(d.articles) for d in self._documents)
        kinds = Counter(d.kind for d in self._documents)
        named = ", ".join(f"{n} {kind}" for kind, n in kinds.most_common())
        return (
            f"Corpus({len(self)} documents ({named or 'none'}), {articles} articles, "
            f"{len(self.errors)} errors)"
        )

    def __getstate__(self) -> dict[str, Any]:
        # The article table is made again from the documents, rather than pickled beside them.
        return {"documents": self._documents, "errors": self.errors}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["documents"], state["errors"])  # type: ignore[misc]

    @property
    def articles(self) -> ArticleTable:
        """The article table: one row per article (:meth:`to_frame`'s rows) and its TF-IDF
        matrices (:meth:`ArticleTable.tfidf`), made on first use and kept."""
        if self._articles is None:
            self._articles = ArticleTable.from_documents(self._documents)
        return self._articles

    def to_frame(self) -> pd.DataFrame:
        """One row per article (a copy of :attr:`articles`' frame, yours to change).

        Columns: ``path``, ``kind`` (see :data:`gongwen.KINDS`), ``publication``, ``issue``
        (nullable integer), ``date`` (``datetime.date``: a bulletin's date, an official
        document's 成文日期; use ``pd.to_datetime`` for date arithmetic), ``editor``,
        ``doc_number``, ``issuer``, ``doc_type`` and ``recipients`` (a list) of an official
        document (None and ``[]`` for the others), ``document`` (the row of the document in
        :attr:`documents`), ``article`` (its number in the document, from 0: an official
        document's body is 0, its attachments follow), ``title``, ``author``, ``text``,
        ``n_chars``.
        """
        return self.articles.frame.copy()

    def citations(self) -> pd.DataFrame:
        """Every citation in the corpus's documents, one row per mention.

        Columns: ``doc`` (the citing document's row in :attr:`documents`), ``path``,
        ``cited_number`` (the 文号 as printed, or None), ``cited_title`` (the title in 《》,
        or None), ``start``, ``end`` (the mention's span in the document's text) and
        ``target``: the row of the cited document when the corpus holds it, matched by 文号
        (any printing of it), else by title (a document's own, or that of a text attached to
        it: the 办法 a 通知 issues), else ``<NA>``; ``matched_by`` (``"number"``, ``"title"``
        or None) says how, and ``self`` marks a document naming itself or its attachments
        (``现将《XX办法》印发给你们``).
        """
        if self._citations is None:
            self._citations = citation_table(self._documents)
        return self._citations.copy()

    def citation_graph(self) -> nx.DiGraph:
        """The documents as a networkx ``DiGraph``: an edge from each document to each document
        of the corpus it cites (``mentions``: how many times). Nodes are rows of
        :attr:`documents`, with ``title``, ``kind``, ``doc_number``, ``issuer``, ``date`` and
        ``path``. Needs networkx (``pip install gongwen[graph]``)."""
        return citation_graph(self._documents, self.citations())

    def keywords(self, top_n: int = 10, vectorizer: TfidfVectorizer | None = None) -> pd.Series:
        """The keywords of each article, weighed against the other articles of the corpus.

        One list of ``(term, weight)`` per row of :meth:`to_frame`, heaviest first: TF-IDF
        weights from `vectorizer` (default ``TfidfVectorizer(sublinear_tf=True)``, fitted on the
        corpus; a copy is fitted when one is given), without stop words, numbers or symbols.
        """
        import pandas as pd

        table = self.articles
        if not len(table):
            return pd.Series([], name="keywords", dtype=object)
        return article_keywords(table.frame, table.tfidf(vectorizer), top_n)

    def topics(
        self,
        n_topics: int | None = None,
        method: str = "nmf",
        *,
        top_n: int = 10,
        random_state: int | None = 0,
        vectorizer: TfidfVectorizer | None = None,
    ) -> ArticleTopics:
        """The topics of the articles: a :class:`~gongwen.TopicModel` on their TF-IDF weights.

        Only content words enter the model (no stop words, numbers, symbols or one-character
        words), so each topic reads as a list of terms. Seeded (`random_state`, default 0): the
        same corpus gives the same topics.

        Parameters
        ----------
        n_topics : int, optional
            Default: the square root of the number of articles, between 2 and 20.
        method : "nmf" (default) or "lsa"
            See :class:`~gongwen.TopicModel`. The default differs from ``TopicModel``'s
            (``"lsa"``, as scikit-learn's ``TruncatedSVD``): here the topics are read by a
            person, and NMF's non-negative topics read as lists of terms, where LSA's mix
            terms of both signs.
        top_n : int, default 10
            Terms listed per topic.
        random_state : int or None, default 0
            Unlike ``TopicModel`` (default None, as scikit-learn's), seeded by default, so that
            a corpus's topics are the same at every call.
        vectorizer : TfidfVectorizer, optional
            Its parameters are used (default ``TfidfVectorizer(sublinear_tf=True)``); a copy is
            fitted.

        Returns
        -------
        ArticleTopics
            ``model``, ``terms`` (topic, rank, term, weight), ``weights`` (articles x topics,
            each row a share per topic for NMF; columns labelled by the topic's heaviest terms)
            and ``labels``; ``.dominant()`` gives each article's main topic.
        """
        table = self.articles
        return article_topics(
            table.frame,
            table.tfidf(vectorizer),
            n_topics,
            method,
            top_n=top_n,
            random_state=random_state,
        )

    def similar_articles(
        self,
        top_n: int = 5,
        threshold: float | None = None,
        vectorizer: TfidfVectorizer | None = None,
    ) -> pd.DataFrame:
        """Each article's `top_n` nearest articles, by the cosine of their TF-IDF weights.

        One row per (article, neighbour), nearest first: ``article``, ``rank``, ``neighbour``
        (row labels of :meth:`to_frame`), ``score``, ``title``, ``neighbour_title``. Neighbours
        scoring below `threshold` are left out. See :func:`gongwen.most_similar` (whose
        default is 10 neighbours: a table of every article's neighbours is read by a person,
        and 5 per article keep it short).
        """
        table = self.articles
        tfidf = table.tfidf(vectorizer) if len(table) >= 2 else None
        return similar_articles(table.frame, tfidf, top_n, threshold)

    def find_reuse(
        self,
        min_chars: int = 30,
        *,
        ngram: int = 8,
        max_df: float = 100,
        min_similarity: float = 0.8,
        to_simplified: bool = False,
        n_threads: int | None = None,
    ) -> pd.DataFrame:
        """The passages that articles share, copied or lightly edited (:func:`gongwen.find_reuse`).

        The parameters are those of :func:`gongwen.find_reuse`. ``doc_a`` and ``doc_b`` are row
        labels of :meth:`to_frame`; ``title_a`` and ``title_b`` are added.
        """
        return article_reuse(
            self.articles.frame,
            min_chars,
            ngram=ngram,
            max_df=max_df,
            min_similarity=min_similarity,
            to_simplified=to_simplified,
            n_threads=n_threads,
        )


def resolve_paths(paths: PathsArg, suffixes: Sequence[str] | None = None) -> list[str]:
    """Expand directories and glob patterns into a sorted list of file paths.

    A directory gives its files, recursively, but hidden ones; with `suffixes`, only those
    ending in one of them. A path that names neither a directory nor a pattern is kept as it
    is (so that a missing file is reported when it is loaded).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    wanted = tuple(s.lower() for s in suffixes) if suffixes is not None else None
    files: list[str] = []
    for item in paths:
        path = as_path(item)
        if os.path.isdir(path):
            found = (str(p) for p in _visible_files(Path(path)))
            files.extend(sorted(p for p in found if wanted is None or p.lower().endswith(wanted)))
        elif glob.has_magic(path):
            files.extend(sorted(p for p in glob.glob(path, recursive=True) if os.path.isfile(p)))
        else:
            files.append(path)
    return files


def _visible_files(top: Path) -> Iterator[Path]:
    """The files under `top`, but those whose name, or a folder's below `top`, starts with a
    dot (.DS_Store, .git): no one's documents."""
    for p in top.rglob("*"):
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(top).parts):
            yield p


def _load(
    files: list[str], threads: int, encoding: str, progress: bool
) -> list[_core.DocumentResult]:
    """Loads in chunks, so that a progress bar moves and Ctrl-C is honoured between chunks."""
    return map_batches(
        lambda part: _core.load_documents([os.fsencode(f) for f in part], threads, encoding),
        files,
        16 * threads,  # large enough that one slow file does not idle the other threads
        progress,
        len(files),
        "loading documents",
        "file",
    )


def _warn_skipped(errors: list[LoadError]) -> None:
    for error in errors[:_MAX_WARNINGS]:
        warnings.warn(f"skipped {error.path}: {error.message}", GongwenWarning, stacklevel=3)
    if len(errors) > _MAX_WARNINGS:
        more = len(errors) - _MAX_WARNINGS
        warnings.warn(f"skipped {more} more files; see Corpus.errors", GongwenWarning, stacklevel=3)
