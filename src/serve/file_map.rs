//! A built site held in memory: output path to bytes, cheap to copy and to change.
//!
//! The preview serves one copy while its next rebuild changes another. A plain map would be
//! copied whole for that at every rebuild (tens of thousands of entries for a large archive);
//! this one is split into shards shared between copies, and a change copies only the shard it
//! falls in.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

/// How many shards: a change copies about `len / SHARDS` entries, a copy of the whole map
/// `SHARDS` pointers.
const SHARDS: usize = 1024;

type Shard = HashMap<String, Arc<[u8]>>;

/// Output-relative path (`kk/index.html`, `style.css`) to the file's bytes.
#[derive(Clone, Debug)]
pub struct Files {
    shards: Vec<Arc<Shard>>,
    len: usize,
}

impl Default for Files {
    fn default() -> Files {
        Files {
            shards: (0..SHARDS).map(|_| Arc::default()).collect(),
            len: 0,
        }
    }
}

impl Files {
    /// The bytes of the file at `path`, if there is one.
    pub fn get(&self, path: &str) -> Option<&Arc<[u8]>> {
        self.shards[shard(path)].get(path)
    }

    /// Whether there is a file at `path`.
    pub fn contains(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    /// Adds or replaces a file; returns the bytes it had.
    pub fn insert(&mut self, path: String, bytes: Arc<[u8]>) -> Option<Arc<[u8]>> {
        let old = Arc::make_mut(&mut self.shards[shard(&path)]).insert(path, bytes);
        if old.is_none() {
            self.len += 1;
        }
        old
    }

    /// Removes a file; returns the bytes it had, or `None` if there was none.
    pub fn remove(&mut self, path: &str) -> Option<Arc<[u8]>> {
        let shard = &mut self.shards[shard(path)];
        // Copying a shard only to find the file absent would be a waste.
        if !shard.contains_key(path) {
            return None;
        }
        self.len -= 1;
        Arc::make_mut(shard).remove(path)
    }

    /// How many files.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no files.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every file, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Arc<[u8]>)> {
        self.shards
            .iter()
            .flat_map(|shard| shard.iter().map(|(path, bytes)| (path.as_str(), bytes)))
    }

    /// Every output-relative path, in no particular order.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.iter().map(|(path, _)| path)
    }
}

impl FromIterator<(String, Arc<[u8]>)> for Files {
    fn from_iter<I: IntoIterator<Item = (String, Arc<[u8]>)>>(iter: I) -> Files {
        let mut files = Files::default();
        for (path, bytes) in iter {
            files.insert(path, bytes);
        }
        files
    }
}

fn shard(path: &str) -> usize {
    let mut hasher = DefaultHasher::new();
    path.hash(&mut hasher);
    (hasher.finish() % SHARDS as u64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(text: &str) -> Arc<[u8]> {
        Arc::from(text.as_bytes())
    }

    #[test]
    fn a_copy_keeps_what_it_had_when_the_original_changes() {
        let mut files: Files = (0..5000)
            .map(|i| (format!("p/{i}.html"), bytes(&i.to_string())))
            .collect();
        assert_eq!(files.len(), 5000);
        let copy = files.clone();
        assert_eq!(
            files.insert("p/7.html".into(), bytes("seven")).as_deref(),
            Some(&b"7"[..])
        );
        assert!(files.insert("new.html".into(), bytes("new")).is_none());
        assert_eq!(files.remove("p/8.html").as_deref(), Some(&b"8"[..]));
        assert!(files.remove("p/8.html").is_none());
        assert!(files.remove("nothing").is_none());

        assert_eq!(files.len(), 5000);
        assert_eq!(&**files.get("p/7.html").unwrap(), b"seven");
        assert!(files.contains("new.html"));
        assert!(!files.contains("p/8.html"));
        assert_eq!(files.iter().count(), 5000);

        assert_eq!(copy.len(), 5000);
        assert_eq!(&**copy.get("p/7.html").unwrap(), b"7");
        assert!(!copy.contains("new.html"));
        assert!(copy.contains("p/8.html"));
        assert_eq!(copy.paths().count(), 5000);
    }

    #[test]
    fn unchanged_shards_are_shared_not_copied() {
        let mut files: Files = (0..100).map(|i| (format!("{i}"), bytes("x"))).collect();
        let copy = files.clone();
        files.insert("0".into(), bytes("y"));
        let shared = files
            .shards
            .iter()
            .zip(&copy.shards)
            .filter(|(a, b)| Arc::ptr_eq(a, b))
            .count();
        assert_eq!(shared, SHARDS - 1);
    }
}
