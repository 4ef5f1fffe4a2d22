#!/usr/bin/env bash
# Fuzzes the parsers that read outside text, each for a bounded time, and reports what it ran
# and what it found. A script, not a test: `cargo test` and CI never run it.
#
#   bench/fuzz.sh [--seconds N] [--keep-going] [TARGET...]
#
# TARGET is one of fuzz/Cargo.toml's targets (all by default): front_matter, import,
# import_parts, markdown, slug. Each runs N seconds (default 60) with libFuzzer, coverage
# guided, from the corpus it kept last time (fuzz/corpus/TARGET, not committed) plus seeds
# from content/, tests/fixtures/raw/ and ../shared/seeds/. A crash, broken property or
# input slower than 10 s is saved in fuzz/artifacts/TARGET/ and makes the script exit with
# status 1; make it a test in tests/fuzz_regressions.rs. A target stops at its first finding,
# unless --keep-going (libFuzzer's fork mode) has it go on and look for more.
#
# It runs on stable Rust: cargo-fuzz's `--sanitizer none` needs no nightly (the sanitizers
# would, and safe Rust needs them little). cargo-fuzz is installed from crates.io if missing.
# The build goes to $CARGO_TARGET_DIR, or fuzz/target, never to the root's target/, so a
# fuzz build never waits for or invalidates the usual one.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

seconds=60
keep_going=0
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --seconds=*) seconds=${1#*=}; shift ;;
    --keep-going) keep_going=1; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
all=(front_matter import import_parts markdown slug)
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

if ! command -v cargo-fuzz >/dev/null; then
  echo "== installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

target_dir=${CARGO_TARGET_DIR:-$repo/fuzz/target}
echo "== building the fuzz targets (stable, no sanitizer, debug assertions on) into $target_dir"
(cd fuzz && cargo fuzz build --sanitizer none --debug-assertions --target-dir "$target_dir")
bin_dir="$target_dir/$(rustc -vV | sed -n 's/^host: //p')/release"

# Seeds: real articles (front matter and Markdown), raw agency texts, synthetic articles
# with lists, quotes, tables and code.
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
python3 bench/gen_corpus.py --seed 11 --articles 40 --out "$seeds/synthetic" >/dev/null 2>&1
mapfile -t articles < <(find content/articles "$seeds/synthetic" -name '*.md' | sort)
mapfile -t raws < <(find tests/fixtures/raw ../shared/seeds -name '*.txt' 2>/dev/null | sort)

seed() { # seed TARGET: fills fuzz/corpus/TARGET with the seeds that fit it
  local dir="fuzz/corpus/$1" f n=0
  mkdir -p "$dir"
  case "$1" in
    front_matter)
      for f in "${articles[@]}"; do cp "$f" "$dir/seed-$((n++))"; done ;;
    markdown)
      # The body: what follows the closing `+++`.
      for f in "${articles[@]}" README.md; do
        awk 'seen >= 2 || FILENAME ~ /README/ { print } /^\+\+\+$/ { seen++ }' "$f" >"$dir/seed-$((n++))"
      done ;;
    import)
      # The first byte says what the editor gives: nothing, or --date, --year and --outlet.
      for f in "${raws[@]}"; do
        { printf '\x00'; cat "$f"; } >"$dir/seed-$((n++))"
        { printf '\x0e'; cat "$f"; } >"$dir/seed-$((n++))"
      done ;;
    import_parts)
      for f in "${raws[@]}"; do cp "$f" "$dir/seed-$((n++))"; done ;;
    slug)
      for f in "${articles[@]}"; do
        # Two bytes of limits (6 words, 60 bytes), then the title.
        { printf '\x06\x3c'; sed -n 's/^title = "\(.*\)"$/\1/p' "$f"; } >"$dir/seed-$((n++))"
      done
      for f in "${raws[@]}"; do { printf '\x04\x28'; head -n 1 "$f"; } >"$dir/seed-$((n++))"; done ;;
  esac
}

dict() {
  case "$1" in
    front_matter) echo fuzz/dicts/front_matter.dict ;;
    markdown) echo fuzz/dicts/markdown.dict ;;
    import | import_parts) echo fuzz/dicts/import.dict ;;
    *) echo "" ;;
  esac
}

status=0
summary=()
for target in "${targets[@]}"; do
  [ -x "$bin_dir/$target" ] || { echo "no fuzz target $target" >&2; exit 2; }
  seed "$target"
  mkdir -p "fuzz/artifacts/$target"
  log="fuzz/artifacts/$target/last-run.log"
  # Agency texts and articles are a few KB; longer inputs only make each run slower.
  case "$target" in slug) max_len=512 ;; *) max_len=8192 ;; esac
  args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=$max_len
    -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$target/")
  d=$(dict "$target")
  [ -z "$d" ] || args+=(-dict="$d")
  [ "$keep_going" = 0 ] || args+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  before=$(ls "fuzz/artifacts/$target" | sort)
  echo "== $target: ${seconds}s"
  set +e
  "$bin_dir/$target" "${args[@]}" "fuzz/corpus/$target" >"$log" 2>&1
  code=$?
  set -e
  # Runs: the final stats, or in fork mode the last progress line (`#RUNS: cov: …`).
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p; s/^#\([0-9]*\): cov.*/\1/p' "$log" | tail -n 1)
  cov=$(grep -ao 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2 || true)
  corpus=$(find "fuzz/corpus/$target" -type f | wc -l)
  found=$(comm -13 <(echo "$before") <(ls "fuzz/artifacts/$target" | sort) | grep -v '^last-run.log$' || true)
  if [ -n "$found" ] || [ "$code" -ne 0 ]; then
    status=1
    finding="FOUND: $(echo "$found" | wc -w) (fuzz/artifacts/$target/)"
    [ -n "$found" ] || finding="FAILED: exit status $code, see $log"
    grep -a -m 3 -A 2 'panicked at' "$log" | sed 's/^/    /' || true
    for artifact in $found; do
      echo "    reproduce: $bin_dir/$target fuzz/artifacts/$target/$artifact"
    done
    echo "    minimise:  (cd fuzz && cargo fuzz tmin -s none -a --target-dir $target_dir $target artifacts/$target/ARTIFACT)"
  else
    finding="none"
  fi
  summary+=("$(printf '%-13s %6ss %11s runs %8s/s  cov %6s  corpus %6s  %s' \
    "$target" "$seconds" "${execs:-?}" "$(( ${execs:-0} / seconds ))" "${cov:-?}" "$corpus" "$finding")")
done

echo "== summary"
printf '%s\n' "${summary[@]}"
exit $status
