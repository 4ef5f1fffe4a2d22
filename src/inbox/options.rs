//! The lines of options a text in the inbox may open with, one `name: value` each (or
//! several on one line): what `dostyk import`'s flags say on the command line. Names are
//! lower-case English; a line whose first word is no option name (nor close to one) is the
//! text's own, and the options end there.

use crate::date::Date;
use crate::error::closest;
use crate::import::page_url::PageUrl;
use crate::import::pipeline::Options;

/// The options, by the name a line gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Name {
    Url,
    Date,
    Year,
    Lang,
    Outlet,
    Photo,
    Alt,
    OffTopic,
}

const NAMES: [(&str, Name); 8] = [
    ("url", Name::Url),
    ("date", Name::Date),
    ("year", Name::Year),
    ("lang", Name::Lang),
    ("outlet", Name::Outlet),
    ("photo", Name::Photo),
    ("alt", Name::Alt),
    ("off-topic", Name::OffTopic),
];

/// Every option name a line may give, as `dostyk import` names its flags (`--off-topic`).
pub const OPTION_NAMES: [&str; NAMES.len()] = {
    let mut names = [""; NAMES.len()];
    let mut i = 0;
    while i < NAMES.len() {
        names[i] = NAMES[i].0;
        i += 1;
    }
    names
};

/// What the option lines say; each is `None` (or `false`) when not given.
#[derive(Debug, Clone, Default)]
pub struct TextOptions {
    /// What the import's flags would say: `url:`, `date:`, `year:`, `lang:`, `outlet:` and
    /// `off-topic: yes`. Its `subjects` are the archive's, left empty here.
    pub import: Options,
    /// `photo:` a photo's path in the repository.
    pub photo: Option<String>,
    /// `alt:` what the photo shows.
    pub alt: Option<String>,
}

/// A problem at a line of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    /// 1-based line of the file.
    pub line: usize,
    /// What is wrong and what to write instead.
    pub message: String,
}

/// The options a text opens with, and the text without them.
#[derive(Debug, Clone)]
pub struct Header {
    /// What the option lines say.
    pub options: TextOptions,
    /// The 1-based lines that held options.
    pub lines: Vec<usize>,
    /// Option lines that say something wrong.
    pub problems: Vec<LineProblem>,
    /// The text with every option line emptied, so that its other lines keep their numbers.
    pub text: String,
}

/// Reads the option lines `raw` opens with (blank lines may stand between them).
pub fn read_header(raw: &str) -> Header {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let mut lines: Vec<&str> = raw.split('\n').collect();
    let mut reader = Reader::default();
    let mut option_lines = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let Some(pairs) = pairs(line) else {
            break;
        };
        for (name, value) in pairs {
            reader.take(index + 1, name, &value);
        }
        option_lines.push(index + 1);
    }
    for &line in &option_lines {
        lines[line - 1] = "";
    }
    let (options, problems) = reader.finish();
    Header {
        options,
        lines: option_lines,
        problems,
        text: lines.join("\n"),
    }
}

/// An option as a line writes it: a known name, or a misspelling of one.
#[derive(Clone, Copy)]
enum Written<'a> {
    Known(Name),
    Misspelt(&'a str, &'static str),
}

/// The `name: value` pairs of an option line; `None` when the line is the text's own.
fn pairs(line: &str) -> Option<Vec<(Written<'_>, String)>> {
    let mut words = line.split_whitespace();
    let first = written(words.next()?, true)?;
    let mut pairs = vec![(first, Vec::new())];
    for word in words {
        match written(word, false) {
            Some(name) => pairs.push((name, Vec::new())),
            None => pairs.last_mut().expect("one pair at least").1.push(word),
        }
    }
    Some(
        pairs
            .into_iter()
            .map(|(name, value)| (name, value.join(" ")))
            .collect(),
    )
}

/// `word` as an option's name (`date:`); a near miss counts only at the start of a line.
fn written(word: &str, first: bool) -> Option<Written<'_>> {
    let name = word.strip_suffix(':')?;
    if let Some((_, known)) = NAMES.iter().find(|(n, _)| *n == name) {
        return Some(Written::Known(*known));
    }
    let plausible = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '-' || c == '_');
    if !first || !plausible {
        return None;
    }
    closest(name, OPTION_NAMES).map(|near| Written::Misspelt(name, near))
}

/// Gathers the options line by line, with the problems.
#[derive(Default)]
struct Reader {
    options: TextOptions,
    seen: Vec<(Name, usize)>,
    problems: Vec<LineProblem>,
}

impl Reader {
    fn take(&mut self, line: usize, written: Written<'_>, value: &str) {
        let name = match written {
            Written::Known(name) => name,
            Written::Misspelt(name, near) => {
                self.problem(
                    line,
                    format!(
                        "unknown option \"{name}:\" (did you mean \"{near}:\"?); the options are {}",
                        OPTION_NAMES.map(|n| format!("{n}:")).join(", ")
                    ),
                );
                return;
            }
        };
        let label = label(name);
        if let Some((_, earlier)) = self.seen.iter().find(|(n, _)| *n == name) {
            let earlier = *earlier;
            self.problem(
                line,
                format!("\"{label}:\" is given twice (lines {earlier} and {line}): keep one"),
            );
            return;
        }
        self.seen.push((name, line));
        let value = value.trim();
        if value.is_empty() {
            self.problem(
                line,
                format!("\"{label}:\" has no value: {}", example(name)),
            );
            return;
        }
        if let Err(why) = self.set(name, value) {
            self.problem(
                line,
                format!("\"{label}: {value}\": {why}; {}", example(name)),
            );
        }
    }

