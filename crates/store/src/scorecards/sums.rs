//! Reading the sums back: per unit and stream, over any run of days. Whole months come from the month table and
//! the loose days at either end from the day table, so a year costs twelve rows per measure.

use std::collections::BTreeMap;

use domain::ids::{TenantId, UnitId};
use domain::scorecards::facts::{Measure, Stream};
use domain::scorecards::figures::Sums;
use domain::scorecards::period::ScorePeriod;
use jiff::civil::Date;

use crate::sql::Sql;
use crate::{Conn, StoreError};

/// Sums per unit and stream.
pub type UnitSums = BTreeMap<(UnitId, Stream), Sums>;

/// Units per query before the filter is done after reading instead.
const UNITS_IN_QUERY: usize = 300;

/// The sums of the facts dated from `from` to `to` (both included), of these units or of all (`None`), of these
/// measures or of all (`None`); callers read through `reader::Reader`.
pub(crate) async fn load_measures(
    conn: &mut Conn,
    tenant: &TenantId,
    units: Option<&[UnitId]>,
    (from, to): (Date, Date),
    measures: Option<&[Measure]>,
) -> Result<UnitSums, StoreError> {
    let mut out = UnitSums::new();
    if to < from {
        return Ok(out);
    }
    let (head, months, tail) = split(from, to);
    let filter = units.filter(|it| it.len() <= UNITS_IN_QUERY);
    if let Some((first, last)) = months {
        let range = (month_code(first), month_code(last));
        let rows = read(conn, tenant, ("scorecard_month", "month"), (&range.0, &range.1), (filter, measures)).await?;
        add(&mut out, rows)?;
    }
    for (a, b) in [head, tail].into_iter().flatten() {
        let range = (a.to_string(), b.to_string());
        let rows = read(conn, tenant, ("scorecard_day", "day"), (&range.0, &range.1), (filter, measures)).await?;
        add(&mut out, rows)?;
    }
    if let Some(units) = units.filter(|it| it.len() > UNITS_IN_QUERY) {
        let keep: std::collections::BTreeSet<&UnitId> = units.iter().collect();
        out.retain(|(unit, _), _| keep.contains(unit));
    }
    Ok(out)
}

/// The measures that say what is still open on a day: deadlines passed, and met, late, or late by their deadline;
/// only these are read over all time (the others would cost a page every month of history).
pub(crate) const OPEN_MEASURES: [Measure; 4] = [Measure::Due, Measure::OnTime, Measure::Late, Measure::LateByDue];

/// The first day any sum can be dated.
pub(crate) fn history_start() -> Date {
    ScorePeriod::Month(2000, 1).first_day()
}

type Range = Option<(Date, Date)>;

/// Loose days before the first whole month, the whole months, loose days after the last whole month.
fn split(from: Date, to: Date) -> (Range, Option<(ScorePeriod, ScorePeriod)>, Range) {
    let first_month = ScorePeriod::month_of(from);
    let first_whole = if first_month.first_day() == from { first_month } else { first_month.next() };
    let last_month = ScorePeriod::month_of(to);
    let last_whole = if last_month.last_day() == to { last_month } else { last_month.previous() };
    if first_whole > last_whole {
        return (Some((from, to)), None, None);
    }
    let head = (from < first_whole.first_day()).then(|| (from, first_whole.first_day().yesterday().unwrap_or(from)));
    let tail = (to > last_whole.last_day()).then(|| (last_whole.last_day().tomorrow().unwrap_or(to), to));
    (head, Some((first_whole, last_whole)), tail)
}

fn month_code(period: ScorePeriod) -> String {
    period.code()
}

type Row = (String, String, String, i64);

async fn read(
    conn: &mut Conn,
    tenant: &TenantId,
    (table, column): (&'static str, &'static str),
    (first, last): (&str, &str),
    (units, measures): (Option<&[UnitId]>, Option<&[Measure]>),
) -> Result<Vec<Row>, StoreError> {
    if units.is_some_and(<[UnitId]>::is_empty) {
        return Ok(Vec::new());
    }
    // For named units the primary key (tenant, unit, stream, day, measure) is the way in: naming every stream lets
    // both engines seek to each stream's run of days instead of reading all of the unit's rows, and the measure test,
    // written as an expression, keeps SQLite's planner off the index by measure, which holds every unit's rows.
    let measure = if units.is_some() { "(measure || '')" } else { "measure" };
    let mut sql =
        Sql::new(&format!("SELECT unit_id, stream, measure, CAST(SUM(n) AS BIGINT) FROM {table} WHERE tenant_id = "));
    sql.bind(tenant.as_str());
    if let Some(units) = units {
        sql.push(" AND unit_id IN (").bind_list(units.iter().map(|it| it.as_str().to_owned())).push(")");
        sql.push(" AND stream IN (").bind_list(Stream::ALL.iter().map(|it| it.code().to_owned())).push(")");
    }
    sql.push(&format!(" AND {column} >= ")).bind(first.to_owned());
    sql.push(&format!(" AND {column} <= ")).bind(last.to_owned());
    if let Some(measures) = measures {
        sql.push(&format!(" AND {measure} IN (")).bind_list(measures.iter().map(|it| it.code())).push(")");
    }
    sql.push(" GROUP BY unit_id, stream, measure");
    sql.fetch_all(&mut *conn).await
}

fn add(out: &mut UnitSums, rows: Vec<Row>) -> Result<(), StoreError> {
    for (unit, stream, measure, n) in rows {
        let stream = Stream::parse(&stream).ok_or_else(|| StoreError::corrupt("scorecard_day", stream.clone()))?;
        let measure = Measure::parse(&measure).ok_or_else(|| StoreError::corrupt("scorecard_day", measure.clone()))?;
        *out.entry((UnitId::new(unit), stream)).or_default().entry(measure).or_default() += n;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn a_run_of_days_splits_into_loose_days_and_whole_months() {
        let (head, months, tail) = split(date(2026, 1, 1), date(2026, 11, 18));
        assert_eq!(head, None);
        assert_eq!(months.map(|(a, b)| (a.code(), b.code())), Some(("2026-01".into(), "2026-10".into())));
        assert_eq!(tail, Some((date(2026, 11, 1), date(2026, 11, 18))));
        let (head, months, tail) = split(date(2026, 11, 5), date(2026, 11, 18));
        assert_eq!((head, months, tail), (Some((date(2026, 11, 5), date(2026, 11, 18))), None, None));
        let (head, months, tail) = split(date(2026, 10, 20), date(2026, 12, 31));
        assert_eq!(head, Some((date(2026, 10, 20), date(2026, 10, 31))));
        assert_eq!(months.map(|(a, b)| (a.code(), b.code())), Some(("2026-11".into(), "2026-12".into())));
        assert_eq!(tail, None);
    }
}
