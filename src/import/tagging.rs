//! Countries and topics of a text, from the stems `content/taxonomy.toml` lists per language.
//!
//! A stem matches a word that starts with it (Kazakh, Tajik and Uzbek are suffixing
//! languages, so `сауда` finds `сауданы`), after both are folded ([`fold`]: case, Latin /
//! Cyrillic look-alikes, Uzbek apostrophes). A stem of several words (`ауыл шаруашылығ`,
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

use super::matching::{Word, fold, is_hyphen, words};
use crate::taxonomy::Term;
use std::collections::BTreeMap;

/// A country or topic the text is about.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Tag {
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
    pub tag: Tag,
    pub score: f32,
    pub threshold: f32,
}

impl Candidate {
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

/// Where a word stands, which decides how much a mention there weighs.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Place {
    Title,
    Lead,
    ListHeading,
    Body,
}

impl Place {
    fn weight(self) -> f32 {
        match self {
            Place::Body => 1.0,
            Place::Title | Place::Lead | Place::ListHeading => 2.0,
        }
    }
}

/// One hyphen-separated part of a word, folded, with the word it belongs to.
struct Token {
    folded: String,
    /// Index into `Tokens::words`.
    word: usize,
    /// May a stem of several words run from the previous token into this one? Yes within a
    /// hyphenated word and across plain spaces; not across punctuation or a paragraph break.
    joined: bool,
}

/// The title and body as matching units.
struct Tokens<'a> {
    /// Every word with the text (title or body) it is a slice of, and its place.
    words: Vec<(Word<'a>, &'a str, Place)>,
    tokens: Vec<Token>,
    word_count: usize,
}

