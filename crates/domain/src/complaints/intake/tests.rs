//! Intake checks: every field, every problem at once, identity dropped for anonymous items.

use jiff::civil::date;

use super::*;

fn complaint() -> RawItem {
    RawItem {
        kind: "pengaduan".into(),
        category: "sikap_petugas".into(),
        title: "Loket kosong pada jam layanan".into(),
        body: "Senin pukul 10.00 loket perizinan tidak ada petugas, saya menunggu satu jam.".into(),
        confidentiality: "publik".into(),
        name: "Rina Marlina".into(),
        contact: "0812-3456-7890".into(),
        ..RawItem::default()
    }
}

fn today() -> Date {
    date(2026, 3, 16)
}

fn fields(result: Result<ItemDraft, Vec<FieldProblem>>) -> Vec<(&'static str, Problem)> {
    result.err().unwrap_or_default().into_iter().map(|it| (it.field, it.problem)).collect()
}

#[test]
fn a_complete_complaint_is_accepted_with_a_normalised_phone() {
    let draft = complaint().parse(Source::Citizen, today()).unwrap_or_else(|err| panic!("{err:?}"));
    assert_eq!(draft.kind, Kind::Pengaduan);
    let reporter = draft.reporter.unwrap_or_else(|| panic!("reporter kept"));
    assert_eq!(reporter.contact, Some(Contact::Phone("081234567890".into())));
}

#[test]
fn anonymous_items_keep_no_identity_even_when_the_form_sent_one() {
    let raw = RawItem { confidentiality: "anonim".into(), ..complaint() };
    let draft = raw.parse(Source::Citizen, today()).unwrap_or_else(|err| panic!("{err:?}"));
    assert_eq!(draft.reporter, None);
    // Even a malformed contact cannot stop an anonymous item, since it is thrown away unread.
    let raw = RawItem { confidentiality: "anonim".into(), contact: "bukan kontak".into(), ..complaint() };
    assert!(raw.parse(Source::Citizen, today()).is_ok());
}

#[test]
fn every_bad_field_is_reported_at_once() {
    let raw = RawItem {
        kind: "keluhan".into(),
        category: "".into(),
        title: " ".into(),
        body: "rusak".into(),
        latitude: "106.7".into(),
        longitude: "-6.2".into(),
        confidentiality: "terbuka".into(),
        contact: "rina@".into(),
        ..RawItem::default()
    };
    let got = fields(raw.parse(Source::Citizen, today()));
    let names: Vec<_> = got.iter().map(|(field, _)| *field).collect();
    assert_eq!(names, ["kind", "category", "title", "body", "latitude", "longitude", "confidentiality", "contact"]);
    assert!(got.contains(&("body", Problem::TooShort { min: limits::BODY_MIN })));
}

#[test]
fn citizens_cannot_file_letters_and_letters_need_their_particulars() {
    let raw = RawItem { kind: "surat_masuk".into(), ..complaint() };
    assert_eq!(
        fields(raw.parse(Source::Citizen, today())),
        [("kind", Problem::UnknownCode { given: "surat_masuk".into() })]
    );
    let letter = RawItem {
        kind: "surat_masuk".into(),
        category: String::new(),
        title: "Permohonan audiensi warga RW 05".into(),
        body: String::new(),
        letter_sender: "Ketua RW 05 Pondok Aren".into(),
        letter_number: "012/RW05/III/2026".into(),
        letter_date: "2026-03-12".into(),
        ..RawItem::default()
    };
    let draft = letter.parse(Source::FrontDesk, today()).unwrap_or_else(|err| panic!("{err:?}"));
    assert_eq!(draft.category, "lainnya");
    assert_eq!(draft.letter.map(|it| it.date), Some(date(2026, 3, 12)));
    let future = RawItem { letter_date: "2026-03-17".into(), letter_number: String::new(), ..letter };
    assert_eq!(
        fields(future.parse(Source::FrontDesk, today())),
        [("letter_number", Problem::Required), ("letter_date", Problem::InFuture)]
    );
}

#[test]
fn contacts_are_email_or_phone() {
    assert_eq!(Contact::parse("Rina@Contoh.id"), Some(Contact::Email("rina@contoh.id".into())));
    assert_eq!(Contact::parse("+62 812 3456 7890"), Some(Contact::Phone("+6281234567890".into())));
    for bad in ["rina@contoh", "@contoh.id", "rina contoh@x.id", "12345", "0812-abc-7890", "0812345678901234567"] {
        assert_eq!(Contact::parse(bad), None, "{bad}");
    }
}

#[test]
fn coordinates_must_lie_in_indonesia_and_come_in_pairs() {
    let raw = RawItem { latitude: "-6,2881".into(), longitude: "106.718".into(), ..complaint() };
    let draft = raw.parse(Source::Citizen, today()).unwrap_or_else(|err| panic!("{err:?}"));
    assert_eq!(draft.location.and_then(|it| it.point), Some((-6.2881, 106.718)));
    let half = RawItem { latitude: "-6.2".into(), ..complaint() };
    assert_eq!(fields(half.parse(Source::Citizen, today())), [("longitude", Problem::Required)]);
}

#[test]
fn a_contact_is_an_email_address_or_a_phone_number_and_nothing_else() {
    for good in ["budi@contoh.id", "Rina.W+aduan@mail.contoh.go.id", "0812-3456-7890", "+62 812 3456 7890"] {
        assert!(Contact::parse(good).is_some(), "{good}");
    }
    for bad in [
        "<b>budi</b>@contoh.id",
        "budi@<script>.id",
        "\"budi\"@contoh.id",
        "budi@contoh",
        "budi @contoh.id",
        "budi@-contoh.id",
        "<a href=x>0812</a>",
        "0812<script>",
        "javascript:alert(1)",
    ] {
        assert!(Contact::parse(bad).is_none(), "{bad}");
    }
}
