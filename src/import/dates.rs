//! Dates in raw agency texts: every date the text writes ([`find_dates`]), a scraper's leading
//! `date YYYY-MM-DD` marker ([`date_prefix`]) and the agency dateline that opens a paragraph
//! ([`dateline`]), in Kazakh, Tajik, Uzbek (Cyrillic and Latin), Russian and English.
//!
//! The text is cut into tokens first (runs of letters, runs of ASCII digits, single other marks),
//! each carrying its byte range and whether whitespace or a line break precedes it. Patterns are
//! read over tokens, never over bytes, so a multi-byte letter is never split and every range
//! handed back lies on char boundaries by construction. No regex: month names take case endings
//! in Kazakh, Uzbek and Tajik (`тамыздың`, `қыркүйегінде`, `августда`, `апрели`), which tables of
//! stems and endings state more plainly, and check more strictly, than one large expression.
//!
//! Words are compared after [`fold`]: lower case, Latin/Cyrillic look-alikes mapped into the word's
//! majority script (`ASTANА` with a Cyrillic `А`), and the letters proper to Kazakh, Tajik and
//! Uzbek reduced to their plain Russian or ASCII base (`қ` → `к`, `ӣ` → `и`, `ý` → `u`), so a text
//! typed on a Russian keyboard layout (`кыркуйек`) still matches `қыркүйек`.
//!
//! The importer never invents a date, so this module is built to miss rather than to guess: a
//! number is a day only next to a month word, a year only in a date or next to a year word, and a
//! year alone (`2019 жылы`, `соли 2024`) is not a date at all.

use super::lexicon::lexicon;
use crate::date::Date;
use serde::Serialize;
use std::fmt;
use std::ops::RangeInclusive;
use std::sync::LazyLock;

/// Years a four-digit number may be read as. Narrow on purpose: in `27 тамыз 1500 адам` the number
/// is a count, and the archive has nothing to date before 1900 or after 2100.
const YEARS: RangeInclusive<u16> = 1900..=2100;

/// A leap year, to check a day against its month when the text gives no year: 29 February passes.
const ANY_LEAP_YEAR: u16 = 2024;

/// A date written in the text, possibly without a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PartialDate {
    pub year: Option<u16>,
    pub month: u8,
    pub day: u8,
}

impl PartialDate {
    /// A date that exists: in its year when the year is known, else in some year (`30 февраля`
    /// never, `29 февраля` without a year yes, `29 февраля 2025 года` no).
    pub fn new(year: Option<u16>, month: u8, day: u8) -> Option<PartialDate> {
        Date::new(year.unwrap_or(ANY_LEAP_YEAR), month, day)?;
        Some(PartialDate { year, month, day })
    }

    /// The day and month in `year` (which replaces a year written in the text, if any): how
    /// `--year` completes a date the text wrote without one. `None` for 29 February in a common year.
    pub fn with_year(self, year: u16) -> Option<Date> {
        Date::new(year, self.month, self.day)
    }

    /// The full date, when the text gave the year.
    pub fn complete(self) -> Option<Date> {
        self.year.and_then(|year| self.with_year(year))
    }
}

impl fmt::Display for PartialDate {
    /// `2025-08-27`, or ISO 8601's `--11-14` when the year is unknown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.year {
            Some(year) => write!(f, "{year:04}-{:02}-{:02}", self.month, self.day),
            None => write!(f, "--{:02}-{:02}", self.month, self.day),
        }
    }
}

/// One date found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FoundDate {
    pub date: PartialDate,
    /// the words as written, for the report
    pub text: String,
    /// byte range in the searched string
    pub start: usize,
    pub end: usize,
}

/// Every date written in `text`, in order, in any of kk, tg, uz (Cyrillic and Latin), ru, en, and
/// numeric forms. Ranges never overlap; a year alone is not returned.
pub fn find_dates(text: &str) -> Vec<FoundDate> {
    let scanner = Scanner::new(text, false);
    let mut found = Vec::new();
    let mut i = 0;
    while i < scanner.tokens.len() {
        match scanner.date_at(i) {
            Some(hit) => {
                found.push(scanner.found(&hit));
                i = hit.last + 1;
            }
            None => i += 1,
        }
    }
    found
}

/// A leading `date YYYY-MM-DD` marker some scrapers put before the headline (seed 002:
/// ` date 2025-08-27 Қозоғистон ва …`). Returns the date and the rest of the line (trimmed).
/// Also takes `Date:` and a glued time (`2025-08-27T10:00:00Z`), which other scrapers write.
pub fn date_prefix(line: &str) -> Option<(Date, String)> {
    let line = line.trim_start_matches(is_space);
    let keyword = line.get(..4)?;
    if !keyword.eq_ignore_ascii_case("date") {
        return None;
    }
    let after = &line[4..];
    let (colon, after) = match after.strip_prefix(':') {
        Some(after) => (true, after),
        None => (false, after),
    };
    let iso = after.trim_start_matches(is_space);
    // `dated 2025-…` or `date2025-…` is some other word, not the marker.
    if !colon && iso.len() == after.len() {
        return None;
    }
    let date = Date::parse(iso.get(..10)?)?;
    let mut rest = &iso[10..];
    if rest.starts_with(['T', 't']) {
        rest = rest.trim_start_matches(|c: char| !is_space(c));
    }
    if !rest.is_empty() && !rest.starts_with(is_space) {
        return None; // `2025-08-271`: not this date
    }
    Some((date, rest.trim_matches(is_space).to_string()))
}

/// An agency dateline at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dateline {
    /// the place as written (`Душанбе`, `ASTANА`, `НУР-СУЛТАН/ASTANA`)
    pub place: String,
    pub date: Option<PartialDate>,
    /// the agency, without the `/…/` or `(…)` around it (`АИ «Корвон Иттилоот»`, `ТАСС`)
    pub outlet: Option<String>,
    /// the article text after the dateline (may be empty)
    pub rest: String,
    /// the dateline as written
    pub text: String,
}

/// An agency dateline at the start of a paragraph: `Душанбе, 14 ноябр, – АИ «Корвон Иттилоот».`,
/// `ASTANА. Kazinform —`, `АСТАНА, 27 тамыз. ҚазАқпарат –`, `Алматы. 27 тамыз. BAQ.KZ -`,
/// `ТОШКЕНТ, 27 август — «Дунё» АА.`, `Toshkent, 27-avgust – UzA.`, `МОСКВА, 27 августа. /ТАСС/.`,
/// `ДУШАНБЕ, 14.11.2025 /АП/ —`, `Душанбе, 14.11.2025 (АИ "Ховар").`, `Dushanbe, Nov 14 (Asia-Plus) —`,
/// `НУР-СУЛТАН/ASTANA, 3 March 2025 – Kazinform –`, `ASTANA – …`.
///
/// `None` when the paragraph does not open with one. A sentence that merely begins with a city
/// name is not a dateline: the place (one to three capitalised words) must be followed by a comma
/// or period and then a date, or by an outlet closed with a dash; without a date a comma will only
/// do after a place in capitals, and a bare dash only after a place in capitals followed by text
/// in lower case (`ASTANA – Kazakh President …`, not a headline like `ҚАЗАҚСТАН – ТӘЖІКСТАН`).
pub fn dateline(paragraph: &str) -> Option<Dateline> {
    let s = Scanner::new(paragraph, true);
    let place_end = s.place(0)?;
    let mut place_last = place_end - 1;
    let mut j = place_end;

    let mut sep = None;
    if let Some(t) = s.glued(j) {
        if t.is(',') {
            sep = Some(Separator::Comma);
        } else if t.is('.') {
            // `Е.Көшербаев`: an initial, not `ASTANA. Kazinform`.
            if !s.tokens.get(j + 1).is_none_or(|next| next.spaced) {
                return None;
            }
            sep = Some(Separator::Period);
        }
        if sep.is_some() {
            j += 1;
        }
    }

    let mut date = None;
    if sep.is_some() && s.on_line(j).is_some() {
        if let Some(hit) = s.date_at(j) {
            date = Some(hit.date);
            j = hit.last + 1;
        } else if sep == Some(Separator::Comma) {
            // `Dushanbe, Tajikistan, Nov 14`: a second place part, taken only if a date follows.
            if let Some(country_end) = s.on_line(j).and_then(|_| s.place(j))
                && s.glued(country_end).is_some_and(|t| t.is(','))
                && s.on_line(country_end + 1).is_some()
                && let Some(hit) = s.date_at(country_end + 1)
            {
                place_last = country_end - 1;
                date = Some(hit.date);
                j = hit.last + 1;
            }
        }
    }
    if date.is_some() {
        j = s.skip_time(j);
    }

    let line_ended = s.on_line(j).is_none();
    let Marks {
        next,
        dash,
        period,
        comma,
    } = s.skip_marks(j);
    j = next;

    let bare_allowed = if date.is_some() {
        dash || period || comma
    } else {
        sep.is_some() || dash
    };
    let outlet = s.wrapped_outlet(j).or_else(|| {
        if bare_allowed {
            s.bare_outlet(j, dash)
        } else {
            None
        }
    });
    if let Some(found) = &outlet {
        j = s.skip_marks(found.next).next;
    }

    let place_text = &paragraph[s.tokens[0].start..s.tokens[place_last].end];
    let caps = is_caps(place_text);
    let rest_start = s.tokens.get(j).map_or(paragraph.len(), |t| t.start);
    let rest = paragraph[rest_start..].trim_matches(is_space);

    let accepted = match (&date, &outlet) {
        (Some(_), Some(_)) => true,
        (Some(_), None) => dash || period || line_ended,
        (None, Some(found)) => match found.end {
            OutletEnd::Wrapped => sep.is_some() || caps,
            OutletEnd::Dash => sep == Some(Separator::Period) || (caps && sep.is_some()),
            OutletEnd::Period | OutletEnd::Line => caps && sep.is_some(),
        },
        (None, None) => {
            caps && sep.is_none()
                && dash
                && rest
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.chars().any(char::is_lowercase))
        }
    };
    if !accepted {
        return None;
    }
    Some(Dateline {
        place: place_text.to_string(),
        date,
        outlet: outlet.map(|found| found.name),
        rest: rest.to_string(),
        text: paragraph[s.tokens[0].start..s.tokens[j - 1].end].to_string(),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Separator {
    Comma,
    Period,
}

/// How an outlet in a dateline was closed: brackets are the strongest sign it is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OutletEnd {
    Wrapped,
    Dash,
    Period,
    Line,
}

/// The punctuation between two parts of a dateline.
struct Marks {
    /// the first token after it
    next: usize,
    dash: bool,
    period: bool,
    comma: bool,
}

struct Outlet {
    name: String,
    /// the first token after the outlet and its closing mark
    next: usize,
    end: OutletEnd,
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Number,
    Mark,
}

#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    kind: Kind,
    text: &'a str,
    start: usize,
    end: usize,
    /// whitespace separates it from the previous token
    spaced: bool,
    /// a line break does: dates and datelines never run across lines
    new_line: bool,
}

