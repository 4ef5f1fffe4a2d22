//! What of a report survives translation, and tells its event from others: the people and
//! places it names (compared in one Latin form, so Рахмон, Раҳмон and Rahmon meet), its
//! numbers, and the kind of event its headline and lead tell (talks, a concert, a forum …).

use crate::lexicon::lexicon;
use crate::lexicon::matching::{fold, name_key, words};
use crate::load::taxonomy::Taxonomy;

/// A distinctive name of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// [`name_key`] of its shortest form in the text (inflected forms folded in).
    pub key: String,
    /// As first written in the text.
    pub written: String,
    /// How many times the text writes it, in any of its forms: names are ranked by it.
    pub count: usize,
}

/// Someone or something a text names: one name (`Тоқаев`) or several written together
/// (`Қасым-Жомарт Тоқаев`, `Рустами Эмомали`), each as a [`name_key`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Entity {
    pub(super) keys: Vec<String>,
    /// Whether the headline or the lead names it: the event's own people, not its context.
    pub(super) main: bool,
    /// Whether it is one of the taxonomy's places.
    pub(super) place: bool,
}

/// The features of one text.
#[derive(Debug, Clone)]
pub(super) struct Features {
    pub(super) entities: Vec<Entity>,
    /// The key of every word of the text, for names another text spells as a common word.
    pub(super) word_keys: Vec<String>,
    /// Every distinctive name, most frequent first.
    pub(super) names: Vec<Name>,
    pub(super) numbers: Vec<String>,
    /// The kinds of event its headline tells, or else its lead.
    pub(super) kinds: Vec<&'static str>,
}

impl Features {
    /// `text` begins with its headline line; the next paragraph is its lead.
    pub(super) fn of(text: &str, taxonomy: &Taxonomy) -> Features {
        let lead_end = lead_end(text);
        let entities = entities(text, lead_end, taxonomy);
        let mut word_keys: Vec<String> = words(text).iter().map(|w| name_key(w.text)).collect();
        word_keys.sort_unstable();
        word_keys.dedup();
        let headline_end = text.find('\n').unwrap_or(text.len());
        let kinds = match kinds(&text[..headline_end]) {
            found if !found.is_empty() => found,
            _ => kinds(&text[..lead_end]),
        };
        Features {
            entities,
            word_keys,
            names: names(text),
            numbers: numbers(text),
            kinds,
        }
    }

    /// The entities the headline and lead name that are not places: the event's people.
    pub(super) fn main(&self) -> impl Iterator<Item = &Entity> {
        self.entities.iter().filter(|e| e.main && !e.place)
    }

    /// Whether this text names `entity`: as the same person (one of the two written with all
    /// the other's names: `Тоқаев` is `Қасым-Жомарт Тоқаев`, `Рустами Эмомали` is not
    /// `Эмомали Рахмон`), or with each of its names of six letters or more somewhere, perhaps
    /// as a common word.
    pub(super) fn names_entity(&self, entity: &Entity) -> bool {
        let found = |k: &String| self.word_keys.iter().any(|w| related(w, k));
        // A short first name changes more across languages than a surname (Абаю / Абай):
        // the long names must be found, and one at least.
        let long: Vec<&String> = entity
            .keys
            .iter()
            .filter(|k| k.chars().count() >= 6)
            .collect();
        self.entities.iter().any(|e| same_entity(e, entity))
            || (!long.is_empty() && long.iter().all(|k| found(k)))
            || entity.keys.iter().all(found)
    }
}

fn same_entity(a: &Entity, b: &Entity) -> bool {
    let within =
        |x: &Entity, y: &Entity| x.keys.iter().all(|k| y.keys.iter().any(|l| related(k, l)));
    within(a, b) || within(b, a)
}

