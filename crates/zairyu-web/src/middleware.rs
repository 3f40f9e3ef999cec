//! One middleware builds the request's context and guards every state change:
//! - a CSRF token bound to a random cookie (HMAC under the server key) is required on every POST —
//!   as the `csrf` form field, or the `X-CSRF-Token` header for scripts;
//! - url-encoded bodies are read once here, within the size limit, and handed on as `FormData`;
//! - language, colour scheme and session are resolved;
//! - error markers from handlers become pages in the user's language;
//! - the security headers and cache policy are set on every response.

use crate::AppState;
use crate::ctx::{Ctx, Scheme};
use crate::error::{ErrorKind, ErrorMarker};
use crate::forms::FormData;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{self, HeaderMap, HeaderName, HeaderValue};
use http::{Method, StatusCode};
use std::net::SocketAddr;
use std::sync::Arc;
use zairyu_app::secret::{b64, random_token, same};
use zairyu_app::sessions::{self, SessionState};
use zairyu_i18n::Locale;

pub const CSRF_FIELD: &str = "csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";
pub const LANG_COOKIE: &str = "zairyu_lang";
pub const SCHEME_COOKIE: &str = "zairyu_scheme";

/// Cookie names; `__Host-` needs HTTPS, so the prefix is used only when serving securely.
pub fn session_cookie(secure: bool) -> &'static str {
    if secure {
        "__Host-zairyu_session"
    } else {
        "zairyu_session"
    }
}

pub fn csrf_cookie(secure: bool) -> &'static str {
    if secure {
        "__Host-zairyu_csrf"
    } else {
        "zairyu_csrf"
    }
}

/// The value of one cookie.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// A `Set-Cookie` value with the house attributes.
pub fn set_cookie(
    name: &str,
    value: &str,
    max_age: Option<i64>,
    http_only: bool,
    secure: bool,
) -> HeaderValue {
    let mut s = format!("{name}={value}; Path=/; SameSite=Lax");
    if let Some(age) = max_age {
        s.push_str(&format!("; Max-Age={age}"));
    }
    if http_only {
        s.push_str("; HttpOnly");
    }
    if secure {
        s.push_str("; Secure");
    }
    HeaderValue::from_str(&s).unwrap_or_else(|_| HeaderValue::from_static("invalid=1"))
}

fn csrf_token(st: &AppState, cookie_value: &str) -> String {
    b64(&st.app.key.mac("csrf", cookie_value.as_bytes()))
}

fn client_ip(st: &AppState, parts: &http::request::Parts) -> String {
    if st.web.trust_proxy
        && let Some(ip) = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            // The last entry is the one our own proxy appended; earlier ones are the client's say.
            .and_then(|v| v.rsplit(',').next())
    {
        return ip.trim().to_owned();
    }
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

fn is_multipart(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"))
}

/// Uploads (Load Data) may be larger than forms; they are still read whole and bounded.
pub const UPLOAD_LIMIT: usize = 2 * 1024 * 1024;

/// Reads a multipart body into parts (at most 20), so the CSRF token among them can be checked.
async fn read_multipart(
    headers: &HeaderMap,
    bytes: axum::body::Bytes,
) -> Option<crate::forms::Upload> {
    use axum::extract::FromRequest;
    let mut req = Request::new(Body::from(bytes));
    *req.headers_mut() = headers.clone();
    let mut mp = axum::extract::Multipart::from_request(req, &())
        .await
        .ok()?;
    let mut parts = Vec::new();
    while let Ok(Some(field)) = mp.next_field().await {
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().map(str::to_owned);
        let bytes = field.bytes().await.ok()?;
        parts.push(crate::forms::Part {
            name,
            file_name,
            bytes: bytes.to_vec(),
        });
        if parts.len() > 20 {
            return None;
        }
    }
    Some(crate::forms::Upload(parts))
}

fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"))
}

