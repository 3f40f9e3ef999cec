//! Managing officers from the back office (issue 5, item 1, the screens' side): an administrator
//! lists officers, creates one (through `officers::create`, which makes the one-time initial
//! password), changes a role or office, disables and enables, and resets a second factor. An
//! administrator cannot disable or demote themselves, so the last administrator cannot lock
//! everyone out by a slip.

use super::{Forbidden, record};
use crate::officers::{self as use_cases, Created, NewOfficerInput, OfficerSession};
use crate::{App, AppError};
use zairyu_domain::officer::{self, Permission, Role};
use zairyu_domain::{FieldErrors, Invalid};
use zairyu_store::StoreError;
use zairyu_store::officers::{self, OfficerRow};

fn admin(s: &OfficerSession) -> Result<(), Forbidden> {
    if s.allows(Permission::ManageOfficers) {
        Ok(())
    } else {
        Err(Forbidden)
    }
}

pub async fn list(
    app: &App,
    s: &OfficerSession,
) -> Result<Result<Vec<OfficerRow>, Forbidden>, AppError> {
    if let Err(f) = admin(s) {
        return Ok(Err(f));
    }
    let mut conn = app.db.read().await?;
    Ok(Ok(officers::list(&mut conn).await?))
}

pub async fn get(
    app: &App,
    s: &OfficerSession,
    id: i64,
) -> Result<Result<Option<OfficerRow>, Forbidden>, AppError> {
    if let Err(f) = admin(s) {
        return Ok(Err(f));
    }
    let mut conn = app.db.read().await?;
    Ok(Ok(officers::by_id(&mut conn, id).await?))
}

pub async fn create(
    app: &App,
    s: &OfficerSession,
    input: &NewOfficerInput<'_>,
    ip: &str,
) -> Result<Result<Result<Created, FieldErrors>, Forbidden>, AppError> {
    if let Err(f) = admin(s) {
        return Ok(Err(f));
    }
    Ok(Ok(use_cases::create(app, input, &s.actor(), ip).await?))
}

#[derive(Debug, PartialEq, Eq)]
pub enum Change {
    Done,
    Fields(FieldErrors),
    NotFound,
    Forbidden,
    /// An administrator may not disable or demote themselves.
    Self_,
}

/// Changes an officer's role and office (their sessions end, so the new rights apply at once).
pub async fn set_role_office(
    app: &App,
    s: &OfficerSession,
    id: i64,
    role: &str,
    office: &str,
    ip: &str,
) -> Result<Change, AppError> {
    if admin(s).is_err() {
        return Ok(Change::Forbidden);
    }
    let mut errs = FieldErrors::new();
    let role = errs.check("role", Role::parse(role));
    if officer::office(office.trim()).is_none() {
        errs.add("office", Invalid::Format);
    }
    let Some(role) = role.filter(|_| errs.is_empty()) else {
        return Ok(Change::Fields(errs));
    };
    if id == s.officer_id && role != s.role {
        return Ok(Change::Self_);
    }
    let now = app.now();
    let mut tx = app.db.begin().await?;
    if officers::by_id(&mut tx, id).await?.is_none() {
        return Ok(Change::NotFound);
    }
    officers::set_role_office(&mut tx, id, role.code(), office.trim(), now).await?;
    record(
        &mut tx,
        s,
        "officer.role_changed",
        &format!("officer:{id}"),
        ip,
        Some(&format!("{}@{}", role.code(), office.trim())),
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    Ok(Change::Done)
}

/// Disables (their sessions and tokens stop working) or enables an officer.
pub async fn set_disabled(
    app: &App,
    s: &OfficerSession,
    id: i64,
    disable: bool,
    ip: &str,
) -> Result<Change, AppError> {
    if admin(s).is_err() {
        return Ok(Change::Forbidden);
    }
    if id == s.officer_id && disable {
        return Ok(Change::Self_);
    }
    let now = app.now();
    let mut tx = app.db.begin().await?;
    if officers::by_id(&mut tx, id).await?.is_none() {
        return Ok(Change::NotFound);
    }
    officers::set_disabled(&mut tx, id, disable.then_some(now), now).await?;
    let action = if disable {
        "officer.disabled"
    } else {
        "officer.enabled"
    };
    record(&mut tx, s, action, &format!("officer:{id}"), ip, None, now).await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    Ok(Change::Done)
}

/// Removes an officer's second factor: they enrol a new one at their next login.
pub async fn reset_totp(
    app: &App,
    s: &OfficerSession,
    id: i64,
    ip: &str,
) -> Result<Change, AppError> {
    if admin(s).is_err() {
        return Ok(Change::Forbidden);
    }
    let now = app.now();
    let mut tx = app.db.begin().await?;
    if officers::by_id(&mut tx, id).await?.is_none() {
        return Ok(Change::NotFound);
    }
    officers::reset_totp(&mut tx, id, now).await?;
    record(
        &mut tx,
        s,
        "officer.totp_reset",
        &format!("officer:{id}"),
        ip,
        None,
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    Ok(Change::Done)
}
