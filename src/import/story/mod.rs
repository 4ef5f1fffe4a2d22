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

use crate::date::Date;
use crate::taxonomy::Taxonomy;
use features::{Entity, Features, related};
pub use features::{Name, names};
pub use fingerprint::{Fingerprint, same_text};

/// What the importer knows of an existing article.
#[derive(Debug, Clone, Copy)]
pub struct Known<'a> {
    pub slug: &'a str,
    pub story: &'a str,
    pub lang: &'a str,
    pub date: Date,
    pub title: &'a str,
    /// Title and body as plain-ish text: the title on the first line, the lead next.
    pub text: &'a str,
}

/// A story the new text joins, and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StoryLink {
    pub story: String,
    pub slug: String,
    pub days_apart: i64,
    /// Names (as [`crate::import::matching::name_key`]) and numbers both texts share.
    pub shared: Vec<String>,
    pub score: f32,
}

/// The same day, or the next: an event reported where it is evening, or the morning after.
/// Further apart is another day's event.
pub const MAX_DAYS: i64 = 2;

/// Each shared distinctive name or number adds at most 1; two is, for instance, one person
/// and the place, or two people.
pub const THRESHOLD: f32 = 2.0;

/// Of the people one report's headline and lead name, the share the other must name too.
const COVERAGE: f32 = 0.6;

/// How far around the new text's date articles tell which names are common at the time.
const CONTEXT_DAYS: i64 = 90;

/// Below this many articles in the context, rarity cannot be judged and every item counts fully.
const MIN_CONTEXT: usize = 3;

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

/// Whether two reports tell one event, and on what evidence.
#[derive(Debug)]
struct Judgement {
    /// Shared names (rarity-weighted), numbers (rarity-weighted) and places.
    names: Vec<(String, f32)>,
    numbers: Vec<(String, f32)>,
    /// The kind of event both tell, if their headlines or leads name one.
    same_kind: Option<&'static str>,
    score: f32,
    days: i64,
    /// The people each names in its headline and lead that the other does not name.
    missing_here: Vec<String>,
    missing_there: Vec<String>,
    /// Whether the headline's and lead's people agree both ways (or one names no one).
    people_agree: bool,
    /// Whether one of them names no one in its headline and lead.
    no_people: bool,
    /// The kinds of event, when they differ.
    kinds: Option<(Vec<&'static str>, Vec<&'static str>)>,
}

