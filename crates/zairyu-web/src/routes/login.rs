//! User Login, User Logout Confirmation, and the idle-timeout extension (SPEC §2.5, §4.1–4.3).

use super::portal::safe_back;
use crate::AppState;
use crate::ctx::{Ctx, Field};
use crate::error::WebResult;
use crate::forms::FormData;
use crate::middleware::{SignedIn, session_cookie, set_cookie};
use crate::pages::{self, Action, FormPage, MessagePage};
use axum::Router;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http::{StatusCode, header};
use zairyu_app::accounts::login::{self, LoginOutcome};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_form).post(login_submit))
        .route("/logout", get(logout_confirm).post(logout))
        .route("/logged-out", get(logged_out))
        .route("/session/extend", post(extend))
}

#[derive(serde::Deserialize, Default)]
pub struct LoginQuery {
    next: Option<String>,
    expired: Option<String>,
}

fn login_page(ctx: &Ctx, login_id: &str, next: &str) -> FormPage {
    let fields = vec![
        Field::new(ctx, "login_id", "field-user-id", "text")
            .value(login_id)
            .autocomplete("username")
            .class("upper")
            .maxlength(32),
        Field::new(ctx, "password", "field-password-login", "password")
            .autocomplete("current-password")
            .maxlength(64),
    ];
    let mut page = FormPage::new(ctx, "login-title", "/login", "button-login", fields)
        .intro(ctx.t("login-intro"))
        .link("/forgot-user-id", ctx.t("login-forgot-id"))
        .link("/forgot-password", ctx.t("login-forgot-password"))
        .intro(ctx.t("login-lock-note"));
    if !next.is_empty() {
        page.hidden.push(("next".into(), next.to_owned()));
    }
    page
}

async fn login_form(ctx: Ctx, Query(q): Query<LoginQuery>) -> Response {
    if ctx.user.is_some() {
        return pages::see_other(safe_back(q.next.as_deref().unwrap_or("/mypage")));
    }
    let next = q
        .next
        .as_deref()
        .map(safe_back)
        .filter(|n| *n != "/")
        .unwrap_or("");
    let mut page = login_page(&ctx, "", next);
    if q.expired.is_some() {
        page = page.alert(ctx.t("login-session-expired"));
    }
    pages::ok(&ctx, &page)
}

async fn login_submit(State(st): State<AppState>, ctx: Ctx, form: FormData) -> WebResult {
    let next = form.get("next");
    let login_id = form.get("login_id");
    let page = login_page(&ctx, login_id, next);
    let outcome =
        login::login(&st.app, login_id, form.get("password"), &ctx.ip, ctx.lang()).await?;
    Ok(match outcome {
        LoginOutcome::LoggedIn { session } => {
            let target = if next.is_empty() {
                "/mypage"
            } else {
                safe_back(next)
            };
            let mut r = pages::see_other(target);
            r.headers_mut().append(
                header::SET_COOKIE,
                set_cookie(
                    session_cookie(st.web.secure),
                    &session,
                    None,
                    true,
                    st.web.secure,
                ),
            );
            r
        }
        LoginOutcome::Fields(errs) => pages::invalid(&ctx, &page.errors(&errs)),
        LoginOutcome::Invalid => pages::render(
            &ctx,
            StatusCode::UNAUTHORIZED,
            &page.alert(ctx.t("login-invalid")),
        ),
        LoginOutcome::Locked => pages::render(
            &ctx,
            StatusCode::FORBIDDEN,
            &page.alert(ctx.t("login-locked")),
        ),
        LoginOutcome::RateLimited => pages::render(
            &ctx,
            StatusCode::TOO_MANY_REQUESTS,
            &page.alert(ctx.t("error-rate-limited-text")),
        ),
    })
}

async fn logout_confirm(SignedIn(ctx, _, _): SignedIn) -> Response {
    let page = MessagePage::new(&ctx, "logout-title")
        .para(ctx.t("logout-question"))
        .action(Action::secondary("/mypage", ctx.t("button-back")))
        .action(Action::post("/logout", ctx.t("button-logout")));
    pages::ok(&ctx, &page)
}

async fn logout(State(st): State<AppState>, ctx: Ctx) -> WebResult {
    if let (Some(u), Some(s)) = (&ctx.user, &ctx.session) {
        login::logout(&st.app, s, u.user_id, &ctx.ip).await?;
    }
    let mut r = pages::see_other("/logged-out");
    r.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(
            session_cookie(st.web.secure),
            "",
            Some(0),
            true,
            st.web.secure,
        ),
    );
    Ok(r)
}

async fn logged_out(ctx: Ctx) -> Response {
    let page = MessagePage::new(&ctx, "logged-out-title")
        .para(ctx.t("logged-out-text"))
        .action(Action::link("/", ctx.t("button-home")))
        .action(Action::secondary("/login", ctx.t("nav-login")));
    pages::ok(&ctx, &page)
}

/// OK in the idle-timeout dialog. Answers JSON for the script.
async fn extend(State(st): State<AppState>, ctx: Ctx) -> WebResult {
    let Some(s) = &ctx.session else {
        return Ok((
            StatusCode::UNAUTHORIZED,
            axum::Json(serde_json::json!({ "expired": true })),
        )
            .into_response());
    };
    match zairyu_app::sessions::extend(&st.app, s).await? {
        Some(at) => Ok(axum::Json(
            serde_json::json!({ "expires_at": at, "expires_text": crate::ctx::format_jst(at) }),
        )
        .into_response()),
        None => Ok((
            StatusCode::UNAUTHORIZED,
            axum::Json(serde_json::json!({ "expired": true })),
        )
            .into_response()),
    }
}
