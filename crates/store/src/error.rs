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
    /// A rule refused the action (see [`Refusal`]); nothing was written.
    #[error("refused: {0}")]
    Refused(Refusal),
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

/// Why a rule refused an action, other than problems of form fields ([`StoreError::Invalid`]). Every action that
/// refuses returns `Err(StoreError::Refused(…))` before it commits, so nothing has been written.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    /// The complaint lifecycle does not allow this step now, or not for this party.
    #[error("{0}")]
    Complaint(domain::complaints::Refusal),
    /// The due process of a discipline case does not allow this step.
    #[error("{0}")]
    Discipline(domain::discipline::Refusal),
    /// Rows of a unit or employee file are wrong: every bad row, with its field.
    #[error("{} rows refused", .0.len())]
    Rows(Vec<crate::org::RowProblem>),
    /// Rows of an attendance file are wrong: every bad row, with its column.
    #[error("{} attendance rows refused", .0.len())]
    AttendanceRows(Vec<domain::discipline::attendance::RowProblem>),
    /// A discipline rules file does not parse, or a stored case would no longer fit it.
    #[error("{0}")]
    Rules(domain::discipline::RulesError),
    /// A watch-list rules file does not parse or a rule's setting is out of range.
    #[error("{0}")]
    WatchRules(domain::scorecards::watch::WatchRulesError),
    /// A Pemda's copy of a shipped rules file (decision kinds, PEKPPP instrument) is refused by its parser; the
    /// parser's words.
    #[error("{0}")]
    RuleFile(String),
}

impl From<Refusal> for StoreError {
    fn from(refusal: Refusal) -> StoreError {
        StoreError::Refused(refusal)
    }
}

impl From<domain::complaints::Refusal> for Refusal {
    fn from(refusal: domain::complaints::Refusal) -> Refusal {
        Refusal::Complaint(refusal)
    }
}

impl From<domain::discipline::Refusal> for Refusal {
    fn from(refusal: domain::discipline::Refusal) -> Refusal {
        Refusal::Discipline(refusal)
    }
}

impl From<Vec<crate::org::RowProblem>> for Refusal {
    fn from(problems: Vec<crate::org::RowProblem>) -> Refusal {
        Refusal::Rows(problems)
    }
}

impl From<Vec<domain::discipline::attendance::RowProblem>> for Refusal {
    fn from(problems: Vec<domain::discipline::attendance::RowProblem>) -> Refusal {
        Refusal::AttendanceRows(problems)
    }
}

impl From<domain::discipline::RulesError> for Refusal {
    fn from(err: domain::discipline::RulesError) -> Refusal {
        Refusal::Rules(err)
    }
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
