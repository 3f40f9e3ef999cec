//! The HTTP face of zairyu: axum routes grouped by screen family (`routes/<group>.rs`, each with its
//! own `router()`), askama page structs, and the per-request context (language, colour scheme, CSRF
//! token, session). Handlers stay thin: read the form, call one use case, render a page or redirect.

pub mod assets;
pub mod ctx;
pub mod error;
pub mod form_view;
pub mod forms;
pub mod middleware;
pub mod pages;
pub mod qr;
pub mod routes;
pub mod uploads;

use axum::Router;
use std::path::PathBuf;
use std::sync::Arc;
use zairyu_app::App;

/// Settings of the web layer.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Served over HTTPS (behind a TLS proxy): cookies get `Secure` and the `__Host-` prefix, and HSTS is sent.
    pub secure: bool,
    /// The development mailbox folder, shown at `/dev/mailbox` — only when mail goes to files.
    pub dev_mailbox: Option<PathBuf>,
    /// Largest request body accepted, in bytes.
    pub body_limit: usize,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_proxy: bool,
}

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            secure: false,
            dev_mailbox: None,
            body_limit: 64 * 1024,
            trust_proxy: false,
        }
    }
}

/// What every handler can reach.
#[derive(Clone, Debug)]
pub struct AppState {
    pub app: App,
    pub web: Arc<WebConfig>,
}

/// The whole site.
pub fn router(app: App, web: WebConfig) -> Router {
    let state = AppState {
        app,
        web: Arc::new(web),
    };
    routes::router(state.clone())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::context,
        ))
        .with_state(state)
}
