//! The article text as Markdown that renders back to exactly the words of the source:
//! paragraphs, bullets as lists, dialogue dashes kept as text, and every character that
//! Markdown or HTML would read as syntax escaped.

/// Characters that start list items in agency texts.
const BULLETS: &[char] = &['•', '·', '▪', '●', '■', '◦', '‣', '⁃', '►', '▸', '✓', '✔'];
const DASHES: &[char] = &['-', '–', '—', '−'];

/// One paragraph or list item of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Block {
    Paragraph(String),
    Item(String),
}

/// Markdown for the body lines (blank lines separate paragraphs; agency texts also put one
/// paragraph per line, and hard-wrapped lines are joined back).
pub fn to_markdown(lines: &[String]) -> String {
    let blocks = blocks(lines);
    let mut out = String::new();
    let mut in_list = false;
    for block in blocks {
        match block {
            Block::Item(text) => {
                if !in_list && !out.is_empty() {
                    out.push('\n');
                }
                out.push_str("- ");
                // An item's text starts a block of its own: `• 1. …` or `- - …` would
                // make a list inside the item.
                out.push_str(&escape_paragraph(&text));
                out.push('\n');
                in_list = true;
            }
            Block::Paragraph(text) => {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&escape_paragraph(&text));
                out.push('\n');
                in_list = false;
            }
        }
    }
    out
}

/// The plain paragraphs of the body (for the title, summary and matching).
pub fn paragraphs(lines: &[String]) -> Vec<String> {
    blocks(lines)
        .into_iter()
        .map(|b| match b {
            Block::Paragraph(t) | Block::Item(t) => t,
        })
        .collect()
}

fn blocks(lines: &[String]) -> Vec<Block> {
    // Paragraphs first: one per line, except that a line which stops mid-sentence and is
    // followed by one starting in lower case continues on it (hard-wrapped text).
    let mut paragraphs: Vec<String> = Vec::new();
    let mut open = false;
    for line in lines.iter().map(|l| l.trim()) {
        if line.is_empty() {
            open = false;
            continue;
        }
        let continues = open
            && paragraphs.last().is_some_and(|p| !ends_sentence(p))
            && line.chars().next().is_some_and(char::is_lowercase)
            && !starts_with_marker(line);
        if continues {
            let last = paragraphs.last_mut().expect("open implies one");
            last.push(' ');
            last.push_str(line);
        } else {
            paragraphs.push(line.to_string());
        }
        open = true;
    }
    // Then lists: bullet lines always; dash lines only as a run of short items, since a
    // single dash line is dialogue (`- Боиси хушнудист, … — изҳор доштанд …`).
    let is_dash_item = |p: &str| {
        dash_text(p).is_some_and(|t| t.chars().count() <= 200 && !has_attribution_dash(t))
    };
    let mut out = Vec::with_capacity(paragraphs.len());
    let mut i = 0;
    while i < paragraphs.len() {
        let p = &paragraphs[i];
        if let Some(text) = bullet_text(p) {
            out.push(Block::Item(text.to_string()));
            i += 1;
            continue;
        }
        let run = paragraphs[i..]
            .iter()
            .take_while(|p| is_dash_item(p))
            .count();
        if run >= 2 {
            out.extend(
                paragraphs[i..i + run]
                    .iter()
                    .map(|p| Block::Item(dash_text(p).expect("checked").to_string())),
            );
            i += run;
            continue;
        }
        out.push(Block::Paragraph(p.clone()));
        i += 1;
    }
    out
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', ':', ';', '»', '"', '”', ')', '…'])
}

fn starts_with_marker(line: &str) -> bool {
    bullet_text(line).is_some() || dash_text(line).is_some()
}

fn bullet_text(line: &str) -> Option<&str> {
    let rest = line.strip_prefix(BULLETS)?;
    Some(rest.trim_start()).filter(|t| !t.is_empty())
}

fn dash_text(line: &str) -> Option<&str> {
    let rest = line.strip_prefix(DASHES)?;
    rest.starts_with(' ')
        .then(|| rest.trim_start())
        .filter(|t| !t.is_empty())
}

/// Dialogue names its speaker after a second dash: `… шавад, — изҳор доштанд …`.
fn has_attribution_dash(text: &str) -> bool {
    [", —", ", –", ", -", " — ", " – "]
        .iter()
        .any(|d| text.contains(d))
}

