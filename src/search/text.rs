//! What Pagefind would read of an article page: the text of its title and body, split into
//! words with their positions and weights, the anchors of elements with an `id`, and the
//! first image. Computed once per article and shared by every UI tree's index, since the
//! text is the same in each.
//!
//! The rules are Pagefind 1.6's (`fossick/parser.rs` and `parse_digest` in `fossick/mod.rs`,
//! MIT licence), applied to the HTML dostyk's own Markdown renderer writes: block elements
//! (`p`, `li`, `td`, headings…) end a sentence with a space and, after a letter, a full stop;
//! inline elements join their text to their neighbours'; headings weigh more (h1 7, h2 6 …
//! h6 2); entities are decoded after the text is joined. `tests/search_parity.rs` holds the
//! result to Pagefind's own indexing of the same pages.

use super::vocabulary::Vocabulary;
use regex::Regex;
use std::sync::LazyLock;

/// Pagefind keeps weights as multiples of this (weight 1 is 24, an h1's 7 is 168).
const WEIGHT_MULTIPLIER: f32 = 24.0;
const WEIGHT_MAX: f32 = 10.0;

const SENTENCE_TAGS: &[&str] = &[
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "td", "div", "ul", "li", "article", "section",
];
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdo", "big", "br", "button", "cite", "code", "dfn", "em", "i",
    "img", "input", "kbd", "label", "map", "object", "output", "q", "samp", "script", "select",
    "small", "span", "strong", "sub", "sup", "textarea", "time", "tt", "var",
];
/// Elements whose text Pagefind leaves out.
const REMOVED_TAGS: &[&str] = &[
    "head", "style", "script", "noscript", "label", "form", "svg", "footer", "nav", "iframe",
    "template",
];
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Markers in the joined text, as Pagefind's `___PAGEFIND_…___` words. They start with a
/// private-use character, removed from the page's own text, so no text can forge one.
const MARK: char = '\u{E000}';

static SENTENCE_CHARS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("[\\w'\"\\)\\$\\*]").expect("valid"));
static TRIM_NEWLINES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("^[\n\r\\s]+|[\n\r\\s]+$").expect("valid"));
static NEWLINES: LazyLock<Regex> = LazyLock::new(|| Regex::new("(\n|\r\n)+").expect("valid"));
static EXTRANEOUS_SPACES: LazyLock<Regex> = LazyLock::new(|| Regex::new("\\s{2,}").expect("valid"));

/// An article's text as the search index holds it.
#[derive(Debug, Default)]
pub struct Text {
    /// The text shown in excerpts: the words, space separated.
    pub content: String,
    /// Number of word positions.
    pub word_count: usize,
    /// Every indexed word (by number in the vocabulary) with where it occurs.
    pub words: Vec<Occurrences>,
    /// The packed positions the occurrences point into.
    pub locs: Vec<i32>,
    pub anchors: Vec<Anchor>,
    /// The first image of the body: its address and alternative text.
    pub image: Option<(String, String)>,
}

/// Where one indexed word occurs on a page in one written form, in Pagefind's packed form:
/// positions delta encoded, a negative number switching to another weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrences {
    pub word: u32,
    /// The written form, when it has diacritics the indexed form lacks.
    pub form: Option<u32>,
    /// Where the packed positions are in [`Text::locs`].
    pub start: u32,
    pub len: u32,
}

impl Text {
    pub fn locs(&self, occurrences: &Occurrences) -> &[i32] {
        &self.locs[occurrences.start as usize..(occurrences.start + occurrences.len) as usize]
    }
}

/// An element with an `id`: search results can link to it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Anchor {
    pub element: String,
    pub id: String,
    pub text: String,
    pub location: u32,
}

/// Pagefind's tidying of text read from a page: entities decoded, ends trimmed, line breaks
/// and runs of spaces made one space.
pub fn normalize_content(text: &str) -> String {
    let text = html_escape::decode_html_entities(text);
    let text = TRIM_NEWLINES.replace_all(&text, "");
    let text = NEWLINES.replace_all(&text, " ");
    EXTRANEOUS_SPACES.replace_all(&text, " ").into_owned()
}

