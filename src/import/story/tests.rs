use super::features::numbers;
use super::fingerprint::SHINGLE;
use super::*;
use crate::import::tagging::{self, tag};
use crate::lexicon::matching::{fold, name_key, words};
use crate::load::taxonomy::Kind;
use std::path::Path;

fn seed(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/raw")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The seeds as the archive knows them (dates and languages from content/).
struct Seed {
    file: &'static str,
    slug: &'static str,
    story: &'static str,
    lang: &'static str,
    date: &'static str,
}

const SEEDS: [Seed; 5] = [
    Seed {
        file: "000_c2971f3114f27f7e.txt",
        slug: "tojikiston-va-qazoqiston-hamkorii-dujonibaro-dar",
        story: "2025-11-14-emomali-ashimbaev-dushanbe",
        lang: "tg",
        date: "2025-11-14",
    },
    Seed {
        file: "001_14a85814d9623422.txt",
        slug: "emomali-rahmon-sarvaziri-jumhurii-qazoqiston-olzhas",
        story: "2024-04-30-rahmon-bektenov-dushanbe",
        lang: "tg",
        date: "2024-04-30",
    },
    Seed {
        file: "002_4ac4f6e0ac4e3caa.txt",
        slug: "qozoghiston-va-tozhikiston-parlamentlari-hamkorlikni",
        story: "2025-08-27-koshanov-emomali-astana",
        lang: "uz",
        date: "2025-08-27",
    },
    Seed {
        file: "003_66e8fa6394fbc704.txt",
        slug: "qazaqstan-men-tazhikstan-sayasi-dialogty-odan",
        story: "2026-02-16-kosherbayev-muhriddin-dushanbe",
        lang: "kk",
        date: "2026-02-16",
    },
    Seed {
        file: "004_fdb75db5e4a0ae0c.txt",
        // Its own story id before it was linked: the test removes 002 from `known`.
        slug: "qazaqstan-respublikasy-mazhilisining-toraghasy-erlan",
        story: "2025-08-27-koshanov-emomali-astana",
        lang: "kk",
        date: "2025-08-27",
    },
];

fn texts() -> Vec<String> {
    SEEDS.iter().map(|s| seed(s.file)).collect()
}

fn known(texts: &[String], except: usize) -> Vec<Known<'_>> {
    SEEDS
        .iter()
        .zip(texts)
        .enumerate()
        .filter(|(i, _)| *i != except)
        .map(|(_, (s, text))| Known {
            slug: s.slug,
            story: s.story,
            lang: s.lang,
            date: Date::parse(s.date).unwrap(),
            title: text.lines().next().unwrap_or(""),
            text,
        })
        .collect()
}

fn find_seed(i: usize, texts: &[String]) -> (Option<StoryLink>, Vec<String>) {
    let s = &SEEDS[i];
    find(
        Date::parse(s.date).unwrap(),
        &texts[i],
        &known(texts, i),
        &Taxonomy::default(),
    )
}

#[test]
fn the_uzbek_and_kazakh_reports_of_one_meeting_are_one_story() {
    let texts = texts();
    for (new, other) in [(2, 4), (4, 2)] {
        let (link, reasons) = find_seed(new, &texts);
        let link = link.unwrap_or_else(|| panic!("{}: {reasons:#?}", SEEDS[new].file));
        assert_eq!(link.slug, SEEDS[other].slug);
        assert_eq!(link.story, "2025-08-27-koshanov-emomali-astana");
        assert_eq!(link.days_apart, 0);
        for item in ["koshanov", "erlan", "astana", "24", "90", "2019"] {
            assert!(
                link.shared.iter().any(|s| s == item),
                "{item} not in {:?}",
                link.shared
            );
        }
        assert!(link.score >= THRESHOLD);
        assert!(reasons[0].starts_with("joins story"), "{reasons:?}");
        assert!(reasons[1].starts_with("same event as"), "{reasons:?}");
    }
}

