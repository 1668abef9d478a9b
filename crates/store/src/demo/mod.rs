//! The demo Pemda: a kota with its agencies, service points, staff accounts for every role and a regional holiday,
//! loaded through the ordinary actions so that it carries its own audit trail.
//!
//! All people and account names are invented; the unit names follow the usual Perangkat Daerah of a kota.

mod decisions;
mod discipline;
mod documents;
mod history;
mod indicators;
mod news;
mod surveys;
pub mod units;

use domain::ids::TenantId;
use domain::org::{RawServicePoint, RawTenant};
use domain::people::RawUser;
use jiff::Timestamp;

use crate::{ActionCx, Actor, Db, IdSource, Refusal, StoreError};

/// The tenant id of the demo Pemda.
pub const DEMO_TENANT: &str = "demo-tangsel";

/// The password of every demo account; printed at start-up, never to be used in production.
pub const DEMO_PASSWORD: &str = "pantau-demo-2026";

/// A demo account for the start-up banner.
#[derive(Clone, Debug)]
pub struct DemoAccount {
    /// Login name.
    pub username: &'static str,
    /// Role code.
    pub role: &'static str,
    /// Unit code the role is scoped to, if any.
    pub unit_code: Option<&'static str>,
}

/// The demo accounts, one per role, and a second unit head for a unit the demo year puts on the watch list.
pub const DEMO_ACCOUNTS: [DemoAccount; 7] = [
    DemoAccount { username: "admin", role: "administrator", unit_code: None },
    DemoAccount { username: "sekda", role: "leader", unit_code: None },
    DemoAccount { username: "inspektur", role: "inspector", unit_code: None },
    DemoAccount { username: "bkpsdm", role: "personnel_officer", unit_code: None },
    DemoAccount { username: "kadis.dpmptsp", role: "unit_head", unit_code: Some("DPMPTSP") },
    DemoAccount { username: "operator.dpmptsp", role: "operator", unit_code: Some("DPMPTSP") },
    DemoAccount { username: "kadis.dishub", role: "unit_head", unit_code: Some("DISHUB") },
];

const DEMO_NAMES: [&str; 7] = [
    "Rina Kartikasari",
    "Drs. Hendra Wiratama, M.Si.",
    "Yusuf Harahap, S.E., Ak.",
    "Dewi Anggraeni, S.Sos.",
    "Bambang Suryadi, S.T., M.M.",
    "Siti Nurhaliza Putri",
    "Agus Prasetyo, S.T., M.T.",
];

/// Kemendagri code of the demo kota (Kota Tangerang Selatan).
pub const DEMO_REGION: &str = "36.74";

/// Loads the demo Pemda when the database holds no tenant; returns whether it loaded.
pub async fn load_if_empty(db: &Db, ids: &dyn IdSource, now: Timestamp) -> Result<bool, StoreError> {
    {
        let mut conn = db.conn().await?;
        if !crate::org::queries::list_tenants(&mut conn).await?.is_empty() {
            return Ok(false);
        }
    }
    let tenant = TenantId::new(DEMO_TENANT);
    let cx = ActionCx { db, tenant: &tenant, actor: Actor::System("demo"), now, ids };
    let raw = RawTenant {
        name: "Pemerintah Kota Tangerang Selatan (demo)".to_owned(),
        level: "kota".to_owned(),
        region_code: DEMO_REGION.to_owned(),
        zone: "Asia/Jakarta".to_owned(),
        host: String::new(),
    };
    let draft = raw.parse().map_err(StoreError::Invalid)?;
    let tenant_record = crate::org::actions::create_tenant(&cx, draft).await?;
    let rows = units::rows(tenant_record.level, tenant_record.zone)?;
    let rows = rows.into_iter().map(|(row, draft)| crate::org::actions::ImportRow::valid(row, draft)).collect();
    crate::org::actions::import_units(&cx, rows).await.map_err(not_valid("units"))?;
    load_service_points(&cx).await?;
    load_accounts(&cx).await?;
    load_calendar(&cx).await?;
    surveys::load(&cx).await?;
    discipline::load(&cx).await?;
    documents::load(&cx).await?;
    Ok(true)
}

