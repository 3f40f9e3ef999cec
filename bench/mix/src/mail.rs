//! A mail sink on loopback: the server under test sends its mail here over SMTP (the real path
//! through the job queue and lettre), and a newcomer waits here for the link of their registration
//! mail, as a person waits for their inbox.

use base64::Engine;
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

/// The texts received per recipient (decoded parts), oldest first.
static INBOX: LazyLock<Mutex<HashMap<String, Vec<String>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// Starts the sink; it runs until the process ends.
pub async fn spawn_sink(addr: &str) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            tokio::spawn(session(sock));
        }
    });
    Ok(())
}

async fn session(sock: tokio::net::TcpStream) {
    let (r, mut w) = sock.into_split();
    let mut lines = BufReader::new(r).lines();
    if w.write_all(b"220 mix sink ESMTP\r\n").await.is_err() {
        return;
    }
    let mut to: Vec<String> = Vec::new();
    let mut data: Option<String> = None;
    while let Ok(Some(line)) = lines.next_line().await {
        if let Some(buf) = data.as_mut() {
            if line == "." {
                let texts = decode(buf);
                if let Ok(mut inbox) = INBOX.lock() {
                    for rcpt in to.drain(..) {
                        inbox.entry(rcpt).or_default().push(texts.clone());
                    }
                }
                data = None;
                if w.write_all(b"250 queued\r\n").await.is_err() {
                    return;
                }
            } else {
                buf.push_str(line.strip_prefix('.').unwrap_or(&line));
                buf.push('\n');
            }
            continue;
        }
        let upper = line.to_ascii_uppercase();
        let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
            b"250 mix\r\n"
        } else if upper.starts_with("RCPT TO:") {
            let addr = line[8..]
                .trim()
                .trim_start_matches('<')
                .split('>')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            to.push(addr);
            b"250 ok\r\n"
        } else if upper.starts_with("DATA") {
            data = Some(String::new());
            b"354 go on\r\n"
        } else if upper.starts_with("QUIT") {
            let _ = w.write_all(b"221 bye\r\n").await;
            return;
        } else {
            // MAIL FROM, RSET, NOOP …
            b"250 ok\r\n"
        };
        if w.write_all(reply).await.is_err() {
            return;
        }
    }
}

/// The message as text a link can be found in: quoted-printable soft breaks joined and escapes
/// undone, and every base64 block decoded, whichever encoding lettre chose for each part.
fn decode(raw: &str) -> String {
    let mut out = String::new();
    let joined = raw.replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut qp = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let Ok(v) = u8::from_str_radix(&joined[i + 1..i + 3], 16)
        {
            qp.push(v);
            i += 3;
            continue;
        }
        qp.push(bytes[i]);
        i += 1;
    }
    out.push_str(&String::from_utf8_lossy(&qp));
    let mut block = String::new();
    for line in raw.lines().chain(std::iter::once("")) {
        let t = line.trim();
        if t.len() >= 16
            && t.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'=')
        {
            block.push_str(t);
        } else if !block.is_empty() {
            if let Ok(b) = base64::engine::general_purpose::STANDARD.decode(&block) {
                out.push('\n');
                out.push_str(&String::from_utf8_lossy(&b));
            }
            block.clear();
        }
    }
    out
}

/// The path of the first link to this site starting with `prefix` in a mail to `to` (waiting up
/// to `wait`), taking the mail out of the inbox.
pub async fn wait_link(to: &str, prefix: &str, wait: Duration) -> Option<String> {
    let to = to.to_ascii_lowercase();
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        if let Ok(mut inbox) = INBOX.lock()
            && let Some(list) = inbox.get_mut(&to)
        {
            for (n, text) in list.iter().enumerate() {
                if let Some(path) = link(text, prefix) {
                    list.remove(n);
                    return Some(path);
                }
            }
        }
        if tokio::time::Instant::now() >= deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Forgets a recipient's mail (the ones the mix does not read: receipts, User ID notices).
pub fn forget(to: &str) {
    if let Ok(mut inbox) = INBOX.lock() {
        inbox.remove(&to.to_ascii_lowercase());
    }
}

fn link(text: &str, prefix: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || c == '"' || c == '<' || c == '>')
        .filter(|w| w.starts_with("http"))
        .find_map(|w| w.find(prefix).map(|i| w[i..].to_owned()))
}