impl Judgement {
    fn of(
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
    fn passes(&self) -> bool {
        self.kinds.is_none()
            && self.people_agree
            && self.score >= THRESHOLD
            && !self.names.is_empty()
            && (!self.no_people || self.same_kind.is_some())
    }

    fn shared(&self) -> Vec<String> {
        self.names
            .iter()
            .chain(&self.numbers)
            .map(|(n, _)| n.clone())
            .collect()
    }

    fn describe(&self) -> String {
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
            why.push_str(&format!(
                "; but another kind of event ({} here, {} there)",
                here.join("/"),
                there.join("/")
            ));
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
            why.push_str(&format!("; but other people: {}", parts.join("; ")));
        }
        if self.score < THRESHOLD {
            why.push_str(&format!("; too little in common (< {THRESHOLD:.1})"));
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

#[cfg(test)]
mod tests {
    use super::features::numbers;
    use super::fingerprint::SHINGLE;
    use super::*;
    use crate::import::matching::{fold, name_key, words};
    use crate::import::tagging::{self, tag};
    use crate::taxonomy::Kind;
    use std::path::Path;

    fn seed(name: &str) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/raw")
            .join(name);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// The seeds as the archive knows them (dates and languages from content/).
    struct Seed {
        file: &'static str,
        slug: &'static str,
        story: &'static str,
        lang: &'static str,
        date: &'static str,
    }

    const SEEDS: [Seed; 5] = [
        Seed {
            file: "000_c2971f3114f27f7e.txt",
            slug: "tojikiston-va-qazoqiston-hamkorii-dujonibaro-dar",
            story: "2025-11-14-emomali-ashimbaev-dushanbe",
            lang: "tg",
            date: "2025-11-14",
        },
        Seed {
            file: "001_14a85814d9623422.txt",
            slug: "emomali-rahmon-sarvaziri-jumhurii-qazoqiston-olzhas",
            story: "2024-04-30-rahmon-bektenov-dushanbe",
            lang: "tg",
            date: "2024-04-30",
        },
        Seed {
            file: "002_4ac4f6e0ac4e3caa.txt",
            slug: "qozoghiston-va-tozhikiston-parlamentlari-hamkorlikni",
            story: "2025-08-27-koshanov-emomali-astana",
            lang: "uz",
            date: "2025-08-27",
        },
        Seed {
            file: "003_66e8fa6394fbc704.txt",
            slug: "qazaqstan-men-tazhikstan-sayasi-dialogty-odan",
            story: "2026-02-16-kosherbayev-muhriddin-dushanbe",
            lang: "kk",
            date: "2026-02-16",
        },
        Seed {
            file: "004_fdb75db5e4a0ae0c.txt",
            // Its own story id before it was linked: the test removes 002 from `known`.
            slug: "qazaqstan-respublikasy-mazhilisining-toraghasy-erlan",
            story: "2025-08-27-koshanov-emomali-astana",
            lang: "kk",
            date: "2025-08-27",
        },
    ];

    fn texts() -> Vec<String> {
        SEEDS.iter().map(|s| seed(s.file)).collect()
    }

    fn known<'a>(texts: &'a [String], except: usize) -> Vec<Known<'a>> {
        SEEDS
            .iter()
            .zip(texts)
            .enumerate()
            .filter(|(i, _)| *i != except)
            .map(|(_, (s, text))| Known {
                slug: s.slug,
                story: s.story,
                lang: s.lang,
                date: Date::parse(s.date).unwrap(),
                title: text.lines().next().unwrap_or(""),
                text,
            })
            .collect()
    }

    fn find_seed(i: usize, texts: &[String]) -> (Option<StoryLink>, Vec<String>) {
        let s = &SEEDS[i];
        find(
            Date::parse(s.date).unwrap(),
            &texts[i],
            &known(texts, i),
            &Taxonomy::default(),
        )
    }

    #[test]
    fn the_uzbek_and_kazakh_reports_of_one_meeting_are_one_story() {
        let texts = texts();
        for (new, other) in [(2, 4), (4, 2)] {
            let (link, reasons) = find_seed(new, &texts);
            let link = link.unwrap_or_else(|| panic!("{}: {reasons:#?}", SEEDS[new].file));
            assert_eq!(link.slug, SEEDS[other].slug);
            assert_eq!(link.story, "2025-08-27-koshanov-emomali-astana");
            assert_eq!(link.days_apart, 0);
            for item in ["koshanov", "erlan", "astana", "24", "90", "2019"] {
                assert!(
                    link.shared.iter().any(|s| s == item),
                    "{item} not in {:?}",
                    link.shared
                );
            }
            assert!(link.score >= THRESHOLD);
            assert!(reasons[0].starts_with("joins story"), "{reasons:?}");
            assert!(reasons[1].starts_with("same event as"), "{reasons:?}");
        }
    }

    #[test]
    fn texts_of_other_events_start_their_own_story() {
        let texts = texts();
        for i in [0, 1, 3] {
            let (link, reasons) = find_seed(i, &texts);
            assert_eq!(link, None, "{}: {reasons:?}", SEEDS[i].file);
            assert!(reasons[0].contains("closest:"), "{reasons:?}");
        }
        // 000 and 002 both name Rustami Emomali, but months apart.
        let (_, reasons) = find_seed(0, &texts);
        assert!(reasons[0].contains("days apart"), "{reasons:?}");
    }

    #[test]
    fn a_same_day_event_with_other_people_is_another_story() {
        let texts = texts();
        let mut known = known(&texts, 4);
        known.retain(|k| k.lang != "kk");
        let date = Date::parse("2025-08-27").unwrap();
        let none = Taxonomy::default();
        // Another Astana meeting of the day: only the city in common.
        let text = "Нұртілеу Ивая мен кездесті\nАстанада Қазақстан мен Жапония сыртқы істер министрлері Мұрат Нұртілеу мен Такеси Ивая кездесті. Тараптар Астанада екіжақты ынтымақтастықты талқылады.";
        let (link, reasons) = find(date, text, &known, &none);
        assert_eq!(link, None, "{reasons:?}");
        assert!(reasons[1].starts_with("nearly joined"), "{reasons:?}");
        assert!(reasons[1].contains("other people"), "{reasons:?}");
        // The same speaker's other meeting that day: the other report's guest is not here.
        let text = "Қошанов елшімен кездесті\nМәжіліс төрағасы Ерлан Қошанов Ұлыбританияның елшісі Кэти Лич ханыммен кездесті. Кездесуде Ерлан Қошанов парламентаралық байланыстарды атап өтті.";
        let (link, reasons) = find(date, text, &known, &none);
        assert_eq!(link, None, "{reasons:?}");
        assert!(
            reasons[1].contains("it does not name keti lich"),
            "{reasons:?}"
        );
        assert!(reasons[1].contains("not named here"), "{reasons:?}");
    }

    #[test]
    fn two_events_of_one_visit_are_two_stories() {
        // Day one: the guest meets the Senate's chairman, then the President. Day two: the
        // Majilis speaker. The names and the city are shared, the hosts are not.
        let first = "Рустами Эмомали встретился с Ашимбаевым и Токаевым\nВ Астане Председатель Маджлиси милли Рустами Эмомали провел переговоры с Председателем Сената Мауленом Ашимбаевым, а затем встретился с Президентом Касым-Жомартом Токаевым.";
        let second = "Қошанов Рустами Эмомалимен кездесті\nМәжіліс төрағасы Ерлан Қошанов Тәжікстан Маджлиси милли төрағасы Рустами Эмомалимен Астанада кездесті.";
        let known = [Known {
            slug: "first",
            story: "2025-08-26-emomali-ashimbaev",
            lang: "ru",
            date: Date::parse("2025-08-26").unwrap(),
            title: "",
            text: first,
        }];
        let (link, reasons) = find(
            Date::parse("2025-08-27").unwrap(),
            second,
            &known,
            &Taxonomy::default(),
        );
        assert_eq!(link, None, "{reasons:?}");
        assert!(reasons[1].contains("nearly joined first"), "{reasons:?}");
        assert!(reasons[1].contains("erlan koshanov"), "{reasons:?}");
    }

    #[test]
    fn another_kind_of_event_of_the_same_people_is_another_story() {
        let talks = "Токаев и Рахмон провели переговоры\nВ Душанбе Касым-Жомарт Токаев и Эмомали Рахмон провели переговоры в узком составе.";
        let concert = "Тоқаев пен Рахмон концертті тамашалады\nҚасым-Жомарт Тоқаев пен Эмомали Рахмон Душанбеде мәдениет күндеріне арналған концертті тамашалады.";
        let known = [Known {
            slug: "talks",
            story: "talks",
            lang: "ru",
            date: Date::parse("2024-08-22").unwrap(),
            title: "",
            text: talks,
        }];
        let (link, reasons) = find(
            Date::parse("2024-08-22").unwrap(),
            concert,
            &known,
            &Taxonomy::default(),
        );
        assert_eq!(link, None, "{reasons:?}");
        assert!(
            reasons[1].contains("another kind of event (concert here, talks there)"),
            "{reasons:?}"
        );
    }

    #[test]
    fn names_every_article_of_the_period_carries_are_weak_evidence() {
        let date = Date::parse("2025-10-09").unwrap();
        let none = Taxonomy::default();
        let meeting = "Раҳмон бо Тоқаев мулоқот кард\nПрезидент Эмомалӣ Раҳмон бо Президенти Ҷумҳурии Қазоқистон Қасим-Жомарт Тоқаев мулоқот кард.";
        let candidate = Known {
            slug: "meeting",
            story: "meeting",
            lang: "tg",
            date,
            title: "",
            text: meeting,
        };
        // A report that names no kind of event (they "were in Almaty").
        let text = "Тоқаев пен Рахмон Алматыда\nПрезидент Қасым-Жомарт Тоқаев пен Президент Эмомали Рахмон Алматыда болды.";
        // With nothing else to compare, the four names are evidence enough …
        let (link, reasons) = find(date, text, &[candidate], &none);
        assert!(link.is_some(), "{reasons:?}");
        // … but when the articles of the period all carry them, they are not.
        let earlier: Vec<String> = (0..4)
            .map(|i| format!("Кездесу {i}\nПрезидент Қасым-Жомарт Тоқаев пен Президент Эмомали Рахмон {i} кездесу туралы."))
            .collect();
        let mut known = vec![candidate];
        for (i, text) in earlier.iter().enumerate() {
            known.push(Known {
                slug: "earlier",
                story: ["a", "b", "c", "d"][i],
                lang: "kk",
                date: Date::parse(&format!("2025-09-0{}", i + 1)).unwrap(),
                title: "",
                text,
            });
        }
        let (link, reasons) = find(date, text, &known, &none);
        assert_eq!(link, None, "{reasons:?}");
        assert!(reasons[1].contains("tokaev (common, 0.25)"), "{reasons:?}");
    }

    #[test]
    fn reports_in_one_language_are_versions_too() {
        let texts = texts();
        let all = known(&texts, 99);
        // 004 as a second Uzbek report of the meeting that 002 reports.
        let s = &SEEDS[4];
        let (link, reasons) = find(
            Date::parse(s.date).unwrap(),
            &texts[4],
            &all[..4],
            &Taxonomy::default(),
        );
        let link = link.unwrap_or_else(|| panic!("{reasons:#?}"));
        assert_eq!(link.slug, SEEDS[2].slug);
    }

    #[test]
    fn names_skip_titles_sentence_starts_and_keep_inflected_forms_together() {
        let text = texts()[2].clone();
        let found = names(&text);
        let keys: Vec<&str> = found.iter().map(|n| n.key.as_str()).collect();
        for name in ["koshanov", "rustam", "emomali", "erlan", "tokaev", "astana"] {
            assert!(keys.contains(&name), "{name} not in {keys:?}");
        }
        for not_a_name in ["kozogiston", "prezidenti", "mamlakatlarimizni", "kazinform"] {
            assert!(
                !keys.iter().any(|k| k.starts_with(not_a_name)),
                "{not_a_name} in {keys:?}"
            );
        }
        assert_eq!(
            numbers("1,2 млрд, 24-орын, 2026-2028, 5 және 90"),
            ["1.2", "24", "2026", "2028", "90"]
        );
    }

    #[test]
    fn the_same_text_is_recognised_after_edits_and_others_are_not() {
        let texts = texts();
        for (i, text) in texts.iter().enumerate() {
            // The editor rewrote the first line (the title, or the lead of a text without one).
            let (_, body) = text.split_once('\n').unwrap();
            let retitled = format!("Жаңа тақырып: редактор өзгерткен сөздер\n{body}");
            assert!(
                same_text(text, &retitled) >= 0.9,
                "{i}: {}",
                same_text(text, &retitled)
            );
            // … and fixed a typo in the body.
            let fixed =
                retitled
                    .replacen("Қазақстан", "Казахстан", 1)
                    .replacen("ҳамкорӣ", "ҳамкори", 1);
            assert!(
                same_text(text, &fixed) >= 0.9,
                "{i}: {}",
                same_text(text, &fixed)
            );
            assert!((same_text(text, text) - 1.0).abs() < 1e-6);
            for (j, other) in texts.iter().enumerate().filter(|(j, _)| *j != i) {
                let s = same_text(text, other);
                assert!(s < 0.2, "{i} vs {j}: {s}");
            }
        }
        // The raw text against what the importer made of it: debris gone, headline once.
        let raw = &texts[0];
        let imported: String = raw
            .lines()
            .skip(1)
            .filter(|l| !l.starts_with("АКС:") && !l.starts_with("error:"))
            .collect::<Vec<_>>()
            .join("\n\n");
        assert!(
            same_text(raw, &imported) >= 0.9,
            "{}",
            same_text(raw, &imported)
        );
        // An excerpt is not the text, and nothing is like an empty text.
        let excerpt: String = raw.lines().take(4).collect::<Vec<_>>().join("\n");
        assert!(
            same_text(raw, &excerpt) < 0.9,
            "{}",
            same_text(raw, &excerpt)
        );
        assert_eq!(same_text("", ""), 0.0);
    }

    use crate::import::testing::Rng;

    fn random_text(rng: &mut Rng, len: usize) -> String {
        #[rustfmt::skip]
        const POOL: &[&str] = &[
            "а", "ә", "ӣ", "ҷ", "ў", "қ", "ё", "Ё", "A", "a", "O", "o", "g", "S", "ʻ", "'", "’",
            "`", "ʼ", "-", "‑", "—", "–", "\u{0306}", "\u{0304}", "\u{0301}", "\u{00AD}",
            "\u{200D}", "\u{FEFF}", "1", "9", ",", ".", " ", " ", "\n", "\n\n", "•", "«", "»", "İ",
            "ß", "ﬁ", "🙂", "Е.", "Қошанов", "Эмомалӣ", "сауда", "су-энергетика", "Qozogʻiston",
            "2019", "24-ўрин", "ASTANА", "  • Саноат — ", "дж", "kh", "yo",
        ];
        let mut s = String::new();
        for _ in 0..len {
            match rng.below(4) {
                0 => {
                    if let Some(c) = char::from_u32(rng.below(0x11_0000) as u32) {
                        s.push(c);
                    }
                }
                _ => s.push_str(POOL[rng.below(POOL.len())]),
            }
        }
        s
    }

    /// Rounds: 400 by default; `DOSTYK_FUZZ_ROUNDS=20000 cargo test --release` for a long run.
    #[test]
    fn arbitrary_text_never_panics_and_keeps_the_invariants() {
        let taxonomy = tagging::tests::taxonomy();
        let terms = taxonomy.terms(Kind::Topic);
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let date = Date::parse("2025-08-27").unwrap();
        for round in 0..std::env::var("DOSTYK_FUZZ_ROUNDS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(400)
        {
            let len = rng.below(120);
            let text = random_text(&mut rng, len);
            let len = rng.below(120);
            let other = random_text(&mut rng, len);
            for w in words(&text) {
                assert_eq!(&text[w.start..w.end], w.text);
                assert!(!w.text.is_empty());
                let folded = fold(w.text);
                // Folding twice changes nothing more.
                assert_eq!(fold(&folded), folded, "{:?}", w.text);
                let _ = name_key(w.text);
            }
            let _ = fold(&text);
            let _ = name_key(&text);
            let _ = tag(
                &text,
                Some(["kk", "tg", "uz", "ru", "en"][round % 5]),
                terms,
            );
            let _ = tag(&text, None, terms);
            let _ = tagging::tag_weighted(&other, &text, Some("kk"), terms);
            let known = [Known {
                slug: "x",
                story: "s",
                lang: "tg",
                date,
                title: &other,
                text: &other,
            }];
            let _ = find(
                date,
                &format!("{other}\n{text}"),
                &known,
                &Taxonomy::default(),
            );
            let s = same_text(&text, &other);
            assert!((0.0..=1.0).contains(&s));
            if words(&text).len() >= SHINGLE {
                assert!((same_text(&text, &text) - 1.0).abs() < 1e-6, "{text:?}");
            }
            // Arbitrary bytes, as a file of unknown encoding would give them.
            let bytes: Vec<u8> = (0..rng.below(200)).map(|_| rng.next() as u8).collect();
            let lossy = String::from_utf8_lossy(&bytes);
            let _ = words(&lossy);
            let _ = tag(&lossy, None, terms);
            let _ = same_text(&lossy, &text);
        }
    }
}
