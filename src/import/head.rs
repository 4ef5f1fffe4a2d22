//! The top of a copied page: what stands above the article (the site's header and widgets, the
//! page's own date, the headline) and where the article begins.
//!
//! A copied page opens with whatever the site put above its article: a weather widget
//! (`27.9 C`, then `Dushanbe`), exchange rates, a language menu one word a line, a logo line, a
//! section word, the page's date and time (`16:54 22/08/2024`, `среда, 18 февраля 2026`). The
//! headline is the first line that reads as one: a few words of the text's script, mostly
//! letters, with no clock, temperature or menu shape. Everything above it is dropped and listed;
//! the page's date is kept as evidence of the publication date. A page without a headline opens
//! with its lead, and then nothing above the lead is taken for a title.

use super::credits;
use super::dates::{self, PartialDate};
use super::furniture::{Removed, key};
use super::headline;
use super::lexicon::{ChromeKind, lexicon};
use super::page_url::PageUrl;
use super::pipeline::Sureness;

/// What the top of the page holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub headline: Option<Headline>,
    /// The dates the page shows of itself, the one nearest the headline first.
    pub page_dates: Vec<PageDate>,
    /// Lines dropped as the page's chrome, with why.
    pub removed: Vec<Removed>,
    /// The lines left, in order: the article from its first line (the headline taken out).
    pub lines: Vec<(usize, String)>,
}

/// The headline found, and how sure that is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headline {
    /// Without an outlet suffix or a badge.
    pub text: String,
    /// The outlet named after a dash (`… – ИА Караван Инфо`), if any.
    pub outlet: Option<String>,
    pub sure: Sureness,
    pub how: String,
}

/// A date line of the page (`Август 20, 2024 09:23`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageDate {
    pub date: PartialDate,
    /// 1-based line number in the input.
    pub line: usize,
    /// The line as written.
    pub text: String,
    /// Whether the line also gives a time: a page's own date, not a date in a widget.
    pub with_time: bool,
}

const ABOVE: &str = "page chrome above the headline";
const BEFORE_LEAD: &str = "page chrome above the article";
const BESIDE: &str = "page chrome beside the headline";
const PAGE_DATE: &str = "the page's date";
const REPEAT: &str = "repeated headline";

