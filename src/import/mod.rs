//! `dostyk import`: a raw agency text in, an article (front matter + Markdown) and a report
//! of what was inferred out. Pure functions over text; the command does the file I/O.

pub mod body;
pub mod credits;
pub mod dates;
pub mod furniture;
pub mod head;
pub mod headline;
pub mod language;
pub mod outlets;
pub mod page_url;
pub mod pipeline;
pub mod place;
mod publication;
pub mod story;
pub mod subject;
pub mod tagging;
pub mod text;

#[cfg(test)]
mod testing;