impl<'a> Tokens<'a> {
    fn new(title: &'a str, body: &'a str) -> Tokens<'a> {
        let mut words_out = Vec::new();
        for w in words(title) {
            words_out.push((w, title, Place::Title));
        }
        let places = body_places(body);
        for w in words(body) {
            let place = places
                .iter()
                .find(|(range, _)| range.contains(&w.start))
                .map_or(Place::Body, |&(_, p)| p);
            words_out.push((w, body, place));
        }
        let mut tokens = Vec::new();
        for (i, (w, source, _)) in words_out.iter().enumerate() {
            let joined_to_previous = i > 0 && {
                let (prev, prev_source, _) = &words_out[i - 1];
                std::ptr::eq(*prev_source, *source) && plain_gap(&source[prev.end..w.start])
            };
            for (j, part) in w.text.split(is_hyphen).enumerate() {
                let folded = fold(part);
                if folded.is_empty() {
                    continue;
                }
                tokens.push(Token {
                    folded,
                    word: i,
                    joined: if j == 0 { joined_to_previous } else { true },
                });
            }
        }
        let word_count = words_out.len();
        Tokens {
            words: words_out,
            tokens,
            word_count,
        }
    }

    /// Every match of `term` in the text: (first word, last word, weight of the stem's language).
    fn matches(&self, term: &Term, lang: Option<&str>) -> Vec<(usize, usize, f32)> {
        // Words inside an excepted phrase (of any language) are no mention.
        let excepted: Vec<(usize, usize)> = term
            .except
            .values()
            .flatten()
            .map(|phrase| stem_parts(phrase))
            .filter(|parts| !parts.is_empty())
            .flat_map(|parts| {
                (0..self.tokens.len()).filter_map(move |start| {
                    self.match_at(start, &parts)
                        .map(|end| (self.tokens[start].word, self.tokens[end].word))
                })
            })
            .collect();
        let mut stems: Vec<(Vec<String>, f32)> = Vec::new();
        for (stem_lang, list) in &term.words {
            let own = lang.is_none_or(|l| l == stem_lang);
            for stem in list {
                let parts = stem_parts(stem);
                if parts.is_empty() {
                    continue;
                }
                if own {
                    stems.push((parts, 1.0));
                } else if parts.iter().map(|p| p.chars().count()).sum::<usize>() >= 5 {
                    stems.push((parts, 0.5));
                }
            }
        }
        let mut found: BTreeMap<(usize, usize), f32> = BTreeMap::new();
        for start in 0..self.tokens.len() {
            for (parts, weight) in &stems {
                let Some(end) = self.match_at(start, parts) else {
                    continue;
                };
                let key = (self.tokens[start].word, self.tokens[end].word);
                if excepted.iter().any(|&(a, b)| key.0 <= b && a <= key.1) {
                    continue;
                }
                let best = found.entry(key).or_insert(0.0);
                *best = best.max(*weight);
            }
        }
        found.into_iter().map(|((a, b), w)| (a, b, w)).collect()
    }

    /// The last token of `parts` matched from token `start` on, if they all match.
    fn match_at(&self, start: usize, parts: &[String]) -> Option<usize> {
        for (k, part) in parts.iter().enumerate() {
            let token = self.tokens.get(start + k)?;
            if (k > 0 && !token.joined) || !token.folded.starts_with(part.as_str()) {
                return None;
            }
        }
        Some(start + parts.len() - 1)
    }

    /// The sentence of each word: a new one after `.`, `!`, `?` or a line break, and in
    /// another part of the text (title, body).
    fn sentences(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.words.len());
        let mut current = 0;
        for i in 0..self.words.len() {
            if i > 0 {
                let (prev, source_prev, _) = &self.words[i - 1];
                let (word, source, _) = &self.words[i];
                let broken = !std::ptr::eq(*source_prev, *source)
                    || source
                        .get(prev.end..word.start)
                        .is_none_or(|gap| gap.contains(['.', '!', '?', '\n']));
                if broken {
                    current += 1;
                }
            }
            out.push(current);
        }
        out
    }

    /// Are words `a` and `b` (a ≤ b) in one phrase: same text, no sentence end or line break
    /// between them? Commas may be: `молиявию, бонкӣ` is still one mention.
    fn same_phrase(&self, a: usize, b: usize) -> bool {
        let (wa, source_a, _) = &self.words[a];
        let (wb, source_b, _) = &self.words[b];
        if b <= a {
            return true;
        }
        std::ptr::eq(*source_a, *source_b)
            && source_a
                .get(wa.end..wb.start)
                .is_some_and(|gap| !gap.contains(['.', '!', '?', ';', '\n']))
    }

    fn written(&self, first: usize, last: usize) -> String {
        let (a, source, _) = &self.words[first];
        let (b, _, _) = &self.words[last];
        let span = source.get(a.start..b.end.max(a.end)).unwrap_or(a.text);
        span.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// A stem's words, folded: `ауыл шаруашылығ`, `су-энергетика` are two each.
fn stem_parts(stem: &str) -> Vec<String> {
    stem.split(|c: char| c.is_whitespace() || is_hyphen(c))
        .filter(|p| !p.is_empty())
        .map(fold)
        .collect()
}

/// Only spaces (and at most one line break, for hard-wrapped texts) between two words.
fn plain_gap(gap: &str) -> bool {
    gap.chars().all(char::is_whitespace) && gap.matches('\n').count() <= 1
}

/// Byte ranges of `body` that weigh more: the lead and list-item headings.
fn body_places(body: &str) -> Vec<(std::ops::Range<usize>, Place)> {
    let mut places = Vec::new();
    let mut lead_found = false;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end();
        let trimmed = content.trim_start();
        let indent = content.len() - trimmed.len();
        if let Some(heading) = list_heading(trimmed) {
            // `heading` is a slice of `trimmed`: its offset there is the distance of the pointers.
            let from = start + indent + (heading.as_ptr() as usize - trimmed.as_ptr() as usize);
            let to = from + heading.len();
            places.push((from..to, Place::ListHeading));
            continue;
        }
        if !lead_found && is_lead(trimmed) {
            lead_found = true;
            // The lead is the paragraph's first 60 words: a text with no line breaks at all
            // must not count as one long lead.
            let end = words(trimmed).get(59).map_or(trimmed.len(), |w| w.end);
            places.push((start + indent..start + indent + end, Place::Lead));
        }
    }
    places
}

