//! dostyk: a static site generator for a bilingual (Kazakh + Tajik) news archive.
//!
//! The pipeline runs one way: [`content`] loads and validates the articles, [`model`] builds
//! the immutable [`model::Site`], [`render`] turns it into pages, [`output`] swaps the new
//! site in. [`build`] drives the four stages.

pub mod atomic;
pub mod build;
pub mod check;
pub mod config;
pub mod content;
pub mod date;
pub mod error;
pub mod files;
pub mod highlight;
pub mod import;
pub mod language;
pub mod markdown;
pub mod model;
pub mod new;
pub mod output;
pub mod render;
pub mod search;
pub mod serve;
pub mod session;
pub mod slug;
pub mod taxonomy;

pub use build::{BuildOptions, BuildReport, Project, Timings, build};
pub use error::{Diagnostic, Error};
