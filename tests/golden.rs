//! Golden output: a build of a fixed fixture must write exactly the files recorded in
//! `tests/golden/manifest.txt`, byte for byte (one SHA-256 per output file). An optimisation
//! must leave every page as it was; a change meant to alter pages (a template, a view, a
//! translation) regenerates the manifest with
//!
//! ```text
//! DOSTYK_UPDATE_GOLDEN=1 cargo test --test golden
//! ```
//!
//! and the manifest's diff in the commit shows exactly which pages the change reached.
//!
//! The fixture is 60 articles from `bench/gen_corpus.py --seed 9` (deterministic, the
//! generator CI's synthetic archive comes from; this seed has fenced code blocks, quotes,
//! lists, bilingual stories and Uzbek articles) with `tests/golden/site.toml` and
//! `tests/golden/taxonomy.toml`, built with dostyk's built-in templates, translations and
//! static files under a project sub-path. The corpus is generated rather than checked in: it
//! is 0.7 MB of text that the repository already makes from a 28 KB word list. The manifest
//! also records a hash of the fixture's input files, so a failure tells a changed generator
//! apart from a changed build.
//!
//! The search index (`pagefind/`) is compared like every other file: dostyk writes it
//! (`tests/search_parity.rs` holds it to what Pagefind's own indexer writes), and its entry
//! file is checked besides: one index per UI tree, each with every article page of the tree.

mod common;

use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The generator's seed and size: change either and the manifest must be regenerated.
const SEED: u32 = 9;
const ARTICLES: usize = 60;
const BASE_URL: &str = "https://example.org/dostyk/";
const UI_LANGUAGES: [&str; 2] = ["kk", "tg"];
/// Set (to anything but `0`) to rewrite the manifest from this build instead of comparing.
const UPDATE: &str = "DOSTYK_UPDATE_GOLDEN";
const REGENERATE: &str = "DOSTYK_UPDATE_GOLDEN=1 cargo test --test golden";
/// The search bundle's folder.
const SEARCH_DIR: &str = "pagefind/";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn manifest_path() -> PathBuf {
    repo().join("tests/golden/manifest.txt")
}

#[test]
fn the_fixture_builds_to_the_recorded_files() {
    let Some(fixture) = Fixture::new() else {
        return;
    };
    let (out, report) = fixture.build("public", true);
    assert_eq!(
        report.articles, ARTICLES,
        "the generator wrote {ARTICLES} articles"
    );
    check_search_entry(&out);

    let actual = Manifest {
        input: fixture.input_hash(),
        files: hash_outputs(&out),
    };
    let recorded = Manifest::read(&manifest_path());
    let diff = Diff::between(&recorded.files, &actual.files);
    if std::env::var(UPDATE).is_ok_and(|v| !v.is_empty() && v != "0") {
        std::fs::write(manifest_path(), actual.to_text()).expect("write the manifest");
        // Straight to stderr: the test harness would hide `eprintln!` of a passing test.
        let _ = writeln!(
            std::io::stderr(),
            "golden: {} written ({} files): {}",
            manifest_path().display(),
            actual.files.len(),
            diff.summary()
        );
        return;
    }
    let mut problems = Vec::new();
    if recorded.input != actual.input {
        problems.push(
            "The fixture's input changed since the manifest was recorded (bench/gen_corpus.py, \
             bench/words.tsv, tests/golden/site.toml or tests/golden/taxonomy.toml): pages \
             listed below may differ for that reason alone."
                .to_string(),
        );
    }
    if !diff.is_empty() {
        problems.push(diff.report());
    }
    assert!(
        problems.is_empty(),
        "the build's output differs from tests/golden/manifest.txt.\n\n{}\n\n\
         If the change is intended (a template, a view, a translation), regenerate the \
         manifest and commit it with the change:\n\n    {REGENERATE}\n\n\
         If it is not (an optimisation, a refactoring), the pages above show what it broke.",
        problems.join("\n\n"),
    );
}

