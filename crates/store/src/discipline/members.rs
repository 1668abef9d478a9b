//! Who may read a case besides the personnel unit and the inspectorate: the examination team and the authorised
//! officials, each added by username and audited.

use domain::ids::TenantId;
use domain::problems::{Problem, Problems};
use serde_json::json;

use crate::audit::{self, Change};
use crate::{ActionCx, Conn, StoreError};

/// Gives an account access to a case as a member of the examination team or as the authorised official.
pub async fn add_member(cx: &ActionCx<'_>, id: &str, username: &str, role: &str) -> Result<(), StoreError> {
    let mut problems = Problems::default();
    if role != "team" && role != "official" {
        problems.add("role", Problem::UnknownCode { given: role.to_owned() });
    }
    let mut tx = cx.db.begin_write().await?;
    let user: Option<(String,)> =
        sqlx::query_as("SELECT id FROM user_account WHERE tenant_id = $1 AND username = $2 AND is_active = 1")
            .bind(cx.tenant.as_str())
            .bind(username.trim().to_lowercase())
            .fetch_optional(&mut *tx)
            .await?;
    if user.is_none() {
        problems.add("username", Problem::NotFound { given: username.trim().to_owned() });
    }
    problems.finish(|| ()).map_err(StoreError::Invalid)?;
    let user_id = user.map(|it| it.0).unwrap_or_default();
    sqlx::query(
        "INSERT INTO discipline_member (tenant_id, case_id, user_id, role) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, case_id, user_id, role) DO NOTHING",
    )
    .bind(cx.tenant.as_str())
    .bind(id)
    .bind(&user_id)
    .bind(role)
    .execute(&mut *tx)
    .await?;
    let change = Change {
        action: "discipline_case.member",
        entity_type: "discipline_case",
        entity_id: id.to_owned(),
        before: None,
        after: Some(json!({ "user_id": user_id, "role": role })),
    };
    audit::append(&mut tx, cx, change).await?;
    tx.commit().await?;
    Ok(())
}

/// Cases an account is a member of.
pub async fn list_cases_of_member(
    conn: &mut Conn,
    tenant: &TenantId,
    user_id: &str,
) -> Result<Vec<String>, StoreError> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT DISTINCT case_id FROM discipline_member WHERE tenant_id = $1 AND user_id = $2")
            .bind(tenant.as_str())
            .bind(user_id)
            .fetch_all(&mut *conn)
            .await?;
    Ok(rows.into_iter().map(|it| it.0).collect())
}
