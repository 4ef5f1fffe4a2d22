#!/usr/bin/env python3
"""The importer's evaluation: real agency texts in, every field scored against hand-made labels.

    python3 bench/import_eval/eval.py                       # the dev set (labels.toml here)
    python3 bench/import_eval/eval.py --labels L.toml --texts DIR [--texts DIR2 …]

It imports the texts one by one, in the order of the labels file, into an empty archive of a temporary
project (this project's site.toml and taxonomy), as an editor would: first as they are (with `--url` when the
label has one, unless --no-url), and when the importer refuses, again with what the editor would give
(`--date`, `--lang`, `--outlet`, `--off-topic`), so that the later fields are measured too. The first
attempt is what language, date, headline, countries, topics and the off-topic flag are judged on; stories,
datelines, slugs and lost sentences are judged on the articles written.

Printed per field: the score and every miss. Exit status 0 whatever the scores: it measures, it does not gate.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import unicodedata
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent

TOPICS = {
    "trade", "energy", "water", "agriculture", "transport", "security", "culture", "education", "health",
    "digital", "parliament", "diplomacy", "investment", "industry",
}
# The taxonomy's country ids as the labels write them (ISO 3166 alpha-2).
ISO = {
    "kazakhstan": "KZ", "tajikistan": "TJ", "uzbekistan": "UZ", "kyrgyzstan": "KG", "turkmenistan": "TM",
    "afghanistan": "AF", "russia": "RU", "china": "CN", "iran": "IR", "pakistan": "PK", "turkey": "TR",
}
# A rough Latin for Cyrillic letters, so that a place compares across scripts and spellings
# ("ДУШАНБЕ" = "Душанбе", "ASTANА" with a Cyrillic А = "Astana" = "Астана").
LATIN = str.maketrans({
    "а": "a", "ә": "a", "б": "b", "в": "v", "г": "g", "ғ": "g", "д": "d", "е": "e", "ё": "e", "ж": "j",
    "з": "z", "и": "i", "ӣ": "i", "і": "i", "й": "y", "к": "k", "қ": "k", "л": "l", "м": "m", "н": "n",
    "ң": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ӯ": "u", "ұ": "u",
    "ү": "u", "ў": "u", "ф": "f", "х": "h", "ҳ": "h", "һ": "h", "ц": "c", "ч": "ch", "ҷ": "j", "ш": "sh",
    "щ": "sh", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
})


def place_key(text: str) -> str:
    return re.sub(r"[^a-z]", "", unicodedata.normalize("NFC", text).lower().translate(LATIN))


DATE_MARKER = re.compile(r"^\s*date:?\s+\d{4}-\d{2}-\d{2}\S*\s*", re.I)
BULLET = re.compile(r"^\s*[•▪●◦‣·]\s*")


def norm(text: str) -> str:
    """Text as compared: NFC, lower case, one kind of quote and dash, single spaces, no Markdown escapes."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>~\"'])", r"\1", text)
    text = text.replace("\u00a0", " ").replace("ё", "е").replace("Ё", "Е")
    text = re.sub(r"[«»“”„\"]", '"', text)
    text = re.sub(r"[‘’ʼʻ`´]", "'", text)
    text = re.sub(r"[–—−]", "-", text)
    return " ".join(text.lower().split())


def plain_markdown(md: str) -> str:
    """The words of an imported body: list markers and escapes off, one line per block."""
    out = []
    for line in md.splitlines():
        line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line)
        out.append(line)
    return "\n".join(out)


def sentences(text: str) -> list[str]:
    """Sentences of four or more words, the last one even when the page cut it off. A store's
    `date YYYY-MM-DD` marker and list bullets are not part of them."""
    found = []
    for n, line in enumerate(text.splitlines()):
        if n == 0:
            line = DATE_MARKER.sub("", line)
        line = BULLET.sub("", line)
        for part in re.split(r"(?<=[.!?…])\s+", line.strip()):
            if len([w for w in part.split() if any(c.isalnum() for c in w)]) >= 4:
                found.append(part)
    return found


