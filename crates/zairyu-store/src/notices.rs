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
         WHERE n.published_at <= $1 AND (n.withdrawn_at IS NULL OR n.withdrawn_at > $1) ORDER BY n.published_at DESC, n.id DESC",
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
