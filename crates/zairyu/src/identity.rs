//! Wiring of My Number Card verification: the J-LIS trust stores (plus configured roots and, in
//! development mode, the development CA), the revocation adapter, and the card simulator.

use crate::config::Config;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use zairyu_app::AppError;
use zairyu_app::identity::{
    CardSimulator, CertificateVerifier, Identity, SimCard, SimOutcome, VerifiedCert,
};
use zairyu_domain::{CertKind, IdentityFailure};
use zairyu_jpki::dev::{CardError, DevCa, TestCard};
use zairyu_jpki::{CrlFiles, NoRevocationCheck, Revocation, TrustStores, Verifier};

/// The J-LIS verifier as the application's [`CertificateVerifier`].
#[derive(Debug, Clone)]
pub struct JpkiVerifier(pub Verifier);

impl CertificateVerifier for JpkiVerifier {
    fn verify(
        &self,
        kind: CertKind,
        cert: &[u8],
        message: &[u8],
        signature: &[u8],
        now_ms: i64,
    ) -> Result<VerifiedCert, IdentityFailure> {
        self.0
            .verify(kind, cert, message, signature, now_ms)
            .map(|v| VerifiedCert {
                fingerprint: v.fingerprint,
                serial: v.serial,
                revocation_checked: v.revocation_checked,
                basic4: v.basic4,
            })
    }
}

/// Test cards kept as JSON files in a folder (`zairyu card new`).
#[derive(Debug)]
pub struct FileCards {
    dir: PathBuf,
    /// One answer at a time, so wrong-PIN counts are never lost to a race.
    lock: std::sync::Mutex<()>,
}

impl FileCards {
    pub fn new(dir: PathBuf) -> FileCards {
        FileCards {
            dir,
            lock: std::sync::Mutex::new(()),
        }
    }

    fn path(&self, id: &str) -> Option<PathBuf> {
        let ok = !id.is_empty()
            && id.len() <= 64
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| self.dir.join(format!("{id}.json")))
    }
}

/// The ids of the cards in a folder, sorted.
pub fn card_ids(dir: &Path) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| {
                    e.file_name()
                        .to_str()
                        .and_then(|n| n.strip_suffix(".json"))
                        .map(str::to_owned)
                })
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    ids
}

impl CardSimulator for FileCards {
    fn cards(&self) -> Vec<SimCard> {
        card_ids(&self.dir)
            .into_iter()
            .filter_map(|id| {
                let card = TestCard::load(&self.path(&id)?).ok()?;
                Some(SimCard {
                    holder: format!("{} ({id})", card.holder_name),
                    auth_locked: card.locked(CertKind::Authentication),
                    sign_locked: card.locked(CertKind::Signature),
                    id,
                })
            })
            .collect()
    }

    fn answer(
        &self,
        card: &str,
        kind: CertKind,
        secret: &str,
        nonce: &str,
    ) -> Result<SimOutcome, AppError> {
        let _guard = self
            .lock
            .lock()
            .map_err(|_| AppError::Internal("card lock poisoned".into()))?;
        let Some(path) = self.path(card).filter(|p| p.exists()) else {
            return Ok(SimOutcome::NoSuchCard);
        };
        let err = |e: zairyu_jpki::dev::DevError| AppError::Internal(e.to_string());
        let mut c = TestCard::load(&path).map_err(err)?;
        let outcome = c.answer(kind, secret, nonce).map_err(err)?;
        c.save(&path).map_err(err)?;
        Ok(match outcome {
            Ok((cert, signature)) => SimOutcome::Signed { cert, signature },
            Err(CardError::WrongPin { left }) => SimOutcome::WrongPin { left },
            Err(CardError::Locked) => SimOutcome::Locked,
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    #[error("trust store: {0}")]
    Roots(#[from] zairyu_jpki::LoadError),
    #[error("development CA: {0}")]
    Dev(#[from] zairyu_jpki::dev::DevError),
    #[error("development CA revocation list {0}: {1}")]
    DevCrl(String, std::io::Error),
}

/// How long the development CA's revocation lists stay current: written anew at every start, so a
/// development server running longer than this refuses readings (fail-closed) until restarted.
const DEV_CRL_DAYS: i64 = 30;

/// Builds the identity parts from configuration. In development mode the development CA (made on
/// first use in `<data_dir>/jpki-dev/`) is trusted and the card simulator is on; never otherwise.
pub fn build(cfg: &Config) -> Result<Identity, IdentityError> {
    let mut stores = TrustStores::jlis()?;
    for p in &cfg.jpki.signature_roots {
        stores.add_file(CertKind::Signature, p)?;
    }
    for p in &cfg.jpki.authentication_roots {
        stores.add_file(CertKind::Authentication, p)?;
    }
    let mut simulator: Option<Arc<dyn CardSimulator>> = None;
    let mut crl_files = cfg.jpki.crl_files.clone();
    if cfg.development() {
        let dir = cfg.jpki_dev_dir();
        let ca = DevCa::open_or_create(&dir)?;
        for (kind, path) in DevCa::root_files(&dir) {
            stores.add_file(kind, &path)?;
        }
        // The development CA publishes its (empty) revocation lists like a real CA, so the
        // development server checks revocation the production way (X.509 CRLs) instead of
        // refusing every reading or needing skip_revocation_check.
        let now = time::OffsetDateTime::now_utc();
        for (kind, name) in [
            (CertKind::Signature, "crl-sign.pem"),
            (CertKind::Authentication, "crl-auth.pem"),
        ] {
            let pem = ca.crl_pem(
                kind,
                &[],
                now - time::Duration::days(1),
                now + time::Duration::days(DEV_CRL_DAYS),
            )?;
            let path = dir.join(name);
            std::fs::write(&path, pem)
                .map_err(|e| IdentityError::DevCrl(path.display().to_string(), e))?;
            crl_files.push(path);
        }
        simulator = Some(Arc::new(FileCards::new(dir.join("cards"))));
        tracing::warn!(dir = %dir.display(), "development mode: the development CA is trusted for My Number Card readings and the card simulator is at /dev/card (never in production)");
    }
    let revocation: Arc<dyn Revocation> = if cfg.jpki.skip_revocation_check {
        tracing::warn!(
            "jpki.skip_revocation_check: My Number Card certificates are NOT checked for revocation (development setting)"
        );
        Arc::new(NoRevocationCheck)
    } else {
        let files = CrlFiles::new(crl_files.clone());
        if crl_files.is_empty() {
            tracing::warn!(
                "no jpki.crl_files configured: every My Number Card reading will be refused as 'revocation status unavailable'"
            );
        }
        for problem in files.problems() {
            tracing::warn!(problem = %problem, "revocation list not usable");
        }
        Arc::new(files)
    };
    for (kind, store) in [
        ("signature", &stores.signature),
        ("authentication", &stores.authentication),
    ] {
        for a in store.anchors() {
            tracing::info!(store = kind, root = %a.label, fingerprint = %a.fingerprint, "trusted My Number Card root");
        }
    }
    Ok(Identity {
        verifier: Arc::new(JpkiVerifier(Verifier::new(stores, revocation))),
        simulator,
        revocation_checking: !cfg.jpki.skip_revocation_check,
    })
}
