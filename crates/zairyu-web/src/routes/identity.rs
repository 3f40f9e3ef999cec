//! My Number Card identity verification (SPEC §7.2, §7.3), the PC side and the phone's door:
//!
//! - `/procedures/{id}/identity`: "About the reading of the electronic certification" → Proceed to
//!   Next (a new one-time code for the user-authentication certificate);
//! - `/procedures/{id}/identity/read`: the QR code (inline SVG) of the current code and the waiting
//!   line; it moves on by itself (`static/app.js` polls `…/status`), or with "Check again" without
//!   JavaScript; a refusal or an expired code is said here with "Try again"; once the signature
//!   certificate is read, the entry screen;
//! - `/identity/code/{nonce}`: the one-time URL in the QR code. The phone app POSTs the certificate
//!   and signature to it (no CSRF token: the unguessable one-time nonce is the credential; the
//!   middleware exempts this path only); a browser that opens it is told what it is for — and a
//!   browser signed in as another session spoils it;
//! - `/dev/card/{nonce}` (development mode only): a page that plays the Mynaportal app with the
//!   test cards of `zairyu card new`.

use crate::AppState;
use crate::ctx::Ctx;
use crate::error::{ErrorKind, WebError, WebResult};
use crate::forms::FormData;
use crate::middleware::SignedIn;
use crate::pages::{self, Action, EntryPage, MessagePage};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::StatusCode;
use zairyu_app::catalogue::Procedure;
use zairyu_app::filing::{self, Gate};
use zairyu_app::identity::{self, Caller, Code, SimOutcome, Step};
use zairyu_domain::{CertKind, IdentityFailure};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/procedures/{id}/identity", get(about).post(begin))
        .route("/procedures/{id}/identity/read", get(read))
        .route("/procedures/{id}/identity/status", get(status))
        .route("/identity/code/{nonce}", get(code).post(phone_answer))
}

/// The development phone page, only when the card simulator is on (development mode).
pub fn dev_router(state: &AppState) -> Router<AppState> {
    if state.app.identity.simulator.is_some() {
        Router::new().route("/dev/card/{nonce}", get(dev_card).post(dev_card_answer))
    } else {
        Router::new()
    }
}

/// The explanation and QR screens.
#[derive(Template)]
#[template(path = "identity.html")]
pub struct IdentityPage {
    pub ctx: Ctx,
    pub title: String,
    pub procedure_name: String,
    pub paras: Vec<String>,
    /// Inline SVG of the QR code (generated here, never from input).
    pub qr_svg: Option<String>,
    /// The one-time URL, also as text for those who cannot scan.
    pub code_url: Option<String>,
    /// The waiting line and where the script polls.
    pub waiting: Option<String>,
    pub status_url: Option<String>,
    pub check_again: Option<String>,
    /// Development: revocation is not checked; or the phone page link.
    pub dev_notes: Vec<String>,
    pub dev_phone: Option<String>,
    pub alert: Option<String>,
    pub actions: Vec<Action>,
}

impl IdentityPage {
    fn new(ctx: &Ctx, st: &AppState, title: String, p: &Procedure) -> IdentityPage {
        let mut dev_notes = Vec::new();
        if !st.app.identity.revocation_checking {
            dev_notes.push(ctx.t("identity-dev-no-revocation"));
        }
        IdentityPage {
            ctx: ctx.clone(),
            title,
            procedure_name: p.name.get(ctx.lang()).to_owned(),
            paras: Vec::new(),
            qr_svg: None,
            code_url: None,
            waiting: None,
            status_url: None,
            check_again: None,
            dev_notes,
            dev_phone: None,
            alert: None,
            actions: Vec::new(),
        }
    }
}

