//! The model: a naive Bayes per candidate language over letter units and function words, with
//! floors for what a language does not use.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::units::{OTHER, Sample, universe};
use super::{PROFILES, Profile, Script};

/// Letter evidence counts for less than word evidence: letters within a word are not independent.
const LETTER_WEIGHT: f64 = 0.5;

const WORD_WEIGHT: f64 = 1.0;

/// Softens the posterior, since the features are not independent as naive Bayes assumes.
const TEMPERATURE: f64 = 2.0;

/// Per-mille rate given to a letter a language does not use (names, loanwords, typos).
const LETTER_FLOOR: f64 = 0.3;

/// Per-mille rate given to another language's function word.
const WORD_FLOOR: f64 = 0.2;

/// Probability of a letter outside every candidate's alphabet; the same for all, so it only
/// feeds the "letters no candidate uses" check.
const ALIEN_P: f64 = 0.002;

/// Log prior of a language the archive does not take: such texts are rare in the importer's input,
/// so where the evidence is thin (a short Russian line reads almost as well as Bulgarian) an archive
/// language is preferred; a text of any length outweighs it.
const OTHER_LANGUAGE_PRIOR: f64 = -2.0;

/// Per-mille rate of `unit` in a profile, floored for units the language does not use.
fn rate(table: &[(String, f64)], unit: &str, floor: f64) -> f64 {
    table
        .iter()
        .find(|(u, _)| u == unit)
        .map_or(floor, |&(_, r)| r.max(floor))
}

/// A profile's log-probabilities, computed once: a multinomial over the letter units of its
/// script, and one over words (each function word of any candidate of the script, or "another
/// word").
struct Table {
    units: HashMap<&'static str, f64>,
    words: HashMap<&'static str, f64>,
    other_word: f64,
}

fn tables() -> &'static [Table] {
    static TABLES: OnceLock<Vec<Table>> = OnceLock::new();
    TABLES.get_or_init(|| PROFILES.iter().map(build_table).collect())
}

fn build_table(p: &Profile) -> Table {
    let universe = universe(p.script);
    let total: f64 = universe
        .iter()
        .map(|u| rate(&p.letters, u, LETTER_FLOOR))
        .sum();
    let scale = (1.0 - ALIEN_P) / total;
    let mut units: HashMap<&'static str, f64> = universe
        .iter()
        .map(|u| (u.as_str(), (rate(&p.letters, u, LETTER_FLOOR) * scale).ln()))
        .collect();
    units.insert(OTHER, ALIEN_P.ln());

    let vocabulary: Vec<&'static str> = PROFILES
        .iter()
        .filter(|q| q.script == p.script)
        .flat_map(|q| q.words.iter().map(|(w, _)| w.as_str()))
        .collect();
    let mut words = HashMap::new();
    for w in vocabulary {
        words.insert(w, rate(&p.words, w, WORD_FLOOR) / 1000.0);
    }
    let listed: f64 = words.values().sum();
    let other_word = (1.0 - listed).max(0.05).ln();
    let words = words.into_iter().map(|(w, prob)| (w, prob.ln())).collect();
    Table {
        units,
        words,
        other_word,
    }
}

/// Log-likelihood of the sample under the profile with index `i` in [`PROFILES`].
fn log_likelihood(i: usize, s: &Sample) -> f64 {
    let t = &tables()[i];
    let letters: f64 = s
        .units
        .iter()
        .map(|(u, &n)| n as f64 * t.units.get(u).copied().unwrap_or(ALIEN_P.ln()))
        .sum();
    let words: f64 = s
        .word_counts
        .iter()
        .map(|(w, &n)| n as f64 * t.words.get(w.as_str()).copied().unwrap_or(t.other_word))
        .sum();
    let prior = if PROFILES[i].archive {
        0.0
    } else {
        OTHER_LANGUAGE_PRIOR
    };
    prior + LETTER_WEIGHT * letters + WORD_WEIGHT * words
}

/// Indices into [`PROFILES`] of the candidates for a script.
pub(super) fn candidates(script: Script) -> Vec<usize> {
    (0..PROFILES.len())
        .filter(|&i| PROFILES[i].script == script)
        .collect()
}

/// (index into [`PROFILES`], posterior) for each candidate, best first.
pub(super) fn posterior(candidates: &[usize], s: &Sample) -> Vec<(usize, f64)> {
    let ll: Vec<f64> = candidates.iter().map(|&i| log_likelihood(i, s)).collect();
    let max = ll.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let weights: Vec<f64> = ll.iter().map(|l| ((l - max) / TEMPERATURE).exp()).collect();
    let sum: f64 = weights.iter().sum();
    let mut out: Vec<(usize, f64)> = weights
        .iter()
        .zip(candidates)
        .map(|(w, &i)| (i, if sum > 0.0 { w / sum } else { 0.0 }))
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

pub(super) fn function_word_hits(p: &Profile, s: &Sample) -> usize {
    s.word_counts
        .iter()
        .filter(|(w, _)| p.words.iter().any(|(fw, _)| fw == *w))
        .map(|(_, n)| n)
        .sum()
}
