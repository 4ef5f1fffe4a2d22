//! The photo cache: what a source photo became, kept outside the output and keyed by the
//! source's contents and the settings, so that a rebuild encodes only photos that are new
//! or changed, whatever their names, and a change of settings never serves stale files.
//!
//! `DIR/<key>/` holds one photo's files and `entry.json`, which describes them; each entry
//! is written to a temporary folder and renamed into place, so a killed build leaves no
//! half entry. `DIR/sources.json` remembers each source file's size, modification time and
//! key, so that a warm build need not read and hash photos it has seen unchanged.

use super::plan::{Format, Role};
use serde::{Deserialize, Serialize};
use sha1::{Digest, Sha1};
use std::collections::HashMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};
use std::time::UNIX_EPOCH;

/// Bump with a change to how files are made that the plan's and the encoders' settings do
/// not show (a new resizing filter, a fix in the encoding code).
const VERSION: u32 = 1;

/// Everything that changes what files a photo becomes, part of every key: written from the
/// plan's and the encoders' own constants, so that changing one of them cannot leave the
/// cache serving files made with the old value.
static SETTINGS: LazyLock<String> = LazyLock::new(|| {
    format!(
        "dostyk photos {VERSION}; {}; {}",
        super::plan::settings(),
        super::encode::settings()
    )
});

/// A cache folder.
pub struct Cache {
    dir: PathBuf,
    memo: Mutex<Memo>,
}

#[derive(Default)]
struct Memo {
    sources: HashMap<String, Seen>,
    changed: bool,
}

/// `sources.json`: the memo, with the settings its keys were made under.
#[derive(Serialize, Deserialize)]
struct Sources {
    settings: String,
    sources: HashMap<String, Seen>,
}

/// What the cache remembers of a source file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Seen {
    len: u64,
    modified: u128,
    key: String,
}

/// One cached photo: its upright size and its files.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct Entry {
    pub width: u32,
    pub height: u32,
    pub files: Vec<StoredFile>,
}

/// One file of an entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct StoredFile {
    pub role: Role,
    pub format: Format,
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
}

impl StoredFile {
    /// The file's name in its entry's folder, and the end of its name in the output.
    pub(super) fn name(&self) -> String {
        let role = match self.role {
            Role::Full => 'f',
            Role::Fallback => 'j',
            Role::Crop => 'c',
            Role::Thumb => 't',
        };
        format!(
            "{role}{}x{}.{}",
            self.width,
            self.height,
            self.format.extension()
        )
    }
}

