//! Where a photo an article names is, and what it becomes: looked up in the cache by its
//! contents, or decoded and encoded anew.

use super::cache::{Cache, Entry, StoredFile, key};
use super::decode::decode;
use super::encode::encode_all;
use super::plan::plan;
use super::{Photo, PhotoFile};
use std::path::{Component, Path, PathBuf};

/// The folder of `content/` for photos that articles share.
pub(super) const SHARED_FOLDER: &str = "photos";

/// The content folder, as written and with its links resolved (`real`: `None` if it cannot
/// be, and then no photo is inside it).
pub(super) struct Content<'a> {
    pub path: &'a Path,
    pub real: Option<PathBuf>,
}

impl Content<'_> {
    pub(super) fn new(path: &Path) -> Content<'_> {
        Content {
            path,
            real: path.canonicalize().ok(),
        }
    }
}

/// The source file of `file`, as the article at `article` names it: beside the article, or
/// else under `content/photos/`. Paths must stay inside the content folder.
pub(super) fn resolve(content: &Content, article: &Path, file: &str) -> Result<PathBuf, String> {
    let relative = Path::new(file);
    if file.contains("://")
        || relative.is_absolute()
        || relative
            .components()
            .any(|c| matches!(c, Component::Prefix(_) | Component::RootDir))
    {
        return Err(
            "must be a path beside the article or under content/photos/, not an address or an absolute path"
                .into(),
        );
    }
    let beside = article.parent().unwrap_or(Path::new("")).join(relative);
    let shared = content.path.join(SHARED_FOLDER).join(relative);
    let found = [&beside, &shared].into_iter().find(|p| p.is_file());
    let Some(found) = found else {
        return Err(format!(
            "is not there: looked for {} and {}",
            beside.display(),
            shared.display()
        ));
    };
    let inside = match (found.canonicalize(), &content.real) {
        (Ok(real), Some(root)) => real.starts_with(root).then_some(real),
        _ => None,
    };
    inside.ok_or_else(|| {
        "is outside the content folder: photos must be files of the project".to_string()
    })
}

/// One source photo to process.
pub(super) struct Source<'a> {
    pub path: &'a Path,
}

impl Source<'_> {
    /// The photo, from the cache or made now (then `true`).
    pub(super) fn process(&self, cache: &Cache) -> Result<(Photo, bool), String> {
        let cannot_read = |e: std::io::Error| format!("cannot be read: {e}");
        let meta = std::fs::metadata(self.path).map_err(cannot_read)?;
        if let Some(known) = cache.known_key(self.path, &meta)
            && let Some(entry) = cache.load(&known)
        {
            return Ok((self.photo(cache, &known, &entry), false));
        }
        // Not seen as it is now, or its entry is gone: the key comes from the bytes.
        let bytes = std::fs::read(self.path).map_err(cannot_read)?;
        let key = key(&bytes);
        if let Some(entry) = cache.load(&key) {
            cache.remember(self.path, &meta, &key);
            return Ok((self.photo(cache, &key, &entry), false));
        }
        let pixels = decode(&bytes).map_err(|e| e.to_string())?;
        let planned = plan(pixels.width(), pixels.height());
        let files = encode_all(&pixels, &planned).map_err(|e| format!("cannot be encoded: {e}"))?;
        let entry = Entry {
            width: pixels.width(),
            height: pixels.height(),
            files: planned
                .iter()
                .zip(&files)
                .map(|(p, bytes)| StoredFile {
                    role: p.role,
                    format: p.format,
                    width: p.width,
                    height: p.height,
                    bytes: bytes.len() as u64,
                })
                .collect(),
        };
        cache
            .store(&key, &entry, &files)
            .map_err(|e| format!("cannot be kept in the photo cache: {e}"))?;
        cache.remember(self.path, &meta, &key);
        Ok((self.photo(cache, &key, &entry), true))
    }

    /// The photo an entry describes, its files named for the output; the cache notes
    /// that this build uses the entry.
    fn photo(&self, cache: &Cache, key: &str, entry: &Entry) -> Photo {
        cache.used(key);
        let stem = output_stem(self.path);
        let dir = cache.entry_dir(key);
        Photo {
            width: entry.width,
            height: entry.height,
            files: entry
                .files
                .iter()
                .map(|f| PhotoFile {
                    role: f.role,
                    format: f.format,
                    width: f.width,
                    height: f.height,
                    path: format!("{SHARED_FOLDER}/{stem}-{}-{}", &key[..10], f.name()),
                    bytes: f.bytes,
                    cached: dir.join(f.name()),
                })
                .collect(),
        }
    }
}

/// The source file's name as the start of its outputs' names: lower-case ASCII letters,
/// digits and hyphens (a Cyrillic name is written in Latin letters).
fn output_stem(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let slug = crate::slug::title_slug(&stem, None);
    if slug.is_empty() {
        "photo".into()
    } else {
        slug.chars()
            .take(40)
            .collect::<String>()
            .trim_end_matches('-')
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn photos_are_found_beside_the_article_or_in_the_shared_folder() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        let year = content.join("articles/2025");
        std::fs::create_dir_all(&year).unwrap();
        std::fs::create_dir_all(content.join("photos")).unwrap();
        std::fs::write(year.join("here.jpg"), b"x").unwrap();
        std::fs::write(content.join("photos/shared.jpg"), b"x").unwrap();
        std::fs::write(dir.path().join("secret.jpg"), b"x").unwrap();
        let article = year.join("a.md");
        let content = Content::new(&content);
        assert!(
            resolve(&content, &article, "here.jpg")
                .unwrap()
                .ends_with("2025/here.jpg")
        );
        assert!(
            resolve(&content, &article, "shared.jpg")
                .unwrap()
                .ends_with("photos/shared.jpg")
        );
        assert!(
            resolve(&content, &article, "gone.jpg")
                .unwrap_err()
                .contains("not there")
        );
        assert!(
            resolve(&content, &article, "../../../secret.jpg")
                .unwrap_err()
                .contains("outside")
        );
        assert!(
            resolve(&content, &article, "/etc/passwd")
                .unwrap_err()
                .contains("absolute")
        );
        assert!(
            resolve(&content, &article, "https://x.kz/a.jpg")
                .unwrap_err()
                .contains("address")
        );
    }

    #[test]
    fn output_names_are_safe_in_addresses() {
        assert_eq!(output_stem(Path::new("x/Астана 2025.JPG")), "astana-2025");
        assert_eq!(output_stem(Path::new("x/....jpg")), "photo");
    }
}
