//! The minute job's part for the watch list: for every Pemda, the running quarter's list as the pages compute it is
//! written into the history (`episodes`), and decisions whose plan is overdue are escalated to their leader.

use std::collections::BTreeMap;

use domain::scorecards::period::ScorePeriod;
use domain::surveys::{Period, PeriodKind};

use super::reader::Reader;
use super::{cards, decisions, episodes, watch};
use crate::{ActionCx, Actor, Db, IdSource, StoreError};

/// What one sweep did, over every tenant.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SweepReport {
    /// Units that came on a list.
    pub entered: usize,
    /// Units that left one.
    pub left: usize,
    /// Decisions escalated.
    pub escalated: usize,
}

/// Sweeps every tenant; one failing tenant is logged and does not stop the others.
pub async fn run(db: &Db, ids: &dyn IdSource, now: jiff::Timestamp) -> Result<SweepReport, StoreError> {
    let tenants = {
        let mut conn = db.conn().await?;
        crate::org::queries::list_tenants(&mut conn).await?
    };
    let mut report = SweepReport::default();
    for tenant in tenants {
        let cx = ActionCx { db, tenant: &tenant.id, actor: Actor::System("watch-job"), now, ids };
        match sweep_tenant(&cx).await {
            Ok(one) => {
                report.entered += one.entered;
                report.left += one.left;
                report.escalated += one.escalated;
            }
            Err(err) => tracing::warn!(tenant = %tenant.id, error = %err, "watch job failed for a tenant"),
        }
    }
    Ok(report)
}

/// Sweeps one tenant.
pub async fn sweep_tenant(cx: &ActionCx<'_>) -> Result<SweepReport, StoreError> {
    let data = cx.db.tenant_data(cx.tenant).await?;
    let today = data.tenant.zone.local_date(cx.now);
    let period = ScorePeriod::Span(Period::containing(PeriodKind::Quarter, today));
    let listed = {
        let mut conn = cx.db.conn().await?;
        let mut reader = Reader::cached(&mut conn, cx.db, cx.tenant).await?;
        let cards = cards::load_cards(&mut reader, cx.tenant, &data.tree, period, today).await?;
        let (rules, _) = watch::load_rules(reader.conn(), cx.tenant).await?;
        watch::list_watched(&mut reader, &data.calendar, cx.tenant, &rules, &cards).await?
    };
    let codes: BTreeMap<_, Vec<String>> =
        listed.into_iter().map(|(unit, fired)| (unit, fired.into_iter().map(|it| it.code).collect())).collect();
    let moves = episodes::update_episodes(cx, &period.code(), &codes).await?;
    let escalated = decisions::escalate_overdue(cx).await?;
    Ok(SweepReport { entered: moves.entered, left: moves.left, escalated })
}

/// The rule codes that fire for `unit` in `period` as the figures stood at the end of `as_of`.
pub async fn fired_codes(
    db: &Db,
    tenant: &domain::ids::TenantId,
    unit: &domain::ids::UnitId,
    (period, as_of): (ScorePeriod, jiff::civil::Date),
) -> Result<Vec<String>, StoreError> {
    let data = db.tenant_data(tenant).await?;
    let mut conn = db.conn().await?;
    let mut reader = Reader::cached(&mut conn, db, tenant).await?;
    let cards = cards::load_cards(&mut reader, tenant, &data.tree, period, as_of).await?;
    let (rules, _) = watch::load_rules(reader.conn(), tenant).await?;
    let mut listed = watch::list_watched(&mut reader, &data.calendar, tenant, &rules, &cards).await?;
    Ok(listed.remove(unit).unwrap_or_default().into_iter().map(|it| it.code).collect())
}