pub async fn context(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let secure = st.web.secure;
    let (mut parts, body) = req.into_parts();

    // The CSRF cookie: kept if it looks like one of ours, otherwise a fresh one.
    let (csrf_cookie_value, new_csrf_cookie) = match cookie(&parts.headers, csrf_cookie(secure)) {
        Some(v)
            if v.len() == 43
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') =>
        {
            (v.to_owned(), false)
        }
        _ => (random_token(32), true),
    };
    let expected = csrf_token(&st, &csrf_cookie_value);

    let locale = cookie(&parts.headers, LANG_COOKIE).and_then(Locale::from_code);
    let scheme = cookie(&parts.headers, SCHEME_COOKIE)
        .and_then(Scheme::from_code)
        .unwrap_or_default();
    let accept = parts
        .headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::negotiate);

    let mut session_expired = false;
    let mut user = None;
    let mut session = None;
    if let Some(raw) = cookie(&parts.headers, session_cookie(secure)).filter(|v| !v.is_empty()) {
        match sessions::resolve(&st.app, raw).await {
            Ok(SessionState::Active(u)) => {
                user = Some(Arc::new(*u));
                session = Some(raw.to_owned());
            }
            Ok(SessionState::Expired) => session_expired = true,
            Ok(SessionState::None) => {}
            Err(e) => tracing::error!(error = %e, "session lookup failed"),
        }
    }
    let locale = locale
        .or_else(|| user.as_ref().and_then(|u| Locale::from_code(&u.locale)))
        .or(accept)
        .unwrap_or_default();

    let ip = client_ip(&st, &parts);
    let path = parts
        .uri
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".into());
    let ctx = Ctx {
        locale,
        scheme,
        csrf: expected.clone(),
        path,
        user,
        session,
        session_expired,
        ip,
        i18n: st.app.i18n.clone(),
        dev_mailbox: st.web.dev_mailbox.is_some(),
    };

    let state_changing = !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS)
        && !bearer_only(parts.uri.path(), &parts.headers);
    let mut body = body;
    let mut early: Option<ErrorKind> = None;
    // Attachments are streamed by their handler (they may be far larger than any form); the
    // handler's extractor checks the token, sent as the first part, before it reads anything else
    // (see `uploads.rs`).
    let streamed = state_changing
        && is_multipart(&parts.headers)
        && crate::uploads::streams_itself(parts.uri.path());
    if state_changing && !streamed {
        let mut token = parts
            .headers
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        if is_form(&parts.headers) {
            match axum::body::to_bytes(body, st.web.body_limit).await {
                Ok(bytes) => match serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes) {
                    Ok(fields) => {
                        if token.is_none() {
                            token = fields
                                .iter()
                                .find(|(k, _)| k == CSRF_FIELD)
                                .map(|(_, v)| v.clone());
                        }
                        parts.extensions.insert(FormData(fields));
                    }
                    Err(_) => early = Some(ErrorKind::BadRequest),
                },
                Err(_) => early = Some(ErrorKind::TooLarge),
            }
            body = Body::empty();
        } else if is_multipart(&parts.headers) {
            match axum::body::to_bytes(body, UPLOAD_LIMIT).await {
                Ok(bytes) => match read_multipart(&parts.headers, bytes).await {
                    Some(upload) => {
                        if token.is_none() {
                            token = upload
                                .part(CSRF_FIELD)
                                .map(|p| String::from_utf8_lossy(&p.bytes).into_owned());
                        }
                        parts.extensions.insert(upload);
                    }
                    None => early = Some(ErrorKind::BadRequest),
                },
                Err(_) => early = Some(ErrorKind::TooLarge),
            }
            body = Body::empty();
        }
        if early.is_none() && !token.is_some_and(|t| same(&t, &expected)) {
            tracing::warn!(http.path = %parts.uri.path(), "CSRF token missing or wrong");
            early = Some(ErrorKind::Csrf);
        }
    }

    parts.extensions.insert(ctx.clone());
    let mut response = match early {
        Some(kind) => crate::error::WebError(kind).into_response(),
        None => next.run(Request::from_parts(parts, body)).await,
    };

    // Errors become pages in the user's language.
    let marker = response
        .extensions()
        .get::<ErrorMarker>()
        .map(|m| m.0)
        .or_else(|| {
            let plain = !response.headers().contains_key(header::CONTENT_TYPE)
                || response
                    .headers()
                    .get(header::CONTENT_TYPE)
                    .is_some_and(|v| v.as_bytes().starts_with(b"text/plain"));
            match response.status() {
                StatusCode::METHOD_NOT_ALLOWED if plain => Some(ErrorKind::MethodNotAllowed),
                StatusCode::PAYLOAD_TOO_LARGE if plain => Some(ErrorKind::TooLarge),
                StatusCode::NOT_FOUND if plain => Some(ErrorKind::NotFound),
                StatusCode::BAD_REQUEST
                | StatusCode::UNPROCESSABLE_ENTITY
                | StatusCode::UNSUPPORTED_MEDIA_TYPE
                    if plain =>
                {
                    Some(ErrorKind::BadRequest)
                }
                _ => None,
            }
        });
    if let Some(kind) = marker {
        let keep: Vec<HeaderValue> = response
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .cloned()
            .collect();
        response = crate::pages::error_page(&ctx, kind);
        for c in keep {
            response.headers_mut().append(header::SET_COOKIE, c);
        }
    }

    let h = response.headers_mut();
    if new_csrf_cookie {
        h.append(
            header::SET_COOKIE,
            set_cookie(csrf_cookie(secure), &csrf_cookie_value, None, true, secure),
        );
    }
    if ctx.session_expired {
        h.append(
            header::SET_COOKIE,
            set_cookie(session_cookie(secure), "", Some(0), true, secure),
        );
    }
    security_headers(h, secure);
    response
}

