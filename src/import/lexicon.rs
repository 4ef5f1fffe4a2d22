//! The importer's knowledge of languages: the detection profiles, the words of page furniture and
//! of credits. It lives in `data/languages/<code>.toml`, one file per language, so that adding a
//! language or a phrase is a change of data; this module reads the files, built into the binary,
//! once, and merges each kind of list over all languages, since a page in one language often
//! carries another's chrome.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::sync::LazyLock;

use serde::Deserialize;

use super::language::Script;

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

/// The kinds of page furniture ([`super::furniture`]), the keys of a file's `[chrome]`. Unless said
/// otherwise an entry is compared with a whole line's key (see `furniture::key`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum ChromeKind {
    /// The first item of a breadcrumb, or a "home" link.
    Home,
    /// Site navigation that is never article text on a line of its own.
    Nav,
    /// Section names: furniture above or below the article or next to a menu; inside the article
    /// the same word may be a subheading.
    Rubrics,
    /// Language switches, and the names of languages a site's language menu lists.
    Languages,
    /// Names of the days of the week, as a page writes its date (one word each).
    Weekdays,
    /// "Today", "yesterday", as a page writes a recent date (one word each).
    RelativeDays,
    /// Badges a site appends to a headline ("Новость дня"), compared with the headline's end.
    Badges,
    /// Words that mark a line as the site's logo or branding (one word each).
    Logos,
    /// Buttons and links of page widgets.
    Widgets,
    /// Share buttons written as a phrase.
    ShareLines,
    /// Words of a share button that name the act of sharing (one word each).
    ShareVerbs,
    /// Words that begin a share button label and are followed by more ("Поделиться этой новостью").
    /// English "share" is not one: "Share of trade…" begins headlines.
    ShareStarts,
    /// Text that begins a share button label, whatever follows.
    SharePrefixes,
    /// Words that may stand beside a network or share verb on a button ("в", "мен"; one word each).
    ShareFillers,
    /// Social networks and messengers (one word each).
    Networks,
    /// Buttons and headings of a comments widget.
    CommentWidgets,
    /// A comment form's labels, written as sentences; found anywhere in a line.
    CommentForms,
    /// Subscription buttons.
    SubscribeButtons,
    /// Calls to the reader to subscribe; found anywhere in a line, with a channel. Imperatives only,
    /// so that a report that someone subscribed to a channel is kept.
    SubscribeCalls,
    /// What a reader is called to subscribe to; found anywhere in a line.
    Channels,
    /// App store names; found anywhere in a line.
    AppStores,
    /// Calls to download the outlet's app.
    AppCalls,
    /// The word for a cookie; found anywhere in a line.
    Cookie,
    /// The buttons under a cookie notice.
    CookieButtons,
    /// "All rights reserved"; found anywhere in a line.
    Rights,
    /// Terms of reuse ("a link to the source is required"); found anywhere in a line.
    Reuse,
    /// "Read also" headers, on their own line or before a colon and a headline.
    ReadAlso,
    /// Headers of a block of links to other articles.
    RelatedHeaders,
    /// Headers of a tag list.
    TagHeaders,
    /// Beginnings of a view or like counter's label, where no ordinary word starts the same way.
    ViewStems,
    /// Whole words of a view, like or reading-time counter's label.
    ViewWords,
    /// Beginnings of a comment counter's label.
    CommentStems,
    /// Whole words of a comment counter's label.
    CommentWords,
    /// Words that may stand in a counter beside its label and number ("мин", "саны").
    CounterFillers,
    /// Counter labels that are furniture even without their number.
    LoneCounterLabels,
    /// What a scraper leaves of a page's scripts and placeholders ("undefined", "Загрузка...").
    Debris,
}