    fn set(&mut self, name: Name, value: &str) -> Result<(), &'static str> {
        let options = &mut self.options.import;
        match name {
            Name::Url => options.url = Some(PageUrl::parse(value).ok_or("not a web address")?),
            Name::Date => options.date = Some(Date::parse(value).ok_or("not a date")?),
            Name::Year => {
                options.year = Some(
                    value
                        .parse()
                        .ok()
                        .filter(|y| (1900..=2200).contains(y))
                        .ok_or("not a year")?,
                );
            }
            Name::Lang => options.lang = Some(value.to_string()),
            Name::Outlet => options.outlet = Some(value.to_string()),
            Name::Photo => self.options.photo = Some(value.to_string()),
            Name::Alt => self.options.alt = Some(value.to_string()),
            Name::OffTopic => {
                options.off_topic = match value.to_ascii_lowercase().as_str() {
                    "yes" | "true" => true,
                    "no" | "false" => false,
                    _ => return Err("say yes or no"),
                };
            }
        }
        Ok(())
    }

    fn problem(&mut self, line: usize, message: String) {
        self.problems.push(LineProblem { line, message });
    }

    fn finish(mut self) -> (TextOptions, Vec<LineProblem>) {
        let line_of = |name| self.seen.iter().find(|(n, _)| *n == name).map(|(_, l)| *l);
        let (photo, alt) = (line_of(Name::Photo), line_of(Name::Alt));
        match (photo, alt) {
            (Some(line), None) => self.problem(
                line,
                "\"photo:\" needs an \"alt:\" line: what the photo shows, for readers who cannot see it, in the text's language".into(),
            ),
            (None, Some(line)) => self.problem(
                line,
                "\"alt:\" describes a photo: add a \"photo:\" line with the photo's path in the repository".into(),
            ),
            _ => {}
        }
        (self.options, self.problems)
    }
}

fn label(name: Name) -> &'static str {
    NAMES
        .iter()
        .find(|(_, n)| *n == name)
        .map(|(label, _)| *label)
        .expect("every name is in NAMES")
}

/// How the option is written, for a message.
fn example(name: Name) -> &'static str {
    match name {
        Name::Url => "write the page's address, as url: https://host/path",
        Name::Date => "write it as date: YYYY-MM-DD",
        Name::Year => "write it as year: YYYY",
        Name::Lang => "write it as lang: kk (or tg, uz, ru)",
        Name::Outlet => "write it as outlet: NAME",
        Name::Photo => "write the photo's path in the repository, as photo: inbox/NAME.jpg",
        Name::Alt => "write what the photo shows, as alt: TEXT",
        Name::OffTopic => "write it as off-topic: yes",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_open_the_text_and_their_lines_are_emptied() {
        let header = read_header(
            "date: 2025-11-14\nlang: tg outlet: АМИТ «Ховар»\n\nДушанбе, 14 ноябр – матн\nurl: not an option here\n",
        );
        assert!(header.problems.is_empty(), "{:?}", header.problems);
        assert_eq!(header.lines, [1, 2]);
        let options = &header.options.import;
        assert_eq!(options.date, Date::parse("2025-11-14"));
        assert_eq!(options.lang.as_deref(), Some("tg"));
        assert_eq!(options.outlet.as_deref(), Some("АМИТ «Ховар»"));
        assert_eq!(
            header.text,
            "\n\n\nДушанбе, 14 ноябр – матн\nurl: not an option here\n"
        );
    }

    #[test]
    fn a_text_without_options_is_left_whole() {
        let raw = "\u{feff}Тоҷикистон ва Қазоқистон\r\nerror:\r\n";
        let header = read_header(raw);
        assert_eq!(header.lines, Vec::<usize>::new());
        assert_eq!(header.text, "Тоҷикистон ва Қазоқистон\r\nerror:\r\n");
        assert!(header.options.import.date.is_none() && header.options.photo.is_none());
    }

    #[test]
    fn every_option_is_read() {
        let header = read_header(
            "url: https://khovar.tj/2025/11/a/\r\nyear: 2025\r\nphoto: inbox/a.jpg\r\nalt: Ду президент\r\noff-topic: yes\r\nМатн",
        );
        assert!(header.problems.is_empty(), "{:?}", header.problems);
        let o = &header.options;
        assert!(o.import.url.is_some());
        assert_eq!(o.import.year, Some(2025));
        assert_eq!(o.photo.as_deref(), Some("inbox/a.jpg"));
        assert_eq!(o.alt.as_deref(), Some("Ду президент"));
        assert!(o.import.off_topic);
        assert_eq!(header.text, "\n\n\n\n\nМатн");
    }

    #[test]
    fn wrong_options_are_problems_at_their_lines() {
        let header = read_header(
            "dat: 2025-11-14\ndate: 14.11.2025\nyear: 25\ndate: 2025-11-14\noff-topic: maybe\nphoto: a.jpg\nlang:\nМатн",
        );
        let lines: Vec<usize> = header.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [1, 2, 3, 4, 5, 7, 6], "{:#?}", header.problems);
        let messages: Vec<&str> = header.problems.iter().map(|p| p.message.as_str()).collect();
        assert!(
            messages[0].contains("did you mean \"date:\""),
            "{}",
            messages[0]
        );
        assert!(messages[1].contains("not a date; write it as date: YYYY-MM-DD"));
        assert!(messages[3].contains("given twice (lines 2 and 4)"));
        assert!(messages[6].contains("needs an \"alt:\" line"));
        assert_eq!(header.lines, [1, 2, 3, 4, 5, 6, 7]);
    }

    #[test]
    fn a_first_word_far_from_any_option_is_text() {
        let header = read_header("toshkent: yangiliklar\nMatn");
        assert_eq!(header.lines, Vec::<usize>::new());
        assert!(header.problems.is_empty(), "{:?}", header.problems);
    }
}