/// A request to the back office's JSON API that authenticates with a bearer token and carries no
/// cookie at all. Such a request needs no CSRF token: CSRF rides on credentials a browser adds by
/// itself (cookies), and a browser never adds an `Authorization` header to a cross-site request
/// (a page's script could only send one after a CORS preflight, which this server never grants).
/// With any cookie present the request is treated like any other, so a browser session can never
/// use this door.
pub fn bearer_only(path: &str, headers: &HeaderMap) -> bool {
    path.starts_with("/officer/api/")
        && !headers.contains_key(header::COOKIE)
        && headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("Bearer ") && v.len() > 7)
}

/// The content security policy: no inline script or style, nothing from elsewhere.
const CSP: HeaderValue = HeaderValue::from_static(
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; \
     font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
);

/// Headers every response carries, built once (they are on every response, the top page included).
const SECURITY_HEADERS: [(HeaderName, HeaderValue); 8] = [
    (header::CONTENT_SECURITY_POLICY, CSP),
    (
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    ),
    (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
    (
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    ),
    (
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    ),
    (
        HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("same-origin"),
    ),
    (
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=(), usb=()"),
    ),
    (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
];

/// Sets the security headers (a handler's own value, e.g. a cache policy for assets, is kept).
pub fn security_headers(h: &mut HeaderMap, secure: bool) {
    h.reserve(SECURITY_HEADERS.len() + 1);
    for (k, v) in SECURITY_HEADERS {
        h.entry(k).or_insert(v);
    }
    if secure {
        h.entry(header::STRICT_TRANSPORT_SECURITY)
            .or_insert(HeaderValue::from_static(
                "max-age=63072000; includeSubDomains",
            ));
    }
}

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Ctx {
    type Rejection = crate::error::WebError;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or(crate::error::WebError(ErrorKind::Internal))
    }
}

/// A page only for signed-in users. Without a live session the request goes to the login page,
/// which says that the session ended (if it did) and brings the user back here afterwards.
pub struct SignedIn(
    pub Ctx,
    pub Arc<zairyu_app::sessions::SessionUser>,
    pub String,
);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        let Some(ctx) = parts.extensions.get::<Ctx>().cloned() else {
            return Err(crate::error::WebError(ErrorKind::Internal).into_response());
        };
        match (ctx.user.clone(), ctx.session.clone()) {
            (Some(u), Some(s)) => Ok(SignedIn(ctx, u, s)),
            _ => {
                // After a POST the user returns to the page (GET), never to a half-sent form.
                let back = if parts.method == Method::GET {
                    ctx.path.clone()
                } else {
                    parts.uri.path().to_owned()
                };
                let mut q = vec![("next", back.as_str())];
                if ctx.session_expired {
                    q.push(("expired", "1"));
                }
                let qs = serde_urlencoded::to_string(q).unwrap_or_default();
                Err(crate::pages::see_other(&format!("/login?{qs}")))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_cookieless_bearer_requests_to_the_api_skip_csrf() {
        let mut h = HeaderMap::new();
        assert!(!bearer_only("/officer/api/applications/1/actions", &h));
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer zat_x"),
        );
        assert!(bearer_only("/officer/api/applications/1/actions", &h));
        // Elsewhere than the API, a bearer header changes nothing.
        assert!(!bearer_only("/officer/applications/1/act", &h));
        assert!(!bearer_only("/mypage", &h));
        // Any cookie (a browser) and the usual CSRF check applies.
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("zairyu_officer=abc"),
        );
        assert!(!bearer_only("/officer/api/applications/1/actions", &h));
        let mut basic = HeaderMap::new();
        basic.insert(header::AUTHORIZATION, HeaderValue::from_static("Basic abc"));
        assert!(!bearer_only("/officer/api/applications/1/actions", &basic));
        let mut empty = HeaderMap::new();
        empty.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer "));
        assert!(!bearer_only("/officer/api/applications/1/actions", &empty));
    }
}
