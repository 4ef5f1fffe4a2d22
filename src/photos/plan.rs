//! Which files one photo becomes, from its size alone: the widths a page picks from, the
//! crops structured data asks for, the thumbnails of lists. Never larger than the source.

/// Widths of the full-frame WebP files a page's `srcset` offers.
const WIDTHS: [u32; 4] = [480, 800, 1200, 1600];
/// Width of the full-frame JPEG: the `<img src>` of browsers without WebP.
const FALLBACK_WIDTH: u32 = 800;
/// The crops of `NewsArticle.image` (aspect ratio and width); the first is also `og:image`,
/// which link previews want at least 1200 pixels wide.
const CROPS: [(Ratio, u32); 3] = [(Ratio(16, 9), 1200), (Ratio(4, 3), 800), (Ratio(1, 1), 600)];
/// Widths of the 4:3 thumbnails of list pages (shown 160 CSS pixels wide, on 1× and 2× screens).
const THUMB_WIDTHS: [u32; 2] = [160, 320];
/// What link previews ask of `og:image`: at least this wide.
pub(super) const MIN_SHARE_WIDTH: u32 = 1200;

/// The plan's settings, for the cache's keys.
pub(super) fn settings() -> String {
    format!("widths {WIDTHS:?} fallback {FALLBACK_WIDTH} crops {CROPS:?} thumbs {THUMB_WIDTHS:?}")
}

/// An aspect ratio, width to height.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Ratio(pub u32, pub u32);

/// A file format of a variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Lossy WebP: what every current browser shows.
    Webp,
    /// Baseline-compatible progressive JPEG: for everything else, and for link previews.
    Jpeg,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Webp => "webp",
            Format::Jpeg => "jpg",
        }
    }

    /// The MIME type, for `<source type>`.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Webp => "image/webp",
            Format::Jpeg => "image/jpeg",
        }
    }
}

/// What a variant is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The whole frame at one of the `srcset` widths.
    Full,
    /// The whole frame as a JPEG, for `<img src>`.
    Fallback,
    /// A centred crop to an aspect ratio, for structured data and link previews.
    Crop,
    /// A small 4:3 crop for list pages.
    Thumb,
}

/// One file to make: a centred crop of the source (`crop`, in source pixels) scaled to
/// `width`×`height`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Planned {
    pub role: Role,
    pub format: Format,
    pub crop: Crop,
    pub width: u32,
    pub height: u32,
}

/// A rectangle of the source, in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Crop {
    pub left: u32,
    pub top: u32,
    pub width: u32,
    pub height: u32,
}

/// The files a `width`×`height` source (upright) becomes.
pub(super) fn plan(width: u32, height: u32) -> Vec<Planned> {
    let whole = Crop {
        left: 0,
        top: 0,
        width,
        height,
    };
    let mut out = Vec::new();
    for w in full_widths(width) {
        out.push(scaled(Role::Full, Format::Webp, whole, w));
    }
    out.push(scaled(
        Role::Fallback,
        Format::Jpeg,
        whole,
        FALLBACK_WIDTH.min(width),
    ));
    for (ratio, w) in CROPS {
        let crop = centred(width, height, ratio);
        out.push(scaled(Role::Crop, Format::Jpeg, crop, w.min(crop.width)));
    }
    let thumb = centred(width, height, Ratio(4, 3));
    let mut seen = Vec::new();
    for w in THUMB_WIDTHS {
        let w = w.min(thumb.width);
        if !seen.contains(&w) {
            seen.push(w);
            out.push(scaled(Role::Thumb, Format::Webp, thumb, w));
        }
    }
    out
}

/// The `srcset` widths: the standard ones below the source's width, and the source's own
/// width when it is between them (a 1000-pixel photo: 480, 800, 1000).
fn full_widths(width: u32) -> Vec<u32> {
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w < width).collect();
    if widths.len() < WIDTHS.len() {
        widths.push(width);
    } else if width == WIDTHS[WIDTHS.len() - 1] {
        widths.pop();
        widths.push(width);
    }
    widths
}

/// The largest centred rectangle of `ratio` inside `width`×`height`.
fn centred(width: u32, height: u32, Ratio(rw, rh): Ratio) -> Crop {
    let (w, h) = if u64::from(width) * u64::from(rh) >= u64::from(height) * u64::from(rw) {
        // Wider than the ratio: full height.
        (
            narrow(u64::from(height) * u64::from(rw) / u64::from(rh)),
            height,
        )
    } else {
        (
            width,
            narrow(u64::from(width) * u64::from(rh) / u64::from(rw)),
        )
    };
    let (w, h) = (w.clamp(1, width), h.clamp(1, height));
    Crop {
        left: (width - w) / 2,
        top: (height - h) / 2,
        width: w,
        height: h,
    }
}

/// `crop` scaled to `width`, its height in proportion (at least one pixel).
fn scaled(role: Role, format: Format, crop: Crop, width: u32) -> Planned {
    let width = width.clamp(1, crop.width);
    let height = (u64::from(crop.height) * u64::from(width) + u64::from(crop.width) / 2)
        / u64::from(crop.width);
    Planned {
        role,
        format,
        crop,
        width,
        height: narrow(height).max(1),
    }
}

fn narrow(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes(p: &[Planned], role: Role) -> Vec<(u32, u32)> {
        p.iter()
            .filter(|v| v.role == role)
            .map(|v| (v.width, v.height))
            .collect()
    }

    #[test]
    fn a_large_photo_gets_every_width_and_crop() {
        let p = plan(3000, 2000);
        assert_eq!(
            sizes(&p, Role::Full),
            [(480, 320), (800, 533), (1200, 800), (1600, 1067)]
        );
        assert_eq!(sizes(&p, Role::Fallback), [(800, 533)]);
        assert_eq!(sizes(&p, Role::Crop), [(1200, 675), (800, 600), (600, 600)]);
        assert_eq!(sizes(&p, Role::Thumb), [(160, 120), (320, 240)]);
        let square = p.iter().find(|v| v.width == 600).unwrap().crop;
        assert_eq!(
            (square.left, square.top, square.width, square.height),
            (500, 0, 2000, 2000),
            "centred"
        );
    }

    #[test]
    fn nothing_is_upscaled() {
        let p = plan(1000, 1500);
        assert_eq!(
            sizes(&p, Role::Full),
            [(480, 720), (800, 1200), (1000, 1500)]
        );
        for v in &p {
            assert!(
                v.width <= v.crop.width && v.height <= v.crop.height,
                "{v:?}"
            );
        }
        let tiny = plan(100, 50);
        assert_eq!(sizes(&tiny, Role::Full), [(100, 50)]);
        assert_eq!(sizes(&tiny, Role::Thumb), [(66, 50)]);
        assert_eq!(
            plan(1600, 900)
                .iter()
                .filter(|v| v.role == Role::Full)
                .count(),
            4
        );
    }
}
