//! My Number Card readings: the one-time codes shown as QR codes and what the phone answered.
//! Every read is scoped by the owner's user id and browser session binding (DESIGN rule 6), except
//! the phone's answer, which is found by the hash of the unguessable nonce it carries.

use crate::Millis;
use crate::db::{Conn, StoreError, q};
use sqlx::Row;

#[derive(Debug, Clone)]
pub struct ChallengeRow {
    pub id: i64,
    pub user_id: i64,
    pub session_binding: String,
    pub procedure_id: String,
    pub kind: String,
    pub salt: String,
    pub created_at: Millis,
    pub expires_at: Millis,
    pub answered_at: Option<Millis>,
    /// `verified` or `failed`; None while waiting.
    pub outcome: Option<String>,
    pub failure: Option<String>,
    pub cert_fingerprint: Option<String>,
    pub revocation_checked: bool,
    /// JSON of the basic 4 information (signature readings).
    pub basic4: Option<String>,
    pub used_at: Option<Millis>,
}

const COLUMNS: &str = "id, user_id, session_binding, procedure_id, kind, salt, created_at, expires_at, \
    answered_at, outcome, failure, cert_fingerprint, revocation_checked, basic4, used_at";

fn row(r: sqlx::any::AnyRow) -> Result<ChallengeRow, StoreError> {
    Ok(ChallengeRow {
        id: r.try_get("id").map_err(q)?,
        user_id: r.try_get("user_id").map_err(q)?,
        session_binding: r.try_get("session_binding").map_err(q)?,
        procedure_id: r.try_get("procedure_id").map_err(q)?,
        kind: r.try_get("kind").map_err(q)?,
        salt: r.try_get("salt").map_err(q)?,
        created_at: r.try_get("created_at").map_err(q)?,
        expires_at: r.try_get("expires_at").map_err(q)?,
        answered_at: r.try_get("answered_at").map_err(q)?,
        outcome: r.try_get("outcome").map_err(q)?,
        failure: r.try_get("failure").map_err(q)?,
        cert_fingerprint: r.try_get("cert_fingerprint").map_err(q)?,
        revocation_checked: r.try_get::<i64, _>("revocation_checked").map_err(q)? != 0,
        basic4: r.try_get("basic4").map_err(q)?,
        used_at: r.try_get("used_at").map_err(q)?,
    })
}

pub struct NewChallenge<'a> {
    pub user_id: i64,
    pub session_binding: &'a str,
    pub procedure_id: &'a str,
    pub kind: &'a str,
    pub salt: &'a str,
    pub nonce_hash: &'a str,
    pub expires_at: Millis,
}

pub async fn insert(conn: &mut Conn, c: &NewChallenge<'_>, now: Millis) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO identity_challenges (user_id, session_binding, procedure_id, kind, salt, nonce_hash, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(c.user_id)
    .bind(c.session_binding)
    .bind(c.procedure_id)
    .bind(c.kind)
    .bind(c.salt)
    .bind(c.nonce_hash)
    .bind(now)
    .bind(c.expires_at)
    .fetch_one(conn)
    .await
    .map_err(q)?;
    Ok(id)
}

/// The newest challenge of one user's session for one procedure.
pub async fn latest(
    conn: &mut Conn,
    user_id: i64,
    session_binding: &str,
    procedure_id: &str,
) -> Result<Option<ChallengeRow>, StoreError> {
    let r = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM identity_challenges WHERE user_id = $1 AND session_binding = $2 AND procedure_id = $3 \
         ORDER BY id DESC LIMIT 1"
    ))
    .bind(user_id)
    .bind(session_binding)
    .bind(procedure_id)
    .fetch_optional(conn)
    .await
    .map_err(q)?;
    r.map(row).transpose()
}

/// One of the user's own challenges, by id.
pub async fn by_id(
    conn: &mut Conn,
    user_id: i64,
    session_binding: &str,
    id: i64,
) -> Result<Option<ChallengeRow>, StoreError> {
    let r = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM identity_challenges WHERE id = $1 AND user_id = $2 AND session_binding = $3"
    ))
    .bind(id)
    .bind(user_id)
    .bind(session_binding)
    .fetch_optional(conn)
    .await
    .map_err(q)?;
    r.map(row).transpose()
}

