"""Loading corpora: directories, globs, lists, bad files, the article table."""

from __future__ import annotations

import datetime
import shutil
import threading
from pathlib import Path

import pandas as pd
import pytest
from testdata import DATA, REFERENCE, SAMPLE

import gongwen

# One row per article: the document's fields (a bulletin's header, an official document's
# 文号, issuer, 文种 and 主送), then the article's.
DOCUMENT_COLUMNS = ["path", "kind", "publication", "issue", "date", "editor"]
OFFICIAL_COLUMNS = ["doc_number", "issuer", "doc_type", "recipients"]
ARTICLE_COLUMNS = ["document", "article", "title", "author", "text", "n_chars"]
COLUMNS = DOCUMENT_COLUMNS + OFFICIAL_COLUMNS + ARTICLE_COLUMNS


def test_sample_corpus_loads() -> None:
    corpus = gongwen.Corpus.from_paths(SAMPLE)
    assert len(corpus) == len(gongwen.sample_paths()) >= 4
    assert corpus.errors == []
    assert corpus[0].kind == "bulletin" and corpus[0].bulletin.publication == "安庆组工信息"
    assert all(isinstance(d, gongwen.Document) for d in corpus)


def test_to_frame_has_one_row_per_article() -> None:
    corpus = gongwen.Corpus.from_paths(SAMPLE)
    frame = corpus.to_frame()
    assert list(frame.columns) == COLUMNS
    assert len(frame) == sum(len(b.articles) for b in corpus)
    anqing = frame[frame.publication == "安庆组工信息"]
    assert list(anqing.article) == [0, 1, 2]
    assert list(anqing.author) == ["中共桐城市委", "中共潜山市委", "中共迎江区委"]
    assert set(anqing.issue) == {24}
    assert set(anqing.date) == {datetime.date(2023, 8, 31)}
    assert (frame.n_chars == frame.text.str.len()).all()
    assert str(frame.issue.dtype) == "Int64" and frame.issue.isna().sum() == len(frame) - 3


def test_glob_and_list_and_pathlib(tmp_path: Path) -> None:
    by_glob = gongwen.Corpus.from_paths(str(SAMPLE / "*.md"))
    assert len(by_glob) == 2
    by_list = gongwen.Corpus.from_paths([REFERENCE, SAMPLE / "gov-work-report-2024.txt"])
    assert [Path(b.path).name for b in by_list] == [REFERENCE.name, "gov-work-report-2024.txt"]


def test_bad_files_are_skipped_with_a_warning(tmp_path: Path) -> None:
    shutil.copy(REFERENCE, tmp_path / "good.txt")
    shutil.copy(DATA / "encodings" / "binary_junk.bin", tmp_path / "junk.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "truncated.txt").write_bytes(
        (DATA / "encodings" / "truncated_utf8.txt").read_bytes()
    )
    paths = sorted(tmp_path.iterdir()) + [tmp_path / "missing.txt"]
    with pytest.warns(gongwen.GongwenWarning) as caught:
        corpus = gongwen.Corpus.from_paths(paths)
    assert len(corpus) == 1 and corpus[0].bulletin.publication == "安庆组工信息"
    kinds = {Path(e.path).name: e.error_type for e in corpus.errors}
    assert kinds == {
        "empty.txt": "EmptyDocument",
        "junk.txt": "DecodeError",
        "missing.txt": "FileError",
        "truncated.txt": "DecodeError",
    }
    assert len(caught) == 4
    assert all("skipped" in str(w.message) for w in caught)


def test_many_bad_files_give_a_summary_warning(tmp_path: Path) -> None:
    paths = [tmp_path / f"missing-{i}.txt" for i in range(15)] + [REFERENCE]
    with pytest.warns(gongwen.GongwenWarning) as caught:
        corpus = gongwen.Corpus.from_paths(paths)
    assert len(corpus.errors) == 15 and len(corpus) == 1
    assert len(caught) == 11 and "5 more files" in str(caught[-1].message)


def test_nothing_to_load_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no files"):
        gongwen.Corpus.from_paths(tmp_path)
    with pytest.raises(FileNotFoundError, match="no files"):
        gongwen.Corpus.from_paths(str(tmp_path / "*.txt"))


def test_threads_and_progress(capsys: pytest.CaptureFixture[str]) -> None:
    one = gongwen.Corpus.from_paths(SAMPLE, n_threads=1, progress=True)
    two = gongwen.Corpus.from_paths(SAMPLE, n_threads=2, progress=False)
    assert [b.to_dict() for b in one] == [b.to_dict() for b in two]
    assert "loading documents" in capsys.readouterr().err
    with pytest.raises(ValueError, match="n_threads"):
        gongwen.Corpus.from_paths(SAMPLE, n_threads=0)


def test_loading_from_several_python_threads() -> None:
    results: list[gongwen.Corpus] = []

    def load() -> None:
        results.append(gongwen.Corpus.from_paths(SAMPLE, n_threads=1))

    threads = [threading.Thread(target=load) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    frames = [c.to_frame() for c in results]
    for frame in frames[1:]:
        pd.testing.assert_frame_equal(frame, frames[0])
