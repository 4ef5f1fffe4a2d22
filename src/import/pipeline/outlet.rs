//! The outlet: given with `--outlet`, or the page's host when it is a known outlet's, or the
//! headline's suffix, the dateline, the host anyway, or an attribution sentence; with notes
//! where the text names another.

use super::{Finding, Options, Sureness};
use crate::import::credits;
use crate::import::dates::Dateline;

/// The outlet of the text, from the first of these that names one. `lang_code` is the text's
/// language, `suffix_outlet` what its headline names after a dash.
pub(super) fn find(
    options: &Options,
    lang_code: Option<&str>,
    suffix_outlet: Option<&str>,
    dateline: Option<&Dateline>,
    paragraphs: &[String],
    notes: &mut Vec<String>,
    problems: &mut Vec<String>,
) -> Option<Finding> {
    let attributed = paragraphs.iter().find_map(|p| credits::attribution(p));
    let outlet = if let Some(given) = &options.outlet {
        Some(Finding::new(
            given.clone(),
            "given with --outlet",
            Sureness::Given,
        ))
    } else if let Some((url, name)) = options
        .url
        .as_ref()
        .and_then(|u| u.outlet(lang_code).map(|name| (u, name)))
    {
        Some(Finding::new(
            name,
            format!("the page's address ({}), a known outlet's", url.host),
            Sureness::Certain,
        ))
    } else if let Some(o) = suffix_outlet.map(str::to_string) {
        Some(Finding::new(o, "the headline's suffix", Sureness::Certain))
    } else if let Some(o) = dateline.and_then(|d| d.outlet.clone()) {
        Some(Finding::new(o, "the dateline", Sureness::Certain))
    } else if let Some(url) = &options.url {
        Some(Finding::new(
            url.host.clone(),
            format!(
                "the page's address: {} is no outlet dostyk knows (data/outlets.toml); write its name",
                url.host
            ),
            Sureness::Check,
        ))
    } else {
        attributed
            .clone()
            .map(|o| Finding::new(o, "the sentence that attributes the news", Sureness::Likely))
    };
    for (what, other) in [
        (
            "the dateline names",
            dateline.and_then(|d| d.outlet.clone()),
        ),
        ("the text attributes it to", attributed),
    ] {
        if let (Some(other), Some(outlet)) = (other, &outlet)
            && other != outlet.value
        {
            notes.push(format!(
                "{what} \"{other}\" (the outlet is \"{}\", from {})",
                outlet.value, outlet.how
            ));
        }
    }
    if outlet.is_none() {
        problems.push("the text names no outlet (no headline suffix, dateline or attribution): give it with --outlet NAME".to_string());
    }
    outlet
}
