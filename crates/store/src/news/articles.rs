//! Saving an article: the same text twice is one row; a near-duplicate joins the group of its most similar stored
//! article (candidates found through shared LSH bands); units, categories, bands and the notices of a negative
//! article are written in the article's own transaction, so an import that stops half-way leaves whole articles.

use domain::ids::TenantId;
use text::extract::Extraction;
use text::facts::Facts;
use text::near_dup::{SIMILAR, Signature};
use text::register::Register;

use super::notices;
use crate::sql::Sql;
use crate::{ActionCx, Conn, StoreError};

/// Where an article came from.
#[derive(Clone, Debug)]
pub struct Origin {
    /// `file`, `feed`, `form` or `api`.
    pub kind: &'static str,
    /// File name, feed title or "formulir".
    pub source: String,
    /// Address of the article, when known.
    pub url: Option<String>,
}

/// What saving did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saved {
    /// A new article, in this near-duplicate group, with this many staff notified.
    New {
        /// Article id.
        id: String,
        /// Group id (the first article of the group).
        group_id: String,
        /// Notices written.
        notified: usize,
    },
    /// Already stored (same text, or same address).
    Duplicate {
        /// The stored article's id.
        id: String,
    },
}

/// Saves an extraction made with `register` (the tenant's, loaded by [`super::load_register`]).
pub async fn save(
    cx: &ActionCx<'_>,
    extraction: &Extraction,
    register: &Register,
    origin: &Origin,
) -> Result<Saved, StoreError> {
    let mut tx = cx.db.begin_write().await?;
    if let Some(id) = existing(&mut tx, cx.tenant, &extraction.content_hash, origin.url.as_deref()).await? {
        return Ok(Saved::Duplicate { id });
    }
    let id = cx.ids.new_id();
    let keys = extraction.signature.band_keys();
    let group_id = group_of(&mut tx, cx.tenant, &extraction.signature, &keys).await?.unwrap_or_else(|| id.clone());
    let facts = Facts::of(extraction, register);
    let unit_ids = unit_ids(extraction, register);
    let insert = insert_article(&mut tx, cx, (&id, &group_id), (extraction, &facts), origin).await;
    if let Err(StoreError::Duplicate) = insert {
        // A concurrent import stored the same text first.
        drop(tx);
        let mut conn = cx.db.conn().await?;
        let id = existing(&mut conn, cx.tenant, &extraction.content_hash, None).await?.ok_or(StoreError::Duplicate)?;
        return Ok(Saved::Duplicate { id });
    }
    insert?;
    write_links(&mut tx, cx.tenant, &id, &unit_ids, &extraction.categories).await?;
    if extraction.is_negative() {
        count_negative(&mut tx, cx, &unit_ids, extraction.published_date, cx.now_ms()).await?;
    }
    for key in keys {
        sqlx::query("INSERT INTO news_band (tenant_id, band, article_id) VALUES ($1, $2, $3)")
            .bind(cx.tenant.as_str())
            .bind(key)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
    }
    let notified = if extraction.is_negative() && !unit_ids.is_empty() {
        let subject = extraction.title.clone().unwrap_or_else(|| first_words(&extraction.text));
        notices::insert_for_negative_article(&mut tx, cx, &id, &subject, &unit_ids).await?
    } else {
        0
    };
    tx.commit().await?;
    Ok(Saved::New { id, group_id, notified })
}

/// Ids of the register's units an extraction links to.
fn unit_ids(extraction: &Extraction, register: &Register) -> Vec<String> {
    extraction.linked_units().into_iter().filter_map(|it| register.units().get(it)).map(|it| it.id.clone()).collect()
}

fn first_words(text: &str) -> String {
    text.split_whitespace().take(12).collect::<Vec<_>>().join(" ")
}

async fn existing(
    conn: &mut Conn,
    tenant: &TenantId,
    hash: &str,
    url: Option<&str>,
) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT id FROM news_article WHERE tenant_id = $1 AND (content_hash = $2 OR url = $3) ORDER BY imported_at_ms LIMIT 1",
    )
    .bind(tenant.as_str())
    .bind(hash)
    .bind(url)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|it| it.0))
}

/// The group of the most similar stored article sharing a band, if similar enough.
async fn group_of(
    conn: &mut Conn,
    tenant: &TenantId,
    signature: &Signature,
    keys: &[i64],
) -> Result<Option<String>, StoreError> {
    let mut sql = Sql::new("SELECT a.group_id, a.signature FROM news_article a WHERE a.tenant_id = ");
    let tenant = sql.param(tenant.as_str());
    sql.reuse(tenant).push(" AND a.id IN (SELECT DISTINCT b.article_id FROM news_band b WHERE b.tenant_id = ");
    sql.reuse(tenant).push(" AND b.band IN (").bind_list(keys.iter().copied());
    sql.push(")) ORDER BY a.imported_at_ms DESC LIMIT 500");
    let candidates: Vec<(String, Vec<u8>)> = sql.fetch_all(conn).await?;
    let best = candidates
        .into_iter()
        .map(|(group, bytes)| (group, signature.similarity(&Signature::from_bytes(&bytes))))
        .filter(|(_, similarity)| *similarity >= SIMILAR)
        .max_by(|a, b| a.1.total_cmp(&b.1));
    Ok(best.map(|it| it.0))
}

