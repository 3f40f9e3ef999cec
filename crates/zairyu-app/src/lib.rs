//! Use cases of zairyu. Each state change is one transaction holding the change, its audit record
//! and the jobs (emails) it causes (DESIGN rule 5). The outside world — clock, mail transport — comes
//! in through the `App` so tests can swap it.

pub mod accounts;
pub mod attachments;
pub mod backoffice;
pub mod catalogue;
pub mod clock;
pub mod filing;
pub mod identity;
pub mod notices;
pub mod officers;
pub mod outbox;
pub mod passwords;
pub mod postal;
pub mod ratelimit;
pub mod secret;
pub mod seed;
pub mod sessions;

use std::sync::Arc;
use zairyu_domain::PasswordPolicy;
use zairyu_i18n::I18n;
use zairyu_mail::Transport;
use zairyu_store::{Db, StoreError};

pub use clock::{Clock, ManualClock, SystemClock};
pub use passwords::{Argon2Cost, Hasher};
pub use ratelimit::{Limit, RateLimits};
pub use secret::SecretKey;

/// Settings the use cases need.
#[derive(Debug, Clone)]
pub struct AppConfig {
    /// Public address of the portal, used in links in emails (no trailing slash).
    pub base_url: String,
    /// The From address of every mail.
    pub mail_from: String,
    pub password_policy: PasswordPolicy,
    pub argon2: Argon2Cost,
    /// Idle time before a session ends (SPEC §2.5: 3 hours).
    pub session_idle_ms: i64,
    /// Lifetime of emailed links (SPEC §3.2: 24 hours).
    pub link_ttl_ms: i64,
    /// Consecutive wrong passwords that lock an account (SPEC §4.2: 5).
    pub max_failed_logins: i64,
    /// How long a lock lasts (SPEC §4.2: 24 hours).
    pub lock_ms: i64,
    pub rate_limits: RateLimits,
    /// How long a draft is kept after its last change; its owner is mailed 7 days before.
    pub draft_ttl_ms: i64,
    /// Where attachments are kept (`<data_dir>/files` unless configured otherwise).
    pub files: attachments::StoreConfig,
    /// Idle time before an officer's session ends (30 minutes).
    pub officer_idle_ms: i64,
    /// Requests for use of the Electronic Notification System wait for an officer instead of
    /// being approved at once.
    pub manual_request_review: bool,
}

impl AppConfig {
    pub fn new(base_url: &str) -> AppConfig {
        AppConfig {
            base_url: base_url.trim_end_matches('/').to_owned(),
            mail_from: "zairyu <no-reply@zairyu.localhost>".to_owned(),
            password_policy: PasswordPolicy::default(),
            argon2: Argon2Cost::default(),
            session_idle_ms: 3 * clock::HOUR,
            link_ttl_ms: clock::DAY,
            max_failed_logins: 5,
            lock_ms: clock::DAY,
            rate_limits: RateLimits::default(),
            draft_ttl_ms: 30 * clock::DAY,
            files: attachments::StoreConfig::Local("data/files".into()),
            officer_idle_ms: 30 * clock::MINUTE,
            manual_request_review: false,
        }
    }
}

/// A failure that is not the user's doing: logged once at the web boundary, shown as a polite page.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Hash(#[from] passwords::HashError),
    #[error(transparent)]
    Files(#[from] attachments::FilesError),
    #[error("{0}")]
    Internal(String),
}

/// Everything the use cases share. Cheap to clone.
#[derive(Clone)]
pub struct App {
    pub db: Db,
    pub cfg: Arc<AppConfig>,
    pub key: SecretKey,
    pub clock: Arc<dyn Clock>,
    pub i18n: Arc<I18n>,
    pub hasher: Hasher,
    pub limiter: Arc<ratelimit::RateLimiter>,
    pub transport: Transport,
    pub notice_cache: Arc<notices::NoticeCache>,
    pub catalogue: Arc<catalogue::Catalogue>,
    /// Attachment bytes (the database says whose they are).
    pub files: attachments::FileStore,
    /// My Number Card verification (and, in development, the card simulator).
    pub identity: Arc<identity::Identity>,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("db", &self.db.backend())
            .finish()
    }
}

impl App {
    pub fn new(
        db: Db,
        cfg: AppConfig,
        key: SecretKey,
        clock: Arc<dyn Clock>,
        i18n: Arc<I18n>,
        transport: Transport,
    ) -> Result<App, AppError> {
        let hasher = Hasher::new(cfg.argon2)?;
        let catalogue = catalogue::embedded().map_err(|e| AppError::Internal(e.to_string()))?;
        let files = attachments::FileStore::open(&cfg.files)?;
        Ok(App {
            db,
            cfg: Arc::new(cfg),
            key,
            clock,
            i18n,
            hasher,
            limiter: Arc::new(ratelimit::RateLimiter::default()),
            transport,
            notice_cache: Arc::new(notices::NoticeCache::default()),
            catalogue: Arc::new(catalogue),
            files,
            identity: Arc::new(identity::Identity::default()),
        })
    }

    pub fn now(&self) -> i64 {
        self.clock.now_ms()
    }

    /// A link into the portal, for emails.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.cfg.base_url, path)
    }

    /// Counts an event against a limit; the key is hashed first so no address sits in memory dumps.
    pub fn rate_ok(&self, kind: &str, key: &str, limit: Limit) -> bool {
        let hashed = secret::sha256_hex(&format!("{kind}:{key}"));
        self.limiter.allow(&hashed, limit, self.now())
    }
}

/// Rows the web layer shows, re-exported so that it needs no dependency on the store.
pub mod views {
    pub use zairyu_mail::{StoredMail, list_mailbox};
    pub use zairyu_store::applications::ApplicationRow;
    pub use zairyu_store::notices::NoticeRow;
    pub use zairyu_store::officers::OfficerRow;
    pub use zairyu_store::postal_parse::PostalRow;
    pub use zairyu_store::users::UserRow;
}
