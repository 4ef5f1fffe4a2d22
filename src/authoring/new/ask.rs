//! Asking an editor at a terminal for what the flags did not give, again after a wrong answer.

use super::{NewError, Request, check_lang, check_outlet, check_terms, check_title, split_ids};
use crate::authoring::Archive;
use crate::date::Date;
use crate::language::Language;
use crate::load::taxonomy::Kind;
use crate::slug;
use std::io::{BufRead, Write};

/// Asks on `output` for what `request` lacks, line by line from `input`, showing the allowed
/// values and asking again after an answer that is not one: the title, language, countries and
/// topics (an empty answer is none), outlet, and a slug when the title's is unusable.
pub fn ask_missing(
    request: &mut Request,
    archive: &Archive,
    today: Date,
    input: impl BufRead,
    output: impl Write,
) -> Result<(), NewError> {
    let mut prompt = Prompt { input, output };
    let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
    if blank(&request.title) {
        request.title =
            Some(prompt.ask("title", "Title, in the article's language", check_title)?);
    }
    if blank(&request.lang) {
        let languages: Vec<String> = Language::codes()
            .filter_map(Language::from_code)
            .map(|l| format!("{} {}", l.code, l.native_name))
            .collect();
        let help = format!("Language of the text: {}", languages.join(", "));
        let lang = prompt.ask("language", &help, check_lang)?;
        request.lang = Some(lang.to_string());
    }
    for (kind, value) in [
        (Kind::Country, &mut request.countries),
        (Kind::Topic, &mut request.topics),
    ] {
        if value.is_none() {
            let help = format!(
                "{} (ids separated by commas; empty for none):\n{}",
                capitalized(kind.key()),
                archive.term_lines(kind).trim_end()
            );
            let ids = prompt.ask(kind.key(), &help, |answer| {
                check_terms(kind, &split_ids(answer), &archive.taxonomy)
            })?;
            *value = Some(ids);
        }
    }
    if blank(&request.outlet) {
        request.outlet = Some(prompt.ask("outlet", "Outlet the text comes from", check_outlet)?);
    }
    if request.slug.is_none() {
        let year = request.date.unwrap_or(today).year;
        let title = request.title.as_deref().unwrap_or_default();
        let default = slug::title_slug(title, request.lang.as_deref());
        let problem = if default.is_empty() {
            Some(NewError::NoSlug)
        } else {
            archive.checked_slug(&default, year).err()
        };
        if let Some(problem) = problem {
            let help =
                format!("{problem}\nSlug (the file name and URL: Latin letters, digits, hyphens)");
            let chosen = prompt.ask("slug", &help, |answer| archive.checked_slug(answer, year))?;
            request.slug = Some(chosen);
        }
    }
    Ok(())
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Questions on one stream, answers from another, line by line.
struct Prompt<R, W> {
    input: R,
    output: W,
}

impl<R: BufRead, W: Write> Prompt<R, W> {
    /// Shows `help`, then asks for `name` until `check` accepts the answer.
    fn ask<T>(
        &mut self,
        name: &'static str,
        help: &str,
        mut check: impl FnMut(&str) -> Result<T, NewError>,
    ) -> Result<T, NewError> {
        writeln!(self.output, "{help}")?;
        loop {
            write!(self.output, "{name}: ")?;
            self.output.flush()?;
            let mut line = String::new();
            if self.input.read_line(&mut line)? == 0 {
                writeln!(self.output)?;
                return Err(NewError::Cancelled(name));
            }
            match check(line.trim()) {
                Ok(value) => return Ok(value),
                Err(e) => writeln!(self.output, "  {e}; try again")?,
            }
        }
    }
}