impl Token<'_> {
    fn is(&self, mark: char) -> bool {
        self.kind == Kind::Mark && self.text.starts_with(mark)
    }

    fn is_dash(&self) -> bool {
        self.kind == Kind::Mark && self.text.starts_with(is_dash)
    }

    /// The hyphen of `27-август`, `30-юми`, `2025-yil`; sloppy texts type an en dash there.
    fn is_hyphen(&self) -> bool {
        self.kind == Kind::Mark && self.text.starts_with(['-', '\u{2010}', '\u{2011}', '–'])
    }

    fn starts_upper(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let (mut spaced, mut new_line) = (false, false);
    while let Some((start, c)) = chars.next() {
        if is_space(c) {
            spaced = true;
            new_line |= is_line_break(c);
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Number
        } else if is_word_char(c) {
            Kind::Word
        } else {
            Kind::Mark
        };
        let mut end = start + c.len_utf8();
        if kind != Kind::Mark {
            while let Some(&(at, next)) = chars.peek() {
                let continues = match kind {
                    Kind::Number => next.is_ascii_digit(),
                    _ => {
                        is_word_char(next)
                            // `Qo'rg'ontepa`, `O’zbekiston`: an apostrophe between letters is a letter.
                            || (is_apostrophe(next) && {
                                let mut ahead = chars.clone();
                                ahead.next();
                                ahead.peek().is_some_and(|&(_, after)| is_word_char(after))
                            })
                    }
                };
                if !continues {
                    break;
                }
                end = at + next.len_utf8();
                chars.next();
            }
        }
        tokens.push(Token {
            kind,
            text: &text[start..end],
            start,
            end,
            spaced,
            new_line,
        });
        spaced = false;
        new_line = false;
    }
    tokens
}

fn is_space(c: char) -> bool {
    // Zero-width spaces and the byte order mark separate words in pasted texts without showing.
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn is_word_char(c: char) -> bool {
    // Combining marks (a stress accent, a decomposed `и̇`) and invisible joiners or soft hyphens
    // belong to the word they sit in; `fold` drops them.
    c.is_alphabetic() || is_combining(c) || matches!(c, '\u{ad}' | '\u{200c}' | '\u{200d}')
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{483}'..='\u{489}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | 'ʻ' | 'ʼ' | 'ʹ')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−')
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '«' | '»' | '"' | '“' | '”' | '„' | '‟' | '‘' | '’' | '‚' | '\'' | '‹' | '›' | '`'
    )
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (matches!(c, '\u{c0}'..='\u{2af}' | '\u{1e00}'..='\u{1eff}') && c.is_alphabetic())
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{52f}' | '\u{1c80}'..='\u{1c8f}' | '\u{2de0}'..='\u{2dff}' | '\u{a640}'..='\u{a69f}')
}

/// Every letter in capitals (`ASTANА`, `НУР-СУЛТАН/ASTANA`): the strongest sign of a dateline.
fn is_caps(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic());
    letters.clone().count() >= 2 && letters.clone().all(|c| !c.is_lowercase())
}

// ---------------------------------------------------------------------------------------------
// Folding words for comparison

/// A word reduced for comparison: lower case; Latin and Cyrillic look-alikes mapped into the
/// script most of its letters are in (`ASTANА` → `astana`, `Cентябрь` → `сентябрь`); Kazakh,
/// Tajik and Uzbek letters reduced to plain Russian letters (`қыркүйек` → `кыркуйек`), Latin
/// diacritics and apostrophes dropped (`qyrkúıek` → `qyrkuiek`, `oʻ` → `o`).
fn fold(word: &str) -> String {
    let latin = word.chars().filter(|&c| is_latin(c)).count();
    let cyrillic = word.chars().filter(|&c| is_cyrillic(c)).count();
    let to_latin = latin > cyrillic;
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        let plain = if to_latin {
            plain_latin(cyrillic_as_latin(c))
        } else {
            plain_cyrillic(latin_as_cyrillic(c))
        };
        out.extend(plain);
    }
    out
}

/// A lower-case Latin letter that looks like a Cyrillic one, in upper or lower case (`B`/`В`,
/// `H`/`Н`, `i`/`і`): what a Cyrillic word typed with some Latin keys contains.
fn latin_as_cyrillic(c: char) -> char {
    match c {
        'a' => 'а',
        'b' => 'в',
        'c' => 'с',
        'e' => 'е',
        'h' => 'н',
        'i' => 'і',
        'j' => 'ј',
        'k' => 'к',
        'm' => 'м',
        'o' => 'о',
        'p' => 'р',
        't' => 'т',
        'x' => 'х',
        'y' => 'у',
        'ə' => 'ә',
        'ɵ' => 'ө',
        other => other,
    }
}

fn cyrillic_as_latin(c: char) -> char {
    match c {
        'а' => 'a',
        'в' => 'b',
        'с' => 'c',
        'е' => 'e',
        'н' | 'һ' => 'h',
        'і' => 'i',
        'ј' => 'j',
        'к' => 'k',
        'м' => 'm',
        'о' => 'o',
        'р' => 'p',
        'т' => 't',
        'х' => 'x',
        'у' | 'ү' => 'y',
        'ѕ' => 's',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'ә' => 'ə',
        other => other,
    }
}

fn plain_cyrillic(c: char) -> Option<char> {
    Some(match c {
        'ә' => 'а',
        'ғ' => 'г',
        'қ' | 'ҡ' => 'к',
        'ң' => 'н',
        'ө' | 'ɵ' => 'о',
        'ұ' | 'ү' | 'ӯ' | 'ў' => 'у',
        'һ' | 'ҳ' => 'х',
        'і' | 'ӣ' => 'и',
        'ҷ' => 'ч',
        'ё' => 'е',
        c if is_combining(c)
            || is_apostrophe(c)
            || matches!(c, '\u{ad}' | '\u{200c}' | '\u{200d}') =>
        {
            return None;
        }
        other => other,
    })
}

fn plain_latin(c: char) -> Option<char> {
    Some(match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ə' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ō' | 'ɵ' => 'o',
        // Kazakh Latin of 2018 writes `ý` for `у` (`naýryz`, `sáýir`).
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ý' => 'u',
        'ÿ' => 'y',
        'ń' | 'ñ' => 'n',
        'ǵ' | 'ğ' => 'g',
        'ş' => 's',
        'ç' => 'c',
        c if is_combining(c)
            || is_apostrophe(c)
            || matches!(c, '\u{ad}' | '\u{200c}' | '\u{200d}') =>
        {
            return None;
        }
        other => other,
    })
}

fn is_one_of(folded: &str, words: &[&str]) -> bool {
    words.iter().any(|w| fold(w) == folded)
}

// ---------------------------------------------------------------------------------------------
// Month names

/// Which table a month word came from: decides the patterns it may take part in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Names {
    Kazakh,
    KazakhLatin,
    Tajik,
    UzbekCyrillic,
    UzbekLatin,
    Russian,
    /// `авг.`, `нояб.`: a period is required in running text, since `сен` is also Kazakh for
    /// "you"; datelines (`МОСКВА, 27 авг — РИА Новости`) go without it.
    RussianShort,
    English,
    /// `Nov 14`, `Aug. 27`.
    EnglishShort,
}

impl Names {
    /// The style a `[[dates.months]]` table of a language file names.
    fn of_style(style: &str) -> Option<Names> {
        Some(match style {
            "kazakh" => Names::Kazakh,
            "kazakh_latin" => Names::KazakhLatin,
            "tajik" => Names::Tajik,
            "uzbek" => Names::UzbekCyrillic,
            "uzbek_latin" => Names::UzbekLatin,
            "russian" => Names::Russian,
            "russian_short" => Names::RussianShort,
            "english" => Names::English,
            "english_short" => Names::EnglishShort,
            _ => return None,
        })
    }
}

// The month names and the words around days and years are data, one place per language
// (`[dates]` in data/languages/*.toml): Tajik writes the izafet after the month (`30-юми апрели
// соли 2024`, `14 ноябри 2025`); Uzbek and Kazakh add case endings; Russian uses the genitive with
// a day (its nominative is in the Tajik and Uzbek tables).

struct FoldedNames {
    names: Names,
    stems: Vec<(String, u8)>,
    endings: Vec<String>,
}