impl Cache {
    /// The cache in `dir` (made when first written to).
    pub fn new(dir: impl Into<PathBuf>) -> Cache {
        let dir = dir.into();
        // Keys made under other settings name other files: such a memo is no use.
        let sources = std::fs::read(dir.join("sources.json"))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Sources>(&bytes).ok())
            .filter(|saved| saved.settings == *SETTINGS)
            .map(|saved| saved.sources)
            .unwrap_or_default();
        Cache {
            dir,
            memo: Mutex::new(Memo {
                sources,
                changed: false,
            }),
        }
    }

    /// The folder of the entry `key`.
    pub(super) fn entry_dir(&self, key: &str) -> PathBuf {
        self.dir.join(key)
    }

    /// The key of the source at `path`, if the cache has seen the file as it is now.
    pub(super) fn known_key(&self, path: &Path, meta: &std::fs::Metadata) -> Option<String> {
        let seen = stat(meta);
        let memo = self
            .memo
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        memo.sources
            .get(&path.to_string_lossy().into_owned())
            .filter(|s| s.len == seen.0 && s.modified == seen.1)
            .map(|s| s.key.clone())
    }

    /// Remembers that the source at `path`, as `meta` describes it, has `key`.
    pub(super) fn remember(&self, path: &Path, meta: &std::fs::Metadata, key: &str) {
        let (len, modified) = stat(meta);
        let seen = Seen {
            len,
            modified,
            key: key.to_string(),
        };
        let mut memo = self
            .memo
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let name = path.to_string_lossy().into_owned();
        if memo.sources.get(&name) != Some(&seen) {
            memo.sources.insert(name, seen);
            memo.changed = true;
        }
    }

    /// The entry `key`, if it is whole.
    pub(super) fn load(&self, key: &str) -> Option<Entry> {
        let dir = self.entry_dir(key);
        let entry: Entry =
            serde_json::from_slice(&std::fs::read(dir.join("entry.json")).ok()?).ok()?;
        let whole = entry
            .files
            .iter()
            .all(|f| std::fs::metadata(dir.join(f.name())).is_ok_and(|m| m.len() == f.bytes));
        whole.then_some(entry)
    }

    /// Stores an entry and its files' bytes (in the order of `entry.files`).
    pub(super) fn store(&self, key: &str, entry: &Entry, files: &[Vec<u8>]) -> std::io::Result<()> {
        let dir = self.entry_dir(key);
        let temporary = self.dir.join(format!(".{key}.{}", std::process::id()));
        std::fs::create_dir_all(&temporary)?;
        for (file, bytes) in entry.files.iter().zip(files) {
            std::fs::write(temporary.join(file.name()), bytes)?;
        }
        std::fs::write(
            temporary.join("entry.json"),
            serde_json::to_vec(entry).map_err(std::io::Error::other)?,
        )?;
        if dir.exists() {
            // Another build stored it meanwhile, or a broken entry is there: replace it.
            let _ = std::fs::remove_dir_all(&dir);
        }
        match std::fs::rename(&temporary, &dir) {
            Ok(()) => Ok(()),
            Err(_) if self.load(key).is_some() => {
                let _ = std::fs::remove_dir_all(&temporary);
                Ok(())
            }
            Err(e) => {
                let _ = std::fs::remove_dir_all(&temporary);
                Err(e)
            }
        }
    }

    /// Writes down what was learnt of the sources, if anything.
    pub(super) fn save(&self) -> std::io::Result<()> {
        let memo = self
            .memo
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if !memo.changed {
            return Ok(());
        }
        std::fs::create_dir_all(&self.dir)?;
        let temporary = self
            .dir
            .join(format!(".sources.{}.json", std::process::id()));
        std::fs::write(
            &temporary,
            serde_json::to_vec(&Sources {
                settings: SETTINGS.clone(),
                sources: memo.sources.clone(),
            })
            .map_err(std::io::Error::other)?,
        )?;
        std::fs::rename(&temporary, self.dir.join("sources.json"))
    }
}

/// The key of a source's bytes under the current settings.
pub(super) fn key(bytes: &[u8]) -> String {
    let mut hash = Sha1::new();
    hash.update(SETTINGS.as_bytes());
    hash.update([0]);
    hash.update(bytes);
    hash.finalize().iter().fold(String::new(), |mut hex, b| {
        let _ = write!(hex, "{b:02x}");
        hex
    })
}

fn stat(meta: &std::fs::Metadata) -> (u64, u128) {
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    (meta.len(), modified)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_memo_made_under_other_settings_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("a.jpg");
        std::fs::write(&source, b"photo").unwrap();
        let meta = std::fs::metadata(&source).unwrap();
        let cache = Cache::new(dir.path().join("cache"));
        cache.remember(&source, &meta, "k1");
        cache.save().unwrap();
        assert_eq!(
            Cache::new(dir.path().join("cache")).known_key(&source, &meta),
            Some("k1".into())
        );
        // The same memo written under other settings: its keys name other files.
        let path = dir.path().join("cache/sources.json");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            text.replace("dostyk photos", "dostyk photos (older)"),
        )
        .unwrap();
        assert_eq!(
            Cache::new(dir.path().join("cache")).known_key(&source, &meta),
            None
        );
    }
}
