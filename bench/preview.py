#!/usr/bin/env python3
"""How long a preview takes to show an edit: `dostyk serve` on a synthetic archive, one
article edited again and again, the time from writing the file to the article page served
with the change.

    python3 bench/preview.py                   # 10,000 articles, 15 edits of each kind
    python3 bench/preview.py --articles 1000 --edits 5

Generates the corpus with bench/gen_corpus.py (seed 42) into bench/work/ (reused by later
runs), builds dostyk in release mode, starts `dostyk serve --no-search --port 0` on it, and
edits one article's body (after its summary: only its own pages change) and its title (every
list showing it changes). Polls the article page every 2 ms until it carries the edit.
Prints the median, minimum and maximum per kind, and the rebuild times dostyk reports, in
total and per stage.
Only the standard library is used.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")


def corpus(articles, work):
    out = os.path.join(work, f"corpus-{articles}")
    if not os.path.isdir(os.path.join(out, "articles")):
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run(
            [sys.executable, os.path.join(BENCH, "gen_corpus.py"), "--seed", "42",
             "--articles", str(articles), "--out", out],
            check=True, stdout=subprocess.DEVNULL)
    shutil.copy(os.path.join(ROOT, "content", "taxonomy.toml"), out)
    return out


def fetch(url):
    with urllib.request.urlopen(url) as response:
        return response.read().decode("utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--edits", type=int, default=15)
    parser.add_argument("--work", default=os.path.join(BENCH, "work"))
    args = parser.parse_args()

    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    content = corpus(args.articles, args.work)
    server = subprocess.Popen(
        [os.path.join(ROOT, "target", "release", "dostyk"), "--root", ROOT, "serve",
         "--port", "0", "--no-search", "--content", content],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "DOSTYK_TIMINGS": "1"})
    lines = []
    url_ready = threading.Event()
    url = {}

    def read():
        for line in server.stdout:
            lines.append(line.rstrip())
            found = re.search(r"serving (http://\S+)", line)
            if found:
                url["home"] = found.group(1)
                url_ready.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        if not url_ready.wait(600):
            sys.exit("dostyk serve did not start:\n" + "\n".join(lines))
        first_build = next((l for l in lines if l.startswith("built")), "")
        files = sorted(
            os.path.join(d, f) for d, _, fs in os.walk(os.path.join(content, "articles"))
            for f in fs if f.endswith(".md"))
        path = files[len(files) // 2]
        slug = os.path.basename(path)[:-3]
        page = f"{url['home']}kk/articles/{slug}/"
        original = open(path, encoding="utf-8").read()
        results = {"body": [], "title": []}
        for i in range(args.edits):
            for kind in ("body", "title"):
                marker = f"Edit{kind}{i}x"
                text = open(path, encoding="utf-8").read()
                if kind == "body":
                    text = text.rstrip("\n") + f" {marker}.\n"
                else:
                    text = re.sub(r'^title = "', f'title = "{marker} ', text, count=1, flags=re.M)
                started = time.perf_counter()
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                while marker not in fetch(page):
                    if time.perf_counter() - started > 30:
                        sys.exit(f"the edit did not show within 30 s:\n" + "\n".join(lines[-5:]))
                    time.sleep(0.002)
                results[kind].append((time.perf_counter() - started) * 1000)
                time.sleep(0.25)
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
    finally:
        server.terminate()
        server.wait()

    rebuilds = [int(m.group(1)) for l in lines[1:]
                for m in [re.search(r"built \d+ articles in (\d+) ms after", l)] if m]
    print(f"dostyk serve, {args.articles} articles, {os.cpu_count()} cores")
    print(f"first build: {first_build}")
    print()
    print("| edit | edits | median | min | max |")
    print("|---|---:|---:|---:|---:|")
    for kind, label in (("body", "article text (after the summary)"), ("title", "article title")):
        times = results[kind]
        print(f"| {label} | {len(times)} | {statistics.median(times):.0f} ms | "
              f"{min(times):.0f} ms | {max(times):.0f} ms |")
    if rebuilds:
        print()
        print(f"rebuild time dostyk reports: median {statistics.median(rebuilds):.0f} ms "
              f"(min {min(rebuilds)}, max {max(rebuilds)}) over {len(rebuilds)} rebuilds")
    # With DOSTYK_TIMINGS set, each rebuild is followed by its stage times.
    stages = [m.groups() for l in lines[1:]
              for m in [re.search(r"load (\d+) ms, model (\d+) ms, render (\d+) ms, finish (\d+) ms", l)]
              if m]
    if stages[1:]:
        medians = [statistics.median(int(s[i]) for s in stages[1:]) for i in range(4)]
        print("stage medians: " + ", ".join(
            f"{name} {ms:.0f} ms" for name, ms in zip(("load", "model", "render", "finish"), medians)))


if __name__ == "__main__":
    main()
