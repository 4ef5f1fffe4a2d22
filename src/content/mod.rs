//! Stage 1: loading `content/` into validated [`Article`]s.

mod article;
mod excerpt;
mod fingerprint;
pub mod front_matter;
mod load;

pub use article::{Article, Source};
pub use excerpt::excerpt;
pub use fingerprint::Fingerprint;
pub use load::{ArticleCache, Loaded, Partial, load, load_partial};
