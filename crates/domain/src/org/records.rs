//! The tenant, unit and service-point records, and the parsing of their raw input (form, API, CSV/XLSX row) into
//! valid drafts.

use jiff::civil::{Time, Weekday};

use crate::calendar::Zone;
use crate::ids::{ServicePointId, TenantId, UnitId};
use crate::org::{OpeningHours, ServicePointRules, TenantLevel, UnitKind, alias_key, find_region, limits};
use crate::problems::{FieldProblem, Problem, Problems, optional_text, required_text};

/// A Pemda as configured in Pantau.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tenant {
    /// Id, immutable.
    pub id: TenantId,
    /// Official name ("Pemerintah Kota Tangerang Selatan").
    pub name: String,
    /// Level.
    pub level: TenantLevel,
    /// Kemendagri code of the region (digits).
    pub region_code: String,
    /// Default time zone of its units.
    pub zone: Zone,
    /// Host name that selects this tenant on an installation serving several Pemda, such as
    /// `pantau.bontangkota.go.id`.
    pub host: Option<String>,
}

/// Raw tenant settings as typed.
#[derive(Clone, Debug, Default)]
pub struct RawTenant {
    /// Name.
    pub name: String,
    /// Level code.
    pub level: String,
    /// Region code, with or without dots.
    pub region_code: String,
    /// Zone name.
    pub zone: String,
    /// Host name, empty for none.
    pub host: String,
}

/// Valid tenant settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TenantDraft {
    /// Name.
    pub name: String,
    /// Level.
    pub level: TenantLevel,
    /// Region code, digits only.
    pub region_code: String,
    /// Zone.
    pub zone: Zone,
    /// Host name, lower-case, without scheme or port.
    pub host: Option<String>,
}

impl RawTenant {
    /// Validates the settings: the region code must exist and match the level.
    pub fn parse(&self) -> Result<TenantDraft, Vec<FieldProblem>> {
        let mut problems = Problems::default();
        let name = required_text(&mut problems, "name", &self.name, limits::NAME_MAX);
        let level = TenantLevel::parse(&self.level);
        if level.is_none() {
            problems.add("level", Problem::UnknownCode { given: self.level.clone() });
        }
        let region = find_region(&self.region_code);
        let level_fits = match (region, level) {
            (Some(region), Some(level)) => {
                use crate::org::RegionLevel as R;
                matches!(
                    (region.level, level),
                    (R::Provinsi, TenantLevel::Provinsi)
                        | (R::Kabupaten, TenantLevel::Kabupaten)
                        | (R::Kota, TenantLevel::Kota)
                )
            }
            _ => true,
        };
        if region.is_none() || !level_fits {
            problems.add("region_code", Problem::NotFound { given: self.region_code.clone() });
        }
        let zone = parse_zone(&mut problems, "zone", &self.zone);
        let host = parse_host(&mut problems, &self.host);
        problems.finish(|| TenantDraft {
            name,
            level: level.unwrap_or(TenantLevel::Kota),
            region_code: region.map(|it| it.code.clone()).unwrap_or_default(),
            zone: zone.unwrap_or(Zone::Wib),
            host,
        })
    }
}

/// A host name as browsers send it in `Host`: labels of letters, digits and '-', joined by dots, lower-cased.
// Choice: no scheme, path or port; a tenant is chosen by name only (RFC 1123 labels, at most 253 characters).
fn parse_host(problems: &mut Problems, raw: &str) -> Option<String> {
    let host = raw.trim().trim_end_matches('.').to_lowercase();
    if host.is_empty() {
        return None;
    }
    let label_ok = |label: &str| {
        (1..=63).contains(&label.len())
            && label.bytes().all(|it| it.is_ascii_alphanumeric() || it == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    if host.len() <= 253 && host.split('.').all(label_ok) {
        Some(host)
    } else {
        problems.add("host", Problem::Malformed { given: raw.trim().to_owned() });
        None
    }
}

/// A unit of the tenant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// Id, immutable.
    pub id: UnitId,
    /// Valid content.
    pub draft: UnitDraft,
    /// Parent unit id.
    pub parent_id: Option<UnitId>,
}

/// Raw unit fields as typed in a form, an API body or a CSV/XLSX row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawUnit {
    /// Unit code, unique within the tenant.
    pub code: String,
    /// Code of the parent unit, empty for a top-level unit.
    pub parent_code: String,
    /// Kind code.
    pub kind: String,
    /// Official name.
    pub name: String,
    /// Main abbreviation.
    pub short_name: String,
    /// Other names, separated by `;` or new lines.
    pub aliases: String,
    /// Zone; empty means the tenant's.
    pub zone: String,
    /// "ya"/"tidak" (or 1/0, true/false, yes/no): whether the unit is closed on cuti bersama.
    pub observes_cuti_bersama: String,
    /// "ya"/"tidak": whether the unit is active.
    pub is_active: String,
}

