//! Editors with only a browser: texts uploaded to `inbox/` are imported and published by the
//! two workflows' own scripts, `scripts/inbox-import` and `scripts/pages-build`, run here on a
//! temporary git repository as the workflows run them (with `GITHUB_STEP_SUMMARY` and
//! `GITHUB_OUTPUT` pointed at files, and a bare repository as `origin`).

mod common;

use common::{front_matter, jpeg, repo_root, require_tool};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A raw agency text of `tests/fixtures/raw/`.
fn seed(name: &str) -> Vec<u8> {
    std::fs::read(repo_root().join("tests/fixtures/raw").join(name)).unwrap()
}

/// The Uzbek text of the Astana talks: complete, it needs no option.
const UZBEK: &str = "002_4ac4f6e0ac4e3caa.txt";
/// The Kazakh text of the same talks: it gives no date.
const DATELESS: &str = "004_fdb75db5e4a0ae0c.txt";
/// A Tajik text that gives the day and month but no year.
const NO_YEAR: &str = "000_c2971f3114f27f7e.txt";
/// A Kazakh text with neither date nor outlet.
const BARE: &str = "003_66e8fa6394fbc704.txt";

/// `text` opening with option lines.
fn with_options(options: &str, text: &[u8]) -> Vec<u8> {
    let mut out = options.as_bytes().to_vec();
    out.extend_from_slice(text);
    out
}

/// A repository like the project's: its configuration and taxonomy, no articles yet, the
/// inbox with its README, and a bare repository as `origin` to push to.
struct Repo {
    _dir: tempfile::TempDir,
    root: PathBuf,
    origin: PathBuf,
    summary: PathBuf,
    outputs: PathBuf,
    gitconfig: PathBuf,
}

impl Repo {
    /// `None` when git is missing (and tools are not required).
    fn new() -> Option<Repo> {
        require_tool("git")?;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("repo");
        let origin = dir.path().join("origin.git");
        let gitconfig = dir.path().join("gitconfig");
        std::fs::write(&gitconfig, "").unwrap();
        let repo = Repo {
            summary: dir.path().join("summary.md"),
            outputs: dir.path().join("outputs"),
            _dir: dir,
            root,
            origin,
            gitconfig,
        };
        for file in ["site.toml", "content/taxonomy.toml", "inbox/README.md"] {
            repo.write(file, std::fs::read(repo_root().join(file)).unwrap());
        }
        repo.write("content/articles/.gitkeep", "");
        repo.write(".gitignore", "/public/\n/.dostyk-cache/\n");
        repo.git(&["init", "--quiet", "-b", "main"]);
        repo.git(&["add", "--all"]);
        repo.git(&["commit", "--quiet", "-m", "The archive"]);
        let origin = repo.origin.to_str().unwrap().to_string();
        repo.git(&["init", "--quiet", "--bare", "-b", "main", &origin]);
        repo.git(&["remote", "add", "origin", &origin]);
        repo.git(&["push", "--quiet", "origin", "main"]);
        Some(repo)
    }

    fn write(&self, rel: &str, contents: impl AsRef<[u8]>) {
        let path = self.root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }

