//! Documents typeset by typst: receipts, survey reports and posters, discipline letters. Each document is a template
//! in `crates/web/templates/documents/` (layout only) filled from a typed data model written here as JSON (every
//! word translated before), with the Pemda's letterhead, its logo and a QR code as files, set in the embedded fonts.
//! Typesetting takes tens of milliseconds of CPU, so handlers answer with [`Prepared::respond`], which runs it on
//! the blocking pool.

mod fonts;
mod layout;
pub mod letter;
pub mod letterhead;
mod world;

#[cfg(test)]
mod tests;

use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use typst::diag::SourceDiagnostic;
use typst::foundations::Smart;
use typst_layout::PagedDocument;

pub use layout::overflows;
pub use letterhead::Logo;

/// A document's template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    /// The receipt of a complaint or a letter.
    Receipt,
    /// The public SKM report.
    SurveyReport,
    /// The QR poster of a survey.
    SurveyPoster,
    /// An official letter: summons, examination record, decision.
    Letter,
    /// Every unit's scorecard for a period, for the monthly meeting.
    Scorecards,
}

/// The left and right margins of every page (`pantau.typ`), for [`overflows`].
pub fn margins() -> (typst::layout::Abs, typst::layout::Abs) {
    (typst::layout::Abs::cm(2.5), typst::layout::Abs::cm(2.0))
}

const LIBRARY: &str = include_str!("../../templates/documents/pantau.typ");

impl Template {
    fn source(self) -> &'static str {
        match self {
            Template::Receipt => include_str!("../../templates/documents/receipt.typ"),
            Template::SurveyReport => include_str!("../../templates/documents/survey-report.typ"),
            Template::SurveyPoster => include_str!("../../templates/documents/survey-poster.typ"),
            Template::Letter => include_str!("../../templates/documents/letter.typ"),
            Template::Scorecards => include_str!("../../templates/documents/scorecards.typ"),
        }
    }

    /// The name used in messages and logs.
    pub fn name(self) -> &'static str {
        match self {
            Template::Receipt => "receipt",
            Template::SurveyReport => "survey-report",
            Template::SurveyPoster => "survey-poster",
            Template::Letter => "letter",
            Template::Scorecards => "scorecards",
        }
    }
}

/// Files a document reads besides its data.
#[derive(Clone, Debug, Default)]
pub struct Assets {
    /// The Pemda's logo, when it has one.
    pub logo: Option<Logo>,
    /// Text to print as a QR code (`/qr.svg`).
    pub qr: Option<String>,
}

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The data did not serialise.
    #[error("document data: {0}")]
    Data(#[from] serde_json::Error),
    /// The template refused the data or the layout failed.
    #[error("typesetting {template}: {message}")]
    Typeset {
        /// Template name.
        template: &'static str,
        /// Typst's messages.
        message: String,
    },
    /// The PDF writer failed.
    #[error("PDF of {template}: {message}")]
    Pdf {
        /// Template name.
        template: &'static str,
        /// Typst's messages.
        message: String,
    },
}

impl From<DocumentError> for crate::error::WebError {
    fn from(err: DocumentError) -> Self {
        crate::error::WebError::Internal(err.to_string())
    }
}

/// A document ready to typeset: its template, its data as JSON, its files, and the names it goes by.
#[derive(Clone, Debug)]
pub struct Prepared {
    /// The template.
    pub template: Template,
    /// The data, as the template reads it from `/data.json`.
    pub data: Vec<u8>,
    /// The logo and the QR code.
    pub assets: Assets,
    /// A stable name of the document (its number), so the same document gives the same bytes.
    pub ident: String,
    /// The download's file name.
    pub file_name: String,
    /// Saved as a file rather than shown in the browser.
    pub attachment: bool,
}

impl Prepared {
    /// `data` serialised for `template`.
    pub fn new<T: Serialize>(
        template: Template,
        data: &T,
        assets: Assets,
        ident: &str,
    ) -> Result<Prepared, DocumentError> {
        let file_name = format!("{}.pdf", ident.replace(|it: char| !it.is_ascii_alphanumeric() && it != '-', "-"));
        Ok(Prepared {
            template,
            data: serde_json::to_vec(data)?,
            assets,
            ident: ident.to_owned(),
            file_name,
            attachment: false,
        })
    }

    /// The same document under another download name.
    #[must_use]
    pub fn named(mut self, file_name: String) -> Prepared {
        self.file_name = file_name;
        self
    }

    /// The same document, saved as a file by the browser (letters of a case file).
    #[must_use]
    pub fn saved_as_file(mut self) -> Prepared {
        self.attachment = true;
        self
    }

    /// The laid-out pages, for checks.
    pub fn typeset(&self) -> Result<PagedDocument, DocumentError> {
        let mut files = vec![("/data.json", self.data.clone())];
        if let Some(logo) = &self.assets.logo {
            files.push((logo.path(), logo.bytes.clone()));
        }
        if let Some(text) = &self.assets.qr {
            files.push(("/qr.svg", qr_svg(text).into_bytes()));
        }
        let world = world::DocWorld::new(self.template.source(), LIBRARY, files);
        let result = typst::compile::<PagedDocument>(&world).output;
        // Typst memoises across compilations; keep only what the last few documents used.
        typst::comemo::evict(10);
        result.map_err(|errors| DocumentError::Typeset { template: self.template.name(), message: messages(&errors) })
    }

    /// The PDF. Text that runs past a margin (a long unbreakable name or number in the data) is logged, so an
    /// operator learns of it before a reader does.
    pub fn pdf(&self) -> Result<Vec<u8>, DocumentError> {
        let document = self.typeset()?;
        let past = overflows(&document, margins());
        if !past.is_empty() {
            tracing::warn!(document = %self.ident, template = self.template.name(), ?past, "text past the margins");
        }
        let options =
            typst_pdf::PdfOptions { ident: Smart::Custom(self.ident.clone()), ..typst_pdf::PdfOptions::default() };
        typst_pdf::pdf(&document, &options)
            .map_err(|errors| DocumentError::Pdf { template: self.template.name(), message: messages(&errors) })
    }

    /// The PDF as a download, typeset on the blocking pool so the server's other requests go on.
    pub async fn respond(self) -> Result<Response, crate::error::WebError> {
        let (file_name, attachment) = (self.file_name.clone(), self.attachment);
        let bytes = tokio::task::spawn_blocking(move || self.pdf())
            .await
            .map_err(|err| crate::error::WebError::Internal(format!("typesetting task: {err}")))??;
        if attachment {
            return Ok(crate::render::download("application/pdf", &file_name, bytes));
        }
        Ok(pdf_response(&file_name, bytes))
    }
}

fn messages(errors: &[SourceDiagnostic]) -> String {
    errors.iter().map(|it| it.message.to_string()).collect::<Vec<_>>().join("; ")
}

/// The QR code of `text`; longer than a QR code holds, an empty square (the address printed beside it still works).
fn qr_svg(text: &str) -> String {
    crate::view::qr_svg(text)
        .unwrap_or_else(|| "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"240\" height=\"240\"/>".to_owned())
}

/// A PDF as an inline download named `file_name`.
fn pdf_response(file_name: &str, bytes: Vec<u8>) -> Response {
    let disposition = format!("inline; filename=\"{file_name}\"");
    ([(header::CONTENT_TYPE, "application/pdf".to_owned()), (header::CONTENT_DISPOSITION, disposition)], bytes)
        .into_response()
}
