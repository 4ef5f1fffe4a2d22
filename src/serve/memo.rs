//! What the preview remembers of its last build, so that a rebuild renders only the pages
//! whose inputs changed: every page's signature, and the bodies rendered.

use crate::render::markdown::Body;
use crate::render::{Fingerprint, Rebuild, combine};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Rendered bodies, by the hash of their article's file (and of the site's links when the
/// body links to other articles).
pub(super) type BodyCache = Mutex<HashMap<u64, Arc<Body>>>;

/// The signature of every page of the last good build, by output path: a hash of what the
/// page shows. Kept from one rebuild to the next and changed in place, so that a rebuild
/// allocates only for the pages that changed.
#[derive(Default)]
pub(super) struct Signatures {
    pages: HashMap<String, Signed>,
    /// Numbers the builds that signed pages, good or not.
    builds: u64,
}

struct Signed {
    signature: u64,
    /// The last build that had the page: pages the last good build has not are gone.
    seen: AtomicU64,
}

impl Signatures {
    pub(super) fn contains(&self, path: &str) -> bool {
        self.pages.contains_key(path)
    }
}

/// The last build's page signatures, and this build's changes to them as pages are signed.
pub(super) struct Memo<'a> {
    /// Everything every page depends on: templates, configuration, taxonomy, assets.
    pub global: u64,
    /// Every article's file and slug: what links between articles resolve against.
    pub links: u64,
    /// Per article of the site, by index.
    pub fingerprints: &'a [Fingerprint],
    pub bodies: &'a BodyCache,
    signatures: &'a mut Signatures,
    build: u64,
    /// Pages new in this build or signed differently, with their signatures.
    changed: Mutex<Vec<(String, u64)>>,
}

impl<'a> Memo<'a> {
    /// A build that signs its pages against `signatures`, and updates them if it succeeds
    /// ([`Self::finish`]).
    pub(super) fn new(
        global: u64,
        links: u64,
        fingerprints: &'a [Fingerprint],
        bodies: &'a BodyCache,
        signatures: &'a mut Signatures,
    ) -> Memo<'a> {
        // A number of its own even if an earlier build failed after marking pages seen.
        signatures.builds += 1;
        Memo {
            global,
            links,
            fingerprints,
            bodies,
            build: signatures.builds,
            signatures,
            changed: Mutex::new(Vec::new()),
        }
    }

    /// This build succeeded: its signatures become the ones the next build compares with.
    /// Returns the pages the last build had and this one has not.
    pub(super) fn finish(self) -> Vec<String> {
        let build = self.build;
        let pages = &mut self.signatures.pages;
        for (path, signature) in self
            .changed
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
        {
            let seen = AtomicU64::new(build);
            pages.insert(path, Signed { signature, seen });
        }
        let mut gone = Vec::new();
        pages.retain(|path, signed| {
            let seen = *signed.seen.get_mut() == build;
            if !seen {
                gone.push(path.clone());
            }
            seen
        });
        gone
    }
}

impl Rebuild for Memo<'_> {
    fn unchanged(&self, path: &str, signature: u64) -> bool {
        let signature = combine(&[self.global, signature]);
        if let Some(signed) = self.signatures.pages.get(path) {
            signed.seen.store(self.build, Ordering::Relaxed);
            if signed.signature == signature {
                return true;
            }
        }
        self.changed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push((path.to_string(), signature));
        false
    }

    fn links(&self) -> u64 {
        self.links
    }

    fn fingerprints(&self) -> &[Fingerprint] {
        self.fingerprints
    }

    fn body(&self, key: u64) -> Option<Arc<Body>> {
        self.bodies
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(&key)
            .cloned()
    }

    fn keep_body(&self, key: u64, body: Arc<Body>) {
        self.bodies
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(key, body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sign(signatures: &mut Signatures, pages: &[(&str, u64)], succeed: bool) -> Vec<String> {
        let bodies = BodyCache::default();
        let memo = Memo::new(0, 0, &[], &bodies, signatures);
        for (path, signature) in pages {
            memo.unchanged(path, *signature);
        }
        if succeed { memo.finish() } else { Vec::new() }
    }

    #[test]
    fn pages_are_kept_changed_and_gone() {
        let mut signatures = Signatures::default();
        assert!(sign(&mut signatures, &[("a", 1), ("b", 2), ("c", 3)], true).is_empty());
        let bodies = BodyCache::default();
        let memo = Memo::new(0, 0, &[], &bodies, &mut signatures);
        assert!(memo.unchanged("a", 1));
        assert!(!memo.unchanged("b", 20));
        assert!(!memo.unchanged("d", 4));
        assert_eq!(memo.finish(), ["c"]);
        assert!(signatures.contains("d") && !signatures.contains("c"));
    }

    #[test]
    fn a_failed_build_changes_nothing() {
        let mut signatures = Signatures::default();
        sign(&mut signatures, &[("a", 1), ("b", 2)], true);
        // A failed build saw only `a`, and signed `b` differently: neither counts.
        sign(&mut signatures, &[("a", 1), ("b", 5)], false);
        let bodies = BodyCache::default();
        let memo = Memo::new(0, 0, &[], &bodies, &mut signatures);
        assert!(
            memo.unchanged("b", 2),
            "the failed build's signature is not kept"
        );
        assert_eq!(
            memo.finish(),
            ["a"],
            "the failed build's marks do not keep `a`"
        );
    }
}
