//! Stage 3: every page of every UI language, rendered from the model through Tera templates.
//! Article bodies are turned into HTML once and reused by both UI trees.

mod chart;
mod feed;
mod fingerprint;
pub mod highlight;
mod links;
pub mod markdown;
mod pages;
mod picture;
mod rebuild;
mod routes;
mod search_page;
mod search_pages;
mod sitemap;
mod structured;
pub mod templates;
mod views;

pub use fingerprint::Fingerprint;
pub use pages::{RenderStats, Scope, render_site};
pub use rebuild::{Rebuild, combine};
pub use search_pages::{SearchIndexes, search_corpora};
pub use templates::Templates;
pub use views::Assets;
