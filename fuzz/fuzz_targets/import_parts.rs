//! The importer's steps one by one, each with what it promises: cleaning is idempotent, the
//! language detector's confidence and verdict agree, dates found are real dates at real places
//! in the text, a made-up headline is short, and the body's Markdown renders back to exactly
//! the words of its paragraphs, as paragraphs and list items and nothing else.

#![no_main]

use dostyk::import::dates::{self, PartialDate};
use dostyk::import::{body, credits, headline, language, story, text as clean};
use dostyk::lexicon::matching;
use dostyk_fuzz::{IMPORTED_TAGS, check_html, squash, text, visible_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let raw = text(data);
    let cleaned = clean::normalise(&raw);
    assert_eq!(
        clean::normalise(&cleaned),
        cleaned,
        "normalise is not idempotent"
    );

    check_language(&cleaned);
    check_dates(&cleaned);
    check_body(&cleaned);

    for line in cleaned.lines() {
        if headline::is_headline(line) {
            let (title, _) = credits::split_outlet_suffix(line);
            let _ = headline::repeats(line, &title);
        }
        let _ = credits::photo_credit(line);
        let _ = credits::attribution(line);
    }
    let title = headline::from_lead(&cleaned);
    assert!(
        title.chars().count() <= 250,
        "a title of {} characters",
        title.chars().count()
    );
    for word in matching::words(&cleaned) {
        let _ = matching::fold(word.text);
        let _ = matching::name_key(word.text);
    }
    let _ = story::names(&cleaned);
    let _ = story::same_text(&cleaned, "Тоҷикистон ва Қазоқистон ҳамкорӣ");
});

fn check_language(text: &str) {
    let detection = language::detect(text);
    let confidence = detection.confidence;
    assert!((0.0..=1.0).contains(&confidence), "confidence {confidence}");
    assert_eq!(
        detection.lang.is_some(),
        confidence >= language::MIN_CONFIDENCE,
        "{detection:?}"
    );
    if let Some(lang) = detection.lang {
        assert!(["kk", "tg", "uz", "ru"].contains(&lang), "{lang}");
        assert_eq!(detection.scores[0].0, lang, "{detection:?}");
    }
    let scores = &detection.scores;
    assert!(scores.windows(2).all(|w| w[0].1 >= w[1].1), "{detection:?}");
    if !scores.is_empty() {
        // Each score is rounded to three decimals.
        let sum: f32 = scores.iter().map(|(_, s)| s).sum();
        let slack = 0.0005 * scores.len() as f32 + 1e-4;
        assert!(
            (sum - 1.0).abs() <= slack,
            "scores sum to {sum}: {detection:?}"
        );
    }
}

fn valid(date: PartialDate) -> bool {
    PartialDate::new(date.year, date.month, date.day) == Some(date)
}

fn check_dates(text: &str) {
    let mut end = 0;
    for found in dates::find_dates(text) {
        assert!(found.start >= end && found.start < found.end && found.end <= text.len());
        assert!(text.is_char_boundary(found.start) && text.is_char_boundary(found.end));
        assert!(valid(found.date), "{found:?}");
        end = found.end;
    }
    for line in text.lines() {
        if let Some((date, rest)) = dates::date_prefix(line) {
            assert!(line.contains(&rest), "{rest:?} is not the rest of {line:?}");
            assert!(dostyk::date::Date::new(date.year, date.month, date.day).is_some());
        }
        if let Some(dateline) = dates::dateline(line) {
            if let Some(date) = dateline.date {
                assert!(valid(date), "{dateline:?}");
            }
            assert!(
                squash(line).ends_with(&squash(&dateline.rest)),
                "{dateline:?} from {line:?}"
            );
        }
    }
}

fn check_body(text: &str) {
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    let markdown = body::to_markdown(&lines);
    let html = dostyk::render::markdown::render(&markdown);
    if let Err(why) = check_html(&html, IMPORTED_TAGS) {
        panic!("{why}\nlines: {lines:?}\nmarkdown: {markdown:?}\nhtml: {html}");
    }
    let words = squash(&body::paragraphs(&lines).join("\n"));
    let shown = squash(&visible_text(&html));
    assert_eq!(
        shown, words,
        "the body does not show its words\nlines: {lines:?}\nmarkdown: {markdown:?}"
    );
}
