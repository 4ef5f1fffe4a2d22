//! The story a text belongs to, and an article of the archive with the same text.

use super::StoryFinding;
use crate::date::Date;
use crate::import::story::{self, Known};
use crate::load::taxonomy::Taxonomy;

/// The archive's article with the same text, if any.
pub(super) fn duplicate_of(plain: &str, known: &[Known]) -> Option<String> {
    known
        .iter()
        .map(|k| (story::same_text(plain, k.text), k))
        .filter(|(similarity, _)| *similarity >= 0.9)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k.slug.to_string())
}

/// The story of a text dated `date` in `lang`: an existing one it joins, or a new one. `None`
/// without a date or a language.
pub(super) fn find(
    date: Option<Date>,
    lang: Option<&str>,
    title: &str,
    plain: &str,
    known: &[Known],
    taxonomy: &Taxonomy,
) -> Option<StoryFinding> {
    match (date, lang) {
        (Some(date), Some(_)) => {
            let (link, reasons) = story::find(date, plain, known, taxonomy);
            Some(match link {
                Some(link) => StoryFinding {
                    id: link.story.clone(),
                    joins: Some(link.slug.clone()),
                    reasons,
                },
                None => StoryFinding {
                    id: new_story_id(date, title, plain),
                    joins: None,
                    reasons,
                },
            })
        }
        _ => None,
    }
}

/// A story id for a text that joins no story: its date and the names it is about (the same
/// in every language, as an editor would write it: `2025-08-27-koshanov-emomali-astana`), or
/// the first words of its title when it names no one.
fn new_story_id(date: Date, title: &str, text: &str) -> String {
    let names: Vec<String> = story::names(text)
        .into_iter()
        .take(3)
        .map(|n| crate::slug::slugify(&n.key, 1, 20, None))
        .filter(|k| !k.is_empty())
        .collect();
    let words = if names.len() >= 2 {
        names.join("-")
    } else {
        crate::slug::slugify(title, 4, 40, None)
    };
    crate::slug::story_id(date, &words)
}
