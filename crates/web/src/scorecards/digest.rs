//! The weekly digest to leaders and unit heads: the watch list of the quarter (with who came on and left it in the
//! last seven days), the decisions still awaiting a plan, and, for a unit head, their units' month. Written here in
//! the reader's scope, queued once per ISO week from Monday 07:00 the Pemda's time (or the first minute after it the
//! server runs), sent by the outbox. Each person sees the same text and switches it off on `/akun/ringkasan`.

use domain::ids::UserId;
use domain::org::Tenant;
use domain::people::{Access, Permission};
use domain::scorecards::period::ScorePeriod;
use domain::surveys::{Period, PeriodKind};
use jiff::civil::{Date, Weekday};
use store::scorecards::digest::{Reader, list_readers, queue_digest};
use store::{ActionCx, Actor, Db, IdSource, StoreError};

use super::rows::{Scope, load};
use crate::i18n::Lang;
use crate::view::format::{decimal, long_date};

/// The ISO week of a day, `2026-W50`.
pub fn week_code(day: Date) -> String {
    let week = day.iso_week_date();
    format!("{}-W{:02}", week.year(), week.week())
}

fn line(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    lang.tf(&format!("scorecards.digest.{key}"), args)
}

/// What one person's digest is written from.
struct Reading<'a> {
    db: &'a Db,
    tenant: &'a Tenant,
    data: std::sync::Arc<store::cache::TenantData>,
    visible: Option<Vec<String>>,
    today: Date,
    lang: Lang,
}

impl Reading<'_> {
    fn seen(&self, unit: &str) -> bool {
        self.visible.as_ref().is_none_or(|units| units.iter().any(|it| it == unit))
    }

    fn name_of(&self, id: &str) -> String {
        self.data.units.iter().find(|u| u.id.as_str() == id).map_or_else(|| id.to_owned(), |u| u.draft.name.clone())
    }

    /// The quarter's list and who came on and left it since `from`.
    async fn watch(&self, from: Date, text: &mut String) -> Result<(), StoreError> {
        let (lang, tenant) = (self.lang, &self.tenant.id);
        let quarter = ScorePeriod::Span(Period::containing(PeriodKind::Quarter, self.today));
        let cards = load(self.db, tenant, (quarter, self.today), Scope::Unit, self.visible.as_deref()).await?;
        let listed: Vec<_> = cards.rows.iter().filter(|it| it.watch).collect();
        text.push_str(&line(lang, "watch", &[("n", &listed.len().to_string()), ("period", &quarter.code())]));
        text.push('\n');
        for row in &listed {
            text.push_str(&format!("  - {}: {}\n", row.unit_name, row.reasons.join(", ")));
        }
        let since = from.to_zoned(self.tenant.zone.time_zone()).map(|it| it.timestamp().as_millisecond());
        let since = since.unwrap_or_default();
        let mut conn = self.db.conn().await?;
        let stays = store::scorecards::episodes::list_episodes(&mut conn, tenant, None, 500).await?;
        let names = |moved: &dyn Fn(&store::scorecards::episodes::Episode) -> bool| {
            let names: Vec<String> = stays
                .iter()
                .filter(|it| moved(it) && self.seen(&it.unit_id))
                .map(|it| self.name_of(&it.unit_id))
                .collect();
            if names.is_empty() { lang.t("scorecards.digest.nobody").to_owned() } else { names.join(", ") }
        };
        let entered = names(&|it| it.entered_at_ms >= since);
        let left = names(&|it| it.left_at_ms.is_some_and(|ms| ms >= since));
        text.push_str(&line(lang, "moves", &[("entered", &entered), ("left", &left)]));
        text.push_str("\n\n");
        Ok(())
    }

    /// The decisions awaiting a plan, late ones marked.
    async fn decisions(&self, text: &mut String) -> Result<(), StoreError> {
        let lang = self.lang;
        let mut conn = self.db.conn().await?;
        let waiting = store::scorecards::decisions::list_waiting(&mut conn, &self.tenant.id).await?;
        let waiting: Vec<_> = waiting.into_iter().filter(|it| self.seen(&it.unit_id)).collect();
        text.push_str(&line(lang, "decisions", &[("n", &waiting.len().to_string())]));
        text.push('\n');
        for it in &waiting {
            let kind = lang.t(&format!("scorecards.decisions.kinds.{}", it.kind)).to_owned();
            let due = it.due().map(|d| long_date(lang, d)).unwrap_or_default();
            let late = if it.due().is_some_and(|d| d < self.today) { lang.t("scorecards.digest.late") } else { "" };
            text.push_str(&format!("  - {} {kind}, {}: {due} {late}\n", it.number, self.name_of(&it.unit_id)));
        }
        Ok(())
    }

    /// A unit head's own units this month.
    async fn own(&self, text: &mut String) -> Result<(), StoreError> {
        let lang = self.lang;
        let month = (ScorePeriod::month_of(self.today), self.today);
        let month = load(self.db, &self.tenant.id, month, Scope::Unit, self.visible.as_deref()).await?;
        text.push('\n');
        text.push_str(lang.t("scorecards.digest.own"));
        text.push('\n');
        for row in &month.rows {
            let rate =
                row.on_time_rate.map_or_else(|| "—".to_owned(), |it| format!("{} %", decimal(lang, it * 100.0, 1)));
            let (received, overdue) = (row.complaints_received.to_string(), row.overdue_open.to_string());
            let args = [("received", received.as_str()), ("overdue", overdue.as_str()), ("rate", rate.as_str())];
            text.push_str(&format!("  - {}: {}\n", row.unit_name, line(lang, "own_line", &args)));
        }
        Ok(())
    }
}

