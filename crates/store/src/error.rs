//! The storage error, with driver errors classified in one place.

/// What went wrong in storage.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The record does not exist for this tenant.
    #[error("not found")]
    NotFound,
    /// A unique value is already taken.
    #[error("duplicate value")]
    Duplicate,
    /// A referenced record does not exist.
    #[error("missing referenced record")]
    MissingReference,
    /// The database is busy; retry later.
    #[error("database busy, retry later")]
    Busy,
    /// Stored data does not decode into a valid record.
    #[error("corrupt data in {table}: {detail}")]
    Corrupt {
        /// Table.
        table: &'static str,
        /// What is wrong.
        detail: String,
    },
    /// The input was refused by a domain rule.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<domain::problems::FieldProblem>),
    /// The lifecycle does not allow this step now, or not for this party.
    #[error("refused: {0}")]
    Refused(domain::complaints::Refusal),
    /// A configuration problem (bad URL, unreachable server).
    #[error("{0}")]
    Config(String),
    /// Any other database error.
    #[error(transparent)]
    Db(sqlx::Error),
    /// Migration failure.
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> StoreError {
        use sqlx::error::ErrorKind;
        if matches!(err, sqlx::Error::RowNotFound) {
            return StoreError::NotFound;
        }
        let kind = err.as_database_error().map(|db_err| db_err.kind());
        match kind {
            Some(ErrorKind::UniqueViolation) => StoreError::Duplicate,
            Some(ErrorKind::ForeignKeyViolation) => StoreError::MissingReference,
            _ if is_busy_or_serialization_failure(&err) => StoreError::Busy,
            _ => StoreError::Db(err),
        }
    }
}

fn is_busy_or_serialization_failure(err: &sqlx::Error) -> bool {
    let Some(db_err) = err.as_database_error() else { return false };
    let code = db_err.code();
    // SQLite: 5 SQLITE_BUSY, 6 SQLITE_LOCKED (extended codes keep the primary code in the low byte).
    // PostgreSQL: 40001 serialization_failure, 40P01 deadlock_detected, 55P03 lock_not_available. Its codes are
    // five characters, often digits only, so SQLite's numeric rule must not be applied to them: 22021 (a NUL in
    // text) has 5 in its low byte and was taken for a busy database.
    if db_err.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
        code.as_deref().and_then(|it| it.parse::<i64>().ok()).is_some_and(|it| matches!(it & 0xff, 5 | 6))
    } else {
        matches!(code.as_deref(), Some("40001" | "40P01" | "55P03"))
    }
}

impl StoreError {
    /// Turns a decoding problem into [`StoreError::Corrupt`].
    pub fn corrupt(table: &'static str, detail: impl Into<String>) -> StoreError {
        StoreError::Corrupt { table, detail: detail.into() }
    }
}
