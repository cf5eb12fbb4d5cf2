"""Every file a researcher downloads: zip archives member by member, formats gongwen does not
read listed in Corpus.errors, hidden files, and a file's metadata reaching the parser."""

from __future__ import annotations

import json
import shutil
import warnings
import zipfile
from pathlib import Path

import pytest
from testdata import DATA, REFERENCE, SAMPLE

import gongwen

ARCHIVES = DATA / "archives"
DOWNLOADS = ARCHIVES / "downloads.zip"
NOTICE = "example-city-office-2023-120-new-year-holidays.txt"


def load_quietly(paths: object, **options: object) -> gongwen.Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", gongwen.GongwenWarning)
        return gongwen.Corpus.from_paths(paths, **options)  # type: ignore[arg-type]


def test_a_zip_archive_is_read_member_by_member() -> None:
    with pytest.warns(gongwen.GongwenWarning) as caught:
        corpus = gongwen.Corpus.from_paths(DOWNLOADS)
    assert any(str(w.message).endswith("附件/统计表.xls: unsupported format: .xls") for w in caught)
    names = [d.path.removeprefix(str(DOWNLOADS) + "/") for d in corpus]
    assert names == [
        "文件/anqing-zugong-2023-24.txt",
        "文件/state-council-office-2019-6-financing-guarantee.txt",
        f"附件/more.zip/{NOTICE}",
    ]
    assert [d.kind for d in corpus] == ["bulletin", "official", "official"]
    assert corpus[0].text == gongwen.read_document(REFERENCE).text
    errors = {e.path.removeprefix(str(DOWNLOADS) + "/"): e for e in corpus.errors}
    assert set(errors) == {"附件/统计表.xls", "../../etc/passwd"}
    assert {e.error_type for e in errors.values()} == {"Unsupported"}
    assert "unsafe member name" in errors["../../etc/passwd"].message
    assert corpus.to_frame().path.str.startswith(str(DOWNLOADS)).all()


def test_a_member_is_read_by_its_path() -> None:
    text = gongwen.read_text(DOWNLOADS / "附件" / "more.zip" / NOTICE)
    assert text == (SAMPLE / NOTICE).read_text("utf-8")
    assert (
        gongwen.read_document(f"{DOWNLOADS}/{'文件'}/anqing-zugong-2023-24.txt").kind == "bulletin"
    )
    with pytest.raises(FileNotFoundError):
        gongwen.read_text(DOWNLOADS / "文件" / "missing.txt")
    with pytest.raises(gongwen.DecodeError, match="archive.zip/member"):
        gongwen.read_text(DOWNLOADS)


def test_gbk_member_names_from_windows_archivers() -> None:
    corpus = gongwen.Corpus.from_paths(ARCHIVES / "windows-gbk.zip")
    assert [Path(d.path).name for d in corpus] == ["关于春节放假的通知.txt"]


def test_a_folder_lists_every_file_it_does_not_read(tmp_path: Path) -> None:
    shutil.copy(REFERENCE, tmp_path / "bulletin.txt")
    shutil.copy(SAMPLE / NOTICE, tmp_path / "notice")  # no suffix: its bytes decide
    shutil.copy(DOWNLOADS, tmp_path / "downloads.zip")
    (tmp_path / "table.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "scan.JPG").write_bytes(b"\xff\xd8\xff")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main")
    with pytest.warns(gongwen.GongwenWarning) as caught:
        corpus = gongwen.Corpus.from_paths(tmp_path)
    assert len(corpus) == 2 + 3
    unsupported = sorted(Path(e.path).name for e in corpus.errors if e.error_type == "Unsupported")
    assert unsupported == ["passwd", "scan.JPG", "table.xlsx", "统计表.xls"]
    assert any("unsupported format: .xlsx" in str(w.message) for w in caught)
    # Hidden files are no one's documents: neither read nor listed.
    assert not [e for e in corpus.errors if ".DS_Store" in e.path or ".git" in e.path]
    assert {".ofd", ".docx", ".wps", ".shtml", ".zip"} <= set(gongwen.corpus.DEFAULT_SUFFIXES)
    only_text = gongwen.Corpus.from_paths(tmp_path, suffixes=[".txt"])
    assert [Path(d.path).name for d in only_text] == ["bulletin.txt"]


def test_a_damaged_archive_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "broken.zip").write_bytes(DOWNLOADS.read_bytes()[:3000])
    corpus = load_quietly([tmp_path / "broken.zip", REFERENCE])
    assert len(corpus) == 1
    assert [(Path(e.path).name, e.error_type) for e in corpus.errors] == [
        ("broken.zip", "DecodeError")
    ]


