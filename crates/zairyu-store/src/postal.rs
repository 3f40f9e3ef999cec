//! Postal Code Address Search (SPEC §11.2): the postal code table, loaded from Japan Post's data.

use crate::db::{Conn, Db, StoreError, q};
use crate::postal_parse::PostalRow;
use sqlx::Row;

/// Rows per INSERT: 7 values each keeps well under both backends' parameter limits.
const BATCH: usize = 500;

pub async fn count(conn: &mut Conn) -> Result<i64, StoreError> {
    sqlx::query_scalar("SELECT COUNT(*) FROM postal_codes")
        .fetch_one(conn)
        .await
        .map_err(q)
}

/// Replaces the whole table in one transaction, so a failed import leaves the old data in place.
pub async fn replace_all(db: &Db, rows: &[PostalRow]) -> Result<u64, StoreError> {
    let mut tx = db.begin().await?;
    sqlx::query("DELETE FROM postal_codes")
        .execute(&mut *tx)
        .await
        .map_err(q)?;
    for chunk in rows.chunks(BATCH) {
        let mut sql = String::from(
            "INSERT INTO postal_codes (postal_code, prefecture, city, town, prefecture_kana, city_kana, town_kana) VALUES ",
        );
        for i in 0..chunk.len() {
            let b = i * 7;
            if i > 0 {
                sql.push(',');
            }
            sql.push_str(&format!(
                "(${},${},${},${},${},${},${})",
                b + 1,
                b + 2,
                b + 3,
                b + 4,
                b + 5,
                b + 6,
                b + 7
            ));
        }
        let mut query = sqlx::query(&sql);
        for r in chunk {
            query = query
                .bind(r.postal_code.as_str())
                .bind(r.prefecture.as_str())
                .bind(r.city.as_str())
                .bind(r.town.as_str())
                .bind(r.prefecture_kana.as_str())
                .bind(r.city_kana.as_str())
                .bind(r.town_kana.as_str());
        }
        query.execute(&mut *tx).await.map_err(q)?;
    }
    tx.commit().await.map_err(q)?;
    Ok(rows.len() as u64)
}

/// Every address with this seven-digit code (a code may cover several towns).
pub async fn lookup(conn: &mut Conn, code: &str) -> Result<Vec<PostalRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT postal_code, prefecture, city, town, prefecture_kana, city_kana, town_kana FROM postal_codes \
         WHERE postal_code = $1 ORDER BY id LIMIT 50",
    )
    .bind(code)
    .fetch_all(conn)
    .await
    .map_err(q)?;
    rows.into_iter()
        .map(|r| {
            Ok(PostalRow {
                postal_code: r.try_get("postal_code").map_err(q)?,
                prefecture: r.try_get("prefecture").map_err(q)?,
                city: r.try_get("city").map_err(q)?,
                town: r.try_get("town").map_err(q)?,
                prefecture_kana: r.try_get("prefecture_kana").map_err(q)?,
                city_kana: r.try_get("city_kana").map_err(q)?,
                town_kana: r.try_get("town_kana").map_err(q)?,
            })
        })
        .collect()
}
