//! Configuration, loaded once at start: a TOML file (`--config` or `ZAIRYU_CONFIG`), then `ZAIRYU_*`
//! environment variables, then command-line flags, each overriding the one before. Unknown keys are
//! errors, so a misspelt setting is noticed instead of silently ignored. Secrets never print.

use serde::Deserialize;
use std::path::{Path, PathBuf};
use zairyu_app::{Argon2Cost, RateLimits};

#[derive(Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Address to listen on.
    pub addr: String,
    /// Where the SQLite database, files and development mail live.
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…`; empty means `<data_dir>/zairyu.db`.
    pub database_url: String,
    /// Public URL of the portal, for links in emails; empty means `http://<addr>`.
    pub base_url: String,
    /// 64 hex characters; empty means a key generated once and kept in `<data_dir>/secret.key`.
    pub secret_key: String,
    /// SMTP URL (lettre format, e.g. `smtp://user:pass@mail.example.jp:587?tls=required`);
    /// empty means mail is written to `<data_dir>/mail/` and shown at `/dev/mailbox`.
    pub smtp_url: String,
    pub mail_from: String,
    pub password_min: usize,
    pub password_max: usize,
    pub argon2: Argon2Cost,
    pub rate_limits: RateLimits,
    /// Run the mail worker inside `serve` (turn off when running `zairyu worker` separately).
    pub embedded_worker: bool,
    /// Load the bundled postal codes into an empty database at start.
    pub postal_autoload: bool,
    /// Take client addresses from `X-Forwarded-For` (only behind a trusted proxy).
    pub trust_proxy: bool,
    /// Log as JSON lines (for production log collectors).
    pub log_json: bool,
    pub body_limit_kib: usize,
    /// Days a draft is kept after its last change (its owner is mailed 7 days before).
    pub draft_days: i64,
    /// Requests for use of the Electronic Notification System wait for an officer instead of being
    /// approved at once.
    pub manual_request_review: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: "127.0.0.1:8080".into(),
            data_dir: PathBuf::from("./data"),
            database_url: String::new(),
            base_url: String::new(),
            secret_key: String::new(),
            smtp_url: String::new(),
            mail_from: "在留申請オンラインシステム <no-reply@zairyu.localhost>".into(),
            password_min: 10,
            password_max: 32,
            argon2: Argon2Cost::default(),
            rate_limits: RateLimits::default(),
            embedded_worker: true,
            postal_autoload: true,
            trust_proxy: false,
            log_json: false,
            body_limit_kib: 64,
            draft_days: 30,
            manual_request_review: false,
        }
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let redact = |s: &str| if s.is_empty() { "" } else { "**redacted**" };
        f.debug_struct("Config")
            .field("addr", &self.addr)
            .field("data_dir", &self.data_dir)
            .field("database_url", &redact_url(&self.database_url))
            .field("base_url", &self.base_url)
            .field("secret_key", &redact(&self.secret_key))
            .field("smtp_url", &redact_url(&self.smtp_url))
            .field("password", &(self.password_min, self.password_max))
            .field("argon2", &self.argon2)
            .field("embedded_worker", &self.embedded_worker)
            .finish()
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:**@host/db`.
fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            let user = creds.split(':').next().unwrap_or("");
            format!("{}{}:**{}", &url[..s + 3], user, &url[at..])
        }
        _ => url.to_owned(),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("reading {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {source}")]
    Parse {
        path: String,
        source: toml::de::Error,
    },
    #[error("environment variable {0} is not valid: {1}")]
    Env(String, String),
    #[error("{0}")]
    Invalid(String),
}

impl Config {
    /// The file (if any), then the environment.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        let mut cfg = match file {
            Some(p) => {
                let text = std::fs::read_to_string(p).map_err(|source| ConfigError::Read {
                    path: p.display().to_string(),
                    source,
                })?;
                toml::from_str(&text).map_err(|source| ConfigError::Parse {
                    path: p.display().to_string(),
                    source,
                })?
            }
            None => Config::default(),
        };
        cfg.apply_env(|k| std::env::var(k).ok())?;
        Ok(cfg)
    }

    /// `ZAIRYU_<KEY>` for every top-level setting.
    pub fn apply_env(&mut self, get: impl Fn(&str) -> Option<String>) -> Result<(), ConfigError> {
        let num = |k: &str, v: String| {
            v.parse::<usize>()
                .map_err(|e| ConfigError::Env(k.into(), e.to_string()))
        };
        let flag = |k: &str, v: String| match v.as_str() {
            "1" | "true" | "yes" => Ok(true),
            "0" | "false" | "no" => Ok(false),
            _ => Err(ConfigError::Env(k.into(), "expected true or false".into())),
        };
        if let Some(v) = get("ZAIRYU_ADDR") {
            self.addr = v;
        }
        if let Some(v) = get("ZAIRYU_DATA_DIR") {
            self.data_dir = v.into();
        }
        if let Some(v) = get("ZAIRYU_DATABASE_URL") {
            self.database_url = v;
        }
        if let Some(v) = get("ZAIRYU_BASE_URL") {
            self.base_url = v;
        }
        if let Some(v) = get("ZAIRYU_SECRET_KEY") {
            self.secret_key = v;
        }
        if let Some(v) = get("ZAIRYU_SMTP_URL") {
            self.smtp_url = v;
        }
        if let Some(v) = get("ZAIRYU_MAIL_FROM") {
            self.mail_from = v;
        }
        if let Some(v) = get("ZAIRYU_PASSWORD_MIN") {
            self.password_min = num("ZAIRYU_PASSWORD_MIN", v)?;
        }
        if let Some(v) = get("ZAIRYU_PASSWORD_MAX") {
            self.password_max = num("ZAIRYU_PASSWORD_MAX", v)?;
        }
        if let Some(v) = get("ZAIRYU_EMBEDDED_WORKER") {
            self.embedded_worker = flag("ZAIRYU_EMBEDDED_WORKER", v)?;
        }
        if let Some(v) = get("ZAIRYU_POSTAL_AUTOLOAD") {
            self.postal_autoload = flag("ZAIRYU_POSTAL_AUTOLOAD", v)?;
        }
        if let Some(v) = get("ZAIRYU_TRUST_PROXY") {
            self.trust_proxy = flag("ZAIRYU_TRUST_PROXY", v)?;
        }
        if let Some(v) = get("ZAIRYU_LOG_JSON") {
            self.log_json = flag("ZAIRYU_LOG_JSON", v)?;
        }
        if let Some(v) = get("ZAIRYU_MANUAL_REQUEST_REVIEW") {
            self.manual_request_review = flag("ZAIRYU_MANUAL_REQUEST_REVIEW", v)?;
        }
        Ok(())
    }

    pub fn database_url(&self) -> String {
        if self.database_url.is_empty() {
            format!("sqlite://{}", self.data_dir.join("zairyu.db").display())
        } else {
            self.database_url.clone()
        }
    }

    pub fn base_url(&self) -> String {
        if self.base_url.is_empty() {
            format!("http://{}", self.addr)
        } else {
            self.base_url.trim_end_matches('/').to_owned()
        }
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.password_min < 8 || self.password_max < self.password_min || self.password_max > 128
        {
            return Err(ConfigError::Invalid(format!(
                "password bounds {}–{} are not sensible (min ≥ 8, max ≥ min, max ≤ 128)",
                self.password_min, self.password_max
            )));
        }
        if !self.secret_key.is_empty() && parse_hex_key(&self.secret_key).is_none() {
            return Err(ConfigError::Invalid(
                "secret_key must be 64 hexadecimal characters".into(),
            ));
        }
        Ok(())
    }
}

pub fn parse_hex_key(s: &str) -> Option<[u8; 32]> {
    let s = s.trim();
    if s.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, chunk) in s.as_bytes().chunks(2).enumerate() {
        let hex = std::str::from_utf8(chunk).ok()?;
        out[i] = u8::from_str_radix(hex, 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_refused() {
        let r: Result<Config, _> = toml::from_str("adress = \"x\"");
        assert!(r.is_err());
        let c: Config = toml::from_str(
            "addr = \"0.0.0.0:9000\"\n[argon2]\nm_cost = 1024\nt_cost = 1\np_cost = 1",
        )
        .unwrap();
        assert_eq!(c.addr, "0.0.0.0:9000");
        assert_eq!(c.argon2.m_cost, 1024);
    }

    #[test]
    fn environment_overrides() {
        let mut c = Config::default();
        c.apply_env(|k| match k {
            "ZAIRYU_ADDR" => Some("127.0.0.1:1".into()),
            "ZAIRYU_PASSWORD_MAX" => Some("20".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(c.addr, "127.0.0.1:1");
        assert_eq!(c.password_max, 20);
        assert!(
            c.apply_env(|k| (k == "ZAIRYU_PASSWORD_MIN").then(|| "ten".into()))
                .is_err()
        );
    }

    #[test]
    fn debug_hides_secrets() {
        let c = Config {
            secret_key: "ab".repeat(32),
            database_url: "postgres://u:pw@h/db".into(),
            ..Config::default()
        };
        let d = format!("{c:?}");
        assert!(!d.contains("abab"));
        assert!(!d.contains("pw@"));
    }
}
