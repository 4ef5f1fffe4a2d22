//! Noticing edits: the project's content, templates, static files, interface strings and
//! `site.toml`, coalesced into one batch per burst of saves.
//!
//! Rebuilds trust the paths a batch names to be all that changed, and look at no other file;
//! a batch says so when events may have been missed, and then everything is looked at again.

use notify::event::{EventKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

/// The folders of a project whose files go into the site.
const WATCHED: &[&str] = &["content", "templates", "static", "i18n"];

/// How long a burst of file events may pause and still be one edit: an editor's save is
/// often several events (write, rename, chmod) well under a millisecond apart. A save split
/// in two is only rebuilt twice: each rebuild reads the files as they are.
const QUIET: Duration = Duration::from_millis(10);

/// What the rebuild loop hears.
pub(super) enum Message {
    File(notify::Result<notify::Event>),
    /// The preview is stopping.
    Stop,
}

/// One burst of edits.
#[derive(Debug, Default)]
pub(super) struct Change {
    /// The files and folders that changed, absolute; a folder stands for all it holds.
    pub paths: Vec<PathBuf>,
    /// Events may have been missed (the event queue overflowed, a folder was created before
    /// it was watched): anything in the project may have changed.
    pub rescan: bool,
}

pub(super) struct ProjectWatcher {
    root: PathBuf,
    content: PathBuf,
    watcher: RecommendedWatcher,
    events: Receiver<Message>,
    sender: Sender<Message>,
    watching: Vec<PathBuf>,
}

impl ProjectWatcher {
    /// Watches `root` (for `site.toml` and folders created later) and its site folders;
    /// `content` may live outside the root.
    pub(super) fn new(root: &Path, content: &Path) -> notify::Result<ProjectWatcher> {
        let (sender, events) = channel();
        let mut watcher = notify::recommended_watcher({
            let sender = sender.clone();
            move |event| {
                let _ = sender.send(Message::File(event));
            }
        })?;
        watcher.watch(root, RecursiveMode::NonRecursive)?;
        let mut this = ProjectWatcher {
            root: root.to_path_buf(),
            content: content.to_path_buf(),
            watcher,
            events,
            sender,
            watching: Vec::new(),
        };
        // Nothing was built yet: whatever the folders hold is read.
        this.watch_folders();
        Ok(this)
    }

    /// A way to stop [`Self::next_change`] from another thread ([`Message::Stop`]).
    pub(super) fn sender(&self) -> Sender<Message> {
        self.sender.clone()
    }

    /// Blocks until something in the project changed, then waits for the burst to end;
    /// returns what changed, or `None` once stopped.
    pub(super) fn next_change(&mut self) -> Option<Change> {
        let mut change = Change::default();
        loop {
            let message = if change.paths.is_empty() && !change.rescan {
                self.events.recv().ok()?
            } else {
                match self.events.recv_timeout(QUIET) {
                    Ok(message) => message,
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return None,
                }
            };
            let event = match message {
                Message::Stop => return None,
                Message::File(Ok(event)) => event,
                // An error may stand for events lost (a watch that could not be set).
                Message::File(Err(_)) => {
                    change.rescan = true;
                    continue;
                }
            };
            // The queue overflowed, or the platform says to look again.
            if event.need_rescan() {
                change.rescan = true;
            }
            if event.kind.is_access() {
                continue;
            }
            // A site folder created, removed or renamed: a watch on it went with the folder it
            // was on, so it is watched again below if it is there now.
            if matches!(
                event.kind,
                EventKind::Create(_)
                    | EventKind::Remove(_)
                    | EventKind::Modify(ModifyKind::Name(_))
            ) {
                self.watching.retain(|folder| !event.paths.contains(folder));
            }
            let paths = event.paths.into_iter().filter(|p| self.matters(p));
            change.paths.extend(paths);
        }
        // A site folder created (`templates/` for a first override) or re-created since is watched
        // from now on; what was written in it before is only found by looking.
        if self.watch_folders() {
            change.rescan = true;
        }
        change.paths.sort();
        change.paths.dedup();
        Some(change)
    }

    /// Whether a changed path can change the site.
    fn matters(&self, path: &Path) -> bool {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        // Editors' swap, backup and lock files.
        if name.starts_with(".#") || name.ends_with('~') || name.ends_with(".swp") {
            return false;
        }
        path.starts_with(&self.content)
            || path == self.root.join("site.toml")
            || WATCHED.iter().any(|f| path.starts_with(self.root.join(f)))
    }

    /// Watches the site folders not watched yet; true if there were any.
    fn watch_folders(&mut self) -> bool {
        let mut folders: Vec<PathBuf> = WATCHED.iter().map(|f| self.root.join(f)).collect();
        folders.push(self.content.clone());
        let watched = self.watching.len();
        for folder in folders {
            if folder.is_dir() && !self.watching.contains(&folder) {
                // A folder that cannot be watched (too many inotify watches) is only missed
                // by the preview; the build still reads it.
                if self
                    .watcher
                    .watch(&folder, RecursiveMode::Recursive)
                    .is_ok()
                {
                    self.watching.push(folder);
                }
            }
        }
        self.watching.len() > watched
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::Event;
    use notify::event::Flag;

    /// A project with a `content/` folder, watched.
    fn watched() -> (tempfile::TempDir, ProjectWatcher) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("content")).unwrap();
        let watcher = ProjectWatcher::new(dir.path(), &dir.path().join("content")).unwrap();
        (dir, watcher)
    }

    #[test]
    fn events_that_may_hide_others_ask_for_a_rescan() {
        let (dir, mut watcher) = watched();
        let sender = watcher.sender();
        let send = |message| sender.send(message).unwrap();
        let file = dir.path().join("content/articles/a.md");
        let modified = Event::new(EventKind::Modify(ModifyKind::Any)).add_path(file.clone());
        send(Message::File(Ok(modified)));
        let change = watcher.next_change().unwrap();
        assert_eq!((change.paths, change.rescan), (vec![file], false));

        // inotify's queue overflowed: events were dropped.
        send(Message::File(Ok(
            Event::new(EventKind::Other).set_flag(Flag::Rescan)
        )));
        let change = watcher.next_change().unwrap();
        assert!(change.rescan && change.paths.is_empty(), "{change:?}");

        send(Message::File(Err(notify::Error::generic(
            "a watch was not set",
        ))));
        assert!(watcher.next_change().unwrap().rescan);
    }

    #[test]
    fn a_site_folder_created_is_watched_and_looked_through() {
        let (dir, mut watcher) = watched();
        // Written before the folder is watched: no event of its own.
        std::fs::create_dir(dir.path().join("templates")).unwrap();
        std::fs::write(dir.path().join("templates/base.html"), "x").unwrap();
        let change = watcher.next_change().unwrap();
        assert!(change.rescan, "{change:?}");
        assert!(change.paths.contains(&dir.path().join("templates")));
        // Watched from now on.
        std::fs::write(dir.path().join("templates/base.html"), "y").unwrap();
        let change = watcher.next_change().unwrap();
        assert_eq!(change.paths, [dir.path().join("templates/base.html")]);
        assert!(!change.rescan);
    }
}
