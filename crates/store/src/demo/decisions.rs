//! The leader's decisions of the demo year, taken by `sekda` through the ordinary action on days before the load:
//! guidance for the population office (its plan now overdue, so the minute job escalates it after start), an
//! examination request for the municipal police after the news (opening a preliminary review), and "no action" with a
//! reason for a district office whose index fell during a renovation. The transport office and the revenue office
//! (its own tax indicator short of target), also listed, are left for the reader to decide about.

use domain::ids::{UnitId, UserId};
use domain::scorecards::decisions::{RawDecision, shipped};
use domain::scorecards::period::ScorePeriod;
use domain::surveys::{Period, PeriodKind};
use jiff::ToSpan;

use crate::scorecards::decisions::{NewDecision, record};
use crate::scorecards::sweep::fired_codes;
use crate::{ActionCx, Actor, StoreError};

/// Days before the load, unit code, kind, note.
const DECISIONS: [(i64, &str, &str, &str); 3] = [
    (
        24,
        "DISDUKCAPIL",
        "pembinaan",
        "Ketepatan waktu jawaban pertama terus turun. Kepala dinas diminta menata ulang pembagian petugas loket \
         dan piket pengaduan, dengan laporan mingguan kepada Sekda.",
    ),
    (
        3,
        "SATPOL-PP",
        "pemeriksaan",
        "Dua pemberitaan tentang dugaan pungutan liar oleh petugas dalam sebulan. Inspektorat diminta memeriksa \
         kebenarannya dan melaporkan hasil telaah awal.",
    ),
    (
        6,
        "KEC-PAMULANG",
        "tanpa_tindakan",
        "IKM turun terutama pada unsur sarana selama renovasi ruang PATEN; renovasi selesai bulan ini. Dinilai \
         ulang pada triwulan berikutnya.",
    ),
];

/// Records the decisions as the demo's leader.
pub(super) async fn load(cx: &ActionCx<'_>) -> Result<(), StoreError> {
    let data = cx.db.tenant_data(cx.tenant).await?;
    let sekda = {
        let mut conn = cx.db.conn().await?;
        crate::people::queries::find_login(&mut conn, cx.tenant, "sekda").await?.ok_or(StoreError::NotFound)?.id
    };
    for (days_ago, code, kind, note) in DECISIONS {
        let Some(unit) = data.units.iter().find(|it| it.draft.code == code) else { continue };
        // Timestamps do not take calendar days; the demo's days are whole 24-hour spans back from the load.
        let now = cx.now.checked_sub((days_ago * 24).hours()).unwrap_or(cx.now);
        let day = data.tenant.zone.local_date(now);
        let period = ScorePeriod::Span(Period::containing(PeriodKind::Quarter, day));
        let reasons = fired_codes(cx.db, cx.tenant, &UnitId::new(unit.id.as_str().to_owned()), (period, day)).await?;
        let leader =
            ActionCx { db: cx.db, tenant: cx.tenant, actor: Actor::User(UserId::new(sekda.clone())), now, ids: cx.ids };
        let new = NewDecision {
            unit_id: unit.id.as_str().to_owned(),
            period: period.code(),
            reasons,
            raw: RawDecision { kind: kind.to_owned(), note: note.to_owned() },
            owner_id: None,
            signer_office: Some("Sekretaris Daerah".to_owned()),
        };
        record(&leader, shipped(), &new).await?;
    }
    Ok(())
}