/// Reads the top of the page from `lines` (the text's lines after furniture was stripped, as
/// (1-based line number, text)).
pub fn read(lines: Vec<(usize, String)>, url: Option<&PageUrl>) -> Head {
    let lead = lead_index(&lines);
    let script = text_script(&lines);
    let mut removed = Vec::new();
    let mut page_dates = Vec::new();
    let mut drop = vec![None; lines.len()];

    // What each line above the lead is.
    let mut kinds = Vec::with_capacity(lead);
    for (i, (number, line)) in lines.iter().enumerate().take(lead) {
        let kind = classify(line, script);
        if let Kind::Date(found) = &kind {
            page_dates.push(PageDate {
                date: found.date,
                line: *number,
                text: line.trim().to_string(),
                with_time: found.with_time,
            });
        }
        if matches!(kind, Kind::Date(_) | Kind::Time) {
            drop[i] = Some(PAGE_DATE);
        }
        kinds.push(kind);
    }

    // The headline: a line shaped like one that the page repeats (a title over the article and
    // again in it), or else the first.
    let candidates: Vec<usize> = (0..lead)
        .filter(|&i| matches!(kinds[i], Kind::Headline))
        .collect();
    let repeated = candidates.iter().copied().find(|&i| {
        let own = headline_text(&lines[i].1);
        (i + 1..lines.len().min(lead + 1)).any(|j| {
            let other = headline_text(&lines[j].1);
            headline::repeats(&other.0, &own.0)
        })
    });
    // A headline of a few words is weak: a menu's phrase ("Басты сайтқа өту") reads like one too.
    // It is the headline when the lead or another candidate (its subtitle) follows it.
    let next_line = |i: usize| (i + 1..lines.len()).find(|&j| !lines[j].1.trim().is_empty());
    let strong = candidates.iter().copied().find(|&i| {
        is_strong(&lines[i].1)
            || next_line(i).is_some_and(|j| j >= lead || matches!(kinds[j], Kind::Headline))
    });
    let chosen = repeated.or(strong).or_else(|| candidates.first().copied());
    // Another line above the chosen one read as a headline: it is not certain which is.
    // So is a short line over a longer one: a headline and its subtitle, or a menu's phrase over
    // the headline.
    let rivals = chosen.map_or(0, |at| {
        let above = candidates.iter().filter(|&&i| i < at).count();
        let over_longer = !is_strong(&lines[at].1)
            && next_line(at).is_some_and(|j| j < lead && matches!(kinds[j], Kind::Headline));
        above + usize::from(over_longer)
    });

    let headline = chosen.map(|at| {
        // Above the headline nothing is the article's.
        let mut unknown_above = 0;
        for i in 0..at {
            if drop[i].is_none() && !lines[i].1.trim().is_empty() && !is_credit(&lines[i].1) {
                if matches!(kinds[i], Kind::Unknown) {
                    unknown_above += 1;
                }
                drop[i] = Some(ABOVE);
            }
        }
        // Between the headline and the lead: the page's date (already), a repeat of the headline,
        // short chrome (a counter, a section word); a subtitle stays.
        let (text, outlet) = headline_text(&lines[at].1);
        for i in at + 1..lead.min(lines.len()) {
            if drop[i].is_some() || lines[i].1.trim().is_empty() {
                continue;
            }
            let (other, _) = headline_text(&lines[i].1);
            if headline::repeats(&other, &text) || headline::repeats(&lines[i].1, &text) {
                drop[i] = Some(REPEAT);
            } else if matches!(kinds[i], Kind::Chrome) && !is_credit(&lines[i].1) {
                drop[i] = Some(BESIDE);
            }
        }
        let (sure, how) = sureness(
            &text,
            outlet.is_some(),
            unknown_above + rivals,
            url,
            repeated.is_some(),
        );
        drop[at] = Some("headline");
        Headline {
            text,
            outlet,
            sure,
            how,
        }
    });
    if headline.is_none() {
        // No headline: short chrome above the lead goes; anything longer stays, for the editor.
        for i in 0..lead {
            if drop[i].is_none() && matches!(kinds[i], Kind::Chrome) && !is_credit(&lines[i].1) {
                drop[i] = Some(BEFORE_LEAD);
            }
        }
    }

    // The page's date nearest the headline first: after it, then before it.
    let headline_line = chosen.map(|i| lines[i].0);
    if let Some(h) = headline_line {
        page_dates.sort_by_key(|d| (d.line < h, d.line.abs_diff(h), !d.with_time));
    }

    let mut kept = Vec::with_capacity(lines.len());
    for ((number, line), reason) in lines.into_iter().zip(drop) {
        match reason {
            Some("headline") => {}
            Some(reason) => removed.push(Removed {
                line: number,
                text: line,
                reason,
            }),
            None => kept.push((number, line)),
        }
    }
    Head {
        headline,
        page_dates,
        removed,
        lines: kept,
    }
}

