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

/// One entry of the audit trail as the back office shows it.
#[derive(Debug, Clone)]
pub struct AuditRow {
    pub at: Millis,
    pub actor: String,
    pub action: String,
    pub subject: Option<String>,
    pub ip: Option<String>,
    pub detail: Option<String>,
}

/// The trail of one subject (e.g. `application:42`), oldest first.
pub async fn for_subject(conn: &mut Conn, subject: &str) -> Result<Vec<AuditRow>, StoreError> {
    use sqlx::Row;
    let rows = sqlx::query(
        "SELECT at, actor, action, subject, ip, detail FROM audit_log WHERE subject = $1 ORDER BY at, id LIMIT 1000",
    )
    .bind(subject)
    .fetch_all(conn)
    .await
    .map_err(q)?;
    rows.into_iter()
        .map(|r| {
            Ok(AuditRow {
                at: r.try_get("at").map_err(q)?,
                actor: r.try_get("actor").map_err(q)?,
                action: r.try_get("action").map_err(q)?,
                subject: r.try_get("subject").map_err(q)?,
                ip: r.try_get("ip").map_err(q)?,
                detail: r.try_get("detail").map_err(q)?,
            })
        })
        .collect()
}

/// What the back office searches the audit log by; empty parts match everything.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Exact actor (`officer:3`, `user:12`, `cli`).
    pub actor: Option<String>,
    /// An action, or the start of one (`application.` finds every officer action on filings).
    pub action: Option<String>,
    /// Exact subject (`application:42`).
    pub subject: Option<String>,
    /// From this instant (inclusive) to that one (exclusive).
    pub from: Option<Millis>,
    pub to: Option<Millis>,
    /// Only what concerns this office: its officers' doings and its filings.
    pub office: Option<String>,
}

/// The WHERE clause of a filter and its values, numbered from $1.
fn filter_sql(f: &AuditFilter) -> (String, Vec<FilterValue>) {
    let mut parts: Vec<String> = Vec::new();
    let mut values: Vec<FilterValue> = Vec::new();
    let next = |v: FilterValue, values: &mut Vec<FilterValue>| {
        values.push(v);
        format!("${}", values.len())
    };
    if let Some(a) = &f.actor {
        let p = next(FilterValue::Text(a.clone()), &mut values);
        parts.push(format!("actor = {p}"));
    }
    if let Some(a) = &f.action {
        // A prefix match without LIKE, so `_` and `%` in the text are not wildcards.
        let p = next(FilterValue::Text(a.clone()), &mut values);
        let n = next(FilterValue::Int(a.chars().count() as i64), &mut values);
        parts.push(format!("SUBSTR(action, 1, CAST({n} AS INTEGER)) = {p}"));
    }
    if let Some(s) = &f.subject {
        let p = next(FilterValue::Text(s.clone()), &mut values);
        parts.push(format!("subject = {p}"));
    }
    if let Some(t) = f.from {
        let p = next(FilterValue::Int(t), &mut values);
        parts.push(format!("at >= {p}"));
    }
    if let Some(t) = f.to {
        let p = next(FilterValue::Int(t), &mut values);
        parts.push(format!("at < {p}"));
    }
    if let Some(o) = &f.office {
        let p = next(FilterValue::Text(o.clone()), &mut values);
        parts.push(format!(
            "(subject IN (SELECT 'application:' || CAST(id AS TEXT) FROM applications WHERE office = {p}) \
             OR actor IN (SELECT 'officer:' || CAST(id AS TEXT) FROM officers WHERE office = {p}))"
        ));
    }
    let clause = if parts.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", parts.join(" AND "))
    };
    (clause, values)
}

enum FilterValue {
    Text(String),
    Int(i64),
}

fn bind_all<'q>(
    mut query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    values: &'q [FilterValue],
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    for v in values {
        query = match v {
            FilterValue::Text(s) => query.bind(s.as_str()),
            FilterValue::Int(i) => query.bind(*i),
        };
    }
    query
}

/// Entries matching a filter, newest first, and how many match in all.
pub async fn search(
    conn: &mut Conn,
    f: &AuditFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<AuditRow>, i64), StoreError> {
    use sqlx::Row;
    let (clause, values) = filter_sql(f);
    let count_sql = format!("SELECT COUNT(*) AS n FROM audit_log{clause}");
    let total: i64 = bind_all(sqlx::query(&count_sql), &values)
        .fetch_one(&mut *conn)
        .await
        .map_err(q)?
        .try_get("n")
        .map_err(q)?;
    let n = values.len();
    let sql = format!(
        "SELECT at, actor, action, subject, ip, detail FROM audit_log{clause} ORDER BY at DESC, id DESC LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let rows = bind_all(sqlx::query(&sql), &values)
        .bind(limit)
        .bind(offset)
        .fetch_all(conn)
        .await
        .map_err(q)?;
    let rows = rows
        .into_iter()
        .map(|r| {
            Ok(AuditRow {
                at: r.try_get("at").map_err(q)?,
                actor: r.try_get("actor").map_err(q)?,
                action: r.try_get("action").map_err(q)?,
                subject: r.try_get("subject").map_err(q)?,
                ip: r.try_get("ip").map_err(q)?,
                detail: r.try_get("detail").map_err(q)?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok((rows, total))
}
