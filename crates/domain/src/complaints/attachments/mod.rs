//! Attachments: which files are accepted, recognised by their content rather than their name, and the removal of
//! location and camera metadata from photos before they are stored.

use img_parts::jpeg::{Jpeg, markers};
use img_parts::png::Png;
use img_parts::{Bytes, ImageEXIF};

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

/// Removes EXIF (GPS position, camera serial), XMP and IPTC blocks from photos; PDFs are kept as they are.
// Why: an anonymous reporter's photo must not give away where they stood (issue 3, privacy).
pub fn strip_metadata(kind: FileType, bytes: Vec<u8>) -> Result<Vec<u8>, FileRefusal> {
    match kind {
        FileType::Jpeg => {
            let mut jpeg = Jpeg::from_bytes(Bytes::from(bytes)).map_err(|_| FileRefusal::Damaged)?;
            jpeg.set_exif(None);
            jpeg.segments_mut().retain(|it| it.marker() != markers::APP1 && it.marker() != markers::APP13);
            Ok(jpeg.encoder().bytes().to_vec())
        }
        FileType::Png => {
            let mut png = Png::from_bytes(Bytes::from(bytes)).map_err(|_| FileRefusal::Damaged)?;
            png.set_exif(None);
            png.chunks_mut().retain(|it| !matches!(&it.kind(), b"eXIf" | b"tEXt" | b"iTXt" | b"zTXt"));
            Ok(png.encoder().bytes().to_vec())
        }
        FileType::Pdf => Ok(bytes),
    }
}

#[cfg(test)]
mod tests;
