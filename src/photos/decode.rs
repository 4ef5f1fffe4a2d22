//! A photo file's bytes to upright RGB pixels: the format found from the bytes themselves,
//! the size checked before any pixel is decoded, the EXIF orientation applied. Nothing of
//! the file's metadata (EXIF, GPS, camera) survives into what is made from the pixels.

use image::{DynamicImage, ImageDecoder, ImageReader, Limits, RgbImage};
use std::io::Cursor;

/// The most pixels a source photo may have: a 50-megapixel camera's frame. A larger image
/// is refused before decoding, so a small file that claims a huge size cannot take the
/// machine's memory.
pub(super) const MAX_PIXELS: u64 = 50_000_000;

/// Why a file could not be read as a photo.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    /// Not JPEG, PNG or WebP by its first bytes.
    #[error("is not a JPEG, PNG or WebP image")]
    NotAnImage,
    /// Larger than [`MAX_PIXELS`].
    #[error("is {width}×{height} pixels, more than the {} megapixels a photo may have: make it smaller", MAX_PIXELS / 1_000_000)]
    TooLarge {
        /// Width the file claims.
        width: u32,
        /// Height the file claims.
        height: u32,
    },
    /// The decoder failed: a truncated or damaged file.
    #[error("cannot be read as an image ({0}): the file may be damaged or cut short")]
    Damaged(String),
}

/// The upright pixels of `bytes`; transparency is laid on white.
pub(super) fn decode(bytes: &[u8]) -> Result<RgbImage, Unreadable> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| Unreadable::Damaged(e.to_string()))?;
    match reader.format() {
        None => return Err(Unreadable::NotAnImage),
        // JPEG decoders show a file cut short with its missing rows grey, without a word:
        // a whole JPEG ends with its end-of-image marker.
        Some(image::ImageFormat::Jpeg) if !ends_whole(bytes) => {
            return Err(Unreadable::Damaged(
                "the JPEG has no end-of-image marker".into(),
            ));
        }
        Some(_) => {}
    }
    let mut decoder = reader.into_decoder().map_err(|e| match e {
        image::ImageError::Unsupported(_) => Unreadable::NotAnImage,
        other => Unreadable::Damaged(other.to_string()),
    })?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Unreadable::TooLarge { width, height });
    }
    if width == 0 || height == 0 {
        return Err(Unreadable::Damaged("it has no pixels".into()));
    }
    let mut limits = Limits::default();
    // Room for the pixels at 16 bits per channel with alpha, and the decoder's own buffers.
    limits.max_alloc = Some(MAX_PIXELS * 8 + (64 << 20));
    decoder
        .set_limits(limits)
        .map_err(|e| Unreadable::Damaged(e.to_string()))?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image =
        DynamicImage::from_decoder(decoder).map_err(|e| Unreadable::Damaged(e.to_string()))?;
    image.apply_orientation(orientation);
    Ok(if image.color().has_alpha() {
        on_white(&image)
    } else {
        image.into_rgb8()
    })
}

/// Whether a JPEG ends with its end-of-image marker (`FF D9`), padding aside.
fn ends_whole(bytes: &[u8]) -> bool {
    let end = bytes.iter().rposition(|&b| b != 0).map_or(0, |i| i + 1);
    bytes[..end].ends_with(&[0xFF, 0xD9])
}

/// An image with transparency laid on a white page, as the page behind it is.
fn on_white(image: &DynamicImage) -> RgbImage {
    let rgba = image.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [red, green, blue, alpha] = rgba.get_pixel(x, y).0;
        let over = |channel: u8| {
            let mixed = u32::from(channel) * u32::from(alpha) + 255 * (255 - u32::from(alpha));
            u8::try_from((mixed + 127) / 255).unwrap_or(u8::MAX)
        };
        image::Rgb([over(red), over(green), over(blue)])
    })
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use image::ImageEncoder;
    use image::codecs::jpeg::JpegEncoder;
    use image::codecs::png::PngEncoder;

    /// A TIFF-structured EXIF block holding only an orientation tag (1 to 8).
    pub(in crate::photos) fn exif_orientation(value: u8) -> Vec<u8> {
        let mut exif = b"II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0".to_vec();
        exif.extend_from_slice(&[value, 0, 0, 0, 0, 0, 0, 0]);
        exif
    }

    /// A `width`×`height` JPEG, red on the left half and blue on the right, with an EXIF
    /// orientation when given.
    pub(in crate::photos) fn jpeg(width: u32, height: u32, orientation: Option<u8>) -> Vec<u8> {
        let pixels = RgbImage::from_fn(width, height, |x, _| {
            if x < width / 2 {
                image::Rgb([220, 20, 20])
            } else {
                image::Rgb([20, 20, 220])
            }
        });
        let mut out = Vec::new();
        let mut encoder = JpegEncoder::new_with_quality(&mut out, 90);
        if let Some(o) = orientation {
            encoder.set_exif_metadata(exif_orientation(o)).unwrap();
        }
        encoder
            .write_image(
                pixels.as_raw(),
                width,
                height,
                image::ExtendedColorType::Rgb8,
            )
            .unwrap();
        out
    }

    #[test]
    fn the_exif_orientation_is_applied() {
        let plain = decode(&jpeg(40, 20, None)).unwrap();
        assert_eq!(plain.dimensions(), (40, 20));
        // 6: the camera was turned a quarter clockwise; shown upright it is 20×40, and
        // what was the left (red) half is now the top.
        let turned = decode(&jpeg(40, 20, Some(6))).unwrap();
        assert_eq!(turned.dimensions(), (20, 40));
        let top = turned.get_pixel(10, 2).0;
        let bottom = turned.get_pixel(10, 37).0;
        assert!(top[0] > 150 && top[2] < 100, "{top:?}");
        assert!(bottom[2] > 150 && bottom[0] < 100, "{bottom:?}");
    }

    #[test]
    fn transparency_is_laid_on_white() {
        let mut out = Vec::new();
        PngEncoder::new(&mut out)
            .write_image(
                &[0, 0, 0, 0, 0, 0, 0, 255],
                2,
                1,
                image::ExtendedColorType::Rgba8,
            )
            .unwrap();
        let rgb = decode(&out).unwrap();
        assert_eq!(rgb.get_pixel(0, 0).0, [255, 255, 255]);
        assert_eq!(rgb.get_pixel(1, 0).0, [0, 0, 0]);
    }

    #[test]
    fn bad_files_are_refused_with_the_reason() {
        assert_eq!(decode(b"not an image at all"), Err(Unreadable::NotAnImage));
        assert_eq!(
            decode(b"GIF89a\x01\x00\x01\x00"),
            Err(Unreadable::NotAnImage)
        );
        let whole = jpeg(64, 64, None);
        assert!(matches!(
            decode(&whole[..whole.len() / 2]),
            Err(Unreadable::Damaged(_))
        ));
        // A decompression bomb is refused before decoding: tests/bad_input.rs.
    }
}
