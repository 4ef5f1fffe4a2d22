//! Everything that writes content files for editors: `dostyk new`'s articles and the
//! importer's, each written whole or not at all.

mod archive;
pub mod atomic;
pub mod new;
pub mod photo;

pub use archive::{Archive, Existing, plain_text};