    /// A command run in the repository, with git configured by this test alone.
    fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new(program);
        command
            .current_dir(&self.root)
            .env("GIT_CONFIG_GLOBAL", &self.gitconfig)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Editor")
            .env("GIT_AUTHOR_EMAIL", "editor@example.org")
            .env("GIT_COMMITTER_NAME", "Editor")
            .env("GIT_COMMITTER_EMAIL", "editor@example.org")
            .env_remove("GITHUB_REF_NAME")
            .env("GITHUB_STEP_SUMMARY", &self.summary)
            .env("GITHUB_OUTPUT", &self.outputs)
            .env("DOSTYK", env!("CARGO_BIN_EXE_dostyk"));
        command
    }

    fn git(&self, args: &[&str]) -> String {
        let output = self.command("git").args(args).output().unwrap();
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// An editor's upload through GitHub's web pages: one commit adding files to `inbox/`.
    fn upload(&self, files: &[(&str, &[u8])]) {
        for (name, contents) in files {
            self.write(&format!("inbox/{name}"), contents);
        }
        self.git(&["add", "--all", "inbox"]);
        self.git(&["commit", "--quiet", "-m", "Add files via upload"]);
        self.git(&["push", "--quiet", "origin", "main"]);
    }

    /// The import workflow's step: `scripts/inbox-import`, with the summary and outputs fresh.
    fn import(&self, push: bool) -> Run {
        let _ = std::fs::remove_file(&self.summary);
        let _ = std::fs::remove_file(&self.outputs);
        let mut command = self.command(repo_root().join("scripts/inbox-import"));
        if push {
            command.arg("--push");
        }
        Run::of(&command.output().unwrap(), self)
    }

    /// The Pages workflow's step: `scripts/pages-build`.
    fn pages(&self) -> Run {
        let _ = std::fs::remove_file(&self.summary);
        let output = self
            .command(repo_root().join("scripts/pages-build"))
            .arg("http://127.0.0.1:8000/REPO/")
            .output()
            .unwrap();
        Run::of(&output, self)
    }

    /// The files of the last commit.
    fn tracked(&self) -> Vec<String> {
        self.git(&["ls-tree", "-r", "--name-only", "HEAD"])
            .lines()
            .map(str::to_string)
            .collect()
    }

    fn articles(&self) -> Vec<String> {
        self.tracked()
            .into_iter()
            .filter(|f| {
                f.starts_with("content/articles/")
                    && Path::new(f).extension().is_some_and(|x| x == "md")
            })
            .collect()
    }

    fn inbox(&self) -> Vec<String> {
        self.tracked()
            .into_iter()
            .filter(|f| f.starts_with("inbox/"))
            .collect()
    }

    fn last_message(&self) -> String {
        self.git(&["log", "-1", "--format=%B"])
    }

    fn clean(&self) -> bool {
        self.git(&["status", "--porcelain"]).trim().is_empty()
    }
}

/// What a script did: its status, output, and the summary and outputs it left.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    summary: String,
    outputs: String,
}

impl Run {
    fn of(output: &Output, repo: &Repo) -> Run {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            summary: std::fs::read_to_string(&repo.summary).unwrap_or_default(),
            outputs: std::fs::read_to_string(&repo.outputs).unwrap_or_default(),
        }
    }

    fn all(&self) -> String {
        format!(
            "status {:?}\n--- stdout\n{}\n--- stderr\n{}\n--- summary\n{}\n--- outputs\n{}",
            self.code, self.stdout, self.stderr, self.summary, self.outputs
        )
    }
}

