//! The photo cache: what a source photo became, kept outside the output and keyed by the
//! source's contents and the settings, so that a rebuild encodes only photos that are new
//! or changed, whatever their names, and a change of settings never serves stale files.
//!
//! `DIR/<key>/` holds one photo's files and `entry.json`, which describes them; each entry
//! is written to a temporary folder and renamed into place, so a killed build leaves no
//! half entry. `DIR/sources.json` remembers each source file's size, modification time and
//! key, so that a warm build need not read and hash photos it has seen unchanged, and the
//! day each entry was last used: an entry no build has used for [`KEEP_UNUSED_DAYS`] is
//! removed, so the cache does not grow for ever as photos change (on CI too, where it is
//! saved and restored whole).

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

/// How long an entry no build uses is kept: long enough that switching between branches,
/// or building another content folder with the same cache, finds its photos still there.
const KEEP_UNUSED_DAYS: u64 = 30;

const SECONDS_PER_DAY: u64 = 24 * 60 * 60;

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
    /// Today, in days since 1970: what "last used" is counted in.
    today: u64,
    memo: Mutex<Memo>,
}

#[derive(Default)]
struct Memo {
    sources: HashMap<String, Seen>,
    /// Entry key → the day it was last used.
    used: HashMap<String, u64>,
    changed: bool,
}

/// `sources.json`: the memo, with the settings its keys were made under.
#[derive(Serialize, Deserialize)]
struct Sources {
    settings: String,
    sources: HashMap<String, Seen>,
    #[serde(default)]
    used: HashMap<String, u64>,
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
        Cache::on_day(dir, day(std::time::SystemTime::now()))
    }

    /// The cache in `dir` as a build on `today` (days since 1970) sees it.
    fn on_day(dir: impl Into<PathBuf>, today: u64) -> Cache {
        let dir = dir.into();
        // Keys made under other settings name other files: such a memo is no use (its
        // entries age out).
        let (sources, used) = std::fs::read(dir.join("sources.json"))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Sources>(&bytes).ok())
            .filter(|saved| saved.settings == *SETTINGS)
            .map(|saved| (saved.sources, saved.used))
            .unwrap_or_default();
        Cache {
            dir,
            today,
            memo: Mutex::new(Memo {
                sources,
                used,
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

    /// Notes that this build uses the entry `key`.
    pub(super) fn used(&self, key: &str) {
        let mut memo = self
            .memo
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if memo.used.get(key) != Some(&self.today) {
            memo.used.insert(key.to_string(), self.today);
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

    /// Removes the entries no build has used for [`KEEP_UNUSED_DAYS`], and what killed
    /// builds left half written; then writes down what was learnt, if anything.
    pub(super) fn save(&self) -> std::io::Result<()> {
        let mut memo = self
            .memo
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        self.prune(&mut memo);
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
                used: memo.used.clone(),
            })
            .map_err(std::io::Error::other)?,
        )?;
        std::fs::rename(&temporary, self.dir.join("sources.json"))
    }

    /// Removes old unused entries: by the day the memo says they were last used, or, for
    /// one it does not know (made under other settings, or its memo lost), by the day the
    /// entry was written. A temporary file or folder (`.key.pid`) more than a day old is a
    /// killed build's.
    fn prune(&self, memo: &mut Memo) {
        let Ok(listing) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let written = |entry: &std::fs::DirEntry| {
            entry
                .metadata()
                .and_then(|m| m.modified())
                .map_or(self.today, day)
        };
        for entry in listing.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_key = name.len() == 40 && name.bytes().all(|b| b.is_ascii_hexdigit());
            let (last, limit) = if is_key {
                let used = memo.used.get(&name).copied();
                (used.unwrap_or_else(|| written(&entry)), KEEP_UNUSED_DAYS)
            } else if name.starts_with('.') {
                (written(&entry), 1)
            } else {
                continue;
            };
            if self.today.saturating_sub(last) <= limit {
                continue;
            }
            let removed = if entry.file_type().is_ok_and(|t| t.is_dir()) {
                std::fs::remove_dir_all(entry.path())
            } else {
                std::fs::remove_file(entry.path())
            };
            if removed.is_ok() && is_key {
                memo.used.remove(&name);
                memo.sources.retain(|_, seen| seen.key != name);
                memo.changed = true;
            }
        }
    }
}

/// Days since 1970 at `time`.
fn day(time: std::time::SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / SECONDS_PER_DAY)
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

    #[test]
    fn entries_unused_for_a_month_are_removed_and_used_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let cache_dir = dir.path().join("cache");
        let source = dir.path().join("a.jpg");
        std::fs::write(&source, b"photo").unwrap();
        let meta = std::fs::metadata(&source).unwrap();
        let (kept, old, unknown) = ("a".repeat(40), "b".repeat(40), "c".repeat(40));
        for key in [&kept, &old, &unknown] {
            std::fs::create_dir_all(cache_dir.join(key)).unwrap();
        }
        std::fs::create_dir_all(cache_dir.join(format!(".{kept}.123"))).unwrap();
        std::fs::write(cache_dir.join("notes.txt"), b"an editor's").unwrap();
        let start = day(std::time::SystemTime::now());
        // Day one: a build uses `old`, and `kept`.
        let first = Cache::on_day(&cache_dir, start);
        first.used(&old);
        first.used(&kept);
        first.remember(&source, &meta, &old);
        first.save().unwrap();
        assert!(cache_dir.join(&unknown).is_dir(), "written today");
        // Every build from then on uses `kept` only; a month on, `old` is still there.
        let month = Cache::on_day(&cache_dir, start + KEEP_UNUSED_DAYS);
        month.used(&kept);
        month.save().unwrap();
        assert!(cache_dir.join(&old).is_dir());
        // A day later it is gone, and so is the memo's key for its source; `unknown`, which
        // no memo names, goes by the day it was written; so do a killed build's leftovers.
        let later = Cache::on_day(&cache_dir, start + KEEP_UNUSED_DAYS + 1);
        later.used(&kept);
        later.save().unwrap();
        assert!(cache_dir.join(&kept).is_dir());
        assert!(!cache_dir.join(&old).exists());
        assert!(!cache_dir.join(&unknown).exists());
        assert!(!cache_dir.join(format!(".{kept}.123")).exists());
        assert!(
            cache_dir.join("notes.txt").exists(),
            "only the cache's own files go"
        );
        let reread = Cache::on_day(&cache_dir, start + KEEP_UNUSED_DAYS + 1);
        assert_eq!(reread.known_key(&source, &meta), None);
    }
}
