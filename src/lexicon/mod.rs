//! The project's knowledge of languages: the detection profiles, the words of page furniture and
//! of credits, the letters slugs are written in, and (`matching`) how words are split and
//! compared across scripts; used by the importer, slugs and the taxonomy's place names. It lives in `data/languages/<code>.toml`, one file per language, so that adding a
//! language or a phrase is a change of data; this module reads the files, built into the binary,
//! once, and merges each kind of list over all languages, since a page in one language often
//! carries another's chrome.

mod file;
mod kinds;
pub mod matching;
mod scripts;

#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use file::{DatesFile, parse};
pub(crate) use kinds::{ChromeKind, CreditKind};
use scripts::Scripts;

/// The alphabet a text, a word or a letter is in. A language file gives a detection profile per
/// script the language is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Script {
    /// Candidates with a `[detect.cyrillic]` profile: Kazakh, Tajik, Uzbek, Russian and rivals.
    Cyrillic,
    /// Candidates with a `[detect.latin]` profile: Uzbek and English.
    Latin,
}

/// `(code, file)` for one language.
macro_rules! language {
    ($code:literal) => {
        (
            $code,
            include_str!(concat!("../../data/languages/", $code, ".toml")),
        )
    };
}

/// Every language file. The order is that of the detection candidates, which breaks ties between
/// equal scores and orders the evidence, and that of merged lists where order matters
/// ([`CreditKind::Attributions`]).
const FILES: &[(&str, &str)] = &[
    language!("kk"),
    language!("tg"),
    language!("uz"),
    language!("ru"),
    language!("en"),
    language!("ky"),
    language!("tt"),
    language!("uk"),
    language!("bg"),
];

/// The detection profile of one language in one script.
#[derive(Debug)]
pub(crate) struct Profile {
    pub(crate) code: String,
    /// The language's English name, for the report.
    pub(crate) name: String,
    pub(crate) script: Script,
    /// Whether the archive takes texts in this language.
    pub(crate) archive: bool,
    /// Per-mille rate of each letter unit among the script's letters.
    pub(crate) letters: Vec<(String, f64)>,
    /// Per-mille rate of each function word among words.
    pub(crate) words: Vec<(String, f64)>,
    /// Letters to show as evidence for this language, most distinctive first.
    pub(crate) signature: Vec<String>,
    /// Usual share of words that are in `words`; a text far below it is a poor fit.
    pub(crate) function_share: f64,
    /// Letters the language has and its look-alike rivals lack.
    pub(crate) exclusive: Vec<String>,
    /// Letters of its rivals that the language does not write.
    pub(crate) foreign: Vec<String>,
    /// Whether the evidence names the rival languages' exclusive letters found or missing.
    pub(crate) rival_letters: bool,
}

/// The phrases of one kind, merged over all languages: in file order, without repeats.
#[derive(Debug, Default)]
pub(crate) struct Phrases {
    list: Vec<String>,
    set: HashSet<String>,
}

impl Phrases {
    fn push(&mut self, phrase: &str) {
        if self.set.insert(phrase.to_string()) {
            self.list.push(phrase.to_string());
        }
    }

    /// Whether `key` is one of the phrases, exactly.
    pub(crate) fn contains(&self, key: &str) -> bool {
        self.set.contains(key)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        self.list.iter().map(String::as_str)
    }
}

/// All the language files, merged.
#[derive(Debug)]
pub(crate) struct Lexicon {
    profiles: Vec<Profile>,
    chrome: HashMap<ChromeKind, Phrases>,
    credits: HashMap<CreditKind, Phrases>,
    /// What a kind no language lists gives.
    none: Phrases,
    /// Each language's own words and letters, in file order.
    languages: Vec<(String, Words)>,
    /// Kinds of event and the stems that name them, over all languages, each stem folded and
    /// split into its words.
    events: Vec<(String, Vec<Vec<String>>)>,
    /// Beginnings of capitalised words that are no names, as name keys, over all languages.
    not_names: Vec<String>,
    /// How dates are written, over all languages.
    dates: Dates,
    /// Endings a source's name takes in an attribution, with what the bare name keeps of each.
    ablative_endings: Vec<(String, String)>,
    /// The letter units of each script (`data/scripts.toml`).
    scripts: Scripts,
}

