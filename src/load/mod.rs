//! Stage 1: `site.toml`, `content/taxonomy.toml` and every article file under `content/`,
//! read and validated into [`Article`]s; every problem names its file and line.

mod article;
mod article_file;
mod article_text;
mod articles;
pub mod config;
mod excerpt;
pub mod figures;
pub mod front_matter;
pub mod markdown_source;
pub mod taxonomy;

pub use article::{Article, Source};
pub use article_file::{ArticleFile, LeadPhoto, ReadFile};
pub use article_text::ArticleText;
pub use articles::{ArticleCache, Loaded, Partial, load, load_partial};
pub use excerpt::excerpt;