/// The development phone page.
#[derive(Template)]
#[template(path = "devcard.html")]
pub struct DevCardPage {
    pub ctx: Ctx,
    pub title: String,
    pub step: String,
    pub action: String,
    pub secret_label: String,
    pub secret_hint: String,
    pub secret_inputmode: &'static str,
    /// (id, label, locked)
    pub cards: Vec<(String, String, bool)>,
    pub chosen: String,
    pub error: Option<String>,
    pub done: Option<String>,
}

/// The procedure, when it needs the card reading and the user may enter it.
fn procedure<'a>(
    st: &'a AppState,
    user: &zairyu_app::sessions::SessionUser,
    id: &str,
) -> Result<Result<&'a Procedure, Response>, WebError> {
    let p = st
        .app
        .catalogue
        .get(id)
        .ok_or(WebError(ErrorKind::NotFound))?;
    Ok(match filing::gate(&st.app, p, user) {
        Gate::NeedsCardReading => Ok(p),
        // Anything else (no reading needed, or not enterable): the entry screen says why.
        _ => Err(pages::see_other(&format!("/procedures/{}/entry", p.id))),
    })
}

async fn about(
    State(st): State<AppState>,
    SignedIn(ctx, user, session): SignedIn,
    Path(id): Path<String>,
) -> WebResult {
    let p = match procedure(&st, &user, &id)? {
        Ok(p) => p,
        Err(r) => return Ok(r),
    };
    if identity::reading(&st.app, user.user_id, &session, &p.id)
        .await?
        .is_some()
    {
        return Ok(pages::see_other(&format!("/procedures/{}/entry", p.id)));
    }
    let mut page = IdentityPage::new(&ctx, &st, ctx.t("identity-about-title"), p);
    page.alert = Some(format!(
        "{} {}",
        ctx.t("entry-card-reading-title"),
        ctx.t("entry-card-reading-text")
    ));
    page.paras = vec![
        ctx.t("identity-about-text-1"),
        ctx.t("identity-about-text-2"),
        ctx.t("identity-about-text-3"),
    ];
    page.actions = vec![
        Action::post(
            &format!("/procedures/{}/identity", p.id),
            ctx.t("identity-proceed"),
        ),
        Action::secondary(&format!("/procedures/{}", p.id), ctx.t("button-back")),
    ];
    Ok(pages::ok(&ctx, &page))
}

async fn begin(
    State(st): State<AppState>,
    SignedIn(_ctx, user, session): SignedIn,
    Path(id): Path<String>,
) -> WebResult {
    let p = match procedure(&st, &user, &id)? {
        Ok(p) => p,
        Err(r) => return Ok(r),
    };
    identity::begin(&st.app, user.user_id, &session, &p.id).await?;
    Ok(pages::see_other(&format!(
        "/procedures/{}/identity/read",
        p.id
    )))
}

/// An SVG QR code of `text`, for inline use (the XML declaration dropped).
fn qr_svg(text: &str) -> Option<String> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let svg = code
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build();
    let start = svg.find("<svg")?;
    Some(svg[start..].replacen(
        "<svg",
        "<svg role=\"img\" aria-hidden=\"true\" focusable=\"false\" class=\"qr\"",
        1,
    ))
}