/// Do two name keys name the same thing? Equal; or one an inflected form of the other (the
/// shorter, of four letters or more and at least half the longer, starts it); or, for names of
/// six letters or more, one letter apart, as spellings across languages are (Нұртілеу and
/// Нуртлеу, Ашимбаев and Ашимбоев), inflected or not.
pub(super) fn related(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let short_chars = short.chars().count();
    if short_chars >= 4 && short.len() * 2 >= long.len() && long.starts_with(short) {
        return true;
    }
    if short_chars < 6 {
        return false;
    }
    let long: Vec<char> = long.chars().collect();
    let short: Vec<char> = short.chars().collect();
    [short.len() - 1, short.len(), short.len() + 1]
        .into_iter()
        .filter(|&n| n <= long.len())
        .any(|n| within_one_edit(&short, &long[..n]))
}

/// Whether `a` becomes `b` with at most one letter added, dropped or changed.
fn within_one_edit(a: &[char], b: &[char]) -> bool {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match b.len() - a.len() {
        0 => a.iter().zip(b).filter(|(x, y)| x != y).count() <= 1,
        1 => {
            let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
            a[common..] == b[common + 1..]
        }
        _ => false,
    }
}

/// The byte offset where the lead (the text's second paragraph, after its headline line)
/// ends.
fn lead_end(text: &str) -> usize {
    let mut lines = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        offset += line.len();
        if !line.trim().is_empty() {
            lines += 1;
            if lines == 2 {
                return offset;
            }
        }
    }
    text.len()
}

/// The kinds of event `text` names, in the lexicon's order.
fn kinds(text: &str) -> Vec<&'static str> {
    let folded: Vec<String> = words(text).iter().map(|w| fold(w.text)).collect();
    lexicon()
        .event_kinds()
        .iter()
        .filter(|(_, stems)| {
            stems.iter().any(|stem| {
                folded.windows(stem.len()).any(|window| {
                    window
                        .iter()
                        .zip(stem)
                        .all(|(word, part)| word.starts_with(part.as_str()))
                })
            })
        })
        .map(|(kind, _)| kind.as_str())
        .collect()
}