#[test]
fn texts_of_other_events_start_their_own_story() {
    let texts = texts();
    for i in [0, 1, 3] {
        let (link, reasons) = find_seed(i, &texts);
        assert_eq!(link, None, "{}: {reasons:?}", SEEDS[i].file);
        assert!(reasons[0].contains("closest:"), "{reasons:?}");
    }
    // 000 and 002 both name Rustami Emomali, but months apart.
    let (_, reasons) = find_seed(0, &texts);
    assert!(reasons[0].contains("days apart"), "{reasons:?}");
}

#[test]
fn a_same_day_event_with_other_people_is_another_story() {
    let texts = texts();
    let mut known = known(&texts, 4);
    known.retain(|k| k.lang != "kk");
    let date = Date::parse("2025-08-27").unwrap();
    let none = Taxonomy::default();
    // Another Astana meeting of the day: only the city in common.
    let text = "Нұртілеу Ивая мен кездесті\nАстанада Қазақстан мен Жапония сыртқы істер министрлері Мұрат Нұртілеу мен Такеси Ивая кездесті. Тараптар Астанада екіжақты ынтымақтастықты талқылады.";
    let (link, reasons) = find(date, text, &known, &none);
    assert_eq!(link, None, "{reasons:?}");
    assert!(reasons[1].starts_with("nearly joined"), "{reasons:?}");
    assert!(reasons[1].contains("other people"), "{reasons:?}");
    // The same speaker's other meeting that day: the other report's guest is not here.
    let text = "Қошанов елшімен кездесті\nМәжіліс төрағасы Ерлан Қошанов Ұлыбританияның елшісі Кэти Лич ханыммен кездесті. Кездесуде Ерлан Қошанов парламентаралық байланыстарды атап өтті.";
    let (link, reasons) = find(date, text, &known, &none);
    assert_eq!(link, None, "{reasons:?}");
    assert!(
        reasons[1].contains("it does not name keti lich"),
        "{reasons:?}"
    );
    assert!(reasons[1].contains("not named here"), "{reasons:?}");
}

#[test]
fn two_events_of_one_visit_are_two_stories() {
    // Day one: the guest meets the Senate's chairman, then the President. Day two: the
    // Majilis speaker. The names and the city are shared, the hosts are not.
    let first = "Рустами Эмомали встретился с Ашимбаевым и Токаевым\nВ Астане Председатель Маджлиси милли Рустами Эмомали провел переговоры с Председателем Сената Мауленом Ашимбаевым, а затем встретился с Президентом Касым-Жомартом Токаевым.";
    let second = "Қошанов Рустами Эмомалимен кездесті\nМәжіліс төрағасы Ерлан Қошанов Тәжікстан Маджлиси милли төрағасы Рустами Эмомалимен Астанада кездесті.";
    let known = [Known {
        slug: "first",
        story: "2025-08-26-emomali-ashimbaev",
        lang: "ru",
        date: Date::parse("2025-08-26").unwrap(),
        title: "",
        text: first,
    }];
    let (link, reasons) = find(
        Date::parse("2025-08-27").unwrap(),
        second,
        &known,
        &Taxonomy::default(),
    );
    assert_eq!(link, None, "{reasons:?}");
    assert!(reasons[1].contains("nearly joined first"), "{reasons:?}");
    assert!(reasons[1].contains("erlan koshanov"), "{reasons:?}");
}

#[test]
fn another_kind_of_event_of_the_same_people_is_another_story() {
    let talks = "Токаев и Рахмон провели переговоры\nВ Душанбе Касым-Жомарт Токаев и Эмомали Рахмон провели переговоры в узком составе.";
    let concert = "Тоқаев пен Рахмон концертті тамашалады\nҚасым-Жомарт Тоқаев пен Эмомали Рахмон Душанбеде мәдениет күндеріне арналған концертті тамашалады.";
    let known = [Known {
        slug: "talks",
        story: "talks",
        lang: "ru",
        date: Date::parse("2024-08-22").unwrap(),
        title: "",
        text: talks,
    }];
    let (link, reasons) = find(
        Date::parse("2024-08-22").unwrap(),
        concert,
        &known,
        &Taxonomy::default(),
    );
    assert_eq!(link, None, "{reasons:?}");
    assert!(
        reasons[1].contains("another kind of event (concert here, talks there)"),
        "{reasons:?}"
    );
}