async fn read(
    State(st): State<AppState>,
    SignedIn(ctx, user, session): SignedIn,
    Path(id): Path<String>,
) -> WebResult {
    let p = match procedure(&st, &user, &id)? {
        Ok(p) => p,
        Err(r) => return Ok(r),
    };
    let restart = Action::post(
        &format!("/procedures/{}/identity", p.id),
        ctx.t("identity-try-again"),
    );
    let to_list = Action::secondary("/procedures", ctx.t("button-return-to-list"));
    let step = identity::step(&st.app, user.user_id, &session, &p.id).await?;
    let page = match step {
        Step::NotStarted => {
            return Ok(pages::see_other(&format!("/procedures/{}/identity", p.id)));
        }
        Step::Done(_) => {
            return Ok(pages::see_other(&format!("/procedures/{}/entry", p.id)));
        }
        Step::Waiting {
            challenge_id,
            kind,
            url,
            ..
        } => {
            let (title, text, waiting) = match kind {
                CertKind::Authentication => (
                    "identity-qr-auth-title",
                    "identity-qr-auth-text",
                    "identity-waiting-auth",
                ),
                CertKind::Signature => (
                    "identity-qr-sign-title",
                    "identity-qr-sign-text",
                    "identity-waiting-sign",
                ),
            };
            let mut page = IdentityPage::new(&ctx, &st, ctx.t(title), p);
            page.paras = vec![ctx.t(text), ctx.t("identity-qr-valid")];
            if kind == CertKind::Signature {
                page.alert = Some(ctx.t("identity-auth-done"));
            }
            page.qr_svg = qr_svg(&url);
            if st.app.identity.simulator.is_some()
                && let Some(nonce) = url.rsplit('/').next()
            {
                page.dev_phone = Some(format!("/dev/card/{nonce}"));
            }
            page.code_url = Some(url);
            page.waiting = Some(ctx.t(waiting));
            page.status_url = Some(format!(
                "/procedures/{}/identity/status?c={challenge_id}",
                p.id
            ));
            page.check_again = Some(format!("/procedures/{}/identity/read", p.id));
            page.actions = vec![to_list];
            page
        }
        Step::Authenticated { .. } => {
            return Ok(pages::see_other(&format!(
                "/procedures/{}/identity/read",
                p.id
            )));
        }
        Step::Expired { .. } => {
            let mut page = IdentityPage::new(&ctx, &st, ctx.t("identity-failed-title"), p);
            page.alert = Some(ctx.t(IdentityFailure::CodeExpired.message_key()));
            page.actions = vec![restart, to_list];
            page
        }
        Step::Failed { failure, .. } => {
            let mut page = IdentityPage::new(&ctx, &st, ctx.t("identity-failed-title"), p);
            page.alert = Some(ctx.t(failure.message_key()));
            page.paras = vec![ctx.t("identity-nothing-recorded")];
            page.actions = vec![restart, to_list];
            page
        }
    };
    Ok(pages::ok(&ctx, &page))
}

#[derive(serde::Deserialize, Default)]
struct StatusQuery {
    #[serde(default)]
    c: i64,
}

/// For the waiting screen's script: is the code still waiting?
async fn status(
    State(st): State<AppState>,
    SignedIn(_ctx, user, session): SignedIn,
    Path(_id): Path<String>,
    Query(q): Query<StatusQuery>,
) -> WebResult {
    let waiting = identity::waiting(&st.app, user.user_id, &session, q.c).await?;
    Ok(axum::Json(serde_json::json!({ "waiting": waiting })).into_response())
}

fn caller(ctx: &Ctx) -> Caller {
    match (&ctx.user, &ctx.session) {
        (Some(u), Some(s)) => Caller::Session {
            user_id: u.user_id,
            session: s.clone(),
        },
        _ => Caller::NoSession,
    }
}

