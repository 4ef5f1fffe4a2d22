//! What a rebuild remembers of the last build, so that it renders only the pages whose
//! inputs changed (the preview server). A full build has no memo and renders everything.

use crate::markdown::Body;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::{Arc, Mutex};

/// Rendered bodies, by the hash of their article's file (and of the site's links when the
/// body links to other articles).
pub type BodyCache = Mutex<HashMap<u64, Arc<Body>>>;

/// The last build's page signatures, and this build's as they are computed.
pub struct Memo<'a> {
    /// Everything every page depends on: templates, configuration, taxonomy, assets.
    pub global: u64,
    /// Signature of each page of the last build, by output path.
    pub previous: &'a HashMap<String, u64>,
    /// Per article (by index in the site), the hash of its file.
    pub stamps: Vec<u64>,
    /// Per article, a hash of what lists show of it: all but the text after its summary.
    pub cards: Vec<u64>,
    /// Every article's file and slug: what links between articles resolve against.
    pub links: u64,
    pub bodies: &'a BodyCache,
    current: Mutex<HashMap<String, u64>>,
}

impl<'a> Memo<'a> {
    pub fn new(
        global: u64,
        previous: &'a HashMap<String, u64>,
        stamps: Vec<u64>,
        cards: Vec<u64>,
        links: u64,
        bodies: &'a BodyCache,
    ) -> Memo<'a> {
        Memo {
            global,
            previous,
            stamps,
            cards,
            links,
            bodies,
            current: Mutex::new(HashMap::new()),
        }
    }

    /// Records `path`'s signature in this build; true when the last build rendered the page
    /// from the same inputs, so its output can be kept.
    pub fn unchanged(&self, path: &str, signature: u64) -> bool {
        let signature = combine(&[self.global, signature]);
        self.current
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), signature);
        self.previous.get(path) == Some(&signature)
    }

    /// Every page of this build with its signature.
    pub fn into_signatures(self) -> HashMap<String, u64> {
        self.current.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

/// One hash of several.
pub fn combine(parts: &[u64]) -> u64 {
    let mut hasher = DefaultHasher::new();
    parts.hash(&mut hasher);
    hasher.finish()
}
