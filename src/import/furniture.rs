//! Page furniture: the menus, share buttons, counters, related-link blocks, legal lines and scraping
//! debris that a text copied from a news page carries around the article.
//!
//! The rule of the module is to be conservative. A line is dropped only when it matches a known
//! shape of furniture, in Kazakh, Tajik, Uzbek (both scripts), Russian or English. Shapes that could
//! also be article text (a menu word, a share verb, a network name) count only when the line does not
//! read as prose; a line of eight or more words ending in a period is never dropped, except for the
//! few kinds of furniture that are written as whole sentences (`boilerplate`: copyright and reuse
//! notices, cookie notices, "subscribe to our channel" calls, comment-form labels and "Read also:"
//! lines). Headlines, bullets, photo credits and datelines are left to the importer.
//!
//! The words of each kind of furniture are data: `[chrome]` of `data/languages/<code>.toml`, merged
//! over all languages (a Kazakh page may carry Russian menus).

use serde::Serialize;

use super::lexicon::{ChromeKind as Chrome, CreditKind, lexicon};

/// One line dropped as furniture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removed {
    /// 1-based line number in the input.
    pub line: usize,
    /// The line as it was (without the line break).
    pub text: String,
    /// What kind of furniture it is, e.g. "share buttons", "menu", "view counter".
    pub reason: &'static str,
}

const MENU: &str = "menu";
const BREADCRUMB: &str = "breadcrumb";
const SHARE: &str = "share buttons";
const VIEWS: &str = "view counter";
const COMMENTS: &str = "comments widget";
const WIDGET: &str = "widget";
const DEBRIS: &str = "scraping debris";
const COPYRIGHT: &str = "copyright line";
const RELATED: &str = "related links";
const TAGS: &str = "tag list";
const COOKIE: &str = "cookie notice";
const SUBSCRIBE: &str = "subscription call";
const APPS: &str = "app store buttons";
const URL: &str = "bare URL";
const SYMBOLS: &str = "symbols only";

/// Splits the text into lines and drops furniture lines. Returns the kept lines as (1-based line
/// number, text) and what was removed. Kept lines are returned unchanged (only a trailing `\r` is
/// dropped); lines of only whitespace are kept as empty strings so paragraph breaks survive.
pub fn strip(text: &str) -> (Vec<(usize, String)>, Vec<Removed>) {
    let lines: Vec<Line> = text.lines().map(Line::new).collect();
    let n = lines.len();
    let mut reason: Vec<Option<&'static str>> = vec![None; n];

    // Rubric words ("Политика", "Саясат") are only furniture above or below the article: inside it
    // the same word on its own line may be a subheading.
    let first_prose = lines.iter().position(|l| l.prose && l.words >= 5);
    let last_prose = lines.iter().rposition(|l| l.prose && l.words >= 5);

    let mut block: Option<Block> = None;
    for (i, l) in lines.iter().enumerate() {
        if l.t.is_empty() {
            // A blank line closes a block once it has items, so a "Read also" list cannot run on
            // into the article's next paragraph.
            if block.as_ref().is_some_and(|b| b.items > 0) {
                block = None;
            }
            continue;
        }
        if let Some(b) = block.as_mut() {
            if b.accepts(l) {
                reason[i] = Some(b.kind.reason());
                b.items += 1;
                if b.items >= b.kind.max_items() {
                    block = None;
                }
                continue;
            }
            block = None;
        }
        let in_margin = first_prose.is_none_or(|f| i < f) || last_prose.is_none_or(|p| i > p);
        if let Some((r, opens)) = classify(l, in_margin) {
            reason[i] = Some(r);
            block = opens.map(|kind| Block { kind, items: 0 });
        }
    }
    absorb_menu_neighbours(&lines, &mut reason);

    let mut kept = Vec::with_capacity(n);
    let mut removed = Vec::new();
    for (i, (l, r)) in lines.iter().zip(reason).enumerate() {
        match r {
            Some(reason) => removed.push(Removed {
                line: i + 1,
                text: l.raw.to_string(),
                reason,
            }),
            None if l.t.is_empty() => kept.push((i + 1, String::new())),
            None => kept.push((i + 1, l.raw.to_string())),
        }
    }
    (kept, removed)
}

/// A line with what the rules look at computed once.
struct Line<'a> {
    /// The line without its line break.
    raw: &'a str,
    /// Trimmed of whitespace and of the invisible characters pages leave (BOM, zero-width space).
    t: &'a str,
    /// Lowercased, apostrophes unified, `ё` as `е`, trimmed of punctuation: what vocabularies match.
    key: String,
    /// Whitespace-separated tokens that contain a letter or digit.
    words: usize,
    /// Reads as a sentence: enough words and a sentence-final mark.
    prose: bool,
    /// Eight or more words ending in a period: only [`boilerplate`] may drop it.
    protected: bool,
}

impl<'a> Line<'a> {
    fn new(raw: &'a str) -> Self {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let t = raw.trim_matches(is_blank_char);
        let words = t
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        Line {
            raw,
            t,
            key: key(t),
            words,
            prose: reads_as_prose(t, words),
            protected: words >= 8 && t.ends_with('.'),
        }
    }
}

fn is_blank_char(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

fn reads_as_prose(t: &str, words: usize) -> bool {
    let Some(last) = t.chars().last() else {
        return false;
    };
    // "Loading...", "Читать далее..." end in dots but are buttons, not sentences.
    if (t.ends_with("...") || t.ends_with('…')) && words <= 3 {
        return false;
    }
    let closing_after_stop = last == ')' && {
        let mut rev = t.chars().rev();
        rev.next();
        matches!(rev.next(), Some('.' | '!' | '?'))
    };
    match last {
        '.' | '!' | '?' | '…' => words >= 2,
        '»' | '”' | '"' | '“' | ';' => words >= 3,
        // A colon ends a sentence that introduces what follows ("…баррасӣ шуданд:"), but also a
        // label ("Поделиться:"), so it needs more words.
        ':' => words >= 4,
        _ => closing_after_stop && words >= 2,
    }
}

/// Normalised form of a line or phrase for vocabulary look-ups.
pub(super) fn key(t: &str) -> String {
    let lower: String = t
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '‘' | '’' | '`' | 'ʻ' | 'ʼ' | '´' | 'ʹ' => '\'',
            'ё' => 'е',
            _ => c,
        })
        .collect();
    lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-')))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Tokens of a key, for rules that look at every word of a line.
