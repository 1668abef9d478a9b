//! One module per subcommand; each parses its arguments into values and calls one function of a lower crate.

pub mod audit;
pub mod bench;
pub mod bench_attendance;
pub mod bench_news;
pub mod bench_scorecards;
pub mod bench_skm;
pub mod calendar;
pub mod demo;
pub mod discipline;
pub mod migrate;
pub mod news;
pub mod news_files;
pub mod news_import;
pub mod news_out;
pub mod open311;
pub mod receipt;
pub mod rules;
pub mod scorecard;
pub mod serve;
pub mod setup;
pub mod skm;
pub mod units;

use anyhow::Context;

use crate::settings::{ConfigError, database_url};

/// Opens the database named by a `--database-url` setting and brings its schema up to date.
pub async fn open_migrated(raw_url: &str) -> anyhow::Result<store::Db> {
    let url = database_url(raw_url)?;
    let db = store::Db::connect(&url).await.map_err(|err| ConfigError(err.to_string()))?;
    db.migrate().await.with_context(|| format!("migrating {}", store::db::mask_url(&url)))?;
    Ok(db)
}

/// The tenant a command acts on: the one named, else the only one in the database.
pub async fn pick_tenant(db: &store::Db, wanted: Option<&str>) -> anyhow::Result<domain::org::Tenant> {
    let mut conn = db.conn().await?;
    let tenants = store::org::queries::list_tenants(&mut conn).await?;
    match wanted {
        Some(id) => tenants
            .into_iter()
            .find(|it| it.id.as_str() == id)
            .ok_or_else(|| ConfigError(format!("--tenant {id:?}: no such tenant in this database")).into()),
        None => match <[domain::org::Tenant; 1]>::try_from(tenants) {
            Ok([only]) => Ok(only),
            Err(many) if many.is_empty() => Err(ConfigError(
                "the database holds no tenant yet: run `pantau demo` or set one up in the web UI".to_owned(),
            )
            .into()),
            Err(many) => {
                let ids: Vec<_> = many.iter().map(|it| it.id.as_str().to_owned()).collect();
                Err(ConfigError(format!(
                    "the database holds several tenants ({}); choose one with --tenant",
                    ids.join(", ")
                ))
                .into())
            }
        },
    }
}
