//! What the rebuild loop and the HTTP workers share: the site being served, how many good
//! builds there have been, whether the last one failed, and the open event streams.
//!
//! Readers take a read lock only long enough to clone an `Arc`, so a rebuild never makes a
//! page request wait for more than that, and a request never holds the site while it writes.

use super::files::SiteFiles;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};

/// How the last build went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// The last build was good (or there has been none yet): its site is the one served.
    Ok,
    /// The last build failed with these lines (`path:line: message`); the last good site is
    /// still the one served.
    Failed(Arc<[String]>),
}

impl Status {
    /// Whether the last build was good.
    pub fn is_ok(&self) -> bool {
        matches!(self, Status::Ok)
    }

    /// The error lines; none when the last build was good.
    pub fn errors(&self) -> &[String] {
        match self {
            Status::Ok => &[],
            Status::Failed(lines) => lines,
        }
    }
}

/// What an event stream is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A new good site is served: open pages should load it.
    Reload {
        /// The new site's generation.
        generation: u64,
    },
    /// A build failed; `generation` is still the one served.
    Error {
        /// The generation still served.
        generation: u64,
        /// The build's error lines, as [`Status::Failed`] holds them.
        errors: Arc<[String]>,
    },
}

/// One consistent view of the served state.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The site served: the last good build's.
    pub files: Arc<SiteFiles>,
    /// Counts the sites served: 1 for the one [`Live::new`] starts with, one more per good build.
    pub generation: u64,
    /// How the last build went, good or not.
    pub status: Status,
}

/// A new event stream: the state when it started, then every change after it, with nothing
/// missed or repeated in between.
#[derive(Debug)]
pub struct Subscription {
    /// The state when the stream started.
    pub state: Snapshot,
    /// Ends (disconnects) when the [`Live`] shuts down.
    pub events: Receiver<Event>,
}

/// The served state and the open event streams of one preview server, shared between the
/// rebuild loop, which changes it, and the HTTP workers, which read it.
#[derive(Debug)]
pub struct Live {
    /// Tells this process's generations from another's, so a page opened before the server
    /// restarted reloads even when the generation numbers happen to match.
    instance: u64,
    state: RwLock<Snapshot>,
    hub: Mutex<Hub>,
}

#[derive(Debug, Default)]
struct Hub {
    subscribers: Vec<Sender<Event>>,
    closed: bool,
}

impl Live {
    /// Starts serving `files` as generation 1, with a good status.
    pub fn new(files: Arc<SiteFiles>) -> Live {
        Live {
            instance: instance_id(),
            state: RwLock::new(Snapshot {
                files,
                generation: 1,
                status: Status::Ok,
            }),
            hub: Mutex::new(Hub::default()),
        }
    }

    /// A good build: serve `files` from now on and tell open pages to reload.
    pub fn publish(&self, files: Arc<SiteFiles>) {
        // The hub lock is held across the state change so that events reach every stream in
        // the order the changes happened, and a new stream sees either the old state and the
        // event, or the new state alone.
        let mut hub = self.hub();
        let generation = {
            let mut state = self.state.write().unwrap_or_else(PoisonError::into_inner);
            state.files = files;
            state.generation += 1;
            state.status = Status::Ok;
            state.generation
        };
        hub.send(&Event::Reload { generation });
    }

    /// Serve `files` from now on without telling pages to reload: for a change no page shows
    /// (the search index catching up with the pages).
    pub fn replace_quietly(&self, files: Arc<SiteFiles>) {
        let mut state = self.state.write().unwrap_or_else(PoisonError::into_inner);
        state.files = files;
    }

    /// A failed build: keep serving the last good site, and show `errors` on open pages.
    pub fn fail(&self, errors: Vec<String>) {
        let errors: Arc<[String]> = errors.into();
        let mut hub = self.hub();
        let generation = {
            let mut state = self.state.write().unwrap_or_else(PoisonError::into_inner);
            state.status = Status::Failed(errors.clone());
            state.generation
        };
        hub.send(&Event::Error { generation, errors });
    }

    /// The site served now.
    pub fn files(&self) -> Arc<SiteFiles> {
        self.read().files.clone()
    }

    /// How the last build went.
    pub fn status(&self) -> Status {
        self.read().status.clone()
    }

    /// The generation served now (see [`Snapshot::generation`]).
    pub fn generation(&self) -> u64 {
        self.read().generation
    }

    /// Files, generation and status read together.
    pub fn snapshot(&self) -> Snapshot {
        self.read().clone()
    }

    /// Identifies this process's run of the server (see the field).
    pub fn instance(&self) -> u64 {
        self.instance
    }

