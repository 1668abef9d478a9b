//! Actions on tenants, units and service points: each is one transaction with its audit entries.

use std::collections::HashMap;

use domain::ids::{ServicePointId, UnitId};
use domain::org::{ServicePoint, ServicePointDraft, Tenant, TenantDraft, Unit, UnitDraft};
use domain::people::{User, UserDraft};
use domain::problems::{FieldProblem, Problem};

use crate::audit::{self, Change};
use crate::org::queries;
use crate::org::rows::{service_point_doc, tenant_doc, unit_doc};
use crate::{ActionCx, Refusal, StoreError};

/// Creates a tenant with the given id and settings.
pub async fn create_tenant(cx: &ActionCx<'_>, draft: TenantDraft) -> Result<Tenant, StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let tenant = write_new_tenant(&mut tx, cx, draft).await?;
    tx.commit().await?;
    Ok(tenant)
}

/// Registers a new Pemda and its first administrator in one transaction: afterwards both exist, or neither.
pub async fn install(cx: &ActionCx<'_>, tenant: TenantDraft, admin: UserDraft) -> Result<(Tenant, User), StoreError> {
    // The password is hashed before the transaction opens, so the write lock is not held through Argon2.
    let (user, hash) = crate::people::actions::prepare_user(cx, admin).await?;
    let mut tx = cx.db.begin_write().await?;
    let tenant = write_new_tenant(&mut tx, cx, tenant).await?;
    let user = crate::people::actions::insert_new_user(&mut tx, cx, user, &hash).await?;
    tx.commit().await?;
    Ok((tenant, user))
}

async fn write_new_tenant(conn: &mut crate::Conn, cx: &ActionCx<'_>, draft: TenantDraft) -> Result<Tenant, StoreError> {
    if queries::find_tenant(conn, cx.tenant).await?.is_some() {
        return Err(StoreError::Duplicate);
    }
    queries::insert_tenant(conn, cx.tenant, &draft, cx.now_ms()).await?;
    let tenant = Tenant {
        id: cx.tenant.clone(),
        name: draft.name,
        level: draft.level,
        region_code: draft.region_code,
        zone: draft.zone,
        host: draft.host,
    };
    let change = Change {
        action: "tenant.create",
        entity_type: "tenant",
        entity_id: tenant.id.to_string(),
        before: None,
        after: Some(tenant_doc(&tenant)),
    };
    audit::append(conn, cx, change).await?;
    Ok(tenant)
}

/// Updates the tenant's settings.
pub async fn update_tenant(cx: &ActionCx<'_>, draft: TenantDraft) -> Result<Tenant, StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let before = queries::load_tenant(&mut tx, cx.tenant).await?;
    match queries::update_tenant(&mut tx, cx.tenant, &draft, cx.now_ms()).await {
        Err(StoreError::Duplicate) => {
            let given = draft.host.clone().unwrap_or_default();
            return Err(StoreError::Invalid(vec![FieldProblem { field: "host", problem: Problem::Taken { given } }]));
        }
        other => other?,
    }
    let after = Tenant {
        id: before.id.clone(),
        name: draft.name,
        level: draft.level,
        region_code: draft.region_code,
        zone: draft.zone,
        host: draft.host,
    };
    let change = Change {
        action: "tenant.update",
        entity_type: "tenant",
        entity_id: after.id.to_string(),
        before: Some(tenant_doc(&before)),
        after: Some(tenant_doc(&after)),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(after)
}

/// Creates a unit (`existing = None`) or updates one; refuses a taken code, an unknown parent or a cycle, as field
/// problems.
pub async fn save_unit(cx: &ActionCx<'_>, existing: Option<&UnitId>, draft: UnitDraft) -> Result<Unit, StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let units = queries::list_units(&mut tx, cx.tenant).await?;
    let before = match existing {
        Some(id) => Some(units.iter().find(|it| &it.id == id).cloned().ok_or(StoreError::NotFound)?),
        None => None,
    };
    let taken = units.iter().any(|it| it.draft.code.eq_ignore_ascii_case(&draft.code) && Some(&it.id) != existing);
    if taken {
        let problem = FieldProblem { field: "code", problem: Problem::Taken { given: draft.code } };
        return Err(StoreError::Invalid(vec![problem]));
    }
    let id = existing.cloned().unwrap_or_else(|| UnitId::new(cx.ids.new_id()));
    let rows = vec![ImportRow::valid(0, draft)];
    let planned = match plan_units(&units, rows, || id.clone()) {
        Ok(mut planned) => planned.remove(0),
        Err(problems) => return Err(StoreError::Invalid(problems.into_iter().map(|it| it.problem).collect())),
    };
    write_unit(&mut tx, cx, before.as_ref(), &planned).await?;
    tx.commit().await?;
    Ok(planned)
}

/// A problem in one row of an import file; row 1 is the header, so data starts at row 2.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// Row number in the file.
    pub row: usize,
    /// The field and what is wrong with it.
    pub problem: FieldProblem,
}

