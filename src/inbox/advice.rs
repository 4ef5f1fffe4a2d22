//! The importer's problems name `dostyk import`'s flags (`give the date with --date
//! YYYY-MM-DD`); an editor of the inbox writes option lines instead. This says the same
//! thing in the inbox's terms.

use super::options::OPTION_NAMES;
use std::fmt::Write as _;

/// `message` with every flag of an option (`--date YYYY-MM-DD`, `--off-topic`) written as
/// the option line that stands for it (`"date: YYYY-MM-DD"`, `"off-topic: yes"`); a flag
/// named without a value (`given with --date`) is the line: `given with the "date:" line`.
pub fn as_option_lines(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find("--") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_lowercase() || c == '-'))
            .unwrap_or(after.len());
        let name = &after[..name_len];
        if !OPTION_NAMES.contains(&name) {
            out.push_str("--");
            rest = after;
            continue;
        }
        let mut tail = &after[name_len..];
        let value = if name == "off-topic" {
            "yes".to_string()
        } else if let Some(value) = tail.strip_prefix(' ') {
            let end = value.find(char::is_whitespace).unwrap_or(value.len());
            let token = value[..end].trim_end_matches([':', ',', ';', '.', ')']);
            tail = &value[token.len()..];
            token.to_string()
        } else {
            let _ = write!(out, "the \"{name}:\" line");
            rest = tail;
            continue;
        };
        let _ = write!(out, "\"{name}: {value}\"");
        rest = tail;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_become_option_lines() {
        assert_eq!(
            as_option_lines(
                "the text gives no date: give the publication date with --date YYYY-MM-DD"
            ),
            "the text gives no date: give the publication date with \"date: YYYY-MM-DD\""
        );
        assert_eq!(
            as_option_lines(
                "give the year with --year YYYY (or the whole date with --date YYYY-MM-DD)"
            ),
            "give the year with \"year: YYYY\" (or the whole date with \"date: YYYY-MM-DD\")"
        );
        assert_eq!(
            as_option_lines("--lang xx: unknown language code; known: kk"),
            "\"lang: xx\": unknown language code; known: kk"
        );
        assert_eq!(
            as_option_lines("off topic: …; import it anyway with --off-topic"),
            "off topic: …; import it anyway with \"off-topic: yes\""
        );
        assert_eq!(
            as_option_lines("given with --date"),
            "given with the \"date:\" line"
        );
        assert_eq!(
            as_option_lines("--force replaces -- a dash"),
            "--force replaces -- a dash"
        );
    }
}
