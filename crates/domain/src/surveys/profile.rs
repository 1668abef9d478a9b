//! The respondent profile of the questionnaire. Every field is optional: a respondent may leave any of them out,
//! and none identifies a person.

/// One profile question and its accepted answers (codes; labels live in the translation files).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProfileField {
    /// Stable code, also the form field and the import column.
    pub code: &'static str,
    /// Accepted answer codes, in the order a form lists them.
    pub values: &'static [&'static str],
}

/// The profile questions.
// Source: PermenPANRB 14/2017, Lampiran, sample questionnaire (jenis kelamin, umur, pendidikan, pekerjaan, jenis
// layanan, jam survei); the age bands and the occupation list are ours (the sample prints open fields).
pub const PROFILE: [ProfileField; 5] = [
    ProfileField { code: "sex", values: &["l", "p"] },
    ProfileField { code: "age", values: &["u17", "17_25", "26_35", "36_45", "46_55", "56"] },
    ProfileField { code: "education", values: &["sd", "smp", "sma", "d1_d3", "d4_s1", "s2"] },
    ProfileField { code: "occupation", values: &["pns", "tni_polri", "swasta", "wirausaha", "pelajar", "lainnya"] },
    // The sample questionnaire's "jam survei": 08.00–12.00 and 12.00–16.00; anything else is "lain".
    ProfileField { code: "time_slot", values: &["pagi", "siang", "lain"] },
];

/// The answers to the profile, as codes; `None` where left out.
pub type Profile = [Option<&'static str>; 5];

/// Looks a given answer up in a field's codes (case and spaces ignored); `Err` with the text when unknown.
pub fn parse_value(field: &ProfileField, raw: &str) -> Result<Option<&'static str>, String> {
    let text = raw.trim().to_lowercase().replace([' ', '-'], "_");
    if text.is_empty() {
        return Ok(None);
    }
    field.values.iter().find(|it| **it == text).map(|it| Some(*it)).ok_or_else(|| raw.trim().to_owned())
}

/// The position of a field by code.
pub fn field_index(code: &str) -> Option<usize> {
    PROFILE.iter().position(|it| it.code == code)
}
