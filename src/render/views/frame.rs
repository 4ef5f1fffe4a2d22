//! [`Frame`]: what every page of a UI tree shows alike, as template values made once per
//! tree. A page's view holds clones of them, which share the values, where every page had
//! made and serialized them again (2% of a 10,000-article build).

use super::{Link, SiteView, TermLink, ViewBuilder};
use crate::load::taxonomy::Kind;
use crate::model::Route;
use std::collections::HashMap;
use tera::Value;

/// The sections the main menu links, in its order, each with its UI string.
const SECTIONS: [(&str, Route); 4] = [
    ("home", Route::Home { page: 1 }),
    (
        "countries",
        Route::Terms {
            kind: Kind::Country,
        },
    ),
    ("topics", Route::Terms { kind: Kind::Topic }),
    ("timeline", Route::Timeline { page: 1 }),
];

/// The invariant parts of one UI tree's pages.
pub(in crate::render) struct Frame {
    pub site: Value,
    pub assets: Value,
    /// The search page's address.
    pub search: Value,
    /// The tree's Atom feed.
    pub feed: Value,
    /// The main menu: first with no section current, then with each of [`SECTIONS`] current.
    nav: Vec<Value>,
    /// The image link previews show when a page has none of its own (absolute).
    pub image: String,
    /// `OpenGraph` locales: the tree's own, and the other trees'.
    pub locale: Value,
    pub locale_alternates: Value,
    /// Every country's and topic's link, by id.
    countries: HashMap<String, TermLink>,
    topics: HashMap<String, TermLink>,
}

impl Frame {
    pub(in crate::render) fn new(views: &ViewBuilder) -> Frame {
        let config = &views.site.config;
        let lang = views.ui.code.as_str();
        let nav = |current: Option<usize>| {
            let links: Vec<Link> = SECTIONS
                .iter()
                .enumerate()
                .map(|(i, (key, target))| Link {
                    label: views.t(key),
                    href: views.href(target),
                    current: current == Some(i),
                })
                .collect();
            Value::from_serializable(&links)
        };
        let terms = |kind: Kind| -> HashMap<String, TermLink> {
            views
                .site
                .taxonomy
                .terms(kind)
                .iter()
                .map(|t| (t.id.clone(), TermLink::new(views.term_link(kind, &t.id))))
                .collect()
        };
        Frame {
            countries: terms(Kind::Country),
            topics: terms(Kind::Topic),
            site: Value::from_serializable(&SiteView {
                title: &views.ui.title,
                description: views.description(),
                home: views.href(&Route::Home { page: 1 }),
                base_url: &config.base_url,
                base_path: &config.base_path,
            }),
            assets: Value::from_serializable(views.assets),
            search: Value::from(views.href(&Route::Search)),
            feed: Value::from_serializable(&Link {
                label: views.t("feed"),
                href: views.href(&Route::Feed),
                current: false,
            }),
            nav: std::iter::once(None)
                .chain((0..SECTIONS.len()).map(Some))
                .map(nav)
                .collect(),
            image: format!("{}{}", views.origin(), views.assets.social),
            locale: Value::from(og_locale(lang)),
            locale_alternates: Value::from(
                config
                    .languages
                    .iter()
                    .filter(|l| l.code != lang)
                    .map(|l| og_locale(&l.code))
                    .collect::<Vec<_>>(),
            ),
        }
    }

    /// The link of country or topic `id`.
    pub(in crate::render) fn term(&self, kind: Kind, id: &str) -> Option<&TermLink> {
        match kind {
            Kind::Country => self.countries.get(id),
            Kind::Topic => self.topics.get(id),
        }
    }

    /// The main menu on page `route`: its section's entry is current.
    pub(in crate::render) fn nav(&self, route: &Route) -> Value {
        self.nav[section(route).map_or(0, |s| s + 1)].clone()
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

/// The main menu's section a page is in, if any: its position in [`SECTIONS`].
fn section(route: &Route) -> Option<usize> {
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
