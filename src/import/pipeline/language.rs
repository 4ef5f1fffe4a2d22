//! The text's language: given with `--lang`, or detected, with the evidence.

use super::LanguageFinding;
use super::Options;
use crate::import::language;
use crate::language::Language;

/// The language of `plain` (the title and the paragraphs), or the editor's; a problem when it is
/// not known.
pub(super) fn find(options: &Options, plain: &str, problems: &mut Vec<String>) -> LanguageFinding {
    if let Some(code) = &options.lang {
        if Language::from_code(code).is_none() {
            problems.push(format!(
                "--lang {code}: unknown language code; known: {}",
                Language::codes().collect::<Vec<_>>().join(", ")
            ));
        }
        return LanguageFinding {
            lang: Some(code.clone()),
            confidence: 1.0,
            evidence: vec!["given with --lang".into()],
            scores: Vec::new(),
            given: true,
        };
    }
    let detection = language::detect(plain);
    let scores = detection
        .scores
        .iter()
        .map(|(l, s)| (l.to_string(), *s))
        .collect();
    // `detect` leaves `lang` empty below its confidence threshold.
    let sure = detection.lang;
    if sure.is_none() {
        let why = detection
            .evidence
            .first()
            .cloned()
            .unwrap_or_else(|| "no evidence".into());
        problems.push(format!(
            "cannot tell the language of the text ({why}): give it with --lang kk|tg|uz|ru"
        ));
    }
    LanguageFinding {
        lang: sure.map(str::to_string),
        confidence: detection.confidence,
        evidence: detection.evidence,
        scores,
        given: false,
    }
}
