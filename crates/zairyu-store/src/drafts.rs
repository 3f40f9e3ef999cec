//! Server-side drafts (better than the original): each Proceed to Confirmation keeps the entries, one
//! draft per user and procedure, so nothing is lost to a closed tab or an expired session.

use crate::Millis;
use crate::db::{Conn, StoreError, q};
use sqlx::Row;

#[derive(Debug, Clone)]
pub struct DraftRow {
    pub id: i64,
    pub user_id: i64,
    pub procedure_id: String,
    pub form_version: i64,
    pub answers: String,
    pub updated_at: Millis,
    pub expires_at: Millis,
    /// The filing this draft corrects (Modify from In Return Process).
    pub resubmission_of: Option<i64>,
}

fn row(r: sqlx::any::AnyRow) -> Result<DraftRow, StoreError> {
    Ok(DraftRow {
        id: r.try_get("id").map_err(q)?,
        user_id: r.try_get("user_id").map_err(q)?,
        procedure_id: r.try_get("procedure_id").map_err(q)?,
        form_version: r.try_get("form_version").map_err(q)?,
        answers: r.try_get("answers").map_err(q)?,
        updated_at: r.try_get("updated_at").map_err(q)?,
        expires_at: r.try_get("expires_at").map_err(q)?,
        resubmission_of: r.try_get("resubmission_of").map_err(q)?,
    })
}

/// Keeps the entries (replacing the user's earlier draft of the procedure).
pub async fn save(
    conn: &mut Conn,
    user_id: i64,
    procedure_id: &str,
    form_version: i64,
    answers: &str,
    expires_at: Millis,
    now: Millis,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE drafts SET form_version = $3, answers = $4, updated_at = $5, expires_at = $6, reminded_at = NULL WHERE user_id = $1 AND procedure_id = $2",
    )
    .bind(user_id)
    .bind(procedure_id)
    .bind(form_version)
    .bind(answers)
    .bind(now)
    .bind(expires_at)
    .execute(&mut *conn)
    .await
    .map_err(q)?;
    if done.rows_affected() == 0 {
        sqlx::query(
            "INSERT INTO drafts (user_id, procedure_id, form_version, answers, created_at, updated_at, expires_at) VALUES ($1, $2, $3, $4, $5, $5, $6)",
        )
        .bind(user_id)
        .bind(procedure_id)
        .bind(form_version)
        .bind(answers)
        .bind(now)
        .bind(expires_at)
        .execute(conn)
        .await
        .map_err(q)?;
    }
    Ok(())
}

pub async fn get(
    conn: &mut Conn,
    user_id: i64,
    procedure_id: &str,
    now: Millis,
) -> Result<Option<DraftRow>, StoreError> {
    let r = sqlx::query(
        "SELECT id, user_id, procedure_id, form_version, answers, updated_at, expires_at, resubmission_of FROM drafts WHERE user_id = $1 AND procedure_id = $2 AND expires_at > $3",
    )
    .bind(user_id)
    .bind(procedure_id)
    .bind(now)
    .fetch_optional(conn)
    .await
    .map_err(q)?;
    r.map(row).transpose()
}

/// The user's live drafts, most recently changed first.
pub async fn list(conn: &mut Conn, user_id: i64, now: Millis) -> Result<Vec<DraftRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, user_id, procedure_id, form_version, answers, updated_at, expires_at, resubmission_of FROM drafts WHERE user_id = $1 AND expires_at > $2 ORDER BY updated_at DESC",
    )
    .bind(user_id)
    .bind(now)
    .fetch_all(conn)
    .await
    .map_err(q)?;
    rows.into_iter().map(row).collect()
}

pub async fn delete(conn: &mut Conn, user_id: i64, procedure_id: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM drafts WHERE user_id = $1 AND procedure_id = $2")
        .bind(user_id)
        .bind(procedure_id)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(())
}

/// Drafts that expire before `until` and whose owner has not been reminded yet.
pub async fn expiring(
    conn: &mut Conn,
    now: Millis,
    until: Millis,
) -> Result<Vec<DraftRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, user_id, procedure_id, form_version, answers, updated_at, expires_at, resubmission_of FROM drafts \
         WHERE reminded_at IS NULL AND expires_at > $1 AND expires_at <= $2 ORDER BY expires_at LIMIT 500",
    )
    .bind(now)
    .bind(until)
    .fetch_all(conn)
    .await
    .map_err(q)?;
    rows.into_iter().map(row).collect()
}

/// Records the reminder; false if another worker sent it first.
pub async fn mark_reminded(conn: &mut Conn, id: i64, now: Millis) -> Result<bool, StoreError> {
    let done =
        sqlx::query("UPDATE drafts SET reminded_at = $2 WHERE id = $1 AND reminded_at IS NULL")
            .bind(id)
            .bind(now)
            .execute(conn)
            .await
            .map_err(q)?;
    Ok(done.rows_affected() == 1)
}

/// Deletes drafts past their time.
pub async fn purge_expired(conn: &mut Conn, now: Millis) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM drafts WHERE expires_at <= $1")
        .bind(now)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(done.rows_affected())
}

/// Marks the user's draft of a procedure as the correction of a filing (or clears the mark).
pub async fn set_resubmission(
    conn: &mut Conn,
    user_id: i64,
    procedure_id: &str,
    of: Option<i64>,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE drafts SET resubmission_of = $3 WHERE user_id = $1 AND procedure_id = $2")
        .bind(user_id)
        .bind(procedure_id)
        .bind(of)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(())
}
