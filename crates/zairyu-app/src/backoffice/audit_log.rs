//! The audit log in the back office (issue 5, item 8): searched by actor, action, subject and a
//! range of days, and exported as CSV for Excel. Officers other than administrators see what
//! concerns their own office only.

use super::{Forbidden, parse_jst_day};
use crate::officers::OfficerSession;
use crate::{App, AppError};
use zairyu_domain::FieldErrors;
use zairyu_domain::officer::Permission;
use zairyu_store::audit::{self, AuditFilter, AuditRow};

/// The search form as typed; every part optional.
#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    pub actor: String,
    pub action: String,
    pub subject: String,
    /// `2026-11-01`, Japan time, inclusive.
    pub from: String,
    /// `2026-11-30`, Japan time, inclusive (the whole day).
    pub to: String,
}

/// Turns the typed search into a filter (scoped to the officer's office unless an administrator).
pub fn filter(s: &OfficerSession, q: &AuditQuery) -> Result<AuditFilter, FieldErrors> {
    let mut errs = FieldErrors::new();
    let text = |v: &str| Some(v.trim().to_owned()).filter(|v| !v.is_empty());
    let day = |field: &'static str, v: &str, errs: &mut FieldErrors| {
        if v.trim().is_empty() {
            None
        } else {
            errs.check(field, parse_jst_day(v))
        }
    };
    let from = day("from", &q.from, &mut errs);
    let to = day("to", &q.to, &mut errs).map(|t| t + crate::clock::DAY);
    if let (Some(f), Some(t)) = (from, to)
        && t <= f
    {
        errs.add("to", zairyu_domain::Invalid::Mismatch);
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    Ok(AuditFilter {
        actor: text(&q.actor),
        action: text(&q.action),
        subject: text(&q.subject),
        from,
        to,
        office: s.office_scope(),
    })
}

pub async fn search(
    app: &App,
    s: &OfficerSession,
    f: &AuditFilter,
    page: i64,
    per_page: i64,
) -> Result<Result<(Vec<AuditRow>, i64), Forbidden>, AppError> {
    if !s.allows(Permission::ViewAudit) {
        return Ok(Err(Forbidden));
    }
    let per = per_page.clamp(1, 200);
    let mut conn = app.db.read().await?;
    Ok(Ok(audit::search(
        &mut conn,
        f,
        per,
        (page.max(1) - 1) * per,
    )
    .await?))
}

/// The most rows one export holds; a narrower search gets the rest.
pub const EXPORT_MAX: i64 = 100_000;

/// The matching entries as CSV (RFC 4180, UTF-8 with a byte order mark so Excel reads it as
/// UTF-8), newest first, and whether the export was cut at `EXPORT_MAX`. The export itself is
/// recorded in the audit log.
pub async fn export_csv(
    app: &App,
    s: &OfficerSession,
    f: &AuditFilter,
    ip: &str,
) -> Result<Result<(String, bool), Forbidden>, AppError> {
    if !s.allows(Permission::ViewAudit) {
        return Ok(Err(Forbidden));
    }
    let mut conn = app.db.read().await?;
    let (rows, total) = audit::search(&mut conn, f, EXPORT_MAX, 0).await?;
    drop(conn);
    let mut out = String::from("\u{feff}at_jst,actor,action,subject,ip,detail\r\n");
    for r in &rows {
        let cells = [
            crate::filing::jst_date(r.at),
            r.actor.clone(),
            r.action.clone(),
            r.subject.clone().unwrap_or_default(),
            r.ip.clone().unwrap_or_default(),
            r.detail.clone().unwrap_or_default(),
        ];
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(zairyu_store::StoreError::from_sqlx)?;
    super::record(
        &mut w,
        s,
        "audit.exported",
        "audit_log",
        ip,
        Some(&rows.len().to_string()),
        app.now(),
    )
    .await?;
    Ok(Ok((out, total > EXPORT_MAX)))
}

/// One CSV cell: quoted when it holds a comma, quote or line break (RFC 4180), and prefixed with
/// `'` when it starts with a character a spreadsheet would read as a formula.
pub fn csv_cell(value: &str) -> String {
    let mut v = String::with_capacity(value.len() + 2);
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        v.push('\'');
    }
    v.push_str(value);
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_formula_safe() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("@x"), "'@x");
        assert_eq!(csv_cell("=a,b"), "\"'=a,b\"");
        assert_eq!(csv_cell(""), "");
    }
}
