"""The HTML report's official documents (公文), citations and each document's own fields."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import pytest
from testdata import REFERENCE, SAMPLE

import gongwen
from gongwen.report import corpus_findings, render_report

STATE_COUNCIL = "国务院关于印发个人所得税专项附加扣除暂行办法的通知"
GENERAL_OFFICE = (
    "国务院办公厅关于有效发挥政府性融资担保基金作用切实支持小微企业和“三农”发展的指导意见"
)
PROVINCE = "安徽省人力资源和社会保障厅关于印发《安徽省职业技能等级认定工作管理办法》的通知"
CITY = "安庆市人民政府办公室关于做好2024年元旦春节期间有关工作的通知"


@pytest.fixture(scope="module")
def corpus() -> gongwen.Corpus:
    return gongwen.Corpus.from_paths(SAMPLE)


@pytest.fixture(scope="module")
def report(corpus: gongwen.Corpus) -> str:
    return render_report(corpus, findings=corpus_findings(corpus))


def row_of(corpus: gongwen.Corpus, file_name: str) -> int:
    """The row in corpus.documents of the sample file `file_name`."""
    (row,) = [i for i, d in enumerate(corpus.documents) if Path(d.path).name == file_name]
    return row


def text(fragment: str) -> str:
    """`fragment` without its tags, entities decoded."""
    return htmllib.unescape(re.sub(r"<[^>]+>", "", fragment))


def section(report: str, heading: str) -> str:
    """The report from the <h2> that starts with `heading` to the next <h2>."""
    start = re.search(rf"<h2[^>]*>{re.escape(heading)}", report)
    assert start, heading
    end = report.find("<h2", start.end())
    return report[start.start() : end if end >= 0 else len(report)]


def table_rows(fragment: str) -> list[list[str]]:
    """The cells of each row (<td> only, so header rows are left out) of the tables in
    `fragment`, as text."""
    return [
        [text(cell) for cell in re.findall(r"<td>(.*?)</td>", row)]
        for row in re.findall(r"<tr>(.*?)</tr>", fragment)
        if "<td>" in row
    ]


def fields(report: str, row: int) -> dict[str, str]:
    """The <dl> of fields in the report's part for the document of `row`."""
    part = report[report.index(f'<h2 id="doc-{row}">') :]
    dl = part[: part.index("</dl>")]
    return {text(k): text(v) for k, v in re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", dl, re.DOTALL)}


# -- the sample corpus: four 公文 among bulletins, reports and laws --------------------------------


def test_the_sample_holds_official_documents_and_the_bulletin_first(
    corpus: gongwen.Corpus,
) -> None:
    assert Path(gongwen.sample_paths()[0]) == REFERENCE
    assert corpus[0].kind == "bulletin"
    official = {d.doc_number: d.title for d in corpus if d.kind == "official"}
    assert official == {
        "国发〔2018〕41号": STATE_COUNCIL,
        "国办发〔2019〕6号": GENERAL_OFFICE,
        "皖人社发〔2023〕15号": PROVINCE,
        "宜政办秘〔2023〕120号": CITY,
    }
    # The written notices cite the two State Council documents by 文号, and find them.
    citations = corpus.citations().dropna(subset=["target"])
    linked = {
        (corpus[int(c.doc)].doc_number, corpus[int(c.target)].doc_number)
        for c in citations.itertuples()
    }
    assert ("皖人社发〔2023〕15号", "国发〔2018〕41号") in linked
    assert ("宜政办秘〔2023〕120号", "国办发〔2019〕6号") in linked


def test_the_report_lists_the_official_documents(report: str) -> None:
    official = section(report, "公文 Official documents")
    assert "公文 Official documents (4)" in official
    rows = {cells[1]: cells for cells in table_rows(official)}
    assert set(rows) == {
        "国发〔2018〕41号",
        "国办发〔2019〕6号",
        "皖人社发〔2023〕15号",
        "宜政办秘〔2023〕120号",
    }
    # title, 文号, 文种, issuer, 成文日期, 主送 joined by 、, attached texts, 附注
    assert rows["国发〔2018〕41号"] == [
        STATE_COUNCIL,
        "国发〔2018〕41号",
        "通知",
        "国务院",
        "2018-12-13",
        "各省、自治区、直辖市人民政府、国务院各部委、各直属机构",
        "1",
        "此件公开发布",
    ]
    assert rows["国办发〔2019〕6号"][2:5] == ["意见", "国务院办公厅", "2019-01-22"]
    assert rows["国办发〔2019〕6号"][6] == "0"
    assert rows["皖人社发〔2023〕15号"][5] == "各市人力资源社会保障局、省直各有关单位"
    assert rows["皖人社发〔2023〕15号"][6] == "1"
    # Only 公文 are listed: no bulletin, report or law.
    assert "安庆组工信息" not in official and "政府工作报告" not in official


def test_the_official_table_links_to_each_document(report: str, corpus: gongwen.Corpus) -> None:
    official = section(report, "公文 Official documents")
    row = row_of(corpus, "state-council-2018-41-iit-deductions.txt")
    assert f'<a href="#doc-{row}">{STATE_COUNCIL}</a>' in official
    assert f'<h2 id="doc-{row}">{STATE_COUNCIL}</h2>' in report


def test_each_document_shows_its_kind_and_evidence(report: str, corpus: gongwen.Corpus) -> None:
    for row, d in enumerate(corpus.documents):
        shown = fields(report, row)
        assert shown["类型 kind"] == d.kind
        assert shown["依据 evidence"] == "；".join(d.evidence)
    bulletin = fields(report, 0)
    assert bulletin["刊名 publication"] == "安庆组工信息" and bulletin["期号 issue"] == "24"
    assert "文号 doc_number" not in bulletin


def test_an_official_document_shows_its_fields(report: str, corpus: gongwen.Corpus) -> None:
    state = fields(report, row_of(corpus, "state-council-2018-41-iit-deductions.txt"))
    assert state["文号 doc_number"] == "国发〔2018〕41号"
    assert state["文种 doc_type"] == "通知"
    assert state["发文机关 issuer"] == "国务院"
    assert state["署名 signatories"] == "国务院"
    assert state["成文日期 date"] == "2018-12-13"
    assert state["主送 recipients"] == "各省、自治区、直辖市人民政府、国务院各部委、各直属机构"
    assert state["附注 notes"] == "此件公开发布"
    assert "日期 date" not in state  # the 成文日期 is the date; not shown twice

    province = fields(report, row_of(corpus, "example-province-2023-15-skills-certification.txt"))
    assert province["发文机关标志 issuer_marks"] == "安徽省人力资源和社会保障厅文件"
    assert province["附件 attachments"] == "安徽省职业技能等级认定工作管理办法"
    assert province["抄送 cc"] == "人力资源社会保障部职业技能鉴定中心、省财政厅、省教育厅"
    assert province["印发 printed"] == "安徽省人力资源和社会保障厅办公室 2023-09-01"

    # A web copy whose page table disagrees with its text says so.
    city = fields(report, row_of(corpus, "example-city-office-2023-120-new-year-holidays.txt"))
    assert city["成文日期 date"] == "2023-12-18"
    assert "2023年12月20日" in city["不符 conflicts"]


def test_citations_within_the_corpus_link_the_documents(
    report: str, corpus: gongwen.Corpus
) -> None:
    citations = section(report, "引用 Citations")
    assert f"引用 Citations ({len(corpus.citations())})" in citations
    within = citations[citations.index("Within the corpus") : citations.index("Outside")]
    assert "Within the corpus (2)" in within
    rows = table_rows(within)
    assert [
        PROVINCE,
        f"《{STATE_COUNCIL}》（国发〔2018〕41号）",
        STATE_COUNCIL,
        "国发〔2018〕41号",
    ] in rows
    assert [
        CITY,
        f"《{GENERAL_OFFICE}》（国办发〔2019〕6号）",
        GENERAL_OFFICE,
        "国办发〔2019〕6号",
    ] in rows
    source = row_of(corpus, "example-province-2023-15-skills-certification.txt")
    target = row_of(corpus, "state-council-2018-41-iit-deductions.txt")
    assert f'<a href="#doc-{source}">{PROVINCE}</a>' in within
    assert f'<a href="#doc-{target}">{STATE_COUNCIL}</a>' in within


def test_citations_outside_the_corpus_are_counted(report: str, corpus: gongwen.Corpus) -> None:
    citations = section(report, "引用 Citations")
    outside = citations[citations.index("Outside the corpus") :]
    rows = {cells[0]: (int(cells[1]), int(cells[2])) for cells in table_rows(outside)}
    assert rows["《国务院关于促进融资担保行业加快发展的意见》（国发〔2015〕43号）"] == (1, 1)
    assert rows["国办发〔2019〕35号"] == (1, 1)
    # Both laws cite the decision that revised them: two mentions, two documents, first.
    decision = next(label for label in rows if "关于修改" in label)
    assert rows[decision] == (2, 2) and next(iter(rows)) == decision
    # A notice naming the measures it attaches does not cite a document outside the corpus.
    assert "《安徽省职业技能等级认定工作管理办法》" not in rows
    assert "《个人所得税专项附加扣除暂行办法》" not in rows
    # Nor do the citations found in the corpus appear again.
    assert not any("国发〔2018〕41号" in label for label in rows)
    total = sum(n for n, _ in rows.values())
    assert f"Outside the corpus ({total} citations of {len(rows)} documents)" in outside


def test_at_most_twenty_documents_outside_the_corpus_are_shown() -> None:
    cited = "".join(f"《关于第{i}项工作的通知》" for i in range(25))
    notice = gongwen.parse_document(
        "某某市人民政府办公室关于做好X工作的通知\n某政办〔2023〕1号\n各县、区人民政府：\n"
        f"根据{cited}和《关于第0项工作的通知》，现就有关事项通知如下。\n"
        "某某市人民政府办公室\n2023年8月20日"
    )
    assert notice.kind == "official" and len(notice.citations) == 26
    html = render_report(gongwen.Corpus([notice]))
    outside = section(html, "引用 Citations")
    assert "Outside the corpus (26 citations of 25 documents, the 20 most cited shown)" in outside
    rows = table_rows(outside)
    assert len(rows) == 20
    assert rows[0] == ["《关于第0项工作的通知》", "2", "1"]  # the most cited first
    assert "None of the corpus's documents cites another." in outside


# -- corpora without 公文 ----------------------------------------------------------------------


def test_a_corpus_of_bulletins_only_renders_without_the_new_sections() -> None:
    corpus = gongwen.Corpus.from_paths([REFERENCE])
    html = render_report(corpus)
    assert "公文 Official documents" not in html
    assert "引用 Citations" not in html  # the bulletin cites nothing
    assert "1 documents (1 bulletin)" in html
    assert fields(html, 0)["类型 kind"] == "bulletin"
    parsed = gongwen.Corpus(
        [
            gongwen.parse_bulletin("党建引领乡村振兴，书记项目落地见效。"),
            gongwen.parse_bulletin("。。。"),
        ]
    )
    html = render_report(parsed)
    assert "公文 Official documents" not in html and "引用 Citations" not in html
    assert "2 documents (2 bulletin)" in html


def test_citations_with_no_target_in_the_corpus_say_so() -> None:
    corpus = gongwen.Corpus.from_paths(
        [
            SAMPLE / "village-committees-law-2018.md",
            SAMPLE / "urban-residents-committees-law-2018.md",
        ]
    )
    html = render_report(corpus)
    assert "公文 Official documents" not in html
    citations = section(html, "引用 Citations")
    assert "Within the corpus (0)" in citations
    assert "None of the corpus's documents cites another." in citations
    assert "城市居民委员会组织条例" in citations


def test_an_empty_corpus_renders() -> None:
    html = render_report(gongwen.Corpus())
    assert html.startswith("<!DOCTYPE html>") and "0 documents, 0 articles" in html
    assert "公文 Official documents" not in html and "引用 Citations" not in html
