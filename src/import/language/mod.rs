//! Which language a raw agency text is in — Kazakh, Tajik, Uzbek (Cyrillic or Latin script) or
//! Russian — told from the text alone, with evidence an editor can check and a confidence.
//!
//! The model is a small naive Bayes per candidate language over two kinds of evidence: how often
//! each letter occurs (rates measured on agency texts; Uzbek Latin units include `oʻ gʻ sh ch`) and
//! how often frequent function words occur (`және`, `ва`, `билан`, `и` …). A language's rate for a
//! letter or word it does not use is floored rather than zero, so a quoted name (`Рустами Эмомалӣ`
//! in a Kazakh text, `Қазақстан` in a Tajik one) costs a little instead of vetoing, while a whole
//! text of such letters is decisive. Letters shared by several candidates (қ ғ ҳ) have similar
//! rates in each and so decide nothing alone.
//!
//! Kyrgyz, Tatar, Ukrainian and Bulgarian (Cyrillic) and English (Latin) are candidates too, so that
//! a text in one of them comes out as that language — and so as unknown to the archive — instead of
//! as the nearest archive language (Tatar shares ә ө ү ң һ with Kazakh; Bulgarian and Ukrainian
//! share most function words with Russian).
//!
//! Confidence is the gap between the two best posterior scores, scaled down for short texts, for
//! texts whose parts read as different languages, for texts with few function words of the winner,
//! and for letters no candidate uses (Turkish `ş`, Tatar `җ`).
//!
//! The profiles (letter and word rates, signature letters) are data, `[detect.cyrillic]` and
//! `[detect.latin]` of `data/languages/<code>.toml`; every file with a profile is a candidate.

mod evidence;
mod mixed;
mod model;
mod tokens;
mod units;

#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use serde::Serialize;

use crate::lexicon::{Profile, lexicon};
use evidence::{alien_examples, examples, letter_evidence, rival_letter_evidence, word_evidence};
use mixed::agreement;
use model::{candidates, function_word_hits, posterior};
use tokens::{script_hint, tokenize};
use units::{OTHER, Sample};

pub use crate::lexicon::Script;

