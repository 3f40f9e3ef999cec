//! My Number Card identity verification (SPEC §7.2, §7.3): the PC shows a QR code holding a
//! one-time URL whose nonce is bound to the browser session and lives 5 minutes; the phone (the
//! Mynaportal app, or the development card simulator) posts the certificate and its signature over
//! the nonce to that URL; the verifier decides; the PC's waiting screen sees the outcome and moves
//! on. First the user-authentication certificate (the card is present, PIN), then the signature
//! certificate (the basic 4 information). A verified reading is good for one application, in the
//! session it was made in.
//!
//! ## What links the two readings, and what does not
//!
//! The user-authentication and signature certificates of one My Number Card share no identifier:
//! J-LIS issues them under separate roots with unrelated serial numbers, the user-authentication
//! certificate carries no name, and the signature certificate is reissued on its own (a change of
//! address or name) while the other stays, so neither their issue dates nor their root generation
//! (2015 or 2023) need agree. Nothing in the certificates can prove that both came from the same
//! card, and no check of them pretends to. What *is* guaranteed:
//!
//! - both readings answer one-time codes of the same challenge chain: the same user, the same
//!   browser session (a MAC of its id) and the same procedure; the signature code is issued only
//!   right after a verified user-authentication reading, and a reading counts only when the
//!   challenge just before it (not any earlier one) is that verified, unused user-authentication
//!   reading ([`linked`]);
//! - the second reading follows the first closely: its code is issued at most [`LINK_WINDOW_MS`]
//!   after the first was verified (later, the user starts again), and it lives [`CODE_TTL_MS`], so
//!   both fall within ten minutes;
//! - each certificate chains to a pinned root *of its own kind*, is valid, unrevoked (or the page
//!   says the check is off), has the key usage and policy of its kind, and signed a fresh nonce —
//!   so each needed its card's private key and its own secret (the 4-digit PIN, then the signature
//!   password);
//! - a reading is used by one application only, and the basic 4 information shown and filed is
//!   the signature certificate's.
//!
//! Not guaranteed: that a person did not present one card's user-authentication certificate and
//! another card's signature certificate (they would need both cards and both secrets). Comparing
//! issuers would add nothing: whoever could issue from any trusted root could forge both readings.
//! The identity that counts is the signature certificate's basic 4 information; the
//! user-authentication reading shows that a card and its PIN were at hand at the start.
//!
//! Identity providers sit behind [`CertificateVerifier`]: the J-LIS verifier (`zairyu-jpki`, wired
//! by the binary) today; the Digital Agency's authentication app (OpenID Connect) would be another
//! flow producing the same [`Reading`].

use crate::secret::{b64, random_token, sha256_hex};
use crate::{App, AppError};
use std::sync::Arc;
use zairyu_domain::identity::challenge_message;
use zairyu_domain::{Basic4, CardSex, CertKind, DateUnknown, Era, IdentityFailure, PartialDate};
use zairyu_store::identity::{self as store, ChallengeRow, NewChallenge};
use zairyu_store::{StoreError, audit};

/// How long a QR code's one-time URL answers (the issue: 5 minutes).
pub const CODE_TTL_MS: i64 = 5 * 60_000;

/// How long after the user-authentication reading the signature code may be issued: a code's
/// lifetime, so both readings fall within ten minutes of each other.
pub const LINK_WINDOW_MS: i64 = CODE_TTL_MS;

/// What a verifier established about a certificate and its signature.
#[derive(Debug, Clone)]
pub struct VerifiedCert {
    pub fingerprint: String,
    pub serial: String,
    /// False only when revocation checking is switched off (development).
    pub revocation_checked: bool,
    pub basic4: Option<Basic4>,
}

/// Verifies card certificates: the outside world, so tests and other providers can stand in.
pub trait CertificateVerifier: Send + Sync + std::fmt::Debug {
    fn verify(
        &self,
        kind: CertKind,
        cert: &[u8],
        message: &[u8],
        signature: &[u8],
        now_ms: i64,
    ) -> Result<VerifiedCert, IdentityFailure>;
}

