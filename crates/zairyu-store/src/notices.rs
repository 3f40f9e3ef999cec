//! General Notices shown on the top page (SPEC §2.3), each with a text per language.

use crate::Millis;
use crate::db::{Conn, StoreError, q};
use sqlx::Row;

/// A notice in one language (the reader's, else Japanese, else English, else any).
#[derive(Debug, Clone)]
pub struct NoticeRow {
    pub id: i64,
    pub published_at: Millis,
    pub locale: String,
    pub title: String,
    pub body: String,
}

/// Creates a notice with its texts: (locale, title, body).
pub async fn insert(
    conn: &mut Conn,
    published_at: Millis,
    texts: &[(&str, &str, &str)],
    now: Millis,
) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO notices (published_at, created_at) VALUES ($1, $2) RETURNING id",
    )
    .bind(published_at)
    .bind(now)
    .fetch_one(&mut *conn)
    .await
    .map_err(q)?;
    for (locale, title, body) in texts {
        sqlx::query(
            "INSERT INTO notice_texts (notice_id, locale, title, body) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(*locale)
        .bind(*title)
        .bind(*body)
        .execute(&mut *conn)
        .await
        .map_err(q)?;
    }
    Ok(id)
}

pub async fn count_all(conn: &mut Conn) -> Result<i64, StoreError> {
    sqlx::query_scalar("SELECT COUNT(*) FROM notices")
        .fetch_one(conn)
        .await
        .map_err(q)
}

/// Published, not withdrawn notices, newest first, every language's text.
pub async fn published(
    conn: &mut Conn,
    now: Millis,
) -> Result<Vec<(i64, Millis, String, String, String)>, StoreError> {
    let rows = sqlx::query(
        "SELECT n.id, n.published_at, t.locale, t.title, t.body FROM notices n JOIN notice_texts t ON t.notice_id = n.id \
         WHERE n.draft = 0 AND n.published_at <= $1 AND (n.withdrawn_at IS NULL OR n.withdrawn_at > $1) ORDER BY n.published_at DESC, n.id DESC",
    )
    .bind(now)
    .fetch_all(conn)
    .await
    .map_err(q)?;
    rows.into_iter()
        .map(|r| {
            Ok((
                r.try_get("id").map_err(q)?,
                r.try_get("published_at").map_err(q)?,
                r.try_get("locale").map_err(q)?,
                r.try_get("title").map_err(q)?,
                r.try_get("body").map_err(q)?,
            ))
        })
        .collect()
}

/// Picks, for each notice, the text in the best available language, keeping the order given.
pub fn localize(rows: Vec<(i64, Millis, String, String, String)>, locale: &str) -> Vec<NoticeRow> {
    let mut out: Vec<NoticeRow> = Vec::new();
    let rank = |l: &str| {
        if l == locale {
            0
        } else if l == "ja" {
            1
        } else if l == "en" {
            2
        } else {
            3
        }
    };
    for (id, published_at, loc, title, body) in rows {
        match out.iter_mut().find(|n| n.id == id) {
            Some(n) if rank(&loc) < rank(&n.locale) => {
                n.locale = loc;
                n.title = title;
                n.body = body;
            }
            Some(_) => {}
            None => out.push(NoticeRow {
                id,
                published_at,
                locale: loc,
                title,
                body,
            }),
        }
    }
    out
}

// --- the back office: every notice, whatever its state ---

/// A notice as the back office lists and edits it: its state and every language's text.
#[derive(Debug, Clone)]
pub struct NoticeAdminRow {
    pub id: i64,
    pub draft: bool,
    pub published_at: Millis,
    pub withdrawn_at: Option<Millis>,
    pub created_at: Millis,
    pub updated_at: Option<Millis>,
    pub updated_by: Option<String>,
    /// (locale, title, body), in locale order.
    pub texts: Vec<(String, String, String)>,
}

