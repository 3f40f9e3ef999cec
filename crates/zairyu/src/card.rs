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

/// The language the simulator asks the server's messages in: the terminal's (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`), English when unset or `C`.
fn accept_language() -> String {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .map(|v| {
            v.split(['.', '@'])
                .next()
                .unwrap_or_default()
                .replace('_', "-")
        })
        .filter(|v| !v.is_empty() && v != "C" && v != "POSIX")
        .unwrap_or_else(|| "en".to_owned())
}

/// A minimal HTTP/1.1 exchange over a plain TCP connection: the simulator talks to a development
/// server on this machine, so no TLS and no client library. The answer's body is read by its
/// `Content-Length`, or decoded when it is chunked, or read to the end of the connection.
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
        "{method} /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nAccept: application/json\r\nAccept-Language: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        accept_language(),
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
    parse_response(&buf)
}

/// Splits a raw HTTP/1.1 response into its status and body.
fn parse_response(raw: &[u8]) -> Result<(u16, String), CardCliError> {
    let bad = || CardCliError::Http("the server's answer is not HTTP".into());
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(bad)?;
    let head = std::str::from_utf8(&raw[..end]).map_err(|_| bad())?;
    let rest = &raw[end + 4..];
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(bad)?;
    let mut length = None;
    let mut chunked = false;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            length = Some(value.parse::<usize>().map_err(|_| bad())?);
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = value
                .split(',')
                .any(|t| t.trim().eq_ignore_ascii_case("chunked"));
        }
    }
    let body = if chunked {
        dechunk(rest).ok_or_else(bad)?
    } else if let Some(n) = length {
        rest.get(..n).ok_or_else(bad)?.to_vec()
    } else {
        rest.to_vec()
    };
    Ok((status, String::from_utf8_lossy(&body).into_owned()))
}

/// Decodes a chunked body (RFC 9112 §7.1); trailers are ignored.
fn dechunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = rest.windows(2).position(|w| w == b"\r\n")?;
        let size_line = std::str::from_utf8(&rest[..eol]).ok()?;
        let size = usize::from_str_radix(size_line.split(';').next()?.trim(), 16).ok()?;
        rest = &rest[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size..)?.strip_prefix(b"\r\n")?;
    }
}

/// One line typed on standard input; None at its end (nothing more will come).
fn prompt(label: &str) -> Option<String> {
    eprint!("{label}: ");
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    match std::io::stdin().lock().read_line(&mut line) {
        Ok(0) | Err(_) => {
            eprintln!();
            None
        }
        Ok(_) => Some(line.trim().to_owned()),
    }
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
        if card.locked(kind) {
            return Err(locked());
        }
        // The end of the input is no wrong entry: nothing is counted, nothing is sent.
        let secret = prompt(label).ok_or_else(|| {
            CardCliError::Invalid("no PIN or password given: nothing was sent".into())
        })?;
        let outcome = card.answer(kind, &secret, &nonce)?;
        card.save(&path)?;
        match outcome {
            Ok(x) => break x,
            Err(CardError::WrongPin { left: 1 }) => eprintln!("Wrong. 1 try left."),
            Err(CardError::WrongPin { left }) => eprintln!("Wrong. {left} tries left."),
            Err(CardError::Locked) => return Err(locked()),
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

fn locked() -> CardCliError {
    CardCliError::Invalid(
        "the card is locked (reset it at the city office: make a new test card)".into(),
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_response_is_read_by_length_by_chunks_or_to_the_end() {
        let sized = b"HTTP/1.1 200 OK\r\ncontent-length: 9\r\n\r\n{\"a\":1}\r\nignored";
        assert_eq!(
            parse_response(sized).unwrap(),
            (200, "{\"a\":1}\r\n".into())
        );
        let chunked = b"HTTP/1.1 410 Gone\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3;x=y\r\n:1}\r\n0\r\n\r\n";
        assert_eq!(parse_response(chunked).unwrap(), (410, "{\"a\":1}".into()));
        let open = b"HTTP/1.1 200 OK\r\n\r\n{}";
        assert_eq!(parse_response(open).unwrap(), (200, "{}".into()));
    }

    #[test]
    fn broken_responses_are_errors_not_guesses() {
        for raw in [
            &b"garbage"[..],
            b"HTTP/1.1 200 OK\r\ncontent-length: 99\r\n\r\n{}",
            b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n",
            b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nab",
        ] {
            assert!(
                parse_response(raw).is_err(),
                "{:?}",
                String::from_utf8_lossy(raw)
            );
        }
    }
}
