//! `pantau audit verify` on both engines: passes on an intact database, fails and names the row after a hand edit.

use testkit::{TestDb, db_test};

use crate::{pantau, stdout};

async fn verify_passes_then_names_the_edited_row(db: TestDb) -> anyhow::Result<()> {
    let loaded = pantau(&["demo", "--database-url", db.url()]);
    assert!(loaded.status.success(), "{}", crate::stderr(&loaded));
    let intact = pantau(&["audit", "verify", "--database-url", db.url()]);
    assert_eq!(intact.status.code(), Some(0), "{}", stdout(&intact));
    assert!(stdout(&intact).contains("chain intact, head "), "prints the head hash to publish: {}", stdout(&intact));

    let mut conn = db.conn().await?;
    sqlx::query("UPDATE audit_log SET actor = 'user:someone-else' WHERE seq = 5").execute(&mut *conn).await?;
    let broken = pantau(&["audit", "verify", "--database-url", db.url()]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(stdout(&broken).contains("BROKEN"), "{}", stdout(&broken));
    assert!(stdout(&broken).contains('5'), "names entry 5: {}", stdout(&broken));
    Ok(())
}
db_test!(verify_passes_then_names_the_edited_row);
