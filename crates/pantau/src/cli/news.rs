//! Subcommands of the news area.

use std::path::PathBuf;

use clap::{Args, Subcommand};

/// `pantau news …`.
#[derive(Debug, Args)]
pub struct NewsArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: NewsCommand,
}

/// News subcommands.
#[derive(Debug, Subcommand)]
pub enum NewsCommand {
    /// Imports articles: plain-text and HTML files, JSON-lines files (url, title, text or html, published) and
    /// folders (read recursively). The same article twice is stored once; near-duplicates join a group; a file that
    /// is binary, too large or not UTF-8 is skipped with the reason, and the rest is imported. Safe to re-run.
    Import {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Database.
        #[command(flatten)]
        db: super::DbArgs,
        /// Tenant (needed when the database holds several).
        #[arg(long)]
        tenant: Option<String>,
    },
    /// Prints what the extractor finds in each file, one JSON object per file: relevance, date, province,
    /// kabupaten/kota, agencies, linked unit codes, people with roles, categories and near-duplicate group.
    /// Links to the demo register unless --database-url is given.
    Extract {
        /// Files (text, HTML or JSON lines).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Link to this database's tenant register instead of the demo one.
        #[arg(long)]
        database_url: Option<String>,
        /// Tenant of that database.
        #[arg(long)]
        tenant: Option<String>,
        /// Date a bare weekday ("Rabu") is counted back from, `YYYY-MM-DD`.
        #[arg(long)]
        reference_date: Option<String>,
        /// Also print the spans found (byte offsets into the cleaned text) and the cleaned text.
        #[arg(long)]
        spans: bool,
    },
    /// Scores the extractor against a labelled set (JSON lines in the shape `extract` prints, with file paths
    /// relative to the label file): precision, recall and F1 per field.
    Eval {
        /// The label file, such as data/news-eval/labels.jsonl.
        labels: PathBuf,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
        /// List every disagreement, article by article.
        #[arg(long)]
        details: bool,
    },
    /// Polls the feeds that are due now, once, for every tenant.
    Poll {
        /// Database.
        #[command(flatten)]
        db: super::DbArgs,
        /// As `serve --feeds-private-network`.
        #[arg(long, env = "PANTAU_FEEDS_PRIVATE_NETWORK")]
        feeds_private_network: bool,
        /// As `serve --feeds-allow-address`.
        #[arg(long, env = "PANTAU_FEEDS_ALLOW_ADDRESS")]
        feeds_allow_address: Option<String>,
    },
}