async fn insert_article(
    conn: &mut Conn,
    cx: &ActionCx<'_>,
    (id, group_id): (&str, &str),
    (extraction, facts): (&Extraction, &Facts),
    origin: &Origin,
) -> Result<(), StoreError> {
    let facts_json = super::facts_doc::write(facts);
    sqlx::query(
        "INSERT INTO news_article (tenant_id, id, content_hash, url, source, origin, title, body, relevant, is_negative,
            has_unlinked, published_date, province_code, city_code, categories, facts, signature, group_id, imported_by,
            imported_at_ms, updated_at_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $20)",
    )
    .bind(cx.tenant.as_str())
    .bind(id)
    .bind(&extraction.content_hash)
    .bind(origin.url.as_deref())
    .bind(&origin.source)
    .bind(origin.kind)
    .bind(extraction.title.as_deref())
    .bind(&extraction.text)
    .bind(i64::from(extraction.relevant))
    .bind(i64::from(extraction.is_negative()))
    .bind(i64::from(facts.unlinked().next().is_some()))
    .bind(extraction.published_date.map(|it| it.to_string()))
    .bind(extraction.province)
    .bind(extraction.city_or_regency)
    .bind(extraction.categories.join(","))
    .bind(facts_json)
    .bind(extraction.signature.to_bytes())
    .bind(group_id)
    .bind(cx.actor.user_id())
    .bind(cx.now_ms())
    .execute(conn)
    .await?;
    Ok(())
}

async fn write_links(
    conn: &mut Conn,
    tenant: &TenantId,
    id: &str,
    unit_ids: &[String],
    categories: &[&str],
) -> Result<(), StoreError> {
    for unit in unit_ids {
        sqlx::query("INSERT INTO news_article_unit (tenant_id, article_id, unit_id) VALUES ($1, $2, $3)")
            .bind(tenant.as_str())
            .bind(id)
            .bind(unit)
            .execute(&mut *conn)
            .await?;
    }
    for category in categories {
        sqlx::query("INSERT INTO news_article_category (tenant_id, article_id, category) VALUES ($1, $2, $3)")
            .bind(tenant.as_str())
            .bind(id)
            .bind(*category)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Counts a negative article for the units it names, on its publication day (the import day when it has none).
async fn count_negative(
    conn: &mut Conn,
    cx: &ActionCx<'_>,
    unit_ids: &[String],
    published: Option<jiff::civil::Date>,
    imported_at_ms: i64,
) -> Result<(), StoreError> {
    use crate::scorecards::{When, update_sums_for_events};
    use domain::scorecards::facts::{Measure, Stream};
    let when = published.map_or(When::At(imported_at_ms), When::Day);
    let events: Vec<_> = unit_ids.iter().map(|it| (domain::ids::UnitId::new(it.clone()), when)).collect();
    update_sums_for_events(conn, cx, (Stream::News, Measure::NegativeNews), &events).await
}

/// An article with unlinked agency names: id, body, title, negative, publication date, import instant.
type Unlinked = (String, String, Option<String>, i64, Option<String>, i64);

/// Re-links the articles that named agencies of the Pemda's region without a unit, after the register changed (an
/// alias was mapped). `relink` re-extracts one stored article's text. Returns how many articles gained units.
pub async fn relink(
    cx: &ActionCx<'_>,
    register: &Register,
    relink: impl Fn(&str, Option<&str>) -> Extraction,
) -> Result<usize, StoreError> {
    let mut tx = cx.db.begin_write().await?;
    let rows: Vec<Unlinked> = sqlx::query_as(
        "SELECT id, body, title, is_negative, published_date, imported_at_ms FROM news_article
         WHERE tenant_id = $1 AND has_unlinked = 1 ORDER BY imported_at_ms",
    )
    .bind(cx.tenant.as_str())
    .fetch_all(&mut *tx)
    .await?;
    let mut changed = 0;
    for (id, body, title, is_negative, published, imported_at_ms) in rows {
        let extraction = relink(&body, title.as_deref());
        let facts = Facts::of(&extraction, register);
        let unit_ids = unit_ids(&extraction, register);
        let facts_json = super::facts_doc::write(&facts);
        sqlx::query(
            "UPDATE news_article SET facts = $1, has_unlinked = $2, updated_at_ms = $3 WHERE tenant_id = $4 AND id = $5",
        )
        .bind(facts_json)
        .bind(i64::from(facts.unlinked().next().is_some()))
        .bind(cx.now_ms())
        .bind(cx.tenant.as_str())
        .bind(&id)
        .execute(&mut *tx)
        .await?;
        let before: Vec<(String,)> =
            sqlx::query_as("SELECT unit_id FROM news_article_unit WHERE tenant_id = $1 AND article_id = $2")
                .bind(cx.tenant.as_str())
                .bind(&id)
                .fetch_all(&mut *tx)
                .await?;
        let fresh: Vec<String> = unit_ids.iter().filter(|it| !before.iter().any(|b| &b.0 == *it)).cloned().collect();
        if !fresh.is_empty() {
            write_links(&mut tx, cx.tenant, &id, &fresh, &[]).await?;
            if is_negative == 1 {
                let published = published.as_deref().and_then(|it| it.parse().ok());
                count_negative(&mut tx, cx, &fresh, published, imported_at_ms).await?;
            }
            changed += 1;
        }
    }
    tx.commit().await?;
    Ok(changed)
}
