//! The demo kota's units: a table of uniform rows, parent before child.

use domain::calendar::Zone;
use domain::org::{RawUnit, TenantLevel, UnitDraft};

use crate::StoreError;

/// code, parent code, kind, official name, abbreviation, aliases (`;`-separated), closed on cuti bersama.
const UNITS: [(&str, &str, &str, &str, &str, &str, bool); 24] = [
    ("SETDA", "", "sekretariat_daerah", "Sekretariat Daerah", "Setda", "Sekretariat Daerah Kota", true),
    ("BAG-ORG", "SETDA", "bagian", "Bagian Organisasi", "Bag. Organisasi", "", true),
    ("BAG-UMUM", "SETDA", "bagian", "Bagian Umum", "Bag. Umum", "", true),
    (
        "SETWAN",
        "",
        "sekretariat_dprd",
        "Sekretariat Dewan Perwakilan Rakyat Daerah",
        "Setwan",
        "Sekretariat DPRD",
        true,
    ),
    ("INSPEKTORAT", "", "inspektorat", "Inspektorat Daerah", "Inspektorat", "Itda", true),
    ("BAPPEDA", "", "badan", "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Bapperida", "Bappeda", true),
    ("BAPENDA", "", "badan", "Badan Pendapatan Daerah", "Bapenda", "", true),
    ("BPKAD", "", "badan", "Badan Pengelola Keuangan dan Aset Daerah", "BPKAD", "", true),
    ("BKPSDM", "", "badan", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", "BKD; BKPP", true),
    ("BPBD", "", "badan", "Badan Penanggulangan Bencana Daerah", "BPBD", "", false),
    ("DISDIK", "", "dinas", "Dinas Pendidikan dan Kebudayaan", "Disdikbud", "Dindikbud; Dinas Pendidikan", true),
    ("DINKES", "", "dinas", "Dinas Kesehatan", "Dinkes", "", true),
    ("PKM-PAMULANG", "DINKES", "upt", "UPTD Puskesmas Pamulang", "Puskesmas Pamulang", "PKM Pamulang", false),
    (
        "DPMPTSP",
        "",
        "dinas",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "DPMPTSP",
        "DPM-PTSP; DPM PTSP; Dinas PMPTSP",
        true,
    ),
    (
        "DISDUKCAPIL",
        "",
        "dinas",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Disdukcapil",
        "Dinas Dukcapil; Dukcapil",
        true,
    ),
    ("DISHUB", "", "dinas", "Dinas Perhubungan", "Dishub", "", true),
    ("DLH", "", "dinas", "Dinas Lingkungan Hidup", "DLH", "", true),
    ("DINSOS", "", "dinas", "Dinas Sosial", "Dinsos", "", true),
    ("DINKOP-UKM", "", "dinas", "Dinas Koperasi dan Usaha Kecil Menengah", "Dinkop UKM", "Diskop UKM; Diskopukm", true),
    ("SATPOL-PP", "", "satpol_pp", "Satuan Polisi Pamong Praja", "Satpol PP", "", false),
    ("RSUD", "", "rsud", "Rumah Sakit Umum Daerah Kota Tangerang Selatan", "RSUD", "RSU Tangsel", false),
    ("KEC-PAMULANG", "", "kecamatan", "Kecamatan Pamulang", "Kec. Pamulang", "", true),
    ("KEL-PAMULANG-BARAT", "KEC-PAMULANG", "kelurahan", "Kelurahan Pamulang Barat", "Kel. Pamulang Barat", "", true),
    ("KEC-SERPONG", "", "kecamatan", "Kecamatan Serpong", "Kec. Serpong", "", true),
];

/// Unit code, counter name, minimum staff on duty, open on Saturday morning.
pub const SERVICE_POINTS: [(&str, &str, u32, bool); 5] = [
    ("DPMPTSP", "Loket Perizinan dan Nonperizinan", 3, false),
    ("DPMPTSP", "Meja Pengaduan dan Informasi", 1, false),
    ("DISDUKCAPIL", "Loket KTP-el dan Kartu Keluarga", 4, true),
    ("PKM-PAMULANG", "Loket Pendaftaran Pasien", 2, true),
    ("KEC-PAMULANG", "Pelayanan Administrasi Terpadu Kecamatan (PATEN)", 2, false),
];

/// The units as validated import rows.
pub fn rows(level: TenantLevel, zone: Zone) -> Result<Vec<(usize, UnitDraft)>, StoreError> {
    let mut out = Vec::new();
    for (idx, (code, parent, kind, name, short_name, aliases, closed)) in UNITS.into_iter().enumerate() {
        let raw = RawUnit {
            code: code.to_owned(),
            parent_code: parent.to_owned(),
            kind: kind.to_owned(),
            name: name.to_owned(),
            short_name: short_name.to_owned(),
            aliases: aliases.to_owned(),
            zone: String::new(),
            observes_cuti_bersama: if closed { "ya" } else { "tidak" }.to_owned(),
            is_active: "ya".to_owned(),
        };
        out.push((idx + 2, raw.parse(level, zone).map_err(StoreError::Invalid)?));
    }
    Ok(out)
}

/// The demo kota's register for the news linker, with unit codes as ids: what `pantau news extract` and `eval` link
/// to when no database is named (the labelled set in data/news-eval uses these codes).
pub fn news_register() -> text::register::Register {
    let units = UNITS
        .iter()
        .map(|(code, _, _, name, short_name, aliases, _)| text::register::RegisterUnit {
            id: (*code).to_owned(),
            code: (*code).to_owned(),
            name: (*name).to_owned(),
            short_name: Some((*short_name).to_owned()).filter(|it| !it.is_empty()),
            aliases: aliases.split(';').map(str::trim).filter(|it| !it.is_empty()).map(str::to_owned).collect(),
        })
        .collect();
    text::register::Register::new(Some(super::DEMO_REGION), units)
}
