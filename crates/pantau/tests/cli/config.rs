//! Wrong settings stop `pantau serve` before it starts, with exit status 2 and a message naming the setting.

use crate::{pantau, stderr};

#[track_caller]
fn refused(args: &[&str], mentions: &str) {
    let output = pantau(args);
    assert_eq!(output.status.code(), Some(2), "{args:?}: {}", stderr(&output));
    assert!(stderr(&output).contains(mentions), "{args:?} should mention {mentions}: {}", stderr(&output));
}

#[test]
fn wrong_settings_name_themselves() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("c.db").display());
    refused(&["serve", "--listen", "8080", "--database-url", &url], "PANTAU_LISTEN");
    refused(&["serve", "--database-url", "mysql://root@localhost/pantau"], "sqlite:// or postgres://");
    refused(&["serve", "--public-url", "pantau.go.id", "--database-url", &url], "PANTAU_PUBLIC_URL");
    refused(&["serve", "--session-minutes", "30", "--session-idle-minutes", "90", "--database-url", &url], "idle");
    refused(&["migrate", "--database-url", "postgres://secret-user:hunter2@127.0.0.1:1/none"], "***");
    refused(&["serve", "--bogus"], "--bogus");
    refused(&["serve", "--smtp-url", "smtp://localhost:25", "--database-url", &url], "--smtp-from");
    let bad_from =
        ["serve", "--smtp-url", "smtp://localhost:25", "--smtp-from", "bukan alamat", "--database-url", &url];
    refused(&bad_from, "PANTAU_SMTP_FROM");
    let bad_url =
        ["serve", "--smtp-url", "http://mail.contoh.id", "--smtp-from", "pantau@contoh.id", "--database-url", &url];
    refused(&bad_url, "PANTAU_SMTP_URL");
}

#[test]
fn config_file_is_read_and_typos_in_it_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pantau.toml");
    std::fs::write(&file, "listen = \"not-an-address\"\n").unwrap();
    refused(&["serve", "--config", file.to_str().unwrap()], "PANTAU_LISTEN");
    std::fs::write(&file, "lisen = \"127.0.0.1:8080\"\n").unwrap();
    refused(&["serve", "--config", file.to_str().unwrap()], "unknown field");
}

#[test]
fn a_database_password_never_appears_in_messages() {
    let output = pantau(&["migrate", "--database-url", "postgres://secret-user:hunter2@127.0.0.1:1/none"]);
    assert!(!stderr(&output).contains("hunter2"), "{}", stderr(&output));
}
