//! Reading a page as the browser's search expects it read (`docs/search-format.md`,
//! "Reading a page"): the words of its text in order, each with a weight (headings weigh
//! more), where its elements with an `id` begin, and its first image.
//!
//! The HTML is dostyk's own rendering, so the reader is a small tag scanner, not a parser of
//! any HTML: one pass that writes the text out as it goes, with the points where a heading
//! begins or ends and where an anchor stands kept beside it, not in it, so that no text can
//! pose as one.

use super::elements::{Kind, kind};
use regex::Regex;
use std::sync::LazyLock;

/// A word's weight: 1 is [`UNIT`], a level-1 heading's 7 is 7 × [`UNIT`].
pub(super) const UNIT: u8 = 24;

/// Joins the words on either side of it.
const ZERO_WIDTH_SPACE: char = '\u{200B}';

/// A character after which a block's text gets a full stop (a letter, digit, quote, closing
/// bracket, `$` or `*`): a block ends a sentence, which excerpts show.
static ENDS_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^[\w'")$*]$"#).expect("a valid pattern"));

/// A point in the text where something other than a word stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// The element of anchor `n` begins.
    Anchor(usize),
    /// A heading of this weight (in units) begins.
    Heading(u8),
    /// The last heading begun ends.
    HeadingEnd,
}

/// An element with an `id`, which a result can link to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(super) struct Anchor {
    pub element: String,
    pub id: String,
    pub text: String,
    /// The number of the first word after it.
    pub location: u32,
}

/// A page read.
#[derive(Debug, Default)]
pub(super) struct Reading {
    /// The text as written, entities and all, blocks spaced and ended.
    text: String,
    /// Marks, by the byte in `text` they stand at, in order.
    marks: Vec<(usize, Mark)>,
    /// Per anchor: its element, its `id` and its text as written.
    anchors: Vec<(String, String, String)>,
    /// The first image's address and alternative text.
    pub image: Option<(String, String)>,
}

/// An element open while reading.
struct Open {
    tag: String,
    kind: Kind,
    hidden: bool,
    /// The anchors whose text this element's text is part of.
    anchors: Vec<usize>,
}

/// Reads `html`, a page (or a part of one) as a block.
pub(super) fn read(html: &str) -> Reading {
    let mut reading = Reading::default();
    let mut open: Vec<Open> = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        reading.add_text(&open, &rest[..lt]);
        rest = &rest[lt..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
        } else if let Some(end_tag) = rest.strip_prefix("</") {
            let gt = end_tag.find('>').unwrap_or(end_tag.len());
            let tag = end_tag[..gt].trim().to_ascii_lowercase();
            rest = end_tag.get(gt + 1..).unwrap_or("");
            reading.close(&mut open, &tag);
        } else {
            let gt = start_tag_end(rest);
            let inside = &rest[1..gt];
            rest = rest.get(gt + 1..).unwrap_or("");
            reading.open(&mut open, inside);
        }
    }
    reading.add_text(&open, rest);
    while let Some(innermost) = open.last() {
        let tag = innermost.tag.clone();
        reading.close(&mut open, &tag);
    }
    reading.end_block();
    reading
}

impl Reading {
    fn add_text(&mut self, open: &[Open], text: &str) {
        if text.is_empty() || open.last().is_some_and(|o| o.hidden) {
            return;
        }
        self.text.push_str(text);
        if let Some(element) = open.last() {
            for &n in &element.anchors {
                self.anchors[n].2.push_str(text);
            }
        }
    }

    fn mark(&mut self, mark: Mark) {
        self.text.push(' ');
        self.marks.push((self.text.len(), mark));
        self.text.push(' ');
    }

