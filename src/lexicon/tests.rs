use super::file::LanguageFile;
use super::*;
use crate::import::furniture::key;

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

/// A malformed embedded file stops the importer with a message that names it: `lexicon()` panics
/// with the error [`Lexicon::from_files`] gives.
#[test]
fn a_malformed_file_is_named_in_the_error() {
    let error = Lexicon::from_files(&[("kk", FILES[0].1), ("xx", "name = 1")]).unwrap_err();
    assert!(error.starts_with("data/languages/xx.toml: "), "{error}");
    let error = Lexicon::from_files(&[("xx", "name = \"X\"\narchive = false\n[[dates.months]]\nstyle = \"english\"\nnames = [[\"jan\"]]\n")]).unwrap_err();
    assert!(
        error.starts_with("data/languages/xx.toml [[dates.months]] english: 1 months"),
        "{error}"
    );
    for bad in [
        "[cyrillic]\nunits = [\"а\"]\n",
        "[cyrillic]\nunits = 1\n[latin]\nunits = []\n",
    ] {
        let error = scripts::parse(bad).unwrap_err();
        assert!(error.starts_with("data/scripts.toml: "), "{error}");
    }
}

/// Each script's units are distinct, lower case, and one letter each, or in Latin a digraph of
/// two; every Cyrillic unit is a Cyrillic letter.
#[test]
fn the_letter_units_of_each_script_are_letters() {
    for script in [Script::Cyrillic, Script::Latin] {
        let units = lexicon().letter_units(script);
        let distinct: HashSet<&String> = units.iter().collect();
        assert_eq!(
            distinct.len(),
            units.len(),
            "{script:?}: a unit listed twice"
        );
        assert!(units.len() >= 26, "{script:?}");
        for u in units {
            let n = u.chars().count();
            assert_eq!(*u, u.to_lowercase(), "{script:?} {u:?}");
            match script {
                Script::Cyrillic => assert!(n == 1 && u.chars().all(is_cyrillic), "{u:?}"),
                Script::Latin => assert!(
                    (1..=2).contains(&n) && u.chars().all(|c| c.is_alphabetic() || c == 'ʻ'),
                    "{u:?}"
                ),
            }
        }
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
        | K::CounterMultipliers
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
                        Some(Form::Lowered) if e.contains('ё') => Some("ё, which the key folds"),
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
        let universe = lexicon().letter_units(p.script);
        let units = p.letters.iter().map(|(u, _)| u);
        for u in units
            .chain(&p.signature)
            .chain(&p.exclusive)
            .chain(&p.foreign)
        {
            assert!(universe.contains(u), "{at}: {u:?} is no letter unit");
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
