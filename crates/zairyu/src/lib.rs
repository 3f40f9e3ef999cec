//! Wiring: builds the application from configuration and runs the server and the worker. Shared
//! by `main` and by the test kit, so tests run exactly what production runs.

pub mod config;

use config::{Config, parse_hex_key};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;
use zairyu_app::{App, AppConfig, AppError, Clock, SecretKey};
use zairyu_i18n::I18n;
use zairyu_mail::Transport;
use zairyu_store::Db;
use zairyu_web::WebConfig;

/// The postal code data shipped with the binary (see assets/README.md), so a fresh install has it.
pub const BUNDLED_POSTAL: &[u8] = include_bytes!("../../../assets/jp_postal_codes.csv.gz");

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    #[error("data directory {0}: {1}")]
    DataDir(String, std::io::Error),
    #[error("database: {0}")]
    Store(#[from] zairyu_store::StoreError),
    #[error("translations: {0}")]
    I18n(#[from] zairyu_i18n::LoadError),
    #[error("mail: {0}")]
    Mail(#[from] zairyu_mail::MailError),
    #[error(transparent)]
    App(#[from] AppError),
    #[error("listening on {0}: {1}")]
    Listen(String, std::io::Error),
    #[error("{0}")]
    Invalid(String),
}

/// The server key from configuration, or one generated once and kept beside the data.
fn secret_key(cfg: &Config) -> Result<SecretKey, StartError> {
    if let Some(k) = parse_hex_key(&cfg.secret_key) {
        return Ok(SecretKey::from_bytes(k));
    }
    let path = cfg.data_dir.join("secret.key");
    if let Ok(text) = std::fs::read_to_string(&path)
        && let Some(k) = parse_hex_key(&text)
    {
        return Ok(SecretKey::from_bytes(k));
    }
    let mut bytes = [0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::thread_rng(), &mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    write_private(&path, &hex).map_err(|e| StartError::DataDir(path.display().to_string(), e))?;
    tracing::info!(path = %path.display(), "generated a new server key");
    Ok(SecretKey::from_bytes(bytes))
}

fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)?;
        f.write_all(contents.as_bytes())
    }
    #[cfg(not(unix))]
    {
        std::fs::write(path, contents)
    }
}

/// Connects the database (applying migrations), loads translations and the mail transport.
pub async fn build(cfg: &Config, clock: Arc<dyn Clock>) -> Result<App, StartError> {
    cfg.validate()?;
    for dir in [
        cfg.data_dir.clone(),
        cfg.data_dir.join("files"),
        cfg.data_dir.join("mail"),
    ] {
        std::fs::create_dir_all(&dir)
            .map_err(|e| StartError::DataDir(dir.display().to_string(), e))?;
    }
    let key = secret_key(cfg)?;
    let db = Db::connect(&cfg.database_url()).await?;
    let applied = zairyu_store::migrate::run(&db, clock.now_ms()).await?;
    if !applied.is_empty() {
        tracing::info!(migrations = ?applied, "database migrated");
    }
    let transport = if cfg.smtp_url.is_empty() {
        Transport::Files(cfg.data_dir.join("mail"))
    } else {
        Transport::smtp(&cfg.smtp_url)?
    };
    let mut app_cfg = AppConfig::new(&cfg.base_url());
    app_cfg.mail_from = cfg.mail_from.clone();
    app_cfg.password_policy = zairyu_domain::PasswordPolicy {
        min: cfg.password_min,
        max: cfg.password_max,
    };
    app_cfg.argon2 = cfg.argon2;
    app_cfg.rate_limits = cfg.rate_limits;
    app_cfg.draft_ttl_ms = cfg.draft_days.max(8) * zairyu_app::clock::DAY;
    app_cfg.files = zairyu_app::attachments::StoreConfig::Local(cfg.data_dir.join("files"));
    app_cfg.manual_request_review = cfg.manual_request_review;
    let i18n = Arc::new(I18n::load()?);
    Ok(App::new(db, app_cfg, key, clock, i18n, transport)?)
}

/// The web settings that follow from the configuration.
pub fn web_config(cfg: &Config, app: &App) -> WebConfig {
    WebConfig {
        secure: cfg.base_url().starts_with("https://"),
        dev_mailbox: match &app.transport {
            Transport::Files(dir) => Some(dir.clone()),
            Transport::Smtp(_) => None,
        },
        body_limit: cfg.body_limit_kib * 1024,
        trust_proxy: cfg.trust_proxy,
    }
}

/// First-start data: demonstration notices on an empty database; the bundled postal codes (in the
/// background, so the server answers at once).
pub async fn prepare(app: &App, cfg: &Config) -> Result<(), StartError> {
    zairyu_app::backoffice::procedures::load(app).await?;
    if zairyu_app::notices::seed_demo(app).await? {
        tracing::info!("demonstration notices loaded into the empty database");
    }
    if matches!(app.transport, Transport::Files(_)) {
        demo_officer(app).await?;
    }
    if cfg.postal_autoload && zairyu_app::postal::count(app).await? == 0 {
        let app = app.clone();
        tokio::spawn(async move {
            match zairyu_app::postal::import(&app, BUNDLED_POSTAL).await {
                Ok(n) => tracing::info!(rows = n, "bundled postal codes loaded"),
                Err(e) => tracing::error!(error = %e, "loading the bundled postal codes failed"),
            }
        });
    }
    Ok(())
}

/// Serves until `shutdown` turns true, then finishes requests in flight and stops the worker. The
/// worker runs inside when `worker_idle` (its sleep between empty polls) is given.
pub async fn serve(
    app: App,
    web: WebConfig,
    listener: TcpListener,
    worker_idle: Option<Duration>,
    shutdown: watch::Receiver<bool>,
) -> std::io::Result<()> {
    let worker = worker_idle.map(|idle| {
        tokio::spawn(zairyu_app::outbox::worker(
            app.clone(),
            idle,
            shutdown.clone(),
        ))
    });
    // Procedure overrides changed on another server reach this one within a minute.
    let overrides = tokio::spawn(zairyu_app::backoffice::procedures::reload_loop(
        app.clone(),
        Duration::from_secs(60),
        shutdown.clone(),
    ));
    let router = zairyu_web::router(app.clone(), web);
    let mut stop = shutdown.clone();
    let result = axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        while !*stop.borrow() {
            if stop.changed().await.is_err() {
                break;
            }
        }
    })
    .await;
    if let Some(w) = worker {
        let _ = w.await;
    }
    let _ = overrides.await;
    app.db.close().await;
    result
}

/// Binds the configured address.
pub async fn bind(addr: &str) -> Result<TcpListener, StartError> {
    TcpListener::bind(addr)
        .await
        .map_err(|e| StartError::Listen(addr.to_owned(), e))
}

/// In development (mail to files), a first start makes an administrator officer so the back office
/// can be tried at once; its initial password is logged once, and `zairyu officer code demo-admin`
/// prints its current one-time code after enrolment. Never in production: with SMTP configured,
/// officers are only made by `zairyu officer create` or an administrator.
pub async fn demo_officer(app: &App) -> Result<(), StartError> {
    if zairyu_app::officers::count(app).await? > 0 {
        return Ok(());
    }
    let input = zairyu_app::officers::NewOfficerInput {
        login_id: "demo-admin",
        name: "Demo Administrator",
        email: "demo-admin@zairyu.localhost",
        role: "admin",
        office: "tokyo",
        locale: "ja",
    };
    if let Ok(created) = zairyu_app::officers::create(app, &input, "system", "127.0.0.1").await? {
        tracing::warn!(
            officer.login_id = "demo-admin",
            officer.initial_password = %created.initial_password,
            "DEVELOPMENT: demonstration officer created; log in at /officer/login"
        );
    }
    Ok(())
}
