"""Loading a folder of bulletins into a corpus, and the corpus as a table of articles."""

from __future__ import annotations

import glob
import os
import warnings
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
from .bulletin import Bulletin, from_core
from .errors import GongwenWarning

if TYPE_CHECKING:
    import pandas as pd

    from .vectorize import TfidfVectorizer

__all__ = ["DEFAULT_SUFFIXES", "Corpus", "LoadError"]

#: The file types a directory is searched for.
DEFAULT_SUFFIXES = (".txt", ".text", ".md", ".pdf")

#: Show a progress bar when loading at least this many files (with ``progress=None``).
_PROGRESS_THRESHOLD = 50

#: Name at most this many skipped files in separate warnings; then one summary warning.
_MAX_WARNINGS = 10

PathsArg = Union[PathLike, Iterable[PathLike]]


class LoadError(NamedTuple):
    """A file that could not be loaded into a corpus, and why."""

    path: str
    error_type: str  # "FileError", "DecodeError", "EmptyDocument" or "Error"
    message: str


class Corpus:
    """A collection of parsed bulletins, and the table of their articles.

    Build one with :meth:`from_paths`; look at it with :meth:`to_frame`. A corpus does not
    change once made, so its article table and TF-IDF matrices are made once and kept: asking
    for keywords, topics and nearest articles segments and fits the articles one time.

    Attributes
    ----------
    bulletins : tuple of Bulletin
        The loaded bulletins, in the order of the paths given.
    errors : list of LoadError
        The files that were skipped, and why.
    """

    def __init__(self, bulletins: Iterable[Bulletin] = (), errors: Iterable[LoadError] = ()):
        self._bulletins: tuple[Bulletin, ...] = tuple(bulletins)
        self.errors: list[LoadError] = list(errors)
        self._articles: ArticleTable | None = None

    @classmethod
    def from_paths(
        cls,
        paths: PathsArg,
        *,
        encoding: str | None = None,
        n_threads: int | None = None,
        progress: bool | None = None,
        suffixes: Sequence[str] = DEFAULT_SUFFIXES,
    ) -> Corpus:
        """Load bulletins from files, in parallel.

        Parameters
        ----------
        paths : path, directory, glob pattern, or an iterable of them
            A directory is searched recursively for files ending in one of `suffixes`; a
            pattern such as ``"bulletins/**/*.txt"`` is expanded with :func:`glob.glob`.
        encoding : str, optional
            Force an encoding for every file (default: detect each file's own).
        n_threads : int, optional
            Threads reading and parsing (default None: one per core). The work runs in C++
            with the GIL released.
        progress : bool, optional
            Show a progress bar (default: when there are at least 50 files).
        suffixes : sequence of str
            File types taken from directories (default ``.txt``, ``.text``, ``.md``,
            ``.pdf``; case-insensitive).

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
            raise FileNotFoundError(f"no files found in {paths!r} (suffixes: {list(suffixes)})")
        show = progress if progress is not None else len(files) >= _PROGRESS_THRESHOLD
        results = _load(files, threads, encoding_arg(encoding), show)
        corpus = cls(
            (from_core(r.bulletin) for r in results if r.bulletin is not None),
            (LoadError(r.path, r.error_type, r.error) for r in results if r.bulletin is None),
        )
        _warn_skipped(corpus.errors)
        return corpus

    @property
    def bulletins(self) -> tuple[Bulletin, ...]:
        """The loaded bulletins, in the order of the paths given."""
        return self._bulletins

    def __len__(self) -> int:
        return len(self._bulletins)

    def __iter__(self) -> Iterator[Bulletin]:
        return iter(self._bulletins)

    def __getitem__(self, index: int) -> Bulletin:
        return self._bulletins[index]

    def __repr__(self) -> str:
        articles = sum(len(b.articles) for b in self._bulletins)
        return f"Corpus({len(self)} bulletins, {articles} articles, {len(self.errors)} errors)"

    def __getstate__(self) -> dict[str, Any]:
        # The article table is made again from the bulletins, rather than pickled beside them.
        return {"bulletins": self._bulletins, "errors": self.errors}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["bulletins"], state["errors"])  # type: ignore[misc]

    @property
    def articles(self) -> ArticleTable:
        """The article table: one row per article (:meth:`to_frame`'s rows) and its TF-IDF
        matrices (:meth:`ArticleTable.tfidf`), made on first use and kept."""
        if self._articles is None:
            self._articles = ArticleTable.from_bulletins(self._bulletins)
        return self._articles

    def to_frame(self) -> pd.DataFrame:
        """One row per article (a copy of :attr:`articles`' frame, yours to change).

        Columns: ``path``, ``publication``, ``issue`` (nullable integer), ``date``
        (``datetime.date``; use ``pd.to_datetime`` for date arithmetic), ``editor``,
        ``article`` (its number in the bulletin, from 0), ``title``, ``author``, ``text``,
        ``n_chars``.
        """
        return self.articles.frame.copy()

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


def resolve_paths(paths: PathsArg, suffixes: Sequence[str] = DEFAULT_SUFFIXES) -> list[str]:
    """Expand directories and glob patterns into a sorted list of file paths.

    A path that names neither a directory nor a pattern is kept as it is (so that a missing
    file is reported when it is loaded).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    wanted = tuple(s.lower() for s in suffixes)
    files: list[str] = []
    for item in paths:
        path = as_path(item)
        if os.path.isdir(path):
            found = (str(p) for p in Path(path).rglob("*") if p.is_file())
            files.extend(sorted(p for p in found if p.lower().endswith(wanted)))
        elif glob.has_magic(path):
            files.extend(sorted(p for p in glob.glob(path, recursive=True) if os.path.isfile(p)))
        else:
            files.append(path)
    return files


def _load(files: list[str], threads: int, encoding: str, progress: bool) -> list[_core.LoadResult]:
    """Loads in chunks, so that a progress bar moves and Ctrl-C is honoured between chunks."""
    return map_batches(
        lambda part: _core.load_bulletins([os.fsencode(f) for f in part], threads, encoding),
        files,
        max(8, 4 * threads),
        progress,
        len(files),
        "loading bulletins",
        "file",
    )


def _warn_skipped(errors: list[LoadError]) -> None:
    for error in errors[:_MAX_WARNINGS]:
        warnings.warn(f"skipped {error.path}: {error.message}", GongwenWarning, stacklevel=3)
    if len(errors) > _MAX_WARNINGS:
        more = len(errors) - _MAX_WARNINGS
        warnings.warn(f"skipped {more} more files; see Corpus.errors", GongwenWarning, stacklevel=3)
