//! `content/taxonomy.toml`: the countries and topics articles are filed under.

use crate::error::{Diagnostic, did_you_mean, line_of, toml_diagnostic};
use crate::load::config::SiteConfig;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;

/// Countries and topics, in the order the taxonomy file gives them.
#[derive(Debug, Clone, Default)]
pub struct Taxonomy {
    /// `[[countries]]`: what an article's `countries` may name.
    pub countries: Vec<Term>,
    /// `[[topics]]`: what an article's `topics` may name.
    pub topics: Vec<Term>,
    /// Places datelines name, so that an article's place is shown in the reader's language.
    pub places: Vec<Term>,
}

/// One country or topic.
#[derive(Debug, Clone)]
pub struct Term {
    /// Stable Latin id, used in front matter and URLs.
    pub id: String,
    /// Label per UI language code.
    pub labels: BTreeMap<String, String>,
    /// Lower-case stems per source language, by which the importer recognises the term.
    pub words: BTreeMap<String, Vec<String>>,
    /// Phrases per source language in which a stem's match is no mention of the term: the
    /// formula "культурно-гуманитарное сотрудничество" names no cultural event.
    pub except: BTreeMap<String, Vec<String>>,
    /// For a place: the country it is in (a country id).
    pub country: Option<String>,
}

/// Which of the two vocabularies a term belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A country the news concerns.
    Country,
    /// A subject: water, trade, transport …
    Topic,
}

