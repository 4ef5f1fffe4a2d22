//! The preview's search index, built in the background: Pagefind indexes a whole site at
//! once, which takes far longer than a rebuild, so pages are published at once and the index
//! follows, one indexing at a time, always of the newest pages.

use super::Report;
use super::files::SiteFiles;
use super::live::Live;
use crate::output::Memory;
use crate::search::{self, BUNDLE_DIR, Pages};
use crate::session::Files;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

pub struct Indexer {
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
    /// Pages waiting to be indexed, with their UI languages.
    waiting: Option<(Arc<Files>, Vec<String>)>,
    running: bool,
}

impl Indexer {
    pub fn new(
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
    pub fn publish(&self, pages: Arc<Files>, languages: Vec<String>) {
        let mut state = self.shared.state();
        self.shared
            .live
            .publish(Arc::new(with_index(&pages, &state.index)));
        if !self.shared.enabled {
            return;
        }
        state.waiting = Some((pages, languages));
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

    /// Indexes the waiting pages until none are left.
    fn run(&self) {
        loop {
            let Some((pages, languages)) = self.state().waiting.take() else {
                self.state().running = false;
                return;
            };
            let started = Instant::now();
            let out = Memory::default();
            let languages: Vec<&str> = languages.iter().map(String::as_str).collect();
            match search::write_index(Pages::Memory(&pages), &languages, &out) {
                Ok(()) => {
                    let mut state = self.state();
                    state.index = out.into_files();
                    // The pages served may be newer than those indexed: keep them, swap the
                    // index. No reload: nothing a page shows changed.
                    let served = self.live.files();
                    let pages: Files = served
                        .iter()
                        .filter(|(path, _)| !is_index(path))
                        .map(|(path, bytes)| (path.to_string(), bytes.clone()))
                        .collect();
                    self.live
                        .replace_quietly(Arc::new(with_index(&pages, &state.index)));
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

fn is_index(path: &str) -> bool {
    path.strip_prefix(BUNDLE_DIR)
        .is_some_and(|rest| rest.starts_with('/'))
}

fn with_index(pages: &Files, index: &Files) -> SiteFiles {
    let mut files = pages.clone();
    files.extend(index.iter().map(|(p, b)| (p.clone(), b.clone())));
    SiteFiles::new(files)
}