    /// Opens an event stream. After [`Live::shutdown`] the stream is already ended.
    pub fn subscribe(&self) -> Subscription {
        let (sender, events) = mpsc::channel();
        let mut hub = self.hub();
        let state = self.snapshot();
        if !hub.closed {
            hub.subscribers.push(sender);
        }
        Subscription { state, events }
    }

    /// Open event streams (those whose receiver was dropped count until the next event).
    pub fn subscribers(&self) -> usize {
        self.hub().subscribers.len()
    }

    /// Ends every event stream, now and for later subscribers, so the server can stop.
    pub fn shutdown(&self) {
        let mut hub = self.hub();
        hub.closed = true;
        hub.subscribers.clear();
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Snapshot> {
        self.state.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn hub(&self) -> MutexGuard<'_, Hub> {
        self.hub.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Hub {
    /// Sends to every stream, dropping those whose reader has gone.
    fn send(&mut self, event: &Event) {
        self.subscribers
            .retain(|subscriber| subscriber.send(event.clone()).is_ok());
    }
}

/// Different for each run of the server; not secret, only distinct.
fn instance_id() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    nanos ^ (u64::from(std::process::id()) << 32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::TryRecvError;

    fn site(page: &str) -> Arc<SiteFiles> {
        Arc::new(
            [("index.html".to_string(), Arc::from(page.as_bytes()))]
                .into_iter()
                .collect(),
        )
    }

    #[test]
    fn publishing_serves_the_new_site_and_tells_streams_to_reload() {
        let live = Live::new(site("one"));
        assert_eq!(live.generation(), 1);
        let subscription = live.subscribe();
        assert_eq!(subscription.state.generation, 1);
        live.publish(site("two"));
        assert_eq!(live.generation(), 2);
        assert_eq!(&**live.files().get("index.html").unwrap(), b"two");
        assert_eq!(
            subscription.events.try_recv(),
            Ok(Event::Reload { generation: 2 })
        );
    }

    #[test]
    fn a_failure_keeps_the_last_good_site() {
        let live = Live::new(site("good"));
        let subscription = live.subscribe();
        live.fail(vec!["content/a.md:3: unknown topic \"watr\"".into()]);
        assert_eq!(&**live.files().get("index.html").unwrap(), b"good");
        assert_eq!(live.generation(), 1);
        assert!(!live.status().is_ok());
        assert_eq!(live.status().errors().len(), 1);
        let Ok(Event::Error { generation, errors }) = subscription.events.try_recv() else {
            panic!("no error event");
        };
        assert_eq!(generation, 1);
        assert!(errors[0].contains("watr"));

        live.publish(site("fixed"));
        assert_eq!(live.status(), Status::Ok);
        assert!(live.status().errors().is_empty());
        assert_eq!(
            subscription.events.try_recv(),
            Ok(Event::Reload { generation: 2 })
        );
    }

    #[test]
    fn a_new_stream_starts_from_the_current_state() {
        let live = Live::new(site("a"));
        live.fail(vec!["x:1: broken".into()]);
        let subscription = live.subscribe();
        assert_eq!(subscription.state.status.errors(), ["x:1: broken"]);
        assert_eq!(
            subscription.events.try_recv(),
            Err(TryRecvError::Empty),
            "the failure is in the state, not sent again"
        );
    }

    #[test]
    fn dead_streams_are_dropped_on_send() {
        let live = Live::new(site("a"));
        let kept = live.subscribe();
        drop(live.subscribe());
        assert_eq!(live.subscribers(), 2);
        live.publish(site("b"));
        assert_eq!(live.subscribers(), 1);
        assert!(kept.events.try_recv().is_ok());
    }

    #[test]
    fn shutdown_ends_every_stream() {
        let live = Live::new(site("a"));
        let before = live.subscribe();
        live.shutdown();
        assert_eq!(before.events.recv(), Err(mpsc::RecvError));
        let after = live.subscribe();
        assert_eq!(after.events.recv(), Err(mpsc::RecvError));
        assert_eq!(live.subscribers(), 0);
    }

    #[test]
    fn concurrent_readers_see_whole_states() {
        let live = Arc::new(Live::new(site("0")));
        let writer = {
            let live = live.clone();
            std::thread::spawn(move || {
                for n in 1..=200 {
                    live.publish(site(&n.to_string()));
                }
            })
        };
        for _ in 0..200 {
            let snapshot = live.snapshot();
            let page = snapshot.files.get("index.html").unwrap();
            let n: u64 = std::str::from_utf8(page).unwrap().parse().unwrap();
            assert_eq!(n + 1, snapshot.generation);
        }
        writer.join().unwrap();
        assert_eq!(live.generation(), 201);
    }
}
