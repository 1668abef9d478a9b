//! Turning domain validation problems into messages next to form fields, in the user's language.

use std::collections::BTreeMap;

use domain::people::CredentialError;
use domain::problems::{FieldProblem, Problem};

use crate::error::ApiProblem;
use crate::i18n::Lang;

/// Messages per field name; a template shows `errors[field]` next to the input.
pub type FieldErrors = BTreeMap<String, String>;

/// The message of one problem.
pub fn message(lang: Lang, problem: &Problem) -> String {
    match problem {
        Problem::Required => lang.t("errors.field.required").to_owned(),
        Problem::TooLong { max } => lang.tf("errors.field.too_long", &[("max", &max.to_string())]),
        Problem::UnknownCode { given } => lang.tf("errors.field.unknown_code", &[("given", given)]),
        Problem::Malformed { given } => lang.tf("errors.field.malformed", &[("given", given)]),
        Problem::OutOfRange { min, max } => {
            lang.tf("errors.field.out_of_range", &[("min", &min.to_string()), ("max", &max.to_string())])
        }
        Problem::NotFound { given } => lang.tf("errors.field.not_found", &[("given", given)]),
        Problem::Taken { given } => lang.tf("errors.field.taken", &[("given", given)]),
        Problem::Cycle => lang.t("errors.field.cycle").to_owned(),
        Problem::NotApplicable => lang.t("errors.field.not_applicable").to_owned(),
        Problem::TooShort { min } => lang.tf("errors.field.too_short", &[("min", &min.to_string())]),
        Problem::InFuture => lang.t("errors.field.in_future").to_owned(),
        Problem::File(refusal) => file_message(lang, refusal),
        Problem::NotAllowedForLevel => lang.t("errors.field.not_allowed").to_owned(),
        Problem::NoLevel { given } => lang.tf("errors.field.no_level", &[("given", given)]),
        Problem::Credential(err) => lang.t(credential_key(*err)).to_owned(),
        Problem::UnsafeCharacter { code } => lang.tf("errors.field.unsafe_character", &[("code", code)]),
    }
}

/// A short machine code of a problem, for API answers.
pub fn code(problem: &Problem) -> &'static str {
    match problem {
        Problem::Required => "required",
        Problem::TooLong { .. } => "too_long",
        Problem::UnknownCode { .. } => "unknown_code",
        Problem::Malformed { .. } => "malformed",
        Problem::OutOfRange { .. } => "out_of_range",
        Problem::NotFound { .. } => "not_found",
        Problem::Taken { .. } => "taken",
        Problem::Cycle => "cycle",
        Problem::NotApplicable => "not_applicable",
        Problem::TooShort { .. } => "too_short",
        Problem::InFuture => "in_future",
        Problem::File(_) => "file",
        Problem::NotAllowedForLevel => "not_allowed",
        Problem::NoLevel { .. } => "no_level",
        Problem::Credential(_) => "credential",
        Problem::UnsafeCharacter { .. } => "unsafe_character",
    }
}

fn file_message(lang: Lang, refusal: &domain::complaints::attachments::FileRefusal) -> String {
    use domain::complaints::attachments::FileRefusal;
    match refusal {
        FileRefusal::Empty => lang.t("errors.file.empty").to_owned(),
        FileRefusal::TooLarge { max } => {
            lang.tf("errors.file.too_large", &[("mb", &(max / (1024 * 1024)).to_string())])
        }
        FileRefusal::Unsupported => lang.t("errors.file.unsupported").to_owned(),
        FileRefusal::Disguised => lang.t("errors.file.disguised").to_owned(),
        FileRefusal::Damaged => lang.t("errors.file.damaged").to_owned(),
    }
}

fn credential_key(err: CredentialError) -> &'static str {
    match err {
        CredentialError::UsernameLength => "errors.credential.username_length",
        CredentialError::UsernameCharacters => "errors.credential.username_characters",
        CredentialError::PasswordTooShort => "errors.credential.password_too_short",
        CredentialError::PasswordTooLong => "errors.credential.password_too_long",
        CredentialError::PasswordGuessable => "errors.credential.password_guessable",
        CredentialError::ConfirmationMismatch => "errors.credential.confirmation_mismatch",
        CredentialError::WrongPassword => "errors.credential.wrong_password",
    }
}

/// The messages of a list of problems, the first per field winning.
pub fn field_errors(lang: Lang, problems: &[FieldProblem]) -> FieldErrors {
    let mut out = FieldErrors::new();
    for problem in problems {
        out.entry(problem.field.to_owned()).or_insert_with(|| message(lang, &problem.problem));
    }
    out
}

/// The problems as an API answer.
pub fn api_problems(lang: Lang, problems: &[FieldProblem]) -> Vec<ApiProblem> {
    problems
        .iter()
        .map(|it| ApiProblem {
            field: it.field.to_owned(),
            code: code(&it.problem).to_owned(),
            message: message(lang, &it.problem),
        })
        .collect()
}

/// An uploaded file with the form's other fields.
pub struct Upload {
    /// The file's name as sent.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// The other fields, as text.
    pub fields: Vec<(String, String)>,
}

impl Upload {
    /// A text field of the form.
    pub fn field(&self, name: &str) -> &str {
        self.fields.iter().find(|(it, _)| it == name).map_or("", |(_, value)| value.as_str())
    }
}

/// The uploaded file and the other fields.
pub async fn read_upload(mut multipart: axum::extract::Multipart) -> Result<Upload, crate::error::WebError> {
    let mut found = None;
    let mut fields = Vec::new();
    while let Some(field) =
        multipart.next_field().await.map_err(|err| crate::error::WebError::BadRequest(err.to_string()))?
    {
        let field_name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().unwrap_or_default().to_owned();
        let bytes = field.bytes().await.map_err(|err| crate::error::WebError::BadRequest(err.to_string()))?;
        if field_name == "file" {
            found = Some((file_name, bytes.to_vec()));
        } else {
            fields.push((field_name, String::from_utf8_lossy(&bytes).into_owned()));
        }
    }
    let (name, bytes) = found.ok_or_else(|| crate::error::WebError::BadRequest("no file field".to_owned()))?;
    Ok(Upload { name, bytes, fields })
}
