//! Stage 3: every page of every UI language, rendered from the model through Tera templates.
//! Article bodies are turned into HTML once and reused by both UI trees.

mod chart;
mod feed;
mod links;
pub mod memo;
mod pages;
mod routes;
mod search_page;
mod search_pages;
mod sitemap;
mod structured;
pub mod templates;
mod views;

pub use memo::{BodyCache, Memo};
pub use pages::{RenderStats, Scope, render_site};
pub use search_pages::search_corpora;
pub use templates::Templates;
pub use views::Assets;
