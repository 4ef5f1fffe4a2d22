//! Bad inputs: each is built over a previous good output. The build must fail, name the file
//! and the line, report every problem at once, and leave the previous site byte-for-byte as it
//! was, with no half-built folder beside it.

mod common;

use common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

type Snapshot = BTreeMap<String, Vec<u8>>;

/// A good two-article site, built; and its output's every byte.
fn good_site() -> (Fixture, Snapshot) {
    let fixture = Fixture::new();
    fixture.article(
        "2025/good-one.md",
        ArticleSpec::new("Жақсы мақала", "2025-08-27", "kk").text(),
    );
    fixture.article(
        "2024/good-two.md",
        ArticleSpec::new("Мақолаи хуб", "2024-04-30", "tg")
            .topics(&["water"])
            .text(),
    );
    fixture.build_ok();
    let before = snapshot(&fixture.out);
    assert!(before.len() > 20, "the good site has its pages");
    (fixture, before)
}

/// Builds again, expects failure, checks the old output is untouched; returns the messages.
fn fails_cleanly(fixture: &Fixture, before: &Snapshot) -> Vec<String> {
    let messages = messages(fixture.build());
    assert!(!messages.is_empty(), "a failed build says why");
    assert_unchanged(fixture, before);
    messages
}

fn assert_unchanged(fixture: &Fixture, before: &Snapshot) {
    let after = snapshot(&fixture.out);
    let names_before: BTreeSet<&String> = before.keys().collect();
    let names_after: BTreeSet<&String> = after.keys().collect();
    assert_eq!(names_after, names_before, "the output's file set changed");
    let changed: Vec<&String> = before
        .iter()
        .filter(|(name, bytes)| after.get(*name) != Some(bytes))
        .map(|(name, _)| name)
        .collect();
    assert!(changed.is_empty(), "files changed: {changed:?}");
    // The lock file stays (deleting lock files lets two builds lock two different files).
    let expected: BTreeSet<String> = ["out", "site", ".out.lock"]
        .iter()
        .map(std::string::ToString::to_string)
        .collect();
    assert_eq!(
        fixture.siblings(),
        expected,
        "no .out.building-*/.out.old-* left beside the output"
    );
}

/// Exactly one message, about `file` at `line`, containing every keyword.
fn assert_one(messages: &[String], file: &Path, line: usize, keywords: &[&str]) {
    assert_eq!(messages.len(), 1, "one problem: {messages:#?}");
    assert_message(&messages[0], file, Some(line), keywords);
}

fn assert_message(message: &str, file: &Path, line: Option<usize>, keywords: &[&str]) {
    let prefix = match line {
        Some(line) => format!("{}:{line}: ", file.display()),
        None => format!("{}: ", file.display()),
    };
    assert!(
        message.starts_with(&prefix),
        "{message:?} should start with {prefix:?}"
    );
    for keyword in keywords {
        assert!(
            message.to_lowercase().contains(&keyword.to_lowercase()),
            "{message:?} should mention {keyword:?}"
        );
    }
}

/// The text of the good Kazakh article with one thing changed.
fn good_one_with(from: &str, to: &str) -> String {
    let text = ArticleSpec::new("Жақсы мақала", "2025-08-27", "kk").text();
    assert!(text.contains(from), "{from:?} is in the article");
    text.replacen(from, to, 1)
}

/// Writes a bad input into the good project; returns the files the messages name, as `{0}`,
/// `{1}`…
type Write = Box<dyn Fn(&Fixture) -> Vec<PathBuf>>;

/// One bad input: what is written into the good project, and exactly what the build says.
struct Case {
    name: &'static str,
    write: Write,
    expect: Expect,
}

enum Expect {
    /// The build fails with exactly these messages, and the previous output stays.
    Fails(Vec<String>),
    /// The build succeeds with exactly these warnings.
    Warns(Vec<String>),
}

fn case(
    name: &'static str,
    write: impl Fn(&Fixture) -> Vec<PathBuf> + 'static,
    expect: Expect,
) -> Case {
    Case {
        name,
        write: Box::new(write),
        expect,
    }
}

fn fails(messages: &[&str]) -> Expect {
    Expect::Fails(
        messages
            .iter()
            .map(std::string::ToString::to_string)
            .collect(),
    )
}

