//! General Notices for the top page. The top page is the busiest page of the portal, so the published
//! notices are kept in memory and reloaded at most every 30 seconds.

use crate::{App, AppError};
use std::sync::{Arc, RwLock};
use zairyu_store::notices::{self, NoticeRow};

const RELOAD_MS: i64 = 30_000;

/// Per language: when the notices were read, and the notices in that language.
type Cached = std::collections::HashMap<String, (i64, Arc<Vec<NoticeRow>>)>;

#[derive(Debug, Default)]
pub struct NoticeCache {
    inner: RwLock<Cached>,
}

/// Published notices, newest first, in the reader's language where available.
pub async fn published(app: &App, locale: &str) -> Result<Arc<Vec<NoticeRow>>, AppError> {
    let now = app.now();
    if let Ok(guard) = app.notice_cache.inner.read()
        && let Some((at, rows)) = guard.get(locale)
        && now - at < RELOAD_MS
        && now >= *at
    {
        return Ok(rows.clone());
    }
    let mut conn = app.db.read().await?;
    let rows = Arc::new(notices::localize(
        notices::published(&mut conn, now).await?,
        locale,
    ));
    if let Ok(mut guard) = app.notice_cache.inner.write() {
        guard.insert(locale.to_owned(), (now, rows.clone()));
    }
    Ok(rows)
}

/// Forgets the cached notices (after a notice is written).
pub fn invalidate(app: &App) {
    if let Ok(mut guard) = app.notice_cache.inner.write() {
        guard.clear();
    }
}

/// On an empty database, a few demonstration notices so a new installation shows what the top page
/// looks like. They say they are demonstrations.
pub async fn seed_demo(app: &App) -> Result<bool, AppError> {
    let mut tx = app.db.begin().await?;
    if notices::count_all(&mut tx).await? > 0 {
        return Ok(false);
    }
    let now = app.now();
    let day = crate::clock::DAY;
    notices::insert(
        &mut tx,
        now - 2 * day,
        &[
            ("ja", "【デモ】システムの公開について", "これは zairyu のデモ用のお知らせです。在留申請オンラインシステム及び電子届出システムのオープンソース実装を試すことができます。"),
            ("en", "[Demo] About this system", "This is a demonstration notice of zairyu, an open-source implementation of the Online Residence Application System and Electronic Notification System."),
        ],
        now,
    )
    .await?;
    notices::insert(
        &mut tx,
        now - day,
        &[
            (
                "ja",
                "【デモ】メンテナンスのお知らせ",
                "これはデモ用のお知らせです。実際のメンテナンス予定ではありません。",
            ),
            (
                "en",
                "[Demo] Scheduled maintenance",
                "This is a demonstration notice. It does not announce real maintenance.",
            ),
        ],
        now,
    )
    .await?;
    tx.commit()
        .await
        .map_err(zairyu_store::StoreError::from_sqlx)?;
    invalidate(app);
    Ok(true)
}
