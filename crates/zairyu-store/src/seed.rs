//! Bulk writes for `zairyu seed applications`: synthetic users, filings and their histories in
//! multi-row INSERTs, many rows per statement and many statements per transaction, so a million
//! filings take minutes rather than hours on either backend. Nothing here is used by the portal
//! itself; the generator lives in `zairyu_app::seed`.

use crate::Millis;
use crate::db::{Backend, Conn, StoreError, q};

/// Every seeded account has an address at this reserved domain (RFC 6761: it can never receive
/// mail), which is also how the seeder tells its own users from real ones.
pub const SYNTHETIC_DOMAIN: &str = "@example.invalid";

/// Users whose email is not at [`SYNTHETIC_DOMAIN`]: real people, whom seeding must not mix with.
pub async fn real_users(conn: &mut Conn) -> Result<i64, StoreError> {
    sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email_norm NOT LIKE $1")
        .bind(format!("%{SYNTHETIC_DOMAIN}"))
        .fetch_one(conn)
        .await
        .map_err(q)
}

/// Users already seeded (their numbering continues after them, so a second run adds new ones).
pub async fn synthetic_users(conn: &mut Conn) -> Result<i64, StoreError> {
    sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email_norm LIKE $1")
        .bind(format!("%{SYNTHETIC_DOMAIN}"))
        .fetch_one(conn)
        .await
        .map_err(q)
}

/// Reserves `n` consecutive ids of `table` and returns the first. The rows are then inserted with
/// explicit ids, which is what lets one statement write a filing's history without reading back
/// the ids of the filings it just wrote. The id generator is moved past the block, so a server
/// filing at the same time draws ids after it (`table` is one of this module's tables, never input).
pub async fn reserve_ids(
    conn: &mut Conn,
    backend: Backend,
    table: &'static str,
    n: i64,
) -> Result<i64, StoreError> {
    match backend {
        Backend::Postgres => {
            // setval(seq, nextval(seq) + n - 1): the block nextval .. nextval + n - 1 is ours.
            let last: i64 = sqlx::query_scalar(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                 GREATEST(nextval(pg_get_serial_sequence('{table}', 'id')), (SELECT COALESCE(MAX(id), 0) + 1 FROM {table})) + $1 - 1)"
            ))
            .bind(n)
            .fetch_one(conn)
            .await
            .map_err(q)?;
            Ok(last - n + 1)
        }
        Backend::Sqlite => {
            // AUTOINCREMENT never hands out an id at or below sqlite_sequence.seq.
            let seq: Option<i64> =
                sqlx::query_scalar("SELECT seq FROM sqlite_sequence WHERE name = $1")
                    .bind(table)
                    .fetch_optional(&mut *conn)
                    .await
                    .map_err(q)?;
            let max: i64 = sqlx::query_scalar(&format!("SELECT COALESCE(MAX(id), 0) FROM {table}"))
                .fetch_one(&mut *conn)
                .await
                .map_err(q)?;
            let first = seq.unwrap_or(0).max(max) + 1;
            let last = first + n - 1;
            if seq.is_some() {
                sqlx::query("UPDATE sqlite_sequence SET seq = $2 WHERE name = $1")
                    .bind(table)
                    .bind(last)
                    .execute(conn)
                    .await
                    .map_err(q)?;
            } else {
                sqlx::query("INSERT INTO sqlite_sequence (name, seq) VALUES ($1, $2)")
                    .bind(table)
                    .bind(last)
                    .execute(conn)
                    .await
                    .map_err(q)?;
            }
            Ok(first)
        }
    }
}

/// A synthetic account.
#[derive(Debug, Clone)]
pub struct SeedUser {
    pub id: i64,
    pub login_id: String,
    pub user_type: &'static str,
    pub email: String,
    pub name_en: String,
    pub telephone: String,
    pub postal_code: String,
    pub address: String,
    pub locale: &'static str,
    pub ens_approved_at: Option<Millis>,
    pub rasens_approved_at: Option<Millis>,
    pub created_at: Millis,
}

