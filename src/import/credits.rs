//! Who a text came from: outlet names in headline suffixes and attribution sentences, and
//! photo credit lines.

use crate::lexicon::{CreditKind, lexicon};

/// Signs of an outlet's name that are no language's words: web domains, and the "24" of
/// round-the-clock channels. The words are in the language files ([`CreditKind::OutletMarkers`]).
const OUTLET_SIGNS: &[&str] = &[".kz", ".tj", ".uz", ".ru", ".com", ".org", ".net", "24"];

/// Whether `phrase` reads like an outlet's name: short, and either marked as one or Latin
/// inside a Cyrillic text (agencies often keep a Latin brand).
pub fn looks_like_outlet(phrase: &str) -> bool {
    let words = phrase.split_whitespace().count();
    if phrase.trim().is_empty() || words > 6 {
        return false;
    }
    let lower = phrase.to_lowercase();
    let credits = |kind| lexicon().credits(kind).iter();
    if OUTLET_SIGNS.iter().any(|m| lower.contains(m))
        || credits(CreditKind::OutletMarkers).any(|m| lower.contains(m))
        || credits(CreditKind::OutletAbbreviations).any(|a| ends_a_word(&lower, a))
    {
        return true;
    }
    let letters: Vec<char> = phrase.chars().filter(|c| c.is_alphabetic()).collect();
    words <= 3 && !letters.is_empty() && letters.iter().all(char::is_ascii_alphabetic)
}

/// Whether `text` has `fragment` before a space or at its end ("ИА" in "ИА Караван").
fn ends_a_word(text: &str, fragment: &str) -> bool {
    text.match_indices(fragment)
        .any(|(i, _)| matches!(text[i + fragment.len()..].chars().next(), None | Some(' ')))
}

/// Separators agencies put between a headline and their name.
const SUFFIX_SEPARATORS: &[&str] = &[" – ", " — ", " - ", " | ", " :: ", " // "];

/// A headline without its outlet suffix (`… – ИА Караван Инфо`), and the outlet.
pub fn split_outlet_suffix(headline: &str) -> (String, Option<String>) {
    let cut = SUFFIX_SEPARATORS
        .iter()
        .filter_map(|sep| headline.rfind(sep).map(|i| (i, sep.len())))
        .max_by_key(|(i, _)| *i);
    if let Some((i, len)) = cut {
        let (title, outlet) = (headline[..i].trim(), headline[i + len..].trim());
        if title.split_whitespace().count() >= 3 && looks_like_outlet(outlet) {
            return (
                title.to_string(),
                Some(
                    outlet
                        .trim_matches(|c: char| c == '.' || c.is_whitespace())
                        .to_string(),
                ),
            );
        }
    }
    (headline.trim().to_string(), None)
}

/// The credit of a photo credit line (`Сурет: gov.kz` → `gov.kz`).
pub fn photo_credit(line: &str) -> Option<String> {
    let line = line.trim();
    let (label, credit) = line.split_once([':', '：'])?;
    let label = label.trim().to_lowercase();
    let credit = credit.trim().trim_end_matches('.').trim();
    let is_label = lexicon().credits(CreditKind::PhotoLabels).contains(&label);
    (is_label && !credit.is_empty() && credit.chars().count() <= 160).then(|| credit.to_string())
}

/// The source an attribution sentence names, e.g. `… деп хабарлайды BAQ.KZ.` → `BAQ.KZ`.
pub fn attribution(paragraph: &str) -> Option<String> {
    let lower = paragraph.to_lowercase();
    // Phrases after which a sentence names its source: Kazakh `деп хабарлайды X`, Uzbek
    // `деб хабар беради X`, Tajik `хабар медиҳад X`, Russian `сообщает X`.
    for phrase in lexicon().credits(CreditKind::Attributions).iter() {
        // The phrase must end a word: Tajik `хабар дод` is not the start of `хабар доданд`.
        let Some(at) = lower.match_indices(phrase).map(|(i, _)| i).find(|&i| {
            lower[i + phrase.len()..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || c == ',')
        }) else {
            continue;
        };
        // Lower-casing can change byte lengths only outside the scripts we match here, so
        // map the position back through the characters to stay on a boundary.
        let start = char_offset(
            paragraph,
            lower[..at].chars().count() + phrase.chars().count(),
        );
        let rest = &paragraph[start..];
        let end = sentence_end(rest);
        let source = rest[..end].trim().trim_end_matches(['.', ',']).trim();
        let source = source
            .trim_start_matches(|c: char| c == ',' || c == '–' || c == '—' || c.is_whitespace());
        if source.is_empty() || source.split_whitespace().count() > 9 {
            continue;
        }
        return Some(strip_ablative(source));
    }
    None
}

