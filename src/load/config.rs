//! `site.toml`: the base URL, the UI languages in order, their titles and strings, page sizes.

use crate::date::DateStyle;
use crate::error::{Diagnostic, did_you_mean, toml_diagnostic};
use crate::language::Language;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// UI strings and date style shipped with dostyk for the languages it knows; a project's
/// `i18n/<code>.toml` overrides any of them and adds other languages.
const BUILT_IN_I18N: &[(&str, &str)] = &[
    ("kk", include_str!("../../i18n/kk.toml")),
    ("tg", include_str!("../../i18n/tg.toml")),
];

/// The whole site's configuration, validated.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    /// Absolute, ends with `/`: `https://user.github.io/repo/`.
    pub base_url: String,
    /// The path part of `base_url`, starting and ending with `/`: `/repo/` or `/`.
    pub base_path: String,
    /// The UI languages, the default first.
    pub languages: Vec<UiLanguage>,
    /// Stories per page on paginated lists.
    pub page_size: usize,
    /// Entries per Atom feed.
    pub feed_length: usize,
    /// Stories per language column on the bilingual landing page.
    pub landing_stories: usize,
    /// The most bytes the host publishes (`size_limit_mb`; GitHub Pages: 1 GB): a build warns
    /// when the site passes 80% of it.
    pub size_limit: u64,
    /// The countries the archive is about (taxonomy ids): `dostyk import` refuses a text that is
    /// not about all of them (`subject_countries`; Kazakhstan and Tajikistan).
    pub subject_countries: Vec<String>,
}

