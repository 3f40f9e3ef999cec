//! Filed applications. Every read takes the owner's user id, so one user can never reach another's
//! filing by changing a number in a URL (DESIGN rule 6).

use crate::Millis;
use crate::db::{Conn, StoreError, q};
use sqlx::Row;

#[derive(Debug, Clone)]
pub struct ApplicationRow {
    pub id: i64,
    pub reference_number: String,
    pub user_id: i64,
    pub procedure_id: String,
    pub form_version: i64,
    pub form_fingerprint: String,
    pub kind: String,
    pub status: String,
    pub answers: String,
    pub related_name: Option<String>,
    pub reception_number: Option<String>,
    pub receipt_number: Option<String>,
    pub resubmission_of: Option<i64>,
    pub created_at: Millis,
    pub updated_at: Millis,
}

const COLUMNS: &str = "id, reference_number, user_id, procedure_id, form_version, form_fingerprint, kind, status, answers, \
    related_name, reception_number, receipt_number, resubmission_of, created_at, updated_at";

fn row(r: sqlx::any::AnyRow) -> Result<ApplicationRow, StoreError> {
    Ok(ApplicationRow {
        id: r.try_get("id").map_err(q)?,
        reference_number: r.try_get("reference_number").map_err(q)?,
        user_id: r.try_get("user_id").map_err(q)?,
        procedure_id: r.try_get("procedure_id").map_err(q)?,
        form_version: r.try_get("form_version").map_err(q)?,
        form_fingerprint: r.try_get("form_fingerprint").map_err(q)?,
        kind: r.try_get("kind").map_err(q)?,
        status: r.try_get("status").map_err(q)?,
        answers: r.try_get("answers").map_err(q)?,
        related_name: r.try_get("related_name").map_err(q)?,
        reception_number: r.try_get("reception_number").map_err(q)?,
        receipt_number: r.try_get("receipt_number").map_err(q)?,
        resubmission_of: r.try_get("resubmission_of").map_err(q)?,
        created_at: r.try_get("created_at").map_err(q)?,
        updated_at: r.try_get("updated_at").map_err(q)?,
    })
}

/// What filing stores.
pub struct NewApplication<'a> {
    pub reference_number: &'a str,
    pub user_id: i64,
    pub procedure_id: &'a str,
    pub form_version: i64,
    pub form_fingerprint: &'a str,
    pub kind: &'a str,
    pub status: &'a str,
    pub answers: &'a str,
    pub related_name: Option<&'a str>,
    pub resubmission_of: Option<i64>,
    /// One per confirmation screen shown: a second Apply with the same key files nothing new.
    pub submit_key: &'a str,
}

/// Inserts a filing and its first history entry. `UniqueViolation` means the submit key (a double
/// click or a replay) or, astronomically rarely, the reference number was taken.
pub async fn insert(
    conn: &mut Conn,
    a: &NewApplication<'_>,
    actor: &str,
    now: Millis,
) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO applications (reference_number, user_id, procedure_id, form_version, form_fingerprint, kind, status, answers, \
         related_name, resubmission_of, submit_key, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id",
    )
    .bind(a.reference_number)
    .bind(a.user_id)
    .bind(a.procedure_id)
    .bind(a.form_version)
    .bind(a.form_fingerprint)
    .bind(a.kind)
    .bind(a.status)
    .bind(a.answers)
    .bind(a.related_name)
    .bind(a.resubmission_of)
    .bind(a.submit_key)
    .bind(now)
    .fetch_one(&mut *conn)
    .await
    .map_err(q)?;
    add_event(conn, id, a.status, actor, None, now).await?;
    Ok(id)
}

pub async fn add_event(
    conn: &mut Conn,
    application_id: i64,
    status: &str,
    actor: &str,
    note: Option<&str>,
    now: Millis,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO application_events (application_id, at, status, actor, note) VALUES ($1, $2, $3, $4, $5)")
        .bind(application_id)
        .bind(now)
        .bind(status)
        .bind(actor)
        .bind(note)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(())
}

/// Moves a filing to `to` only if it is still in `from` (so two officers cannot both act), recording
/// the change in its history. False when the status had already changed.
pub async fn change_status(
    conn: &mut Conn,
    id: i64,
    from: &str,
    to: &str,
    actor: &str,
    note: Option<&str>,
    now: Millis,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE applications SET status = $3, updated_at = $4 WHERE id = $1 AND status = $2",
    )
    .bind(id)
    .bind(from)
    .bind(to)
    .bind(now)
    .execute(&mut *conn)
    .await
    .map_err(q)?;
    if done.rows_affected() == 1 {
        add_event(conn, id, to, actor, note, now).await?;
        Ok(true)
    } else {
        Ok(false)
    }
}

/// The filing a submit key created (to answer a replayed Apply with the same completion screen).
pub async fn by_submit_key(
    conn: &mut Conn,
    user_id: i64,
    key: &str,
) -> Result<Option<ApplicationRow>, StoreError> {
    let r = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM applications WHERE submit_key = $1 AND user_id = $2"
    ))
    .bind(key)
    .bind(user_id)
    .fetch_optional(conn)
    .await
    .map_err(q)?;
    r.map(row).transpose()
}

pub async fn by_reference(
    conn: &mut Conn,
    user_id: i64,
    reference: &str,
) -> Result<Option<ApplicationRow>, StoreError> {
    let r = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM applications WHERE reference_number = $1 AND user_id = $2"
    ))
    .bind(reference)
    .bind(user_id)
    .fetch_optional(conn)
    .await
    .map_err(q)?;
    r.map(row).transpose()
}