fn admin_rows(rows: Vec<sqlx::any::AnyRow>) -> Result<Vec<NoticeAdminRow>, StoreError> {
    let mut out: Vec<NoticeAdminRow> = Vec::new();
    for r in rows {
        let id: i64 = r.try_get("id").map_err(q)?;
        let text: Option<String> = r.try_get("locale").map_err(q)?;
        let text = match text {
            Some(locale) => Some((
                locale,
                r.try_get::<String, _>("title").map_err(q)?,
                r.try_get::<String, _>("body").map_err(q)?,
            )),
            None => None,
        };
        if let Some(last) = out.last_mut().filter(|n| n.id == id) {
            last.texts.extend(text);
            continue;
        }
        out.push(NoticeAdminRow {
            id,
            draft: r.try_get::<i64, _>("draft").map_err(q)? != 0,
            published_at: r.try_get("published_at").map_err(q)?,
            withdrawn_at: r.try_get("withdrawn_at").map_err(q)?,
            created_at: r.try_get("created_at").map_err(q)?,
            updated_at: r.try_get("updated_at").map_err(q)?,
            updated_by: r.try_get("updated_by").map_err(q)?,
            texts: text.into_iter().collect(),
        });
    }
    Ok(out)
}

const ADMIN_SELECT: &str = "SELECT n.id, n.draft, n.published_at, n.withdrawn_at, n.created_at, n.updated_at, n.updated_by, \
     t.locale, t.title, t.body FROM notices n LEFT JOIN notice_texts t ON t.notice_id = n.id";

/// Every notice, newest publication first (at most `limit`).
pub async fn all(conn: &mut Conn, limit: i64) -> Result<Vec<NoticeAdminRow>, StoreError> {
    let rows = sqlx::query(&format!(
        "{ADMIN_SELECT} WHERE n.id IN (SELECT id FROM notices ORDER BY published_at DESC, id DESC LIMIT $1) \
         ORDER BY n.published_at DESC, n.id DESC, t.locale"
    ))
    .bind(limit)
    .fetch_all(conn)
    .await
    .map_err(q)?;
    admin_rows(rows)
}

pub async fn get(conn: &mut Conn, id: i64) -> Result<Option<NoticeAdminRow>, StoreError> {
    let rows = sqlx::query(&format!("{ADMIN_SELECT} WHERE n.id = $1 ORDER BY t.locale"))
        .bind(id)
        .fetch_all(conn)
        .await
        .map_err(q)?;
    Ok(admin_rows(rows)?.pop())
}

/// Writes a notice (a new one when `id` is None) with exactly the texts given; returns its id.
pub async fn save(
    conn: &mut Conn,
    id: Option<i64>,
    draft: bool,
    published_at: Millis,
    texts: &[(&str, &str, &str)],
    by: &str,
    now: Millis,
) -> Result<Option<i64>, StoreError> {
    let id = match id {
        Some(id) => {
            let done = sqlx::query(
                "UPDATE notices SET draft = $2, published_at = $3, updated_at = $4, updated_by = $5 WHERE id = $1",
            )
            .bind(id)
            .bind(i64::from(draft))
            .bind(published_at)
            .bind(now)
            .bind(by)
            .execute(&mut *conn)
            .await
            .map_err(q)?;
            if done.rows_affected() == 0 {
                return Ok(None);
            }
            sqlx::query("DELETE FROM notice_texts WHERE notice_id = $1")
                .bind(id)
                .execute(&mut *conn)
                .await
                .map_err(q)?;
            id
        }
        None => sqlx::query_scalar(
            "INSERT INTO notices (published_at, created_at, draft, updated_at, updated_by) VALUES ($1, $2, $3, $2, $4) RETURNING id",
        )
        .bind(published_at)
        .bind(now)
        .bind(i64::from(draft))
        .bind(by)
        .fetch_one(&mut *conn)
        .await
        .map_err(q)?,
    };
    for (locale, title, body) in texts {
        sqlx::query(
            "INSERT INTO notice_texts (notice_id, locale, title, body) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(*locale)
        .bind(*title)
        .bind(*body)
        .execute(&mut *conn)
        .await
        .map_err(q)?;
    }
    Ok(Some(id))
}

/// Withdraws a notice now (`Some`) or puts a withdrawn one back (`None`); false when there is none.
pub async fn set_withdrawn(
    conn: &mut Conn,
    id: i64,
    withdrawn_at: Option<Millis>,
    by: &str,
    now: Millis,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE notices SET withdrawn_at = $2, updated_at = $3, updated_by = $4 WHERE id = $1",
    )
    .bind(id)
    .bind(withdrawn_at)
    .bind(now)
    .bind(by)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(done.rows_affected() == 1)
}
