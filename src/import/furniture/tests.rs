use super::*;

pub(super) fn reasons(text: &str) -> Vec<(usize, &'static str)> {
    strip(text)
        .1
        .into_iter()
        .map(|r| (r.line, r.reason))
        .collect()
}

pub(super) fn removed_reason(line: &str) -> Option<&'static str> {
    let (_, removed) = strip(line);
    removed.first().map(|r| r.reason)
}

#[track_caller]
pub(super) fn assert_dropped(line: &str, reason: &str) {
    assert_eq!(removed_reason(line), Some(reason), "{line:?}");
}

#[track_caller]
pub(super) fn assert_kept(line: &str) {
    assert_eq!(removed_reason(line), None, "{line:?} was dropped");
}

/// A line of article prose so that rubric words around it are in the page's margin.
pub(super) const BODY: &str =
    "Тараптар екі ел арасындағы сауда-экономикалық ынтымақтастықты талқылады.";

#[test]
fn words_written_with_yo_are_caught_like_the_others() {
    // The key reads ё as е, so the lists hold "сиесат": "Сиёсат" and "Сиесат" are one word.
    assert_dropped("Бизга ёзинг", MENU);
    assert_dropped("Ёпиш", WIDGET);
    assert_dropped("Изоҳ ёзиш", COMMENTS);
    let text = format!("Сиёсат\n{BODY}");
    assert_eq!(reasons(&text), vec![(1, MENU)]);
    assert_dropped("Хабарҳо | Сиёсат", MENU);
}

#[test]
fn real_sentences_that_look_risky_are_kept() {
    for line in [
        "Бұл туралы министрлік Telegram-арнасында хабарлады.",
        "Министр Telegram арқылы мәлімдеме жасады.",
        "Об этом сообщается в Telegram-канале пресс-службы Акорды.",
        "Дар ин бора дар канали Telegram-и Вазорати корҳои хориҷӣ хабар доданд.",
        "Басты назар экономикалық ынтымақтастыққа аударылды.",
        "Басты мәселе – су ресурстары.",
        "Главная тема встречи – транзит.",
        "Переговоры продолжатся.",
        "Кездесу өтті.",
        "Встреча прошла в Душанбе.",
        "Тараптар бөлісу тетігін талқылады.",
        "Более миллиона человек подписались на канал президента.",
        "Facebook и Telegram заблокированы в ряде стран, сообщил министр.",
        "Аз ҷумла, самтҳои афзалиятноки ҳамкорӣ баррасӣ шуданд:",
        "Просмотров у ролика больше миллиона, отметил он.",
        "Новости о встрече появились утром.",
        "По теме встречи высказались оба министра.",
    ] {
        assert_kept(line);
    }
}

#[test]
fn headlines_bullets_credits_and_datelines_are_left_to_the_importer() {
    for line in [
        "Қазақстан мен Тәжікстан саяси диалогты одан әрі нығайтуға бейілділігін растады",
        "Тоҷикистон ва Қазоқистон ҳамкории дуҷонибаро тақвият мебахшанд – ИА Караван Инфо",
        "  • Ҳамкории тиҷоративу иқтисодӣ — густариши савдо ва сармоягузорӣ.",
        "- Боиси хушнудист, ки шарикии стратегии Тоҷикистону Қазоқистон густариш меёбад",
        "— Telegram",
        "* Facebook",
        "Сурет: gov.kz",
        "АКС: Маҷлиси миллии Маҷлиси Олии Ҷумҳурии Тоҷикистон",
        "Фото: Акорда",
        "Фото пресс-службы Акорды",
        "Photo: Kazinform",
        "Фото:",
        "ASTANА. Kazinform —",
        "Душанбе, 14 ноябр, – АИ «Корвон Иттилоот».",
        "АСТАНА, 27 августа – Kazinform",
        " date 2025-08-27 Қозоғистон ва Тожикистон парламентлари ҳамкорликни муҳокама қилди",
        "Казахстан",
    ] {
        assert_kept(line);
    }
}

