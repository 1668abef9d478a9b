//! Notices to staff inside Pantau: a negative article about a unit reaches the heads of that unit and of the
//! units above it, and every inspector; a leader's decision reaches the unit's heads, and its answer or its lapse
//! the leader.

use std::collections::HashSet;

use domain::ids::TenantId;

use crate::{ActionCx, Conn, StoreError};

/// A notice.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Notice {
    /// Id.
    pub id: String,
    /// `berita_negatif`.
    pub kind: String,
    /// What it is about.
    pub subject: String,
    /// Where to look.
    pub link: String,
    /// When.
    pub created_at_ms: i64,
    /// Read at, if read.
    pub read_at_ms: Option<i64>,
}

/// Writes the notices of a negative article about `unit_ids`; returns how many.
pub(crate) async fn insert_for_negative_article(
    conn: &mut Conn,
    cx: &ActionCx<'_>,
    article_id: &str,
    subject: &str,
    unit_ids: &[String],
) -> Result<usize, StoreError> {
    let users = list_concerned(conn, cx.tenant, unit_ids, true).await?;
    let link = format!("/berita/{article_id}");
    for user in &users {
        insert_notice(conn, cx, user, ("berita_negatif", subject), &link).await?;
    }
    Ok(users.len())
}

/// The active heads of `unit_ids` and of the units above them, and, with `inspectors`, every inspector whose grant
/// reaches one of them (one granted on the whole Pemda reaches all).
pub(crate) async fn list_concerned(
    conn: &mut Conn,
    tenant: &TenantId,
    unit_ids: &[String],
    inspectors: bool,
) -> Result<Vec<String>, StoreError> {
    let parents: Vec<(String, Option<String>)> = sqlx::query_as("SELECT id, parent_id FROM unit WHERE tenant_id = $1")
        .bind(tenant.as_str())
        .fetch_all(&mut *conn)
        .await?;
    let mut scope: HashSet<String> = HashSet::new();
    for unit in unit_ids {
        let mut current = Some(unit.clone());
        while let Some(id) = current {
            if !scope.insert(id.clone()) {
                break;
            }
            current = parents.iter().find(|(it, _)| *it == id).and_then(|(_, parent)| parent.clone());
        }
    }
    let grants: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT g.user_id, g.role, g.unit_id FROM role_grant g JOIN user_account u ON u.tenant_id = g.tenant_id
         AND u.id = g.user_id WHERE g.tenant_id = $1 AND u.is_active = 1 AND g.role IN ('unit_head', 'inspector')
         ORDER BY u.username",
    )
    .bind(tenant.as_str())
    .fetch_all(&mut *conn)
    .await?;
    let mut users: Vec<String> = Vec::new();
    for (user, role, unit) in grants {
        if role == "inspector" && !inspectors {
            continue;
        }
        let concerned = match unit {
            None => role == "inspector",
            Some(unit) => scope.contains(&unit),
        };
        if concerned && !users.contains(&user) {
            users.push(user);
        }
    }
    Ok(users)
}

/// Writes one notice of `kind` about `subject` for `user`, pointing at `link`.
pub(crate) async fn insert_notice(
    conn: &mut Conn,
    cx: &ActionCx<'_>,
    user: &str,
    (kind, subject): (&str, &str),
    link: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO staff_notice (tenant_id, id, user_id, kind, subject, link, created_at_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(cx.tenant.as_str())
    .bind(cx.ids.new_id())
    .bind(user)
    .bind(kind)
    .bind(subject)
    .bind(link)
    .bind(cx.now_ms())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A user's latest notices, unread first.
pub async fn list(conn: &mut Conn, tenant: &TenantId, user: &str, limit: i64) -> Result<Vec<Notice>, StoreError> {
    let sql = format!(
        "SELECT id, kind, subject, link, created_at_ms, read_at_ms FROM staff_notice WHERE tenant_id = $1 AND user_id = $2
         ORDER BY CASE WHEN read_at_ms IS NULL THEN 0 ELSE 1 END, created_at_ms DESC LIMIT {limit}"
    );
    Ok(sqlx::query_as(&sql).bind(tenant.as_str()).bind(user).fetch_all(conn).await?)
}

/// Unread notices of a user.
pub async fn count_unread(conn: &mut Conn, tenant: &TenantId, user: &str) -> Result<i64, StoreError> {
    let row: (i64,) = sqlx::query_as(
        "SELECT CAST(COUNT(*) AS BIGINT) FROM staff_notice WHERE tenant_id = $1 AND user_id = $2 AND read_at_ms IS NULL",
    )
    .bind(tenant.as_str())
    .bind(user)
    .fetch_one(conn)
    .await?;
    Ok(row.0)
}

/// Marks a user's notices about a link as read (opening the article reads them).
pub async fn update_read(
    conn: &mut Conn,
    tenant: &TenantId,
    user: &str,
    link: &str,
    now_ms: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE staff_notice SET read_at_ms = $1 WHERE tenant_id = $2 AND user_id = $3 AND link = $4 AND read_at_ms IS NULL",
    )
    .bind(now_ms)
    .bind(tenant.as_str())
    .bind(user)
    .bind(link)
    .execute(conn)
    .await?;
    Ok(())
}
