//! dostyk: a static site generator for a bilingual (Kazakh + Tajik) news archive.
//!
//! The pipeline runs one way, a module per stage: [`load`] reads and validates the project,
//! [`photos`] makes the files of the photos articles show, [`model`] builds the immutable [`model::Site`], [`render`] turns it into pages, [`mod@write`]
//! swaps the new site in; [`mod@build`] drives the four stages and [`mod@check`] runs them
//! without writing. Beside the pipeline, each reusing it: [`search`] (the index),
//! [`import`] (agency texts in), [`inbox`] (texts editors upload through GitHub),
//! [`authoring`] (the files editors' commands write) and [`serve`] (the preview); [`github`]
//! is what a GitHub Actions job reads from a command.

pub mod authoring;
pub mod build;
pub mod check;
pub mod date;
pub mod error;
pub mod github;
pub mod import;
pub mod inbox;
pub mod language;
pub mod lexicon;
pub mod load;
pub mod model;
pub mod photos;
pub mod render;
pub mod search;
pub mod serve;
pub mod slug;
pub mod write;

pub use build::{BuildOptions, BuildReport, Project, Timings, build};
pub use error::{Diagnostic, Error};
