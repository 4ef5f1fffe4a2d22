//! The staging folder a build writes into, swapped in whole at the end (so a failed build
//! leaves the last good site untouched), and the lock file beside the output that lets only
//! one build at a time work on it.

use super::{Output, check_path};
use crate::error::{Error, Result};
use std::collections::HashSet;
use std::fs::{File, TryLockError};
use std::hash::BuildHasher;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// Where a build writes its files, before they become the site.
pub struct Staging {
    /// The fresh folder being filled.
    dir: PathBuf,
    /// The folder it will replace.
    target: PathBuf,
    /// Held until the staging folder is committed or abandoned (dropping it unlocks).
    _lock: File,
    /// Bytes and files written, counted as they are written (every path is written once).
    bytes: AtomicU64,
    files: AtomicUsize,
    /// The folders made so far, by a hash of their path in the staging folder: a folder is
    /// made once, not asked for again at each of its files (making one that exists is two
    /// calls to the system, and 100,000 fragments share one). Two folders with one hash
    /// cost a retry, not a file (see [`Staging::write`]).
    folders: Mutex<HashSet<u64>>,
    hasher: hashbrown::DefaultHashBuilder,
}

/// What to do when another build holds the output folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhenBusy {
    /// Fail at once with [`Error::Busy`].
    Refuse,
    /// Wait for the other build to finish.
    Wait,
}

impl Staging {
    /// A fresh empty folder next to `target`, once no other build works on `target`.
    pub fn new(target: &Path, when_busy: WhenBusy) -> Result<Staging> {
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        let name = target
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let lock = lock(&parent.join(format!(".{name}.lock")), target, when_busy)?;
        // Holding the lock, whatever another build left beside the output is from a build
        // that was killed.
        recover(parent, &name, target)?;
        let dir = parent.join(format!(".{name}.building-{}", std::process::id()));
        std::fs::create_dir(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            _lock: lock,
            bytes: AtomicU64::new(0),
            files: AtomicUsize::new(0),
            folders: Mutex::default(),
            hasher: hashbrown::DefaultHashBuilder::default(),
        })
    }

    /// The folder being filled, for tools that read back what was written (the search index).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes one file; `path` is relative (`kk/articles/x/index.html`) and may not climb out.
    pub fn write(&self, path: &str, contents: &[u8]) -> Result<()> {
        check_path(path)?;
        let full = self.dir.join(path);
        let made = self.make_folder(path, &full)?;
        match std::fs::write(&full, contents) {
            // Taken for made, the folder is missing: another with the same hash was made, or
            // something removed it while the build ran.
            Err(e) if made && e.kind() == ErrorKind::NotFound => {
                make_parent(&full)?;
                std::fs::write(&full, contents)
            }
            written => written,
        }
        .map_err(|e| Error::io(&full, e))?;
        self.bytes
            .fetch_add(contents.len() as u64, Ordering::Relaxed);
        self.files.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Makes the folder of `path` (`full` in the staging folder) unless it was made before;
    /// returns whether it was (by its hash).
    fn make_folder(&self, path: &str, full: &Path) -> Result<bool> {
        let Some((folder, _)) = path.rsplit_once('/') else {
            return Ok(true);
        };
        let hash = self.hasher.hash_one(folder);
        let folders = || {
            self.folders
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if folders().contains(&hash) {
            return Ok(true);
        }
        make_parent(full)?;
        folders().insert(hash);
        Ok(false)
    }

    /// Total bytes and files written so far.
    pub fn size(&self) -> (u64, usize) {
        (
            self.bytes.load(Ordering::Relaxed),
            self.files.load(Ordering::Relaxed),
        )
    }

    /// Puts the new site in place of the old one. Where the system can, both swap places in
    /// one step (Linux's `renameat2` with `RENAME_EXCHANGE`), so that a build killed at any
    /// moment leaves a whole site at the output path, the old or the new; elsewhere the old
    /// folder is moved aside first, and a build killed between the two moves has it put back
    /// by the next build. The old site is removed last.
    pub fn commit(self) -> Result<()> {
        if !self.target.exists() {
            return std::fs::rename(&self.dir, &self.target)
                .map_err(|e| Error::io(&self.target, e));
        }
        if exchange(&self.dir, &self.target) {
            // The staging folder now holds the old site.
            return std::fs::remove_dir_all(&self.dir).map_err(|e| Error::io(&self.dir, e));
        }
        let old = self.dir.with_file_name(format!(
            ".{}.old-{}",
            self.target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            std::process::id()
        ));
        std::fs::rename(&self.target, &old).map_err(|e| Error::io(&self.target, e))?;
        if let Err(e) = std::fs::rename(&self.dir, &self.target) {
            let _ = std::fs::rename(&old, &self.target);
            return Err(Error::io(&self.target, e));
        }
        std::fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))
    }

    /// Throws the unfinished folder away; the old site stays as it was.
    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl Output for Staging {
    fn write(&self, path: &str, contents: &[u8]) -> Result<()> {
        Staging::write(self, path, contents)
    }

    /// A hard link where the cache and the output share a file system (nothing is copied),
    /// else a copy.
    fn copy_file(&self, path: &str, from: &Path) -> Result<()> {
        check_path(path)?;
        let full = self.dir.join(path);
        // Photos are few: their folders are asked for each time.
        make_parent(&full)?;
        let bytes = match std::fs::hard_link(from, &full) {
            Ok(()) => std::fs::metadata(&full).map(|m| m.len()),
            // Two articles may show one photo: its files are already there.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Ok(()),
            Err(_) => std::fs::copy(from, &full),
        }
        .map_err(|e| Error::io(&full, e))?;
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
        self.files.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}

/// Makes the folder `full` is in, and those it is in.
fn make_parent(full: &Path) -> Result<()> {
    match full.parent() {
        Some(parent) => std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e)),
        None => Ok(()),
    }
}

