//! The evidence a detection shows the editor: the letters and words that speak for a language,
//! and those of its rivals.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::tokens::{Token, is_apostrophe, script_of};
use super::units::{Sample, universe};
use super::{PROFILES, Profile, Script};

pub(super) fn letter_evidence(p: &Profile, s: &Sample) -> String {
    let mut found: Vec<(&str, usize)> = p
        .signature
        .iter()
        .map(|u| (u.as_str(), s.units.get(u.as_str()).copied().unwrap_or(0)))
        .filter(|(_, n)| *n > 0)
        .collect();
    found.sort_by_key(|f| std::cmp::Reverse(f.1));
    if found.is_empty() {
        return format!("letters: none of {}", p.signature.join(" "));
    }
    let listed = found
        .iter()
        .map(|(u, n)| format!("{u}×{n}"))
        .collect::<Vec<_>>()
        .join(" ");
    format!("letters {listed} (of {})", s.letters)
}

pub(super) fn word_evidence(p: &Profile, s: &Sample) -> String {
    let mut found: Vec<(&str, usize)> = p
        .words
        .iter()
        .filter_map(|(w, _)| s.word_counts.get(w).map(|n| (w.as_str(), *n)))
        .collect();
    found.sort_by_key(|f| std::cmp::Reverse(f.1));
    if found.is_empty() {
        return format!("words: no {} function words", p.name);
    }
    let listed = found
        .iter()
        .take(6)
        .map(|(w, n)| format!("{w}×{n}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!("words: {listed}")
}

/// "no ӣ ӯ ҷ (Tajik) or ў (Uzbek)", or, when a few are there, the words that carry them — quoted
/// names, most often. In Latin script: how many letters there are that the language does not write
/// (its `foreign` letters), or else that only its rivals write.
pub(super) fn rival_letter_evidence(p: &Profile, tokens: &[Token], s: &Sample) -> Option<String> {
    let rivals = PROFILES
        .iter()
        .filter(|q| q.script == p.script && q.code != p.code && !q.exclusive.is_empty());
    match p.script {
        Script::Latin => {
            let (units, what): (Vec<&str>, String) = if p.foreign.is_empty() {
                let rivals: Vec<&Profile> = rivals.collect();
                (
                    rivals
                        .iter()
                        .flat_map(|q| q.exclusive.iter().map(String::as_str))
                        .collect(),
                    rivals
                        .iter()
                        .map(|q| format!("{} ({})", or_list(&q.exclusive), q.name))
                        .collect::<Vec<_>>()
                        .join(" or "),
                )
            } else {
                (
                    p.foreign.iter().map(String::as_str).collect(),
                    format!("{} (not in {})", or_list(&p.foreign), p.name),
                )
            };
            if units.is_empty() {
                return None;
            }
            let n: usize = units
                .iter()
                .map(|u| s.units.get(u).copied().unwrap_or(0))
                .sum();
            Some(if n == 0 {
                format!("no {what}")
            } else {
                format!("{n} of {what}")
            })
        }
        Script::Cyrillic => {
            let mut absent = Vec::new();
            let mut present = Vec::new();
            for rival in rivals {
                // Letters the language shares with a rival do not speak against it (Kyrgyz has
                // ң ү ө like Kazakh, so only ә і ұ do).
                let letters: Vec<&str> = rival
                    .exclusive
                    .iter()
                    .map(String::as_str)
                    .filter(|l| !p.signature.iter().any(|own| own == l))
                    .collect();
                let name = &rival.name;
                let counts: Vec<(&str, usize)> = letters
                    .iter()
                    .map(|l| (*l, s.units.get(l).copied().unwrap_or(0)))
                    .collect();
                if counts.iter().all(|(_, n)| *n == 0) {
                    absent.push(format!("{} ({name})", letters.join(" ")));
                } else {
                    let shown = counts
                        .iter()
                        .filter(|(_, n)| *n > 0)
                        .map(|(l, n)| format!("{l}×{n}"))
                        .collect::<Vec<_>>()
                        .join(" ");
                    let carriers = tokens.iter().filter(|t| {
                        t.script == Script::Cyrillic && letters.iter().any(|l| t.text.contains(l))
                    });
                    present.push(format!(
                        "{shown} ({name}) in {}",
                        examples(carriers.map(|t| t.original.as_str()), 3)
                    ));
                }
            }
            let mut parts = Vec::new();
            if !absent.is_empty() {
                parts.push(format!("no {}", absent.join(" or ")));
            }
            if !present.is_empty() {
                parts.push(present.join("; "));
            }
            (!parts.is_empty()).then(|| parts.join("; "))
        }
    }
}

/// "w, c or th".
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

pub(super) fn alien_examples(tokens: &[Token], script: Script) -> String {
    let mut counts: BTreeMap<char, usize> = BTreeMap::new();
    for t in tokens.iter().filter(|t| t.script == script) {
        for u in t.text.chars() {
            if u.is_alphabetic() && !is_apostrophe(u) && script_of(u) == Some(script) {
                let mut buf = [0u8; 4];
                let s: &str = u.encode_utf8(&mut buf);
                if !universe(script).iter().any(|unit| unit == s) {
                    *counts.entry(u).or_default() += 1;
                }
            }
        }
    }
    let mut v: Vec<(char, usize)> = counts.into_iter().collect();
    v.sort_by_key(|e| std::cmp::Reverse(e.1));
    v.iter()
        .take(6)
        .map(|(c, n)| format!("{c}×{n}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Up to `n` distinct examples, quoted.
pub(super) fn examples<'a>(items: impl Iterator<Item = &'a str>, n: usize) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    let more = seen.len().saturating_sub(n);
    let mut s = seen
        .iter()
        .take(n)
        .map(|w| format!("«{w}»"))
        .collect::<Vec<_>>()
        .join(", ");
    if more > 0 {
        let _ = write!(s, " and {more} more");
    }
    s
}
