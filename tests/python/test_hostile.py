"""Hostile input and concurrency: damaged saved files, any text, many threads, the GIL."""

from __future__ import annotations

import random
import struct
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from testdata import DATA, REFERENCE, part_problems

import gongwen

TEXT = REFERENCE.read_text(encoding="utf-8")
LINES = [line for line in TEXT.split("\n") if line.strip()]

# Any code point (surrogates included), and text built from what bulletins are made of.
ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300)
BULLETIN_PIECES = st.lists(
    st.sampled_from(
        LINES[:40]
        + ["", "\n", "\f", "- 2 -", "第 3 页", "一、", "（二）", "一是", "编者按：", "\ufeff"]
        + ["抄送：", "（共印10份）", "2023年12月29日", "\x00", "\u202e", "👨‍👩‍👧", "\U00020000"]
    ),
    max_size=60,
)


# -- saved files ----------------------------------------------------------------------------------


def fnv1a64(data: bytes) -> int:
    value = 0xCBF29CE484222325
    for byte in data:
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return value


def with_version(image: bytes, version: int) -> bytes:
    """`image` with its format version (after the 8-byte magic) replaced, checksum redone."""
    body = image[:8] + struct.pack("<I", version) + image[12:-8]
    return body + struct.pack("<Q", fnv1a64(body))


def saved_vectorizer() -> tuple[bytes, Callable[[bytes], Any]]:
    vec = gongwen.TfidfVectorizer(stop_words="zh").fit(LINES[:30])
    return vec.__getstate__()["gongwen"], lambda data: _vectorizer_from(data)


def _vectorizer_from(data: bytes) -> gongwen.TfidfVectorizer:
    vec = gongwen.TfidfVectorizer.__new__(gongwen.TfidfVectorizer)
    vec.__setstate__({"gongwen": data})
    return vec


def saved_topic_model() -> tuple[bytes, Callable[[bytes], Any]]:
    matrix = gongwen.TfidfVectorizer().fit_transform(LINES[:40])
    model = gongwen.TopicModel(3, method="nmf", random_state=0).fit(matrix)

    def load(data: bytes) -> gongwen.TopicModel:
        loaded = gongwen.TopicModel.__new__(gongwen.TopicModel)
        loaded.__setstate__({"gongwen": data})
        return loaded

    return model.__getstate__()["gongwen"], load


def core_image(kind: str) -> tuple[bytes, Callable[[bytes], Any]]:
    if kind == "segmenter":
        segmenter = gongwen.Segmenter(user_words=["书记项目"])
        return segmenter._core.serialize(), gongwen._core.Segmenter.deserialize
    if kind == "topics":
        return saved_topic_model()
    return saved_vectorizer()


@pytest.mark.parametrize("kind", ["segmenter", "vectorizer", "topics"])
def test_every_truncation_of_a_saved_file_is_a_value_error(kind: str) -> None:
    image, load = core_image(kind)
    load(image)  # the whole image loads
    step = max(1, len(image) // 4000)  # every length of a small image; evenly spaced otherwise
    for length in range(0, len(image), step):
        with pytest.raises(ValueError):
            load(image[:length])
    with pytest.raises(ValueError):
        load(image + b"\x00")


@pytest.mark.parametrize("kind", ["segmenter", "vectorizer", "topics"])
def test_bit_flips_in_a_saved_file_are_value_errors(kind: str) -> None:
    image, load = core_image(kind)
    rng = random.Random(0)
    for _ in range(300):
        flipped = bytearray(image)
        flipped[rng.randrange(len(image))] ^= 1 << rng.randrange(8)
        with pytest.raises(ValueError, match="corrupted|checksum|not a gongwen|truncated"):
            load(bytes(flipped))


@pytest.mark.parametrize("kind", ["segmenter", "vectorizer", "topics"])
def test_a_newer_format_version_says_so(kind: str) -> None:
    image, load = core_image(kind)
    (version,) = struct.unpack("<I", image[8:12])
    with pytest.raises(ValueError, match="newer.*upgrade gongwen"):
        load(with_version(image, version + 1))
    with pytest.raises(ValueError, match="format version"):
        load(with_version(image, 0 if version != 0 else 99999))


def test_foreign_bytes_are_value_errors() -> None:
    for data in [b"", b"\x00" * 64, b"PK\x03\x04" + bytes(200), TEXT.encode()]:
        with pytest.raises(ValueError):
            gongwen._core.Segmenter.deserialize(data)
        with pytest.raises(ValueError):
            _vectorizer_from(data)


# -- any text -------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.one_of(ANY_TEXT, BULLETIN_PIECES.map("\n".join)))
def test_parse_bulletin_keeps_its_promises_on_any_str(text: str) -> None:
    bulletin = gongwen.parse_bulletin(text)
    assert part_problems(bulletin) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(ANY_TEXT, st.just(""), BULLETIN_PIECES.map("".join)), max_size=12))
