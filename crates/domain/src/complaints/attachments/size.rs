//! The pixel size an image claims, read from its header without decoding it, so a small file that claims a
//! gigantic image is refused before anything allocates by the claim.

use super::FileType;

/// Width and height in pixels, when the header holds them.
// Source: PNG Specification (Third Edition), 11.2.1 IHDR; ITU-T T.81 (JPEG), B.2.2 frame header (SOFn).
pub fn dimensions(kind: FileType, bytes: &[u8]) -> Option<(u32, u32)> {
    match kind {
        FileType::Png => {
            // Signature (8), IHDR length (4) and type (4), then width and height, big-endian.
            let header = bytes.get(8..24)?;
            (&header[4..8] == b"IHDR").then(|| (be32(&header[8..12]), be32(&header[12..16])))
        }
        FileType::Jpeg => jpeg_frame(bytes),
        FileType::Pdf => None,
    }
}

fn be32(it: &[u8]) -> u32 {
    u32::from_be_bytes([it[0], it[1], it[2], it[3]])
}

/// The size in the first frame header (SOF0–SOF15 but DHT, JPG and DAC), walking the segments before it.
fn jpeg_frame(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    loop {
        while bytes.get(at) == Some(&0xFF) {
            at += 1;
        }
        let marker = *bytes.get(at)?;
        at += 1;
        if matches!(marker, 0x01 | 0xD0..=0xD7) {
            continue;
        }
        let length = usize::from(u16::from_be_bytes([*bytes.get(at)?, *bytes.get(at + 1)?]));
        if matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            // Length (2), precision (1), height (2), width (2).
            let height = u16::from_be_bytes([*bytes.get(at + 3)?, *bytes.get(at + 4)?]);
            let width = u16::from_be_bytes([*bytes.get(at + 5)?, *bytes.get(at + 6)?]);
            return Some((u32::from(width), u32::from(height)));
        }
        if marker == 0xDA || length < 2 {
            return None;
        }
        at += length;
    }
}
