//! An article file as editors' commands write it (`import`, `new`): its front matter and
//! body, written in the content format's order, and read back through the loader, so that
//! what is written is exactly what a build accepts.

use crate::date::Date;
use crate::error::Diagnostic;
use crate::load::Article;
use crate::load::taxonomy::Taxonomy;
use serde::Serialize;
use std::fmt::Write;
use std::path::Path;

/// An article file's contents, ready to be written to `content/articles/YYYY/<slug>.md`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleFile {
    /// The file's name without `.md`: the article's address.
    pub slug: String,
    /// The headline, plain text.
    pub title: String,
    /// The publication date.
    pub date: Date,
    /// How the date was known, when not from the text itself.
    pub date_note: Option<String>,
    /// The language code of the text (`kk`, `tg`, `uz`, `ru` …).
    pub lang: String,
    /// The place of the dateline, if the text had one.
    pub place: Option<String>,
    /// Country ids of the taxonomy.
    pub countries: Vec<String>,
    /// Topic ids of the taxonomy.
    pub topics: Vec<String>,
    /// The story the article is a version of: shared by its versions in other languages.
    pub story: String,
    /// The outlet the text came from.
    pub outlet: String,
    /// The address of the source page, where known.
    pub url: Option<String>,
    /// The photo credit, if the text had one.
    pub photo: Option<String>,
    /// The text, in Markdown.
    pub body: String,
}

impl ArticleFile {
    /// The file `text` (at `path`) holds, read as a build reads it: the loader's checks of
    /// the front matter against `taxonomy`, and the problems it finds.
    pub fn parse(
        path: &Path,
        text: &str,
        taxonomy: &Taxonomy,
    ) -> Result<ArticleFile, Vec<Diagnostic>> {
        let article = Article::parse(path, text, taxonomy)?.article;
        Ok(ArticleFile {
            slug: article.slug,
            title: article.title,
            date: article.date,
            date_note: article.date_note,
            lang: article.lang.code.to_string(),
            place: article.place,
            countries: article.countries,
            topics: article.topics,
            story: article.story,
            outlet: article.source.outlet,
            url: article.source.url,
            photo: article.source.photo,
            // The blank line [`Self::to_file`] puts after the front matter is not the body's.
            body: match article.body.strip_prefix('\n') {
                Some(body) => body.to_string(),
                None => article.body,
            },
        })
    }

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
fn toml_string(s: &str) -> String {
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

    #[test]
    fn writes_a_file_the_loader_reads_back() {
        let file = ArticleFile {
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
        let text = file.to_file();
        let path = Path::new("articles/2025/qazaqstan-men.md");
        let parsed = Article::parse(path, &text, &Taxonomy::default())
            .unwrap_or_else(|e| panic!("{e:?}\n{text}"));
        assert!(parsed.warnings.is_empty());
        assert_eq!(file.relative_path(), "articles/2025/qazaqstan-men.md");
        // Written and read again, every field comes back as it was.
        let again = ArticleFile::parse(path, &text, &Taxonomy::default())
            .unwrap_or_else(|e| panic!("{e:?}\n{text}"));
        assert_eq!(again, file);
        assert_eq!(again.to_file(), text);
    }
}
