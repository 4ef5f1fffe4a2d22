//! Whether a text is about what the archive is about: relations between its subject countries
//! (Kazakhstan and Tajikistan, `subject_countries` in site.toml). A text about Uzbekistan and
//! Kyrgyzstan, or about Russia and Tajikistan meeting in Almaty, is not, however well it imports.

use super::tagging::{Candidate, candidates};
use crate::load::taxonomy::Taxonomy;
use serde::Serialize;

/// The verdict, for the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OnTopic {
    /// Whether every subject country is the text's subject; a text with `false` is refused
    /// unless `--off-topic` is given.
    pub value: bool,
    /// Why, for the report: each subject with the words that named it, or else what the text is
    /// about and which subject it never names or names only in passing.
    pub why: String,
    /// Subject countries the text names only by a place, with the place as written: they are
    /// its countries too.
    #[serde(skip)]
    pub implied: Vec<(String, String)>,
}

/// Judges a text by its country candidates (every country it mentions, tagged or not). It is
/// on topic when every subject country is one of its subjects: tagged, or, for a country
/// mentioned less than a tag needs, named in its headline or lead (a mention there weighs two),
/// since a report of the two countries' relations may name one of them once. A subject the text
/// never names, or names only in passing in the body, makes it off topic.
///
/// A report of home news may name its country only by a place (Tajik citizens rescued in
/// Kokshetau, by Kazakhstan's ministry): a place of a subject country in the headline or lead
/// stands for it, unless the text is about another country, for then the place is a venue
/// (Russia and Tajikistan meeting in Almaty).
pub fn judge(
    countries: &[Candidate],
    places: &[(Candidate, &str)],
    subjects: &[String],
) -> OnTopic {
    if subjects.is_empty() {
        return OnTopic {
            value: true,
            why: "the archive names no subject countries".to_string(),
            implied: Vec::new(),
        };
    }
    // The report names terms by their ids, as the front matter does.
    let label = |id: &str| id.to_string();
    let mut missing = Vec::new();
    let mut passing = Vec::new();
    let mut present = Vec::new();
    let mut implied = Vec::new();
    let other_country = countries
        .iter()
        .any(|c| c.tagged() && !subjects.contains(&c.tag.id));
    for id in subjects {
        let place = places
            .iter()
            .find(|(p, country)| *country == id.as_str() && p.score >= 2.0)
            .filter(|_| !other_country);
        match countries.iter().find(|c| c.tag.id == *id) {
            Some(c) if c.tagged() || c.score >= 2.0 => present.push(format!(
                "{} ({})",
                label(id),
                c.tag
                    .triggers
                    .iter()
                    .take(2)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            _ if place.is_some() => {
                let written = place
                    .and_then(|(p, _)| p.tag.triggers.first().cloned())
                    .unwrap_or_default();
                present.push(format!("{} (by its place {written})", label(id)));
                implied.push((id.clone(), written));
            }
            None => missing.push(label(id)),
            Some(c) => passing.push(format!(
                "{} ({}, in passing)",
                label(id),
                c.tag.triggers.first().cloned().unwrap_or_default()
            )),
        }
    }
    if missing.is_empty() && passing.is_empty() {
        return OnTopic {
            value: true,
            why: format!("about {}", present.join(" and ")),
            implied,
        };
    }
    let about: Vec<String> = countries
        .iter()
        .filter(|c| c.tagged())
        .map(|c| label(&c.tag.id))
        .collect();
    let about = if about.is_empty() {
        "no country of the taxonomy".to_string()
    } else {
        about.join(", ")
    };
    let mut gaps = Vec::new();
    if !missing.is_empty() {
        gaps.push(format!("it never names {}", missing.join(" or ")));
    }
    if !passing.is_empty() {
        gaps.push(format!("it names {} only", passing.join(" and ")));
    }
    OnTopic {
        value: false,
        why: format!("the text is about {about}; {}", gaps.join("; ")),
        implied: Vec::new(),
    }
}

/// The taxonomy's places a text names, each with the country it is in.
pub fn places<'t>(
    title: &str,
    body: &str,
    lang: Option<&str>,
    taxonomy: &'t Taxonomy,
) -> Vec<(Candidate, &'t str)> {
    candidates(title, body, lang, &taxonomy.places)
        .into_iter()
        .filter_map(|c| {
            let place = taxonomy.places.iter().find(|p| p.id == c.tag.id)?;
            Some((c, place.country.as_deref()?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::tagging::tests::taxonomy;
    use crate::load::taxonomy::Kind;

    fn verdict(title: &str, body: &str, lang: &str) -> OnTopic {
        let taxonomy = taxonomy();
        let found = candidates(title, body, Some(lang), taxonomy.terms(Kind::Country));
        judge(
            &found,
            &places(title, body, Some(lang), &taxonomy),
            &["kazakhstan".to_string(), "tajikistan".to_string()],
        )
    }

    #[test]
    fn both_countries_make_a_text_ours() {
        let on = verdict(
            "Қазақстан мен Тәжікстан сауданы талқылады",
            "Астанада екі елдің министрлері кездесті.",
            "kk",
        );
        assert!(on.value, "{on:?}");
        assert!(on.why.starts_with("about kazakhstan (Қазақстан"), "{on:?}");
    }

    #[test]
    fn a_text_about_other_countries_is_off_topic() {
        let off = verdict(
            "Ўзбекистон ва Қирғизистон чегара бўйича келишди",
            "Тошкентда Ўзбекистон ва Қирғизистон делегациялари учрашди. Ўзбекистон томони таклиф киритди.",
            "uz",
        );
        assert!(!off.value, "{off:?}");
        assert!(off.why.contains("never names"), "{off:?}");
        // Russia and Tajikistan meeting in Almaty: the city is no Kazakhstan-Tajikistan story.
        let off = verdict(
            "Россия и Таджикистан обсудили миграцию",
            "В Алматы министры России и Таджикистана обсудили миграцию. Таджикистан и Россия договорились.",
            "ru",
        );
        assert!(!off.value, "{off:?}");
        assert!(off.why.contains("never names kazakhstan"), "{off:?}");
    }

    #[test]
    fn a_place_in_the_lead_stands_for_its_country_unless_another_country_is_the_subject() {
        let on = verdict(
            "Көкшетауда жолда қалып кеткен Тәжікстан азаматтары құтқарылды",
            "Көкшетауда қалааралық автобустағы шетелдік жолаушылар эвакуацияланды. Тәжікстан азаматтары жылы жерге жеткізілді.",
            "kk",
        );
        assert!(on.value, "{on:?}");
        assert!(on.why.contains("by its place Көкшетауда"), "{on:?}");
        assert_eq!(
            on.implied,
            [("kazakhstan".to_string(), "Көкшетауда".to_string())]
        );
    }

    #[test]
    fn a_subject_named_once_in_the_lead_is_enough() {
        let long_body = "Тараптар ынтымақтастықты талқылады. ".repeat(60);
        let on = verdict(
            "Тоқаев Рахмонмен кездесті",
            &format!(
                "Қазақстан Президенті Тәжікстан басшысымен Душанбеде екіжақты қарым-қатынасты талқылау үшін кездесті.\n{long_body}"
            ),
            "kk",
        );
        assert!(on.value, "{on:?}");
    }
}
