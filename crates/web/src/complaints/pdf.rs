//! The printable receipt (tanda terima): the Pemda's letterhead, the tracking number (and the secret, for the
//! reporter's own copy), the facts of the filing, the deadline of verification, and a QR code of the signed
//! verification address, typeset by `documents` with `receipt.typ`.

use serde::Serialize;
use store::complaints::Item;

use crate::documents::letterhead::{Frame, House};
use crate::documents::{Assets, DocumentError, Prepared, Template};
use crate::i18n::Lang;
use crate::view::format::{local_date, local_time};

/// Characters of the verification address per printed line: 7.5 pt DejaVu Sans Mono is 4.5 pt a character, and the
/// column beside the QR code is about 300 pt wide.
const URL_LINE: usize = 60;

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct ReceiptData {
    #[serde(flatten)]
    frame: Frame,
    heading: Vec<String>,
    number_label: String,
    number: String,
    secret_label: String,
    secret: Option<String>,
    rows: Vec<(String, String)>,
    notes: Vec<String>,
    qr_caption: String,
    verify_url_lines: Vec<String>,
    keep_secret: Option<String>,
}

/// The receipt of `item`; `secret` is printed only on the reporter's copy.
pub fn receipt(
    lang: Lang,
    (tenant, house): (&domain::org::Tenant, &House),
    item: &Item,
    secret: Option<&str>,
    verify_url: &str,
) -> Result<Prepared, DocumentError> {
    let t = |key: &str| lang.t(&format!("complaints.pdf.{key}")).to_owned();
    let mut rows = vec![
        (t("kind"), lang.t(&format!("complaints.kinds.{}", item.kind.code())).to_owned()),
        (t("received"), local_time(item.received_at_ms, tenant.zone)),
        (t("subject"), item.title.clone()),
    ];
    if let Some((sender, number, date)) = &item.letter {
        rows.push((t("letter"), format!("{sender}, {number}, {date}")));
    }
    if let Some(deadline) = item.deadline {
        rows.push((t("verify_by"), local_date(deadline.due)));
    }
    let chars: Vec<char> = verify_url.chars().collect();
    let footer = lang.tf("complaints.pdf.footer", &[("number", &item.number)]);
    let data = ReceiptData {
        frame: house.frame(lang, format!("{} {}", t("title"), item.number), None, footer),
        heading: vec![t("title")],
        number_label: t("number"),
        number: item.number.clone(),
        secret_label: t("secret"),
        secret: secret.map(domain::complaints::tracking::display_secret),
        rows,
        notes: vec![t("how_to_track")],
        qr_caption: t("how_to_verify"),
        verify_url_lines: chars.chunks(URL_LINE).map(|it| it.iter().collect()).collect(),
        keep_secret: secret.map(|_| t("keep_secret")),
    };
    let assets = Assets { logo: house.logo(), qr: Some(verify_url.to_owned()) };
    let file_name = format!("tanda-terima-{}.pdf", item.number);
    Ok(Prepared::new(Template::Receipt, &data, assets, &item.number)?.named(file_name))
}
