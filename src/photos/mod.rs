//! Stage 1½, between load and render: the photos articles show (a lead photo in the front
//! matter's `[photo]`, and figures in the body's Markdown), each decoded once, made into the
//! files `plan.rs` lists and kept in a [`Cache`] outside the output, so that a rebuild
//! encodes only what is new. Processing runs in parallel; every problem names the article
//! and the line that refers to the photo.

mod cache;
mod decode;
mod encode;
pub mod plan;
mod sources;

pub use cache::Cache;
pub use decode::Unreadable;
pub use plan::{Format, Role};

use crate::error::Diagnostic;
use crate::load::Article;
use crate::write::Output;
use rayon::prelude::*;
use sources::Source;
use std::borrow::Borrow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One photo, processed: its upright size and the files made from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    /// Upright width of the source.
    pub width: u32,
    /// Upright height of the source.
    pub height: u32,
    /// The files, in the plan's order.
    pub files: Vec<PhotoFile>,
}

/// One file made from a photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoFile {
    /// What it is for.
    pub role: Role,
    /// Its format.
    pub format: Format,
    /// Its width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// Its path in the output (`photos/astana-1f3a…-f800x533.webp`).
    pub path: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Where the cache keeps it.
    cached: PathBuf,
}

impl Photo {
    /// The files of one role, smallest first.
    pub fn of(&self, role: Role) -> impl Iterator<Item = &PhotoFile> {
        self.files.iter().filter(move |f| f.role == role)
    }

    /// The JPEG of the whole frame, for `<img src>`.
    pub fn fallback(&self) -> &PhotoFile {
        self.of(Role::Fallback)
            .next()
            .unwrap_or_else(|| &self.files[0])
    }

    /// The widest 16:9 crop: `og:image`.
    pub fn share(&self) -> &PhotoFile {
        self.of(Role::Crop)
            .next()
            .unwrap_or_else(|| self.fallback())
    }
}

/// The photos of one article.
#[derive(Debug, Clone, Default)]
pub struct ArticlePhotos {
    /// The lead photo, of `[photo]`.
    pub lead: Option<Arc<Photo>>,
    /// The body's figures, by their address as the Markdown writes it.
    pub figures: HashMap<String, Arc<Photo>>,
}

/// Every article's photos, and the files to put in the output.
#[derive(Debug, Default)]
pub struct Photos {
    by_article: HashMap<PathBuf, ArticlePhotos>,
    /// Each photo once, by source.
    photos: Vec<Arc<Photo>>,
    /// What is odd without being wrong (a photo too small for link previews).
    pub warnings: Vec<Diagnostic>,
    /// How many photos were encoded by this build (the others came from the cache).
    encoded: usize,
}

/// What processing did, for the build's report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PhotoStats {
    /// Source photos used by the articles.
    pub photos: usize,
    /// Of those, how many were encoded now (not found in the cache).
    pub encoded: usize,
    /// Files the photos become in the output.
    pub files: usize,
    /// Their size.
    pub bytes: u64,
}

impl Photos {
    /// The photos of the article read from `path`.
    pub fn of(&self, article: &Path) -> Option<&ArticlePhotos> {
        self.by_article.get(article)
    }

    /// Puts every photo's files in the output.
    pub fn write(&self, out: &dyn Output) -> crate::error::Result<()> {
        self.photos
            .par_iter()
            .flat_map(|p| p.files.par_iter())
            .try_for_each(|f| out.copy_file(&f.path, &f.cached))
    }

    /// Every file to put in the output: its path there, and where the cache keeps it.
    pub fn files(&self) -> impl Iterator<Item = (&str, &Path)> {
        self.photos
            .iter()
            .flat_map(|p| &p.files)
            .map(|f| (f.path.as_str(), f.cached.as_path()))
    }

    /// A hash of every photo's output names and of which article shows which: what the
    /// pages say of the photos.
    pub fn names_hash(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        let mut articles: Vec<_> = self.by_article.iter().collect();
        articles.sort_by(|a, b| a.0.cmp(b.0));
        for (path, photos) in articles {
            path.hash(&mut hasher);
            let mut figures: Vec<_> = photos.figures.iter().collect();
            figures.sort_by(|a, b| a.0.cmp(b.0));
            for photo in photos.lead.iter().chain(figures.iter().map(|f| f.1)) {
                for file in &photo.files {
                    file.path.hash(&mut hasher);
                }
            }
        }
        hasher.finish()
    }

