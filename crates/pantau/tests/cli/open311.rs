//! `pantau open311 key create` on both engines: prints a key the server accepts, stores only its digest, and
//! refuses an empty name.

use testkit::{TestDb, db_test};

use crate::{pantau, stderr, stdout};

async fn a_new_key_is_printed_once_and_stored_as_a_digest(db: TestDb) -> anyhow::Result<()> {
    let loaded = pantau(&["demo", "--without-history", "--database-url", db.url()]);
    assert!(loaded.status.success(), "{}", stderr(&loaded));
    let created =
        pantau(&["open311", "key", "create", "--name", "Aplikasi Lapor Kelurahan", "--database-url", db.url()]);
    assert!(created.status.success(), "{}", stderr(&created));
    let key = stdout(&created).trim().to_owned();
    assert!(key.starts_with("p311_") && key.len() > 40, "{key}");
    let mut conn = db.conn().await?;
    let tenant = domain::ids::TenantId::new(store::demo::DEMO_TENANT);
    let client = store::complaints::keys::find_open311_client(&mut conn, &tenant, &key).await?;
    assert_eq!(client.as_deref(), Some("Aplikasi Lapor Kelurahan"));
    let stored: Vec<(String,)> = sqlx::query_as("SELECT key_digest FROM open311_key").fetch_all(&mut *conn).await?;
    assert!(stored.iter().all(|(digest,)| !digest.contains(&key)));
    let empty = pantau(&["open311", "key", "create", "--name", " ", "--database-url", db.url()]);
    assert_eq!(empty.status.code(), Some(2), "{}", stderr(&empty));
    assert!(stderr(&empty).contains("--name"));
    Ok(())
}
db_test!(a_new_key_is_printed_once_and_stored_as_a_digest);