/// How sure the headline is, and why.
fn sureness(
    text: &str,
    suffix: bool,
    unknown_above: usize,
    url: Option<&PageUrl>,
    repeated: bool,
) -> (Sureness, String) {
    let mut how = if suffix {
        "the first line that reads as a headline, without the outlet after the dash".to_string()
    } else {
        "the first line that reads as a headline".to_string()
    };
    if repeated {
        how = "the line that reads as a headline and that the page repeats".to_string();
    }
    match url.and_then(|u| u.slug_agreement(text)) {
        Some(agreement) if agreement < 0.34 => {
            return (
                Sureness::Check,
                format!(
                    "{how}; but the page's address names another title ({}): is this line the headline or a subtitle?",
                    url.map_or("", |u| u.slug_words()).trim()
                ),
            );
        }
        Some(_) => {
            return (
                Sureness::Certain,
                format!("{how}, as the page's address has it"),
            );
        }
        None => {}
    }
    if unknown_above > 0 {
        (
            Sureness::Likely,
            format!(
                "{how}, under {unknown_above} line(s) of the page dropped as chrome: check that none of them is the headline"
            ),
        )
    } else {
        (Sureness::Certain, how)
    }
}

/// The index of the line where the article's text begins: the first paragraph of prose or a
/// dateline. Lines above it are the headline, its subtitle, and the page's chrome.
fn lead_index(lines: &[(usize, String)]) -> usize {
    lines
        .iter()
        .position(|(_, l)| is_prose(l) || dates::dateline(l).is_some())
        .unwrap_or(lines.len())
}

/// A headline of five words or more, or of 35 letters: what a menu phrase never is.
fn is_strong(line: &str) -> bool {
    let t = strip_bullet(line.trim());
    word_count(t) >= 5 || t.chars().filter(|c| c.is_alphabetic()).count() >= 35
}

/// A paragraph of the article: a sentence of eight words or more, or a long run of words (a
/// paragraph the page cut off).
pub(crate) fn is_prose(line: &str) -> bool {
    let t = line.trim();
    let words = word_count(t);
    let ends = t.ends_with(['.', '!', '?', '…', ':', '»', '"', '”']);
    (words >= 8 && ends) || words >= 30
}

fn word_count(t: &str) -> usize {
    t.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Cyrillic,
    Latin,
}

/// The script most of the text's letters are in.
fn text_script(lines: &[(usize, String)]) -> Script {
    let (mut cyrillic, mut latin) = (0usize, 0usize);
    for (_, l) in lines {
        for c in l.chars() {
            if is_cyrillic(c) {
                cyrillic += 1;
            } else if c.is_alphabetic() && c.is_ascii() {
                latin += 1;
            }
        }
    }
    if latin > cyrillic {
        Script::Latin
    } else {
        Script::Cyrillic
    }
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}')
}

/// A date line found, for [`PageDate`].
#[derive(Debug, Clone, PartialEq, Eq)]
struct DateLine {
    date: PartialDate,
    with_time: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// The page's date: a date with its year, perhaps a time, a weekday, a section word.
    Date(DateLine),
    /// A time or "today, 16:37" without a date.
    Time,
    /// Reads as a headline.
    Headline,
    /// A known shape of chrome: a widget's number, a menu word, a logo line, a tag.
    Chrome,
    /// None of these.
    Unknown,
}

fn classify(line: &str, script: Script) -> Kind {
    let t = strip_bullet(line.trim());
    if t.is_empty() {
        return Kind::Unknown;
    }
    if let Some(kind) = date_line(t) {
        return kind;
    }
    if is_chrome_shape(t) {
        return Kind::Chrome;
    }
    if reads_as_headline(t, script) {
        return Kind::Headline;
    }
    // A line of one or two words with no sentence in it, above the article: a menu item, a city
    // of a weather widget, a section name.
    if word_count(t) <= 2 && !t.ends_with(['.', '!', '?']) {
        return Kind::Chrome;
    }
    Kind::Unknown
}

/// The line without a list bullet before it (`• Кумакҳои …` in a breadcrumb).
fn strip_bullet(t: &str) -> &str {
    t.trim_start_matches(['•', '▪', '●', '◦', '‣', '·'])
        .trim_start()
}

/// The headline's text, its outlet suffix and a badge taken off.
fn headline_text(line: &str) -> (String, Option<String>) {
    let t = strip_bullet(line.trim());
    let (text, outlet) = credits::split_outlet_suffix(t);
    (without_badge(&text), outlet)
}

