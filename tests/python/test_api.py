"""What the whole public API shares: one rule for n_threads, one name for how many results, the
errors in one module, and parameters that tab completion can see."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
import pytest
import scipy.sparse
from testdata import SAMPLE

import gongwen
from gongwen import errors

TEXTS = [
    "党建引领基层治理，网格员走访群众。",
    "基层治理靠网格员，党建引领见实效。",
    "乡村振兴产业发展。",
]


def public_callables() -> Iterator[tuple[str, Callable[..., Any]]]:
    """Every public function, class and public method of the package."""
    for name in gongwen.__all__:
        item = getattr(gongwen, name)
        if inspect.isclass(item):
            yield name, item
            for method_name in dir(item):  # inherited methods too
                method = getattr(item, method_name)
                if callable(method) and not method_name.startswith("_"):
                    yield f"{name}.{method_name}", method
        elif callable(item):
            yield name, item


def parameters_of(item: Callable[..., Any]) -> list[str]:
    try:
        return list(inspect.signature(item).parameters)
    except (TypeError, ValueError):  # classes of the C++ core, named tuples
        return []


def test_how_many_results_is_top_n_everywhere() -> None:
    offenders = [
        f"{name}({parameter})"
        for name, item in public_callables()
        for parameter in parameters_of(item)
        if parameter in ("k", "n", "n_terms", "n_results", "topn", "ntop", "n_neighbors")
    ]
    assert not offenders, offenders
    with_top_n = {name for name, item in public_callables() if "top_n" in parameters_of(item)}
    assert {
        "most_similar",
        "top_words",
        "keywords_by_group",
        "Corpus.keywords",
        "Corpus.topics",
        "Corpus.similar_articles",
        "TopicModel.top_terms",
        "CountVectorizer.keywords",
    } <= with_top_n


def test_no_public_function_hides_its_parameters_behind_kwargs() -> None:
    hidden = [
        name
        for name, item in public_callables()
        if any(
            p.kind is inspect.Parameter.VAR_KEYWORD
            for p in (inspect.signature(item).parameters.values() if parameters_of(item) else [])
        )
        and not name.endswith(".set_params")  # scikit-learn's: any of the parameters
    ]
    assert not hidden, hidden


def calls_with_threads() -> dict[str, Callable[[Any], object]]:
    """Every public entry point that takes n_threads, called with the given value."""
    X = scipy.sparse.random(6, 5, density=0.6, random_state=0, format="csr")
    segmenter = gongwen.Segmenter()
    corpus = gongwen.Corpus.from_paths(SAMPLE)
    return {
        "Corpus.from_paths": lambda t: gongwen.Corpus.from_paths(SAMPLE, n_threads=t),
        "Corpus.find_reuse": lambda t: corpus.find_reuse(n_threads=t),
        "Segmenter.cut_many": lambda t: segmenter.cut_many(TEXTS, n_threads=t),
        "Segmenter.adapt_frequencies": lambda t: gongwen.Segmenter().adapt_frequencies(
            TEXTS, n_threads=t
        ),
        "discover_words": lambda t: gongwen.discover_words(TEXTS, 1, n_threads=t),
        "find_reuse": lambda t: gongwen.find_reuse(TEXTS, n_threads=t),
        "most_similar": lambda t: gongwen.most_similar(X, 2, n_threads=t),
        "TfidfVectorizer": lambda t: gongwen.TfidfVectorizer(n_threads=t).fit_transform(TEXTS),
        "CountVectorizer": lambda t: gongwen.CountVectorizer(n_threads=t).fit_transform(TEXTS),
        "HashingVectorizer": lambda t: gongwen.HashingVectorizer(n_threads=t).transform(TEXTS),
        "TopicModel": lambda t: gongwen.TopicModel(2, random_state=0, n_threads=t).fit(X),
    }


CALLS = calls_with_threads()


@pytest.mark.parametrize("name", sorted(CALLS))
def test_n_threads_is_none_or_a_positive_int_everywhere(name: str) -> None:
    call = CALLS[name]
    call(None)
    call(1)
    for bad in (0, -1, 1.5, True, "2"):
        with pytest.raises(ValueError, match="n_threads must be a positive integer, or None"):
            call(bad)


def test_every_entry_point_with_n_threads_is_tried() -> None:
    taking = {
        name.split(".")[0] if name.split(".")[0].endswith("Vectorizer") else name
        for name, item in public_callables()
        if "n_threads" in parameters_of(item)
    }
    assert taking <= set(CALLS) | {"Segmenter.adapt"}, taking - set(CALLS)


def test_the_cli_refuses_zero_threads(capsys: pytest.CaptureFixture[str]) -> None:
    from gongwen.cli import main

    assert main(["report", str(SAMPLE), "--threads", "0", "--out", "/dev/null"]) == 1
    assert "n_threads must be a positive integer" in capsys.readouterr().err


def test_errors_and_warnings_live_in_one_module() -> None:
    for name in ("DecodeError", "EmptyDocumentError", "GongwenWarning", "NotFittedError"):
        assert getattr(gongwen, name) is getattr(errors, name)
    assert issubclass(errors.DecodeError, ValueError)
    assert issubclass(errors.NotFittedError, (ValueError, AttributeError))
    with pytest.raises(errors.NotFittedError):
        gongwen.TfidfVectorizer().transform(TEXTS)
    with pytest.raises(errors.DecodeError):
        gongwen.decode_bytes(b"\xff\xfe\xfd\x00\x81" * 3, "utf-8")


def test_argument_errors_name_the_parameter() -> None:
    X = np.ones((3, 2))
    cases: list[tuple[Callable[[], object], str]] = [
        (lambda: gongwen.most_similar(X, top_n=0), "top_n must be an int >= 1, not 0"),
        (lambda: gongwen.top_words("党建", top_n=-1), "top_n must be an int >= 1"),
        (lambda: gongwen.find_reuse(TEXTS, ngram=2), r"ngram must be an int in \[3, 64\]"),
        (lambda: gongwen.find_reuse(TEXTS, min_similarity=2), r"min_similarity must be a number"),
        (lambda: gongwen.discover_words(TEXTS, 0), "min_count must be an int >= 1"),
        (lambda: gongwen.discover_words(TEXTS, max_length=11), "max_length must be an int in"),
        (lambda: gongwen.Segmenter().add_word("网格员", float("nan")), "freq must be a number"),
        (lambda: gongwen.reuse_html(gongwen.find_reuse(TEXTS), context=-1), "context must be"),
        (lambda: gongwen.TopicModel(0).fit(scipy.sparse.eye(3)), "n_topics must be an int >= 1"),
    ]
    for call, message in cases:
        with pytest.raises(ValueError, match=message):
            call()
