//! Making one planned file from the upright pixels: crop, scale (Lanczos), encode.

use super::plan::{Format, Planned};
use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::RgbImage;

/// WebP quality: what photo sites settle on, about the size of JPEG at 80 for less.
const WEBP_QUALITY: f32 = 75.0;
/// libwebp's effort (0 fastest, 6 smallest; its default is 4). Measured on 1600-pixel
/// photos (bench/PHOTOS.md): method 2 encodes the six WebP files 2.5 to 2.9 times faster
/// than 4 for files 6 to 7% larger, and 3 is no faster than 4.
const WEBP_METHOD: i32 = 2;
/// JPEG quality.
const JPEG_QUALITY: u8 = 80;

/// The encoders' settings, for the cache's keys.
pub(super) fn settings() -> String {
    format!("lanczos3; webp lossy q{WEBP_QUALITY} m{WEBP_METHOD}; jpeg progressive q{JPEG_QUALITY}")
}

/// Every planned file's bytes, in the plan's order.
pub(super) fn encode_all(source: &RgbImage, plan: &[Planned]) -> Result<Vec<Vec<u8>>, String> {
    let view = ImageRef::new(
        source.width(),
        source.height(),
        source.as_raw(),
        PixelType::U8x3,
    )
    .map_err(|e| e.to_string())?;
    let mut resizer = Resizer::new();
    plan.iter()
        .map(|p| {
            let pixels = scale(&mut resizer, &view, p)?;
            encode(&pixels, p.width, p.height, p.format)
        })
        .collect()
}

fn scale(resizer: &mut Resizer, source: &ImageRef, p: &Planned) -> Result<Vec<u8>, String> {
    let mut out = Image::new(p.width, p.height, PixelType::U8x3);
    let options = ResizeOptions::new()
        .crop(
            f64::from(p.crop.left),
            f64::from(p.crop.top),
            f64::from(p.crop.width),
            f64::from(p.crop.height),
        )
        .resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    resizer
        .resize(source, &mut out, &options)
        .map_err(|e| e.to_string())?;
    Ok(out.into_vec())
}

fn encode(rgb: &[u8], width: u32, height: u32, format: Format) -> Result<Vec<u8>, String> {
    match format {
        Format::Webp => {
            let mut config =
                webp::WebPConfig::new().map_err(|()| "libwebp cannot be set up".to_string())?;
            config.quality = WEBP_QUALITY;
            config.method = WEBP_METHOD;
            webp::Encoder::from_rgb(rgb, width, height)
                .encode_advanced(&config)
                .map(|memory| memory.to_vec())
                .map_err(|e| format!("WebP encoding failed: {e:?}"))
        }
        Format::Jpeg => {
            let (w, h) = (
                u16::try_from(width).map_err(|_| "too wide for JPEG")?,
                u16::try_from(height).map_err(|_| "too tall for JPEG")?,
            );
            let mut out = Vec::new();
            let mut encoder = jpeg_encoder::Encoder::new(&mut out, JPEG_QUALITY);
            encoder.set_progressive(true);
            encoder
                .encode(rgb, w, h, jpeg_encoder::ColorType::Rgb)
                .map_err(|e| e.to_string())?;
            Ok(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::decode::{decode, tests::jpeg};
    use super::super::plan::plan;
    use super::*;

    #[test]
    fn every_planned_file_decodes_at_its_planned_size() {
        let source = decode(&jpeg(900, 600, None)).unwrap();
        let planned = plan(900, 600);
        let files = encode_all(&source, &planned).unwrap();
        assert_eq!(files.len(), planned.len());
        for (p, bytes) in planned.iter().zip(&files) {
            let back = image::load_from_memory(bytes).unwrap();
            assert_eq!((back.width(), back.height()), (p.width, p.height), "{p:?}");
            let format = image::guess_format(bytes).unwrap();
            assert_eq!(
                format.extensions_str()[0].starts_with('w'),
                p.format == Format::Webp
            );
        }
    }

    #[test]
    fn no_metadata_survives() {
        // The source has an EXIF block; what is made from it has none.
        let source = jpeg(300, 200, Some(1));
        assert!(source.windows(4).any(|w| w == b"Exif"));
        let pixels = decode(&source).unwrap();
        for bytes in encode_all(&pixels, &plan(300, 200)).unwrap() {
            assert!(!bytes.windows(4).any(|w| w == b"Exif" || w == b"EXIF"));
        }
    }
}
