//! The letter units of each script, `data/scripts.toml`: facts of the scripts, not of one
//! language, over which every language's detection profile gives its rates.

use serde::Deserialize;

use super::Script;

/// The embedded `data/scripts.toml`.
pub(super) const FILE: &str = include_str!("../../data/scripts.toml");

/// The units of both scripts, in file order (the order in which the detector sums their rates).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Scripts {
    cyrillic: Units,
    latin: Units,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Units {
    units: Vec<String>,
}

impl Scripts {
    pub(super) fn units(&self, script: Script) -> &[String] {
        match script {
            Script::Cyrillic => &self.cyrillic.units,
            Script::Latin => &self.latin.units,
        }
    }
}

pub(super) fn parse(text: &str) -> Result<Scripts, String> {
    toml::from_str(text).map_err(|e| format!("data/scripts.toml: {e}"))
}