/// The comparison itself: one byte changed in a template changes exactly the pages that use
/// it, and the failure names them.
#[test]
fn a_one_byte_template_change_shows_in_the_comparison() {
    let Some(fixture) = Fixture::new() else {
        return;
    };
    let before = hash_outputs(&fixture.build("before", false).0);

    let base = dostyk::render::templates::built_in_text("base.html").expect("a built-in base.html");
    let edited = base.replacen("<html", "<htmL", 1);
    assert_eq!(edited.len(), base.len());
    assert_ne!(edited, base, "base.html has an <html> tag to edit");
    // A project's templates/ replaces the built-in template of the same name.
    fixture.write("templates/base.html", &edited);
    let after = hash_outputs(&fixture.build("after", false).0);

    let diff = Diff::between(&before, &after);
    assert!(diff.added.is_empty() && diff.removed.is_empty(), "{diff:?}");
    for page in ["kk/index.html", "tg/index.html", "kk/timeline/index.html"] {
        assert!(diff.changed.contains(page), "{page} changed: {diff:?}");
    }
    let articles = diff
        .changed
        .iter()
        .filter(|p| p.starts_with("kk/articles/"))
        .count();
    assert_eq!(articles, ARTICLES, "every kk article page changed");
    assert!(
        diff.changed
            .iter()
            .all(|p| common::has_extension(p, "html")),
        "only pages changed: {diff:?}"
    );
    for unchanged in ["sitemap.xml", "style.css", "kk/feed.xml"] {
        assert!(before.contains_key(unchanged), "{unchanged} is written");
        assert!(
            !diff.changed.contains(unchanged),
            "{unchanged} did not change"
        );
    }
    let report = diff.report();
    let first = diff.changed.first().expect("a changed page");
    assert!(
        report.contains(&format!("changed ({}):\n    {first}\n", diff.changed.len())),
        "the failure lists the changed pages: {report}"
    );
}

/// A project in a temporary folder: the generated corpus and the golden configuration.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    /// The fixture, or `None` (skipped, and said so) without `python3` to generate it.
    fn new() -> Option<Fixture> {
        let python = common::require_tool("python3")?;
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("project");
        let content = root.join("content");
        let generated = Command::new(python)
            .arg(repo().join("bench/gen_corpus.py"))
            .args(["--seed", &SEED.to_string()])
            .args(["--articles", &ARTICLES.to_string()])
            .arg("--out")
            .arg(&content)
            .output()
            .unwrap_or_else(|e| {
                panic!(
                    "the golden test generates its corpus with python3 bench/gen_corpus.py \
                     (as CI does), which did not start: {e}"
                )
            });
        assert!(
            generated.status.success(),
            "bench/gen_corpus.py failed: {}\n{}",
            generated.status,
            String::from_utf8_lossy(&generated.stderr)
        );
        for (from, to) in [
            ("tests/golden/site.toml", "site.toml"),
            ("tests/golden/taxonomy.toml", "content/taxonomy.toml"),
        ] {
            std::fs::copy(repo().join(from), root.join(to))
                .unwrap_or_else(|e| panic!("copy {from}: {e}"));
        }
        Some(Fixture { dir })
    }

    fn root(&self) -> PathBuf {
        self.dir.path().join("project")
    }

    fn write(&self, rel: &str, contents: &str) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create folder");
        std::fs::write(&path, contents).expect("write fixture file");
    }

    /// Builds the project into `name` beside it.
    fn build(&self, name: &str, search: bool) -> (PathBuf, dostyk::BuildReport) {
        let out = self.dir.path().join(name);
        let report = dostyk::build(&dostyk::BuildOptions {
            project: dostyk::Project::new(self.root()),
            out: out.clone(),
            base_url: Some(BASE_URL.to_string()),
            when_busy: dostyk::write::WhenBusy::Refuse,
            search,
        })
        .unwrap_or_else(|e| panic!("the golden fixture builds:\n{e}"));
        (out, report)
    }

    /// One hash of every input file's path and bytes.
    fn input_hash(&self) -> String {
        let mut hasher = Sha256::new();
        for (path, bytes) in files(&self.root()) {
            hasher.update(path.as_bytes());
            hasher.update([0]);
            hasher.update((bytes.len() as u64).to_le_bytes());
            hasher.update(&bytes);
        }
        format!("{:x}", hasher.finalize())
    }
}

/// Every file under `dir` by its relative path (with `/`), in path order.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|entry| entry.unwrap_or_else(|e| panic!("walk {}: {e}", dir.display())))
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .expect("under dir")
                .to_string_lossy()
                .replace('\\', "/");
            let bytes = std::fs::read(entry.path()).expect("read file");
            (rel, bytes)
        })
        .collect()
}

/// The SHA-256 of every output file, by path.
fn hash_outputs(out: &Path) -> BTreeMap<String, String> {
    files(out)
        .into_iter()
        .map(|(path, bytes)| (path, format!("{:x}", Sha256::digest(&bytes))))
        .collect()
}