/// The kinds of credits ([`super::credits`], and photo credits that [`super::furniture`] leaves
/// alone), the keys of a file's `[credits]`. Entries are lower case, without the colon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum CreditKind {
    /// Labels that begin a photo, video or graphics credit line, which furniture must keep.
    MediaLabels,
    /// Labels of a photo credit line whose credit goes into the front matter.
    PhotoLabels,
    /// Phrases after which a sentence names its source, tried in order.
    Attributions,
    /// Abbreviations that mark an outlet's name when they end a word ("ИА", "АИ").
    OutletAbbreviations,
    /// Words and fragments that mark a short phrase as an outlet's name, found anywhere in it.
    OutletMarkers,
}

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
    /// Words for "year" after a year (`2025 жылғы`, `2025 йил`, `2025 г.`).
    pub(crate) year_words: Vec<String>,
    /// Words for "year" before a year (`соли 2024`).
    pub(crate) year_words_before: Vec<String>,
    /// The word for "day" after a date (`тамыздың 27 күні`).
    pub(crate) day_words: Vec<String>,
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
                    .map(|stem| stem.split_whitespace().map(super::matching::fold).collect());
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
            let dates = &mut lexicon.dates;
            dates.months.extend(file.dates.months);
            dates.genitive_endings.extend(file.dates.genitive_endings);
            dates.day_endings.extend(file.dates.day_endings);
            dates.ordinals.extend(file.dates.ordinals);
            dates.year_words.extend(file.dates.year_words);
            dates.year_words_before.extend(file.dates.year_words_before);
            dates.day_words.extend(file.dates.day_words);
            lexicon
                .ablative_endings
                .extend(file.words.ablative_endings.clone());
            for word in &file.words.not_names {
                let key = super::matching::name_key(word);
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

fn parse(code: &str, text: &str) -> Result<LanguageFile, String> {
    toml::from_str(text).map_err(|e| format!("data/languages/{code}.toml: {e}"))
}

/// One `data/languages/<code>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageFile {
    name: String,
    archive: bool,
    #[serde(default)]
    detect: DetectFile,
    #[serde(default)]
    chrome: HashMap<ChromeKind, Vec<String>>,
    #[serde(default)]
    credits: HashMap<CreditKind, Vec<String>>,
    #[serde(default)]
    words: WordsFile,
    #[serde(default)]
    transliteration: TransliterationFile,
    #[serde(default)]
    events: HashMap<String, Vec<String>>,
    #[serde(default)]
    dates: DatesFile,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DatesFile {
    #[serde(default)]
    months: Vec<MonthTable>,
    #[serde(default)]
    genitive_endings: Vec<String>,
    #[serde(default)]
    day_endings: Vec<String>,
    #[serde(default)]
    ordinals: Vec<String>,
    #[serde(default)]
    year_words: Vec<String>,
    #[serde(default)]
    year_words_before: Vec<String>,
    #[serde(default)]
    day_words: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsFile {
    #[serde(default)]
    function: Vec<String>,
    #[serde(default)]
    not_names: Vec<String>,
    #[serde(default)]
    ablative_endings: Vec<(String, String)>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TransliterationFile {
    #[serde(default)]
    letters: HashMap<String, String>,
    #[serde(default)]
    word_start: HashMap<String, String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DetectFile {
    cyrillic: Option<ProfileFile>,
    latin: Option<ProfileFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    function_share: f64,
    signature: Vec<String>,
    #[serde(default)]
    exclusive: Vec<String>,
    #[serde(default)]
    foreign: Vec<String>,
    /// Defaults to whether the archive takes the language.
    rival_letters: Option<bool>,
    letters: Vec<(String, f64)>,
    words: Vec<(String, f64)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::furniture::key;
    use crate::import::language::{CYRILLIC_UNITS, LATIN_UNITS};

    fn files() -> Vec<(&'static str, LanguageFile)> {
        FILES
            .iter()
            .map(|&(code, text)| (code, parse(code, text).unwrap_or_else(|e| panic!("{e}"))))
            .collect()
    }

    #[test]
    fn every_file_parses_and_unknown_keys_are_refused() {
        let files = files();
        let codes: HashSet<&str> = files.iter().map(|(code, _)| *code).collect();
        assert_eq!(codes.len(), FILES.len(), "a language is listed twice");
        assert!(Lexicon::from_files(FILES).is_ok());
        assert_eq!(lexicon().profiles().len(), 10);

        let head = "name = \"X\"\narchive = false\n";
        assert!(parse("xx", head).is_ok());
        for bad in [
            "[chrome]\nmenus = [\"a\"]",
            "[credits]\nphotos = [\"a\"]",
            "[detect.greek]\n",
            "colour = 1",
            "[detect.latin]\nfunction_share = 0.1\nsignature = []\nletters = []\nwords = []\nrate = 1",
        ] {
            assert!(parse("xx", &format!("{head}{bad}")).is_err(), "{bad}");
        }
    }

    /// How the importer compares a `[chrome]` kind's entries with a line.
    #[derive(PartialEq)]
    enum Form {
        /// With the line's key, or a part of it.
        Key,
        /// With one word of the key.
        Word,
        /// With the key, and with the line only lowered (so "см. также" keeps its dot).
        Lowered,
    }

    fn form(kind: ChromeKind) -> Form {
        use ChromeKind as K;
        match kind {
            K::ReadAlso => Form::Lowered,
            K::ShareVerbs
            | K::ShareFillers
            | K::Networks
            | K::ViewStems
            | K::ViewWords
            | K::CommentStems
            | K::CommentWords
            | K::CounterFillers
            | K::Weekdays
            | K::RelativeDays
            | K::Logos => Form::Word,
            _ => Form::Key,
        }
    }

    #[test]
    fn entries_are_written_as_the_importer_compares_them() {
        let mut bad = Vec::new();
        for (code, file) in files() {
            let lists = file
                .chrome
                .iter()
                .map(|(kind, list)| (format!("{kind:?}"), Some(*kind), list))
                .chain(
                    file.credits
                        .iter()
                        .map(|(kind, list)| (format!("{kind:?}"), None, list)),
                );
            for (name, chrome, list) in lists {
                let mut seen = HashSet::new();
                for e in list {
                    let problem = if !seen.insert(e) {
                        Some("listed twice")
                    } else if e.is_empty() || e.trim() != e || e.contains("  ") {
                        Some("empty, or spaces around or doubled")
                    } else if *e != e.to_lowercase() {
                        Some("not lower case")
                    } else if e.contains(['‘', '’', '`', 'ʻ', 'ʼ', '´', 'ʹ']) {
                        Some("an apostrophe other than '")
                    } else {
                        match chrome.map(form) {
                            Some(Form::Key | Form::Word) if key(e) != *e => {
                                Some("not a key (ё, or punctuation at a word's edge)")
                            }
                            Some(Form::Word) if e.contains(' ') => Some("more than one word"),
                            Some(Form::Lowered) if e.contains('ё') => {
                                Some("ё, which the key folds")
                            }
                            _ => None,
                        }
                    };
                    if let Some(problem) = problem {
                        bad.push(format!("{code}.toml {name} {e:?}: {problem}"));
                    }
                }
            }
        }
        assert!(bad.is_empty(), "{bad:#?}");
    }

    fn is_cyrillic(c: char) -> bool {
        matches!(c, '\u{0400}'..='\u{052F}')
    }

    /// No ў in a Kazakh entry, no ә in a Tajik one: a phrase is filed under the language it is
    /// written in. A language's letters are those of its Cyrillic detection profile.
    #[test]
    fn cyrillic_entries_use_only_their_languages_letters() {
        let mut bad = Vec::new();
        for (code, file) in files() {
            let alphabet: HashSet<char> = file
                .detect
                .cyrillic
                .iter()
                .flat_map(|p| p.letters.iter().flat_map(|(u, _)| u.chars()))
                .collect();
            let profile_words = file.detect.cyrillic.iter().flat_map(|p| {
                p.words
                    .iter()
                    .map(|(w, _)| w)
                    .chain(&p.signature)
                    .chain(&p.exclusive)
            });
            let entries = file
                .chrome
                .values()
                .chain(file.credits.values())
                .flatten()
                .chain(profile_words);
            for e in entries {
                let foreign: String = e
                    .chars()
                    .filter(|c| is_cyrillic(*c) && !alphabet.contains(c))
                    .collect();
                if !foreign.is_empty() {
                    bad.push(format!("{code}.toml {e:?}: {foreign}"));
                }
            }
        }
        assert!(
            bad.is_empty(),
            "letters the language does not write (or, if it does, add them to its letters): {bad:#?}"
        );
    }

    /// Every language names its kinds of event with the same words, so a kind found in a Kazakh
    /// report meets the same kind in a Tajik one; slug letters are one lower-case letter each,
    /// written in lower-case ASCII.
    #[test]
    fn events_and_slug_letters_agree_across_languages() {
        let files = files();
        let kinds: HashSet<&String> = files
            .iter()
            .find(|(code, _)| *code == "kk")
            .map(|(_, f)| f.events.keys().collect())
            .unwrap_or_default();
        assert!(kinds.len() >= 10, "{kinds:?}");
        for (code, file) in &files {
            for kind in file.events.keys() {
                assert!(
                    kinds.contains(kind),
                    "{code}.toml [events] {kind}: not a kind kk.toml names"
                );
            }
            for stems in file.events.values() {
                for stem in stems {
                    assert_eq!(*stem, stem.to_lowercase(), "{code}.toml [events] {stem:?}");
                }
            }
            for (letter, latin) in file
                .transliteration
                .letters
                .iter()
                .chain(&file.transliteration.word_start)
            {
                assert_eq!(letter.chars().count(), 1, "{code}.toml: {letter:?}");
                assert_eq!(*letter, letter.to_lowercase(), "{code}.toml: {letter:?}");
                assert!(
                    latin.bytes().all(|b| b.is_ascii_lowercase()),
                    "{code}.toml: {letter:?} = {latin:?}"
                );
            }
            for word in file.words.function.iter().chain(&file.words.not_names) {
                assert_eq!(*word, word.to_lowercase(), "{code}.toml [words] {word:?}");
            }
        }
        // Each archive language writes every letter of its alphabet in a slug.
        for (code, file) in files.iter().filter(|(_, f)| f.archive) {
            let Some(profile) = &file.detect.cyrillic else {
                continue;
            };
            for (unit, _) in &profile.letters {
                assert!(
                    file.transliteration.letters.contains_key(unit),
                    "{code}.toml: no slug letter for {unit:?}"
                );
            }
        }
    }

    #[test]
    fn detection_profiles_use_the_letter_units_of_their_script() {
        for p in lexicon().profiles() {
            let at = format!("{}.toml [detect.{:?}]", p.code, p.script);
            let universe = match p.script {
                Script::Cyrillic => CYRILLIC_UNITS,
                Script::Latin => LATIN_UNITS,
            };
            let units = p.letters.iter().map(|(u, _)| u);
            for u in units
                .chain(&p.signature)
                .chain(&p.exclusive)
                .chain(&p.foreign)
            {
                assert!(
                    universe.contains(&u.as_str()),
                    "{at}: {u:?} is no letter unit"
                );
            }
            for table in [&p.letters, &p.words] {
                let distinct: HashSet<&String> = table.iter().map(|(u, _)| u).collect();
                assert_eq!(
                    distinct.len(),
                    table.len(),
                    "{at}: an entry is listed twice"
                );
                assert!(
                    table.iter().all(|(_, rate)| *rate > 0.0),
                    "{at}: a rate of 0"
                );
            }
            assert!(p.function_share > 0.0 && p.function_share < 1.0, "{at}");
            // Words as the tokeniser leaves them: lower case; in Latin ʻ after o and g and ʼ
            // elsewhere, in Cyrillic no apostrophe at all.
            for (w, _) in &p.words {
                let mut prev = ' ';
                for c in w.chars() {
                    let fits = match p.script {
                        Script::Cyrillic => is_cyrillic(c) && c.is_lowercase(),
                        Script::Latin => {
                            c.is_ascii_lowercase()
                                || (c == 'ʻ' && matches!(prev, 'o' | 'g'))
                                || (c == 'ʼ' && !matches!(prev, 'o' | 'g'))
                        }
                    };
                    assert!(fits || c == '-', "{at}: {w:?} has {c:?}");
                    prev = c;
                }
            }
        }
    }
}