fn warns(messages: &[&str]) -> Expect {
    Expect::Warns(
        messages
            .iter()
            .map(std::string::ToString::to_string)
            .collect(),
    )
}

/// The good Kazakh article with one thing changed, written over it.
fn edit(from: &'static str, to: &'static str) -> impl Fn(&Fixture) -> Vec<PathBuf> {
    move |f: &Fixture| vec![f.article("2025/good-one.md", good_one_with(from, to))]
}

/// A project file (`site.toml`, the taxonomy) written as `original` with one thing changed.
fn project_file(
    rel: &'static str,
    original: &'static str,
    from: &'static str,
    to: &'static str,
) -> impl Fn(&Fixture) -> Vec<PathBuf> {
    move |f: &Fixture| {
        assert!(original.contains(from), "{from:?} is in {rel}");
        vec![f.write(rel, original.replacen(from, to, 1))]
    }
}

/// A new article file with these bytes.
fn file(
    rel: &'static str,
    bytes: impl Fn() -> Vec<u8> + 'static,
) -> impl Fn(&Fixture) -> Vec<PathBuf> {
    move |f: &Fixture| vec![f.article(rel, bytes())]
}

/// An article whose body is `body`.
fn with_body(body: &str) -> Vec<u8> {
    ArticleSpec::new("Ұзын мақала", "2025-03-01", "kk")
        .body(body)
        .text()
        .into_bytes()
}

