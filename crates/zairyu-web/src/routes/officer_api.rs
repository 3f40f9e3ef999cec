//! The back office's JSON API for other back-office systems (issue 5, item 10): list and read the
//! filings in the officer's reach and act on them through the same use case as the screens
//! (`officers::act`). Every request carries an officer's API token as `Authorization: Bearer …`
//! and has exactly that officer's rights. Answers, errors included, are JSON; the OpenAPI 3.1
//! description is at `/officer/api/openapi.json`. These routes take no cookies: the CSRF middleware
//! lets a POST through without a token only when it carries a bearer token and no cookie at all
//! (see `middleware::bearer_only`), which a browser's cross-site form cannot do.

use crate::AppState;
use crate::ctx::Ctx;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use serde_json::{Value, json};
use zairyu_app::backoffice::api_tokens;
use zairyu_app::officers::{self, ActOutcome, OfficerSession, QueueFilter};
use zairyu_app::secret::sha256_hex;
use zairyu_domain::ApplicationStatus;
use zairyu_domain::officer::Permission;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/officer/api/openapi.json", get(openapi))
        .route("/officer/api/applications", get(list))
        .route("/officer/api/applications/{id}", get(read))
        .route("/officer/api/applications/{id}/actions", post(act))
        .route("/officer/api/{*rest}", get(not_found).post(not_found))
}

/// A JSON error: `{"error": code, "message": text}`.
fn error(status: StatusCode, code: &str, message: &str) -> Response {
    let mut r = (
        status,
        axum::Json(json!({ "error": code, "message": message })),
    )
        .into_response();
    if status == StatusCode::UNAUTHORIZED {
        r.headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    r
}

fn internal(e: zairyu_app::AppError) -> Response {
    tracing::error!(error = %e, "API request failed");
    error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        "The request could not be completed.",
    )
}

/// The officer a request's bearer token stands for, within the rate limit; otherwise the JSON
/// answer to send.
async fn authed(st: &AppState, ctx: &Ctx, headers: &HeaderMap) -> Result<OfficerSession, Response> {
    let unauthorized = || {
        error(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "A valid API token is required (Authorization: Bearer …).",
        )
    };
    let Some(token) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
    else {
        return Err(unauthorized());
    };
    let limits = st.app.cfg.rate_limits;
    let limited = || {
        error(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "Too many requests; try again later.",
        )
    };
    match api_tokens::authenticate(&st.app, token).await {
        // Counted per token only once it is known to be one, so made-up tokens cannot fill the
        // limiter with keys.
        Ok(Some(s)) if s.allows(Permission::UseApi) => {
            if st
                .app
                .rate_ok("api-token", &sha256_hex(token), limits.api_per_token)
            {
                Ok(s)
            } else {
                Err(limited())
            }
        }
        Ok(_) => {
            // Guessing tokens from one address is slowed like guessing passwords.
            if st
                .app
                .rate_ok("api-bad-token-ip", &ctx.ip, limits.login_per_ip)
            {
                Err(unauthorized())
            } else {
                Err(limited())
            }
        }
        Err(e) => Err(internal(e)),
    }
}

fn application_json(st: &AppState, r: &zairyu_app::views::ApplicationRow) -> Value {
    json!({
        "id": r.id,
        "reference_number": r.reference_number,
        "procedure_id": r.procedure_id,
        "procedure_name": st.app.catalogue.get(&r.procedure_id).map(|p| p.name.get("en").to_owned()),
        "form_version": r.form_version,
        "kind": r.kind,
        "status": r.status,
        "office": r.office,
        "related_name": r.related_name,
        "reception_number": r.reception_number,
        "receipt_number": r.receipt_number,
        "resubmission_of": r.resubmission_of,
        "submitted_at": r.created_at,
        "updated_at": r.updated_at,
        "received_at": r.received_at,
        "decided_at": r.decided_at,
    })
}

#[derive(serde::Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    procedure: String,
    #[serde(default)]
    page: String,
    #[serde(default)]
    per_page: String,
}

