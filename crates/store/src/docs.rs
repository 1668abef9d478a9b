//! Stored JSON documents carry their version: `{"v": N, "doc": …}`. A reader takes every version it ever wrote; a
//! document without a version is what Pantau wrote before versions existed (the shape of version 1). The shapes are
//! defined in store beside the table that holds them (`discipline::docs`, `news::facts_doc`, …) and mapped to and
//! from domain types by hand, so renaming a domain field can never change or break stored data.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::StoreError;

/// A document in its versioned envelope.
pub fn write(version: u32, doc: &impl Serialize) -> String {
    // Documents are plain data (strings, numbers, lists, maps with string keys): serialising cannot fail.
    serde_json::json!({ "v": version, "doc": doc }).to_string()
}

/// The version and the document of a stored text; version 0 for a document written before versions existed.
pub fn read<T: DeserializeOwned>(text: &str, table: &'static str) -> Result<(u32, T), StoreError> {
    let corrupt = |err: serde_json::Error| StoreError::corrupt(table, err.to_string());
    let value: serde_json::Value = serde_json::from_str(text).map_err(corrupt)?;
    let version = value.get("v").and_then(serde_json::Value::as_u64).filter(|_| value.get("doc").is_some());
    match version {
        Some(version) => {
            let doc = value.get("doc").cloned().unwrap_or_default();
            Ok((u32::try_from(version).unwrap_or(u32::MAX), serde_json::from_value(doc).map_err(corrupt)?))
        }
        None => Ok((0, serde_json::from_value(value).map_err(corrupt)?)),
    }
}

/// Refuses a version newer than this build knows (a database written by a later Pantau).
pub fn known(version: u32, newest: u32, table: &'static str) -> Result<(), StoreError> {
    if version > newest {
        return Err(StoreError::corrupt(
            table,
            format!("document version {version}; this Pantau reads up to {newest}"),
        ));
    }
    Ok(())
}
