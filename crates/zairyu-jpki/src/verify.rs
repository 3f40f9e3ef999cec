//! The verifier: one certificate and one signature over the server's nonce.

use crate::crl::{Revocation, RevocationStatus};
use crate::roots::{TrustAnchor, TrustStores};
use crate::{hex, ms, policy_of};
use der::asn1::ObjectIdentifier;
use der::{Decode, Encode};
use rsa::RsaPublicKey;
use rsa::pkcs1v15::{Signature, VerifyingKey};
use rsa::pkcs8::DecodePublicKey;
use rsa::signature::Verifier as _;
use rsa::traits::PublicKeyParts;
use sha2::{Digest, Sha256};
use std::sync::Arc;
use x509_cert::Certificate;
use x509_cert::ext::pkix::{BasicConstraints, CertificatePolicies, KeyUsage};
use zairyu_domain::{Basic4, CertKind, IdentityFailure};

pub(crate) const SHA256_WITH_RSA: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
/// The smallest end-entity key accepted (the card profile is RSA-2048).
const MIN_KEY_BITS: usize = 2048;
/// Certificates larger than this are not card certificates (they are about 1.5 KB).
const MAX_CERT_BYTES: usize = 16 * 1024;

/// What a successful verification established.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub kind: CertKind,
    /// Serial number, hex.
    pub serial: String,
    /// SHA-256 of the certificate, hex.
    pub fingerprint: String,
    /// The root it chains to (its label).
    pub root: String,
    pub not_after_ms: i64,
    /// False only when revocation checking is switched off (development).
    pub revocation_checked: bool,
    /// For a signature certificate.
    pub basic4: Option<Basic4>,
}

/// Verifies card certificates and signatures against pinned roots.
#[derive(Debug, Clone)]
pub struct Verifier {
    stores: Arc<TrustStores>,
    revocation: Arc<dyn Revocation>,
}

impl Verifier {
    pub fn new(stores: TrustStores, revocation: Arc<dyn Revocation>) -> Verifier {
        Verifier {
            stores: Arc::new(stores),
            revocation,
        }
    }

    pub fn stores(&self) -> &TrustStores {
        &self.stores
    }

    /// Verifies that `cert` (DER, or PEM) is a valid certificate of `kind` and that it signed
    /// `message` with `signature` (RSA PKCS#1 v1.5, SHA-256), at `now_ms`.
    pub fn verify(
        &self,
        kind: CertKind,
        cert: &[u8],
        message: &[u8],
        signature: &[u8],
        now_ms: i64,
    ) -> Result<Verified, IdentityFailure> {
        if cert.is_empty() || cert.len() > MAX_CERT_BYTES || signature.is_empty() {
            return Err(IdentityFailure::Malformed);
        }
        let der = if cert.starts_with(b"-----BEGIN") {
            let (label, der) =
                der::pem::decode_vec(cert).map_err(|_| IdentityFailure::Malformed)?;
            if label != "CERTIFICATE" {
                return Err(IdentityFailure::Malformed);
            }
            der
        } else {
            cert.to_vec()
        };
        let c = Certificate::from_der(&der).map_err(|_| IdentityFailure::Malformed)?;
        let tbs = c
            .tbs_certificate
            .to_der()
            .map_err(|_| IdentityFailure::Malformed)?;
        if c.signature_algorithm.oid != SHA256_WITH_RSA
            || c.tbs_certificate.signature.oid != SHA256_WITH_RSA
        {
            return Err(IdentityFailure::Unsupported);
        }
        let anchor = match issuer(&self.stores, kind, &c, &tbs) {
            Some(a) => a,
            None if issuer(&self.stores, other(kind), &c, &tbs).is_some() => {
                return Err(IdentityFailure::WrongKind);
            }
            None => return Err(IdentityFailure::UnknownIssuer),
        };
        // Within the validity of the certificate and of its root.
        let v = &c.tbs_certificate.validity;
        if ms(&v.not_before) > now_ms {
            return Err(IdentityFailure::NotYetValid);
        }
        if ms(&v.not_after) < now_ms || anchor.not_after_ms() < now_ms {
            return Err(IdentityFailure::Expired);
        }
        check_use(kind, &c)?;
        let key = subject_key(&c)?;
        let sig = Signature::try_from(signature).map_err(|_| IdentityFailure::Malformed)?;
        VerifyingKey::<Sha256>::new(key)
            .verify(message, &sig)
            .map_err(|_| IdentityFailure::BadSignature)?;
        let serial = c.tbs_certificate.serial_number.as_bytes();
        let revocation_checked = match self.revocation.status(anchor, serial, now_ms) {
            RevocationStatus::Good => true,
            RevocationStatus::NotChecked => false,
            RevocationStatus::Revoked => return Err(IdentityFailure::Revoked),
            RevocationStatus::Unavailable => return Err(IdentityFailure::RevocationUnavailable),
        };
        let basic4 = match kind {
            CertKind::Signature => Some(crate::basic4::extract(&c)?),
            CertKind::Authentication => None,
        };
        Ok(Verified {
            kind,
            serial: hex(serial),
            fingerprint: hex(&Sha256::digest(&der)),
            root: anchor.label.clone(),
            not_after_ms: ms(&v.not_after),
            revocation_checked,
            basic4,
        })
    }
}