async fn list(
    State(st): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    q: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let s = match authed(&st, &ctx, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let Ok(Query(q)) = q else {
        return error(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "The query string could not be read.",
        );
    };
    let number = |v: &str, default: i64| {
        if v.is_empty() {
            Some(default)
        } else {
            v.parse::<i64>().ok().filter(|n| *n >= 1)
        }
    };
    let (Some(page), Some(per_page)) = (number(&q.page, 1), number(&q.per_page, 50)) else {
        return error(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "page and per_page must be whole numbers from 1.",
        );
    };
    if per_page > 100 {
        return error(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "per_page must be at most 100.",
        );
    }
    if !q.status.is_empty() && ApplicationStatus::parse(&q.status).is_err() {
        return error(StatusCode::BAD_REQUEST, "bad_request", "Unknown status.");
    }
    let filter = QueueFilter {
        status: Some(q.status.clone()).filter(|v| !v.is_empty()),
        procedure: Some(q.procedure.clone()).filter(|v| !v.is_empty()),
        newest_first: true,
        ..QueueFilter::default()
    };
    match officers::queue(&st.app, &s, filter, page, per_page).await {
        Ok((rows, total)) => axum::Json(json!({
            "items": rows.iter().map(|r| application_json(&st, r)).collect::<Vec<_>>(),
            "total": total,
            "page": page,
            "per_page": per_page,
        }))
        .into_response(),
        Err(e) => internal(e),
    }
}

fn parse_id(id: &str) -> Option<i64> {
    id.parse::<i64>().ok().filter(|n| *n > 0)
}

async fn read(
    State(st): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let s = match authed(&st, &ctx, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let Some(id) = parse_id(&id) else {
        return error(
            StatusCode::NOT_FOUND,
            "not_found",
            "No such application in your reach.",
        );
    };
    match officers::view(&st.app, &s, id).await {
        Ok(Some(v)) => {
            let mut body = application_json(&st, &v.row);
            body["answers"] = serde_json::from_str(&v.row.answers).unwrap_or(Value::Null);
            body["history"] = v
                .events
                .iter()
                .map(
                    |e| json!({ "at": e.at, "status": e.status, "actor": e.actor, "note": e.note }),
                )
                .collect();
            body["actions"] = v
                .actions
                .iter()
                .map(|a| Value::from(officers::action_code(*a)))
                .collect();
            axum::Json(body).into_response()
        }
        Ok(None) => error(
            StatusCode::NOT_FOUND,
            "not_found",
            "No such application in your reach.",
        ),
        Err(e) => internal(e),
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ActBody {
    action: String,
    #[serde(default)]
    note: String,
}

async fn act(
    State(st): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let s = match authed(&st, &ctx, &headers).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let json_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !json_type {
        return error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "Send the body as application/json.",
        );
    }
    let b: ActBody = match serde_json::from_slice(&body) {
        Ok(b) => b,
        Err(_) => {
            return error(
                StatusCode::BAD_REQUEST,
                "bad_request",
                "The body is not valid JSON of the form {\"action\": \"…\", \"note\": \"…\"}.",
            );
        }
    };
    let Some(id) = parse_id(&id) else {
        return error(
            StatusCode::NOT_FOUND,
            "not_found",
            "No such application in your reach.",
        );
    };
    let Some(action) = officers::parse_action(&b.action) else {
        return error(StatusCode::BAD_REQUEST, "unknown_action", "Unknown action.");
    };
    match officers::act(&st.app, &s, id, action, &b.note, &ctx.ip).await {
        Ok(ActOutcome::Done(to)) => {
            axum::Json(json!({ "id": id, "status": to.code() })).into_response()
        }
        Ok(ActOutcome::NotFound) => error(
            StatusCode::NOT_FOUND,
            "not_found",
            "No such application in your reach.",
        ),
        Ok(ActOutcome::Forbidden) => error(
            StatusCode::FORBIDDEN,
            "forbidden",
            "Your role does not allow this action on this kind of filing.",
        ),
        Ok(ActOutcome::WrongStatus(from)) => {
            let mut r = error(
                StatusCode::CONFLICT,
                "wrong_status",
                "The action is not possible from the filing's current status.",
            );
            if let Ok(v) = HeaderValue::from_str(from.code()) {
                r.headers_mut().insert("x-current-status", v);
            }
            r
        }
        Ok(ActOutcome::NoteRequired) => error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "note_required",
            "This action needs a note saying what to revise.",
        ),
        Ok(ActOutcome::NoteTooLong) => error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "note_too_long",
            "The note is too long.",
        ),
        Err(e) => internal(e),
    }
}

async fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "not_found", "No such endpoint.")
}

/// The OpenAPI 3.1 description, written by hand (kept beside the code it describes; a test checks
/// that every route above is in it).
pub const OPENAPI: &str = include_str!("officer_api_openapi.json");

async fn openapi() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        OPENAPI,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_openapi_document_is_json_and_names_every_route() {
        let doc: Value = serde_json::from_str(OPENAPI).unwrap();
        assert_eq!(doc["openapi"], "3.1.0");
        for path in [
            "/officer/api/applications",
            "/officer/api/applications/{id}",
            "/officer/api/applications/{id}/actions",
        ] {
            assert!(doc["paths"].get(path).is_some(), "{path}");
        }
        let actions: Vec<&str> =
            doc["components"]["schemas"]["ActionRequest"]["properties"]["action"]["enum"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(Value::as_str)
                .collect();
        for a in zairyu_domain::Action::ALL {
            if a != zairyu_domain::Action::Resubmit {
                assert!(actions.contains(&officers::action_code(a)), "{a:?}");
            }
        }
        let statuses: Vec<&str> = doc["components"]["schemas"]["Status"]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for s in ApplicationStatus::ALL {
            assert!(statuses.contains(&s.code()), "{s:?}");
        }
    }
}
