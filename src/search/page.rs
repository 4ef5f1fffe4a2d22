//! One page's share of the index, worked out on its own (pages are read in parallel): its
//! fragment (what a result shows), and for every term on it the page's entry in that term's
//! list, already encoded, so that joining it to the index is a copy.

use super::bundle;
use super::cbor::Cbor;
use super::reader::{self, Anchor};
use super::vocabulary::Vocabulary;
use super::{Filters, Page};
use std::collections::BTreeMap;

/// The fields of a page's metadata whose words are searched, in the order the index numbers
/// them (by name); `image` and `image_alt` only where some page has an image.
pub(super) fn meta_fields(images: bool) -> Vec<&'static str> {
    let mut fields = vec!["date", "image", "image_alt", "lang", "language", "title"];
    if !images {
        fields.retain(|f| !f.starts_with("image"));
    }
    fields
}

/// A page's entry in the list of one term (a word in one written form).
pub(super) struct Entry {
    pub term: u32,
    /// Where in [`Indexed::entries`] its positions are encoded.
    pub start: u32,
    pub end: u32,
    /// The positions it holds, plus one: what a chunk's size counts.
    pub size: u32,
}

/// A page indexed.
pub(super) struct Indexed {
    pub fragment: Vec<u8>,
    /// The fragment's content hash, which names it.
    pub hash: String,
    pub word_count: u32,
    pub entries: Vec<Entry>,
    /// The entries' positions: per entry a CBOR list of the text's packed positions and one
    /// of the metadata's.
    pub encoded: Vec<u8>,
    /// Per UI tree, the page's filters in its labels.
    pub filters: Vec<Filters>,
}

/// An occurrence of a term in the text, as one number that sorts by term, weight and
/// position, the order positions are packed in.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Occurrence(u64);

/// Positions in a page's text are below this: 24 bits. An article's size limit (8 MB) keeps
/// its words far fewer; words past it would not be found.
const POSITIONS: u32 = 1 << 24;

impl Occurrence {
    fn new(term: u32, weight: u8, position: u32) -> Occurrence {
        Occurrence(u64::from(term) << 32 | u64::from(weight) << 24 | u64::from(position))
    }

    fn term(self) -> u32 {
        (self.0 >> 32) as u32
    }

    fn weight(self) -> u8 {
        (self.0 >> 24) as u8
    }

    fn position(self) -> u32 {
        self.0 as u32 & (POSITIONS - 1)
    }
}

/// Indexes `page`, named in an index for `language` whose metadata fields are `fields`;
/// `None` when its text has no words (the index leaves such pages out).
pub(super) fn index(
    page: &Page,
    filters: Vec<Filters>,
    language: &str,
    fields: &[&str],
    vocabulary: &Vocabulary,
) -> Option<Indexed> {
    // The page as the article template lays it out: the title as its heading, then the body.
    let html = format!(
        "<header>\n<h1>{}</h1>\n</header>\n<div>\n{}\n</div>\n",
        html_escape::encode_text(&page.title),
        page.body_html
    );
    let reading = reader::read(&html);
    // The text as the fragment's JSON holds it, escaped as it is written.
    let mut content = String::with_capacity(html.len() / 2);
    let mut occurrences: Vec<Occurrence> = Vec::with_capacity(html.len() / 6);
    let mut position: u32 = 0;
    let anchors = vocabulary.with_cache(|cache| {
        reading.words(|word, weight, escaped| {
            if position > 0 {
                content.push(' ');
            }
            if escaped {
                push_json_escaped(&mut content, word);
            } else {
                content.push_str(word);
            }
            position += 1;
            if position > POSITIONS {
                return;
            }
            let position = position - 1;
            cache.indexed(word, false, |terms| {
                if let [term] = terms
                    && !term.is_compound_part
                {
                    occurrences.push(Occurrence::new(term.term, weight, position));
                    return;
                }
                // The parts of a compound share its weight, but weigh at least 1 each.
                let parts = terms.iter().filter(|t| t.is_compound_part).count();
                let part_weight = match u8::try_from(parts) {
                    Ok(0) => 0,
                    Ok(parts) => (weight / parts).max(1),
                    Err(_) => 1,
                };
                for term in terms {
                    let weight = if term.is_compound_part {
                        part_weight
                    } else {
                        weight
                    };
                    occurrences.push(Occurrence::new(term.term, weight, position));
                }
            });
        })
    });
    if occurrences.is_empty() {
        return None;
    }
    occurrences.sort_unstable();

    let mut meta = page.meta.fields();
    if let Some((src, alt)) = &reading.image {
        meta.insert("image", src.clone());
        meta.insert("image_alt", alt.clone());
    }
    let mut meta_positions = meta_positions(&meta, fields, vocabulary);
    let (entries, encoded) = entries(&occurrences, &mut meta_positions);

    let fragment = fragment(page, &content, position, &filters[0], &meta, &anchors);
    Some(Indexed {
        hash: format!("{language}_{}", bundle::content_hash(&fragment)),
        fragment: bundle::pack(&fragment),
        word_count: position,
        entries,
        encoded,
        filters,
    })
}