fn corpus() -> Vec<Case> {
    let mut cases = vec![
        case(
            "invalid UTF-8 (Windows-1251 on line 14)",
            file("2025/cp1251.md", || {
                let mut bytes = ArticleSpec::new("Жақсы мақала", "2025-08-27", "kk")
                    .body("First line, \u{0436}.\n\nSecond line \u{2014} fine.\n")
                    .text()
                    .into_bytes();
                bytes.extend_from_slice(b"\xe6\xe0\xed\xe0\n");
                bytes
            }),
            fails(&["{0}:14: not valid UTF-8: save the file as UTF-8"]),
        ),
        case(
            "a UTF-8 BOM and CRLF line ends",
            file("2025/windows.md", || {
                let text = ArticleSpec::new("Windows мақаласы", "2025-08-27", "kk").text();
                format!("\u{feff}{}", text.replace('\n', "\r\n")).into_bytes()
            }),
            warns(&[]),
        ),
        case(
            "an empty file",
            file("2025/empty.md", Vec::new),
            fails(&[
                "{0}:1: the file is empty: an article starts with a `+++` line, its front matter, and another `+++` line",
            ]),
        ),
        case(
            "a front matter that never closes",
            file("2025/open.md", || {
                b"+++\ntitle = \"x\"\ndate = 2025-08-27\nlang = \"kk\"\n\nText.\n".to_vec()
            }),
            fails(&[
                "{0}:1: the front matter opened on this line never closes: add a `+++` line after it",
            ]),
        ),
        case(
            "a TOML syntax error",
            edit("lang = \"kk\"", "lang = kk"),
            fails(&["{0}:4: string values must be quoted, expected literal string"]),
        ),
        case(
            "a value of the wrong type",
            edit(
                "countries = [\"kazakhstan\", \"tajikistan\"]",
                "countries = \"kazakhstan\"",
            ),
            fails(&["{0}:5: invalid type: string \"kazakhstan\", expected a sequence"]),
        ),
        case(
            "a missing title",
            edit("title = \"Жақсы мақала\"\n", ""),
            fails(&["{0}:2: missing field `title`"]),
        ),
        case(
            "an unknown key",
            edit("lang = ", "author = \"x\"\nlang = "),
            warns(&["{0}:4: unknown front matter key `author` is ignored"]),
        ),
        case(
            "an impossible date",
            edit("date = 2025-08-27", "date = 2025-02-30"),
            fails(&["{0}:3: invalid date, expected day between 01 and 28"]),
        ),
        case(
            "an impossible date as a string",
            edit("date = 2025-08-27", "date = \"2025-02-30\""),
            fails(&[
                "{0}:3: `date` is not a valid calendar date: write it as YYYY-MM-DD, e.g. 2025-08-27",
            ]),
        ),
        case(
            "a date far in the future",
            edit("date = 2025-08-27", "date = 2999-08-27"),
            warns(&[
                "{0}:3: the file is in folder 2025 but its date is in 2999",
                "{0}:3: the date 2999-08-27 is in the future (today is {today}): is it a typo?",
            ]),
        ),
        case(
            "an unknown language",
            edit("\"kk\"", "\"kz\""),
            fails(&[
                "{0}:4: unknown language \"kz\" (did you mean \"kk\"?); known: kk, tg, uz, ru, en, ky, tk, fa, zh, tr",
            ]),
        ),
        case(
            "an unknown country",
            edit("\"tajikistan\"]", "\"tajikstan\"]"),
            fails(&[
                "{0}:5: unknown country \"tajikstan\" (did you mean \"tajikistan\"?): define it in content/taxonomy.toml",
            ]),
        ),
        case(
            "two articles with one slug",
            |f: &Fixture| {
                vec![
                    f.article(
                        "2024/same-name.md",
                        ArticleSpec::new("Бірінші", "2024-01-01", "kk").text(),
                    ),
                    f.article(
                        "2025/same-name.md",
                        ArticleSpec::new("Екінші", "2025-01-01", "kk").text(),
                    ),
                ]
            },
            fails(&[
                "{1}: slug \"same-name\" is also used by {0}: give one of them another file name or `slug`",
            ]),
        ),
        case(
            "a slug with ..",
            edit("lang = ", "slug = \"../../etc\"\nlang = "),
            fails(&[
                "{0}:4: `slug` \"../../etc\" may only hold lower-case Latin letters, digits and single hyphens",
            ]),
        ),
        case(
            "a slug with /",
            edit("lang = ", "slug = \"a/b\"\nlang = "),
            fails(&[
                "{0}:4: `slug` \"a/b\" may only hold lower-case Latin letters, digits and single hyphens",
            ]),
        ),
        case(
            "a slug with NUL",
            edit("lang = ", "slug = \"a\\u0000b\"\nlang = "),
            fails(&[
                "{0}:4: `slug` \"a\\0b\" may only hold lower-case Latin letters, digits and single hyphens",
            ]),
        ),
        case(
            "a slug with a control character",
            edit("lang = ", "slug = \"a\\u0007b\"\nlang = "),
            fails(&[
                "{0}:4: `slug` \"a\\u{7}b\" may only hold lower-case Latin letters, digits and single hyphens",
            ]),
        ),
        case(
            "a story with ..",
            edit("lang = ", "story = \"..\"\nlang = "),
            fails(&[
                "{0}:4: `story` \"..\" may only hold lower-case Latin letters, digits and single hyphens",
            ]),
        ),
        case(
            "a story with / and NUL",
            edit("lang = ", "story = \"x/\\u0000\"\nlang = "),
            fails(&[
                "{0}:4: `story` \"x/\\0\" may only hold lower-case Latin letters, digits and single hyphens",
            ]),
        ),
        case(
            "a 50 MB article",
            file("2025/huge.md", || {
                with_body(&format!("{}\n", "a".repeat(49)).repeat(1 << 20))
            }),
            fails(&[
                "{0}: 50.0 MB is too large for an article (the limit is 8 MB): is this the right file?",
            ]),
        ),
        case(
            "10,000 levels of quotes",
            file("2025/deep.md", || {
                with_body(&format!("{}Терең.\n", "> ".repeat(10_000)))
            }),
            warns(&[]),
        ),
        case(
            "a table of 100,000 rows",
            file("2025/table.md", || {
                let mut body = String::from("| Ел | Сан |\n|---|---:|\n");
                for n in 0..100_000 {
                    let _ = writeln!(body, "| Қазақстан | {n} |");
                }
                with_body(&body)
            }),
            warns(&[]),
        ),
        case(
            "a symbolic link loop",
            |f: &Fixture| {
                let a = f.path("content/articles/2025/loop-a.md");
                let b = f.path("content/articles/2025/loop-b.md");
                std::os::unix::fs::symlink(&b, &a).unwrap();
                std::os::unix::fs::symlink(&a, &b).unwrap();
                vec![a, b]
            },
            fails(&[
                "{0}: a symbolic link to \"{1}\", which cannot be followed: Too many levels of symbolic links (os error 40)",
                "{1}: a symbolic link to \"{0}\", which cannot be followed: Too many levels of symbolic links (os error 40)",
            ]),
        ),
        case(
            "a symbolic link outside content/",
            |f: &Fixture| {
                let outside = f.write(
                    "private/secret.md",
                    ArticleSpec::new("Құпия", "2025-01-01", "kk").text(),
                );
                let link = f.path("content/articles/2025/secret.md");
                std::os::unix::fs::symlink(&outside, &link).unwrap();
                vec![link, outside, f.path("content")]
            },
            fails(&[
                "{0}: a symbolic link to \"{1}\", outside {2}: only files inside it are published",
            ]),
        ),
        case(
            "a broken site.toml",
            project_file(
                "site.toml",
                SITE_TOML,
                "page_size = 20",
                "page_size = 20 20",
            ),
            fails(&["{0}:3: string values must be quoted, expected literal string"]),
        ),
        case(
            "a site.toml value of the wrong type",
            project_file(
                "site.toml",
                SITE_TOML,
                "page_size = 20",
                "page_size = \"two\"",
            ),
            fails(&["{0}:3: invalid type: string \"two\", expected usize"]),
        ),
        case(
            "a broken taxonomy.toml",
            project_file(
                "content/taxonomy.toml",
                TAXONOMY_TOML,
                "id = \"water\"",
                "id = water",
            ),
            fails(&["{0}:18: string values must be quoted, expected literal string"]),
        ),
        case(
            "a taxonomy term without a label in a UI language",
            project_file(
                "content/taxonomy.toml",
                TAXONOMY_TOML,
                "label = { kk = \"Су\", tg = \"Об\" }",
                "label = { kk = \"Су\" }",
            ),
            fails(&["{0}:18: topic \"water\" has no label for UI language \"tg\""]),
        ),
        case(
            "a template with a syntax error",
            |f: &Fixture| {
                vec![f.write(
                    "templates/home.html",
                    "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ page.heading }</h1>\n{% endblock content %}\n",
                )]
            },
            fails(&["{0}:3: template error: Found `}` but expected }}."]),
        ),
        case(
            "a template with an undefined variable",
            |f: &Fixture| {
                vec![f.write(
                    "templates/article.html",
                    "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ article.card.title }}</h1>\n<p>{{ nope }}</p>\n{% endblock content %}\n",
                )]
            },
            fails(&[
                "{0}:4: template error: Variable `nope` is not defined. Available variables: article, heading_level, page, t",
            ]),
        ),
        case(
            "a story card that reads a page's variable",
            |f: &Fixture| {
                // A card is rendered once for every list it is on: it sees only its own.
                vec![f.write(
                    "templates/partials/story.html",
                    "<article>\n<h2>{{ page.heading }}</h2>\n</article>\n",
                )]
            },
            fails(&[
                "{0}:2: template error: Variable `page` is not defined. Available variables: heading_level, story, t",
            ]),
        ),
    ];
    cases.extend(photo_cases());
    // Making a named pipe takes `mkfifo`: without it, this one case is skipped (and says so).
    if let Some(mkfifo) = require_tool("mkfifo") {
        cases.push(case(
            "a named pipe",
            move |f: &Fixture| {
                let path = f.path("content/articles/2025/pipe.md");
                let made = Command::new(&mkfifo)
                    .arg(&path)
                    .status()
                    .expect("mkfifo runs");
                assert!(made.success());
                vec![path]
            },
            fails(&[
                "{0}: not a regular file (a pipe, socket or device): only Markdown files belong in content/articles/",
            ]),
        ));
    }
    cases
}