/// A synthetic filing, with its id chosen by the caller (see [`reserve_ids`]).
#[derive(Debug, Clone)]
pub struct SeedApplication<'a> {
    pub id: i64,
    pub reference_number: String,
    pub user_id: i64,
    pub procedure_id: &'a str,
    pub form_version: i64,
    pub form_fingerprint: &'a str,
    pub kind: &'static str,
    pub status: &'static str,
    pub answers: String,
    pub related_name: String,
    pub reception_number: Option<String>,
    pub receipt_number: Option<String>,
    pub office: &'static str,
    pub created_at: Millis,
    pub updated_at: Millis,
    pub received_at: Option<Millis>,
    pub decided_at: Option<Millis>,
}

/// One entry of a filing's dated history.
#[derive(Debug, Clone)]
pub struct SeedEvent {
    pub application_id: i64,
    pub at: Millis,
    pub status: &'static str,
    pub actor: String,
}

/// `($1, $2, …), (…)` for `rows` rows of `cols` placeholders.
fn values(rows: usize, cols: usize) -> String {
    let mut s = String::with_capacity(rows * cols * 5);
    for r in 0..rows {
        if r > 0 {
            s.push_str(", ");
        }
        s.push('(');
        for c in 0..cols {
            if c > 0 {
                s.push_str(", ");
            }
            s.push('$');
            s.push_str(&(r * cols + c + 1).to_string());
        }
        s.push(')');
    }
    s
}

/// Rows per statement for `cols` columns. SQLite looks each `$N` up by walking the statement's list
/// of parameter names (`sqlite3_bind_parameter_name`), so binding costs grow with the square of the
/// placeholders in one statement: a few hundred per statement is the sweet spot (measured: 14,000
/// made a 1,000-row INSERT take over a second). PostgreSQL has no such cost; fewer, larger
/// statements there save round trips (its limit is 65,535 placeholders).
fn rows_per_statement(backend: Backend, cols: usize) -> usize {
    match backend {
        Backend::Sqlite => (400 / cols).max(1),
        Backend::Postgres => 16_000 / cols,
    }
}

pub async fn insert_users(
    conn: &mut Conn,
    backend: Backend,
    users: &[SeedUser],
    password_hash: &str,
) -> Result<(), StoreError> {
    for chunk in users.chunks(rows_per_statement(backend, 15)) {
        let sql = format!(
            "INSERT INTO users (id, login_id, user_type, email, email_norm, name_en, telephone, password_hash, \
             postal_code, address, locale, ens_approved_at, rasens_approved_at, created_at, updated_at) VALUES {}",
            values(chunk.len(), 15)
        );
        let mut query = sqlx::query(&sql);
        for u in chunk {
            query = query
                .bind(u.id)
                .bind(u.login_id.as_str())
                .bind(u.user_type)
                .bind(u.email.as_str())
                .bind(u.email.as_str())
                .bind(u.name_en.as_str())
                .bind(u.telephone.as_str())
                .bind(password_hash)
                .bind(u.postal_code.as_str())
                .bind(u.address.as_str())
                .bind(u.locale)
                .bind(u.ens_approved_at)
                .bind(u.rasens_approved_at)
                .bind(u.created_at)
                .bind(u.created_at);
        }
        query.execute(&mut *conn).await.map_err(q)?;
    }
    Ok(())
}

