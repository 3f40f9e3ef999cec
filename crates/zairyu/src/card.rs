//! `zairyu card …`: the card simulator for development (development mode only). `new` makes a test
//! card with the development CA; `list` shows them; `scan URL` plays the Mynaportal app: asks for
//! the PIN (or signature password), counts wrong entries, signs the nonce and posts the answer.

use crate::config::Config;
use crate::identity::card_ids;
use std::io::{BufRead, Write};
use zairyu_domain::{CardSex, CertKind, Date};
use zairyu_jpki::dev::{CardError, CardHolder, DevCa, TestCard};

#[derive(Debug, thiserror::Error)]
pub enum CardCliError {
    #[error("the card simulator is for development only: it is off when SMTP is configured")]
    NotDevelopment,
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Dev(#[from] zairyu_jpki::dev::DevError),
    #[error("{0}")]
    Http(String),
}

/// What `card new` is given.
pub struct NewCard {
    pub id: String,
    pub name: String,
    pub address: String,
    pub date_of_birth: String,
    pub sex: String,
    pub pin: String,
    pub password: String,
}

fn cards_dir(cfg: &Config) -> std::path::PathBuf {
    cfg.jpki_dev_dir().join("cards")
}

pub fn new_card(cfg: &Config, c: &NewCard) -> Result<String, CardCliError> {
    if !cfg.development() {
        return Err(CardCliError::NotDevelopment);
    }
    let date = Date::parse(&c.date_of_birth)
        .map_err(|_| CardCliError::Invalid("date of birth: YYYYMMDD".into()))?;
    let sex = match c.sex.as_str() {
        "male" | "1" => CardSex::Male,
        "female" | "2" => CardSex::Female,
        "unknown" | "3" => CardSex::Unknown,
        _ => return Err(CardCliError::Invalid("sex: male, female or unknown".into())),
    };
    let id = if c.id.is_empty() {
        format!("card{}", card_ids(&cards_dir(cfg)).len() + 1)
    } else {
        c.id.clone()
    };
    if !id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        || id.len() > 64
    {
        return Err(CardCliError::Invalid(
            "card id: letters, digits, - and _".into(),
        ));
    }
    let path = cards_dir(cfg).join(format!("{id}.json"));
    if path.exists() {
        return Err(CardCliError::Invalid(format!("card {id} exists already")));
    }
    let ca = DevCa::open_or_create(&cfg.jpki_dev_dir())?;
    let holder = CardHolder {
        name: c.name.clone(),
        address: c.address.clone(),
        year: date.year(),
        month: date.month(),
        day: date.day(),
        sex,
    };
    let card = TestCard::issue(
        &ca,
        &holder,
        &c.pin,
        &c.password,
        time::OffsetDateTime::now_utc(),
    )?;
    card.save(&path)?;
    Ok(id)
}

pub fn list(cfg: &Config) -> Result<Vec<String>, CardCliError> {
    if !cfg.development() {
        return Err(CardCliError::NotDevelopment);
    }
    let dir = cards_dir(cfg);
    Ok(card_ids(&dir)
        .into_iter()
        .filter_map(|id| {
            let c = TestCard::load(&dir.join(format!("{id}.json"))).ok()?;
            let lock = |k| if c.locked(k) { " locked" } else { "" };
            Some(format!(
                "{id}\t{}\tPIN{}\tsignature password{}",
                c.holder_name,
                lock(CertKind::Authentication),
                lock(CertKind::Signature)
            ))
        })
        .collect())
}

/// A minimal HTTP/1.1 exchange over a plain TCP connection: the simulator talks to a development
/// server on this machine, so no TLS and no client library.
async fn http(method: &str, url: &str, body: Option<&str>) -> Result<(u16, String), CardCliError> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let rest = url
        .strip_prefix("http://")
        .ok_or_else(|| CardCliError::Http("only http:// URLs of a development server".into()))?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let mut stream = tokio::net::TcpStream::connect(host)
        .await
        .map_err(|e| CardCliError::Http(format!("{host}: {e}")))?;
    let body = body.unwrap_or("");
    let req = format!(
        "{method} /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nAccept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream
        .write_all(req.as_bytes())
        .await
        .map_err(|e| CardCliError::Http(e.to_string()))?;
    let mut buf = Vec::new();
    stream
        .read_to_end(&mut buf)
        .await
        .map_err(|e| CardCliError::Http(e.to_string()))?;
    let text = String::from_utf8_lossy(&buf).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    Ok((status, body))
}

fn prompt(label: &str) -> String {
    eprint!("{label}: ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    let _ = std::io::stdin().lock().read_line(&mut line);
    line.trim().to_owned()
}

/// `card scan URL`: reads which certificate the code asks for, asks for the PIN until it is right
/// or the card locks, then posts the certificate and signature.
pub async fn scan(cfg: &Config, url: &str, card_id: Option<&str>) -> Result<String, CardCliError> {
    if !cfg.development() {
        return Err(CardCliError::NotDevelopment);
    }
    let dir = cards_dir(cfg);
    let ids = card_ids(&dir);
    let id = match card_id {
        Some(i) => i.to_owned(),
        None if ids.len() == 1 => ids[0].clone(),
        None => {
            return Err(CardCliError::Invalid(format!(
                "choose a card with --card ({})",
                ids.join(", ")
            )));
        }
    };
    let path = dir.join(format!("{id}.json"));
    let nonce = url
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let (status, body) = http("GET", &format!("{url}?app=1"), None).await?;
    let info: serde_json::Value = serde_json::from_str(&body)
        .map_err(|_| CardCliError::Http(format!("unexpected answer ({status})")))?;
    let kind = match info.get("kind").and_then(|k| k.as_str()) {
        Some("auth") => CertKind::Authentication,
        Some("sign") => CertKind::Signature,
        _ => {
            return Err(CardCliError::Http(
                info.get("message")
                    .and_then(|m| m.as_str())
                    .unwrap_or("the code cannot be read")
                    .to_owned(),
            ));
        }
    };
    let label = match kind {
        CertKind::Authentication => "User authentication PIN (4 digits)",
        CertKind::Signature => "Signature password (6-16 capital letters and digits)",
    };
    let (cert, sig) = loop {
        let mut card = TestCard::load(&path)?;
        let secret = prompt(label);
        let outcome = card.answer(kind, &secret, &nonce)?;
        card.save(&path)?;
        match outcome {
            Ok(x) => break x,
            Err(CardError::WrongPin { left }) => eprintln!("Wrong. {left} tries left."),
            Err(CardError::Locked) => {
                return Err(CardCliError::Invalid(
                    "the card is locked (reset it at the city office: make a new test card)".into(),
                ));
            }
        }
    };
    use base64::Engine;
    let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
    let form = format!(
        "certificate={}&signature={}",
        urlencode(&b64(&cert)),
        urlencode(&b64(&sig))
    );
    let (status, body) = http("POST", url, Some(&form)).await?;
    if status == 200 {
        Ok(match kind {
            CertKind::Authentication => "Login completed".into(),
            CertKind::Signature => "Signature completed".into(),
        })
    } else {
        let msg = serde_json::from_str::<serde_json::Value>(&body)
            .ok()
            .and_then(|v| v.get("message").and_then(|m| m.as_str()).map(str::to_owned))
            .unwrap_or_else(|| format!("refused ({status})"));
        Err(CardCliError::Http(msg))
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Where a card file is, for messages.
pub fn card_path(cfg: &Config, id: &str) -> std::path::PathBuf {
    cards_dir(cfg).join(format!("{id}.json"))
}
