//! Figures for the back office's dashboard (issue 5, item 9). Each takes an optional office: the
//! officer's own, or None for an administrator looking at every office.

use crate::Millis;
use crate::db::{Conn, StoreError, q};
use sqlx::Row;

/// Japan Standard Time is UTC+9 all year; days are counted in it.
const JST_OFFSET_MS: i64 = 9 * 3_600_000;
const DAY_MS: i64 = 86_400_000;

/// The day number (days since 1970-01-01 in Japan) of an instant.
pub fn jst_day(at: Millis) -> i64 {
    (at + JST_OFFSET_MS).div_euclid(DAY_MS)
}

fn office_clause(office: Option<&str>, first: usize) -> String {
    office.map_or(String::new(), |_| format!(" AND office = ${first}"))
}

/// Filings submitted per day (in Japan) since an instant: (day number, count), days without
/// filings left out.
pub async fn filed_per_day(
    conn: &mut Conn,
    office: Option<&str>,
    since: Millis,
) -> Result<Vec<(i64, i64)>, StoreError> {
    let sql = format!(
        "SELECT (created_at + {JST_OFFSET_MS}) / {DAY_MS} AS d, COUNT(*) AS n FROM applications \
         WHERE created_at >= $1{} GROUP BY (created_at + {JST_OFFSET_MS}) / {DAY_MS} ORDER BY d",
        office_clause(office, 2)
    );
    let mut query = sqlx::query(&sql).bind(since);
    if let Some(o) = office {
        query = query.bind(o);
    }
    query
        .fetch_all(conn)
        .await
        .map_err(q)?
        .into_iter()
        .map(|r| Ok((r.try_get("d").map_err(q)?, r.try_get("n").map_err(q)?)))
        .collect()
}

/// Filings per procedure and office: (procedure id, office, count), most first.
pub async fn by_procedure_office(
    conn: &mut Conn,
    office: Option<&str>,
) -> Result<Vec<(String, String, i64)>, StoreError> {
    let sql = format!(
        "SELECT procedure_id, office, COUNT(*) AS n FROM applications WHERE 1 = 1{} \
         GROUP BY procedure_id, office ORDER BY n DESC, procedure_id, office",
        office_clause(office, 1)
    );
    let mut query = sqlx::query(&sql);
    if let Some(o) = office {
        query = query.bind(o);
    }
    query
        .fetch_all(conn)
        .await
        .map_err(q)?
        .into_iter()
        .map(|r| {
            Ok((
                r.try_get("procedure_id").map_err(q)?,
                r.try_get("office").map_err(q)?,
                r.try_get("n").map_err(q)?,
            ))
        })
        .collect()
}

/// For filings decided since an instant: milliseconds from reception to decision, shortest first.
pub async fn decision_times(
    conn: &mut Conn,
    office: Option<&str>,
    since: Millis,
) -> Result<Vec<i64>, StoreError> {
    let sql = format!(
        "SELECT decided_at - received_at AS t FROM applications \
         WHERE decided_at IS NOT NULL AND received_at IS NOT NULL AND decided_at >= $1{} ORDER BY t",
        office_clause(office, 2)
    );
    let mut query = sqlx::query(&sql).bind(since);
    if let Some(o) = office {
        query = query.bind(o);
    }
    query
        .fetch_all(conn)
        .await
        .map_err(q)?
        .into_iter()
        .map(|r| r.try_get("t").map_err(q))
        .collect()
}
