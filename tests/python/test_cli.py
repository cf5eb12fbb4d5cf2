"""The command line: parse to JSON, report to HTML."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from testdata import DATA, REFERENCE, SAMPLE


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gongwen", *args], capture_output=True, text=True, check=False
    )


def test_parse_prints_json() -> None:
    result = run("parse", str(REFERENCE))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["publication"] == "安庆组工信息" and data["issue"] == 24
    assert [a["author"] for a in data["articles"]] == [
        "中共桐城市委",
        "中共潜山市委",
        "中共迎江区委",
    ]
    assert "text" not in data


def test_parse_several_files_prints_a_list_and_reports_bad_ones(tmp_path: Path) -> None:
    result = run(
        "parse",
        str(REFERENCE),
        str(tmp_path / "missing.txt"),
        str(DATA / "genres" / "briefing_bylines.txt"),
    )
    assert result.returncode == 1
    assert "missing.txt" in result.stderr
    assert [d["publication"] for d in json.loads(result.stdout)] == ["安庆组工信息", "工作简报"]


def test_parse_takes_every_format_and_each_member_of_an_archive() -> None:
    same = DATA / "same"
    result = run("parse", str(same / "official.ofd"))
    assert result.returncode == 0, result.stderr
    official = json.loads(result.stdout)
    assert official["kind"] == "official" and official["title"].startswith("安徽省人力资源")
    result = run("parse", str(DATA / "archives" / "downloads.zip"))
    assert result.returncode == 1  # two members are not read, and say why
    assert [d["kind"] for d in json.loads(result.stdout)] == ["bulletin", "official", "official"]
    assert "统计表.xls: unsupported format: .xls" in result.stderr
    assert "etc/passwd: unsafe member name" in result.stderr


def test_report_is_self_contained_html(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = run("report", str(SAMPLE), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "documents" in result.stdout and "中共潜山市委" in result.stdout
    # The official documents' fields, and the citations between the sample's documents.
    official = result.stdout.split("Official documents (公文): ")[1]
    assert official.startswith("4\n") and "国发〔2018〕41号 通知 国务院 2018-12-13" in official
    assert "2 of other documents of the corpus" in result.stdout
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "坚持党建引领 促进乡村振兴" in html and "编者按" in html
    # Each article's keywords, weighed against the corpus: 网格员 belongs to the first article.
    assert "关键词 Keywords" in html
    first = result.stdout.split("Keywords of each article")[1].splitlines()[1]
    assert "网格员" in first
    assert not re.search(r'(src|href)="(https?:)?//', html)  # nothing fetched from elsewhere
    # The corpus compared: topics, nearest articles, and the passages the work reports share.
    assert "主题 Topics" in html and "相似文章 Nearest articles" in html and "<mark>" in html
    nearest = result.stdout.split("Nearest articles")[1]
    assert "中华人民共和国城市居民委员会组织法 -> 中华人民共和国村民委员会组织法" in nearest
    reused = result.stdout.split("Reused passages: ")[1]
    assert int(reused.split(",")[0]) > 0 and "2024年中华人民共和国国务院政府工作报告" in reused


def test_report_of_nothing_fails_clearly(tmp_path: Path) -> None:
    result = run("report", str(tmp_path), "--out", str(tmp_path / "r.html"))
    assert result.returncode == 1
    assert "no files" in result.stderr