/// Pagefind's entry file lists one index per UI tree, each of every article page of the tree.
fn check_search_entry(out: &Path) {
    let path = out.join(SEARCH_DIR).join("pagefind-entry.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let entry: serde_json::Value = serde_json::from_str(&text).expect("the entry file is JSON");
    let languages = entry["languages"]
        .as_object()
        .unwrap_or_else(|| panic!("the entry file lists languages: {text}"));
    assert_eq!(
        languages.keys().map(String::as_str).collect::<Vec<_>>(),
        UI_LANGUAGES,
        "one index per UI tree: {text}"
    );
    let outputs = hash_outputs(out);
    for lang in UI_LANGUAGES {
        let pages = outputs
            .keys()
            .filter(|p| {
                p.strip_prefix(&format!("{lang}/articles/"))
                    .and_then(|rest| rest.strip_suffix("/index.html"))
                    .is_some_and(|slug| !slug.contains('/'))
            })
            .count();
        assert_eq!(
            pages, ARTICLES,
            "every article has a page in the {lang} tree"
        );
        assert_eq!(
            languages[lang]["page_count"].as_u64(),
            Some(pages as u64),
            "the {lang} index has every article page of its tree: {text}"
        );
    }
}

/// What the manifest records: a hash of the fixture's input and one of each output file.
struct Manifest {
    input: String,
    files: BTreeMap<String, String>,
}

const INPUT_PREFIX: &str = "# input ";

impl Manifest {
    /// The manifest at `path`; an empty one if there is none yet.
    fn read(path: &Path) -> Manifest {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => panic!("{}: {e}", path.display()),
        };
        let mut manifest = Manifest {
            input: String::new(),
            files: BTreeMap::new(),
        };
        for line in text.lines() {
            if let Some(hash) = line.strip_prefix(INPUT_PREFIX) {
                manifest.input = hash.trim().to_string();
            } else if !line.trim().is_empty() && !line.starts_with('#') {
                let (hash, file) = line
                    .split_once("  ")
                    .unwrap_or_else(|| panic!("a manifest line is `sha256  path`: {line:?}"));
                manifest.files.insert(file.to_string(), hash.to_string());
            }
        }
        manifest
    }

    fn to_text(&self) -> String {
        let mut text = format!(
            "# Golden output of tests/golden.rs: the SHA-256 of every file a build of the fixture\n\
             # writes (the search index aside). Do not edit: regenerate with\n\
             #     {REGENERATE}\n\
             # and commit it with the change that altered the pages.\n\
             {INPUT_PREFIX}{}\n",
            self.input
        );
        for (path, hash) in &self.files {
            let _ = writeln!(text, "{hash}  {path}");
        }
        text
    }
}

/// How one set of output files differs from another, by path.
#[derive(Debug, Default)]
struct Diff {
    added: BTreeSet<String>,
    removed: BTreeSet<String>,
    changed: BTreeSet<String>,
}

impl Diff {
    fn between(expected: &BTreeMap<String, String>, actual: &BTreeMap<String, String>) -> Diff {
        let mut diff = Diff::default();
        for (path, hash) in actual {
            match expected.get(path) {
                None => {
                    diff.added.insert(path.clone());
                }
                Some(old) if old != hash => {
                    diff.changed.insert(path.clone());
                }
                Some(_) => {}
            }
        }
        diff.removed = expected
            .keys()
            .filter(|path| !actual.contains_key(*path))
            .cloned()
            .collect();
        diff
    }

    fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }

    fn summary(&self) -> String {
        format!(
            "{} added, {} removed, {} changed since the last manifest",
            self.added.len(),
            self.removed.len(),
            self.changed.len()
        )
    }

    /// Every differing path, by kind.
    fn report(&self) -> String {
        const SHOWN: usize = 60;
        let mut text = self.summary();
        for (kind, paths) in [
            ("added", &self.added),
            ("removed", &self.removed),
            ("changed", &self.changed),
        ] {
            if paths.is_empty() {
                continue;
            }
            let _ = write!(text, "\n\n{kind} ({}):", paths.len());
            for path in paths.iter().take(SHOWN) {
                let _ = write!(text, "\n    {path}");
            }
            if paths.len() > SHOWN {
                let _ = write!(text, "\n    … and {} more", paths.len() - SHOWN);
            }
        }
        text
    }
}
