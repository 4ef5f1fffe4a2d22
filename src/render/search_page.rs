//! What the search page hands to Pagefind's default UI: where the bundle is, and its strings
//! in the page's UI language (Pagefind ships none for Kazakh or Tajik).

use super::search_pages::index_tree;
use super::views::{Link, ViewBuilder};
use crate::load::taxonomy::Kind;
use crate::model::Route;
use crate::search::BUNDLE_DIR;
use serde::Serialize;
use std::collections::BTreeMap;

/// Pagefind UI's strings that dostyk translates; each is the UI string `search_<key>`.
/// `[SEARCH_TERM]`, `[COUNT]` and `[DIFFERENT_TERM]` in them are filled in by Pagefind.
const PAGEFIND_STRINGS: &[&str] = &[
    "placeholder",
    "clear_search",
    "load_more",
    "search_label",
    "filters_label",
    "zero_results",
    "many_results",
    "one_result",
    "alt_search",
    "search_suggestion",
    "searching",
    "results_label",
];

#[derive(Serialize)]
pub(super) struct SearchView {
    /// Root-relative folder of the bundle, `/repo/pagefind/`: Pagefind UI's `bundlePath`.
    pub bundle: String,
    /// Root-relative base of result links, `/repo/`: Pagefind's `baseUrl`.
    pub base: String,
    /// JSON for Pagefind UI's `translations`.
    pub translations: String,
    /// JSON: the labels of the metadata shown under each result (`date`, `language`).
    pub labels: String,
    /// JSON: how the UI language writes a date (`months`, January first, and `format`
    /// with `{day}`, `{month}`, `{year}`): results carry it as `YYYY-MM-DD`.
    pub dates: String,
    /// Root-relative folder of the tree whose addresses the index holds (`/repo/kk/`), and
    /// of this page's tree (`/repo/tg/`), which result links are moved to.
    pub index_tree: String,
    pub tree: String,
    /// Where to browse the archive without search.
    pub browse: Vec<Link>,
}

pub(super) fn search_view(views: &ViewBuilder) -> SearchView {
    let base = views.site.config.base_path.clone();
    let translations: BTreeMap<&str, &String> = PAGEFIND_STRINGS
        .iter()
        .filter_map(|&key| {
            let string = views.ui.strings.get(&format!("search_{key}"))?;
            Some((key, string))
        })
        .collect();
    let labels = BTreeMap::from([
        ("date", views.t("published")),
        ("language", views.t("text_language")),
    ]);
    let link = |key: &str, route: Route| Link {
        label: views.t(key),
        href: views.href(&route),
        current: false,
    };
    let dates = serde_json::json!({
        "months": views.ui.dates.months_in_date,
        "format": views.ui.dates.date_format,
    });
    SearchView {
        dates: dates.to_string(),
        index_tree: format!("{base}{}/", index_tree(views.site, views.ui).code),
        tree: format!("{base}{}/", views.ui.code),
        bundle: format!("{base}{BUNDLE_DIR}/"),
        translations: serde_json::to_string(&translations).expect("strings serialize"),
        labels: serde_json::to_string(&labels).expect("strings serialize"),
        browse: vec![
            link("timeline", Route::Timeline { page: 1 }),
            link(
                "countries",
                Route::Terms {
                    kind: Kind::Country,
                },
            ),
            link("topics", Route::Terms { kind: Kind::Topic }),
        ],
        base,
    }
}
