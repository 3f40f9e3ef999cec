//! Forgot User ID and forgot password (SPEC §4.4). The pages after submitting never say whether an
//! account matched.

use super::registration::refused;
use crate::AppState;
use crate::ctx::{Ctx, Field};
use crate::error::{ErrorKind, WebError, WebResult};
use crate::forms::FormData;
use crate::pages::{self, Action, FormPage, MessagePage};
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use zairyu_app::accounts::{LinkProblem, recovery};
use zairyu_domain::contact::{EMAIL_MAX, NAME_MAX};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/forgot-user-id", get(user_id_form).post(user_id_submit))
        .route("/forgot-user-id/sent", get(user_id_sent))
        .route("/forgot-password", get(reset_form).post(reset_submit))
        .route("/forgot-password/sent", get(reset_sent))
        .route(
            "/password-reset/{token}",
            get(new_password_form).post(new_password_submit),
        )
        .route("/password-reset-done", get(reset_done))
}

fn user_id_page(ctx: &Ctx, email: &str, name: &str) -> FormPage {
    let fields = vec![
        Field::new(ctx, "email", "field-email", "email")
            .value(email)
            .autocomplete("email")
            .maxlength(EMAIL_MAX),
        Field::new(ctx, "name", "field-name-en", "text")
            .value(name)
            .autocomplete("name")
            .maxlength(NAME_MAX)
            .class("upper")
            .hint(ctx, "hint-name-en"),
    ];
    FormPage::new(
        ctx,
        "forgot-id-title",
        "/forgot-user-id",
        "button-complete",
        fields,
    )
    .intro(ctx.t("forgot-id-intro"))
    .back("/login", ctx.t("button-return-to-login"))
}

async fn user_id_form(ctx: Ctx) -> Response {
    pages::ok(&ctx, &user_id_page(&ctx, "", ""))
}

async fn user_id_submit(State(st): State<AppState>, ctx: Ctx, form: FormData) -> WebResult {
    let (email, name) = (form.get("email"), form.get("name"));
    match recovery::remind_user_id(&st.app, email, name, ctx.lang(), &ctx.ip).await {
        Ok(()) => Ok(pages::see_other("/forgot-user-id/sent")),
        Err(r) => refused(&ctx, user_id_page(&ctx, email, name), r),
    }
}

async fn user_id_sent(ctx: Ctx) -> Response {
    let page = MessagePage::new(&ctx, "forgot-id-sent-title")
        .para(ctx.t("forgot-id-sent-text"))
        .para(ctx.t("mail-not-arriving"))
        .action(Action::link("/login", ctx.t("button-return-to-login")));
    pages::ok(&ctx, &page)
}

fn reset_page(ctx: &Ctx, login_id: &str, email: &str) -> FormPage {
    let fields = vec![
        Field::new(ctx, "login_id", "field-user-id", "text")
            .value(login_id)
            .autocomplete("username")
            .class("upper")
            .maxlength(32),
        Field::new(ctx, "email", "field-email", "email")
            .value(email)
            .autocomplete("email")
            .maxlength(EMAIL_MAX),
    ];
    FormPage::new(
        ctx,
        "forgot-password-title",
        "/forgot-password",
        "button-complete",
        fields,
    )
    .intro(ctx.t("forgot-password-intro"))
    .back("/login", ctx.t("button-return-to-login"))
}

async fn reset_form(ctx: Ctx) -> Response {
    pages::ok(&ctx, &reset_page(&ctx, "", ""))
}

async fn reset_submit(State(st): State<AppState>, ctx: Ctx, form: FormData) -> WebResult {
    let (login_id, email) = (form.get("login_id"), form.get("email"));
    match recovery::request_reset(&st.app, login_id, email, ctx.lang(), &ctx.ip).await {
        Ok(()) => Ok(pages::see_other("/forgot-password/sent")),
        Err(r) => refused(&ctx, reset_page(&ctx, login_id, email), r),
    }
}

async fn reset_sent(ctx: Ctx) -> Response {
    let page = MessagePage::new(&ctx, "forgot-password-sent-title")
        .para(ctx.t("forgot-password-sent-text"))
        .para(ctx.t("mail-not-arriving"))
        .action(Action::link("/login", ctx.t("button-return-to-login")));
    pages::ok(&ctx, &page)
}

fn link_error(problem: LinkProblem) -> WebError {
    WebError(ErrorKind::Link {
        problem,
        restart: "/forgot-password",
    })
}

pub fn new_password_fields(ctx: &Ctx, st: &AppState) -> Vec<Field> {
    let policy = st.app.cfg.password_policy;
    let pw_hint = ctx.i18n.ta(
        ctx.locale,
        "hint-password",
        &[
            ("min", (policy.min as i64).into()),
            ("max", (policy.max as i64).into()),
        ],
    );
    vec![
        Field {
            hint: Some(pw_hint),
            ..Field::new(ctx, "password", "field-new-password", "password")
                .autocomplete("new-password")
                .maxlength(policy.max)
        },
        Field::new(
            ctx,
            "password_confirm",
            "field-new-password-confirm",
            "password",
        )
        .autocomplete("new-password")
        .maxlength(policy.max)
        .hint(ctx, "hint-password-confirm"),
    ]
}

fn new_password_page(ctx: &Ctx, st: &AppState, token: &str, login_id: &str) -> FormPage {
    FormPage::new(
        ctx,
        "reset-title",
        &format!("/password-reset/{token}"),
        "button-change",
        new_password_fields(ctx, st),
    )
    .intro(ctx.t("reset-intro"))
    .intro(format!("{}: {}", ctx.t("field-user-id"), login_id))
}

async fn new_password_form(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult {
    let login_id = recovery::open_reset(&st.app, &token)
        .await?
        .map_err(link_error)?;
    Ok(pages::ok(
        &ctx,
        &new_password_page(&ctx, &st, &token, &login_id),
    ))
}

async fn new_password_submit(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    form: FormData,
) -> WebResult {
    let login_id = recovery::open_reset(&st.app, &token)
        .await?
        .map_err(link_error)?;
    match recovery::reset(
        &st.app,
        &token,
        form.get("password"),
        form.get("password_confirm"),
        &ctx.ip,
    )
    .await
    {
        Ok(Ok(())) => Ok(pages::see_other("/password-reset-done")),
        Ok(Err(p)) => Err(link_error(p)),
        Err(r) => refused(&ctx, new_password_page(&ctx, &st, &token, &login_id), r),
    }
}

async fn reset_done(ctx: Ctx) -> Response {
    let page = MessagePage::new(&ctx, "reset-done-title")
        .para(ctx.t("reset-done-text"))
        .action(Action::link("/login", ctx.t("button-return-to-login")));
    pages::ok(&ctx, &page)
}