/// The text of an article page: its `title` (plain text) as the page's h1, then `body_html`
/// (the rendered body), as the default article template lays them out.
pub fn article_text(title: &str, body_html: &str, vocabulary: &Vocabulary) -> Text {
    let title = html_escape::encode_text(title);
    let page = format!("<header>\n<h1>{title}</h1>\n</header>\n<div>\n{body_html}\n</div>\n");
    let digest = Digest::read(&page);
    let mut text = digest.words(vocabulary);
    text.image = digest.image;
    text
}

/// One element being read.
struct Node {
    tag: String,
    ignored: bool,
    value: String,
    /// Anchors whose text this element's text adds to: its own, or its parent's when inline.
    anchors: Vec<usize>,
}

/// The joined text of a page with its markers, before it is split into words.
struct Digest {
    value: String,
    anchors: Vec<(String, String)>,
    anchor_text: Vec<String>,
    image: Option<(String, String)>,
}

impl Digest {
    fn read(html: &str) -> Digest {
        let mut digest = Digest {
            value: String::new(),
            anchors: Vec::new(),
            anchor_text: Vec::new(),
            image: None,
        };
        let mut stack = vec![Node {
            tag: "article".into(),
            ignored: false,
            value: String::new(),
            anchors: Vec::new(),
        }];
        let mut rest = html;
        while !rest.is_empty() {
            let Some(open) = rest.find('<') else {
                digest.text(&mut stack, rest);
                break;
            };
            digest.text(&mut stack, &rest[..open]);
            rest = &rest[open..];
            if let Some(comment) = rest.strip_prefix("<!--") {
                rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            } else if let Some(close) = rest.strip_prefix("</") {
                let end = close.find('>').unwrap_or(close.len());
                let tag = close[..end].trim().to_ascii_lowercase();
                rest = close.get(end + 1..).unwrap_or("");
                digest.close(&mut stack, &tag);
            } else {
                let end = tag_end(rest);
                let tag = Tag::parse(&rest[1..end]);
                rest = rest.get(end + 1..).unwrap_or("");
                digest.open(&mut stack, tag);
            }
        }
        while stack.len() > 1 {
            let tag = stack.last().map(|n| n.tag.clone()).unwrap_or_default();
            digest.close(&mut stack, &tag);
        }
        let root = stack.pop().expect("the root stays");
        digest.value = finish_sentence(root.value, "article");
        digest
    }

    fn text(&mut self, stack: &mut [Node], text: &str) {
        if text.is_empty() {
            return;
        }
        let text = if has_char(text, MARK) {
            std::borrow::Cow::Owned(text.replace(MARK, "\u{FFFD}"))
        } else {
            std::borrow::Cow::Borrowed(text)
        };
        let node = stack.last_mut().expect("the root stays");
        node.value.push_str(&text);
        if !node.ignored {
            for &anchor in &node.anchors {
                self.anchor_text[anchor].push_str(&text);
            }
        }
    }

    fn open(&mut self, stack: &mut Vec<Node>, tag: Tag) {
        let parent = stack.last_mut().expect("the root stays");
        let ignored = parent.ignored || REMOVED_TAGS.contains(&tag.name.as_str());
        let mut anchors = if INLINE_TAGS.contains(&tag.name.as_str()) {
            parent.anchors.clone()
        } else {
            Vec::new()
        };
        if !ignored {
            if let Some(id) = tag.attribute("id") {
                let id: String = id.chars().filter(|c| !c.is_whitespace()).collect();
                let index = self.anchors.len();
                parent.value.push_str(&format!(" {MARK}A{index} "));
                self.anchors.push((tag.name.clone(), id));
                self.anchor_text.push(String::new());
                anchors.push(index);
            }
            if tag.name == "br" {
                parent.value.push(' ');
            }
        }
        // Pagefind takes the first image even from a part it leaves out of the text.
        if tag.name == "img"
            && self.image.is_none()
            && let Some(src) = tag.attribute("src")
        {
            let alt = tag.attribute("alt").unwrap_or_default();
            self.image = Some((normalize_content(&src), normalize_content(&alt)));
        }
        if tag.self_closing || VOID_TAGS.contains(&tag.name.as_str()) {
            return;
        }
        stack.push(Node {
            tag: tag.name,
            ignored,
            value: String::new(),
            anchors,
        });
    }

