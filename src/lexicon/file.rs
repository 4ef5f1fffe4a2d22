//! The form of a language file, `data/languages/<code>.toml`, as serde reads it.

use std::collections::HashMap;

use serde::Deserialize;

use super::{ChromeKind, CreditKind, MonthTable};

pub(super) fn parse(code: &str, text: &str) -> Result<LanguageFile, String> {
    toml::from_str(text).map_err(|e| format!("data/languages/{code}.toml: {e}"))
}

/// One `data/languages/<code>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LanguageFile {
    pub(super) name: String,
    pub(super) archive: bool,
    #[serde(default)]
    pub(super) detect: DetectFile,
    #[serde(default)]
    pub(super) chrome: HashMap<ChromeKind, Vec<String>>,
    #[serde(default)]
    pub(super) credits: HashMap<CreditKind, Vec<String>>,
    #[serde(default)]
    pub(super) words: WordsFile,
    #[serde(default)]
    pub(super) transliteration: TransliterationFile,
    #[serde(default)]
    pub(super) events: HashMap<String, Vec<String>>,
    #[serde(default)]
    pub(super) dates: DatesFile,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DatesFile {
    #[serde(default)]
    pub(super) months: Vec<MonthTable>,
    #[serde(default)]
    pub(super) genitive_endings: Vec<String>,
    #[serde(default)]
    pub(super) day_endings: Vec<String>,
    #[serde(default)]
    pub(super) ordinals: Vec<String>,
    #[serde(default)]
    pub(super) ordinals_after_month: Vec<String>,
    #[serde(default)]
    pub(super) day_of: Vec<String>,
    #[serde(default)]
    pub(super) year_words: Vec<String>,
    #[serde(default)]
    pub(super) year_words_before: Vec<String>,
    #[serde(default)]
    pub(super) day_words: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WordsFile {
    #[serde(default)]
    pub(super) function: Vec<String>,
    #[serde(default)]
    pub(super) not_names: Vec<String>,
    #[serde(default)]
    pub(super) ablative_endings: Vec<(String, String)>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TransliterationFile {
    #[serde(default)]
    pub(super) letters: HashMap<String, String>,
    #[serde(default)]
    pub(super) word_start: HashMap<String, String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DetectFile {
    pub(super) cyrillic: Option<ProfileFile>,
    pub(super) latin: Option<ProfileFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ProfileFile {
    pub(super) function_share: f64,
    pub(super) signature: Vec<String>,
    #[serde(default)]
    pub(super) exclusive: Vec<String>,
    #[serde(default)]
    pub(super) foreign: Vec<String>,
    /// Defaults to whether the archive takes the language.
    pub(super) rival_letters: Option<bool>,
    pub(super) letters: Vec<(String, f64)>,
    pub(super) words: Vec<(String, f64)>,
}
