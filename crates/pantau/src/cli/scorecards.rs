//! `pantau scorecard …`: unit scorecards as JSON or CSV, and rebuilding their sums.

use clap::{Args, Subcommand, ValueEnum};

/// `pantau scorecard --period P` or `pantau scorecard rebuild`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ScorecardArgs {
    /// Rebuild instead of printing.
    #[command(subcommand)]
    pub command: Option<ScorecardCommand>,
    /// What to print.
    #[command(flatten)]
    pub show: ScorecardShow,
}

/// Printing scorecards.
#[derive(Debug, Args)]
pub struct ScorecardShow {
    /// Period: a month `2026-11`, a quarter `2026-T4`, a half year `2026-S2` or a year `2026`.
    #[arg(long)]
    pub period: Option<String>,
    /// The figures as they stood at the end of this day (YYYY-MM-DD, the Pemda's calendar); default today.
    #[arg(long = "as-of")]
    pub as_of: Option<String>,
    /// Tenant (default: the only tenant).
    #[arg(long)]
    pub tenant: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: CardFormat,
    /// `unit` for each unit alone, `tree` for each unit with its subunits.
    #[arg(long, value_enum, default_value = "unit")]
    pub scope: CardScope,
    /// Database.
    #[command(flatten)]
    pub db: super::DbArgs,
}

/// Output of `pantau scorecard`.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum CardFormat {
    /// A JSON array, one object per unit.
    Json,
    /// CSV with a header row.
    Csv,
}

/// Figures of the unit alone or with its subunits.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum CardScope {
    /// The unit alone.
    Unit,
    /// The unit and its subunits.
    Tree,
}

/// Scorecard subcommands.
#[derive(Debug, Subcommand)]
pub enum ScorecardCommand {
    /// Recomputes the running sums of complaints and letters from the stored items, one unit per transaction, and
    /// prints what it read.
    Rebuild {
        /// Only this tenant.
        #[arg(long)]
        tenant: Option<String>,
        /// Database.
        #[command(flatten)]
        db: super::DbArgs,
    },
}
