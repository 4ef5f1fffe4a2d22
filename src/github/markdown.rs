//! The job summary: Markdown that GitHub renders on a run's page. Text from outside (an
//! agency's headline, an editor's file name) is escaped so that it shows as written and
//! cannot break the table it sits in.

use std::io::Write as _;
use std::path::Path;

/// `text` for a table cell: every character Markdown or HTML would read as syntax escaped,
/// a `|` included, and line breaks made spaces.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\r' | '\n' => out.push(' '),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// `text` as inline code, fenced with more backticks than it holds in a row.
pub fn code(text: &str) -> String {
    let text = text.replace(['\r', '\n'], " ");
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Appends `markdown` to the summary file (`$GITHUB_STEP_SUMMARY`), creating it if needed.
pub fn append_summary(file: &Path, markdown: &str) -> std::io::Result<()> {
    let mut summary = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(file)?;
    summary.write_all(markdown.as_bytes())?;
    if !markdown.ends_with('\n') {
        summary.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_show_text_as_written() {
        assert_eq!(cell("a | b"), "a \\| b");
        assert_eq!(cell("<script>&"), "\\<script\\>&amp;");
        assert_eq!(cell("*bold* [x](y)\nnext"), "\\*bold\\* \\[x\\](y) next");
        assert_eq!(cell("Тоҷикистон ва Қазоқистон"), "Тоҷикистон ва Қазоқистон");
    }

    #[test]
    fn code_fences_outlast_the_text() {
        assert_eq!(code("inbox/a.txt"), "`inbox/a.txt`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`a"), "`` `a ``");
    }

    #[test]
    fn appends_to_the_summary() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("summary.md");
        append_summary(&file, "# one").unwrap();
        append_summary(&file, "two\n").unwrap();
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "# one\ntwo\n");
    }
}
