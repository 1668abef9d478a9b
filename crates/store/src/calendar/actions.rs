//! Actions on the tenant's calendar entries.

use domain::calendar::{Adjustment, HolidayKind};
use domain::problems::{FieldProblem, Problem, Problems, required_text};
use jiff::civil::Date;
use serde_json::json;

use crate::audit::{self, Change};
use crate::calendar::queries::{self, CalendarEntry};
use crate::{ActionCx, StoreError};

/// Raw fields of a new calendar entry as typed.
#[derive(Clone, Debug, Default)]
pub struct RawEntry {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `libur_daerah`, `libur_nasional` or `cuti_bersama`.
    pub kind: String,
    /// `add` or `remove`.
    pub effect: String,
    /// Name of the day.
    pub name: String,
    /// Legal basis.
    pub legal_basis: String,
}

fn entry_doc(entry: &CalendarEntry) -> serde_json::Value {
    let (date, kind, removal) = match &entry.adjustment {
        Adjustment::Add(holiday) => (holiday.date, holiday.kind, false),
        Adjustment::Remove { date, kind } => (*date, *kind, true),
    };
    json!({ "date": date.to_string(), "kind": kind.code(), "is_removal": removal, "name": entry.name, "legal_basis": entry.legal_basis })
}

/// Validates raw entry fields into an adjustment.
pub fn parse_entry(raw: &RawEntry) -> Result<(Adjustment, String, String), Vec<FieldProblem>> {
    let mut problems = Problems::default();
    let date = raw.date.trim().parse::<Date>().ok();
    if date.is_none() {
        problems.add("date", Problem::Malformed { given: raw.date.clone() });
    }
    let kind = HolidayKind::parse(raw.kind.trim());
    if kind.is_none() {
        problems.add("kind", Problem::UnknownCode { given: raw.kind.clone() });
    }
    let removal = match raw.effect.trim() {
        "add" | "" => false,
        "remove" => true,
        other => {
            problems.add("effect", Problem::UnknownCode { given: other.to_owned() });
            false
        }
    };
    if removal && kind == Some(HolidayKind::RegionalHoliday) {
        problems.add("kind", Problem::NotAllowedForLevel);
    }
    let name = required_text(&mut problems, "name", &raw.name, 200);
    let legal_basis = required_text(&mut problems, "legal_basis", &raw.legal_basis, 300);
    problems.finish(|| {
        let (date, kind) = (date.unwrap_or_default(), kind.unwrap_or(HolidayKind::RegionalHoliday));
        let adjustment = if removal {
            Adjustment::Remove { date, kind }
        } else {
            let holiday = domain::calendar::Holiday {
                date,
                kind,
                name_id: name.clone(),
                name_en: name.clone(),
                source: legal_basis.clone(),
            };
            Adjustment::Add(holiday)
        };
        (adjustment, name, legal_basis)
    })
}

/// Adds an entry to the tenant's calendar.
pub async fn add_entry(cx: &ActionCx<'_>, raw: &RawEntry) -> Result<CalendarEntry, StoreError> {
    let (adjustment, name, legal_basis) = parse_entry(raw).map_err(StoreError::Invalid)?;
    let entry = CalendarEntry { id: cx.ids.new_id(), adjustment, name, legal_basis };
    let mut tx = cx.db.begin_write().await?;
    match queries::insert_entry(&mut tx, cx.tenant, &entry, cx.now_ms()).await {
        Err(StoreError::Duplicate) => {
            let problem = FieldProblem { field: "date", problem: Problem::Taken { given: raw.date.clone() } };
            return Err(StoreError::Invalid(vec![problem]));
        }
        other => other?,
    }
    let change = Change {
        action: "calendar.add",
        entity_type: "calendar_entry",
        entity_id: entry.id.clone(),
        before: None,
        after: Some(entry_doc(&entry)),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(entry)
}

/// Deletes an entry of the tenant's calendar.
pub async fn delete_entry(cx: &ActionCx<'_>, id: &str) -> Result<(), StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let entries = queries::list_entries(&mut tx, cx.tenant).await?;
    let before = entries.into_iter().find(|it| it.id == id).ok_or(StoreError::NotFound)?;
    queries::delete_entry(&mut tx, cx.tenant, id).await?;
    let change = Change {
        action: "calendar.delete",
        entity_type: "calendar_entry",
        entity_id: id.to_owned(),
        before: Some(entry_doc(&before)),
        after: None,
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(())
}
