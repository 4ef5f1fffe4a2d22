//! Text primitives shared by tagging, story linking and the importer: splitting a text into
//! words, folding a word into the form words are compared in, and a loose Latin key under
//! which one name spelt in Kazakh, Tajik, Uzbek (either script) or Russian compares equal.
//!
//! Everything here is a pure function over `&str` and never panics: offsets come from
//! `char_indices`, so every slice is on a character boundary.

/// A word of the text: letters (any script), digits, inner hyphens and apostrophes
/// (ʻ ' ‘ ’ ʼ and the backtick, for Uzbek Latin oʻ gʻ and the tutuq belgisi), and the invisible characters
/// copied pages carry inside words (soft hyphen, zero-width joiners). `start..end` is the
/// byte range of `text` in the text it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written, a slice of the text, inner hyphens and invisible characters kept.
    pub text: &'a str,
    /// Where the word starts in the text, in bytes.
    pub start: usize,
    /// Where the word ends in the text, in bytes, just past its last character.
    pub end: usize,
}

/// Apostrophe-like characters that Uzbek Latin texts use for ʻ (oʻ, gʻ) and ʼ (tutuq belgisi).
/// Keyboards and CMSs turn the official ʻ into any of these.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '`' | 'ʻ' | 'ʼ' | '´' | 'ʹ' | '′')
}

/// Hyphens that join the parts of one word (`су-энергетика`, `Қасым-Жомарт`). Dashes
/// (– —) separate words and are not here.
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Characters with no glyph that scraped pages leave inside words; a word must not break there.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Combining marks: decomposed `й` (и + U+0306), `ӣ` (и + U+0304), stress accents.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}')
}

/// A character that makes or continues a word by itself. The modifier letters ʻ ʼ are
/// alphabetic for Unicode, but here they are apostrophes: they may not start a word.
fn is_core(c: char) -> bool {
    c.is_alphanumeric() && !is_apostrophe(c)
}

/// The words of `text`, in order.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    // Start of the current word and the end of its last character that belongs to it for sure.
    let mut current: Option<(usize, usize)> = None;
    let mut last_core: Option<char> = None;
    for (i, &(at, c)) in chars.iter().enumerate() {
        let after = at + c.len_utf8();
        let next = chars.get(i + 1).map(|&(_, n)| n);
        match current {
            None => {
                if is_core(c) {
                    current = Some((at, after));
                    last_core = Some(c);
                }
            }
            Some((start, end)) => {
                if is_core(c) {
                    current = Some((start, after));
                    last_core = Some(c);
                } else if is_combining(c) {
                    current = Some((start, after));
                } else if (is_hyphen(c) || is_invisible(c) || is_apostrophe(c))
                    && next.is_some_and(|n| is_core(n) || is_invisible(n) || is_combining(n))
                {
                    // Inner joiner: the word goes on; `end` moves when the next letter comes.
                } else if is_apostrophe(c) && matches!(last_core, Some('o' | 'O' | 'g' | 'G')) {
                    // Uzbek Latin oʻ / gʻ at the end of a word (`togʻ`, `Bogʻ`).
                    out.push(Word {
                        text: &text[start..after],
                        start,
                        end: after,
                    });
                    current = None;
                } else {
                    out.push(Word {
                        text: &text[start..end],
                        start,
                        end,
                    });
                    current = None;
                }
            }
        }
    }
    if let Some((start, end)) = current {
        out.push(Word {
            text: &text[start..end],
            start,
            end,
        });
    }
    out
}

/// Latin letters that look like a Cyrillic letter, and that letter. Typists and OCR mix them
/// into Cyrillic words (`ASTANА`, `Pеспублика`, Kazakh `бiлiм` with a Latin i).
pub(crate) fn latin_to_cyrillic(c: char) -> Option<char> {
    Some(match c {
        'A' => 'А',
        'B' => 'В',
        'C' => 'С',
        'E' => 'Е',
        'H' => 'Н',
        'I' => 'І',
        'K' => 'К',
        'M' => 'М',
        'O' => 'О',
        'P' => 'Р',
        'T' => 'Т',
        'X' => 'Х',
        'Y' => 'У',
        'a' => 'а',
        'c' => 'с',
        'e' => 'е',
        'h' => 'һ',
        'i' => 'і',
        'k' => 'к',
        'o' => 'о',
        'p' => 'р',
        'x' => 'х',
        'y' => 'у',
        // Kazakh typed in a Latin layout: schwa and barred o for ә and ө.
        'Ə' => 'Ә',
        'Ɵ' => 'Ө',
        'ə' => 'ә',
        'ɵ' => 'ө',
        _ => return None,
    })
}

