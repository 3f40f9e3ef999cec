//! Officers, their sessions, and the offices' number sequences. Officers are a separate table from
//! users: an applicant account can never become an officer by a flag, and the two never share a
//! session.

use crate::Millis;
use crate::db::{Conn, StoreError, q};
use crate::users::{Attempt, reserve_attempt_in};
use sqlx::Row;
use sqlx::any::AnyRow;

#[derive(Debug, Clone)]
pub struct OfficerRow {
    pub id: i64,
    pub login_id: String,
    pub name: String,
    pub email: String,
    pub role: String,
    pub office: String,
    pub password_hash: String,
    pub totp_sealed: Option<String>,
    pub totp_pending: Option<String>,
    pub totp_last_step: i64,
    pub failed_logins: i64,
    pub locked_until: Option<Millis>,
    pub disabled_at: Option<Millis>,
    pub locale: String,
    pub last_login_at: Option<Millis>,
    pub created_at: Millis,
}

const COLUMNS: &str = "id, login_id, name, email, role, office, password_hash, totp_sealed, totp_pending, totp_last_step, \
    failed_logins, locked_until, disabled_at, locale, last_login_at, created_at";

fn row(r: AnyRow) -> Result<OfficerRow, StoreError> {
    Ok(OfficerRow {
        id: r.try_get("id").map_err(q)?,
        login_id: r.try_get("login_id").map_err(q)?,
        name: r.try_get("name").map_err(q)?,
        email: r.try_get("email").map_err(q)?,
        role: r.try_get("role").map_err(q)?,
        office: r.try_get("office").map_err(q)?,
        password_hash: r.try_get("password_hash").map_err(q)?,
        totp_sealed: r.try_get("totp_sealed").map_err(q)?,
        totp_pending: r.try_get("totp_pending").map_err(q)?,
        totp_last_step: r.try_get("totp_last_step").map_err(q)?,
        failed_logins: r.try_get("failed_logins").map_err(q)?,
        locked_until: r.try_get("locked_until").map_err(q)?,
        disabled_at: r.try_get("disabled_at").map_err(q)?,
        locale: r.try_get("locale").map_err(q)?,
        last_login_at: r.try_get("last_login_at").map_err(q)?,
        created_at: r.try_get("created_at").map_err(q)?,
    })
}

pub struct NewOfficer<'a> {
    pub login_id: &'a str,
    pub name: &'a str,
    pub email: &'a str,
    pub role: &'a str,
    pub office: &'a str,
    pub password_hash: &'a str,
    pub locale: &'a str,
}

/// `UniqueViolation` when the login ID is taken.
pub async fn insert(conn: &mut Conn, o: &NewOfficer<'_>, now: Millis) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO officers (login_id, name, email, role, office, password_hash, locale, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
    )
    .bind(o.login_id)
    .bind(o.name)
    .bind(o.email)
    .bind(o.role)
    .bind(o.office)
    .bind(o.password_hash)
    .bind(o.locale)
    .bind(now)
    .fetch_one(conn)
    .await
    .map_err(q)
}

pub async fn by_id(conn: &mut Conn, id: i64) -> Result<Option<OfficerRow>, StoreError> {
    sqlx::query(&format!("SELECT {COLUMNS} FROM officers WHERE id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await
        .map_err(q)?
        .map(row)
        .transpose()
}

pub async fn by_login_id(
    conn: &mut Conn,
    login_id: &str,
) -> Result<Option<OfficerRow>, StoreError> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM officers WHERE login_id = $1"
    ))
    .bind(login_id)
    .fetch_optional(conn)
    .await
    .map_err(q)?
    .map(row)
    .transpose()
}

pub async fn list(conn: &mut Conn) -> Result<Vec<OfficerRow>, StoreError> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM officers ORDER BY office, login_id"
    ))
    .fetch_all(conn)
    .await
    .map_err(q)?
    .into_iter()
    .map(row)
    .collect()
}

pub async fn count(conn: &mut Conn) -> Result<i64, StoreError> {
    sqlx::query_scalar("SELECT COUNT(*) FROM officers")
        .fetch_one(conn)
        .await
        .map_err(q)
}

/// Reserves one attempt at a login step (password or TOTP code); see `users::reserve_attempt`.
pub async fn reserve_attempt(
    conn: &mut Conn,
    id: i64,
    now: Millis,
    max_failures: i64,
    lock_until: Millis,
) -> Result<Attempt, StoreError> {
    reserve_attempt_in(conn, "officers", id, now, max_failures, lock_until).await
}

/// Clears the counter once both factors passed; false when a lock set meanwhile must win.
pub async fn login_succeeded(
    conn: &mut Conn,
    id: i64,
    slot: i64,
    max_failures: i64,
    now: Millis,
) -> Result<bool, StoreError> {
    let sql = if slot >= max_failures {
        "UPDATE officers SET failed_logins = 0, locked_until = NULL, last_login_at = $2 WHERE id = $1 AND failed_logins >= $3"
    } else {
        "UPDATE officers SET failed_logins = 0, locked_until = NULL, last_login_at = $2 WHERE id = $1 AND locked_until IS NULL AND $3 > 0"
    };
    let done = sqlx::query(sql)
        .bind(id)
        .bind(now)
        .bind(max_failures)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_totp_pending(
    conn: &mut Conn,
    id: i64,
    sealed: Option<&str>,
    now: Millis,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE officers SET totp_pending = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(sealed)
        .bind(now)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(())
}

/// Makes the offered secret the officer's second factor.
pub async fn confirm_totp(
    conn: &mut Conn,
    id: i64,
    sealed: &str,
    step: i64,
    now: Millis,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE officers SET totp_sealed = $2, totp_pending = NULL, totp_last_step = $3, updated_at = $4 WHERE id = $1",
    )
    .bind(id)
    .bind(sealed)
    .bind(step)
    .bind(now)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(())
}

