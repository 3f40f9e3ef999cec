//! Server-side sessions (SPEC §2.5): 3 hours idle and the session ends; every request moves the
//! deadline (writes are throttled to once a minute). The id is rotated at login and at every change
//! of privilege: a new row replaces the old one.

use crate::secret::{random_token, sha256_hex};
use crate::{App, AppError};
use zairyu_store::{Conn, StoreError, sessions, users};

/// Touch the session row at most this often.
const TOUCH_EVERY_MS: i64 = 60_000;

/// The signed-in user as pages need them.
#[derive(Debug, Clone)]
pub struct SessionUser {
    pub user_id: i64,
    pub login_id: String,
    pub name: String,
    pub user_type: String,
    pub locale: String,
    /// The login before this one, shown as "Last login date".
    pub previous_login_at: Option<i64>,
    pub expires_at: i64,
    pub ens_approved: bool,
    pub rasens_approved: bool,
}

/// What a session cookie turned out to be.
#[derive(Debug, Clone)]
pub enum SessionState {
    /// No cookie, or one we never issued.
    None,
    /// A session that ran out of idle time (or was ended elsewhere): the user is told.
    Expired,
    Active(Box<SessionUser>),
}

/// Opens a session for a user and returns the id for the cookie.
pub async fn start(app: &App, conn: &mut Conn, user_id: i64) -> Result<String, AppError> {
    let raw = random_token(32);
    let now = app.now();
    sessions::create(
        conn,
        &sha256_hex(&raw),
        user_id,
        now,
        now + app.cfg.session_idle_ms,
    )
    .await?;
    Ok(raw)
}

/// Looks a cookie up; a live session's deadline moves forward.
pub async fn resolve(app: &App, raw: &str) -> Result<SessionState, AppError> {
    if raw.is_empty() || raw.len() > 100 {
        return Ok(SessionState::None);
    }
    let hash = sha256_hex(raw);
    let mut conn = app.db.read().await?;
    let Some(s) = sessions::get(&mut conn, &hash).await? else {
        return Ok(SessionState::Expired);
    };
    let now = app.now();
    if s.expires_at <= now {
        drop(conn);
        let mut w = app
            .db
            .writer()
            .acquire()
            .await
            .map_err(StoreError::from_sqlx)?;
        sessions::delete(&mut w, &hash).await?;
        return Ok(SessionState::Expired);
    }
    let Some(u) = users::by_id(&mut conn, s.user_id).await? else {
        return Ok(SessionState::Expired);
    };
    drop(conn);
    let mut expires_at = s.expires_at;
    if now - s.last_seen_at >= TOUCH_EVERY_MS {
        expires_at = now + app.cfg.session_idle_ms;
        let mut w = app
            .db
            .writer()
            .acquire()
            .await
            .map_err(StoreError::from_sqlx)?;
        sessions::touch(&mut w, &hash, now, expires_at).await?;
    }
    Ok(SessionState::Active(Box::new(SessionUser {
        user_id: u.id,
        login_id: u.login_id,
        name: u.name_en,
        user_type: u.user_type,
        locale: u.locale,
        previous_login_at: u.previous_login_at,
        expires_at,
        ens_approved: u.ens_approved_at.is_some(),
        rasens_approved: u.rasens_approved_at.is_some(),
    })))
}

/// OK in the timeout dialog: three more hours from now. Returns the new deadline.
pub async fn extend(app: &App, raw: &str) -> Result<Option<i64>, AppError> {
    let now = app.now();
    let expires_at = now + app.cfg.session_idle_ms;
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    Ok(sessions::touch(&mut w, &sha256_hex(raw), now, expires_at)
        .await?
        .then_some(expires_at))
}

/// Logout.
pub async fn end(app: &App, raw: &str) -> Result<(), AppError> {
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    sessions::delete(&mut w, &sha256_hex(raw)).await?;
    Ok(())
}

/// Replaces a session with a new id for the same user (after a change of privilege).
pub async fn rotate(
    app: &App,
    conn: &mut Conn,
    raw: &str,
    user_id: i64,
) -> Result<String, AppError> {
    sessions::delete(conn, &sha256_hex(raw)).await?;
    start(app, conn, user_id).await
}

/// The hash under which a session is stored (to keep it when ending a user's other sessions).
pub fn stored_id(raw: &str) -> String {
    sha256_hex(raw)
}