/// Trusts nothing: what an `App` has until a real verifier is wired in.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoVerifier;

impl CertificateVerifier for NoVerifier {
    fn verify(
        &self,
        _: CertKind,
        _: &[u8],
        _: &[u8],
        _: &[u8],
        _: i64,
    ) -> Result<VerifiedCert, IdentityFailure> {
        Err(IdentityFailure::UnknownIssuer)
    }
}

/// A test card as the development phone page lists it.
#[derive(Debug, Clone)]
pub struct SimCard {
    pub id: String,
    pub holder: String,
    pub auth_locked: bool,
    pub sign_locked: bool,
}

/// What the simulated card did.
#[derive(Debug, Clone)]
pub enum SimOutcome {
    Signed { cert: Vec<u8>, signature: Vec<u8> },
    WrongPin { left: u32 },
    Locked,
    NoSuchCard,
}

/// The development card simulator (test cards on disk), only present in development mode.
pub trait CardSimulator: Send + Sync + std::fmt::Debug {
    fn cards(&self) -> Vec<SimCard>;
    fn answer(
        &self,
        card: &str,
        kind: CertKind,
        secret: &str,
        nonce: &str,
    ) -> Result<SimOutcome, AppError>;
}

/// The identity parts of the application.
#[derive(Debug, Clone)]
pub struct Identity {
    pub verifier: Arc<dyn CertificateVerifier>,
    pub simulator: Option<Arc<dyn CardSimulator>>,
    /// False when the development setting switched revocation checking off: pages say so.
    pub revocation_checking: bool,
}

impl Default for Identity {
    fn default() -> Self {
        Identity {
            verifier: Arc::new(NoVerifier),
            simulator: None,
            revocation_checking: true,
        }
    }
}

/// A verified basic 4 reading, ready for one application.
#[derive(Debug, Clone)]
pub struct Reading {
    pub challenge_id: i64,
    pub basic4: Basic4,
    pub revocation_checked: bool,
}

/// Where a session stands in the reading for one procedure.
#[derive(Debug, Clone)]
pub enum Step {
    /// Nothing started, or the last reading was used by an application: the explanation page.
    NotStarted,
    /// A QR code is waiting for the phone.
    Waiting {
        challenge_id: i64,
        kind: CertKind,
        url: String,
        expires_at: i64,
    },
    /// The user-authentication certificate verified (at `answered_at`); the signature QR code comes
    /// next, if it is still fresh.
    Authenticated {
        answered_at: i64,
    },
    /// The code ran out before the phone answered.
    Expired {
        kind: CertKind,
    },
    /// The phone's answer was refused.
    Failed {
        kind: CertKind,
        failure: IdentityFailure,
    },
    Done(Reading),
}

/// The session's identity in the challenge table: a MAC of the session id, so the table never holds
/// anything that opens a session.
pub fn binding(app: &App, session: &str) -> String {
    b64(&app.key.mac("identity-session", session.as_bytes()))
}

/// The nonce of a challenge, derived from the server key and the row's salt (never stored).
fn nonce(app: &App, salt: &str) -> String {
    b64(&app.key.mac("identity-nonce", salt.as_bytes()))
}

/// The one-time URL a QR code holds.
pub fn code_url(app: &App, nonce: &str) -> String {
    app.url(&format!("/identity/code/{nonce}"))
}

async fn issue(
    app: &App,
    user_id: i64,
    bind: &str,
    procedure_id: &str,
    kind: CertKind,
) -> Result<(), AppError> {
    let salt = random_token(24);
    let now = app.now();
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    store::insert(
        &mut w,
        &NewChallenge {
            user_id,
            session_binding: bind,
            procedure_id,
            kind: kind.code(),
            salt: &salt,
            nonce_hash: &sha256_hex(&nonce(app, &salt)),
            expires_at: now + CODE_TTL_MS,
        },
        now,
    )
    .await?;
    Ok(())
}