def sentence_kept(sentence: str, hay: str, title: str, place: str) -> bool:
    """Whether an article keeps a sentence of its raw text: as it is; or, for its headline, as
    the title (without the outlet the headline named after a dash, or nearly the same words,
    as a repeat of the headline with a letter changed is); or, for a dateline, without it (its
    place, date and outlet went to the front matter)."""
    s = norm(sentence)
    if s in hay:
        return True
    if title and difflib.SequenceMatcher(None, s, title).ratio() >= 0.9:
        return True
    if " - " in s and title:
        head = s.rsplit(" - ", 1)[0]
        if difflib.SequenceMatcher(None, head, title).ratio() >= 0.9:
            return True
    # `KAZAKHSTAN TODAY - 8 августа в Астане …`: a dateline's outlet before its dash.
    m = re.match(r"^((?:\S+ ){0,3}\S+) [-–—] (.+)$", s)
    if m and norm(m.group(2)) in hay:
        return True
    if place and place_key(s[:40]).startswith(place):
        if len(s.split()) <= 8:
            return True  # the dateline alone
        # The dateline: the words after its outlet's dash (or after its last period) are text.
        parts = re.split(r" - |/\. |/ - |\. (?=[^\W\d])", s, maxsplit=3)
        tail = parts[-1] if len(parts) > 1 else ""
        return len(tail.split()) < 3 or tail in hay
    return False


def front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, head, body = text.split("+++", 2)
    return tomllib.loads(head), body


@dataclass
class Attempt:
    args: list[str]
    status: str
    report: dict | None
    problems: list[str]
    path: Path | None


@dataclass
class Result:
    label: dict
    first: Attempt
    last: Attempt
    article: dict | None = None
    body: str = ""
    retried_with: list[str] = field(default_factory=list)


def run_import(binary: Path, project: Path, text: Path, extra: list[str]) -> Attempt:
    cmd = [str(binary), "import", str(text), "--json", *extra]
    proc = subprocess.run(cmd, cwd=project, capture_output=True, text=True)
    try:
        results = json.loads(proc.stdout)
        one = results[0]
    except (json.JSONDecodeError, IndexError):
        sys.exit(f"dostyk import {text.name} printed no JSON report:\n{proc.stdout}\n{proc.stderr}")
    path = Path(one["path"]) if one.get("path") else None
    if path is not None and not path.is_absolute():
        path = project / path
    return Attempt(extra, one["status"], one.get("report"), one.get("problems") or [], path)


def remedies(attempt: Attempt, label: dict) -> list[str]:
    """What an editor would add on the command line after reading the importer's problems."""
    extra = []
    text = " ".join(attempt.problems)
    if "--date" in text or "--year" in text:
        if label.get("date"):
            extra += ["--date", label["date"]]
    if "--lang" in text:
        extra += ["--lang", label["lang"]]
    if "--outlet" in text:
        extra += ["--outlet", label.get("outlet") or "unknown"]
    if "--off-topic" in text:
        extra += ["--off-topic"]
    return extra


