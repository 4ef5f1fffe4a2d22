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

use std::collections::{BTreeMap, HashMap};
use std::sync::{LazyLock, OnceLock};

use serde::Serialize;

use super::lexicon::{Profile, lexicon};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Script {
    Cyrillic,
    Latin,
}

#[derive(Debug, Clone, Serialize)]
pub struct Detection {
    /// "kk", "tg", "uz" or "ru"; None when the text is too short or too ambiguous to tell, or reads
    /// as a language the archive does not take (never guess silently).
    pub lang: Option<&'static str>,
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
/// Chunks of about this many letters are classified on their own to see whether the text is mixed.
const CHUNK_LETTERS: usize = 80;

/// The letter units of each script, over which the profiles' rates are given: facts of the scripts,
/// not of one language.
pub(super) const CYRILLIC_UNITS: &[&str] = &[
    "а", "б", "в", "г", "д", "е", "ё", "ж", "з", "и", "й", "к", "л", "м", "н", "о", "п", "р", "с",
    "т", "у", "ф", "х", "ц", "ч", "ш", "щ", "ъ", "ы", "ь", "э", "ю", "я", "ә", "і", "ң", "ұ", "ү",
    "ө", "һ", "қ", "ғ", "ӣ", "ӯ", "ҷ", "ҳ", "ў", "ї", "є", "ґ", "җ",
];

pub(super) const LATIN_UNITS: &[&str] = &[
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s",
    "t", "u", "v", "w", "x", "y", "z", "oʻ", "gʻ", "sh", "ch", "th",
];

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
    let lang = (confidence >= MIN_CONFIDENCE as f64).then_some(best.code.as_str());

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
            "short text: {} letters ({} give full confidence)",
            sample.letters, FULL_LETTERS as usize
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

/// Key for letters outside every candidate's alphabet.
const OTHER: &str = "other";

/// Letter units and function-word counts of the tokens of one script.
struct Sample {
    units: BTreeMap<&'static str, usize>,
    /// Every word of the script, by its normalised form.
    word_counts: BTreeMap<String, usize>,
    letters: usize,
    words: usize,
}

impl Sample {
    fn of(tokens: &[Token], script: Script) -> Self {
        let mut s = Sample {
            units: BTreeMap::new(),
            word_counts: BTreeMap::new(),
            letters: 0,
            words: 0,
        };
        for t in tokens.iter().filter(|t| t.script == script) {
            for u in units(&t.text, script) {
                *s.units.entry(u).or_default() += 1;
                s.letters += 1;
            }
            *s.word_counts.entry(t.text.clone()).or_default() += 1;
            s.words += 1;
        }
        s
    }
}

/// The letter units of a normalised word: letters, and for Latin the digraphs `oʻ gʻ sh ch th`,
/// which stand for single sounds in Uzbek and (th) in English.
fn units(word: &str, script: Script) -> Vec<&'static str> {
    let universe = match script {
        Script::Cyrillic => CYRILLIC_UNITS,
        Script::Latin => LATIN_UNITS,
    };
    let find = |s: &str| universe.iter().copied().find(|u| *u == s);
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if script == Script::Latin
            && let Some(&next) = chars.get(i + 1)
        {
            let pair: String = [c, next].iter().collect();
            if let Some(u) = find(&pair) {
                out.push(u);
                i += 2;
                continue;
            }
        }
        if c.is_alphabetic() && !is_apostrophe(c) && script_of(c) == Some(script) {
            let mut buf = [0u8; 4];
            out.push(find(c.encode_utf8(&mut buf)).unwrap_or(OTHER));
        }
        i += 1;
    }
    out
}

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
    let universe = match p.script {
        Script::Cyrillic => CYRILLIC_UNITS,
        Script::Latin => LATIN_UNITS,
    };
    let total: f64 = universe
        .iter()
        .map(|u| rate(&p.letters, u, LETTER_FLOOR))
        .sum();
    let scale = (1.0 - ALIEN_P) / total;
    let mut units: HashMap<&'static str, f64> = universe
        .iter()
        .map(|u| (*u, (rate(&p.letters, u, LETTER_FLOOR) * scale).ln()))
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
fn candidates(script: Script) -> Vec<usize> {
    (0..PROFILES.len())
        .filter(|&i| PROFILES[i].script == script)
        .collect()
}