/// Subject and text of one person's digest for the week ending `today`, in `lang`.
pub async fn compose(
    db: &Db,
    tenant: &Tenant,
    (name, access): (&str, &Access),
    (today, lang, base): (Date, Lang, &str),
) -> Result<(String, String), StoreError> {
    let data = db.tenant_data(&tenant.id).await?;
    let visible = access
        .visible_units(Permission::ViewScorecards, &data.tree)
        .map(|units| units.into_iter().map(|it| it.as_str().to_owned()).collect());
    let reading = Reading { db, tenant, data, visible, today, lang };
    let from = today.checked_sub(jiff::Span::new().days(6)).unwrap_or(today);
    let mut text = line(lang, "greeting", &[("name", name)]);
    text.push_str("\n\n");
    text.push_str(&line(lang, "intro", &[("from", &long_date(lang, from)), ("to", &long_date(lang, today))]));
    text.push_str("\n\n");
    reading.watch(from, &mut text).await?;
    reading.decisions(&mut text).await?;
    if !access.can_tenant(Permission::ViewScorecards) {
        reading.own(&mut text).await?;
    }
    text.push('\n');
    let links = [("desk", format!("{base}/beranda")), ("off", format!("{base}/akun/ringkasan"))];
    let links: Vec<(&str, &str)> = links.iter().map(|(k, v)| (*k, v.as_str())).collect();
    text.push_str(&line(lang, "links", &links));
    text.push('\n');
    let subject = line(lang, "subject", &[("tenant", &tenant.name), ("week", &week_code(today))]);
    Ok((subject, text))
}

/// Whether the week's digest may go out at this local moment: from Monday 07:00 on.
fn due_now(now: jiff::Zoned) -> bool {
    now.weekday() != Weekday::Monday || now.hour() >= 7
}

/// Queues this week's digest of every reader of every tenant not yet sent it; returns how many were queued.
pub async fn send_weekly(
    db: &Db,
    ids: &dyn IdSource,
    now: jiff::Timestamp,
    public_url: Option<&str>,
) -> Result<usize, StoreError> {
    let tenants = {
        let mut conn = db.conn().await?;
        store::org::queries::list_tenants(&mut conn).await?
    };
    let base = public_url.unwrap_or("").trim_end_matches('/');
    let mut queued = 0;
    for tenant in tenants {
        let local = now.to_zoned(tenant.zone.time_zone());
        if !due_now(local.clone()) {
            continue;
        }
        let today = local.date();
        let readers = {
            let mut conn = db.conn().await?;
            list_readers(&mut conn, &tenant.id, &week_code(today)).await?
        };
        let cx = ActionCx { db, tenant: &tenant.id, actor: Actor::System("digest-job"), now, ids };
        for reader in readers {
            queued += usize::from(send_one(&cx, &tenant, &reader, (today, base)).await?);
        }
    }
    Ok(queued)
}

async fn send_one(
    cx: &ActionCx<'_>,
    tenant: &Tenant,
    reader: &Reader,
    (today, base): (Date, &str),
) -> Result<bool, StoreError> {
    let user = UserId::new(reader.user_id.clone());
    let account = {
        let mut conn = cx.db.conn().await?;
        store::people::queries::load_user(&mut conn, &tenant.id, &user).await?
    };
    let access = Access::new(account.grants.clone());
    let who = (reader.display_name.as_str(), &access);
    let (subject, id_text) = compose(cx.db, tenant, who, (today, Lang::Id, base)).await?;
    let (_, en_text) = compose(cx.db, tenant, who, (today, Lang::En, base)).await?;
    let text = format!("{id_text}\n— — —\n\n{en_text}\n-- \nPantau");
    queue_digest(cx, reader, &week_code(today), (&subject, &text)).await
}
