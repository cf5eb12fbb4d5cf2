"""Finding the vocabulary of a corpus: candidate words from frequency, cohesion and context."""

from __future__ import annotations

from collections.abc import Container, Iterable
from typing import TYPE_CHECKING

from . import _core
from ._checks import check_int, check_real, thread_count
from ._lexicon import segmenter_core
from ._util import as_text

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["discover_words"]

#: The longest candidate the core looks for (DiscoverOptions in cpp/include/gongwen/discover.h).
_MAX_LENGTH = 10


def discover_words(
    texts: Iterable[str] | str,
    min_count: int = 5,
    *,
    min_length: int = 2,
    max_length: int = 6,
    min_cohesion: float = 3.0,
    min_entropy: float = 1.0,
    segmenter: Container[str] | None = None,
    n_threads: int | None = None,
) -> pd.DataFrame:
    """Find candidate words in a corpus, such as 书记项目, 网格员 or 红色物业.

    Every string of `min_length` to `max_length` Han characters that occurs at least
    `min_count` times is a candidate; it is kept when its parts stick together (cohesion: the
    pointwise mutual information of its weakest split, at least `min_cohesion` nats) and the
    characters around it vary (freedom of context: the entropy of its left and right neighbours,
    both at least `min_entropy` nats), which a fragment of a longer word (书记项 in 书记项目)
    fails.

    Parameters
    ----------
    texts : str or iterable of str
        The corpus (a list, a pandas Series, a Corpus's article texts ...).
    min_count : int, default 5
        Fewest occurrences. On a single bulletin, 2 or 3 finds its recurring terms.
    segmenter : Segmenter, optional
        The segmenter whose lexicon fills the ``in_lexicon`` column (default: the default
        lexicon). Any collection of words will do (``word in segmenter`` is asked).

    Returns
    -------
    pandas.DataFrame
        One row per candidate, best first: ``word``, ``count``, ``cohesion``, ``left_entropy``,
        ``right_entropy``, ``association`` (nats saved per occurrence by treating the word as
        one unit), ``score`` (log(count) × association × the smaller entropy) and
        ``in_lexicon``.
    """
    import pandas as pd

    min_count = check_int(min_count, "min_count", 1)
    min_length = check_int(min_length, "min_length", 2, _MAX_LENGTH)
    max_length = check_int(max_length, "max_length", min_length, _MAX_LENGTH)
    min_cohesion = check_real(min_cohesion, "min_cohesion")
    min_entropy = check_real(min_entropy, "min_entropy")
    threads = thread_count(n_threads)
    corpus = [texts] if isinstance(texts, str) else list(texts)
    columns = _core.discover_words(
        [as_text(t) for t in corpus],
        min_count,
        min_length,
        max_length,
        min_cohesion,
        min_entropy,
        threads,
    )
    frame = pd.DataFrame(columns)
    frame["count"] = frame["count"].astype("int64")
    if segmenter is None:
        default = segmenter_core(None)
        frame["in_lexicon"] = [default.word_frequency(w) is not None for w in frame["word"]]
    else:
        frame["in_lexicon"] = [w in segmenter for w in frame["word"]]
    return frame
