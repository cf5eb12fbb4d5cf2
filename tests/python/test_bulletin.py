"""The bulletin parser through the Python API: the reference document field by field, its
other layouts and encodings, other genres, and documents that are not bulletins."""

from __future__ import annotations

import datetime
import json
import random

import pytest
from testdata import DATA, REFERENCE, SAMPLE, part_problems

import gongwen

REFERENCE_TITLES = [
    "以党建为引领 以人民为中心 奋力推进基层治理水平迈上新台阶",
    "坚持党建引领 促进乡村振兴",
    "强化系统思维 激励干部担当作为",
]


def assert_reference_structure(b: gongwen.Bulletin) -> None:
    assert b.publication == "安庆组工信息"
    assert b.issue == 24
    assert b.editor == "中共安庆市委组织部研究室"
    assert b.date == datetime.date(2023, 8, 31)
    assert b.editor_note.startswith("8月30日，全市组织工作会议召开")
    assert b.editor_note.endswith("供各地各单位学习借鉴。")
    assert [a.title for a in b.articles] == REFERENCE_TITLES
    assert [a.author for a in b.articles] == ["中共桐城市委", "中共潜山市委", "中共迎江区委"]
    assert [len(a.sections) for a in b.articles] == [3, 4, 9]
    assert b.distribution == {
        "报": ["市委组织部部务会成员"],
        "送": ["各县（市、区）委组织部长", "市委各部委", "市直各单位党组（党委、工委）负责同志"],
        "发": ["电子版发安庆先锋网"],
    }
    for article in b.articles:
        assert "—" not in article.text  # no page number
        assert "召\n开" not in article.text and "会议召开" in b.editor_note
        assert " 年" not in article.text
        assert "安庆组工信息" not in article.text  # no running head


def test_reference_document_field_by_field(reference: gongwen.Bulletin) -> None:
    assert_reference_structure(reference)
    assert reference.issue_total is None
    assert reference.instructions is None  # the 领导批示 block of this issue is empty
    assert reference.path == str(REFERENCE)
    assert reference.encoding == "UTF-8"
    first = reference.articles[0]
    assert first.paragraphs[0].startswith("党的十八大以来，桐城市深入学习贯彻习近平总书记")
    assert first.text == "\n".join(first.paragraphs)
    section = first.sections[0]
    assert (section.number, section.marker, section.heading) == (
        1,
        "一、",
        "突出党建引领，完善治理体系",
    )
    assert [p.heading for p in section.points] == ["党委统揽", "镇街统筹", "村社统建"]
    assert [s.number for s in reference.articles[2].sections] == list(range(1, 10))


def test_offsets_slice_the_cleaned_text(reference: gongwen.Bulletin) -> None:
    text = reference.text
    for article in reference.articles:
        span = text[article.start : article.end]
        assert span.startswith(article.title.split(" ")[0])
        assert span.endswith(article.paragraphs[-1])
        for section in article.sections:
            assert text[section.start : section.end].startswith(section.marker + section.heading)
            for point in section.points:
                chunk = text[point.start : point.end]
                assert chunk.startswith(("一是", "二是", "三是")) and point.heading in chunk


def test_the_parts_texts_are_spans_of_the_bulletin_text(reference: gongwen.Bulletin) -> None:
    text = reference.text
    parts: list[gongwen.Article | gongwen.Section | gongwen.Point] = []
    for article in reference.articles:
        parts += [article, *article.points, *article.sections]
        parts += [p for s in article.sections for p in s.points]
    for part in parts:
        start, end = part.text_span
        assert part.start <= start <= end <= part.end
        assert part.text == text[start:end]
    article = reference.articles[0]
    assert article.paragraphs == article.text.split("\n") and len(article.paragraphs) == 5
    assert article.n_chars == len(article.text)
    section = article.sections[0]
    assert section.text.startswith("牢固树立大党建理念")
    assert "兼职委员，对街道区域内公共事项" in section.points[1].text
    # The text after the heading, not the heading again.
    assert not section.text.startswith(section.heading)


def test_to_dict_is_json_ready(reference: gongwen.Bulletin) -> None:
    data = json.loads(json.dumps(reference.to_dict(), ensure_ascii=False))
    assert data["date"] == "2023-08-31"
    assert data["articles"][1]["author"] == "中共潜山市委"
    assert data["articles"][0]["sections"][0]["points"][0]["heading"] == "党委统揽"
    assert data["distribution"]["发"] == ["电子版发安庆先锋网"]
    assert data["text"] == reference.text


@pytest.mark.parametrize(
    "name",
    [
        "no_blank_lines.txt",
        "dash_page_numbers.txt",
        "tight_page_numbers.txt",
        "worded_page_numbers.txt",
        "form_feeds.txt",
        "crlf.txt",
        "rewrapped_indented.txt",
        "one_paragraph_per_line.txt",
        "running_heads.txt",
    ],
)
def test_layout_variants_give_the_same_structure(name: str) -> None:
    assert_reference_structure(gongwen.read_bulletin(DATA / "layouts" / name))


@pytest.mark.parametrize(
    "name",
    ["anqing.gbk.txt", "anqing.utf16le-bom.txt", "anqing.utf16be-bom.txt", "anqing.utf8-bom.txt"],
)
def test_encodings_give_the_same_structure(name: str) -> None:
    assert_reference_structure(gongwen.read_bulletin(DATA / "encodings" / name))


def test_pdf_gives_the_same_structure() -> None:
    b = gongwen.read_bulletin(DATA / "encodings" / "anqing.pdf")
    assert b.encoding == "PDF"
    assert_reference_structure(b)


