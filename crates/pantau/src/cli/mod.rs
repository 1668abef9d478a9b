//! The command line: every subcommand, flag, environment variable and help text.
//!
//! Settings of `serve` may also come from a TOML file (`--config`); a flag or an environment variable wins over the
//! file, the file wins over the built-in default.

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::settings::ConfigFile;

mod complaints;
mod news;
mod scorecards;
mod serve;
mod surveys;
mod transfer;

pub use complaints::{
    BenchArgs, BenchCommand, Open311Args, Open311Command, Open311KeyCommand, ReceiptArgs, ReceiptCommand,
};
pub use news::{NewsArgs, NewsCommand};
pub use scorecards::{CardFormat, CardScope, ScorecardArgs, ScorecardCommand, ScorecardShow};
pub use serve::ServeArgs;
pub use surveys::{SkmArgs, SkmCommand};
pub use transfer::{ExportArgs, ExportWhat, FileFormat, ImportArgs, ImportWhat};

/// Pantau: complaints, surveys, discipline and news monitoring for Indonesian regional governments.
#[derive(Debug, Parser)]
#[command(name = "pantau", version, about, max_term_width = 110)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Log format on stderr.
    #[arg(long, global = true, env = "PANTAU_LOG_FORMAT", value_enum, default_value = "text")]
    pub log_format: LogFormat,
    /// More log output (`-v` debug, `-vv` trace); `RUST_LOG` overrides.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

/// How logs are written.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Runs the web server (pages, JSON API, health and metrics).
    Serve(ServeArgs),
    /// Applies pending database migrations and exits.
    Migrate(DbArgs),
    /// Loads the demo Pemda into an empty database.
    Demo(DemoArgs),
    /// Registers a new Pemda and its first administrator (password from PANTAU_ADMIN_PASSWORD or standard input).
    Setup(SetupArgs),
    /// Checks the hash-chained audit trail.
    Audit(AuditArgs),
    /// Working-day arithmetic on the national calendar (and a tenant's own holidays).
    Calendar(CalendarArgs),
    /// Imports data from a file.
    Import(ImportArgs),
    /// Exports data to a file or standard output.
    Export(ExportArgs),
    /// Receipts of complaints and letters.
    Receipt(ReceiptArgs),
    /// Open311 GeoReport v2 clients.
    Open311(Open311Args),
    /// Measures Pantau against the targets in docs/PERFORMANCE.md.
    Bench(BenchArgs),
    /// Public satisfaction surveys (SKM).
    Skm(SkmArgs),
    /// News monitoring: import, extract, evaluate, poll feeds.
    News(NewsArgs),
    /// Discipline rules of PP 94/2021 as other tools need them (JSON or a bare date).
    Rules(RulesArgs),
    /// Unit scorecards for a period (JSON or CSV), or rebuilding their sums.
    Scorecard(ScorecardArgs),
}

/// The database setting every command shares.
#[derive(Clone, Debug, Args)]
pub struct DbArgs {
    /// Database URL: `sqlite://FILE` (created on first use) or `postgres://USER@HOST/DB`.
    #[arg(long, env = "PANTAU_DATABASE_URL", default_value = "sqlite://pantau.db")]
    pub database_url: String,
}

/// Settings of `pantau demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Only the register, accounts, calendar, surveys, discipline cases and documents: without the year of
    /// complaints, letters, news, indicators and decisions (loads in a fraction of the time).
    #[arg(long)]
    pub without_history: bool,
}

/// Settings of `pantau setup`.
#[derive(Debug, Args)]
pub struct SetupArgs {
    /// Tenant id: 3 to 40 lower-case letters, digits or '-', such as `kota-bontang`; it never changes.
    #[arg(long)]
    pub id: String,
    /// Official name, such as "Pemerintah Kota Bontang".
    #[arg(long)]
    pub name: String,
    /// Level: provinsi, kabupaten or kota.
    #[arg(long)]
    pub level: String,
    /// Kemendagri region code, such as 64.74.
    #[arg(long)]
    pub region_code: String,
    /// Time zone: Asia/Jakarta, Asia/Makassar, Asia/Jayapura (or WIB, WITA, WIT).
    #[arg(long)]
    pub zone: String,
    /// Host name that selects this Pemda when one installation serves several, such as pantau.bontangkota.go.id.
    #[arg(long)]
    pub host: Option<String>,
    /// Login name of the first administrator.
    #[arg(long, default_value = "admin")]
    pub admin_username: String,
    /// Full name of the first administrator.
    #[arg(long)]
    pub admin_display_name: String,
    /// E-mail address of the first administrator.
    #[arg(long)]
    pub admin_email: Option<String>,
    /// Database.
    #[command(flatten)]
    pub db: DbArgs,
}