/// The reverse: Cyrillic letters that look like a Latin one.
fn cyrillic_to_latin(c: char) -> Option<char> {
    Some(match c {
        'А' => 'A',
        'В' => 'B',
        'С' => 'C',
        'Е' => 'E',
        'Н' => 'H',
        'І' => 'I',
        'К' => 'K',
        'М' => 'M',
        'О' => 'O',
        'Р' => 'P',
        'Т' => 'T',
        'Х' => 'X',
        'У' => 'Y',
        'Ј' => 'J',
        'Ѕ' => 'S',
        'а' => 'a',
        'с' => 'c',
        'е' => 'e',
        'һ' => 'h',
        'і' => 'i',
        'к' => 'k',
        'о' => 'o',
        'р' => 'p',
        'х' => 'x',
        'у' => 'y',
        'ј' => 'j',
        'ѕ' => 's',
        _ => return None,
    })
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}')
}

/// Latin letters, with the accented ones of Turkic Latin alphabets (ä ö ü ş ğ ı İ).
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || (matches!(c, '\u{00C0}'..='\u{024F}') && c.is_alphabetic())
}

/// A base letter and a combining mark, composed into the precomposed letter texts normally use.
fn compose(base: char, mark: char) -> Option<char> {
    Some(match (base, mark) {
        ('и', '\u{0306}') => 'й',
        ('И', '\u{0306}') => 'Й',
        ('у', '\u{0306}') => 'ў',
        ('У', '\u{0306}') => 'Ў',
        ('и', '\u{0304}') => 'ӣ',
        ('И', '\u{0304}') => 'Ӣ',
        ('у', '\u{0304}') => 'ӯ',
        ('У', '\u{0304}') => 'Ӯ',
        ('е', '\u{0308}') => 'ё',
        ('Е', '\u{0308}') => 'Ё',
        _ => return None,
    })
}

/// Which script a mixed word is really in.
#[derive(Clone, Copy, PartialEq)]
enum Script {
    Cyrillic,
    Latin,
    Unchanged,
}

/// Decided by the letters that exist in one script only (`п`, `ж`, `қ` or `s`, `n`, `g`):
/// those cannot be look-alikes, so whichever script has more of them owns the word. Only when
/// neither has any (`СОВЕT`) does the plain count of letters decide; a tie changes nothing.
/// The decision ignores case (`m` counts as a look-alike because `M` is one), so that folding
/// a folded word decides the same way and changes nothing.
fn script_of(part: &[char]) -> Script {
    let lookalike = |c: char, table: fn(char) -> Option<char>| {
        table(c).is_some()
            || c.to_uppercase().any(|u| table(u).is_some())
            || c.to_lowercase().any(|l| table(l).is_some())
    };
    let (mut cyr, mut lat, mut cyr_distinct, mut lat_distinct) = (0, 0, 0, 0);
    for &c in part {
        if is_cyrillic(c) {
            cyr += 1;
            if !lookalike(c, cyrillic_to_latin) {
                cyr_distinct += 1;
            }
        } else if is_latin(c) {
            lat += 1;
            if !lookalike(c, latin_to_cyrillic) {
                lat_distinct += 1;
            }
        }
    }
    if cyr == 0 || lat == 0 {
        return Script::Unchanged;
    }
    match (cyr_distinct.cmp(&lat_distinct), cyr.cmp(&lat)) {
        (std::cmp::Ordering::Greater, _) => Script::Cyrillic,
        (std::cmp::Ordering::Less, _) => Script::Latin,
        (_, std::cmp::Ordering::Greater) => Script::Cyrillic,
        (_, std::cmp::Ordering::Less) => Script::Latin,
        _ => Script::Unchanged,
    }
}

