//! The place a dateline names, as the front matter keeps it: `ДУШАНБЕ` → `Душанбе`,
//! `ASTANА` (a Cyrillic А among Latin letters) → `Astana`, `НУР-СУЛТАН/ASTANA` → `Нур-Султан`.

use crate::lexicon::matching::fold;

/// The place of a dateline as a name: its first form when it gives two (`A/B`), its letters in
/// one script, each word capitalised as a name is. `None` when nothing of a name is left.
pub fn from_dateline(written: &str) -> Option<String> {
    let first = written.split('/').next()?.trim();
    let mut name = String::with_capacity(first.len());
    for (i, word) in first.split_whitespace().enumerate() {
        if i > 0 {
            name.push(' ');
        }
        let parts: Vec<String> = word.split('-').map(capitalised).collect();
        name.push_str(&parts.join("-"));
    }
    name.chars().any(char::is_alphabetic).then_some(name)
}

/// One word of a name: look-alike letters made one script (as [`fold`] does), then a capital
/// and lower case.
fn capitalised(word: &str) -> String {
    let folded = fold(word);
    let mut chars = folded.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_as_names() {
        for (written, name) in [
            ("ДУШАНБЕ", "Душанбе"),
            ("Душанбе", "Душанбе"),
            ("ASTANA", "Astana"),
            ("ASTANА", "Astana"),
            ("АСТАНА", "Астана"),
            ("НУР-СУЛТАН/ASTANA", "Нур-Султан"),
            ("ТОШКЕНТ", "Тошкент"),
            ("Нью-Йорк", "Нью-Йорк"),
            ("Dushanbe", "Dushanbe"),
            ("АЛМА-АТА", "Алма-Ата"),
        ] {
            assert_eq!(from_dateline(written).as_deref(), Some(name), "{written}");
        }
        assert_eq!(from_dateline(" / "), None);
    }
}
