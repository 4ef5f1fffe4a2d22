//! Latin slugs from Cyrillic titles: stable, lower case, short; URLs never carry Cyrillic.

use crate::lexicon::lexicon;

/// The Latin transliteration of `word` as `lang` writes its letters (`None`: any language's way),
/// lower case, every other character dropped.
pub fn transliterate_word(word: &str, lang: Option<&str>) -> String {
    let lexicon = lexicon();
    let mut out = String::new();
    for c in word.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some(latin) = lexicon.latin(c, out.is_empty(), lang) {
            out.push_str(latin);
        }
    }
    out
}

/// A story id: the date, then `words` (a slug) if there are any.
pub fn story_id(date: crate::date::Date, words: &str) -> String {
    if words.is_empty() {
        date.to_string()
    } else {
        format!("{date}-{words}")
    }
}

/// A slug of at most `max_words` words and `max_len` bytes, cut at a word boundary, in the
/// Latin of `lang`.
pub fn slugify(text: &str, max_words: usize, max_len: usize, lang: Option<&str>) -> String {
    slug_words(text, max_words, max_len, lang).join("-")
}

fn slug_words(text: &str, max_words: usize, max_len: usize, lang: Option<&str>) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut len = 0;
    for word in text
        .split_whitespace()
        .map(|w| transliterate_word(w, lang))
        .filter(|w| !w.is_empty())
        .take(max_words)
    {
        let extra = if words.is_empty() {
            word.len()
        } else {
            word.len() + 1
        };
        if len + extra > max_len {
            if words.is_empty() {
                words.push(word[..max_len].to_string());
            }
            break;
        }
        len += extra;
        words.push(word);
    }
    words
}

/// The slug of an article title in `lang`: six words, sixty characters at most, never ending on
/// a function word (`…-hamkorii-dar`), which says nothing of the article.
pub fn title_slug(title: &str, lang: Option<&str>) -> String {
    let original: Vec<&str> = title.split_whitespace().collect();
    let mut words = slug_words(title, 6, 60, lang);
    // The words kept are the first ones whose Latin is not empty, in order.
    let kept: Vec<String> = original
        .iter()
        .filter(|w| !transliterate_word(w, lang).is_empty())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .take(words.len())
        .collect();
    while words.len() > 1
        && kept
            .get(words.len() - 1)
            .is_some_and(|w| lexicon().is_function_word(w, lang))
    {
        words.pop();
    }
    words.join("-")
}

/// Is `s` a well-formed slug or id: `[a-z0-9]` words joined by single `-`?
/// Output paths are built from these, so nothing else may pass.
pub fn is_valid(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 120
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterates_kazakh_and_tajik_titles() {
        assert_eq!(
            title_slug(
                "Қазақстан мен Тәжікстан саяси диалогты одан әрі нығайтуға",
                Some("kk")
            ),
            "qazaqstan-men-tazhikstan-sayasi-dialogty-odan"
        );
        assert_eq!(
            title_slug("Тоҷикистон ва Қазоқистон ҳамкорӣ", Some("tg")),
            "tojikiston-va-qazoqiston-hamkori"
        );
        assert_eq!(
            title_slug("Ўзбекча «сўз» — 2025", Some("uz")),
            "ozbekcha-soz-2025"
        );
    }

    #[test]
    fn uzbek_titles_in_uzbek_latin() {
        assert_eq!(
            title_slug(
                "Тожикистонда Қозоғистон маданият кунлари бўлиб ўтади",
                Some("uz")
            ),
            "tojikistonda-qozogiston-madaniyat-kunlari-bolib-otadi"
        );
        assert_eq!(
            title_slug("Ҳамкорлик ва хавфсизлик Европа билан", Some("uz")),
            "hamkorlik-va-xavfsizlik-yevropa"
        );
        // Uzbek Latin titles lose their apostrophes.
        assert_eq!(
            title_slug("Oʻzbekiston va Qozogʻiston", Some("uz")),
            "ozbekiston-va-qozogiston"
        );
        // The Kazakh table still writes Kazakh.
        assert_eq!(
            title_slug("Қожа Ахмет Ясауи", Some("kk")),
            "qozha-akhmet-yasaui"
        );
    }

    #[test]
    fn no_slug_ends_on_a_function_word() {
        for (title, lang, slug) in [
            (
                "Тоҷикистон ва Қазоқистон ҳамкории дуҷонибаро дар сатҳи байнипарламентӣ",
                "tg",
                "tojikiston-va-qazoqiston-hamkorii-dujonibaro",
            ),
            (
                "Қазақстан мен Тәжікстан президенттері сауда мен экономиканы талқылады",
                "kk",
                "qazaqstan-men-tazhikstan-prezidentteri-sauda",
            ),
            (
                "Ўзбекистон Қирғизистон Тожикистон Қозоғистон Туркманистон билан",
                "uz",
                "ozbekiston-qirgiziston-tojikiston-qozogiston-turkmaniston",
            ),
            (
                "Казахстан и Таджикистан обсудили сотрудничество в энергетике",
                "ru",
                "kazakhstan-i-tadzhikistan-obsudili-sotrudnichestvo",
            ),
        ] {
            assert_eq!(title_slug(title, Some(lang)), slug, "{title}");
        }
        // A title of one function word keeps it: a slug is never empty for a title with letters.
        assert_eq!(title_slug("ва", Some("tg")), "va");
    }

    #[test]
    fn slugs_are_short_and_valid() {
        let long = "Ассалому алайкум ".repeat(20);
        let slug = title_slug(&long, None);
        assert!(slug.len() <= 60, "{slug}");
        assert!(is_valid(&slug));
        assert!(!is_valid("a/b"));
        assert!(!is_valid(".."));
        assert!(!is_valid("Кириллица"));
        assert!(!is_valid(""));
    }
}
