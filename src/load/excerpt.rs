//! A short plain-text summary of an article, for lists, feeds and meta descriptions.

use super::markdown_source::{OPTIONS, without_nuls};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// How far into a text its summary is first looked for: to the first blank line from here
/// on. Enough for the first paragraph of nearly every article, which is most of the time
/// an article's summary took, since the parser reads all of a text's blocks first.
const OPENING: usize = 1024;

/// The text of the first paragraph, cut at a word boundary near `max_chars`.
pub fn excerpt(markdown: &str, max_chars: usize) -> String {
    // As the body is rendered: a NUL would reach descriptions, feeds and the search index.
    let markdown = without_nuls(markdown);
    let text = opening(&markdown)
        .and_then(|opening| first_paragraph(opening, max_chars, true))
        .or_else(|| first_paragraph(&markdown, max_chars, false))
        .unwrap_or_default();
    shorten(
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .as_str(),
        max_chars,
    )
}

/// The text up to the first blank line past [`OPENING`], when what follows cannot change
/// the paragraphs before it: it holds no definition, of a link's reference or of a footnote
/// (both are written `[…]:`), which the text before could use. Every block the opening
/// holds is closed, by that blank line or before.
fn opening(markdown: &str) -> Option<&str> {
    let blank = OPENING + memchr::memmem::find(markdown.as_bytes().get(OPENING..)?, b"\n\n")?;
    (memchr::memmem::find(markdown.as_bytes(), b"]:").is_none()).then(|| &markdown[..blank + 2])
}

/// The first paragraph's text, up to about twice `max_chars`. With `top_level`, only a
/// paragraph outside any container counts, and `None` says there was none: a list's
/// paragraphs depend on whether the list is tight, which lines after an opening can change.
fn first_paragraph(markdown: &str, max_chars: usize, top_level: bool) -> Option<String> {
    let mut text = String::new();
    // Counted as the text grows, rather than all over again after every event.
    let mut chars = 0;
    let mut in_paragraph = false;
    let mut depth = 0usize;
    // The same extensions as the body, so footnote markers are not taken for text.
    for event in Parser::new_ext(markdown, OPTIONS) {
        match event {
            Event::Start(Tag::Paragraph) => {
                if top_level && depth > 0 {
                    return None;
                }
                in_paragraph = true;
            }
            Event::Start(_) => depth += 1,
            Event::End(TagEnd::Paragraph) if in_paragraph && !text.trim().is_empty() => {
                return Some(text);
            }
            Event::End(TagEnd::Paragraph) => {}
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if in_paragraph => {
                text.push_str(&t);
                chars += t.chars().count();
            }
            Event::SoftBreak | Event::HardBreak if in_paragraph => {
                text.push(' ');
                chars += 1;
            }
            _ => {}
        }
        if chars > max_chars * 2 {
            return Some(text);
        }
    }
    (!top_level).then_some(text)
}

/// `text` cut at the last space before `max_chars`, with an ellipsis if anything was cut.
pub(super) fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > cut.len() / 2 => &cut[..space],
        _ => &cut,
    };
    format!(
        "{}…",
        cut.trim_end_matches([',', ';', ':', ' ', '—', '–', '-'])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_in_the_text_is_no_marker_in_the_summary() {
        assert_eq!(excerpt("Bir\0eki.", 100), "Bir\u{FFFD}eki.");
    }

    #[test]
    fn takes_the_first_paragraph_as_text() {
        assert_eq!(
            excerpt("First **bold** para.\n\nSecond.", 100),
            "First bold para."
        );
        assert_eq!(excerpt("## Head\n\nPara", 100), "Para");
        assert_eq!(excerpt("Said so[^1].\n\n[^1]: Source.", 100), "Said so.");
    }

    /// Filler that takes a text past its opening: paragraphs of Tajik words.
    fn filler() -> String {
        "Ҳамкории иқтисодӣ миёни ду кишвар идома дорад.\n\n".repeat(40)
    }

    #[test]
    fn a_definition_past_the_opening_still_serves_the_first_paragraph() {
        let text = format!(
            "Дар [Алмаато][a] вохӯрданд[^1].\n\n{}[a]: https://example.org\n\n[^1]: Манбаъ.\n",
            filler()
        );
        assert_eq!(excerpt(&text, 100), "Дар Алмаато вохӯрданд.");
    }

    #[test]
    fn a_list_is_read_whole_when_its_end_could_make_it_loose() {
        // Up to the opening's blank line the list is tight: only the quote's paragraph is a
        // paragraph. The item after the blank line makes the list loose, and its first
        // item's text the first paragraph.
        let item = "Аввал ".repeat(200);
        let text = format!("- {item}\n  > Иқтибос.\n\n- Дуюм.\n\n{}", filler());
        assert!(text.find("\n\n").is_some_and(|blank| blank > OPENING));
        assert!(excerpt(&text, 100).starts_with("Аввал Аввал"));
    }

    #[test]
    fn the_opening_gives_what_the_whole_text_gives() {
        let texts = [
            format!("## Сарлавҳа\n\n{}", filler()),
            format!("{}Охир.", filler()),
            format!("```\n{}```\n\nМатн.\n\n{}", filler(), filler()),
            format!("> Иқтибос.\n\n{}", filler()),
        ];
        for text in &texts {
            assert_eq!(
                excerpt(text, 100),
                shorten(&first_paragraph(text, 100, false).unwrap_or_default(), 100),
                "{text}"
            );
        }
    }

    #[test]
    fn cuts_at_a_word() {
        assert_eq!(
            shorten("Тоҷикистон ва Қазоқистон ҳамкорӣ", 20),
            "Тоҷикистон ва…"
        );
    }
}
