//! The employee register's rows as typed or imported: NIP checked against its structure for civil servants, status,
//! rank/grade in the form the status uses, position and position type, unit and direct superior.

use crate::problems::{FieldProblem, Problem, Problems, optional_text, required_text};

/// Employment status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Pegawai Negeri Sipil.
    Pns,
    /// Calon PNS.
    Cpns,
    /// Pegawai Pemerintah dengan Perjanjian Kerja.
    Pppk,
    /// Non-ASN staff (honorer, outsourced).
    NonAsn,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 4] = [Status::Pns, Status::Cpns, Status::Pppk, Status::NonAsn];

    /// Code in files and the database.
    pub fn code(self) -> &'static str {
        match self {
            Status::Pns => "pns",
            Status::Cpns => "cpns",
            Status::Pppk => "pppk",
            Status::NonAsn => "non_asn",
        }
    }

    /// Parses a code, case and spaces ignored ("PNS", "non asn").
    pub fn parse(raw: &str) -> Option<Status> {
        let key: String = raw.trim().to_lowercase().replace([' ', '-'], "_");
        Status::ALL.into_iter().find(|it| it.code() == key)
    }
}

/// Position type: the rung of the structural ladder or the functional track, which decides who may sanction whom.
// Source: UU 20/2023 Pasal 13 (jabatan manajerial and nonmanajerial); the ladder JPT madya → JPT pratama →
// administrator → pengawas → pelaksana of PP 94/2021's authority rules (shared/reference/regulations-wave2.md A3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PositionType {
    /// JPT madya (a provincial Sekda).
    JptMadya,
    /// JPT pratama (Kepala Dinas/Badan, Inspektur, Asisten, a kabupaten/kota Sekda).
    JptPratama,
    /// Administrator (Sekretaris Dinas, Kepala Bidang, Kepala Bagian, Camat).
    Administrator,
    /// Pengawas (Kepala Subbagian, Kepala Seksi, Lurah).
    Pengawas,
    /// Pelaksana.
    Pelaksana,
    /// Functional, below Ahli Utama.
    Fungsional,
    /// Functional Ahli Utama.
    FungsionalAhliUtama,
    /// Managerial of an unknown rung: read from registers made before the rungs were asked; no authority rule covers
    /// it until the register gives the rung.
    Struktural,
}

impl PositionType {
    /// Every type, the legacy `struktural` last.
    pub const ALL: [PositionType; 8] = [
        PositionType::JptMadya,
        PositionType::JptPratama,
        PositionType::Administrator,
        PositionType::Pengawas,
        PositionType::Pelaksana,
        PositionType::Fungsional,
        PositionType::FungsionalAhliUtama,
        PositionType::Struktural,
    ];

    /// The types a register should use now: every type but the legacy `struktural`, which is last.
    pub fn current() -> &'static [PositionType] {
        &PositionType::ALL[..PositionType::ALL.len() - 1]
    }

    /// Code.
    pub fn code(self) -> &'static str {
        match self {
            PositionType::JptMadya => "jpt_madya",
            PositionType::JptPratama => "jpt_pratama",
            PositionType::Administrator => "administrator",
            PositionType::Pengawas => "pengawas",
            PositionType::Pelaksana => "pelaksana",
            PositionType::Fungsional => "fungsional",
            PositionType::FungsionalAhliUtama => "fungsional_ahli_utama",
            PositionType::Struktural => "struktural",
        }
    }

    /// Parses a code.
    pub fn parse(raw: &str) -> Option<PositionType> {
        let key = raw.trim().to_lowercase().replace([' ', '-'], "_");
        PositionType::ALL.into_iter().find(|it| it.code() == key)
    }
}

/// A row as typed.
#[derive(Clone, Debug, Default)]
pub struct RawEmployee {
    /// NIP (or an internal number for non-ASN staff).
    pub nip: String,
    /// Name.
    pub name: String,
    /// Status code.
    pub status: String,
    /// Pangkat/golongan (`III/b`) or PPPK grade (`IX`).
    pub grade: String,
    /// Position.
    pub position: String,
    /// Position type code.
    pub position_type: String,
    /// Unit code.
    pub unit_code: String,
    /// Direct superior's NIP.
    pub superior_nip: String,
}

/// A checked row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmployeeDraft {
    /// NIP, digits only for ASN.
    pub nip: String,
    /// Name.
    pub name: String,
    /// Status.
    pub status: Status,
    /// Grade, none for non-ASN staff.
    pub grade: Option<String>,
    /// Position.
    pub position: String,
    /// Position type.
    pub position_type: PositionType,
    /// Unit code.
    pub unit_code: String,
    /// Direct superior's NIP.
    pub superior_nip: Option<String>,
}

