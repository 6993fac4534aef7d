//! The mail worker: sends what the outbox holds, over SMTP with lettre (or, with no `SMTP_URL`,
//! into `.eml` files under the data folder).
//!
//! Each email is claimed before it is sent, by a conditional update that only one process can
//! win, with a lease: two portal processes on one database never send the same row, and a
//! process that dies holding a lease gives the row back when the lease ends. A transient failure
//! (a 4xx answer, a refused connection, a timeout) is retried with exponential backoff; a
//! permanent one (a 5xx answer, an address no server takes) marks the row failed for staff to
//! see. Every attempt carries the same Message-ID, so that the one case where a repeat is
//! possible (a process killed after the server accepted the message and before the row was
//! marked sent) can be recognised by the receiving side.

use crate::config::Config;
use app::models::OutboxStatus;
use app::server::entities::outbox;
use chrono::{Duration as Span, Utc};
use lettre::{
    AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{Mailbox, MultiPart},
};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, sea_query::Expr,
};
use std::{sync::Arc, time::Duration};
use tokio::sync::Notify;

/// Where mail goes.
#[derive(Clone)]
pub enum Transport {
    /// The server, and the longest one sending may take in all.
    Smtp(AsyncSmtpTransport<Tokio1Executor>, Duration),
    Files(AsyncFileTransport<Tokio1Executor>),
}

/// How long one exchange with the SMTP server (connecting, each command, the message) may
/// take by default (`PORTAL_SMTP_TIMEOUT`), and, four times over, one whole sending; a server
/// that stops answering counts as a transient failure, tried again later. (lettre's own timeout
/// bounds the connection, but not the wait for a greeting that never comes: the whole sending
/// is bounded here.)
pub const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

/// How long a claim on an email holds when a sending may take `timeout` per exchange: well
/// beyond the longest whole sending (four exchanges' worth), so that no other process takes
/// over an email still being sent, yet no longer than needed, because the emails a killed
/// process held wait this long before the next process sends them.
pub fn lease_for(timeout: Duration) -> Duration {
    timeout * 10
}

impl Transport {
    /// SMTP to the server of a lettre URL (`smtp://host:port`, `smtps://user:pass@host`), each
    /// exchange bounded by `timeout`.
    pub fn smtp(url: &str, timeout: Duration) -> Result<Self, lettre::transport::smtp::Error> {
        let transport =
            AsyncSmtpTransport::<Tokio1Executor>::from_url(url)?.timeout(Some(timeout)).build();
        Ok(Transport::Smtp(transport, timeout))
    }

    /// The transport the configuration names; the mail folder is created when used.
    pub fn from_config(config: &Config) -> anyhow::Result<Self> {
        use anyhow::Context;
        match &config.smtp_url {
            Some(url) => {
                let timeout = Duration::from_secs(u64::from(config.smtp_timeout_seconds));
                Transport::smtp(url, timeout).context("SMTP_URL")
            }
            None => {
                let dir = config.mail_dir();
                std::fs::create_dir_all(&dir)
                    .with_context(|| format!("cannot create the mail folder {}", dir.display()))?;
                Ok(Transport::Files(AsyncFileTransport::new(dir)))
            }
        }
    }
}

/// How the worker paces itself.
#[derive(Clone, Copy, Debug)]
pub struct Pacing {
    /// The wait before the first retry; each later one doubles it, up to 120 times it.
    pub retry_base: Duration,
    /// Attempts before an email that keeps failing transiently is marked failed.
    pub max_attempts: i32,
    /// How long a claim holds (see `lease_for`).
    pub lease: Duration,
    /// How often the outbox is looked at when nothing wakes the worker.
    pub poll: Duration,
}

impl Default for Pacing {
    fn default() -> Self {
        Pacing {
            retry_base: Duration::from_secs(30),
            max_attempts: 15,
            lease: lease_for(SMTP_TIMEOUT),
            poll: Duration::from_secs(5),
        }
    }
}

/// What became of one attempt.
enum Outcome {
    Sent,
    Retry(String),
    Failed(String),
}

pub struct MailWorker {
    pub db: DatabaseConnection,
    pub transport: Transport,
    pub from: Mailbox,
    pub pacing: Pacing,
    pub signal: Arc<Notify>,
    /// Names this process in the rows it claims.
    pub id: String,
}