/// "Proceed to Next" on the explanation page, and "Try again": a new user-authentication code.
pub async fn begin(
    app: &App,
    user_id: i64,
    session: &str,
    procedure_id: &str,
) -> Result<(), AppError> {
    issue(
        app,
        user_id,
        &binding(app, session),
        procedure_id,
        CertKind::Authentication,
    )
    .await
}

/// Where the session stands; after a verified user-authentication reading the signature code is
/// issued here, once.
pub async fn step(
    app: &App,
    user_id: i64,
    session: &str,
    procedure_id: &str,
) -> Result<Step, AppError> {
    let bind = binding(app, session);
    let s = current(app, user_id, &bind, procedure_id).await?;
    if let Step::Authenticated { answered_at } = s {
        // The signature code follows only a fresh user-authentication reading (module docs).
        if app.now() - answered_at > LINK_WINDOW_MS {
            return Ok(Step::Expired {
                kind: CertKind::Authentication,
            });
        }
        issue(app, user_id, &bind, procedure_id, CertKind::Signature).await?;
        return current(app, user_id, &bind, procedure_id).await;
    }
    Ok(s)
}

/// Whether a verified signature reading `sign` is linked to the user-authentication reading just
/// before it: that one verified, not used by an application, and the signature code issued within
/// [`LINK_WINDOW_MS`] of it (the signature code itself lives [`CODE_TTL_MS`]). The challenge chain is
/// already bound to one user, browser session and procedure by the query that found both.
fn linked(auth: Option<&ChallengeRow>, sign: &ChallengeRow) -> bool {
    let Some(a) = auth else { return false };
    let Some(answered) = a.answered_at else {
        return false;
    };
    a.kind == CertKind::Authentication.code()
        && a.outcome.as_deref() == Some("verified")
        && a.used_at.is_none()
        && sign.created_at >= answered
        && sign.created_at - answered <= LINK_WINDOW_MS
        && sign.answered_at.is_some_and(|s| s <= sign.expires_at)
}

async fn current(
    app: &App,
    user_id: i64,
    bind: &str,
    procedure_id: &str,
) -> Result<Step, AppError> {
    let mut conn = app.db.read().await?;
    let Some(c) = store::latest(&mut conn, user_id, bind, procedure_id).await? else {
        return Ok(Step::NotStarted);
    };
    let kind = CertKind::parse(&c.kind).unwrap_or(CertKind::Authentication);
    if c.used_at.is_some() {
        return Ok(Step::NotStarted);
    }
    match c.outcome.as_deref() {
        None if c.expires_at < app.now() => Ok(Step::Expired { kind }),
        None => Ok(Step::Waiting {
            challenge_id: c.id,
            kind,
            url: code_url(app, &nonce(app, &c.salt)),
            expires_at: c.expires_at,
        }),
        Some("verified") => match kind {
            CertKind::Authentication => Ok(Step::Authenticated {
                answered_at: c.answered_at.unwrap_or(c.created_at),
            }),
            CertKind::Signature => {
                let auth = store::previous(&mut conn, user_id, bind, procedure_id, c.id).await?;
                match (
                    linked(auth.as_ref(), &c),
                    c.basic4.as_deref().and_then(basic4_from_json),
                ) {
                    (true, Some(basic4)) => Ok(Step::Done(Reading {
                        challenge_id: c.id,
                        basic4,
                        revocation_checked: c.revocation_checked
                            && auth.is_some_and(|a| a.revocation_checked),
                    })),
                    _ => Ok(Step::NotStarted),
                }
            }
        },
        _ => Ok(Step::Failed {
            kind,
            failure: c
                .failure
                .as_deref()
                .and_then(IdentityFailure::parse)
                .unwrap_or(IdentityFailure::Malformed),
        }),
    }
}

