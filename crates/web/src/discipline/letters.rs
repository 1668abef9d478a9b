//! The letters of a case as PDF: summons I and II, the examination record (BAP) and the decision, in Indonesian
//! whatever the reader's language (they are official documents), from the step and the fields stored with it.
//! Every download is logged as a view of the case.

use crate::view::format::{long_date, weekday_date};
use axum::extract::Path;
use axum::response::Response;
use domain::discipline::Step;
use store::discipline::cases::CaseFile;
use store::discipline::steps::StoredStep;

use super::pdf::Letter;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::staff::Staff;

/// The letter a step produces, as named in its download path.
pub fn letter_of(step: &Step) -> Option<&'static str> {
    match step {
        Step::Summons { .. } => Some("panggilan"),
        Step::Examined { .. } => Some("bap"),
        Step::Decided { .. } => Some("keputusan"),
        _ => None,
    }
}

/// `GET /disiplin/kasus/{id}/surat/{kind}-{seq}.pdf`.
pub async fn download(staff: Staff, Path((id, name)): Path<(String, String)>) -> Result<Response, WebError> {
    let (kind, seq) = name
        .strip_suffix(".pdf")
        .and_then(|it| it.rsplit_once('-'))
        .and_then(|(kind, seq)| Some((kind.to_owned(), seq.parse::<i64>().ok()?)))
        .ok_or(WebError::NotFound)?;
    let rules = super::rules_of(&staff).await?;
    let tenant = &staff.tenant.0.id;
    let mut conn = staff.app.db().conn().await?;
    let file = store::discipline::cases::load(&mut conn, tenant, &rules, &id).await?;
    drop(conn);
    super::reach(&staff, &file).await?;
    let step = file.steps.iter().find(|it| it.seq == seq).ok_or(WebError::NotFound)?;
    if letter_of(&step.step) != Some(kind.as_str()) {
        return Err(WebError::NotFound);
    }
    let data = staff.app.db().tenant_data(tenant).await?;
    let unit = data
        .units
        .iter()
        .find(|u| u.id.as_str() == file.employee.unit_id)
        .map(|u| u.draft.name.clone())
        .unwrap_or_default();
    let context = Context { lang: Lang::Id, government: data.tenant.name.clone(), unit, rules: &rules, file: &file };
    let bytes = match kind.as_str() {
        "panggilan" => context.summons(step),
        "bap" => context.record(step),
        _ => context.decision(step),
    };
    let what = format!("surat:{kind}-{seq}");
    store::discipline::record::log_view(&staff.action_cx(), &id, &what).await?;
    Ok(crate::render::download("application/pdf", &format!("{kind}-{}-{seq}.pdf", file.row.number), bytes))
}

struct Context<'a> {
    lang: Lang,
    government: String,
    unit: String,
    rules: &'a domain::discipline::Rules,
    file: &'a CaseFile,
}

