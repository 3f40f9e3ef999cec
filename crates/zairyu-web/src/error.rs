//! Errors as pages. A handler returns `WebError`; it becomes an empty response carrying a marker, and
//! the context middleware — which knows the user's language — renders the page and logs the failure
//! once (DESIGN rule 4). Nothing a user can send produces a bare 500 or a panic.

use axum::response::{IntoResponse, Response};
use http::StatusCode;
use zairyu_app::AppError;
use zairyu_app::accounts::{LinkProblem, Refusal};

/// What went wrong, as the user is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    NotFound,
    /// The form's CSRF token was missing or wrong (often: the page was open too long, or cookies are off).
    Csrf,
    TooLarge,
    BadRequest,
    MethodNotAllowed,
    /// An emailed link that cannot be used; `restart` is where to start again.
    Link {
        problem: LinkProblem,
        restart: &'static str,
    },
    RateLimited,
    Internal,
}

impl ErrorKind {
    pub fn status(self) -> StatusCode {
        match self {
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::Csrf => StatusCode::FORBIDDEN,
            ErrorKind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorKind::BadRequest => StatusCode::BAD_REQUEST,
            ErrorKind::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ErrorKind::Link {
                problem: LinkProblem::Unknown,
                ..
            } => StatusCode::NOT_FOUND,
            ErrorKind::Link { .. } => StatusCode::GONE,
            ErrorKind::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// Carried in response extensions from handler to middleware.
#[derive(Debug, Clone, Copy)]
pub struct ErrorMarker(pub ErrorKind);

#[derive(Debug)]
pub struct WebError(pub ErrorKind);

impl From<AppError> for WebError {
    fn from(e: AppError) -> Self {
        tracing::error!(error = %e, "request failed");
        WebError(ErrorKind::Internal)
    }
}

impl From<Refusal> for WebError {
    fn from(r: Refusal) -> Self {
        match r {
            Refusal::App(e) => e.into(),
            Refusal::RateLimited => WebError(ErrorKind::RateLimited),
            Refusal::Fields(_) => WebError(ErrorKind::BadRequest),
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let mut r = self.0.status().into_response();
        r.extensions_mut().insert(ErrorMarker(self.0));
        r
    }
}

pub type WebResult = Result<Response, WebError>;
