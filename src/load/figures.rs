//! The photos a body shows as Markdown images of the project's own files
//! (`![what it shows](astana.jpg)`): found when the file is read, so that the photo stage
//! knows them and a problem names the line.

use super::markdown_source::OPTIONS;
use crate::error::Diagnostic;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::path::Path;

/// A figure of the body: a Markdown image of a file of the project.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Figure {
    /// The image's address as the Markdown writes it.
    pub dest: String,
    /// 1-based line of the file on which the image stands.
    pub line: usize,
}

/// Whether an image address names a file of the project, not a page on the web.
pub fn is_local(dest: &str) -> bool {
    let scheme = dest
        .split_once(':')
        .is_some_and(|(s, _)| !s.contains('/') && !s.is_empty());
    !(dest.is_empty() || scheme || dest.starts_with('/') || dest.starts_with('#'))
}

/// The figures of `body` (which starts on line `body_line` of the file at `path`), or the
/// problems of those without a description.
pub(super) fn figures(
    path: &Path,
    body: &str,
    body_line: usize,
) -> Result<Vec<Figure>, Vec<Diagnostic>> {
    if !body.contains("![") {
        return Ok(Vec::new());
    }
    let mut found = Vec::new();
    let mut problems = Vec::new();
    // The open image, its line and its alt text so far.
    let mut open: Option<(String, usize, String)> = None;
    for (event, range) in Parser::new_ext(body, OPTIONS).into_offset_iter() {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) if is_local(&dest_url) => {
                let line = body_line + body[..range.start].matches('\n').count();
                open = Some((dest_url.to_string(), line, String::new()));
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, _, alt)) = &mut open {
                    alt.push_str(&text);
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((dest, line, alt)) = open.take() {
                    if alt.trim().is_empty() {
                        problems.push(Diagnostic::at(
                            path,
                            line,
                            format!("the image \"{dest}\" has no description: write what it shows between the brackets, ![…]({dest})"),
                        ));
                    } else {
                        found.push(Figure { dest, line });
                    }
                }
            }
            _ => {}
        }
    }
    if problems.is_empty() {
        Ok(found)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_images_are_figures_with_their_lines() {
        let body =
            "Text.\n\n![Екі президент](astana.jpg \"Астана\")\n\n![web](https://x.kz/a.jpg)\n";
        let found = figures(Path::new("a.md"), body, 10).unwrap();
        assert_eq!(
            found,
            [Figure {
                dest: "astana.jpg".into(),
                line: 12
            }]
        );
        let err = figures(Path::new("a.md"), "One\n\n![](x.jpg)\n", 5).unwrap_err();
        assert_eq!(err[0].line, Some(7));
        assert!(err[0].message.contains("no description"));
    }

    #[test]
    fn what_is_local() {
        assert!(is_local("a.jpg") && is_local("../photos/a b.jpg") && is_local("x/y:z.jpg"));
        assert!(!is_local("https://x.kz/a.jpg") && !is_local("data:image/png;base64,AA"));
        assert!(!is_local("/photos/a.jpg") && !is_local("#top") && !is_local(""));
    }
}