fn tokens(key: &str) -> impl Iterator<Item = &str> {
    key.split(' ').filter(|w| !w.is_empty())
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum BlockKind {
    Related,
    Tags,
    Cookie,
}

impl BlockKind {
    fn reason(self) -> &'static str {
        match self {
            BlockKind::Related => RELATED,
            BlockKind::Tags => TAGS,
            BlockKind::Cookie => COOKIE,
        }
    }
    fn max_items(self) -> usize {
        match self {
            BlockKind::Related => 12,
            BlockKind::Tags => 20,
            BlockKind::Cookie => 2,
        }
    }
}

/// The lines under a "Read also:" or "Tags:" header, or the buttons under a cookie notice.
struct Block {
    kind: BlockKind,
    items: usize,
}

impl Block {
    fn accepts(&self, l: &Line) -> bool {
        if l.protected || is_bullet(l.t) || is_photo_credit(l) {
            return false;
        }
        match self.kind {
            // Other articles' headlines: no sentence end (a headline may ask or exclaim), or a
            // date/time line that goes with them.
            BlockKind::Related => {
                l.words <= 25
                    && (!l.prose
                        || (l.words <= 15 && (l.t.ends_with('?') || l.t.ends_with('!')))
                        || !l.t.chars().any(char::is_alphabetic))
            }
            BlockKind::Tags => !l.prose && l.words <= 4,
            BlockKind::Cookie => l.words <= 3 && !l.prose && in_list(&l.key, Chrome::CookieButtons),
        }
    }
}

fn classify(l: &Line, in_margin: bool) -> Option<(&'static str, Option<BlockKind>)> {
    if is_bullet(l.t) || is_photo_credit(l) {
        return None;
    }
    if let Some(r) = boilerplate(l.t) {
        let opens = (r == COOKIE).then_some(BlockKind::Cookie);
        return Some((r, opens));
    }
    if l.protected {
        return None;
    }
    if !l.t.chars().any(char::is_alphanumeric) {
        return Some((SYMBOLS, None));
    }
    if is_debris(l) {
        return Some((DEBRIS, None));
    }
    if is_bare_url(l.t) {
        return Some((URL, None));
    }
    if is_hashtags(l.t) {
        return Some((TAGS, None));
    }
    if let Some(r) = counter(l) {
        return Some((r, None));
    }
    if let Some(found) = block_header(l) {
        return Some(found);
    }
    if l.prose {
        return None;
    }
    // From here on the shapes could be article words, so only non-sentences qualify.
    if l.words <= 12
        && (phrases(Chrome::AppStores).any(|a| l.key.contains(a))
            || in_list(&l.key, Chrome::AppCalls))
    {
        return Some((APPS, None));
    }
    if let Some(r) = separated_menu(l) {
        return Some((r, None));
    }
    if let Some(r) = vocabulary_line(l, in_margin) {
        return Some((r, None));
    }
    None
}

fn is_bullet(t: &str) -> bool {
    let mut chars = t.chars();
    matches!(
        chars.next(),
        Some('•' | '▪' | '●' | '◦' | '‣' | '-' | '–' | '—' | '*')
    ) && chars.any(char::is_alphanumeric)
}

fn is_photo_credit(l: &Line) -> bool {
    let lower = l.t.to_lowercase();
    lexicon()
        .credits(CreditKind::MediaLabels)
        .iter()
        .any(|label| {
            let Some(rest) = lower.strip_prefix(label) else {
                return false;
            };
            let rest_trim = rest.trim_start();
            if let Some(after) = rest_trim
                .strip_prefix(':')
                .or_else(|| rest_trim.strip_prefix('/'))
            {
                // "Фото:" alone is still a credit label; the credit may be on the next line.
                return after.trim().is_empty() || after.chars().any(char::is_alphanumeric);
            }
            // "Фото пресс-службы Акорды" is a credit, "Фото Видео" is a menu.
            rest.starts_with(char::is_whitespace)
                && !tokens(&key(rest))
                    .all(|w| in_list(w, Chrome::Nav) || in_list(w, Chrome::Rubrics))
        })
}

/// Furniture written as whole sentences; the only kinds that may drop a long line ending in a
/// period.
fn boilerplate(t: &str) -> Option<&'static str> {
    let words = t.split_whitespace().count();
    let lower = key(t);
    let has = |kind| phrases(kind).any(|p| lower.contains(p));
    if words <= 40 && (is_copyright_mark(t) || has(Chrome::Rights) || has(Chrome::Reuse)) {
        return Some(COPYRIGHT);
    }
    if words <= 60 && has(Chrome::Cookie) {
        return Some(COOKIE);
    }
    if words <= 30 && has(Chrome::SubscribeCalls) && has(Chrome::Channels) {
        return Some(SUBSCRIBE);
    }
    if words <= 20 && has(Chrome::CommentForms) {
        return Some(COMMENTS);
    }
    if words <= 40 {
        let lower_t = t.to_lowercase().replace(['‘', '’', '`', 'ʻ', 'ʼ'], "'");
        let lower_t = lower_t.trim_start_matches(|c: char| !c.is_alphanumeric());
        for h in phrases(Chrome::ReadAlso) {
            if let Some(rest) = lower_t.strip_prefix(h) {
                let rest = rest.trim_start();
                if rest.starts_with([':', '—', '–', '»', '→', '>'])
                    && rest.chars().any(char::is_alphanumeric)
                {
                    return Some(RELATED);
                }
            }
        }
    }
    None
}

fn is_copyright_mark(t: &str) -> bool {
    if t.contains('©') {
        return true;
    }
    let lower = t.to_lowercase();
    for mark in ["(c)", "(с)"] {
        if lower.starts_with(mark) {
            return true;
        }
        // "(c) 2025" anywhere; a bare "(c)" mid-line is more often a list item "a), b), c)".
        if let Some(pos) = lower.find(mark) {
            let after = lower[pos + mark.len()..].trim_start();
            if after.starts_with("19") || after.starts_with("20") {
                return true;
            }
        }
    }
    lower.contains("copyright")
}

