"""Writes jieba-hmm.tsv: the parameters of jieba's hidden Markov model for unknown words.

jieba (MIT licence, see LICENSE-jieba.txt) tags each character of a run of unknown characters
B(egin)/M(iddle)/E(nd)/S(ingle) with an HMM trained on segmented news text; its start,
transition and emission log-probabilities ship with the Python package. This script converts
them to a plain table that the lexicon compiler reads (cpp/tools/compile_lexicon.cc):

    start  STATE  logprob
    trans  FROM   TO   logprob
    emit   STATE  CHAR logprob

Run with jieba installed: python data/lexicon/make_hmm_table.py
"""

from pathlib import Path

from jieba.finalseg.prob_emit import P as EMIT
from jieba.finalseg.prob_start import P as START
from jieba.finalseg.prob_trans import P as TRANS

STATES = "BMES"


def main() -> None:
    lines = [f"start\t{s}\t{START[s]!r}" for s in STATES]
    lines += [f"trans\t{a}\t{b}\t{p!r}" for a in STATES for b, p in sorted(TRANS[a].items())]
    lines += [f"emit\t{s}\t{c}\t{p!r}" for s in STATES for c, p in sorted(EMIT[s].items())]
    out = Path(__file__).with_name("jieba-hmm.tsv")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
