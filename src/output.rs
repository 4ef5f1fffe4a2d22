//! Stage 4: the output folder. A build writes into a fresh sibling folder and swaps it in at
//! the end, so a failed build leaves the last good site untouched.

use crate::error::{Error, Result};
use std::path::{Component, Path, PathBuf};

/// Where a build writes its files, before they become the site.
pub struct Staging {
    /// The fresh folder being filled.
    dir: PathBuf,
    /// The folder it will replace.
    target: PathBuf,
}

impl Staging {
    /// A fresh empty folder next to `target`.
    pub fn new(target: &Path) -> Result<Staging> {
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let dir = parent.join(format!(".{name}.building-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        }
        std::fs::create_dir(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
        })
    }

    /// The folder being filled, for tools that read back what was written (the search index).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes one file; `path` is relative (`kk/articles/x/index.html`) and may not climb out.
    pub fn write(&self, path: &str, contents: &[u8]) -> Result<()> {
        let relative = Path::new(path);
        let safe = relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
        if !safe || path.is_empty() {
            return Err(Error::io(
                relative,
                std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    "output path leaves the output folder",
                ),
            ));
        }
        let full = self.dir.join(relative);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::write(&full, contents).map_err(|e| Error::io(&full, e))
    }

    /// Total bytes and files written so far.
    pub fn size(&self) -> (u64, usize) {
        walkdir::WalkDir::new(&self.dir)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .fold((0, 0), |(bytes, files), e| {
                (
                    bytes + e.metadata().map(|m| m.len()).unwrap_or(0),
                    files + 1,
                )
            })
    }

    /// Puts the new site in place of the old one: the old folder is moved aside, the new one
    /// renamed into place, then the old one removed.
    pub fn commit(self) -> Result<()> {
        let old = self.dir.with_file_name(format!(
            ".{}.old-{}",
            self.target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            std::process::id()
        ));
        let had_old = self.target.exists();
        if had_old {
            std::fs::rename(&self.target, &old).map_err(|e| Error::io(&self.target, e))?;
        }
        if let Err(e) = std::fs::rename(&self.dir, &self.target) {
            if had_old {
                let _ = std::fs::rename(&old, &self.target);
            }
            return Err(Error::io(&self.target, e));
        }
        if had_old {
            std::fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
        }
        Ok(())
    }

    /// Throws the unfinished folder away; the old site stays as it was.
    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_climb_out() {
        let dir = tempfile::tempdir().unwrap();
        let staging = Staging::new(&dir.path().join("public")).unwrap();
        assert!(staging.write("../evil.html", b"x").is_err());
        assert!(staging.write("/etc/passwd", b"x").is_err());
        assert!(staging.write("kk/ok.html", b"x").is_ok());
        staging.abandon();
    }

    #[test]
    fn commit_replaces_the_old_site_and_abandon_keeps_it() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        let first = Staging::new(&target).unwrap();
        first.write("a.html", b"one").unwrap();
        first.commit().unwrap();
        let second = Staging::new(&target).unwrap();
        second.write("b.html", b"two").unwrap();
        second.abandon();
        assert_eq!(std::fs::read(target.join("a.html")).unwrap(), b"one");
        assert!(!target.join("b.html").exists());
        let third = Staging::new(&target).unwrap();
        third.write("c.html", b"three").unwrap();
        third.commit().unwrap();
        assert!(!target.join("a.html").exists());
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no leftovers beside the site"
        );
    }
}
