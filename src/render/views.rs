//! What templates see: plain serializable structs, built from the model per UI language.
//! List pages get article metadata only, never rendered bodies.

use super::structured;
use crate::load::Article;
use crate::load::config::UiLanguage;
use crate::load::taxonomy::Kind;
use crate::model::{Route, Site, Story};
use serde::Serialize;

/// What every page has: language, site identity, navigation, head links.
#[derive(Serialize)]
pub(super) struct PageView<'a> {
    /// The UI language: `<html lang>`.
    pub lang: &'a str,
    pub site: SiteView<'a>,
    /// The `<title>`.
    pub title: String,
    /// The page's own heading (`h1`).
    pub heading: String,
    pub description: String,
    /// Absolute canonical URL.
    pub canonical: String,
    /// The same page in every UI language: the language switch.
    pub alternates: Vec<Alternate>,
    /// The `hreflang` annotations: the same page in every UI language (and `x-default`), but for
    /// articles their language versions (see [`Site::language_versions`]).
    pub hreflang: Vec<HrefLang>,
    pub nav: Vec<Link>,
    pub breadcrumbs: Vec<Link>,
    /// The site's Atom feed in this language.
    pub feed: Option<Link>,
    /// A country's or topic's own feed, on its page.
    pub term_feed: Option<Link>,
    /// This language's search page, where the header's search box sends its query (`?q=`).
    pub search: String,
    pub assets: Assets,
    /// What link previews show: `OpenGraph` and Twitter card data.
    pub preview: Preview,
    /// schema.org documents, JSON already escaped for a `<script>` element.
    pub json_ld: Vec<String>,
}

/// Link preview data (`OpenGraph`, Twitter cards).
#[derive(Serialize)]
pub(super) struct Preview {
    /// `website` or `article`.
    pub kind: &'static str,
    /// Absolute URL of the image.
    pub image: String,
    pub image_alt: String,
    /// `kk_KZ`: the page's locale, and the other UI languages'.
    pub locale: String,
    pub locale_alternates: Vec<String>,
}

#[derive(Serialize)]
pub(super) struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// Root-relative link to this language's home.
    pub home: String,
    pub base_url: &'a str,
    pub base_path: &'a str,
}

#[derive(Serialize, Clone)]
pub(super) struct Link {
    pub label: String,
    pub href: String,
    pub current: bool,
}

#[derive(Serialize)]
pub(super) struct Alternate {
    pub lang: String,
    pub name: String,
    /// Root-relative.
    pub href: String,
    pub current: bool,
}

/// One `<link rel="alternate" hreflang>`.
#[derive(Serialize)]
pub(super) struct HrefLang {
    /// A language code or `x-default`.
    pub lang: String,
    /// Absolute.
    pub url: String,
}

/// The URLs pages link the static files by: under the base path, each with a hash of the
/// file's content (`?v=…`) so that browsers fetch it again exactly when it changed.
#[derive(Serialize, Clone, Debug)]
pub struct Assets {
    /// The site's stylesheet, `style.css`.
    pub style: String,
    /// The code highlighting's stylesheet, `syntax.css`, linked only by pages with code.
    pub syntax: String,
    /// The site's icon, `favicon.svg`.
    pub icon: String,
    /// The image link previews show (`OpenGraph`, Twitter cards).
    pub social: String,
    /// The script of the search page.
    pub search: String,
}

/// A story as one entry of a list, in the UI language's terms.
#[derive(Serialize)]
pub(super) struct StoryCard {
    pub title: String,
    pub href: String,
    /// The language of the shown version's text.
    pub lang: &'static str,
    pub lang_name: &'static str,
    pub lang_short: &'static str,
    /// Whether the text is in a language other than the UI's: the badge is shown then.
    pub foreign: bool,
    pub date: String,
    pub datetime: String,
    pub summary: String,
    pub outlet: String,
    pub countries: Vec<Link>,
    pub topics: Vec<Link>,
    pub also_in: Vec<VersionLink>,
}

