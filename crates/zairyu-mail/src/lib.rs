//! Outgoing email: the messages of SPEC §14 rendered in the user's language, and the transports that
//! carry them — SMTP when configured, otherwise `.eml` files (with a JSON sidecar the development
//! mailbox page reads) under `<data-dir>/mail/`.

pub mod message;
pub mod transport;

pub use message::{FilingEvent, MailMessage, Rendered, render};
pub use transport::{MailError, StoredMail, Transport, list_mailbox};
