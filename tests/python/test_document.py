"""gongwen.read_document / parse_document: kinds, official documents field by field, citations,
and the corpus's citation table and graph."""

from __future__ import annotations

import datetime
import json
import pickle
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from testdata import DATA, REFERENCE, SAMPLE

import gongwen

OFFICIAL = DATA / "official"
KINDS = DATA / "kinds"
# Hand-checked fields of every fixture: expected.json for the documents the parser was written
# against, blind/, blind2/ and blind3/ for those written afterwards to find where it failed (web pages'
# and PDFs' and Word files' text, old formats, genres close to 公文). "alt" lists other answers that are right.
EXPECTED: dict[str, dict[str, Any]] = {
    **json.loads((OFFICIAL / "expected.json").read_text("utf-8")),
    **json.loads((OFFICIAL / "blind" / "expected.json").read_text("utf-8")),
    **json.loads((OFFICIAL / "blind2" / "expected.json").read_text("utf-8")),
    **json.loads((OFFICIAL / "blind3" / "expected.json").read_text("utf-8")),
}

# The fields of expected.json that Document has under the same name.
FIELDS = [
    "kind", "title", "doc_type", "doc_number", "issuers", "issuer_marks", "recipients",
    "signatories", "date", "notes", "attachments", "cc", "printed_by", "printed_date",
    "copy_number", "secrecy", "urgency", "signers",
]  # fmt: skip


def _squeezed(value: Any) -> Any:
    """Values compared without white space: titles and 署名 are printed letter-spaced."""
    if isinstance(value, str):
        return re.sub(r"\s+", "", value)
    if isinstance(value, list):
        return [_squeezed(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_field_of_the_hand_checked_documents(name: str) -> None:
    expected = EXPECTED[name]
    doc = gongwen.read_document(OFFICIAL / name)
    fields = FIELDS if expected["kind"] == "official" else ["kind", "title", "date"]
    wrong = {
        f: (getattr(doc, f), expected[f])
        for f in fields
        if f in expected and _squeezed(getattr(doc, f)) != _squeezed(expected[f])
    }
    if doc.kind in expected.get("kind_ok", ()):  # where two kinds are defensible
        wrong.pop("kind", None)
    for f, answers in (expected.get("alt") or {}).items():
        if f in wrong and _squeezed(getattr(doc, f)) in [_squeezed(a) for a in answers]:
            del wrong[f]
    if "article_titles" in expected:
        titles = [a.title for a in doc.articles]
        if _squeezed(titles) != _squeezed(expected["article_titles"]):
            wrong["article_titles"] = (titles, expected["article_titles"])
    parts = expected.get("doc_number_parts")
    if parts and doc.number is not None:
        got = {"agency": doc.number.agency, "year": doc.number.year, "serial": doc.number.serial}
        if _squeezed(list(got.values())) != _squeezed(list(parts.values())):
            wrong["doc_number_parts"] = (got, parts)
    assert not wrong, f"{name}: (got, expected) {wrong}; evidence {doc.evidence}"


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if "citations" in e))
def test_every_citation_of_the_hand_checked_documents(name: str) -> None:
    doc = gongwen.read_document(OFFICIAL / name)

    def key(number: str | None, title: str | None) -> tuple[str, str]:
        return (_squeezed(number or ""), gongwen._core.title_key(title or ""))

    got = {key(c.number.text if c.number else None, c.title) for c in doc.citations}
    want = {key(c.get("number"), c.get("title")) for c in EXPECTED[name]["citations"]}
    also = {
        key(c.get("number"), c.get("title")) for c in EXPECTED[name].get("citations_also_ok", [])
    }
    assert want <= got <= want | also
    for c in doc.citations:  # each mention's span holds what it cites
        mention = doc.text[c.start : c.end]
        assert (c.title or "") in mention.replace("\n", "") or c.number is not None
        if c.number is not None:  # 国发〔2023〕1号、2号: the second printed as 2号
            assert f"{c.number.serial}号" in _squeezed(mention)


def test_the_manifest_of_the_state_council_pages() -> None:
    # The 14 pages' title, issuer and 文号 as the crawl recorded them (expected.json's source).
    pages = {n: e for n, e in EXPECTED.items() if n.startswith("govcn_")}
    assert len(pages) == 14
    for name, expected in pages.items():
        doc = gongwen.read_document(OFFICIAL / name)
        assert doc.kind == "official", name
        assert _squeezed(doc.title) == _squeezed(expected["title"]), name
        assert doc.doc_number == expected["doc_number"], name
        assert doc.issuer == "、".join(expected["issuers"]), name


