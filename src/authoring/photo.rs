//! A photo an editor attaches to a new article (`import --photo`, `new --photo`): checked
//! as a build would read it, copied into `content/photos/` under the article's name, and
//! named in the article's `[photo]` table.

use super::atomic;
use crate::load::LeadPhoto;
use crate::photos::{self, Unreadable};
use std::path::{Path, PathBuf};

/// Why a photo cannot be attached.
#[derive(Debug, thiserror::Error)]
pub enum AttachError {
    /// The file cannot be read.
    #[error("{}: {source}", path.display())]
    Read {
        /// The photo given.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is no photo a build can show.
    #[error("{}: the photo {source}", path.display())]
    Unreadable {
        /// The photo given.
        path: PathBuf,
        /// Why.
        source: Unreadable,
    },
    /// No description was given.
    #[error("a photo needs --alt: describe what it shows, for readers who cannot see it")]
    NoAlt,
    /// The copy could not be written.
    #[error("{}: {source}", path.display())]
    Write {
        /// Where the copy was to go.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// A photo ready to be copied in: its bytes, checked, and its file's extension.
#[derive(Debug)]
pub struct Attachment {
    bytes: Vec<u8>,
    extension: &'static str,
    /// The `[photo]` table; `file` is filled in by [`Attachment::copy`].
    pub photo: LeadPhoto,
}

impl Attachment {
    /// Reads and checks the photo at `path`; `credit` is who took it, when known.
    pub fn read(path: &Path, alt: &str, credit: Option<String>) -> Result<Attachment, AttachError> {
        let alt = alt.trim();
        if alt.is_empty() {
            return Err(AttachError::NoAlt);
        }
        let bytes = std::fs::read(path).map_err(|source| AttachError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let extension = photos::check(&bytes).map_err(|source| AttachError::Unreadable {
            path: path.to_path_buf(),
            source,
        })?;
        Ok(Attachment {
            bytes,
            extension,
            photo: LeadPhoto {
                file: String::new(),
                alt: alt.to_string(),
                caption: std::collections::BTreeMap::new(),
                credit,
            },
        })
    }

    /// The file name the photo takes in `content/photos/` for the article `slug`, the first
    /// one free there (or holding these very bytes already).
    pub fn name(&self, content: &Path, slug: &str) -> String {
        let folder = content.join("photos");
        (1..=u32::MAX)
            .map(|n| match n {
                1 => format!("{slug}.{}", self.extension),
                n => format!("{slug}-{n}.{}", self.extension),
            })
            .find(|name| std::fs::read(folder.join(name)).map_or(true, |bytes| bytes == self.bytes))
            .unwrap_or_else(|| format!("{slug}-{}.{}", std::process::id(), self.extension))
    }

    /// Copies the photo to `content/photos/<name>` (unless it is there already) and returns
    /// the `[photo]` table naming it.
    pub fn copy(&self, content: &Path, name: &str) -> Result<LeadPhoto, AttachError> {
        let path = content.join("photos").join(name);
        if std::fs::read(&path).map_or(true, |bytes| bytes != self.bytes) {
            atomic::write_new_bytes(&path, &self.bytes)
                .map_err(|source| AttachError::Write { path, source })?;
        }
        Ok(LeadPhoto {
            file: name.to_string(),
            ..self.photo.clone()
        })
    }
}
