//! The letters of a case as documents: summons I and II, the examination record (BAP) and the decision, in the
//! official layout (the Pemda's letterhead, the title block, "Menimbang / Mengingat / MEMUTUSKAN" for a decision,
//! signature blocks with name and NIP, the copies), in Indonesian whatever the reader's language: they are
//! official documents. The words are in `locales/*/discipline.toml` under `letters`.

use domain::discipline::{Rules, Step};
use store::discipline::cases::CaseFile;
use store::discipline::steps::StoredStep;

use crate::documents::letter::{Block, Copies, LetterData};
use crate::documents::letterhead::{House, Signature};
use crate::documents::{Assets, DocumentError, Prepared, Template};
use crate::i18n::Lang;
use crate::view::format::{long_date, weekday_date};

/// What a letter of a case is written from.
pub struct Context<'a> {
    /// The Pemda's letterhead and signature style.
    pub house: &'a House,
    /// The employee's unit, printed under the government.
    pub unit: String,
    /// The rules the case was decided under.
    pub rules: &'a Rules,
    /// The case.
    pub file: &'a CaseFile,
}

const LANG: Lang = Lang::Id;

fn t(key: &str) -> String {
    LANG.t(&format!("discipline.letters.{key}")).to_owned()
}

fn tf(key: &str, args: &[(&str, &str)]) -> String {
    LANG.tf(&format!("discipline.letters.{key}"), args)
}

fn detail<'s>(step: &'s StoredStep, name: &str) -> &'s str {
    step.details.get(name).map_or("", String::as_str)
}

fn some(text: &str) -> Option<String> {
    Some(text.trim()).filter(|it| !it.is_empty()).map(str::to_owned)
}

/// A list written in one locale string, its items separated by semicolons.
fn items(key: &str) -> Vec<String> {
    t(key).split(';').map(str::trim).filter(|it| !it.is_empty()).map(str::to_owned).collect()
}

