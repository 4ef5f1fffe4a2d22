//! The inbox: a folder of the repository (`inbox/`) where editors who have only a browser
//! drop raw agency texts through GitHub's web pages, each optionally opening with lines of
//! options (`date: 2025-11-14`) that stand for `dostyk import`'s flags. `dostyk inbox`
//! imports them; this module finds the texts and reads their options.

mod advice;
mod options;

pub use advice::as_option_lines;
pub use options::{Header, LineProblem, OPTION_NAMES, TextOptions, read_header};

use std::path::{Path, PathBuf};

/// Files of the inbox that are no texts: its README, and photos uploaded for a text's
/// `photo:` line.
const PHOTO_EXTENSIONS: [&str; 4] = ["jpg", "jpeg", "png", "webp"];

/// The texts waiting in the inbox folder `dir`, by name: every file but the README, hidden
/// files (`.gitkeep`) and photos; folders are not looked into.
pub fn texts(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || is_readme(&name) || is_photo(&entry.path()) {
            continue;
        }
        if entry.file_type()?.is_file() {
            texts.push(entry.path());
        }
    }
    texts.sort();
    Ok(texts)
}

fn is_readme(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name);
    stem.eq_ignore_ascii_case("readme")
}

/// Whether `path` names a photo by its extension.
pub fn is_photo(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PHOTO_EXTENSIONS.iter().any(|p| e.eq_ignore_ascii_case(p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_leave_out_the_readme_hidden_files_photos_and_folders() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["README.md", ".gitkeep", "b.txt", "a", "photo.JPG", "c.md"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let names: Vec<String> = texts(dir.path())
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a", "b.txt", "c.md"]);
    }
}