/// The tables folded once, so a word is folded once and compared by prefix and ending. A table
/// of a style the scanner does not know is left out (the lexicon's tests catch it).
static FOLDED_NAMES: LazyLock<Vec<FoldedNames>> = LazyLock::new(|| {
    lexicon()
        .dates()
        .months
        .iter()
        .filter_map(|table| {
            Some(FoldedNames {
                names: Names::of_style(&table.style)?,
                stems: (1..=12u8)
                    .zip(table.names.iter())
                    .flat_map(|(month, stems)| stems.iter().map(move |stem| (fold(stem), month)))
                    .collect(),
                endings: table.endings.iter().map(|e| fold(e)).collect(),
            })
        })
        .collect()
});

/// The lexicon's date words, folded once.
struct DateWords {
    genitive_endings: Vec<String>,
    day_endings: Vec<String>,
    ordinals: Vec<String>,
    year_words: Vec<String>,
    year_words_before: Vec<String>,
    day_words: Vec<String>,
}

static DATE_WORDS: LazyLock<DateWords> = LazyLock::new(|| {
    let dates = lexicon().dates();
    let folded = |words: &[String]| words.iter().map(|w| fold(w)).collect();
    DateWords {
        genitive_endings: folded(&dates.genitive_endings),
        day_endings: folded(&dates.day_endings),
        ordinals: folded(&dates.ordinals),
        year_words: folded(&dates.year_words),
        year_words_before: folded(&dates.year_words_before),
        day_words: folded(&dates.day_words),
    }
});

#[derive(Debug, Clone, Copy)]
struct Month {
    month: u8,
    names: Names,
    /// Kazakh genitive (`тамыздың`): the month may come before the day
    genitive: bool,
}

fn month_word(word: &str) -> Option<Month> {
    let folded = fold(word);
    FOLDED_NAMES.iter().find_map(|table| {
        table.stems.iter().find_map(|(stem, month)| {
            let ending = folded.strip_prefix(stem.as_str())?;
            table.endings.iter().any(|e| e == ending).then(|| Month {
                month: *month,
                names: table.names,
                genitive: matches!(table.names, Names::Kazakh | Names::KazakhLatin)
                    && DATE_WORDS.genitive_endings.iter().any(|e| e == ending),
            })
        })
    })
}

// ---------------------------------------------------------------------------------------------
// Patterns over tokens

/// A date found at token `first`..=`last`.
struct Hit {
    date: PartialDate,
    first: usize,
    last: usize,
}

