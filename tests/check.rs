//! `dostyk check`: every problem a build would meet, listed at once, with nothing written.

mod common;

use common::*;
use std::process::{Command, Output};

fn check(root: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dostyk"))
        .arg("--root")
        .arg(root)
        .arg("check")
        .output()
        .unwrap()
}

#[test]
fn a_good_project_passes_and_nothing_is_written() {
    let fixture = Fixture::new();
    fixture.article(
        "2025/a.md",
        ArticleSpec::new("Альфа", "2025-08-27", "kk").text(),
    );
    let before = snapshot(&fixture.root);
    let output = check(&fixture.root);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("checked 1 articles") && stdout.contains("no problems"),
        "{stdout}"
    );
    assert_eq!(snapshot(&fixture.root), before, "the project is untouched");
    assert_eq!(
        fixture.siblings().len(),
        1,
        "no output folder: {:?}",
        fixture.siblings()
    );
}

#[test]
fn every_problem_is_listed_with_its_file_and_line() {
    let fixture = Fixture::new();
    fixture.article(
        "2025/a.md",
        ArticleSpec::new("Альфа", "2025-08-27", "kk")
            .topics(&["watr"])
            .text(),
    );
    fixture.article(
        "2025/b.md",
        ArticleSpec::new("Бета", "2025-08-26", "tg")
            .body("First.\n\nSee [alpha](a.md) and [gamma](../2024/gamma.md).\n")
            .text(),
    );
    fixture.article("2024/c.md", "+++\ntitle = \"Гамма\"\ndate = 2024-02-30\n");
    // A variable no page has, in a template only term pages use.
    fixture.write(
        "templates/term.html",
        "{% extends \"base.html\" %}{% block content %}\n{{ no_such_thing }}{% endblock %}",
    );
    let output = check(&fixture.root);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let expect = [
        format!(
            "{}:6: unknown topic \"watr\"",
            fixture.path("content/articles/2025/a.md").display()
        ),
        format!("{}:", fixture.path("content/articles/2024/c.md").display()),
        format!("{}:", fixture.path("templates/term.html").display()),
    ];
    for line in &expect {
        assert!(
            stderr.contains(line.as_str()),
            "missing {line:?} in\n{stderr}"
        );
    }
    assert!(stderr.contains("problem(s) found"), "{stderr}");
    assert_eq!(fixture.siblings().len(), 1, "nothing written");
}

#[test]
fn links_between_articles_are_checked_in_every_article() {
    let fixture = Fixture::new();
    // Several articles in one language: only one is rendered as a sample, but every one's
    // links are resolved.
    for (i, day) in ["01", "02", "03", "04"].iter().enumerate() {
        let body = if i == 3 {
            "First.\n\nSee [the other](../2025/missing.md).\n".to_string()
        } else {
            "First.\n".to_string()
        };
        fixture.article(
            &format!("2025/n{i}.md"),
            ArticleSpec::new(&format!("Мақала {i}"), &format!("2025-08-{day}"), "kk")
                .body(&body)
                .text(),
        );
    }
    let output = check(&fixture.root);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let file = fixture.path("content/articles/2025/n3.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let line = text.lines().position(|l| l.contains("missing.md")).unwrap() + 1;
    assert!(
        stderr.contains(&format!(
            "{}:{line}: the link to \"../2025/missing.md\"",
            file.display()
        )),
        "{stderr}"
    );
}
