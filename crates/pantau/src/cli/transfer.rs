//! `pantau import …` and `pantau export …`: registers and attendance as files.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::DbArgs;

/// `pantau import …`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// What to import.
    #[command(subcommand)]
    pub what: ImportWhat,
}

/// Import subcommands.
#[derive(Debug, Subcommand)]
pub enum ImportWhat {
    /// Imports units from CSV or XLSX (columns as the export writes them); all rows or none.
    Units {
        /// The file; `.xlsx` is read as a workbook, anything else as CSV.
        file: PathBuf,
        /// Tenant to import into (default: the only tenant).
        #[arg(long)]
        tenant: Option<String>,
        /// Database.
        #[command(flatten)]
        db: DbArgs,
    },
    /// Imports the employee register from CSV or XLSX (columns nip, nama, status, golongan, jabatan,
    /// jenis_jabatan, kode_unit, nip_atasan, akun); all rows or none.
    Employees {
        /// The file; `.xlsx` is read as a workbook, anything else as CSV.
        file: PathBuf,
        /// Tenant to import into (default: the only tenant).
        #[arg(long)]
        tenant: Option<String>,
        /// Database.
        #[command(flatten)]
        db: DbArgs,
    },
    /// Imports a year's attendance (columns nip, tanggal, status); all rows or none, then prints the employees
    /// whose unexcused working days cross a PP 94/2021 threshold.
    Attendance {
        /// The file; `.xlsx` is read as a workbook, anything else as CSV.
        file: PathBuf,
        /// The calendar year every date must fall in.
        #[arg(long)]
        year: i16,
        /// Tenant to import into (default: the only tenant).
        #[arg(long)]
        tenant: Option<String>,
        /// Database.
        #[command(flatten)]
        db: DbArgs,
    },
}

/// `pantau export …`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to export.
    #[command(subcommand)]
    pub what: ExportWhat,
}

/// Export subcommands.
#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    /// Exports the unit register.
    Units {
        /// File format.
        #[arg(long, value_enum, default_value = "csv")]
        format: FileFormat,
        /// Output file; standard output when absent (CSV only).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Tenant (default: the only tenant).
        #[arg(long)]
        tenant: Option<String>,
        /// Database.
        #[command(flatten)]
        db: DbArgs,
    },
}

/// A spreadsheet format.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FileFormat {
    /// Comma-separated values, UTF-8.
    Csv,
    /// An Excel workbook.
    Xlsx,
}
