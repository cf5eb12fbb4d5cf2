"""The command line: ``python -m gongwen parse FILE...`` and ``python -m gongwen report PATH...``."""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Sequence

from ._core import __version__, is_archive_name
from .corpus import Corpus
from .document import Document, read_document
from .errors import GongwenWarning
from .report import CorpusFindings, corpus_findings, write_report

__all__ = ["main"]


def _documents_of(path: str, encoding: str | None) -> tuple[list[Document], list[str]]:
    """The documents of one file (several for a zip archive) and the errors of those not read."""
    if not is_archive_name(path):
        return [read_document(path, encoding=encoding)], []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GongwenWarning)
        corpus = Corpus.from_paths([path], encoding=encoding, progress=False)
    return list(corpus), [f"{e.path}: {e.message}" for e in corpus.errors]


def _parse(args: argparse.Namespace) -> int:
    """Prints each file's document as JSON: one object for one file, a list for several (and for
    a zip archive, whose members are documents of their own)."""
    results, failed, several = [], False, len(args.files) > 1
    for path in args.files:
        try:
            documents, errors = _documents_of(path, args.encoding)
        except (OSError, ValueError) as error:
            print(f"gongwen parse: {error}", file=sys.stderr)
            failed = True
            continue
        for error in errors:
            print(f"gongwen parse: {error}", file=sys.stderr)
        failed = failed or bool(errors)
        several = several or is_archive_name(path)
        for document in documents:
            data = document.to_dict()
            if not args.with_text:
                data.pop("text")
            results.append(data)
    payload = results if several or not results else results[0]
    if results or several:
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=args.indent)
        sys.stdout.write("\n")
    return 1 if failed else 0


def _segment(args: argparse.Namespace) -> int:
    """Segments standard input line by line: words joined by single spaces, one line per line.

    Bytes that are not UTF-8 pass through unchanged (as surrogate escapes), so nothing but the
    spacing of each line changes.
    """
    from .segment import Segmenter

    segmenter = Segmenter(
        args.dict, to_simplified=args.to_simplified, unknown_words=not args.no_unknown_words
    )
    if args.userdict:
        segmenter.load_userdict(args.userdict)
    stdout = sys.stdout.buffer
    lines = sys.stdin.buffer.read().decode("utf-8", "surrogateescape").split("\n")
    trailing_newline = lines[-1] == ""
    if trailing_newline:
        lines.pop()
    for words in segmenter.cut_many(lines, n_threads=args.threads):
        stdout.write(" ".join(words).encode("utf-8", "surrogateescape"))
        stdout.write(b"\n")
    return 0


def _report(args: argparse.Namespace) -> int:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", GongwenWarning)
        corpus = Corpus.from_paths(args.paths, encoding=args.encoding, n_threads=args.threads)
    for warning in caught:
        print(f"gongwen report: {warning.message}", file=sys.stderr)
    findings = corpus_findings(corpus)
    path = write_report(corpus, args.out, title=args.title, findings=findings)
    frame = corpus.articles.frame
    print(f"{len(corpus)} documents, {len(frame)} articles -> {path}")
    if not frame.empty:
        columns = ["kind", "publication", "issue", "doc_number", "date", "title", "author"]
        table = frame[columns + ["n_chars"]].astype("object").fillna("")
        with _wide_pandas():
            print(table.to_string(max_colwidth=40))
        _print_official(corpus)
        _print_findings(frame["title"], findings)
    return 0


def _print_official(corpus: Corpus) -> None:
    """The official documents' fields, and which documents of the corpus cite which."""
    official = [d for d in corpus if d.kind == "official"]
    if official:
        print(f"\nOfficial documents (公文): {len(official)}")
    for d in official:
        date = d.date.isoformat() if d.date else "-"
        recipients = "、".join(d.recipients) or "-"
        print(
            f"  {d.doc_number or '-'} {d.doc_type or '-'} {d.issuer or '-'} {date}: {_short(d.title or '')}"
        )
        cites = len(d.citations)
        print(f"    主送 {_short(recipients, 50)}; {cites} citation{'' if cites == 1 else 's'}")
    citations = corpus.citations()
    if citations.empty:
        return
    linked = citations[citations["target"].notna() & ~citations["self"]]
    print(f"\nCitations: {len(citations)}, {len(linked)} of other documents of the corpus")
    for row in linked.itertuples(index=False):
        cited = corpus[int(row.target)]
        print(
            f"  {_short(corpus[row.doc].title or '')} -> {_short(cited.title or '')} (by {row.matched_by})"
        )


