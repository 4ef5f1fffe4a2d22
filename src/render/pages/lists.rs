//! Lists of stories: each tree's home, the country and topic lists and their pages.

use super::{Level, Renderer};
use crate::error::Diagnostic;
use crate::load::taxonomy::Kind;
use crate::model::{Route, Site, StoryId, YearMonth};
use crate::render::structured::{self};
use crate::render::views::{Link, ViewBuilder};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
pub(super) struct TermEntry {
    label: String,
    href: String,
    count: usize,
    count_label: String,
}

impl<'a> Renderer<'a> {
    pub(super) fn home(
        &self,
        views: &ViewBuilder,
        route: &Route,
        n: usize,
        context: &mut tera::Context,
    ) -> Result<&'static str, Diagnostic> {
        let all = &self.site.timeline.all;
        let crumbs = if n == 1 {
            Vec::new()
        } else {
            vec![views.home_crumb()]
        };
        let mut page = views.page(
            route,
            views.paged_heading(views.t("latest"), n),
            views.description(),
            crumbs,
        );
        if n == 1 {
            let url = views.url(route, &views.ui.code);
            page.json_ld.push(structured::website(
                &views.ui.title,
                &url,
                &views.ui.code,
                &views.description(),
                &views.url(&Route::Search, &views.ui.code),
            ));
        }
        context.insert("page", &page);
        self.insert_list(views, route, all, n, context)?;
        Ok("home.html")
    }

    pub(super) fn terms(
        &self,
        views: &ViewBuilder,
        route: &Route,
        kind: Kind,
        context: &mut tera::Context,
    ) -> &'static str {
        let terms: Vec<TermEntry> = self
            .site
            .listings(kind)
            .iter()
            .map(|listing| {
                let id = &self.site.taxonomy.terms(kind)[listing.term].id;
                TermEntry {
                    label: views.term_label(kind, id),
                    href: views.href(&Route::Term {
                        kind,
                        id: id.clone(),
                        page: 1,
                    }),
                    count: listing.stories.len(),
                    count_label: views.count(listing.stories.len()),
                }
            })
            .collect();
        let heading = views.t(kind.key());
        let description = format!("{heading} — {}", views.description());
        let page = views.page(route, heading, description, vec![views.home_crumb()]);
        context.insert("page", &page);
        context.insert("terms", &terms);
        context.insert("kind", kind.key());
        "terms.html"
    }

    pub(super) fn term(
        &self,
        views: &ViewBuilder,
        route: &Route,
        kind: Kind,
        id: &str,
        n: usize,
        context: &mut tera::Context,
    ) -> Result<&'static str, Diagnostic> {
        let stories = self.term_stories(kind, id);
        let label = views.term_label(kind, id);
        let count = views.count(stories.len());
        let crumbs = vec![
            views.home_crumb(),
            views.crumb(views.t(kind.key()), &Route::Terms { kind }),
        ];
        let mut page = views.page(
            route,
            views.paged_heading(label.clone(), n),
            format!("{label}: {count}"),
            crumbs,
        );
        page.term_feed = Some(Link {
            label: views.t("feed_of").replace("{name}", &label),
            href: views.href(&Route::TermFeed {
                kind,
                id: id.to_string(),
            }),
            current: false,
        });
        context.insert("page", &page);
        context.insert("term_label", &label);
        context.insert("count_label", &count);
        context.insert("kind", kind.key());
        // The chart sums up the whole list: its first page shows it.
        let chart = (n == 1).then(|| self.chart(views, &format!("{kind:?}/{id}"), stories, None));
        context.insert("chart", &chart.flatten().as_deref());
        self.insert_list(views, route, stories, n, context)?;
        Ok("term.html")
    }

    /// The stories filed under a country or topic, newest first.
    pub(super) fn term_stories(&self, kind: Kind, id: &str) -> &'a [StoryId] {
        let site: &'a Site = self.site;
        site.listings(kind)
            .iter()
            .find(|l| site.taxonomy.terms(kind)[l.term].id == id)
            .map_or(&[], |l| l.stories.as_slice())
    }

    /// Page `n` of a story list, and its page links.
    pub(super) fn insert_list(
        &self,
        views: &ViewBuilder,
        route: &Route,
        ids: &[StoryId],
        n: usize,
        context: &mut tera::Context,
    ) -> Result<(), Diagnostic> {
        let size = self.site.config.page_size;
        let cards = page_slice(ids, n, size)
            .iter()
            .map(|&s| self.card(views, s, Level::List))
            .collect::<Result<Vec<_>, _>>()?;
        context.insert_value("stories", cards.into());
        context.insert(
            "pagination",
            &views.pagination(route, n, ids.len().div_ceil(size).max(1)),
        );
        Ok(())
    }

    /// The stories `ids` grouped by month, as the timeline shows them: each group's
    /// `label`, `anchor` and `stories` (their cards).
    pub(super) fn month_groups(
        &self,
        views: &ViewBuilder,
        ids: &[StoryId],
    ) -> Result<tera::Value, Diagnostic> {
        let mut groups: Vec<(YearMonth, Vec<tera::Value>)> = Vec::new();
        for &s in ids {
            let month = YearMonth::of(self.site.stories[s].date);
            if groups.last().is_none_or(|(last, _)| *last != month) {
                groups.push((month, Vec::new()));
            }
            let (_, cards) = groups.last_mut().expect("pushed above");
            cards.push(self.card(views, s, Level::Month)?);
        }
        Ok(groups
            .into_iter()
            .map(|(month, cards)| {
                tera::Value::from(BTreeMap::from([
                    (
                        "label",
                        tera::Value::from(views.ui.dates.month(month.year, month.month)),
                    ),
                    ("anchor", tera::Value::from(month.anchor())),
                    ("stories", tera::Value::from(cards)),
                ]))
            })
            .collect::<Vec<_>>()
            .into())
    }
}

pub(super) fn page_slice(ids: &[StoryId], page: usize, size: usize) -> &[StoryId] {
    let start = (page - 1) * size;
    &ids[start.min(ids.len())..(start + size).min(ids.len())]
}
