#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz, built by `make fuzz-build` in build/fuzz.
#
#   scripts/fuzz.sh brief SECONDS [TARGET...]     `make test`: replay the regressions, then fuzz
#       each target for SECONDS from its seeds alone, in a scratch corpus (build/fuzz/brief).
#   scripts/fuzz.sh campaign SECONDS [TARGET...]  `make fuzz`: the same with a corpus that is
#       kept between runs, build/fuzz-corpus/<target> (outside git).
#
# Seeds come from the project's fixtures (tests/data, the sample corpus, the word lists of data/,
# text cut into pieces of at most 4 KiB at line ends) and from saved models written by this build
# (gongwen_fuzz_seeds). Inputs that crash are written to build/fuzz-crashes/<target>/; to keep one
# as a regression, fix the bug, add a GoogleTest for it, and copy the input to
# tests/fuzz/regressions/<target>/ (replayed by every run). Exits non-zero if any target failed.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:?usage: scripts/fuzz.sh brief|campaign SECONDS [TARGET...]}
seconds=${2:?usage: scripts/fuzz.sh brief|campaign SECONDS [TARGET...]}
shift 2
all_targets=(fuzz_clean fuzz_decode fuzz_document fuzz_docx fuzz_html fuzz_load_segmenter
  fuzz_load_topics fuzz_load_vectorizer fuzz_ofd fuzz_parse fuzz_pdf fuzz_reuse fuzz_segment
  fuzz_stopwords fuzz_userdict fuzz_zip)
targets=("${@:-${all_targets[@]}}")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

# FUZZ_BUILD: the build directory of the targets (default build/fuzz, as `make fuzz-build` makes).
build=${FUZZ_BUILD:-build/fuzz}
bin=$build/tests/fuzz
seeds=$build/seeds
case $mode in
  brief) corpora=$build/brief ;;
  campaign) corpora=build/fuzz-corpus ;;
  *) echo "fuzz: unknown mode '$mode'" >&2; exit 2 ;;
esac

# The largest input a target is given. Parsing and cleaning need a document's structure (header,
# articles, footer), decoding enough bytes to detect; segmentation and word lists are local, and
# smaller inputs run faster. Saved models and PDFs are given whole.
max_len() {
  case $1 in
    fuzz_pdf | fuzz_ofd | fuzz_docx | fuzz_zip) echo 131072 ;;
    fuzz_html) echo 65536 ;;
    fuzz_load_*) echo 65536 ;;
    fuzz_clean | fuzz_parse | fuzz_document | fuzz_decode) echo 4096 ;;
    *) echo 1024 ;;
  esac
}

# Text seeds for target $1: each file cut at line ends into pieces no longer than max_len.
text_seeds() {
  local target=$1
  shift
  mkdir -p "$seeds/$target"
  local f
  for f in "$@"; do
    split -C "$(max_len "$target")" -d -a 3 "$f" "$seeds/$target/$(basename "$f")."
  done
}

