//! The static files every site carries (dostyk's own, overridden and added to by the
//! project's `static/`, and the highlighting stylesheet), written under names that change with
//! their contents, so that browsers fetch a file again exactly when it changed.

use super::Output;
use crate::build::Project;
use crate::error::{Error, Result};
use crate::model::Site;
use crate::render::Assets;
use crate::render::highlight;

/// Static files dostyk ships; a project's `static/` adds to them and overrides them by name.
const BUILT_IN_STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../../static/style.css")),
    ("favicon.svg", include_bytes!("../../static/favicon.svg")),
    // The default social image (1200×630), made from docs/social-card.html.
    ("social.png", include_bytes!("../../static/social.png")),
    ("search.js", include_bytes!("../../static/search.js")),
];

/// Copies the built-in and the project's static files and the generated highlighting
/// stylesheet; returns their versioned URLs.
pub(crate) fn write_static(project: &Project, site: &Site, out: &dyn Output) -> Result<Assets> {
    let files = static_files(project)?;
    for (name, bytes) in &files {
        out.write(name, bytes)?;
    }
    Ok(assets(&files, &site.config.base_path))
}

/// The static files by output path: the built-in ones, the generated highlighting stylesheet,
/// and the project's, which override them by name.
pub(crate) fn static_files(project: &Project) -> Result<Vec<(String, Vec<u8>)>> {
    let mut files: Vec<(String, Vec<u8>)> = BUILT_IN_STATIC
        .iter()
        .map(|(name, bytes)| (name.to_string(), bytes.to_vec()))
        .collect();
    files.push(("syntax.css".into(), highlight::stylesheet().into_bytes()));
    let dir = project.static_dir();
    if dir.is_dir() {
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry =
                entry.map_err(|e| Error::io(e.path().unwrap_or(&dir).to_path_buf(), e.into()))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let name = entry
                .path()
                .strip_prefix(&dir)
                .expect("walked from dir")
                .to_string_lossy()
                .replace('\\', "/");
            let bytes = std::fs::read(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
            files.retain(|(n, _)| *n != name);
            files.push((name, bytes));
        }
    }
    Ok(files)
}

/// The versioned URLs of the static files pages link to.
pub(crate) fn assets(files: &[(String, impl AsRef<[u8]>)], base_path: &str) -> Assets {
    let versioned = |name: &str| {
        let hash = files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| fingerprint(b.as_ref()))
            .unwrap_or_default();
        format!("{base_path}{name}?v={hash}")
    };
    Assets {
        style: versioned("style.css"),
        syntax: versioned("syntax.css"),
        icon: versioned("favicon.svg"),
        social: versioned("social.png"),
        search: versioned("search.js"),
        photos: std::sync::Arc::default(),
    }
}

/// A short content hash, so browsers fetch an asset again exactly when it changed.
fn fingerprint(bytes: &[u8]) -> String {
    // FNV-1a: tiny and stable across builds and platforms, which is all cache busting needs.
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{:08x}", hash as u32)
}