/// Loads the demo Pemda with a year of history (complaints, letters and news dated back from `now`) when the
/// database holds no tenant; returns whether it loaded. `serve --demo` and `pantau demo` use this; tests take the
/// lean demo of [`load_if_empty`] and add the history only where they need it.
pub async fn load_full_if_empty(db: &Db, ids: &dyn IdSource, now: Timestamp) -> Result<bool, StoreError> {
    let loaded = load_if_empty(db, ids, now).await?;
    if loaded {
        load_history(db, ids, now).await?;
    }
    Ok(loaded)
}

/// Adds the year of history to a loaded demo.
pub async fn load_history(db: &Db, ids: &dyn IdSource, now: Timestamp) -> Result<(), StoreError> {
    let tenant = TenantId::new(DEMO_TENANT);
    let cx = ActionCx { db, tenant: &tenant, actor: Actor::System("demo"), now, ids };
    history::load(&cx).await?;
    news::load(&cx).await?;
    indicators::load(&cx).await?;
    decisions::load(&cx).await
}

/// A small deterministic generator, so the demo looks the same on every start.
pub(super) struct Dice(pub u64);

impl Dice {
    /// A number below `below`.
    pub fn next(&mut self, below: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below.max(1)
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next(100) < percent
    }
}

async fn load_service_points(cx: &ActionCx<'_>) -> Result<(), StoreError> {
    let units = {
        let mut conn = cx.db.conn().await?;
        crate::org::queries::list_units(&mut conn, cx.tenant).await?
    };
    for (code, name, min_staff, saturday) in units::SERVICE_POINTS {
        let Some(unit) = units.iter().find(|it| it.draft.code == code) else { continue };
        let mut raw =
            RawServicePoint { name: name.to_owned(), min_staff: min_staff.to_string(), ..RawServicePoint::default() };
        for day in 0..5 {
            raw.opens[day] = "08:00".to_owned();
            raw.closes[day] = if day == 4 { "15:30" } else { "15:00" }.to_owned();
        }
        if saturday {
            raw.opens[5] = "08:00".to_owned();
            raw.closes[5] = "12:00".to_owned();
        }
        let draft = raw.parse().map_err(StoreError::Invalid)?;
        crate::org::actions::save_service_point(cx, &unit.id, None, draft).await?;
    }
    Ok(())
}

async fn load_accounts(cx: &ActionCx<'_>) -> Result<(), StoreError> {
    let units = {
        let mut conn = cx.db.conn().await?;
        crate::org::queries::list_units(&mut conn, cx.tenant).await?
    };
    for (account, display_name) in DEMO_ACCOUNTS.iter().zip(DEMO_NAMES) {
        let unit_id = account
            .unit_code
            .and_then(|code| units.iter().find(|it| it.draft.code == code))
            .map(|it| it.id.to_string())
            .unwrap_or_default();
        let raw = RawUser {
            username: account.username.to_owned(),
            display_name: display_name.to_owned(),
            email: format!("{}@demo.pantau.invalid", account.username),
            password: DEMO_PASSWORD.to_owned(),
            is_active: "ya".to_owned(),
            grants: vec![(account.role.to_owned(), unit_id)],
        };
        let draft = raw.parse(true).map_err(StoreError::Invalid)?;
        crate::people::actions::create_user(cx, draft).await?;
    }
    Ok(())
}

/// Demo rows an import refuses are a fault of the demo, reported as such: `demo units do not validate: […]`.
fn not_valid(what: &'static str) -> impl FnOnce(StoreError) -> StoreError {
    move |err| match err {
        StoreError::Refused(Refusal::Rows(problems)) => {
            StoreError::Config(format!("demo {what} do not validate: {problems:?}"))
        }
        StoreError::Refused(Refusal::AttendanceRows(problems)) => {
            StoreError::Config(format!("demo {what} does not validate: {problems:?}"))
        }
        other => other,
    }
}

async fn load_calendar(cx: &ActionCx<'_>) -> Result<(), StoreError> {
    let raw = crate::calendar::actions::RawEntry {
        date: "2026-11-26".to_owned(),
        kind: "libur_daerah".to_owned(),
        effect: "add".to_owned(),
        name: "Hari Jadi Kota Tangerang Selatan (contoh demo)".to_owned(),
        legal_basis: "Contoh data demo: Keputusan Wali Kota tentang hari libur daerah".to_owned(),
    };
    crate::calendar::actions::add_entry(cx, &raw).await?;
    Ok(())
}