def import_all(binary: Path, labels: list[dict], texts: dict[str, Path], use_url: bool) -> list[Result]:
    project = Path(tempfile.mkdtemp(prefix="dostyk-eval-"))
    try:
        (project / "content" / "articles").mkdir(parents=True)
        shutil.copy(ROOT / "site.toml", project / "site.toml")
        shutil.copy(ROOT / "content" / "taxonomy.toml", project / "content" / "taxonomy.toml")
        results = []
        for label in labels:
            text = texts[label["file"]]
            base = ["--url", label["url"]] if use_url and label.get("url") else []
            first = run_import(binary, project, text, base)
            last, extra = first, []
            for _ in range(3):
                if last.status != "failed":
                    break
                more = [a for a in remedies(last, label) if a not in extra]
                if not more:
                    break
                extra += more
                last = run_import(binary, project, text, base + extra)
            result = Result(label, first, last, retried_with=extra)
            if last.status == "imported" and last.path and last.path.exists():
                result.article, result.body = front_matter(last.path)
            results.append(result)
        return results
    finally:
        shutil.rmtree(project, ignore_errors=True)


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class Printer:
    def __init__(self, verbose: bool):
        self.verbose = verbose
        self.summary: list[tuple[str, str]] = []

    def section(self, name: str, score: str, misses: list[str]):
        self.summary.append((name, score))
        print(f"\n## {name}: {score}")
        for m in misses:
            print(f"  - {m}")


def value(report: dict | None, key: str):
    if not report or not report.get(key):
        return None
    return report[key]


