//! E-mail: the text of a notification, written here from the queued data and the translation files, and its
//! delivery over SMTP. Reporters and staff get Indonesian first with the English line after it, since the
//! language a reporter reads is not known.

use lettre::message::{Mailbox, Message, header::ContentType};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::transport::stub::AsyncStubTransport;
use lettre::{AsyncTransport, Tokio1Executor};
use serde_json::Value;
use store::complaints::deliveries::Delivery;

use super::Failure;
use crate::i18n::Lang;

/// How e-mail leaves Pantau.
#[derive(Clone)]
pub enum Mailer {
    /// A real SMTP server.
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// Keeps messages in memory (tests, and `pantau bench`).
    Stub(AsyncStubTransport),
}

/// SMTP settings as given on the command line.
#[derive(Clone, Debug)]
pub struct SmtpSettings {
    /// `smtp://user:pass@host:587` (STARTTLS), `smtps://…:465` (TLS) or `smtp://host:25?tls=none` (plain, local relay).
    pub url: String,
    /// Sender, such as `Pantau Kota Contoh <pantau@contoh.go.id>`.
    pub from: String,
}

/// A checked SMTP set-up.
#[derive(Clone)]
pub struct Mail {
    /// The transport.
    pub mailer: Mailer,
    /// The sender.
    pub from: Mailbox,
}

impl Mail {
    /// Checks the settings; the message says which setting is wrong.
    pub fn from_settings(settings: &SmtpSettings) -> Result<Mail, String> {
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|err| format!("PANTAU_SMTP_FROM / --smtp-from is not an e-mail address ({err})"))?;
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&settings.url)
            .map_err(|err| format!("PANTAU_SMTP_URL / --smtp-url is not a valid smtp:// or smtps:// URL ({err})"))?
            .timeout(Some(std::time::Duration::from_secs(30)))
            .build();
        Ok(Mail { mailer: Mailer::Smtp(transport), from })
    }
}

fn text(payload: &Value, key: &str) -> String {
    payload[key].as_str().unwrap_or_default().to_owned()
}

/// Subject and body of a notification in one language.
fn compose_in(lang: Lang, delivery: &Delivery, payload: &Value, public_url: Option<&str>) -> (String, String) {
    let number = text(payload, "number");
    let action = crate::complaints::views::action_label(lang, &text(payload, "event"));
    let state = lang.t(&format!("complaints.states.{}", text(payload, "state")));
    let args = [("number", number.as_str()), ("action", action.as_str())];
    let subject = lang.tf("complaints.mail.subject", &args);
    let mut body = lang.tf("complaints.mail.intro", &[("number", &number), ("title", &text(payload, "title"))]);
    body.push_str(&format!(
        "\n{}: {action}\n{}: {state}\n",
        lang.t("complaints.mail.step"),
        lang.t("complaints.mail.state")
    ));
    if let Some(due) = payload["due_date"].as_str() {
        body.push_str(&format!("{}: {due}\n", lang.t("complaints.mail.due")));
    }
    if let Some(message) = payload["message"].as_str().filter(|_| !text(payload, "event").starts_with("eskalasi")) {
        body.push_str(&format!("\n{}:\n{message}\n", lang.t("complaints.mail.message")));
    }
    let base = public_url.unwrap_or("").trim_end_matches('/');
    let link = match (payload["audience"].as_str(), delivery.complaint_id.as_deref()) {
        (Some("staf"), Some(id)) => {
            lang.tf("complaints.mail.staff_link", &[("url", &format!("{base}/pengaduan/{id}"))])
        }
        _ => lang.tf("complaints.mail.reporter_link", &[("url", &format!("{base}/lacak?nomor={number}"))]),
    };
    body.push_str(&format!("\n{link}\n"));
    (subject, body)
}

/// Subject and body, Indonesian then English.
pub fn compose(delivery: &Delivery, payload: &Value, public_url: Option<&str>) -> (String, String) {
    let (subject, id) = compose_in(Lang::Id, delivery, payload, public_url);
    let (_, en) = compose_in(Lang::En, delivery, payload, public_url);
    (subject, format!("{id}\n— — —\n\n{en}\n-- \nPantau"))
}

/// Sends one e-mail notification.
pub async fn send(mail: &Mail, delivery: &Delivery, public_url: Option<&str>) -> Result<(), Failure> {
    let payload: Value = serde_json::from_str(&delivery.payload)
        .map_err(|err| Failure::permanent(format!("stored notification is not JSON: {err}")))?;
    let to: Mailbox = delivery.recipient.parse().map_err(|err| {
        Failure::permanent(format!("recipient {:?} is not an e-mail address: {err}", delivery.recipient))
    })?;
    // A digest was written whole when it was queued.
    let (subject, body) = match payload["kind"].as_str() {
        Some("digest") => (delivery.subject.clone(), text(&payload, "text")),
        _ => compose(delivery, &payload, public_url),
    };
    let message = Message::builder()
        .from(mail.from.clone())
        .to(to)
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|err| Failure::permanent(format!("message cannot be built: {err}")))?;
    match &mail.mailer {
        Mailer::Smtp(transport) => transport.send(message).await.map(|_| ()).map_err(|err| {
            let reason = format!("SMTP: {err}");
            if err.is_permanent() { Failure::permanent(reason) } else { Failure::transient(reason) }
        }),
        Mailer::Stub(transport) => {
            transport.send(message).await.map_err(|err| Failure::transient(format!("stub: {err}")))
        }
    }
}
