"""Text reuse: gongwen.find_reuse against datasketch's MinHash LSH, on planted passages.

Documents: the laws (../shared/corpora/laws, *.md) and the government and congress reports
(../shared/corpora/gov-reports-national/text, *.txt), cut into documents of a few hundred
characters: consecutive lines (headings and lines under 10 characters left out) joined until
they reach 150 characters (about 107,000 documents, median 182 characters).

1. Planted passages. --hosts documents (default 10,000) are drawn at random (seed 0) among those
   that share no run of 12 identical characters (punctuation and white space dropped) with a
   document drawn before them, so that the corpus holds no reuse but the planted one. --plants
   pairs of distinct hosts (default 1,000; no host in two pairs) get a passage copied from one
   into the other at a sentence boundary: 30 to 150 characters (punctuation and white space not
   counted; a quarter under 50), edited on the way: each punctuation mark replaced by another
   (half of them) or dropped (a fifth), a line break and a space put in, and one edit per 25
   characters (at least one): 1-2 characters replaced, 1-3 inserted or 1-2 deleted.

   A planted passage is found when a reported passage of its pair covers at least half of it in
   both documents; a reported passage is correct when at least half of it, in both documents,
   is a planted passage of its pair. Recall is given for passages of 50+ characters (the
   target) and 30-49 separately; precision over all reported passages.

   gongwen: ``gongwen.find_reuse(texts)`` at its defaults (8-grams, max_df=100,
   min_similarity=0.8, min_chars=30, one thread per core): normalisation, index, alignment, and
   the DataFrame with spans and texts. datasketch: the same 8-character shingles of the same
   normalised texts (NFKC, lowercased, punctuation and white space dropped, in Python), a
   ``MinHash(num_perm=128)`` per document (``MinHash.bulk``), all inserted into
   ``MinHashLSH()`` at its defaults (threshold=0.9, num_perm=128), then each document queried:
   candidate document pairs, no passages, no spans. Its row at threshold=0.1 shows what a
   lower threshold buys. Both are timed from the list of str to their result, best of --rounds
   interleaved rounds in this process; recall at the level of pairs is given for both.
2. Scale: the first 100,000 documents (19 million characters) through ``find_reuse`` at its
   defaults, once, in a fresh process: wall and CPU time, peak memory (VmHWM, see
   bench_tfidf.py), passages and pairs found. These documents hold a lot of genuine reuse (the
   versions of a law repeat each other).

Run from the project root:

    .venv/bin/pip install -r bench/requirements.txt
    .venv/bin/python bench/bench_reuse.py
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
LAWS = CORPORA / "laws"
REPORTS = CORPORA / "gov-reports-national" / "text"
NGRAM = 8  # gongwen's default shingle length, used for datasketch's shingles too
PUNCTUATION = "，。；、：！？"
WORD = re.compile(r"[^\W_]")


def documents(limit: int | None = None) -> list[str]:
    """The corpus cut into documents of at least 150 characters (see the module docstring)."""
    files = sorted(LAWS.rglob("*.md")) + sorted(REPORTS.rglob("*.txt"))
    docs: list[str] = []
    for path in files:
        lines: list[str] = []
        size = 0
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) < 10 or line.startswith(("#", "<!--")):
                continue
            lines.append(line)
            size += len(line)
            if size >= 150:
                docs.append("\n".join(lines))
                lines, size = [], 0
        if size >= 50:
            docs.append("\n".join(lines))
        if limit is not None and len(docs) >= limit:
            return docs[:limit]
    return docs


def normalize(text: str) -> str:
    """Punctuation and white space dropped, width folded, lowercased (as gongwen reads text)."""
    return "".join(WORD.findall(unicodedata.normalize("NFKC", text).lower()))


# -- the planted corpus ---------------------------------------------------------------------------


def pick_hosts(pool: list[str], count: int, rng: random.Random) -> list[str]:
    """`count` documents of `pool` that share no 12-character run with each other (punctuation
    and white space dropped)."""
    order = list(range(len(pool)))
    rng.shuffle(order)
    seen: set[str] = set()
    hosts: list[str] = []
    for i in order:
        norm = normalize(pool[i])
        grams = {norm[k : k + 12] for k in range(len(norm) - 11)}
        if len(norm) < 60 or not seen.isdisjoint(grams):
            continue
        seen.update(grams)
        hosts.append(pool[i])
        if len(hosts) == count:
            break
    return hosts


def edit(passage: str, rng: random.Random, pool: str) -> str:
    """The passage as a copier would change it (see the module docstring)."""
    chars = []
    for c in passage:
        if c in PUNCTUATION or c in ",.;:!?":
            roll = rng.random()
            if roll < 0.2:
                continue
            if roll < 0.7:
                c = rng.choice(PUNCTUATION)
        chars.append(c)
    words = sum(1 for c in chars if WORD.match(c))
    for _ in range(max(1, words // 25)):
        i = rng.randrange(len(chars))
        op = rng.choice(("replace", "insert", "delete"))
        if op == "replace":
            for k in range(i, min(len(chars), i + rng.randint(1, 2))):
                chars[k] = rng.choice(pool)
        elif op == "insert":
            chars[i:i] = [rng.choice(pool) for _ in range(rng.randint(1, 3))]
        else:
            del chars[i : i + rng.randint(1, 2)]
    for piece in ("\n", " "):
        chars.insert(rng.randrange(1, len(chars)), piece)
    return "".join(chars)


def plant(hosts: list[str], count: int, rng: random.Random) -> tuple[list[str], list[tuple]]:
    """The hosts with `count` passages copied between disjoint pairs, and the truth: (doc_a,
    doc_b, start_a, end_a, start_b, end_b, length) with doc_a < doc_b and spans in the result."""
    texts = list(hosts)
    pool = "".join(c for c in "".join(hosts[:200]) if "\u4e00" <= c <= "\u9fff")
    order = list(range(len(hosts)))
    rng.shuffle(order)
    truth = []
    for k in range(count):
        source, target = order[2 * k], order[2 * k + 1]
        words = [m.start() for m in WORD.finditer(texts[source])]
        length = rng.randint(30, 49) if rng.random() < 0.25 else rng.randint(50, 150)
        length = min(length, len(words))
        first = rng.randrange(0, len(words) - length + 1)
        start, end = words[first], words[first + length - 1] + 1
        copy = edit(texts[source][start:end], rng, pool)
        target_text = texts[target]
        bounds = [0, len(target_text)] + [m.end() for m in re.finditer("[。\n]", target_text)]
        at = rng.choice(bounds)
        texts[target] = target_text[:at] + copy + target_text[at:]
        spans = {source: (start, end), target: (at, at + len(copy))}
        a, b = sorted((source, target))
        truth.append((a, b, *spans[a], *spans[b], length))
    return texts, truth


def overlap(s1: int, e1: int, s2: int, e2: int) -> int:
    return max(0, min(e1, e2) - max(s1, s2))


def score(frame: Any, truth: list[tuple]) -> dict[str, Any]:
    """Recall by passage length, precision, and how well the spans fit."""
    by_pair: dict[tuple[int, int], list[tuple]] = {}
    for t in truth:
        by_pair.setdefault((t[0], t[1]), []).append(t)
    rows = list(
        zip(frame.doc_a, frame.doc_b, frame.start_a, frame.end_a, frame.start_b, frame.end_b)
    )
    correct = 0
    for a, b, sa, ea, sb, eb in rows:
        if any(
            overlap(sa, ea, t[2], t[3]) * 2 >= ea - sa
            and overlap(sb, eb, t[4], t[5]) * 2 >= eb - sb
            for t in by_pair.get((a, b), [])
        ):
            correct += 1
    reported: dict[tuple[int, int], list[tuple]] = {}
    for r in rows:
        reported.setdefault((r[0], r[1]), []).append(r)
    found = {"50+": [0, 0], "30-49": [0, 0]}
    fits = []
    for t in truth:
        group = "50+" if t[6] >= 50 else "30-49"
        found[group][1] += 1
        best = 0.0
        for _, _, sa, ea, sb, eb in reported.get((t[0], t[1]), []):
            ca, cb = overlap(sa, ea, t[2], t[3]), overlap(sb, eb, t[4], t[5])
            if ca * 2 >= t[3] - t[2] and cb * 2 >= t[5] - t[4]:
                # Jaccard of the spans, the worse of the two documents.
                best = max(
                    best,
                    min(
                        ca / (max(ea, t[3]) - min(sa, t[2])),
                        cb / (max(eb, t[5]) - min(sb, t[4])),
                    ),
                )
        if best > 0:
            found[group][0] += 1
            fits.append(best)
    return {
        "recall_50": found["50+"][0] / max(1, found["50+"][1]),
        "n_50": found["50+"][1],
        "recall_30": found["30-49"][0] / max(1, found["30-49"][1]),
        "n_30": found["30-49"][1],
        "precision": correct / max(1, len(rows)),
        "rows": len(rows),
        "fit": sum(fits) / max(1, len(fits)),
        "pairs": {(int(a), int(b)) for a, b, *_ in rows},
    }


# -- the two tools --------------------------------------------------------------------------------


def run_gongwen(texts: list[str]) -> Any:
    import gongwen

    return gongwen.find_reuse(texts)


def run_datasketch(texts: list[str], threshold: float | None) -> set[tuple[int, int]]:
    from datasketch import MinHash, MinHashLSH

    shingles = []
    for text in texts:
        norm = normalize(text)
        grams = {norm[k : k + NGRAM] for k in range(len(norm) - NGRAM + 1)} or {norm}
        shingles.append([g.encode("utf-8") for g in grams])
    minhashes = MinHash.bulk(shingles, num_perm=128)
    lsh = MinHashLSH() if threshold is None else MinHashLSH(threshold=threshold)
    with lsh.insertion_session() as session:
        for i, m in enumerate(minhashes):
            session.insert(i, m)
    pairs = set()
    for i, m in enumerate(minhashes):
        for j in lsh.query(m):
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    return pairs


def run_planted(n_hosts: int, n_plants: int, rounds: int) -> None:
    rng = random.Random(0)
    pool = documents()
    hosts = pick_hosts(pool, n_hosts, rng)
    texts, truth = plant(hosts, n_plants, rng)
    characters = sum(len(t) for t in texts)
    print(f"1. Planted passages: {len(texts):,} documents ({characters:,} characters), drawn from")
    print(f"   {len(pool):,}; {len(truth):,} passages planted between disjoint pairs")
    print(f"   time: best of {rounds} interleaved rounds, from the list of str to the result")
    truth_pairs = {(t[0], t[1]) for t in truth}
    tools = {
        "gongwen find_reuse (defaults)": lambda: run_gongwen(texts),
        "datasketch MinHashLSH (defaults: threshold 0.9)": lambda: run_datasketch(texts, None),
        "datasketch MinHashLSH (threshold 0.1)": lambda: run_datasketch(texts, 0.1),
    }
    best: dict[str, tuple[float, Any]] = {name: (float("inf"), None) for name in tools}
    for _ in range(rounds):
        for name, tool in tools.items():
            start = time.perf_counter()
            result = tool()
            seconds = time.perf_counter() - start
            best[name] = (min(best[name][0], seconds), result)
    head = f"{'tool':<50}{'seconds':>9}{'pairs':>9}{'pair recall':>13}{'gongwen faster':>16}"
    print(head)
    ours = best["gongwen find_reuse (defaults)"][0]
    for name, (seconds, result) in best.items():
        pairs = score(result, truth)["pairs"] if name.startswith("gongwen") else result
        recall = len(pairs & truth_pairs) / len(truth_pairs)
        print(f"{name:<50}{seconds:>9.2f}{len(pairs):>9,}{recall:>13.3f}{seconds / ours:>15.1f}x")
    s = score(best["gongwen find_reuse (defaults)"][1], truth)
    print("gongwen's passages:")
    print(f"  recall, planted passages of 50+ characters: {s['recall_50']:.3f} (of {s['n_50']})")
    print(f"  recall, planted passages of 30-49 characters: {s['recall_30']:.3f} (of {s['n_30']})")
    print(f"  precision: {s['precision']:.3f} ({s['rows']:,} passages reported)")
    print(f"  span fit of the passages found (Jaccard, the worse document): {s['fit']:.3f}")


# -- scale ----------------------------------------------------------------------------------------


def peak_rss_mb() -> float:
    with open("/proc/self/status") as f:
        line = next(line for line in f if line.startswith("VmHWM:"))
    return int(line.split()[1]) * 1024 / 1e6


def child(n_docs: int) -> None:
    import gongwen

    texts = documents(n_docs)
    baseline = peak_rss_mb()
    start, cpu = time.perf_counter(), time.process_time()
    frame = gongwen.find_reuse(texts)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = peak_rss_mb()
    pairs = len(frame[["doc_a", "doc_b"]].drop_duplicates())
    characters = sum(len(t) for t in texts)
    print(
        json.dumps(
            {
                "documents": len(texts),
                "characters": characters,
                "seconds": seconds,
                "cpu": cpu,
                "peak": peak,
                "growth": peak - baseline,
                "rows": len(frame),
                "pairs": pairs,
            }
        )
    )


def run_scale(n_docs: int) -> None:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(n_docs)],
        capture_output=True,
        text=True,
        check=True,
    )
    f = json.loads(out.stdout.splitlines()[-1])
    cores = os.cpu_count() or 1
    print(f"\n2. Scale: {f['documents']:,} documents, {f['characters']:,} characters,")
    print(f"   find_reuse at its defaults ({cores} threads), once, in a fresh process")
    print(f"{'seconds':>9}{'CPU s':>8}{'peak MB':>9}{'growth MB':>11}{'passages':>10}{'pairs':>9}")
    print(
        f"{f['seconds']:>9.1f}{f['cpu']:>8.1f}{f['peak']:>9.0f}{f['growth']:>11.0f}"
        f"{f['rows']:>10,}{f['pairs']:>9,}"
    )
    print("   (CPU s: the process's CPU time over all its threads; wall time depends on the load)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["planted", "scale"], help="run one part")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (default 3)")
    parser.add_argument("--hosts", type=int, default=10_000, help="documents (default 10,000)")
    parser.add_argument("--plants", type=int, default=1_000, help="passages (default 1,000)")
    parser.add_argument("--scale", type=int, default=100_000, help="documents (default 100,000)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    if args.only in (None, "planted"):
        run_planted(args.hosts, args.plants, args.rounds)
    if args.only in (None, "scale"):
        run_scale(args.scale)


if __name__ == "__main__":
    main()