/// One language the site's interface is written in.
#[derive(Debug, Clone)]
pub struct UiLanguage {
    /// Its code in `ui_languages` (`kk`, `tg`): the name of its tree of pages.
    pub code: String,
    /// The language's name in itself, as the language switch shows it.
    pub native_name: String,
    /// The site's title in this language (`[languages.<code>] title`).
    pub title: String,
    /// The site's description in this language: pages' `<meta>` description, feeds, footer.
    pub description: String,
    /// How the interface writes dates and month headings.
    pub dates: DateStyle,
    /// The languages texts are written in, by code, as this interface names them in a list
    /// (`қазақ`, `тоҷикӣ`): `[language_names]` of dostyk's own i18n file, then the project's.
    pub language_names: BTreeMap<String, String>,
    /// The interface's strings by key (`home`, `timeline` …): dostyk's own, then the
    /// project's `i18n/<code>.toml` over them.
    pub strings: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    base_url: String,
    ui_languages: Vec<String>,
    #[serde(default = "default_page_size")]
    page_size: usize,
    #[serde(default = "default_feed_length")]
    feed_length: usize,
    #[serde(default = "default_landing_stories")]
    landing_stories: usize,
    #[serde(default = "default_size_limit_mb")]
    size_limit_mb: usize,
    #[serde(default = "default_subject_countries")]
    subject_countries: Vec<String>,
    #[serde(default)]
    languages: BTreeMap<String, RawLanguage>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    title: String,
    description: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawI18n {
    date: Option<DateStyle>,
    #[serde(default)]
    language_names: BTreeMap<String, String>,
    #[serde(default)]
    strings: BTreeMap<String, String>,
}

fn default_page_size() -> usize {
    20
}
fn default_feed_length() -> usize {
    20
}
fn default_landing_stories() -> usize {
    6
}
/// The archive's subject: relations between these two.
fn default_subject_countries() -> Vec<String> {
    vec!["kazakhstan".to_string(), "tajikistan".to_string()]
}
/// GitHub Pages publishes sites of at most 1 GB.
fn default_size_limit_mb() -> usize {
    1000
}

impl SiteConfig {
    /// Reads `site.toml` and the project's `i18n/` overrides. `base_url` replaces the file's.
    pub fn load(root: &Path, base_url: Option<&str>) -> Result<SiteConfig, Vec<Diagnostic>> {
        let path = root.join("site.toml");
        let text = read_text(&path)?;
        let raw: RawConfig =
            toml::from_str(&text).map_err(|e| vec![toml_diagnostic(&path, &text, 1, &e)])?;
        let mut problems = Vec::new();
        let base_url = base_url.map(str::to_string).unwrap_or(raw.base_url);
        let (base_url, base_path) = match normalise_base_url(&base_url) {
            Ok(pair) => pair,
            Err(message) => {
                problems.push(Diagnostic::in_file(&path, message));
                (String::new(), String::new())
            }
        };
        if raw.ui_languages.is_empty() {
            problems.push(Diagnostic::in_file(
                &path,
                "`ui_languages` is empty: name at least one UI language",
            ));
        }
        for (name, value) in [
            ("page_size", raw.page_size),
            ("feed_length", raw.feed_length),
            ("landing_stories", raw.landing_stories),
            ("size_limit_mb", raw.size_limit_mb),
        ] {
            if value == 0 {
                problems.push(Diagnostic::in_file(
                    &path,
                    format!("`{name}` must be at least 1"),
                ));
            }
        }
        let mut languages = Vec::new();
        for code in &raw.ui_languages {
            match ui_language(root, &path, code, raw.languages.get(code)) {
                Ok(language) => languages.push(language),
                Err(mut more) => problems.append(&mut more),
            }
        }
        for code in raw
            .languages
            .keys()
            .filter(|c| !raw.ui_languages.contains(c))
        {
            problems.push(Diagnostic::in_file(
                &path,
                format!(
                    "[languages.{code}] is not one of `ui_languages` ({})",
                    raw.ui_languages.join(", ")
                ),
            ));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(SiteConfig {
            base_url,
            base_path,
            languages,
            page_size: raw.page_size,
            feed_length: raw.feed_length,
            landing_stories: raw.landing_stories,
            size_limit: raw.size_limit_mb as u64 * 1_000_000,
            subject_countries: raw.subject_countries,
        })
    }

    /// The first of `ui_languages`: its tree is the `x-default`, and the home of articles in
    /// languages the interface is not written in.
    pub fn default_language(&self) -> &UiLanguage {
        &self.languages[0]
    }

    /// The UI language whose code is `code`, if the site has one.
    pub fn language(&self, code: &str) -> Option<&UiLanguage> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The UI tree whose copy of an article written in `lang` is the canonical one: that
    /// language's own tree, or the default tree when `lang` is not a UI language.
    pub fn home_tree(&self, lang: &str) -> &str {
        match self.language(lang) {
            Some(ui) => &ui.code,
            None => &self.default_language().code,
        }
    }
}

fn read_text(path: &Path) -> Result<String, Vec<Diagnostic>> {
    let bytes = std::fs::read(path)
        .map_err(|e| vec![Diagnostic::in_file(path, format!("cannot read: {e}"))])?;
    String::from_utf8(bytes).map_err(|e| {
        let line = crate::error::line_of(
            &String::from_utf8_lossy(e.as_bytes()),
            e.utf8_error().valid_up_to(),
        );
        vec![Diagnostic::at(path, line, "not valid UTF-8")]
    })
}

fn ui_language(
    root: &Path,
    site_toml: &Path,
    code: &str,
    raw: Option<&RawLanguage>,
) -> Result<UiLanguage, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let Some(language) = Language::from_code(code) else {
        return Err(vec![Diagnostic::in_file(
            site_toml,
            format!(
                "unknown UI language \"{code}\"{}",
                did_you_mean(code, Language::codes())
            ),
        )]);
    };
    let Some(raw) = raw else {
        return Err(vec![Diagnostic::in_file(
            site_toml,
            format!(
                "UI language \"{code}\" has no [languages.{code}] table with its `title` and `description`"
            ),
        )]);
    };
    let mut i18n = RawI18n::default();
    if let Some((_, text)) = BUILT_IN_I18N.iter().find(|(c, _)| *c == code) {
        i18n = toml::from_str(text).expect("built-in i18n files are valid TOML");
    }
    let own = root.join("i18n").join(format!("{code}.toml"));
    if own.is_file() {
        let text = read_text(&own)?;
        match toml::from_str::<RawI18n>(&text) {
            Ok(overrides) => {
                if overrides.date.is_some() {
                    i18n.date = overrides.date;
                }
                i18n.language_names.extend(overrides.language_names);
                i18n.strings.extend(overrides.strings);
            }
            Err(e) => problems.push(toml_diagnostic(&own, &text, 1, &e)),
        }
    }
    let Some(dates) = i18n.date else {
        problems.push(Diagnostic::in_file(
            &own,
            format!("dostyk has no date names for \"{code}\": give a [date] table in this file"),
        ));
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(UiLanguage {
        code: code.to_string(),
        native_name: language.native_name.to_string(),
        title: raw.title.clone(),
        description: raw.description.clone(),
        dates,
        language_names: i18n.language_names,
        strings: i18n.strings,
    })
}

/// `https://host/repo` → (`https://host/repo/`, `/repo/`).
fn normalise_base_url(url: &str) -> Result<(String, String), String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("`base_url` must be an absolute http(s) URL, not \"{url}\""))?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    if host.is_empty() || url.contains(['?', '#', ' ', '"', '<', '>', '\\']) {
        return Err(format!("`base_url` \"{url}\" is not a usable site address"));
    }
    let path = path.trim_matches('/');
    let base_path = if path.is_empty() {
        "/".to_string()
    } else {
        format!("/{path}/")
    };
    let scheme = if url.starts_with("https://") {
        "https"
    } else {
        "http"
    };
    Ok((format!("{scheme}://{host}{base_path}"), base_path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_gets_one_trailing_slash_and_a_path() {
        assert_eq!(
            normalise_base_url("https://u.github.io/dostyk").unwrap(),
            ("https://u.github.io/dostyk/".into(), "/dostyk/".into())
        );
        assert_eq!(
            normalise_base_url("http://127.0.0.1:8080/").unwrap(),
            ("http://127.0.0.1:8080/".into(), "/".into())
        );
        assert!(normalise_base_url("/dostyk/").is_err());
        assert!(normalise_base_url("javascript:alert(1)").is_err());
    }

    #[test]
    fn built_in_languages_are_complete() {
        let kk: RawI18n = toml::from_str(BUILT_IN_I18N[0].1).unwrap();
        let tg: RawI18n = toml::from_str(BUILT_IN_I18N[1].1).unwrap();
        let kk_keys: Vec<_> = kk.strings.keys().collect();
        let tg_keys: Vec<_> = tg.strings.keys().collect();
        assert_eq!(kk_keys, tg_keys, "kk and tg define the same UI strings");
        for (code, i18n) in [("kk", &kk), ("tg", &tg)] {
            let unnamed: Vec<&str> = Language::codes()
                .filter(|c| !i18n.language_names.contains_key(*c))
                .collect();
            assert!(unnamed.is_empty(), "{code} names no language {unnamed:?}");
            assert!(
                i18n.language_names
                    .keys()
                    .all(|c| Language::from_code(c).is_some()),
                "{code} names only languages texts can be in"
            );
        }
        let november = crate::date::Date::new(2025, 11, 14).unwrap();
        let tg_dates = tg.date.unwrap();
        assert_eq!(tg_dates.date(november), "14 ноябри соли 2025");
        assert_eq!(kk.date.unwrap().date(november), "2025 жылғы 14 қараша");
        // Every month of a Tajik date takes the izofat.
        let izofat = [
            "январи",
            "феврали",
            "марти",
            "апрели",
            "майи",
            "июни",
            "июли",
            "августи",
            "сентябри",
            "октябри",
            "ноябри",
            "декабри",
        ];
        for (month, name) in (1..=12).zip(izofat) {
            let first = crate::date::Date::new(2026, month, 1).unwrap();
            assert_eq!(tg_dates.date(first), format!("1 {name} соли 2026"));
        }
    }
}
