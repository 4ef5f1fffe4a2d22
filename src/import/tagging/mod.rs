//! Countries and topics of a text, from the stems `content/taxonomy.toml` lists per language.
//!
//! A stem matches a word that starts with it (Kazakh, Tajik and Uzbek are suffixing
//! languages, so `сауда` finds `сауданы`), after both are folded
//! ([`fold`](crate::lexicon::matching::fold): case, Latin / Cyrillic look-alikes, Uzbek
//! apostrophes). A stem of several words (`ауыл шаруашылығ`,
//! `су-энергетика`) matches as many consecutive words, each by its start. Hyphenated words are
//! also matched part by part, so `қазақ-тәжік` names Tajikistan and `сауда-экономика` trade.
//!
//! Deciding which matches make a tag (why each rule):
//! - A *mention* is a run of matches of one term at most one word apart: `молиявию бонкӣ`
//!   ("financial-banking") and `Нақлиёт ва логистика` name their topic once, not twice.
//! - A mention weighs 1 in the body and 2 in the title, in the lead (the first real paragraph:
//!   the writer puts the subject there) and in the heading of a list item (`• Саноат ва
//!   энергетика — лоиҳаҳои …`: agency texts list the areas of an agreement that way).
//! - Stems of the text's own language weigh fully; other languages' stems weigh half, because
//!   texts quote names in other spellings (`Маджлиси Оли` in Kazakh), and only stems of five
//!   letters or more count across languages: short ones are ordinary words elsewhere (Tajik
//!   `арал` starts Kazakh `аралық`, "between"; Tajik `чин` is Uzbek "true").
//! - A term is tagged when its score reaches the threshold: 1 in a short text (under 120
//!   words: a country named once in a brief is its subject), else 2, and one more per 300
//!   words beyond 600, so a term mentioned once in passing in a long text is not tagged.
//!
//! Tags come back in taxonomy order, which is the site's display order.

mod places;
mod tokens;

#[cfg(test)]
pub(crate) mod tests;

use crate::load::taxonomy::Term;
use places::Place;
use std::collections::BTreeMap;
use tokens::Tokens;

/// A country or topic the text is about.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Tag {
    /// The term's id in `content/taxonomy.toml` (`kazakhstan`, `trade`), as the front matter
    /// lists it.
    pub id: String,
    /// The words of the text that matched, as written, deduplicated, most frequent first.
    pub triggers: Vec<String>,
    /// Mentions of the term (matches at most one word apart count once).
    pub hits: usize,
}

/// A term the text mentions, tagged or not, with the numbers behind the decision: the
/// importer's report can show what fell just short.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Candidate {
    /// The term, with the words that matched.
    pub tag: Tag,
    /// The mentions weighed: 2 in the title, the lead or a list item's heading, else 1, halved
    /// for another language's stem.
    pub score: f32,
    /// The score a tag needs in a text this long: 1 under 120 words, else 2 and one more per
    /// 300 words beyond 600.
    pub threshold: f32,
}

impl Candidate {
    /// Whether the text is about the term: its score reaches the threshold.
    pub fn tagged(&self) -> bool {
        self.score >= self.threshold
    }
}

/// Tags from `terms` whose stems for `lang` (and, with half weight, other languages' stems)
/// occur in `text`. `lang` is "kk", "tg", "uz", "ru" or None (all languages weigh fully).
/// The text's first real paragraph counts as its lead; see the module comment for the rules.
pub fn tag(text: &str, lang: Option<&str>, terms: &[Term]) -> Vec<Tag> {
    tag_weighted("", text, lang, terms)
}

/// [`tag`] for a text whose title is known: title and lead mentions weigh double.
pub fn tag_weighted(title: &str, body: &str, lang: Option<&str>, terms: &[Term]) -> Vec<Tag> {
    candidates(title, body, lang, terms)
        .into_iter()
        .filter(Candidate::tagged)
        .map(|c| c.tag)
        .collect()
}

