//! A short plain-text summary of an article, for lists, feeds and meta descriptions.

use super::markdown_source::{OPTIONS, without_nuls};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// The text of the first paragraph, cut at a word boundary near `max_chars`.
pub fn excerpt(markdown: &str, max_chars: usize) -> String {
    let mut text = String::new();
    // Counted as the text grows, rather than all over again after every event.
    let mut chars = 0;
    let mut in_paragraph = false;
    // The same extensions as the body, so footnote markers are not taken for text.
    // As the body is rendered: a NUL would reach descriptions, feeds and the search index.
    let markdown = without_nuls(markdown);
    for event in Parser::new_ext(&markdown, OPTIONS) {
        match event {
            Event::Start(Tag::Paragraph) => in_paragraph = true,
            Event::End(TagEnd::Paragraph) if in_paragraph && !text.trim().is_empty() => break,
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
            break;
        }
    }
    shorten(
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .as_str(),
        max_chars,
    )
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

    #[test]
    fn cuts_at_a_word() {
        assert_eq!(
            shorten("Тоҷикистон ва Қазоқистон ҳамкорӣ", 20),
            "Тоҷикистон ва…"
        );
    }
}