/// The session's verified reading for a procedure, if it has one not yet used.
pub async fn reading(
    app: &App,
    user_id: i64,
    session: &str,
    procedure_id: &str,
) -> Result<Option<Reading>, AppError> {
    match current(app, user_id, &binding(app, session), procedure_id).await? {
        Step::Done(r) => Ok(Some(r)),
        _ => Ok(None),
    }
}

/// Whether one of the session's challenges is still waiting (the waiting screen's poll).
pub async fn waiting(
    app: &App,
    user_id: i64,
    session: &str,
    challenge_id: i64,
) -> Result<bool, AppError> {
    let mut conn = app.db.read().await?;
    Ok(
        match store::by_id(&mut conn, user_id, &binding(app, session), challenge_id).await? {
            Some(c) => c.outcome.is_none() && c.expires_at >= app.now(),
            None => false,
        },
    )
}

/// Who is calling the one-time URL: the phone app has no session; a browser may have one.
#[derive(Debug, Clone)]
pub enum Caller {
    NoSession,
    Session { user_id: i64, session: String },
}

/// A one-time URL as found.
#[derive(Debug, Clone)]
pub enum Code {
    /// No such code (never issued, or purged).
    Unknown,
    /// Still waiting: the card may answer. The nonce is what the card signs.
    Open {
        kind: CertKind,
        nonce: String,
    },
    Refused(IdentityFailure),
}

async fn find(app: &App, nonce_text: &str) -> Result<Option<ChallengeRow>, AppError> {
    if nonce_text.is_empty() || nonce_text.len() > 100 {
        return Ok(None);
    }
    let mut conn = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    Ok(store::by_nonce_hash(&mut conn, &sha256_hex(nonce_text)).await?)
}

fn same_session(app: &App, c: &ChallengeRow, caller: &Caller) -> bool {
    match caller {
        Caller::NoSession => true,
        Caller::Session { user_id, session } => {
            *user_id == c.user_id && crate::secret::same(&binding(app, session), &c.session_binding)
        }
    }
}

/// Records a refusal on a waiting challenge (the PC screen shows it), with its audit record.
async fn refuse(
    app: &App,
    c: &ChallengeRow,
    failure: IdentityFailure,
    ip: &str,
) -> Result<(), AppError> {
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let recorded = store::answer(
        &mut tx,
        c.id,
        &store::Answer {
            outcome: "failed",
            failure: Some(failure.code()),
            cert_fingerprint: None,
            cert_serial: None,
            revocation_checked: false,
            basic4: None,
        },
        now,
    )
    .await?;
    if recorded {
        audit::record(
            &mut tx,
            &audit::AuditEntry {
                actor: &format!("user:{}", c.user_id),
                action: "identity.refused",
                subject: Some(&format!("identity_challenge:{}", c.id)),
                ip: Some(ip),
                detail: Some(&format!("{} {}", c.kind, failure.code())),
            },
            now,
        )
        .await?;
    }
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    Ok(())
}

/// The one-time URL opened (GET): by another session it is spoilt, and both screens say so.
pub async fn open_code(
    app: &App,
    nonce_text: &str,
    caller: &Caller,
    ip: &str,
) -> Result<Code, AppError> {
    let Some(c) = find(app, nonce_text).await? else {
        return Ok(Code::Unknown);
    };
    let kind = CertKind::parse(&c.kind).unwrap_or(CertKind::Authentication);
    if c.outcome.is_some() || c.used_at.is_some() {
        return Ok(Code::Refused(IdentityFailure::CodeUsed));
    }
    if c.expires_at < app.now() {
        return Ok(Code::Refused(IdentityFailure::CodeExpired));
    }
    if !same_session(app, &c, caller) {
        refuse(app, &c, IdentityFailure::OtherSession, ip).await?;
        return Ok(Code::Refused(IdentityFailure::OtherSession));
    }
    Ok(Code::Open {
        kind,
        nonce: nonce_text.to_owned(),
    })
}

