//! Tokenising: words of either script, look-alike letters mapped into the word's script,
//! decomposed letters composed, apostrophes unified, links left out.

use super::Script;

pub(super) struct Token {
    /// Lowercase, look-alike letters mapped to the word's script, apostrophes unified.
    pub(super) text: String,
    pub(super) script: Script,
    /// The word as written, for evidence.
    pub(super) original: String,
    /// Whether letters of the other script had to be mapped ("ASTANА", "Pеспублика").
    pub(super) lookalike: bool,
}

pub(super) fn script_of(c: char) -> Option<Script> {
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

pub(super) fn is_apostrophe(c: char) -> bool {
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
pub(super) fn script_hint(text: &str) -> Script {
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

pub(super) fn tokenize(text: &str, hint: Script) -> Vec<Token> {
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

/// Uzbek Latin writes oʻ and gʻ with U+02BB, but texts use ' ‘ ’ and the backtick as well;
/// elsewhere the sign is the tutuq belgisi ʼ (U+02BC), as in taʼkidladi.
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
    crate::lexicon::matching::latin_to_cyrillic(c).unwrap_or(c)
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
}