    fn open(&mut self, open: &mut Vec<Open>, inside: &str) {
        let closed = inside.ends_with('/');
        let inside = inside.trim_end_matches('/');
        let name_end = inside.find(char::is_whitespace).unwrap_or(inside.len());
        let tag = inside[..name_end].to_ascii_lowercase();
        let attributes = &inside[name_end..];
        let kind = kind(&tag);
        let outer = open.last();
        let hidden = outer.is_some_and(|o| o.hidden) || kind.hidden;
        let mut anchors = match outer {
            Some(outer) if kind.inline => outer.anchors.clone(),
            _ => Vec::new(),
        };
        if !hidden {
            if let Some(id) = attribute(attributes, "id") {
                let n = self.anchors.len();
                self.mark(Mark::Anchor(n));
                let id = id.chars().filter(|c| !c.is_whitespace()).collect();
                self.anchors.push((tag.clone(), id, String::new()));
                anchors.push(n);
            }
            if tag == "br" {
                self.text.push(' ');
            }
        }
        // The first image counts even where the text is left out.
        if tag == "img"
            && self.image.is_none()
            && let Some(src) = attribute(attributes, "src")
        {
            let alt = attribute(attributes, "alt").unwrap_or_default();
            self.image = Some((tidy(&src), tidy(&alt)));
        }
        if closed || kind.void {
            return;
        }
        if !hidden {
            if let Some(weight) = kind.weight {
                self.mark(Mark::Heading(weight));
            }
            if kind.block {
                self.text.push(' ');
            }
        }
        open.push(Open {
            tag,
            kind,
            hidden,
            anchors,
        });
    }

    /// Ends the innermost element named `tag` and those inside it; an end tag that matches
    /// no open element is ignored.
    fn close(&mut self, open: &mut Vec<Open>, tag: &str) {
        let Some(at) = open.iter().rposition(|o| o.tag == tag) else {
            return;
        };
        while open.len() > at {
            let element = open.pop().expect("longer than `at`");
            if element.hidden {
                continue;
            }
            if element.kind.block {
                self.end_block();
            }
            if element.kind.weight.is_some() {
                self.mark(Mark::HeadingEnd);
            }
        }
    }

    /// A block's text is a sentence: a full stop after its last word, a space after it.
    fn end_block(&mut self) {
        if self
            .text
            .chars()
            .next_back()
            .is_some_and(|c| ENDS_WORD.is_match(c.encode_utf8(&mut [0; 4])))
        {
            self.text.push('.');
        }
        self.text.push(' ');
    }

    /// Anchor `n`, before word number `location`. Its text is decoded twice, as the browser
    /// code's own indexer does.
    fn anchor(&self, n: usize, location: u32) -> Anchor {
        let (element, id, text) = &self.anchors[n];
        Anchor {
            element: element.clone(),
            id: id.clone(),
            text: tidy(&tidy(text)),
            location,
        }
    }

    /// Calls `word` with each word of the text (entities decoded), its weight, and whether
    /// it holds a character JSON escapes (`"`, `\`, a control), in order; returns the
    /// anchors, each with the number of the word after it.
    pub(super) fn words(&self, mut word: impl FnMut(&str, u8, bool)) -> Vec<Anchor> {
        let mut anchors = Vec::with_capacity(self.anchors.len());
        // Headings inside headings keep the outer weight.
        let mut weights: Vec<u8> = vec![UNIT];
        let mut marks = self.marks.iter().peekable();
        let mut count: u32 = 0;
        for run in runs(&self.text) {
            while let Some(&&(at, mark)) = marks.peek() {
                if at > run.start {
                    break;
                }
                marks.next();
                match mark {
                    Mark::Anchor(n) => anchors.push(self.anchor(n, count)),
                    Mark::Heading(units) => {
                        let weight = if weights.len() == 1 {
                            units * UNIT
                        } else {
                            weights[weights.len() - 1]
                        };
                        weights.push(weight);
                    }
                    Mark::HeadingEnd => {
                        if weights.len() > 1 {
                            weights.pop();
                        }
                    }
                }
            }
            let weight = weights[weights.len() - 1];
            if !run.special {
                word(run.text, weight, run.escaped);
                count += 1;
                continue;
            }
            // White space other than a space, or an entity, which may stand for a space
            // (`&nbsp;`): words are split again after decoding.
            for piece in run.text.split(char::is_whitespace) {
                let decoded = html_escape::decode_html_entities(piece);
                for piece in decoded.split_whitespace() {
                    // Most runs here hold a quotation mark or a dash, not a zero-width space.
                    let piece = if piece.contains(ZERO_WIDTH_SPACE) {
                        std::borrow::Cow::Owned(piece.replace(ZERO_WIDTH_SPACE, ""))
                    } else {
                        std::borrow::Cow::Borrowed(piece)
                    };
                    if !piece.is_empty() {
                        let escaped = piece
                            .bytes()
                            .any(|b| CLASSES[usize::from(b)] & ESCAPED != 0);
                        word(&piece, weight, escaped);
                        count += 1;
                    }
                }
            }
        }
        for &(_, mark) in marks {
            if let Mark::Anchor(n) = mark {
                anchors.push(self.anchor(n, count));
            }
        }
        anchors
    }
}