/// Per term of the metadata, its (field, position) pairs, sorted by term.
fn meta_positions(
    meta: &BTreeMap<&str, String>,
    fields: &[&str],
    vocabulary: &Vocabulary,
) -> Vec<(u32, u8, u32)> {
    let mut positions = Vec::new();
    vocabulary.with_cache(|cache| {
        for (field, value) in meta {
            // A field no page was expected to have is shown, not searched.
            let Some(number) = fields.iter().position(|f| f == field) else {
                continue;
            };
            for (at, word) in value.split_whitespace().enumerate() {
                cache.indexed(word, true, |terms| {
                    for term in terms {
                        positions.push((term.term, number as u8, at as u32));
                    }
                });
            }
        }
    });
    positions.sort_unstable();
    positions
}

/// The page's entries, term by term: the text's positions and the metadata's of each.
fn entries(occurrences: &[Occurrence], meta: &mut [(u32, u8, u32)]) -> (Vec<Entry>, Vec<u8>) {
    let mut cbor = Cbor::default();
    let mut entries = Vec::new();
    let mut packed = Vec::new();
    let mut meta = &meta[..];
    let mut text = occurrences;
    loop {
        // The next term: the smaller of the text's and the metadata's next.
        let next = match (text.first(), meta.first()) {
            (Some(o), Some(m)) => o.term().min(m.0),
            (Some(o), None) => o.term(),
            (None, Some(m)) => m.0,
            (None, None) => break,
        };
        let in_text = text.iter().take_while(|o| o.term() == next).count();
        let in_meta = meta.iter().take_while(|m| m.0 == next).count();
        let start = cbor.len() as u32;
        packed.clear();
        pack_text(&text[..in_text], &mut packed);
        let text_len = packed.len();
        cbor.ints(&packed);
        packed.clear();
        pack_meta(&meta[..in_meta], &mut packed);
        cbor.ints(&packed);
        entries.push(Entry {
            term: next,
            start,
            end: cbor.len() as u32,
            size: (text_len + packed.len() + 1) as u32,
        });
        text = &text[in_text..];
        meta = &meta[in_meta..];
    }
    (entries, cbor.into_bytes())
}

/// A term's positions in the text, by weight then position: a weight is written once, as
/// `-(weight + 1)` followed by its first position; the positions after it as the step from
/// the one before.
fn pack_text(occurrences: &[Occurrence], out: &mut Vec<i32>) {
    let mut weight = None;
    let mut last = 0;
    for o in occurrences {
        let position = o.position().cast_signed();
        if weight == Some(o.weight()) {
            out.push(position - last);
        } else {
            weight = Some(o.weight());
            out.push(-i32::from(o.weight()) - 1);
            out.push(position);
        }
        last = position;
    }
}