def test_parts_are_spans_of_the_text() -> None:
    doc = gongwen.read_document(OFFICIAL / "written" / "opinion_secret.txt")
    names = [p.name for p in doc.parts]
    for name in ("copy_number", "secrecy", "urgency", "issuer_mark", "doc_number", "title"):
        assert name in names
    assert names.index("doc_number") < names.index("title") < names.index("body")
    assert [p.start for p in doc.parts] == sorted(p.start for p in doc.parts)
    for p in doc.parts:
        if p.name not in {"body", "attachment", "metadata"}:
            assert _squeezed(doc.part_text(p)) == _squeezed(p.value), p
    assert doc.part("body") is not None and doc.part("body").value == doc.articles[0].text
    frame = doc.parts_frame()
    assert list(frame.columns) == ["name", "value", "start", "end"] and len(frame) == len(names)


def test_the_number_is_parsed_and_keyed() -> None:
    doc = gongwen.read_document(OFFICIAL / "govcn_5351181.txt")
    assert doc.number == gongwen.parse_doc_number("国发[2018]41号").__class__(
        "国发〔2018〕41号", "国发", 2018, 41, doc.number.key
    )
    assert gongwen.parse_doc_number("国发[2018]41号").key == doc.number.key
    assert gongwen.parse_doc_number("国令第706号").serial == 706
    assert gongwen.parse_doc_number("第3号") is None
    assert gongwen.parse_doc_number("根据国发〔2018〕41号文件") is None


def test_attachments_are_articles_of_their_own() -> None:
    issued = gongwen.read_document(OFFICIAL / "govcn_5351181.txt")  # 关于印发《办法》的通知
    assert [a.title for a in issued.articles] == [issued.title, "个人所得税专项附加扣除暂行办法"]
    assert issued.articles[0].author == "国务院"
    assert len(issued.articles[1].sections) == 9  # its chapters
    forwarded = gongwen.read_document(OFFICIAL / "govcn_5351713.txt")  # 转发 a report
    assert len(forwarded.articles) == 2 and forwarded.articles[1].title.endswith("的报告")
    assert forwarded.date == datetime.date(1996, 2, 5)  # not the forwarded report's date


def test_the_page_table_fills_and_disagreements_are_kept() -> None:
    doc = gongwen.read_document(OFFICIAL / "written" / "webcopy_notice.txt")
    assert doc.metadata["发文字号"] == doc.doc_number
    assert doc.date == datetime.date(2023, 12, 18)  # the body wins
    assert len(doc.conflicts) == 1 and "成文日期" in doc.conflicts[0]


@pytest.mark.parametrize("path", sorted(KINDS.iterdir()), ids=lambda p: p.name)
def test_kind_of_real_laws_and_reports(path: Path) -> None:
    doc = gongwen.read_document(path)
    assert doc.kind == path.name.split("_")[0], doc.evidence
    assert doc.evidence and doc.doc_number is None and doc.recipients == []


def test_the_reference_bulletin_is_a_bulletin_as_read_bulletin_gives_it() -> None:
    doc = gongwen.read_document(REFERENCE)
    assert doc.kind == "bulletin" and doc.bulletin is not None
    assert doc.bulletin.to_dict() == gongwen.read_bulletin(REFERENCE).to_dict()
    assert doc.title == "安庆组工信息" and doc.articles is doc.bulletin.articles
    assert doc.text is doc.bulletin.text  # held once


def test_a_document_holds_its_text_once() -> None:
    doc = gongwen.read_document(OFFICIAL / "govcn_5351181.txt")
    assert all(a._source is doc.text for a in doc.articles)
    assert len(pickle.dumps(doc)) < 1.5 * len(pickle.dumps(doc.text))