fn other(kind: CertKind) -> CertKind {
    match kind {
        CertKind::Signature => CertKind::Authentication,
        CertKind::Authentication => CertKind::Signature,
    }
}

/// The root of `kind` that issued `c`: same name and its key verifies the signature. Several roots
/// may share a name (J-LIS's 2015 and 2023 roots do), so every one with the name is tried.
fn issuer<'a>(
    stores: &'a TrustStores,
    kind: CertKind,
    c: &Certificate,
    tbs: &[u8],
) -> Option<&'a TrustAnchor> {
    let sig = Signature::try_from(c.signature.raw_bytes()).ok()?;
    stores.store(kind).anchors.iter().find(|a| {
        a.cert.tbs_certificate.subject == c.tbs_certificate.issuer
            && VerifyingKey::<Sha256>::new(a.key.clone())
                .verify(tbs, &sig)
                .is_ok()
    })
}

/// Key usage and certificate policy of a card certificate of `kind`; never a CA certificate.
fn check_use(kind: CertKind, c: &Certificate) -> Result<(), IdentityFailure> {
    let tbs = &c.tbs_certificate;
    if let Ok(Some((_, bc))) = tbs.get::<BasicConstraints>()
        && bc.ca
    {
        return Err(IdentityFailure::NotForThisUse);
    }
    let ku = match tbs.get::<KeyUsage>() {
        Ok(Some((_, ku))) => ku,
        Ok(None) => return Err(IdentityFailure::NotForThisUse),
        Err(_) => return Err(IdentityFailure::Malformed),
    };
    let usage_ok = match kind {
        CertKind::Signature => ku.digital_signature() && ku.non_repudiation(),
        CertKind::Authentication => ku.digital_signature(),
    };
    if !usage_ok || ku.key_cert_sign() || ku.crl_sign() {
        return Err(IdentityFailure::NotForThisUse);
    }
    let policies = match tbs.get::<CertificatePolicies>() {
        Ok(Some((_, p))) => p,
        Ok(None) => return Err(IdentityFailure::NotForThisUse),
        Err(_) => return Err(IdentityFailure::Malformed),
    };
    let has = |oid: &str| {
        policies
            .0
            .iter()
            .any(|p| p.policy_identifier.to_string() == oid)
    };
    if has(policy_of(other(kind))) {
        return Err(IdentityFailure::WrongKind);
    }
    if !has(policy_of(kind)) {
        return Err(IdentityFailure::NotForThisUse);
    }
    Ok(())
}

/// The certificate's RSA key, at least 2048 bits.
fn subject_key(c: &Certificate) -> Result<RsaPublicKey, IdentityFailure> {
    let spki = &c.tbs_certificate.subject_public_key_info;
    if spki.algorithm.oid != RSA_ENCRYPTION {
        return Err(IdentityFailure::Unsupported);
    }
    let der = spki.to_der().map_err(|_| IdentityFailure::Malformed)?;
    let key = RsaPublicKey::from_public_key_der(&der).map_err(|_| IdentityFailure::Malformed)?;
    if key.size() * 8 < MIN_KEY_BITS {
        return Err(IdentityFailure::Unsupported);
    }
    Ok(key)
}