/// A term's positions in the metadata, by field then position: each field as `-(field + 1)`
/// followed by its positions, each the step from the one before (the first from 0).
fn pack_meta(positions: &[(u32, u8, u32)], out: &mut Vec<i32>) {
    let mut field = None;
    let mut last = 0;
    for &(_, number, position) in positions {
        if field != Some(number) {
            field = Some(number);
            out.push(-i32::from(number) - 1);
            last = 0;
        }
        out.push(position.cast_signed() - last);
        last = position.cast_signed();
    }
}

/// `text` as a JSON string holds it, without the quotes, added to `out`: escaped as
/// `serde_json` escapes.
fn push_json_escaped(out: &mut String, text: &str) {
    let quoted = serde_json::to_string(text).expect("a string serializes");
    out.push_str(&quoted[1..quoted.len() - 1]);
}

/// The page's fragment, as JSON, with `content` already escaped: as `serde_json` writes a
/// struct of these fields in this order.
fn fragment(
    page: &Page,
    content: &str,
    word_count: u32,
    filters: &Filters,
    meta: &BTreeMap<&str, String>,
    anchors: &[Anchor],
) -> Vec<u8> {
    fn value(out: &mut Vec<u8>, value: &impl serde::Serialize) {
        serde_json::to_writer(out, value).expect("strings and numbers serialize");
    }
    let mut out = Vec::with_capacity(content.len() + 1024);
    out.extend_from_slice(b"{\"url\":");
    value(&mut out, &page.url);
    out.extend_from_slice(b",\"content\":\"");
    out.extend_from_slice(content.as_bytes());
    out.extend_from_slice(b"\",\"word_count\":");
    value(&mut out, &word_count);
    out.extend_from_slice(b",\"filters\":");
    value(&mut out, filters);
    out.extend_from_slice(b",\"meta\":");
    value(&mut out, meta);
    out.extend_from_slice(b",\"anchors\":");
    value(&mut out, &anchors);
    out.push(b'}');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_positions_pack_by_weight_then_step() {
        let o = |weight, position| Occurrence::new(0, weight, position);
        let mut out = Vec::new();
        pack_text(&[o(24, 2), o(24, 5), o(24, 9), o(168, 0)], &mut out);
        assert_eq!(out, [-25, 2, 3, 4, -169, 0]);
    }

    #[test]
    fn the_fragment_is_the_json_of_its_fields() {
        #[derive(serde::Serialize)]
        struct Fragment<'a> {
            url: &'a str,
            content: &'a str,
            word_count: u32,
            filters: &'a Filters,
            meta: &'a BTreeMap<&'a str, String>,
            anchors: &'a [Anchor],
        }
        let words = ["«Дос»", "a\"b", "c\\d", "e\u{1}f", "🤝", "ёрӣ\u{7f}"];
        let mut content = String::new();
        for word in words {
            if !content.is_empty() {
                content.push(' ');
            }
            push_json_escaped(&mut content, word);
        }
        let page = Page {
            url: "/kk/articles/\"x\"/".into(),
            title: String::new(),
            body_html: String::new(),
            meta: super::super::Meta {
                title: "t".into(),
                lang: "kk".into(),
                language: "Қазақша".into(),
                date: "2025-01-01".into(),
            },
        };
        let filters = Filters::from([("Жыл".to_string(), vec!["2025".to_string()])]);
        let meta = page.meta.fields();
        let anchors = [Anchor {
            element: "h2".into(),
            id: "a".into(),
            text: "b".into(),
            location: 3,
        }];
        let expected = serde_json::to_vec(&Fragment {
            url: &page.url,
            content: &words.join(" "),
            word_count: 6,
            filters: &filters,
            meta: &meta,
            anchors: &anchors,
        })
        .unwrap();
        assert_eq!(
            String::from_utf8(fragment(&page, &content, 6, &filters, &meta, &anchors)).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }

    #[test]
    fn meta_positions_pack_by_field() {
        let mut out = Vec::new();
        pack_meta(&[(0, 0, 0), (0, 3, 1), (0, 3, 4)], &mut out);
        assert_eq!(out, [-1, 0, -4, 1, 3]);
    }
}
