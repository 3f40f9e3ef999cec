//! Login and logout (SPEC §4.1–4.3). Five consecutive wrong passwords lock the account for 24 hours;
//! the attempt is reserved atomically before the password is checked (see `zairyu_store::users`), so
//! parallel guesses cannot get a sixth try and a right password during a lock does not get in.

use super::user_actor;
use crate::{App, AppError, sessions};
use zairyu_domain::{FieldErrors, Invalid, LoginId};
use zairyu_store::users::{self, Attempt};
use zairyu_store::{StoreError, audit};

#[derive(Debug)]
pub enum LoginOutcome {
    /// Logged in: the new session id for the cookie.
    LoggedIn { session: String },
    /// Empty fields.
    Fields(FieldErrors),
    /// Wrong User ID or password — the same answer for both.
    Invalid,
    /// The account is locked; a password reset lifts it.
    Locked,
    /// Too many attempts from this address.
    RateLimited,
}

pub async fn login(
    app: &App,
    login_id: &str,
    password: &str,
    ip: &str,
    locale: &str,
) -> Result<LoginOutcome, AppError> {
    let mut errs = FieldErrors::new();
    if login_id.trim().is_empty() {
        errs.add("login_id", Invalid::Required);
    }
    if password.is_empty() {
        errs.add("password", Invalid::Required);
    }
    if !errs.is_empty() {
        return Ok(LoginOutcome::Fields(errs));
    }
    if !app.rate_ok("login-ip", ip, app.cfg.rate_limits.login_per_ip) {
        return Ok(LoginOutcome::RateLimited);
    }
    let user = match LoginId::parse(login_id) {
        Ok(id) => {
            let mut conn = app.db.read().await?;
            users::by_login_id(&mut conn, id.as_str()).await?
        }
        Err(_) => None,
    };
    let Some(user) = user else {
        // Same work as for a real account, so the answer's timing says nothing.
        app.hasher.verify(None, password).await?;
        return Ok(LoginOutcome::Invalid);
    };
    let now = app.now();
    let max = app.cfg.max_failed_logins;
    let attempt = {
        let mut w = app
            .db
            .writer()
            .acquire()
            .await
            .map_err(StoreError::from_sqlx)?;
        users::reserve_attempt(&mut w, user.id, now, max, now + app.cfg.lock_ms).await?
    };
    let Attempt::Granted { slot } = attempt else {
        record(app, user.id, "login.refused_locked", ip).await?;
        return Ok(LoginOutcome::Locked);
    };
    let ok = app
        .hasher
        .verify(Some(&user.password_hash), password)
        .await?;
    if !ok {
        record(app, user.id, "login.failed", ip).await?;
        if slot >= max {
            tracing::info!(
                user.id = user.id,
                "account locked after consecutive failures"
            );
            return Ok(LoginOutcome::Locked);
        }
        return Ok(LoginOutcome::Invalid);
    }
    let mut tx = app.db.begin().await?;
    if !users::login_succeeded(&mut tx, user.id, slot, max, app.now()).await? {
        tx.rollback().await.map_err(StoreError::from_sqlx)?;
        record(app, user.id, "login.refused_locked", ip).await?;
        return Ok(LoginOutcome::Locked);
    }
    users::set_locale(&mut tx, user.id, locale).await?;
    let session = sessions::start(app, &mut tx, user.id).await?;
    audit::record(
        &mut tx,
        &audit::AuditEntry {
            actor: &user_actor(user.id),
            action: "login.succeeded",
            subject: None,
            ip: Some(ip),
            detail: None,
        },
        app.now(),
    )
    .await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    Ok(LoginOutcome::LoggedIn { session })
}

async fn record(app: &App, user_id: i64, action: &str, ip: &str) -> Result<(), AppError> {
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    audit::record(
        &mut w,
        &audit::AuditEntry {
            actor: &user_actor(user_id),
            action,
            subject: None,
            ip: Some(ip),
            detail: None,
        },
        app.now(),
    )
    .await?;
    Ok(())
}

pub async fn logout(app: &App, session: &str, user_id: i64, ip: &str) -> Result<(), AppError> {
    sessions::end(app, session).await?;
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    audit::record(
        &mut w,
        &audit::AuditEntry {
            actor: &user_actor(user_id),
            action: "logout",
            subject: None,
            ip: Some(ip),
            detail: None,
        },
        app.now(),
    )
    .await?;
    Ok(())
}
