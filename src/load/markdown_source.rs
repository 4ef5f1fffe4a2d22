//! How an article's Markdown source is read, by every stage that reads it (the summary here,
//! the body's HTML in `render/`): the extensions articles may use, and what a NUL becomes.

use pulldown_cmark::Options;
use std::borrow::Cow;

/// The Markdown extensions articles may use.
pub const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH);

/// `source` with every NUL replaced by U+FFFD, as `CommonMark` asks and pulldown-cmark does
/// not do: a NUL would be taken for a tree marker (the text showing `kk` or `tg` in its
/// place), and makes a page invalid HTML.
pub(crate) fn without_nuls(source: &str) -> Cow<'_, str> {
    if source.contains('\0') {
        Cow::Owned(source.replace('\0', "\u{fffd}"))
    } else {
        Cow::Borrowed(source)
    }
}
