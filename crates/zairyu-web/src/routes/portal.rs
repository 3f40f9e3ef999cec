//! The portal shell (SPEC §2): top page, notices, language and colour scheme, static assets, health
//! and metrics, and the development mailbox.

use crate::AppState;
use crate::ctx::{Ctx, Scheme, format_jst};
use crate::error::{ErrorKind, WebError, WebResult};
use crate::forms::FormData;
use crate::middleware::{LANG_COOKIE, SCHEME_COOKIE, set_cookie};
use crate::pages::{self, MailItem, MailboxPage, NoticeItem, NoticePage, NoticesPage, TopPage};
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http::{HeaderValue, StatusCode, header};
use zairyu_app::views::NoticeRow;
use zairyu_i18n::Locale;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(top))
        .route("/notices", get(notices))
        .route("/notices/{id}", get(notice))
        .route("/settings/language", post(language))
        .route("/settings/scheme", post(scheme))
        .route(
            "/static/app.css",
            get(|| async { asset("text/css; charset=utf-8", crate::assets::APP_CSS) }),
        )
        .route(
            "/static/print.css",
            get(|| async { asset("text/css; charset=utf-8", crate::assets::PRINT_CSS) }),
        )
        .route(
            "/static/app.js",
            get(|| async { asset("text/javascript; charset=utf-8", crate::assets::APP_JS) }),
        )
        .route(
            "/favicon.ico",
            get(|| async { asset("image/svg+xml", crate::assets::FAVICON) }),
        )
        .route(
            "/static/favicon.svg",
            get(|| async { asset("image/svg+xml", crate::assets::FAVICON) }),
        )
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready))
        .route("/metrics", get(metrics))
}

/// The development mailbox exists only when mail goes to files.
pub fn dev_router(state: AppState) -> Router<AppState> {
    if state.web.dev_mailbox.is_some() {
        Router::new().route("/dev/mailbox", get(mailbox))
    } else {
        Router::new()
    }
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    r
}

fn item(n: &NoticeRow) -> NoticeItem {
    NoticeItem {
        id: n.id,
        title: n.title.clone(),
        date: format_jst(n.published_at).chars().take(10).collect(),
    }
}

async fn top(State(st): State<AppState>, ctx: Ctx) -> WebResult {
    let notices = zairyu_app::notices::published(&st.app, ctx.lang()).await?;
    let notices = notices.iter().take(5).map(item).collect();
    Ok(pages::ok(
        &ctx,
        &TopPage {
            ctx: ctx.clone(),
            notices,
        },
    ))
}

async fn notices(State(st): State<AppState>, ctx: Ctx) -> WebResult {
    let notices = zairyu_app::notices::published(&st.app, ctx.lang()).await?;
    Ok(pages::ok(
        &ctx,
        &NoticesPage {
            ctx: ctx.clone(),
            notices: notices.iter().map(item).collect(),
        },
    ))
}

async fn notice(State(st): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> WebResult {
    let id: i64 = id.parse().map_err(|_| WebError(ErrorKind::NotFound))?;
    let notices = zairyu_app::notices::published(&st.app, ctx.lang()).await?;
    let n = notices
        .iter()
        .find(|n| n.id == id)
        .ok_or(WebError(ErrorKind::NotFound))?;
    let page = NoticePage {
        ctx: ctx.clone(),
        title: n.title.clone(),
        date: format_jst(n.published_at),
        paras: n
            .body
            .split('\n')
            .filter(|l| !l.trim().is_empty())
            .map(str::to_owned)
            .collect(),
    };
    Ok(pages::ok(&ctx, &page))
}

/// Only paths of this site are followed back, never another site's address.
pub fn safe_back(back: &str) -> &str {
    // Browsers drop tabs and newlines and read a backslash as a slash, so "/\t/evil" or "/\\evil"
    // would leave the site: a path of ours has none of them, nor any other control or space.
    let ours = back.starts_with('/')
        && !back.starts_with("//")
        && !back
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || c == '\\');
    if ours { back } else { "/" }
}

const YEAR: i64 = 365 * 24 * 3600;

async fn language(State(st): State<AppState>, ctx: Ctx, form: FormData) -> WebResult {
    let Some(locale) = Locale::from_code(form.get("lang")) else {
        return Err(WebError(ErrorKind::BadRequest));
    };
    if let Some(u) = &ctx.user {
        zairyu_app::accounts::profile::set_locale(&st.app, u.user_id, locale.code()).await?;
    }
    let mut r = pages::see_other(safe_back(form.get("back")));
    r.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(LANG_COOKIE, locale.code(), Some(YEAR), false, st.web.secure),
    );
    Ok(r)
}

async fn scheme(State(st): State<AppState>, form: FormData) -> WebResult {
    let Some(s) = Scheme::from_code(form.get("scheme")) else {
        return Err(WebError(ErrorKind::BadRequest));
    };
    let mut r = pages::see_other(safe_back(form.get("back")));
    r.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(SCHEME_COOKIE, s.code(), Some(YEAR), false, st.web.secure),
    );
    Ok(r)
}

async fn ready(State(st): State<AppState>) -> Response {
    if st.app.db.ping().await {
        "ready".into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
    }
}

/// Prometheus text format: the job backlog (mail waiting, mail parked as failed).
async fn metrics(State(st): State<AppState>) -> WebResult {
    let (open, failed) = zairyu_app::outbox::backlog(&st.app).await?;
    let body = format!(
        "# HELP zairyu_jobs_open Jobs waiting to run.\n# TYPE zairyu_jobs_open gauge\nzairyu_jobs_open {open}\n\
         # HELP zairyu_jobs_failed Jobs parked after failing too often.\n# TYPE zairyu_jobs_failed gauge\nzairyu_jobs_failed {failed}\n"
    );
    let mut r = body.into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4"),
    );
    Ok(r)
}

async fn mailbox(State(st): State<AppState>, ctx: Ctx) -> WebResult {
    // Development only: the mailbox holds working links, so it answers only on this machine.
    let local = ctx
        .ip
        .parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback());
    let (Some(dir), true) = (st.web.dev_mailbox.clone(), local) else {
        return Err(WebError(ErrorKind::NotFound));
    };
    let mails = zairyu_app::views::list_mailbox(&dir)
        .await
        .map_err(|e| zairyu_app::AppError::Internal(e.to_string()))?;
    let mails = mails
        .into_iter()
        .take(100)
        .map(|m| MailItem {
            subject: m.subject,
            to: m.to,
            date: format_jst(m.created_at),
            lines: m
                .text
                .lines()
                .map(|l| {
                    let t = l.trim();
                    let is_link =
                        (t.starts_with("http://") || t.starts_with("https://")) && !t.contains(' ');
                    (if is_link { t.to_owned() } else { l.to_owned() }, is_link)
                })
                .collect(),
        })
        .collect();
    Ok(pages::ok(
        &ctx,
        &MailboxPage {
            ctx: ctx.clone(),
            mails,
        },
    ))
}
