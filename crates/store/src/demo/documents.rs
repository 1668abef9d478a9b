//! The demo Pemda's letterhead: its address lines, the place of signing, the survey report's signer and a logo
//! (a plain shield drawn for the demo, not a real region's emblem), so every document of the demo looks like the
//! real thing.

use domain::org::RawDocumentSettings;

use crate::{ActionCx, StoreError};

/// The demo's logo: PNG, 240 × 280 pixels.
const LOGO: &[u8] = include_bytes!("logo.png");

/// Saves the demo's document settings and logo through the ordinary actions.
pub(super) async fn load(cx: &ActionCx<'_>) -> Result<(), StoreError> {
    let raw = RawDocumentSettings {
        government: "Pemerintah Kota Tangerang Selatan".to_owned(),
        lines: "Jl. Maruga No. 1, Serua, Ciputat, Kota Tangerang Selatan 15414\n\
                Telepon (021) 5550-1010 · Surel pemkot@contoh.go.id · contoh.go.id"
            .to_owned(),
        place: "Tangerang Selatan".to_owned(),
        underline_name: true,
        show_nip: true,
        report_signer: (
            "a.n. Wali Kota Tangerang Selatan\nKepala Bagian Organisasi Sekretariat Daerah".to_owned(),
            "Dra. Rina Marlina, M.A.P.".to_owned(),
            "197606142000122001".to_owned(),
        ),
    };
    crate::org::documents::save_settings(cx, &raw).await?;
    crate::org::documents::save_logo(cx, Some(("logo-demo.png", LOGO.to_vec()))).await
}
