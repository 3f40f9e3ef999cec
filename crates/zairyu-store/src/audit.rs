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