/// A paragraph as Markdown: inline syntax escaped, and a leading character that would make
/// it a list, heading, quote or rule escaped too.
fn escape_paragraph(text: &str) -> String {
    let escaped = escape_inline(text);
    let first = escaped.chars().next();
    let needs_guard = match first {
        Some('#' | '>' | '+' | '=') => true,
        Some(c) if DASHES.contains(&c) => true,
        Some(c) if c.is_ascii_digit() => {
            let digits: String = escaped.chars().take_while(char::is_ascii_digit).collect();
            let after = escaped[digits.len()..].chars().next();
            digits.len() <= 9 && matches!(after, Some('.' | ')'))
        }
        _ => false,
    };
    if !needs_guard {
        return escaped;
    }
    match first {
        // A number list marker is escaped at its dot or parenthesis.
        Some(c) if c.is_ascii_digit() => {
            let digits = escaped.chars().take_while(char::is_ascii_digit).count();
            format!("{}\\{}", &escaped[..digits], &escaped[digits..])
        }
        // Only ASCII punctuation can be backslash-escaped; an en or em dash is never a
        // list marker, so it needs nothing.
        Some(c) if c.is_ascii_punctuation() => format!("\\{escaped}"),
        _ => escaped,
    }
}

/// Text with every character Markdown or HTML would read as syntax backslash-escaped.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|' | '!' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::markdown::render;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    /// The text a reader sees when the Markdown is rendered.
    fn rendered_text(markdown: &str) -> String {
        let html = render(markdown);
        let mut text = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        text.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
    }

    #[test]
    fn one_paragraph_per_line_and_bullets_as_a_list() {
        let md = to_markdown(&lines(
            "Бірінші.\nЕкінші.\n\n  • Сауда — тауар.\n  • Энергетика — жоба.\n\nСоңы.",
        ));
        assert_eq!(
            md,
            "Бірінші.\n\nЕкінші.\n\n- Сауда — тауар.\n- Энергетика — жоба.\n\nСоңы.\n"
        );
        let html = render(&md);
        assert_eq!(html.matches("<li>").count(), 2, "{html}");
    }

    #[test]
    fn dialogue_dashes_stay_text() {
        let text = "- Боиси хушнудист, ки ҳамкорӣ густариш меёбад, — изҳор доштанд Президент.\n— Мамлакатларимизни кўп асрлик дўстлик боғлаб туради, — деди раис.";
        let md = to_markdown(&lines(text));
        let html = render(&md);
        assert!(!html.contains("<li>"), "{html}");
        assert!(md.starts_with("\\- Боиси"), "{md}");
        assert!(rendered_text(&md).contains("- Боиси хушнудист"));
    }

    #[test]
    fn a_run_of_short_dash_lines_is_a_list() {
        let html = render(&to_markdown(&lines(
            "Мақсаттар:\n- сауданы арттыру;\n- көлікті дамыту.",
        )));
        assert_eq!(html.matches("<li>").count(), 2, "{html}");
    }

    #[test]
    fn list_items_that_open_like_a_list_stay_text() {
        for text in [
            "• 1. сауданы арттыру;\n• 2) көлікті дамыту.",
            "- - сауданы арттыру;\n- + көлікті дамыту.",
            "• # бір\n• > екі",
        ] {
            let md = to_markdown(&lines(text));
            let html = render(&md);
            assert_eq!(html.matches("<li>").count(), 2, "{text:?} → {html}");
            assert!(!html.contains("<ol") && !html.contains("<h"), "{html}");
            assert!(!html.contains("<blockquote"), "{html}");
        }
        let md = to_markdown(&lines("• 1. сауданы арттыру;\n• 2. көлікті дамыту."));
        assert_eq!(
            rendered_text(&md),
            "\n1. сауданы арттыру;\n2. көлікті дамыту.\n\n"
        );
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let md = to_markdown(&lines(
            "Тараптар екі ел арасындағы\nсауданы талқылады.\n\nКелесі абзац.",
        ));
        assert_eq!(
            md,
            "Тараптар екі ел арасындағы сауданы талқылады.\n\nКелесі абзац.\n"
        );
    }

    #[test]
    fn nothing_in_the_text_becomes_markup() {
        let text = "<script>alert(1)</script> *жұлдыз* _асты_ [сілтеме](javascript:x) `код` ~~сызу~~ &amp; | # 1. \\";
        for line in [
            text,
            "# Тақырып емес",
            "> дәйексөз емес",
            "1. тізім емес",
            "2019) жыл",
            "+ плюс",
            "--- сызық",
            "=== тең",
        ] {
            let md = to_markdown(&lines(line));
            let html = render(&md);
            assert!(
                html.starts_with("<p>") && !html.contains("<p><") || html.starts_with("<p>&lt;"),
                "{line:?} → {html}"
            );
            assert_eq!(rendered_text(&md).trim(), line, "{line:?} → {md:?}");
        }
    }
}