/// The form words are compared in: lower case; Latin look-alike letters inside a Cyrillic
/// word turned Cyrillic (`Pеспублика` → `республика`) and Cyrillic look-alikes inside a Latin
/// word turned Latin (`ASTANА` with a Cyrillic А → `astana`: S and N exist only in Latin, so
/// the word is Latin); Uzbek apostrophe variants unified to ʻ; ё → е; decomposed letters
/// composed; soft hyphens and zero-width characters dropped; hyphen variants unified to `-`.
/// Each hyphen-separated part is judged on its own (`KZ-ның` stays `kz-ның`).
pub fn fold(word: &str) -> String {
    // Compose and clean first, so that script detection sees real letters.
    let mut chars: Vec<char> = Vec::with_capacity(word.len());
    for c in word.chars() {
        if is_invisible(c) {
            continue;
        }
        if is_combining(c) {
            if let Some(composed) = chars.last().and_then(|&base| compose(base, c)) {
                chars.pop();
                chars.push(composed);
            }
            // Any other mark (a stress accent) is dropped: it never distinguishes words here.
            continue;
        }
        chars.push(if is_hyphen(c) { '-' } else { c });
    }
    // ё → е before the script is judged: е has a Latin look-alike, ё has none, and folding a
    // folded word must decide as the first fold did.
    for c in &mut chars {
        match *c {
            'ё' => *c = 'е',
            'Ё' => *c = 'Е',
            _ => {}
        }
    }
    let mut out = String::with_capacity(word.len());
    for (i, part) in chars.split(|&c| c == '-').enumerate() {
        if i > 0 {
            out.push('-');
        }
        let script = script_of(part);
        // Map look-alikes before lower-casing (upper-case `B` looks like `В`, `b` does not) and
        // again after (`İ` lower-cases to a Latin `i`).
        let table: Option<fn(char) -> Option<char>> = match script {
            Script::Cyrillic => Some(latin_to_cyrillic),
            Script::Latin => Some(cyrillic_to_latin),
            Script::Unchanged => None,
        };
        let map = |c: char| table.and_then(|t| t(c)).unwrap_or(c);
        for &c in part {
            for l in map(c).to_lowercase().map(map) {
                match l {
                    // Lower-casing İ yields i + U+0307; the dot distinguishes nothing here.
                    l if is_combining(l) => {}
                    l if is_apostrophe(l) => out.push('ʻ'),
                    l => out.push(l),
                }
            }
        }
    }
    out
}