#[test]
fn blank_lines_survive_as_empty_strings_and_text_is_unchanged() {
    let text =
        "Заголовок\r\n  \r\nПервый абзац текста статьи.\r\nПоделиться\r\n\r\nВторой абзац.  ";
    let (kept, removed) = strip(text);
    assert_eq!(
        kept,
        vec![
            (1, "Заголовок".to_string()),
            (2, String::new()),
            (3, "Первый абзац текста статьи.".to_string()),
            (5, String::new()),
            (6, "Второй абзац.  ".to_string()),
        ]
    );
    assert_eq!(
        removed,
        vec![Removed {
            line: 4,
            text: "Поделиться".to_string(),
            reason: SHARE
        }]
    );
}

#[test]
fn a_page_copied_whole() {
    let page = "\
Басты бет | Жаңалықтар | Саясат
Саясат
Қазақстан мен Тәжікстан транзит әлеуетін талқылады
27.08.2025 14:32
👁 523
Бөлісу:
Facebook Twitter Telegram WhatsApp

Астана. Қазақстан мен Тәжікстан сыртқы істер министрлері транзит әлеуетін талқылады.

Бұл туралы министрлік Telegram-арнасында хабарлады.

Тегтер: Қазақстан, Тәжікстан
Тақырып бойынша:
Тоқаев Рахмонмен телефон арқылы сөйлесті
Душанбеде бизнес-форум өтті

Біздің Telegram арнамызға жазылыңыз!
© 2025 Kazinform. Барлық құқықтар қорғалған
error:";
    let (kept, removed) = strip(page);
    let kept_lines: Vec<usize> = kept
        .iter()
        .filter(|(_, t)| !t.is_empty())
        .map(|(n, _)| *n)
        .collect();
    assert_eq!(kept_lines, vec![3, 4, 9, 11], "removed: {removed:#?}");
    let r: Vec<(usize, &str)> = removed.iter().map(|r| (r.line, r.reason)).collect();
    assert_eq!(
        r,
        vec![
            (1, MENU),
            (2, MENU),
            (5, VIEWS),
            (6, SHARE),
            (7, SHARE),
            (13, TAGS),
            (14, RELATED),
            (15, RELATED),
            (16, RELATED),
            (18, SUBSCRIBE),
            (19, COPYRIGHT),
            (20, DEBRIS),
        ]
    );
}

const SEEDS: [(&str, &str); 5] = [
    (
        "000",
        include_str!("../../../tests/fixtures/raw/000_c2971f3114f27f7e.txt"),
    ),
    (
        "001",
        include_str!("../../../tests/fixtures/raw/001_14a85814d9623422.txt"),
    ),
    (
        "002",
        include_str!("../../../tests/fixtures/raw/002_4ac4f6e0ac4e3caa.txt"),
    ),
    (
        "003",
        include_str!("../../../tests/fixtures/raw/003_66e8fa6394fbc704.txt"),
    ),
    (
        "004",
        include_str!("../../../tests/fixtures/raw/004_fdb75db5e4a0ae0c.txt"),
    ),
];

#[test]
fn the_five_seeds_lose_only_the_error_line_of_000() {
    for (name, text) in SEEDS {
        let (kept, removed) = strip(text);
        assert_eq!(kept.len() + removed.len(), text.lines().count(), "{name}");
        if name == "000" {
            let last = text.lines().count();
            assert_eq!(
                removed,
                vec![Removed {
                    line: last,
                    text: "error:".to_string(),
                    reason: DEBRIS
                }],
                "{name}"
            );
        } else {
            assert!(removed.is_empty(), "{name}: {removed:#?}");
        }
    }
}

#[test]
fn stripping_twice_changes_nothing_more() {
    for (_, text) in SEEDS {
        let (kept, _) = strip(text);
        let once: Vec<String> = kept.into_iter().map(|(_, t)| t).collect();
        let (again, removed) = strip(&once.join("\n"));
        assert!(removed.is_empty(), "{removed:#?}");
        let again: Vec<String> = again.into_iter().map(|(_, t)| t).collect();
        // Joining drops a trailing empty line; everything else comes back as it was.
        assert_eq!(again[..], once[..again.len()]);
    }
}

