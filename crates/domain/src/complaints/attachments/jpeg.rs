//! A photo rebuilt from the segments a viewer needs: the frame, tables and scans, JFIF, the colour profile and
//! Adobe's colour transform. Everything else goes: EXIF and XMP (a GPS position), IPTC, comments, other
//! application blocks, and whatever follows the end-of-image marker, where a second file (a ZIP, a script) would
//! make the photo a polyglot. Segments between the scans of a progressive photo are walked the same way.

use super::FileRefusal;

/// Markers kept: SOF0–SOF15 with DHT (C4) and DAC (CC) among them, DQT (DB), DRI (DD), SOS (DA), APP0 (JFIF),
/// APP2 (ICC profile), APP14 (Adobe colour transform).
// Source: ITU-T T.81 (JPEG), Annex B (marker codes, B.1.1.3); JFIF 1.02; ICC.1 Annex B.4 (embedding in JPEG).
fn kept(marker: u8) -> bool {
    matches!(marker, 0xC0..=0xCF | 0xDA | 0xDB | 0xDD | 0xE0 | 0xE2 | 0xEE)
}

const SOI: u8 = 0xD8;
const EOI: u8 = 0xD9;
const SOS: u8 = 0xDA;

/// The photo without anything a viewer does not need; `Damaged` when its structure does not hold.
pub(super) fn clean(bytes: &[u8]) -> Result<Vec<u8>, FileRefusal> {
    if bytes.get(..2) != Some(&[0xFF, SOI]) {
        return Err(FileRefusal::Damaged);
    }
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&[0xFF, SOI]);
    let mut at = 2;
    let mut scans = 0;
    loop {
        // A marker: one or more 0xFF fill bytes, then its code.
        if bytes.get(at) != Some(&0xFF) {
            return Err(FileRefusal::Damaged);
        }
        while bytes.get(at) == Some(&0xFF) {
            at += 1;
        }
        let marker = *bytes.get(at).ok_or(FileRefusal::Damaged)?;
        at += 1;
        match marker {
            EOI => break,
            // Markers without a length: TEM and the restart markers.
            0x01 | 0xD0..=0xD7 => continue,
            _ => {}
        }
        let length = bytes.get(at..at + 2).map(|it| usize::from(u16::from_be_bytes([it[0], it[1]])));
        let length = length.filter(|it| *it >= 2).ok_or(FileRefusal::Damaged)?;
        let segment = bytes.get(at - 2..at + length).ok_or(FileRefusal::Damaged)?;
        at += length;
        if kept(marker) {
            out.extend_from_slice(segment);
        }
        if marker == SOS {
            scans += 1;
            at = copy_scan(bytes, at, &mut out);
            if at >= bytes.len() {
                // A photo cut off after its last scan still shows; it gets its end marker back.
                break;
            }
        }
    }
    if scans == 0 {
        return Err(FileRefusal::Damaged);
    }
    out.extend_from_slice(&[0xFF, EOI]);
    Ok(out)
}

/// Copies the entropy-coded data of a scan (where `FF 00` stands for a data byte and `FF D0`–`FF D7` are restart
/// markers) and returns where the next marker starts.
fn copy_scan(bytes: &[u8], mut at: usize, out: &mut Vec<u8>) -> usize {
    while at < bytes.len() {
        if bytes[at] != 0xFF {
            out.push(bytes[at]);
            at += 1;
            continue;
        }
        match bytes.get(at + 1) {
            Some(&next @ (0x00 | 0xD0..=0xD7)) => {
                out.extend_from_slice(&[0xFF, next]);
                at += 2;
            }
            _ => return at,
        }
    }
    at
}
