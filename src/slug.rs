//! Latin slugs from Cyrillic titles: stable, lower case, short; URLs never carry Cyrillic.

/// Latin for one lower-case Cyrillic letter of Kazakh, Tajik, Uzbek or Russian.
fn latin(c: char) -> Option<&'static str> {
    Some(match c {
        'а' | 'ә' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ғ' => "gh",
        'д' => "d",
        'е' | 'э' => "e",
        'ё' => "yo",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' | 'ӣ' => "i",
        'й' | 'ы' => "y",
        'к' => "k",
        'қ' => "q",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'ң' => "ng",
        'о' | 'ө' | 'ў' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ұ' | 'ү' | 'ӯ' => "u",
        'ф' => "f",
        'х' => "kh",
        'һ' | 'ҳ' => "h",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ю' => "yu",
        'я' => "ya",
        'ҷ' => "j",
        _ => return None,
    })
}

/// The Latin transliteration of `text`, lower case, every other character dropped.
pub fn transliterate_word(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some(latin) = latin(c) {
            out.push_str(latin);
        }
    }
    out
}

/// A slug of at most `max_words` words and `max_len` bytes, cut at a word boundary.
pub fn slugify(text: &str, max_words: usize, max_len: usize) -> String {
    let mut slug = String::new();
    for word in text
        .split_whitespace()
        .map(transliterate_word)
        .filter(|w| !w.is_empty())
        .take(max_words)
    {
        let extra = if slug.is_empty() {
            word.len()
        } else {
            word.len() + 1
        };
        if slug.len() + extra > max_len {
            if slug.is_empty() {
                slug.push_str(&word[..max_len]);
            }
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word);
    }
    slug
}

/// The slug of an article title: six words, sixty characters at most.
pub fn title_slug(title: &str) -> String {
    slugify(title, 6, 60)
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
            title_slug("Қазақстан мен Тәжікстан саяси диалогты одан әрі нығайтуға"),
            "qazaqstan-men-tazhikstan-sayasi-dialogty-odan"
        );
        assert_eq!(
            title_slug("Тоҷикистон ва Қазоқистон ҳамкорӣ"),
            "tojikiston-va-qazoqiston-hamkori"
        );
        assert_eq!(title_slug("Ўзбекча «сўз» — 2025"), "ozbekcha-soz-2025");
    }

    #[test]
    fn slugs_are_short_and_valid() {
        let long = "Ассалому алайкум ".repeat(20);
        let slug = title_slug(&long);
        assert!(slug.len() <= 60, "{slug}");
        assert!(is_valid(&slug));
        assert!(!is_valid("a/b"));
        assert!(!is_valid(".."));
        assert!(!is_valid("Кириллица"));
        assert!(!is_valid(""));
    }
}
