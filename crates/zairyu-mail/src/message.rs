//! The messages the portal sends. Each is a variant with exactly the data it shows; its text lives in
//! `locales/<lang>/mail.ftl` as `mail-<name>-subject` and `mail-<name>-body`. No message ever
//! contains a password.

use serde::{Deserialize, Serialize};
use zairyu_i18n::{I18n, Locale, Value};

/// A message before it is put into words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "message", rename_all = "snake_case")]
pub enum MailMessage {
    /// The link that opens UserRegister (SPEC §3.2).
    RegistrationLink { url: String, valid_hours: i64 },
    /// The User ID just issued (SPEC §3.5).
    UserIdIssued {
        login_id: String,
        name: String,
        login_url: String,
    },
    /// The User IDs registered with this address and name (SPEC §4.4).
    UserIdReminder {
        login_ids: Vec<String>,
        login_url: String,
    },
    /// Someone asked for a User ID with this address, but no account matched.
    UserIdReminderNoMatch { start_url: String },
    /// The link to set a new password (SPEC §4.4).
    PasswordResetLink { url: String, valid_hours: i64 },
    /// Someone asked for a password reset with this address, but no account matched.
    PasswordResetNoMatch { start_url: String },
    /// The password was changed or reset.
    PasswordChanged { login_id: String },
    /// The link that confirms a new address (sent to the new address).
    EmailChangeLink { url: String, valid_hours: i64 },
    /// Sent to the old address once the new one is confirmed.
    EmailChanged {
        login_id: String,
        new_email_masked: String,
    },
    /// Other user information was changed (SPEC §11.2).
    UserInfoChanged { login_id: String },
    /// An application, notification or request for use was received (SPEC §6.3).
    ApplicationReceived {
        procedure: String,
        reference: String,
        status_url: String,
    },
    /// A request for use was approved: the user may now use the system (SPEC §7.1).
    RequestForUseApproved {
        procedure: String,
        reference: String,
    },
    /// An officer acted on a filing, or the applicant sent a correction (SPEC §8.4, §9.2, §14).
    FilingUpdate {
        event: FilingEvent,
        procedure: String,
        reference: String,
        /// The reception or notification receipt number, once there is one.
        number: Option<String>,
        /// The officer's message (what to revise, or the registration error's details).
        note: Option<String>,
        /// Where the user sees (and, when asked to, corrects) the filing.
        url: String,
    },
    /// A draft will be deleted in a week unless it is used (better than the original).
    DraftExpiring {
        procedure: String,
        expires: String,
        url: String,
    },
}

