//! Which story a new report belongs to, and whether its text is in the archive already.
//!
//! A story is one event: the same people meeting, at the same place, on the same day. Reports
//! of it in any language, from any outlet, are its versions. What survives translation decides:
//! the people and places named in the headline and lead (compared in one Latin form, so
//! Рахмон, Раҳмон and Rahmon meet, and Нұртілеу and Нуртлеу), the kind of event (talks, a
//! concert, a forum …), the numbers, and the dates, within [`MAX_DAYS`] for time zones and
//! publication lag. Two events of one visit share names and fall a day apart; they are told
//! apart because each report's own people are not all the other's (the Senate's chairman in one,
//! the Majilis speaker in the other), or because their kinds differ. When unsure, a report
//! starts its own story, and the reasons say which story it nearly joined and why not.

mod features;
mod fingerprint;
mod judgement;

#[cfg(test)]
mod tests;

use crate::date::Date;
use crate::load::taxonomy::Taxonomy;
use features::Features;
pub use features::{Name, names};
pub use fingerprint::{Fingerprint, same_text};
use judgement::Judgement;

/// What the importer knows of an existing article.
#[derive(Debug, Clone, Copy)]
pub struct Known<'a> {
    /// Its URL segment, unique in the archive: reports name the article by it.
    pub slug: &'a str,
    /// The id of the story it is a version of, which a text joining it takes.
    pub story: &'a str,
    /// Its language's code, shown beside its slug in the reasons.
    pub lang: &'a str,
    /// Its publication date: only articles within [`MAX_DAYS`] of a new text can share its
    /// story.
    pub date: Date,
    /// Its title, as the front matter gives it (`text` opens with it too).
    pub title: &'a str,
    /// Title and body as plain-ish text: the title on the first line, the lead next.
    pub text: &'a str,
}

/// A story the new text joins, and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StoryLink {
    /// The id of the story joined, which the new text takes.
    pub story: String,
    /// The article that tells the same event, the best of those compared.
    pub slug: String,
    /// How many days apart the two texts are dated, 0 to [`MAX_DAYS`].
    pub days_apart: i64,
    /// Names (as [`crate::lexicon::matching::name_key`]) and numbers both texts share.
    pub shared: Vec<String>,
    /// The evidence's weight, at least [`THRESHOLD`]: each shared name or number counts 1, less
    /// when common in the period's other articles, and the same kind of event 1 more.
    pub score: f32,
}

/// The same day, or the next: an event reported where it is evening, or the morning after.
/// Further apart is another day's event.
pub const MAX_DAYS: i64 = 2;

/// Each shared distinctive name or number adds at most 1; two is, for instance, one person
/// and the place, or two people.
pub const THRESHOLD: f32 = 2.0;

/// How far around the new text's date articles tell which names are common at the time.
const CONTEXT_DAYS: i64 = 90;

/// The existing story a new text reports too, if any: the best article within [`MAX_DAYS`]
/// that tells the same event (see the module's comment). Returns the reasons for the report
/// either way: the story joined and on what, or the closest candidate and why it is another
/// event.
pub fn find(
    date: Date,
    text: &str,
    known: &[Known],
    taxonomy: &Taxonomy,
) -> (Option<StoryLink>, Vec<String>) {
    let mut lines = Vec::new();
    let day = date.days();
    let apart = |k: &Known| (k.date.days() - day).abs();
    let window: Vec<usize> = (0..known.len())
        .filter(|&i| apart(&known[i]) <= MAX_DAYS)
        .collect();
    if window.is_empty() {
        match known.iter().min_by_key(|k| apart(k)) {
            Some(k) => lines.push(format!(
                "no article within {MAX_DAYS} days: a new story (closest: {} ({}), {} days apart)",
                k.slug,
                k.lang,
                apart(k)
            )),
            None => lines.push("no existing article to compare with: a new story".to_string()),
        }
        return (None, lines);
    }

    let new = Features::of(text, taxonomy);
    let context: Vec<(usize, Features)> = (0..known.len())
        .filter(|&i| apart(&known[i]) <= CONTEXT_DAYS)
        .map(|i| (i, Features::of(known[i].text, taxonomy)))
        .collect();

    let mut judged: Vec<(usize, Judgement)> = Vec::new();
    for &i in &window {
        let k = &known[i];
        let Some((_, old)) = context.iter().find(|(j, _)| *j == i) else {
            continue;
        };
        let date_numbers: Vec<String> = date_parts(date)
            .into_iter()
            .chain(date_parts(k.date))
            .collect();
        let others: Vec<&Features> = context
            .iter()
            .filter(|(j, _)| known[*j].story != k.story)
            .map(|(_, f)| f)
            .collect();
        judged.push((
            i,
            Judgement::of(&new, old, &date_numbers, &others, apart(k)),
        ));
    }
    // Best first: a passing judgement, then the higher score, then the closer date.
    judged.sort_by(|a, b| {
        b.1.passes()
            .cmp(&a.1.passes())
            .then(b.1.score.total_cmp(&a.1.score))
            .then(a.1.days.cmp(&b.1.days))
    });
    let Some((best, judgement)) = judged.first() else {
        lines.push("no article within the window could be compared: a new story".to_string());
        return (None, lines);
    };
    let describe = |(i, j): &(usize, Judgement)| {
        format!(
            "{} ({}, story {}): {}",
            known[*i].slug,
            known[*i].lang,
            known[*i].story,
            j.describe()
        )
    };
    if judgement.passes() {
        let link = StoryLink {
            story: known[*best].story.to_string(),
            slug: known[*best].slug.to_string(),
            days_apart: judgement.days,
            shared: judgement.shared(),
            score: judgement.score,
        };
        lines.push(format!("joins story {}", link.story));
        lines.push(format!("same event as {}", describe(&judged[0])));
        lines.extend(
            judged[1..]
                .iter()
                .take(2)
                .map(|j| format!("also compared: {}", describe(j))),
        );
        return (Some(link), lines);
    }
    lines.push("a new story: no article within the window tells the same event".to_string());
    lines.push(format!("nearly joined {}", describe(&judged[0])));
    lines.extend(
        judged[1..]
            .iter()
            .take(2)
            .map(|j| format!("also compared: {}", describe(j))),
    );
    (None, lines)
}

/// A date's numbers as texts write them: the year, the month and day with and without a zero.
fn date_parts(date: Date) -> [String; 5] {
    [
        date.year.to_string(),
        format!("{:02}", date.month),
        date.month.to_string(),
        format!("{:02}", date.day),
        date.day.to_string(),
    ]
}
