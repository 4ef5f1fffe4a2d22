//! Photo files for tests, made with the `image` crate: a JPEG with an EXIF orientation and
//! a GPS position, and the broken files a build must refuse.

use image::ImageEncoder;
use image::codecs::jpeg::JpegEncoder;

/// A `width`×`height` JPEG: red on its left half, blue on its right; with an EXIF block
/// holding `orientation` (1 to 8) and a GPS position.
pub(crate) fn jpeg(width: u32, height: u32, orientation: u8) -> Vec<u8> {
    let pixels = image::RgbImage::from_fn(width, height, |x, y| {
        if x < width / 2 {
            image::Rgb([200, 30, u8::try_from(y % 200).unwrap()])
        } else {
            image::Rgb([30, 30, 200])
        }
    });
    let mut out = Vec::new();
    let mut encoder = JpegEncoder::new_with_quality(&mut out, 90);
    encoder.set_exif_metadata(exif(orientation)).unwrap();
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

/// A little-endian TIFF block: an orientation tag, and a GPS directory with a latitude
/// reference ("N"), which no output may carry.
fn exif(orientation: u8) -> Vec<u8> {
    let mut e = b"II*\0\x08\0\0\0".to_vec();
    // IFD0 at 8: two entries.
    e.extend_from_slice(&[2, 0]);
    e.extend_from_slice(&[0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0]);
    // GPSInfo (0x8825), a LONG pointing at the GPS directory, at 8 + 2 + 24 + 4 = 38.
    e.extend_from_slice(&[0x25, 0x88, 4, 0, 1, 0, 0, 0, 38, 0, 0, 0]);
    e.extend_from_slice(&[0, 0, 0, 0]);
    // GPS directory: GPSLatitudeRef = "N".
    e.extend_from_slice(&[1, 0]);
    e.extend_from_slice(&[1, 0, 2, 0, 2, 0, 0, 0, b'N', 0, 0, 0]);
    e.extend_from_slice(&[0, 0, 0, 0]);
    e
}

/// A PNG with a transparent pixel (which the build lays on white).
pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
    let pixels = image::RgbaImage::from_fn(width, height, |x, _| {
        image::Rgba([20, 120, 60, if x == 0 { 0 } else { 255 }])
    });
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(
            pixels.as_raw(),
            width,
            height,
            image::ExtendedColorType::Rgba8,
        )
        .unwrap();
    out
}

/// A PNG that claims `width`×`height` pixels, with a few bytes of compressed data: a
/// decompression bomb's beginning.
pub(crate) fn png_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8], data: &[u8]| {
        png.extend_from_slice(&u32::try_from(data.len()).unwrap().to_be_bytes());
        let start = png.len();
        png.extend_from_slice(kind);
        png.extend_from_slice(data);
        let crc = crc32(&png[start..]);
        png.extend_from_slice(&crc.to_be_bytes());
    };
    let mut header = width.to_be_bytes().to_vec();
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(b"IHDR", &header);
    chunk(
        b"IDAT",
        &[0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01],
    );
    chunk(b"IEND", &[]);
    png
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
