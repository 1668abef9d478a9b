//! Validation problems as data: which field, what is wrong. The web layer turns them into sentences.

/// What is wrong with one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The field is empty but required.
    Required,
    /// The text is longer than allowed.
    TooLong {
        /// Maximum characters.
        max: usize,
    },
    /// The text is shorter than needed.
    TooShort {
        /// Minimum characters.
        min: usize,
    },
    /// A date that may not lie in the future does.
    InFuture,
    /// An attached file is refused.
    File(crate::complaints::attachments::FileRefusal),
    /// The value is not one of the accepted codes.
    UnknownCode {
        /// What was given.
        given: String,
    },
    /// The value is not of the expected shape (a date, a number, a time).
    Malformed {
        /// What was given.
        given: String,
    },
    /// A number outside its range.
    OutOfRange {
        /// Smallest accepted.
        min: i64,
        /// Largest accepted.
        max: i64,
    },
    /// The referenced record does not exist.
    NotFound {
        /// What was given.
        given: String,
    },
    /// Another record already uses this value.
    Taken {
        /// What was given.
        given: String,
    },
    /// The change would put a unit under itself.
    Cycle,
    /// An answer to a survey element the survey marked not applicable.
    NotApplicable,
    /// A value not allowed for this tenant's level.
    NotAllowedForLevel,
    /// A password or username rule.
    Credential(crate::people::CredentialError),
}

/// A problem tied to a field name of the form, file or API body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    /// The field, as named in the form, the file header or the API body.
    pub field: &'static str,
    /// What is wrong.
    pub problem: Problem,
}

/// Collects problems while a raw input is parsed.
#[derive(Debug, Default)]
pub struct Problems(Vec<FieldProblem>);

impl Problems {
    /// Records a problem.
    pub fn add(&mut self, field: &'static str, problem: Problem) {
        self.0.push(FieldProblem { field, problem });
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The problems, in the order found.
    pub fn into_vec(self) -> Vec<FieldProblem> {
        self.0
    }

    /// `Ok(value)` when nothing was recorded, else every problem.
    pub fn finish<T>(self, value: impl FnOnce() -> T) -> Result<T, Vec<FieldProblem>> {
        if self.0.is_empty() { Ok(value()) } else { Err(self.0) }
    }
}

/// Trims a required text field and checks its length.
pub fn required_text(problems: &mut Problems, field: &'static str, raw: &str, max: usize) -> String {
    let text = raw.trim().to_owned();
    if text.is_empty() {
        problems.add(field, Problem::Required);
    } else if text.chars().count() > max {
        problems.add(field, Problem::TooLong { max });
    }
    text
}

/// Trims an optional text field and checks its length; empty becomes `None`.
pub fn optional_text(problems: &mut Problems, field: &'static str, raw: &str, max: usize) -> Option<String> {
    let text = raw.trim();
    if text.chars().count() > max {
        problems.add(field, Problem::TooLong { max });
    }
    (!text.is_empty()).then(|| text.to_owned())
}
