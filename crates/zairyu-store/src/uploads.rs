//! Uploaded attachments (the bytes are in the file store; these rows say whose they are). Every
//! read is scoped: by the owner for uploads in progress, by the application for filed ones.

use crate::Millis;
use crate::db::{Conn, StoreError, q};
use sqlx::Row;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadRow {
    pub id: i64,
    pub file_id: String,
    pub user_id: i64,
    pub procedure_id: String,
    pub field_id: String,
    pub application_id: Option<i64>,
    pub file_name: String,
    /// `pdf` or `jpeg`: what the content is.
    pub kind: String,
    pub size: i64,
    pub sha256: String,
    pub created_at: Millis,
}

const COLUMNS: &str = "id, file_id, user_id, procedure_id, field_id, application_id, file_name, kind, size, sha256, created_at";

fn row(r: sqlx::any::AnyRow) -> Result<UploadRow, StoreError> {
    Ok(UploadRow {
        id: r.try_get("id").map_err(q)?,
        file_id: r.try_get("file_id").map_err(q)?,
        user_id: r.try_get("user_id").map_err(q)?,
        procedure_id: r.try_get("procedure_id").map_err(q)?,
        field_id: r.try_get("field_id").map_err(q)?,
        application_id: r.try_get("application_id").map_err(q)?,
        file_name: r.try_get("file_name").map_err(q)?,
        kind: r.try_get("kind").map_err(q)?,
        size: r.try_get("size").map_err(q)?,
        sha256: r.try_get("sha256").map_err(q)?,
        created_at: r.try_get("created_at").map_err(q)?,
    })
}

/// A file just received and stored.
#[derive(Debug, Clone)]
pub struct NewUpload<'a> {
    pub file_id: &'a str,
    pub user_id: i64,
    pub procedure_id: &'a str,
    pub field_id: &'a str,
    pub file_name: &'a str,
    pub kind: &'a str,
    pub size: i64,
    pub sha256: &'a str,
}

pub async fn insert(conn: &mut Conn, u: &NewUpload<'_>, now: Millis) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO uploads (file_id, user_id, procedure_id, field_id, file_name, kind, size, sha256, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(u.file_id)
    .bind(u.user_id)
    .bind(u.procedure_id)
    .bind(u.field_id)
    .bind(u.file_name)
    .bind(u.kind)
    .bind(u.size)
    .bind(u.sha256)
    .bind(now)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(())
}

/// The user's own uploads in progress (not yet part of an application) for this procedure, among
/// `file_ids` (at most 100 are looked at). Anything else — another user's file, a filed one, an
/// unknown id — is simply not returned.
pub async fn pending(
    conn: &mut Conn,
    user_id: i64,
    procedure_id: &str,
    file_ids: &[String],
) -> Result<Vec<UploadRow>, StoreError> {
    if file_ids.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<&String> = file_ids.iter().take(100).collect();
    let marks: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 3)).collect();
    let sql = format!(
        "SELECT {COLUMNS} FROM uploads WHERE user_id = $1 AND procedure_id = $2 AND application_id IS NULL \
         AND file_id IN ({}) ORDER BY id",
        marks.join(", ")
    );
    let mut query = sqlx::query(&sql).bind(user_id).bind(procedure_id);
    for id in ids {
        query = query.bind(id.as_str());
    }
    let rows = query.fetch_all(conn).await.map_err(q)?;
    rows.into_iter().map(row).collect()
}

/// Deletes one of the user's uploads in progress; the file id if there was one (so the caller
/// deletes the bytes), `None` if it is not theirs, already filed or already gone.
pub async fn delete_pending(
    conn: &mut Conn,
    user_id: i64,
    file_id: &str,
) -> Result<Option<String>, StoreError> {
    let gone = sqlx::query(
        "DELETE FROM uploads WHERE user_id = $1 AND file_id = $2 AND application_id IS NULL RETURNING file_id",
    )
    .bind(user_id)
    .bind(file_id)
    .fetch_optional(conn)
    .await
    .map_err(q)?;
    gone.map(|r| r.try_get::<String, _>("file_id").map_err(q))
        .transpose()
}

/// Links one of the user's uploads in progress to their new application (inside Apply's
/// transaction). False if the upload is no longer theirs to link (removed, purged, or filed with
/// another application in the meantime).
pub async fn link(
    conn: &mut Conn,
    user_id: i64,
    procedure_id: &str,
    file_id: &str,
    application_id: i64,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE uploads SET application_id = $1 WHERE user_id = $2 AND procedure_id = $3 AND file_id = $4 \
         AND application_id IS NULL",
    )
    .bind(application_id)
    .bind(user_id)
    .bind(procedure_id)
    .bind(file_id)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(done.rows_affected() == 1)
}

/// The files of an application, in upload order. The caller has checked that whoever asks may see
/// the application (its owner, or an officer with the permission).
pub async fn for_application(
    conn: &mut Conn,
    application_id: i64,
) -> Result<Vec<UploadRow>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM uploads WHERE application_id = $1 ORDER BY id"
    ))
    .bind(application_id)
    .fetch_all(conn)
    .await
    .map_err(q)?;
    rows.into_iter().map(row).collect()
}

/// One file of an application; `None` when the application has no such file.
pub async fn of_application(
    conn: &mut Conn,
    application_id: i64,
    file_id: &str,
) -> Result<Option<UploadRow>, StoreError> {
    let r = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM uploads WHERE application_id = $1 AND file_id = $2"
    ))
    .bind(application_id)
    .bind(file_id)
    .fetch_optional(conn)
    .await
    .map_err(q)?;
    r.map(row).transpose()
}

/// Deletes (at most 500) uploads in progress that were made before `before` and that no live
/// draft of their owner lists any more — the draft was applied without them, removed them,
/// replaced them (Load Data), or expired — and returns their file ids so the caller deletes the
/// bytes. The check is part of the statement, so an upload linked by an Apply running at the same
/// time is never taken.
pub async fn purge_abandoned(
    conn: &mut Conn,
    before: Millis,
    now: Millis,
) -> Result<Vec<String>, StoreError> {
    let rows = sqlx::query(
        "DELETE FROM uploads WHERE id IN (SELECT u.id FROM uploads u WHERE u.application_id IS NULL AND u.created_at < $1 \
         AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.user_id = u.user_id AND d.procedure_id = u.procedure_id \
         AND d.expires_at > $2 AND d.answers LIKE '%' || u.file_id || '%') ORDER BY u.id LIMIT 500) \
         AND application_id IS NULL RETURNING file_id",
    )
    .bind(before)
    .bind(now)
    .fetch_all(conn)
    .await
    .map_err(q)?;
    rows.into_iter()
        .map(|r| r.try_get::<String, _>("file_id").map_err(q))
        .collect()
}