/// A small deterministic generator, so the property tests need no dependency and fail the same
use crate::import::testing::Rng;

/// Pieces that make lines look like furniture, prose, or nothing at all.
const PIECES: &[&str] = &[
    "Telegram",
    "Поделиться",
    "Бөлісу",
    "Share",
    "error:",
    "undefined",
    "Главная",
    "|",
    "/",
    "»",
    "Просмотров:",
    "👁",
    "523",
    "(0)",
    "Читайте также:",
    "Тақырып бойынша",
    "Теги:",
    "Басты бет",
    "Жаңалықтар",
    "Саясат",
    "App Store",
    "#тег",
    "https://t.me/x",
    "www.a.kz",
    "Facebook",
    "WhatsApp",
    "Оқылды:",
    "Loading...",
    "Фото:",
    "•",
    "—",
    "-",
    "*",
    "***",
    "Қазақстан",
    "мен",
    "Тәжікстан",
    "және",
    "ва",
    "дар",
    "билан",
    "и",
    "в",
    "на",
    "oʻzaro",
    "Raqamli",
    "kodeks",
    "the",
    "of",
    "ӣ",
    "ҷ",
    "ў",
    "ә",
    "«",
    "”",
    "(",
    ")",
    ":",
    ".",
    "!",
    "?",
    "…",
    "\u{200B}",
    "\u{FEFF}",
    "\t",
    "  ",
    "\r",
    "İ",
    "ß",
    "ﬁ",
    "e\u{301}",
    "😀",
    "\u{0}",
    "1 234",
    "14:32",
    "2025",
    "18+",
    "Сурет:",
    "АКС:",
    "Комментарии",
    "Подписывайтесь",
];

fn random_text(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(40) {
        match rng.below(6) {
            0 => s.push('\n'),
            1 => s.push(' '),
            2 => {
                // Any scalar value, including unassigned and private-use ones.
                if let Some(c) = char::from_u32(rng.next() as u32 % 0x11_0000) {
                    s.push(c);
                }
            }
            _ => s.push_str(rng.pick(PIECES)),
        }
    }
    s
}

#[test]
fn arbitrary_text_never_panics_and_lines_are_accounted_for() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..4000 {
        let text = random_text(&mut rng);
        let (kept, removed) = strip(&text);
        let mut numbers: Vec<usize> = kept
            .iter()
            .map(|k| k.0)
            .chain(removed.iter().map(|r| r.line))
            .collect();
        numbers.sort_unstable();
        let expected: Vec<usize> = (1..=text.lines().count()).collect();
        assert_eq!(numbers, expected, "{text:?}");
    }
    // Arbitrary bytes, read the way the importer will read a file it cannot trust.
    for _ in 0..2000 {
        let bytes: Vec<u8> = (0..rng.below(200)).map(|_| rng.next() as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        let _ = strip(&text);
    }
}

fn word_count(line: &str) -> usize {
    line.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[test]
fn a_line_of_eight_words_ending_in_a_period_is_never_lost() {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let mut checked = 0;
    for _ in 0..6000 {
        // Sentences built from furniture words as well as ordinary ones, one per line, with
        // furniture lines around them.
        let mut lines = Vec::new();
        for _ in 0..=rng.below(6) {
            let mut line = String::new();
            for w in 0..=rng.below(14) {
                if w > 0 {
                    line.push(' ');
                }
                line.push_str(rng.pick(PIECES));
            }
            if rng.below(2) == 0 {
                line.push('.');
            }
            lines.push(line);
        }
        let text = lines.join("\n");
        let (kept, _) = strip(&text);
        for (i, line) in text.lines().enumerate() {
            let t = line
                .strip_suffix('\r')
                .unwrap_or(line)
                .trim_matches(is_blank_char);
            if word_count(t) >= 8 && t.ends_with('.') && boilerplate(t).is_none() {
                checked += 1;
                assert!(
                    kept.iter().any(|(n, _)| *n == i + 1),
                    "lost line {}: {line:?}\nin {text:?}",
                    i + 1
                );
            }
        }
    }
    assert!(
        checked > 1000,
        "the generator made too few long sentences ({checked})"
    );
}
