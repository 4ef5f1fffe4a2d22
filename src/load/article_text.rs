//! An article's Markdown body after loading. The loader takes what the site model needs from
//! it (summary, figures, whether it links other articles or shows images); in a large archive
//! it then leaves it in its file, which the pages that show it read again: held from load to
//! render, the bodies were most of a large build's memory (1.1 of 1.8 GB at 100,000
//! articles), when the system's file cache holds them already. A text that changed in
//! between is an error, not a page that disagrees with its summary and lists.

use crate::error::Diagnostic;
use std::borrow::Cow;
use std::hash::BuildHasher;
use std::path::Path;
use std::sync::LazyLock;

/// The Markdown body of an article.
#[derive(Debug, Clone)]
pub struct ArticleText {
    kept: Kept,
    /// The body's length in bytes: in its file, it is the text's last `len` bytes.
    len: usize,
    /// Tells the body read again from the one loaded; also what fingerprints of the article
    /// take of it.
    hash: u64,
}

#[derive(Debug, Clone)]
enum Kept {
    /// Parsed from a string that is not (or not yet) a file: a draft, a test.
    Held(String),
    /// To be read again from the article's file.
    InFile,
}

/// One hasher for the process: hashes are only compared within it.
static HASHER: LazyLock<hashbrown::DefaultHashBuilder> = LazyLock::new(Default::default);

fn hash(text: &str) -> u64 {
    HASHER.hash_one(text.as_bytes())
}

impl ArticleText {
    /// A body held in memory.
    pub(super) fn held(text: String) -> ArticleText {
        ArticleText {
            len: text.len(),
            hash: hash(&text),
            kept: Kept::Held(text),
        }
    }

    /// Lets go of the text: from now on it is read from the file it was loaded from, whose
    /// end it is.
    pub(super) fn leave_in_file(&mut self) {
        self.kept = Kept::InFile;
    }

    /// A hash of the text, for fingerprints of the article.
    pub fn digest(&self) -> u64 {
        self.hash
    }

    /// The text, from memory or read again from `path`, the file it was loaded from; an error
    /// naming the file if it can no longer be read or has changed since.
    pub fn read(&self, path: &Path) -> Result<Cow<'_, str>, Diagnostic> {
        if let Kept::Held(text) = &self.kept {
            return Ok(Cow::Borrowed(text));
        }
        let changed = || {
            Diagnostic::in_file(
                path,
                "the file changed while the site was being built: build again",
            )
        };
        let bytes = std::fs::read(path)
            .map_err(|e| Diagnostic::in_file(path, format!("cannot read again: {e}")))?;
        let start = bytes.len().checked_sub(self.len).ok_or_else(changed)?;
        let text = simdutf8::basic::from_utf8(&bytes[start..]).map_err(|_| changed())?;
        if hash(text) != self.hash {
            return Err(changed());
        }
        Ok(Cow::Owned(text.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_left_in_its_file_is_read_back_and_a_changed_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "+++\ntitle = \"x\"\n+++\nМәтін.\n").unwrap();
        let mut text = ArticleText::held("Мәтін.\n".into());
        assert_eq!(text.read(&path).unwrap(), "Мәтін.\n");
        text.leave_in_file();
        assert_eq!(text.read(&path).unwrap(), "Мәтін.\n");

        // The same length, another text.
        std::fs::write(&path, "+++\ntitle = \"x\"\n+++\nМәтім.\n").unwrap();
        let e = text.read(&path).unwrap_err().to_string();
        assert!(e.contains("a.md") && e.contains("changed"), "{e}");
        // Shorter than the body was, and cut inside a letter.
        std::fs::write(&path, "Мә").unwrap();
        assert!(text.read(&path).is_err());
        std::fs::write(&path, "Әabcdefghijk").unwrap();
        assert!(
            text.read(&path)
                .unwrap_err()
                .to_string()
                .contains("changed")
        );
        std::fs::remove_file(&path).unwrap();
        let e = text.read(&path).unwrap_err().to_string();
        assert!(e.contains("cannot read again"), "{e}");
    }
}