/// An article `2025/photo.md` whose `[photo]` (from line 9) is `table`, beside a file
/// `2025/<name>` with `bytes`; the messages name the article as `{0}`, then `extra` paths.
fn with_photo(
    table: &'static str,
    name: &'static str,
    bytes: impl Fn() -> Vec<u8> + 'static,
    extra: &'static [&'static str],
) -> impl Fn(&Fixture) -> Vec<PathBuf> {
    move |f: &Fixture| {
        let article = f.article(
            "2025/photo.md",
            ArticleSpec::new("Суретті мақала", "2025-03-01", "kk")
                .after_source(table)
                .text(),
        );
        f.article(&format!("2025/{name}"), bytes());
        let mut paths = vec![article];
        paths.extend(extra.iter().map(|rel| f.path(rel)));
        paths
    }
}

/// Photos that cannot be shown: each fails with its article, line and reason.
fn photo_cases() -> Vec<Case> {
    const LEAD: &str = "[photo]\nfile = \"lead.jpg\"\nalt = \"Екі ел\"\n";
    vec![
        case(
            "a photo that is not there",
            with_photo(
                "[photo]\nfile = \"gone.jpg\"\nalt = \"Екі ел\"\n",
                "other.jpg",
                || jpeg(64, 48, 1),
                &["content/articles/2025/gone.jpg", "content/photos/gone.jpg"],
            ),
            fails(&["{0}:10: photo \"gone.jpg\" is not there: looked for {1} and {2}"]),
        ),
        case(
            "a text file named .jpg",
            with_photo(
                LEAD,
                "lead.jpg",
                || b"<html>not a photo</html>".to_vec(),
                &[],
            ),
            fails(&["{0}:10: photo \"lead.jpg\" is not a JPEG, PNG or WebP image"]),
        ),
        case(
            "a truncated JPEG",
            with_photo(
                LEAD,
                "lead.jpg",
                || {
                    let whole = jpeg(320, 240, 1);
                    whole[..whole.len() / 3].to_vec()
                },
                &[],
            ),
            fails(&[
                "{0}:10: photo \"lead.jpg\" cannot be read as an image (the JPEG has no end-of-image marker): the file may be damaged or cut short",
            ]),
        ),
        case(
            "a 100-megapixel bomb",
            with_photo(
                "[photo]\nfile = \"bomb.png\"\nalt = \"Екі ел\"\n",
                "bomb.png",
                || png_claiming(12_500, 8_000),
                &[],
            ),
            fails(&[
                "{0}:10: photo \"bomb.png\" is 12500×8000 pixels, more than the 50 megapixels a photo may have: make it smaller",
            ]),
        ),
        case(
            "a photo outside the project",
            |f: &Fixture| {
                f.write("secret.jpg", jpeg(64, 48, 1));
                vec![
                    f.article(
                        "2025/photo.md",
                        ArticleSpec::new("Суретті мақала", "2025-03-01", "kk")
                            .after_source(
                                "[photo]\nfile = \"../../../secret.jpg\"\nalt = \"Екі ел\"\n",
                            )
                            .text(),
                    ),
                ]
            },
            fails(&[
                "{0}:10: photo \"../../../secret.jpg\" is outside the content folder: photos must be files of the project",
            ]),
        ),
        case(
            "a lead photo without alt",
            with_photo(
                "[photo]\nfile = \"lead.jpg\"\n",
                "lead.jpg",
                || jpeg(64, 48, 1),
                &[],
            ),
            fails(&[
                "{0}:10: `[photo]` has no `alt`: describe what the photo shows, for readers who cannot see it",
            ]),
        ),
        case(
            "a figure without a description",
            |f: &Fixture| {
                f.article("2025/fig.jpg", jpeg(64, 48, 1));
                vec![
                    f.article(
                        "2025/photo.md",
                        ArticleSpec::new("Суретті мақала", "2025-03-01", "kk")
                            .body("Бірінші абзац.\n\n![](fig.jpg)\n")
                            .text(),
                    ),
                ]
            },
            fails(&[
                "{0}:13: the image \"fig.jpg\" has no description: write what it shows between the brackets, ![…](fig.jpg)",
            ]),
        ),
    ]
}