/// Names written together in `text`: runs of capitalised words, one space or hyphen apart,
/// that are not titles or country names; a run of one word only when the word is capitalised
/// somewhere other than at the start of a sentence. Latin words in a Cyrillic text (an
/// outlet's name, a brand) are left out.
fn entities(text: &str, lead_end: usize, taxonomy: &Taxonomy) -> Vec<Entity> {
    let all = words(text);
    let cyrillic_text = is_mostly_cyrillic(text);
    let inside = names(text);
    let place_keys: Vec<String> = taxonomy
        .places
        .iter()
        .flat_map(|p| p.words.values().flatten().chain(p.labels.values()))
        .flat_map(|w| w.split([' ', '-']).map(name_key).collect::<Vec<_>>())
        .collect();
    // A capitalised word at a sentence's start is a name only if it is one elsewhere too
    // (`Кездесуге Рустами Эмомали …`: "At the meeting" is not part of the name).
    let usable = |w: &crate::lexicon::matching::Word| {
        let key = name_key(w.text);
        w.text.chars().next().is_some_and(char::is_uppercase)
            && key.chars().filter(|c| c.is_alphabetic()).count() >= 4
            && !is_generic(&key)
            && !(cyrillic_text && w.text.chars().all(|c| !is_cyrillic(c)))
            && (!sentence_initial(text, w.start)
                || inside.iter().any(|n| prefix_related(&n.key, &key)))
    };
    let mut out: Vec<Entity> = Vec::new();
    let mut i = 0;
    while i < all.len() {
        if !usable(&all[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < all.len()
            && usable(&all[j + 1])
            && text[all[j].end..all[j + 1].start]
                .chars()
                .all(|c| c == ' ' || c == '-')
        {
            j += 1;
        }
        let run = &all[i..=j];
        let keys: Vec<String> = run.iter().map(|w| name_key(w.text)).collect();
        {
            let entity = Entity {
                main: run[0].start < lead_end,
                place: keys
                    .iter()
                    .all(|k| place_keys.iter().any(|p| related(p, k))),
                keys,
            };
            match out.iter_mut().find(|e| same_entity(e, &entity)) {
                Some(e) => {
                    e.main |= entity.main;
                    if entity.keys.len() > e.keys.len() {
                        e.keys = entity.keys;
                    }
                }
                None => out.push(entity),
            }
        }
        i = j + 1;
    }
    out
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}')
}

fn is_mostly_cyrillic(text: &str) -> bool {
    let cyrillic = text.chars().filter(|&c| is_cyrillic(c)).count();
    let latin = text.chars().filter(char::is_ascii_alphabetic).count();
    cyrillic > latin
}

/// The distinctive names of a text, most frequent first: capitalised words of at least four
/// letters that are not titles or country names, and that are capitalised somewhere other
/// than at the start of a sentence (there every word is capitalised, names or not).
pub fn names(text: &str) -> Vec<Name> {
    struct Group {
        name: Name,
        inside: bool,
        first: usize,
    }
    let mut groups: Vec<Group> = Vec::new();
    let shouting = shouting_lines(text);
    for w in words(text) {
        if !w.text.chars().next().is_some_and(char::is_uppercase)
            || shouting.iter().any(|r| r.contains(&w.start))
        {
            continue;
        }
        let key = name_key(w.text);
        if key.chars().filter(|c| c.is_alphabetic()).count() < 4 || is_generic(&key) {
            continue;
        }
        let inside = !sentence_initial(text, w.start);
        match groups
            .iter_mut()
            .find(|g| prefix_related(&g.name.key, &key))
        {
            Some(g) => {
                g.name.count += 1;
                if key.len() < g.name.key.len() {
                    g.name.key = key;
                }
                if inside && !g.inside {
                    g.inside = true;
                    g.name.written = w.text.to_string();
                }
            }
            None => groups.push(Group {
                name: Name {
                    key,
                    written: w.text.to_string(),
                    count: 1,
                },
                inside,
                first: groups.len(),
            }),
        }
    }
    let mut groups: Vec<Group> = groups.into_iter().filter(|g| g.inside).collect();
    groups.sort_by(|a, b| b.name.count.cmp(&a.name.count).then(a.first.cmp(&b.first)));
    groups.into_iter().map(|g| g.name).collect()
}

/// One key an inflected form of the other (see [`related`], without its one-letter leeway, which
/// grouping a text's own words does not need).
fn prefix_related(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= 4 && short.len() * 2 >= long.len() && long.starts_with(short)
}

/// Titles, institutions and the region's country names (the language files' `not_names`), and
/// the outlets the importer knows: capitalised in every article of this archive, so sharing
/// them says nothing about the event.
fn is_generic(key: &str) -> bool {
    lexicon().is_not_a_name(key) || crate::import::outlets::is_outlet_name(key)
}

/// Byte ranges of lines written in capitals (a shouted headline): every word there is
/// capitalised, so none of them is a name by its capital.
fn shouting_lines(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let letters = line.chars().filter(|c| c.is_alphabetic()).count();
        let upper = line.chars().filter(|c| c.is_uppercase()).count();
        if letters >= 12 && upper * 10 >= letters * 6 {
            out.push(offset..offset + line.len());
        }
        offset += line.len();
    }
    out
}

/// Does the word at `start` open a sentence, a line, a quotation or a dialogue turn?
fn sentence_initial(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let mut chars = before.chars().rev().peekable();
    while let Some(&c) = chars.peek() {
        if c == '\n' {
            return true;
        }
        if !c.is_whitespace() {
            break;
        }
        chars.next();
    }
    match chars.next() {
        None => true,
        // After an initial (`Е.Көшербаев`, `С. Мухриддин`) the sentence goes on.
        Some('.') => {
            let letters = chars.take_while(|c| c.is_alphabetic()).count();
            letters != 1
        }
        Some(
            '!' | '?' | '…' | ':' | '«' | '„' | '“' | '"' | '\'' | '‘' | '(' | '[' | '—' | '–'
            | '-' | '•' | '*',
        ) => true,
        Some(_) => false,
    }
}

