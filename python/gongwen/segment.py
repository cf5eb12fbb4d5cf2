"""Chinese word segmentation, tuned for the vocabulary of government documents."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Union

from . import _core
from ._checks import check_real, check_top_n, thread_count
from ._lexicon import segmenter_core
from ._util import PathLike, as_path, as_text, check_str, core_path, map_batches
from .discover import discover_words

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "STOP_WORDS",
    "top_words",
    "SegmentationScores",
    "Segmenter",
    "Token",
    "evaluate_segmentation",
    "load_stop_words",
]

#: Grammatical particles: a string holding one is a phrase, not a word (see Segmenter.adapt).
_PARTICLES = frozenset("的之地得了着过和与及或")

#: Texts segmented per call of the core by :meth:`Segmenter.cut_many`: a progress bar moves and
#: Ctrl-C is honoured between batches.
_BATCH = 2000

UserWord = Union[str, tuple]


#: One token: ``text[start:end] == token.text``. A named tuple of ``text``, ``start``,
#: ``end``, ``kind`` (``"word"``, ``"number"``, ``"latin"``, ``"punct"`` or ``"space"``) and
#: ``tag`` (the part-of-speech tag from the lexicon, jieba's tag set; ``"m"`` for numbers,
#: ``"eng"`` for Latin words, ``"x"`` for punctuation; None when unknown).
Token = _core.Token
# The names of its fields, as a NamedTuple has them: pandas.DataFrame(tokens) then has columns.
Token._fields = ("text", "start", "end", "kind", "tag")


class Segmenter:
    """Segment Chinese text into words.

    The default lexicon (compiled into the package) is jieba's dictionary (MIT licence) without
    its numeral-classifier phrases, plus the vocabulary of government documents (党建引领,
    乡村振兴, 书记项目, 网格员, ...). Numbers, dates and percentages (``2022年``, ``43.9万``,
    ``31%``, ``十二月``) and Latin words (``GDP``, ``5G``) are never broken; runs of characters
    that no word covers are joined into words by a hidden Markov model (names, new terms).

    Parameters
    ----------
    dictionary : path, optional
        A word list to use instead of the default lexicon, in jieba's format (``word [freq]
        [tag]`` per line; a bare word per line, as in the SIGHAN word lists, works too).
    user_words : iterable, optional
        Words to add: strings, or ``(word, freq)`` / ``(word, freq, tag)`` tuples.
    to_simplified : bool, default False
        Look words up in simplified characters (traditional text segments with the simplified
        lexicon; tokens keep the text as written).
    unknown_words : bool, default True
        Join runs of unknown characters into words with the hidden Markov model.
    granularity : float, default 2.0
        A bonus (in nats) per word of a path: higher values give more, shorter words.

    Notes
    -----
    Segmenting releases the GIL and is thread-safe: one segmenter can serve many threads.
    Segmenters pickle, and :meth:`save`/:meth:`load` keep their user words.
    """

    def __init__(
        self,
        dictionary: PathLike | None = None,
        user_words: Iterable[UserWord] | None = None,
        to_simplified: bool = False,
        *,
        unknown_words: bool = True,
        granularity: float = 2.0,
    ) -> None:
        path = None if dictionary is None else core_path(dictionary, "dictionary")
        self._core = _core.Segmenter(path, bool(to_simplified), bool(unknown_words), granularity)
        if user_words is not None:
            for entry in user_words:
                self._add_user_word(entry)

    # -- segmenting -------------------------------------------------------------------------

    def cut(self, text: str) -> list[str]:
        """The words of `text`, white space left out."""
        return self._core.cut(check_str(text))

    def tokenize(self, text: str) -> list[Token]:
        """The tokens of `text`, covering it exactly, in order, white space included."""
        return self._core.tokenize(check_str(text))

    def cut_many(
        self,
        texts: Iterable[str],
        n_threads: int | None = None,
        progress: bool | None = None,
    ) -> list[list[str]]:
        """The words of each text, segmented in parallel in C++.

        Parameters
        ----------
        texts : iterable of str
            A list, a pandas Series, or any iterable (consumed in batches).
        n_threads : int, optional
            Threads (default: one per core).
        progress : bool, optional
            Show a progress bar (default: for more than 20,000 texts).
        """
        threads = thread_count(n_threads)
        size = len(texts) if hasattr(texts, "__len__") else None
        show = progress if progress is not None else (size or 0) > 10 * _BATCH
        return map_batches(
            lambda batch: self._core.cut_many([check_str(t) for t in batch], threads),
            texts,
            _BATCH,
            show,
            size,
            "segmenting",
            "text",
        )

    # -- vocabulary ---------------------------------------------------------------------------

    def add_word(self, word: str, freq: float | None = None, tag: str | None = None) -> None:
        """Add a word; without `freq`, it gets the lowest frequency that keeps it whole."""
        freq = None if freq is None else check_real(freq, "freq", 0)
        self._core.add_word(as_text(word, "word"), freq, tag or "")

    def del_word(self, word: str) -> bool:
        """Remove a word from the lexicon; returns whether it was there."""
        return self._core.del_word(as_text(word, "word"))

    def load_userdict(self, path: PathLike) -> int:
        """Add the words of a user dictionary in jieba's format; returns how many.

        Each line is ``word [freq] [tag]``; lines starting with ``#`` are comments. A malformed
        line raises ``ValueError`` naming the file and the line.
        """
        return self._core.load_userdict(core_path(path))

    def suggest_freq(self, word: str) -> float:
        """The frequency :meth:`add_word` would give `word` (the lowest that keeps it whole)."""
        return self._core.suggest_freq(as_text(word, "word"))

    def word_frequency(self, word: str) -> float | None:
        """The frequency of `word` in the lexicon, or None."""
        return self._core.word_frequency(as_text(word, "word"))

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.word_frequency(word) is not None

    def __len__(self) -> int:
        """The number of words in the lexicon."""
        return self._core.lexicon_size()

    def adapt(
        self,
        texts: Iterable[str] | str,
        min_count: int = 5,
        *,
        min_score: float | None = None,
        max_length: int = 6,
        min_cohesion: float = 3.0,
        min_entropy: float = 1.0,
        n_threads: int | None = None,
    ) -> pd.DataFrame:
        """Learn the words of a corpus that the lexicon lacks, and add them.

        The candidates of :func:`gongwen.discover_words` are added when the segmenter does not
        know them, currently splits them, neither begin nor end with a character that is a stop
        word on its own (和, 在: 改革开放和 is not a word) and hold no grammatical particle
        (的, 之, 地, 得: 镇的人民政府 is a phrase).

        Parameters
        ----------
        texts : str or iterable of str
            The corpus.
        min_count : int, default 5
            Fewest occurrences of a word to add.
        min_score : float, optional
            Lowest score (see :func:`gongwen.discover_words`) of a word to add.
        max_length : int, default 6
            Longest word to add, in characters.
        min_cohesion, min_entropy, n_threads
            As for :func:`gongwen.discover_words`.

        Returns
        -------
        pandas.DataFrame
            The words added, with their statistics, best first.
        """
        min_score = None if min_score is None else check_real(min_score, "min_score")
        found = discover_words(
            texts,
            min_count,
            max_length=max_length,
            min_cohesion=min_cohesion,
            min_entropy=min_entropy,
            segmenter=self,
            n_threads=n_threads,
        )
        function_chars = {w for w in STOP_WORDS if len(w) == 1}
        keep = [
            not known
            and word[0] not in function_chars
            and word[-1] not in function_chars
            and not _PARTICLES.intersection(word)
            and len(self.cut(word)) > 1
            and (min_score is None or score >= min_score)
            for word, known, score in zip(found["word"], found["in_lexicon"], found["score"])
        ]
        added = found[keep].reset_index(drop=True)
        for word in added["word"]:
            self.add_word(word)
        return added

    def adapt_frequencies(
        self, texts: Iterable[str] | str, weight: float = 1.0, n_threads: int | None = None
    ) -> int:
        """Re-estimate the lexicon's word frequencies from a corpus (one step of Viterbi training).

        The corpus is segmented, its words counted, and each word's frequency raised by ``weight
        × count`` (in the lexicon's units): a word list without frequencies (such as the SIGHAN
        training lists) learns them, and the default lexicon leans towards the corpus's usage.
        Returns the number of words whose frequency changed.
        """
        weight = check_real(weight, "weight", 0)
        threads = thread_count(n_threads)
        corpus = [texts] if isinstance(texts, str) else list(texts)
        return self._core.adapt_frequencies([check_str(t) for t in corpus], weight, threads)

    # -- saving -------------------------------------------------------------------------------

    def save(self, path: PathLike) -> None:
        """Save the segmenter (options and user words; a custom dictionary whole)."""
        with open(as_path(path), "wb") as f:
            f.write(self._core.serialize())

    @classmethod
    def load(cls, path: PathLike) -> Segmenter:
        """Load a segmenter saved by :meth:`save`; a damaged file raises ``ValueError``."""
        with open(as_path(path), "rb") as f:
            return cls._from_core(_core.Segmenter.deserialize(f.read()))

    def __getstate__(self) -> dict[str, bytes]:
        return {"segmenter": self._core.serialize()}

    def __setstate__(self, state: dict[str, bytes]) -> None:
        self._core = _core.Segmenter.deserialize(state["segmenter"])

    @classmethod
    def _from_core(cls, core: _core.Segmenter) -> Segmenter:
        segmenter = cls.__new__(cls)
        segmenter._core = core
        return segmenter

    def __repr__(self) -> str:
        return (
            f"Segmenter({len(self)} words, to_simplified={self._core.to_simplified}, "
            f"unknown_words={self._core.unknown_words}, granularity={self._core.granularity})"
        )

    def _add_user_word(self, entry: UserWord) -> None:
        if isinstance(entry, str):
            self.add_word(entry)
        elif isinstance(entry, tuple) and 1 <= len(entry) <= 3:
            self.add_word(*entry)
        else:
            raise TypeError(f"a user word is a str or a (word, freq[, tag]) tuple, not {entry!r}")


@dataclass(frozen=True)
class SegmentationScores:
    """Precision, recall and F1 of a segmentation, with the SIGHAN bakeoff's definitions.

    ``oov_recall`` is the recall of gold words not in the vocabulary given (None without one).
    """

    precision: float
    recall: float
    f1: float
    oov_rate: float | None
    oov_recall: float | None
    iv_recall: float | None
    gold_words: int
    predicted_words: int
    correct_words: int

    def to_dict(self) -> dict[str, Any]:
        """The scores as a dict."""
        return dict(vars(self))


def evaluate_segmentation(
    gold_lines: Iterable[str],
    predicted_lines: Iterable[str],
    vocabulary: Iterable[str] | None = None,
) -> SegmentationScores:
    """Score a segmentation against a gold standard, as the SIGHAN bakeoff does.

    Parameters
    ----------
    gold_lines, predicted_lines : iterable of str
        One sentence per line, words separated by white space; the characters of each pair of
        lines must agree.
    vocabulary : iterable of str, optional
        The training vocabulary: gold words outside it are out-of-vocabulary (OOV).

    Raises
    ------
    ValueError
        When the numbers of lines, or the characters of a pair of lines, differ.
    """
    gold = [as_text(line, "a gold line") for line in gold_lines]
    predicted = [as_text(line, "a predicted line") for line in predicted_lines]
    words = None if vocabulary is None else [as_text(w, "a vocabulary word") for w in vocabulary]
    return SegmentationScores(**_core.evaluate_segmentation(gold, predicted, words))


def load_stop_words(path: PathLike) -> frozenset[str]:
    """Read a stop-word file: one word per line, ``#`` comments."""
    return frozenset(_core.load_stop_words(core_path(path)))


#: The default Chinese stop words (the stopwords-iso list, MIT licence).
STOP_WORDS: frozenset[str] = frozenset(_core.default_stop_words())


def top_words(
    text: str,
    top_n: int = 10,
    *,
    segmenter: Segmenter | None = None,
    stop_words: Iterable[str] | None = None,
) -> list[tuple[str, int]]:
    """The `top_n` most frequent words of `text`, with their counts.

    Stop words (default :data:`STOP_WORDS`), numbers, punctuation and white space are left out;
    ties keep the order of first occurrence. `segmenter` defaults to ``Segmenter()``.
    """
    from collections import Counter

    top_n = check_top_n(top_n)
    core = segmenter_core(segmenter)
    stop = STOP_WORDS if stop_words is None else frozenset(stop_words)
    counts = Counter(
        t.text
        for t in core.tokenize(check_str(text))
        if t.kind in ("word", "latin") and t.text not in stop
    )
    return counts.most_common(top_n)