/// The challenge a phone answers, found by the hash of the nonce in its URL.
pub async fn by_nonce_hash(
    conn: &mut Conn,
    nonce_hash: &str,
) -> Result<Option<ChallengeRow>, StoreError> {
    let r = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM identity_challenges WHERE nonce_hash = $1"
    ))
    .bind(nonce_hash)
    .fetch_optional(conn)
    .await
    .map_err(q)?;
    r.map(row).transpose()
}

/// What the phone's answer established.
pub struct Answer<'a> {
    pub outcome: &'a str,
    pub failure: Option<&'a str>,
    pub cert_fingerprint: Option<&'a str>,
    pub cert_serial: Option<&'a str>,
    pub revocation_checked: bool,
    pub basic4: Option<&'a str>,
}

/// Records the answer to a waiting challenge, once: false when it was already answered (a replay
/// or a race), in which case nothing changes.
pub async fn answer(
    conn: &mut Conn,
    id: i64,
    a: &Answer<'_>,
    now: Millis,
) -> Result<bool, StoreError> {
    let n = sqlx::query(
        "UPDATE identity_challenges SET answered_at = $2, outcome = $3, failure = $4, cert_fingerprint = $5, \
         cert_serial = $6, revocation_checked = $7, basic4 = $8 WHERE id = $1 AND answered_at IS NULL",
    )
    .bind(id)
    .bind(now)
    .bind(a.outcome)
    .bind(a.failure)
    .bind(a.cert_fingerprint)
    .bind(a.cert_serial)
    .bind(i64::from(a.revocation_checked))
    .bind(a.basic4)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(n.rows_affected() == 1)
}

/// Marks a verified reading as used by an application, once.
pub async fn mark_used(
    conn: &mut Conn,
    id: i64,
    user_id: i64,
    application_id: i64,
    now: Millis,
) -> Result<bool, StoreError> {
    let n = sqlx::query(
        "UPDATE identity_challenges SET used_at = $3, application_id = $4 \
         WHERE id = $1 AND user_id = $2 AND used_at IS NULL AND outcome = 'verified'",
    )
    .bind(id)
    .bind(user_id)
    .bind(now)
    .bind(application_id)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(n.rows_affected() == 1)
}

/// The challenge of the same user, session and procedure issued just before `before_id`: what a
/// signature reading follows (the user-authentication reading it is linked to).
pub async fn previous(
    conn: &mut Conn,
    user_id: i64,
    session_binding: &str,
    procedure_id: &str,
    before_id: i64,
) -> Result<Option<ChallengeRow>, StoreError> {
    let r = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM identity_challenges WHERE user_id = $1 AND session_binding = $2 AND procedure_id = $3 \
         AND id < $4 ORDER BY id DESC LIMIT 1"
    ))
    .bind(user_id)
    .bind(session_binding)
    .bind(procedure_id)
    .bind(before_id)
    .fetch_optional(conn)
    .await
    .map_err(q)?;
    r.map(row).transpose()
}

/// The profile a user's approved RASENS request for use establishes (SPEC §11.2: postal code and
/// address are then theirs to change).
pub struct Profile<'a> {
    pub sex: &'a str,
    pub date_of_birth: &'a str,
    pub postal_code: &'a str,
    pub address: &'a str,
    pub telephone: &'a str,
}

pub async fn set_profile(
    conn: &mut Conn,
    user_id: i64,
    p: &Profile<'_>,
    now: Millis,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE users SET sex = $2, date_of_birth = $3, postal_code = $4, address = $5, telephone = $6, updated_at = $7 \
         WHERE id = $1",
    )
    .bind(user_id)
    .bind(p.sex)
    .bind(p.date_of_birth)
    .bind(p.postal_code)
    .bind(p.address)
    .bind(p.telephone)
    .bind(now)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(())
}

/// Deletes unanswered codes that ran out and readings older than `before` (the worker's purge).
pub async fn purge(conn: &mut Conn, now: Millis, before: Millis) -> Result<u64, StoreError> {
    let n = sqlx::query(
        "DELETE FROM identity_challenges WHERE application_id IS NULL AND ((answered_at IS NULL AND expires_at < $1) OR created_at < $2)",
    )
    .bind(now)
    .bind(before)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(n.rows_affected())
}