/// Checks a NIP for the status: 18 digits for ASN; for PNS and CPNS also the birth date (digits 1–8), the month of
/// appointment (9–14) and the sex digit (15).
// Source: Peraturan Kepala BKN 22/2007 (susunan NIP PNS: tanggal lahir, TMT CPNS, jenis kelamin, nomor urut);
// not in the project's reference notes yet: to be checked against the text (docs/REGULATIONS.md).
pub fn check_nip(raw: &str, status: Status) -> Result<String, Problem> {
    let nip: String = raw.chars().filter(|it| !it.is_whitespace()).collect();
    let malformed = || Problem::Malformed { given: raw.trim().to_owned() };
    if status == Status::NonAsn {
        let ok = (1..=30).contains(&nip.len()) && nip.chars().all(|it| it.is_ascii_alphanumeric() || it == '-');
        return if ok { Ok(nip) } else { Err(malformed()) };
    }
    if nip.len() != 18 || !nip.bytes().all(|it| it.is_ascii_digit()) {
        return Err(malformed());
    }
    if matches!(status, Status::Pns | Status::Cpns) {
        let number = |range: std::ops::Range<usize>| nip[range].parse::<i16>().unwrap_or(0);
        let born = jiff::civil::Date::new(
            number(0..4),
            i8::try_from(number(4..6)).unwrap_or(0),
            i8::try_from(number(6..8)).unwrap_or(0),
        );
        let appointed_month = number(12..14);
        let sex = &nip[14..15];
        if born.is_err() || !(1..=12).contains(&appointed_month) || !(sex == "1" || sex == "2") {
            return Err(malformed());
        }
    }
    Ok(nip)
}

/// Checks a grade for the status: `I/a`–`IV/e` for PNS and CPNS, `I`–`XVII` for PPPK, nothing for non-ASN staff.
// Source: PP 99/2000 (pangkat PNS, golongan ruang I/a–IV/e); Perpres 98/2020 (golongan PPPK I–XVII);
// not in the project's reference notes yet: to be checked against the text (docs/REGULATIONS.md).
pub fn check_grade(raw: &str, status: Status) -> Result<Option<String>, Problem> {
    let grade = raw.trim().to_uppercase().replace(' ', "");
    if grade.is_empty() {
        return if status == Status::NonAsn { Ok(None) } else { Err(Problem::Required) };
    }
    let romans =
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"];
    let ok = match status {
        Status::Pns | Status::Cpns => grade.split_once('/').is_some_and(|(group, room)| {
            let rooms = if group == "IV" { "ABCDE" } else { "ABCD" };
            romans[..4].contains(&group) && room.len() == 1 && rooms.contains(room)
        }),
        Status::Pppk => romans.contains(&grade.as_str()),
        Status::NonAsn => false,
    };
    if !ok {
        return Err(Problem::Malformed { given: raw.trim().to_owned() });
    }
    // Rooms are written in lower case: "III/b".
    Ok(Some(match grade.split_once('/') {
        Some((group, room)) => format!("{group}/{}", room.to_lowercase()),
        None => grade,
    }))
}

impl RawEmployee {
    /// Checks every field; all problems at once.
    pub fn parse(&self) -> Result<EmployeeDraft, Vec<FieldProblem>> {
        let mut problems = Problems::default();
        let status = Status::parse(&self.status);
        if status.is_none() {
            problems.add("status", Problem::UnknownCode { given: self.status.trim().to_owned() });
        }
        // NIP and grade are judged by the status; with an unknown status only the status is reported.
        let known = status.is_some();
        let status = status.unwrap_or(Status::NonAsn);
        let nip = check_nip(&self.nip, status).unwrap_or_else(|problem| {
            if known {
                problems.add("nip", problem);
            }
            String::new()
        });
        let grade = check_grade(&self.grade, status).unwrap_or_else(|problem| {
            if known {
                problems.add("grade", problem);
            }
            None
        });
        let name = required_text(&mut problems, "name", &self.name, 200);
        let position = required_text(&mut problems, "position", &self.position, 200);
        let position_type = PositionType::parse(&self.position_type);
        if position_type.is_none() {
            problems.add("position_type", Problem::UnknownCode { given: self.position_type.trim().to_owned() });
        }
        let unit_code = required_text(&mut problems, "unit_code", &self.unit_code, 40);
        let superior = optional_text(&mut problems, "superior_nip", &self.superior_nip, 30)
            .map(|it| it.chars().filter(|c| !c.is_whitespace()).collect::<String>());
        if superior.as_deref().is_some_and(|it| it == nip) {
            problems.add("superior_nip", Problem::Malformed { given: self.superior_nip.trim().to_owned() });
        }
        problems.finish(|| EmployeeDraft {
            nip,
            name,
            status,
            grade,
            position,
            position_type: position_type.unwrap_or(PositionType::Pelaksana),
            unit_code,
            superior_nip: superior,
        })
    }
}
