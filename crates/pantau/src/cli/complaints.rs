//! Subcommands of the complaints area: receipt verification, Open311 client keys and the intake benchmark.

use clap::{Args, Subcommand};

use super::DbArgs;

/// `pantau receipt …`.
#[derive(Clone, Debug, Args)]
pub struct ReceiptArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: ReceiptCommand,
}

/// Receipt subcommands.
#[derive(Clone, Debug, Subcommand)]
pub enum ReceiptCommand {
    /// Checks a receipt's signature offline: exit 0 and the receipt's content as JSON when genuine, 1 when not.
    Verify {
        /// A file holding the receipt text (or a verification URL), or the text itself.
        receipt: String,
        /// The tenant's public key, hex, as published at /.well-known/pantau-receipt-key.
        #[arg(long, env = "PANTAU_RECEIPT_PUBLIC_KEY")]
        public_key: String,
    },
}

/// `pantau open311 …`.
#[derive(Debug, Args)]
pub struct Open311Args {
    /// What to do.
    #[command(subcommand)]
    pub command: Open311Command,
}

/// Open311 subcommands.
#[derive(Debug, Subcommand)]
pub enum Open311Command {
    /// API keys of Open311 clients.
    Key {
        /// What to do with keys.
        #[command(subcommand)]
        command: Open311KeyCommand,
    },
}

/// `pantau open311 key …`.
#[derive(Debug, Subcommand)]
pub enum Open311KeyCommand {
    /// Creates an API key for POST requests and prints it once (only its digest is stored).
    Create {
        /// The client's name, shown in the audit trail and the logs.
        #[arg(long)]
        name: String,
        /// Requests per minute the client may send with the key, whatever its address (a kelurahan application
        /// relays many citizens from one server).
        #[arg(long, default_value_t = 600)]
        rate_per_minute: i64,
        /// Tenant (default: the only tenant).
        #[arg(long)]
        tenant: Option<String>,
        /// Database.
        #[command(flatten)]
        db: DbArgs,
    },
}

/// `pantau bench …`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// What to measure.
    #[command(subcommand)]
    pub command: BenchCommand,
}

/// Benchmarks.
#[derive(Debug, Subcommand)]
pub enum BenchCommand {
    /// Complaint intake over HTTP on loopback against a raw durable insert loop into the same database, then the
    /// latency at a fixed request rate. Exit 1 when a target is missed.
    Intake {
        /// Database to measure; a scratch SQLite file in a temporary folder when absent. Use a scratch database:
        /// the demo Pemda is loaded when it is empty and every submission stays in it.
        #[arg(long)]
        database_url: Option<String>,
        /// Seconds each phase runs.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        /// Requests per second of the latency phase.
        #[arg(long, default_value_t = 200)]
        rate: u32,
        /// Concurrent clients of the throughput phase: enough to keep the server busy, since each client waits for
        /// its own commit (16 leave PostgreSQL idle between group commits; see docs/PERFORMANCE.md).
        #[arg(long, default_value_t = 64)]
        clients: usize,
    },
    /// Survey reports: synthetic responses across units and quarters, the totals recomputed from scratch, then the
    /// report page over HTTP against a plain GROUP BY over the raw responses. Exit 1 when a target is missed.
    Skm {
        /// Database to measure; a scratch SQLite file in a temporary folder when absent. Use a scratch database: the
        /// demo Pemda is loaded when it is empty, and the units, surveys and responses stay in it.
        #[arg(long)]
        database_url: Option<String>,
        /// Responses in all.
        #[arg(long, default_value_t = 10_000_000)]
        responses: i64,
        /// Units, one service each.
        #[arg(long, default_value_t = 50)]
        units: usize,
        /// Quarters per service.
        #[arg(long, default_value_t = 8)]
        periods: usize,
        /// Report pages requested (and GROUP BY queries run) for the percentiles.
        #[arg(long, default_value_t = 200)]
        samples: usize,
    },
    /// News: clean + dedup + extract of generated HTML pages on one thread, search indexing, and the Python stack
    /// (trafilatura, datasketch, regex rules) on the first pages for the per-core ratio. Exit 1 when a target is
    /// missed.
    News {
        /// Pages to generate and process.
        #[arg(long, default_value_t = 100_000)]
        articles: usize,
        /// Pages given to the Python baseline (and to Pantau again) for the ratio.
        #[arg(long, default_value_t = 2_000)]
        subset: usize,
        /// Skip the Python baseline (no Python or no network for its packages).
        #[arg(long)]
        skip_baseline: bool,
    },
    /// Scorecards: synthetic units with 24 months of complaints and survey responses written by the database, the
    /// sums and totals recomputed from scratch (timed), then the leader's desk and a unit's scorecard over HTTP as a
    /// signed-in leader, and the peak memory. Exit 1 when a target is missed.
    Scorecards {
        /// Database to measure; a scratch SQLite file in a temporary folder when absent. Use a scratch database:
        /// the demo Pemda is loaded when it is empty, and everything generated stays in it.
        #[arg(long)]
        database_url: Option<String>,
        /// Complaints in all.
        #[arg(long, default_value_t = 10_000_000)]
        complaints: i64,
        /// Survey responses in all.
        #[arg(long, default_value_t = 10_000_000)]
        responses: i64,
        /// Units, one surveyed service each.
        #[arg(long, default_value_t = 500)]
        units: usize,
        /// Months of history.
        #[arg(long, default_value_t = 24)]
        months: usize,
        /// Requests per page for the percentiles.
        #[arg(long, default_value_t = 200)]
        samples: usize,
    },
    /// Attendance: a synthetic register and a year of daily attendance imported through the same all-or-nothing
    /// action as the page (checks, writes, yearly totals and proposals), reported as rows per second.
    Attendance {
        /// Database to measure; a scratch SQLite file in a temporary folder when absent. Use a scratch database:
        /// the demo Pemda is loaded when it is empty, and the employees and attendance stay in it.
        #[arg(long)]
        database_url: Option<String>,
        /// Employees.
        #[arg(long, default_value_t = 10_000)]
        employees: usize,
        /// Weekdays per employee (the first Monday-to-Friday dates of 2025; holidays among them are recorded too, as
        /// attendance systems do, and do not count as working days).
        #[arg(long, default_value_t = 250)]
        days: usize,
        /// Employees per attendance file: the year is imported as several files, one per group of employees, as
        /// agencies send them.
        #[arg(long, default_value_t = 1_000)]
        per_file: usize,
    },
}
