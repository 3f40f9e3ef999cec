//! Carrying a rendered message. Sending the same job twice writes the same file or sends with the
//! same Message-ID, so a retry after a crash does not create a second, different mail.

use crate::Rendered;
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("address: {0}")]
    Address(String),
    #[error("building the message: {0}")]
    Build(String),
    #[error("smtp: {0}")]
    Smtp(String),
    #[error("file: {0}")]
    Io(#[from] std::io::Error),
}

/// Where mail goes.
#[derive(Clone)]
pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// Development: `.eml` files and JSON sidecars in this folder.
    Files(PathBuf),
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Transport::Smtp(_) => f.write_str("Transport::Smtp"),
            Transport::Files(p) => write!(f, "Transport::Files({})", p.display()),
        }
    }
}

/// What the development mailbox shows of one mail.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredMail {
    pub id: String,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub created_at: i64,
}

impl Transport {
    /// SMTP from a URL such as `smtp://user:pass@host:587?tls=required` or `smtps://host:465`
    /// (lettre's URL format).
    pub fn smtp(url: &str) -> Result<Transport, MailError> {
        let t = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Smtp(e.to_string()))?
            .build();
        Ok(Transport::Smtp(t))
    }

    pub fn is_files(&self) -> bool {
        matches!(self, Transport::Files(_))
    }

    /// Sends one message. `id` is stable per job: it names the file and the Message-ID.
    pub async fn send(
        &self,
        from: &str,
        to: &str,
        id: &str,
        mail: &Rendered,
        now_ms: i64,
    ) -> Result<(), MailError> {
        let from: Mailbox = from
            .parse()
            .map_err(|e: lettre::address::AddressError| MailError::Address(e.to_string()))?;
        let to_box: Mailbox = to
            .parse()
            .map_err(|e: lettre::address::AddressError| MailError::Address(e.to_string()))?;
        let domain = from.email.domain().to_owned();
        let message = Message::builder()
            .from(from)
            .to(to_box)
            .subject(mail.subject.clone())
            .message_id(Some(format!("<{id}@{domain}>")))
            .multipart(MultiPart::alternative_plain_html(
                mail.text.clone(),
                mail.html.clone(),
            ))
            .map_err(|e| MailError::Build(e.to_string()))?;
        match self {
            Transport::Smtp(t) => {
                t.send(message)
                    .await
                    .map_err(|e| MailError::Smtp(e.to_string()))?;
            }
            Transport::Files(dir) => {
                tokio::fs::create_dir_all(dir).await?;
                let stored = StoredMail {
                    id: id.to_owned(),
                    to: to.to_owned(),
                    subject: mail.subject.clone(),
                    text: mail.text.clone(),
                    created_at: now_ms,
                };
                let json = serde_json::to_vec_pretty(&stored)
                    .map_err(|e| MailError::Build(e.to_string()))?;
                write_atomic(&dir.join(format!("{id}.eml")), &message.formatted()).await?;
                write_atomic(&dir.join(format!("{id}.json")), &json).await?;
            }
        }
        Ok(())
    }
}

async fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), MailError> {
    let tmp = path.with_extension("tmp");
    tokio::fs::write(&tmp, bytes).await?;
    tokio::fs::rename(&tmp, path).await?;
    Ok(())
}

/// The mails in a development mailbox folder, newest first.
pub async fn list_mailbox(dir: &Path) -> Result<Vec<StoredMail>, MailError> {
    let mut out = Vec::new();
    let mut rd = match tokio::fs::read_dir(dir).await {
        Ok(rd) => rd,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(e.into()),
    };
    while let Some(entry) = rd.next_entry().await? {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let bytes = tokio::fs::read(&path).await?;
        if let Ok(m) = serde_json::from_slice::<StoredMail>(&bytes) {
            out.push(m);
        }
    }
    out.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
    Ok(out)
}