/// What an import changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    /// Units created.
    pub n_created: usize,
    /// Units changed.
    pub n_updated: usize,
    /// Rows identical to the register.
    pub n_unchanged: usize,
}

/// One row of an import file after its fields were checked: the draft, or the problems of its fields.
#[derive(Clone, Debug)]
pub struct ImportRow {
    /// Row number in the file.
    pub row: usize,
    /// The code as written, so other rows may name this row as their parent even when its other fields are wrong.
    pub code: String,
    /// The validated unit, or what is wrong with its fields.
    pub draft: Result<UnitDraft, Vec<FieldProblem>>,
}

impl ImportRow {
    /// A row whose fields are valid.
    pub fn valid(row: usize, draft: UnitDraft) -> ImportRow {
        ImportRow { row, code: draft.code.clone(), draft: Ok(draft) }
    }
}

/// Imports units matched by code: all rows or none. Refuses with the problems of every bad row
/// ([`Refusal::Rows`]), field problems and problems between rows (duplicate codes, unknown parents, cycles) together.
pub async fn import_units(cx: &ActionCx<'_>, rows: Vec<ImportRow>) -> Result<ImportOutcome, StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let units = queries::list_units(&mut tx, cx.tenant).await?;
    // A refusal returns before anything is written; dropping the transaction rolls back.
    let planned = plan_units(&units, rows, || UnitId::new(cx.ids.new_id())).map_err(Refusal::Rows)?;
    let by_id: HashMap<&UnitId, &Unit> = units.iter().map(|it| (&it.id, it)).collect();
    let mut outcome = ImportOutcome::default();
    for unit in &planned {
        let before = by_id.get(&unit.id).copied();
        match before {
            Some(before) if before.draft == unit.draft && before.parent_id == unit.parent_id => {
                outcome.n_unchanged += 1
            }
            Some(_) => outcome.n_updated += 1,
            None => outcome.n_created += 1,
        }
        write_unit(&mut tx, cx, before, unit).await?;
    }
    tx.commit().await?;
    Ok(outcome)
}

async fn write_unit(
    conn: &mut crate::Conn,
    cx: &ActionCx<'_>,
    before: Option<&Unit>,
    unit: &Unit,
) -> Result<(), StoreError> {
    let unchanged = before.is_some_and(|it| it.draft == unit.draft && it.parent_id == unit.parent_id);
    if unchanged {
        return Ok(());
    }
    match before {
        Some(_) => queries::update_unit(conn, cx.tenant, unit, cx.now_ms()).await?,
        None => queries::insert_unit(conn, cx.tenant, unit, cx.now_ms()).await?,
    }
    queries::update_aliases(conn, cx.tenant, &unit.id, &unit.draft).await?;
    let change = Change {
        action: if before.is_some() { "unit.update" } else { "unit.create" },
        entity_type: "unit",
        entity_id: unit.id.to_string(),
        before: before.map(unit_doc),
        after: Some(unit_doc(unit)),
    };
    audit::append(conn, cx, change).await?;
    Ok(())
}

