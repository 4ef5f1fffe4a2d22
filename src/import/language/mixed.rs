//! Whether a text is mixed: its chunks classified on their own.

use std::collections::BTreeMap;

use super::model::{candidates, posterior};
use super::tokens::tokenize;
use super::units::Sample;
use super::{PROFILES, Script};

/// Chunks of about this many letters are classified on their own to see whether the text is mixed.
const CHUNK_LETTERS: usize = 80;

/// Classifies chunks of about [`CHUNK_LETTERS`] letters on their own. Returns the share of the
/// text (by letters) that does not clearly read as another language than `best`, and a note on
/// what the dissenting part reads as.
pub(super) fn agreement(body: &str, hint: Script, best: &str) -> (f64, String) {
    let mut total = 0usize;
    let mut dissent: BTreeMap<&'static str, usize> = BTreeMap::new();
    for chunk in chunks(body) {
        let tokens = tokenize(&chunk, hint);
        let cyr = Sample::of(&tokens, Script::Cyrillic);
        let lat = Sample::of(&tokens, Script::Latin);
        let (script, sample) = if lat.letters > cyr.letters {
            (Script::Latin, lat)
        } else {
            (Script::Cyrillic, cyr)
        };
        if sample.letters == 0 {
            continue;
        }
        total += sample.letters;
        let post = posterior(&candidates(script), &sample);
        let code = PROFILES[post[0].0].code.as_str();
        let decisive = post[0].1 - post.get(1).map_or(0.0, |p| p.1) > 0.5;
        if code != best && decisive {
            *dissent.entry(code).or_default() += sample.letters;
        }
    }
    if total == 0 {
        return (1.0, String::new());
    }
    let against: usize = dissent.values().sum();
    let mut parts: Vec<(&str, usize)> = dissent.into_iter().collect();
    parts.sort_by_key(|p| std::cmp::Reverse(p.1));
    let note = parts
        .iter()
        .map(|(code, n)| format!("{code} {:.0}%", *n as f64 * 100.0 / total as f64))
        .collect::<Vec<_>>()
        .join(", ");
    (1.0 - against as f64 / total as f64, note)
}

/// Splits the body into pieces of at least [`CHUNK_LETTERS`] letters at sentence ends and line
/// breaks, so that a paragraph in another language shows up as its own chunk.
fn chunks(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut letters = 0usize;
    for line in body.lines() {
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            current.push(c);
            if c.is_alphabetic() {
                letters += 1;
            }
            let sentence_end = matches!(c, '.' | '!' | '?' | '…')
                && chars.peek().is_none_or(|n| n.is_whitespace());
            if sentence_end && letters >= CHUNK_LETTERS {
                out.push(std::mem::take(&mut current));
                letters = 0;
            }
        }
        // A short remainder joins the next line rather than being judged on a few words.
        if letters >= CHUNK_LETTERS / 2 {
            out.push(std::mem::take(&mut current));
            letters = 0;
        } else {
            current.push('\n');
        }
    }
    if letters > 0 {
        out.push(current);
    }
    out
}
