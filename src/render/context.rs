//! What a page's template receives, or only a hash of it: a rebuild first hashes a page's
//! context and renders the template only when the hash differs from the last build's.

use serde::Serialize;
use std::hash::{DefaultHasher, Hash, Hasher};

/// A Tera context being filled, or a hash of what would fill it.
pub enum PageContext {
    Tera(tera::Context),
    Hash(DefaultHasher),
}

impl PageContext {
    /// A context to render a template with.
    pub fn tera() -> PageContext {
        PageContext::Tera(tera::Context::new())
    }

    /// A context that only hashes what is put into it, much cheaper than building it.
    pub fn hashing() -> PageContext {
        PageContext::Hash(DefaultHasher::new())
    }

    pub fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        match self {
            PageContext::Tera(context) => context.insert(key, value),
            PageContext::Hash(hasher) => {
                key.hash(hasher);
                // JSON of plain view structs is deterministic (fields in order, maps sorted:
                // views use BTreeMap), so equal contexts hash equally.
                let _ = serde_json::to_writer(HashWriter(hasher), value);
            }
        }
    }

    /// The hash of everything inserted; `None` for a Tera context.
    pub fn finish(&self) -> Option<u64> {
        match self {
            PageContext::Tera(_) => None,
            PageContext::Hash(hasher) => Some(hasher.finish()),
        }
    }
}

struct HashWriter<'a>(&'a mut DefaultHasher);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_contexts_hash_equally_and_any_change_shows() {
        let hash = |title: &str, n: u32| {
            let mut context = PageContext::hashing();
            context.insert("page", &serde_json::json!({ "title": title, "n": n }));
            context.finish().unwrap()
        };
        assert_eq!(hash("a", 1), hash("a", 1));
        assert_ne!(hash("a", 1), hash("b", 1));
        assert_ne!(hash("a", 1), hash("a", 2));
        assert_eq!(PageContext::tera().finish(), None);
    }
}