impl Kind {
    /// The front matter key and URL segment: `countries`, `topics`.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Country => "countries",
            Kind::Topic => "topics",
        }
    }

    /// The word for one term in messages: `country`, `topic`.
    pub fn singular(self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::Topic => "topic",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTaxonomy {
    #[serde(default)]
    countries: Vec<RawTerm>,
    #[serde(default)]
    topics: Vec<RawTerm>,
    #[serde(default)]
    places: Vec<RawTerm>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    id: Spanned<String>,
    label: BTreeMap<String, String>,
    #[serde(default)]
    words: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    except: BTreeMap<String, Vec<String>>,
    /// Places only.
    country: Option<Spanned<String>>,
}

impl Taxonomy {
    /// Reads and checks the taxonomy: ids well-formed and unique, a label in every UI language.
    pub fn load(path: &Path, config: &SiteConfig) -> Result<Taxonomy, Vec<Diagnostic>> {
        let bytes = std::fs::read(path)
            .map_err(|e| vec![Diagnostic::in_file(path, format!("cannot read: {e}"))])?;
        let text = String::from_utf8(bytes)
            .map_err(|_| vec![Diagnostic::in_file(path, "not valid UTF-8")])?;
        Self::parse(path, &text, config)
    }

    /// [`Taxonomy::load`] of a file's `text`; `path` is only used in messages.
    pub fn parse(
        path: &Path,
        text: &str,
        config: &SiteConfig,
    ) -> Result<Taxonomy, Vec<Diagnostic>> {
        let raw: RawTaxonomy =
            toml::from_str(text).map_err(|e| vec![toml_diagnostic(path, text, 1, &e)])?;
        let mut problems = Vec::new();
        // A place's country, with its line, checked once the countries are known.
        let mut place_countries: Vec<(usize, String)> = Vec::new();
        let mut check = |terms: Vec<RawTerm>, singular: &str| -> Vec<Term> {
            let mut seen = BTreeMap::new();
            let mut out = Vec::new();
            for term in terms {
                let line = line_of(text, term.id.span().start);
                let id = term.id.into_inner();
                if !crate::slug::is_valid(&id) {
                    problems.push(Diagnostic::at(
                        path,
                        line,
                        format!("{singular} id \"{id}\" must be lower-case Latin letters, digits and single hyphens"),
                    ));
                    continue;
                }
                if let Some(first) = seen.insert(id.clone(), line) {
                    problems.push(Diagnostic::at(
                        path,
                        line,
                        format!("{singular} \"{id}\" is defined twice (first on line {first})"),
                    ));
                    continue;
                }
                for language in &config.languages {
                    if term
                        .label
                        .get(&language.code)
                        .is_none_or(|l| l.trim().is_empty())
                    {
                        problems.push(Diagnostic::at(
                            path,
                            line,
                            format!(
                                "{singular} \"{id}\" has no label for UI language \"{}\"",
                                language.code
                            ),
                        ));
                    }
                }
                let lower = |lists: BTreeMap<String, Vec<String>>| {
                    lists
                        .into_iter()
                        .map(|(lang, stems)| {
                            (lang, stems.into_iter().map(|s| s.to_lowercase()).collect())
                        })
                        .collect()
                };
                let words = lower(term.words);
                let except = lower(term.except);
                let country = term.country.map(|c| {
                    let at = line_of(text, c.span().start);
                    if singular == "place" {
                        place_countries.push((at, c.get_ref().clone()));
                    } else {
                        problems.push(Diagnostic::at(
                            path,
                            at,
                            format!("`country` belongs to places, not to {singular} \"{id}\""),
                        ));
                    }
                    c.into_inner()
                });
                out.push(Term {
                    id,
                    labels: term.label,
                    words,
                    except,
                    country,
                });
            }
            out
        };
        let countries = check(raw.countries, Kind::Country.singular());
        let topics = check(raw.topics, Kind::Topic.singular());
        let places = check(raw.places, "place");
        for (line, country) in place_countries {
            if !countries.iter().any(|c| c.id == country) {
                let ids: Vec<&str> = countries.iter().map(|c| c.id.as_str()).collect();
                problems.push(Diagnostic::at(
                    path,
                    line,
                    format!(
                        "place country \"{country}\" is not a country of the taxonomy{}",
                        did_you_mean(&country, ids.iter().copied())
                    ),
                ));
            }
        }
        if problems.is_empty() {
            Ok(Taxonomy {
                countries,
                topics,
                places,
            })
        } else {
            Err(problems)
        }
    }

    /// The countries or the topics, in file order.
    pub fn terms(&self, kind: Kind) -> &[Term] {
        match kind {
            Kind::Country => &self.countries,
            Kind::Topic => &self.topics,
        }
    }

    /// The index in [`Taxonomy::terms`] of the term `id`, if it is defined.
    pub fn position(&self, kind: Kind, id: &str) -> Option<usize> {
        self.terms(kind).iter().position(|t| t.id == id)
    }

    /// The name of `place` (as an article writes it: `Душанбе`, `ASTANA`, `Нур-Султан`) in UI
    /// language `ui`, when it is one of the taxonomy's places: by its id, a label or a spelling.
    pub fn place_label(&self, place: &str, ui: &str) -> Option<&str> {
        let wanted = fold_name(place);
        self.places
            .iter()
            .find(|p| {
                fold_name(&p.id) == wanted
                    || p.labels.values().any(|l| fold_name(l) == wanted)
                    || p.words.values().flatten().any(|w| fold_name(w) == wanted)
            })
            .and_then(|p| p.labels.get(ui))
            .map(String::as_str)
    }
}

/// A place name as compared: each word folded as the importer folds words (lower case, one
/// script), hyphens and spaces alike.
fn fold_name(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(crate::lexicon::matching::fold)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> SiteConfig {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("site.toml"),
            "base_url = \"https://x.org/\"\nui_languages = [\"kk\", \"tg\"]\n[languages.kk]\ntitle = \"a\"\ndescription = \"b\"\n[languages.tg]\ntitle = \"c\"\ndescription = \"d\"\n",
        )
        .unwrap();
        SiteConfig::load(dir.path(), None).unwrap()
    }

    #[test]
    fn reports_duplicates_and_missing_labels_with_lines() {
        let text = "[[countries]]\nid = \"kazakhstan\"\nlabel = { kk = \"Қазақстан\", tg = \"Қазоқистон\" }\n\n[[countries]]\nid = \"kazakhstan\"\nlabel = { kk = \"Қазақстан\" }\n";
        let problems = Taxonomy::parse(Path::new("taxonomy.toml"), text, &config()).unwrap_err();
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            ["taxonomy.toml:6: country \"kazakhstan\" is defined twice (first on line 2)"],
        );
    }

    #[test]
    fn places_are_named_in_the_ui_language() {
        let text = "[[places]]\nid = \"astana\"\nlabel = { kk = \"Астана\", tg = \"Остона\" }\nwords = { ru = [\"астана\", \"нур-султан\"], uz = [\"astana\"] }\n";
        let taxonomy = Taxonomy::parse(Path::new("t.toml"), text, &config()).unwrap();
        for written in [
            "Астана",
            "ASTANA",
            "ASTANА",
            "Нур-Султан",
            "НУР-СУЛТАН",
            "Остона",
            "astana",
        ] {
            assert_eq!(
                taxonomy.place_label(written, "tg"),
                Some("Остона"),
                "{written}"
            );
        }
        assert_eq!(taxonomy.place_label("Душанбе", "tg"), None);
        let text = "[[places]]\nid = \"Astana\"\nlabel = { kk = \"Астана\", tg = \"Остона\" }\n";
        let problems = Taxonomy::parse(Path::new("t.toml"), text, &config()).unwrap_err();
        assert!(
            problems[0].to_string().contains("place id \"Astana\""),
            "{}",
            problems[0]
        );
        // A place's country must be one of the taxonomy's, and only places have one.
        let text = "[[countries]]\nid = \"kazakhstan\"\nlabel = { kk = \"Қазақстан\", tg = \"Қазоқистон\" }\n\n[[places]]\nid = \"astana\"\nlabel = { kk = \"Астана\", tg = \"Остона\" }\ncountry = \"kazakstan\"\n";
        let problems = Taxonomy::parse(Path::new("t.toml"), text, &config()).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "t.toml:8: place country \"kazakstan\" is not a country of the taxonomy (did you mean \"kazakhstan\"?)"
        );
        let text = "[[topics]]\nid = \"water\"\nlabel = { kk = \"Су\", tg = \"Об\" }\ncountry = \"kazakhstan\"\n";
        let problems = Taxonomy::parse(Path::new("t.toml"), text, &config()).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "t.toml:4: `country` belongs to places, not to topic \"water\""
        );
    }

    #[test]
    fn requires_a_label_per_ui_language() {
        let text = "[[topics]]\nid = \"water\"\nlabel = { kk = \"Су\" }\n";
        let problems = Taxonomy::parse(Path::new("t.toml"), text, &config()).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "t.toml:2: topic \"water\" has no label for UI language \"tg\""
        );
    }
}
