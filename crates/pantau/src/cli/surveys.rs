//! Subcommands of the surveys area.

use std::path::PathBuf;

use clap::{Args, Subcommand};

/// `pantau skm …`.
#[derive(Debug, Args)]
pub struct SkmArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: SkmCommand,
}

/// SKM subcommands.
#[derive(Debug, Subcommand)]
pub enum SkmCommand {
    /// Computes NRR per element, IKM, converted IKM and category from a CSV of answers, as JSON, so anyone can check
    /// a published report. Columns: respondent id, then u1 … u9 with 1–4 or empty; a header row is optional.
    Compute {
        /// The CSV file.
        file: PathBuf,
        /// An element not applicable to the service (such as `u4` for a free service); repeat for several.
        #[arg(long = "not-applicable", value_name = "ELEMENT")]
        not_applicable: Vec<String>,
    },
    /// Recomputes the running survey totals from the stored responses (after a restore or a manual repair), in one
    /// transaction per tenant, and prints what it counted.
    Rebuild {
        /// Database.
        #[command(flatten)]
        db: super::DbArgs,
        /// Only this tenant.
        #[arg(long)]
        tenant: Option<String>,
    },
}