#[test]
fn names_every_article_of_the_period_carries_are_weak_evidence() {
    let date = Date::parse("2025-10-09").unwrap();
    let none = Taxonomy::default();
    let meeting = "Раҳмон бо Тоқаев мулоқот кард\nПрезидент Эмомалӣ Раҳмон бо Президенти Ҷумҳурии Қазоқистон Қасим-Жомарт Тоқаев мулоқот кард.";
    let candidate = Known {
        slug: "meeting",
        story: "meeting",
        lang: "tg",
        date,
        title: "",
        text: meeting,
    };
    // A report that names no kind of event (they "were in Almaty").
    let text = "Тоқаев пен Рахмон Алматыда\nПрезидент Қасым-Жомарт Тоқаев пен Президент Эмомали Рахмон Алматыда болды.";
    // With nothing else to compare, the four names are evidence enough …
    let (link, reasons) = find(date, text, &[candidate], &none);
    assert!(link.is_some(), "{reasons:?}");
    // … but when the articles of the period all carry them, they are not.
    let earlier: Vec<String> = (0..4)
        .map(|i| format!("Кездесу {i}\nПрезидент Қасым-Жомарт Тоқаев пен Президент Эмомали Рахмон {i} кездесу туралы."))
        .collect();
    let mut known = vec![candidate];
    for (i, text) in earlier.iter().enumerate() {
        known.push(Known {
            slug: "earlier",
            story: ["a", "b", "c", "d"][i],
            lang: "kk",
            date: Date::parse(&format!("2025-09-0{}", i + 1)).unwrap(),
            title: "",
            text,
        });
    }
    let (link, reasons) = find(date, text, &known, &none);
    assert_eq!(link, None, "{reasons:?}");
    assert!(reasons[1].contains("tokaev (common, 0.25)"), "{reasons:?}");
}

#[test]
fn reports_in_one_language_are_versions_too() {
    let texts = texts();
    let all = known(&texts, 99);
    // 004 as a second Uzbek report of the meeting that 002 reports.
    let s = &SEEDS[4];
    let (link, reasons) = find(
        Date::parse(s.date).unwrap(),
        &texts[4],
        &all[..4],
        &Taxonomy::default(),
    );
    let link = link.unwrap_or_else(|| panic!("{reasons:#?}"));
    assert_eq!(link.slug, SEEDS[2].slug);
}

#[test]
fn names_skip_titles_sentence_starts_and_keep_inflected_forms_together() {
    let text = texts()[2].clone();
    let found = names(&text);
    let keys: Vec<&str> = found.iter().map(|n| n.key.as_str()).collect();
    for name in ["koshanov", "rustam", "emomali", "erlan", "tokaev", "astana"] {
        assert!(keys.contains(&name), "{name} not in {keys:?}");
    }
    for not_a_name in ["kozogiston", "prezidenti", "mamlakatlarimizni", "kazinform"] {
        assert!(
            !keys.iter().any(|k| k.starts_with(not_a_name)),
            "{not_a_name} in {keys:?}"
        );
    }
    assert_eq!(
        numbers("1,2 млрд, 24-орын, 2026-2028, 5 және 90"),
        ["1.2", "24", "2026", "2028", "90"]
    );
}

#[test]
#[allow(clippy::float_cmp, reason = "an empty text shares exactly nothing")]
fn the_same_text_is_recognised_after_edits_and_others_are_not() {
    let texts = texts();
    for (i, text) in texts.iter().enumerate() {
        // The editor rewrote the first line (the title, or the lead of a text without one).
        let (_, body) = text.split_once('\n').unwrap();
        let retitled = format!("Жаңа тақырып: редактор өзгерткен сөздер\n{body}");
        assert!(
            same_text(text, &retitled) >= 0.9,
            "{i}: {}",
            same_text(text, &retitled)
        );
        // … and fixed a typo in the body.
        let fixed =
            retitled
                .replacen("Қазақстан", "Казахстан", 1)
                .replacen("ҳамкорӣ", "ҳамкори", 1);
        assert!(
            same_text(text, &fixed) >= 0.9,
            "{i}: {}",
            same_text(text, &fixed)
        );
        assert!((same_text(text, text) - 1.0).abs() < 1e-6);
        for (j, other) in texts.iter().enumerate().filter(|(j, _)| *j != i) {
            let s = same_text(text, other);
            assert!(s < 0.2, "{i} vs {j}: {s}");
        }
    }
    // The raw text against what the importer made of it: debris gone, headline once.
    let raw = &texts[0];
    let imported: String = raw
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with("АКС:") && !l.starts_with("error:"))
        .collect::<Vec<_>>()
        .join("\n\n");
    assert!(
        same_text(raw, &imported) >= 0.9,
        "{}",
        same_text(raw, &imported)
    );
    // An excerpt is not the text, and nothing is like an empty text.
    let excerpt: String = raw.lines().take(4).collect::<Vec<_>>().join("\n");
    assert!(
        same_text(raw, &excerpt) < 0.9,
        "{}",
        same_text(raw, &excerpt)
    );
    assert_eq!(same_text("", ""), 0.0);
}