/// Valid unit content; the parent is still a code, resolved by the caller against the register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitDraft {
    /// Unit code.
    pub code: String,
    /// Parent code, if any.
    pub parent_code: Option<String>,
    /// Kind.
    pub kind: UnitKind,
    /// Official name.
    pub name: String,
    /// Main abbreviation.
    pub short_name: Option<String>,
    /// Other names, de-duplicated by [`alias_key`].
    pub aliases: Vec<String>,
    /// Zone.
    pub zone: Zone,
    /// Closed on cuti bersama.
    pub observes_cuti_bersama: bool,
    /// Active.
    pub is_active: bool,
}

impl RawUnit {
    /// Validates the fields for a tenant of this level and default zone; returns every problem found.
    pub fn parse(&self, level: TenantLevel, default_zone: Zone) -> Result<UnitDraft, Vec<FieldProblem>> {
        let mut problems = Problems::default();
        let code = required_text(&mut problems, "code", &self.code, limits::SHORT_NAME_MAX);
        if !code.is_empty() && !code.chars().all(|it| it.is_ascii_alphanumeric() || "-_.".contains(it)) {
            problems.add("code", Problem::Malformed { given: code.clone() });
        }
        let parent_code = optional_text(&mut problems, "parent_code", &self.parent_code, limits::SHORT_NAME_MAX);
        if parent_code.as_deref().is_some_and(|it| it.eq_ignore_ascii_case(&code)) {
            problems.add("parent_code", Problem::Cycle);
        }
        let kind = UnitKind::parse(&self.kind);
        match kind {
            None => problems.add("kind", Problem::UnknownCode { given: self.kind.clone() }),
            Some(kind) if !kind.allowed_in(level) => problems.add("kind", Problem::NotAllowedForLevel),
            Some(_) => {}
        }
        let name = required_text(&mut problems, "name", &self.name, limits::NAME_MAX);
        let short_name = optional_text(&mut problems, "short_name", &self.short_name, limits::SHORT_NAME_MAX);
        let aliases = parse_aliases(&mut problems, &self.aliases, &name, short_name.as_deref());
        let zone = if self.zone.trim().is_empty() {
            Some(default_zone)
        } else {
            parse_zone(&mut problems, "zone", &self.zone)
        };
        let observes = parse_flag(&mut problems, "observes_cuti_bersama", &self.observes_cuti_bersama, true);
        let is_active = parse_flag(&mut problems, "is_active", &self.is_active, true);
        problems.finish(|| UnitDraft {
            code,
            parent_code,
            kind: kind.unwrap_or(UnitKind::Lainnya),
            name,
            short_name,
            aliases,
            zone: zone.unwrap_or(default_zone),
            observes_cuti_bersama: observes,
            is_active,
        })
    }
}

fn parse_aliases(problems: &mut Problems, raw: &str, name: &str, short_name: Option<&str>) -> Vec<String> {
    let mut keys = vec![alias_key(name)];
    keys.extend(short_name.map(alias_key));
    let mut out = Vec::new();
    for alias in raw.split([';', '\n']).map(str::trim).filter(|it| !it.is_empty()) {
        if alias.chars().count() > limits::NAME_MAX {
            problems.add("aliases", Problem::TooLong { max: limits::NAME_MAX });
            continue;
        }
        let key = alias_key(alias);
        if !key.is_empty() && !keys.contains(&key) {
            keys.push(key);
            out.push(alias.to_owned());
        }
    }
    if out.len() > limits::ALIASES_MAX {
        problems.add("aliases", Problem::OutOfRange { min: 0, max: limits::ALIASES_MAX as i64 });
    }
    out
}