    fn close(&mut self, stack: &mut Vec<Node>, tag: &str) {
        // The HTML is dostyk's own and well formed; a stray end tag is skipped, one that
        // closes an outer element closes the inner ones too.
        let Some(open) = stack.iter().rposition(|n| n.tag == tag).filter(|&i| i > 0) else {
            return;
        };
        while stack.len() > open {
            let node = stack.pop().expect("above the root");
            let parent = stack.last_mut().expect("the root stays");
            if !node.ignored {
                let value = finish_sentence(node.value, &node.tag);
                parent.value.push_str(&weighted(value, &node.tag));
            }
        }
    }

    /// Splits the joined text into words (Pagefind's `parse_digest`).
    fn words(&self, vocabulary: &Vocabulary) -> Text {
        let decoded = html_escape::decode_html_entities(&self.value);
        let mut content = String::with_capacity(decoded.len());
        // Every occurrence: word, form, weight (sorted as Pagefind packs), position, weight.
        let mut occurrences: Vec<Occurrence> = Vec::with_capacity(decoded.len() / 4);
        let mut anchors = Vec::new();
        let mut weights: Vec<u8> = vec![WEIGHT_MULTIPLIER as u8];
        let mut index: usize = 0;
        let mut last_index = 0;
        for word in decoded.split_whitespace() {
            if let Some(marker) = word.strip_prefix(MARK) {
                let (kind, value) = marker.split_at(1);
                match kind {
                    "A" => {
                        let Some(n) = value.parse::<usize>().ok() else {
                            continue;
                        };
                        let (element, id) = &self.anchors[n];
                        anchors.push(Anchor {
                            element: element.clone(),
                            id: id.clone(),
                            text: normalize_content(&normalize_content(&self.anchor_text[n])),
                            location: index as u32,
                        });
                    }
                    "W" => {
                        let weight = value.parse::<f32>().unwrap_or(1.0);
                        let weight = if weights.len() == 1 {
                            (weight.clamp(0.0, WEIGHT_MAX) * WEIGHT_MULTIPLIER) as u8
                        } else {
                            weights.last().copied().unwrap_or_default()
                        };
                        weights.push(weight);
                    }
                    _ => {
                        weights.pop();
                    }
                }
                continue;
            }
            let word = if has_char(word, '\u{200B}') {
                std::borrow::Cow::Owned(word.replace('\u{200B}', ""))
            } else {
                std::borrow::Cow::Borrowed(word)
            };
            if word.is_empty() {
                continue;
            }
            content.push_str(&word);
            content.push(' ');
            let weight = weights.last().copied().unwrap_or(1);
            vocabulary.indexed(&word, false, |indexed| {
                let parts = indexed.iter().filter(|w| w.is_compound_part).count();
                let part_weight = if parts > 0 && weight > 0 {
                    (weight / u8::try_from(parts).unwrap_or(u8::MAX)).max(1)
                } else {
                    0
                };
                for word in indexed {
                    let weight = if word.is_compound_part {
                        part_weight
                    } else {
                        weight
                    };
                    let form = word.form.map_or(0, |f| f + 1);
                    let order = if weight == 25 { 0 } else { weight };
                    occurrences.push(Occurrence::new(
                        word.word,
                        form,
                        order,
                        index as u32,
                        weight,
                    ));
                }
            });
            last_index = index;
            index += 1;
        }
        if content.ends_with(' ') {
            content.pop();
        }
        occurrences.sort_unstable();
        let mut locs = Vec::with_capacity(occurrences.len() + occurrences.len() / 4);
        let words = occurrences
            .chunk_by(|a, b| a.word_and_form() == b.word_and_form())
            .map(|run| {
                let start = locs.len() as u32;
                pack(run.iter().map(|o| (o.position(), o.weight())), &mut locs);
                let (word, form) = run[0].word_and_form();
                Occurrences {
                    word,
                    form: form.checked_sub(1),
                    start,
                    len: locs.len() as u32 - start,
                }
            })
            .collect();
        Text {
            content,
            word_count: last_index + 1,
            words,
            locs,
            anchors,
            image: None,
        }
    }
}

