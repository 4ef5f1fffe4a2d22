//! The headline: the first line when it is one, or a title made from the lead's first
//! sentence when the text opens with the lead.

use super::text::squash;
use crate::lexicon::lexicon;

/// Longest title made from a sentence, in characters.
const MAX_MADE_TITLE: usize = 90;

/// Longest one-sentence lead taken whole as a title, in characters.
const MAX_WHOLE_TITLE: usize = 200;

/// Whether `line` reads as a headline rather than the lead paragraph: one short line that
/// does not end like a sentence.
pub fn is_headline(line: &str) -> bool {
    let line = line.trim();
    let chars = line.chars().count();
    let words = line.split_whitespace().count();
    let ends_like_sentence = line.ends_with('.') && !line.ends_with("..");
    (2..=250).contains(&chars)
        && (2..=30).contains(&words)
        && !ends_like_sentence
        && !line.starts_with(['•', '-', '–', '—', '*'])
}

/// Whether `line` repeats `headline` (scrapers often copy the title twice).
pub fn repeats(line: &str, headline: &str) -> bool {
    let key = |s: &str| {
        squash(s)
            .to_lowercase()
            .trim_end_matches(['.', '!', '?'])
            .to_string()
    };
    !line.trim().is_empty() && key(line) == key(headline)
}

/// A title from the lead: its first sentence, cut at a word boundary near
/// `MAX_MADE_TITLE` (90) characters, without closing punctuation.
pub fn from_lead(lead: &str) -> String {
    let sentence = first_sentence(lead);
    // A lead of one short sentence on a line of its own may well be the headline, written with
    // a period: it is kept whole.
    if sentence.len() == lead.len() && sentence.chars().count() <= MAX_WHOLE_TITLE {
        return sentence
            .trim()
            .trim_end_matches(['.', '!', '?', ',', ';', ':'])
            .to_string();
    }
    let sentence = sentence
        .trim()
        .trim_end_matches(['.', '!', '?', ',', ';', ':']);
    if sentence.chars().count() <= MAX_MADE_TITLE {
        return sentence.to_string();
    }
    let mut title = String::new();
    for word in sentence.split_whitespace() {
        if title.chars().count() + 1 + word.chars().count() > MAX_MADE_TITLE {
            // A first word longer than a title (a pasted address, scraping debris) is cut:
            // an empty title makes a file that does not load.
            if title.is_empty() {
                title = word.chars().take(MAX_MADE_TITLE).collect();
            }
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    // A title should not end on a dangling function word (any language's: the text's is not
    // known yet) or on punctuation.
    loop {
        let trimmed = title
            .trim_end_matches([',', ';', ':', ' ', '«', '"', '('])
            .to_string();
        match trimmed.rsplit_once(' ') {
            Some((head, last))
                if matches!(last, "—" | "–" | "-")
                    || lexicon().is_function_word(&last.to_lowercase(), None) =>
            {
                title = head.to_string();
            }
            _ => return trimmed,
        }
    }
}

/// The first sentence of `text`: up to a `.`, `!` or `?` followed by a space and a capital
/// or a quote, so abbreviations like `Е.Көшербаев` and numbers like `1,2` do not end it.
fn first_sentence(text: &str) -> &str {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let after: Vec<char> = chars[k + 1..].iter().take(2).map(|&(_, c)| c).collect();
        let before_initial = chars[..k]
            .iter()
            .rev()
            .take(2)
            .map(|&(_, c)| c)
            .collect::<Vec<_>>();
        // "Е. Көшербаев": a single capital before the dot is an initial, not a sentence end.
        let is_initial = before_initial.first().is_some_and(|c| c.is_uppercase())
            && before_initial.get(1).is_none_or(|c| !c.is_alphabetic());
        if !is_initial
            && after.first() == Some(&' ')
            && after
                .get(1)
                .is_some_and(|c| c.is_uppercase() || matches!(c, '«' | '"' | '—' | '–'))
        {
            return &text[..i + c.len_utf8()];
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_headlines_from_leads() {
        assert!(is_headline(
            "Қазақстан мен Тәжікстан саяси диалогты одан әрі нығайтуға бейілділігін растады"
        ));
        assert!(is_headline(
            "Тоҷикистон ва Қазоқистон ҳамкориро тақвият мебахшанд – ИА Караван Инфо"
        ));
        assert!(!is_headline(
            "Президент Душанбеге келді. Ол министрлермен кездесті."
        ));
        assert!(!is_headline("• Саноат ва энергетика"));
        assert!(!is_headline("Сөз"));
    }

    #[test]
    fn recognises_a_repeated_headline() {
        assert!(repeats(
            "Тоҷикистон  ва Қазоқистон",
            "Тоҷикистон ва Қазоқистон"
        ));
        assert!(!repeats("", "Тоҷикистон ва Қазоқистон"));
    }

    #[test]
    fn makes_a_title_from_the_first_sentence() {
        let lead = "Қазақстан Республикасы Мәжілісінің төрағасы Ерлан Қошанов Тәжікстан Республикасы Маджлиси Оли Маджлиси милли төрағасы Рустами Эмомалимен кездесті. Тәжікстан Парламентінің басшысы келді.";
        let title = from_lead(lead);
        assert!(title.chars().count() <= MAX_MADE_TITLE, "{title}");
        assert!(
            title.starts_with("Қазақстан Республикасы Мәжілісінің төрағасы Ерлан Қошанов"),
            "{title}"
        );
        assert!(!title.ends_with(['.', ',']), "{title}");
        assert_eq!(
            from_lead("Тараптар келісті. Бұдан кейін"),
            "Тараптар келісті"
        );
        // One sentence alone, a headline written with a period: kept whole.
        let line = "Президент Қасым-Жомарт Тоқаев Тәжікстанның Маджлиси намояндагон Маджлиси Оли төрағасы Махмадтоир Зокирзодамен кездесті.";
        assert_eq!(from_lead(line), line.trim_end_matches('.'));
        assert_eq!(
            from_lead("Е. Көшербаев Душанбеге барды. Кейін"),
            "Е. Көшербаев Душанбеге барды"
        );
    }
}