#[test]
fn a_good_text_is_committed_and_a_dateless_one_waits_for_the_editor() {
    let Some(repo) = Repo::new() else { return };
    repo.upload(&[(UZBEK, &seed(UZBEK)), (DATELESS, &seed(DATELESS))]);
    let run = repo.import(true);
    let all = run.all();
    // The red mark: a text needs the editor. The good one landed all the same.
    assert_eq!(run.code, Some(1), "{all}");
    let articles = repo.articles();
    assert_eq!(
        articles,
        ["content/articles/2025/qozogiston-va-tojikiston-parlamentlari-hamkorlikni.md"],
        "{all}"
    );
    assert_eq!(
        repo.inbox(),
        [format!("inbox/{DATELESS}"), "inbox/README.md".into()]
    );
    assert!(repo.clean(), "{}", repo.git(&["status", "--porcelain"]));
    let message = repo.last_message();
    assert!(
        message.starts_with(&format!("inbox: import {UZBEK}\n")),
        "{message}"
    );
    assert!(message.contains(&articles[0]), "{message}");
    assert!(
        message.contains(&format!(
            "Staying in the inbox for the editor (see the run's summary): inbox/{DATELESS}"
        )),
        "{message}"
    );
    // Pushed, and the Pages job is told which commit to build.
    let head = repo.git(&["rev-parse", "HEAD"]);
    let origin = repo.git(&[
        "ls-remote",
        repo.origin.to_str().unwrap(),
        "refs/heads/main",
    ]);
    assert!(origin.starts_with(head.trim()), "{origin} vs {head}");
    assert!(run.outputs.contains("pushed=true\n"), "{all}");
    assert!(
        run.outputs.contains(&format!("sha={}", head.trim())),
        "{all}"
    );

    // The editor sees why, on the file and in the summary.
    assert!(
        run.stdout.contains(&format!(
            "::error file=inbox/{DATELESS},line=1,title=Stays in the inbox::the text gives no date: give the publication date with \"date: YYYY-MM-DD\""
        )),
        "{all}"
    );
    assert!(
        run.summary
            .starts_with("## Inbox: 1 text imported, 1 waiting for the editor\n"),
        "{all}"
    );
    assert!(
        run.summary
            .contains(&format!("### ❌ `inbox/{DATELESS}` stays in the inbox")),
        "{all}"
    );
    assert!(
        run.summary
            .contains(&format!("### ✅ `inbox/{UZBEK}` → `{}`", articles[0])),
        "{all}"
    );
    for row in [
        "| | value | how sure | why |",
        "| **date** | — | missing |",
        "| **language** | kk | 100% | letters",
        "| **outlet** | BAQ.KZ | likely |",
        "| **countries** | kazakhstan, tajikistan |",
        "| **date** | 2025-08-27 | certain | the \\`date\\` line before the headline |",
        "| **story** | 2025-08-27-",
    ] {
        assert!(run.summary.contains(row), "{row}\n{all}");
    }

    // The editor adds the date on the text's first line, on GitHub: the text lands, and
    // joins the story of the Uzbek version.
    repo.upload(&[(
        DATELESS,
        &with_options("date: 2025-08-27\n", &seed(DATELESS)),
    )]);
    let run = repo.import(true);
    assert_eq!(run.code, Some(0), "{}", run.all());
    assert_eq!(repo.inbox(), ["inbox/README.md"]);
    let articles = repo.articles();
    assert_eq!(articles.len(), 2, "{articles:?}");
    let stories: Vec<String> = articles
        .iter()
        .map(|a| front_matter(&repo.root.join(a))["story"].to_string())
        .collect();
    assert_eq!(stories[0], stories[1], "one story in two languages");
    assert!(
        repo.last_message()
            .starts_with(&format!("inbox: import {DATELESS}\n"))
    );
    assert!(
        run.summary
            .contains("| **date** | 2025-08-27 | given | given with the \"date:\" line |"),
        "{}",
        run.all()
    );
}

#[test]
fn two_texts_uploaded_at_once_both_land_in_one_commit() {
    let Some(repo) = Repo::new() else { return };
    repo.upload(&[
        (NO_YEAR, &with_options("year: 2025\n", &seed(NO_YEAR))),
        (
            "kazakhstan-today.txt",
            &with_options("date: 2026-02-16\noutlet: Kazakhstan Today\n", &seed(BARE)),
        ),
    ]);
    let before = repo.git(&["rev-list", "--count", "HEAD"]);
    let run = repo.import(false);
    let all = run.all();
    assert_eq!(run.code, Some(0), "{all}");
    assert_eq!(repo.inbox(), ["inbox/README.md"], "{all}");
    let articles = repo.articles();
    assert_eq!(articles.len(), 2, "{articles:?}\n{all}");
    let after = repo.git(&["rev-list", "--count", "HEAD"]);
    assert_eq!(
        after.trim().parse::<u32>().unwrap(),
        before.trim().parse::<u32>().unwrap() + 1,
        "one commit"
    );
    let message = repo.last_message();
    assert!(
        message.starts_with(&format!("inbox: import {NO_YEAR}, kazakhstan-today.txt\n")),
        "{message}"
    );
    for article in &articles {
        assert!(message.contains(article.as_str()), "{message}");
    }
    let dates: Vec<String> = articles
        .iter()
        .map(|a| front_matter(&repo.root.join(a))["date"].to_string())
        .collect();
    assert!(dates.contains(&"2025-11-14".to_string()), "{dates:?}");
    assert!(dates.contains(&"2026-02-16".to_string()), "{dates:?}");
    // Not pushed without --push.
    assert!(run.outputs.contains("pushed=false\n"), "{all}");
    assert!(
        run.stdout.contains(&format!(
            "::notice title=inbox/{NO_YEAR}::imported as content/articles/2025/"
        )),
        "{all}"
    );
}