/// What [`detect`] made of a text: the language, if sure enough, and the evidence for the report.
#[derive(Debug, Clone, Serialize)]
pub struct Detection {
    /// "kk", "tg", "uz" or "ru"; None when the text is too short or too ambiguous to tell, or reads
    /// as a language the archive does not take (never guess silently).
    pub lang: Option<&'static str>,
    /// The script with more letters in the text (Cyrillic on a tie); only its candidates are
    /// scored, and words in the other script are set aside.
    pub script: Script,
    /// 0.0..=1.0: how sure the detector is of `lang`. `lang` is Some exactly when this is at
    /// least [`MIN_CONFIDENCE`]; when the text reads as a language the archive does not take
    /// (Kyrgyz, Tatar, Ukrainian, Bulgarian, English) it is 0, and `evidence` says which.
    pub confidence: f32,
    /// Human-readable evidence for the report, most telling first.
    pub evidence: Vec<String>,
    /// The score of every candidate language of the script, best first (they sum to 1). Includes
    /// "ky", "tt", "uk", "bg" for Cyrillic and "en" for Latin, which are never `lang`.
    pub scores: Vec<(&'static str, f32)>,
}

/// Below this confidence the language is reported as unknown.
pub const MIN_CONFIDENCE: f32 = 0.5;

/// Letters of text needed for full confidence; fewer scale it down (one line of ~100 letters
/// halves it), because a headline can read as several languages.
const FULL_LETTERS: f64 = 400.0;

/// Every candidate language of either script, from the language files.
static PROFILES: LazyLock<&'static [Profile]> = LazyLock::new(|| lexicon().profiles());

/// Identifies the language of a raw agency text. Page furniture (menus, share buttons …) is
/// stripped first with [`super::furniture::strip`], so the raw text or the stripped body can be
/// passed alike.
pub fn detect(text: &str) -> Detection {
    let (kept, removed) = super::furniture::strip(text);
    let body: Vec<&str> = kept.iter().map(|(_, l)| l.as_str()).collect();
    let body = body.join("\n");

    let hint = script_hint(&body);
    let tokens = tokenize(&body, hint);
    let cyrillic = Sample::of(&tokens, Script::Cyrillic);
    let latin = Sample::of(&tokens, Script::Latin);
    let (script, sample, other_sample) = if latin.letters > cyrillic.letters {
        (Script::Latin, latin, cyrillic)
    } else {
        (Script::Cyrillic, cyrillic, latin)
    };
    let candidates = candidates(script);

    if sample.letters == 0 {
        let even = 1.0 / candidates.len() as f32;
        let mut evidence = vec!["no letters to read".to_string()];
        if !removed.is_empty() {
            evidence.push(format!("ignored {} furniture line(s)", removed.len()));
        }
        return Detection {
            lang: None,
            script,
            confidence: 0.0,
            evidence,
            scores: candidates
                .iter()
                .map(|&i| (PROFILES[i].code.as_str(), even))
                .collect(),
        };
    }

    let posterior = posterior(&candidates, &sample);
    let best = &PROFILES[posterior[0].0];
    let margin = posterior[0].1 - posterior.get(1).map_or(0.0, |p| p.1);

    // Each factor is 1.0 when it has nothing against the best candidate.
    let sufficiency = (sample.letters as f64 / FULL_LETTERS).min(1.0).sqrt();
    let (agreement, dissent) = agreement(&body, hint, &best.code);
    let hits = function_word_hits(best, &sample);
    let fit = if sample.words < 5 {
        1.0
    } else {
        let share = hits as f64 / sample.words as f64;
        (share / (0.35 * best.function_share)).sqrt().min(1.0)
    };
    let alien = sample.units.get(OTHER).copied().unwrap_or(0);
    let alien_per_mille = alien as f64 * 1000.0 / sample.letters as f64;
    let alien_fit = (1.0 - (alien_per_mille - 5.0) / 25.0).clamp(0.0, 1.0);

    let certainty = round3((margin * sufficiency * agreement * fit * alien_fit).clamp(0.0, 1.0));
    // Confidence is always about `lang`: a text sure to be Kyrgyz is not an archive text at all,
    // so it gets 0 rather than a high number next to an empty language.
    let confidence = if best.archive { certainty } else { 0.0 };
    let lang = (confidence >= f64::from(MIN_CONFIDENCE)).then_some(best.code.as_str());

    // Evidence: caveats that cost confidence come first, then what speaks for the language.
    let mut caveats = Vec::new();
    if !best.archive {
        caveats.push(format!(
            "reads as {} ({}, certainty {certainty:.2}), which is not one of {}",
            best.name,
            best.code,
            archive_codes()
        ));
    }
    if alien_fit < 0.95 {
        caveats.push(format!(
            "letters no candidate uses: {}",
            alien_examples(&tokens, script)
        ));
    }
    if fit < 0.9 {
        caveats.push(format!(
            "few function words of {}: {hits} of {} words",
            best.name, sample.words
        ));
    }
    if agreement < 0.9 {
        caveats.push(format!(
            "mixed: {:.0}% of the text reads as another language ({dissent})",
            (1.0 - agreement) * 100.0
        ));
    }
    if sufficiency < 0.95 {
        caveats.push(format!(
            "short text: {} letters ({FULL_LETTERS:.0} give full confidence)",
            sample.letters
        ));
    }
    if margin < 0.9
        && let Some(&(i, p)) = posterior.get(1)
    {
        caveats.push(format!(
            "close call between {} and {} ({:.2} vs {:.2})",
            best.code, PROFILES[i].code, posterior[0].1, p
        ));
    }

    let mut evidence = caveats;
    evidence.push(letter_evidence(best, &sample));
    evidence.push(word_evidence(best, &sample));
    // For Tatar, Ukrainian or Bulgarian, "Kazakh letters present" would only confuse: the
    // language files say which rivals get this evidence.
    if best.rival_letters
        && let Some(e) = rival_letter_evidence(best, &tokens, &sample)
    {
        evidence.push(e);
    }
    let lookalikes: Vec<&str> = tokens
        .iter()
        .filter(|t| t.lookalike)
        .map(|t| t.original.as_str())
        .collect();
    if !lookalikes.is_empty() {
        evidence.push(format!(
            "look-alike Latin/Cyrillic letters normalised in {} word(s): {}",
            lookalikes.len(),
            examples(lookalikes.iter().copied(), 4)
        ));
    }
    if other_sample.words > 0 {
        let other_script = match script {
            Script::Cyrillic => "Latin",
            Script::Latin => "Cyrillic",
        };
        evidence.push(format!(
            "{other_script}-script words set aside: {} ({})",
            other_sample.words,
            examples(
                tokens
                    .iter()
                    .filter(|t| t.script != script)
                    .map(|t| t.original.as_str()),
                3
            )
        ));
    }
    if !removed.is_empty() {
        evidence.push(format!("ignored {} furniture line(s)", removed.len()));
    }
    if let Some(&(i, p)) = posterior.get(1) {
        evidence.push(format!("runner-up: {} {:.3}", PROFILES[i].code, p));
    }

    Detection {
        lang,
        script,
        confidence: confidence as f32,
        evidence,
        scores: posterior
            .iter()
            .map(|&(i, p)| (PROFILES[i].code.as_str(), round3(p) as f32))
            .collect(),
    }
}

/// "kk, tg, uz, ru": the languages the archive takes, in the order of the files.
fn archive_codes() -> String {
    let mut codes: Vec<&str> = Vec::new();
    for p in PROFILES.iter().filter(|p| p.archive) {
        if !codes.contains(&p.code.as_str()) {
            codes.push(&p.code);
        }
    }
    codes.join(", ")
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
