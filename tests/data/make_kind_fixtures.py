"""Makes tests/data/kinds: the openings of real laws, government work reports and Party
congress reports, for the tests of Document.kind.

The sources are state documents (../shared/corpora/laws and gov-reports-national, outside
copyright as far as is known; ../shared/README.md allows small excerpts as fixtures). Each
fixture is a file's first 3,000 characters, cut at a line break: enough for a title, an
adoption line, a salutation and the first articles, which is all the kind is decided from.
The expected kind of each file is the first part of its name. Run from anywhere:

    python3 tests/data/make_kind_fixtures.py
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = Path(__file__).resolve().parents[3] / "shared" / "corpora"
OUT = HERE / "kinds"
LENGTH = 3000

# (kind, source under SHARED): laws of several kinds and eras, judicial interpretations,
# regulations numbered 一、二、, reports to the NPC and to Party congresses.
SOURCES = [
    ("law", "laws/宪法相关法/专属经济区和大陆架法(1998-06-26).md"),
    ("law", "laws/民法商法/专利法(2020-10-17).md"),
    ("law", "laws/刑法/刑法修正案.md"),
    ("law", "laws/民法典/继承编.md"),
    ("law", "laws/行政法规/不动产登记暂行条例(2019-03-24).md"),
    ("law", "laws/行政法规/上海航运交易所管理规定(1996-10-03).md"),
    ("law", "laws/行政法规/加强对外合作出版管理的暂行规定(1981-10-12).md"),
    ("law", "laws/司法解释/人民法院在线诉讼规则(2021-06-16).md"),
    ("law", "laws/司法解释/人民检察院刑事诉讼规则(2019-12-02).md"),
    ("report", "gov-reports-national/text/gwr/1978_061_1978年中华人民共和国国务院政府工作报告.txt"),
    ("report", "gov-reports-national/text/gwr/2012_025_2012年中华人民共和国国务院政府工作报告.txt"),
    (
        "report",
        "gov-reports-national/text/congress/cpc03_002_陈独秀在中国共产党第三次全国代表大会上的报告.txt",
    ),
    (
        "report",
        "gov-reports-national/text/congress/cpc13_008_沿着有中国特色的社会主义道路前进_(十三大).txt",
    ),
    (
        "report",
        "gov-reports-national/text/congress/cpc18_013_坚定不移沿着中国特色社会主义道路前进_为全面建成小康社会而奋斗_(十八大).txt",
    ),
]


def opening(text: str) -> str:
    """The first LENGTH characters, cut at the last line break before them."""
    if len(text) <= LENGTH:
        return text
    cut = text.rfind("\n", 0, LENGTH)
    return text[: cut if cut > 0 else LENGTH]


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for number, (kind, source) in enumerate(SOURCES):
        path = SHARED / source
        name = f"{kind}_{number:02d}{path.suffix}"
        text = opening(path.read_text(encoding="utf-8"))
        (OUT / name).write_text(text.rstrip("\n") + "\n", encoding="utf-8")
        print(f"{name}: {source}")


if __name__ == "__main__":
    main()
