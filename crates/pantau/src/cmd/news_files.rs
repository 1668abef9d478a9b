//! Reading news inputs from disk: files and folders (recursively, in name order), each decoded and split into
//! articles, or skipped with the reason. The size limit is checked before a file is read.

use std::path::{Path, PathBuf};

use text::input::{self, Format, MAX_BYTES, Skip};

/// One article read from a file.
#[derive(Clone, Debug)]
pub struct Item {
    /// File name, with `:LINE` for a JSON-lines record.
    pub name: String,
    /// Body.
    pub body: String,
    /// Text or HTML.
    pub format: Format,
    /// Headline from a JSON record.
    pub title: Option<String>,
    /// Address from a JSON record.
    pub url: Option<String>,
    /// Publication date from a JSON record.
    pub published: Option<jiff::civil::Date>,
}

/// What one input produced.
pub enum Read {
    /// An article.
    Item(Item),
    /// A file or record skipped, with the reason.
    Skipped(String, Skip),
}

/// Every file under the given paths, sorted within each folder.
pub fn files(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        collect(path, &mut out)?;
    }
    Ok(out)
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(path)?.map(|it| it.map(|e| e.path())).collect::<Result<_, _>>()?;
        entries.sort();
        for entry in entries {
            let hidden = entry.file_name().is_some_and(|it| it.to_string_lossy().starts_with('.'));
            if !hidden {
                collect(&entry, out)?;
            }
        }
    } else {
        out.push(path.to_owned());
    }
    Ok(())
}

/// Reads one file into articles.
pub fn read(path: &Path) -> Vec<Read> {
    let name = path.display().to_string();
    let size = std::fs::metadata(path).map(|it| it.len()).unwrap_or(0);
    if usize::try_from(size).map_or(true, |it| it > MAX_BYTES) {
        return vec![Read::Skipped(name, Skip::TooLarge(usize::try_from(size).unwrap_or(usize::MAX)))];
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => return vec![Read::Skipped(name, Skip::BadRecord { line: 0, message: err.to_string() })],
    };
    split(&name, &bytes)
}

/// Decodes bytes named `name` into articles.
pub fn split(name: &str, bytes: &[u8]) -> Vec<Read> {
    let text = match input::decode(bytes) {
        Ok(text) => text,
        Err(skip) => return vec![Read::Skipped(name.to_owned(), skip)],
    };
    match Format::detect(name, text) {
        Format::JsonLines => input::records(text)
            .into_iter()
            .enumerate()
            .map(|(index, record)| match record {
                Ok(record) => {
                    let (body, format) =
                        record.body().map_or((String::new(), Format::Text), |(b, f)| (b.to_owned(), f));
                    Read::Item(Item {
                        name: format!("{name}:{}", index + 1),
                        body,
                        format,
                        title: record.title.clone(),
                        url: record.url.clone(),
                        published: record.published_date(),
                    })
                }
                Err(skip) => Read::Skipped(name.to_owned(), skip),
            })
            .collect(),
        format => vec![Read::Item(Item {
            name: name.to_owned(),
            body: text.to_owned(),
            format,
            title: None,
            url: None,
            published: None,
        })],
    }
}
