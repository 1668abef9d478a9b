//! A few invented news reports for the demo, dated back from the moment it loads: two about the municipal police
//! within the last month (so the watch list shows negative news), one about the transport office, and one
//! favourable report about the licensing office.

use text::extract::{Article, Extractor};
use text::input::Format;

use crate::news::articles::{Origin, save};
use crate::{ActionCx, StoreError};

/// Days before the load, headline, body (the dateline is added).
const REPORTS: [(i64, &str, &str); 4] = [
    (
        4,
        "Pedagang Keluhkan Dugaan Pungli Petugas Satpol PP",
        "Penertiban pedagang kaki lima oleh Satuan Polisi Pamong Praja Pemkot Tangerang Selatan dikeluhkan para \
         pedagang. Mereka menyebut ada pungutan liar oleh oknum ASN agar lapak boleh dibuka kembali, dan warga \
         kecewa karena barang dagangan diangkut tanpa berita acara. Kepala Satpol PP berjanji menindak anggotanya.",
    ),
    (
        17,
        "Oknum Satpol PP Diduga Pungli di Terminal",
        "Seorang pemilik warung melaporkan oknum petugas Satpol PP yang diduga melakukan pungli uang keamanan di \
         kawasan terminal. Laporan sudah masuk ke kanal pengaduan Pemkot Tangerang Selatan dan wali kota diminta \
         menindak pegawai yang bersangkutan.",
    ),
    (
        9,
        "Lampu Lalu Lintas Mati, Pelayanan Dishub Dikeluhkan",
        "Lampu lalu lintas di simpang pasar Kota Tangerang Selatan mati berhari-hari dan pengaduan warga tidak \
         kunjung dijawab. Warga kecewa dengan pelayanan buruk Dinas Perhubungan yang dinilai lambat menangani \
         laporan, padahal kemacetan terjadi setiap pagi.",
    ),
    (
        12,
        "Layanan Izin Usaha di DPMPTSP Kini Selesai Sehari",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Tangerang Selatan meluncurkan layanan izin \
         usaha mikro yang selesai dalam satu hari kerja. Pelaku usaha menyambut baik layanan tanpa biaya tersebut.",
    ),
];

/// Saves the reports through the ordinary extraction, as an import would.
pub(super) async fn load(cx: &ActionCx<'_>) -> Result<(), StoreError> {
    let data = cx.db.tenant_data(cx.tenant).await?;
    let register = {
        let mut conn = cx.db.conn().await?;
        crate::news::load_register(&mut conn, cx.tenant).await?
    };
    let extractor = Extractor::new(register);
    let today = data.tenant.zone.local_date(cx.now);
    for (n, (days_ago, title, body)) in REPORTS.iter().enumerate() {
        let day = today.checked_sub(jiff::Span::new().days(*days_ago)).unwrap_or(today);
        // "Tangsel - 3 Desember 2026": the month's Indonesian name and the year.
        let month_and_year = domain::scorecards::period::ScorePeriod::month_of(day).name_id();
        let text = format!("{title}\nTangsel - {} {month_and_year}\n{body}\n", day.day());
        let extraction =
            extractor.extract(&Article { body: &text, format: Format::Text, title: None, reference: Some(day) });
        let origin = Origin {
            kind: "file",
            source: "Warta Tangsel (contoh demo)".into(),
            url: Some(format!("https://warta.contoh/demo-{n}")),
        };
        save(cx, &extraction, extractor.register(), &origin).await?;
    }
    Ok(())
}
