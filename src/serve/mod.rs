//! `dostyk serve`: the local preview. The built site lives in memory ([`files`]), the rebuild
//! loop and the HTTP workers share it through [`live`], and [`http`] serves it under the
//! published base path, with a live-reload script injected into HTML responses only.
//!
//! The site is built for the preview's own address (`http://127.0.0.1:PORT/<base path>`), so
//! that every link, absolute ones included, stays in the preview; otherwise it is what
//! `dostyk build` writes. Each change to the project rebuilds what it touched
//! ([`crate::serve::session`]); the search index follows in the background, since it is made for
//! the whole site at once.

mod file_map;
pub mod files;
pub mod http;
pub mod live;
mod memo;
mod search;
pub mod session;
mod watch;

use crate::build::Project;
use crate::error::{Diagnostic, Error, Result};
use crate::load::config::SiteConfig;
use crate::serve::session::Session;
use files::SiteFiles;
use live::Live;
use search::Indexer;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::thread::JoinHandle;
use std::time::Duration;
use watch::{Change, Message, ProjectWatcher};

/// What to preview and where.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The project to build and watch.
    pub project: Project,
    /// Address to listen on; port 0 picks a free port.
    pub bind: SocketAddr,
    /// Whether to keep a search index: on a large archive it takes longer than a rebuild (a
    /// few seconds at 10,000 articles) and competes with it for the processor.
    pub search: bool,
}

/// What the preview tells the person running it.
#[derive(Debug)]
pub enum Report {
    /// A rebuild succeeded.
    Rebuilt {
        /// Pages rendered again.
        rendered: usize,
        /// Pages kept from the last build, their inputs unchanged.
        kept: usize,
        /// Articles in the site.
        articles: usize,
        /// The rebuild's time.
        elapsed: Duration,
        /// Where `elapsed` went.
        timings: crate::build::Timings,
        /// What the articles have that is odd without being wrong.
        warnings: Vec<Diagnostic>,
        /// The files that changed, empty for the first build.
        changed: Vec<PathBuf>,
    },
    /// A rebuild failed: the last good site stays served.
    Failed(Vec<Diagnostic>),
    /// The search index caught up with the pages.
    Indexed {
        /// The time the index took.
        elapsed: Duration,
    },
    /// The search index could not be built.
    IndexFailed(String),
}

/// A running preview: the server, and the loop that rebuilds on changes.
pub struct Preview {
    url: String,
    server: Option<http::Server>,
    stop: Sender<Message>,
    rebuilder: Option<JoinHandle<()>>,
    live: Arc<Live>,
}

impl Preview {
    /// Builds the site, starts serving it and watching the project. `report` hears of every
    /// rebuild, from the loop's thread.
    pub fn start(
        options: ServeOptions,
        report: impl Fn(Report) + Send + Sync + 'static,
    ) -> Result<Preview> {
        let project = options.project;
        // The watcher sees absolute paths; messages keep the project's own.
        let root = absolute(&project.root)?;
        let content = absolute(&project.content)?;
        // The base path comes from site.toml; if it cannot be read the preview still starts
        // at the root and shows why in the first build's errors.
        let base_path =
            SiteConfig::load(&project.root, None).map_or_else(|_| "/".into(), |c| c.base_path);
        let live = Arc::new(Live::new(Arc::new(SiteFiles::default())));
        let server = http::start(options.bind, &base_path, live.clone())?;
        let url = format!("http://{}{base_path}", server.addr());
        let mut session = Session::new(project.clone(), Some(url.clone()));
        let report = Arc::new(report);
        let indexer = Indexer::new(live.clone(), options.search, {
            let report = report.clone();
            move |r| report(r)
        });
        // Watching starts before the first build reads a file: an edit made while it runs comes
        // as the first change, and is not missed.
        let mut watcher = ProjectWatcher::new(&root, &content)
            .map_err(|e| Error::io(&project.root, std::io::Error::other(e)))?;
        let stop = watcher.sender();
        let everything = Change {
            paths: Vec::new(),
            rescan: true,
        };
        rebuild(&mut session, &live, &indexer, &*report, &everything, &root);
        let rebuilder = std::thread::Builder::new()
            .name("dostyk-rebuild".into())
            .spawn({
                let live = live.clone();
                move || {
                    while let Some(change) = watcher.next_change() {
                        rebuild(&mut session, &live, &indexer, &*report, &change, &root);
                    }
                }
            })
            .map_err(|e| Error::io(&project.root, e))?;
        Ok(Preview {
            url,
            server: Some(server),
            stop,
            rebuilder: Some(rebuilder),
            live,
        })
    }

    /// The address of the site's home, with its base path.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The shared state, for tests and tools that wait for a rebuild.
    pub fn live(&self) -> &Arc<Live> {
        &self.live
    }

    /// Runs until the rebuild loop ends (it only ends when stopped).
    pub fn wait(mut self) {
        if let Some(rebuilder) = self.rebuilder.take() {
            let _ = rebuilder.join();
        }
    }

    /// Stops watching and serving.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        let _ = self.stop.send(Message::Stop);
        if let Some(rebuilder) = self.rebuilder.take() {
            let _ = rebuilder.join();
        }
        if let Some(server) = self.server.take() {
            server.stop();
        }
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// One rebuild after `change` (in the project at `root`): publish the new site, or keep the
/// last good one and show why.
fn rebuild(
    session: &mut Session,
    live: &Live,
    indexer: &Indexer,
    report: &dyn Fn(Report),
    change: &Change,
    root: &Path,
) {
    let rebuilt = if change.rescan {
        session.rebuild()
    } else {
        session.rebuild_after(&change.paths)
    };
    // Messages name files in the project as the project does.
    let changed = change
        .paths
        .iter()
        .map(|p| p.strip_prefix(root).unwrap_or(p).to_path_buf())
        .collect();
    match rebuilt {
        Ok(rebuilt) => {
            // A save that changed nothing (or only a file no page uses) reloads nothing,
            // unless pages show an error that this build has cleared.
            if rebuilt.changed > 0 || !live.status().is_ok() {
                indexer.publish(rebuilt.files, rebuilt.site, rebuilt.assets);
            }
            report(Report::Rebuilt {
                rendered: rebuilt.rendered,
                kept: rebuilt.kept,
                articles: rebuilt.articles,
                elapsed: rebuilt.elapsed,
                timings: rebuilt.timings,
                warnings: rebuilt.warnings,
                changed,
            });
        }
        Err(e) => {
            let problems = e.diagnostics();
            live.fail(problems.iter().map(ToString::to_string).collect());
            report(Report::Failed(problems));
        }
    }
}

fn absolute(path: &std::path::Path) -> Result<PathBuf> {
    std::path::absolute(path).map_err(|e| Error::io(path, e))
}
