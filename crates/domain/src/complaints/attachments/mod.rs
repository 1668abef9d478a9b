//! Attachments: which files are accepted, recognised by their content rather than their name, and the removal of
//! location and camera metadata from photos before they are stored.

use img_parts::Bytes;
use img_parts::png::Png;

mod jpeg;
mod size;
#[cfg(test)]
pub(crate) mod testing;

pub use size::dimensions;

/// Largest accepted file.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// Most files per submission or message.
pub const MAX_FILES: usize = 3;

/// An accepted file type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileType {
    /// JPEG photo.
    Jpeg,
    /// PNG image.
    Png,
    /// PDF document (a letter's scan).
    Pdf,
}

impl FileType {
    /// The media type served back.
    pub fn media_type(self) -> &'static str {
        match self {
            FileType::Jpeg => "image/jpeg",
            FileType::Png => "image/png",
            FileType::Pdf => "application/pdf",
        }
    }

    fn extensions(self) -> &'static [&'static str] {
        match self {
            FileType::Jpeg => &["jpg", "jpeg"],
            FileType::Png => &["png"],
            FileType::Pdf => &["pdf"],
        }
    }
}

/// Why a file is refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FileRefusal {
    /// Empty file.
    #[error("empty file")]
    Empty,
    /// Larger than [`MAX_BYTES`].
    #[error("file larger than {max} bytes")]
    TooLarge {
        /// Limit.
        max: usize,
    },
    /// Content is not a JPEG, PNG or PDF.
    #[error("unsupported file type")]
    Unsupported,
    /// The name says one type and the content another (an executable renamed to .jpg, say).
    #[error("content does not match the file name")]
    Disguised,
    /// The image is damaged and its metadata cannot be removed safely.
    #[error("damaged image")]
    Damaged,
}

/// Recognises the type by the first bytes.
pub fn sniff(bytes: &[u8]) -> Option<FileType> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(FileType::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(FileType::Png)
    } else if bytes.starts_with(b"%PDF-") {
        Some(FileType::Pdf)
    } else {
        None
    }
}

/// Checks a file and returns its type and the bytes to store (photos without metadata).
pub fn accept(file_name: &str, bytes: Vec<u8>) -> Result<(FileType, Vec<u8>), FileRefusal> {
    if bytes.is_empty() {
        return Err(FileRefusal::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(FileRefusal::TooLarge { max: MAX_BYTES });
    }
    let kind = sniff(&bytes).ok_or(FileRefusal::Unsupported)?;
    let extension = file_name.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).unwrap_or_default();
    if !kind.extensions().contains(&extension.as_str()) {
        return Err(FileRefusal::Disguised);
    }
    let cleaned = strip_metadata(kind, bytes)?;
    Ok((kind, cleaned))
}

/// Rebuilds photos from what a viewer needs: EXIF (GPS position, camera serial), XMP, IPTC, text and comments,
/// private blocks and bytes after the image's end go; PDFs are kept as they are.
// Why: an anonymous reporter's photo must not give away where they stood (issue 3, privacy), and a photo must not
// carry a second file behind its end (issue 15, polyglots).
pub fn strip_metadata(kind: FileType, bytes: Vec<u8>) -> Result<Vec<u8>, FileRefusal> {
    match kind {
        FileType::Jpeg => jpeg::clean(&bytes),
        FileType::Png => {
            let mut png = Png::from_bytes(Bytes::from(bytes)).map_err(|_| FileRefusal::Damaged)?;
            png.chunks_mut().retain(|it| PNG_CHUNKS.contains(&it.kind()));
            Ok(png.encoder().bytes().to_vec())
        }
        FileType::Pdf => Ok(bytes),
    }
}

/// PNG chunks kept: the critical ones and the ancillary ones that change how the pixels look; text, EXIF, time
/// and private chunks go.
// Source: PNG Specification (Third Edition), 4.3 "Chunk types" and 11.3 "Ancillary chunks".
const PNG_CHUNKS: [[u8; 4]; 13] = [
    *b"IHDR", *b"PLTE", *b"IDAT", *b"IEND", *b"tRNS", *b"cHRM", *b"gAMA", *b"iCCP", *b"sBIT", *b"sRGB", *b"cICP",
    *b"bKGD", *b"pHYs",
];

#[cfg(test)]
mod tests;
