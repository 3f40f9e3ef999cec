//! Route groups, each with its own `router()`.

pub mod applications;
pub mod attachments;
pub mod autofill;
pub mod entry;
pub mod login;
pub mod mypage;
pub mod officer;
pub mod officer_admin;
pub mod officer_api;
pub mod portal;
pub mod procedures;
pub mod recovery;
pub mod registration;

use crate::AppState;
use crate::error::{ErrorKind, WebError};
use axum::Router;

pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .merge(portal::router())
        .merge(registration::router())
        .merge(login::router())
        .merge(recovery::router())
        .merge(mypage::router())
        .merge(procedures::router())
        .merge(entry::router())
        .merge(autofill::router())
        .merge(applications::router())
        .merge(attachments::router())
        .merge(officer::router())
        .merge(officer_admin::router())
        .merge(officer_api::router())
        .merge(portal::dev_router(state))
        .fallback(|| async { WebError(ErrorKind::NotFound) })
}
