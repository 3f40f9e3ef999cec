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
    /// The office that handles it.
    pub office: String,
    pub received_at: Option<Millis>,
    pub decided_at: Option<Millis>,
}

const COLUMNS: &str = "id, reference_number, user_id, procedure_id, form_version, form_fingerprint, kind, status, answers, \
    related_name, reception_number, receipt_number, resubmission_of, created_at, updated_at, office, received_at, decided_at";

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
        office: r.try_get("office").map_err(q)?,
        received_at: r.try_get("received_at").map_err(q)?,
        decided_at: r.try_get("decided_at").map_err(q)?,
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
    pub office: &'a str,
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
         related_name, resubmission_of, submit_key, created_at, updated_at, office) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13) RETURNING id",
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
    .bind(a.office)
    .fetch_one(&mut *conn)
    .await
    .map_err(q)?;
    count(conn, a.office, a.status, 1).await?;
    add_event(conn, id, a.status, actor, None, now).await?;
    Ok(id)
}

/// Adds `by` to the count of one office's filings in one status (migration 0009).
pub(crate) async fn count(
    conn: &mut Conn,
    office: &str,
    status: &str,
    by: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO application_counts (office, status, n) VALUES ($1, $2, $3) \
         ON CONFLICT (office, status) DO UPDATE SET n = application_counts.n + excluded.n",
    )
    .bind(office)
    .bind(status)
    .bind(by)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(())
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
    let office: Option<String> = sqlx::query_scalar(
        "UPDATE applications SET status = $3, updated_at = $4 WHERE id = $1 AND status = $2 RETURNING office",
    )
    .bind(id)
    .bind(from)
    .bind(to)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await
    .map_err(q)?;
    let Some(office) = office else {
        return Ok(false);
    };
    if from != to {
        // Both counts in one statement: on PostgreSQL two officers moving filings in opposite
        // directions (under review → returned, returned → under review) then lock the two rows in
        // the same order, so they cannot deadlock. The row for `to` is made first without a lock
        // (DO NOTHING takes none).
        sqlx::query(
            "INSERT INTO application_counts (office, status, n) VALUES ($1, $2, 0) \
             ON CONFLICT (office, status) DO NOTHING",
        )
        .bind(office.as_str())
        .bind(to)
        .execute(&mut *conn)
        .await
        .map_err(q)?;
        sqlx::query(
            "UPDATE application_counts SET n = n + CASE WHEN status = $3 THEN 1 ELSE -1 END \
             WHERE office = $1 AND status IN ($2, $3)",
        )
        .bind(office.as_str())
        .bind(from)
        .bind(to)
        .execute(&mut *conn)
        .await
        .map_err(q)?;
    }
    add_event(conn, id, to, actor, note, now).await?;
    Ok(true)
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

