//! Stage 2: the immutable [`Site`] built from the articles: stories, term listings, the
//! timeline, and the route of every page. No HTML here.

mod route;
mod site;
mod timeline;

pub use route::Route;
pub use site::{Site, Story, StoryId, TermListing};
pub use timeline::{MonthlyCounts, Timeline, YearMonth};