fn refusal_status(f: IdentityFailure) -> StatusCode {
    match f {
        IdentityFailure::CodeExpired => StatusCode::GONE,
        IdentityFailure::CodeUsed | IdentityFailure::OtherSession => StatusCode::CONFLICT,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

#[derive(serde::Deserialize, Default)]
struct CodeQuery {
    /// `1` from the phone app: answer JSON (which certificate is asked for).
    #[serde(default)]
    app: String,
}

/// The one-time URL opened in a browser (or asked about by the phone app).
async fn code(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(nonce): Path<String>,
    Query(q): Query<CodeQuery>,
) -> WebResult {
    let opened = identity::open_code(&st.app, &nonce, &caller(&ctx), &ctx.ip).await?;
    if q.app == "1" {
        return Ok(match opened {
            Code::Open { kind, .. } => {
                axum::Json(serde_json::json!({ "kind": kind.code() })).into_response()
            }
            Code::Refused(f) => json_answer(&ctx, Err(f)),
            Code::Unknown => json_answer(&ctx, Err(IdentityFailure::CodeExpired)),
        });
    }
    match opened {
        Code::Unknown => Err(WebError(ErrorKind::NotFound)),
        Code::Refused(f) => {
            let page = MessagePage::new(&ctx, "identity-failed-title").para(ctx.t(f.message_key()));
            Ok(pages::render(&ctx, refusal_status(f), &page))
        }
        Code::Open { .. } => {
            let mut page =
                MessagePage::new(&ctx, "identity-code-title").para(ctx.t("identity-code-text"));
            if st.app.identity.simulator.is_some() {
                page = page.action(Action::link(
                    &format!("/dev/card/{nonce}"),
                    ctx.t("identity-dev-phone-open"),
                ));
            }
            Ok(pages::ok(&ctx, &page))
        }
    }
}

/// Standard or URL-safe base64, with or without padding and line breaks (apps differ).
fn base64_any(s: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    let clean: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let e = base64::engine::general_purpose::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
    );
    let u = base64::engine::general_purpose::GeneralPurpose::new(
        &base64::alphabet::URL_SAFE,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
    );
    e.decode(&clean).or_else(|_| u.decode(&clean)).ok()
}

/// The phone's answer: `certificate` and `signature`, base64. Answers JSON for the app.
async fn phone_answer(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(nonce): Path<String>,
    data: FormData,
) -> WebResult {
    let (Some(cert), Some(sig)) = (
        base64_any(data.get("certificate")),
        base64_any(data.get("signature")),
    ) else {
        // Unreadable: still refused on the PC screen, as a malformed certificate.
        return Ok(json_answer(
            &ctx,
            identity::answer(&st.app, &nonce, &caller(&ctx), &[], &[], &ctx.ip).await?,
        ));
    };
    Ok(json_answer(
        &ctx,
        identity::answer(&st.app, &nonce, &caller(&ctx), &cert, &sig, &ctx.ip).await?,
    ))
}

fn json_answer(ctx: &Ctx, r: Result<(), IdentityFailure>) -> Response {
    match r {
        Ok(()) => axum::Json(serde_json::json!({ "ok": true })).into_response(),
        Err(f) => (
            refusal_status(f),
            axum::Json(serde_json::json!({
                "ok": false,
                "error": f.code(),
                "message": ctx.t(f.message_key()),
            })),
        )
            .into_response(),
    }
}

/// Marks the fields of an entry page that the card reading filled.
pub fn mark_card_fields(
    ctx: &Ctx,
    p: &Procedure,
    page: &mut EntryPage,
    reading: Option<&identity::Reading>,
) {
    let (Some(cf), Some(_)) = (&p.card_fields, reading) else {
        return;
    };
    let ids = cf.ids();
    for f in page.sections.iter_mut().flat_map(|s| s.fields.iter_mut()) {
        if !ids.contains(&f.name.as_str()) {
            continue;
        }
        f.card_read = true;
        if let Some((_, label, _)) = f.options.iter().find(|o| o.2) {
            f.value = label.clone();
        }
        if f.value.is_empty() {
            f.value = ctx.t("identity-card-blank");
        }
    }
}

// ---- development phone page ----

fn dev_page(ctx: &Ctx, st: &AppState, nonce: &str, kind: CertKind) -> DevCardPage {
    let cards = st
        .app
        .identity
        .simulator
        .as_ref()
        .map(|s| s.cards())
        .unwrap_or_default();
    let locked = |c: &identity::SimCard| match kind {
        CertKind::Authentication => c.auth_locked,
        CertKind::Signature => c.sign_locked,
    };
    let (label, hint, mode) = match kind {
        CertKind::Authentication => ("identity-dev-pin", "identity-dev-pin-hint", "numeric"),
        CertKind::Signature => (
            "identity-dev-password",
            "identity-dev-password-hint",
            "text",
        ),
    };
    DevCardPage {
        ctx: ctx.clone(),
        title: ctx.t("identity-dev-phone-title"),
        step: ctx.t(match kind {
            CertKind::Authentication => "identity-dev-step-auth",
            CertKind::Signature => "identity-dev-step-sign",
        }),
        action: format!("/dev/card/{nonce}"),
        secret_label: ctx.t(label),
        secret_hint: ctx.t(hint),
        secret_inputmode: mode,
        chosen: cards.first().map(|c| c.id.clone()).unwrap_or_default(),
        cards: cards
            .iter()
            .map(|c| (c.id.clone(), c.holder.clone(), locked(c)))
            .collect(),
        error: None,
        done: None,
    }
}

async fn dev_card(State(st): State<AppState>, ctx: Ctx, Path(nonce): Path<String>) -> WebResult {
    match identity::open_code(&st.app, &nonce, &caller(&ctx), &ctx.ip).await? {
        Code::Unknown => Err(WebError(ErrorKind::NotFound)),
        Code::Refused(f) => {
            let page = MessagePage::new(&ctx, "identity-failed-title").para(ctx.t(f.message_key()));
            Ok(pages::render(&ctx, refusal_status(f), &page))
        }
        Code::Open { kind, .. } => {
            let mut page = dev_page(&ctx, &st, &nonce, kind);
            if page.cards.is_empty() {
                page.error = Some(ctx.t("identity-dev-no-cards"));
            }
            Ok(pages::ok(&ctx, &page))
        }
    }
}

async fn dev_card_answer(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(nonce): Path<String>,
    data: FormData,
) -> WebResult {
    let Some(sim) = st.app.identity.simulator.clone() else {
        return Err(WebError(ErrorKind::NotFound));
    };
    let kind = match identity::open_code(&st.app, &nonce, &caller(&ctx), &ctx.ip).await? {
        Code::Unknown => return Err(WebError(ErrorKind::NotFound)),
        Code::Refused(f) => {
            let page = MessagePage::new(&ctx, "identity-failed-title").para(ctx.t(f.message_key()));
            return Ok(pages::render(&ctx, refusal_status(f), &page));
        }
        Code::Open { kind, .. } => kind,
    };
    let mut page = dev_page(&ctx, &st, &nonce, kind);
    page.chosen = data.get("card").to_owned();
    let secret = data.get("secret").trim().to_owned();
    if secret.is_empty() {
        page.error = Some(ctx.t1("err-required", "field", &page.secret_label));
        return Ok(pages::invalid(&ctx, &page));
    }
    match sim.answer(data.get("card"), kind, &secret, &nonce)? {
        SimOutcome::NoSuchCard => {
            page.error = Some(ctx.t("identity-dev-choose-card"));
            Ok(pages::invalid(&ctx, &page))
        }
        SimOutcome::WrongPin { left } => {
            page.error = Some(ctx.t1("identity-dev-wrong-pin", "left", &left.to_string()));
            Ok(pages::invalid(&ctx, &page))
        }
        SimOutcome::Locked => {
            page.error = Some(ctx.t("identity-dev-locked"));
            Ok(pages::invalid(&ctx, &page))
        }
        SimOutcome::Signed { cert, signature } => {
            match identity::answer(&st.app, &nonce, &caller(&ctx), &cert, &signature, &ctx.ip)
                .await?
            {
                Ok(()) => {
                    page.done = Some(ctx.t(match kind {
                        CertKind::Authentication => "identity-dev-login-completed",
                        CertKind::Signature => "identity-dev-signature-completed",
                    }));
                    Ok(pages::ok(&ctx, &page))
                }
                Err(f) => {
                    page.error = Some(ctx.t(f.message_key()));
                    Ok(pages::render(&ctx, refusal_status(f), &page))
                }
            }
        }
    }
}
