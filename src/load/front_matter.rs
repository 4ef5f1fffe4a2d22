//! Splitting an article file into its TOML front matter and Markdown body.

/// An article file cut at its `+++` lines.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The TOML between the `+++` lines.
    pub front_matter: &'a str,
    /// 1-based line of the file on which `front_matter` starts.
    pub front_matter_line: usize,
    /// The Markdown after the closing `+++` line, as it is (leading blank lines kept).
    pub body: &'a str,
    /// 1-based line of the file on which `body` starts.
    pub body_line: usize,
}

/// Why a file could not be split; the line is 1-based.
#[derive(Debug, PartialEq, Eq)]
pub struct SplitError {
    /// The line to point at: the first, where the front matter opens or should.
    pub line: usize,
    /// What is wrong and what to add.
    pub message: &'static str,
}

/// Splits `text` (BOM already removed) into front matter and body. CRLF line ends work.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "+++" {
        let message = if text.trim().is_empty() {
            "the file is empty: an article starts with a `+++` line, its front matter, and another `+++` line"
        } else {
            "an article must start with a `+++` line that opens its TOML front matter"
        };
        return Err(SplitError { line: 1, message });
    }
    let start = first.len();
    let mut offset = start;
    for (line, l) in (2..).zip(lines) {
        if l.trim_end() == "+++" {
            let body_start = offset + l.len();
            return Ok(Split {
                front_matter: &text[start..offset],
                front_matter_line: 2,
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        offset += l.len();
    }
    Err(SplitError {
        line: 1,
        message: "the front matter opened on this line never closes: add a `+++` line after it",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_the_plus_lines() {
        let s = split("+++\ntitle = \"x\"\n+++\n\nBody\n").unwrap();
        assert_eq!(s.front_matter, "title = \"x\"\n");
        assert_eq!(s.body, "\nBody\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn accepts_crlf() {
        let s = split("+++\r\na = 1\r\n+++\r\nBody").unwrap();
        assert_eq!(s.front_matter, "a = 1\r\n");
        assert_eq!(s.body, "Body");
    }

    #[test]
    fn names_the_problem() {
        assert_eq!(split("+++\na = 1\n").unwrap_err().line, 1);
        assert!(split("").unwrap_err().message.contains("empty"));
        assert!(
            split("title = 1")
                .unwrap_err()
                .message
                .contains("start with")
        );
    }
}
