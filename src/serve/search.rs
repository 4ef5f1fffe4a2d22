//! The preview's search index, built in the background: the index covers the whole site and
//! takes longer than a rebuild, so pages are published at once and the index follows, one
//! indexing at a time, always of the newest site.

use super::Report;
use super::files::SiteFiles;
use super::live::Live;
use crate::model::Site;
use crate::render::{self, Assets};
use crate::search;
use crate::serve::session::Files;
use crate::write::Memory;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

pub(super) struct Indexer {
    shared: Arc<Shared>,
}

struct Shared {
    live: Arc<Live>,
    /// False: pages are published without an index.
    enabled: bool,
    report: Box<dyn Fn(Report) + Send + Sync>,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    /// The newest search index: `pagefind/…` files.
    index: Files,
    /// The site waiting to be indexed.
    waiting: Option<(Arc<Site>, Assets)>,
    running: bool,
}

impl Indexer {
    pub(super) fn new(
        live: Arc<Live>,
        enabled: bool,
        report: impl Fn(Report) + Send + Sync + 'static,
    ) -> Indexer {
        Indexer {
            shared: Arc::new(Shared {
                live,
                enabled,
                report: Box::new(report),
                state: Mutex::default(),
            }),
        }
    }

    /// Serves `pages` with the newest index at once, and indexes them in the background.
    pub(super) fn publish(&self, pages: Files, site: Arc<Site>, assets: Assets) {
        let mut state = self.shared.state();
        self.shared
            .live
            .publish(Arc::new(SiteFiles::new(pages, state.index.clone())));
        if !self.shared.enabled {
            return;
        }
        state.waiting = Some((site, assets));
        if !state.running {
            state.running = true;
            let shared = self.shared.clone();
            // Without a thread the index never comes; the pages are served all the same.
            let _ = std::thread::Builder::new()
                .name("dostyk-search".into())
                .spawn(move || shared.run());
        }
    }
}

impl Shared {
    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Indexes the waiting site until none is left.
    fn run(&self) {
        loop {
            let Some((site, assets)) = self.state().waiting.take() else {
                self.state().running = false;
                return;
            };
            let started = Instant::now();
            let out = Memory::default();
            match search::write_index(&render::search_corpora(&site, &assets), &out) {
                Ok(()) => {
                    let mut state = self.state();
                    state.index = out.into_files().into_iter().collect();
                    // The pages served may be newer than those indexed: keep them, swap the
                    // index. No reload: nothing a page shows changed.
                    let pages = self.live.files().pages().clone();
                    self.live
                        .replace_quietly(Arc::new(SiteFiles::new(pages, state.index.clone())));
                    drop(state);
                    (self.report)(Report::Indexed {
                        elapsed: started.elapsed(),
                    });
                }
                Err(e) => (self.report)(Report::IndexFailed(e.to_string())),
            }
        }
    }
}
