//! What a rebuild (the preview's) tells the renderer of the last build, so that it renders
//! only the pages whose inputs changed. The renderer knows what each page shows and signs it
//! ([`super::pages`]); what the last build signed, and the bodies it kept, are the preview's
//! state (`serve/`). A full build has no rebuild and renders everything.

use super::fingerprint::Fingerprint;
use super::markdown::Body;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

/// The last build, as a rebuild asks about it.
pub trait Rebuild: Sync {
    /// Records `path`'s signature in this build; true when the last build rendered the page
    /// from the same inputs, so that its output can be kept.
    fn unchanged(&self, path: &str, signature: u64) -> bool;
    /// Every article's file and slug in one hash: what links between articles resolve
    /// against.
    fn links(&self) -> u64;
    /// Per article of the site, by index.
    fn fingerprints(&self) -> &[Fingerprint];
    /// A body an earlier build rendered from the same inputs (`key`).
    fn body(&self, key: u64) -> Option<Arc<Body>>;
    /// Keeps a body just rendered for the builds after this one.
    fn keep_body(&self, key: u64, body: Arc<Body>);
}

/// One hash of several.
pub fn combine(parts: &[u64]) -> u64 {
    let mut hasher = DefaultHasher::new();
    parts.hash(&mut hasher);
    hasher.finish()
}