prepare_seeds() {
  rm -rf "$seeds"
  mkdir -p "$seeds/fuzz_pdf" "$seeds/fuzz_ofd" "$seeds/fuzz_docx" "$seeds/fuzz_zip"
  # Zip packages: the small real and generated OFD, DOCX and ODT files, archives, hostile zips.
  find tests/data/ofd tests/data/hostile -name '*.ofd' -size -128k -exec cp {} "$seeds/fuzz_ofd/" \;
  find tests/data/docx tests/data/same tests/data/hostile \( -name '*.docx' -o -name '*.odt' \) \
    -size -128k -exec cp {} "$seeds/fuzz_docx/" \;
  find tests/data/archives tests/data/hostile tests/data/same -name '*.zip' -size -128k \
    -exec cp {} "$seeds/fuzz_zip/" \;
  "$bin/gongwen_fuzz_seeds" "$seeds"
  local texts=(tests/data/layouts/*.txt tests/data/genres/*.txt python/gongwen/data/sample/*
    tests/data/encodings/anqing.utf8-bom.txt tests/data/hostile/*)
  local t
  for t in fuzz_clean fuzz_parse fuzz_segment fuzz_reuse; do text_seeds $t "${texts[@]}"; done
  # Documents: those texts and every kind of document the kind tests read.
  text_seeds fuzz_document "${texts[@]}" tests/data/official/*.txt tests/data/official/*/*.txt \
    tests/data/kinds/*
  # Decoding: every encoding fixture but the PDFs (poppler's, for fuzz_pdf), and a sample text.
  for t in tests/data/encodings/*; do
    case $t in
      *.pdf) cp "$t" "$seeds/fuzz_pdf/" ;;
      *) text_seeds fuzz_decode "$t" ;;
    esac
  done
  text_seeds fuzz_decode python/gongwen/data/sample/anqing-zugong-2023-24.txt tests/data/hostile/*
  # Web pages: whole, as the reader needs their structure (head, navigation, content, footer).
  mkdir -p "$seeds/fuzz_html"
  cp tests/data/web/*.html tests/data/web/govcn/*.html tests/data/web/blind/*.html \
    tests/data/hostile/html_* "$seeds/fuzz_html/"
  text_seeds fuzz_userdict data/lexicon/gov-words.txt
  head -n 60 data/lexicon/jieba-dict.txt >"$seeds/fuzz_userdict/jieba-head.txt"
  text_seeds fuzz_stopwords data/stopwords/zh.txt
}

prepare_seeds
mkdir -p build/fuzz-crashes
echo "# $(date -u '+%F %T') scripts/fuzz.sh $mode $seconds ${targets[*]}" >>"build/fuzz-crashes/summary-$mode.txt"
failed=()
for t in "${targets[@]}"; do
  [ -x "$bin/$t" ] || { echo "fuzz: $bin/$t is not built (make fuzz-build)" >&2; exit 2; }
  crashes=build/fuzz-crashes/$t
  mkdir -p "$crashes"
  regressions=tests/fuzz/regressions/$t
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    echo "fuzz: $t: replaying $(ls "$regressions" | wc -l) regression inputs"
    if ! "$bin/$t" -runs=1 "$regressions"/* >"$crashes/regressions.log" 2>&1; then
      tail -n 40 "$crashes/regressions.log"
      failed+=("$t (regressions)")
      continue
    fi
  fi
  corpus=$corpora/$t
  [ "$mode" = brief ] && rm -rf "$corpus"
  mkdir -p "$corpus"
  echo "fuzz: $t: ${seconds}s"
  # A campaign goes on after a crash (up to 5), with the time left, to find more than one bug;
  # the brief run stops at the first.
  start=$SECONDS runs=0 crashed=0 attempt=0
  while :; do
    left=$((seconds - (SECONDS - start)))
    [ $left -gt 0 ] || break
    attempt=$((attempt + 1))
    log=$crashes/run-$attempt.log
    status=0
    "$bin/$t" -max_total_time="$left" -timeout=30 -rss_limit_mb=4096 \
      -max_len="$(max_len "$t")" -print_final_stats=1 -artifact_prefix="$crashes/" \
      "$corpus" "$seeds/$t" >"$log" 2>&1 || status=$?
    # Executions, from libFuzzer's final statistics (printed after a crash too).
    n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    runs=$((runs + ${n:-0}))
    [ $status -eq 0 ] && break
    crashed=$((crashed + 1))
    tail -n 60 "$log"
    [ "$mode" = campaign ] && [ $crashed -lt 5 ] || break
  done
  [ $crashed -eq 0 ] || failed+=("$t")
  elapsed=$((SECONDS - start))
  line="$t: $runs executions in ${elapsed}s ($((runs / (elapsed > 0 ? elapsed : 1)))/s),"
  line+=" corpus $(ls "$corpus" | wc -l) files ($(du -sh --apparent-size "$corpus" | cut -f1)),"
  line+=" $crashed crashes"
  echo "fuzz: $line"
  echo "$line" >>"build/fuzz-crashes/summary-$mode.txt"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (inputs and logs in build/fuzz-crashes/)" >&2
  exit 1
fi
echo "fuzz: all ${#targets[@]} targets passed"
