//! Small valid PNG files for tests: every chunk carries its CRC-32, so a reader that checks it accepts the file.

/// CRC-32 (ISO-HDLC), the checksum a PNG chunk ends with.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// One chunk: length, type, data, CRC of type and data.
pub fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = u32::try_from(data.len()).unwrap_or(0).to_be_bytes().to_vec();
    let mut typed = kind.to_vec();
    typed.extend(data);
    out.extend(&typed);
    out.extend(crc32(&typed).to_be_bytes());
    out
}

/// A PNG whose header claims `width` × `height`, with `extra` chunks before its (meaningless) image data.
pub fn png(width: u32, height: u32, extra: &[(&[u8; 4], &[u8])]) -> Vec<u8> {
    let mut header = width.to_be_bytes().to_vec();
    header.extend(height.to_be_bytes());
    header.extend([8, 0, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &header));
    for (kind, data) in extra {
        png.extend(chunk(kind, data));
    }
    png.extend(chunk(b"IDAT", &[1, 2, 3]));
    png.extend(chunk(b"IEND", &[]));
    png
}