/// Another language version of the same story.
#[derive(Serialize)]
pub(super) struct VersionLink {
    pub lang: &'static str,
    /// The language's name, and the outlet when the story has several versions in it.
    pub name: String,
    pub href: String,
    pub title: String,
}

/// An article page's own content.
#[derive(Serialize)]
pub(super) struct ArticleView<'a> {
    pub card: StoryCard,
    /// The version's year: a search filter.
    pub year: u16,
    pub body: &'a str,
    /// Whether the body has a highlighted code block: the page then links `syntax.css`.
    pub has_code: bool,
    pub date_note: Option<&'a str>,
    pub source_url: Option<&'a str>,
    pub photo: Option<&'a str>,
    /// The dateline's place, in the UI language when the taxonomy knows it.
    pub place: Option<&'a str>,
    /// The language of `place` when it is shown as the article writes it (the taxonomy does not
    /// know it): the article's.
    pub place_lang: Option<&'static str>,
}

/// Page numbers of a paginated list.
#[derive(Serialize)]
pub(super) struct Pagination {
    pub current: usize,
    pub total: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
    /// Page links around the current one; `None` marks a gap.
    pub pages: Vec<Option<Link>>,
}

/// Builds views for one UI language.
pub(super) struct ViewBuilder<'a> {
    pub site: &'a Site,
    pub ui: &'a UiLanguage,
    pub assets: &'a Assets,
}

impl<'a> ViewBuilder<'a> {
    pub(super) fn href(&self, route: &Route) -> String {
        format!(
            "{}{}",
            self.site.config.base_path,
            route.path(&self.ui.code)
        )
    }

    pub(super) fn url(&self, route: &Route, lang: &str) -> String {
        format!("{}{}", self.site.config.base_url, route.path(lang))
    }

    pub(super) fn t(&self, key: &str) -> String {
        self.ui
            .strings
            .get(key)
            .cloned()
            .unwrap_or_else(|| format!("[{key}]"))
    }

    /// A list's heading, with the page number from page 2 on.
    pub(super) fn paged_heading(&self, heading: String, page: usize) -> String {
        if page <= 1 {
            heading
        } else {
            format!(
                "{heading} — {}",
                self.t("page_n").replace("{n}", &page.to_string())
            )
        }
    }

    pub(super) fn count(&self, n: usize) -> String {
        self.t("story_count").replace("{n}", &n.to_string())
    }