pub async fn insert_applications(
    conn: &mut Conn,
    backend: Backend,
    apps: &[SeedApplication<'_>],
) -> Result<(), StoreError> {
    for chunk in apps.chunks(rows_per_statement(backend, 18)) {
        let sql = format!(
            "INSERT INTO applications (id, reference_number, user_id, procedure_id, form_version, form_fingerprint, kind, \
             status, answers, related_name, reception_number, receipt_number, submit_key, office, created_at, updated_at, \
             received_at, decided_at) VALUES {}",
            values(chunk.len(), 18)
        );
        let mut query = sqlx::query(&sql);
        for a in chunk {
            query = query
                .bind(a.id)
                .bind(a.reference_number.as_str())
                .bind(a.user_id)
                .bind(a.procedure_id)
                .bind(a.form_version)
                .bind(a.form_fingerprint)
                .bind(a.kind)
                .bind(a.status)
                .bind(a.answers.as_str())
                .bind(a.related_name.as_str())
                .bind(a.reception_number.as_deref())
                .bind(a.receipt_number.as_deref())
                // Unique like a real submit key, and plainly not one.
                .bind(format!("seed:{}", a.id))
                .bind(a.office)
                .bind(a.created_at)
                .bind(a.updated_at)
                .bind(a.received_at)
                .bind(a.decided_at);
        }
        query.execute(&mut *conn).await.map_err(q)?;
        // The back office's counts per office and status (migration 0009), kept as every insert
        // keeps them.
        let mut counts = std::collections::BTreeMap::<(&str, &str), i64>::new();
        for a in chunk {
            *counts.entry((a.office, a.status)).or_default() += 1;
        }
        for ((office, status), n) in counts {
            crate::applications::count(conn, office, status, n).await?;
        }
    }
    Ok(())
}

pub async fn insert_events(
    conn: &mut Conn,
    backend: Backend,
    events: &[SeedEvent],
) -> Result<(), StoreError> {
    for chunk in events.chunks(rows_per_statement(backend, 4)) {
        let sql = format!(
            "INSERT INTO application_events (application_id, at, status, actor) VALUES {}",
            values(chunk.len(), 4)
        );
        let mut query = sqlx::query(&sql);
        for e in chunk {
            query = query
                .bind(e.application_id)
                .bind(e.at)
                .bind(e.status)
                .bind(e.actor.as_str());
        }
        query.execute(&mut *conn).await.map_err(q)?;
    }
    Ok(())
}

/// Refreshes the planner's statistics after a bulk load (and on PostgreSQL the visibility map,
/// which index-only scans need), as a database that grew slowly would have them.
pub async fn analyze(conn: &mut Conn, backend: Backend) -> Result<(), StoreError> {
    let statements: &[&str] = match backend {
        Backend::Sqlite => &["ANALYZE"],
        Backend::Postgres => &[
            "VACUUM (ANALYZE) users",
            "VACUUM (ANALYZE) applications",
            "VACUUM (ANALYZE) application_events",
        ],
    };
    for s in statements {
        sqlx::query(s).execute(&mut *conn).await.map_err(q)?;
    }
    Ok(())
}

/// The last number each office has given, by kind of number and year (`(office, kind, year)`).
pub async fn sequences(conn: &mut Conn) -> Result<Vec<(String, String, i64, i64)>, StoreError> {
    use sqlx::Row;
    let rows = sqlx::query("SELECT office, kind, year, next_value FROM number_sequences")
        .fetch_all(conn)
        .await
        .map_err(q)?;
    rows.into_iter()
        .map(|r| {
            Ok((
                r.try_get("office").map_err(q)?,
                r.try_get("kind").map_err(q)?,
                r.try_get("year").map_err(q)?,
                r.try_get("next_value").map_err(q)?,
            ))
        })
        .collect()
}

/// Moves an office's sequence past the numbers seeding gave, so the next real reception gets a
/// number no seeded filing has.
pub async fn advance_sequence(
    conn: &mut Conn,
    office: &str,
    kind: &str,
    year: i64,
    last: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO number_sequences (office, kind, year, next_value) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (office, kind, year) DO UPDATE SET next_value = CASE \
         WHEN number_sequences.next_value < excluded.next_value THEN excluded.next_value \
         ELSE number_sequences.next_value END",
    )
    .bind(office)
    .bind(kind)
    .bind(year)
    .bind(last)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(())
}

/// The user with the most filings and how many (what the list benchmark measures).
pub async fn heaviest_user(conn: &mut Conn) -> Result<Option<(i64, String, i64)>, StoreError> {
    use sqlx::Row;
    let r = sqlx::query(
        "SELECT u.id, u.login_id, c.n FROM users u JOIN \
         (SELECT user_id, COUNT(*) AS n FROM applications GROUP BY user_id ORDER BY n DESC LIMIT 1) c \
         ON c.user_id = u.id",
    )
    .fetch_optional(conn)
    .await
    .map_err(q)?;
    r.map(|r| {
        Ok((
            r.try_get("id").map_err(q)?,
            r.try_get("login_id").map_err(q)?,
            r.try_get("n").map_err(q)?,
        ))
    })
    .transpose()
}