impl MailMessage {
    /// The name used in Fluent keys and logs.
    pub fn name(&self) -> &'static str {
        match self {
            MailMessage::RegistrationLink { .. } => "registration-link",
            MailMessage::UserIdIssued { .. } => "user-id-issued",
            MailMessage::UserIdReminder { .. } => "user-id-reminder",
            MailMessage::UserIdReminderNoMatch { .. } => "user-id-reminder-no-match",
            MailMessage::PasswordResetLink { .. } => "password-reset-link",
            MailMessage::PasswordResetNoMatch { .. } => "password-reset-no-match",
            MailMessage::PasswordChanged { .. } => "password-changed",
            MailMessage::EmailChangeLink { .. } => "email-change-link",
            MailMessage::EmailChanged { .. } => "email-changed",
            MailMessage::UserInfoChanged { .. } => "user-info-changed",
            MailMessage::ApplicationReceived { .. } => "application-received",
            MailMessage::RequestForUseApproved { .. } => "request-for-use-approved",
            MailMessage::DraftExpiring { .. } => "draft-expiring",
            MailMessage::FilingUpdate { event, .. } => event.name(),
        }
    }

    fn keys(&self) -> (&'static str, &'static str) {
        match self {
            MailMessage::RegistrationLink { .. } => (
                "mail-registration-link-subject",
                "mail-registration-link-body",
            ),
            MailMessage::UserIdIssued { .. } => {
                ("mail-user-id-issued-subject", "mail-user-id-issued-body")
            }
            MailMessage::UserIdReminder { .. } => (
                "mail-user-id-reminder-subject",
                "mail-user-id-reminder-body",
            ),
            MailMessage::UserIdReminderNoMatch { .. } => (
                "mail-user-id-reminder-no-match-subject",
                "mail-user-id-reminder-no-match-body",
            ),
            MailMessage::PasswordResetLink { .. } => (
                "mail-password-reset-link-subject",
                "mail-password-reset-link-body",
            ),
            MailMessage::PasswordResetNoMatch { .. } => (
                "mail-password-reset-no-match-subject",
                "mail-password-reset-no-match-body",
            ),
            MailMessage::PasswordChanged { .. } => (
                "mail-password-changed-subject",
                "mail-password-changed-body",
            ),
            MailMessage::EmailChangeLink { .. } => (
                "mail-email-change-link-subject",
                "mail-email-change-link-body",
            ),
            MailMessage::EmailChanged { .. } => {
                ("mail-email-changed-subject", "mail-email-changed-body")
            }
            MailMessage::UserInfoChanged { .. } => (
                "mail-user-info-changed-subject",
                "mail-user-info-changed-body",
            ),
            MailMessage::ApplicationReceived { .. } => (
                "mail-application-received-subject",
                "mail-application-received-body",
            ),
            MailMessage::RequestForUseApproved { .. } => (
                "mail-request-for-use-approved-subject",
                "mail-request-for-use-approved-body",
            ),
            MailMessage::DraftExpiring { .. } => {
                ("mail-draft-expiring-subject", "mail-draft-expiring-body")
            }
            MailMessage::FilingUpdate { event, .. } => event.keys(),
        }
    }

    fn args(&self) -> Vec<(&'static str, Value<'static>)> {
        match self.clone() {
            MailMessage::RegistrationLink { url, valid_hours }
            | MailMessage::PasswordResetLink { url, valid_hours }
            | MailMessage::EmailChangeLink { url, valid_hours } => {
                vec![("url", url.into()), ("hours", valid_hours.into())]
            }
            MailMessage::UserIdIssued {
                login_id,
                name,
                login_url,
            } => vec![
                ("login_id", login_id.into()),
                ("name", name.into()),
                ("login_url", login_url.into()),
            ],
            MailMessage::UserIdReminder {
                login_ids,
                login_url,
            } => vec![
                ("login_ids", login_ids.join("\n").into()),
                ("count", (login_ids.len() as i64).into()),
                ("login_url", login_url.into()),
            ],
            MailMessage::UserIdReminderNoMatch { start_url }
            | MailMessage::PasswordResetNoMatch { start_url } => {
                vec![("start_url", start_url.into())]
            }
            MailMessage::PasswordChanged { login_id }
            | MailMessage::UserInfoChanged { login_id } => {
                vec![("login_id", login_id.into())]
            }
            MailMessage::ApplicationReceived {
                procedure,
                reference,
                status_url,
            } => vec![
                ("procedure", procedure.into()),
                ("reference", reference.into()),
                ("status_url", status_url.into()),
            ],
            MailMessage::DraftExpiring {
                procedure,
                expires,
                url,
            } => vec![
                ("procedure", procedure.into()),
                ("expires", expires.into()),
                ("url", url.into()),
            ],
            MailMessage::RequestForUseApproved {
                procedure,
                reference,
            } => {
                vec![
                    ("procedure", procedure.into()),
                    ("reference", reference.into()),
                ]
            }
            MailMessage::FilingUpdate {
                event: _,
                procedure,
                reference,
                number,
                note,
                url,
            } => vec![
                ("procedure", procedure.into()),
                ("reference", reference.into()),
                ("number", number.unwrap_or_default().into()),
                ("message", note.unwrap_or_default().into()),
                ("url", url.into()),
            ],
            MailMessage::EmailChanged {
                login_id,
                new_email_masked,
            } => vec![
                ("login_id", login_id.into()),
                ("new_email", new_email_masked.into()),
            ],
        }
    }
}

/// What happened to a filing, each with its own mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilingEvent {
    /// An application was received: its reception number.
    Accepted,
    /// A notification was received: its notification receipt number (SPEC §8.4).
    NotificationReceipt,
    ReviewStarted,
    /// Revision or more material is needed (In Return Process).
    RevisionRequested,
    /// A notification could not be registered; the details say what to correct.
    NotificationError,
    NotificationRegistered,
    /// Permitted: the card or certificate can be received.
    AwaitingIssuance,
    NotPermitted,
    /// The card or certificate was handed over.
    Completed,
    RequestForUseRefused,
    /// The applicant sent the corrected application back.
    Resubmitted,
}

impl FilingEvent {
    pub fn name(self) -> &'static str {
        let k = self.keys().0;
        k.strip_prefix("mail-")
            .and_then(|k| k.strip_suffix("-subject"))
            .unwrap_or(k)
    }

    fn keys(self) -> (&'static str, &'static str) {
        match self {
            FilingEvent::Accepted => ("mail-filing-accepted-subject", "mail-filing-accepted-body"),
            FilingEvent::NotificationReceipt => (
                "mail-notification-receipt-subject",
                "mail-notification-receipt-body",
            ),
            FilingEvent::ReviewStarted => {
                ("mail-review-started-subject", "mail-review-started-body")
            }
            FilingEvent::RevisionRequested => (
                "mail-revision-requested-subject",
                "mail-revision-requested-body",
            ),
            FilingEvent::NotificationError => (
                "mail-notification-error-subject",
                "mail-notification-error-body",
            ),
            FilingEvent::NotificationRegistered => (
                "mail-notification-registered-subject",
                "mail-notification-registered-body",
            ),
            FilingEvent::AwaitingIssuance => (
                "mail-awaiting-issuance-subject",
                "mail-awaiting-issuance-body",
            ),
            FilingEvent::NotPermitted => ("mail-not-permitted-subject", "mail-not-permitted-body"),
            FilingEvent::Completed => (
                "mail-filing-completed-subject",
                "mail-filing-completed-body",
            ),
            FilingEvent::RequestForUseRefused => (
                "mail-request-for-use-refused-subject",
                "mail-request-for-use-refused-body",
            ),
            FilingEvent::Resubmitted => ("mail-resubmitted-subject", "mail-resubmitted-body"),
        }
    }
}