/// Where the sentence that starts `text` ends: at `.`, `!`, `?` or `;` followed by a space
/// or the end. A dot inside a name (BAQ.KZ, Kun.uz) does not end it.
fn sentence_end(text: &str) -> usize {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|(_, n)| *n);
        if c == '\n' || (matches!(c, '.' | '!' | '?' | ';') && next.is_none_or(char::is_whitespace))
        {
            return i;
        }
    }
    text.len()
}

/// Kazakh names the source in the ablative (`… қызметінен`); the outlet is the bare noun.
fn strip_ablative(source: &str) -> String {
    let (head, last) = source.rsplit_once(' ').unwrap_or(("", source));
    if last.is_ascii() {
        return source.to_string();
    }
    let bare = lexicon()
        .ablative_endings()
        .iter()
        .find_map(|(ending, keep)| {
            last.strip_suffix(ending.as_str())
                .filter(|stem| stem.chars().count() >= 4)
                .map(|stem| format!("{stem}{keep}"))
        });
    match bare {
        Some(bare) if head.is_empty() => bare,
        Some(bare) => format!("{head} {bare}"),
        None => source.to_string(),
    }
}

fn char_offset(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_outlet_suffixes_from_headlines() {
        let (title, outlet) = split_outlet_suffix(
            "Тоҷикистон ва Қазоқистон ҳамкории дуҷонибаро тақвият мебахшанд – ИА Караван Инфо",
        );
        assert_eq!(
            title,
            "Тоҷикистон ва Қазоқистон ҳамкории дуҷонибаро тақвият мебахшанд"
        );
        assert_eq!(outlet.as_deref(), Some("ИА Караван Инфо"));
        assert_eq!(
            split_outlet_suffix("Президент Токаев провел встречу - Kazinform")
                .1
                .as_deref(),
            Some("Kazinform")
        );
        // A dash inside a headline is not a suffix.
        let (title, outlet) = split_outlet_suffix("Су – тіршілік көзі: екі ел келісті");
        assert_eq!(
            (title.as_str(), outlet),
            ("Су – тіршілік көзі: екі ел келісті", None)
        );
        assert_eq!(
            split_outlet_suffix("Қазақстан мен Тәжікстан – стратегиялық серіктестер").1,
            None
        );
    }

    #[test]
    fn reads_photo_credits() {
        assert_eq!(photo_credit("Сурет: gov.kz").as_deref(), Some("gov.kz"));
        assert_eq!(
            photo_credit("АКС: Маҷлиси миллии Маҷлиси Олии Ҷумҳурии Тоҷикистон").as_deref(),
            Some("Маҷлиси миллии Маҷлиси Олии Ҷумҳурии Тоҷикистон")
        );
        assert_eq!(photo_credit("Фото: Акорда.").as_deref(), Some("Акорда"));
        assert_eq!(photo_credit("Сурет туралы айтқанда: бұл сөйлем."), None);
        assert_eq!(photo_credit("Министр: біз дайынбыз."), None);
    }

    #[test]
    fn finds_attributed_sources() {
        assert_eq!(
            attribution("Астанаға ресми сапармен келді, деп хабарлайды BAQ.KZ.").as_deref(),
            Some("BAQ.KZ")
        );
        assert_eq!(
            attribution("… учрашди, деб хабар беради Мажилис матбуот хизмати.").as_deref(),
            Some("Мажилис матбуот хизмати")
        );
        assert_eq!(
            attribution("келіссөздер жүргізді, деп хабарлайды Қазақстан Республикасы Сыртқы істер министрлігінің баспасөз қызметінен.").as_deref(),
            Some("Қазақстан Республикасы Сыртқы істер министрлігінің баспасөз қызметі")
        );
        assert_eq!(
            attribution("Об этом сообщает Kun.uz."),
            Some("Kun.uz".to_string())
        );
        assert_eq!(
            attribution("келді, деп хабарлайды BAQ.KZ. Келесі сөйлем.").as_deref(),
            Some("BAQ.KZ")
        );
        assert_eq!(attribution("Тараптар келісті."), None);
        assert_eq!(
            attribution("Дар ин бора дар дафтари Маҷлиси миллӣ хабар доданд."),
            None
        );
    }
}