/// Swaps two folders in one step; false where the system or file system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> bool {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok()
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}

/// Cleans up after builds of `target` (named `name`, in `parent`) that were killed: puts the
/// old site back if one was killed between moving it aside and moving the new one in, and
/// removes the folders they were filling or removing. Only these names are touched:
/// `.NAME.building-*` and `.NAME.old-*`, which builds make and nothing else does.
fn recover(parent: &Path, name: &str, target: &Path) -> Result<()> {
    let building = format!(".{name}.building-");
    let old = format!(".{name}.old-");
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Ok(());
    };
    let mut left: Vec<(bool, PathBuf)> = entries
        .flatten()
        .filter_map(|entry| {
            let file_name = entry.file_name().to_string_lossy().into_owned();
            let is_old = file_name.starts_with(&old);
            (is_old || file_name.starts_with(&building)).then(|| (is_old, entry.path()))
        })
        .collect();
    left.sort();
    for (is_old, path) in left {
        if is_old && !target.exists() {
            std::fs::rename(&path, target).map_err(|e| Error::io(&path, e))?;
        } else {
            std::fs::remove_dir_all(&path).map_err(|e| Error::io(&path, e))?;
        }
    }
    Ok(())
}

/// An exclusive lock on `path` (created if missing, never deleted: deleting a lock file lets
/// two builds lock two different files). The operating system releases it when the build
/// ends, however it ends, so a killed build never leaves the output locked.
fn lock(path: &Path, target: &Path, when_busy: WhenBusy) -> Result<File> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(|e| Error::io(path, e))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) if when_busy == WhenBusy::Wait => {
            file.lock().map_err(|e| Error::io(path, e))?;
            Ok(file)
        }
        Err(TryLockError::WouldBlock) => Err(Error::Busy(target.to_path_buf())),
        Err(TryLockError::Error(e)) => Err(Error::io(path, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_land_in_their_folders_made_once_or_found_missing() {
        let root = tempfile::tempdir().expect("a temporary folder");
        let staging =
            Staging::new(&root.path().join("public"), WhenBusy::Refuse).expect("a staging folder");
        staging.write("index.html", b"home").expect("written");
        staging.write("a/b/one.html", b"1").expect("written");
        staging.write("a/b/two.html", b"2").expect("written");
        // A folder taken for made (as when two share a hash) but missing is made then.
        let hash = staging.hasher.hash_one("c/d");
        staging.folders.lock().expect("unpoisoned").insert(hash);
        staging.write("c/d/three.html", b"3").expect("written");
        // One removed under the build is made again.
        std::fs::remove_dir_all(staging.dir().join("a")).expect("removed");
        staging.write("a/b/four.html", b"4").expect("written");
        for (path, text) in [
            ("index.html", "home"),
            ("a/b/four.html", "4"),
            ("c/d/three.html", "3"),
        ] {
            let read = std::fs::read_to_string(staging.dir().join(path)).expect("readable");
            assert_eq!(read, text, "{path}");
        }
        assert_eq!(staging.size().1, 5);
    }
}
