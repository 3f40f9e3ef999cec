//! Procedures in the back office (issue 5, item 7): an administrator sets a reception period or
//! withdraws / publishes again a form version. The procedure files stay as shipped; the changes are
//! kept in the database and laid over the catalogue, which every screen already asks.

use super::{Forbidden, parse_jst_datetime, record};
use crate::catalogue::Override;
use crate::officers::OfficerSession;
use crate::{App, AppError};
use std::collections::BTreeMap;
use zairyu_domain::officer::Permission;
use zairyu_domain::{FieldErrors, Invalid};
use zairyu_store::StoreError;
use zairyu_store::procedure_overrides as po;

/// Reads the changes from the database into the catalogue (at start, after each change, and every
/// little while so that several servers agree).
pub async fn load(app: &App) -> Result<(), AppError> {
    let mut conn = app.db.read().await?;
    let periods = po::periods(&mut conn).await?;
    let withdrawn = po::withdrawn(&mut conn).await?;
    drop(conn);
    let mut all: BTreeMap<String, Override> = BTreeMap::new();
    for p in periods {
        let o = all.entry(p.procedure_id).or_default();
        o.reception_start = p.reception_start;
        o.reception_end = p.reception_end;
    }
    for (id, v) in withdrawn {
        all.entry(id).or_default().withdrawn.insert(v);
    }
    app.catalogue.set_overrides(all);
    Ok(())
}

/// Reloads the overrides every `every` until shutdown (a change made on another server shows here
/// within that time).
pub async fn reload_loop(
    app: App,
    every: std::time::Duration,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            _ = tokio::time::sleep(every) => {}
            changed = shutdown.changed() => {
                // The sender gone counts as a shutdown, or this loop would spin.
                if changed.is_err() {
                    return;
                }
            }
        }
        if *shutdown.borrow() {
            return;
        }
        if let Err(e) = load(&app).await {
            tracing::error!(error = %e, "reloading procedure overrides failed");
        }
    }
}

/// A period as typed: start and end (`2026-12-01T09:00`), the end empty for "at any time".
#[derive(Debug, Clone, Default)]
pub struct PeriodInput {
    pub start: String,
    pub end: String,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Changed {
    Done,
    Fields(FieldErrors),
    NotFound,
    Forbidden,
    /// Withdrawing this version would leave no version to enter.
    LastVersion,
}

/// Sets a procedure's reception period (or, with `reset`, goes back to its file's).
pub async fn set_period(
    app: &App,
    s: &OfficerSession,
    id: &str,
    input: &PeriodInput,
    reset: bool,
    ip: &str,
) -> Result<Changed, AppError> {
    if !s.allows(Permission::ManageProcedures) {
        return Ok(Changed::Forbidden);
    }
    if app.catalogue.get(id).is_none() {
        return Ok(Changed::NotFound);
    }
    let (start, end) = if reset {
        (None, None)
    } else {
        let mut errs = FieldErrors::new();
        let start = if input.start.trim().is_empty() {
            errs.add("start", Invalid::Required);
            None
        } else {
            errs.check("start", parse_jst_datetime(&input.start))
        };
        let end = if input.end.trim().is_empty() {
            Some(None)
        } else {
            errs.check("end", parse_jst_datetime(&input.end)).map(Some)
        };
        if let (Some(s), Some(Some(e))) = (start, end)
            && e <= s
        {
            errs.add("end", Invalid::Mismatch);
        }
        if !errs.is_empty() {
            return Ok(Changed::Fields(errs));
        }
        (start, end)
    };
    let now = app.now();
    let mut tx = app.db.begin().await?;
    po::set_period(&mut tx, id, start, end, &s.actor(), now).await?;
    let detail = match (start, end) {
        (None, None) => "reset".to_owned(),
        (s, e) => format!(
            "{}..{}",
            s.unwrap_or_default(),
            e.flatten().map(|e| e.to_string()).unwrap_or_default()
        ),
    };
    record(
        &mut tx,
        s,
        "procedure.period_set",
        &format!("procedure:{id}"),
        ip,
        Some(&detail),
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    load(app).await?;
    Ok(Changed::Done)
}

/// Withdraws a form version from new entries, or publishes it again. The last version still
/// offered cannot be withdrawn: a procedure open for reception must have a form to enter.
pub async fn set_version(
    app: &App,
    s: &OfficerSession,
    id: &str,
    version: u32,
    withdraw: bool,
    ip: &str,
) -> Result<Changed, AppError> {
    if !s.allows(Permission::ManageProcedures) {
        return Ok(Changed::Forbidden);
    }
    let Some(p) = app.catalogue.get(id) else {
        return Ok(Changed::NotFound);
    };
    if !p.form_versions.contains(&version) || app.catalogue.form(id, version).is_none() {
        return Ok(Changed::NotFound);
    }
    let offered = app.catalogue.offered_versions(p);
    if withdraw && offered == [version] {
        return Ok(Changed::LastVersion);
    }
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let changed = po::set_withdrawn(&mut tx, id, version, withdraw, &s.actor(), now).await?;
    if withdraw && changed {
        // Checked again inside the transaction, against what other officers committed meanwhile.
        let gone: Vec<u32> = po::withdrawn(&mut tx)
            .await?
            .into_iter()
            .filter(|(p, _)| p == id)
            .map(|(_, v)| v)
            .collect();
        if offered.iter().all(|v| gone.contains(v)) {
            tx.rollback().await.map_err(StoreError::from_sqlx)?;
            return Ok(Changed::LastVersion);
        }
    }
    if changed {
        let action = if withdraw {
            "procedure.version_withdrawn"
        } else {
            "procedure.version_published"
        };
        record(
            &mut tx,
            s,
            action,
            &format!("procedure:{id}"),
            ip,
            Some(&version.to_string()),
            now,
        )
        .await?;
    }
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    load(app).await?;
    Ok(Changed::Done)
}

/// Refuses officers who may not manage procedures (for the screens that only list).
pub fn may_manage(s: &OfficerSession) -> Result<(), Forbidden> {
    if s.allows(Permission::ManageProcedures) {
        Ok(())
    } else {
        Err(Forbidden)
    }
}
