//! `pantau setup` on both engines: a new Pemda and its administrator in one step, every bad field named, nothing
//! half-written, and the administrator can log in to the server afterwards.

use testkit::{TestDb, db_test};

use crate::{pantau, pantau_with, stderr, stdout};

const BONTANG: [&str; 11] = [
    "setup",
    "--id",
    "kota-bontang",
    "--name",
    "Pemerintah Kota Bontang",
    "--level",
    "kota",
    "--region-code",
    "64.74",
    "--zone",
    "WITA",
];

fn with_db<'a>(args: &[&'a str], url: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut all = args.to_vec();
    all.extend_from_slice(extra);
    all.extend_from_slice(&["--database-url", url]);
    all
}

async fn setup_creates_the_tenant_and_its_administrator(db: TestDb) -> anyhow::Result<()> {
    let args = with_db(&BONTANG, db.url(), &["--admin-display-name", "Andi Mappasessu"]);
    let done = pantau_with(&args, &[], "teluk bontang yang tenang\n");
    assert!(done.status.success(), "{}", stderr(&done));
    assert!(stdout(&done).contains("created tenant kota-bontang"), "{}", stdout(&done));
    let again = pantau_with(&args, &[("PANTAU_ADMIN_PASSWORD", "teluk bontang yang tenang")], "");
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already exists"), "{}", stderr(&again));

    let mut conn = db.conn().await?;
    let tenant = domain::ids::TenantId::new("kota-bontang");
    let users = store::people::queries::list_users(&mut conn, &tenant).await?;
    assert_eq!(users.len(), 1);
    assert_eq!(users[0].username, "admin");
    let verified = pantau(&["audit", "verify", "--database-url", db.url()]);
    assert!(stdout(&verified).contains("kota-bontang: 2 entries"), "{}", stdout(&verified));
    Ok(())
}
db_test!(setup_creates_the_tenant_and_its_administrator);

async fn bad_fields_are_all_named_and_nothing_is_written(db: TestDb) -> anyhow::Result<()> {
    // The valid Bontang settings with only the id wrong.
    let mut bad_id = BONTANG;
    bad_id[2] = "Kota Bontang";
    let args = with_db(&bad_id, db.url(), &["--admin-display-name", "Andi"]);
    let refused = pantau_with(&args, &[("PANTAU_ADMIN_PASSWORD", "cukup panjang sekali")], "");
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("--id"), "{}", stderr(&refused));

    let args = with_db(
        &[
            "setup",
            "--id",
            "kab-contoh",
            "--name",
            "",
            "--level",
            "desa",
            "--region-code",
            "99.99",
            "--zone",
            "Asia/Tokyo",
        ],
        db.url(),
        &["--admin-display-name", "Andi"],
    );
    let refused = pantau_with(&args, &[("PANTAU_ADMIN_PASSWORD", "pendek")], "");
    assert_eq!(refused.status.code(), Some(2));
    let message = stderr(&refused);
    for flag in ["--name", "--level", "--zone", "administrator's password"] {
        assert!(message.contains(flag), "{flag} is named: {message}");
    }
    let mut conn = db.conn().await?;
    assert!(store::org::queries::list_tenants(&mut conn).await?.is_empty(), "nothing was written");
    Ok(())
}
db_test!(bad_fields_are_all_named_and_nothing_is_written);