def evaluate(results: list[Result], out: Printer) -> dict:
    scores = {}
    name = lambda r: r.label["file"]

    # Language.
    right, misses = 0, []
    for r in results:
        got = (value(r.first.report, "language") or {}).get("lang")
        if got == r.label["lang"]:
            right += 1
        else:
            misses.append(f"{name(r)}: {got or 'refused'} (label {r.label['lang']})")
    scores["language"] = right / len(results)
    out.section("language", f"{right}/{len(results)} = {100 * right / len(results):.0f}%", misses)

    # Date: right, refused (the importer asked for it), wrong.
    counts = {"right": 0, "refused": 0, "wrong": 0}
    misses = []
    for r in results:
        got = (value(r.first.report, "date") or {}).get("value")
        want = r.label.get("date", "")
        knowable = bool(want) and r.label.get("date_basis") != "inferred"
        if got and got == want:
            counts["right"] += 1
        elif not got:
            counts["refused"] += 1
            if knowable:
                misses.append(f"{name(r)}: refused, the text gives {want} ({r.label.get('date_evidence', '')})")
        else:
            counts["wrong"] += 1
            how = (value(r.first.report, "date") or {}).get("how", "")
            misses.append(f"{name(r)}: WRONG {got} ({how}); label {want or 'none'}")
    scores["dates_wrong"] = counts["wrong"]
    out.section("date", f"{counts['right']} right, {counts['refused']} refused, {counts['wrong']} wrong", misses)

    # Headline.
    right, certain_wrong, misses = 0, 0, []
    for r in results:
        title = value(r.first.report, "title") or {}
        got, sure = title.get("value", ""), title.get("sure")
        if r.label.get("has_title"):
            ok = norm(got).rstrip(".") == norm(r.label["headline"]).rstrip(".")
        else:
            ok = sure != "certain"
        right += ok
        if not ok:
            if sure == "certain":
                certain_wrong += 1
            want = r.label["headline"] if r.label.get("has_title") else "(none: a title made from the lead, not certain)"
            misses.append(f"{name(r)}: {got!r} [{sure}]; label {want!r}")
    scores["headlines"] = right / len(results)
    out.section(
        "headline",
        f"{right}/{len(results)} right; {certain_wrong} wrong and marked certain",
        misses,
    )

    # Countries and topics: micro-F1 over the first attempt's tags.
    for kind, key, known in [("countries", "countries", None), ("topics", "topics", TOPICS)]:
        tp = fp = fn = 0
        misses = []
        for r in results:
            tags = (r.first.report or {}).get(key) or []
            got = {ISO.get(t["id"], t["id"]) if kind == "countries" else t["id"] for t in tags}
            if known is not None:
                got &= known
            want = set(r.label.get(key) or [])
            tp += len(got & want)
            fp += len(got - want)
            fn += len(want - got)
            if got != want:
                extra = ", ".join(
                    f"{t['id']} ({', '.join(t.get('triggers', [])[:3])})"
                    for t in tags
                    if (ISO.get(t["id"], t["id"]) if kind == "countries" else t["id"]) in got - want
                )
                misses.append(
                    f"{name(r)}: missed {sorted(want - got) or '-'}; extra {extra or '-'}"
                )
        p, rec, f = f1(tp, fp, fn)
        scores[kind] = f
        out.section(kind, f"micro-F1 {f:.2f} (precision {p:.2f}, recall {rec:.2f})", misses)

    # Off-topic flags.
    flagged_right = flagged_wrong = 0
    off = [r for r in results if r.label.get("kz_tj") is False]
    misses = []
    for r in results:
        on = ((r.first.report or {}).get("on_topic") or {}).get("value", True)
        if r.label.get("kz_tj") is False:
            if on is False:
                flagged_right += 1
            else:
                misses.append(f"{name(r)}: off-topic, imported without a word")
        elif on is False:
            flagged_wrong += 1
            why = ((r.first.report or {}).get("on_topic") or {}).get("why", "")
            misses.append(f"{name(r)}: about Kazakhstan/Tajikistan, flagged off-topic ({why})")
    scores["off_topic"] = (flagged_right, len(off), flagged_wrong)
    out.section(
        "off-topic",
        f"{flagged_right}/{len(off)} off-topic texts flagged; {flagged_wrong} others flagged wrongly",
        misses,
    )

    imported = [r for r in results if r.article is not None]

    # Stories: pairwise over the imported articles.
    tp = fp = fn = 0
    misses = []
    for a, b in combinations(imported, 2):
        same_label = a.label["story"] == b.label["story"]
        same_got = a.article.get("story") == b.article.get("story")
        # The later import is the one that decided.
        why = "; ".join(((b.last.report or {}).get("story") or {}).get("reasons", [])[:2])
        if same_label and same_got:
            tp += 1
        elif same_got:
            fp += 1
            misses.append(f"FALSE MERGE {name(a)} + {name(b)}: {a.label['story']} / {b.label['story']}\n      {why}")
        elif same_label:
            fn += 1
            misses.append(f"not linked {name(a)} + {name(b)} ({a.label['story']})\n      {why}")
    p, rec, f = f1(tp, fp, fn)
    scores["stories"] = f
    scores["false_merges"] = fp
    out.section(
        "stories",
        f"pairwise F1 {f:.2f} (precision {p:.2f}, recall {rec:.2f}); {fp} false merges; {len(imported)} imported",
        misses,
    )

    # Dateline places.
    kept, misses = 0, []
    with_place = [r for r in imported if r.label.get("dateline")]
    for r in with_place:
        want = place_key(r.label["dateline"].split("/")[0])
        place = place_key(str(r.article.get("place", "")))
        body = place_key(r.body[:80])
        if (place and (place == want or place in want or want in place)) or body.startswith(want):
            kept += 1
        else:
            misses.append(f"{name(r)}: {r.label['dateline']!r} dropped (place {r.article.get('place')!r})")
    out.section("dateline places", f"{kept}/{len(with_place)} kept", misses)
    scores["datelines"] = (kept, len(with_place))

    # Sentences lost.
    lost, total, misses = 0, 0, []
    for r in imported:
        chrome = {norm(c) for c in r.label.get("chrome", [])}
        raw = r.label["_text"]
        raw_lines = [l for l in raw.splitlines() if norm(l) not in chrome]
        source = r.article.get("source") or {}
        hay = norm(
            "\n".join(
                [str(r.article.get("title", "")), plain_markdown(r.body), str(r.article.get("place", "")),
                 str(source.get("photo", "")), str(source.get("outlet", ""))]
            )
        )
        title = norm(str(r.article.get("title", "")))
        place = place_key(r.label.get("dateline", ""))
        for s in sentences("\n".join(raw_lines)):
            total += 1
            if not sentence_kept(s, hay, title, place):
                lost += 1
                misses.append(f"{name(r)}: {s[:110]!r}")
    scores["sentences_lost"] = lost
    out.section("sentences", f"{lost} lost of {total}", misses)

    # Uzbek slugs: the Uzbek Latin alphabet (j, g', o', x), never the Kazakh table's zh/gh.
    misses = []
    uz = [r for r in imported if r.label["lang"] == "uz"]
    function_words = {"va", "men", "dar", "bilan", "bo'yicha", "uchun", "i", "and"}
    for r in uz:
        slug = Path(r.last.path).stem
        words = slug.split("-")
        if "zh" in slug or "gh" in slug:
            misses.append(f"{name(r)}: {slug} (Kazakh letters zh/gh)")
        elif words and words[-1] in function_words:
            misses.append(f"{name(r)}: {slug} (ends on a function word)")
    for r in imported:
        words = Path(r.last.path).stem.split("-")
        if r.label["lang"] != "uz" and words and words[-1] in function_words | {"jane", "zhane", "ham"}:
            misses.append(f"{name(r)}: {Path(r.last.path).stem} (ends on a function word)")
    out.section("slugs", f"{len(misses)} wrong ({len(uz)} Uzbek)", misses)

    # The outlet, with --url: never asked for.
    asked = [r for r in results if r.label.get("url") and any("--outlet" in p for p in r.first.problems)]
    out.section(
        "outlet with --url",
        f"asked for --outlet {len(asked)} times",
        [f"{name(r)}: {r.label['url']}" for r in asked],
    )
    scores["outlet_asked"] = len(asked)

    # Retries, for the record.
    retried = [f"{name(r)}: {' '.join(r.retried_with)} → {r.last.status}" for r in results if r.retried_with]
    failed = [f"{name(r)}: {'; '.join(r.last.problems)}" for r in results if r.article is None]
    out.section("given by the editor", f"{len(retried)} texts needed an option", retried)
    out.section("not imported", f"{len(failed)}", failed)
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=HERE / "labels.toml")
    parser.add_argument("--texts", type=Path, action="append",
                        help="folder of raw texts (repeatable); default: texts/ here and ../shared/import-corpus")
    parser.add_argument("--bin", type=Path, help="the dostyk binary [default: build target/release/dostyk]")
    parser.add_argument("--no-url", action="store_true", help="import without --url")
    parser.add_argument("--only", help="a regular expression: evaluate the labels whose file matches")
    parser.add_argument("--json", type=Path, help="also write the scores as JSON here")
    args = parser.parse_args()

    folders = args.texts or [HERE / "texts", ROOT.parent / "shared" / "import-corpus"]
    labels = tomllib.loads(args.labels.read_text(encoding="utf-8"))["article"]
    if args.only:
        labels = [l for l in labels if re.search(args.only, l["file"])]
    texts: dict[str, Path] = {}
    missing = []
    for label in labels:
        for folder in folders:
            if (folder / label["file"]).is_file():
                texts[label["file"]] = (folder / label["file"]).resolve()
                label["_text"] = (folder / label["file"]).read_text(encoding="utf-8")
                break
        else:
            missing.append(f"{label['file']}  {label.get('url', '')}  «{label.get('opening', '')}»")
    if missing:
        sys.exit(
            "texts not found in " + ", ".join(map(str, folders)) + ":\n  " + "\n  ".join(missing)
            + "\n(the texts are third-party copy, kept out of git: see bench/import_eval/README.md)"
        )

    binary = args.bin.resolve() if args.bin else None
    if binary is None:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        binary = ROOT / "target" / "release" / "dostyk"

    results = import_all(binary, labels, texts, not args.no_url)
    out = Printer(verbose=True)
    print(f"# dostyk import on {len(results)} texts ({args.labels})")
    scores = evaluate(results, out)
    print("\n# summary")
    for name, score in out.summary:
        print(f"  {name:20} {score}")
    if args.json:
        args.json.write_text(json.dumps(scores, indent=2))


if __name__ == "__main__":
    main()
