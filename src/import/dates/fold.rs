//! Folding words for comparison: case, Latin/Cyrillic look-alikes, and the letters proper to
//! Kazakh, Tajik and Uzbek reduced to their plain Russian or ASCII base.

use super::tokens::{is_apostrophe, is_combining, is_cyrillic, is_latin};

/// A word reduced for comparison: lower case; Latin and Cyrillic look-alikes mapped into the
/// script most of its letters are in (`ASTANА` → `astana`, `Cентябрь` → `сентябрь`); Kazakh,
/// Tajik and Uzbek letters reduced to plain Russian letters (`қыркүйек` → `кыркуйек`), Latin
/// diacritics and apostrophes dropped (`qyrkúıek` → `qyrkuiek`, `oʻ` → `o`).
pub(super) fn fold(word: &str) -> String {
    let latin = word.chars().filter(|&c| is_latin(c)).count();
    let cyrillic = word.chars().filter(|&c| is_cyrillic(c)).count();
    let to_latin = latin > cyrillic;
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        let plain = if to_latin {
            plain_latin(cyrillic_as_latin(c))
        } else {
            plain_cyrillic(latin_as_cyrillic(c))
        };
        out.extend(plain);
    }
    out
}

/// A lower-case Latin letter that looks like a Cyrillic one, in upper or lower case (`B`/`В`,
/// `H`/`Н`, `i`/`і`): what a Cyrillic word typed with some Latin keys contains.
fn latin_as_cyrillic(c: char) -> char {
    match c {
        'a' => 'а',
        'b' => 'в',
        'c' => 'с',
        'e' => 'е',
        'h' => 'н',
        'i' => 'і',
        'j' => 'ј',
        'k' => 'к',
        'm' => 'м',
        'o' => 'о',
        'p' => 'р',
        't' => 'т',
        'x' => 'х',
        'y' => 'у',
        'ə' => 'ә',
        'ɵ' => 'ө',
        other => other,
    }
}

fn cyrillic_as_latin(c: char) -> char {
    match c {
        'а' => 'a',
        'в' => 'b',
        'с' => 'c',
        'е' => 'e',
        'н' | 'һ' => 'h',
        'і' => 'i',
        'ј' => 'j',
        'к' => 'k',
        'м' => 'm',
        'о' => 'o',
        'р' => 'p',
        'т' => 't',
        'х' => 'x',
        'у' | 'ү' => 'y',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'ә' => 'ə',
        other => other,
    }
}

fn plain_cyrillic(c: char) -> Option<char> {
    Some(match c {
        'ә' => 'а',
        'ғ' => 'г',
        'қ' | 'ҡ' => 'к',
        'ң' => 'н',
        'ө' | 'ɵ' => 'о',
        'ұ' | 'ү' | 'ӯ' | 'ў' => 'у',
        'һ' | 'ҳ' => 'х',
        'і' | 'ӣ' => 'и',
        'ҷ' => 'ч',
        'ё' => 'е',
        c if is_combining(c)
            || is_apostrophe(c)
            || matches!(c, '\u{ad}' | '\u{200c}' | '\u{200d}') =>
        {
            return None;
        }
        other => other,
    })
}

fn plain_latin(c: char) -> Option<char> {
    Some(match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ə' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ō' | 'ɵ' => 'o',
        // Kazakh Latin of 2018 writes `ý` for `у` (`naýryz`, `sáýir`).
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ý' => 'u',
        'ÿ' => 'y',
        'ń' | 'ñ' => 'n',
        'ǵ' | 'ğ' => 'g',
        'ş' => 's',
        'ç' => 'c',
        c if is_combining(c)
            || is_apostrophe(c)
            || matches!(c, '\u{ad}' | '\u{200c}' | '\u{200d}') =>
        {
            return None;
        }
        other => other,
    })
}