/// Common Latin for one folded (lower-case) letter; `None` drops it.
fn key_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'а' | 'ә' | 'ä' | 'á' | 'à' | 'â' => "a",
        'б' => "b",
        'в' | 'w' => "v",
        'г' | 'ғ' | 'ğ' => "g",
        'д' => "d",
        'е' | 'э' | 'é' | 'è' | 'ê' | 'ë' => "e",
        'ж' | 'ҷ' => "j",
        'з' => "z",
        'и' | 'і' | 'ӣ' | 'ы' | 'ı' | 'í' | 'ï' | 'î' => "i",
        'й' => "y",
        'к' | 'қ' | 'q' => "k",
        'л' => "l",
        'м' => "m",
        'н' | 'ң' | 'ñ' => "n",
        'о' | 'ө' | 'ö' | 'ó' | 'ô' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ӯ' | 'ў' | 'ұ' | 'ү' | 'ü' | 'ū' | 'ú' | 'û' => "u",
        'ф' => "f",
        'х' | 'ҳ' | 'һ' | 'x' => "h",
        'ц' => "ts",
        'ч' | 'ç' => "ch",
        'ш' | 'щ' | 'ş' => "sh",
        'ю' => "yu",
        'я' => "ya",
        'ъ' | 'ь' | 'ʻ' | '-' => "",
        _ => return None,
    })
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// A loose common-Latin key for names, so one person spelt in kk, tg, uz or ru compares
/// equal: Қошанов / Кошанов → `koshanov`, Рахмон / Раҳмон → `rahmon`, Эмомали / Эмомалӣ /
/// Emomali → `emomali`, Тоқаев / Токаев / Toqayev → `tokaev`, Мухриддин / Муҳриддин →
/// `muhridin`; Беткенов and Бектенов stay different.
///
/// Choices, each so that two real spellings of one name meet:
/// - ҳ х һ and Latin x, kh → h; қ к q → k; ғ г gʻ → g; ҷ ж дж and Latin j, zh, dj, dzh → j
///   (Tajik Ҷ, Kazakh Ж, Russian Дж and Uzbek J are one sound in names);
/// - ӣ и і ы → i; ӯ у ў ұ ү → u, and Uzbek Latin oʻ → u too, because oʻ *is* Cyrillic ў
///   (Oʻzbekiston = Ўзбекистон); ә а → a; ө о → o; е э ё → e; й → y; ъ ь and apostrophes dropped;
/// - then y is dropped where Latin spellings add it between vowels (Toqayev, Vasilyev): ye, yo
///   → e (Cyrillic е, ё), iy → i (-ий, -ый), and y between two vowels;
/// - doubled letters collapse (Муҳриддин / Мухридин), so the key of Муҳриддин is `muhridin`.
///
/// Letters of other scripts are kept lower case, so such names still compare among themselves.
pub fn name_key(word: &str) -> String {
    let folded = fold(word);
    let mut latin = String::with_capacity(folded.len());
    let chars: Vec<char> = folded.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        // Uzbek Latin oʻ is Cyrillic ў.
        if c == 'o' && chars.get(i + 1) == Some(&'ʻ') {
            latin.push('u');
            i += 2;
            continue;
        }
        match key_letter(c) {
            Some(l) => latin.push_str(l),
            None if c.is_alphanumeric() => latin.push(c),
            None => {}
        }
        i += 1;
    }
    let mut s = latin;
    for (from, to) in [
        ("dzh", "j"),
        ("dj", "j"),
        ("zh", "j"),
        ("kh", "h"),
        ("yo", "e"),
        ("ye", "e"),
        ("iy", "i"),
    ] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == 'y'
            && i > 0
            && is_vowel(chars[i - 1])
            && chars.get(i + 1).is_some_and(|&n| is_vowel(n))
        {
            continue;
        }
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        words(text).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn words_keep_inner_hyphens_and_uzbek_apostrophes() {
        assert_eq!(
            texts("Қасым-Жомарт Тоқаев, су-энергетикалық — 24-ўрин."),
            ["Қасым-Жомарт", "Тоқаев", "су-энергетикалық", "24-ўрин"]
        );
        assert_eq!(
            texts("Oʻzbekiston va Qozogʻiston, o'zaro togʻ sunʼiy"),
            [
                "Oʻzbekiston",
                "va",
                "Qozogʻiston",
                "o'zaro",
                "togʻ",
                "sunʼiy"
            ]
        );
        // Quotes and dashes around words are not part of them.
        assert_eq!(texts("«Педагог» 'word' -x- ʻ"), ["Педагог", "word", "x"]);
        // A soft hyphen or a decomposed й inside a word does not split it.
        let w = words("Қазақ\u{00AD}стан Жаи\u{0306}лау");
        assert_eq!(w.len(), 2);
        assert_eq!(fold(w[0].text), "қазақстан");
        assert_eq!(fold(w[1].text), "жайлау");
    }

    #[test]
    fn words_carry_their_byte_range() {
        let text = "ASTANА. Kazinform — Ерлан";
        for w in words(text) {
            assert_eq!(&text[w.start..w.end], w.text);
        }
    }

    #[test]
    fn fold_fixes_look_alikes_case_and_apostrophes() {
        assert_eq!(fold("Pеспублика"), "республика");
        assert_eq!(fold("ASTANА"), "astana");
        assert_eq!(fold("ТОҶИКИСТОH"), "тоҷикистон");
        assert_eq!(fold("бiлiм"), "білім");
        assert_eq!(fold("Qozog'iston"), "qozogʻiston");
        assert_eq!(fold("Qozog‘iston"), "qozogʻiston");
        assert_eq!(fold("Мирзиёев"), "мирзиеев");
        assert_eq!(fold("су‑энергетика"), "су-энергетика");
        assert_eq!(fold("KZ-ның"), "kz-ның");
        assert_eq!(fold("Kazinform"), "kazinform");
    }

    #[test]
    fn name_keys_meet_across_languages() {
        let same = [
            (
                &["Қошанов", "Кошанов", "Qoshanov", "Koshanov"][..],
                "koshanov",
            ),
            (&["Рахмон", "Раҳмон", "Rahmon", "Rakhmon"], "rahmon"),
            (&["Эмомали", "Эмомалӣ", "Emomali"], "emomali"),
            (&["Тоқаев", "Токаев", "Toqayev", "Tokayev"], "tokaev"),
            (&["Мухриддин", "Муҳриддин", "Muhriddin"], "muhridin"),
            (&["Жомарт", "Jomart", "Zhomart"], "jomart"),
            (&["Сироджиддин", "Сироҷиддин", "Sirojiddin"], "sirojidin"),
            (
                &["Ўзбекистон", "Oʻzbekiston", "O'zbekiston", "Узбекистон"],
                "uzbekiston",
            ),
            (&["Мирзиёев", "Mirziyoyev"], "mirziev"),
            (&["Көшербаев", "Кошербаев", "Kosherbayev"], "kosherbaev"),
            (&["Маджлиси", "Маҷлиси", "Мажлиси", "Majlisi"], "majlisi"),
        ];
        for (spellings, key) in same {
            for s in spellings {
                assert_eq!(name_key(s), key, "{s}");
            }
        }
        assert_ne!(name_key("Беткенов"), name_key("Бектенов"));
        assert_eq!(name_key("ASTANА"), name_key("Астана"));
    }
}
