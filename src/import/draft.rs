//! The article an import produces, written out as a content file.

use crate::date::Date;
use serde::Serialize;
use std::fmt::Write;

/// An imported article, ready to be written to `content/articles/YYYY/<slug>.md`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Draft {
    pub slug: String,
    pub title: String,
    pub date: Date,
    pub date_note: Option<String>,
    pub lang: String,
    /// The place of the dateline, if the text had one.
    pub place: Option<String>,
    pub countries: Vec<String>,
    pub topics: Vec<String>,
    pub story: String,
    pub outlet: String,
    pub url: Option<String>,
    pub photo: Option<String>,
    /// Markdown.
    pub body: String,
}

impl Draft {
    /// Where the file goes, relative to `content/`.
    pub fn relative_path(&self) -> String {
        format!("articles/{}/{}.md", self.date.year, self.slug)
    }

    /// The file: TOML front matter in the order of the content format, then the body.
    pub fn to_file(&self) -> String {
        let mut out = String::from("+++\n");
        let _ = writeln!(out, "title = {}", toml_string(&self.title));
        let _ = writeln!(out, "date = {}", self.date);
        if let Some(note) = &self.date_note {
            let _ = writeln!(out, "date_note = {}", toml_string(note));
        }
        let _ = writeln!(out, "lang = {}", toml_string(&self.lang));
        if let Some(place) = &self.place {
            let _ = writeln!(out, "place = {}", toml_string(place));
        }
        let _ = writeln!(out, "countries = {}", toml_list(&self.countries));
        let _ = writeln!(out, "topics = {}", toml_list(&self.topics));
        let _ = writeln!(out, "story = {}", toml_string(&self.story));
        out.push_str("[source]\n");
        let _ = writeln!(out, "outlet = {}", toml_string(&self.outlet));
        if let Some(url) = &self.url {
            let _ = writeln!(out, "url = {}", toml_string(url));
        }
        if let Some(photo) = &self.photo {
            let _ = writeln!(out, "photo = {}", toml_string(photo));
        }
        out.push_str("+++\n\n");
        out.push_str(&self.body);
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out
    }
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
pub fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn toml_list(items: &[String]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|s| toml_string(s))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Article;
    use crate::taxonomy::Taxonomy;

    #[test]
    fn writes_a_file_the_loader_reads_back() {
        let draft = Draft {
            slug: "qazaqstan-men".into(),
            title: "Қазақстан \"мен\" \\ Тәжікстан\u{7}".into(),
            date: Date::new(2025, 8, 27).unwrap(),
            date_note: Some("From the dateline".into()),
            lang: "kk".into(),
            place: Some("Астана".into()),
            countries: vec![],
            topics: vec![],
            story: "2025-08-27-qazaqstan".into(),
            outlet: "BAQ.KZ".into(),
            url: None,
            photo: Some("gov.kz".into()),
            body: "Мәтін.\n".into(),
        };
        let text = draft.to_file();
        let parsed = Article::parse(
            std::path::Path::new("articles/2025/qazaqstan-men.md"),
            &text,
            &Taxonomy::default(),
        )
        .unwrap_or_else(|e| panic!("{e:?}\n{text}"));
        assert_eq!(parsed.article.title, "Қазақстан \"мен\" \\ Тәжікстан\u{7}");
        assert_eq!(parsed.article.source.photo.as_deref(), Some("gov.kz"));
        assert_eq!(parsed.article.story, "2025-08-27-qazaqstan");
        assert_eq!(parsed.article.place.as_deref(), Some("Астана"));
        assert!(parsed.warnings.is_empty());
        assert_eq!(draft.relative_path(), "articles/2025/qazaqstan-men.md");
    }
}