/// Takes a TOTP time step; false when it (or a later one) was already used, so a code seen over
/// someone's shoulder cannot be replayed.
pub async fn use_totp_step(conn: &mut Conn, id: i64, step: i64) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE officers SET totp_last_step = $2 WHERE id = $1 AND totp_last_step < $2",
    )
    .bind(id)
    .bind(step)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(done.rows_affected() == 1)
}

/// Removes the second factor (an admin's reset): the officer enrols again at the next login.
pub async fn reset_totp(conn: &mut Conn, id: i64, now: Millis) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE officers SET totp_sealed = NULL, totp_pending = NULL, totp_last_step = 0, updated_at = $2 WHERE id = $1",
    )
    .bind(id)
    .bind(now)
    .execute(&mut *conn)
    .await
    .map_err(q)?;
    delete_sessions(conn, id).await
}

pub async fn set_role_office(
    conn: &mut Conn,
    id: i64,
    role: &str,
    office: &str,
    now: Millis,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE officers SET role = $2, office = $3, updated_at = $4 WHERE id = $1")
        .bind(id)
        .bind(role)
        .bind(office)
        .bind(now)
        .execute(&mut *conn)
        .await
        .map_err(q)?;
    // A change of privilege ends the officer's sessions.
    delete_sessions(conn, id).await
}

pub async fn set_disabled(
    conn: &mut Conn,
    id: i64,
    disabled_at: Option<Millis>,
    now: Millis,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE officers SET disabled_at = $2, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(disabled_at)
        .bind(now)
        .execute(&mut *conn)
        .await
        .map_err(q)?;
    delete_sessions(conn, id).await
}

pub async fn set_password(
    conn: &mut Conn,
    id: i64,
    hash: &str,
    now: Millis,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE officers SET password_hash = $2, failed_logins = 0, locked_until = NULL, updated_at = $3 WHERE id = $1")
        .bind(id)
        .bind(hash)
        .bind(now)
        .execute(&mut *conn)
        .await
        .map_err(q)?;
    delete_sessions(conn, id).await
}

// --- sessions ---

#[derive(Debug, Clone)]
pub struct OfficerSessionRow {
    pub officer_id: i64,
    pub stage: String,
    pub last_seen_at: Millis,
    pub expires_at: Millis,
}

pub async fn create_session(
    conn: &mut Conn,
    id_hash: &str,
    officer_id: i64,
    stage: &str,
    now: Millis,
    expires_at: Millis,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO officer_sessions (id_hash, officer_id, stage, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)",
    )
    .bind(id_hash)
    .bind(officer_id)
    .bind(stage)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(())
}

pub async fn get_session(
    conn: &mut Conn,
    id_hash: &str,
) -> Result<Option<OfficerSessionRow>, StoreError> {
    let r = sqlx::query("SELECT officer_id, stage, last_seen_at, expires_at FROM officer_sessions WHERE id_hash = $1")
        .bind(id_hash)
        .fetch_optional(conn)
        .await
        .map_err(q)?;
    r.map(|r| {
        Ok(OfficerSessionRow {
            officer_id: r.try_get("officer_id").map_err(q)?,
            stage: r.try_get("stage").map_err(q)?,
            last_seen_at: r.try_get("last_seen_at").map_err(q)?,
            expires_at: r.try_get("expires_at").map_err(q)?,
        })
    })
    .transpose()
}

pub async fn touch_session(
    conn: &mut Conn,
    id_hash: &str,
    now: Millis,
    expires_at: Millis,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE officer_sessions SET last_seen_at = $2, expires_at = $3 WHERE id_hash = $1",
    )
    .bind(id_hash)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(())
}

pub async fn delete_session(conn: &mut Conn, id_hash: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM officer_sessions WHERE id_hash = $1")
        .bind(id_hash)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(())
}

pub async fn delete_sessions(conn: &mut Conn, officer_id: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM officer_sessions WHERE officer_id = $1")
        .bind(officer_id)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(())
}

pub async fn purge_sessions(conn: &mut Conn, now: Millis) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM officer_sessions WHERE expires_at <= $1")
        .bind(now)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(done.rows_affected())
}

/// The next number of a sequence, taken inside the caller's transaction (the row lock serialises
/// two officers receiving at once on PostgreSQL; SQLite has a single writer).
pub async fn next_number(
    conn: &mut Conn,
    office: &str,
    kind: &str,
    year: i64,
) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO number_sequences (office, kind, year, next_value) VALUES ($1, $2, $3, 1) \
         ON CONFLICT (office, kind, year) DO UPDATE SET next_value = number_sequences.next_value + 1 \
         RETURNING next_value",
    )
    .bind(office)
    .bind(kind)
    .bind(year)
    .fetch_one(conn)
    .await
    .map_err(q)
}