fn is_debris(l: &Line) -> bool {
    if in_list(&l.key, Chrome::Debris) {
        return true;
    }
    let t = l.t;
    if !t.is_ascii() {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    // Markup and template fragments left by a scraper.
    if (lower.starts_with('<') && lower.ends_with('>'))
        || lower.starts_with("{{")
        || lower.starts_with("{%")
        || lower.starts_with("javascript:")
    {
        return true;
    }
    // A theme's placeholder or a template variable ("spot_img"): one ASCII token with an underscore.
    if !lower.contains(char::is_whitespace) && lower.contains('_') && !lower.contains('/') {
        return true;
    }
    // A script error printed into the page: ASCII only, so never a line of a Cyrillic article.
    // These are the messages of browsers and servers, the same whatever the page's language, and
    // some are matched with their colon or space, so they stay here rather than in a language file.
    const ERRORS: &[&str] = &[
        "error:",
        "error ",
        "typeerror",
        "referenceerror",
        "syntaxerror",
        "uncaught",
        "warning:",
        "notice:",
        "fatal error",
        "exception:",
        "failed to load",
        "cannot read propert",
        "stack trace",
    ];
    l.words <= 20 && ERRORS.iter().any(|e| lower.starts_with(e))
}

fn is_url_token(w: &str) -> bool {
    let w = w.trim_matches(|c: char| {
        matches!(
            c,
            '<' | '>' | '(' | ')' | '[' | ']' | '"' | '«' | '»' | ',' | ';'
        )
    });
    if w.is_empty() || !w.is_ascii() {
        return false;
    }
    let lower = w.to_ascii_lowercase();
    if lower.contains("://") || lower.starts_with("www.") {
        return true;
    }
    // "t.me/kazinform" is a link; a bare "gov.kz" may be a source attribution, so it stays.
    let Some((host, _path)) = lower.split_once('/') else {
        return false;
    };
    let Some((_, tld)) = host.rsplit_once('.') else {
        return false;
    };
    (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic())
}

fn is_bare_url(t: &str) -> bool {
    let mut any = false;
    for w in t.split_whitespace() {
        if !is_url_token(w) {
            return false;
        }
        any = true;
    }
    any
}

fn is_hashtags(t: &str) -> bool {
    let mut any = false;
    for w in t.split_whitespace() {
        if !(w.starts_with('#') && w.chars().any(char::is_alphabetic)) {
            return false;
        }
        any = true;
    }
    any
}

/// A time or a numeric date ("14:32", "27.08.2025", "2025-08-27"): a counter line with one stays,
/// because the importer reads publication dates from it. A bare number, even 2025, is a count.
fn has_date_or_time(t: &str) -> bool {
    let chars: Vec<char> = t.chars().collect();
    let digit_run = |start: usize| {
        chars[start..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let run = digit_run(i);
        let next = chars.get(i + run).copied();
        let after = chars.get(i + run + 1).is_some_and(|c| c.is_ascii_digit());
        if run <= 2 && matches!(next, Some(':' | '.' | '/')) && after {
            return true;
        }
        if run == 4 && matches!(next, Some('-' | '.' | '/')) && after {
            return true;
        }
        i += run;
    }
    false
}

fn is_counter_emoji(c: char) -> bool {
    matches!(
        c,
        '👁' | '👀'
            | '💬'
            | '🗨'
            | '❤'
            | '♥'
            | '👍'
            | '👎'
            | '🔥'
            | '⭐'
            | '★'
            | '♡'
            | '🖤'
            | '💙'
    )
}

/// View counters, comment counters, likes and reading time: a label and a number, or an icon and
/// a number.
fn counter(l: &Line) -> Option<&'static str> {
    if l.words > 6 || has_date_or_time(l.t) {
        return None;
    }
    let mut label = None;
    let mut number = false;
    let mut icon = false;
    for raw in l.t.split_whitespace() {
        if raw.chars().any(is_counter_emoji) {
            icon = true;
        }
        let w = key(raw);
        if w.is_empty() {
            continue;
        }
        if w.chars().any(|c| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | 'k' | 'к' | 'm' | 'м' | '+'))
        {
            number = true;
            continue;
        }
        if let Some(kind) = counter_label(&w) {
            label.get_or_insert(kind);
            continue;
        }
        if in_list(&w, Chrome::CounterFillers) {
            continue;
        }
        return None;
    }
    match (label, number, icon) {
        (Some(kind), true, _) => Some(kind),
        (None, true, true) => Some(VIEWS),
        // "Комментарии" alone is a widget heading; "Просмотров" alone is a counter that lost its
        // number.
        (Some(kind), false, _) if in_list(&l.key, Chrome::LoneCounterLabels) => Some(kind),
        _ => None,
    }
}

fn counter_label(w: &str) -> Option<&'static str> {
    // Stems only where no ordinary word starts the same way: "оқу" would also match "оқушылар"
    // (pupils) and "показ" "показатель", so those are whole words.
    let stem = |kind| phrases(kind).any(|p| w.starts_with(p));
    if stem(Chrome::CommentStems) || in_list(w, Chrome::CommentWords) {
        Some(COMMENTS)
    } else if stem(Chrome::ViewStems) || in_list(w, Chrome::ViewWords) {
        Some(VIEWS)
    } else {
        None
    }
}

/// "Read also:" or "Tags:" on its own line opens a block; followed by a headline or a list on the
/// same line it is dropped alone.
fn block_header(l: &Line) -> Option<(&'static str, Option<BlockKind>)> {
    if in_list(&l.key, Chrome::RelatedHeaders) || in_list(&l.key, Chrome::ReadAlso) {
        return Some((RELATED, Some(BlockKind::Related)));
    }
    if in_list(&l.key, Chrome::TagHeaders) {
        return Some((TAGS, Some(BlockKind::Tags)));
    }
    // "По теме: <headline>", "Теги: Қазақстан, Тәжікстан".
    let (head, rest) = l.t.split_once(':')?;
    let head = key(head);
    if rest.trim().is_empty() || l.words > 30 {
        return None;
    }
    if in_list(&head, Chrome::TagHeaders) {
        return Some((TAGS, None));
    }
    if in_list(&head, Chrome::RelatedHeaders) && !reads_as_prose(rest.trim(), l.words) {
        return Some((RELATED, None));
    }
    None
}

