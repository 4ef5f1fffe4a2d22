//! Cleaning raw text before anything reads it: encodings' leftovers that real copies carry.

/// The text with a BOM, CR line ends, no-break and zero-width spaces, tabs and trailing
/// spaces normalised, so every later step sees plain `\n`-separated lines.
pub fn normalise(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let mut out = String::with_capacity(raw.len());
    for line in raw.split('\n') {
        let line: String = line
            .chars()
            .filter_map(|c| match c {
                '\r' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
                | '\u{ad}' => None,
                '\u{a0}' | '\u{2007}' | '\u{202f}' | '\t' | '\u{2009}' | '\u{200a}' => Some(' '),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let trimmed = out.trim_end_matches('\n').len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// `text` with runs of spaces collapsed and trimmed: how lines are compared.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_what_copies_carry() {
        assert_eq!(
            normalise("\u{feff}Бір\u{a0}екі  \r\nүш\u{200b}\t\n\n\n"),
            "Бір екі\nүш\n"
        );
        assert_eq!(normalise(""), "\n");
        assert_eq!(squash("  a   b \n c "), "a b c");
    }
}
