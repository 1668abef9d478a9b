//! Which files are accepted and what is removed from photos.

use super::*;

fn segment(marker: u8, body: &[u8]) -> Vec<u8> {
    let len = u16::try_from(body.len() + 2).unwrap_or(u16::MAX);
    let mut out = vec![0xFF, marker];
    out.extend(len.to_be_bytes());
    out.extend(body);
    out
}

/// A tiny JPEG with a JFIF header, an EXIF block naming a GPS position, and a scan.
fn jpeg_with_gps() -> Vec<u8> {
    let mut out = vec![0xFF, 0xD8];
    out.extend(segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
    out.extend(segment(0xE1, b"Exif\0\0MM\0*GPSLatitude -6.2881 GPSLongitude 106.7180"));
    out.extend(segment(0xE1, b"http://ns.adobe.com/xap/1.0/\0<exif:GPSLatitude>6,17S</exif:GPSLatitude>"));
    out.extend(segment(0xDA, &[1, 1, 0, 0, 63, 0]));
    out.extend([0x12, 0x34, 0x56, 0xFF, 0xD9]);
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|it| it == needle)
}

#[test]
fn photos_lose_their_gps_position_but_stay_images() {
    let original = jpeg_with_gps();
    assert!(contains(&original, b"GPSLatitude"));
    let (kind, stored) = accept("foto-jalan.JPG", original).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(kind, FileType::Jpeg);
    assert!(!contains(&stored, b"GPS"), "metadata left in {stored:?}");
    assert!(contains(&stored, b"JFIF"));
    assert_eq!(sniff(&stored), Some(FileType::Jpeg));
    assert!(stored.ends_with(&[0xFF, 0xD9]));
}

#[test]
fn png_text_and_exif_chunks_are_removed() {
    let png = super::testing::png(1, 1, &[(b"tEXt", b"Comment\0GPS -6.28 106.71")]);
    let (_, stored) = accept("denah.png", png).unwrap_or_else(|err| panic!("{err}"));
    assert!(!contains(&stored, b"GPS"));
    assert!(contains(&stored, b"IDAT"));
}

#[test]
fn disguised_unknown_empty_and_oversized_files_are_refused() {
    assert_eq!(accept("surat.pdf", jpeg_with_gps()), Err(FileRefusal::Disguised));
    assert_eq!(accept("foto.jpg", b"MZ\x90\0 program".to_vec()), Err(FileRefusal::Unsupported));
    assert_eq!(accept("foto.jpg", b"%PDF-1.7 not a photo".to_vec()), Err(FileRefusal::Disguised));
    assert_eq!(accept("kosong.pdf", Vec::new()), Err(FileRefusal::Empty));
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(MAX_BYTES + 1, b' ');
    assert_eq!(accept("besar.pdf", big), Err(FileRefusal::TooLarge { max: MAX_BYTES }));
    assert_eq!(accept("rusak.jpg", vec![0xFF, 0xD8, 0xFF, 0x00]), Err(FileRefusal::Damaged));
}

#[test]
fn pdf_scans_are_kept_byte_for_byte() {
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF".to_vec();
    assert_eq!(accept("Surat Masuk 12.PDF", pdf.clone()), Ok((FileType::Pdf, pdf)));
}

#[test]
fn comments_private_blocks_and_a_second_file_behind_the_photo_are_dropped() {
    let mut polyglot = vec![0xFF, 0xD8];
    polyglot.extend(segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
    polyglot.extend(segment(0xE2, b"ICC_PROFILE\0\x01\x01profil-warna"));
    polyglot.extend(segment(0xFE, b"<script>alert(1)</script>"));
    polyglot.extend(segment(0xE9, b"blok-pribadi"));
    polyglot.extend(segment(0xDB, &[0; 65]));
    polyglot.extend(segment(0xC2, &[8, 0, 1, 0, 1, 1, 1, 0x11, 0]));
    polyglot.extend(segment(0xDA, &[1, 1, 0, 0, 0, 0]));
    polyglot.extend([0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56]);
    // A comment between the scans of a progressive photo, then the second scan.
    polyglot.extend(segment(0xFE, b"komentar di antara scan"));
    polyglot.extend(segment(0xDA, &[1, 1, 0, 1, 63, 0]));
    polyglot.extend([0x78, 0x9A, 0xFF, 0xD9]);
    polyglot.extend(b"PK\x03\x04 arsip zip yang menumpang di belakang foto");
    let (_, stored) = accept("foto.jpg", polyglot).unwrap_or_else(|err| panic!("{err}"));
    for gone in [&b"<script>"[..], b"blok-pribadi", b"komentar", b"PK\x03\x04"] {
        assert!(!contains(&stored, gone), "{:?} left in {stored:?}", String::from_utf8_lossy(gone));
    }
    for kept in [&b"JFIF"[..], b"ICC_PROFILE", &[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56], &[0x78, 0x9A]] {
        assert!(contains(&stored, kept), "{kept:?} missing from {stored:?}");
    }
    assert!(stored.ends_with(&[0xFF, 0xD9]));
    assert_eq!(stored.iter().filter(|it| **it == 0xDA).count(), 2, "both scans kept");
}

#[test]
fn a_photo_without_a_scan_or_with_a_broken_segment_is_refused() {
    let mut no_scan = vec![0xFF, 0xD8];
    no_scan.extend(segment(0xE0, b"JFIF\0"));
    no_scan.extend([0xFF, 0xD9]);
    assert_eq!(accept("foto.jpg", no_scan), Err(FileRefusal::Damaged));
    let mut broken = vec![0xFF, 0xD8, 0xFF, 0xE0, 0xFF, 0xFF];
    broken.extend(b"JFIF");
    assert_eq!(accept("foto.jpg", broken), Err(FileRefusal::Damaged));
}