fn span(duration: Duration) -> Span {
    Span::from_std(duration).unwrap_or(Span::seconds(60))
}

impl MailWorker {
    pub fn new(
        db: DatabaseConnection,
        transport: Transport,
        from: Mailbox,
        signal: Arc<Notify>,
    ) -> Self {
        let id = format!("{}-{}", std::process::id(), rand_suffix());
        let mut pacing = Pacing::default();
        if let Transport::Smtp(_, timeout) = &transport {
            pacing.lease = lease_for(*timeout);
        }
        MailWorker { db, transport, from, pacing, signal, id }
    }

    /// Sends forever: whenever woken, and every `poll` otherwise.
    pub async fn run(self) {
        loop {
            match self.drain().await {
                Ok(0) => {}
                Ok(sent) => tracing::info!(sent, "mail sent"),
                Err(err) => tracing::warn!(cause = %err, "the mail worker cannot read the outbox"),
            }
            tokio::select! {
                () = self.signal.notified() => {},
                () = tokio::time::sleep(self.pacing.poll) => {},
            }
        }
    }

    /// Sends every email that is due, until none is or the mail server stops answering.
    /// Returns how many were sent.
    pub async fn drain(&self) -> Result<usize, DbErr> {
        let mut sent = 0;
        loop {
            let Some(row) = self.claim_next().await? else { return Ok(sent) };
            match self.send(&row).await {
                Outcome::Sent => {
                    self.finish(&row, OutboxStatus::Sent, None).await?;
                    sent += 1;
                }
                Outcome::Failed(reason) => {
                    tracing::warn!(outbox = row.id, %reason, "an email failed for good");
                    self.finish(&row, OutboxStatus::Failed, Some(reason)).await?;
                }
                Outcome::Retry(reason) => {
                    let attempts = row.attempts + 1;
                    if attempts >= self.pacing.max_attempts {
                        tracing::warn!(outbox = row.id, %reason, "an email kept failing; giving up");
                        self.finish(&row, OutboxStatus::Failed, Some(reason)).await?;
                    } else {
                        tracing::info!(outbox = row.id, attempts, %reason, "mail server unavailable; will retry");
                        self.retry_later(&row, attempts, reason).await?;
                        // The server is likely down for the others too: try again later.
                        return Ok(sent);
                    }
                }
            }
        }
    }

    /// Claims the oldest due email: a conditional update that only one process can win.
    async fn claim_next(&self) -> Result<Option<outbox::Model>, DbErr> {
        let now = Utc::now();
        let open = [OutboxStatus::Pending.as_str(), OutboxStatus::Sending.as_str()];
        let free = Condition::any()
            .add(outbox::Column::LockedUntil.is_null())
            .add(outbox::Column::LockedUntil.lt(now));
        let candidates: Vec<i32> = outbox::Entity::find()
            .select_only()
            .column(outbox::Column::Id)
            .filter(outbox::Column::Status.is_in(open))
            .filter(outbox::Column::NextAttemptAt.lte(now))
            .filter(free.clone())
            .order_by_asc(outbox::Column::Id)
            .limit(8)
            .into_tuple()
            .all(&self.db)
            .await?;
        for id in candidates {
            let claimed = outbox::Entity::update_many()
                .col_expr(outbox::Column::Status, Expr::value(OutboxStatus::Sending.as_str()))
                .col_expr(outbox::Column::LockedBy, Expr::value(self.id.clone()))
                .col_expr(outbox::Column::LockedUntil, Expr::value(now + span(self.pacing.lease)))
                .filter(outbox::Column::Id.eq(id))
                .filter(outbox::Column::Status.is_in(open))
                .filter(free.clone())
                .exec(&self.db)
                .await?;
            if claimed.rows_affected == 1 {
                return outbox::Entity::find_by_id(id).one(&self.db).await;
            }
        }
        Ok(None)
    }

