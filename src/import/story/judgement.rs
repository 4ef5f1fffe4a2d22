//! Whether two reports tell one event, and on what evidence: their shared names and numbers,
//! weighed by rarity, whether each names the other's people, and the kinds of event they tell.

use super::THRESHOLD;
use super::features::{Entity, Features, related};
use std::fmt::Write;

/// Of the people one report's headline and lead name, the share the other must name too.
const COVERAGE: f32 = 0.6;

/// Below this many articles in the context, rarity cannot be judged and every item counts fully.
const MIN_CONTEXT: usize = 3;

/// Whether two reports tell one event, and on what evidence.
#[derive(Debug)]
pub(super) struct Judgement {
    /// Shared names (rarity-weighted), numbers (rarity-weighted) and places.
    pub(super) names: Vec<(String, f32)>,
    pub(super) numbers: Vec<(String, f32)>,
    /// The kind of event both tell, if their headlines or leads name one.
    same_kind: Option<&'static str>,
    pub(super) score: f32,
    pub(super) days: i64,
    /// The people each names in its headline and lead that the other does not name.
    missing_here: Vec<String>,
    missing_there: Vec<String>,
    /// Whether the headline's and lead's people agree both ways (or one names no one).
    people_agree: bool,
    /// Whether one of them names no one in its headline and lead.
    no_people: bool,
    /// The kinds of event, when they differ.
    pub(super) kinds: Option<(Vec<&'static str>, Vec<&'static str>)>,
}

impl Judgement {
    pub(super) fn of(
        new: &Features,
        old: &Features,
        date_numbers: &[String],
        others: &[&Features],
        days: i64,
    ) -> Judgement {
        // Rarity among the other articles of the period: common → weak evidence.
        let weight = |found_in: usize| -> f32 {
            if others.len() < MIN_CONTEXT {
                return 1.0;
            }
            let share = found_in as f32 / others.len() as f32;
            if share > 0.5 {
                0.25
            } else if share > 0.2 {
                0.5
            } else {
                1.0
            }
        };
        let mut names: Vec<(String, f32)> = Vec::new();
        for name in &new.names {
            let Some(theirs) = old.names.iter().find(|n| related(&name.key, &n.key)) else {
                continue;
            };
            let shared = if name.key.len() <= theirs.key.len() {
                name.key.clone()
            } else {
                theirs.key.clone()
            };
            if names.iter().any(|(n, _)| related(n, &shared)) {
                continue;
            }
            let found_in = others
                .iter()
                .filter(|f| f.names.iter().any(|n| related(&n.key, &shared)))
                .count();
            names.push((shared, weight(found_in)));
        }
        let mut numbers: Vec<(String, f32)> = Vec::new();
        for number in &new.numbers {
            if date_numbers.contains(number)
                || !old.numbers.contains(number)
                || numbers.iter().any(|(n, _)| n == number)
            {
                continue;
            }
            let found_in = others.iter().filter(|f| f.numbers.contains(number)).count();
            numbers.push((number.clone(), weight(found_in)));
        }
        // The same kind of event, named in both headlines or leads, is evidence too.
        let same_kind = new.kinds.iter().copied().find(|k| old.kinds.contains(k));
        let score = names.iter().chain(&numbers).map(|(_, w)| w).sum::<f32>()
            + same_kind.map_or(0.0, |_| 1.0);

        let missing = |from: &Features, other: &Features| -> (usize, Vec<String>) {
            let main: Vec<&Entity> = from.main().collect();
            let absent: Vec<String> = main
                .iter()
                .filter(|e| !other.names_entity(e))
                .map(|e| e.keys.join(" "))
                .collect();
            (main.len(), absent)
        };
        let (here_count, missing_there) = missing(new, old);
        let (there_count, missing_here) = missing(old, new);
        let covered = |count: usize, absent: usize| {
            count == 0 || (count - absent) as f32 >= COVERAGE * count as f32
        };
        let no_people = here_count == 0 || there_count == 0;
        let people_agree =
            covered(here_count, missing_there.len()) && covered(there_count, missing_here.len());
        let kinds = (!new.kinds.is_empty()
            && !old.kinds.is_empty()
            && !new.kinds.iter().any(|k| old.kinds.contains(k)))
        .then(|| (new.kinds.clone(), old.kinds.clone()));
        Judgement {
            names,
            numbers,
            same_kind,
            score,
            days,
            missing_here,
            missing_there,
            people_agree,
            no_people,
            kinds,
        }
    }

    /// One event: no other kind of event, the people of each report's headline and lead named
    /// by the other, and evidence worth [`THRESHOLD`], a name among it. When one of the reports
    /// names no one in its headline and lead, whom it is about cannot be compared: then both
    /// must name the same kind of event.
    pub(super) fn passes(&self) -> bool {
        self.kinds.is_none()
            && self.people_agree
            && self.score >= THRESHOLD
            && !self.names.is_empty()
            && (!self.no_people || self.same_kind.is_some())
    }

    pub(super) fn shared(&self) -> Vec<String> {
        self.names
            .iter()
            .chain(&self.numbers)
            .map(|(n, _)| n.clone())
            .collect()
    }

    pub(super) fn describe(&self) -> String {
        let list = |items: &[(String, f32)]| -> String {
            items
                .iter()
                .map(|(n, w)| {
                    if *w < 1.0 {
                        format!("{n} (common, {w})")
                    } else {
                        n.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let count =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let days = match self.days {
            0 => "same day".to_string(),
            d => count(usize::try_from(d).unwrap_or(0), "day apart", "days apart"),
        };
        let names = match self.names.len() {
            0 => "no names".to_string(),
            n => format!("{} ({})", count(n, "name", "names"), list(&self.names)),
        };
        let numbers = match self.numbers.len() {
            0 => "no numbers".to_string(),
            n => format!(
                "{} ({})",
                count(n, "number", "numbers"),
                list(&self.numbers)
            ),
        };
        let kind = self
            .same_kind
            .map_or(String::new(), |k| format!(", the same kind of event ({k})"));
        let mut why = format!(
            "{days}, shares {names} and {numbers}{kind}; score {:.2}",
            self.score
        );
        if self.passes() {
            return why;
        }
        if let Some((here, there)) = &self.kinds {
            let _ = write!(
                why,
                "; but another kind of event ({} here, {} there)",
                here.join("/"),
                there.join("/")
            );
        }
        if !self.people_agree {
            let mut parts = Vec::new();
            if !self.missing_there.is_empty() {
                parts.push(format!(
                    "it does not name {}",
                    self.missing_there.join(", ")
                ));
            }
            if !self.missing_here.is_empty() {
                parts.push(format!(
                    "its lead names {}, not named here",
                    self.missing_here.join(", ")
                ));
            }
            let _ = write!(why, "; but other people: {}", parts.join("; "));
        }
        if self.score < THRESHOLD {
            let _ = write!(why, "; too little in common (< {THRESHOLD:.1})");
        } else if self.names.is_empty() {
            why.push_str("; numbers alone never link");
        } else if self.no_people && self.same_kind.is_none() {
            why.push_str(
                "; one names no one in its headline and lead, and no kind of event both name",
            );
        }
        why
    }
}
