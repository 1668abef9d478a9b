//! The units' own indicators of the demo year, kept by their heads through the ordinary actions: the revenue
//! office's land and building tax collection (summed rupiah), which has fallen to about 70 % of its target in the
//! running quarter and so puts the office on the watch list for that reason alone; the licensing office's share of
//! licences issued on time (averaged, met); the population office's days to issue an identity card (lower is
//! better, met). The running month has its target and no realisation yet, as in a real office.

use domain::ids::UnitId;
use jiff::ToSpan;

use super::Dice;
use crate::scorecards::indicators::{MonthEntry, NewIndicator, define, save_months};
use crate::{ActionCx, StoreError};

/// Unit code, code, name, unit of measure, polarity, aggregation, monthly target, share reached before the running
/// quarter, share reached in it.
type Spec = (&'static str, &'static str, &'static str, &'static str, &'static str, &'static str, f64, f64, f64);

const INDICATORS: [Spec; 3] = [
    ("BAPENDA", "pbb-p2", "Penerimaan PBB-P2", "rupiah", "naik", "jumlah", 4_500_000_000.0, 0.97, 0.70),
    (
        "DPMPTSP",
        "izin-tepat",
        "Izin terbit tepat waktu sesuai standar pelayanan",
        "%",
        "naik",
        "rata_rata",
        95.0,
        0.99,
        0.98,
    ),
    ("DISDUKCAPIL", "ktp-hari", "Rata-rata hari kerja penerbitan KTP-el", "hari", "turun", "rata_rata", 1.0, 1.0, 0.9),
];

/// Defines the indicators and fills the last twelve months.
pub(super) async fn load(cx: &ActionCx<'_>) -> Result<(), StoreError> {
    let data = cx.db.tenant_data(cx.tenant).await?;
    let today = data.tenant.zone.local_date(cx.now);
    let quarter_start = (today.year(), (today.month() - 1) / 3 * 3 + 1);
    let mut dice = Dice(17);
    for (unit_code, code, name, measure_unit, polarity, aggregation, target, before, during) in INDICATORS {
        let Some(unit) = data.units.iter().find(|it| it.draft.code == unit_code) else { continue };
        let new = NewIndicator {
            unit_id: unit.id.as_str().to_owned(),
            code: code.to_owned(),
            name: name.to_owned(),
            measure_unit: measure_unit.to_owned(),
            polarity: polarity.to_owned(),
            aggregation: aggregation.to_owned(),
        };
        define(cx, &new).await?;
        let mut entries = Vec::new();
        for back in (0..12).rev() {
            let day = today.checked_sub(back.months()).unwrap_or(today);
            let month = (day.year(), day.month());
            let share = if month >= quarter_start { during } else { before };
            // A few points either way, so the months do not look typed by a machine.
            let wobble = 1.0 + (dice.next(7) as f64 - 3.0) / 100.0;
            let actual = if polarity == "turun" { target * (2.0 - share * wobble) } else { target * share * wobble };
            let actual = (back > 0).then_some((actual * 100.0).round() / 100.0);
            entries.push(MonthEntry { code: code.to_owned(), month, target: Some(target), actual });
        }
        save_months(cx, &UnitId::new(unit.id.as_str().to_owned()), &entries, false).await?;
    }
    Ok(())
}
