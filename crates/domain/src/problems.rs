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
    /// A breach whose impact (or the employee's position) carries no sanction level for the article given.
    NoLevel {
        /// The article.
        given: String,
    },
    /// A password or username rule.
    Credential(crate::people::CredentialError),
    /// A control character (NUL and the like) or a character that reverses the direction of the text around it.
    UnsafeCharacter {
        /// The character, as `U+0000`.
        code: String,
    },
}

/// The first character no text field may hold: C0 controls other than tab, line feed and carriage return, DEL,
/// and the Unicode bidirectional embeddings, overrides and isolates, which make a file name or a title read
/// otherwise than it is stored (`invoice\u{202e}fdp.exe`).
// Source: Unicode Technical Report 36, "Unicode Security Considerations", 2.3 Bidirectional Text Spoofing.
pub fn unsafe_character(text: &str) -> Option<char> {
    text.chars().find(|it| {
        matches!(it, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}')
            || matches!(it, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

/// The problem of a text holding an unsafe character, if it does.
pub fn unsafe_text(text: &str) -> Option<Problem> {
    unsafe_character(text).map(|it| Problem::UnsafeCharacter { code: format!("U+{:04X}", u32::from(it)) })
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
    if let Some(problem) = unsafe_text(&text) {
        problems.add(field, problem);
    } else if text.is_empty() {
        problems.add(field, Problem::Required);
    } else if text.chars().count() > max {
        problems.add(field, Problem::TooLong { max });
    }
    text
}

/// Trims an optional text field and checks its length; empty becomes `None`.
pub fn optional_text(problems: &mut Problems, field: &'static str, raw: &str, max: usize) -> Option<String> {
    let text = raw.trim();
    if let Some(problem) = unsafe_text(text) {
        problems.add(field, problem);
    } else if text.chars().count() > max {
        problems.add(field, Problem::TooLong { max });
    }
    (!text.is_empty()).then(|| text.to_owned())
}

/// Whether a text is a valid e-mail address: letters, digits and `.!#$%&'*+/=?^_`{|}~-` before the `@`, and a
/// domain of at least two labels of letters, digits and inner hyphens after it; so no markup, spaces or quotes.
// Source: WHATWG HTML Living Standard, 4.10.5.1.5 "Email state" (valid email address).
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else { return false };
    let atext = |it: char| it.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(it);
    let label = |it: &str| {
        (1..=63).contains(&it.len())
            && it.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !it.starts_with('-')
            && !it.ends_with('-')
    };
    !local.is_empty() && local.chars().all(atext) && domain.contains('.') && domain.split('.').all(label)
}
