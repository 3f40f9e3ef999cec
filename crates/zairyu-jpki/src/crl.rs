//! Revocation behind an adapter. J-LIS publishes revocation through its own service (CRL daily or
//! OCSP) whose interface is not public, so the verifier only asks a [`Revocation`]. Implemented: X.509
//! CRL files (DER or PEM), re-read when a file changes. A development setting may switch checking
//! off ([`NoRevocationCheck`]); the answer then says so, and the pages show it.

use crate::roots::TrustAnchor;
use der::{Decode, Encode};
use rsa::pkcs1v15::{Signature, VerifyingKey};
use rsa::signature::Verifier as _;
use sha2::Sha256;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;
use x509_cert::crl::CertificateList;
use x509_cert::name::Name;

/// What the revocation source says about one certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevocationStatus {
    /// A current list from the issuer does not name it.
    Good,
    Revoked,
    /// No current, correctly signed list from the issuer: the verifier fails closed.
    Unavailable,
    /// Checking is switched off (development only).
    NotChecked,
}

/// A source of revocation status.
pub trait Revocation: Send + Sync + std::fmt::Debug {
    /// The status of the certificate with this serial number, issued by `issuer`, at `now_ms`.
    fn status(&self, issuer: &TrustAnchor, serial: &[u8], now_ms: i64) -> RevocationStatus;
}

/// Development only: no revocation check. Every answer is [`RevocationStatus::NotChecked`].
#[derive(Debug, Clone, Copy, Default)]
pub struct NoRevocationCheck;

impl Revocation for NoRevocationCheck {
    fn status(&self, _: &TrustAnchor, _: &[u8], _: i64) -> RevocationStatus {
        RevocationStatus::NotChecked
    }
}

/// One parsed list.
#[derive(Debug)]
struct Crl {
    issuer: Name,
    tbs: Vec<u8>,
    algorithm: der::asn1::ObjectIdentifier,
    signature: Vec<u8>,
    this_update: i64,
    next_update: Option<i64>,
    revoked: HashSet<Vec<u8>>,
}

#[derive(Debug, Default)]
struct FileState {
    /// Modification time and length when last read; a change of either re-reads the file.
    stamp: Option<(SystemTime, u64)>,
    crls: Vec<Crl>,
    problem: Option<String>,
}

/// CRL files, each DER or PEM (one or several `X509 CRL` blocks).
#[derive(Debug)]
pub struct CrlFiles {
    paths: Vec<PathBuf>,
    state: Mutex<Vec<FileState>>,
}

impl CrlFiles {
    pub fn new(paths: Vec<PathBuf>) -> CrlFiles {
        let state = paths.iter().map(|_| FileState::default()).collect();
        let files = CrlFiles {
            paths,
            state: Mutex::new(state),
        };
        files.refresh();
        files
    }

    /// Files that could not be read or parsed, with why (for the start-up log).
    pub fn problems(&self) -> Vec<String> {
        self.refresh();
        match self.state.lock() {
            Ok(s) => s.iter().filter_map(|f| f.problem.clone()).collect(),
            Err(_) => vec!["revocation list state poisoned".into()],
        }
    }

    /// How many lists are loaded.
    pub fn loaded(&self) -> usize {
        self.refresh();
        self.state
            .lock()
            .map(|s| s.iter().map(|f| f.crls.len()).sum())
            .unwrap_or(0)
    }

    /// Re-reads every file whose modification time or length changed.
    fn refresh(&self) {
        let Ok(mut state) = self.state.lock() else {
            return;
        };
        for (path, file) in self.paths.iter().zip(state.iter_mut()) {
            let stamp = std::fs::metadata(path)
                .ok()
                .and_then(|m| Some((m.modified().ok()?, m.len())));
            if stamp.is_some() && stamp == file.stamp {
                continue;
            }
            file.stamp = stamp;
            match read(path) {
                Ok(crls) => {
                    file.crls = crls;
                    file.problem = None;
                }
                Err(e) => {
                    // A list that cannot be read any more is dropped, never kept stale: the
                    // certificates it covered become "unavailable" and are refused.
                    file.crls.clear();
                    file.problem = Some(format!("{}: {e}", path.display()));
                }
            }
        }
    }
}

impl Revocation for CrlFiles {
    fn status(&self, issuer: &TrustAnchor, serial: &[u8], now_ms: i64) -> RevocationStatus {
        self.refresh();
        let Ok(state) = self.state.lock() else {
            return RevocationStatus::Unavailable;
        };
        let key = VerifyingKey::<Sha256>::new(issuer.key.clone());
        let mut current = false;
        for crl in state.iter().flat_map(|f| f.crls.iter()) {
            if crl.issuer != issuer.cert.tbs_certificate.subject
                || crl.algorithm != crate::verify::SHA256_WITH_RSA
            {
                continue;
            }
            let Ok(sig) = Signature::try_from(crl.signature.as_slice()) else {
                continue;
            };
            if key.verify(&crl.tbs, &sig).is_err() {
                continue;
            }
            if crl.this_update > now_ms || crl.next_update.is_some_and(|n| n < now_ms) {
                continue;
            }
            if crl.revoked.contains(serial) {
                return RevocationStatus::Revoked;
            }
            current = true;
        }
        if current {
            RevocationStatus::Good
        } else {
            RevocationStatus::Unavailable
        }
    }
}

fn read(path: &Path) -> Result<Vec<Crl>, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let ders: Vec<Vec<u8>> = if bytes.starts_with(b"-----BEGIN") || bytes.starts_with(b"\n-----") {
        pem_blocks(&bytes)?
    } else {
        vec![bytes]
    };
    if ders.is_empty() {
        return Err("no X509 CRL block".into());
    }
    ders.iter().map(|d| parse(d)).collect()
}

/// Every `X509 CRL` block of a PEM text.
fn pem_blocks(bytes: &[u8]) -> Result<Vec<Vec<u8>>, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "PEM is not text".to_string())?;
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN X509 CRL-----") {
        let end_marker = "-----END X509 CRL-----";
        let Some(end) = rest[start..].find(end_marker) else {
            return Err("unterminated PEM block".into());
        };
        let block = &rest[start..start + end + end_marker.len()];
        let (label, der) = der::pem::decode_vec(block.as_bytes()).map_err(|e| e.to_string())?;
        if label == "X509 CRL" {
            out.push(der);
        }
        rest = &rest[start + end + end_marker.len()..];
    }
    Ok(out)
}

fn parse(der: &[u8]) -> Result<Crl, String> {
    let list = CertificateList::from_der(der).map_err(|e| e.to_string())?;
    let tbs = list.tbs_cert_list.to_der().map_err(|e| e.to_string())?;
    let revoked = list
        .tbs_cert_list
        .revoked_certificates
        .iter()
        .flatten()
        .map(|r| r.serial_number.as_bytes().to_vec())
        .collect();
    Ok(Crl {
        issuer: list.tbs_cert_list.issuer.clone(),
        tbs,
        algorithm: list.signature_algorithm.oid,
        signature: list.signature.raw_bytes().to_vec(),
        this_update: crate::ms(&list.tbs_cert_list.this_update),
        next_update: list.tbs_cert_list.next_update.as_ref().map(crate::ms),
        revoked,
    })
}