def test_vectorizer_outputs_keep_their_promises(texts: list[str]) -> None:
    vec = gongwen.TfidfVectorizer()
    try:
        matrix = vec.fit_transform(texts)
    except ValueError as error:  # nothing to count: every document empty or punctuation
        assert "empty vocabulary" in str(error)
        return
    assert matrix.shape == (len(texts), len(vec.vocabulary_))
    assert matrix.dtype == np.float32 and matrix.format == "csr"
    assert (matrix.data > 0).all()
    norms = np.sqrt(matrix.multiply(matrix).sum(axis=1)).A1
    assert np.all((np.abs(norms - 1) < 1e-5) | (norms == 0))
    counts = gongwen.CountVectorizer(vocabulary=vec.vocabulary_).transform(texts)
    assert counts.dtype == np.int64 and counts.shape == matrix.shape
    assert (counts.toarray() > 0).tolist() == (matrix.toarray() > 0).tolist()
    hashed = gongwen.HashingVectorizer(n_features=64).transform(texts)
    assert hashed.shape == (len(texts), 64)


# -- threads --------------------------------------------------------------------------------------


def run_in_threads(
    work: Callable[[], Any], expected: Any, threads: int = 8, calls: int = 40
) -> None:
    """Runs `work` `calls` times on each of `threads` threads at once; each result must equal."""
    failures: list[Any] = []
    barrier = threading.Barrier(threads)

    def loop() -> None:
        barrier.wait()
        for _ in range(calls):
            result = work()
            if not _equal(result, expected):
                failures.append(result)

    pool = [threading.Thread(target=loop) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    assert not failures


def _equal(a: Any, b: Any) -> bool:
    if hasattr(a, "toarray"):
        return (a != b).nnz == 0
    if isinstance(a, np.ndarray):
        return np.array_equal(a, b)
    return a == b


def test_one_vectorizer_from_eight_threads() -> None:
    vec = gongwen.TfidfVectorizer(ngram_range=(1, 2)).fit(LINES)
    batch = LINES[:50]
    run_in_threads(lambda: vec.transform(batch), vec.transform(batch))
    run_in_threads(lambda: vec.transform(batch[:3]), vec.transform(batch[:3]), calls=300)
    run_in_threads(lambda: list(vec.keywords(batch, 5)), list(vec.keywords(batch, 5)), calls=10)


def test_one_topic_model_from_eight_threads() -> None:
    vec = gongwen.TfidfVectorizer().fit(LINES)
    matrix = vec.transform(LINES)
    for method in ("lsa", "nmf"):
        model = gongwen.TopicModel(4, method=method, random_state=0).fit(matrix)
        transform = model.transform
        run_in_threads(lambda t=transform: t(matrix[:60]), transform(matrix[:60]), calls=20)
        run_in_threads(lambda t=transform: t(matrix[:2]), transform(matrix[:2]), calls=300)


def test_one_segmenter_tokenizing_from_eight_threads() -> None:
    segmenter = gongwen.Segmenter()
    expected = [segmenter.tokenize(line) for line in LINES[:60]]
    run_in_threads(lambda: [segmenter.tokenize(line) for line in LINES[:60]], expected, calls=30)
    run_in_threads(lambda: segmenter.cut_many(LINES, n_threads=2), segmenter.cut_many(LINES))


def overlaps_python_thread(call: Callable[[], Any]) -> bool:
    """Whether a Python thread makes progress in the middle half of `call` (the GIL released).

    While `call` runs on this thread, another thread records the time again and again. With
    the GIL held for the whole C++ call, the other thread can run only before the call enters
    C++ and after it returns: no record falls in the middle of the call.
    """
    done = threading.Event()
    stamps: list[float] = []

    def tick() -> None:
        while not done.is_set():
            stamps.append(time.perf_counter())

    ticker = threading.Thread(target=tick)
    ticker.start()
    while not stamps:  # the ticker is running
        time.sleep(0.001)
    start = time.perf_counter()
    call()
    end = time.perf_counter()
    done.set()
    ticker.join()
    quarter = (end - start) / 4
    return any(start + quarter < s < end - quarter for s in stamps)


def test_heavy_calls_release_the_gil() -> None:
    texts = LINES * 200
    segmenter = gongwen.Segmenter()
    vec = gongwen.TfidfVectorizer().fit(LINES)
    assert overlaps_python_thread(lambda: segmenter.cut_many(texts, n_threads=1))
    assert overlaps_python_thread(lambda: vec.transform(texts))
    assert overlaps_python_thread(lambda: gongwen.TfidfVectorizer().fit(texts))
    matrix = vec.transform(LINES * 40)
    assert overlaps_python_thread(lambda: gongwen.most_similar(matrix, top_n=5, n_threads=1))
    nmf = gongwen.TopicModel(10, method="nmf", max_iter=300, tol=0, random_state=0, n_threads=1)
    assert overlaps_python_thread(lambda: nmf.fit(matrix))
    assert overlaps_python_thread(lambda: gongwen.find_reuse(texts[:3000], max_df=1.0))


def test_finishing_saving_loading_and_scoring_release_the_gil() -> None:
    """The core's calls, each given an input whose C++ work dwarfs making its Python result
    (where numpy copies an array, it lets other threads run for a moment itself)."""
    core = gongwen._core
    # 300,000 terms seen once and one in every document: max_features=1 ranks them all.
    counter = core.TermCounter.learning(1, 1, True, [], False)
    counter.add_word_lists([["党建", *(f"词{d}-{i}" for i in range(100))] for d in range(3000)])
    assert overlaps_python_thread(lambda: counter.finish(max_features=1))
    # 50 MB of segmenter bytes: copied and checksummed.
    blob = bytes(50_000_000)
    assert overlaps_python_thread(lambda: core.save_vectorizer("{}", None, [], 0, [], blob))
    saved = core.save_vectorizer("{}", None, [], 0, [], blob)
    assert overlaps_python_thread(lambda: core.load_vectorizer(saved))
    # A model of 20 topics over 400,000 terms (64 MB of components).
    import scipy.sparse

    X = scipy.sparse.random(50, 400_000, density=0.001, random_state=0, format="csr")
    model = gongwen.TopicModel(20, random_state=0, n_iter=1).fit(X)._model
    assert overlaps_python_thread(lambda: core.save_topic_model("{}", model))
    image = core.save_topic_model("{}", model)
    assert overlaps_python_thread(lambda: core.load_topic_model(image))
    # 86,400 lines of gold and predicted words.
    gold = [" ".join(SEGMENTER.cut(line)) for line in LINES] * 400
    predicted = [" ".join(line.replace(" ", "")) for line in gold]
    assert overlaps_python_thread(lambda: core.evaluate_segmentation(gold, predicted, None))


# -- Ctrl-C -------------------------------------------------------------------------------------

# Each snippet starts a call that would run for minutes; SIGINT must stop it with a
# KeyboardInterrupt. The child prints READY just before the call and INTERRUPTED on catching it.
LONG_CALLS = {
    "topics": """
import numpy as np, scipy.sparse
X = scipy.sparse.random(3000, 2000, density=0.02, random_state=0, format="csr", dtype=np.float64)
call = lambda: gongwen.TopicModel(50, method="nmf", max_iter=10**7, tol=0).fit(X)
""",
    "most_similar": """
import numpy as np
X = np.random.default_rng(0).random((60000, 300))
call = lambda: gongwen.most_similar(X, top_n=10, n_threads=1)
""",
    "find_reuse": """
base = "党建引领乡村振兴书记项目基层治理网格化管理" * 100
texts = [base[:i] + "甲" + base[i:] for i in range(3000)]
call = lambda: gongwen.find_reuse(texts, max_df=1.0)
""",
    # 10 M random characters: the call is still building its index of n-grams at 0.5 s.
    "find_reuse_index": """
import numpy as np
chars = np.random.default_rng(0).integers(0x4E00, 0x9FA5, 10_000_000, dtype=np.uint32)
texts = [chars[i : i + 100_000].tobytes().decode("utf-32-le") for i in range(0, chars.size, 100_000)]
call = lambda: [gongwen.find_reuse(texts, max_df=2) for _ in range(100)]
""",
}

CHILD = """
import sys, time
import gongwen
{setup}
print("READY", flush=True)
start = time.perf_counter()
try:
    call()
    print("FINISHED", time.perf_counter() - start, flush=True)
except KeyboardInterrupt:
    print("INTERRUPTED", time.perf_counter() - start, flush=True)
"""


@pytest.mark.parametrize("name", sorted(LONG_CALLS))
def test_ctrl_c_stops_a_long_call(name: str) -> None:
    import signal
    import subprocess
    import sys

    child = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(setup=LONG_CALLS[name])],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "READY"
        time.sleep(0.5)  # inside the call by now
        sent = time.perf_counter()
        child.send_signal(signal.SIGINT)
        out, _ = child.communicate(timeout=60)  # a guard against a hang, not a speed test
        stopped_after = time.perf_counter() - sent
    finally:
        child.kill()
    assert out.startswith("INTERRUPTED"), out
    print(f"{name}: stopped {stopped_after:.3f} s after SIGINT")


