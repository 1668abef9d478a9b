//! One response as a form or a file gives it, checked: answers 1–4, nothing for an element the survey marked not
//! applicable, profile answers from their lists, a suggestion of bounded length.

use super::ikm::Answers;
use super::profile::{PROFILE, Profile, parse_value};
use crate::problems::{Problem, Problems};

/// Longest suggestion kept.
pub const SUGGESTION_MAX: usize = 1000;

/// A response as typed.
#[derive(Clone, Debug, Default)]
pub struct RawResponse {
    /// `u1` … `u9`: "1"–"4" or empty.
    pub answers: [String; 9],
    /// The profile fields in [`PROFILE`] order.
    pub profile: [String; 5],
    /// The open suggestion.
    pub suggestion: String,
}

/// A checked response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// Answers; `None` for unanswered or not-applicable elements.
    pub answers: Answers,
    /// Profile codes.
    pub profile: Profile,
    /// Suggestion, if any.
    pub suggestion: Option<String>,
}

/// Whether every applicable element must be answered (the phone and kiosk forms) or some may be blank (paper
/// forms, where a respondent skipped a question).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Completeness {
    /// All applicable elements.
    All,
    /// At least one.
    AtLeastOne,
}

/// Field names problems are reported under: `u1` … `u9`, the profile codes, `suggestion`, `answers`.
pub const ELEMENT_FIELDS: [&str; 9] = ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"];

/// Checks a response against the survey's applicable elements.
pub fn check(
    raw: &RawResponse,
    applicable: &[bool; 9],
    completeness: Completeness,
) -> Result<Response, Vec<crate::problems::FieldProblem>> {
    let mut problems = Problems::default();
    let mut answers: Answers = [None; 9];
    for (n, text) in raw.answers.iter().enumerate() {
        let text = text.trim();
        match (text.parse::<u8>(), applicable[n]) {
            _ if text.is_empty() => {
                if applicable[n] && completeness == Completeness::All {
                    problems.add(ELEMENT_FIELDS[n], Problem::Required);
                }
            }
            (Ok(value @ 1..=4), true) => answers[n] = Some(value),
            (Ok(1..=4), false) => problems.add(ELEMENT_FIELDS[n], Problem::NotApplicable),
            _ => problems.add(ELEMENT_FIELDS[n], Problem::OutOfRange { min: 1, max: 4 }),
        }
    }
    if completeness == Completeness::AtLeastOne && answers.iter().all(Option::is_none) && problems.is_empty() {
        problems.add("answers", Problem::Required);
    }
    let mut profile: Profile = [None; 5];
    for (n, field) in PROFILE.iter().enumerate() {
        match parse_value(field, &raw.profile[n]) {
            Ok(value) => profile[n] = value,
            Err(given) => problems.add(field.code, Problem::UnknownCode { given }),
        }
    }
    let suggestion = crate::problems::optional_text(&mut problems, "suggestion", &raw.suggestion, SUGGESTION_MAX);
    problems.finish(|| Response { answers, profile, suggestion })
}

#[cfg(test)]
mod tests {
    use super::{Completeness, RawResponse, check};
    use crate::problems::Problem;

    fn raw(answers: [&str; 9]) -> RawResponse {
        RawResponse { answers: answers.map(str::to_owned), ..RawResponse::default() }
    }

    #[test]
    fn a_full_response_passes_and_keeps_its_profile() {
        let mut given = raw(["4", "3", "3", "4", "", "3", "4", "3", "2"]);
        given.profile[0] = "P".into();
        given.profile[2] = "d4 s1".into();
        let mut applicable = [true; 9];
        applicable[4] = false;
        let response = check(&given, &applicable, Completeness::All).expect("valid");
        assert_eq!(response.answers[4], None);
        assert_eq!(response.answers[8], Some(2));
        assert_eq!(response.profile[0], Some("p"));
        assert_eq!(response.profile[2], Some("d4_s1"));
    }

    #[test]
    fn every_problem_is_reported_under_its_field() {
        let mut given = raw(["5", "", "3", "4", "2", "3", "4", "3", "x"]);
        given.profile[1] = "tua".into();
        let mut applicable = [true; 9];
        applicable[4] = false;
        let problems = check(&given, &applicable, Completeness::All).expect_err("bad");
        let fields: Vec<(&str, &Problem)> = problems.iter().map(|it| (it.field, &it.problem)).collect();
        assert_eq!(fields[0], ("u1", &Problem::OutOfRange { min: 1, max: 4 }));
        assert_eq!(fields[1], ("u2", &Problem::Required));
        assert_eq!(fields[2], ("u5", &Problem::NotApplicable));
        assert_eq!(fields[3].0, "u9");
        assert_eq!(fields[4], ("age", &Problem::UnknownCode { given: "tua".into() }));
    }

    #[test]
    fn paper_forms_may_skip_questions_but_not_all() {
        let given = raw(["", "", "3", "", "", "", "", "", ""]);
        assert!(check(&given, &[true; 9], Completeness::AtLeastOne).is_ok());
        let empty = raw([""; 9]);
        let problems = check(&empty, &[true; 9], Completeness::AtLeastOne).expect_err("empty");
        assert_eq!(problems[0].field, "answers");
    }
}
