//! `/kinerja/keputusan/{id}/teguran.pdf`: the written reprimand (surat teguran) a teguran decision sends to the head
//! of the unit, on the Pemda's letterhead: why the unit is on the watch list (the rules in words), the leader's note,
//! the deadline of the plan in working days, the leader's signature block and the copies. In Indonesian whatever the
//! reader's language: it is an official letter. The words are in `locales/*/scorecards.toml` under `letter`.

use axum::extract::Path;
use axum::response::Response;
use domain::scorecards::period::ScorePeriod;
use store::scorecards::decisions::Decision;

use super::super::index::name as period_name;
use super::super::watch_page::rule_text;
use crate::documents::letter::{Block, Copies, LetterData};
use crate::documents::letterhead::{House, Signature};
use crate::documents::{Assets, Prepared, Template};
use crate::error::WebError;
use crate::i18n::Lang;
use crate::staff::Staff;
use crate::view::format::long_date;

const LANG: Lang = Lang::Id;

fn t(key: &str) -> String {
    LANG.t(&format!("scorecards.letter.{key}")).to_owned()
}

fn tf(key: &str, args: &[(&str, &str)]) -> String {
    LANG.tf(&format!("scorecards.letter.{key}"), args)
}

/// What the letter is written from.
pub(crate) struct Teguran<'a> {
    /// The Pemda's letterhead.
    pub house: &'a House,
    /// The decision.
    pub decision: &'a Decision,
    /// The unit's name.
    pub unit: String,
    /// The leader's name.
    pub signer: String,
    /// The rules that had fired, in words.
    pub reasons: Vec<String>,
    /// Working days the unit has to answer, by the Pemda's decision kinds.
    pub days: u32,
}

fn date(raw: &str) -> String {
    raw.parse().map(|it| long_date(LANG, it)).unwrap_or_else(|_| raw.to_owned())
}

impl Teguran<'_> {
    /// The letter, ready to typeset.
    pub fn prepare(&self) -> Result<Prepared, crate::documents::DocumentError> {
        let it = self.decision;
        let period = ScorePeriod::parse(&it.period).map_or_else(|| it.period.clone(), |p| period_name(LANG, p));
        let mut blocks = vec![
            Block::Rows {
                rows: vec![(t("to"), tf("to_value", &[("unit", &self.unit)])), (t("subject"), t("subject_value"))],
            },
            Block::par(tf("intro", &[("unit", &self.unit), ("period", &period)])),
        ];
        if self.reasons.is_empty() {
            blocks.push(Block::par(t("no_rules")));
        } else {
            blocks.push(Block::labelled(t("reasons"), self.reasons.clone()));
        }
        blocks.push(Block::labelled(t("note"), vec![it.note.clone()]));
        let days = self.days.to_string();
        let due = it.due_on.as_deref().map(date).unwrap_or_default();
        blocks.push(Block::par(tf("ask", &[("due", &due), ("days", &days), ("number", &it.number)])));
        blocks.push(Block::par(t("closing")));
        let office =
            it.signer_office.clone().unwrap_or_else(|| LANG.t("scorecards.decisions.default_office").to_owned());
        let signer = Signature {
            place_date: vec![self.house.place_date(&date(&it.decided_on))],
            office: office.lines().map(str::to_owned).collect(),
            name: self.signer.clone(),
            rank: None,
            nip: None,
        };
        let heading = vec![t("title"), format!("{} {}", t("number"), it.number)];
        let data = LetterData {
            frame: self.house.frame(
                LANG,
                format!("{} — {}", t("title"), it.number),
                None,
                tf("footer", &[("number", &it.number)]),
            ),
            heading,
            blocks,
            signatures: vec![signer],
            style: self.house.style(LANG),
            copies: Some(Copies {
                title: t("copies"),
                items: t("copies_to").split(';').map(|s| s.trim().to_owned()).collect(),
            }),
        };
        Prepared::new(
            Template::Letter,
            &data,
            Assets { logo: self.house.logo(), qr: None },
            &format!("teguran-{}", it.number),
        )
    }
}

/// `GET /kinerja/keputusan/{id}/teguran.pdf`: only a teguran has one.
pub async fn download(staff: Staff, Path(id): Path<String>) -> Result<Response, WebError> {
    let (tenant, decision) = super::reach(&staff, &id).await?;
    let kinds = super::kinds(&staff).await?;
    let Some(kind) = kinds.find(&decision.kind).filter(|it| it.letter) else { return Err(WebError::NotFound) };
    let days = kind.days;
    let names = super::user_names(&staff).await?;
    let mut conn = staff.app.db().conn().await?;
    let (rules, _) = store::scorecards::watch::load_rules(&mut conn, &staff.tenant.0.id).await?;
    drop(conn);
    let reasons = decision
        .reason_codes()
        .into_iter()
        .map(|code| {
            rules.rules.iter().find(|it| it.code == code).map_or_else(|| code.to_owned(), |it| rule_text(LANG, it))
        })
        .collect();
    let house = House::of(&staff.app, &staff.tenant.0).await?;
    let letter = Teguran {
        house: &house,
        decision: &decision,
        unit: tenant.unit_name(&decision.unit_id),
        signer: names.get(&decision.decided_by).cloned().unwrap_or_default(),
        reasons,
        days,
    };
    letter.prepare()?.saved_as_file().respond().await
}
