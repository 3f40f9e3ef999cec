//! Emails leave only through the job queue. A use case enqueues a `MailJob` in its own transaction;
//! the worker renders and sends it later. A link's token is not in the job: the job names the token
//! row, and the worker re-derives the token from the row's nonce and the server key, so a job sent
//! twice after a crash sends the same working link, and the database never holds a usable one.

use crate::clock::{MINUTE, SECOND_MS};
use crate::{App, AppError};
use serde::{Deserialize, Serialize};
use std::time::Duration;
use zairyu_i18n::Locale;
use zairyu_mail::{MailMessage, render};
use zairyu_store::{Conn, jobs, tokens};

pub const MAIL_JOB: &str = "mail";
/// After this many failed attempts (about two days with the backoff below) a job is parked as
/// failed: kept, logged, and requeued by `zairyu worker --requeue-failed`.
pub const MAX_ATTEMPTS: i64 = 60;

/// A link whose token is derived when the mail is written.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct TokenLink {
    pub token_id: i64,
    /// Path before the token, e.g. `/register/`.
    pub path: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct MailJob {
    pub to: String,
    pub locale: String,
    pub message: MailMessage,
    pub link: Option<TokenLink>,
}

/// Queues a mail inside the caller's transaction.
pub async fn enqueue_mail(conn: &mut Conn, job: &MailJob, now: i64) -> Result<i64, AppError> {
    let payload = serde_json::to_string(job).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(jobs::enqueue(conn, MAIL_JOB, &payload, now, now).await?)
}

/// Derives the token that a link carries from its row's nonce.
pub fn token_for(app: &App, purpose: &str, nonce: &str) -> String {
    crate::secret::b64(
        &app.key
            .mac(&format!("email-token:{purpose}"), nonce.as_bytes()),
    )
}

/// The delay before attempt `n + 1`: 10 s doubling to at most an hour.
pub fn backoff_ms(attempts: i64) -> i64 {
    let exp = attempts.clamp(1, 10) as u32 - 1;
    (10 * SECOND_MS * 2i64.pow(exp)).min(60 * MINUTE)
}

/// Runs one due job if there is one; returns whether one ran.
pub async fn run_one(app: &App) -> Result<bool, AppError> {
    let now = app.now();
    let Some(job) = jobs::claim(&app.db, now, 5 * MINUTE).await? else {
        return Ok(false);
    };
    let result = match job.kind.as_str() {
        MAIL_JOB => send_mail(app, job.id, &job.payload).await,
        other => Err(format!("unknown job kind {other}")),
    };
    let mut conn = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(zairyu_store::StoreError::from_sqlx)?;
    match result {
        Ok(()) => {
            jobs::complete(&mut conn, job.id, app.now()).await?;
            tracing::info!(job.id = job.id, job.kind = %job.kind, job.attempts = job.attempts, "job done");
        }
        Err(e) => {
            let retry = (job.attempts < MAX_ATTEMPTS).then(|| app.now() + backoff_ms(job.attempts));
            jobs::fail(&mut conn, job.id, &e, retry, app.now()).await?;
            if retry.is_some() {
                tracing::warn!(job.id = job.id, job.kind = %job.kind, job.attempts = job.attempts, error = %e, "job failed, will retry");
            } else {
                tracing::error!(job.id = job.id, job.kind = %job.kind, job.attempts = job.attempts, error = %e, "job failed for good, parked");
            }
        }
    }
    Ok(true)
}