/// Parses a yes/no field in Indonesian or English; empty gives `default`.
pub fn parse_flag(problems: &mut Problems, field: &'static str, raw: &str, default: bool) -> bool {
    match raw.trim().to_lowercase().as_str() {
        "" => default,
        "ya" | "y" | "yes" | "1" | "true" | "on" => true,
        "tidak" | "t" | "no" | "n" | "0" | "false" | "off" => false,
        other => {
            problems.add(field, Problem::UnknownCode { given: other.to_owned() });
            default
        }
    }
}

fn parse_zone(problems: &mut Problems, field: &'static str, raw: &str) -> Option<Zone> {
    let zone = Zone::parse(raw).ok();
    if zone.is_none() {
        problems.add(field, Problem::UnknownCode { given: raw.to_owned() });
    }
    zone
}

/// A service point of a unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServicePoint {
    /// Id.
    pub id: ServicePointId,
    /// Owning unit.
    pub unit_id: UnitId,
    /// Counter or desk name.
    pub name: String,
    /// Minimum staff on duty during service hours.
    pub min_staff: u32,
    /// Weekly hours, at most one range per weekday.
    pub hours: Vec<OpeningHours>,
}

/// Raw service-point fields: name, minimum staff, and per weekday (Monday first) the opening and closing time
/// as `HH:MM` (both empty when closed).
#[derive(Clone, Debug, Default)]
pub struct RawServicePoint {
    /// Name.
    pub name: String,
    /// Minimum staff.
    pub min_staff: String,
    /// Opening times, Monday to Sunday.
    pub opens: [String; 7],
    /// Closing times, Monday to Sunday.
    pub closes: [String; 7],
}

/// Field names of the weekday time inputs, Monday first.
pub const OPENS_FIELDS: [&str; 7] = ["opens_1", "opens_2", "opens_3", "opens_4", "opens_5", "opens_6", "opens_7"];
/// Field names of the weekday closing inputs, Monday first.
pub const CLOSES_FIELDS: [&str; 7] =
    ["closes_1", "closes_2", "closes_3", "closes_4", "closes_5", "closes_6", "closes_7"];

/// Weekdays, Monday first.
pub const WEEKDAYS: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

/// Valid service-point content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServicePointDraft {
    /// Name.
    pub name: String,
    /// Minimum staff.
    pub min_staff: u32,
    /// Weekly hours.
    pub hours: Vec<OpeningHours>,
}

impl RawServicePoint {
    /// Validates the fields.
    pub fn parse(&self) -> Result<ServicePointDraft, Vec<FieldProblem>> {
        let mut problems = Problems::default();
        let name = required_text(&mut problems, "name", &self.name, limits::NAME_MAX);
        let range = crate::org::min_staff_range();
        let min_staff = match self.min_staff.trim().parse::<u32>() {
            Ok(n) if range.contains(&n) => n,
            _ => {
                let (min, max) = (i64::from(*range.start()), i64::from(*range.end()));
                problems.add("min_staff", Problem::OutOfRange { min, max });
                1
            }
        };
        let mut hours = Vec::new();
        for idx in 0..7 {
            let (opens, closes) = (self.opens[idx].trim(), self.closes[idx].trim());
            if opens.is_empty() && closes.is_empty() {
                continue;
            }
            let opens_at = parse_time(&mut problems, OPENS_FIELDS[idx], opens);
            let closes_at = parse_time(&mut problems, CLOSES_FIELDS[idx], closes);
            if let (Some(opens_at), Some(closes_at)) = (opens_at, closes_at) {
                match OpeningHours::new(WEEKDAYS[idx], opens_at, closes_at) {
                    Some(it) => hours.push(it),
                    None => problems.add(CLOSES_FIELDS[idx], Problem::Malformed { given: closes.to_owned() }),
                }
            }
        }
        debug_assert!(ServicePointRules::schedule_is_valid(&hours));
        problems.finish(|| ServicePointDraft { name, min_staff, hours })
    }
}

fn parse_time(problems: &mut Problems, field: &'static str, raw: &str) -> Option<Time> {
    let parsed = raw.replace('.', ":").parse::<Time>().ok();
    if parsed.is_none() {
        problems.add(field, Problem::Malformed { given: raw.to_owned() });
    }
    parsed
}
