//! Stage 4: the output folder. A build writes into a fresh sibling folder and swaps it in at
//! the end, so a failed build leaves the last good site untouched. A lock file beside the
//! output lets only one build at a time work on it.

mod out_folder;
mod staging;
mod static_files;

pub use out_folder::default_out;
pub(crate) use out_folder::{check_out, size_warning};
pub use staging::{Staging, WhenBusy};
pub(crate) use static_files::{assets, static_files, write_static};

use crate::error::{Error, Result};
use std::collections::HashMap;
use std::path::{Component, Path};
use std::sync::{Arc, Mutex};

/// Where rendered files go: a folder on disk, or memory (the preview server).
pub trait Output: Sync {
    /// Writes one file; `path` is relative (`kk/articles/x/index.html`) and may not climb out.
    fn write(&self, path: &str, contents: &[u8]) -> Result<()>;

    /// Puts a copy of the file at `from` at `path` (the photos, from their cache).
    fn copy_file(&self, path: &str, from: &Path) -> Result<()> {
        let bytes = std::fs::read(from).map_err(|e| Error::io(from, e))?;
        self.write(path, &bytes)
    }
}

/// Files kept in memory, by their output path.
#[derive(Default)]
pub struct Memory {
    files: Mutex<HashMap<String, Arc<[u8]>>>,
}

impl Memory {
    /// Every file written, by its output path.
    pub fn into_files(self) -> HashMap<String, Arc<[u8]>> {
        self.files
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Output for Memory {
    fn write(&self, path: &str, contents: &[u8]) -> Result<()> {
        check_path(path)?;
        let mut files = self
            .files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        files.insert(path.to_string(), contents.into());
        Ok(())
    }
}

/// Writes nothing: for checking a site without building it.
pub struct Discard;

impl Output for Discard {
    fn write(&self, path: &str, _: &[u8]) -> Result<()> {
        check_path(path)
    }
}

/// Refuses output paths that are empty or could leave the output folder.
pub(crate) fn check_path(path: &str) -> Result<()> {
    let relative = Path::new(path);
    let safe = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    if safe && !path.is_empty() {
        return Ok(());
    }
    Err(Error::io(
        relative,
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "output path leaves the output folder",
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_climb_out() {
        let dir = tempfile::tempdir().unwrap();
        let staging = Staging::new(&dir.path().join("public"), WhenBusy::Refuse).unwrap();
        assert!(staging.write("../evil.html", b"x").is_err());
        assert!(staging.write("/etc/passwd", b"x").is_err());
        assert!(staging.write("kk/ok.html", b"x").is_ok());
        assert!(staging.write("kk/two.html", b"yz").is_ok());
        assert_eq!(staging.size(), (3, 2), "refused writes are not counted");
        staging.abandon();
    }

    #[test]
    fn commit_replaces_the_old_site_and_abandon_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        let first = Staging::new(&target, WhenBusy::Refuse).unwrap();
        first.write("a.html", b"one").unwrap();
        first.commit().unwrap();
        let second = Staging::new(&target, WhenBusy::Refuse).unwrap();
        second.write("b.html", b"two").unwrap();
        second.abandon();
        assert_eq!(std::fs::read(target.join("a.html")).unwrap(), b"one");
        assert!(!target.join("b.html").exists());
        let third = Staging::new(&target, WhenBusy::Refuse).unwrap();
        third.write("c.html", b"three").unwrap();
        third.commit().unwrap();
        assert!(!target.join("a.html").exists());
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names.iter().filter(|n| *n != ".public.lock").count(),
            1,
            "no leftovers beside the site: {names:?}"
        );
    }

    #[test]
    fn a_killed_build_is_cleaned_up_and_a_site_moved_aside_is_put_back() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        // Killed between moving the old site aside and moving the new one in, with the
        // folder of another killed build still there.
        let old = dir.path().join(".public.old-123");
        std::fs::create_dir(&old).unwrap();
        std::fs::write(old.join("index.html"), b"old site").unwrap();
        let building = dir.path().join(".public.building-456");
        std::fs::create_dir(&building).unwrap();
        std::fs::write(building.join("half.html"), b"half").unwrap();
        let unrelated = dir.path().join(".public.notes");
        std::fs::write(&unrelated, b"not ours").unwrap();
        let staging = Staging::new(&target, WhenBusy::Refuse).unwrap();
        assert_eq!(
            std::fs::read(target.join("index.html")).unwrap(),
            b"old site"
        );
        assert!(!old.exists() && !building.exists());
        assert!(unrelated.exists(), "only a build's own folders are removed");
        staging.abandon();
    }

    #[test]
    fn one_build_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        let first = Staging::new(&target, WhenBusy::Refuse).unwrap();
        let busy = Staging::new(&target, WhenBusy::Refuse);
        assert!(matches!(busy, Err(Error::Busy(ref p)) if *p == target));
        // A waiting build goes on as soon as the first one is done.
        let waiter = std::thread::spawn({
            let target = target.clone();
            move || {
                let second = Staging::new(&target, WhenBusy::Wait).unwrap();
                second.write("b.html", b"two").unwrap();
                second.commit().unwrap();
            }
        });
        std::thread::sleep(std::time::Duration::from_millis(100));
        first.write("a.html", b"one").unwrap();
        first.commit().unwrap();
        waiter.join().unwrap();
        assert!(!target.join("a.html").exists());
        assert_eq!(std::fs::read(target.join("b.html")).unwrap(), b"two");
    }
}