def test_archive_members_load_on_several_threads_in_order(tmp_path: Path) -> None:
    archive = tmp_path / "many.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(40):
            z.writestr(f"{i:02d}.txt", REFERENCE.read_bytes())
    one = gongwen.Corpus.from_paths(archive, n_threads=1)
    two = gongwen.Corpus.from_paths(archive, n_threads=2)
    assert (
        [d.path for d in one]
        == [d.path for d in two]
        == [f"{archive}/{i:02d}.txt" for i in range(40)]
    )
    assert {d.text for d in two} == {one[0].text}


def test_a_files_metadata_fills_what_the_text_does_not_print() -> None:
    text = "关于做好春节期间有关工作的通知\n各县（市、区）人民政府：\n现将有关事项通知如下。\n特此通知。"
    bare = gongwen.parse_document(text)
    doc = gongwen.parse_document(
        text,
        {"doc_number": "安政办〔2023〕120号", "issuer": "安庆市人民政府办公室",
         "written_date": "2023-12-20", "published_date": "2023-12-21"},
    )  # fmt: skip
    assert bare.doc_number is None
    assert doc.kind == "official"
    assert doc.doc_number == "安政办〔2023〕120号" and doc.number.year == 2023
    assert doc.issuer == "安庆市人民政府办公室"
    assert str(doc.date) == "2023-12-20"
    assert doc.metadata["发文字号"] == "安政办〔2023〕120号"
    # Not printed in the text: no part points into it.
    assert all(p.value != "发文字号：安政办〔2023〕120号" for p in doc.parts)
    assert doc.file_metadata["issuer"] == "安庆市人民政府办公室"
    news = gongwen.parse_document(
        "今天召开了会议。\n会议强调，要抓好落实。", {"published_date": "2024年3月5日"}
    )
    assert str(news.date) == "2024-03-05"


def test_the_format_of_each_document() -> None:
    corpus = gongwen.Corpus.from_paths(
        [REFERENCE, DOWNLOADS / "文件" / "anqing-zugong-2023-24.txt"]
    )
    assert [d.format for d in corpus] == ["text", "text"]
    assert gongwen.detect_encoding(REFERENCE) == "UTF-8"


SAME = DATA / "same"
# The fields that every format of the same text must give alike.
SAME_FIELDS = ["kind", "title", "doc_number", "issuers", "recipients", "signatories", "date",
               "attachments", "notes"]  # fmt: skip
FORMATS = ["pdf", "docx", "odt", "doc", "rtf", "html", "ofd"]


def _squeezed(text: str | None) -> str:
    return "".join((text or "").split())


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", ["official", "bulletin"])
def test_every_format_of_the_same_text_gives_the_same_document(name: str, fmt: str) -> None:
    want = gongwen.read_document(SAME / f"{name}.txt")
    got = gongwen.read_document(SAME / f"{name}.{fmt}")
    assert got.format == fmt
    for key in SAME_FIELDS:
        assert getattr(got, key) == getattr(want, key), key
    if want.bulletin is not None:
        for key in ("publication", "issue", "editor", "editor_note"):
            assert getattr(got.bulletin, key) == getattr(want.bulletin, key), key
    assert [a.title for a in got.articles] == [a.title for a in want.articles]
    assert [a.author for a in got.articles] == [a.author for a in want.articles]
    # Line breaks and spaces differ with the layout of each format; the words do not.
    assert [_squeezed(a.text) for a in got.articles] == [_squeezed(a.text) for a in want.articles]


def test_every_format_in_one_archive() -> None:
    corpus = load_quietly(SAME / "all.zip")
    assert corpus.errors == []
    formats = sorted((Path(d.path).stem, d.format) for d in corpus)
    assert formats == sorted((n, f) for n in ("official", "bulletin") for f in [*FORMATS, "text"])
    titles = {(Path(d.path).stem, d.title) for d in corpus}
    assert len(titles) == 2


WEB = DATA / "web"
OFD = DATA / "ofd"


