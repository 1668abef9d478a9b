//! The organisation of a Pemda: its level and region, its units as a tree, and the units' service points.
//!
//! Governing rules: UU 23/2014 and PP 18/2016 (types of Perangkat Daerah), Permendagri 58/2021 (region codes),
//! PermenPANRB 15/2014 (service standards: service hours at each point of service).

mod documents;
mod records;
mod regions;
mod service;
mod tree;

pub use documents::{
    DocumentSettingsDraft, LOGO_MAX_BYTES, LOGO_MAX_SIDE, MAX_LINES, RawDocumentSettings, Signer, check_logo,
};
pub use records::{
    CLOSES_FIELDS, OPENS_FIELDS, RawServicePoint, RawTenant, RawUnit, ServicePoint, ServicePointDraft, Tenant,
    TenantDraft, Unit, UnitDraft, WEEKDAYS, parse_flag,
};
pub use regions::{Region, RegionLevel, find_region, level_of_code, regions};
pub use service::{OpeningHours, ServicePointRules, min_staff_range};
pub use tree::{TreeError, UnitNode, UnitTree};

/// Level of a regional government (*tingkat Pemda*).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TenantLevel {
    /// Pemerintah Provinsi.
    Provinsi,
    /// Pemerintah Kabupaten.
    Kabupaten,
    /// Pemerintah Kota.
    Kota,
}

impl TenantLevel {
    /// Every level.
    pub const ALL: [TenantLevel; 3] = [TenantLevel::Provinsi, TenantLevel::Kabupaten, TenantLevel::Kota];

    /// Stable text code.
    pub fn code(self) -> &'static str {
        match self {
            TenantLevel::Provinsi => "provinsi",
            TenantLevel::Kabupaten => "kabupaten",
            TenantLevel::Kota => "kota",
        }
    }

    /// Parses a code written by [`TenantLevel::code`].
    pub fn parse(code: &str) -> Option<TenantLevel> {
        TenantLevel::ALL.into_iter().find(|it| it.code() == code.trim().to_lowercase())
    }
}

/// Kind of organisational unit (*jenis perangkat daerah* and the units beneath them).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnitKind {
    /// Sekretariat Daerah.
    SekretariatDaerah,
    /// Sekretariat DPRD.
    SekretariatDprd,
    /// Inspektorat.
    Inspektorat,
    /// Badan (Bappeda, BKPSDM, Bapenda, …).
    Badan,
    /// Dinas.
    Dinas,
    /// Satuan Polisi Pamong Praja.
    SatpolPp,
    /// Kecamatan (kabupaten/kota only).
    Kecamatan,
    /// Kelurahan, under a kecamatan.
    Kelurahan,
    /// Unit Pelaksana Teknis (UPT/UPTD): Samsat, Puskesmas, …
    Upt,
    /// Rumah Sakit Umum Daerah.
    Rsud,
    /// Bagian of the Sekretariat Daerah, or a bidang of an agency.
    Bagian,
    /// Anything else.
    Lainnya,
}

impl UnitKind {
    /// Every kind, in the order of the register.
    pub const ALL: [UnitKind; 12] = [
        UnitKind::SekretariatDaerah,
        UnitKind::SekretariatDprd,
        UnitKind::Inspektorat,
        UnitKind::Badan,
        UnitKind::Dinas,
        UnitKind::SatpolPp,
        UnitKind::Kecamatan,
        UnitKind::Kelurahan,
        UnitKind::Upt,
        UnitKind::Rsud,
        UnitKind::Bagian,
        UnitKind::Lainnya,
    ];

    /// Stable text code.
    pub fn code(self) -> &'static str {
        match self {
            UnitKind::SekretariatDaerah => "sekretariat_daerah",
            UnitKind::SekretariatDprd => "sekretariat_dprd",
            UnitKind::Inspektorat => "inspektorat",
            UnitKind::Badan => "badan",
            UnitKind::Dinas => "dinas",
            UnitKind::SatpolPp => "satpol_pp",
            UnitKind::Kecamatan => "kecamatan",
            UnitKind::Kelurahan => "kelurahan",
            UnitKind::Upt => "upt",
            UnitKind::Rsud => "rsud",
            UnitKind::Bagian => "bagian",
            UnitKind::Lainnya => "lainnya",
        }
    }

    /// Parses a code written by [`UnitKind::code`].
    pub fn parse(code: &str) -> Option<UnitKind> {
        let code = code.trim().to_lowercase();
        UnitKind::ALL.into_iter().find(|it| it.code() == code)
    }

    /// Whether a Pemda of this level can have such a unit.
    // Source: PP 18/2016, Pasal 5 (Perangkat Daerah provinsi have no Kecamatan; kabupaten/kota do).
    pub fn allowed_in(self, level: TenantLevel) -> bool {
        let local_only = matches!(self, UnitKind::Kecamatan | UnitKind::Kelurahan);
        !(local_only && level == TenantLevel::Provinsi)
    }
}

/// Limits on unit text fields, shared by forms, API and imports.
pub mod limits {
    /// Longest official name accepted.
    pub const NAME_MAX: usize = 200;
    /// Longest abbreviation accepted.
    pub const SHORT_NAME_MAX: usize = 40;
    /// Most aliases per unit.
    pub const ALIASES_MAX: usize = 20;
}

/// Normalises an abbreviation or alias for matching: case, dashes, dots and spaces do not matter, so that
/// "DPM-PTSP", "DPM PTSP" and "dpmptsp" are the same key.
pub fn alias_key(raw: &str) -> String {
    raw.chars().filter(|it| it.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Checks a tenant id: it leads every key and may appear in host names and file names, so it is a short slug.
// Choice: 3 to 40 characters of a-z, 0-9 and '-', not starting or ending with '-' (docs/ARCHITECTURE.md, tenancy).
pub fn check_tenant_id(raw: &str) -> Result<crate::ids::TenantId, crate::problems::Problem> {
    let fits = (3..=40).contains(&raw.len())
        && raw.bytes().all(|it| it.is_ascii_lowercase() || it.is_ascii_digit() || it == b'-')
        && !raw.starts_with('-')
        && !raw.ends_with('-');
    if fits {
        Ok(crate::ids::TenantId::new(raw))
    } else {
        Err(crate::problems::Problem::Malformed { given: raw.to_owned() })
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_documents;