def _print_findings(titles: Sequence[str], findings: CorpusFindings) -> None:
    """Keywords, topics, nearest articles and the longest reused passages, as plain text."""
    print("\nKeywords of each article (TF-IDF over the corpus):")
    for title, keywords in zip(titles, findings.keywords):
        words = " ".join(f"{w}({weight:.2f})" for w, weight in keywords[:8])
        print(f"  {_short(title)}: {words}")
    if findings.topics is not None:
        print("\nTopics (NMF over the articles' content words):")
        for topic in range(len(findings.topics.labels)):
            terms = findings.topics.terms
            print(f"  {topic}: " + " ".join(terms.loc[terms["topic"] == topic, "term"].head(8)))
    if findings.neighbours is not None and not findings.neighbours.empty:
        print("\nNearest articles (cosine of TF-IDF):")
        for _, group in findings.neighbours.groupby("article", sort=True):
            nearest = "; ".join(
                f"{_short(t)} ({s:.2f})" for t, s in zip(group["neighbour_title"], group["score"])
            )
            print(f"  {_short(group['title'].iloc[0])} -> {nearest}")
    reuse = findings.reuse.sort_values("chars", ascending=False, kind="stable")
    print(f"\nReused passages: {len(reuse)}" + (", the longest:" if len(reuse) else ""))
    for row in reuse.head(10).itertuples(index=False):
        print(
            f"  {_short(row.title_a)} [{row.start_a}:{row.end_a}] ~ {_short(row.title_b)} "
            f"[{row.start_b}:{row.end_b}]: {row.chars} chars, similarity {row.similarity:.2f}"
        )
        print(f"    {_short(' '.join(row.text_a.split()), 60)}")


def _short(text: str, width: int = 30) -> str:
    """`text` cut to `width` characters (with …), or (untitled)."""
    if not text:
        return "(untitled)"
    return text if len(text) <= width else text[: width - 1] + "…"


class _wide_pandas:
    """Lets pandas print a table as wide as it needs (the CJK titles are long)."""

    def __enter__(self) -> None:
        import pandas as pd

        self._context = pd.option_context("display.width", 200, "display.max_rows", 200)
        self._context.__enter__()

    def __exit__(self, *exc: object) -> None:
        self._context.__exit__(*exc)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m gongwen", description="Analyse corpora of Chinese government documents."
    )
    parser.add_argument("--version", action="version", version=f"gongwen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    parse = commands.add_parser(
        "parse", help="parse documents (bulletins, 公文, ...) and print them as JSON"
    )
    parse.add_argument(
        "files", nargs="+", help="files of any format gongwen reads (zip archives: each member)"
    )
    parse.add_argument("--encoding", help="force an encoding (default: detect)")
    parse.add_argument("--indent", type=int, default=2, help="JSON indentation (default 2)")
    parse.add_argument("--with-text", action="store_true", help="include the cleaned text")
    parse.set_defaults(run=_parse)

    segment = commands.add_parser(
        "segment", help="segment standard input: one line out per line in, words spaced"
    )
    segment.add_argument("--dict", help="word list to use instead of the default lexicon")
    segment.add_argument("--userdict", help="user dictionary to add (jieba's format)")
    segment.add_argument("--to-simplified", action="store_true", help="read traditional text")
    segment.add_argument(
        "--no-unknown-words", action="store_true", help="do not join unknown characters"
    )
    segment.add_argument("--threads", type=int, help="threads (default: one per core)")
    segment.set_defaults(run=_segment)

    report = commands.add_parser("report", help="write an HTML report of a corpus")
    report.add_argument("paths", nargs="+", help="files, directories or glob patterns")
    report.add_argument("--out", default="report.html", help="output file (default report.html)")
    report.add_argument("--title", default="gongwen report", help="the report's title")
    report.add_argument("--encoding", help="force an encoding (default: detect)")
    report.add_argument("--threads", type=int, help="threads (default: one per core)")
    report.set_defaults(run=_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except (OSError, ValueError) as error:
        print(f"gongwen {args.command}: {error}", file=sys.stderr)
        return 1