/// A headline without a badge the site glued to its end (`… Новость дня`): the badge starts
/// with a capital after a word that does not end a phrase with it.
fn without_badge(text: &str) -> String {
    let lexicon = lexicon();
    let badges = lexicon.chrome(ChromeKind::Badges);
    let words: Vec<&str> = text.split_whitespace().collect();
    for n in (1..=3).rev() {
        if words.len() <= n + 2 {
            continue;
        }
        let tail = words[words.len() - n..].join(" ");
        let before = words[words.len() - n - 1].to_lowercase();
        if badges.contains(&key(&tail))
            && tail.chars().next().is_some_and(char::is_uppercase)
            && !lexicon.is_function_word(before.trim_matches(|c: char| !c.is_alphanumeric()), None)
        {
            return words[..words.len() - n]
                .join(" ")
                .trim_end_matches([' ', '|', '-', '–', '—', ':'])
                .to_string();
        }
    }
    text.to_string()
}

/// A headline: a line of three words or more, mostly letters of the text's script, not ending
/// like a sentence, with no clock, temperature, logo word or glued menu.
fn reads_as_headline(t: &str, script: Script) -> bool {
    if !headline::is_headline(t) || word_count(t) < 3 || t.starts_with('#') {
        return false;
    }
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    let visible = t.chars().filter(|c| !c.is_whitespace()).count();
    if letters.len() < 12 || letters.len() * 10 < visible * 6 {
        return false;
    }
    let own = letters
        .iter()
        .filter(|&&c| match script {
            Script::Cyrillic => is_cyrillic(c),
            Script::Latin => c.is_ascii(),
        })
        .count();
    own * 10 >= letters.len() * 7
        && !has_clock(t)
        && !has_logo_word(t)
        && !has_glued_words(t)
        && !has_two_sentences(t)
}

/// A line of two sentences (`Портал «News-Asia». Новости Центральной Азии: …`) is a site's
/// tagline or a lead, never a headline, which is one. An initial (`К.К. Токаев`, `Е.Көшербаев`)
/// ends no sentence.
fn has_two_sentences(t: &str) -> bool {
    let chars: Vec<char> = t.chars().collect();
    (1..chars.len().saturating_sub(2)).any(|i| {
        matches!(chars[i], '.' | '!' | '?')
            && chars[i + 1] == ' '
            && chars[i + 2].is_uppercase()
            && {
                // The word before the mark: an initial is one letter.
                let word = chars[..i]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_alphanumeric())
                    .count();
                word > 1 || !chars[i - 1].is_alphabetic()
            }
    })
}

/// Shapes of page chrome no vocabulary is needed for: a widget's numbers (`27.9 C`, `$`,
/// `490.84`, `USD: 490.84`, `-15°`), a tag (`#Халық заңгері`), a glued menu
/// (`Басты жаңалықЖаңалықтар`), a logo line.
fn is_chrome_shape(t: &str) -> bool {
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    let words = word_count(t);
    // Numbers with at most a unit or a currency code: weather and exchange-rate widgets.
    if letters <= 3 && t.chars().any(|c| c.is_ascii_digit() || "$€₽₸°".contains(c)) {
        return true;
    }
    if letters == 0 {
        return true;
    }
    if words <= 3
        && t.split_whitespace()
            .all(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).len() <= 3)
        && t.chars().any(|c| "$€₽₸°:".contains(c))
    {
        return true;
    }
    if t.starts_with('#') && t.chars().nth(1).is_some_and(char::is_alphabetic) && words <= 5 {
        return true;
    }
    (words <= 8 && has_logo_word(t)) || (words <= 4 && has_glued_words(t))
}

fn has_clock(t: &str) -> bool {
    let chars: Vec<char> = t.chars().collect();
    chars.windows(4).enumerate().any(|(i, w)| {
        w[0].is_ascii_digit()
            && w[1] == ':'
            && w[2].is_ascii_digit()
            && w[3].is_ascii_digit()
            && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    })
}

