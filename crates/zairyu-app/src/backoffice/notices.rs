//! Writing General Notices in the back office (issue 5, item 6): a draft, published now, or
//! scheduled (a publication time in the future); withdrawn and put back. Japanese and English
//! texts are required; the other languages are optional and the portal falls back as it does for
//! every notice (the reader's language, else Japanese, else English).

use super::{Forbidden, parse_jst_datetime, record};
use crate::officers::OfficerSession;
use crate::{App, AppError};
use zairyu_domain::officer::Permission;
use zairyu_domain::{FieldErrors, Invalid};
use zairyu_store::StoreError;
use zairyu_store::notices::{self, NoticeAdminRow};

pub const TITLE_MAX: usize = 200;
pub const BODY_MAX: usize = 10_000;

/// The form field names of each language's title and body, in the language menu's order.
pub const TEXT_FIELDS: [(&str, &str, &str); 8] = [
    ("ja", "title_ja", "body_ja"),
    ("en", "title_en", "body_en"),
    ("zh-Hans", "title_zh-Hans", "body_zh-Hans"),
    ("zh-Hant", "title_zh-Hant", "body_zh-Hant"),
    ("ko", "title_ko", "body_ko"),
    ("es", "title_es", "body_es"),
    ("vi", "title_vi", "body_vi"),
    ("tl", "title_tl", "body_tl"),
];

/// The languages whose text every notice must have.
pub const REQUIRED: [&str; 2] = ["ja", "en"];

/// Where a notice stands for readers of the portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeState {
    Draft,
    Scheduled,
    Published,
    Withdrawn,
}

impl NoticeState {
    pub fn of(n: &NoticeAdminRow, now: i64) -> NoticeState {
        if n.withdrawn_at.is_some_and(|w| w <= now) {
            NoticeState::Withdrawn
        } else if n.draft {
            NoticeState::Draft
        } else if n.published_at > now {
            NoticeState::Scheduled
        } else {
            NoticeState::Published
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            NoticeState::Draft => "draft",
            NoticeState::Scheduled => "scheduled",
            NoticeState::Published => "published",
            NoticeState::Withdrawn => "withdrawn",
        }
    }
}

/// What to do with the notice when it is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publish {
    /// Keep it as a draft, not shown.
    Draft,
    /// Show it from now.
    Now,
    /// Show it from the given time (`publish_at`).
    At,
}

impl Publish {
    pub fn parse(s: &str) -> Option<Publish> {
        match s {
            "draft" => Some(Publish::Draft),
            "now" => Some(Publish::Now),
            "at" => Some(Publish::At),
            _ => None,
        }
    }
}

/// A notice as typed in the form: (locale, title, body) for each language, as sent.
#[derive(Debug, Clone, Default)]
pub struct NoticeInput {
    pub texts: Vec<(String, String, String)>,
    pub publish: String,
    pub publish_at: String,
}

