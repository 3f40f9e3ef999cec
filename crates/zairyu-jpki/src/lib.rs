//! My Number Card (JPKI) certificate verification, with no OpenSSL: a certificate is accepted only
//! when it chains to a pinned root of the right kind (J-LIS issues end-entity certificates directly
//! from its roots, so a chain is one signature), is within its validity, carries the key usage and
//! certificate policy of its kind, is not revoked (behind the [`Revocation`] adapter), and has signed
//! the server's nonce with RSA PKCS#1 v1.5 SHA-256. A signature certificate also yields the basic 4
//! information.
//!
//! Signature and user-authentication certificates have separate trust stores ([`TrustStores`]): a
//! certificate of one kind is never accepted where the other is needed.
//!
//! This crate judges one certificate at a time. The two certificates of one card share no
//! identifier (separate roots, unrelated serials, no name in the user-authentication certificate,
//! and the signature certificate is reissued alone on a change of address), so nothing here can
//! tell whether two readings came from the same card. How the application links the two readings
//! instead (one challenge chain per browser session, the second within minutes of the first) and
//! what that does not guarantee is written in `zairyu_app::identity`.

mod basic4;
mod crl;
#[cfg(feature = "dev-ca")]
pub mod dev;
mod roots;
mod verify;

pub use basic4::{OID_ADDRESS, OID_ADDRESS_FLAGS, OID_DOB, OID_NAME, OID_NAME_FLAGS, OID_SEX};
pub use crl::{CrlFiles, NoRevocationCheck, Revocation, RevocationStatus};
pub use roots::{TrustAnchor, TrustStore, TrustStores};
pub use verify::{Verified, Verifier};
pub use zairyu_domain::identity::challenge_message;
pub use zairyu_domain::{Basic4, CertKind, IdentityFailure};

/// Certificate policy of signature certificates (`1.2.392.200149.8.5.1.1.20`).
pub const POLICY_SIGNATURE: &str = "1.2.392.200149.8.5.1.1.20";
/// Certificate policy of user-authentication certificates (`1.2.392.200149.8.5.1.3.30`).
pub const POLICY_AUTHENTICATION: &str = "1.2.392.200149.8.5.1.3.30";

/// The policy a certificate of this kind must carry.
pub fn policy_of(kind: CertKind) -> &'static str {
    match kind {
        CertKind::Signature => POLICY_SIGNATURE,
        CertKind::Authentication => POLICY_AUTHENTICATION,
    }
}

/// Why a trust store or revocation list could not be loaded (configuration problems, reported at
/// start-up; never a user's doing).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{0}: not a PEM certificate: {1}")]
    Pem(String, String),
    #[error("{0}: not an RSA certification authority certificate")]
    NotRsa(String),
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
}

/// Milliseconds since the epoch of an X.509 time.
pub(crate) fn ms(t: &x509_cert::time::Time) -> i64 {
    i64::try_from(t.to_unix_duration().as_millis()).unwrap_or(i64::MAX)
}

/// Lower-case hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