/// The lead is the first paragraph that is a real one: at least eight words and a sentence
/// end, so a repeated headline, a photo credit (`Сурет: gov.kz`) or a dateline alone is not it.
fn is_lead(line: &str) -> bool {
    words(line).len() >= 8
        && line
            .trim_end_matches(['»', '"', '”', '’', ')', ' '])
            .ends_with(['.', '!', '?', '…'])
}

/// The heading of a list item: the words after the bullet up to the first dash or colon,
/// if there are at most six of them (a longer run is a sentence, or dialogue after a dash).
fn list_heading(line: &str) -> Option<&str> {
    let rest = strip_bullet(line)?;
    let end = [" — ", " – ", " - ", ":"]
        .iter()
        .filter_map(|sep| rest.find(sep))
        .min()
        .unwrap_or(rest.len());
    let heading = &rest[..end];
    let n = words(heading).len();
    (1..=6).contains(&n).then_some(heading)
}

/// The text after a list marker (`•`, `-`, `*`, `1.`, `2)`) and its space, if the line has one.
fn strip_bullet(line: &str) -> Option<&str> {
    let mut chars = line.char_indices();
    let (_, first) = chars.next()?;
    let after = if matches!(
        first,
        '•' | '·' | '●' | '▪' | '■' | '◦' | '‣' | '⁃' | '∙' | '–' | '—' | '-' | '*'
    ) {
        first.len_utf8()
    } else if first.is_ascii_digit() {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        match line.as_bytes().get(digits) {
            Some(b'.' | b')') if digits <= 3 => digits + 1,
            _ => return None,
        }
    } else {
        return None;
    };
    let rest = &line[after..];
    rest.starts_with(char::is_whitespace)
        .then(|| rest.trim_start())
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
                mention = Some((end.max(last), best.max(weight)))
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
        match triggers
            .iter_mut()
            .find(|(t, _, _)| t.to_lowercase() == written.to_lowercase())
        {
            Some(entry) => entry.1 += 1,
            None => {
                let seen = triggers.len();
                triggers.push((written, 1, seen));
            }
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::config::SiteConfig;
    use crate::taxonomy::{Kind, Taxonomy};
    use std::path::Path;

    pub(crate) fn taxonomy() -> Taxonomy {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("site.toml"),
            "base_url = \"https://x.org/\"\nui_languages = [\"kk\", \"tg\"]\n[languages.kk]\ntitle = \"a\"\ndescription = \"b\"\n[languages.tg]\ntitle = \"c\"\ndescription = \"d\"\n",
        )
        .unwrap();
        let config = SiteConfig::load(dir.path(), None).unwrap();
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/taxonomy.toml");
        Taxonomy::load(&path, &config).unwrap()
    }

    fn term(id: &str, lang: &str, stems: &[&str]) -> Term {
        Term {
            id: id.to_string(),
            labels: BTreeMap::new(),
            words: [(
                lang.to_string(),
                stems.iter().map(|s| s.to_string()).collect(),
            )]
            .into(),
            except: BTreeMap::new(),
            country: None,
        }
    }

    fn ids(tags: &[Tag]) -> Vec<&str> {
        tags.iter().map(|t| t.id.as_str()).collect()
    }

    #[test]
    fn stems_match_inflected_words_look_alikes_and_word_pairs() {
        let terms = [
            term("trade", "kk", &["сауда", "тауар айналым"]),
            term("agriculture", "kk", &["ауыл шаруашылығ"]),
            term("water", "kk", &["су-энергетика"]),
        ];
        // Latin "a" and "y" inside Cyrillic words; a two-word stem across a line wrap.
        let tags = tag(
            "Caуданы арттыру. Тауар\nайналымы өсті. Ауыл шаруашылығын және су-энергетикалық",
            Some("kk"),
            &terms,
        );
        assert_eq!(ids(&tags), ["trade", "agriculture", "water"]);
        assert_eq!(tags[0].triggers, ["Caуданы", "Тауар айналымы"]);
        assert_eq!(tags[0].hits, 2);
        // A stem of two words does not run across a sentence end.
        assert!(tag("ауыл. Шаруашылығы", Some("kk"), &terms).is_empty());
    }

    #[test]
    fn a_passing_mention_in_a_long_text_is_not_a_tag() {
        let terms = [
            term("trade", "kk", &["сауда"]),
            term("water", "kk", &["су ресурс"]),
        ];
        let filler = "Екі ел арасындағы қатынастар туралы тағы бір сөйлем айтылды. ".repeat(20);
        let long = format!(
            "{filler}Сауда туралы да сөз болды. {filler}Су ресурстары туралы. Су ресурстарын тиімді пайдалану."
        );
        assert_eq!(ids(&tag(&long, Some("kk"), &terms)), ["water"]);
        // In a short text one mention is enough.
        assert_eq!(
            ids(&tag("Сауда туралы да сөз болды.", Some("kk"), &terms)),
            ["trade"]
        );
        // In the title it is enough even in a long text.
        assert_eq!(
            ids(&tag_weighted(
                "Сауда көлемі өсті",
                &long,
                Some("kk"),
                &terms
            )),
            ["trade", "water"]
        );
    }

    #[test]
    fn adjacent_matches_are_one_mention_and_list_headings_weigh_double() {
        let terms = [
            term("finance", "tg", &["молия", "бонк"]),
            term("industry", "tg", &["саноат"]),
        ];
        let filler =
            "Ҷонибҳо масъалаҳои гуногунро баррасӣ намуданд ва ба мувофиқа расиданд. ".repeat(20);
        let text = format!(
            "{filler}Соҳаҳои молиявию бонкӣ.\n{filler}\n  • Саноат ва энергетика — лоиҳаҳои муштарак.\n"
        );
        let all = candidates("", &text, Some("tg"), &terms);
        assert_eq!(all[0].tag.hits, 1);
        assert!(!all[0].tagged());
        assert_eq!((all[1].tag.id.as_str(), all[1].score), ("industry", 2.0));
        assert!(all[1].tagged());
    }

    /// The countries and topics one sentence in `lang` is tagged with.
    fn tags_of(taxonomy: &Taxonomy, lang: &str, sentence: &str) -> Vec<String> {
        [Kind::Topic, Kind::Country]
            .into_iter()
            .flat_map(|kind| tag_weighted("", sentence, Some(lang), taxonomy.terms(kind)))
            .map(|t| t.id)
            .collect()
    }

    /// The words of content/taxonomy.toml that real agency texts use, each in a sentence as they
    /// write it (language, sentence, the term it must find).
    #[test]
    fn the_taxonomy_finds_each_word_that_matters() {
        let taxonomy = taxonomy();
        let cases: &[(&str, &str, &str)] = &[
            ("ru", "Президент России прибыл в Астану.", "russia"),
            ("ru", "Делегация Китая посетила выставку.", "china"),
            ("ru", "Товары отправят Китаю и Китае их ждут.", "china"),
            (
                "uz",
                "Минтақавий хавфсизлигини таъминлаш муҳокама қилинди.",
                "security",
            ),
            (
                "uz",
                "Tomonlar mintaqaviy xavfsizlik masalalarini ko'rib chiqdilar.",
                "security",
            ),
            (
                "ru",
                "Обсудили развитие сельскохозяйственной кооперации.",
                "agriculture",
            ),
            (
                "ru",
                "Обсуждены поставки электроэнергии и энергоресурсов.",
                "energy",
            ),
            ("ru", "Стороны обсудили возобновляемую энергию.", "energy"),
            ("kk", "Жаңа электр станциясы салынады.", "energy"),
            ("uz", "Yangi elektr stansiyasi quriladi.", "energy"),
            ("kk", "Экстремизмге қарсы күрес талқыланды.", "security"),
            ("tg", "Муқовимат ба экстремизм муҳокима шуд.", "security"),
            (
                "uz",
                "Ekstremizmga qarshi kurash muhokama qilindi.",
                "security",
            ),
            ("ru", "Обсудили противодействие экстремизму.", "security"),
            ("uz", "Mudofaa vazirlari uchrashdi.", "security"),
            (
                "ru",
                "Продовольственная безопасность стран обсуждена.",
                "agriculture",
            ),
            ("tg", "Ҷалби инвеститсияҳо муҳокима шуд.", "investment"),
            (
                "uz",
                "Investitsiyalarni jalb qilish muhokama qilindi.",
                "investment",
            ),
            ("tg", "Барномаи рақамисозии иқтисод қабул шуд.", "digital"),
            (
                "tg",
                "Сафорати Қазоқистон дар Душанбе чорабинӣ гузаронд.",
                "diplomacy",
            ),
            ("uz", "Tashqi siyosat masalalari ko'rildi.", "diplomacy"),
            ("uz", "Prezident rasmiy tashrif bilan keldi.", "diplomacy"),
            ("uz", "Majlisi Oliy raisi qabul qildi.", "parliament"),
            ("uz", "Spiker delegatsiyani qabul qildi.", "parliament"),
            ("uz", "Tovar aylanmasi 1 mlrd dollarga yetdi.", "trade"),
            ("uz", "Suv ta'minoti loyihasi muhokama qilindi.", "water"),
            ("uz", "Gumanitar yordam yetkazildi.", "diplomacy"),
            (
                "uz",
                "Teatr va muzey xodimlari tajriba almashdi.",
                "culture",
            ),
            (
                "uz",
                "Tibbiy xizmat va dori vositalari, shifoxona qurilishi.",
                "health",
            ),
            ("uz", "Logistika markazi ochildi.", "transport"),
            (
                "ru",
                "Межправительственная комиссия провела заседание.",
                "diplomacy",
            ),
            ("ru", "Депутаты ратифицировали договор.", "parliament"),
            ("ru", "Казахстан отправил гуманитарную помощь.", "diplomacy"),
            ("kk", "Тәжікстан гуманитарлық көмек жіберді.", "diplomacy"),
            (
                "tg",
                "Кумакҳои башардӯстона ба Қазоқистон расонида шуд.",
                "diplomacy",
            ),
            ("ru", "В Душанбе установят бюст поэту.", "culture"),
            ("ru", "Вопросы обеспечения питьевой водой.", "water"),
            ("ru", "Автобус с пассажирами остановили.", "transport"),
        ];
        let missed: Vec<String> = cases
            .iter()
            .filter(|(lang, sentence, id)| {
                !tags_of(&taxonomy, lang, sentence).iter().any(|t| t == id)
            })
            .map(|(lang, sentence, id)| format!("{lang} {sentence:?}: no {id}"))
            .collect();
        assert!(missed.is_empty(), "{missed:#?}");
    }

    /// Words that look like a term's and are not: each sentence must not find the term.
    #[test]
    fn the_taxonomy_ignores_look_alikes() {
        let taxonomy = taxonomy();
        let cases: &[(&str, &str, &str)] = &[
            // The formula "cultural-humanitarian cooperation" is no cultural event.
            (
                "ru",
                "Развивается культурно-гуманитарное сотрудничество.",
                "culture",
            ),
            (
                "kk",
                "Мәдени-гуманитарлық байланыстар дамып келеді.",
                "culture",
            ),
            ("uz", "Маданий-гуманитар алоқалар ривожланмоқда.", "culture"),
            // Humanitarian aid is diplomacy, not culture.
            ("ru", "Казахстан получил гуманитарную помощь.", "culture"),
            // "Поэтому" (therefore) is no poet.
            ("ru", "Поэтому стороны договорились.", "culture"),
            // Civil defence and food security are not security.
            (
                "kk",
                "Төтенше жағдайлар және азаматтық қорғаныс комитеті.",
                "security",
            ),
            ("ru", "Укрепить продовольственную безопасность.", "security"),
            // Kazakh "ауған" (moved) is no Afghan.
            ("kk", "Халық қалаға ауған.", "afghanistan"),
            // Tajik "вакил" (representative) is no parliament.
            ("tg", "Вакили ширкат суханронӣ кард.", "parliament"),
            // The ministry's name ("…and water resources") is no water topic.
            (
                "ru",
                "Министр энергетики и водных ресурсов Республики Таджикистан прибыл.",
                "water",
            ),
        ];
        let wrong: Vec<String> = cases
            .iter()
            .filter(|(lang, sentence, id)| {
                tags_of(&taxonomy, lang, sentence).iter().any(|t| t == id)
            })
            .map(|(lang, sentence, id)| format!("{lang} {sentence:?}: {id}"))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn a_list_of_the_areas_discussed_tags_each() {
        let taxonomy = taxonomy();
        let body = "Тараптар кездесу барысында көптеген мәселелерді талқылады. Екі ел арасындағы ынтымақтастықтың болашағы туралы пікір алмасты. Қазақстан мен Тәжікстан арасындағы байланыстар дамып келеді. ".repeat(8)
            + "Сондай-ақ сауда, білім беру және денсаулық сақтау салаларындағы ынтымақтастық талқыланды.";
        let listed: Vec<Tag> = topic_candidates("", &body, Some("kk"), taxonomy.terms(Kind::Topic))
            .into_iter()
            .filter(Candidate::tagged)
            .map(|c| c.tag)
            .collect();
        assert_eq!(ids(&listed), ["trade", "education", "health"]);
        // Without the list rule a single mention in the body of a long text is not enough.
        let plain = tag_weighted("", &body, Some("kk"), taxonomy.terms(Kind::Topic));
        assert!(plain.is_empty(), "{:?}", ids(&plain));
    }

    #[test]
    fn other_languages_weigh_half_and_short_foreign_stems_do_not_count() {
        let terms = [
            term("water", "tg", &["арал"]),
            term("parliament", "ru", &["маджлис"]),
            term("culture", "kk", &["мәдени"]),
        ];
        let text = "Маджлиси Оли. Аралығында кездесті.";
        let all = candidates("", text, Some("kk"), &terms);
        assert_eq!(all.len(), 1);
        assert_eq!((all[0].tag.id.as_str(), all[0].score), ("parliament", 0.5));
        // Without a language every stem counts fully.
        assert_eq!(ids(&tag(text, None, &terms)), ["water", "parliament"]);
    }

    /// The seeds, with the title the importer would take (the first line when there is a
    /// headline), against the countries and topics an editor chose for content/.
    /// File, language, whether its first line is a headline, countries, topics.
    type Expected = (
        &'static str,
        &'static str,
        bool,
        &'static [&'static str],
        &'static [&'static str],
    );

    const SEEDS: [Expected; 5] = [
        (
            "000_c2971f3114f27f7e.txt",
            "tg",
            true,
            &["kazakhstan", "tajikistan"],
            &[
                "parliament",
                "diplomacy",
                "trade",
                "industry",
                "energy",
                "agriculture",
                "transport",
                "health",
                "security",
                "culture",
            ],
        ),
        (
            "001_14a85814d9623422.txt",
            "tg",
            false,
            &["kazakhstan", "tajikistan"],
            &[
                "diplomacy",
                "trade",
                "investment",
                "industry",
                "agriculture",
                "transport",
                "water",
                "energy",
                "culture",
            ],
        ),
        (
            "002_4ac4f6e0ac4e3caa.txt",
            "uz",
            true,
            &["kazakhstan", "tajikistan"],
            &["parliament", "diplomacy", "digital", "education"],
        ),
        (
            "003_66e8fa6394fbc704.txt",
            "kk",
            true,
            &["kazakhstan", "tajikistan"],
            &[
                "diplomacy",
                "trade",
                "agriculture",
                "water",
                "energy",
                "transport",
                "security",
            ],
        ),
        (
            "004_fdb75db5e4a0ae0c.txt",
            "kk",
            false,
            &["kazakhstan", "tajikistan"],
            &["parliament", "diplomacy", "digital", "education"],
        ),
    ];

    pub(crate) fn seed(name: &str) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/raw")
            .join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    fn split(raw: &str, headline: bool) -> (&str, &str) {
        match raw.split_once('\n') {
            Some((title, body)) if headline => (title, body),
            _ => ("", raw),
        }
    }

    #[test]
    fn seeds_get_the_countries_and_main_topics_of_content() {
        let taxonomy = taxonomy();
        let mut report = Vec::new();
        for (file, lang, headline, countries, topics) in SEEDS {
            let raw = seed(file);
            let (title, body) = split(&raw, headline);
            let got_countries =
                tag_weighted(title, body, Some(lang), taxonomy.terms(Kind::Country));
            let mut want: Vec<&str> = countries.to_vec();
            want.sort_by_key(|id| taxonomy.position(Kind::Country, id));
            assert_eq!(ids(&got_countries), want, "{file}");

            let got = tag_weighted(title, body, Some(lang), taxonomy.terms(Kind::Topic));
            let got = ids(&got);
            let right = got.iter().filter(|t| topics.contains(t)).count();
            let precision = right as f32 / got.len().max(1) as f32;
            let recall = right as f32 / topics.len() as f32;
            let extra: Vec<_> = got.iter().filter(|t| !topics.contains(t)).collect();
            let missed: Vec<_> = topics.iter().filter(|t| !got.contains(t)).collect();
            report.push(format!("{file}: precision {precision:.2} recall {recall:.2} extra {extra:?} missed {missed:?}"));
            // The editor's choices are a judgement; the main topics must be there.
            assert!(precision >= 0.85 && recall >= 0.85, "{}", report.join("\n"));
        }
        eprintln!("{}", report.join("\n"));
    }

    #[test]
    fn uzbek_latin_with_any_apostrophe_and_russian_are_tagged() {
        let taxonomy = taxonomy();
        let both = |text: &str, lang: &str| {
            let countries = tag(text, Some(lang), taxonomy.terms(Kind::Country));
            let topics = tag(text, Some(lang), taxonomy.terms(Kind::Topic));
            (ids(&countries).join(" "), ids(&topics).join(" "))
        };
        // ASCII ' and ‘ for ʻ, and ' for the tutuq belgisi ʼ of the taxonomy's "sunʼiy".
        let uz = "O'zbekiston va Qozog‘iston o'rtasidagi savdo hajmi oshdi. Sun'iy intellekt bo'yicha hamkorlik kelishildi.";
        assert_eq!(
            both(uz, "uz"),
            ("kazakhstan uzbekistan".into(), "trade digital".into())
        );
        let ru = "Президент Таджикистана Эмомали Рахмон и Президент Казахстана обсудили товарооборот и водные ресурсы.";
        assert_eq!(
            both(ru, "ru"),
            ("kazakhstan tajikistan".into(), "trade water".into())
        );
        // Latin look-alikes typed into a Tajik headline.
        let tg = "ТОҶИКИСТОH ВА ҚАЗОҚИСТОH САВДОРО АФЗУН МЕКУНАНД";
        assert_eq!(
            both(tg, "tg"),
            ("kazakhstan tajikistan".into(), "trade".into())
        );
    }

    #[test]
    fn reports_what_triggered_a_tag() {
        let taxonomy = taxonomy();
        let raw = seed("002_4ac4f6e0ac4e3caa.txt");
        let (title, body) = split(&raw, true);
        let topics = tag_weighted(title, body, Some("uz"), taxonomy.terms(Kind::Topic));
        let digital = topics.iter().find(|t| t.id == "digital").unwrap();
        assert_eq!(digital.triggers[0], "рақамли");
        assert!(
            digital.triggers.contains(&"Сунъий интеллект".to_string()),
            "{digital:?}"
        );
        let countries = tag_weighted(title, body, Some("uz"), taxonomy.terms(Kind::Country));
        // Uzbekistan is named once, at the end of a long text: not tagged.
        assert!(countries.iter().all(|t| t.id != "uzbekistan"));
    }
}
