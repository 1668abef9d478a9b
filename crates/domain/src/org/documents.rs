//! What a Pemda sets for its documents: the letterhead (the government's line, address and contact lines, the
//! logo), the place written before a date, how signature blocks look, and who signs the public survey report.

use crate::complaints::attachments::{self, FileType};
use crate::discipline::employee::{Status, check_nip};
use crate::problems::{FieldProblem, Problem, Problems, optional_text};

/// Most address and contact lines under the government's name.
// Choice: the kop of a Pemda's letters carries the address, telephone, e-mail and website; four lines hold them.
pub const MAX_LINES: usize = 4;
/// Largest logo file.
pub const LOGO_MAX_BYTES: usize = 1024 * 1024;
/// Longest side of a logo, in pixels: a letterhead prints it about 2.5 cm high.
pub const LOGO_MAX_SIDE: u32 = 4000;

/// The settings as a form or a file gives them.
#[derive(Clone, Debug, Default)]
pub struct RawDocumentSettings {
    /// The government's line; empty for the tenant's name.
    pub government: String,
    /// Address and contact lines, one per line.
    pub lines: String,
    /// The place before a date ("Tangerang Selatan").
    pub place: String,
    /// Underline the signer's name.
    pub underline_name: bool,
    /// Print the signer's NIP.
    pub show_nip: bool,
    /// The survey report's signer: office (one line each), name, NIP; all empty for none.
    pub report_signer: (String, String, String),
}

/// Checked settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentSettingsDraft {
    /// The government's line, when it differs from the tenant's name.
    pub government: Option<String>,
    /// Address and contact lines.
    pub lines: Vec<String>,
    /// The place before a date.
    pub place: Option<String>,
    /// Underline the signer's name.
    pub underline_name: bool,
    /// Print the signer's NIP.
    pub show_nip: bool,
    /// Who signs the public survey report.
    pub report_signer: Option<Signer>,
}

/// A named signer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signer {
    /// The office, one line each.
    pub office: String,
    /// The name, with titles.
    pub name: String,
    /// NIP, when a civil servant signs.
    pub nip: Option<String>,
}

impl RawDocumentSettings {
    /// Every problem, or the settings.
    pub fn check(&self) -> Result<DocumentSettingsDraft, Vec<FieldProblem>> {
        let mut problems = Problems::default();
        let government = optional_text(&mut problems, "government", &self.government, 120);
        let lines: Vec<String> =
            self.lines.lines().map(str::trim).filter(|it| !it.is_empty()).map(str::to_owned).collect();
        if lines.len() > MAX_LINES {
            problems.add("lines", Problem::OutOfRange { min: 0, max: i64::try_from(MAX_LINES).unwrap_or(i64::MAX) });
        }
        for line in &lines {
            optional_text(&mut problems, "lines", line, 160);
        }
        let place = optional_text(&mut problems, "place", &self.place, 60);
        let report_signer = self.signer(&mut problems);
        problems.finish(|| DocumentSettingsDraft {
            government,
            lines,
            place,
            underline_name: self.underline_name,
            show_nip: self.show_nip,
            report_signer,
        })
    }

    fn signer(&self, problems: &mut Problems) -> Option<Signer> {
        let (office, name, nip) = &self.report_signer;
        let office = optional_text(problems, "report_office", office, 200);
        let name = optional_text(problems, "report_name", name, 120);
        let nip = match nip.trim() {
            "" => None,
            raw => check_nip(raw, Status::Pns).map_err(|it| problems.add("report_nip", it)).ok(),
        };
        match (office, name) {
            (Some(office), Some(name)) => Some(Signer { office, name, nip }),
            (None, None) if nip.is_none() => None,
            (None, _) => {
                problems.add("report_office", Problem::Required);
                None
            }
            (Some(_), None) => {
                problems.add("report_name", Problem::Required);
                None
            }
        }
    }
}

/// A logo file checked and cleaned: PNG or JPEG by its content, at most [`LOGO_MAX_BYTES`], no side over
/// [`LOGO_MAX_SIDE`] pixels as its header claims, metadata removed.
pub fn check_logo(file_name: &str, bytes: Vec<u8>) -> Result<(FileType, Vec<u8>), Problem> {
    if bytes.len() > LOGO_MAX_BYTES {
        return Err(Problem::File(attachments::FileRefusal::TooLarge { max: LOGO_MAX_BYTES }));
    }
    let (kind, cleaned) = attachments::accept(file_name, bytes).map_err(Problem::File)?;
    if kind == FileType::Pdf {
        return Err(Problem::File(attachments::FileRefusal::Unsupported));
    }
    match attachments::dimensions(kind, &cleaned) {
        Some((width, height)) if (1..=LOGO_MAX_SIDE).contains(&width) && (1..=LOGO_MAX_SIDE).contains(&height) => {
            Ok((kind, cleaned))
        }
        Some(_) => Err(Problem::OutOfRange { min: 1, max: i64::from(LOGO_MAX_SIDE) }),
        None => Err(Problem::File(attachments::FileRefusal::Damaged)),
    }
}