    pub(super) fn term_label(&self, kind: Kind, id: &str) -> String {
        self.site
            .taxonomy
            .terms(kind)
            .iter()
            .find(|t| t.id == id)
            .and_then(|t| t.labels.get(&self.ui.code))
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    fn term_links(&self, kind: Kind, ids: &[String]) -> Vec<Link> {
        ids.iter()
            .map(|id| Link {
                label: self.term_label(kind, id),
                href: self.href(&Route::Term {
                    kind,
                    id: id.clone(),
                    page: 1,
                }),
                current: false,
            })
            .collect()
    }

    /// The page frame. `route` is this page; `heading` its `h1`. The canonical URL is the page
    /// itself; article pages point it at their own language's tree (see [`Self::article_url`]).
    pub(super) fn page(
        &self,
        route: &Route,
        heading: String,
        description: String,
        breadcrumbs: Vec<Link>,
    ) -> PageView<'a> {
        let config = &self.site.config;
        let lang = self.ui.code.as_str();
        let title = if matches!(route, Route::Home { page: 1 }) {
            self.ui.title.clone()
        } else {
            format!("{heading} — {}", self.ui.title)
        };
        let alternates = config
            .languages
            .iter()
            .map(|l| Alternate {
                lang: l.code.clone(),
                name: l.native_name.clone(),
                href: format!("{}{}", config.base_path, route.path(&l.code)),
                current: l.code == lang,
            })
            .collect();
        let hreflang = config
            .languages
            .iter()
            .map(|l| HrefLang {
                lang: l.code.clone(),
                url: self.url(route, &l.code),
            })
            .chain(std::iter::once(HrefLang {
                lang: "x-default".into(),
                url: self.url(route, &config.default_language().code),
            }))
            .collect();
        let nav_item = |key: &str, target: Route| Link {
            label: self.t(key),
            current: section(route).is_some() && section(route) == section(&target),
            href: self.href(&target),
        };
        let heading_for_crumbs = heading.clone();
        PageView {
            lang,
            site: SiteView {
                title: &self.ui.title,
                description: &self.ui.description,
                home: self.href(&Route::Home { page: 1 }),
                base_url: &config.base_url,
                base_path: &config.base_path,
            },
            title,
            heading,
            description,
            canonical: self.url(route, lang),
            alternates,
            hreflang,
            nav: vec![
                nav_item("home", Route::Home { page: 1 }),
                nav_item(
                    "countries",
                    Route::Terms {
                        kind: Kind::Country,
                    },
                ),
                nav_item("topics", Route::Terms { kind: Kind::Topic }),
                nav_item("timeline", Route::Timeline { page: 1 }),
            ],
            json_ld: if breadcrumbs.is_empty() {
                Vec::new()
            } else {
                vec![structured::breadcrumbs(
                    &breadcrumbs,
                    &heading_for_crumbs,
                    &self.url(route, lang),
                    self.origin(),
                )]
            },
            breadcrumbs,
            feed: Some(Link {
                label: self.t("feed"),
                href: self.href(&Route::Feed),
                current: false,
            }),
            term_feed: None,
            search: self.href(&Route::Search),
            assets: self.assets.clone(),
            preview: Preview {
                kind: "website",
                image: format!("{}{}", self.origin(), self.assets.social),
                image_alt: self.ui.title.clone(),
                locale: og_locale(&self.ui.code),
                locale_alternates: config
                    .languages
                    .iter()
                    .filter(|l| l.code != lang)
                    .map(|l| og_locale(&l.code))
                    .collect(),
            },
        }
    }