struct Scanner<'a> {
    text: &'a str,
    tokens: Vec<Token<'a>>,
    /// in a dateline: Russian short month names without their period (`27 авг`)
    loose: bool,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str, loose: bool) -> Self {
        Scanner {
            text,
            tokens: tokenize(text),
            loose,
        }
    }

    fn found(&self, hit: &Hit) -> FoundDate {
        let (start, end) = (self.tokens[hit.first].start, self.tokens[hit.last].end);
        FoundDate {
            date: hit.date,
            text: self.text[start..end].to_string(),
            start,
            end,
        }
    }

    /// Token `i` when it is on the same line as the one before.
    fn on_line(&self, i: usize) -> Option<&Token<'a>> {
        self.tokens.get(i).filter(|t| !t.new_line)
    }

    /// Token `i` when nothing separates it from the one before.
    fn glued(&self, i: usize) -> Option<&Token<'a>> {
        self.tokens.get(i).filter(|t| !t.spaced)
    }

    /// A number of at most four digits, with its digit count; longer runs are never date parts.
    fn number(&self, i: usize) -> Option<(u16, usize)> {
        let t = self
            .tokens
            .get(i)
            .filter(|t| t.kind == Kind::Number && t.text.len() <= 4)?;
        Some((t.text.parse().ok()?, t.text.len()))
    }

    fn day(&self, i: usize) -> Option<u8> {
        let (day, digits) = self.number(i)?;
        let day = u8::try_from(day).ok().filter(|d| (1..=31).contains(d))?;
        (digits <= 2).then_some(day)
    }

    fn year(&self, i: usize) -> Option<u16> {
        let (year, digits) = self.number(i)?;
        (digits == 4 && YEARS.contains(&year)).then_some(year)
    }

    fn word(&self, i: usize) -> Option<&Token<'a>> {
        self.on_line(i).filter(|t| t.kind == Kind::Word)
    }

    /// A number at `i` is not the tail of something else: `1,27`, `A27`, `3.27.08.2025`.
    fn starts_cleanly(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        if i == 0 || t.spaced {
            return true;
        }
        let before = &self.tokens[i - 1];
        match before.kind {
            Kind::Word | Kind::Number => false,
            // A dash is fine: `13–14 ноября` ends on a date.
            Kind::Mark => {
                !(matches!(before.text, "." | "," | ":" | "/" | "+")
                    && i >= 2
                    && !before.spaced
                    && self.tokens[i - 2].kind == Kind::Number)
            }
        }
    }

    /// A number at `i` is not the head of something else: `2025abc`, `2025.5`, `2026-2028`.
    fn ends_cleanly(&self, i: usize) -> bool {
        match self.glued(i + 1) {
            None => true,
            Some(next) => match next.kind {
                Kind::Word | Kind::Number => false,
                Kind::Mark => {
                    !(matches!(next.text, "." | "," | "-" | "/" | ":" | "–")
                        && self.glued(i + 2).is_some_and(|t| t.kind == Kind::Number))
                }
            },
        }
    }

    /// A year word at `i` (`жылғы`, `г.`); the last token it takes.
    fn year_word(&self, i: usize) -> Option<usize> {
        let t = self.word(i)?;
        if !DATE_WORDS.year_words.contains(&fold(t.text)) {
            return None;
        }
        let abbreviated = t.text.chars().count() == 1;
        Some(
            if abbreviated && self.glued(i + 1).is_some_and(|t| t.is('.')) {
                i + 1
            } else {
                i
            },
        )
    }

    /// After a year number at `i`: the last token of the year (with `жылы`, `-yil`, `г.`), or
    /// `None` when the number runs on into something that is not a year.
    fn year_end(&self, i: usize) -> Option<usize> {
        let hyphenated =
            self.glued(i + 1).is_some_and(Token::is_hyphen) && self.glued(i + 2).is_some();
        let word = if hyphenated {
            self.year_word(i + 2)
        } else {
            self.year_word(i + 1)
        };
        word.or_else(|| self.ends_cleanly(i).then_some(i))
    }

    fn date_at(&self, i: usize) -> Option<Hit> {
        match self.tokens.get(i)?.kind {
            Kind::Number => self
                .numeric(i)
                .or_else(|| self.year_first(i))
                .or_else(|| self.day_month(i, true)),
            Kind::Word => self.month_day(i).or_else(|| self.kazakh_month_day(i)),
            Kind::Mark => None,
        }
    }

    /// `2025-08-27`, `2025.08.27`, `2025/08/27`, `27.08.2025`, `27/08/2025`, `27-08-2025`, and
    /// `27.08.25` as 2025. Day first is the only order read: it is how every language here writes
    /// dates, and `08/27/2025` is rejected rather than guessed. Two-digit years only with periods
    /// and two-digit day and month (`05.03.25`), read as 20YY: with dashes or slashes such groups
    /// are as often phone numbers or codes, and 19YY would be outside anything the archive dates.
    fn numeric(&self, i: usize) -> Option<Hit> {
        let (a, a_digits) = self.number(i)?;
        if !self.starts_cleanly(i) {
            return None;
        }
        let sep = self
            .glued(i + 1)
            .filter(|t| matches!(t.text, "-" | "." | "/"))?;
        let (b, b_digits) = self.glued(i + 2).and_then(|_| self.number(i + 2))?;
        self.glued(i + 3).filter(|t| t.text == sep.text)?;
        let (c, c_digits) = self.glued(i + 4).and_then(|_| self.number(i + 4))?;
        let (year, month, day) = if a_digits == 4 && b_digits <= 2 && c_digits <= 2 {
            (a, b, c)
        } else if a_digits <= 2 && b_digits <= 2 && c_digits == 4 {
            (c, b, a)
        } else if a_digits == 2 && b_digits == 2 && c_digits == 2 && sep.text == "." {
            (2000 + c, b, a)
        } else {
            return None;
        };
        if !YEARS.contains(&year) {
            return None;
        }
        // An ISO timestamp: `2025-08-27T10:00`.
        let timestamp = self
            .glued(i + 5)
            .is_some_and(|t| t.text == "T" || t.text == "t")
            && self.glued(i + 6).is_some_and(|t| t.kind == Kind::Number);
        let last = if timestamp {
            i + 4
        } else {
            self.year_end(i + 4)?
        };
        let date = PartialDate::new(
            Some(year),
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )?;
        Some(Hit {
            date,
            first: i,
            last,
        })
    }

    /// `2025 жылғы 27 тамызда`, `2025 жылы 27 тамызда`, `2025 йил 27 август`, `2025-yil
    /// 27-avgust`, `2025 жылғы тамыздың 27-сі`. A year and its word with no day after are no date.
    fn year_first(&self, i: usize) -> Option<Hit> {
        let year = self.year(i)?;
        if !self.starts_cleanly(i) {
            return None;
        }
        let hyphenated = self.glued(i + 1).is_some_and(Token::is_hyphen);
        let word_at = if hyphenated { i + 2 } else { i + 1 };
        if hyphenated && self.glued(word_at).is_none() {
            return None;
        }
        let mut j = self.year_word(word_at)? + 1;
        if self.on_line(j).is_some_and(|t| t.is(',')) {
            j += 1;
        }
        self.on_line(j)?;
        let inner = self
            .day_month(j, false)
            .or_else(|| self.kazakh_month_day(j))?;
        let date = PartialDate::new(Some(year), inner.date.month, inner.date.day)?;
        Some(Hit {
            date,
            first: i,
            last: inner.last,
        })
    }

    /// A day then a month: `27 тамыз`, `27 тамызда`, `27-август`, `27-avgustda`, `30-юми апрели`,
    /// `27-го августа`, `14th of November`, `27 авг.`, then, when `with_year`, an optional year:
    /// `27 тамыз 2025 ж.`, `27 августа 2025 года`, `14 ноябри 2025`, `апрели соли 2024`,
    /// `27-avgust 2025-yil`, `November 14, 2025` is [`Self::month_day`].
    fn day_month(&self, i: usize, with_year: bool) -> Option<Hit> {
        let day = self.day(i)?;
        if !self.starts_cleanly(i) {
            return None;
        }
        let mut j = i + 1;
        let hyphen = self.glued(j).is_some_and(Token::is_hyphen);
        if hyphen {
            j += 1;
        }
        let ordinal = self
            .glued(j)
            .is_some_and(|t| t.kind == Kind::Word && DATE_WORDS.ordinals.contains(&fold(t.text)));
        if ordinal {
            j += 1;
            if self
                .word(j)
                .is_some_and(|t| t.text.eq_ignore_ascii_case("of"))
            {
                j += 1;
            }
        }
        let word = self.word(j)?;
        if hyphen && !ordinal && word.spaced {
            return None; // `24- орын`
        }
        let month = month_word(word.text)?;
        let mut last = j;
        let dot = self.glued(j + 1).is_some_and(|t| t.is('.'));
        match month.names {
            Names::RussianShort if dot => last += 1,
            Names::RussianShort if !self.loose => return None,
            Names::EnglishShort if dot => last += 1,
            _ => {}
        }
        let mut year = None;
        if with_year && let Some((y, year_last)) = self.year_after(last + 1, month) {
            year = Some(y);
            last = year_last;
        }
        if year.is_none()
            && month.names == Names::Russian
            && month.month == 3
            && self.beside_non_russian(i, last)
        {
            // Uzbek `2 марта` is "twice": `марта` is March only on a Russian line or with a year.
            return None;
        }
        let date = PartialDate::new(year, month.month, day)?;
        Some(Hit {
            date,
            first: i,
            last,
        })
    }

    /// The year after a day and month, at token `j`: `2025`, `2025 ж.`, `2025 года`, `2025-yil`,
    /// Tajik `соли 2024`, English `, 2025`.
    fn year_after(&self, j: usize, month: Month) -> Option<(u16, usize)> {
        let mut k = j;
        let english = matches!(month.names, Names::English | Names::EnglishShort);
        if english && self.on_line(k).is_some_and(|t| t.is(',')) {
            k += 1;
        }
        if self
            .word(k)
            .is_some_and(|t| DATE_WORDS.year_words_before.contains(&fold(t.text)))
        {
            k += 1;
        }
        self.on_line(k)?;
        let year = self.year(k)?;
        Some((year, self.year_end(k)?))
    }

    /// English month first: `Nov 14`, `Aug. 27`, `November 14, 2025`, `Nov 14th`; and a page's
    /// date in any language, `Август 20, 2024`. The month is capitalised, which keeps `may 5` out.
    fn month_day(&self, i: usize) -> Option<Hit> {
        let word = self
            .tokens
            .get(i)
            .filter(|t| t.kind == Kind::Word && t.starts_upper())?;
        let mut j = i + 1;
        if self.glued(j).is_some_and(|t| t.is('.')) {
            j += 1;
        }
        // A cheap test of the shape before folding the word.
        self.on_line(j)
            .filter(|t| t.spaced && t.kind == Kind::Number)?;
        let month = month_word(word.text)?;
        let english = matches!(month.names, Names::English | Names::EnglishShort);
        let day = self.day(j)?;
        // Other languages put the month first only in a page's own date, the way blog software
        // writes it: `Август 20, 2024 09:23`, `Апрел 22, 2024`, the year always there.
        if !english {
            self.glued(j + 1).filter(|t| t.is(','))?;
            let (year, last) = self.year_after(j + 2, month)?;
            return Some(Hit {
                date: PartialDate::new(Some(year), month.month, day)?,
                first: i,
                last,
            });
        }
        let mut last = j;
        if self.glued(j + 1).is_some_and(|t| {
            t.kind == Kind::Word && is_one_of(&fold(t.text), &["st", "nd", "rd", "th"])
        }) {
            last += 1;
        } else if !self.ends_cleanly(j) {
            return None;
        }
        let mut year = None;
        if let Some((y, year_last)) = self.year_after(last + 1, month) {
            year = Some(y);
            last = year_last;
        }
        let date = PartialDate::new(year, month.month, day)?;
        Some(Hit {
            date,
            first: i,
            last,
        })
    }

    /// Kazakh month first, in the genitive: `тамыздың 27-сі`, `тамыздың 27 күні`.
    fn kazakh_month_day(&self, i: usize) -> Option<Hit> {
        let word = self.tokens.get(i).filter(|t| t.kind == Kind::Word)?;
        self.on_line(i + 1)
            .filter(|t| t.spaced && t.kind == Kind::Number)?;
        let month = month_word(word.text).filter(|m| m.genitive)?;
        let day = self.day(i + 1)?;
        let ending = |k: usize| {
            self.glued(k).is_some_and(|t| {
                t.kind == Kind::Word && DATE_WORDS.day_endings.contains(&fold(t.text))
            })
        };
        let last = if self.glued(i + 2).is_some_and(Token::is_hyphen) && ending(i + 3) {
            i + 3
        } else if ending(i + 2) {
            i + 2
        } else if self
            .word(i + 2)
            .is_some_and(|t| t.spaced && DATE_WORDS.day_words.contains(&fold(t.text)))
        {
            i + 1
        } else {
            return None;
        };
        let date = PartialDate::new(None, month.month, day)?;
        Some(Hit {
            date,
            first: i,
            last,
        })
    }

    /// The line around tokens `first..=last` has Cyrillic letters Russian lacks (ў, қ, ғ, ҳ, ә …).
    fn beside_non_russian(&self, first: usize, last: usize) -> bool {
        let (start, end) = (self.tokens[first].start, self.tokens[last].end);
        let from = self.text[..start].rfind('\n').map_or(0, |at| at + 1);
        let to = self.text[end..]
            .find('\n')
            .map_or(self.text.len(), |at| end + at);
        self.text[from..to]
            .chars()
            .any(|c| is_cyrillic(c) && !matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё'))
    }

    /// A time after a dateline's date: `, 14:30`.
    fn skip_time(&self, j: usize) -> usize {
        let k = if self.on_line(j).is_some_and(|t| t.is(',')) {
            j + 1
        } else {
            j
        };
        let hours = self
            .on_line(k)
            .and_then(|_| self.number(k))
            .filter(|&(h, digits)| h < 24 && digits <= 2);
        let colon = self.glued(k + 1).is_some_and(|t| t.is(':'));
        let minutes = self
            .glued(k + 2)
            .and_then(|_| self.number(k + 2))
            .filter(|&(m, digits)| m < 60 && digits == 2);
        if hours.is_some() && colon && minutes.is_some() {
            k + 3
        } else {
            j
        }
    }

    /// Skips the commas, periods and dashes between the parts of a dateline, noting which.
    fn skip_marks(&self, mut j: usize) -> Marks {
        let mut marks = Marks {
            next: j,
            dash: false,
            period: false,
            comma: false,
        };
        while let Some(t) = self.on_line(j) {
            if t.is(',') {
                marks.comma = true;
            } else if t.is('.') {
                marks.period = true;
            } else if t.is_dash() {
                marks.dash = true;
            } else {
                break;
            }
            j += 1;
        }
        marks.next = j;
        marks
    }

    /// A place at the start of a dateline: one to three capitalised words, each possibly joined
    /// by `-` or `/` (`НУР-СУЛТАН/ASTANA`). The first token after it.
    fn place(&self, first: usize) -> Option<usize> {
        let capitalised = |t: &Token| t.kind == Kind::Word && t.starts_upper();
        if !self.tokens.get(first).is_some_and(capitalised) {
            return None;
        }
        let mut j = first;
        let mut words = 1;
        loop {
            j += 1;
            while self
                .glued(j)
                .is_some_and(|t| t.is('-') || t.is('/') || t.is('\u{2011}'))
                && self.glued(j + 1).is_some_and(|t| t.kind == Kind::Word)
            {
                j += 2;
            }
            if words < 3 && self.on_line(j).is_some_and(|t| t.spaced && capitalised(t)) {
                words += 1;
            } else {
                break;
            }
        }
        let span = &self.text[self.tokens[first].start..self.tokens[j - 1].end];
        let letters = span.chars().filter(|c| c.is_alphabetic()).count();
        (letters >= 3 && span.chars().count() <= 40).then_some(j)
    }

    /// An outlet in brackets or slashes: `/ТАСС/`, `(Asia-Plus)`, `(АИ "Ховар")`, `[Kazinform]`.
    fn wrapped_outlet(&self, j: usize) -> Option<Outlet> {
        let open = self
            .on_line(j)
            .filter(|t| t.is('(') || t.is('/') || t.is('['))?;
        let close = match open.text {
            "(" => ')',
            "[" => ']',
            _ => '/',
        };
        let end = (j + 1..(j + 16).min(self.tokens.len()))
            .take_while(|&k| self.on_line(k).is_some())
            .find(|&k| self.tokens[k].is(close))?;
        if end == j + 1 {
            return None;
        }
        let name =
            self.text[self.tokens[j + 1].start..self.tokens[end - 1].end].trim_matches(is_space);
        plausible_outlet(name).then(|| Outlet {
            name: unquote(name).to_string(),
            next: end + 1,
            end: OutletEnd::Wrapped,
        })
    }

    /// An outlet named bare, closed by a spaced dash, a period or the end of the line:
    /// `Kazinform —`, `АИ «Корвон Иттилоот». `, `«Дунё» АА.`, `BAQ.KZ -`, `UzA.`. The end of the
    /// line closes it only `after_dash` (`27-avgust – UzA`): after a period, a short capitalised
    /// line is as likely the article's first words.
    fn bare_outlet(&self, j: usize, after_dash: bool) -> Option<Outlet> {
        self.on_line(j)?;
        let mut k = j;
        let mut groups = 0;
        let end = loop {
            let Some(t) = self.tokens.get(k) else {
                break OutletEnd::Line;
            };
            if k > j {
                if t.new_line {
                    break OutletEnd::Line;
                }
                if t.is_dash() && t.spaced {
                    break OutletEnd::Dash;
                }
                if t.is('.') && self.tokens.get(k + 1).is_none_or(|next| next.spaced) {
                    break OutletEnd::Period;
                }
            }
            if k == j || t.spaced {
                groups += 1;
                if groups > 5 {
                    return None;
                }
            }
            let inside = match t.kind {
                Kind::Word | Kind::Number => true,
                Kind::Mark => {
                    t.text.starts_with(is_quote)
                        || t.text
                            .starts_with(['.', '-', '&', '+', '_', '!', '\u{2011}'])
                }
            };
            if !inside {
                return None;
            }
            k += 1;
        };
        if k == j || (end == OutletEnd::Line && !after_dash) {
            return None;
        }
        let name = &self.text[self.tokens[j].start..self.tokens[k - 1].end];
        let next = if end == OutletEnd::Line { k } else { k + 1 };
        plausible_outlet(name).then(|| Outlet {
            name: unquote(name).to_string(),
            next,
            end,
        })
    }
}