use crate::import::testing::Rng;

fn random_text(rng: &mut Rng, len: usize) -> String {
    #[rustfmt::skip]
    const POOL: &[&str] = &[
        "а", "ә", "ӣ", "ҷ", "ў", "қ", "ё", "Ё", "A", "a", "O", "o", "g", "S", "ʻ", "'", "’",
        "`", "ʼ", "-", "‑", "—", "–", "\u{0306}", "\u{0304}", "\u{0301}", "\u{00AD}",
        "\u{200D}", "\u{FEFF}", "1", "9", ",", ".", " ", " ", "\n", "\n\n", "•", "«", "»", "İ",
        "ß", "ﬁ", "🙂", "Е.", "Қошанов", "Эмомалӣ", "сауда", "су-энергетика", "Qozogʻiston",
        "2019", "24-ўрин", "ASTANА", "  • Саноат — ", "дж", "kh", "yo",
    ];
    let mut s = String::new();
    for _ in 0..len {
        match rng.below(4) {
            0 => {
                if let Some(c) = char::from_u32(rng.below(0x11_0000) as u32) {
                    s.push(c);
                }
            }
            _ => s.push_str(POOL[rng.below(POOL.len())]),
        }
    }
    s
}

/// Rounds: 400 by default; `DOSTYK_FUZZ_ROUNDS=20000 cargo test --release` for a long run.
#[test]
fn arbitrary_text_never_panics_and_keeps_the_invariants() {
    let taxonomy = tagging::tests::taxonomy();
    let terms = taxonomy.terms(Kind::Topic);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let date = Date::parse("2025-08-27").unwrap();
    for round in 0..std::env::var("DOSTYK_FUZZ_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(400)
    {
        let len = rng.below(120);
        let text = random_text(&mut rng, len);
        let len = rng.below(120);
        let other = random_text(&mut rng, len);
        for w in words(&text) {
            assert_eq!(&text[w.start..w.end], w.text);
            assert!(!w.text.is_empty());
            let folded = fold(w.text);
            // Folding twice changes nothing more.
            assert_eq!(fold(&folded), folded, "{:?}", w.text);
            let _ = name_key(w.text);
        }
        let _ = fold(&text);
        let _ = name_key(&text);
        let _ = tag(
            &text,
            Some(["kk", "tg", "uz", "ru", "en"][round % 5]),
            terms,
        );
        let _ = tag(&text, None, terms);
        let _ = tagging::tag_weighted(&other, &text, Some("kk"), terms);
        let known = [Known {
            slug: "x",
            story: "s",
            lang: "tg",
            date,
            title: &other,
            text: &other,
        }];
        let _ = find(
            date,
            &format!("{other}\n{text}"),
            &known,
            &Taxonomy::default(),
        );
        let s = same_text(&text, &other);
        assert!((0.0..=1.0).contains(&s));
        if words(&text).len() >= SHINGLE {
            assert!((same_text(&text, &text) - 1.0).abs() < 1e-6, "{text:?}");
        }
        // Arbitrary bytes, as a file of unknown encoding would give them.
        let bytes: Vec<u8> = (0..rng.below(200)).map(|_| rng.next() as u8).collect();
        let lossy = String::from_utf8_lossy(&bytes);
        let _ = words(&lossy);
        let _ = tag(&lossy, None, terms);
        let _ = same_text(&lossy, &text);
    }
}