def test_briefing_with_bylines() -> None:
    b = gongwen.read_bulletin(DATA / "genres" / "briefing_bylines.txt")
    assert (b.publication, b.issue, b.date) == ("工作简报", 12, datetime.date(2023, 8, 31))
    assert b.notices == ["内部资料", "注意保存"]
    assert [a.author for a in b.articles] == ["桐城市委组织部", "潜山市委组织部"]
    assert b.distribution == {"抄送": ["市委办公室", "市政府办公室"]}
    assert b.credits == {"责任编辑": "张明", "签发": "李华"}
    assert b.copies == 50


def test_bracketed_openings_and_running_total() -> None:
    b = gongwen.read_bulletin(DATA / "genres" / "bracket_openings.txt")
    assert (b.issue, b.issue_total, b.year) == (24, 312, 2023)
    assert b.date == datetime.date(2023, 8, 31)
    assert [a.author for a in b.articles] == ["桐城市", "潜山市", "迎江区"]


def test_editor_note_instructions_and_contents() -> None:
    b = gongwen.read_bulletin(DATA / "genres" / "note_instructions_contents.txt")
    assert b.instructions.startswith("张书记批示：")
    assert len(b.articles) == 2
    assert b.articles[1].author == "潜山市委组织部"
    assert [s.marker for s in b.articles[1].sections] == ["1．", "2．", "3．"]


def test_question_titles_and_plain_author_lines() -> None:
    b = gongwen.read_bulletin(DATA / "genres" / "questions_plain_bylines.txt")
    assert (b.publication, b.issue, b.issue_total, b.year) == ("党建动态", 3, 45, 2024)
    assert [a.title for a in b.articles] == [
        "如何破解村级集体经济发展难题？",
        "“红色物业”让小区治理更有温度！",
    ]
    assert [a.author for a in b.articles] == ["望江县委组织部", "华阳镇社区党委"]
    assert b.credits == {"印发": "望江县委组织部办公室"}


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("village-committees-law-2018.md", "中华人民共和国村民委员会组织法"),
        ("gov-work-report-2024.txt", "2024年中华人民共和国国务院政府工作报告"),
    ],
)
def test_a_document_that_is_not_a_bulletin_is_one_article(name: str, title: str) -> None:
    b = gongwen.read_bulletin(SAMPLE / name)
    assert b.publication is None and b.issue is None
    assert len(b.articles) == 1
    assert b.articles[0].title == title
    assert b.articles[0].n_chars > 1000


def test_parse_bulletin_takes_text(reference_text: str, reference: gongwen.Bulletin) -> None:
    b = gongwen.parse_bulletin(reference_text)
    assert b.path is None
    assert b.to_dict() | {"path": None, "encoding": None} == reference.to_dict() | {
        "path": None,
        "encoding": None,
    }


def test_parse_bulletin_keeps_its_promises_on_any_str() -> None:
    rng = random.Random(11)
    alphabet = "第期一二三四五六七八九十、（）【】：。，报送发抄编者按领导批示供稿中共委部 \n\f\r\t0123456789年月日—\ud800\x00"
    lines = [line for line in REFERENCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    sections = points = 0
    for round_ in range(300):
        if round_ % 2:  # characters of the genre, in any order
            text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(300)))
        else:  # a run of a real bulletin's lines, some dropped, cut short or doubled
            start = rng.randrange(len(lines))
            text = "\n".join(
                line[: rng.randrange(len(line) + 1)]
                if rng.random() < 0.1
                else line * (1 + (rng.random() < 0.05))
                for line in lines[start : start + rng.randrange(1, 80)]
                if rng.random() > 0.1
            )
        b = gongwen.parse_bulletin(text)
        assert part_problems(b) == [], text
        sections += sum(len(a.sections) for a in b.articles)
        points += sum(len(s.points) for a in b.articles for s in a.sections)
    assert sections > 100 and points > 10  # the texts reached the parts the promises are about
    assert gongwen.parse_bulletin("").articles == []
    assert gongwen.parse_bulletin("\ud800孤立代理。").articles[0].text == "\ufffd孤立代理。"


def test_part_problems_sees_broken_promises(reference: gongwen.Bulletin) -> None:
    import copy
    import dataclasses

    assert part_problems(reference) == []
    broken = copy.deepcopy(reference)
    first, second = broken.articles[0], broken.articles[1]
    second.start = first.end - 1  # overlaps the article before it
    section = first.sections[0]
    first.sections[0] = dataclasses.replace(section, text_span=(section.start, first.end + 5))
    third = broken.articles[2]
    third.end = len(broken.text) + 1  # past the end of the text
    problems = part_problems(broken)
    assert any("articles: a part starts at" in p for p in problems)
    assert any("article 0 section 0 text_span" in p for p in problems)
    assert any("article 2 [" in p and "outside its parent" in p for p in problems)
    broken.text = "甲" + broken.text  # every slice now one character off
    assert any("text is not the slice" in p for p in part_problems(broken))


def test_parse_bulletin_rejects_non_text() -> None:
    with pytest.raises(TypeError, match="must be str"):
        gongwen.parse_bulletin(b"bytes")


def test_bulletins_pickle(reference: gongwen.Bulletin) -> None:
    import pickle

    data = pickle.dumps(reference)
    restored = pickle.loads(data)
    assert restored == reference
    assert restored.articles[0].sections[0].points[0].heading == "党委统揽"
    assert [a.text for a in restored.articles] == [a.text for a in reference.articles]
    assert restored.articles[2].sections[3].text == reference.articles[2].sections[3].text
    # The parts share the bulletin's text: a pickle holds it once, not once per part.
    assert len(data) < 1.3 * len(reference.text.encode())
