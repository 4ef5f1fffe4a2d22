//! Which pages the site has.

use crate::load::taxonomy::Kind;
use crate::model::{Route, Site, StoryId};

/// Every route of the site but the articles' (rendered with their bodies and listed in the
/// sitemap apart), with the date it last changed where one is known (for the sitemap).
pub(super) fn list_routes(site: &Site) -> Vec<(Route, Option<String>)> {
    let pages = |n: usize| n.div_ceil(site.config.page_size).max(1);
    let newest = |ids: &[StoryId]| ids.first().map(|&s| site.stories[s].date.to_string());
    let all = &site.timeline.all;
    let mut routes = vec![(Route::Landing, newest(all)), (Route::NotFound, None)];
    for page in 1..=pages(all.len()) {
        routes.push((
            Route::Home { page },
            if page == 1 { newest(all) } else { None },
        ));
    }
    for kind in [Kind::Country, Kind::Topic] {
        routes.push((Route::Terms { kind }, None));
        for listing in site.listings(kind) {
            let id = &site.taxonomy.terms(kind)[listing.term].id;
            for page in 1..=pages(listing.stories.len()) {
                let lastmod = if page == 1 {
                    newest(&listing.stories)
                } else {
                    None
                };
                routes.push((
                    Route::Term {
                        kind,
                        id: id.clone(),
                        page,
                    },
                    lastmod,
                ));
            }
            routes.push((
                Route::TermFeed {
                    kind,
                    id: id.clone(),
                },
                None,
            ));
        }
    }
    for page in 1..=pages(all.len()) {
        routes.push((Route::Timeline { page }, None));
    }
    for (year, ids) in &site.timeline.years {
        for page in 1..=pages(ids.len()) {
            routes.push((Route::Year { year: *year, page }, None));
        }
    }
    routes.push((Route::Search, None));
    routes.push((Route::Feed, None));
    routes
}
