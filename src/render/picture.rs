//! The HTML of a photo: a `<picture>` offering the WebP files by width and the JPEG to
//! browsers without WebP, with its size given so the page does not move as it loads. One
//! writer for the lead photo, the body's figures and the lists' thumbnails.

use crate::photos::{Photo, Role};
use pulldown_cmark_escape::{escape_href, escape_html};
use std::fmt::Write;

/// The width a photo takes in the article column: the whole column (`--measure`, 46rem)
/// on a wide screen, the screen less the page's margins on a phone.
const COLUMN: &str = "(min-width: 50rem) 46rem, calc(100vw - 2rem)";
/// A list's thumbnail: 7.5rem wide, as `style.css` shows it.
const THUMB: &str = "7.5rem";

/// Whether the photo is what the page opens with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Priority {
    /// The lead photo: fetched first, never lazily (it is what a reader sees first).
    Lead,
    /// Further down: fetched when it nears the screen.
    Lazy,
}

/// A photo at the article column's width; `alt` in the language `alt_lang`.
pub(crate) fn picture(
    photo: &Photo,
    base_path: &str,
    alt: &str,
    alt_lang: Option<&str>,
    priority: Priority,
) -> String {
    write(
        photo,
        Role::Full,
        COLUMN,
        base_path,
        alt,
        alt_lang,
        priority,
    )
}

/// A list's small 4:3 thumbnail. Its card's title says what it shows, so it is decorative.
pub(crate) fn thumbnail(photo: &Photo, base_path: &str) -> String {
    write(
        photo,
        Role::Thumb,
        THUMB,
        base_path,
        "",
        None,
        Priority::Lazy,
    )
}

fn write(
    photo: &Photo,
    role: Role,
    sizes: &str,
    base_path: &str,
    alt: &str,
    alt_lang: Option<&str>,
    priority: Priority,
) -> String {
    let url = |path: &str| {
        let mut out = String::new();
        let _ = escape_href(&mut out, &format!("{base_path}{path}"));
        out
    };
    let mut srcset = String::new();
    let mut shown = None;
    for file in photo.of(role) {
        if !srcset.is_empty() {
            srcset.push_str(", ");
        }
        let _ = write!(srcset, "{} {}w", url(&file.path), file.width);
        // The size the page reserves: the largest file's proportions.
        shown = Some(file);
    }
    let fallback = photo.fallback();
    let (width, height) = match (role, shown) {
        (Role::Thumb, Some(thumb)) => (thumb.width, thumb.height),
        _ => (photo.width, photo.height),
    };
    let mut out = String::from("<picture>");
    let _ = write!(
        out,
        "<source type=\"image/webp\" srcset=\"{srcset}\" sizes=\"{sizes}\">"
    );
    let _ = write!(
        out,
        "<img src=\"{}\" width=\"{width}\" height=\"{height}\" alt=\"",
        url(&fallback.path)
    );
    let _ = escape_html(&mut out, alt);
    out.push('"');
    if let Some(lang) = alt_lang {
        let _ = write!(out, " lang=\"{lang}\"");
    }
    out.push_str(match priority {
        Priority::Lead => " fetchpriority=\"high\" decoding=\"async\">",
        Priority::Lazy => " loading=\"lazy\" decoding=\"async\">",
    });
    out.push_str("</picture>");
    out
}
