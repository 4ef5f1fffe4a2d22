//! [`ViewBuilder`]: the views of one UI language, made from the model.

use super::{
    Alternate, ArticleView, Assets, Frame, HrefLang, LeadView, Link, PageView, Pagination, Preview,
    StoryCard, TermLink, VersionLink,
};
use crate::load::Article;
use crate::load::config::UiLanguage;
use crate::load::taxonomy::Kind;
use crate::model::{Route, Site, Story, YearMonth};
use crate::photos::{Photo, Photos};
use crate::render::picture::{Priority, picture, thumbnail};
use crate::render::structured;
use std::borrow::Cow;

/// Builds views for one UI language.
pub(in crate::render) struct ViewBuilder<'a> {
    pub site: &'a Site,
    pub ui: &'a UiLanguage,
    pub assets: &'a Assets,
    /// The tree's frame, made once for the pages' views; made for each page without it.
    pub frame: Option<&'a Frame>,
}

impl<'a> ViewBuilder<'a> {
    pub(in crate::render) fn href(&self, route: &Route) -> String {
        prefixed(&self.site.config.base_path, route, &self.ui.code)
    }

    pub(in crate::render) fn url(&self, route: &Route, lang: &str) -> String {
        prefixed(&self.site.config.base_url, route, lang)
    }

    pub(in crate::render) fn t(&self, key: &str) -> String {
        self.ui
            .strings
            .get(key)
            .cloned()
            .unwrap_or_else(|| format!("[{key}]"))
    }

    /// A list's heading, with the page number from page 2 on.
    pub(in crate::render) fn paged_heading(&self, heading: String, page: usize) -> String {
        if page <= 1 {
            heading
        } else {
            format!(
                "{heading} — {}",
                self.t("page_n").replace("{n}", &page.to_string())
            )
        }
    }