# -- the hostile fixtures (tests/data/hostile, shared with the C++ tests and the fuzzers) ---------

HOSTILE = DATA / "hostile"
HOSTILE_FILES = sorted(HOSTILE.iterdir())


@pytest.fixture(scope="module")
def large_hostile_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """10 MB of Chinese without a newline, and a 1 GB sparse file (no disk used)."""
    directory = tmp_path_factory.mktemp("large-hostile")
    long_line = directory / "ten_mb_one_line.txt"
    long_line.write_bytes("坚持党建引领，推动乡村振兴，".encode() * (10_000_000 // 42 + 1))
    sparse = directory / "one_gb_sparse.txt"
    with open(sparse, "wb") as f:
        f.truncate(1 << 30)
    return {"long_line": long_line, "sparse": sparse}


def every_stage(text: str) -> None:
    """Parse, segment, vectorize and compare `text`: nothing may crash, hang or lose text."""
    bulletin = gongwen.parse_bulletin(text)
    for article in bulletin.articles:
        assert isinstance(article.text, str)
    tokens = SEGMENTER.tokenize(text)
    assert "".join(t.text for t in tokens) == text
    try:
        matrix = gongwen.TfidfVectorizer().fit_transform([text, text[: len(text) // 2]])
        assert matrix.shape[0] == 2
    except ValueError as error:  # no words at all
        assert "empty vocabulary" in str(error)
    reuse = gongwen.find_reuse([text, "前言" + text], min_chars=10)
    for row in reuse.itertuples():
        assert text[row.start_a : row.end_a] == row.text_a


SEGMENTER = gongwen.Segmenter()


@pytest.mark.parametrize("path", HOSTILE_FILES, ids=[p.name for p in HOSTILE_FILES])
def test_every_hostile_file_is_read_or_refused_clearly(path: Path) -> None:
    try:
        text = gongwen.read_text(path)
    except gongwen.DecodeError as error:
        assert str(path) in str(error) and error.offset >= 0
        return
    assert isinstance(text, str)
    every_stage(text)
    # Decoding the bytes in memory gives the same as reading the file.
    assert gongwen.decode_bytes(path.read_bytes()) == text


def test_hostile_files_load_as_a_corpus_with_warnings() -> None:
    with pytest.warns(gongwen.GongwenWarning):
        corpus = gongwen.Corpus.from_paths(HOSTILE_FILES)

    # An archive's members are documents of their own ("zip_nested.zip/inner.zip/a.txt"):
    # each result is named by the hostile file it came from.
    def top(path: str) -> str:
        return Path(path).relative_to(HOSTILE).parts[0]

    loaded = {top(b.path) for b in corpus.bulletins}
    skipped = {top(e.path) for e in corpus.errors}
    assert loaded | skipped == {p.name for p in HOSTILE_FILES}
    assert {
        "binary_elf_header.bin",
        "zip_header.bin",
        "empty.txt",
        "overlong_and_ff.txt",
    } <= skipped
    assert "invalid_utf8.txt" in loaded | skipped
    frame = corpus.to_frame()
    assert len(frame) == sum(len(b.articles) for b in corpus.bulletins)


def test_hostile_documents_and_pages_expand_fetch_and_recurse_nothing() -> None:
    # XML entities stay as written: no billion laughs, no file read through an external entity.
    for name in ("docx_billion_laughs.docx", "docx_external_entity.docx"):
        text = gongwen.read_text(HOSTILE / name)
        assert text.startswith("坚持党建引领，推动乡村振兴。") and len(text) < 40, name
        assert "root:" not in text
    assert (
        gongwen.read_text(HOSTILE / "docx_deep_nesting.docx").strip()
        == "坚持党建引领，推动乡村振兴。"
    )
    numbered = gongwen.read_text(HOSTILE / "docx_numbering_overflow.docx").splitlines()
    assert len(numbered) == 4 and all(line.endswith("推动乡村振兴。") for line in numbered)
    assert all(len(line) < 200 for line in numbered)  # the counters clamped, the pattern bounded
    with pytest.raises(gongwen.DecodeError, match="nested more than 1000"):
        gongwen.read_text(HOSTILE / "html_deep_nesting.html")
    with pytest.raises(gongwen.DecodeError, match="damaged base64"):
        gongwen.read_text(HOSTILE / "html_broken_mht.mht")
    assert len(gongwen.read_text(HOSTILE / "html_without_tags.html")) == 70_000
    # A page of nothing but its site has no document: said, not loaded as an empty one.
    with pytest.warns(gongwen.GongwenWarning, match="web page without main text"):
        corpus = gongwen.Corpus.from_paths([HOSTILE / "html_site_only.html"], progress=False)
    assert [e.error_type for e in corpus.errors] == ["EmptyDocument"] and len(corpus) == 0


def test_ten_megabytes_without_a_newline(large_hostile_files: dict[str, Path]) -> None:
    text = gongwen.read_text(large_hostile_files["long_line"])
    assert len(text) >= 3_300_000
    bulletin = gongwen.parse_bulletin(text)
    assert sum(a.n_chars for a in bulletin.articles) >= len(text) * 0.99  # no text lost
    words = SEGMENTER.cut(text)
    assert "".join(words) == text
    assert "党建引领" in words


def test_a_one_gigabyte_binary_file_is_refused_without_reading_it(
    large_hostile_files: dict[str, Path],
) -> None:
    sparse = large_hostile_files["sparse"]
    with pytest.raises(gongwen.DecodeError, match="binary data"):
        gongwen.read_text(sparse)
    with pytest.warns(gongwen.GongwenWarning, match="binary data"):
        corpus = gongwen.Corpus.from_paths([sparse])
    assert len(corpus) == 0 and len(corpus.errors) == 1


MEMORY_CHILD = """
import sys
import gongwen

def kilobytes(field):
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field))

path, call = sys.argv[1:]
if call == "tfidf":  # counting one huge document, read before the measurement starts
    texts = [gongwen.read_text(path)]
    vectorizer = gongwen.TfidfVectorizer(ngram_range=(1, 2))
with open("/proc/self/clear_refs", "w") as f:  # the peak (VmHWM) starts again from here
    f.write("5")
base = kilobytes("VmRSS:")
if call == "tfidf":
    result = vectorizer.fit_transform(texts)
else:
    result = getattr(gongwen, call)(path)
print((kilobytes("VmHWM:") - base) * 1024)
"""


# The file's text is held once by the result, and the C++ parser works on it as code points (4
# bytes each against UTF-8's 3 for Chinese), line by line: 30 MB of short lines (the shape of
# text extracted from PDF) and 30 MB on one line. Counting a document's words and bigrams holds
# its words (a 4-byte size each) and segments it a piece at a time.
@pytest.mark.parametrize(
    ("call", "shape", "multiple"),
    [
        ("read_text", "lines", 3),
        ("read_bulletin", "lines", 6),
        ("read_bulletin", "one line", 6),
        ("tfidf", "lines", 8),
        ("tfidf", "one line", 8),
    ],
)
def test_a_large_file_is_read_in_a_small_multiple_of_its_size(
    tmp_path: Path, call: str, shape: str, multiple: int
) -> None:
    import subprocess
    import sys

    big = tmp_path / "big.txt"
    unit = TEXT if shape == "lines" else "坚持党建引领，推动乡村振兴，"
    big.write_bytes(unit.encode() * (30_000_000 // len(unit.encode())))
    size = big.stat().st_size
    out = subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD, str(big), call],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    growth = int(out)
    print(f"{call} ({shape}): peak memory grew by {growth / size:.1f} times the file's size")
    assert growth <= multiple * size


def test_file_names_that_are_not_utf8(tmp_path: Path) -> None:
    # A GBK-encoded name, as Windows archives leave them: Python sees it with lone surrogates.
    import os

    name = os.fsdecode("党建简报.txt".encode("gbk"))
    path = tmp_path / name
    path.write_bytes(TEXT.encode())
    assert gongwen.read_text(path) == TEXT
    assert gongwen.read_bulletin(path).path == str(path)
    corpus = gongwen.Corpus.from_paths(tmp_path)
    assert [b.path for b in corpus.bulletins] == [str(path)]
    missing = tmp_path / os.fsdecode(b"\xff\xfe.txt")
    with pytest.raises(FileNotFoundError) as error:
        gongwen.read_text(missing)
    assert error.value.filename == str(missing)
    binary = tmp_path / os.fsdecode("二进制.txt".encode("gbk"))
    binary.write_bytes(bytes(100))
    with pytest.raises(gongwen.DecodeError) as decode_error:
        gongwen.read_text(binary)
    assert decode_error.value.path == str(binary)
    words = tmp_path / os.fsdecode("词典.txt".encode("gbk"))
    words.write_text("书记项目 100 n\n", encoding="utf-8")
    segmenter = gongwen.Segmenter()
    assert segmenter.load_userdict(words) == 1
    stop_words = tmp_path / os.fsdecode("停用词.txt".encode("gbk"))
    stop_words.write_text("的\n了\n", encoding="utf-8")
    assert gongwen.load_stop_words(stop_words) == frozenset({"的", "了"})


def test_a_tag_number_past_the_table_is_a_value_error() -> None:
    core = gongwen.Segmenter()._core
    assert isinstance(core.tag_name(0), str)
    with pytest.raises(ValueError):
        core.tag_name(60000)
