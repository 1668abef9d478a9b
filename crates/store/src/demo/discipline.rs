//! Demo employees (invented names and NIPs of the right shape) in three agencies, two linked to demo accounts, and
//! a year of attendance in which three of them cross a threshold of the absence table.

use domain::discipline::employee::RawEmployee;

use crate::discipline::employees::{self, ImportRow};
use crate::{ActionCx, StoreError};

/// NIP, name, status, grade, position, position type, unit code, superior's NIP, account.
type DemoEmployee = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const EMPLOYEES: [DemoEmployee; 12] = [
    (
        "197205141998031002",
        "Bambang Suryadi, S.T., M.M.",
        "pns",
        "IV/b",
        "Kepala Dinas",
        "jpt_pratama",
        "DPMPTSP",
        "",
        "kadis.dpmptsp",
    ),
    (
        "199406202019032005",
        "Siti Nurhaliza Putri",
        "pns",
        "III/a",
        "Pengadministrasi Layanan",
        "pelaksana",
        "DPMPTSP",
        "198207252008011004",
        "operator.dpmptsp",
    ),
    (
        "198811032014021001",
        "Agus Salim Nugroho",
        "pns",
        "II/c",
        "Pengadministrasi Perizinan",
        "pelaksana",
        "DPMPTSP",
        "198207252008011004",
        "",
    ),
    (
        "199001172015032002",
        "Lestari Wulandari, S.H.",
        "pns",
        "III/c",
        "Analis Perizinan",
        "fungsional",
        "DPMPTSP",
        "197205141998031002",
        "",
    ),
    (
        "198207252008011004",
        "Rudi Hartono, S.Sos.",
        "pns",
        "III/d",
        "Kepala Seksi Pelayanan Perizinan",
        "pengawas",
        "DPMPTSP",
        "197205141998031002",
        "",
    ),
    ("THL-DPMPTSP-014", "Fajar Ramadhan", "non_asn", "", "Pengemudi", "pelaksana", "DPMPTSP", "198207252008011004", ""),
    (
        "199205082023212011",
        "Maya Sari Dewi, A.Md.",
        "pppk",
        "VII",
        "Penata Layanan Operasional",
        "pelaksana",
        "DPMPTSP",
        "198207252008011004",
        "",
    ),
    (
        "197710102002121003",
        "Hendra Gunawan, S.E., M.Si.",
        "pns",
        "IV/a",
        "Kepala Bidang Pajak Daerah",
        "administrator",
        "BAPENDA",
        "",
        "",
    ),
    (
        "198304152009031002",
        "Dodi Firmansyah, S.E.",
        "pns",
        "III/d",
        "Kepala Subbidang Penagihan",
        "pengawas",
        "BAPENDA",
        "197710102002121003",
        "",
    ),
    (
        "199512012020121004",
        "Yogi Pratama",
        "pns",
        "III/a",
        "Pengelola Data Pajak",
        "pelaksana",
        "BAPENDA",
        "198304152009031002",
        "",
    ),
    (
        "199107302017032001",
        "Nur Aisyah, S.Kom.",
        "pns",
        "III/b",
        "Kepala Subbagian Umum",
        "pengawas",
        "DISDUKCAPIL",
        "",
        "",
    ),
    (
        "199609142022031003",
        "Irfan Maulana",
        "cpns",
        "II/b",
        "Operator Layanan Kependudukan",
        "pelaksana",
        "DISDUKCAPIL",
        "199107302017032001",
        "",
    ),
];

/// Loads the employees and the year's attendance.
pub async fn load(cx: &ActionCx<'_>) -> Result<(), StoreError> {
    let rows = EMPLOYEES
        .iter()
        .enumerate()
        .map(|(idx, (nip, name, status, grade, position, kind, unit, superior, account))| ImportRow {
            row: idx + 2,
            raw: RawEmployee {
                nip: (*nip).to_owned(),
                name: (*name).to_owned(),
                status: (*status).to_owned(),
                grade: (*grade).to_owned(),
                position: (*position).to_owned(),
                position_type: (*kind).to_owned(),
                unit_code: (*unit).to_owned(),
                superior_nip: (*superior).to_owned(),
            },
            account: (*account).to_owned(),
        })
        .collect();
    employees::import(cx, rows).await.map_err(super::not_valid("employees"))?;
    let year = cx.now.to_zoned(jiff::tz::TimeZone::get("Asia/Jakarta").unwrap_or(jiff::tz::TimeZone::UTC)).year();
    let calendar = {
        let mut conn = cx.db.conn().await?;
        crate::calendar::load_calendar(&mut conn, cx.tenant, None).await?
    };
    let mut workdays = Vec::new();
    let mut day = jiff::civil::date(year, 1, 1);
    while workdays.len() < 40 {
        if calendar.is_workday(day) {
            workdays.push(day);
        }
        day = day.tomorrow().map_err(|err| StoreError::Config(err.to_string()))?;
    }
    let mut attendance = Vec::new();
    let mut add = |nip: &str, indexes: &[usize], status: &str| {
        for idx in indexes {
            attendance.push([nip.to_owned(), workdays[*idx].to_string(), status.to_owned()]);
        }
    };
    // 4 unexcused days (teguran tertulis), with an excused sick day between.
    add("198811032014021001", &[2, 9, 15, 21], "tanpa_keterangan");
    add("198811032014021001", &[10], "sakit");
    // 12 unexcused days (pemotongan tunjangan kinerja 6 bulan).
    add("199512012020121004", &[1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23], "tanpa_keterangan");
    add("199512012020121004", &[2, 4], "izin");
    // 10 consecutive working days (PDHTAPS), whatever the yearly total.
    add("199609142022031003", &(20..30).collect::<Vec<_>>(), "tanpa_keterangan");
    add("199406202019032005", &[0, 1, 2], "hadir");
    let rules = domain::discipline::shipped();
    crate::discipline::attendance::import(cx, rules, year, "demo", &attendance)
        .await
        .map_err(super::not_valid("attendance"))?;
    Ok(())
}