impl Context<'_> {
    /// The letter of `kind` ("panggilan", "bap", "keputusan") for `stored`, ready to typeset.
    pub fn prepare(&self, kind: &str, stored: &StoredStep) -> Result<Prepared, DocumentError> {
        let (heading, blocks, signatures, copies) = match (kind, &stored.step) {
            ("panggilan", Step::Summons { .. }) => self.summons(stored),
            ("bap", Step::Examined { .. }) => self.record(stored),
            (_, Step::Decided { .. }) => self.decision(stored),
            _ => self.record(stored),
        };
        let number = &self.file.row.number;
        let title = format!("{} — {number}", heading.first().cloned().unwrap_or_default());
        let data = LetterData {
            frame: self.house.frame(LANG, title, Some(&self.unit), tf("footer", &[("number", number)])),
            heading,
            blocks,
            signatures,
            style: self.house.style(LANG),
            copies,
        };
        let ident = format!("{kind}-{number}-{}", stored.seq);
        Prepared::new(Template::Letter, &data, Assets { logo: self.house.logo(), qr: None }, &ident)
    }

    fn employee_rows(&self) -> Block {
        let it = &self.file.employee;
        Block::Rows {
            rows: vec![
                (t("name"), it.name.clone()),
                (t("nip"), it.nip.clone()),
                (t("grade"), it.grade.clone().unwrap_or_else(|| "-".to_owned())),
                (t("position"), it.position.clone()),
                (t("unit"), self.unit.clone()),
            ],
        }
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

    fn number_line(stored: &StoredStep) -> String {
        format!("{} {}", t("number"), some(detail(stored, "letter_number")).unwrap_or_else(|| "…".to_owned()))
    }

    fn summons(&self, stored: &StoredStep) -> Parts {
        let Step::Summons { sent, examination } = stored.step else { return Parts::default() };
        let ordinal =
            self.file.steps.iter().filter(|it| it.seq <= stored.seq && matches!(it.step, Step::Summons { .. })).count();
        let heading =
            vec![t(if ordinal > 1 { "summons_title_2" } else { "summons_title_1" }), Self::number_line(stored)];
        let blocks = vec![
            Block::par(tf("addressee", &[("name", &self.file.employee.name)])),
            Block::par(t("summons_intro")),
            self.employee_rows(),
            Block::par(t("summons_to_appear")),
            Block::Rows {
                rows: vec![
                    (t("day_date"), weekday_date(LANG, examination)),
                    (t("time"), detail(stored, "time").to_owned()),
                    (t("place"), detail(stored, "place").to_owned()),
                    (t("examiner"), detail(stored, "examiner").to_owned()),
                ],
            },
            Block::par(tf("summons_reason", &[("articles", &self.articles())])),
            Block::par(t("summons_closing")),
        ];
        let signer = Signature {
            place_date: vec![self.house.place_date(&long_date(LANG, sent))],
            office: vec![t("superior")],
            name: detail(stored, "examiner").to_owned(),
            rank: None,
            nip: some(detail(stored, "examiner_nip")),
        };
        (heading, blocks, vec![signer], None)
    }

    fn record(&self, stored: &StoredStep) -> Parts {
        let on = match stored.step {
            Step::Examined { on } => weekday_date(LANG, on),
            _ => String::new(),
        };
        let examiner = detail(stored, "examiner");
        let blocks = vec![
            Block::par(tf("record_intro", &[("date", &on), ("examiner", examiner)])),
            self.employee_rows(),
            Block::par(tf("record_reason", &[("articles", &self.articles())])),
            Block::Strong { text: t("record_result") },
            Block::par(detail(stored, "record")),
            Block::par(t("record_closing")),
        ];
        let examinee = Signature {
            office: vec![t("examinee")],
            name: self.file.employee.name.clone(),
            nip: Some(self.file.employee.nip.clone()),
            ..Signature::default()
        };
        let examiner = Signature {
            office: vec![t("examiner_sign")],
            name: examiner.to_owned(),
            nip: some(detail(stored, "examiner_nip")),
            ..Signature::default()
        };
        (vec![t("record_title")], blocks, vec![examinee, examiner], None)
    }

    fn decision(&self, stored: &StoredStep) -> Parts {
        let Step::Decided { on, sanctions, .. } = &stored.step else { return Parts::default() };
        let code = sanctions.first().map_or("", String::as_str);
        let sanction = self.rules.sanction(code);
        let office = self.rules.authority(detail(stored, "official")).map_or(String::new(), |it| it.name.clone());
        let level = sanction.map_or("", |it| it.level.code());
        let heading = vec![
            format!("{} {}", t("decision_title"), office.to_uppercase()),
            Self::number_line(stored),
            t("about"),
            tf("decision_subject", &[("level", &level.to_uppercase())]),
        ];
        let name = sanction.map_or(code.to_owned(), |it| it.name.clone());
        let effective = self.rules.deadline("effective").map_or(15, |it| it.workdays).to_string();
        let appeal = t(&format!("appeal_{}", sanction.map_or("keberatan", |it| it.appeal_kind())));
        let window = self.rules.deadline("objection").map_or(14, |it| it.workdays).to_string();
        let blocks = vec![
            Block::Centred { text: format!("{},", office.to_uppercase()) },
            Block::labelled(t("considering"), vec![t("considering_text")]),
            self.employee_rows(),
            Block::par(tf("proven", &[("articles", &self.articles())])),
            Block::labelled(t("recalling"), items("recalling_text")),
            Block::Centred { text: t("deciding") },
            Block::labelled(t("first_label"), vec![tf("first", &[("level", level), ("sanction", &name)])]),
            Block::labelled(t("second_label"), vec![tf("second", &[("days", &effective)])]),
            Block::labelled(t("third_label"), vec![tf("third", &[("appeal", &appeal), ("days", &window)])]),
        ];
        let signer = Signature {
            place_date: vec![
                tf("set_at", &[("place", detail(stored, "place"))]),
                tf("set_on", &[("date", &long_date(LANG, *on))]),
            ],
            office: vec![format!("{office},")],
            name: detail(stored, "official_name").to_owned(),
            rank: None,
            nip: some(detail(stored, "official_nip")),
        };
        (heading, blocks, vec![signer], Some(Copies { title: t("copies"), items: items("copies_to") }))
    }
}

type Parts = (Vec<String>, Vec<Block>, Vec<Signature>, Option<Copies>);