/// An agency name, not the start of a sentence: short, and every word capitalised (`АИ «Корвон
/// Иттилоот»`, `РИА Новости`, `ҚазАқпарат`), a number after the first (`Хабар 24`) or a domain
/// (`kun.uz`).
fn plausible_outlet(name: &str) -> bool {
    if name.chars().count() > 60 || !name.chars().any(char::is_alphabetic) {
        return false;
    }
    name.split_whitespace().enumerate().all(|(n, group)| {
        let group = group.trim_start_matches(is_quote);
        let Some(first) = group.chars().next() else {
            return true;
        };
        first.is_uppercase()
            || !first.is_alphanumeric()
            || (n > 0 && first.is_ascii_digit())
            || group.rsplit_once('.').is_some_and(|(host, tld)| {
                !host.is_empty() && tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic)
            })
    })
}

/// `«Азия-Плюс»` → `Азия-Плюс`; `«Дунё» АА` stays whole.
fn unquote(name: &str) -> &str {
    let mut chars = name.chars();
    match (chars.next(), chars.next_back()) {
        (Some(open), Some(close)) if is_quote(open) && is_quote(close) => {
            let inner = &name[open.len_utf8()..name.len() - close.len_utf8()];
            if inner.contains(is_quote) || inner.trim().is_empty() {
                name
            } else {
                inner
            }
        }
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dates `text` holds, as `2025-08-27` or `--11-14`, each with the words it was read from.
    fn dates(text: &str) -> Vec<(String, String)> {
        find_dates(text)
            .into_iter()
            .map(|found| (found.date.to_string(), found.text))
            .collect()
    }

    /// The one date in `text`, as `2025-08-27` or `--11-14`.
    fn one(text: &str) -> String {
        let found = dates(text);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        found[0].0.clone()
    }

    #[track_caller]
    fn none(text: &str) {
        let found = dates(text);
        assert!(found.is_empty(), "{text:?} is not a date, found {found:?}");
    }

    /// seeds/000_c2971f3114f27f7e.txt, lines 4: the opening and every line with a digit.
    const SEED_000: &str = "Душанбе, 14 ноябр, – АИ «Корвон Иттилоот». Раиси Маҷлиси миллии Маҷлиси Олии Ҷумҳурии Тоҷикистон, шаҳрдори Душанбе Рустами Эмомалӣ 13 ноябр бо Раиси Сенати Парламенти Ҷумҳурии Қазоқистон Маулен Ашимбоев мулоқот намуд. Меҳмон ба Тоҷикистон бо сафари корӣ барои иштирок дар чорабиниҳои Маҷлиси байнипарламентии давлатҳои узви ИДМ омада буд. Дар ин бора дар дафтари Маҷлиси миллӣ хабар доданд.";

    /// seeds/001_14a85814d9623422.txt, lines 1: the opening and every line with a digit.
    const SEED_001: &str = "30-юми апрели соли 2024 дар Қасри миллат Асосгузори сулҳу ваҳдати миллӣ — Пешвои миллат, Президенти Ҷумҳурии Тоҷикистон муҳтарам Эмомалӣ Раҳмон Сарвазири Ҷумҳурии Қазоқистон муҳтарам Олжас Беткеновро, ки бо сафари расмӣ ба Тоҷикистон ташриф овард, ба ҳузур пазируфтанд.";

    /// seeds/002_4ac4f6e0ac4e3caa.txt, lines 1, 2, 7, 8: the opening and every line with a digit.
    const SEED_002: &str = " date 2025-08-27 Қозоғистон ва Тожикистон парламентлари ҳамкорликни чуқурлаштиришни муҳокама қилди\n\
ASTANА. Kazinform — Қозоғистон Республикаси Мажилиси раиси Ерлан Қошанов Тожикистон Республикаси Мажлиси Олий Мажлиси Миллий раиси Рустами Эмомали билан учрашди, деб хабар беради Мажилис матбуот хизмати.\n\
Суҳбат давомида рақамли инновацияларни ривожлантиришга ҳам алоҳида эътибор қаратилди. Ерлан Қошановнинг айтишича, Мажилис депутатлари бу борадаги тажрибалари билан ўртоқлашишга тайёр. Шу билан бирга, у Қозоғистон БМТнинг электрон ҳукуматни ривожлантириш индексида етакчи давлатлар қаторидан жой олганини таъкидлади (24-ўрин). Бугунги кунда мамлакатда давлат хизматларининг 90 фоиздан ортиғи онлайн тарзда кўрсатилмоқда. Айни пайтда, Мажилисда “Сунъий интеллект тўғрисида”ги қонун лойиҳаси ва Рақамли кодекс лойиҳаси устида фаол иш олиб борилмоқда.\n\
Тожикистон Парламенти депутатлари ҳам Қозоғистонда ижтимоий соҳадаги ислоҳотларга қизиқиш билдиришди. Мажлис спикери 2019 йилда қабул қилинган “Педагоглар мақоми тўғрисида”ги қонун педагогларнинг ижтимоий аҳволини сезиларли даражада яхшилаш имконини бергани, шунингдек, Давлат раҳбари томонидан ўқитувчиларнинг жамиятдаги нуфузини ошириш бўйича белгилаб берилган вазифалар ҳаётга изчил татбиқ этилаётганини таъкидлади.";

    /// seeds/003_66e8fa6394fbc704.txt, lines 1, 2, 9, 15: the opening and every line with a digit.
    const SEED_003: &str = "Қазақстан мен Тәжікстан саяси диалогты одан әрі нығайтуға бейілділігін растады\n\
Сурет: gov.kz\n\
Экономикалық байланыстарды кеңейту мәселесіне ерекше назар аударылды. Өзара сауданы ұлғайту, инвестициялар тарту үшін қолайлы жағдайлар жасау және бірлескен жобаларды іске асыру жөніндегі қосымша шаралар талқыланды. Қазақстан көптеген жылдар бойы Тәжікстанның ең ірі үш сауда серіктесінің қатарына тұрақты түрде кіреді. Өткен жылы өзара сауда көлемі 1,2 млрд АҚШ долларынан асты. Тараптар мемлекет басшылары айқындаған тауар айналымын 2 млрд АҚШ долларына жеткізу мақсатына қол жеткізу үшін келісілген шаралар қабылдауға уағдаласты.\n\
Келіссөздер қорытындысы бойынша Қазақстан Республикасы Сыртқы істер министрлігі мен Тәжікстан Республикасы Сыртқы істер министрлігі арасындағы 2026-2028 жылдарға арналған ынтымақтастық бағдарламасына қол қойылды.";

    /// seeds/004_fdb75db5e4a0ae0c.txt, lines 1, 5, 6, 7: the opening and every line with a digit.
    const SEED_004: &str = "Қазақстан Республикасы Мәжілісінің төрағасы Ерлан Қошанов Тәжікстан Республикасы Маджлиси Оли Маджлиси милли төрағасы Рустами Эмомалимен кездесті. Тәжікстан Парламентінің жоғарғы палатасының басшысы Астанаға ресми сапармен келді, деп хабарлайды BAQ.KZ.\n\
Әңгіме барысында цифрлық инновацияларды дамытуға да баса көңіл бөлінді. Ерлан Қошанов Мәжіліс депутаттары осы бағытта тәжірибесі бөлісуге дайын екенін айтты. Осы ретте Қазақстан БҰҰ-ның Электронды үкіметті дамыту индексі бойынша (24-орын) алдыңғы қатарлы мемлекеттер қатарына екенін атап өтті.\n\
Бүгінде елімізде мемлекеттік қызметтердің 90 пайыздан астамы онлайн көрсетіледі. Ал Мәжілісте «Жасанды интеллект туралы» заң жобасы мен Цифрлық кодекс бойынша белсенді жұмыс жүргізіліп жатыр.\n\
Тәжікстан Парламентінің депутаттары Қазақстандағы әлеуметтік саладағы реформаларға да қызығушылық танытты. Мәжіліс спикері 2019 жылы қабылданған «Педагог мәртебесі туралы» заң мұғалімдердің әлеуметтік жағдайын едәуір жақсартуға мүмкіндік бергенін, сондай-ақ педагогтердің қоғамдағы беделін арттыруға қатысты Мемлекет басшысы алға қойған міндеттердің әрі қарай жүзеге асырылып жатқанын айтты.";

    #[test]
    fn a_page_writes_its_date_month_first() {
        assert_eq!(one("Август 20, 2024 09:23"), "2024-08-20");
        assert_eq!(one("Апрел 22, 2024 17:55 Asia/Dushanbe"), "2024-04-22");
        assert_eq!(one("Сентябрь 24, 2021 10:18"), "2021-09-24");
        // Month first without a comma and a year is no date outside English.
        none("Август 20 рақамлари");
        none("Май 9 ғалабаси");
    }

    #[test]
    fn seed_000_dateline_has_the_day_but_no_year() {
        let line = dateline(SEED_000).expect("a dateline");
        assert_eq!(line.place, "Душанбе");
        assert_eq!(
            line.date,
            Some(PartialDate {
                year: None,
                month: 11,
                day: 14
            })
        );
        assert_eq!(line.outlet.as_deref(), Some("АИ «Корвон Иттилоот»"));
        assert_eq!(line.text, "Душанбе, 14 ноябр, – АИ «Корвон Иттилоот».");
        assert!(line.rest.starts_with("Раиси Маҷлиси миллии"));
        assert_eq!(
            dates(SEED_000),
            [
                ("--11-14".into(), "14 ноябр".into()),
                ("--11-13".into(), "13 ноябр".into())
            ]
        );
    }

    #[test]
    fn seed_001_dates_the_first_sentence() {
        let found = find_dates(SEED_001);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].date.complete(), Date::parse("2024-04-30"));
        assert_eq!(found[0].text, "30-юми апрели соли 2024");
        assert_eq!(found[0].start, 0);
        assert_eq!(dateline(SEED_001), None);
    }

    #[test]
    fn seed_002_has_a_date_prefix_and_a_dateline_without_a_date() {
        let mut lines = SEED_002.lines();
        let (date, headline) = date_prefix(lines.next().unwrap()).expect("a date prefix");
        assert_eq!(date, Date::parse("2025-08-27").unwrap());
        assert!(headline.starts_with("Қозоғистон ва Тожикистон"));
        let line = dateline(lines.next().unwrap()).expect("a dateline");
        assert_eq!(line.place, "ASTANА");
        assert_eq!(line.date, None);
        assert_eq!(line.outlet.as_deref(), Some("Kazinform"));
        assert_eq!(line.text, "ASTANА. Kazinform —");
        assert!(line.rest.starts_with("Қозоғистон Республикаси"));
        // `(24-ўрин)`, `90 фоиздан`, `2019 йилда`: no date in the body.
        let body: Vec<&str> = SEED_002.lines().skip(1).collect();
        assert_eq!(dates(&body.join("\n")), []);
    }

    #[test]
    fn seed_003_has_no_date() {
        // `1,2 млрд`, `2 млрд`, `2026-2028 жылдарға`, and `Сурет: gov.kz` is no dateline.
        none(SEED_003);
        assert!(SEED_003.lines().all(|line| dateline(line).is_none()));
    }

    #[test]
    fn seed_004_has_no_date() {
        // `(24-орын)`, `90 пайыздан`, and `2019 жылы` is a year, not a date.
        none(SEED_004);
        assert!(SEED_004.lines().all(|line| dateline(line).is_none()));
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(one("ISO 2025-08-27 ҳам"), "2025-08-27");
        assert_eq!(one("2025.08.27"), "2025-08-27");
        assert_eq!(one("2025/08/27"), "2025-08-27");
        assert_eq!(one("27.08.2025"), "2025-08-27");
        assert_eq!(one("27/08/2025"), "2025-08-27");
        assert_eq!(one("27-08-2025"), "2025-08-27");
        assert_eq!(one("1.9.2025"), "2025-09-01");
        assert_eq!(one("(27.08.2025)"), "2025-08-27");
        assert_eq!(one("27.08.25 ж."), "2025-08-27");
        assert_eq!(one("2025-08-27T10:00:00Z"), "2025-08-27");
        assert_eq!(
            dates("27.08.2025 г. в Астане"),
            [("2025-08-27".into(), "27.08.2025 г.".into())]
        );
        assert_eq!(
            dates("27.08.2025ж. Астанада"),
            [("2025-08-27".into(), "27.08.2025ж.".into())]
        );
        assert_eq!(
            dates("Сана: 27.08.2025."),
            [("2025-08-27".into(), "27.08.2025".into())]
        );
        assert_eq!(one("2024-02-29"), "2024-02-29");
    }

    #[test]
    fn tajik_dates() {
        assert_eq!(
            one("30-юми апрели соли 2024 дар Қасри миллат"),
            "2024-04-30"
        );
        assert_eq!(one("14-уми ноябри соли 2025"), "2025-11-14");
        assert_eq!(one("3-юми майи соли 2025"), "2025-05-03");
        assert_eq!(one("14 ноябри 2025 дар Душанбе"), "2025-11-14");
        assert_eq!(one("30 апрели соли 2024"), "2024-04-30");
        assert_eq!(one("Рустами Эмомалӣ 13 ноябр бо Раиси Сенат"), "--11-13");
        assert_eq!(one("14-уми ноябр"), "--11-14");
        assert_eq!(one("1 январи имсола"), "--01-01");
        assert_eq!(one("31 декабр"), "--12-31");
        assert_eq!(one("20 марти 2025"), "2025-03-20");
        assert_eq!(one("15 июли соли 2023"), "2023-07-15");
        // The year word before the year, with nothing after it, is still only a year.
        none("соли 2024 дар Душанбе");
        none("дар моҳи апрели соли 2024");
    }

    #[test]
    fn kazakh_dates() {
        assert_eq!(one("2025 жылғы 27 тамызда Астанада"), "2025-08-27");
        assert_eq!(one("2025 жылы 27 тамызда"), "2025-08-27");
        assert_eq!(one("27 тамыз 2025 ж."), "2025-08-27");
        assert_eq!(one("27 тамыз 2025 жыл"), "2025-08-27");
        assert_eq!(
            dates("27 тамыз 2025 ж. өтті"),
            [("2025-08-27".into(), "27 тамыз 2025 ж.".into())]
        );
        assert_eq!(one("27 тамыз"), "--08-27");
        assert_eq!(one("27 тамыздың"), "--08-27");
        assert_eq!(one("5 қыркүйекте"), "--09-05");
        assert_eq!(one("2025 жылғы 5 қыркүйегінде"), "2025-09-05");
        assert_eq!(one("10 қаңтардан бастап"), "--01-10");
        assert_eq!(one("1 наурызға дейін"), "--03-01");
        assert_eq!(one("22 сәуірде"), "--04-22");
        assert_eq!(one("9 мамырда"), "--05-09");
        assert_eq!(one("12 маусымдағы кездесу"), "--06-12");
        assert_eq!(one("6 шілдеде"), "--07-06");
        assert_eq!(one("25 қазанда"), "--10-25");
        assert_eq!(one("30 қарашада"), "--11-30");
        assert_eq!(one("16 желтоқсан 1991 жыл"), "1991-12-16");
        assert_eq!(one("2025 жылғы тамыздың 27-сі"), "2025-08-27");
        assert_eq!(one("тамыздың 27-сінде"), "--08-27");
        assert_eq!(one("тамыздың 27 күні"), "--08-27");
        assert_eq!(one("27-ші тамыз"), "--08-27");
        // Typed on a Russian layout, and with Latin look-alikes (i, a) inside Cyrillic words.
        assert_eq!(one("5 кыркуйекте"), "--09-05");
        assert_eq!(one("22 сәyiрде"), "--04-22");
        // Kazakh Latin.
        assert_eq!(one("2025 jylǵy 27 tamyzda"), "2025-08-27");
        assert_eq!(one("27 tamyz"), "--08-27");
        assert_eq!(one("5 qyrkúıekte"), "--09-05");
        assert_eq!(one("22 naýryzda"), "--03-22");
    }

    #[test]
    fn uzbek_dates() {
        assert_eq!(one("2025 йил 27 август куни"), "2025-08-27");
        assert_eq!(one("2025 йил 27 августда"), "2025-08-27");
        assert_eq!(one("27 август куни"), "--08-27");
        assert_eq!(one("27-август"), "--08-27");
        assert_eq!(one("1 январдан"), "--01-01");
        assert_eq!(one("1 январьдан"), "--01-01");
        assert_eq!(one("15 сентябрда"), "--09-15");
        assert_eq!(one("27 август 2025 йил"), "2025-08-27");
        assert_eq!(one("2025 й. 27 август"), "2025-08-27");
        assert_eq!(one("2025-yil 27-avgust"), "2025-08-27");
        assert_eq!(one("2025-yil 27-avgustda"), "2025-08-27");
        assert_eq!(one("27-avgustda"), "--08-27");
        assert_eq!(one("27 avgust 2025-yil"), "2025-08-27");
        assert_eq!(one("1-yanvardan"), "--01-01");
        assert_eq!(one("9-may"), "--05-09");
        assert_eq!(one("3 sentabrgacha"), "--09-03");
        assert_eq!(one("3 oktyabrda"), "--10-03");
        assert_eq!(one("Toshkent, 27-avgust"), "--08-27");
    }

    #[test]
    fn russian_dates() {
        assert_eq!(one("27 августа 2025 года"), "2025-08-27");
        assert_eq!(one("27 августа"), "--08-27");
        assert_eq!(one("27-го августа"), "--08-27");
        assert_eq!(one("27\u{a0}августа 2025\u{a0}г."), "2025-08-27");
        assert_eq!(one("8 марта"), "--03-08");
        assert_eq!(one("9 мая 1945 года"), "1945-05-09");
        assert_eq!(one("1 января"), "--01-01");
        assert_eq!(one("2 февраля"), "--02-02");
        assert_eq!(one("12 апреля"), "--04-12");
        assert_eq!(one("12 июня"), "--06-12");
        assert_eq!(one("12 июля"), "--07-12");
        assert_eq!(one("1 сентября"), "--09-01");
        assert_eq!(one("1 октября"), "--10-01");
        assert_eq!(one("14 ноября"), "--11-14");
        assert_eq!(one("16 декабря"), "--12-16");
        assert_eq!(one("27 авг. 2025 г."), "2025-08-27");
        assert_eq!(one("14 нояб."), "--11-14");
        // A day range: the last day is the date read.
        assert_eq!(
            dates("13–14 ноября"),
            [("--11-14".into(), "14 ноября".into())]
        );
        assert_eq!(
            dates("с 27 по 29 августа"),
            [("--08-29".into(), "29 августа".into())]
        );
    }

    #[test]
    fn english_dates() {
        assert_eq!(one("Nov 14"), "--11-14");
        assert_eq!(one("Aug. 27, 2025"), "2025-08-27");
        assert_eq!(one("November 14, 2025"), "2025-11-14");
        assert_eq!(one("14 November 2025"), "2025-11-14");
        assert_eq!(one("3 March 2025"), "2025-03-03");
        assert_eq!(one("the 14th of November"), "--11-14");
        assert_eq!(one("on Nov 14th"), "--11-14");
    }

    #[test]
    fn dates_are_found_in_order_with_their_ranges() {
        let text = "Ҷаласа 13 ноябр ва 14-уми ноябри соли 2025 баргузор шуд.";
        let found = find_dates(text);
        assert_eq!(found.len(), 2);
        for f in &found {
            assert_eq!(&text[f.start..f.end], f.text);
        }
        assert_eq!(found[1].text, "14-уми ноябри соли 2025");
        assert!(found[0].end <= found[1].start);
    }

    #[test]
    fn impossible_days_are_not_dates() {
        none("30 февраля 2025 года");
        none("29 февраля 2025 года");
        none("2025-02-30");
        none("31.04.2025");
        none("27.13.2025");
        none("32 тамыз");
        none("0 августа");
        none("00.08.2025");
        none("31 апрели соли 2024");
        // Without a year the day is checked against a leap year.
        assert_eq!(one("29 февраля"), "--02-29");
        none("30 февраля");
    }

    #[test]
    fn hard_negatives() {
        none("(24-орын) алдыңғы қатарлы мемлекеттер");
        none("(24-ўрин)");
        none("90 пайыздан астамы");
        none("90 фоиздан ортиғи");
        none("2026-2028 жылдарға арналған");
        none("1,2 млрд АҚШ долларынан асты");
        none("2 млрд АҚШ долларына");
        none("2019 жылы қабылданған");
        none("2019 йилда қабул қилинган");
        none("в 2025 году");
        none("Тел.: +7 (7172) 74-14-11, +992 37 221-45-67");
        none("8 701 27 08 25");
        none("27-08-25");
        none("27/08/25");
        none("08/27/2025");
        none("1,27 августа");
        none("v2.27 август");
        none("A27 тамыз");
        none("тамыз айында");
        none("наурыз мерекесі");
        none("5 мамыражай");
        none("Мартин 5 рет");
        none("12345 августа");
        none("5 сен білесің бе");
        none("27\nтамыз");
        // Uzbek `марта` is "times": March only on a Russian line or with a year.
        none("Савдо ҳажми 2 марта ошди.");
        assert_eq!(one("Савдо 2 марта 2025 года"), "2025-03-02");
        // A year range after a day and month is no year of it.
        assert_eq!(one("27 августа 2025-2026"), "--08-27");
    }

    #[test]
    fn partial_dates_complete_only_with_a_year() {
        let known = PartialDate::new(Some(2025), 8, 27).unwrap();
        assert_eq!(known.complete(), Date::parse("2025-08-27"));
        let yearless = PartialDate::new(None, 11, 14).unwrap();
        assert_eq!(yearless.complete(), None);
        assert_eq!(yearless.with_year(2025), Date::parse("2025-11-14"));
        let leap = PartialDate::new(None, 2, 29).unwrap();
        assert_eq!(leap.with_year(2025), None);
        assert_eq!(leap.with_year(2024), Date::parse("2024-02-29"));
        assert_eq!(PartialDate::new(Some(2025), 2, 29), None);
        assert_eq!(PartialDate::new(None, 13, 1), None);
        assert_eq!(yearless.to_string(), "--11-14");
        assert_eq!(known.to_string(), "2025-08-27");
    }

    #[test]
    fn date_prefixes() {
        let (date, rest) = date_prefix(" date 2025-08-27 Қозоғистон ва Тожикистон").unwrap();
        assert_eq!(
            (date.to_string().as_str(), rest.as_str()),
            ("2025-08-27", "Қозоғистон ва Тожикистон")
        );
        assert_eq!(
            date_prefix("Date: 2025-08-27").map(|(d, r)| (d.to_string(), r)),
            Some(("2025-08-27".into(), String::new()))
        );
        assert_eq!(
            date_prefix("date 2025-08-27T10:00:00Z  Title").map(|(_, r)| r),
            Some("Title".into())
        );
        assert_eq!(
            date_prefix("\u{feff}date\t2025-08-27\tTitle ").map(|(_, r)| r),
            Some("Title".into())
        );
        assert_eq!(date_prefix("date 2025-02-30 Title"), None);
        assert_eq!(date_prefix("date 2025-08-271"), None);
        assert_eq!(date_prefix("dated 2025-08-27"), None);
        assert_eq!(date_prefix("date2025-08-27"), None);
        assert_eq!(date_prefix("Қозоғистон 2025-08-27"), None);
        assert_eq!(date_prefix("date 27.08.2025"), None);
        assert_eq!(date_prefix("дата"), None);
        assert_eq!(date_prefix(""), None);
    }

    /// (paragraph, place, date, outlet, rest)
    #[rustfmt::skip]
    const DATELINES: &[(&str, &str, &str, Option<&str>, &str)] = &[
        ("Душанбе, 14 ноябр, – АИ «Корвон Иттилоот». Раиси …", "Душанбе", "--11-14", Some("АИ «Корвон Иттилоот»"), "Раиси …"),
        ("ASTANА. Kazinform — Қозоғистон …", "ASTANА", "", Some("Kazinform"), "Қозоғистон …"),
        ("АСТАНА, 27 тамыз. ҚазАқпарат – Мемлекет басшысы …", "АСТАНА", "--08-27", Some("ҚазАқпарат"), "Мемлекет басшысы …"),
        ("Алматы. 27 тамыз. BAQ.KZ - Бүгін …", "Алматы", "--08-27", Some("BAQ.KZ"), "Бүгін …"),
        ("ТОШКЕНТ, 27 август — «Дунё» АА. Президент …", "ТОШКЕНТ", "--08-27", Some("«Дунё» АА"), "Президент …"),
        ("Toshkent, 27-avgust – UzA.", "Toshkent", "--08-27", Some("UzA"), ""),
        ("МОСКВА, 27 августа. /ТАСС/. Президент …", "МОСКВА", "--08-27", Some("ТАСС"), "Президент …"),
        ("ДУШАНБЕ, 14.11.2025 /АП/ — Президент …", "ДУШАНБЕ", "2025-11-14", Some("АП"), "Президент …"),
        ("Душанбе, 14.11.2025 (АИ \"Ховар\"). Президент …", "Душанбе", "2025-11-14", Some("АИ \"Ховар\""), "Президент …"),
        ("Dushanbe, Nov 14 (Asia-Plus) —", "Dushanbe", "--11-14", Some("Asia-Plus"), ""),
        ("НУР-СУЛТАН/ASTANA, 3 March 2025 – Kazinform – The President …", "НУР-СУЛТАН/ASTANA", "2025-03-03", Some("Kazinform"), "The President …"),
        ("МОСКВА, 27 авг — РИА Новости. Текст", "МОСКВА", "--08-27", Some("РИА Новости"), "Текст"),
        ("Бишкек, 27 августа — «АКИpress». Текст", "Бишкек", "--08-27", Some("АКИpress"), "Текст"),
        ("ASTANA, Aug. 27 – Kazakh President Kassym-Jomart Tokayev met …", "ASTANA", "--08-27", None, "Kazakh President Kassym-Jomart Tokayev met …"),
        ("ASTANA – Kazakh President met …", "ASTANA", "", None, "Kazakh President met …"),
        ("Dushanbe, Tajikistan, Nov 14 (Asia-Plus) – Text", "Dushanbe, Tajikistan", "--11-14", Some("Asia-Plus"), "Text"),
        ("Тошкент, 2025 йил 27 август, 14:30 — kun.uz. Матн", "Тошкент", "2025-08-27", Some("kun.uz"), "Матн"),
        ("Душанбе, 14 ноябр\nРаиси Маҷлиси миллӣ …", "Душанбе", "--11-14", None, "Раиси Маҷлиси миллӣ …"),
        ("АСТАНА. КАЗИНФОРМ - Мәжіліс …", "АСТАНА", "", Some("КАЗИНФОРМ"), "Мәжіліс …"),
        ("Qo‘rg‘ontepa, 5-mart – Dunyo. Matn", "Qo‘rg‘ontepa", "--03-05", Some("Dunyo"), "Matn"),
        ("DUSHANBE, November 14, 2025, Asia-Plus -- Text", "DUSHANBE", "2025-11-14", Some("Asia-Plus"), "Text"),
        ("BAKU, Azerbaijan, August 27. Text", "BAKU, Azerbaijan", "--08-27", None, "Text"),
        ("Тошкент, 27 август (ЎзА). Матн", "Тошкент", "--08-27", Some("ЎзА"), "Матн"),
        ("Душанбе, 14.11.2025. (АМИТ «Ховар»). Матн", "Душанбе", "2025-11-14", Some("АМИТ «Ховар»"), "Матн"),
        ("Душанбе, 14 ноября, Авеста. Текст", "Душанбе", "--11-14", Some("Авеста"), "Текст"),
        ("Душанбе, 14 ноябр. «Ховар». Матн", "Душанбе", "--11-14", Some("Ховар"), "Матн"),
        ("ДУШАНБЕ, 27 авг — Sputnik. Текст", "ДУШАНБЕ", "--08-27", Some("Sputnik"), "Текст"),
    ];

    #[test]
    fn datelines() {
        for &(paragraph, place, date, outlet, rest) in DATELINES {
            let line =
                dateline(paragraph).unwrap_or_else(|| panic!("no dateline in {paragraph:?}"));
            assert_eq!(line.place, place, "{paragraph:?}");
            assert_eq!(
                line.date.map(|d| d.to_string()).unwrap_or_default(),
                date,
                "{paragraph:?}"
            );
            assert_eq!(line.outlet.as_deref(), outlet, "{paragraph:?}");
            assert_eq!(line.rest, rest, "{paragraph:?}");
            assert!(
                paragraph.starts_with(&line.text),
                "{paragraph:?}: {:?}",
                line.text
            );
        }
    }

    #[test]
    fn sentences_that_open_with_a_name_are_not_datelines() {
        for paragraph in [
            "Душанбе шаҳри пойтахти Тоҷикистон аст.",
            "Душанбе – пойтахти Тоҷикистон.",
            "Астана – Қазақстанның астанасы.",
            "Ҳамчунин, дар ҷараёни мулоқот табодули назар сурат гирифт.",
            "Ҳамчунин, 14 ноябр бо Раиси Сенат мулоқот шуд.",
            "Ҳамчунин, 14 ноябр, бо Раиси Сенат мулоқот шуд.",
            "Бинобар ин, 14 ноябр мулоқот шуд.",
            "Тоҷикистон ва Қазоқистон ҳамкории дуҷонибаро тақвият мебахшанд – ИА Караван Инфо",
            "Е.Көшербаев сондай-ақ Душанбе қаласындағы алаңда болды.",
            "Сурет: gov.kz",
            "Москва, Кремль. Встреча прошла …",
            "Астана, 27 тамыз күні қонақтарды қарсы алды.",
            "ҚАЗАҚСТАН – ТӘЖІКСТАН: ЖАҢА КЕЗЕҢ",
            "Ерлан Қошанов, Мажилис раиси, – деди.",
            "30-юми апрели соли 2024 дар Қасри миллат",
            "АКС: Маҷлиси миллии Маҷлиси Олии Ҷумҳурии Тоҷикистон",
            "error:",
            "• Ҳамкории тиҷоративу иқтисодӣ — густариши савдо.",
            "— Мамлакатларимизни кўп асрлик қардошлик боғлаб туради.",
            "",
            "   ",
        ] {
            assert_eq!(dateline(paragraph), None, "{paragraph:?}");
        }
    }

    /// Every month table of the language files has a style the scanner reads, and each of the
    /// languages that write dates has its months.
    #[test]
    fn every_month_table_is_read() {
        let tables = &lexicon().dates().months;
        for table in tables {
            assert!(
                Names::of_style(&table.style).is_some(),
                "unknown style {}",
                table.style
            );
        }
        assert_eq!(FOLDED_NAMES.len(), tables.len());
        for (word, month) in [
            ("тамызда", 8),
            ("ноябри", 11),
            ("августа", 8),
            ("avgustda", 8),
            ("aug", 8),
        ] {
            assert_eq!(month_word(word).map(|m| m.month), Some(month), "{word}");
        }
    }

    /// Every word list is compared after folding; the tables fold to distinct, non-empty stems.
    #[test]
    fn folding_maps_look_alikes_and_local_letters() {
        assert_eq!(fold("ASTANА"), "astana");
        assert_eq!(fold("Cентябрь"), "сентябрь");
        assert_eq!(fold("Қыркүйек"), "кыркуйек");
        assert_eq!(fold("qyrkúıek"), "qyrkuiek");
        assert_eq!(fold("Oʻzbekiston"), "ozbekiston");
        assert_eq!(fold("ТАМЫЗ"), fold("тамыз"));
        for table in FOLDED_NAMES.iter() {
            for (stem, month) in &table.stems {
                assert!(!stem.is_empty() && (1..=12).contains(month));
                assert_eq!(month_word(stem).map(|m| m.month), Some(*month), "{stem}");
            }
        }
    }

    use crate::import::testing::Rng;

    /// Pieces that exercise the patterns, mixed with arbitrary characters.
    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        "2025", "27", "14", "30", "31", "29", "02", "1", "0", "99999999999999999999",
        "-", ".", ",", "/", ":", " ", " ", " ", "\n", "\r\n", "\u{a0}", "\t",
        "тамыз", "тамыздың", "қыркүйегінде", "ноябр", "ноябри", "апрели", "соли", "жылғы", "ж", "г",
        "года", "йил", "yil", "-юми", "юми", "-сі", "августа", "августда", "марта", "авг", "Nov",
        "November", "avgust", "ASTANА", "Душанбе", "МОСКВА", "Kazinform", "АИ", "T", "th", "of",
        "күні", "date",
        "–", "—", "«", "»", "\"", "(", ")", "[", "]",
        "ә", "ӣ", "ҷ", "ʻ", "'", "’", "\u{301}", "\u{feff}", "\u{200b}", "\u{ad}", "😀", "İ", "ß", "ǅ",
        "\u{10ffff}",
    ];

    /// Texts near the patterns, to be mutated: the datelines above and dates of every form.
    const NEAR: &[&str] = &[
        "2025 жылғы 27 тамызда",
        "27 тамыз 2025 ж.",
        "тамыздың 27-сі",
        "30-юми апрели соли 2024",
        "2025-yil 27-avgustda",
        "27 августа 2025 года",
        "27.08.2025 г.",
        "2025-08-27T10:00",
        "November 14, 2025",
        " date 2025-08-27 Қозоғистон",
    ];

    /// One of the near texts with a few characters deleted, replaced, inserted or repeated.
    fn mutated(random: &mut Rng) -> String {
        let source = if random.below(2) == 0 {
            DATELINES[random.below(DATELINES.len())].0
        } else {
            NEAR[random.below(NEAR.len())]
        };
        let mut chars: Vec<char> = source.chars().collect();
        for _ in 0..random.below(4) {
            let at = random.below(chars.len() + 1);
            match random.below(4) {
                0 if at < chars.len() => {
                    chars.remove(at);
                }
                1 if at < chars.len() => {
                    chars[at] = PIECES[random.below(PIECES.len())]
                        .chars()
                        .next()
                        .unwrap_or('x')
                }
                2 => chars
                    .splice(at..at, PIECES[random.below(PIECES.len())].chars())
                    .for_each(drop),
                _ => {
                    let from = random.below(chars.len() + 1);
                    let copy: Vec<char> = chars[from.min(at)..from.max(at)].to_vec();
                    chars.splice(at..at, copy).for_each(drop);
                }
            }
        }
        chars.into_iter().collect()
    }

    fn arbitrary(random: &mut Rng) -> String {
        if random.below(2) == 0 {
            return mutated(random);
        }
        let mut text = String::new();
        for _ in 0..random.below(40) {
            match random.below(4) {
                0 => {
                    let c = char::from_u32(random.next() as u32 % 0x11_0000).unwrap_or('?');
                    text.push(c);
                }
                1 => text.push(char::from_u32(0x400 + random.below(0x130) as u32).unwrap_or('ж')),
                _ => text.push_str(PIECES[random.below(PIECES.len())]),
            }
        }
        text
    }

    #[test]
    fn arbitrary_text_never_panics_and_ranges_are_exact() {
        let mut random = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..30_000 {
            let text = arbitrary(&mut random);
            let mut previous_end = 0;
            for found in find_dates(&text) {
                assert!(
                    text.is_char_boundary(found.start) && text.is_char_boundary(found.end),
                    "{text:?}"
                );
                assert_eq!(
                    text.get(found.start..found.end),
                    Some(found.text.as_str()),
                    "{text:?}"
                );
                assert!(
                    found.start >= previous_end && found.start < found.end,
                    "{text:?}"
                );
                assert!(!found.text.contains('\n'), "{text:?}: a date across lines");
                previous_end = found.end;
                let date = found.date;
                assert!(
                    PartialDate::new(date.year, date.month, date.day).is_some(),
                    "{text:?}"
                );
                if let Some(year) = date.year {
                    assert!(YEARS.contains(&year));
                    assert!(date.complete().is_some());
                }
            }
            if let Some((_, rest)) = date_prefix(&text) {
                assert!(text.contains(&rest), "{text:?}");
            }
            if let Some(line) = dateline(&text) {
                assert!(
                    text.contains(&line.text) && text.contains(&line.place),
                    "{text:?}"
                );
                // Nothing is lost: the rest is exactly what follows the dateline.
                let after = &text[text.find(&line.text).unwrap() + line.text.len()..];
                assert_eq!(after.trim_matches(is_space), line.rest, "{text:?}");
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        let mut random = Rng(42);
        for _ in 0..5_000 {
            let bytes: Vec<u8> = (0..random.below(64)).map(|_| random.next() as u8).collect();
            let text = String::from_utf8_lossy(&bytes);
            let _ = find_dates(&text);
            let _ = date_prefix(&text);
            let _ = dateline(&text);
        }
    }
}
