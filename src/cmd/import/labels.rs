//! The names of the report's fields and of how sure a value is, as both reports (the
//! terminal's and the Markdown table of a job summary) write them: in English, the language
//! of the command line and of GitHub's pages.

use dostyk::import::pipeline::Sureness;

pub(super) const TITLE: &str = "title";
pub(super) const LANGUAGE: &str = "language";
pub(super) const DATE: &str = "date";
pub(super) const PLACE: &str = "place";
pub(super) const OUTLET: &str = "outlet";
pub(super) const PHOTO: &str = "photo";
pub(super) const COUNTRIES: &str = "countries";
pub(super) const TOPICS: &str = "topics";
pub(super) const SUBJECT: &str = "subject";
pub(super) const STORY: &str = "story";
pub(super) const DUPLICATE: &str = "duplicate";
pub(super) const ON_TOPIC: &str = "on topic";
pub(super) const OFF_TOPIC: &str = "OFF TOPIC";
pub(super) const NONE_FOUND: &str = "none found";
pub(super) const UNKNOWN: &str = "unknown";

/// How sure a finding is, in a word.
pub(super) fn sureness(sure: Sureness) -> &'static str {
    match sure {
        Sureness::Given => "given",
        Sureness::Certain => "certain",
        Sureness::Likely => "likely",
        Sureness::Check => "check",
    }
}