/// The phone's answer (POST to the one-time URL): the certificate and the signature over the nonce.
/// Returns how it went; a refusal is also recorded for the PC screen, except for a code that is
/// unknown, used or expired (nothing to record it on).
pub async fn answer(
    app: &App,
    nonce_text: &str,
    caller: &Caller,
    cert: &[u8],
    signature: &[u8],
    ip: &str,
) -> Result<Result<(), IdentityFailure>, AppError> {
    let Some(c) = find(app, nonce_text).await? else {
        return Ok(Err(IdentityFailure::CodeExpired));
    };
    if c.outcome.is_some() || c.used_at.is_some() {
        return Ok(Err(IdentityFailure::CodeUsed));
    }
    if c.expires_at < app.now() {
        return Ok(Err(IdentityFailure::CodeExpired));
    }
    if !same_session(app, &c, caller) {
        refuse(app, &c, IdentityFailure::OtherSession, ip).await?;
        return Ok(Err(IdentityFailure::OtherSession));
    }
    let kind = CertKind::parse(&c.kind).unwrap_or(CertKind::Authentication);
    let message = challenge_message(kind, nonce_text);
    let verifier = app.identity.verifier.clone();
    let now = app.now();
    let (cert, signature) = (cert.to_vec(), signature.to_vec());
    // RSA and CRL work is CPU-bound: off the async runtime.
    let verdict = tokio::task::spawn_blocking(move || {
        verifier.verify(kind, &cert, &message, &signature, now)
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?;
    let v = match verdict {
        Ok(v) => v,
        Err(failure) => {
            refuse(app, &c, failure, ip).await?;
            return Ok(Err(failure));
        }
    };
    let json = v.basic4.as_ref().map(basic4_to_json);
    let mut tx = app.db.begin().await?;
    let recorded = store::answer(
        &mut tx,
        c.id,
        &store::Answer {
            outcome: "verified",
            failure: None,
            cert_fingerprint: Some(&v.fingerprint),
            cert_serial: Some(&v.serial),
            revocation_checked: v.revocation_checked,
            basic4: json.as_deref(),
        },
        now,
    )
    .await?;
    if !recorded {
        // Another answer won the race: this one is a replay.
        return Ok(Err(IdentityFailure::CodeUsed));
    }
    audit::record(
        &mut tx,
        &audit::AuditEntry {
            actor: &format!("user:{}", c.user_id),
            action: "identity.verified",
            subject: Some(&format!("identity_challenge:{}", c.id)),
            ip: Some(ip),
            detail: Some(&format!(
                "{} {}{}",
                c.kind,
                v.fingerprint,
                if v.revocation_checked {
                    ""
                } else {
                    " revocation-not-checked"
                }
            )),
        },
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    Ok(Ok(()))
}

fn basic4_to_json(b: &Basic4) -> String {
    serde_json::json!({
        "name": b.name,
        "sex": b.sex.digit(),
        "era": b.era.digit().to_string(),
        "dob": b.date_of_birth.canonical(),
        "dob_unknown": b.date_of_birth.unknown().code(),
        "address": b.address,
    })
    .to_string()
}

fn basic4_from_json(s: &str) -> Option<Basic4> {
    let v: serde_json::Value = serde_json::from_str(s).ok()?;
    let text = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_owned);
    let unknown = DateUnknown::parse(&text("dob_unknown")?)?;
    Some(Basic4 {
        name: text("name")?,
        sex: CardSex::parse_digit(&text("sex")?)?,
        era: Era::from_digit(text("era")?.chars().next()?)?,
        date_of_birth: PartialDate::parse(unknown, &text("dob")?).ok()?,
        address: text("address")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic4_round_trips_through_json() {
        let b = Basic4 {
            name: "山田\u{3000}花子".into(),
            sex: CardSex::Female,
            era: Era::Heisei,
            date_of_birth: PartialDate::YearMonth {
                year: 1995,
                month: 4,
            },
            address: "東京都千代田区".into(),
        };
        assert_eq!(basic4_from_json(&basic4_to_json(&b)), Some(b));
    }
}
