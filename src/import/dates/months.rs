//! Month names, and the words around days and years, from the language files (`[dates]`).

use super::fold::fold;
use crate::lexicon::lexicon;
use std::sync::LazyLock;

/// Which table a month word came from: decides the patterns it may take part in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Names {
    Kazakh,
    KazakhLatin,
    Tajik,
    UzbekCyrillic,
    UzbekLatin,
    Russian,
    /// `авг.`, `нояб.`: a period is required in running text, since `сен` is also Kazakh for
    /// "you"; datelines (`МОСКВА, 27 авг — РИА Новости`) go without it.
    RussianShort,
    English,
    /// `Nov 14`, `Aug. 27`.
    EnglishShort,
}

impl Names {
    /// The style a `[[dates.months]]` table of a language file names.
    fn of_style(style: &str) -> Option<Names> {
        Some(match style {
            "kazakh" => Names::Kazakh,
            "kazakh_latin" => Names::KazakhLatin,
            "tajik" => Names::Tajik,
            "uzbek" => Names::UzbekCyrillic,
            "uzbek_latin" => Names::UzbekLatin,
            "russian" => Names::Russian,
            "russian_short" => Names::RussianShort,
            "english" => Names::English,
            "english_short" => Names::EnglishShort,
            _ => return None,
        })
    }
}

// The month names and the words around days and years are data, one place per language
// (`[dates]` in data/languages/*.toml): Tajik writes the izafet after the month (`30-юми апрели
// соли 2024`, `14 ноябри 2025`); Uzbek and Kazakh add case endings; Russian uses the genitive with
// a day (its nominative is in the Tajik and Uzbek tables).

struct FoldedNames {
    names: Names,
    stems: Vec<(String, u8)>,
    endings: Vec<String>,
    homographs: Vec<String>,
}

/// The tables folded once, so a word is folded once and compared by prefix and ending. A table
/// of a style the scanner does not know is left out (the lexicon's tests catch it).
static FOLDED_NAMES: LazyLock<Vec<FoldedNames>> = LazyLock::new(|| {
    lexicon()
        .dates()
        .months
        .iter()
        .filter_map(|table| {
            Some(FoldedNames {
                names: Names::of_style(&table.style)?,
                stems: (1..=12u8)
                    .zip(table.names.iter())
                    .flat_map(|(month, stems)| stems.iter().map(move |stem| (fold(stem), month)))
                    .collect(),
                endings: table.endings.iter().map(|e| fold(e)).collect(),
                homographs: table.homographs.iter().map(|h| fold(h)).collect(),
            })
        })
        .collect()
});

/// The lexicon's date words, folded once.
pub(super) struct DateWords {
    genitive_endings: Vec<String>,
    pub(super) day_endings: Vec<String>,
    pub(super) ordinals: Vec<String>,
    pub(super) ordinals_after_month: Vec<String>,
    /// Not folded: compared with the word as written, ignoring ASCII case.
    pub(super) day_of: Vec<String>,
    pub(super) year_words: Vec<String>,
    pub(super) year_words_before: Vec<String>,
    pub(super) day_words: Vec<String>,
}

pub(super) static DATE_WORDS: LazyLock<DateWords> = LazyLock::new(|| {
    let dates = lexicon().dates();
    let folded = |words: &[String]| words.iter().map(|w| fold(w)).collect();
    DateWords {
        genitive_endings: folded(&dates.genitive_endings),
        day_endings: folded(&dates.day_endings),
        ordinals: folded(&dates.ordinals),
        ordinals_after_month: folded(&dates.ordinals_after_month),
        day_of: dates.day_of.clone(),
        year_words: folded(&dates.year_words),
        year_words_before: folded(&dates.year_words_before),
        day_words: folded(&dates.day_words),
    }
});

#[derive(Debug, Clone, Copy)]
pub(super) struct Month {
    pub(super) month: u8,
    pub(super) names: Names,
    /// Kazakh genitive (`тамыздың`): the month may come before the day
    pub(super) genitive: bool,
    /// Also a common word of a neighbouring language (`марта`): a month only with a year or on
    /// a Russian line
    pub(super) homograph: bool,
}

pub(super) fn month_word(word: &str) -> Option<Month> {
    let folded = fold(word);
    FOLDED_NAMES.iter().find_map(|table| {
        table.stems.iter().find_map(|(stem, month)| {
            let ending = folded.strip_prefix(stem.as_str())?;
            table.endings.iter().any(|e| e == ending).then(|| Month {
                month: *month,
                names: table.names,
                genitive: matches!(table.names, Names::Kazakh | Names::KazakhLatin)
                    && DATE_WORDS.genitive_endings.iter().any(|e| e == ending),
                homograph: table.homographs.contains(&folded),
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every month table of the language files has a style the scanner reads, and each of the
    /// languages that write dates has its months.
    #[test]
    fn every_month_table_is_read() {
        let tables = &lexicon().dates().months;
        for table in tables {
            assert!(
                Names::of_style(&table.style).is_some(),
                "unknown style {}",
                table.style
            );
        }
        assert_eq!(FOLDED_NAMES.len(), tables.len());
        for (word, month) in [
            ("тамызда", 8),
            ("ноябри", 11),
            ("августа", 8),
            ("avgustda", 8),
            ("aug", 8),
        ] {
            assert_eq!(month_word(word).map(|m| m.month), Some(month), "{word}");
        }
        // A homograph is one of its table's month names, and the scanner reads it so.
        for table in tables {
            for word in &table.homographs {
                assert!(
                    month_word(word).is_some_and(|m| m.homograph),
                    "{} homographs: {word:?} is no month name of the table",
                    table.style
                );
            }
        }
        assert!(!month_word("августа").is_some_and(|m| m.homograph));
    }

    /// Every word list is compared after folding; the tables fold to distinct, non-empty stems.
    #[test]
    fn folding_maps_look_alikes_and_local_letters() {
        assert_eq!(fold("ASTANА"), "astana");
        assert_eq!(fold("Cентябрь"), "сентябрь");
        assert_eq!(fold("Қыркүйек"), "кыркуйек");
        assert_eq!(fold("qyrkúıek"), "qyrkuiek");
        assert_eq!(fold("Oʻzbekiston"), "ozbekiston");
        assert_eq!(fold("ТАМЫЗ"), fold("тамыз"));
        for table in FOLDED_NAMES.iter() {
            for (stem, month) in &table.stems {
                assert!(!stem.is_empty() && (1..=12).contains(month));
                assert_eq!(month_word(stem).map(|m| m.month), Some(*month), "{stem}");
            }
        }
    }
}