/// Every bad input of the corpus, each over a good site: exactly the expected messages (file,
/// line, text), and the previous output untouched when the build fails.
#[test]
fn every_bad_input_gets_its_exact_answer() {
    let mut wrong = Vec::new();
    for Case {
        name,
        write,
        expect,
    } in corpus()
    {
        let (fixture, before) = good_site();
        let paths = write(&fixture);
        let today = dostyk::date::Date::today().to_string();
        let fill = |template: &String| {
            paths.iter().enumerate().fold(
                template.replace("{today}", &today),
                |message, (n, path)| {
                    message.replace(&format!("{{{n}}}"), &path.display().to_string())
                },
            )
        };
        let result = fixture.build();
        let (expected, actual): (Vec<String>, Vec<String>) = match (&expect, &result) {
            (Expect::Fails(expected), Err(e)) => {
                assert_unchanged(&fixture, &before);
                (
                    expected.iter().map(fill).collect(),
                    e.diagnostics().iter().map(ToString::to_string).collect(),
                )
            }
            (Expect::Warns(expected), Ok(report)) => (
                expected.iter().map(fill).collect(),
                report.warnings.iter().map(ToString::to_string).collect(),
            ),
            (Expect::Fails(_), Ok(_)) => (vec!["a failure".into()], vec!["a build".into()]),
            (Expect::Warns(_), Err(e)) => (vec!["a build".into()], vec![e.to_string()]),
        };
        if expected != actual {
            wrong.push(format!(
                "{name}:\n  expected {expected:#?}\n  got      {actual:#?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_problem_is_reported_in_one_build() {
    let (fixture, before) = good_site();
    let one = fixture.article(
        "2025/good-one.md",
        good_one_with("\"tajikistan\"]", "\"tajikstan\"]").replacen(
            "topics = [\"trade\"]",
            "topics = [\"trad\"]",
            1,
        ),
    );
    let two = fixture.article(
        "2024/good-two.md",
        ArticleSpec::new("Мақолаи хуб", "2024-02-30", "tg").text(),
    );
    let three = fixture.article("2025/unclosed.md", "+++\ntitle = \"x\"\n");
    let template = fixture.write(
        "templates/home.html",
        "{% extends \"base.html\" %}\n{% block content %}{% if %}{% endblock content %}\n",
    );
    let messages = fails_cleanly(&fixture, &before);
    assert_eq!(messages.len(), 5, "{messages:#?}");
    let find = |file: &Path| -> Vec<&String> {
        messages
            .iter()
            .filter(|m| m.starts_with(&format!("{}:", file.display())))
            .collect()
    };
    let in_one = find(&one);
    assert_eq!(in_one.len(), 2, "both problems of one file: {messages:#?}");
    assert_message(in_one[0], &one, Some(5), &["tajikstan"]);
    assert_message(in_one[1], &one, Some(6), &["trad", "\"trade\""]);
    assert_message(find(&two)[0], &two, Some(3), &["date"]);
    assert_message(find(&three)[0], &three, Some(1), &["never closes"]);
    assert_message(find(&template)[0], &template, Some(2), &["template"]);
}

#[test]
fn the_binary_exits_non_zero_and_prints_file_and_line() {
    let (fixture, before) = good_site();
    let path = fixture.article(
        "2025/good-one.md",
        good_one_with("\"tajikistan\"]", "\"tajikstan\"]"),
    );
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_dostyk"))
        .arg("--root")
        .arg(&fixture.root)
        .arg("build")
        .arg("--out")
        .arg(&fixture.out)
        .output()
        .expect("run dostyk");
    assert!(!output.status.success(), "exit status {:?}", output.status);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let expected = format!(
        "error: {}:5: unknown country \"tajikstan\" (did you mean \"tajikistan\"?)",
        path.display()
    );
    assert!(stderr.contains(&expected), "stderr:\n{stderr}");
    assert_unchanged(&fixture, &before);

    // Fixed, the same command builds and says so.
    fixture.article(
        "2025/good-one.md",
        ArticleSpec::new("Жақсы мақала", "2025-08-27", "kk").text(),
    );
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_dostyk"))
        .arg("--root")
        .arg(&fixture.root)
        .arg("build")
        .arg("--out")
        .arg(&fixture.out)
        .arg("--base-url")
        .arg(SUB_BASE)
        .output()
        .expect("run dostyk");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let home = fixture.text("kk/index.html");
    assert!(home.contains("href=\"/REPO/kk/"), "--base-url was applied");
}

#[test]
fn a_bom_and_crlf_article_builds() {
    let fixture = Fixture::new();
    let spec = ArticleSpec::new("Windows мақаласы", "2025-08-27", "kk")
        .body("Бірінші абзац.\n\nЕкінші абзац.\n");
    let text = format!("\u{feff}{}", spec.text().replace('\n', "\r\n"));
    fixture.article("2025/windows.md", text);
    let report = fixture.build_ok();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let doc = fixture.html("kk/articles/windows/index.html");
    assert_eq!(text_of(one(&doc, "h1", "windows")), "Windows мақаласы");
    let paragraphs: Vec<String> = doc.select(&sel(".article-body p")).map(text_of).collect();
    assert_eq!(paragraphs, ["Бірінші абзац.", "Екінші абзац."]);
    let description = attr(&doc, "meta[name=description]", "content", "windows");
    assert_eq!(description, "Бірінші абзац.");
    assert_eq!(attr(&doc, "time", "datetime", "windows"), "2025-08-27");
    assert!(fixture.exists("kk/countries/tajikistan/index.html"));
    assert!(
        !fixture
            .text("kk/articles/windows/index.html")
            .contains('\u{feff}')
    );
}

#[test]
fn odd_but_valid_inputs_build_with_warnings_and_never_panic() {
    let base = ArticleSpec::new("Мақала", "2025-01-01", "kk").text();
    let paragraph = "Мақала: the first paragraph of the text.\n\nA second paragraph.\n";
    let cases: Vec<(&str, String)> = vec![
        (
            "datetime",
            base.replace("2025-01-01", "2025-01-01T07:32:00Z"),
        ),
        (
            "no-countries",
            base.replace("[\"kazakhstan\", \"tajikistan\"]", "[]"),
        ),
        (
            "multi-line-title",
            base.replace("\"Мақала\"", "\"\"\"Мақ\nала\"\"\""),
        ),
        ("plus-lines-in-body", format!("{base}\n+++\nmore\n+++\n")),
        ("empty-body", base.replace(paragraph, "")),
        ("heading-only", base.replace(paragraph, "# Тек тақырып\n")),
        ("nul-byte", format!("{base}\0\n")),
        (
            "template-syntax",
            base.replace("\"Мақала\"", "\"{{ page.title }} {% raw %}\""),
        ),
        ("deep-quotes", format!("{base}\n{}x\n", ">".repeat(300))),
        (
            "cyclic-footnotes",
            format!("{base}\n[^a] [^b]\n\n[^a]: see [^b]\n[^b]: see [^a]\n"),
        ),
        (
            "unknown-key",
            base.replace("lang = ", "author = \"x\"\nlang = "),
        ),
        ("wrong-folder", base.replace("2025-01-01", "2024-01-01")),
    ];
    for (name, text) in cases {
        let fixture = Fixture::new();
        fixture.article(&format!("2025/{name}.md"), text);
        let report = fixture
            .build()
            .unwrap_or_else(|e| panic!("{name} should build:\n{e}"));
        let rel = format!("kk/articles/{name}/index.html");
        let doc = fixture.html(&rel);
        let description = attr(&doc, "meta[name=description]", "content", &rel);
        assert!(!description.trim().is_empty(), "{rel}: empty description");
        let check = check_site_links(&fixture.out, ROOT_BASE);
        assert!(check.problems.is_empty(), "{name}: {:#?}", check.problems);
        let warnings: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
        match name {
            "unknown-key" => {
                assert_eq!(warnings.len(), 1, "{warnings:?}");
                assert!(warnings[0].contains(":4:") && warnings[0].contains("author"));
            }
            "wrong-folder" => {
                assert_eq!(warnings.len(), 1, "{warnings:?}");
                assert!(warnings[0].contains(":3:") && warnings[0].contains("2024"));
            }
            "template-syntax" => {
                let h1 = text_of(one(&doc, "h1", &rel));
                assert_eq!(h1, "{{ page.title }} {% raw %}", "titles are not templates");
            }
            _ => assert!(warnings.is_empty(), "{name}: {warnings:?}"),
        }
    }
}

#[test]
fn odd_invalid_inputs_fail_with_a_message_and_never_panic() {
    let base = ArticleSpec::new("Мақала", "2025-01-01", "kk").text();
    let cases: Vec<(&str, String, usize)> = vec![
        ("plus-only", "+++".into(), 1),
        ("empty-front-matter", "+++\n+++\n".into(), 2),
        ("bom-only", "\u{feff}".into(), 1),
        ("no-plus", "title = \"x\"\n".into(), 1),
        ("cr-only", base.replace('\n', "\r"), 1),
        ("time-only", base.replace("2025-01-01", "07:32:00"), 3),
        (
            "long-year",
            base.replace("2025-01-01", "\"20250-01-01\""),
            3,
        ),
        ("int-countries", base.replace("\"kazakhstan\", ", "1, "), 5),
        ("nested-topics", base.replace("[\"trade\"]", "[[]]"), 6),
        ("blank-title", base.replace("\"Мақала\"", "\"  \""), 2),
        (
            "empty-story",
            base.replace("lang = ", "story = \"\"\nlang = "),
            4,
        ),
        (
            "cyrillic-slug",
            base.replace("lang = ", "slug = \"мақала\"\nlang = "),
            4,
        ),
        ("empty-outlet", base.replace("\"Test Agency\"", "\"\""), 7),
        (
            "no-source",
            base.replace("[source]\noutlet = \"Test Agency\"\n", ""),
            2,
        ),
    ];
    for (name, text, line) in cases {
        let fixture = Fixture::new();
        let path = fixture.article(&format!("2025/{name}.md"), text);
        let messages = messages(fixture.build());
        assert_eq!(messages.len(), 1, "{name}: {messages:#?}");
        assert_message(&messages[0], &path, Some(line), &[]);
        assert!(!fixture.out.exists(), "{name}: nothing written");
        assert_eq!(fixture.siblings().len(), 1, "{name}: no leftovers");
    }
    // A file name that cannot be a URL suggests one from the title.
    let fixture = Fixture::new();
    let path = fixture.article(
        "2025/Мақала 1.md",
        ArticleSpec::new("Жаңа мақала", "2025-01-01", "kk").text(),
    );
    let messages = messages(fixture.build());
    assert_one(&messages, &path, 1, &["maqala.md", "slug"]);
}

/// A file the build may not read is named with the reason, and the previous site stays.
/// Root reads every file whatever its mode, so as root the build runs as `nobody`.
#[test]
fn an_unreadable_file_is_named() {
    let (fixture, before) = good_site();
    let path = fixture.article(
        "2025/locked.md",
        ArticleSpec::new("Жабық", "2025-01-01", "kk").text(),
    );
    let Some(mut command) = as_unprivileged(fixture.dir.path(), env!("CARGO_BIN_EXE_dostyk"))
    else {
        return;
    };
    std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o000))
        .expect("chmod 000");
    let output = command
        .arg("--root")
        .arg(&fixture.root)
        .arg("build")
        .arg("--out")
        .arg(&fixture.out)
        .output()
        .expect("run dostyk");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let expected = format!(
        "error: {}: cannot read: Permission denied (os error 13)",
        path.display()
    );
    assert!(stderr.contains(&expected), "{expected:?} in:\n{stderr}");
    assert_unchanged(&fixture, &before);
}

/// Files deleted and written again while builds run: each build either publishes a whole site
/// or fails naming a file it could not read, leaving the last site whole; never a panic, never
/// a half-written output.
#[test]
fn files_that_come_and_go_during_builds() {
    let (fixture, _) = good_site();
    for n in 0..100 {
        fixture.article(
            &format!("2023/churn-{n}.md"),
            ArticleSpec::new(&format!("Мақала {n}"), "2023-05-05", "kk").text(),
        );
    }
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let churn = {
        let stop = stop.clone();
        let dir = fixture.path("content/articles/2023");
        std::thread::spawn(move || {
            let mut round = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                for n in 0..100 {
                    let path = dir.join(format!("churn-{n}.md"));
                    if (n + round).is_multiple_of(2) {
                        let _ = std::fs::remove_file(&path);
                    } else {
                        let text = ArticleSpec::new(&format!("Мақала {n}"), "2023-05-05", "kk");
                        let _ = std::fs::write(&path, text.text());
                    }
                    std::thread::sleep(std::time::Duration::from_micros(100));
                }
                round += 1;
            }
        })
    };
    let (mut built, mut failed) = (0, 0);
    for _ in 0..15 {
        match fixture.build() {
            Ok(_) => built += 1,
            Err(e) => {
                failed += 1;
                for problem in e.diagnostics() {
                    let message = problem.to_string();
                    assert!(
                        message.contains("/content/articles/2023/churn-"),
                        "a failure names the file: {message}"
                    );
                }
            }
        }
        // Whatever happened, the output is a whole site and nothing is left beside it.
        for page in [
            "kk/index.html",
            "tg/index.html",
            "sitemap.xml",
            "pagefind/pagefind-entry.json",
        ] {
            assert!(
                fixture.exists(page),
                "{page} after {built} builds and {failed} failures"
            );
        }
        let siblings = fixture.siblings();
        assert!(siblings.len() == 3, "no leftovers: {siblings:?}");
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    churn.join().expect("the churning thread ends");
    assert!(
        built > 0,
        "some builds went through: {built} built, {failed} failed"
    );
}