/// A message in words, ready for a transport.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// Puts a message into words in `locale`. Every mail ends with the portal's name and a note that
/// replies are not read (SPEC §14: every email names the portal).
pub fn render(i18n: &I18n, locale: Locale, msg: &MailMessage) -> Rendered {
    let (subject_key, body_key) = msg.keys();
    let args = msg.args();
    let portal = i18n.t(locale, "portal-name");
    let subject = format!("[{portal}] {}", i18n.ta(locale, subject_key, &args));
    let body = i18n.ta(locale, body_key, &args);
    let footer = i18n.t(locale, "mail-footer");
    let text = format!("{body}\n\n--\n{portal}\n{footer}\n");
    let html = to_html(&text, locale.code());
    Rendered {
        subject,
        text,
        html,
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A plain HTML twin of the text: paragraphs, line breaks and clickable links.
fn to_html(text: &str, lang: &str) -> String {
    let mut out = format!("<!doctype html><html lang=\"{lang}\"><body>");
    for para in text.split("\n\n") {
        let lines: Vec<String> = para
            .lines()
            .map(|line| {
                line.split(' ')
                    .map(|w| {
                        if w.starts_with("https://") || w.starts_with("http://") {
                            format!("<a href=\"{0}\">{0}</a>", escape(w))
                        } else {
                            escape(w)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        out.push_str("<p>");
        out.push_str(&lines.join("<br>"));
        out.push_str("</p>");
    }
    out.push_str("</body></html>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_renders_in_japanese_and_english() {
        let i18n = I18n::load().unwrap();
        let msgs = vec![
            MailMessage::RegistrationLink {
                url: "http://x/r/abc".into(),
                valid_hours: 24,
            },
            MailMessage::UserIdIssued {
                login_id: "ABCD234567".into(),
                name: "JOHN".into(),
                login_url: "http://x/login".into(),
            },
            MailMessage::UserIdReminder {
                login_ids: vec!["A".into(), "B".into()],
                login_url: "http://x/login".into(),
            },
            MailMessage::UserIdReminderNoMatch {
                start_url: "http://x/".into(),
            },
            MailMessage::PasswordResetLink {
                url: "http://x/p/abc".into(),
                valid_hours: 24,
            },
            MailMessage::PasswordResetNoMatch {
                start_url: "http://x/".into(),
            },
            MailMessage::PasswordChanged {
                login_id: "ABCD234567".into(),
            },
            MailMessage::EmailChangeLink {
                url: "http://x/e/abc".into(),
                valid_hours: 24,
            },
            MailMessage::EmailChanged {
                login_id: "ABCD234567".into(),
                new_email_masked: "j***@example.jp".into(),
            },
            MailMessage::UserInfoChanged {
                login_id: "ABCD234567".into(),
            },
            MailMessage::ApplicationReceived {
                procedure: "P".into(),
                reference: "ABCD-EFGH-JKMN".into(),
                status_url: "http://x/applications".into(),
            },
            MailMessage::RequestForUseApproved {
                procedure: "P".into(),
                reference: "ABCD-EFGH-JKMN".into(),
            },
            MailMessage::DraftExpiring {
                procedure: "P".into(),
                expires: "2026/12/01".into(),
                url: "http://x/mypage/drafts".into(),
            },
        ];
        for locale in [Locale::Ja, Locale::En] {
            for m in &msgs {
                let r = render(&i18n, locale, m);
                assert!(
                    !r.subject.contains("mail-"),
                    "{} {}: {}",
                    locale.code(),
                    m.name(),
                    r.subject
                );
                assert!(
                    !r.text.contains("mail-"),
                    "{} {}: {}",
                    locale.code(),
                    m.name(),
                    r.text
                );
                assert!(r.text.contains(&i18n.t(locale, "portal-name")));
                assert!(r.html.starts_with("<!doctype html>"));
            }
        }
    }

    #[test]
    fn html_escapes_and_links() {
        let h = to_html("a <b> https://x.jp/?a=1&b=2", "en");
        assert!(h.contains("&lt;b&gt;"));
        assert!(h.contains("<a href=\"https://x.jp/?a=1&amp;b=2\">"));
    }
}