/// A run of text between spaces.
#[derive(Debug, PartialEq, Eq)]
struct Run<'a> {
    /// The byte it starts at.
    start: usize,
    text: &'a str,
    /// Whether it may hold white space other than a space, a zero-width space or an entity.
    special: bool,
    /// Whether it holds a character JSON escapes.
    escaped: bool,
}

/// A byte's classes, as bits.
const SPACE: u8 = 1;
/// May begin white space other than a space (an ASCII control, or the first byte of U+0085,
/// U+00A0, U+1680, U+2000–U+205F or U+3000), a zero-width space or an entity.
const SPECIAL: u8 = 2;
/// `"`, `\` or an ASCII control.
const ESCAPED: u8 = 4;

/// Every byte's classes.
static CLASSES: [u8; 256] = {
    let mut classes = [0; 256];
    let mut byte = 0;
    while byte < 256 {
        classes[byte] = match byte as u8 {
            b' ' => SPACE,
            0..0x20 => SPECIAL | ESCAPED,
            b'&' | 0xC2 | 0xE1 | 0xE2 | 0xE3 => SPECIAL,
            b'"' | b'\\' => ESCAPED,
            _ => 0,
        };
        byte += 1;
    }
    classes
};

/// The runs of `text` between spaces, each with what its bytes may be: a continuation byte
/// of UTF-8 is never a space or a lead byte, so a run ends at a character's start.
fn runs(text: &str) -> impl Iterator<Item = Run<'_>> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while *bytes.get(at)? == b' ' {
            at += 1;
        }
        let start = at;
        let mut seen = 0;
        for &byte in &bytes[start..] {
            let classes = CLASSES[usize::from(byte)];
            if classes & SPACE != 0 {
                break;
            }
            seen |= classes;
            at += 1;
        }
        Some(Run {
            start,
            text: &text[start..at],
            special: seen & SPECIAL != 0,
            escaped: seen & ESCAPED != 0,
        })
    })
}

/// Text from a page as the index keeps it: entities decoded, white space at the ends taken
/// off, a line break or a run of white space made one space.
pub(super) fn tidy(text: &str) -> String {
    let decoded = html_escape::decode_html_entities(text);
    let trimmed = decoded.trim();
    let mut out = String::with_capacity(trimmed.len());
    let mut chars = trimmed.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_whitespace() {
            out.push(c);
            continue;
        }
        if chars.peek().is_some_and(|n| n.is_whitespace()) {
            while chars.peek().is_some_and(|n| n.is_whitespace()) {
                chars.next();
            }
            out.push(' ');
        } else {
            out.push(if c == '\n' { ' ' } else { c });
        }
    }
    out
}

/// Where a start tag ends: its `>` outside quoted values.
fn start_tag_end(tag: &str) -> usize {
    let mut quote = None;
    for (i, c) in tag.char_indices() {
        match quote {
            None if c == '"' || c == '\'' => quote = Some(c),
            Some(q) if c == q => quote = None,
            None if c == '>' => return i,
            _ => {}
        }
    }
    tag.len()
}

