//! Writing an editor's files so that a crash or a full disk never leaves half a file: the
//! text goes to a hidden temporary file beside the target, synced, then takes the target's name.

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Creates `path` with `text`; fails (`AlreadyExists`) rather than replace a file there.
pub fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    write_new_bytes(path, text.as_bytes())
}

/// [`write_new`] for any bytes (a photo).
pub fn write_new_bytes(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temp = temporary(path, bytes)?;
    // A hard link, unlike a rename, refuses an existing name: the check and the creation are
    // one step, so two writers cannot both succeed.
    let linked = std::fs::hard_link(&temp, path);
    let _ = std::fs::remove_file(&temp);
    linked
}

/// Puts `text` in place of `path`, whole or not at all.
pub fn replace(path: &Path, text: &str) -> std::io::Result<()> {
    let temp = temporary(path, text.as_bytes())?;
    std::fs::rename(&temp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
}

fn temporary(path: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.writing-{}", std::process::id()));
    let written = std::fs::File::create(&temp).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    match written {
        Ok(()) => Ok(temp),
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_new_never_replaces_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b.md");
        write_new(&path, "first").unwrap();
        let again = write_new(&path, "second").unwrap_err();
        assert_eq!(again.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");
        replace(&path, "third").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "third");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("a"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["b.md"]);
    }
}