/// The words of dates, merged over all languages (see `[dates]` in a language file).
#[derive(Debug, Default)]
pub(crate) struct Dates {
    /// Month-name tables, in file order: the first that knows a word decides.
    pub(crate) months: Vec<MonthTable>,
    /// Kazakh genitive endings, which let the month come before the day (`тамыздың 27-сі`).
    pub(crate) genitive_endings: Vec<String>,
    /// Endings of a day after a genitive month (`27-сі`).
    pub(crate) day_endings: Vec<String>,
    /// Ordinal endings on a day (`30-юми`, `27-го`, `14th`).
    pub(crate) ordinals: Vec<String>,
    /// Ordinal endings on a day after its month (`Nov 14th`).
    pub(crate) ordinals_after_month: Vec<String>,
    /// Words between an ordinal day and its month (`14th of November`), compared ignoring ASCII
    /// case.
    pub(crate) day_of: Vec<String>,
    /// Words for "year" after a year (`2025 жылғы`, `2025 йил`, `2025 г.`).
    pub(crate) year_words: Vec<String>,
    /// Words for "year" before a year (`соли 2024`).
    pub(crate) year_words_before: Vec<String>,
    /// The word for "day" after a date (`тамыздың 27 күні`).
    pub(crate) day_words: Vec<String>,
}

impl Dates {
    /// Adds one file's words, after those of the files before it.
    fn extend(&mut self, file: DatesFile) {
        self.months.extend(file.months);
        self.genitive_endings.extend(file.genitive_endings);
        self.day_endings.extend(file.day_endings);
        self.ordinals.extend(file.ordinals);
        self.ordinals_after_month.extend(file.ordinals_after_month);
        self.day_of.extend(file.day_of);
        self.year_words.extend(file.year_words);
        self.year_words_before.extend(file.year_words_before);
        self.day_words.extend(file.day_words);
    }
}

/// One language's (or script's, or case's) month names.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MonthTable {
    /// Which of the scanner's patterns the names take part in (`kazakh`, `russian_short` …).
    pub(crate) style: String,
    /// What may follow a stem: case endings, or `""` alone.
    #[serde(default = "no_ending")]
    pub(crate) endings: Vec<String>,
    /// Twelve lists of stems, January first.
    pub(crate) names: Vec<Vec<String>>,
    /// Month names of the table that are also a common word of a neighbouring language (Russian
    /// `марта` is Uzbek for "times"): such a word is a month only with a year, or on a line
    /// without the Cyrillic letters Russian lacks.
    #[serde(default)]
    pub(crate) homographs: Vec<String>,
}

fn no_ending() -> Vec<String> {
    vec![String::new()]
}

/// What is known of one language's words and letters, not merged with the others'.
#[derive(Debug, Default)]
pub(crate) struct Words {
    /// Words a slug or a made title never ends on.
    function: HashSet<String>,
    /// The Latin of each lower-case letter, for slugs.
    letters: HashMap<char, String>,
    /// The Latin of a letter at the start of a word, where it differs.
    word_start: HashMap<char, String>,
}

/// The lexicon of the embedded files, read on first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
        Lexicon::from_files(FILES).expect("the embedded language files parse (lexicon's tests)")
    });
    &LEXICON
}

impl Lexicon {
    /// Detection profiles of every language and script, in the order of [`FILES`], Cyrillic
    /// before Latin within a file.
    pub(crate) fn profiles(&self) -> &[Profile] {
        &self.profiles
    }

    pub(crate) fn chrome(&self, kind: ChromeKind) -> &Phrases {
        self.chrome.get(&kind).unwrap_or(&self.none)
    }

    pub(crate) fn credits(&self, kind: CreditKind) -> &Phrases {
        self.credits.get(&kind).unwrap_or(&self.none)
    }

    /// Whether a name key begins like a word that is no name (a title, an institution, a country).
    pub(crate) fn is_not_a_name(&self, key: &str) -> bool {
        self.not_names.iter().any(|k| key.starts_with(k.as_str()))
    }

    /// Case endings a source's name takes in an attribution (`… қызметінен`), each with what
    /// the bare name keeps of it.
    pub(crate) fn ablative_endings(&self) -> &[(String, String)] {
        &self.ablative_endings
    }

    /// How dates are written.
    pub(crate) fn dates(&self) -> &Dates {
        &self.dates
    }

    /// The letter units of a script, over which the detection profiles give their rates: single
    /// letters, and in Latin the digraphs that stand for one sound (`oʻ`, `sh`).
    pub(crate) fn letter_units(&self, script: Script) -> &[String] {
        self.scripts.units(script)
    }