def test_corpus_of_documents_table_and_citations() -> None:
    names = [n for n in EXPECTED if not n.startswith("blind")]
    corpus = gongwen.Corpus.from_paths([OFFICIAL / n for n in names], progress=False)
    assert len(corpus) == len(names) and corpus.errors == []
    frame = corpus.to_frame()
    official = frame[frame.kind == "official"]
    assert official.doc_number.notna().all() and official.issuer.notna().all()
    assert (frame[frame.kind != "official"].doc_number.isna()).all()
    assert set(frame.kind) <= set(gongwen.KINDS)
    row = frame.index[frame.doc_number == "国发〔2018〕41号"][0]
    assert frame.loc[row, "recipients"][0] == "各省" and frame.loc[row, "doc_type"] == "通知"

    citations = corpus.citations()
    assert list(citations.columns) == [
        "doc", "path", "cited_number", "cited_title", "start", "end", "target", "matched_by",
        "self",
    ]  # fmt: skip
    paths = [d.path for d in corpus]
    linked = citations[citations["target"].notna() & ~citations["self"]]
    pairs = {
        (Path(paths[r.doc]).name, Path(paths[int(r.target)]).name) for r in linked.itertuples()
    }
    assert ("notice_issue_measures.txt", "govcn_5351181.txt") in pairs  # by 文号
    assert ("webcopy_notice.txt", "decree.txt") in pairs  # a 令 by its number
    assert all(
        r.doc != r.target and r.matched_by in {"number", "title"} for r in linked.itertuples()
    )
    # A 通知 naming the 办法 it issues (现将《XX办法》印发给你们) names itself.
    issued = paths.index(str(OFFICIAL / "govcn_5351181.txt"))
    own = citations[(citations["doc"] == issued) & citations["self"]]
    assert "个人所得税专项附加扣除暂行办法" in set(own.cited_title)
    assert (own.target == issued).all()
    assert citations[citations.target.isna()].matched_by.isna().all()
    for r in citations.itertuples():
        text = corpus[r.doc].text[r.start : r.end].replace("\n", "")
        cited = r.cited_title if pd.isna(r.cited_number) else r.cited_number
        assert cited[:2] in text


def test_citation_graph() -> None:
    import networkx as nx  # an optional dependency (gongwen[graph]); make test installs it

    corpus = gongwen.Corpus.from_paths([OFFICIAL / n for n in EXPECTED], progress=False)
    graph = corpus.citation_graph()
    assert isinstance(graph, nx.DiGraph) and graph.number_of_nodes() == len(corpus)
    names = {n: Path(d["path"]).name for n, d in graph.nodes(data=True)}
    edges = {(names[a], names[b]) for a, b in graph.edges}
    assert ("approval.txt", "request.txt") in edges  # a 批复 answers its 请示
    citations = corpus.citations()
    linked = citations[citations["target"].notna() & ~citations["self"]]
    assert sum(d["mentions"] for *_, d in graph.edges(data=True)) == len(linked)
    assert not any(a == b for a, b in graph.edges)  # naming itself makes no loop


def test_sample_corpus_kinds() -> None:
    corpus = gongwen.Corpus.from_paths(SAMPLE, progress=False)
    kinds = {Path(d.path).name: d.kind for d in corpus}
    assert kinds["anqing-zugong-2023-24.txt"] == "bulletin"
    assert kinds["village-committees-law-2018.md"] == "law"
    assert kinds["gov-work-report-2024.txt"] == "report"
    assert kinds["cpc-20th-congress-report.txt"] == "report"


def test_bad_input_gives_clear_results() -> None:
    assert gongwen.parse_document("").kind == "other"
    with pytest.raises(TypeError):
        gongwen.parse_document(b"bytes")  # type: ignore[arg-type]
    head = gongwen.parse_document("中共安庆市委组织部文件\n皖组〔2023〕12号")
    assert head.kind == "official" and head.doc_number == "皖组〔2023〕12号"
    assert head.date is None and head.recipients == [] and head.articles[0].text == ""
    alone = gongwen.parse_document("皖组〔2023〕12号")
    assert alone.kind != "official" and alone.citations == []
    long_recipients = (
        "关于某事的通知\n国办发〔2019〕35号\n" + "各县区人民政府、" * 50_000 + "：\n正文。"
    )
    assert gongwen.parse_document(long_recipients).recipients == []
    # Inputs that would take hours if any step were quadratic.
    for text in (
        "〔" * 100_000,
        "《" * 100_000,
        "国发〔2018〕41号\n" * 50_000,
        "附件：\n" * 50_000,
    ):
        gongwen.parse_document(text)
    with pytest.raises(gongwen.EmptyDocumentError):
        gongwen.read_document(DATA / "hostile" / "empty.txt")


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list(
                "国发〔2018〕41号《》关于的通知：、，。\n各省市人民政府办公厅年月日附件1．（此件公开发布）抄送印发第条一二三 "
            )
        ),
        max_size=400,
    )
)
def test_any_text_parses(text: str) -> None:
    doc = gongwen.parse_document(text)
    assert doc.kind in gongwen.KINDS
    for p in doc.parts:
        assert 0 <= p.start <= p.end <= len(doc.text)
    for c in doc.citations:
        assert 0 <= c.start < c.end <= len(doc.text)