    async fn finish(
        &self,
        row: &outbox::Model,
        status: OutboxStatus,
        error: Option<String>,
    ) -> Result<(), DbErr> {
        let now = Utc::now();
        let mut update = outbox::Entity::update_many()
            .col_expr(outbox::Column::Status, Expr::value(status.as_str()))
            .col_expr(outbox::Column::Attempts, Expr::value(row.attempts + 1))
            .col_expr(outbox::Column::LockedBy, Expr::value(Option::<String>::None))
            .col_expr(
                outbox::Column::LockedUntil,
                Expr::value(Option::<chrono::DateTime<Utc>>::None),
            )
            .col_expr(outbox::Column::LastError, Expr::value(error));
        if status == OutboxStatus::Sent {
            update = update.col_expr(outbox::Column::SentAt, Expr::value(Some(now)));
        }
        update
            .filter(outbox::Column::Id.eq(row.id))
            .filter(outbox::Column::LockedBy.eq(self.id.clone()))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    async fn retry_later(
        &self,
        row: &outbox::Model,
        attempts: i32,
        error: String,
    ) -> Result<(), DbErr> {
        let exponent = u32::try_from(attempts - 1).unwrap_or(0).min(7);
        let delay = (self.pacing.retry_base * 2u32.pow(exponent)).min(self.pacing.retry_base * 120);
        outbox::Entity::update_many()
            .col_expr(outbox::Column::Status, Expr::value(OutboxStatus::Pending.as_str()))
            .col_expr(outbox::Column::Attempts, Expr::value(attempts))
            .col_expr(outbox::Column::NextAttemptAt, Expr::value(Utc::now() + span(delay)))
            .col_expr(outbox::Column::LockedBy, Expr::value(Option::<String>::None))
            .col_expr(
                outbox::Column::LockedUntil,
                Expr::value(Option::<chrono::DateTime<Utc>>::None),
            )
            .col_expr(outbox::Column::LastError, Expr::value(Some(error)))
            .filter(outbox::Column::Id.eq(row.id))
            .filter(outbox::Column::LockedBy.eq(self.id.clone()))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    async fn send(&self, row: &outbox::Model) -> Outcome {
        let message = match build(&self.from, row) {
            Ok(message) => message,
            Err(reason) => return Outcome::Failed(reason),
        };
        match &self.transport {
            Transport::Smtp(smtp, timeout) => {
                let whole = *timeout * 4;
                match tokio::time::timeout(whole, smtp.send(message)).await {
                    Ok(Ok(_)) => Outcome::Sent,
                    Ok(Err(err)) if err.is_permanent() => Outcome::Failed(err.to_string()),
                    Ok(Err(err)) => Outcome::Retry(err.to_string()),
                    Err(_) => Outcome::Retry(format!(
                        "the SMTP server did not finish within {} seconds",
                        whole.as_secs_f32()
                    )),
                }
            }
            Transport::Files(files) => match files.send(message).await {
                Ok(_) => Outcome::Sent,
                Err(err) => Outcome::Retry(err.to_string()),
            },
        }
    }
}

/// The addresses of a comma-separated list.
fn mailboxes(list: &str) -> Result<Vec<Mailbox>, String> {
    list.split(',')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(|a| a.parse::<Mailbox>().map_err(|e| format!("bad address: {e}")))
        .collect()
}

/// The email of an outbox row, with a text and an HTML part.
fn build(from: &Mailbox, row: &outbox::Model) -> Result<Message, String> {
    let mut builder = Message::builder()
        .from(from.clone())
        .subject(row.subject.clone())
        .message_id(Some(row.message_id.clone()));
    let to = mailboxes(&row.to_addrs)?;
    if to.is_empty() {
        return Err("no recipient".into());
    }
    for address in to {
        builder = builder.to(address);
    }
    for address in mailboxes(row.cc_addrs.as_deref().unwrap_or_default())? {
        builder = builder.cc(address);
    }
    if let Some(reply_to) = &row.reply_to {
        for address in mailboxes(reply_to)? {
            builder = builder.reply_to(address);
        }
    }
    builder
        .multipart(MultiPart::alternative_plain_html(row.body_text.clone(), row.body_html.clone()))
        .map_err(|e| format!("cannot build the message: {e}"))
}

/// Tells apart the workers of one process (tests run several) and of restarts of it.
fn rand_suffix() -> String {
    static WORKERS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let n = WORKERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("{nanos:08x}-{n}")
}

/// Emails of the outbox by status.
#[cfg(test)]
pub async fn count_by_status(
    db: &impl sea_orm::ConnectionTrait,
    status: OutboxStatus,
) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    outbox::Entity::find().filter(outbox::Column::Status.eq(status.as_str())).count(db).await
}
