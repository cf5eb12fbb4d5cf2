"""Loading a folder of bulletins into a corpus, and the corpus as a table of articles."""

from __future__ import annotations

import glob
import os
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Union

from . import _core
from ._util import PathLike, as_path, encoding_arg, map_batches, thread_count
from .bulletin import Bulletin, from_core

if TYPE_CHECKING:
    import pandas as pd

    from .analysis import ArticleTopics
    from .vectorize import TfidfVectorizer

__all__ = ["DEFAULT_SUFFIXES", "Corpus", "GongwenWarning", "LoadError"]

#: The file types a directory is searched for.
DEFAULT_SUFFIXES = (".txt", ".text", ".md", ".pdf")

#: Show a progress bar when loading at least this many files (with ``progress=None``).
_PROGRESS_THRESHOLD = 50

#: Name at most this many skipped files in separate warnings; then one summary warning.
_MAX_WARNINGS = 10

PathsArg = Union[PathLike, Iterable[PathLike]]


class GongwenWarning(UserWarning):
    """A problem that gongwen worked around, e.g. a file skipped while loading a corpus."""


class LoadError(NamedTuple):
    """A file that could not be loaded into a corpus, and why."""

    path: str
    error_type: str  # "FileError", "DecodeError", "EmptyDocument" or "Error"
    message: str


_FRAME_COLUMNS = [
    "path",
    "publication",
    "issue",
    "date",
    "editor",
    "article",
    "title",
    "author",
    "text",
    "n_chars",
]


class Corpus:
    """A collection of parsed bulletins.

    Build one with :meth:`from_paths`; look at it with :meth:`to_frame`.

    Attributes
    ----------
    bulletins : list of Bulletin
        The loaded bulletins, in the order of the paths given.
    errors : list of LoadError
        The files that were skipped, and why.
    """

    def __init__(self, bulletins: Iterable[Bulletin] = (), errors: Iterable[LoadError] = ()):
        self.bulletins: list[Bulletin] = list(bulletins)
        self.errors: list[LoadError] = list(errors)

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
            Threads reading and parsing (default: one per core). The work runs in C++
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
        files = resolve_paths(paths, suffixes)
        if not files:
            raise FileNotFoundError(f"no files found in {paths!r} (suffixes: {list(suffixes)})")
        threads = thread_count(n_threads)
        show = progress if progress is not None else len(files) >= _PROGRESS_THRESHOLD
        results = _load(files, threads, encoding_arg(encoding), show)
        corpus = cls(
            (from_core(r.bulletin) for r in results if r.bulletin is not None),
            (LoadError(r.path, r.error_type, r.error) for r in results if r.bulletin is None),
        )
        _warn_skipped(corpus.errors)
        return corpus

    def __len__(self) -> int:
        return len(self.bulletins)

    def __iter__(self) -> Iterator[Bulletin]:
        return iter(self.bulletins)

    def __getitem__(self, index: int) -> Bulletin:
        return self.bulletins[index]

    def __repr__(self) -> str:
        articles = sum(len(b.articles) for b in self.bulletins)
        return f"Corpus({len(self)} bulletins, {articles} articles, {len(self.errors)} errors)"

    def to_frame(self) -> pd.DataFrame:
        """One row per article.

        Columns: ``path``, ``publication``, ``issue`` (nullable integer), ``date``
        (``datetime.date``; use ``pd.to_datetime`` for date arithmetic), ``editor``,
        ``article`` (its number in the bulletin, from 0), ``title``, ``author``, ``text``,
        ``n_chars``.
        """
        import pandas as pd

        rows = [
            (
                b.path,
                b.publication,
                b.issue,
                b.date,
                b.editor,
                i,
                a.title,
                a.author,
                a.text,
                a.n_chars,
            )
            for b in self.bulletins
            for i, a in enumerate(b.articles)
        ]
        frame = pd.DataFrame(rows, columns=_FRAME_COLUMNS)
        frame["issue"] = frame["issue"].astype("Int64")
        frame["article"] = frame["article"].astype("int64")
        frame["n_chars"] = frame["n_chars"].astype("int64")
        return frame

    def keywords(self, top_n: int = 10, vectorizer: TfidfVectorizer | None = None) -> pd.Series:
        """The keywords of each article, weighed against the other articles of the corpus.

        One list of ``(term, weight)`` per row of :meth:`to_frame`, heaviest first: TF-IDF
        weights from `vectorizer` (default ``TfidfVectorizer(sublinear_tf=True)``, fitted on the
        corpus; a copy is fitted when one is given), without stop words, numbers or symbols.
        """
        import pandas as pd

        from .analysis import article_tfidf

        if not any(b.articles for b in self.bulletins):
            return pd.Series([], name="keywords", dtype=object)
        matrix, model = article_tfidf(self, vectorizer)
        return model.keywords(matrix, top_n, index=self.to_frame().index)

    def topics(
        self,
        n_topics: int | None = None,
        method: str = "nmf",
        *,
        n_terms: int = 10,
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
            See :class:`~gongwen.TopicModel`.
        n_terms : int, default 10
            Terms listed per topic.
        random_state : int or None, default 0
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
        from .analysis import article_topics

        return article_topics(
            self,
            n_topics,
            method,
            n_terms=n_terms,
            random_state=random_state,
            vectorizer=vectorizer,
        )

    def similar_articles(
        self,
        k: int = 5,
        threshold: float | None = None,
        vectorizer: TfidfVectorizer | None = None,
    ) -> pd.DataFrame:
        """Each article's `k` nearest articles, by the cosine of their TF-IDF weights.

        One row per (article, neighbour), nearest first: ``article``, ``rank``, ``neighbour``
        (row labels of :meth:`to_frame`), ``score``, ``title``, ``neighbour_title``. Neighbours
        scoring below `threshold` are left out. See :func:`gongwen.most_similar`.
        """
        from .analysis import similar_articles

        return similar_articles(self, k, threshold, vectorizer)

    def find_reuse(self, min_chars: int = 30, **options: Any) -> pd.DataFrame:
        """The passages that articles share, copied or lightly edited (:func:`gongwen.find_reuse`).

        ``doc_a`` and ``doc_b`` are row labels of :meth:`to_frame`; ``title_a`` and ``title_b``
        are added. `options`: ``ngram``, ``max_df``, ``min_similarity``, ``to_simplified``,
        ``n_threads``.
        """
        from .analysis import find_article_reuse

        return find_article_reuse(self, min_chars, **options)


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
