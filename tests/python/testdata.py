"""Where the test data and the sample corpus are (importable by the tests: see pyproject)."""

from __future__ import annotations

from pathlib import Path

import gongwen

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLE = gongwen.sample_dir()
REFERENCE = SAMPLE / "anqing-zugong-2023-24.txt"


def part_problems(bulletin: gongwen.Bulletin) -> list[str]:
    """What breaks the promises of a parsed bulletin's parts (empty when all hold).

    Every part's span lies inside the text and inside its parent's; its ``text`` is the slice
    at its ``text_span``, which lies inside its ``start``/``end``; siblings come in order and
    do not overlap.
    """
    problems: list[str] = []
    text = bulletin.text

    def check(where: str, part: object, outer: tuple[int, int]) -> tuple[int, int]:
        start, end = part.start, part.end  # type: ignore[attr-defined]
        body = part.text_span  # type: ignore[attr-defined]
        if not (outer[0] <= start <= end <= outer[1]):
            problems.append(f"{where} [{start}, {end}) outside its parent {outer}")
        if not (start <= body[0] <= body[1] <= end):
            problems.append(f"{where} text_span {body} outside its span [{start}, {end})")
        if part.text != text[body[0] : body[1]]:  # type: ignore[attr-defined]
            problems.append(f"{where} text is not the slice at its text_span")
        return start, end

    def siblings(where: str, spans: list[tuple[int, int]]) -> None:
        for (_, end), (start, _) in zip(spans, spans[1:]):
            if start < end:
                problems.append(f"{where}: a part starts at {start} before the one before ends")

    articles = []
    for i, article in enumerate(bulletin.articles):
        articles.append(check(f"article {i}", article, (0, len(text))))
        body = article.text_span
        for j, section in enumerate(article.sections):
            span = check(f"article {i} section {j}", section, body)
            points = [
                check(f"article {i} section {j} point {k}", p, section.text_span)
                for k, p in enumerate(section.points)
            ]
            siblings(f"article {i} section {j} points", points)
            del span
        siblings(f"article {i} sections", [(s.start, s.end) for s in article.sections])
        points = [check(f"article {i} point {k}", p, body) for k, p in enumerate(article.points)]
        siblings(f"article {i} points", points)
    siblings("articles", articles)
    return problems
