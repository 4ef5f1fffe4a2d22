//! Noticing edits: the project's content, templates, static files, interface strings and
//! `site.toml`, coalesced into one batch per burst of saves.

use notify::event::{EventKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

/// The folders of a project whose files go into the site.
const WATCHED: &[&str] = &["content", "templates", "static", "i18n"];

/// How long a burst of file events may pause and still be one edit: an editor's save is
/// often several events (write, rename, chmod) a few milliseconds apart.
const QUIET: Duration = Duration::from_millis(20);

/// What the rebuild loop hears.
pub enum Message {
    File(notify::Result<notify::Event>),
    /// The preview is stopping.
    Stop,
}

pub struct ProjectWatcher {
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
    pub fn new(root: &Path, content: &Path) -> notify::Result<ProjectWatcher> {
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
        this.watch_folders();
        Ok(this)
    }

    /// A way to stop [`Self::next_change`] from another thread ([`Message::Stop`]).
    pub fn sender(&self) -> Sender<Message> {
        self.sender.clone()
    }

    /// Blocks until something in the project changed, then waits for the burst to end;
    /// returns the changed paths, or `None` once stopped.
    pub fn next_change(&mut self) -> Option<Vec<PathBuf>> {
        let mut changed = Vec::new();
        loop {
            let message = if changed.is_empty() {
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
                Message::File(Err(_)) => continue,
            };
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
            changed.extend(event.paths.into_iter().filter(|p| self.matters(p)));
        }
        // A site folder created (`templates/` for a first override) or re-created since is watched
        // from now on.
        self.watch_folders();
        changed.sort();
        changed.dedup();
        Some(changed)
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

    fn watch_folders(&mut self) {
        let mut folders: Vec<PathBuf> = WATCHED.iter().map(|f| self.root.join(f)).collect();
        folders.push(self.content.clone());
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
    }
}