async fn send_mail(app: &App, job_id: i64, payload: &str) -> Result<(), String> {
    let job: MailJob = serde_json::from_str(payload).map_err(|e| format!("payload: {e}"))?;
    let locale = Locale::from_code(&job.locale).unwrap_or_default();
    let mut message = job.message.clone();
    if let Some(link) = &job.link {
        let mut conn = app.db.read().await.map_err(|e| e.to_string())?;
        let row = tokens::by_id(&mut conn, link.token_id)
            .await
            .map_err(|e| e.to_string())?
            .ok_or("token row missing")?;
        let url = app.url(&format!(
            "{}{}",
            link.path,
            token_for(app, &row.purpose, &row.nonce)
        ));
        match &mut message {
            MailMessage::RegistrationLink { url: u, .. }
            | MailMessage::PasswordResetLink { url: u, .. }
            | MailMessage::EmailChangeLink { url: u, .. } => *u = url,
            _ => return Err("link on a message without one".into()),
        }
    }
    let rendered = render(&app.i18n, locale, &message);
    app.transport
        .send(
            &app.cfg.mail_from,
            &job.to,
            &message_id(app, job_id),
            &rendered,
            app.now(),
        )
        .await
        .map_err(|e| e.to_string())
}

/// A Message-ID stable across retries of one job (so a resend is recognisably the same mail) and
/// different between installations (the suffix comes from the server key).
fn message_id(app: &App, job_id: i64) -> String {
    let tag: String = app.key.mac("message-id", &job_id.to_be_bytes())[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("mail-{job_id:012}-{tag}")
}

/// Deletes what has served its time: expired sessions, and the entries kept on used or expired
/// registration links (they hold a password hash).
pub async fn purge(app: &App) -> Result<(), AppError> {
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(zairyu_store::StoreError::from_sqlx)?;
    let n = zairyu_store::sessions::purge_expired(&mut w, app.now()).await?;
    let m = zairyu_store::tokens::purge_drafts(&mut w, app.now()).await?;
    drop(w);
    let reminded = crate::filing::remind_and_purge_drafts(app).await?;
    if reminded > 0 {
        tracing::info!(drafts = reminded, "draft expiry reminders queued");
    }
    // After the drafts: the uploads of drafts that just expired go in the same round.
    let uploads = crate::attachments::purge(app).await?;
    if uploads > 0 {
        tracing::info!(uploads, "abandoned uploads purged");
    }
    if n + m > 0 {
        tracing::info!(sessions = n, drafts = m, "purged");
    }
    Ok(())
}

/// The worker loop: drains due jobs, then sleeps `idle` (woken early by shutdown).
pub async fn worker(app: App, idle: Duration, mut shutdown: tokio::sync::watch::Receiver<bool>) {
    tracing::info!("worker started");
    let mut last_purge = 0i64;
    loop {
        if app.now() - last_purge > 10 * MINUTE {
            last_purge = app.now();
            if let Err(e) = purge(&app).await {
                tracing::error!(error = %e, "purge failed");
            }
        }
        match run_one(&app).await {
            Ok(true) if !*shutdown.borrow() => continue,
            Ok(true) => break,
            Ok(false) => {}
            Err(e) => tracing::error!(error = %e, "worker could not run a job"),
        }
        tokio::select! {
            _ = tokio::time::sleep(idle) => {}
            _ = shutdown.changed() => {}
        }
        if *shutdown.borrow() {
            break;
        }
    }
    tracing::info!("worker stopped");
}

/// Jobs waiting and jobs parked as failed (for `/metrics`).
pub async fn backlog(app: &App) -> Result<(i64, i64), AppError> {
    let mut conn = app.db.read().await?;
    Ok(jobs::backlog(&mut conn).await?)
}

/// Puts parked jobs back in the queue.
pub async fn requeue_failed(app: &App) -> Result<u64, AppError> {
    let mut conn = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(zairyu_store::StoreError::from_sqlx)?;
    Ok(jobs::requeue_failed(&mut conn, app.now()).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_caps() {
        assert_eq!(backoff_ms(1), 10_000);
        assert_eq!(backoff_ms(2), 20_000);
        assert_eq!(backoff_ms(9), 2560 * 1000);
        assert_eq!(backoff_ms(10), 60 * MINUTE);
        assert_eq!(backoff_ms(50), 60 * MINUTE);
    }
}