@pytest.mark.parametrize("page", sorted(p.name for p in (WEB / "govcn").glob("*.html")))
def test_a_gov_cn_page_reads_as_its_text_did(page: str) -> None:
    """The crawled page (HTML, in the site's frame) gives the fields that the text of the
    same page gave the previous issue's hand-checked fixtures."""
    html = gongwen.read_document(WEB / "govcn" / page)
    text = gongwen.read_document(DATA / "official" / page.replace(".html", ".txt"))
    assert html.format == "html" and html.kind == "official"
    for key in (
        "title",
        "doc_number",
        "issuers",
        "recipients",
        "signatories",
        "date",
        "attachments",
    ):
        assert getattr(html, key) == getattr(text, key), key
    # The page's metadata table is metadata, not text.
    assert "索引号" not in html.text and html.file_metadata["index_number"]
    assert html.metadata["发文字号"] == html.doc_number


@pytest.mark.parametrize("page", sorted(p.name for p in WEB.glob("*.html")))
def test_a_site_page_gives_its_article_and_none_of_the_site(page: str) -> None:
    expected = json.loads((WEB / "expected.json").read_text("utf-8"))[page]
    doc = gongwen.read_document(WEB / page)
    truth = (WEB / page.replace(".html", ".txt")).read_text("utf-8")
    assert _squeezed(doc.text) == _squeezed(gongwen.parse_document(truth).text)
    for furniture in (
        "网站地图",
        "版权所有",
        "ICP备",
        "当前位置",
        "打印本页",
        "关闭窗口",
        "分享到",
    ):
        assert furniture not in doc.text, furniture
    assert gongwen.detect_encoding(WEB / page) == expected["encoding"]
    for key, value in expected["metadata"].items():
        assert doc.file_metadata[key] == value, key


def test_ofd_files_of_many_kinds() -> None:
    official = gongwen.read_document(OFD / "generated_official.ofd")
    assert official.format == "ofd" and official.kind == "official"
    assert official.doc_number == "某政办发〔2024〕5号"
    assert official.title == "关于加强机关作风建设的通知"
    invoice = gongwen.read_text(OFD / "1.ofd")
    assert "浙江增值税电子普通发票" in invoice and "发票号码：83089647" in invoice
    # Text drawn only as glyph outlines cannot be read without OCR: said, not returned empty.
    with pytest.raises(gongwen.DecodeError, match="OCR"):
        gongwen.read_text(OFD / "h.ofd")
    corpus = load_quietly(OFD)
    assert len(corpus) >= 12 and [e.error_type for e in corpus.errors] == ["DecodeError"]


def test_without_a_converter_a_doc_file_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("GONGWEN_SOFFICE", str(tmp_path / "no-such-soffice"))
    monkeypatch.setenv("GONGWEN_ANTIWORD", str(tmp_path / "no-such-antiword"))
    with pytest.raises(gongwen.DecodeError, match="libreoffice"):
        gongwen.read_text(DATA / "doc" / "approval.doc")
    corpus = load_quietly([DATA / "doc" / "approval.doc", REFERENCE])
    assert len(corpus) == 1 and corpus.errors[0].error_type == "DecodeError"


def test_a_document_package_named_zip_is_one_document(tmp_path: Path) -> None:
    # Some sites serve a DOCX or OFD attachment as "附件.zip": it is the document, not an archive
    # of its XML parts, at the top level and inside an archive alike.
    shutil.copy(SAME / "official.docx", tmp_path / "附件.zip")
    with zipfile.ZipFile(tmp_path / "outer.zip", "w") as z:
        z.write(SAME / "official.ofd", "下载/正文.zip")
        z.write(SAME / "bulletin.txt", "下载/bulletin.txt")
    corpus = load_quietly([tmp_path / "附件.zip", tmp_path / "outer.zip"])
    assert corpus.errors == []
    assert [(Path(d.path).name, d.format) for d in corpus] == [
        ("附件.zip", "docx"),
        ("正文.zip", "ofd"),
        ("bulletin.txt", "text"),
    ]
    official = gongwen.read_document(SAME / "official.txt")
    assert corpus[0].title == corpus[1].title == official.title


def test_the_doc_converter_can_be_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    table = DATA / "doc" / "numbered_table.doc"
    monkeypatch.setenv("GONGWEN_DOC_CONVERTER", "antiword")
    fast = gongwen.read_text(table)
    # antiword is fast but loses Word's automatic list numbers; LibreOffice keeps them.
    assert "\n加强值班值守。" in fast and "单位名称\t联系人" in fast
    monkeypatch.setenv("GONGWEN_DOC_CONVERTER", "libreoffice")
    full = gongwen.read_text(table)
    assert "\n1.加强值班值守。" in full and "单位名称\t联系人" in full
    monkeypatch.setenv("GONGWEN_DOC_CONVERTER", "wps")
    with pytest.raises(gongwen.DecodeError, match="libreoffice or antiword"):
        gongwen.read_text(table)