fn has_logo_word(t: &str) -> bool {
    let logos = lexicon().chrome(ChromeKind::Logos);
    key(t).split(' ').any(|w| logos.contains(w))
}

/// Two menu items copied without a space: a word whose lower-case run of four letters or more
/// is followed by a capital and four more letters (`жаңалықЖаңалықтар`). Names like
/// `ҚазАқпарат` have a shorter first part.
fn has_glued_words(t: &str) -> bool {
    t.split_whitespace().any(|w| {
        let chars: Vec<char> = w.chars().collect();
        (1..chars.len()).any(|i| {
            chars[i].is_uppercase()
                && chars[i - 1].is_lowercase()
                && chars[..i]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_lowercase())
                    .count()
                    >= 4
                && chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_lowercase())
                    .count()
                    >= 3
        })
    })
}

fn is_credit(line: &str) -> bool {
    credits::photo_credit(line).is_some()
}

/// A line that only gives the page's date or time: a date with its year (or a time, or "today"),
/// perhaps a weekday, a time zone, a counter and up to three other words (a section name).
fn date_line(t: &str) -> Option<Kind> {
    if word_count(t) > 12 {
        return None;
    }
    // `жаңалықтары21 тамыз 2024`: a word glued to the day.
    let spaced = unglue_digits(t);
    let found = dates::find_dates(&spaced);
    let full = found.iter().find(|f| f.date.year.is_some());
    let mut rest = spaced.clone();
    for f in found.iter().rev() {
        rest.replace_range(f.start..f.end, " ");
    }
    let lexicon = lexicon();
    let weekdays = lexicon.chrome(ChromeKind::Weekdays);
    let relative = lexicon.chrome(ChromeKind::RelativeDays);
    let mut time = false;
    let mut today = false;
    let mut others = 0;
    for token in rest.split_whitespace() {
        let bare = token.trim_matches(|c: char| {
            matches!(
                c,
                ',' | '.' | '|' | '•' | '(' | ')' | '/' | '-' | '–' | '—' | '·'
            )
        });
        if bare.is_empty() {
            continue;
        }
        let word = key(bare);
        if is_time(bare) {
            time = true;
        } else if relative.contains(&word) {
            today = true;
        } else if weekdays.contains(&word)
            || bare.bytes().all(|b| b.is_ascii_digit())
            || is_zone(bare)
            || is_year_word(&word)
        {
        } else {
            others += 1;
        }
    }
    if others > 3 {
        return None;
    }
    match full {
        Some(f) => Some(Kind::Date(DateLine {
            date: f.date,
            with_time: time,
        })),
        None if found.is_empty() && (time || today) && (others <= 2) => Some(Kind::Time),
        None => None,
    }
}

/// A word for "year" beside a year (`2025 г.`, `2025 жылғы`, `соли 2025`).
fn is_year_word(word: &str) -> bool {
    let dates = lexicon().dates();
    dates
        .year_words
        .iter()
        .chain(&dates.year_words_before)
        .any(|w| w == word)
}