/// The value of attribute `name` among `attributes`, entities decoded.
fn attribute(attributes: &str, name: &str) -> Option<String> {
    let mut rest = attributes.trim_start();
    while !rest.is_empty() {
        let key_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let key = &rest[..key_end];
        rest = rest[key_end..].trim_start();
        let mut value = "";
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (found, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let end = body.find(q).unwrap_or(body.len());
                    (&body[..end], body.get(end + 1..).unwrap_or(""))
                }
                _ => after.split_at(after.find(char::is_whitespace).unwrap_or(after.len())),
            };
            value = found;
            rest = next.trim_start();
        }
        if key.eq_ignore_ascii_case(name) {
            return Some(html_escape::decode_html_entities(value).into_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(html: &str) -> Vec<(String, u8)> {
        let mut found = Vec::new();
        read(html).words(|w, weight, _| found.push((w.to_string(), weight)));
        found
    }

    #[test]
    fn blocks_end_sentences_and_inline_text_joins() {
        let found: Vec<String> =
            words("<h1>Сапар</h1><p>Бірінші <em>сөз</em>дер</p><ul><li>тізім</li></ul>")
                .into_iter()
                .map(|(w, _)| w)
                .collect();
        assert_eq!(found, ["Сапар.", "Бірінші", "сөздер.", "тізім."]);
    }

    #[test]
    fn headings_weigh_more_and_nested_ones_keep_the_outer_weight() {
        assert_eq!(
            words("<h2>Тарау</h2><p>мәтін</p><h1>a<h3>b</h3></h1>"),
            [
                ("Тарау.".to_string(), 6 * UNIT),
                ("мәтін.".to_string(), UNIT),
                ("a".to_string(), 7 * UNIT),
                ("b.".to_string(), 7 * UNIT),
            ]
        );
    }

    #[test]
    fn entities_decode_and_text_cannot_pose_as_a_mark() {
        let reading =
            read("<p>x&lt;y \u{E000} z&nbsp;w</p><img src=\"/a.jpg?x=1&amp;y=2\" alt=\"Сурет\">");
        let mut found = Vec::new();
        let anchors = reading.words(|w, _, _| found.push(w.to_string()));
        assert_eq!(found, ["x<y", "\u{E000}", "z", "w."]);
        assert!(anchors.is_empty());
        assert_eq!(
            reading.image,
            Some(("/a.jpg?x=1&y=2".into(), "Сурет".into()))
        );
    }

    #[test]
    fn hidden_elements_are_left_out_and_ids_are_anchors() {
        let reading = read(
            "<p>a</p><nav>menu</nav><div class=\"note\" id=\"1\"><sup>1</sup><p>note</p></div>",
        );
        let mut found = Vec::new();
        let anchors = reading.words(|w, _, _| found.push(w.to_string()));
        assert_eq!(found, ["a.", "1", "note."]);
        assert_eq!(
            anchors,
            [Anchor {
                element: "div".into(),
                id: "1".into(),
                text: "1".into(),
                location: 1,
            }]
        );
    }

    #[test]
    fn words_split_at_every_kind_of_white_space_as_the_standard_library_does() {
        let samples = [
            "",
            " ",
            "Қазақстан  және\tТәжікстан\n",
            "a\u{a0}b\u{85}c\u{2009}d\u{3000}e\u{1680}f\u{202f}g\u{205f}h\u{2028}i",
            "x\u{180e}y ёрӣ\r\n\u{b}\u{c}z ",
            "🤝 ✓ — «дос» ",
        ];
        for text in samples {
            let reading = Reading {
                text: text.to_string(),
                ..Reading::default()
            };
            let mut ours = Vec::new();
            reading.words(|w, _, _| ours.push(w.to_string()));
            let theirs: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    #[test]
    fn words_tell_which_json_escapes_and_zero_width_spaces_join() {
        let reading = Reading {
            text: "a\"b c\\d e\u{1}f g\u{200b}h i&amp;j&nbsp;k «l»".to_string(),
            ..Reading::default()
        };
        let mut found = Vec::new();
        reading.words(|w, _, escaped| found.push((w.to_string(), escaped)));
        let expected = [
            ("a\"b", true),
            ("c\\d", true),
            ("e\u{1}f", true),
            ("gh", false),
            ("i&j", false),
            ("k", false),
            ("«l»", false),
        ];
        assert_eq!(found, expected.map(|(w, e)| (w.to_string(), e)),);
    }

    #[test]
    fn tidy_makes_runs_of_space_one() {
        assert_eq!(tidy("  a\nb  c\u{a0}d \u{a0}e &amp; "), "a b c\u{a0}d e &");
    }
}
