//! The audit trail: who did what, when and from where. Written in the same transaction as the change
//! it records. `detail` holds codes and ids only, never personal data.

use crate::Millis;
use crate::db::{Conn, StoreError, q};

pub struct AuditEntry<'a> {
    pub actor: &'a str,
    pub action: &'a str,
    pub subject: Option<&'a str>,
    pub ip: Option<&'a str>,
    pub detail: Option<&'a str>,
}

pub async fn record(conn: &mut Conn, e: &AuditEntry<'_>, at: Millis) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO audit_log (at, actor, action, subject, ip, detail) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(at)
        .bind(e.actor)
        .bind(e.action)
        .bind(e.subject)
        .bind(e.ip)
        .bind(e.detail)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(())
}

/// Number of entries for an action (used by tests and the back office).
pub async fn count(conn: &mut Conn, action: &str) -> Result<i64, StoreError> {
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(conn)
        .await
        .map_err(q)
}

/// One entry of the audit trail as the back office shows it.
#[derive(Debug, Clone)]
pub struct AuditRow {
    pub at: Millis,
    pub actor: String,
    pub action: String,
    pub subject: Option<String>,
    pub ip: Option<String>,
    pub detail: Option<String>,
}

/// The trail of one subject (e.g. `application:42`), oldest first.
pub async fn for_subject(conn: &mut Conn, subject: &str) -> Result<Vec<AuditRow>, StoreError> {
    use sqlx::Row;
    let rows = sqlx::query(
        "SELECT at, actor, action, subject, ip, detail FROM audit_log WHERE subject = $1 ORDER BY at, id LIMIT 1000",
    )
    .bind(subject)
    .fetch_all(conn)
    .await
    .map_err(q)?;
    rows.into_iter()
        .map(|r| {
            Ok(AuditRow {
                at: r.try_get("at").map_err(q)?,
                actor: r.try_get("actor").map_err(q)?,
                action: r.try_get("action").map_err(q)?,
                subject: r.try_get("subject").map_err(q)?,
                ip: r.try_get("ip").map_err(q)?,
                detail: r.try_get("detail").map_err(q)?,
            })
        })
        .collect()
}
