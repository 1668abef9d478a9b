//! The delivery sender: every few seconds it takes the notifications whose time has come from the outbox table,
//! sends each by e-mail (SMTP) or signed webhook, and records the result. A failure is retried with back-off
//! (`store::complaints::deliveries::backoff_ms`) or, when retrying cannot help, given up at once; either way the
//! reason is stored and shown to administrators on `/pengaduan/pengiriman`.

pub mod mail;
pub mod webhook;

use std::time::Duration;

use store::complaints::deliveries::{self, Delivery};
use store::{Db, StoreError};

pub use mail::{Mail, Mailer, SmtpSettings};

/// Deliveries taken in one pass.
const BATCH: i64 = 100;

/// Why a delivery failed, and whether another attempt could succeed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The reason shown to administrators.
    pub reason: String,
    /// True when retrying cannot help (a refused address, a missing setting).
    pub permanent: bool,
}

impl Failure {
    /// A failure another attempt will not fix.
    pub fn permanent(reason: String) -> Failure {
        Failure { reason, permanent: true }
    }

    /// A failure worth retrying later.
    pub fn transient(reason: String) -> Failure {
        Failure { reason, permanent: false }
    }
}

/// What one pass did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Delivered.
    pub sent: usize,
    /// Failed and queued again.
    pub retrying: usize,
    /// Failed for good.
    pub failed: usize,
}

/// The sender and its settings.
#[derive(Clone)]
pub struct Outbox {
    mail: Option<Mail>,
    http: reqwest::Client,
    public_url: Option<String>,
}

impl Outbox {
    /// A sender; without `mail`, e-mail deliveries fail with a reason that names the missing setting.
    pub fn new(mail: Option<Mail>, public_url: Option<String>) -> Outbox {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(15))
            .user_agent(concat!("Pantau/", env!("CARGO_PKG_VERSION")))
            .build()
            .unwrap_or_default();
        Outbox { mail, http, public_url }
    }

    async fn send(&self, db: &Db, delivery: &Delivery, now_secs: i64) -> Result<(), Failure> {
        match delivery.channel.as_str() {
            "email" => match &self.mail {
                Some(mail) => mail::send(mail, delivery, self.public_url.as_deref()).await,
                None => {
                    Err(Failure::permanent("no SMTP server is configured (PANTAU_SMTP_URL / --smtp-url)".to_owned()))
                }
            },
            "webhook" => {
                let settings = async {
                    let mut conn = db.conn().await?;
                    store::complaints::settings::load(&mut conn, &delivery.tenant).await
                }
                .await
                .map_err(|err| Failure::transient(format!("settings could not be read: {err}")))?;
                webhook::send(&self.http, delivery, settings.webhook_secret.as_deref(), now_secs).await
            }
            other => Err(Failure::permanent(format!("unknown channel {other:?}"))),
        }
    }

    /// Sends what is due at `now` and records each result.
    pub async fn run_once(&self, db: &Db, now: jiff::Timestamp) -> Result<Report, StoreError> {
        let due = {
            let mut conn = db.conn().await?;
            deliveries::list_due(&mut conn, now.as_millisecond(), BATCH).await?
        };
        let mut report = Report::default();
        for delivery in &due {
            let outcome = self.send(db, delivery, now.as_second()).await;
            let mut conn = db.conn().await?;
            match outcome {
                Ok(()) => {
                    deliveries::update_sent(&mut conn, delivery, now.as_millisecond()).await?;
                    report.sent += 1;
                }
                Err(failure) => {
                    let gives_up = failure.permanent || delivery.attempts + 1 >= deliveries::MAX_ATTEMPTS;
                    tracing::warn!(delivery = %delivery.id, channel = %delivery.channel, reason = %failure.reason, gives_up, "delivery failed");
                    deliveries::update_failed(
                        &mut conn,
                        delivery,
                        now.as_millisecond(),
                        &failure.reason,
                        failure.permanent,
                    )
                    .await?;
                    if gives_up { report.failed += 1 } else { report.retrying += 1 }
                }
            }
        }
        Ok(report)
    }

    /// Runs a pass every `every` until the task is dropped.
    pub async fn run_forever(self, db: Db, every: Duration) {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            match self.run_once(&db, jiff::Timestamp::now()).await {
                Ok(report) if report != Report::default() => tracing::info!(?report, "deliveries"),
                Ok(_) => {}
                Err(err) => tracing::warn!(error = %err, "delivery pass failed; retrying next tick"),
            }
        }
    }
}

#[cfg(test)]
mod tests;