fn unglue_digits(t: &str) -> String {
    let mut out = String::with_capacity(t.len() + 4);
    let mut prev: Option<char> = None;
    for c in t.chars() {
        if let Some(p) = prev
            && p.is_alphabetic()
            && c.is_ascii_digit()
        {
            out.push(' ');
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// `16:54`, `09:23:10`.
fn is_time(w: &str) -> bool {
    let parts: Vec<&str> = w.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// `Asia/Dushanbe`, `GMT+5`, `UTC`.
fn is_zone(w: &str) -> bool {
    let upper = w.to_ascii_uppercase();
    upper.starts_with("GMT")
        || upper.starts_with("UTC")
        || (w.contains('/')
            && w.split('/')
                .all(|p| p.chars().all(|c| c.is_ascii_alphabetic() || c == '_')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<(usize, String)> {
        text.lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.to_string()))
            .collect()
    }

    fn headline_of(text: &str) -> Option<(String, Sureness)> {
        read(lines(text), None).headline.map(|h| (h.text, h.sure))
    }

    const LEAD: &str = "Душанбеде Қазақстан мен Тәжікстан сыртқы істер министрлерінің кездесуі өтті, деп хабарлайды BAQ.KZ.";

    #[test]
    fn chrome_above_the_headline_is_never_the_headline() {
        let title = "Қазақстан мен Тәжікстан стратегиялық әріптестікті тереңдетеді";
        for chrome in [
            "27.9 C\nDushanbe",
            "16:54 22/08/2024",
            "среда, 18 февраля 2026",
            "Chinese\nTurkish\nЎзбек\nEnglish",
            "Kazinform branding logo app",
            "Политика",
            "• RUB:\n    5.04\n  • USD:\n    490.84",
            "+7 °C\nАлматы\n2026 Год\n20 Марта",
            "#Халық заңгері\n#Қазақстан мақтанышы\nЛоготип Новости спорта Спорт жаңалықтары\n-15°\n$\n512.16",
            "Басты жаңалықЖаңалықтар",
            "Placeholder\nLiter.kz",
            "Сенат Бүгін, 16:37",
            "Жаңалықтарға өту\nСенат Бүгін, 16:37",
            "Ақпараттық портал «Мысал». Орталық Азия жаңалықтары: Қазақстан, Қырғызстан, Өзбекстан, Тәжікстан\nБізге жазыңыз",
            "Барлық жаңалықтарға өту\nСенат Бүгін, 16:37",
        ] {
            let text = format!("{chrome}\n\n{title}\n\n{LEAD}");
            let head = read(lines(&text), None);
            let found = head.headline.as_ref().map(|h| h.text.as_str());
            assert_eq!(found, Some(title), "{chrome:?}");
            let kept: Vec<&str> = head.lines.iter().map(|(_, l)| l.as_str()).collect();
            assert!(
                kept.iter().all(|l| l.trim().is_empty() || *l == LEAD),
                "{chrome:?}: kept {kept:?}"
            );
        }
    }

    #[test]
    fn a_badge_is_not_part_of_the_headline() {
        let text = format!("Казахстан и Таджикистан подписали соглашение Новость дня\n{LEAD}");
        assert_eq!(
            headline_of(&text).map(|h| h.0),
            Some("Казахстан и Таджикистан подписали соглашение".to_string())
        );
        // "на видео" is the headline's own words.
        let text = format!("Встречу президентов показали на видео\n{LEAD}");
        assert_eq!(
            headline_of(&text).map(|h| h.0),
            Some("Встречу президентов показали на видео".to_string())
        );
    }

    #[test]
    fn the_page_date_is_read_and_dropped() {
        let text = format!(
            "В Душанбе установят бюст казахскому поэту Абаю\n\nАвгуст 20, 2024 09:23\n\n{LEAD}"
        );
        let head = read(lines(&text), None);
        assert_eq!(head.page_dates.len(), 1);
        assert_eq!(head.page_dates[0].date.to_string(), "2024-08-20");
        assert!(head.page_dates[0].with_time);
        assert_eq!(head.removed[0].reason, PAGE_DATE);
        for (line, date) in [
            ("Қазақстан жаңалықтары21 тамыз 2024, 12:34", "2024-08-21"),
            ("Апрел 22, 2024 17:55 Asia/Dushanbe", "2024-04-22"),
            ("  • 22 Апреля 2024", "2024-04-22"),
            ("20 Мая 2021, 16:52", "2021-05-20"),
            ("24.09.2021 02:19", "2021-09-24"),
            ("16:54 22/08/2024", "2024-08-22"),
        ] {
            match date_line(strip_bullet(line.trim())) {
                Some(Kind::Date(d)) => assert_eq!(d.date.to_string(), date, "{line}"),
                other => panic!("{line}: {other:?}"),
            }
        }
        // A sentence with a date is no date line.
        assert_eq!(
            date_line(
                "2024 жылғы 20 сәуір күні Тәжікстан Республикасынан гуманитарлық көмек келген болатын."
            ),
            None
        );
    }

    #[test]
    fn a_text_that_opens_with_its_lead_has_no_headline() {
        assert_eq!(headline_of(LEAD), None);
        let dateline =
            "ДУШАНБЕ, 22 авг – Sputnik. Дар ин бора дар Форуми тиҷоратӣ иттилоъ дода шуд.";
        assert_eq!(headline_of(dateline), None);
        assert_eq!(headline_of(&format!("0\n{LEAD}")), None);
    }

    #[test]
    fn a_repeated_headline_is_the_headline() {
        let text = "3500 тонн гуманитарной помощи из Таджикистана получил Казахстан - Караван\n  • $ 482.33\nАлматы\n3500 тонн гуманитарной помощи из Таджикистана получил Казахстан\n\n3500 тонн гуманитарной помощи из Таджикистана получил Казахстан\n\nГруз прибыл на железнодорожную станцию «Сарыагаш».\n\n61 вагон гуманитарной помощи прибыл населению Казахстана из Таджикистана, передает Caravan.kz.";
        let head = read(lines(text), None);
        let headline = head.headline.expect("a headline");
        assert_eq!(
            headline.text,
            "3500 тонн гуманитарной помощи из Таджикистана получил Казахстан"
        );
        let kept: Vec<&str> = head
            .lines
            .iter()
            .map(|(_, l)| l.as_str())
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            kept,
            [
                "Груз прибыл на железнодорожную станцию «Сарыагаш».",
                "61 вагон гуманитарной помощи прибыл населению Казахстана из Таджикистана, передает Caravan.kz."
            ]
        );
    }

    #[test]
    fn a_short_headline_over_its_subtitle() {
        let text = format!(
            "Штрихи к историческому визиту\nАстана и Душанбе приняли Декларацию о союзническом взаимодействии\n{LEAD}"
        );
        let head = read(lines(&text), None);
        assert_eq!(
            head.headline.map(|h| h.text).as_deref(),
            Some("Штрихи к историческому визиту")
        );
        assert_eq!(
            head.lines[0].1,
            "Астана и Душанбе приняли Декларацию о союзническом взаимодействии"
        );
    }

    #[test]
    fn the_headline_is_in_the_texts_script() {
        let text = format!(
            "Latest news from Central Asia\n\nҚазақстан мен Тәжікстан кездесті бүгін\n{LEAD}"
        );
        assert_eq!(
            headline_of(&text).map(|h| h.0),
            Some("Қазақстан мен Тәжікстан кездесті бүгін".to_string())
        );
    }

    #[test]
    fn the_address_can_say_the_line_is_no_headline() {
        let url = PageUrl::parse(
            "https://www.kt.kz/rus/state/v_astane_obsudili_voprosy_ekonomicheskogo_sotrudnichestva_1377980887.html",
        );
        let text = format!("20-е заседание состоится в 2026 году в Таджикистане\n\n{LEAD}");
        let head = read(lines(&text), url.as_ref());
        assert_eq!(head.headline.map(|h| h.sure), Some(Sureness::Check));
        let url = PageUrl::parse(
            "https://baq.kz/qazaqstan-men-tazhikstan-yntymaqtastygy-zhana-kezenge-otedi-320017898/",
        );
        let text = format!("Қазақстан мен Тәжікстан ынтымақтастығы жаңа кезеңге өтеді\n\n{LEAD}");
        let head = read(lines(&text), url.as_ref());
        assert_eq!(head.headline.map(|h| h.sure), Some(Sureness::Certain));
    }
}
