use super::*;
use crate::render::markdown::plain_text;

use crate::import::testing::Rng;

const WORDS: &[&str] = &[
    "Қазақстан",
    "Тоҷикистон",
    "ҳамкорӣ",
    "және",
    "дар",
    "*жұлдыз*",
    "_асты_",
    "<b>",
    "[сілтеме](javascript:x)",
    "`код`",
    "&amp;",
    "Рустами",
    "Эмомалӣ",
    "2025",
    "24-орын",
    "90",
    "«дәйексөз»",
    "—",
    "#",
    "1.",
    "\\",
    "~~",
    "|",
    "ўзаро",
    "муносибатҳо",
    "сауда",
    "su",
    "oʻzaro",
    "!",
    "Telegram",
    "Фото",
    "http://x.kz/a_b",
];

fn sentence(rng: &mut Rng) -> String {
    let n = 8 + (rng.next() % 12) as usize;
    let mut words: Vec<&str> = (0..n).map(|_| rng.pick(WORDS)).collect();
    words[0] = rng.pick(&["Тараптар", "Министр", "Делегация", "Президент"]);
    format!("{}.", words.join(" "))
}

fn options() -> Options {
    Options {
        lang: Some("kk".into()),
        date: Date::new(2025, 8, 27),
        year: None,
        outlet: Some("Test".into()),
        ..Options::default()
    }
}

#[test]
fn never_panics_and_never_loses_a_sentence() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let prefixes = [
        "",
        "• ",
        "- ",
        "— ",
        "  ",
        "> ",
        "# ",
        "1. ",
        "Сурет: x\n",
        "\u{feff}",
        "\r",
    ];
    for round in 0..400 {
        let mut lines = Vec::new();
        let mut sentences = Vec::new();
        if rng.next().is_multiple_of(2) {
            lines.push("Қазақстан мен Тәжікстан ынтымақтастықты талқылады".to_string());
        }
        for _ in 0..=(rng.next() % 8) {
            let s = sentence(&mut rng);
            let prefix = rng.pick(&prefixes);
            lines.push(format!("{prefix}{s}"));
            sentences.push(s);
            if rng.next().is_multiple_of(3) {
                lines.push(String::new());
            }
        }
        let text = lines.join(if rng.next().is_multiple_of(2) {
            "\n"
        } else {
            "\r\n"
        });
        let outcome = import(&text, &options(), &Taxonomy::default(), &[]);
        let draft = outcome
            .draft
            .unwrap_or_else(|| panic!("round {round}: {:?}\n{text}", outcome.problems));
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let seen = squash(&format!("{}\n{}", draft.title, plain_text(&draft.body)));
        for s in &sentences {
            assert!(
                seen.contains(&squash(s)),
                "round {round}: lost {s:?}\nfrom {text:?}\nbody {:?}",
                draft.body
            );
        }
        let html = crate::render::markdown::render(&draft.body);
        assert!(
            !html.contains("<b>") && !html.contains("<a "),
            "round {round}: markup got through: {html}"
        );
    }
}

#[test]
fn arbitrary_bytes_never_panic() {
    let mut rng = Rng(42);
    for _ in 0..300 {
        let len = (rng.next() % 400) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| (rng.next() % 256) as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        let _ = import(&text, &Options::default(), &Taxonomy::default(), &[]);
        let _ = import(&text, &options(), &Taxonomy::default(), &[]);
    }
}