impl Context<'_> {
    fn t(&self, key: &str) -> String {
        self.lang.t(&format!("discipline.letters.{key}")).to_owned()
    }

    fn letter(&self) -> Letter {
        Letter::new(&self.government, &self.unit, "")
    }

    fn employee_rows(&self) -> Vec<(String, String)> {
        let it = &self.file.employee;
        vec![
            (self.t("name"), it.name.clone()),
            (self.t("nip"), it.nip.clone()),
            (self.t("grade"), it.grade.clone().unwrap_or_else(|| "-".to_owned())),
            (self.t("position"), it.position.clone()),
            (self.t("unit"), self.unit.clone()),
        ]
    }

    fn articles(&self) -> String {
        let items: Vec<String> = self
            .file
            .breaches
            .iter()
            .filter_map(|it| self.rules.item(&it.code))
            .map(|it| format!("{} ({})", it.article, it.text))
            .collect();
        items.join("; ")
    }

    fn detail<'s>(step: &'s StoredStep, name: &str) -> &'s str {
        step.details.get(name).map_or("", String::as_str)
    }

    fn summons(&self, stored: &StoredStep) -> Vec<u8> {
        let lang = self.lang;
        let Step::Summons { sent, examination } = stored.step else { return Vec::new() };
        let ordinal =
            self.file.steps.iter().filter(|it| it.seq <= stored.seq && matches!(it.step, Step::Summons { .. })).count();
        let mut letter = self.letter();
        letter.centred(true, 12.0, &self.t(if ordinal > 1 { "summons_title_2" } else { "summons_title_1" }));
        letter.centred(false, 11.0, &format!("{} {}", self.t("number"), Self::detail(stored, "letter_number")));
        letter.gap(10.0);
        letter.line(false, &lang.tf("discipline.letters.addressee", &[("name", &self.file.employee.name)]));
        letter.paragraph(&self.t("summons_intro"));
        letter.rows(&self.employee_rows());
        letter.paragraph(&self.t("summons_to_appear"));
        let examination = weekday_date(lang, examination);
        letter.rows(&[
            (self.t("day_date"), examination),
            (self.t("time"), Self::detail(stored, "time").to_owned()),
            (self.t("place"), Self::detail(stored, "place").to_owned()),
            (self.t("examiner"), Self::detail(stored, "examiner").to_owned()),
        ]);
        letter.paragraph(&self.lang.tf("discipline.letters.summons_reason", &[("articles", &self.articles())]));
        letter.paragraph(&self.t("summons_closing"));
        let sent = long_date(lang, sent);
        letter.signature(&sent, &self.t("superior"), Self::detail(stored, "examiner"), "");
        letter.finish()
    }

    fn record(&self, stored: &StoredStep) -> Vec<u8> {
        let Step::Examined { on } = stored.step else { return Vec::new() };
        let on = weekday_date(self.lang, on);
        let mut letter = self.letter();
        letter.centred(true, 12.0, &self.t("record_title"));
        letter.gap(10.0);
        let examiner = Self::detail(stored, "examiner");
        letter.paragraph(&self.lang.tf("discipline.letters.record_intro", &[("date", &on), ("examiner", examiner)]));
        letter.rows(&self.employee_rows());
        letter.paragraph(&self.lang.tf("discipline.letters.record_reason", &[("articles", &self.articles())]));
        letter.line(true, &self.t("record_result"));
        letter.paragraph(Self::detail(stored, "record"));
        letter.paragraph(&self.t("record_closing"));
        letter.two_signatures((&self.t("examinee"), &self.file.employee.name), (&self.t("examiner_sign"), examiner));
        letter.finish()
    }

    fn decision(&self, stored: &StoredStep) -> Vec<u8> {
        let lang = self.lang;
        let Step::Decided { on, sanctions, .. } = &stored.step else { return Vec::new() };
        let code = sanctions.first().map_or("", String::as_str);
        let sanction = self.rules.sanction(code);
        let official = self.rules.authority(Self::detail(stored, "official"));
        let office = official.map_or(String::new(), |it| it.name.clone());
        let level = sanction.map_or("", |it| it.level.code());
        let mut letter = self.letter();
        letter.centred(true, 12.0, &format!("{} {}", self.t("decision_title"), office.to_uppercase()));
        letter.centred(false, 11.0, &format!("{} {}", self.t("number"), Self::detail(stored, "letter_number")));
        letter.centred(true, 11.0, &self.t("about"));
        letter.centred(
            true,
            11.0,
            &lang.tf("discipline.letters.decision_subject", &[("level", &level.to_uppercase())]),
        );
        letter.gap(8.0);
        letter.line(true, &self.t("considering"));
        letter.paragraph(&self.t("considering_text"));
        letter.rows(&self.employee_rows());
        letter.paragraph(&lang.tf("discipline.letters.proven", &[("articles", &self.articles())]));
        letter.line(true, &self.t("recalling"));
        letter.paragraph(&self.t("recalling_text"));
        letter.centred(true, 11.0, &self.t("deciding"));
        let name = sanction.map_or(code.to_owned(), |it| it.name.clone());
        letter.paragraph(&lang.tf("discipline.letters.first", &[("level", level), ("sanction", &name)]));
        let effective = self.rules.deadline("effective").map_or(15, |it| it.workdays).to_string();
        letter.paragraph(&lang.tf("discipline.letters.second", &[("days", &effective)]));
        let appeal = sanction.map_or("keberatan", |it| it.appeal_kind());
        let window = self.rules.deadline("objection").map_or(14, |it| it.workdays).to_string();
        let appeal_name = self.t(&format!("appeal_{appeal}"));
        letter.paragraph(&lang.tf("discipline.letters.third", &[("appeal", &appeal_name), ("days", &window)]));
        let on = long_date(lang, *on);
        let place = Self::detail(stored, "place");
        letter.signature(
            &lang.tf("discipline.letters.set_at", &[("place", place), ("date", &on)]),
            &office,
            Self::detail(stored, "official_name"),
            "",
        );
        letter.line(false, &self.t("copies"));
        letter.paragraph(&self.t("copies_to"));
        letter.finish()
    }
}
