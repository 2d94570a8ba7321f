//! Profile pictures are never stored as uploaded: the bytes must be the image format the
//! client declared (by magic bytes), must decode, and are re-encoded from pixels — which
//! drops metadata (EXIF, GPS, comments) and anything smuggled after the image data.
//! Larger images are scaled to fit 512×512; images with an alpha channel become PNG,
//! the rest JPEG at quality 85.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageFormat, ImageReader, Limits};

pub const MAX_UPLOAD_BYTES: usize = 2 * 1024 * 1024;
pub const MAX_SIDE: u32 = 512;
const JPEG_QUALITY: u8 = 85;
/// Refuse to decode absurd dimensions (decompression bombs) before allocating.
const MAX_DECODE_SIDE: u32 = 10_000;
const MAX_DECODE_ALLOC: u64 = 128 * 1024 * 1024;

pub const ACCEPTED_TYPES: [&str; 3] = ["image/png", "image/jpeg", "image/webp"];

/// The declared upload type, from a `Content-Type` header value.
pub fn declared_format(content_type: &str) -> Option<ImageFormat> {
    let essence = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match essence.as_str() {
        "image/png" => Some(ImageFormat::Png),
        "image/jpeg" => Some(ImageFormat::Jpeg),
        "image/webp" => Some(ImageFormat::WebP),
        _ => None,
    }
}

#[derive(Debug)]
pub struct Processed {
    pub content_type: &'static str,
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
}

pub const INVALID: &str = "The file is not a valid PNG, JPEG or WebP image.";

/// Checks, decodes and re-encodes an upload; `Err` carries the field message.
pub fn process(declared: ImageFormat, bytes: &[u8]) -> Result<Processed, &'static str> {
    match image::guess_format(bytes) {
        Ok(actual) if actual == declared => {}
        Ok(ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP) => {
            return Err("The file does not match its Content-Type: it is a different image format.")
        }
        _ => return Err(INVALID),
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), declared);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DECODE_SIDE);
    limits.max_image_height = Some(MAX_DECODE_SIDE);
    limits.max_alloc = Some(MAX_DECODE_ALLOC);
    reader.limits(limits);
    let img = reader.decode().map_err(|_| INVALID)?;
    if img.width() == 0 || img.height() == 0 {
        return Err(INVALID);
    }
    let img = if img.width() > MAX_SIDE || img.height() > MAX_SIDE { img.resize(MAX_SIDE, MAX_SIDE, FilterType::Lanczos3) } else { img };
    let (width, height) = (img.width(), img.height());
    let mut out = Vec::new();
    let content_type = if img.color().has_alpha() {
        DynamicImage::ImageRgba8(img.to_rgba8()).write_to(&mut Cursor::new(&mut out), ImageFormat::Png).map_err(|_| INVALID)?;
        "image/png"
    } else {
        let rgb = img.to_rgb8();
        JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY).encode_image(&rgb).map_err(|_| INVALID)?;
        "image/jpeg"
    };
    Ok(Processed { content_type, width, height, bytes: out })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage, Rgba, RgbaImage};

    fn encode(img: DynamicImage, format: ImageFormat) -> Vec<u8> {
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), format).unwrap();
        out
    }

    #[test]
    fn opaque_becomes_jpeg_and_large_is_scaled_to_fit() {
        let png = encode(DynamicImage::ImageRgb8(RgbImage::from_pixel(1024, 600, Rgb([10, 120, 200]))), ImageFormat::Png);
        let p = process(ImageFormat::Png, &png).unwrap();
        assert_eq!(p.content_type, "image/jpeg");
        assert_eq!((p.width, p.height), (512, 300));
        assert_eq!(image::guess_format(&p.bytes).unwrap(), ImageFormat::Jpeg);
    }

    #[test]
    fn alpha_stays_png() {
        let png = encode(DynamicImage::ImageRgba8(RgbaImage::from_pixel(40, 30, Rgba([1, 2, 3, 128]))), ImageFormat::Png);
        let p = process(ImageFormat::Png, &png).unwrap();
        assert_eq!((p.content_type, p.width, p.height), ("image/png", 40, 30));
    }

    #[test]
    fn declared_type_must_match_and_content_must_decode() {
        let png = encode(DynamicImage::ImageRgb8(RgbImage::new(8, 8)), ImageFormat::Png);
        assert!(process(ImageFormat::Jpeg, &png).unwrap_err().contains("does not match"));
        assert_eq!(process(ImageFormat::Png, b"hello, I am text").unwrap_err(), INVALID);
        let mut truncated = png.clone();
        truncated.truncate(30);
        assert_eq!(process(ImageFormat::Png, &truncated).unwrap_err(), INVALID);
        assert_eq!(declared_format("image/PNG; charset=binary"), Some(ImageFormat::Png));
        assert_eq!(declared_format("image/gif"), None);
    }
}