    /// Languages (by code) as this interface lists them in a sentence, with its own names of
    /// them and its own "and": `қазақ, тәжік және өзбек`. A language the i18n files do not
    /// name is written as it names itself.
    pub(in crate::render) fn language_list<'c>(
        &self,
        codes: impl IntoIterator<Item = &'c str>,
    ) -> String {
        let names: Vec<String> = codes
            .into_iter()
            .map(|code| {
                self.ui
                    .language_names
                    .get(code)
                    .cloned()
                    .unwrap_or_else(|| {
                        crate::language::Language::from_code(code)
                            .map_or_else(|| code.to_string(), |l| l.native_name.to_string())
                    })
            })
            .collect();
        match names.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} {} {last}", rest.join(", "), self.t("list_and")),
        }
    }

    /// The string `{key}_one` or `{key}_many` (as `codes` are one language or more) with
    /// `{languages}` replaced by their list; empty when there is none. A phrase, to stand
    /// inside a sentence: its case is the strings' own.
    pub(in crate::render) fn languages_phrase<'c>(
        &self,
        key: &str,
        codes: impl IntoIterator<Item = &'c str>,
    ) -> String {
        let codes: Vec<&str> = codes.into_iter().collect();
        let number = match codes.len() {
            0 => return String::new(),
            1 => "one",
            _ => "many",
        };
        self.t(&format!("{key}_{number}"))
            .replace("{languages}", &self.language_list(codes))
    }

    /// [`Self::languages_phrase`] as a sentence: a list of language names may open it, and
    /// they are written in lower case.
    pub(in crate::render) fn languages_sentence<'c>(
        &self,
        key: &str,
        codes: impl IntoIterator<Item = &'c str>,
    ) -> String {
        let phrase = self.languages_phrase(key, codes);
        let mut chars = phrase.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect()
        })
    }

    /// The site's description in this language, `{text_languages}` in it naming the
    /// languages the articles are in (so it stays true as texts in a new language arrive).
    pub(in crate::render) fn description(&self) -> String {
        let description = &self.ui.description;
        if description.contains("{text_languages}") {
            let languages = self.text_languages("text_languages");
            description.replace("{text_languages}", &languages)
        } else {
            description.clone()
        }
    }

    /// `{key}_one` / `{key}_many` listing the languages of the site's articles.
    pub(in crate::render) fn text_languages(&self, key: &str) -> String {
        self.languages_phrase(key, self.site.text_languages.iter().copied())
    }

    pub(in crate::render) fn count(&self, n: usize) -> String {
        self.t("story_count").replace("{n}", &n.to_string())
    }

    pub(in crate::render) fn term_label(&self, kind: Kind, id: &str) -> String {
        self.site
            .taxonomy
            .terms(kind)
            .iter()
            .find(|t| t.id == id)
            .and_then(|t| t.labels.get(&self.ui.code))
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    /// The link of a country or topic to its page in this tree.
    pub(in crate::render) fn term_link(&self, kind: Kind, id: &str) -> Link {
        Link {
            label: self.term_label(kind, id),
            href: self.href(&Route::Term {
                kind,
                id: id.to_string(),
                page: 1,
            }),
            current: false,
        }
    }

    /// The links of terms `ids`: the frame's, made once for the tree.
    fn term_links(&self, kind: Kind, ids: &[String]) -> Vec<Cow<'a, TermLink>> {
        let frame: Option<&'a Frame> = self.frame;
        ids.iter()
            .map(|id| match frame.and_then(|f| f.term(kind, id)) {
                Some(link) => Cow::Borrowed(link),
                // An article's terms are the taxonomy's, so the frame's: one it lacked would be
                // made here rather than fail the page.
                None => Cow::Owned(TermLink::new(self.term_link(kind, id))),
            })
            .collect()
    }

    /// The page frame. `route` is this page; `heading` its `h1`. The canonical URL is the page
    /// itself; article pages point it at their own language's tree (see [`Self::article_url`]).
    pub(in crate::render) fn page(
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
                href: prefixed(&config.base_path, route, &l.code),
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
        let made;
        let frame = if let Some(frame) = self.frame {
            frame
        } else {
            made = Frame::new(self);
            &made
        };
        let heading_for_crumbs = heading.clone();
        PageView {
            lang,
            site: frame.site.clone(),
            title,
            heading,
            description,
            canonical: self.url(route, lang),
            alternates,
            hreflang,
            nav: frame.nav(route),
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
            feed: frame.feed.clone(),
            term_feed: None,
            search: frame.search.clone(),
            assets: frame.assets.clone(),
            preview: Preview {
                kind: "website",
                image: frame.image.clone(),
                // static/social.png's size.
                image_width: 1200,
                image_height: 630,
                image_alt: self.ui.title.clone(),
                locale: frame.locale.clone(),
                locale_alternates: frame.locale_alternates.clone(),
            },
        }
    }

    /// Scheme and host of the site, without its base path: prefix of root-relative links.
    pub(in crate::render) fn origin(&self) -> &'a str {
        let config = &self.site.config;
        &config.base_url[..config.base_url.len() - config.base_path.len()]
    }

    /// The absolute URL of a file of the output (`photos/…`).
    pub(in crate::render) fn file_url(&self, path: &str) -> String {
        format!("{}{path}", self.site.config.base_url)
    }

    /// An article's canonical URL: its copy in its own language's tree, or in the default tree
    /// when its language is not a UI language.
    pub(in crate::render) fn article_url(&self, article: &Article) -> String {
        let route = Route::Article {
            slug: article.slug.clone(),
        };
        self.url(&route, self.site.config.home_tree(article.lang.code))
    }

    /// The first breadcrumb of every page: this language's home.
    pub(in crate::render) fn home_crumb(&self) -> Link {
        Link {
            label: self.t("home"),
            href: self.href(&Route::Home { page: 1 }),
            current: false,
        }
    }

    pub(in crate::render) fn crumb(&self, key_or_label: String, route: &Route) -> Link {
        Link {
            label: key_or_label,
            href: self.href(route),
            current: false,
        }
    }

    /// The breadcrumb of the month `story` is filed under (the month it broke): that month's
    /// heading on the timeline, on the page where the month begins, in this tree.
    pub(in crate::render) fn month_crumb(&self, story: &Story) -> Link {
        let month = YearMonth::of(story.date);
        let page = self
            .site
            .timeline
            .month_page(month, self.site.config.page_size)
            .expect("the month of a story has its stories on the timeline");
        Link {
            label: self.ui.dates.month(month.year, month.month),
            href: format!(
                "{}#{}",
                self.href(&Route::Timeline { page }),
                month.anchor()
            ),
            current: false,
        }
    }

    /// A story as a list entry: the version in the UI language when there is one.
    pub(in crate::render) fn card(&self, story: &Story) -> StoryCard<'a> {
        let shown = self.site.shown_version(story, &self.ui.code);
        self.card_for(story, shown)
    }

    /// An entry for one given version of `story`.
    pub(in crate::render) fn card_for(&self, story: &Story, version: usize) -> StoryCard<'a> {
        let site: &'a Site = self.site;
        let article: &'a Article = &site.articles[version];
        let also_in = story
            .versions
            .iter()
            .filter(|&&v| v != version)
            .map(|&v| {
                let other: &'a Article = &site.articles[v];
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
                    title: &other.title,
                }
            })
            .collect();
        StoryCard {
            title: &article.title,
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
            summary: &article.summary,
            outlet: &article.source.outlet,
            countries: self.term_links(Kind::Country, &article.countries),
            topics: self.term_links(Kind::Topic, &article.topics),
            also_in,
            thumb: self
                .lead_photo(article)
                .map(|photo| thumbnail(photo, &self.site.config.base_path)),
        }
    }

    /// The processed lead photo of `article`.
    pub(in crate::render) fn lead_photo(&self, article: &Article) -> Option<&'a Photo> {
        let photos: &'a Photos = &self.assets.photos;
        photos.of(&article.path)?.lead.as_deref()
    }

    fn lead_view(&self, article: &'a Article) -> Option<LeadView<'a>> {
        let photo = self.lead_photo(article)?;
        let lead = article.photo.as_ref()?;
        let caption = lead
            .caption
            .get_key_value(self.ui.code.as_str())
            .or_else(|| lead.caption.get_key_value(article.lang.code))
            .or_else(|| lead.caption.iter().next());
        Some(LeadView {
            picture: picture(
                photo,
                &self.site.config.base_path,
                &lead.alt,
                (article.lang.code != self.ui.code).then_some(article.lang.code),
                Priority::Lead,
            ),
            caption: caption.map(|(_, text)| text.as_str()),
            caption_lang: caption.map(|(lang, _)| lang.as_str()),
            credit: lead.credit.as_deref(),
        })
    }

    pub(in crate::render) fn article(&self, index: usize, body: &'a str) -> ArticleView<'a> {
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
            lead: self.lead_view(article),
            original_photo: article.source.photo.as_deref(),
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

    pub(in crate::render) fn pagination(
        &self,
        route: &Route,
        current: usize,
        total: usize,
    ) -> Pagination {
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

/// `prefix` then `route`'s path in `lang`, in one allocation.
fn prefixed(prefix: &str, route: &Route, lang: &str) -> String {
    let mut address = String::with_capacity(prefix.len() + 48);
    address.push_str(prefix);
    route.push_path(&mut address, lang);
    address
}
