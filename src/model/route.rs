//! Every page of the site, and where it lives under the base path.

use crate::load::taxonomy::Kind;

/// A page, independent of UI language; [`Route::path`] places it in one language's tree.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    /// The bilingual landing page at the site root.
    Landing,
    /// A tree's home: its stories, newest first, a page of them at a time.
    Home {
        /// 1-based; the first page has no `page/N/` in its path.
        page: usize,
    },
    /// One article's page.
    Article {
        /// The article's slug.
        slug: String,
    },
    /// The list of every country, or of every topic, that has stories.
    Terms {
        /// Countries or topics.
        kind: Kind,
    },
    /// The stories of one country or topic.
    Term {
        /// Countries or topics.
        kind: Kind,
        /// The term's taxonomy id.
        id: String,
        /// 1-based, as for [`Route::Home`].
        page: usize,
    },
    /// Every story, grouped by month, with the chart on its first page.
    Timeline {
        /// 1-based, as for [`Route::Home`].
        page: usize,
    },
    /// The timeline of one year.
    Year {
        /// The year, e.g. 2025.
        year: u16,
        /// 1-based, as for [`Route::Home`].
        page: usize,
    },
    /// The Atom feed of a tree's newest stories.
    Feed,
    /// The Atom feed of one country or topic.
    TermFeed {
        /// Countries or topics.
        kind: Kind,
        /// The term's taxonomy id.
        id: String,
    },
    /// The search page (Pagefind's UI over the index of that tree's articles).
    Search,
    /// `404.html` at the site root, in every UI language at once.
    NotFound,
}

impl Route {
    /// Path under the base path, no leading slash; directories end with `/`.
    pub fn path(&self, lang: &str) -> String {
        let mut path = String::with_capacity(48);
        self.push_path(&mut path, lang);
        path
    }

    /// Appends [`Self::path`] to `out`: links are made by the thousand a page, and this is
    /// one allocation for a whole address rather than one a part.
    pub fn push_path(&self, out: &mut String, lang: &str) {
        let mut push = |parts: &[&str]| parts.iter().for_each(|part| out.push_str(part));
        match self {
            Route::Landing => {}
            Route::Home { page } => {
                push(&[lang, "/"]);
                push_paged(out, *page);
            }
            Route::Article { slug } => push(&[lang, "/articles/", slug, "/"]),
            Route::Terms { kind } => push(&[lang, "/", kind.key(), "/"]),
            Route::Term { kind, id, page } => {
                push(&[lang, "/", kind.key(), "/", id, "/"]);
                push_paged(out, *page);
            }
            Route::Timeline { page } => {
                push(&[lang, "/timeline/"]);
                push_paged(out, *page);
            }
            Route::Year { year, page } => {
                push(&[lang, "/timeline/"]);
                push_number(out, usize::from(*year));
                out.push('/');
                push_paged(out, *page);
            }
            Route::Feed => push(&[lang, "/feed.xml"]),
            Route::TermFeed { kind, id } => push(&[lang, "/", kind.key(), "/", id, "/feed.xml"]),
            Route::Search => push(&[lang, "/search/"]),
            Route::NotFound => push(&["404.html"]),
        }
    }

    /// The file that serves this route, relative to the output folder.
    pub fn file(&self, lang: &str) -> String {
        let path = self.path(lang);
        if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path
        }
    }

    /// What kind of page this is, whatever its language, term or page number: `term/country`.
    pub fn kind(&self) -> String {
        match self {
            Route::Landing => "landing".into(),
            Route::NotFound => "404".into(),
            Route::Home { .. } => "home".into(),
            Route::Article { .. } => "article".into(),
            Route::Terms { kind } => format!("terms/{}", kind.key()),
            Route::Term { kind, .. } => format!("term/{}", kind.key()),
            Route::TermFeed { kind, .. } => format!("feed/{}", kind.key()),
            Route::Timeline { .. } => "timeline".into(),
            Route::Year { .. } => "year".into(),
            Route::Search => "search".into(),
            Route::Feed => "feed".into(),
        }
    }

    /// Whether the page exists once per UI language (everything but the landing page and 404).
    pub fn is_per_language(&self) -> bool {
        !matches!(self, Route::Landing | Route::NotFound)
    }

    /// The same list at another page number.
    #[must_use]
    pub fn with_page(&self, page: usize) -> Route {
        match self {
            Route::Home { .. } => Route::Home { page },
            Route::Term { kind, id, .. } => Route::Term {
                kind: *kind,
                id: id.clone(),
                page,
            },
            Route::Timeline { .. } => Route::Timeline { page },
            Route::Year { year, .. } => Route::Year { year: *year, page },
            other => other.clone(),
        }
    }
}

/// Appends the part of a list's address that names its page: none for the first.
fn push_paged(out: &mut String, page: usize) {
    if page > 1 {
        out.push_str("page/");
        push_number(out, page);
        out.push('/');
    }
}

fn push_number(out: &mut String, number: usize) {
    use std::fmt::Write;
    write!(out, "{number}").expect("a String takes any text");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_live_in_their_language_tree() {
        assert_eq!(Route::Home { page: 1 }.file("kk"), "kk/index.html");
        assert_eq!(Route::Home { page: 2 }.path("tg"), "tg/page/2/");
        assert_eq!(
            Route::Article { slug: "a-b".into() }.file("tg"),
            "tg/articles/a-b/index.html"
        );
        assert_eq!(
            Route::Term {
                kind: Kind::Country,
                id: "china".into(),
                page: 3
            }
            .path("kk"),
            "kk/countries/china/page/3/"
        );
        assert_eq!(
            Route::Year {
                year: 2025,
                page: 1
            }
            .path("kk"),
            "kk/timeline/2025/"
        );
        assert_eq!(
            Route::Year {
                year: 2025,
                page: 12
            }
            .path("kk"),
            "kk/timeline/2025/page/12/"
        );
        assert_eq!(
            Route::Timeline { page: 2 }.path("tg"),
            "tg/timeline/page/2/"
        );
        assert_eq!(Route::Terms { kind: Kind::Topic }.path("tg"), "tg/topics/");
        assert_eq!(Route::NotFound.file("kk"), "404.html");
        assert_eq!(Route::Landing.file("kk"), "index.html");
        assert_eq!(Route::Feed.file("kk"), "kk/feed.xml");
        assert_eq!(Route::Search.file("tg"), "tg/search/index.html");
        assert_eq!(
            Route::TermFeed {
                kind: Kind::Topic,
                id: "water".into()
            }
            .file("tg"),
            "tg/topics/water/feed.xml"
        );
    }
}
