#!/usr/bin/env bash
# Lighthouse scores of the built site (not a test; not run by cargo test or CI).
#
#   tests/browser/lighthouse.sh            # builds, serves on 127.0.0.1, runs Lighthouse, prints a table
#
# Builds the repository's content/ for a project sub-path, serves it on 127.0.0.1 (python3's
# http.server, loopback only), and runs Lighthouse (npm, fetched by npx; 12.x runs on Node 18+)
# in Debian's Chromium with the desktop and the mobile preset on the landing page, a home, an
# article (both of its copies), a country page, the timeline and the search page. Prints the four category scores of each run.
# Environment: CHROME_PATH (default /usr/bin/chromium), PORT (default 8765),
# LIGHTHOUSE (default lighthouse@12.8.2), KEEP=1 keeps the reports (their folder is printed).
set -euo pipefail
cd "$(dirname "$0")/../.."
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
port="${PORT:-8765}"
lighthouse="${LIGHTHOUSE:-lighthouse@12.8.2}"
work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  if [ "${KEEP:-}" = 1 ]; then echo "reports kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

base="http://127.0.0.1:$port/dostyk/"
cargo run --release -q -- build --base-url "$base" --out "$work/site/dostyk"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/site" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do
  curl -sf -o /dev/null "$base" && break
  sleep 0.1
done

# An article in both trees: one copy is canonical, the other defers to it.
article=$(cd "$work/site/dostyk/kk" && ls -d articles/*/ | head -1)
pages=("" "kk/" "kk/$article" "tg/$article" "kk/countries/kazakhstan/" "tg/timeline/" "tg/search/")
flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"

printf '%-8s %-58s %5s %5s %5s %5s\n' preset page perf a11y bp seo
for preset in desktop mobile; do
  for page in "${pages[@]}"; do
    name=$(echo "${page:-landing}" | tr '/' '_')
    report="$work/$preset-$name.json"
    extra=()
    if [ "$preset" = desktop ]; then extra=(--preset=desktop); fi
    npx --yes "$lighthouse" "$base$page" "${extra[@]}" --quiet \
      --chrome-flags="$flags" --output=json --output-path="$report" \
      --only-categories=performance,accessibility,best-practices,seo >/dev/null 2>&1 ||
      { echo "lighthouse failed on $base$page ($preset)"; continue; }
    node -e '
      const r = require(process.argv[1]);
      const s = (k) => Math.round(r.categories[k].score * 100);
      const fails = Object.values(r.audits)
        .filter((a) => a.score !== null && a.score < 1 && ["binary", "numeric"].includes(a.scoreDisplayMode)
          && !["metrics"].includes(a.id) && a.details?.type !== "debugdata")
        .map((a) => `${a.id}${a.displayValue ? " (" + a.displayValue + ")" : ""}`);
      console.log([process.argv[2].padEnd(8), (process.argv[3] || "/").padEnd(58),
        ...["performance", "accessibility", "best-practices", "seo"].map((k) => String(s(k)).padStart(5))].join(" "));
      if (process.env.VERBOSE) for (const f of fails) console.log("         below 1: " + f);
    ' "$report" "$preset" "$page"
  done
done