/// Checks a notice as typed: the texts to keep (trimmed, languages left empty dropped), the
/// publication instant and whether it is a draft.
#[allow(clippy::type_complexity)]
pub fn check(
    input: &NoticeInput,
    now: i64,
) -> Result<(Vec<(&'static str, String, String)>, i64, bool), FieldErrors> {
    let mut errs = FieldErrors::new();
    let mut texts = Vec::new();
    for (locale, title_field, body_field) in TEXT_FIELDS {
        let (title, body) = input
            .texts
            .iter()
            .find(|(l, _, _)| l == locale)
            .map(|(_, t, b)| (t.trim(), b.trim()))
            .unwrap_or(("", ""));
        let required = REQUIRED.contains(&locale);
        if title.is_empty() && body.is_empty() && !required {
            continue;
        }
        if title.is_empty() {
            errs.add(title_field, Invalid::Required);
        } else if title.chars().count() > TITLE_MAX {
            errs.add(title_field, Invalid::TooLong { max: TITLE_MAX });
        }
        if body.is_empty() {
            errs.add(body_field, Invalid::Required);
        } else if body.chars().count() > BODY_MAX {
            errs.add(body_field, Invalid::TooLong { max: BODY_MAX });
        }
        texts.push((locale, title.to_owned(), body.replace("\r\n", "\n")));
    }
    let (at, draft) = match Publish::parse(&input.publish) {
        Some(Publish::Draft) => (parse_jst_datetime(&input.publish_at).unwrap_or(now), true),
        Some(Publish::Now) => (now, false),
        Some(Publish::At) => match parse_jst_datetime(&input.publish_at) {
            Ok(t) => (t, false),
            Err(e) => {
                let e = if input.publish_at.trim().is_empty() {
                    Invalid::Required
                } else {
                    e
                };
                errs.add("publish_at", e);
                (now, false)
            }
        },
        None => {
            errs.add("publish", Invalid::Required);
            (now, true)
        }
    };
    if errs.is_empty() {
        Ok((texts, at, draft))
    } else {
        Err(errs)
    }
}

pub async fn list(
    app: &App,
    s: &OfficerSession,
) -> Result<Result<Vec<NoticeAdminRow>, Forbidden>, AppError> {
    if !s.allows(Permission::ManageNotices) {
        return Ok(Err(Forbidden));
    }
    let mut conn = app.db.read().await?;
    Ok(Ok(notices::all(&mut conn, 500).await?))
}

pub async fn get(
    app: &App,
    s: &OfficerSession,
    id: i64,
) -> Result<Result<Option<NoticeAdminRow>, Forbidden>, AppError> {
    if !s.allows(Permission::ManageNotices) {
        return Ok(Err(Forbidden));
    }
    let mut conn = app.db.read().await?;
    Ok(Ok(notices::get(&mut conn, id).await?))
}

#[derive(Debug, PartialEq, Eq)]
pub enum Saved {
    Saved(i64),
    Fields(FieldErrors),
    NotFound,
    Forbidden,
}

/// Writes a new notice (`id` None) or changes one, with its audit record; the portal's cache is
/// emptied so the change shows at once on this server.
pub async fn save(
    app: &App,
    s: &OfficerSession,
    id: Option<i64>,
    input: &NoticeInput,
    ip: &str,
) -> Result<Saved, AppError> {
    if !s.allows(Permission::ManageNotices) {
        return Ok(Saved::Forbidden);
    }
    let now = app.now();
    let (texts, at, draft) = match check(input, now) {
        Ok(v) => v,
        Err(errs) => return Ok(Saved::Fields(errs)),
    };
    let refs: Vec<(&str, &str, &str)> = texts
        .iter()
        .map(|(l, t, b)| (*l, t.as_str(), b.as_str()))
        .collect();
    let mut tx = app.db.begin().await?;
    let Some(saved) = notices::save(&mut tx, id, draft, at, &refs, &s.actor(), now).await? else {
        return Ok(Saved::NotFound);
    };
    let state = if draft {
        "draft"
    } else if at > now {
        "scheduled"
    } else {
        "published"
    };
    let action = if id.is_some() {
        "notice.updated"
    } else {
        "notice.created"
    };
    record(
        &mut tx,
        s,
        action,
        &format!("notice:{saved}"),
        ip,
        Some(state),
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    crate::notices::invalidate(app);
    Ok(Saved::Saved(saved))
}

/// Withdraws a notice (`withdraw`) or shows it again; false when there is no such notice.
pub async fn set_withdrawn(
    app: &App,
    s: &OfficerSession,
    id: i64,
    withdraw: bool,
    ip: &str,
) -> Result<Result<bool, Forbidden>, AppError> {
    if !s.allows(Permission::ManageNotices) {
        return Ok(Err(Forbidden));
    }
    let now = app.now();
    let mut tx = app.db.begin().await?;
    if !notices::set_withdrawn(&mut tx, id, withdraw.then_some(now), &s.actor(), now).await? {
        return Ok(Ok(false));
    }
    let action = if withdraw {
        "notice.withdrawn"
    } else {
        "notice.restored"
    };
    record(&mut tx, s, action, &format!("notice:{id}"), ip, None, now).await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    crate::notices::invalidate(app);
    Ok(Ok(true))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(texts: &[(&str, &str, &str)], publish: &str, at: &str) -> NoticeInput {
        NoticeInput {
            texts: texts
                .iter()
                .map(|(l, t, b)| (l.to_string(), t.to_string(), b.to_string()))
                .collect(),
            publish: publish.into(),
            publish_at: at.into(),
        }
    }

    #[test]
    fn japanese_and_english_are_required_others_optional() {
        let e = check(&input(&[("ja", "題", "本文")], "now", ""), 0).unwrap_err();
        assert!(e.get("title_en").is_some() && e.get("body_en").is_some());
        assert!(e.get("title_ja").is_none());
        let (texts, at, draft) = check(
            &input(
                &[("ja", "題", "本文"), ("en", "T", "B"), ("ko", "", "")],
                "now",
                "",
            ),
            5,
        )
        .unwrap();
        assert_eq!(texts.len(), 2);
        assert_eq!((at, draft), (5, false));
        // A language started but not finished is refused rather than shown half-empty.
        let e = check(
            &input(
                &[("ja", "題", "本文"), ("en", "T", "B"), ("ko", "제목", "")],
                "now",
                "",
            ),
            0,
        )
        .unwrap_err();
        assert_eq!(e.0.len(), 1);
        assert!(e.get("body_ko").is_some());
    }

    #[test]
    fn scheduling_needs_a_valid_time() {
        let ok = [("ja", "題", "本文"), ("en", "T", "B")];
        assert!(
            check(&input(&ok, "at", ""), 0)
                .unwrap_err()
                .get("publish_at")
                .is_some()
        );
        assert_eq!(
            check(&input(&ok, "at", "2026-13-01T00:00"), 0)
                .unwrap_err()
                .get("publish_at")
                .map(|e| e.problem),
            Some(Invalid::Format)
        );
        let (_, at, draft) = check(&input(&ok, "at", "2027-01-01T00:00"), 0).unwrap();
        assert!(!draft && at > 0);
        assert!(
            check(&input(&ok, "", ""), 0)
                .unwrap_err()
                .get("publish")
                .is_some()
        );
        assert!(check(&input(&ok, "draft", ""), 0).unwrap().2);
    }
}