/// The user's filings of one procedure since `since` (Auto-Fill's past procedure list), newest first.
pub async fn for_procedure(
    conn: &mut Conn,
    user_id: i64,
    procedure_id: &str,
    since: Millis,
) -> Result<Vec<ApplicationRow>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM applications WHERE user_id = $1 AND procedure_id = $2 AND created_at >= $3 ORDER BY created_at DESC, id DESC"
    ))
    .bind(user_id)
    .bind(procedure_id)
    .bind(since)
    .fetch_all(conn)
    .await
    .map_err(q)?;
    rows.into_iter().map(row).collect()
}

/// Grants the right to use a system (ENS or RASENS) on an approved request for use, and marks the
/// user so that every page knows it at once.
pub async fn grant_usage(
    conn: &mut Conn,
    user_id: i64,
    system: &str,
    application_id: i64,
    now: Millis,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM usage_rights WHERE user_id = $1 AND system = $2")
        .bind(user_id)
        .bind(system)
        .execute(&mut *conn)
        .await
        .map_err(q)?;
    sqlx::query("INSERT INTO usage_rights (user_id, system, granted_at, application_id) VALUES ($1, $2, $3, $4)")
        .bind(user_id)
        .bind(system)
        .bind(now)
        .bind(application_id)
        .execute(&mut *conn)
        .await
        .map_err(q)?;
    let column = if system == "rasens" {
        "rasens_approved_at"
    } else {
        "ens_approved_at"
    };
    sqlx::query(&format!("UPDATE users SET {column} = $2 WHERE id = $1"))
        .bind(user_id)
        .bind(now)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(())
}

/// The search of "Application situation confirmation" (SPEC §9.1), always within one user's filings.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    /// Any of the numbers (reference, reception, notification receipt) or the name, as typed
    /// (already folded to upper case by the caller).
    pub related: String,
    /// Only these procedures (from the procedure-name keywords); None means any.
    pub procedures: Option<Vec<String>>,
    pub from: Option<Millis>,
    /// Exclusive upper bound.
    pub to: Option<Millis>,
    pub oldest_first: bool,
}

/// One page of the user's filings and the total that match.
pub async fn list(
    conn: &mut Conn,
    user_id: i64,
    f: &ListFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<ApplicationRow>, i64), StoreError> {
    if f.procedures.as_ref().is_some_and(|p| p.is_empty()) {
        return Ok((Vec::new(), 0));
    }
    let mut cond = String::from("user_id = $1");
    let mut n = 1;
    let mut texts: Vec<String> = Vec::new();
    if !f.related.is_empty() {
        n += 1;
        cond.push_str(&format!(
            " AND (UPPER(reference_number) LIKE ${n} OR UPPER(COALESCE(reception_number, '')) LIKE ${n} \
             OR UPPER(COALESCE(receipt_number, '')) LIKE ${n} OR UPPER(COALESCE(related_name, '')) LIKE ${n})"
        ));
        let escaped = f.related.replace('\\', "").replace(['%', '_'], "");
        texts.push(format!("%{escaped}%"));
    }
    if let Some(ids) = &f.procedures {
        let mut marks = Vec::new();
        for id in ids.iter().take(100) {
            n += 1;
            marks.push(format!("${n}"));
            texts.push(id.clone());
        }
        cond.push_str(&format!(" AND procedure_id IN ({})", marks.join(", ")));
    }
    let mut nums: Vec<i64> = Vec::new();
    if let Some(from) = f.from {
        n += 1;
        cond.push_str(&format!(" AND created_at >= ${n}"));
        nums.push(from);
    }
    if let Some(to) = f.to {
        n += 1;
        cond.push_str(&format!(" AND created_at < ${n}"));
        nums.push(to);
    }
    let order = if f.oldest_first {
        "created_at ASC, id ASC"
    } else {
        "created_at DESC, id DESC"
    };
    let count_sql = format!("SELECT COUNT(*) FROM applications WHERE {cond}");
    let mut count_q = sqlx::query_scalar::<_, i64>(&count_sql).bind(user_id);
    for t in &texts {
        count_q = count_q.bind(t.as_str());
    }
    for v in &nums {
        count_q = count_q.bind(*v);
    }
    let total = count_q.fetch_one(&mut *conn).await.map_err(q)?;
    let sql = format!(
        "SELECT {COLUMNS} FROM applications WHERE {cond} ORDER BY {order} LIMIT {limit} OFFSET {offset}"
    );
    let mut list_q = sqlx::query(&sql).bind(user_id);
    for t in &texts {
        list_q = list_q.bind(t.as_str());
    }
    for v in &nums {
        list_q = list_q.bind(*v);
    }
    let rows = list_q.fetch_all(conn).await.map_err(q)?;
    Ok((rows.into_iter().map(row).collect::<Result<_, _>>()?, total))
}

/// The dated history of one filing (its owner's, checked by the caller), oldest first.
pub async fn history(
    conn: &mut Conn,
    application_id: i64,
) -> Result<Vec<(Millis, String, Option<String>)>, StoreError> {
    let rows = sqlx::query(
        "SELECT at, status, note FROM application_events WHERE application_id = $1 ORDER BY at, id",
    )
    .bind(application_id)
    .fetch_all(conn)
    .await
    .map_err(q)?;
    rows.into_iter()
        .map(|r| {
            Ok((
                r.try_get("at").map_err(q)?,
                r.try_get("status").map_err(q)?,
                r.try_get("note").map_err(q)?,
            ))
        })
        .collect()
}