/// `pantau audit …`.
#[derive(Debug, Args)]
pub struct AuditArgs {
    /// What to do with the audit trail.
    #[command(subcommand)]
    pub action: AuditAction,
}

/// Audit subcommands.
#[derive(Debug, Subcommand)]
pub enum AuditAction {
    /// Verifies every tenant's chain (or one); exits 1 and names the first bad row when a chain is broken.
    Verify {
        /// Database.
        #[command(flatten)]
        db: DbArgs,
        /// Only this tenant.
        #[arg(long)]
        tenant: Option<String>,
    },
}

/// `pantau calendar …`.
#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// Which computation.
    #[command(subcommand)]
    pub action: CalendarAction,
}

/// Where the calendar comes from: the shipped national one, plus a tenant's entries when named.
#[derive(Clone, Debug, Args)]
pub struct CalendarScope {
    /// Time zone of the unit (`Asia/Jakarta`, `Asia/Makassar`, `Asia/Jayapura`, or WIB/WITA/WIT); decides what
    /// `today` means.
    #[arg(long, default_value = "Asia/Jakarta")]
    pub zone: String,
    /// Include this tenant's regional holidays and adjustments (reads the database).
    #[arg(long)]
    pub tenant: Option<String>,
    /// Database, read only with `--tenant`.
    #[arg(long, env = "PANTAU_DATABASE_URL", default_value = "sqlite://pantau.db")]
    pub database_url: String,
}

/// Calendar subcommands.
#[derive(Debug, Subcommand)]
pub enum CalendarAction {
    /// Prints the date that is the N-th working day after DATE (DATE itself not counted).
    AddWorkdays {
        /// Start date, `YYYY-MM-DD` or `today`.
        date: String,
        /// Working days to add.
        n: u32,
        /// Calendar scope.
        #[command(flatten)]
        scope: CalendarScope,
    },
    /// Prints the number of working days from FROM to TO, both included.
    Workdays {
        /// First date, `YYYY-MM-DD` or `today`.
        from: String,
        /// Last date, `YYYY-MM-DD` or `today`.
        to: String,
        /// Calendar scope.
        #[command(flatten)]
        scope: CalendarScope,
    },
}

/// `pantau rules …`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Which rule.
    #[command(subcommand)]
    pub action: RulesAction,
}

/// Rule subcommands.
#[derive(Debug, Subcommand)]
pub enum RulesAction {
    /// Prints, as JSON, the level and sanction PP 94/2021 gives for N unexcused working days in a year whose longest
    /// run of consecutive unexcused working days is M (level null below the table).
    Absence {
        /// Unexcused working days in the calendar year.
        #[arg(long)]
        days: u32,
        /// Longest run of consecutive unexcused working days (default 1).
        #[arg(long, default_value_t = 1)]
        longest_run: u32,
    },
    /// Prints the date a delivered decision takes effect: the 15th working day after RECEIVED, that day not counted.
    EffectiveDate {
        /// Date the employee received the decision, `YYYY-MM-DD`.
        received: String,
        /// Calendar scope.
        #[command(flatten)]
        scope: CalendarScope,
    },
}

/// Parses the command line; for `serve`, fills settings not given as a flag or variable from `--config`.
pub fn parse() -> Result<Cli, anyhow::Error> {
    let matches = match Cli::command().try_get_matches() {
        Ok(it) => it,
        Err(err) if err.use_stderr() => return Err(anyhow::anyhow!("{}", err.render().to_string().trim_end())),
        Err(err) => {
            // --help and --version: print and stop with success.
            err.exit()
        }
    };
    let mut cli = Cli::from_arg_matches(&matches)?;
    if let (Command::Serve(args), Some(("serve", serve_matches))) = (&mut cli.command, matches.subcommand())
        && let Some(path) = args.config.clone()
    {
        let file = ConfigFile::read(&path)?;
        serve::apply_file(args, serve_matches, file);
    }
    Ok(cli)
}