/// One occurrence of a word in a page's text, as one integer that sorts as Pagefind packs
/// occurrences: by word, written form, weight (the common one first), position; then the
/// weight itself. This sort is a good part of reading a text.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Occurrence(u128);

impl Occurrence {
    fn new(word: u32, form: u32, order: u8, position: u32, weight: u8) -> Occurrence {
        Occurrence(
            (u128::from(word) << 80)
                | (u128::from(form) << 48)
                | (u128::from(order) << 40)
                | (u128::from(position) << 8)
                | u128::from(weight),
        )
    }

    fn word_and_form(&self) -> (u32, u32) {
        ((self.0 >> 80) as u32, (self.0 >> 48) as u32)
    }

    fn position(&self) -> u32 {
        (self.0 >> 8) as u32
    }

    fn weight(&self) -> u8 {
        self.0 as u8
    }
}

/// Whether `text` has `c`, a character of three bytes: looked for by its first byte, which
/// Cyrillic text (whose continuation bytes `str::contains` would stop at) lacks.
fn has_char(text: &str, c: char) -> bool {
    let mut bytes = [0; 4];
    let encoded = c.encode_utf8(&mut bytes).as_bytes();
    text.as_bytes().contains(&encoded[0]) && text.contains(c)
}

/// Appends positions to `locs` as Pagefind packs them (`positions_to_packed_page`): sorted
/// by weight (the common weight first) then position (as given), delta encoded, with
/// `-(weight + 1)` and an absolute position wherever the weight changes.
fn pack(positions: impl Iterator<Item = (u32, u8)>, locs: &mut Vec<i32>) {
    let mut current_weight = 25;
    let mut last = 0;
    for (position, weight) in positions {
        if weight != current_weight {
            locs.push(-(weight as i32) - 1);
            locs.push(position as i32);
            current_weight = weight;
        } else {
            locs.push((position - last) as i32);
        }
        last = position;
    }
}

/// A block element's text is a sentence: spaced from its neighbours, ending in a stop.
fn finish_sentence(mut value: String, tag: &str) -> String {
    if !SENTENCE_TAGS.contains(&tag) {
        return value;
    }
    value.insert(0, ' ');
    if value
        .chars()
        .last()
        .is_some_and(|c| SENTENCE_CHARS.is_match(c.encode_utf8(&mut [0; 4])))
    {
        value.push('.');
    }
    value.push(' ');
    value
}

/// A heading's text between weight markers.
fn weighted(value: String, tag: &str) -> String {
    let weight = match tag {
        "h1" => "7",
        "h2" => "6",
        "h3" => "5",
        "h4" => "4",
        "h5" => "3",
        "h6" => "2",
        _ => return value,
    };
    format!(" {MARK}W{weight} {value} {MARK}E ")
}

/// Where a start tag ends: its `>`, outside quoted attribute values.
fn tag_end(tag: &str) -> usize {
    let mut quote = None;
    for (i, c) in tag.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i,
            _ => {}
        }
    }
    tag.len()
}

/// A start tag's name and attributes.
struct Tag<'a> {
    name: String,
    attributes: &'a str,
    self_closing: bool,
}