/// Numbers of at least two digits, as written with a decimal comma made a point (`1,2` and
/// `1.2` are one number), each once, in order.
pub(super) fn numbers(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut number = String::new();
        while i < chars.len() {
            let c = chars[i];
            if c.is_ascii_digit() {
                number.push(c);
            } else if matches!(c, '.' | ',') && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
                number.push('.');
            } else {
                break;
            }
            i += 1;
        }
        if number.chars().filter(char::is_ascii_digit).count() >= 2 && !out.contains(&number) {
            out.push(number);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity_keys(text: &str) -> Vec<(Vec<String>, bool)> {
        Features::of(text, &Taxonomy::default())
            .entities
            .into_iter()
            .map(|e| (e.keys, e.main))
            .collect()
    }

    #[test]
    fn spellings_of_one_name_meet() {
        for (a, b) in [
            ("Нұртілеу", "Нуртлеу"),
            ("Нұртілеудің", "Нуртлеу"),
            ("Ашимбаев", "Ашимбоев"),
            ("Тоқаев", "Tokayev"),
            ("Раҳмон", "Rahmon"),
            ("Рахмонмен", "Раҳмон"),
            ("Мухриддин", "Муҳриддин"),
        ] {
            assert!(related(&name_key(a), &name_key(b)), "{a} / {b}");
        }
        for (a, b) in [
            ("Беткенов", "Бектенов"),
            ("Рахмон", "Рустам"),
            ("Скляр", "Склад"),
        ] {
            assert!(!related(&name_key(a), &name_key(b)), "{a} / {b}");
        }
    }

    #[test]
    fn names_written_together_are_one_person() {
        let text = "Тоқаев Рахмонмен кездесті\nМемлекет басшысы Қасым-Жомарт Тоқаев Тәжікстан Президенті Эмомали Рахмонды қабылдады. Кездесуге Рустами Эмомали қатысты.\nКейін Тоқаев сөз сөйледі.";
        let found = entity_keys(text);
        let has = |keys: &[&str]| {
            let wanted = Entity {
                keys: keys.iter().map(|k| (*k).to_string()).collect(),
                main: true,
                place: false,
            };
            found.iter().any(|(k, _)| {
                same_entity(
                    &Entity {
                        keys: k.clone(),
                        main: true,
                        place: false,
                    },
                    &wanted,
                ) && k.len() == keys.len()
            })
        };
        assert!(has(&["kasimjomart", "tokaev"]), "{found:?}");
        assert!(has(&["emomali", "rahmon"]), "{found:?}");
        // Rustami Emomali is someone else, and "Кездесуге" (at the meeting) is no name of his.
        assert!(has(&["rustami", "emomali"]), "{found:?}");
        assert!(
            !found
                .iter()
                .any(|(k, _)| k.iter().any(|k| k.starts_with("kezdes"))),
            "{found:?}"
        );
        let features = Features::of(text, &Taxonomy::default());
        let rahmon = Entity {
            keys: vec!["rahmon".into()],
            main: true,
            place: false,
        };
        assert!(features.names_entity(&rahmon));
        let koshanov = Entity {
            keys: vec!["erlan".into(), "koshanov".into()],
            main: true,
            place: false,
        };
        assert!(!features.names_entity(&koshanov));
    }

    #[test]
    fn the_kind_of_event_from_the_headline_or_the_lead() {
        let features = Features::of(
            "Тәжік халқы Димаш Құдайбергеннің өнерін тамашалады\nТоқаев пен Рахмон салтанатты концертті тамашалады.",
            &Taxonomy::default(),
        );
        assert_eq!(features.kinds, ["concert"]);
        let features = Features::of(
            "Токаев и Рахмон провели переговоры\nПрезиденты обсудили торговлю.",
            &Taxonomy::default(),
        );
        assert_eq!(features.kinds, ["talks"]);
        let features = Features::of(
            "Эмомалӣ Раҳмон бо Қасим-Жомарт Тоқаев суҳбати телефонӣ анҷом дод\nМатн.",
            &Taxonomy::default(),
        );
        assert_eq!(features.kinds, ["call"]);
    }
}