/// (index into [`PROFILES`], posterior) for each candidate, best first.
fn posterior(candidates: &[usize], s: &Sample) -> Vec<(usize, f64)> {
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

fn function_word_hits(p: &Profile, s: &Sample) -> usize {
    s.word_counts
        .iter()
        .filter(|(w, _)| p.words.iter().any(|(fw, _)| fw == *w))
        .map(|(_, n)| n)
        .sum()
}

/// Classifies chunks of about [`CHUNK_LETTERS`] letters on their own. Returns the share of the
/// text (by letters) that does not clearly read as another language than `best`, and a note on
/// what the dissenting part reads as.
fn agreement(body: &str, hint: Script, best: &str) -> (f64, String) {
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

fn letter_evidence(p: &Profile, s: &Sample) -> String {
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

fn word_evidence(p: &Profile, s: &Sample) -> String {
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
fn rival_letter_evidence(p: &Profile, tokens: &[Token], s: &Sample) -> Option<String> {
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

fn alien_examples(tokens: &[Token], script: Script) -> String {
    let mut counts: BTreeMap<char, usize> = BTreeMap::new();
    for t in tokens.iter().filter(|t| t.script == script) {
        for u in t.text.chars() {
            if u.is_alphabetic() && !is_apostrophe(u) && script_of(u) == Some(script) {
                let mut buf = [0u8; 4];
                let s: &str = u.encode_utf8(&mut buf);
                let universe = match script {
                    Script::Cyrillic => CYRILLIC_UNITS,
                    Script::Latin => LATIN_UNITS,
                };
                if !universe.contains(&s) {
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
fn examples<'a>(items: impl Iterator<Item = &'a str>, n: usize) -> String {
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
        s.push_str(&format!(" and {more} more"));
    }
    s
}

// Tokenising.

struct Token {
    /// Lowercase, look-alike letters mapped to the word's script, apostrophes unified.
    text: String,
    script: Script,
    /// The word as written, for evidence.
    original: String,
    /// Whether letters of the other script had to be mapped ("ASTANА", "Pеспублика").
    lookalike: bool,
}

fn script_of(c: char) -> Option<Script> {
    match c {
        '\u{0400}'..='\u{052F}'
        | '\u{1C80}'..='\u{1C8F}'
        | '\u{2DE0}'..='\u{2DFF}'
        | '\u{A640}'..='\u{A69F}' => Some(Script::Cyrillic),
        'A'..='Z'
        | 'a'..='z'
        | '\u{00C0}'..='\u{024F}'
        | '\u{0250}'..='\u{02AF}'
        | '\u{1E00}'..='\u{1EFF}' => {
            if c == '×' || c == '÷' {
                None
            } else {
                Some(Script::Latin)
            }
        }
        _ => None,
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '`' | 'ʻ' | 'ʼ' | '´' | 'ʹ' | 'ʽ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}')
}

/// The script most letters of the text are in, which decides look-alike words that are half and
/// half.
fn script_hint(text: &str) -> Script {
    let (mut cyr, mut lat) = (0usize, 0usize);
    for c in text.chars() {
        match script_of(c) {
            Some(Script::Cyrillic) => cyr += 1,
            Some(Script::Latin) => lat += 1,
            None => {}
        }
    }
    if lat > cyr {
        Script::Latin
    } else {
        Script::Cyrillic
    }
}

/// Whether a whitespace-separated piece is a link, a domain or an address, whose letters say
/// nothing about the language.
fn is_link(w: &str) -> bool {
    let lower = w.to_lowercase();
    if lower.contains("://") || lower.starts_with("www.") || lower.contains('@') {
        return true;
    }
    let core = lower.trim_matches(|c: char| !c.is_alphanumeric());
    let Some((head, tld)) = core.rsplit_once('.') else {
        return false;
    };
    // "Tengrinews.kz-ке": a domain with a case ending of the sentence it is in.
    let tld = tld.split('-').next().unwrap_or(tld);
    !head.is_empty()
        && head.is_ascii()
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_alphabetic())
}

fn tokenize(text: &str, hint: Script) -> Vec<Token> {
    let mut out = Vec::new();
    for piece in text.split_whitespace() {
        if is_link(piece) {
            continue;
        }
        // A soft hyphen or zero-width space inside a word ("ынты\u{ad}мақтастық") does not split it.
        let chars: Vec<char> = piece
            .chars()
            .filter(|c| {
                !matches!(
                    c,
                    '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'
                )
            })
            .collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if !(c.is_alphabetic() || is_apostrophe(c) || is_hyphen(c) || is_mark(c)) {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphabetic()
                    || is_apostrophe(chars[i])
                    || is_hyphen(chars[i])
                    || is_mark(chars[i]))
            {
                i += 1;
            }
            // An initial ("Е.Көшербаев", "С.Мухриддин") is not the Russian word "с".
            let letters_in_run = chars[start..i].iter().filter(|c| c.is_alphabetic()).count();
            if letters_in_run == 1
                && chars.get(i) == Some(&'.')
                && chars[start..i].iter().any(|c| c.is_uppercase())
            {
                continue;
            }
            if let Some(t) = make_token(&chars[start..i], hint) {
                out.push(t);
            }
        }
    }
    out
}

fn make_token(raw: &[char], hint: Script) -> Option<Token> {
    let composed = compose(raw);
    // Trim apostrophes and hyphens at the edges, but keep a final ʻ after o or g (Uzbek "togʻ").
    let is_edge = |c: &char| is_apostrophe(*c) || is_hyphen(*c) || is_mark(*c);
    let mut start = 0;
    while start < composed.len() && is_edge(&composed[start]) {
        start += 1;
    }
    let mut end = composed.len();
    while end > start && is_edge(&composed[end - 1]) {
        let keeps_okina = is_apostrophe(composed[end - 1])
            && end - 1 > start
            && matches!(composed[end - 2], 'o' | 'g' | 'O' | 'G')
            && end - 1 == composed.len() - 1;
        if keeps_okina {
            break;
        }
        end -= 1;
    }
    let word = &composed[start..end];
    let (mut cyr, mut lat) = (0usize, 0usize);
    for c in word {
        match script_of(*c) {
            Some(Script::Cyrillic) => cyr += 1,
            Some(Script::Latin) if !is_apostrophe(*c) => lat += 1,
            _ => {}
        }
    }
    if cyr == 0 && lat == 0 {
        return None;
    }
    // A short word of nothing but look-alikes in Cyrillic text is a Cyrillic word typed on the
    // wrong layout: Russian "а", "с", "о", "у" as Latin a, c, o, y.
    let all_lookalike = word
        .iter()
        .all(|&c| is_apostrophe(c) || latin_to_cyrillic(c) != c);
    let retyped = hint == Script::Cyrillic && cyr == 0 && lat <= 3 && all_lookalike;
    let script = match cyr.cmp(&lat) {
        _ if retyped => Script::Cyrillic,
        std::cmp::Ordering::Greater => Script::Cyrillic,
        std::cmp::Ordering::Less => Script::Latin,
        std::cmp::Ordering::Equal => hint,
    };
    let mixed = (cyr > 0 && lat > 0) || retyped;
    let mapped: String = word
        .iter()
        .map(|&c| match (script, script_of(c)) {
            (Script::Cyrillic, Some(Script::Latin)) => latin_to_cyrillic(c),
            (Script::Latin, Some(Script::Cyrillic)) => cyrillic_to_latin(c),
            _ => c,
        })
        .collect();
    // Only a letter actually mapped makes a look-alike; "kz-ке" has Latin letters with no Cyrillic twin.
    let lookalike = mixed && mapped.chars().ne(word.iter().copied());
    let lower: String = mapped.chars().flat_map(char::to_lowercase).collect();
    let text = match script {
        Script::Latin => unify_apostrophes(&lower),
        // Cyrillic orthographies here write no apostrophes; a stray one is a typo or a quote.
        Script::Cyrillic => lower.chars().filter(|c| !is_apostrophe(*c)).collect(),
    };
    Some(Token {
        text,
        script,
        original: word.iter().collect(),
        lookalike,
    })
}

/// Uzbek Latin writes oʻ and gʻ with U+02BB, but texts use ' ‘ ’ ` as well; elsewhere the sign is
/// the tutuq belgisi ʼ (U+02BC), as in taʼkidladi.
fn unify_apostrophes(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut prev = None;
    for c in word.chars() {
        if is_apostrophe(c) {
            out.push(if matches!(prev, Some('o' | 'g')) {
                'ʻ'
            } else {
                'ʼ'
            });
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// Composes the decomposed letters these orthographies use (и + ◌̄ = ӣ, у + ◌̆ = ў …) and drops
/// other combining marks such as stress accents.
fn compose(raw: &[char]) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(raw.len());
    for &c in raw {
        if !is_mark(c) {
            out.push(c);
            continue;
        }
        let Some(&base) = out.last() else {
            continue;
        };
        let composed = match (base, c) {
            ('и', '\u{0304}') => Some('ӣ'),
            ('И', '\u{0304}') => Some('Ӣ'),
            ('у', '\u{0304}') => Some('ӯ'),
            ('У', '\u{0304}') => Some('Ӯ'),
            ('у', '\u{0306}') => Some('ў'),
            ('У', '\u{0306}') => Some('Ў'),
            ('и', '\u{0306}') => Some('й'),
            ('И', '\u{0306}') => Some('Й'),
            ('е', '\u{0308}') => Some('ё'),
            ('Е', '\u{0308}') => Some('Ё'),
            _ => None,
        };
        if let Some(composed) = composed {
            out.pop();
            out.push(composed);
        }
    }
    out
}

/// A Cyrillic look-alike for a Latin letter, or the letter itself.
fn latin_to_cyrillic(c: char) -> char {
    super::matching::latin_to_cyrillic(c).unwrap_or(c)
}

fn cyrillic_to_latin(c: char) -> char {
    match c {
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'У' => 'Y',
        'І' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'һ' => 'h',
        'Һ' => 'H',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEEDS: [(&str, &str, &str); 5] = [
        (
            "000",
            "tg",
            include_str!("../../tests/fixtures/raw/000_c2971f3114f27f7e.txt"),
        ),
        (
            "001",
            "tg",
            include_str!("../../tests/fixtures/raw/001_14a85814d9623422.txt"),
        ),
        (
            "002",
            "uz",
            include_str!("../../tests/fixtures/raw/002_4ac4f6e0ac4e3caa.txt"),
        ),
        (
            "003",
            "kk",
            include_str!("../../tests/fixtures/raw/003_66e8fa6394fbc704.txt"),
        ),
        (
            "004",
            "kk",
            include_str!("../../tests/fixtures/raw/004_fdb75db5e4a0ae0c.txt"),
        ),
    ];

    #[test]
    fn the_five_seeds() {
        for (name, lang, text) in SEEDS {
            let d = detect(text);
            println!(
                "{name}: {:?} {:.3} {:?}\n  {:#?}",
                d.lang, d.confidence, d.scores, d.evidence
            );
            assert_eq!(d.lang, Some(lang), "{name}: {d:#?}");
            assert_eq!(d.script, Script::Cyrillic, "{name}");
            assert!(d.confidence >= 0.8, "{name}: {d:#?}");
        }
    }

    /// What a hard case must come out as.
    #[derive(Debug, Clone, Copy)]
    enum Expect {
        /// This language, at least this confident.
        Lang(&'static str, f32),
        /// Not one of the archive's languages, or not confident enough to say.
        Unknown,
        /// Two languages in one text: well below the confidence of either alone, and said so.
        Mixed,
    }

    // Texts written for these tests, in the register of agency news.

    /// Kazakh with about a third of the usual density of Kazakh letters.
    const KK_FEW_SPECIAL: &str = "Министр Душанбеге сапармен барды. Сапар барысында тараптар энергетика, транспорт және су ресурстары салаларындағы жобаларды талқылады. Министр жаңа жобалар екі елге де пайдалы болады деп мәлімдеді. Сонымен бірге делегация Душанбедегі жаңа зауыттың жұмысымен танысты. Министрлер келесі жылы Астанада кездесуге келісті. Бұл туралы министрлік баспасөз қызметі хабарлады.";

    /// Kazakh typed without a Kazakh layout: Latin i for і, Russian letters for the rest.
    const KK_RUSSIAN_LAYOUT: &str = "Казакстан Республикасынын Сыртки iстер министрi Тажiкстан Республикасынын Сыртки iстер министрiмен кездестi. Тараптар екi ел арасындагы саяси, экономикалык жане мадени-гуманитарлык ынтымактастыктын негiзгi багыттарын талкылады. Кездесу барысында министрлер су-энергетика жане колiк салаларындагы бiрлескен жобаларды iске асыру масселесiне ерекше назар аударды. Бул туралы министрлiктiн баспасоз кызметi хабарлады.";

    /// Kazakh quoting a Tajik name and title with ӣ and ҷ.
    const KK_QUOTING_TG: &str = "Қазақстан Парламенті Сенатының төрағасы Маулен Әшімбаев Тәжікстан Парламенті Маҷлиси миллӣ төрағасы Рустами Эмомалӣмен кездесті. Кездесу барысында тараптар парламентаралық ынтымақтастықты дамыту мәселелерін талқылады. Рустами Эмомалӣ екі ел арасындағы достық қарым-қатынастың тарихи тамыры терең екенін атап өтті. Сенат төрағасы Қазақстан Тәжікстанмен сауда-экономикалық байланыстарды кеңейтуге мүдделі екенін айтты. Сонымен қатар тараптар су-энергетика саласындағы бірлескен жобаларды іске асыру жөнінде пікір алмасты.";

    /// Tajik quoting a Kazakh name, a Kazakh newspaper and a Kazakh sentence.
    const TG_QUOTING_KK: &str = "Президенти Ҷумҳурии Тоҷикистон Эмомалӣ Раҳмон бо Президенти Ҷумҳурии Қазоқистон Қасым-Жомарт Тоқаев тавассути телефон суҳбат намуд. Тарафҳо ҷараёни амалисозии созишномаҳоеро, ки дар сафари давлатӣ ба Душанбе ба имзо расида буданд, баррасӣ карданд. Ба гуфтаи Қасым-Жомарт Тоқаев, «Тәжікстан – біздің сенімді серіктесіміз». Рӯзномаи «Егемен Қазақстан» менависад, ки гардиши мол миёни ду кишвар дар соли гузашта аз як миллиард доллар зиёд шудааст. Ҳамчунин масъалаҳои омодагӣ ба ҷаласаи навбатии Шӯрои олии байнидавлатӣ муҳокима гардиданд.";

    /// Tajik, to be told from Uzbek Cyrillic (both have қ ғ ҳ).
    const TG_CYR: &str = "Дар шаҳри Душанбе ҷаласаи навбатии Комиссияи байниҳукуматии ҳамкории иқтисодии Тоҷикистону Ӯзбекистон баргузор гардид. Ҷонибҳо рушди савдо, нақлиёт ва энергетикаро баррасӣ намуда, қайд карданд, ки ҳаҷми гардиши мол дар нимсолаи аввал зиёда аз 20 фоиз афзоиш ёфтааст. Ҳамчунин масъалаҳои истифодаи оқилонаи захираҳои об ва ҳифзи муҳити зист мавриди муҳокима қарор гирифтанд. Дар анҷоми ҷаласа як қатор ҳуҷҷатҳо ба имзо расиданд, ки ба таҳкими ҳамкориҳои дуҷониба мусоидат хоҳанд кард.";

    /// Tajik typed without Tajik letters (и for ӣ, у for ӯ, ч for ҷ, х for ҳ, к for қ, г for ғ).
    const TG_NO_SPECIAL: &str = "Дар шахри Душанбе чаласаи навбатии Комиссияи байнихукуматии хамкории иктисодии Точикистону Узбекистон баргузор гардид. Чонибхо рушди савдо, наклиёт ва энергетикаро барраси намуда, кайд карданд, ки хачми гардиши мол дар нимсолаи аввал зиёда аз 20 фоиз афзоиш ёфтааст. Хамчунин масъалахои истифодаи окилонаи захирахои об ва хифзи мухити зист мавриди мухокима карор гирифтанд. Дар анчоми чаласа як катор хуччатхо ба имзо расиданд, ки ба тахкими хамкорихои дучониба мусоидат хоханд кард.";

    /// Uzbek Cyrillic, to be told from Tajik.
    const UZ_CYR: &str = "Ўзбекистон Республикаси Президенти Шавкат Мирзиёев Тожикистон Президенти Эмомали Раҳмон билан телефон орқали мулоқот қилди. Суҳбат давомида икки мамлакат ўртасидаги стратегик шериклик ва иттифоқчилик муносабатларини янада мустаҳкамлаш масалалари муҳокама қилинди. Томонлар савдо-иқтисодий, транспорт-логистика ва энергетика соҳаларидаги қўшма лойиҳаларни амалга ошириш бўйича келишувлар ижросини кўриб чиқди. Давлат раҳбарлари яқин кунларда бўлиб ўтадиган олий даражадаги учрашувга тайёргарлик масалаларига ҳам алоҳида эътибор қаратди. Бу ҳақда Президент матбуот хизмати хабар берди.";

    /// Uzbek Latin with ' instead of ʻ.
    const UZ_LAT_APOSTROPHE: &str = "O'zbekiston Respublikasi Tashqi ishlar vaziri Baxtiyor Saidov Tojikiston Tashqi ishlar vaziri Sirojiddin Muhriddin bilan uchrashdi. Muloqot chog'ida ikki davlat o'rtasidagi strategik sheriklik va ittifoqchilik munosabatlarini yanada rivojlantirish masalalari muhokama qilindi. Tomonlar savdo-iqtisodiy, transport-logistika va gidroenergetika sohalaridagi qo'shma loyihalarni amalga oshirish bo'yicha kelishuvlar ijrosini ko'rib chiqdi. Shuningdek, yaqin kunlarda bo'lib o'tadigan oliy darajadagi uchrashuvga tayyorgarlik masalalariga ham alohida e'tibor qaratildi. Bu haqda vazirlik matbuot xizmati xabar berdi.";

    /// Uzbek Latin with ʻ, ‘ and ’ mixed, as pasted from different sources.
    const UZ_LAT_MIXED_SIGNS: &str = "Oʻzbekiston va Qozogʻiston oʻrtasidagi tovar ayirboshlash hajmi joriy yilning birinchi yarmida 2 milliard dollardan oshdi. Bu haqda Statistika agentligi ma’lumot berdi. Agentlik ma’lumotlariga ko‘ra, eksport tarkibida qishloq xo‘jaligi mahsulotlari va to‘qimachilik tovarlari asosiy o‘rinni egallaydi. Shuningdek, ikki mamlakat chegarasida yangi savdo markazi qurilishi rejalashtirilgan.";

    const RU_NEWS: &str = "Президент Казахстана Касым-Жомарт Токаев и президент Таджикистана Эмомали Рахмон провели телефонный разговор. Главы государств обсудили ход реализации договорённостей, достигнутых в ходе государственного визита в Душанбе, а также подготовку к очередному заседанию Высшего межгосударственного совета. Особое внимание было уделено вопросам торгово-экономического сотрудничества, водно-энергетической сферы и транспортной логистики. По словам сторон, товарооборот между странами по итогам прошлого года превысил 1,2 миллиарда долларов. Об этом сообщает пресс-служба Акорды.";

    /// Russian that writes Kazakh names with Kazakh letters, as some Kazakhstani outlets do.
    const RU_WITH_KK_NAMES: &str = "Председатель Мәжіліса Ерлан Қошанов встретился с председателем Маджлиси милли Маджлиси Оли Таджикистана Рустами Эмомали. Стороны обсудили развитие межпарламентского сотрудничества и обмен опытом в сфере законотворчества. Қошанов отметил, что отношения двух стран достигли уровня союзничества. По его словам, парламенты должны создать прочную правовую базу для реализации договорённостей, достигнутых главами государств.";

    const KY_NEWS: &str = "Кыргыз Республикасынын Президенти Садыр Жапаров Казакстандын Президенти Касым-Жомарт Токаев менен телефон аркылуу сүйлөштү. Маектешүүдө эки өлкөнүн ортосундагы стратегиялык өнөктөштүк жана союздаштык мамилелерди андан ары чыңдоо маселелери талкууланды. Тараптар соода-экономикалык, транспорттук-логистикалык жана энергетикалык тармактардагы биргелешкен долбоорлорду ишке ашыруу боюнча макулдашуулардын аткарылышын карап чыгышты. Мамлекет башчылары жакынкы күндөрү боло турган жогорку деңгээлдеги жолугушууга даярдык көрүү маселелерине да өзгөчө көңүл бурушту. Бул тууралуу Президенттин басма сөз кызматы билдирди.";

    /// Tatar shares ә ө ү ң һ with Kazakh.
    const TT_NEWS: &str = "Татарстан Республикасы Президенты Рөстәм Миңнеханов Казакъстан делегациясе белән очрашты. Очрашуда якларның сәүдә-икътисадый хезмәттәшлеген үстерү мәсьәләләре каралды. Президент сүзләренчә, ике ил арасындагы товар әйләнеше соңгы елларда шактый артты. Шулай ук мәдәният һәм мәгариф өлкәсендә уртак проектлар турында да сөйләштеләр.";

    /// Ukrainian shares most function words with Russian and і with Kazakh.
    const UK_NEWS: &str = "Президент України провів телефонну розмову з президентом Казахстану. Сторони обговорили розвиток торговельно-економічного співробітництва та питання енергетичної безпеки. За словами глави держави, товарообіг між країнами минулого року зріс на п'ятнадцять відсотків. Також президенти домовилися про підготовку нової міжурядової угоди.";

    /// Bulgarian shares most function words with Russian.
    const BG_NEWS: &str = "Президентът на България проведе телефонен разговор с президента на Казахстан. Двамата обсъдиха развитието на търговско-икономическото сътрудничество и въпросите на енергийната сигурност. По думите на държавния глава, стокообменът между двете страни е нараснал с петнадесет процента през миналата година. Президентите се договориха да подготвят ново междуправителствено споразумение.";

    /// Belarusian has ў like Uzbek and і like Kazakh, and is no candidate.
    const BE_NEWS: &str = "Прэзідэнт Беларусі правёў тэлефонную размову з прэзідэнтам Казахстана. Бакі абмеркавалі развіццё гандлёва-эканамічнага супрацоўніцтва і пытанні энергетычнай бяспекі. Па словах кіраўніка дзяржавы, тавараабарот паміж краінамі ў мінулым годзе вырас на пятнаццаць працэнтаў. Таксама прэзідэнты дамовіліся пра падрыхтоўку новага міжурадавага пагаднення.";

    const EN_NEWS: &str = "President of Kazakhstan Kassym-Jomart Tokayev held a phone conversation with President of Tajikistan Emomali Rahmon. The leaders discussed the implementation of agreements reached during the state visit to Dushanbe and preparations for the next meeting of the Supreme Interstate Council. Particular attention was paid to trade and economic cooperation, water and energy issues, and transport logistics. According to the press service, trade between the two countries exceeded 1.2 billion dollars last year.";

    const TR_NEWS: &str = "Kazakistan Cumhurbaşkanı Kasım Cömert Tokayev, Tacikistan Cumhurbaşkanı İmamali Rahman ile telefonda görüştü. Görüşmede iki ülke arasındaki stratejik ortaklığın geliştirilmesi, ticari ve ekonomik işbirliği ile enerji ve ulaştırma alanlarındaki ortak projeler ele alındı. Liderler, yakın zamanda gerçekleştirilecek zirve toplantısına yönelik hazırlıkları da değerlendirdi.";

    const LOREM: &str = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur.";

    const LATIN_GARBAGE: &str = "xqzv bnrtk plmqwz vvxq hjkrt zzqpl mnbvc xwqrt lkjhg fdsaq wertz uiopq asdfg hjklz xcvbn qwert yuiop zxcvq mnbqw rtzup qoxzv jkwrt bvcxz";

    const CYRILLIC_GARBAGE: &str = "жщзфх цкнгш щзхъ фывап ролдж эячсм итьбю йцукен гшщзхъ ждлорп авыфя чсмит ьбюжэ хъзщш гнекуц йфяч ывсам ипрто лдж щзхъ фыва";

    /// Kazakh with Latin look-alikes: Latin i for і throughout, "Pеспубликасы" with a Latin P, and
    /// a dateline "ASTANА" with a Cyrillic А.
    const KK_LOOKALIKES: &str = "ASTANА. Kazinform – Қазақстан Pеспубликасы Сыртқы iстер министрi Ермек Көшербаев Тәжiкстан Pеспубликасы Сыртқы iстер министрi Сироджиддин Мухриддинмен кездестi. Тараптар екi ел арасындағы ынтымақтастықтың барлық бағыттарын талқылады. Кездесу барысында министрлер су-энергетика, көлiк және логистика салаларындағы бiрлескен жобаларды iске асыру мәселелерiне ерекше назар аударды.";

    /// Russian with Latin a, o, e, p, c, x inside Cyrillic words.
    const RU_LOOKALIKES: &str = "Пpезидент Кaзaхстaнa и пpезидент Тaджикистaнa обсудили paзвитие сотpудничествa в сфеpе энеpгетики. Pеспублика Кaзaхстaн готовa увеличить поставки зеpнa, a Pеспублика Тaджикистaн – экспоpт электpоэнеpгии. Стоpоны тaкже договоpились о создaнии совместной paбочей гpуппы по вопpосaм тpaнспоpтa и логистики.";

    const KK_ONE_LINE: &str = "Қазақстан мен Тәжікстан саяси диалогты нығайтады";
    const RU_ONE_LINE: &str = "Токаев и Рахмон обсудили сотрудничество";

    fn mixed_kk_ru() -> String {
        format!("{KK_QUOTING_TG}\n\n{RU_NEWS}")
    }

    /// A Kazakh article as copied from a page whose chrome is in Russian.
    fn kk_with_russian_furniture() -> String {
        format!(
            "Главная / Новости / Политика\nПоделиться\nFacebook Twitter Telegram WhatsApp\nПросмотров: 1 234\nКомментарии (0)\n\n{KK_FEW_SPECIAL}\n\nЧитайте также:\nТокаев и Рахмон обсудили водные вопросы\nВ Душанбе прошёл бизнес-форум\n\nПодписывайтесь на наш Telegram-канал, чтобы первыми узнавать главные новости.\nМы используем файлы cookie, чтобы сайт работал лучше. Продолжая пользоваться сайтом, вы соглашаетесь с этим.\nПринять\n© 2025 Все права защищены. При использовании материалов ссылка на сайт обязательна.\nerror:"
        )
    }

    fn hard_cases() -> Vec<(&'static str, String, Expect)> {
        use Expect::*;
        vec![
            (
                "kk: few Kazakh letters",
                KK_FEW_SPECIAL.into(),
                Lang("kk", 0.8),
            ),
            (
                "kk: typed on a Russian layout",
                KK_RUSSIAN_LAYOUT.into(),
                Lang("kk", 0.5),
            ),
            (
                "kk: quotes a Tajik name (ӣ ҷ)",
                KK_QUOTING_TG.into(),
                Lang("kk", 0.8),
            ),
            (
                "kk: Latin look-alikes",
                KK_LOOKALIKES.into(),
                Lang("kk", 0.8),
            ),
            (
                "kk: Russian page furniture",
                kk_with_russian_furniture(),
                Lang("kk", 0.8),
            ),
            (
                "tg: quotes Kazakh names and a sentence",
                TG_QUOTING_KK.into(),
                Lang("tg", 0.8),
            ),
            (
                "tg: vs Uzbek (қ ғ ҳ shared)",
                TG_CYR.into(),
                Lang("tg", 0.8),
            ),
            (
                "tg: typed without Tajik letters",
                TG_NO_SPECIAL.into(),
                Lang("tg", 0.5),
            ),
            ("uz: Cyrillic vs Tajik", UZ_CYR.into(), Lang("uz", 0.8)),
            (
                "uz: Latin with ' for ʻ",
                UZ_LAT_APOSTROPHE.into(),
                Lang("uz", 0.8),
            ),
            (
                "uz: Latin with ʻ ‘ ’ mixed",
                UZ_LAT_MIXED_SIGNS.into(),
                Lang("uz", 0.8),
            ),
            ("ru: news", RU_NEWS.into(), Lang("ru", 0.8)),
            (
                "ru: Kazakh names in Kazakh letters",
                RU_WITH_KK_NAMES.into(),
                Lang("ru", 0.8),
            ),
            (
                "ru: Latin look-alikes",
                RU_LOOKALIKES.into(),
                Lang("ru", 0.8),
            ),
            ("ky: Kyrgyz news", KY_NEWS.into(), Unknown),
            ("tt: Tatar news", TT_NEWS.into(), Unknown),
            ("uk: Ukrainian news", UK_NEWS.into(), Unknown),
            ("bg: Bulgarian news", BG_NEWS.into(), Unknown),
            ("be: Belarusian news", BE_NEWS.into(), Unknown),
            ("en: English news", EN_NEWS.into(), Unknown),
            ("tr: Turkish news", TR_NEWS.into(), Unknown),
            ("Latin: lorem ipsum", LOREM.into(), Unknown),
            ("Latin: consonant garbage", LATIN_GARBAGE.into(), Unknown),
            ("Cyrillic: letter garbage", CYRILLIC_GARBAGE.into(), Unknown),
            ("kk + ru: half and half", mixed_kk_ru(), Mixed),
            ("kk: one line", KK_ONE_LINE.into(), Unknown),
            ("ru: one line", RU_ONE_LINE.into(), Unknown),
            ("empty", String::new(), Unknown),
            (
                "digits and punctuation",
                "12 345 — 2025, 14:32 (24) …".into(),
                Unknown,
            ),
        ]
    }

    #[test]
    fn hard_cases_table() {
        let mut failures = Vec::new();
        println!("| case | expected | lang | confidence | scores |");
        println!("|---|---|---|---|---|");
        for (name, text, expect) in hard_cases() {
            let d = detect(&text);
            let ok = match expect {
                Expect::Lang(code, min) => d.lang == Some(code) && d.confidence >= min,
                Expect::Unknown => d.lang.is_none() && d.confidence < MIN_CONFIDENCE,
                Expect::Mixed => {
                    d.confidence < 0.7 && d.evidence.iter().any(|e| e.starts_with("mixed"))
                }
            };
            let expected = match expect {
                Expect::Lang(code, min) => format!("{code} ≥ {min}"),
                Expect::Unknown => "unknown".to_string(),
                Expect::Mixed => "< 0.7, \"mixed\"".to_string(),
            };
            let scores = d
                .scores
                .iter()
                .take(3)
                .map(|(c, s)| format!("{c} {s:.2}"))
                .collect::<Vec<_>>()
                .join(", ");
            println!(
                "| {name} | {expected} | {} | {:.2} | {scores} |{}",
                d.lang.unwrap_or("—"),
                d.confidence,
                if ok { "" } else { " FAIL" }
            );
            if !ok {
                failures.push(format!("{name}: {d:#?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn evidence_names_letters_words_and_quoted_names() {
        let d = detect(SEEDS[3].2);
        assert!(d.evidence[0].starts_with("letters і×"), "{:?}", d.evidence);
        assert!(
            d.evidence[1].starts_with("words: және×"),
            "{:?}",
            d.evidence
        );
        assert!(
            d.evidence
                .contains(&"no ӣ ӯ ҷ (Tajik) or ў (Uzbek)".to_string()),
            "{:?}",
            d.evidence
        );

        // The Tajik letters in a Kazakh text are traced to the words that carry them.
        let d = detect(KK_QUOTING_TG);
        assert!(
            d.evidence
                .iter()
                .any(|e| e.contains("(Tajik) in") && e.contains("«Эмомалӣмен»")),
            "{:?}",
            d.evidence
        );
        let d = detect(KY_NEWS);
        assert!(
            d.evidence[0].starts_with("reads as Kyrgyz (ky"),
            "{:?}",
            d.evidence
        );
        assert!(
            d.evidence
                .iter()
                .any(|e| e == "no ә і ұ (Kazakh) or ӣ ӯ ҷ (Tajik) or ў (Uzbek)"),
            "{:?}",
            d.evidence
        );

        let d = detect(KK_LOOKALIKES);
        assert!(
            d.evidence
                .iter()
                .any(|e| e.contains("look-alike") && e.contains("«Pеспубликасы»")),
            "{:?}",
            d.evidence
        );

        let d = detect(KK_ONE_LINE);
        assert!(d.evidence[0].starts_with("short text"), "{:?}", d.evidence);
    }

    #[test]
    fn furniture_does_not_sway_the_detection() {
        // The page chrome alone, read without stripping, is Russian…
        let chrome = kk_with_russian_furniture().replace(KK_FEW_SPECIAL, "");
        let sample = Sample::of(&tokenize(&chrome, Script::Cyrillic), Script::Cyrillic);
        let best = posterior(&candidates(Script::Cyrillic), &sample)[0].0;
        assert_eq!(PROFILES[best].code, "ru");
        // …but around a Kazakh article it changes nothing.
        let with = detect(&kk_with_russian_furniture());
        let without = detect(KK_FEW_SPECIAL);
        assert_eq!(with.lang, Some("kk"));
        assert_eq!(with.confidence, without.confidence);
        assert_eq!(with.scores, without.scores);
        assert!(
            with.evidence
                .iter()
                .any(|e| e.starts_with("ignored 13 furniture")),
            "{:?}",
            with.evidence
        );
        assert!(
            !with.evidence.iter().any(|e| e.starts_with("mixed")),
            "{:?}",
            with.evidence
        );
    }

    #[test]
    fn decomposed_and_composed_letters_read_the_same() {
        // ӣ and ӯ typed as и, у plus a combining macron, ў as у plus a breve.
        let decomposed = TG_CYR.replace('ӣ', "и\u{304}").replace('ӯ', "у\u{304}");
        assert_eq!(detect(&decomposed).scores, detect(TG_CYR).scores);
        let decomposed = UZ_CYR.replace('ў', "у\u{306}");
        assert_eq!(detect(&decomposed).scores, detect(UZ_CYR).scores);
    }

    #[test]
    fn initials_are_not_russian_prepositions() {
        let tokens = tokenize("С.Мухриддин и Е.Көшербаев", Script::Cyrillic);
        let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(words, ["мухриддин", "и", "көшербаев"]);
    }

    #[test]
    fn invisible_characters_do_not_split_words() {
        let tokens = tokenize("ынты\u{ad}мақтастық және\u{200b}", Script::Cyrillic);
        let words: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(words, ["ынтымақтастық", "және"]);
    }

    #[test]
    fn uzbek_apostrophes_are_unified() {
        for written in ["o'zaro", "o‘zaro", "o’zaro", "o`zaro", "oʻzaro", "Oʻzaro"] {
            let tokens = tokenize(written, Script::Latin);
            assert_eq!(tokens[0].text, "oʻzaro", "{written}");
        }
        let tokens = tokenize("ta'kidladi tog'", Script::Latin);
        assert_eq!(tokens[0].text, "taʼkidladi");
        assert_eq!(tokens[1].text, "togʻ");
    }

    /// A small deterministic generator, so the property test needs no dependency and fails the
    use crate::import::testing::Rng;

    fn check_invariants(text: &str) {
        let d = detect(text);
        assert!((0.0..=1.0).contains(&d.confidence), "{text:?}: {d:?}");
        assert_eq!(
            d.lang.is_some(),
            d.confidence >= MIN_CONFIDENCE,
            "{text:?}: {d:?}"
        );
        if let Some(lang) = d.lang {
            assert!(["kk", "tg", "uz", "ru"].contains(&lang), "{text:?}: {d:?}");
            assert_eq!(d.scores[0].0, lang);
        }
        assert!(!d.scores.is_empty() && !d.evidence.is_empty());
        assert!(d.scores.windows(2).all(|w| w[0].1 >= w[1].1), "{d:?}");
        let sum: f32 = d.scores.iter().map(|s| s.1).sum();
        assert!((sum - 1.0).abs() < 0.01, "{sum}: {d:?}");
    }

    #[test]
    fn arbitrary_text_never_panics() {
        const PIECES: &[&str] = &[
            "ә",
            "і",
            "ӣ",
            "ҷ",
            "ў",
            "oʻ",
            "g'",
            "'",
            "’",
            "ʻ",
            "-",
            "\u{304}",
            "\u{306}",
            "\u{301}",
            "и",
            "у",
            "A",
            "Р",
            "p",
            "a",
            "ASTANА",
            "Pеспублика",
            "және",
            "ва",
            "дар",
            "билан",
            "и",
            "va",
            "the",
            "С.",
            "www.kz",
            "https://a.b/c",
            "@",
            ".",
            "!",
            " ",
            "\n",
            "\n\n",
            "\t",
            "error:",
            "Поделиться",
            "©",
            "😀",
            "İ",
            "ß",
            "ǅ",
            "\u{0}",
            "\u{FEFF}",
            "12:30",
        ];
        let mut rng = Rng(0x0123_4567_89AB_CDEF);
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..rng.below(60) {
                if rng.below(4) == 0 {
                    if let Some(c) = char::from_u32(rng.next() as u32 % 0x11_0000) {
                        text.push(c);
                    }
                } else {
                    text.push_str(PIECES[rng.below(PIECES.len())]);
                }
            }
            check_invariants(&text);
        }
        for _ in 0..1000 {
            let bytes: Vec<u8> = (0..rng.below(300)).map(|_| rng.next() as u8).collect();
            check_invariants(&String::from_utf8_lossy(&bytes));
        }
        for (_, text, _) in hard_cases() {
            check_invariants(&text);
        }
    }
}
