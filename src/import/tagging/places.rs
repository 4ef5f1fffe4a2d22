//! Where a word stands: the title, the lead, the heading of a list item or the body, which decides
//! how much a mention there weighs.

use crate::lexicon::matching::words;

/// Where a word stands, which decides how much a mention there weighs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Place {
    Title,
    Lead,
    ListHeading,
    Body,
}

impl Place {
    pub(super) fn weight(self) -> f32 {
        match self {
            Place::Body => 1.0,
            Place::Title | Place::Lead | Place::ListHeading => 2.0,
        }
    }
}

/// Byte ranges of `body` that weigh more: the lead and list-item headings.
pub(super) fn body_places(body: &str) -> Vec<(std::ops::Range<usize>, Place)> {
    let mut places = Vec::new();
    let mut lead_found = false;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end();
        let trimmed = content.trim_start();
        let indent = content.len() - trimmed.len();
        if let Some(heading) = list_heading(trimmed) {
            // `heading` is a slice of `trimmed`: its offset there is the distance of the pointers.
            let from = start + indent + (heading.as_ptr() as usize - trimmed.as_ptr() as usize);
            let to = from + heading.len();
            places.push((from..to, Place::ListHeading));
            continue;
        }
        if !lead_found && is_lead(trimmed) {
            lead_found = true;
            // The lead is the paragraph's first 60 words: a text with no line breaks at all
            // must not count as one long lead.
            let end = words(trimmed).get(59).map_or(trimmed.len(), |w| w.end);
            places.push((start + indent..start + indent + end, Place::Lead));
        }
    }
    places
}

/// The lead is the first paragraph that is a real one: at least eight words and a sentence
/// end, so a repeated headline, a photo credit (`Сурет: gov.kz`) or a dateline alone is not it.
fn is_lead(line: &str) -> bool {
    words(line).len() >= 8
        && line
            .trim_end_matches(['»', '"', '”', '’', ')', ' '])
            .ends_with(['.', '!', '?', '…'])
}

/// The heading of a list item: the words after the bullet up to the first dash or colon,
/// if there are at most six of them (a longer run is a sentence, or dialogue after a dash).
fn list_heading(line: &str) -> Option<&str> {
    let rest = strip_bullet(line)?;
    let end = [" — ", " – ", " - ", ":"]
        .iter()
        .filter_map(|sep| rest.find(sep))
        .min()
        .unwrap_or(rest.len());
    let heading = &rest[..end];
    let n = words(heading).len();
    (1..=6).contains(&n).then_some(heading)
}

/// The text after a list marker (`•`, `-`, `*`, `1.`, `2)`) and its space, if the line has one.
fn strip_bullet(line: &str) -> Option<&str> {
    let mut chars = line.char_indices();
    let (_, first) = chars.next()?;
    let after = if matches!(
        first,
        '•' | '·' | '●' | '▪' | '■' | '◦' | '‣' | '⁃' | '∙' | '–' | '—' | '-' | '*'
    ) {
        first.len_utf8()
    } else if first.is_ascii_digit() {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        match line.as_bytes().get(digits) {
            Some(b'.' | b')') if digits <= 3 => digits + 1,
            _ => return None,
        }
    } else {
        return None;
    };
    let rest = &line[after..];
    rest.starts_with(char::is_whitespace)
        .then(|| rest.trim_start())
}
