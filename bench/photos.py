#!/usr/bin/env python3
"""Photo benchmark: a 10,000-article build where 10% of the articles have a lead photo.

Makes (once, into bench/work/) a copy of the 10k bench corpus in which every tenth article
gets a `[photo]` of its own: 1,000 distinct 1600x1067 JPEGs, made with ImageMagick from the
demo's photos (each recoloured, cropped and mirrored differently, so every one is new to the
cache). Then builds, with the output on a tmpfs and the cache on disk as an editor has it:

  cold   the photo corpus with an empty cache (every photo decoded and encoded)
  warm   the photo corpus again, with the cache full
  none   the same 10k corpus without photos

warm and none alternate, --runs times each; the report gives medians and warm/none. Needs
the release binary (cargo build --release), ImageMagick (`convert`) and bench/work/corpus-10000
(python3 bench/run.py makes it, or gen_corpus.py --seed 42 --articles 10000).

    python3 bench/photos.py [--runs 3] [--no-search]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
WORK = os.path.join(HERE, "work")
BIN = os.path.join(REPO, "target", "release", "dostyk")
PLAIN = os.path.join(WORK, "corpus-10000")
PHOTOS = os.path.join(WORK, "corpus-10000-photos")
SOURCES = os.path.join(WORK, "photo-sources")
BASES = ["three-bands.jpg", "columns.jpg", "mountains.jpg", "river.png"]
COUNT = 1000


def make_sources():
    os.makedirs(SOURCES, exist_ok=True)
    todo = [i for i in range(COUNT) if not os.path.exists(os.path.join(SOURCES, f"p{i:04d}.jpg"))]
    for n, i in enumerate(todo):
        base = os.path.join(REPO, "content", "photos", BASES[i % len(BASES)])
        hue = 60 + (i * 37) % 90
        x, y = (i * 13) % 200, (i * 7) % 120
        flip = ["-flop"] if i % 2 else []
        subprocess.run(["convert", base, "-auto-orient", "-modulate", f"100,{90 + i % 20},{hue}",
                        "-crop", f"1600x1067+{x}+{y}", "+repage", *flip,
                        "-resize", "1600x1067!", "-quality", "88",
                        os.path.join(SOURCES, f"p{i:04d}.jpg")], check=True)
        if n % 100 == 0:
            print(f"  made {n}/{len(todo)} source photos", file=sys.stderr)


def make_corpus():
    if os.path.exists(os.path.join(PHOTOS, "done")):
        return
    shutil.rmtree(PHOTOS, ignore_errors=True)
    shutil.copytree(PLAIN, PHOTOS)
    os.makedirs(os.path.join(PHOTOS, "photos"))
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(PHOTOS, "articles"))
                   for f in fs if f.endswith(".md"))
    chosen = files[::10][:COUNT]
    for i, path in enumerate(chosen):
        name = f"p{i:04d}.jpg"
        os.link(os.path.join(SOURCES, name), os.path.join(PHOTOS, "photos", name))
        text = open(path, encoding="utf-8").read()
        head, end, body = text.partition("\n+++\n")
        head += f'\n[photo]\nfile = "{name}"\nalt = "Сурет {i}"\ncredit = "bench"'
        open(path, "w", encoding="utf-8").write(head + end + body)
    open(os.path.join(PHOTOS, "done"), "w").write(f"{len(chosen)} photos\n")


def build(content, cache, out, search):
    args = [BIN, "build", "--content", content, "--cache", cache, "--out", out, "--timings"]
    if not search:
        args.append("--no-search")
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, cwd=REPO)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(done.stdout + done.stderr)
    photos = re.search(r"of which (\d+) photo files.*?(\d+) made now", done.stdout)
    return elapsed, done.stdout, photos


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-search", action="store_true")
    args = parser.parse_args()
    search = not args.no_search
    if not os.path.isdir(PLAIN):
        sys.exit(f"{PLAIN} is missing: make it with gen_corpus.py --seed 42 --articles 10000")
    make_sources()
    make_corpus()
    out = "/dev/shm/dostyk-photo-bench"
    cache = os.path.join(WORK, "photo-cache")
    shutil.rmtree(cache, ignore_errors=True)
    empty = os.path.join(WORK, "no-cache")
    cold, log, photos = build(PHOTOS, cache, out, search)
    print(f"cold: {cold:.2f} s ({photos.group(0) if photos else '?'})")
    print(log)
    warm, none = [], []
    for _ in range(args.runs):
        t, log, photos = build(PHOTOS, cache, out, search)
        assert photos and photos.group(2) == "0", log
        warm.append(t)
        t, _, _ = build(PLAIN, empty, out, search)
        none.append(t)
    shutil.rmtree(out, ignore_errors=True)
    w, n = statistics.median(warm), statistics.median(none)
    print(f"warm: median {w:.2f} s of {[round(x, 2) for x in warm]}")
    print(f"none: median {n:.2f} s of {[round(x, 2) for x in none]}")
    print(f"warm / none = {w / n:.3f} (target <= 1.10); cold {cold:.1f} s")


if __name__ == "__main__":
    main()