#[test]
fn a_photo_uploaded_beside_its_text_goes_with_it() {
    let Some(repo) = Repo::new() else { return };
    repo.upload(&[
        ("talks.jpg", &jpeg(64, 48, 1)),
        (
            UZBEK,
            &with_options(
                "photo: inbox/talks.jpg\nalt: Парламент раҳбарлари учрашуви\n",
                &seed(UZBEK),
            ),
        ),
        ("other.jpg", &jpeg(32, 32, 1)),
    ]);
    let run = repo.import(false);
    let all = run.all();
    assert_eq!(run.code, Some(0), "{all}");
    // The photo that went with the text left the inbox; the other one stays.
    assert_eq!(
        repo.inbox(),
        ["inbox/README.md", "inbox/other.jpg"],
        "{all}"
    );
    let article = &repo.articles()[0];
    let fm = front_matter(&repo.root.join(article));
    let photo = fm["photo"].as_table().unwrap();
    let file = photo["file"].as_str().unwrap();
    assert_eq!(photo["alt"].as_str(), Some("Парламент раҳбарлари учрашуви"));
    assert!(
        repo.tracked().contains(&format!("content/photos/{file}")),
        "{:?}",
        repo.tracked()
    );
}

#[test]
fn broken_texts_stay_and_never_break_the_site_build() {
    let Some(repo) = Repo::new() else { return };
    let mut not_utf8 = b"line one\nline two\nthird \xff line\n".to_vec();
    not_utf8.extend_from_slice(&seed(UZBEK));
    repo.upload(&[
        ("binary.txt", &not_utf8),
        ("empty.txt", b""),
        ("options-only.txt", b"date: 2025-08-27\nlang: kk\n"),
        (
            "misspelt.txt",
            &with_options("outlet: BAQ.KZ\ndat: 2025-08-27\n", &seed(DATELESS)),
        ),
        (
            "bad-date.txt",
            &with_options("date: 27.08.2025\n", &seed(DATELESS)),
        ),
        (
            "no-alt.txt",
            &with_options("photo: inbox/none.jpg\n", &seed(UZBEK)),
        ),
        (UZBEK, &seed(UZBEK)),
    ]);
    let run = repo.import(false);
    let all = run.all();
    assert_eq!(run.code, Some(1), "{all}");
    assert_eq!(repo.articles().len(), 1, "the good text landed\n{all}");
    let waiting = [
        "bad-date.txt",
        "binary.txt",
        "empty.txt",
        "misspelt.txt",
        "no-alt.txt",
        "options-only.txt",
    ];
    let mut expected = vec!["inbox/README.md".to_string()];
    expected.extend(waiting.iter().map(|w| format!("inbox/{w}")));
    assert_eq!(repo.inbox(), expected, "{all}");
    for (file, line, message) in [
        (
            "binary.txt",
            3,
            "not UTF-8 (at byte 24, line 3): save the text as UTF-8",
        ),
        ("empty.txt", 1, "the text has no article text"),
        ("options-only.txt", 1, "the text has no article text"),
        (
            "misspelt.txt",
            2,
            "unknown option \"dat:\" (did you mean \"date:\"?)",
        ),
        (
            "bad-date.txt",
            1,
            "\"date: 27.08.2025\": not a date; write it as date: YYYY-MM-DD",
        ),
        ("no-alt.txt", 1, "\"photo:\" needs an \"alt:\" line"),
    ] {
        let annotation =
            format!("::error file=inbox/{file},line={line},title=Stays in the inbox::{message}");
        assert!(run.stdout.contains(&annotation), "{annotation}\n{all}");
        assert!(
            run.summary
                .contains(&format!("### ❌ `inbox/{file}` stays in the inbox")),
            "{file}\n{all}"
        );
    }
    // A text with a wrong option is not imported, even though it could be without it.
    assert!(!run.stdout.contains("inbox/misspelt.txt → "), "{all}");

    let pages = repo.pages();
    let all = pages.all();
    assert_eq!(pages.code, Some(0), "{all}");
    assert!(repo.root.join("public/index.html").is_file());
    assert!(!pages.stdout.contains("::error"), "{all}");
    assert!(
        pages
            .summary
            .contains("## Content check\n\n✅ checked 1 articles"),
        "{all}"
    );
    assert!(
        pages.summary.contains("## Site build\n\n✅ Built in"),
        "{all}"
    );
    assert!(pages.summary.contains("| pages | "), "{all}");
    assert!(
        pages
            .summary
            .contains("% of the 1000 MB the host publishes"),
        "{all}"
    );
}