impl<'a> Tag<'a> {
    fn parse(inside: &'a str) -> Tag<'a> {
        let self_closing = inside.ends_with('/');
        let inside = inside.trim_end_matches('/');
        let name_end = inside
            .find(|c: char| c.is_whitespace())
            .unwrap_or(inside.len());
        Tag {
            name: inside[..name_end].to_ascii_lowercase(),
            attributes: &inside[name_end..],
            self_closing,
        }
    }

    /// The decoded value of attribute `name`, if the tag has it.
    fn attribute(&self, name: &str) -> Option<String> {
        let mut rest = self.attributes.trim_start();
        while !rest.is_empty() {
            let key_end = rest
                .find(|c: char| c == '=' || c.is_whitespace())
                .unwrap_or(rest.len());
            let key = &rest[..key_end];
            rest = rest[key_end..].trim_start();
            let value = if let Some(after) = rest.strip_prefix('=') {
                let after = after.trim_start();
                let (value, next) = match after.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let end = after[1..].find(q).map_or(after.len(), |e| e + 1);
                        (&after[1..end], after.get(end + 1..).unwrap_or(""))
                    }
                    _ => {
                        let end = after.find(char::is_whitespace).unwrap_or(after.len());
                        (&after[..end], &after[end..])
                    }
                };
                rest = next.trim_start();
                value
            } else {
                ""
            };
            if key.eq_ignore_ascii_case(name) {
                return Some(html_escape::decode_html_entities(value).into_owned());
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of an article, and its words by number.
    fn read(title: &str, body: &str) -> (Text, Vec<String>) {
        let vocabulary = Vocabulary::new(None);
        let text = article_text(title, body, &vocabulary);
        (text, vocabulary.words())
    }

    fn locs_of(text: &Text, words: &[String], word: &str) -> Vec<i32> {
        let found = text
            .words
            .iter()
            .find(|o| words[o.word as usize] == word && o.form.is_none())
            .unwrap_or_else(|| panic!("{word} is indexed"));
        text.locs(found).to_vec()
    }

    #[test]
    fn blocks_are_sentences_and_inline_text_joins() {
        let (text, words) = read(
            "Сапар",
            "<p>Бірінші <em>сөз</em>дер</p>\n<ul>\n<li>тізім</li>\n</ul>\n",
        );
        assert_eq!(text.content, "Сапар. Бірінші сөздер. тізім.");
        assert_eq!(text.word_count, 4);
        let mut indexed: Vec<&str> = text
            .words
            .iter()
            .map(|o| words[o.word as usize].as_str())
            .collect();
        indexed.sort();
        assert_eq!(indexed, ["бірінші", "сапар", "сөздер", "тізім"]);
    }

    #[test]
    fn headings_weigh_more() {
        let (text, words) = read("Ақпарат", "<h2>Тарау</h2>\n<p>мәтін</p>\n");
        // -(7 × 24) - 1 at position 0; -(6 × 24) - 1 at 1; plain weight 24 at 2.
        assert_eq!(locs_of(&text, &words, "ақпарат"), [-169, 0]);
        assert_eq!(locs_of(&text, &words, "тарау"), [-145, 1]);
        assert_eq!(locs_of(&text, &words, "мәтін"), [-25, 2]);
    }

    #[test]
    fn diacritics_are_indexed_without_and_kept_as_a_form() {
        let (text, words) = read("Ҳамкорӣ", "");
        let occurrence = text.words[0];
        assert_eq!(words[occurrence.word as usize], "ҳамкори");
        assert_eq!(words[occurrence.form.unwrap() as usize], "ҳамкорӣ");
    }

    #[test]
    fn entities_decode_after_joining_and_markers_cannot_be_forged() {
        let (text, _) = read(
            "A &amp; B",
            "<p>x&lt;y \u{E000}W9 z</p><img src=\"/a.jpg?x=1&amp;y=2\" alt=\"Сурет\">",
        );
        assert_eq!(text.content, "A &amp; B. x<y \u{FFFD}W9 z.");
        assert_eq!(text.image, Some(("/a.jpg?x=1&y=2".into(), "Сурет".into())));
    }

    #[test]
    fn elements_with_ids_are_anchors() {
        let (text, _) = read(
            "T",
            "<p>a</p>\n<div class=\"footnote-definition\" id=\"1\"><sup>1</sup>\n<p>note</p>\n</div>\n",
        );
        assert_eq!(
            text.anchors,
            [Anchor {
                element: "div".into(),
                id: "1".into(),
                text: "1".into(),
                location: 2,
            }]
        );
    }
}