/// Menus and breadcrumbs written on one line with separators: "Басты бет | Жаңалықтар | Саясат",
/// "Главная / Новости", "Facebook · Telegram".
fn separated_menu(l: &Line) -> Option<&'static str> {
    let t = l.t;
    let spaced = [
        " / ", " » ", " › ", " > ", " → ", " · ", " • ", " \\ ", " :: ",
    ];
    let mut parts: Vec<&str> = vec![t];
    for sep in std::iter::once("|").chain(spaced) {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    let segments: Vec<String> = parts
        .iter()
        .map(|p| key(p))
        .filter(|k| !k.is_empty())
        .collect();
    if segments.len() < 2 {
        return None;
    }
    if in_list(&segments[0], Chrome::Home) {
        // "Главная / Новости" is a trail to the page; "Басты бет | Жаңалықтар" is the site menu.
        return Some(if t.contains('|') { MENU } else { BREADCRUMB });
    }
    if segments.iter().all(|s| share_words(s)) {
        return Some(SHARE);
    }
    let short = segments.iter().all(|s| tokens(s).count() <= 3);
    if !short {
        return None;
    }
    let known = segments
        .iter()
        .filter(|s| {
            in_list(s, Chrome::Nav) || in_list(s, Chrome::Rubrics) || in_list(s, Chrome::Languages)
        })
        .count();
    let piped = t.matches('|').count() >= 2;
    if known * 2 >= segments.len() || (piped && segments.len() >= 3) {
        return Some(MENU);
    }
    None
}

/// Whether every word of a segment is a share button word, and one of them names a network or the
/// act of sharing (so "в" or "мен" alone do not count).
fn share_words(s: &str) -> bool {
    let mut strong = false;
    for w in tokens(s) {
        if in_list(w, Chrome::Networks) || in_list(w, Chrome::ShareVerbs) {
            strong = true;
        } else if !in_list(w, Chrome::ShareFillers) {
            return false;
        }
    }
    strong
}

/// Short non-sentence lines made of known furniture words.
fn vocabulary_line(l: &Line, in_margin: bool) -> Option<&'static str> {
    let k = l.key.as_str();
    if k.is_empty() {
        return None;
    }
    if in_list(k, Chrome::Home) || in_list(k, Chrome::Nav) || in_list(k, Chrome::Languages) {
        return Some(MENU);
    }
    if in_list(k, Chrome::Widgets) {
        return Some(WIDGET);
    }
    if in_list(k, Chrome::ShareLines) {
        return Some(SHARE);
    }
    if in_list(k, Chrome::CommentWidgets) {
        return Some(COMMENTS);
    }
    if in_list(k, Chrome::SubscribeButtons) {
        return Some(SUBSCRIBE);
    }
    if is_age_mark(l.t) {
        return Some(WIDGET);
    }
    if l.words <= 12 && share_words(k) {
        return Some(SHARE);
    }
    if l.words <= 6 && share_start(k) {
        return Some(SHARE);
    }
    // "Главная Новости Политика Экономика": a menu copied without separators.
    let n = tokens(k).count();
    if n >= 3
        && tokens(k).all(|w| {
            in_list(w, Chrome::Nav)
                || in_list(w, Chrome::Rubrics)
                || in_list(w, Chrome::Languages)
                || in_list(w, Chrome::Home)
        })
    {
        return Some(MENU);
    }
    if in_margin && in_list(k, Chrome::Rubrics) {
        return Some(MENU);
    }
    None
}

/// A share button's words glued before a paragraph (`Рассказать друзьям Душанбе. 22 августа. …`):
/// the button's words and the rest of the line. The button is empty when the line opens with
/// none.
pub fn leading_chrome(line: &str) -> (&str, &str) {
    let words: Vec<(usize, &str)> = line
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
        .collect();
    for n in (1..=4.min(words.len().saturating_sub(1))).rev() {
        let phrase = key(&words[..n]
            .iter()
            .map(|(_, w)| *w)
            .collect::<Vec<_>>()
            .join(" "));
        if in_list(&phrase, Chrome::ShareLines) {
            let at = words[n].0;
            return (&line[..at], &line[at..]);
        }
    }
    ("", line)
}

/// Whether a line begins like a share button's label ("Поделиться этой новостью").
fn share_start(k: &str) -> bool {
    phrases(Chrome::ShareStarts)
        .any(|v| k.strip_prefix(v).is_some_and(|rest| rest.starts_with(' ')))
        || phrases(Chrome::SharePrefixes).any(|v| k.starts_with(v))
}

fn is_age_mark(t: &str) -> bool {
    let digits = t.strip_suffix('+').unwrap_or("");
    (1..=2).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
}