/// Every term the text mentions at all, in taxonomy order, with its score and threshold.
pub fn candidates(title: &str, body: &str, lang: Option<&str>, terms: &[Term]) -> Vec<Candidate> {
    scored(title, body, lang, terms, false)
}

/// [`candidates`] for topics: a sentence that names two topics or more is a list of the
/// areas discussed (`обсудили вопросы торговли, образования и безопасности`), and each it names
/// weighs there as in the lead, so that every area a report lists is tagged.
pub fn topic_candidates(
    title: &str,
    body: &str,
    lang: Option<&str>,
    terms: &[Term],
) -> Vec<Candidate> {
    scored(title, body, lang, terms, true)
}

fn scored(
    title: &str,
    body: &str,
    lang: Option<&str>,
    terms: &[Term],
    lists: bool,
) -> Vec<Candidate> {
    let text = Tokens::new(title, body);
    let threshold = threshold(text.word_count);
    // A language no term has stems for (en, or a typo) is as good as unknown.
    let lang = lang.filter(|l| terms.iter().any(|t| t.words.contains_key(*l)));
    let mut matches: Vec<Vec<(usize, usize, f32)>> =
        terms.iter().map(|term| text.matches(term, lang)).collect();
    if lists {
        let sentence = text.sentences();
        let mut terms_in: BTreeMap<usize, usize> = BTreeMap::new();
        for found in &matches {
            let mut seen: Vec<usize> = found.iter().map(|m| sentence[m.0]).collect();
            seen.dedup();
            for s in seen {
                *terms_in.entry(s).or_default() += 1;
            }
        }
        for found in &mut matches {
            for m in found.iter_mut() {
                if terms_in.get(&sentence[m.0]).is_some_and(|&n| n >= 2) {
                    m.2 *= Place::Lead.weight();
                }
            }
        }
    }
    terms
        .iter()
        .zip(&matches)
        .filter_map(|(term, found)| score(&text, term, found, threshold))
        .collect()
}

/// 1 under 120 words, 2 up to 600 words, then one more per 300 words.
fn threshold(words: usize) -> f32 {
    if words < 120 {
        1.0
    } else {
        2.0 + (words.saturating_sub(600) / 300) as f32
    }
}

/// Mentions of one term from its matches, and the candidate they make.
fn score(
    text: &Tokens,
    term: &Term,
    matches: &[(usize, usize, f32)],
    threshold: f32,
) -> Option<Candidate> {
    if matches.is_empty() {
        return None;
    }
    let mut score = 0.0;
    let mut hits = 0;
    // Current mention: last word, best weight so far.
    let mut mention: Option<(usize, f32)> = None;
    let mut triggers: Vec<(String, usize, usize)> = Vec::new(); // text, count, first seen
    for &(first, last, lang_weight) in matches {
        let place = text.words[first].2;
        // A mention in a list of areas already weighs as in the lead (see `topic_candidates`).
        let weight = (lang_weight * place.weight()).min(2.0);
        match mention {
            Some((end, best)) if first <= end + 2 && text.same_phrase(end, first) => {
                mention = Some((end.max(last), best.max(weight)));
            }
            _ => {
                if let Some((_, best)) = mention {
                    score += best;
                    hits += 1;
                }
                mention = Some((last, weight));
            }
        }
        // One entry per word whatever its case (`Рақамли`, `рақамли`), shown as first written.
        let written = text.written(first, last);
        if let Some(entry) = triggers
            .iter_mut()
            .find(|(t, _, _)| t.to_lowercase() == written.to_lowercase())
        {
            entry.1 += 1;
        } else {
            let seen = triggers.len();
            triggers.push((written, 1, seen));
        }
    }
    if let Some((_, best)) = mention {
        score += best;
        hits += 1;
    }
    triggers.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    Some(Candidate {
        tag: Tag {
            id: term.id.clone(),
            triggers: triggers.into_iter().map(|(t, _, _)| t).collect(),
            hits,
        },
        score,
        threshold,
    })
}