#[test]
fn the_pages_build_annotates_a_broken_article_at_its_line_and_publishes_nothing() {
    let Some(repo) = Repo::new() else { return };
    let article = "content/articles/2025/broken.md";
    repo.write(
        article,
        "+++\ntitle = \"Қазақстан мен Тәжікстан\"\ndate = 2025-08-27\nlang = \"kk\"\ncountries = [\"kazakhstan\"]\ntopics = [\"watr\"]\n[source]\noutlet = \"Kazinform\"\n+++\nМәтін.\n",
    );
    let run = repo.pages();
    let all = run.all();
    assert_eq!(run.code, Some(1), "{all}");
    assert!(
        run.stdout.contains(&format!(
            "::error file={article},line=6::unknown topic \"watr\" (did you mean \"water\"?)"
        )),
        "{all}"
    );
    assert!(
        run.summary.contains("## Content check\n\n❌ 1 problem(s)"),
        "{all}"
    );
    assert!(
        run.summary
            .contains(&format!("| `{article}` | 6 | unknown topic")),
        "{all}"
    );
    assert!(
        !run.summary.contains("## Site build"),
        "the build did not run\n{all}"
    );
    assert!(!repo.root.join("public").exists());
}

#[test]
fn an_empty_inbox_commits_nothing() {
    let Some(repo) = Repo::new() else { return };
    let before = repo.git(&["rev-parse", "HEAD"]);
    let run = repo.import(true);
    assert_eq!(run.code, Some(0), "{}", run.all());
    assert_eq!(repo.git(&["rev-parse", "HEAD"]), before);
    assert!(run.outputs.contains("pushed=false\n"));
    assert!(
        run.summary.contains("No text is waiting in `inbox/`."),
        "{}",
        run.all()
    );
}

/// Where the inbox is: never inside `public/` or `content/`, so that neither a build nor the
/// content's checks read it.
#[test]
fn the_inbox_folder_and_its_readme_are_in_the_repository() {
    let readme = std::fs::read_to_string(repo_root().join("inbox/README.md")).unwrap();
    for heading in ["## Қазақша", "## Тоҷикӣ", "## English"] {
        assert!(readme.contains(heading), "{heading}");
    }
    for option in dostyk::inbox::OPTION_NAMES {
        assert_eq!(
            readme.matches(&format!("| `{option}: ")).count(),
            3,
            "inbox/README.md documents {option}: in each language"
        );
    }
    assert!(Path::new(&repo_root().join("scripts/inbox-import")).is_file());
}