    /// Sources, files and bytes.
    pub fn stats(&self) -> PhotoStats {
        PhotoStats {
            photos: self.photos.len(),
            encoded: self.encoded,
            files: self.photos.iter().map(|p| p.files.len()).sum(),
            bytes: self
                .photos
                .iter()
                .flat_map(|p| &p.files)
                .map(|f| f.bytes)
                .sum(),
        }
    }
}

/// Checks that `bytes` are a photo a build can show (decoding it whole); returns the file
/// extension of its format.
pub fn check(bytes: &[u8]) -> Result<&'static str, Unreadable> {
    decode::decode(bytes)?;
    Ok(match image::guess_format(bytes) {
        Ok(image::ImageFormat::Png) => "png",
        Ok(image::ImageFormat::WebP) => "webp",
        _ => "jpg",
    })
}

/// One place an article names a photo.
struct Reference {
    /// The article's index.
    article: usize,
    /// The figure's address in the body; `None` for the lead photo.
    dest: Option<String>,
    /// The file as written, and the line it is written on.
    file: String,
    line: usize,
    /// The source file it names.
    source: PathBuf,
}

/// What became of one source photo: it and whether it was encoded now, or why not.
type Processed = Result<(Arc<Photo>, bool), String>;

/// Processes every photo `articles` refer to (files under `content`), through `cache`.
/// Returns the photos, or every problem found.
pub fn prepare<A: Borrow<Article>>(
    articles: &[A],
    content: &Path,
    cache: &Cache,
) -> Result<Photos, Vec<Diagnostic>> {
    let (references, mut problems) = references(articles, content);
    let mut sources: Vec<&Path> = references.iter().map(|r| r.source.as_path()).collect();
    sources.sort_unstable();
    sources.dedup();
    let processed: HashMap<&Path, Processed> = sources
        .par_iter()
        .map(|&path| {
            let made = Source { path }
                .process(cache)
                .map(|(photo, new)| (Arc::new(photo), new));
            (path, made)
        })
        .collect();
    // The cache's memory of the sources only saves time: a build that cannot write it down
    // is no worse than a first build.
    let _ = cache.save();
    let mut photos = Photos::default();
    for reference in &references {
        let article: &Article = articles[reference.article].borrow();
        let photo = match &processed[reference.source.as_path()] {
            Ok((photo, _)) => photo,
            Err(why) => {
                problems.push(Diagnostic::at(
                    &article.path,
                    reference.line,
                    format!("photo \"{}\" {why}", reference.file),
                ));
                continue;
            }
        };
        let entry = photos.by_article.entry(article.path.clone()).or_default();
        if let Some(dest) = &reference.dest {
            entry.figures.insert(dest.clone(), photo.clone());
        } else {
            if photo.width < plan::MIN_SHARE_WIDTH {
                photos.warnings.push(Diagnostic::at(
                    &article.path,
                    reference.line,
                    format!(
                        "the lead photo is {} pixels wide: link previews want at least {}",
                        photo.width,
                        plan::MIN_SHARE_WIDTH
                    ),
                ));
            }
            entry.lead = Some(photo.clone());
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    for path in sources {
        if let Ok((photo, new)) = &processed[path] {
            photos.encoded += usize::from(*new);
            photos.photos.push(photo.clone());
        }
    }
    Ok(photos)
}

/// Every photo the articles name, resolved to its file, and the problems of those that
/// name no file of the project.
fn references<A: Borrow<Article>>(
    articles: &[A],
    content: &Path,
) -> (Vec<Reference>, Vec<Diagnostic>) {
    let content = sources::Content::new(content);
    let mut references = Vec::new();
    let mut problems = Vec::new();
    for (index, article) in articles.iter().map(Borrow::borrow).enumerate() {
        let lead = article
            .photo
            .as_ref()
            .map(|p| (None, p.file.as_str(), article.photo_line));
        let figures = article
            .figures
            .iter()
            .map(|f| (Some(f.dest.clone()), f.dest.as_str(), f.line));
        for (dest, file, line) in lead.into_iter().chain(figures) {
            match sources::resolve(&content, &article.path, file) {
                Ok(source) => references.push(Reference {
                    article: index,
                    dest,
                    file: file.to_string(),
                    line,
                    source,
                }),
                Err(why) => problems.push(Diagnostic::at(
                    &article.path,
                    line,
                    format!("photo \"{file}\" {why}"),
                )),
            }
        }
    }
    (references, problems)
}
