//! The world a document is typeset in: the shared layout and the document's template as sources, its data, logo
//! and QR code as files, the embedded fonts, and no clock, no file system and no network.

use std::collections::HashMap;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::fonts::FONTS;

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::builder().build()));

/// One document's world.
pub(super) struct DocWorld {
    main: FileId,
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
}

/// The id of an absolute path in the project root (`/data.json`).
pub(super) fn file_id(path: &str) -> FileId {
    // The paths are the constants of this module and `super`, all absolute and normal.
    let path = VirtualPath::new(path).unwrap_or_else(|_| panic!("{path} is a valid virtual path"));
    RootedPath::new(VirtualRoot::Project, path).intern()
}

impl DocWorld {
    /// A world whose main file is `main` (the template), importing `/pantau.typ`, and reading `files`.
    pub(super) fn new(main: &'static str, library: &'static str, files: Vec<(&'static str, Vec<u8>)>) -> DocWorld {
        let main_id = file_id("/main.typ");
        let library_id = file_id("/pantau.typ");
        let sources = HashMap::from([
            (main_id, Source::new(main_id, main.to_owned())),
            (library_id, Source::new(library_id, library.to_owned())),
        ]);
        let files = files.into_iter().map(|(path, bytes)| (file_id(path), Bytes::new(bytes))).collect();
        DocWorld { main: main_id, sources, files }
    }
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        match self.files.get(&id) {
            Some(bytes) => Ok(bytes.clone()),
            None => {
                self.sources.get(&id).map(|it| Bytes::from_string(it.text().to_owned())).ok_or_else(|| not_found(id))
            }
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.fonts.get(index).cloned()
    }

    // Documents print the dates the program gives them; the typesetter's own clock is never read.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_without_slash().into())
}
