//! `dostyk new`, run as the real binary on the small news fixture archive: the file it
//! creates, that the archive still builds with it, and what it refuses (never overwriting).

mod common;

use common::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// The news fixture archive (`site.toml`, a taxonomy, six articles) in a temporary folder.
fn project() -> Fixture {
    news_fixture()
}

/// An article of the news fixture: `dostyk new` must never overwrite it or reuse its slug.
const EXISTING: &str = "content/articles/2025/muzokirot.md";
const EXISTING_SLUG: &str = "muzokirot";

/// Runs `dostyk --root ROOT <args>` with standard input that is not a terminal.
fn dostyk(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dostyk"))
        .arg("--root")
        .arg(root)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn new(root: &Path, args: &[&str]) -> Output {
    let mut all = vec!["new"];
    all.extend_from_slice(args);
    dostyk(root, &all)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn content(root: &Path) -> BTreeMap<String, Vec<u8>> {
    snapshot(&root.join("content"))
}

/// Today in the local time zone, as `YYYY-MM-DD`.
fn today() -> String {
    jiff::Zoned::now().date().to_string()
}

/// The file `created PATH` names, relative to the project.
fn created(output: &Output) -> String {
    let out = stdout(output);
    let first = out.lines().next().unwrap_or_default();
    first
        .strip_prefix("created ")
        .unwrap_or_else(|| panic!("no `created` line in: {out}\n{}", stderr(output)))
        .to_string()
}

#[test]
fn flags_alone_make_an_article_that_builds() {
    let project = project();
    let root = project.root.as_path();
    let before = today();
    let kk = new(
        root,
        &[
            "--title",
            "Қазақстан мен Тәжікстан су ресурстары бойынша келісімге қол қойды",
            "--lang",
            "kk",
            "--country",
            "kazakhstan,tajikistan",
            "--country",
            "uzbekistan",
            "--topic",
            "water",
            "--outlet",
            "Kazinform",
            "--url",
            "https://www.inform.kz/",
        ],
    );
    let after = today();
    assert!(kk.status.success(), "{}", stderr(&kk));
    let rel = created(&kk);
    let year = &before[..4];
    assert_eq!(
        rel,
        format!("content/articles/{year}/qazaqstan-men-tazhikstan-su-resurstary.md")
    );
    assert!(
        stdout(&kk).contains("edit it, then `dostyk serve` to preview"),
        "{}",
        stdout(&kk)
    );
    let fm = front_matter(&root.join(&rel));
    assert_eq!(
        fm["title"].as_str(),
        Some("Қазақстан мен Тәжікстан су ресурстары бойынша келісімге қол қойды")
    );
    let date = fm["date"].to_string();
    assert!(date == before || date == after, "{date} is not today");
    assert_eq!(fm["lang"].as_str(), Some("kk"));
    assert_eq!(
        fm["countries"],
        toml::Value::Array(vec![
            "kazakhstan".into(),
            "tajikistan".into(),
            "uzbekistan".into()
        ])
    );
    assert_eq!(fm["topics"], toml::Value::Array(vec!["water".into()]));
    let story = fm["story"].as_str().unwrap();
    assert!(
        story.starts_with(&format!("{date}-qazaqstan-men")),
        "{story}"
    );
    let source = fm["source"].as_table().unwrap();
    assert_eq!(source["outlet"].as_str(), Some("Kazinform"));
    assert_eq!(source["url"].as_str(), Some("https://www.inform.kz/"));
    // The body is empty: one blank line after the front matter.
    let text = std::fs::read_to_string(root.join(&rel)).unwrap();
    assert!(text.ends_with("\n+++\n\n"), "{text:?}");

    // A Tajik version, on a given date, joining the Kazakh one's story.
    let tg = new(
        root,
        &[
            "--title",
            "Тоҷикистон ва Қазоқистон оид ба захираҳои об созишнома имзо карданд",
            "--lang",
            "tg",
            "--country",
            "tajikistan, kazakhstan",
            "--topic",
            "water",
            "--outlet",
            "Ховар",
            "--date",
            &date,
            "--story",
            story,
        ],
    );
    assert!(tg.status.success(), "{}", stderr(&tg));
    let tg_rel = created(&tg);
    let tg_slug = tg_rel.rsplit('/').next().unwrap().trim_end_matches(".md");
    assert_eq!(tg_slug, "tojikiston-va-qazoqiston-oid-ba-zakhirahoi");
    let tg_fm = front_matter(&root.join(&tg_rel));
    assert_eq!(tg_fm["story"].as_str(), Some(story));
    assert_eq!(tg_fm["lang"].as_str(), Some("tg"));
    assert!(!tg_fm["source"].as_table().unwrap().contains_key("url"));

    // Both slugs are Latin.
    let kk_slug = rel.rsplit('/').next().unwrap().trim_end_matches(".md");
    for slug in [kk_slug, tg_slug] {
        assert!(
            slug.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{slug}"
        );
    }

    // The archive builds with both, and each article has a page in both trees.
    let build = dostyk(root, &["build"]);
    assert!(
        build.status.success(),
        "{}{}",
        stdout(&build),
        stderr(&build)
    );
    let out = root.join("public");
    for ui in UI {
        for (slug, title) in [
            (
                kk_slug,
                "Қазақстан мен Тәжікстан су ресурстары бойынша келісімге қол қойды",
            ),
            (
                tg_slug,
                "Тоҷикистон ва Қазоқистон оид ба захираҳои об созишнома имзо карданд",
            ),
        ] {
            let page = page(&out, &format!("{ui}/articles/{slug}/index.html"));
            let h1 = text_of(one(&page, "h1", "the article title"));
            assert_eq!(h1, title, "{ui}/{slug}");
        }
    }
}

#[test]
fn an_unknown_country_is_refused_with_a_suggestion() {
    let project = project();
    let before = content(&project.root);
    let output = new(
        &project.root,
        &[
            "--title",
            "Жаңа мақала",
            "--lang",
            "kk",
            "--country",
            "kazakhstan,tajikstan",
            "--outlet",
            "Kazinform",
        ],
    );
    assert!(!output.status.success());
    let error = stderr(&output);
    assert!(
        error.contains("unknown country \"tajikstan\" (did you mean \"tajikistan\"?)"),
        "{error}"
    );
    assert_eq!(content(&project.root), before, "no file was written");
}

#[test]
fn a_slug_in_use_is_never_overwritten() {
    let project = project();
    let root = project.root.as_path();
    let existing = EXISTING;
    assert!(root.join(existing).is_file(), "the fixture has {existing}");
    let before = content(root);
    // The same slug in the same year's folder, and in another year (the URL is the same).
    for date in ["2025-11-14", "2026-01-05"] {
        let output = new(
            root,
            &[
                "--title",
                "Тоҷикистон ва Қазоқистон ҳамкории дуҷонибаро дар сатҳи нав",
                "--slug",
                EXISTING_SLUG,
                "--lang",
                "tg",
                "--outlet",
                "Ховар",
                "--date",
                date,
            ],
        );
        assert!(!output.status.success(), "{date}");
        let error = stderr(&output);
        assert!(
            error.contains(&format!(
                "the slug \"{EXISTING_SLUG}\" is already used by {existing}"
            )),
            "{error}"
        );
        assert!(error.contains("--slug"), "{error}");
    }
    assert_eq!(content(root), before, "the existing file is unchanged");
    // With a slug of its own it goes in.
    let output = new(
        root,
        &[
            "--title",
            "Тоҷикистон ва Қазоқистон ҳамкории дуҷонибаро дар сатҳи нав",
            "--lang",
            "tg",
            "--outlet",
            "Ховар",
            "--date",
            "2025-11-20",
            "--slug",
            "hamkorii-dujoniba-dar-sathi-nav",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        created(&output),
        "content/articles/2025/hamkorii-dujoniba-dar-sathi-nav.md"
    );
    assert_eq!(
        content(root)[existing.strip_prefix("content/").unwrap()],
        before[existing.strip_prefix("content/").unwrap()]
    );
}

#[test]
fn without_a_terminal_every_missing_flag_is_named() {
    let project = project();
    let before = content(&project.root);
    let output = new(&project.root, &["--lang", "kk"]);
    assert!(!output.status.success());
    let error = stderr(&output);
    assert!(
        error.contains("missing --title, --outlet: give them as flags"),
        "{error}"
    );
    let output = new(&project.root, &[]);
    assert!(
        stderr(&output).contains("missing --title, --lang, --outlet"),
        "{}",
        stderr(&output)
    );
    assert_eq!(content(&project.root), before);
}

#[test]
fn a_dry_run_prints_the_file_and_writes_nothing() {
    let project = project();
    let before = content(&project.root);
    let output = new(
        &project.root,
        &[
            "--title",
            "Ўзбекистон ва Тожикистон",
            "--lang",
            "uz",
            "--topic",
            "trade",
            "--outlet",
            "UzA",
            "--date",
            "2026-02-01",
            "--dry-run",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let file = stdout(&output);
    assert!(file.starts_with("+++\ntitle = \"Ўзбекистон ва Тожикистон\"\ndate = 2026-02-01\nlang = \"uz\"\ncountries = []\ntopics = [\"trade\"]\n"), "{file}");
    assert!(
        stderr(&output).contains("would write content/articles/2026/ozbekiston-va-tojikiston.md"),
        "{}",
        stderr(&output)
    );
    assert_eq!(content(&project.root), before, "nothing was written");
}

/// The arguments of `article`, then `more`.
fn with<'a>(article: &[&'a str], more: &[&'a str]) -> Vec<&'a str> {
    [article, more].concat()
}

#[test]
fn a_photo_is_checked_copied_and_named_in_the_front_matter() {
    let fixture = project();
    let root = &fixture.root;
    let photo = fixture.dir.path().join("talks.webp");
    // A WebP source: made here from a JPEG's pixels with the image crate's encoder.
    let pixels = image::load_from_memory(&jpeg(1400, 900, 1)).unwrap();
    pixels.save(&photo).unwrap();
    let before = content(root);
    let article = [
        "--title",
        "Суретті жаңалық",
        "--lang",
        "kk",
        "--outlet",
        "Kazinform",
    ];
    let refused = new(
        root,
        &with(
            &article,
            &["--photo", "/nowhere/talks.jpg", "--alt", "Келіссөздер"],
        ),
    );
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("/nowhere/talks.jpg"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(content(root), before, "nothing written for a missing photo");

    let output = new(
        root,
        &with(
            &article,
            &[
                "--date",
                "2026-03-01",
                "--photo",
                photo.to_str().unwrap(),
                "--alt",
                "Келіссөздер",
                "--credit",
                "Ақорда",
            ],
        ),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let rel = created(&output);
    let fm = front_matter(&root.join(&rel));
    let slug = Path::new(&rel).file_stem().unwrap().to_str().unwrap();
    let lead = fm["photo"].as_table().unwrap();
    assert_eq!(lead["file"].as_str(), Some(format!("{slug}.webp").as_str()));
    assert_eq!(lead["alt"].as_str(), Some("Келіссөздер"));
    assert_eq!(lead["credit"].as_str(), Some("Ақорда"));
    assert!(root.join(format!("content/photos/{slug}.webp")).is_file());
    fixture.build_ok();
    let page = fixture.html(&format!("kk/articles/{slug}/index.html"));
    let img = one(&page, "figure.lead-photo img", "the lead photo");
    assert_eq!(
        (img.attr("width"), img.attr("height")),
        (Some("1400"), Some("900"))
    );
}
