//! Trust stores: the J-LIS roots compiled in, plus roots added from configuration.

use crate::{LoadError, hex};
use der::{Decode, Encode};
use rsa::RsaPublicKey;
use rsa::pkcs8::DecodePublicKey;
use sha2::{Digest, Sha256};
use x509_cert::Certificate;
use zairyu_domain::CertKind;

/// The J-LIS roots shipped with the project (`roots/README.md`): signature 2015 and 2023.
const JLIS_SIGNATURE: [(&str, &str); 2] = [
    (
        "sign_ca_2015.pem",
        include_str!("../roots/sign_ca_2015.pem"),
    ),
    (
        "sign_ca_2023.pem",
        include_str!("../roots/sign_ca_2023.pem"),
    ),
];
/// The J-LIS roots shipped with the project: user authentication 2015 and 2023.
const JLIS_AUTHENTICATION: [(&str, &str); 2] = [
    (
        "auth_ca_2015.pem",
        include_str!("../roots/auth_ca_2015.pem"),
    ),
    (
        "auth_ca_2023.pem",
        include_str!("../roots/auth_ca_2023.pem"),
    ),
];

/// One pinned root: its certificate and RSA key.
#[derive(Debug, Clone)]
pub struct TrustAnchor {
    pub(crate) cert: Certificate,
    pub(crate) key: RsaPublicKey,
    /// Where it came from (a file name), for logs and the operations page.
    pub label: String,
    /// SHA-256 of the DER, hex.
    pub fingerprint: String,
}

impl TrustAnchor {
    fn from_der(label: &str, der: &[u8]) -> Result<TrustAnchor, LoadError> {
        let cert = Certificate::from_der(der)
            .map_err(|e| LoadError::Pem(label.to_owned(), e.to_string()))?;
        let spki = cert
            .tbs_certificate
            .subject_public_key_info
            .to_der()
            .map_err(|e| LoadError::Pem(label.to_owned(), e.to_string()))?;
        let key = RsaPublicKey::from_public_key_der(&spki)
            .map_err(|_| LoadError::NotRsa(label.to_owned()))?;
        Ok(TrustAnchor {
            cert,
            key,
            label: label.to_owned(),
            fingerprint: hex(&Sha256::digest(der)),
        })
    }

    /// The root's subject, as written in its certificate.
    pub fn subject(&self) -> String {
        self.cert.tbs_certificate.subject.to_string()
    }

    pub fn not_after_ms(&self) -> i64 {
        crate::ms(&self.cert.tbs_certificate.validity.not_after)
    }
}

/// The roots of one kind of certificate.
#[derive(Debug, Clone, Default)]
pub struct TrustStore {
    pub(crate) anchors: Vec<TrustAnchor>,
}

impl TrustStore {
    /// Adds every certificate of a PEM text (one or several `CERTIFICATE` blocks).
    pub fn add_pem(&mut self, label: &str, pem: &str) -> Result<usize, LoadError> {
        let certs = Certificate::load_pem_chain(pem.as_bytes())
            .map_err(|e| LoadError::Pem(label.to_owned(), e.to_string()))?;
        if certs.is_empty() {
            return Err(LoadError::Pem(label.to_owned(), "no certificate".into()));
        }
        let n = certs.len();
        for (i, c) in certs.iter().enumerate() {
            let der = c
                .to_der()
                .map_err(|e| LoadError::Pem(label.to_owned(), e.to_string()))?;
            let name = if n == 1 {
                label.to_owned()
            } else {
                format!("{label}#{}", i + 1)
            };
            let anchor = TrustAnchor::from_der(&name, &der)?;
            if !self
                .anchors
                .iter()
                .any(|a| a.fingerprint == anchor.fingerprint)
            {
                self.anchors.push(anchor);
            }
        }
        Ok(n)
    }

    pub fn anchors(&self) -> &[TrustAnchor] {
        &self.anchors
    }
}

/// The two separate stores.
#[derive(Debug, Clone, Default)]
pub struct TrustStores {
    pub signature: TrustStore,
    pub authentication: TrustStore,
}

impl TrustStores {
    /// The J-LIS roots compiled into the binary.
    pub fn jlis() -> Result<TrustStores, LoadError> {
        let mut s = TrustStores::default();
        for (label, pem) in JLIS_SIGNATURE {
            s.signature.add_pem(label, pem)?;
        }
        for (label, pem) in JLIS_AUTHENTICATION {
            s.authentication.add_pem(label, pem)?;
        }
        Ok(s)
    }

    /// No roots at all (tests, and tools that add their own).
    pub fn empty() -> TrustStores {
        TrustStores::default()
    }

    pub fn store(&self, kind: CertKind) -> &TrustStore {
        match kind {
            CertKind::Signature => &self.signature,
            CertKind::Authentication => &self.authentication,
        }
    }

    pub fn store_mut(&mut self, kind: CertKind) -> &mut TrustStore {
        match kind {
            CertKind::Signature => &mut self.signature,
            CertKind::Authentication => &mut self.authentication,
        }
    }

    /// Adds a PEM file's roots to one store.
    pub fn add_file(&mut self, kind: CertKind, path: &std::path::Path) -> Result<usize, LoadError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| LoadError::Io(path.display().to_string(), e))?;
        self.store_mut(kind)
            .add_pem(&path.display().to_string(), &text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jlis_roots_load_into_separate_stores() {
        let s = TrustStores::jlis().unwrap();
        assert_eq!(s.signature.anchors().len(), 2);
        assert_eq!(s.authentication.anchors().len(), 2);
        for a in s.signature.anchors() {
            assert!(
                a.subject().contains("JPKI for digital signature"),
                "{}",
                a.subject()
            );
        }
        for a in s.authentication.anchors() {
            assert!(a.subject().contains("JPKI for user authentication"));
        }
    }

    #[test]
    fn garbage_is_refused() {
        let mut s = TrustStore::default();
        assert!(s.add_pem("x", "not a certificate").is_err());
    }
}