    /// The kinds of event, each with its stems (folded, one list of words each).
    pub(crate) fn event_kinds(&self) -> &[(String, Vec<Vec<String>>)] {
        &self.events
    }

    /// Whether `word` (lower case) is a function word of `lang`, or of any language when the
    /// language is not known.
    pub(crate) fn is_function_word(&self, word: &str, lang: Option<&str>) -> bool {
        self.languages
            .iter()
            .filter(|(code, _)| lang.is_none_or(|l| l == code))
            .any(|(_, w)| w.function.contains(word))
    }

    /// The Latin of a lower-case letter in a slug: as `lang` writes it, or else as the first
    /// language that has the letter does (a Kazakh name in a Russian title keeps its letters).
    /// `None` for a letter no language writes.
    pub(crate) fn latin(&self, c: char, word_start: bool, lang: Option<&str>) -> Option<&str> {
        let own = self
            .languages
            .iter()
            .filter(|(code, _)| Some(code.as_str()) == lang);
        own.chain(self.languages.iter()).find_map(|(_, w)| {
            word_start
                .then(|| w.word_start.get(&c))
                .flatten()
                .or_else(|| w.letters.get(&c))
                .map(String::as_str)
        })
    }

    fn from_files(files: &[(&str, &str)]) -> Result<Self, String> {
        let mut lexicon = Lexicon {
            profiles: Vec::new(),
            chrome: HashMap::new(),
            credits: HashMap::new(),
            none: Phrases::default(),
            languages: Vec::new(),
            events: Vec::new(),
            not_names: Vec::new(),
            dates: Dates::default(),
            ablative_endings: Vec::new(),
            scripts: scripts::parse(scripts::FILE)?,
        };
        for &(code, text) in files {
            let file = parse(code, text)?;
            for (script, profile) in [
                (Script::Cyrillic, file.detect.cyrillic),
                (Script::Latin, file.detect.latin),
            ] {
                let Some(p) = profile else { continue };
                lexicon.profiles.push(Profile {
                    code: code.to_string(),
                    name: file.name.clone(),
                    script,
                    archive: file.archive,
                    letters: p.letters,
                    words: p.words,
                    signature: p.signature,
                    function_share: p.function_share,
                    exclusive: p.exclusive,
                    foreign: p.foreign,
                    rival_letters: p.rival_letters.unwrap_or(file.archive),
                });
            }
            merge(&mut lexicon.chrome, file.chrome);
            merge(&mut lexicon.credits, file.credits);
            let letters =
                |table: HashMap<String, String>| -> Result<HashMap<char, String>, String> {
                    table
                    .into_iter()
                    .map(|(letter, latin)| {
                        let mut chars = letter.chars();
                        match (chars.next(), chars.next()) {
                            (Some(c), None) => Ok((c, latin)),
                            _ => Err(format!(
                                "data/languages/{code}.toml [transliteration]: \"{letter}\" is not one letter"
                            )),
                        }
                    })
                    .collect()
                };
            let mut kinds: Vec<_> = file.events.into_iter().collect();
            kinds.sort();
            for (kind, stems) in kinds {
                let stems = stems
                    .iter()
                    .map(|stem| stem.split_whitespace().map(matching::fold).collect());
                match lexicon.events.iter_mut().find(|(k, _)| *k == kind) {
                    Some((_, all)) => all.extend(stems),
                    None => lexicon.events.push((kind, stems.collect())),
                }
            }
            for table in &file.dates.months {
                if table.names.len() != 12 {
                    return Err(format!(
                        "data/languages/{code}.toml [[dates.months]] {}: {} months, not 12",
                        table.style,
                        table.names.len()
                    ));
                }
            }
            lexicon.dates.extend(file.dates);
            lexicon
                .ablative_endings
                .extend(file.words.ablative_endings.clone());
            for word in &file.words.not_names {
                let key = matching::name_key(word);
                if !key.is_empty() && !lexicon.not_names.contains(&key) {
                    lexicon.not_names.push(key);
                }
            }
            lexicon.languages.push((
                code.to_string(),
                Words {
                    function: file.words.function.into_iter().collect(),
                    letters: letters(file.transliteration.letters)?,
                    word_start: letters(file.transliteration.word_start)?,
                },
            ));
        }
        Ok(lexicon)
    }
}

fn merge<K: Eq + Hash>(into: &mut HashMap<K, Phrases>, lists: HashMap<K, Vec<String>>) {
    for (kind, list) in lists {
        let merged = into.entry(kind).or_default();
        for phrase in &list {
            merged.push(phrase);
        }
    }
}