/// Resolves codes to ids and parents, and checks codes and the tree; returns the units in an order where every
/// parent comes before its children.
fn plan_units(
    existing: &[Unit],
    rows: Vec<ImportRow>,
    mut new_id: impl FnMut() -> UnitId,
) -> Result<Vec<Unit>, Vec<RowProblem>> {
    let key = |code: &str| code.to_lowercase();
    let mut problems = Vec::new();
    let mut parent_of: HashMap<UnitId, Option<UnitId>> =
        existing.iter().map(|it| (it.id.clone(), it.parent_id.clone())).collect();
    let mut id_of: HashMap<String, UnitId> = existing.iter().map(|it| (key(&it.draft.code), it.id.clone())).collect();
    let mut seen_in_file: HashMap<String, usize> = HashMap::new();
    let mut assigned = Vec::new();
    for ImportRow { row, code, draft } in rows {
        let code_key = key(code.trim());
        if let Some(first) = seen_in_file.insert(code_key.clone(), row).filter(|_| !code_key.is_empty()) {
            let problem = FieldProblem {
                field: "code",
                problem: Problem::Taken { given: format!("{} (row {first})", code.trim()) },
            };
            problems.push(RowProblem { row, problem });
            continue;
        }
        let id = id_of.get(&code_key).cloned().unwrap_or_else(&mut new_id);
        id_of.insert(code_key, id.clone());
        match draft {
            Ok(draft) => assigned.push((row, id, draft)),
            Err(found) => problems.extend(found.into_iter().map(|problem| RowProblem { row, problem })),
        }
    }
    let mut planned = Vec::new();
    for (row, id, draft) in assigned {
        let parent_id = match &draft.parent_code {
            None => None,
            Some(code) => match id_of.get(&key(code)) {
                Some(parent) => Some(parent.clone()),
                None => {
                    let problem =
                        FieldProblem { field: "parent_code", problem: Problem::NotFound { given: code.clone() } };
                    problems.push(RowProblem { row, problem });
                    None
                }
            },
        };
        parent_of.insert(id.clone(), parent_id.clone());
        planned.push((row, Unit { id, draft, parent_id }));
    }
    for (row, unit) in &planned {
        if depth(&parent_of, &unit.id).is_none() {
            problems.push(RowProblem {
                row: *row,
                problem: FieldProblem { field: "parent_code", problem: Problem::Cycle },
            });
        }
    }
    if !problems.is_empty() {
        problems.sort_by_key(|it| it.row);
        return Err(problems);
    }
    let mut ordered: Vec<(usize, Unit)> =
        planned.into_iter().map(|(_, unit)| (depth(&parent_of, &unit.id).unwrap_or(0), unit)).collect();
    ordered.sort_by_key(|(depth, _)| *depth);
    Ok(ordered.into_iter().map(|(_, unit)| unit).collect())
}

/// The depth of a unit following parent links, or `None` when the links loop.
fn depth(parent_of: &HashMap<UnitId, Option<UnitId>>, unit: &UnitId) -> Option<usize> {
    let mut cursor = parent_of.get(unit).cloned().flatten();
    let mut depth = 0;
    while let Some(current) = cursor {
        if &current == unit || depth > parent_of.len() {
            return None;
        }
        depth += 1;
        cursor = parent_of.get(&current).cloned().flatten();
    }
    Some(depth)
}

/// Creates or updates a service point of a unit.
pub async fn save_service_point(
    cx: &ActionCx<'_>,
    unit: &UnitId,
    existing: Option<&ServicePointId>,
    draft: ServicePointDraft,
) -> Result<ServicePoint, StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let points = queries::list_service_points(&mut tx, cx.tenant, unit).await?;
    let before = match existing {
        Some(id) => Some(points.into_iter().find(|it| &it.id == id).ok_or(StoreError::NotFound)?),
        None => None,
    };
    let id = existing.cloned().unwrap_or_else(|| ServicePointId::new(cx.ids.new_id()));
    let point =
        ServicePoint { id, unit_id: unit.clone(), name: draft.name, min_staff: draft.min_staff, hours: draft.hours };
    match &before {
        Some(_) => queries::update_service_point(&mut tx, cx.tenant, &point, cx.now_ms()).await?,
        None => queries::insert_service_point(&mut tx, cx.tenant, &point, cx.now_ms()).await?,
    }
    queries::update_hours(&mut tx, cx.tenant, &point).await?;
    let change = Change {
        action: if before.is_some() { "service_point.update" } else { "service_point.create" },
        entity_type: "service_point",
        entity_id: point.id.to_string(),
        before: before.as_ref().map(service_point_doc),
        after: Some(service_point_doc(&point)),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(point)
}

/// Deletes a service point of a unit.
pub async fn delete_service_point(cx: &ActionCx<'_>, unit: &UnitId, id: &ServicePointId) -> Result<(), StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let points = queries::list_service_points(&mut tx, cx.tenant, unit).await?;
    let before = points.into_iter().find(|it| &it.id == id).ok_or(StoreError::NotFound)?;
    queries::delete_service_point(&mut tx, cx.tenant, id).await?;
    let change = Change {
        action: "service_point.delete",
        entity_type: "service_point",
        entity_id: id.to_string(),
        before: Some(service_point_doc(&before)),
        after: None,
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(())
}

/// The tenant a context acts on, for callers that need its level and zone.
pub async fn tenant_of(cx: &ActionCx<'_>) -> Result<Tenant, StoreError> {
    let mut conn = cx.db.conn().await?;
    queries::load_tenant(&mut conn, cx.tenant).await
}