    /// Scheme and host of the site, without its base path: prefix of root-relative links.
    pub(super) fn origin(&self) -> &'a str {
        let config = &self.site.config;
        &config.base_url[..config.base_url.len() - config.base_path.len()]
    }

    /// An article's canonical URL: its copy in its own language's tree, or in the default tree
    /// when its language is not a UI language.
    pub(super) fn article_url(&self, article: &Article) -> String {
        let route = Route::Article {
            slug: article.slug.clone(),
        };
        self.url(&route, self.site.config.home_tree(article.lang.code))
    }

    /// The first breadcrumb of every page: this language's home.
    pub(super) fn home_crumb(&self) -> Link {
        Link {
            label: self.t("home"),
            href: self.href(&Route::Home { page: 1 }),
            current: false,
        }
    }

    pub(super) fn crumb(&self, key_or_label: String, route: &Route) -> Link {
        Link {
            label: key_or_label,
            href: self.href(route),
            current: false,
        }
    }

    /// A story as a list entry: the version in the UI language when there is one.
    pub(super) fn card(&self, story: &Story) -> StoryCard {
        let shown = self.site.shown_version(story, &self.ui.code);
        self.card_for(story, shown)
    }

    /// An entry for one given version of `story`.
    pub(super) fn card_for(&self, story: &Story, version: usize) -> StoryCard {
        let article: &Article = &self.site.articles[version];
        let also_in = story
            .versions
            .iter()
            .filter(|&&v| v != version)
            .map(|&v| {
                let other = &self.site.articles[v];
                // Two reports in one language (two outlets' versions) are told apart by outlet.
                let shared_language = story
                    .versions
                    .iter()
                    .filter(|&&w| self.site.articles[w].lang.code == other.lang.code)
                    .count()
                    > 1;
                VersionLink {
                    lang: other.lang.code,
                    name: if shared_language {
                        format!("{} ({})", other.lang.native_name, other.source.outlet)
                    } else {
                        other.lang.native_name.to_string()
                    },
                    href: self.href(&Route::Article {
                        slug: other.slug.clone(),
                    }),
                    title: other.title.clone(),
                }
            })
            .collect();
        StoryCard {
            title: article.title.clone(),
            href: self.href(&Route::Article {
                slug: article.slug.clone(),
            }),
            lang: article.lang.code,
            lang_name: article.lang.native_name,
            lang_short: article.lang.short,
            foreign: article.lang.code != self.ui.code,
            // A list files a story under the day it broke (its earliest version), so that is
            // the date its entry shows; the article page shows the version's own date.
            date: self.ui.dates.date(story.date),
            datetime: story.date.to_string(),
            summary: article.summary.clone(),
            outlet: article.source.outlet.clone(),
            countries: self.term_links(Kind::Country, &article.countries),
            topics: self.term_links(Kind::Topic, &article.topics),
            also_in,
        }
    }

    pub(super) fn article(&self, index: usize, body: &'a str) -> ArticleView<'a> {
        let article = &self.site.articles[index];
        let story = self.site.story_of(index);
        let mut card = self.card_for(story, index);
        card.date = self.ui.dates.date(article.date);
        card.datetime = article.date.to_string();
        ArticleView {
            card,
            year: article.date.year,
            body,
            has_code: body.contains("<pre class=\"hl-code\""),
            date_note: article.date_note.as_deref(),
            source_url: article
                .source
                .url
                .as_deref()
                .filter(|u| crate::render::markdown::is_safe_url(u)),
            photo: article.source.photo.as_deref(),
            place: article.place.as_deref().map(|place| {
                self.site
                    .taxonomy
                    .place_label(place, &self.ui.code)
                    .unwrap_or(place)
            }),
            place_lang: article
                .place
                .as_deref()
                .filter(|place| {
                    self.site
                        .taxonomy
                        .place_label(place, &self.ui.code)
                        .is_none()
                })
                .map(|_| article.lang.code),
        }
    }

    pub(super) fn pagination(&self, route: &Route, current: usize, total: usize) -> Pagination {
        let link = |n: usize| Link {
            label: n.to_string(),
            href: self.href(&route.with_page(n)),
            current: n == current,
        };
        let mut pages: Vec<Option<Link>> = Vec::new();
        for n in 1..=total {
            let near = n == 1 || n == total || n.abs_diff(current) <= 2;
            if near {
                pages.push(Some(link(n)));
            } else if pages.last().is_some_and(Option::is_some) {
                pages.push(None);
            }
        }
        Pagination {
            current,
            total,
            previous: (current > 1).then(|| self.href(&route.with_page(current - 1))),
            next: (current < total).then(|| self.href(&route.with_page(current + 1))),
            pages,
        }
    }
}

/// The `OpenGraph` locale of a UI language.
fn og_locale(code: &str) -> String {
    match code {
        "kk" => "kk_KZ".into(),
        "tg" => "tg_TJ".into(),
        "uz" => "uz_UZ".into(),
        "ru" => "ru_RU".into(),
        "en" => "en_US".into(),
        other => other.into(),
    }
}

/// Which top navigation entry a page belongs to, if any.
fn section(route: &Route) -> Option<u8> {
    match route {
        Route::Home { .. } | Route::Landing | Route::Feed => Some(0),
        Route::TermFeed { .. } | Route::Search => None,
        Route::Terms {
            kind: Kind::Country,
        }
        | Route::Term {
            kind: Kind::Country,
            ..
        } => Some(1),
        Route::Terms { kind: Kind::Topic }
        | Route::Term {
            kind: Kind::Topic, ..
        } => Some(2),
        Route::Timeline { .. } | Route::Year { .. } => Some(3),
        Route::Article { .. } | Route::NotFound => None,
    }
}