/// A short line between two menu lines is a menu item this module has no word for
/// ("Главная / Казахстан / Мир" written one per line), and a rubric word next to a menu is part of it.
fn absorb_menu_neighbours(lines: &[Line], reason: &mut [Option<&'static str>]) {
    let is_menu = |r: Option<&'static str>| matches!(r, Some(MENU) | Some(BREADCRUMB));
    // Each pass can only add lines, so a few passes settle any run.
    for _ in 0..4 {
        let mut changed = false;
        for i in 0..lines.len() {
            let l = &lines[i];
            if reason[i].is_some() || l.t.is_empty() || l.prose || is_bullet(l.t) {
                continue;
            }
            let prev = (0..i).rev().find(|&j| !lines[j].t.is_empty());
            let next = (i + 1..lines.len()).find(|&j| !lines[j].t.is_empty());
            let prev_menu = prev.is_some_and(|j| is_menu(reason[j]));
            let next_menu = next.is_some_and(|j| is_menu(reason[j]));
            let plain_item = l.words <= 3 && !l.t.chars().any(|c| c.is_ascii_digit());
            if (plain_item && prev_menu && next_menu)
                || (in_list(&l.key, Chrome::Rubrics) && (prev_menu || next_menu))
            {
                reason[i] = Some(MENU);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

fn in_list(k: &str, kind: Chrome) -> bool {
    lexicon().chrome(kind).contains(k)
}

fn phrases(kind: Chrome) -> impl Iterator<Item = &'static str> {
    lexicon().chrome(kind).iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons(text: &str) -> Vec<(usize, &'static str)> {
        strip(text)
            .1
            .into_iter()
            .map(|r| (r.line, r.reason))
            .collect()
    }

    fn removed_reason(line: &str) -> Option<&'static str> {
        let (_, removed) = strip(line);
        removed.first().map(|r| r.reason)
    }

    #[track_caller]
    fn assert_dropped(line: &str, reason: &str) {
        assert_eq!(removed_reason(line), Some(reason), "{line:?}");
    }

    #[track_caller]
    fn assert_kept(line: &str) {
        assert_eq!(removed_reason(line), None, "{line:?} was dropped");
    }

    /// A line of article prose so that rubric words around it are in the page's margin.
    const BODY: &str = "Тараптар екі ел арасындағы сауда-экономикалық ынтымақтастықты талқылады.";

    #[test]
    fn menus_in_each_language() {
        assert_dropped("Басты бет | Жаңалықтар | Саясат", MENU);
        assert_dropped("Жаңалықтар | Саясат | Экономика | Қоғам", MENU);
        assert_dropped("Главная / Новости", BREADCRUMB);
        assert_dropped(
            "Главная » Новости » Политика » Казахстан и Таджикистан обсудили транзит",
            BREADCRUMB,
        );
        assert_dropped("Новости | Политика | Экономика", MENU);
        assert_dropped("Саҳифаи асосӣ / Хабарҳо / Сиёсат", BREADCRUMB);
        assert_dropped("Хабарҳо | Сиёсат | Иқтисод | Варзиш", MENU);
        assert_dropped("Бош саҳифа › Янгиликлар", BREADCRUMB);
        assert_dropped("Янгиликлар | Сиёсат | Жамият", MENU);
        assert_dropped("Bosh sahifa / Yangiliklar / Siyosat", BREADCRUMB);
        assert_dropped("Рус | Қаз | Eng", MENU);
        assert_dropped("Главная Новости Политика Экономика", MENU);
        assert_dropped("Жаңалықтар", MENU);
        assert_dropped("Хабарҳо", MENU);
        assert_dropped("Yangiliklar", MENU);
        assert_dropped("Меню", MENU);
    }

    #[test]
    fn menu_one_item_per_line_and_rubrics_in_the_margin() {
        let text = format!(
            "Главная\nНовости\nКазахстан и мир\nПолитика\n\nСаясат\nҚазақстан мен Тәжікстан келіссөз жүргізді\n{BODY}\n\nЭкономика\n{BODY}\n"
        );
        let r = reasons(&text);
        assert!(
            r.contains(&(1, MENU)) && r.contains(&(2, MENU)) && r.contains(&(4, MENU)),
            "{r:?}"
        );
        // An unknown short item between two menu items is part of the menu.
        assert!(r.contains(&(3, MENU)), "{r:?}");
        // A rubric above the headline is furniture…
        assert!(r.contains(&(6, MENU)), "{r:?}");
        // …but the headline is not, and neither is a one-word subheading inside the article.
        assert!(!r.iter().any(|&(l, _)| l == 7 || l == 10), "{r:?}");
    }

    #[test]
    fn share_buttons_glued_before_a_paragraph() {
        assert_eq!(
            leading_chrome("Рассказать друзьям Душанбе. 22 августа. KAZAKHSTAN TODAY — Текст."),
            (
                "Рассказать друзьям ",
                "Душанбе. 22 августа. KAZAKHSTAN TODAY — Текст."
            )
        );
        assert_eq!(
            leading_chrome("Душанбе. 22 августа."),
            ("", "Душанбе. 22 августа.")
        );
        assert_eq!(
            leading_chrome("Рассказать друзьям"),
            ("", "Рассказать друзьям")
        );
    }

    #[test]
    fn share_buttons_in_each_language() {
        assert_dropped("Поделиться", SHARE);
        assert_dropped("Поделиться:", SHARE);
        assert_dropped("Поделиться в соцсетях", SHARE);
        assert_dropped("Бөлісу:", SHARE);
        assert_dropped("Facebook Twitter Telegram WhatsApp", SHARE);
        assert_dropped("Facebook | Telegram | ВКонтакте | Одноклассники", SHARE);
        assert_dropped("Share", SHARE);
        assert_dropped("Мубодила", SHARE);
        assert_dropped("Улашиш:", SHARE);
        assert_dropped("Ulashish", SHARE);
        assert_dropped("Telegram", SHARE);
        assert_dropped("Скопировать ссылку", SHARE);
        assert_dropped("Хабарро таблиғ кунед:", SHARE);
        assert_dropped("Share post:", SHARE);
    }

    #[test]
    fn counters_and_widgets_in_each_language() {
        assert_dropped("Просмотров: 1 234", VIEWS);
        assert_dropped("👁 523", VIEWS);
        assert_dropped("👁 1,2K", VIEWS);
        assert_dropped("Комментарии (0)", COMMENTS);
        assert_dropped("Комментарии", COMMENTS);
        assert_dropped("Оқылды: 120", VIEWS);
        assert_dropped("Қаралым саны: 4 512", VIEWS);
        assert_dropped("Пікірлер (3)", COMMENTS);
        assert_dropped("Тамошо: 87", VIEWS);
        assert_dropped("Шарҳҳо (0)", COMMENTS);
        assert_dropped("Кўрилди: 1 045", VIEWS);
        assert_dropped("Ko‘rildi: 1 045", VIEWS);
        assert_dropped("Izohlar: 0", COMMENTS);
        assert_dropped("Views: 2,310", VIEWS);
        assert_dropped("Время чтения: 3 мин", VIEWS);
        assert_dropped("Оставить комментарий", COMMENTS);
        assert_dropped("Пікір қалдыру", COMMENTS);
        assert_dropped("Читать далее...", WIDGET);
        assert_dropped("Толығырақ", WIDGET);
        assert_dropped("Батафсил", WIDGET);
        assert_dropped("Версия для печати", WIDGET);
        assert_dropped("18+", WIDGET);
        assert_dropped("1 daqiqa o‘qiladi", VIEWS);
        assert_dropped("2 минут оқылады", VIEWS);
        assert_dropped("Оставьте первый комментарий", COMMENTS);
        assert_dropped("Пожалуйста, введите ваш комментарий!", COMMENTS);
        assert_dropped("Recent comments", COMMENTS);
        assert_dropped("БЕШТАР БИХОНЕД", WIDGET);
        assert_dropped("Read More", WIDGET);
        assert_dropped("Напишите нам", MENU);
        assert_dropped("РУ", MENU);
        // A date with a counter stays: the importer reads the date.
        assert_kept("27.08.2025 14:32 👁 523");
        assert_kept("14:32");
        assert_dropped("Просмотров: 1234", VIEWS);
        // Statistics, not counters.
        assert_kept("Оқушылар саны: 1 200");
        assert_kept("Показатель: 5");
        assert_kept("Дидор: 2");
    }

    #[test]
    fn words_written_with_yo_are_caught_like_the_others() {
        // The key reads ё as е, so the lists hold "сиесат": "Сиёсат" and "Сиесат" are one word.
        assert_dropped("Бизга ёзинг", MENU);
        assert_dropped("Ёпиш", WIDGET);
        assert_dropped("Изоҳ ёзиш", COMMENTS);
        let text = format!("Сиёсат\n{BODY}");
        assert_eq!(reasons(&text), vec![(1, MENU)]);
        assert_dropped("Хабарҳо | Сиёсат", MENU);
    }

    #[test]
    fn related_links_and_tags_in_each_language() {
        let text = "Президенты обсудили сотрудничество.\n\nЧитайте также:\nКазахстан и Таджикистан подписали соглашение о транзите\nТокаев провёл телефонный разговор с Рахмоном\n\nНа встрече также обсудили водные ресурсы.";
        let r = reasons(text);
        assert_eq!(r, vec![(3, RELATED), (4, RELATED), (5, RELATED)]);

        assert_dropped(
            "Читайте также: Казахстан и Таджикистан подписали соглашение о дружбе",
            RELATED,
        );
        assert_dropped("Тақырып бойынша", RELATED);
        assert_dropped(
            "Сондай-ақ оқыңыз: Тоқаев Рахмонмен телефон арқылы сөйлесті",
            RELATED,
        );
        assert_dropped("Мавзӯъҳои марбут", RELATED);
        assert_dropped(
            "Инчунин хонед: Президенти Тоҷикистон ба Остона сафар кард",
            RELATED,
        );
        assert_dropped("Шунингдек, ўқинг:", RELATED);
        assert_dropped("Мавзуга оид", RELATED);
        assert_dropped("Read also: Tokayev, Rahmon discuss water issues", RELATED);
        // A "read more" button does not open a block that could take the next line with it.
        let text = format!("{BODY}\nRead More\nЭкономика\n{BODY}");
        assert_eq!(reasons(&text), vec![(2, WIDGET)]);

        assert_dropped("Теги: Казахстан, Таджикистан, парламент", TAGS);
        assert_dropped("Тегтер: Қазақстан, Тәжікстан", TAGS);
        assert_dropped("Тэгҳо: Тоҷикистон, Қазоқистон", TAGS);
        assert_dropped("Теглар: Қозоғистон, Тожикистон", TAGS);
        assert_dropped("#Қазақстан #Тәжікстан #парламент", TAGS);
        let text = "Тегтер:\nҚазақстан\nТәжікстан\nПарламент\n\nСоңғы абзац мұнда жазылған, ол мақаланың бөлігі.";
        assert_eq!(
            reasons(text),
            vec![(1, TAGS), (2, TAGS), (3, TAGS), (4, TAGS)]
        );
    }

    #[test]
    fn legal_cookie_subscription_and_app_lines() {
        assert_dropped("© 2025 Kazinform. Барлық құқықтар қорғалған", COPYRIGHT);
        assert_dropped(
            "© 2025 «Kazinform» халықаралық ақпарат агенттігі. Барлық құқықтар қорғалған.",
            COPYRIGHT,
        );
        assert_dropped("© 2024 Все права защищены.", COPYRIGHT);
        assert_dropped(
            "При использовании материалов гиперссылка на сайт обязательна.",
            COPYRIGHT,
        );
        assert_dropped("Ҳамаи ҳуқуқҳо ҳифз шудаанд. © Ховар, 2025", COPYRIGHT);
        assert_dropped("Барча ҳуқуқлар ҳимояланган.", COPYRIGHT);
        assert_dropped("(c) 2025 Kun.uz. Barcha huquqlar himoyalangan.", COPYRIGHT);

        assert_dropped(
            "Мы используем файлы cookie, чтобы сайт работал лучше. Продолжая пользоваться сайтом, вы соглашаетесь с этим.",
            COOKIE,
        );
        let text = "Сайт cookie файлдарын пайдаланады.\nҚабылдау\n";
        assert_eq!(reasons(text), vec![(1, COOKIE), (2, COOKIE)]);

        assert_dropped("Подписывайтесь на наш Telegram-канал", SUBSCRIBE);
        assert_dropped(
            "Подписывайтесь на наш Telegram-канал, чтобы первыми узнавать главные новости.",
            SUBSCRIBE,
        );
        assert_dropped("Біздің Telegram арнамызға жазылыңыз!", SUBSCRIBE);
        assert_dropped("Ба канали мо дар Telegram обуна шавед", SUBSCRIBE);
        assert_dropped("Telegram каналимизга обуна бўлинг", SUBSCRIBE);
        assert_dropped("Telegram kanalimizga obuna bo'ling", SUBSCRIBE);
        assert_dropped(
            "Хабарҳои моро дар Telegram пайгирӣ намоед ва ба канали мо ҳамроҳ шавед.",
            SUBSCRIBE,
        );
        assert_dropped("Подписаться", SUBSCRIBE);

        assert_dropped("Скачать в App Store", APPS);
        assert_dropped("Google Play | App Store | AppGallery", APPS);
        assert_dropped("Download on the App Store", APPS);
    }

    #[test]
    fn debris_urls_and_symbols() {
        for d in [
            "error:",
            "error",
            "undefined",
            "null",
            "Loading...",
            "Загрузка...",
            "[object Object]",
            "NaN",
        ] {
            assert_dropped(d, DEBRIS);
        }
        assert_dropped(
            "TypeError: Cannot read properties of undefined (reading 'map')",
            DEBRIS,
        );
        assert_dropped("<div class=\"share\"></div>", DEBRIS);
        assert_dropped("spot_imgspot_img", DEBRIS);
        assert_dropped("https://kazinform.kz/news/12345", URL);
        assert_dropped("www.khovar.tj", URL);
        assert_dropped("t.me/kazinform_news", URL);
        assert_dropped("***", SYMBOLS);
        assert_dropped("• • •", SYMBOLS);
        assert_dropped("—", SYMBOLS);
        // A bare domain can be the source the importer names as outlet.
        assert_kept("BAQ.KZ");
        assert_kept("Kazinform");
    }

    #[test]
    fn real_sentences_that_look_risky_are_kept() {
        for line in [
            "Бұл туралы министрлік Telegram-арнасында хабарлады.",
            "Министр Telegram арқылы мәлімдеме жасады.",
            "Об этом сообщается в Telegram-канале пресс-службы Акорды.",
            "Дар ин бора дар канали Telegram-и Вазорати корҳои хориҷӣ хабар доданд.",
            "Басты назар экономикалық ынтымақтастыққа аударылды.",
            "Басты мәселе – су ресурстары.",
            "Главная тема встречи – транзит.",
            "Переговоры продолжатся.",
            "Кездесу өтті.",
            "Встреча прошла в Душанбе.",
            "Тараптар бөлісу тетігін талқылады.",
            "Более миллиона человек подписались на канал президента.",
            "Facebook и Telegram заблокированы в ряде стран, сообщил министр.",
            "Аз ҷумла, самтҳои афзалиятноки ҳамкорӣ баррасӣ шуданд:",
            "Просмотров у ролика больше миллиона, отметил он.",
            "Новости о встрече появились утром.",
            "По теме встречи высказались оба министра.",
        ] {
            assert_kept(line);
        }
    }

    #[test]
    fn headlines_bullets_credits_and_datelines_are_left_to_the_importer() {
        for line in [
            "Қазақстан мен Тәжікстан саяси диалогты одан әрі нығайтуға бейілділігін растады",
            "Тоҷикистон ва Қазоқистон ҳамкории дуҷонибаро тақвият мебахшанд – ИА Караван Инфо",
            "  • Ҳамкории тиҷоративу иқтисодӣ — густариши савдо ва сармоягузорӣ.",
            "- Боиси хушнудист, ки шарикии стратегии Тоҷикистону Қазоқистон густариш меёбад",
            "— Telegram",
            "* Facebook",
            "Сурет: gov.kz",
            "АКС: Маҷлиси миллии Маҷлиси Олии Ҷумҳурии Тоҷикистон",
            "Фото: Акорда",
            "Фото пресс-службы Акорды",
            "Photo: Kazinform",
            "Фото:",
            "ASTANА. Kazinform —",
            "Душанбе, 14 ноябр, – АИ «Корвон Иттилоот».",
            "АСТАНА, 27 августа – Kazinform",
            " date 2025-08-27 Қозоғистон ва Тожикистон парламентлари ҳамкорликни муҳокама қилди",
            "Казахстан",
        ] {
            assert_kept(line);
        }
    }

    #[test]
    fn blank_lines_survive_as_empty_strings_and_text_is_unchanged() {
        let text =
            "Заголовок\r\n  \r\nПервый абзац текста статьи.\r\nПоделиться\r\n\r\nВторой абзац.  ";
        let (kept, removed) = strip(text);
        assert_eq!(
            kept,
            vec![
                (1, "Заголовок".to_string()),
                (2, String::new()),
                (3, "Первый абзац текста статьи.".to_string()),
                (5, String::new()),
                (6, "Второй абзац.  ".to_string()),
            ]
        );
        assert_eq!(
            removed,
            vec![Removed {
                line: 4,
                text: "Поделиться".to_string(),
                reason: SHARE
            }]
        );
    }

    #[test]
    fn a_page_copied_whole() {
        let page = "\
Басты бет | Жаңалықтар | Саясат
Саясат
Қазақстан мен Тәжікстан транзит әлеуетін талқылады
27.08.2025 14:32
👁 523
Бөлісу:
Facebook Twitter Telegram WhatsApp

Астана. Қазақстан мен Тәжікстан сыртқы істер министрлері транзит әлеуетін талқылады.

Бұл туралы министрлік Telegram-арнасында хабарлады.

Тегтер: Қазақстан, Тәжікстан
Тақырып бойынша:
Тоқаев Рахмонмен телефон арқылы сөйлесті
Душанбеде бизнес-форум өтті

Біздің Telegram арнамызға жазылыңыз!
© 2025 Kazinform. Барлық құқықтар қорғалған
error:";
        let (kept, removed) = strip(page);
        let kept_lines: Vec<usize> = kept
            .iter()
            .filter(|(_, t)| !t.is_empty())
            .map(|(n, _)| *n)
            .collect();
        assert_eq!(kept_lines, vec![3, 4, 9, 11], "removed: {removed:#?}");
        let r: Vec<(usize, &str)> = removed.iter().map(|r| (r.line, r.reason)).collect();
        assert_eq!(
            r,
            vec![
                (1, MENU),
                (2, MENU),
                (5, VIEWS),
                (6, SHARE),
                (7, SHARE),
                (13, TAGS),
                (14, RELATED),
                (15, RELATED),
                (16, RELATED),
                (18, SUBSCRIBE),
                (19, COPYRIGHT),
                (20, DEBRIS),
            ]
        );
    }

    const SEEDS: [(&str, &str); 5] = [
        (
            "000",
            include_str!("../../tests/fixtures/raw/000_c2971f3114f27f7e.txt"),
        ),
        (
            "001",
            include_str!("../../tests/fixtures/raw/001_14a85814d9623422.txt"),
        ),
        (
            "002",
            include_str!("../../tests/fixtures/raw/002_4ac4f6e0ac4e3caa.txt"),
        ),
        (
            "003",
            include_str!("../../tests/fixtures/raw/003_66e8fa6394fbc704.txt"),
        ),
        (
            "004",
            include_str!("../../tests/fixtures/raw/004_fdb75db5e4a0ae0c.txt"),
        ),
    ];

    #[test]
    fn the_five_seeds_lose_only_the_error_line_of_000() {
        for (name, text) in SEEDS {
            let (kept, removed) = strip(text);
            assert_eq!(kept.len() + removed.len(), text.lines().count(), "{name}");
            if name == "000" {
                let last = text.lines().count();
                assert_eq!(
                    removed,
                    vec![Removed {
                        line: last,
                        text: "error:".to_string(),
                        reason: DEBRIS
                    }],
                    "{name}"
                );
            } else {
                assert!(removed.is_empty(), "{name}: {removed:#?}");
            }
        }
    }

    #[test]
    fn stripping_twice_changes_nothing_more() {
        for (_, text) in SEEDS {
            let (kept, _) = strip(text);
            let once: Vec<String> = kept.into_iter().map(|(_, t)| t).collect();
            let (again, removed) = strip(&once.join("\n"));
            assert!(removed.is_empty(), "{removed:#?}");
            let again: Vec<String> = again.into_iter().map(|(_, t)| t).collect();
            // Joining drops a trailing empty line; everything else comes back as it was.
            assert_eq!(again[..], once[..again.len()]);
        }
    }

    /// A small deterministic generator, so the property tests need no dependency and fail the same
    use crate::import::testing::Rng;

    /// Pieces that make lines look like furniture, prose, or nothing at all.
    const PIECES: &[&str] = &[
        "Telegram",
        "Поделиться",
        "Бөлісу",
        "Share",
        "error:",
        "undefined",
        "Главная",
        "|",
        "/",
        "»",
        "Просмотров:",
        "👁",
        "523",
        "(0)",
        "Читайте также:",
        "Тақырып бойынша",
        "Теги:",
        "Басты бет",
        "Жаңалықтар",
        "Саясат",
        "App Store",
        "#тег",
        "https://t.me/x",
        "www.a.kz",
        "Facebook",
        "WhatsApp",
        "Оқылды:",
        "Loading...",
        "Фото:",
        "•",
        "—",
        "-",
        "*",
        "***",
        "Қазақстан",
        "мен",
        "Тәжікстан",
        "және",
        "ва",
        "дар",
        "билан",
        "и",
        "в",
        "на",
        "oʻzaro",
        "Raqamli",
        "kodeks",
        "the",
        "of",
        "ӣ",
        "ҷ",
        "ў",
        "ә",
        "«",
        "”",
        "(",
        ")",
        ":",
        ".",
        "!",
        "?",
        "…",
        "\u{200B}",
        "\u{FEFF}",
        "\t",
        "  ",
        "\r",
        "İ",
        "ß",
        "ﬁ",
        "e\u{301}",
        "😀",
        "\u{0}",
        "1 234",
        "14:32",
        "2025",
        "18+",
        "Сурет:",
        "АКС:",
        "Комментарии",
        "Подписывайтесь",
    ];

    fn random_text(rng: &mut Rng) -> String {
        let mut s = String::new();
        for _ in 0..rng.below(40) {
            match rng.below(6) {
                0 => s.push('\n'),
                1 => s.push(' '),
                2 => {
                    // Any scalar value, including unassigned and private-use ones.
                    if let Some(c) = char::from_u32(rng.next() as u32 % 0x11_0000) {
                        s.push(c);
                    }
                }
                _ => s.push_str(rng.pick(PIECES)),
            }
        }
        s
    }

    #[test]
    fn arbitrary_text_never_panics_and_lines_are_accounted_for() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..4000 {
            let text = random_text(&mut rng);
            let (kept, removed) = strip(&text);
            let mut numbers: Vec<usize> = kept
                .iter()
                .map(|k| k.0)
                .chain(removed.iter().map(|r| r.line))
                .collect();
            numbers.sort_unstable();
            let expected: Vec<usize> = (1..=text.lines().count()).collect();
            assert_eq!(numbers, expected, "{text:?}");
        }
        // Arbitrary bytes, read the way the importer will read a file it cannot trust.
        for _ in 0..2000 {
            let bytes: Vec<u8> = (0..rng.below(200)).map(|_| rng.next() as u8).collect();
            let text = String::from_utf8_lossy(&bytes);
            let _ = strip(&text);
        }
    }

    fn word_count(line: &str) -> usize {
        line.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    }

    #[test]
    fn a_line_of_eight_words_ending_in_a_period_is_never_lost() {
        let mut rng = Rng(0xD1B5_4A32_D192_ED03);
        let mut checked = 0;
        for _ in 0..6000 {
            // Sentences built from furniture words as well as ordinary ones, one per line, with
            // furniture lines around them.
            let mut lines = Vec::new();
            for _ in 0..rng.below(6) + 1 {
                let mut line = String::new();
                for w in 0..rng.below(14) + 1 {
                    if w > 0 {
                        line.push(' ');
                    }
                    line.push_str(rng.pick(PIECES));
                }
                if rng.below(2) == 0 {
                    line.push('.');
                }
                lines.push(line);
            }
            let text = lines.join("\n");
            let (kept, _) = strip(&text);
            for (i, line) in text.lines().enumerate() {
                let t = line
                    .strip_suffix('\r')
                    .unwrap_or(line)
                    .trim_matches(is_blank_char);
                if word_count(t) >= 8 && t.ends_with('.') && boilerplate(t).is_none() {
                    checked += 1;
                    assert!(
                        kept.iter().any(|(n, _)| *n == i + 1),
                        "lost line {}: {line:?}\nin {text:?}",
                        i + 1
                    );
                }
            }
        }
        assert!(
            checked > 1000,
            "the generator made too few long sentences ({checked})"
        );
    }
}
