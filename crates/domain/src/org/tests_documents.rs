//! A Pemda's document settings and its logo: every problem named by field, a logo refused by what it claims
//! before anything decodes it.

use super::*;
use crate::complaints::attachments::{FileRefusal, FileType};
use crate::problems::Problem;

fn raw() -> RawDocumentSettings {
    RawDocumentSettings {
        government: "Pemerintah Kota Tangerang Selatan".to_owned(),
        lines: "Jl. Maruga No. 1, Serua, Ciputat\nTelepon (021) 555-0101 · pos@contoh.go.id".to_owned(),
        place: "Tangerang Selatan".to_owned(),
        underline_name: true,
        show_nip: true,
        report_signer: ("Kepala Bagian Organisasi".to_owned(), "Dra. Hj. Rina Marlina".to_owned(), String::new()),
    }
}

#[test]
fn settings_are_checked_field_by_field() {
    let draft = raw().check().expect("valid settings");
    assert_eq!(draft.lines.len(), 2);
    assert_eq!(draft.report_signer.map(|it| it.name), Some("Dra. Hj. Rina Marlina".to_owned()));
    let mut bad = raw();
    bad.lines = "a\nb\nc\nd\ne".to_owned();
    bad.report_signer = (String::new(), "Tanpa Jabatan".to_owned(), "12ab".to_owned());
    let problems = bad.check().expect_err("five lines, a signer without office, a bad NIP");
    let fields: Vec<&str> = problems.iter().map(|it| it.field).collect();
    assert!(
        fields.contains(&"lines") && fields.contains(&"report_office") && fields.contains(&"report_nip"),
        "{fields:?}"
    );
    let none = RawDocumentSettings::default().check().expect("everything may stay empty");
    assert_eq!(none, DocumentSettingsDraft::default());
}

fn png(width: u32, height: u32) -> Vec<u8> {
    crate::complaints::attachments::testing::png(width, height, &[])
}

#[test]
fn a_logo_is_a_small_png_or_jpeg_of_a_sane_size() {
    assert!(matches!(check_logo("logo.png", png(300, 300)), Ok((FileType::Png, _))));
    assert_eq!(check_logo("logo.png", png(100_000, 100_000)), Err(Problem::OutOfRange { min: 1, max: 4000 }));
    assert_eq!(check_logo("logo.pdf", b"%PDF-1.7 ...".to_vec()), Err(Problem::File(FileRefusal::Unsupported)));
    assert_eq!(check_logo("logo.jpg", png(10, 10)), Err(Problem::File(FileRefusal::Disguised)));
    let huge = vec![0u8; LOGO_MAX_BYTES + 1];
    assert_eq!(check_logo("logo.png", huge), Err(Problem::File(FileRefusal::TooLarge { max: LOGO_MAX_BYTES })));
}