/// The WHERE clause of the list and the values it binds: `$1` is always the owner, then the texts,
/// then the numbers, in the order their placeholders are numbered. Every column it names is in the
/// `applications_user_list` index (migration 0007), so the count and the page's ids are found
/// without reading the table. The numbers are compared as stored: reference numbers are upper case
/// by construction and reception / receipt numbers have no letters, so only the name is folded.
fn list_where(f: &ListFilter) -> (String, Vec<String>, Vec<i64>) {
    let mut cond = String::from("user_id = $1");
    let mut n = 1;
    let mut texts: Vec<String> = Vec::new();
    if !f.related.is_empty() {
        n += 1;
        cond.push_str(&format!(
            " AND (reference_number LIKE ${n} OR reception_number LIKE ${n} \
             OR receipt_number LIKE ${n} OR UPPER(related_name) LIKE ${n})"
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
    (cond, texts, nums)
}

/// The two statements of one list page: the count, and the page itself — the ids of the page
/// picked in the index (skipping `offset` index entries, not table rows), then only those rows read
/// by primary key. The owner scoping is in the inner query, which is where the ids come from; the
/// outer one must not repeat `user_id = $1`, or SQLite walks the owner's index range again to test
/// each entry against the id list.
///
/// A search by number or name (`with_total`) tests every one of the owner's entries with `LIKE`;
/// counting in a separate statement would do that twice, so the page query counts the matches
/// itself (`COUNT(*) OVER ()`, computed over every match before the LIMIT) and the count statement
/// only runs when the page comes back empty past the first page. Without such a search the count
/// is a cheap walk of the index and the page query stops after `offset + limit` entries, which a
/// window over every row would not.
fn list_sql(
    cond: &str,
    oldest_first: bool,
    with_total: bool,
    limit: i64,
    offset: i64,
) -> (String, String) {
    let (order, outer) = if oldest_first {
        ("created_at ASC, id ASC", "page_at ASC, page_id ASC")
    } else {
        ("created_at DESC, id DESC", "page_at DESC, page_id DESC")
    };
    let count = format!("SELECT COUNT(*) FROM applications WHERE {cond}");
    let page = if with_total {
        format!(
            "SELECT {COLUMNS}, page_total FROM applications JOIN \
             (SELECT id AS page_id, created_at AS page_at, COUNT(*) OVER () AS page_total \
              FROM applications WHERE {cond} ORDER BY {order} LIMIT {limit} OFFSET {offset}) p \
             ON id = page_id ORDER BY {outer}"
        )
    } else {
        format!(
            "SELECT {COLUMNS} FROM applications WHERE id IN \
             (SELECT id FROM applications WHERE {cond} ORDER BY {order} LIMIT {limit} OFFSET {offset}) \
             ORDER BY {order}"
        )
    };
    (count, page)
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
    let (cond, texts, nums) = list_where(f);
    let searching = !f.related.is_empty();
    let (offset, limit) = (offset.max(0), limit.max(0));
    let (count_sql, page_sql) = list_sql(&cond, f.oldest_first, searching, limit, offset);
    let count = async |conn: &mut Conn| {
        let mut count_q = sqlx::query_scalar::<_, i64>(&count_sql).bind(user_id);
        for t in &texts {
            count_q = count_q.bind(t.as_str());
        }
        for v in &nums {
            count_q = count_q.bind(*v);
        }
        count_q.fetch_one(conn).await.map_err(q)
    };
    let total = if searching {
        None
    } else {
        Some(count(&mut *conn).await?)
    };
    if total.is_some_and(|t| offset >= t) {
        return Ok((Vec::new(), total.unwrap_or(0)));
    }
    let mut list_q = sqlx::query(&page_sql).bind(user_id);
    for t in &texts {
        list_q = list_q.bind(t.as_str());
    }
    for v in &nums {
        list_q = list_q.bind(*v);
    }
    let rows = list_q.fetch_all(&mut *conn).await.map_err(q)?;
    let total = match (total, rows.first()) {
        (Some(t), _) => t,
        (None, Some(r)) => r.try_get("page_total").map_err(q)?,
        // Nothing on the first page: nothing at all.
        (None, None) if offset == 0 => 0,
        (None, None) => count(&mut *conn).await?,
    };
    Ok((rows.into_iter().map(row).collect::<Result<_, _>>()?, total))
}

/// The query plans of one list page (count, then page), as the database reports them: for
/// `list-bench`, so that a slow search can be seen using the wrong index.
pub async fn list_plans(
    conn: &mut Conn,
    backend: crate::Backend,
    user_id: i64,
    f: &ListFilter,
    limit: i64,
    offset: i64,
) -> Result<Vec<String>, StoreError> {
    if f.procedures.as_ref().is_some_and(|p| p.is_empty()) {
        return Ok(vec![
            "no procedure matches the keywords: answered without a query".to_owned(),
        ]);
    }
    let (cond, texts, nums) = list_where(f);
    let (count_sql, page_sql) = list_sql(
        &cond,
        f.oldest_first,
        !f.related.is_empty(),
        limit.max(0),
        offset.max(0),
    );
    let mut out = Vec::new();
    for sql in [count_sql, page_sql] {
        let explain = match backend {
            crate::Backend::Sqlite => format!("EXPLAIN QUERY PLAN {sql}"),
            crate::Backend::Postgres => format!("EXPLAIN (ANALYZE, BUFFERS) {sql}"),
        };
        let mut query = sqlx::query(&explain).bind(user_id);
        for t in &texts {
            query = query.bind(t.as_str());
        }
        for v in &nums {
            query = query.bind(*v);
        }
        for r in query.fetch_all(&mut *conn).await.map_err(q)? {
            // SQLite: (id, parent, notused, detail); PostgreSQL: one text column per line.
            let line: String = match backend {
                crate::Backend::Sqlite => r.try_get("detail").map_err(q)?,
                crate::Backend::Postgres => r.try_get(0).map_err(q)?,
            };
            out.push(line);
        }
        out.push(String::new());
    }
    Ok(out)
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

// --- the back office's view: every filing, scoped by office instead of owner ---

/// The queue's search (SPEC §13): by procedure, office, status and date, and by any number or the
/// name.
#[derive(Debug, Clone, Default)]
pub struct QueueFilter {
    /// Only this office; None means every office (admins only — the caller decides).
    pub office: Option<String>,
    pub procedure: Option<String>,
    pub status: Option<String>,
    /// Any of the numbers or the name, folded to upper case by the caller.
    pub related: String,
    pub from: Option<Millis>,
    /// Exclusive upper bound.
    pub to: Option<Millis>,
    pub newest_first: bool,
}

fn queue_where(f: &QueueFilter) -> (String, Vec<String>, Vec<i64>) {
    let mut cond = String::from("1 = 1");
    let mut texts: Vec<String> = Vec::new();
    let mut nums: Vec<i64> = Vec::new();
    let mut n = 0;
    for (col, v) in [
        ("office", &f.office),
        ("procedure_id", &f.procedure),
        ("status", &f.status),
    ] {
        if let Some(v) = v {
            n += 1;
            cond.push_str(&format!(" AND {col} = ${n}"));
            texts.push(v.clone());
        }
    }
    if !f.related.is_empty() {
        n += 1;
        cond.push_str(&format!(
            " AND (UPPER(reference_number) LIKE ${n} OR UPPER(COALESCE(reception_number, '')) LIKE ${n} \
             OR UPPER(COALESCE(receipt_number, '')) LIKE ${n} OR UPPER(COALESCE(related_name, '')) LIKE ${n})"
        ));
        let escaped = f.related.replace('\\', "").replace(['%', '_'], "");
        texts.push(format!("%{escaped}%"));
    }
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
    (cond, texts, nums)
}

/// One page of the queue and how many match. Texts are bound before numbers, in the order the
/// placeholders were numbered.
pub async fn queue(
    conn: &mut Conn,
    f: &QueueFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<ApplicationRow>, i64), StoreError> {
    let (cond, texts, nums) = queue_where(f);
    let total =
        if f.procedure.is_none() && f.related.is_empty() && f.from.is_none() && f.to.is_none() {
            // Filtered by office and status at most: the kept counts answer without reading the
            // filings (the default queue would otherwise count every filing on each page).
            let by_status = count_by_status(&mut *conn, f.office.as_deref()).await?;
            by_status
                .iter()
                .filter(|(st, _)| f.status.as_ref().is_none_or(|want| want == st))
                .map(|(_, n)| n)
                .sum()
        } else {
            let count_sql = format!("SELECT COUNT(*) FROM applications WHERE {cond}");
            let mut cq = sqlx::query_scalar::<_, i64>(&count_sql);
            for t in &texts {
                cq = cq.bind(t.as_str());
            }
            for v in &nums {
                cq = cq.bind(*v);
            }
            cq.fetch_one(&mut *conn).await.map_err(q)?
        };
    let order = if f.newest_first {
        "created_at DESC, id DESC"
    } else {
        "created_at ASC, id ASC"
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM applications WHERE {cond} ORDER BY {order} LIMIT {limit} OFFSET {offset}"
    );
    let mut lq = sqlx::query(&sql);
    for t in &texts {
        lq = lq.bind(t.as_str());
    }
    for v in &nums {
        lq = lq.bind(*v);
    }
    let rows = lq.fetch_all(conn).await.map_err(q)?;
    Ok((rows.into_iter().map(row).collect::<Result<_, _>>()?, total))
}

/// How many filings are in each status, for one office or all.
pub async fn count_by_status(
    conn: &mut Conn,
    office: Option<&str>,
) -> Result<Vec<(String, i64)>, StoreError> {
    // From the counts kept by every insert and status change (migration 0009), not the table.
    let rows = match office {
        Some(o) => {
            sqlx::query("SELECT status, n FROM application_counts WHERE office = $1 AND n <> 0")
                .bind(o)
                .fetch_all(conn)
                .await
        }
        None => sqlx::query(
            "SELECT status, CAST(SUM(n) AS BIGINT) AS n FROM application_counts GROUP BY status",
        )
        .fetch_all(conn)
        .await,
    }
    .map_err(q)?;
    rows.into_iter()
        .map(|r| Ok((r.try_get("status").map_err(q)?, r.try_get("n").map_err(q)?)))
        .collect()
}

/// A filing by id for the back office; the caller has checked the officer's office.
pub async fn by_id(conn: &mut Conn, id: i64) -> Result<Option<ApplicationRow>, StoreError> {
    sqlx::query(&format!("SELECT {COLUMNS} FROM applications WHERE id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await
        .map_err(q)?
        .map(row)
        .transpose()
}

/// Records the number an office gave a filing when it received it.
pub async fn set_received(
    conn: &mut Conn,
    id: i64,
    reception_number: Option<&str>,
    receipt_number: Option<&str>,
    now: Millis,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE applications SET reception_number = COALESCE($2, reception_number), \
         receipt_number = COALESCE($3, receipt_number), received_at = $4 WHERE id = $1",
    )
    .bind(id)
    .bind(reception_number)
    .bind(receipt_number)
    .bind(now)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(())
}

pub async fn set_decided(conn: &mut Conn, id: i64, now: Millis) -> Result<(), StoreError> {
    sqlx::query("UPDATE applications SET decided_at = $2 WHERE id = $1 AND decided_at IS NULL")
        .bind(id)
        .bind(now)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(())
}

/// A history entry with who made it, for the back office.
#[derive(Debug, Clone)]
pub struct EventRow {
    pub at: Millis,
    pub status: String,
    pub actor: String,
    pub note: Option<String>,
}

pub async fn events(conn: &mut Conn, application_id: i64) -> Result<Vec<EventRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT at, status, actor, note FROM application_events WHERE application_id = $1 ORDER BY at, id",
    )
    .bind(application_id)
    .fetch_all(conn)
    .await
    .map_err(q)?;
    rows.into_iter()
        .map(|r| {
            Ok(EventRow {
                at: r.try_get("at").map_err(q)?,
                status: r.try_get("status").map_err(q)?,
                actor: r.try_get("actor").map_err(q)?,
                note: r.try_get("note").map_err(q)?,
            })
        })
        .collect()
}

/// The filing that corrected this one, if any (a notification registered as an error and filed
/// again, SPEC §8.4).
pub async fn resubmission(conn: &mut Conn, id: i64) -> Result<Option<ApplicationRow>, StoreError> {
    // No ORDER BY id … LIMIT 1: with it SQLite walked the whole table in id order, and for the usual
    // filing that nothing corrected that is every row (3.6 s at 1,000,000 filings, on each details
    // page). The partial index of migration 0010 finds the correction or two a filing may have; the
    // newest is picked here.
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM applications WHERE resubmission_of = $1"
    ))
    .bind(id)
    .fetch_all(conn)
    .await
    .map_err(q)?;
    let mut newest: Option<ApplicationRow> = None;
    for r in rows {
        let r = row(r)?;
        if newest.as_ref().is_none_or(|n| r.id > n.id) {
            newest = Some(r);
        }
    }
    Ok(newest)
}

/// Replaces the answers of a filing sent back for revision (a residence application's Modify), the
/// old answers kept in its history note by the caller.
pub async fn replace_answers(
    conn: &mut Conn,
    id: i64,
    answers: &str,
    form_version: i64,
    form_fingerprint: &str,
    now: Millis,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE applications SET answers = $2, form_version = $3, form_fingerprint = $4, updated_at = $5 WHERE id = $1",
    )
    .bind(id)
    .bind(answers)
    .bind(form_version)
    .bind(form_fingerprint)
    .bind(now)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(())
}
