//! argon2id hashing, run on the blocking pool so a login never stalls the async runtime; a semaphore
//! bounds how many hashes run at once so a burst of logins cannot exhaust memory.

use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::Arc;
use tokio::sync::Semaphore;
use zairyu_domain::Password;

/// Cost parameters, from configuration.
#[derive(Debug, Clone, Copy, serde::Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Argon2Cost {
    /// Memory in KiB.
    pub m_cost: u32,
    pub t_cost: u32,
    pub p_cost: u32,
}

impl Default for Argon2Cost {
    /// OWASP's first recommended argon2id setting (19 MiB, 2 passes, 1 lane).
    fn default() -> Self {
        Argon2Cost {
            m_cost: 19_456,
            t_cost: 2,
            p_cost: 1,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("argon2: {0}")]
    Argon2(String),
    #[error("hashing task failed")]
    Join,
}

#[derive(Clone, Debug)]
pub struct Hasher {
    cost: Argon2Cost,
    permits: Arc<Semaphore>,
    dummy: Arc<String>,
}

impl Hasher {
    pub fn new(cost: Argon2Cost) -> Result<Hasher, HashError> {
        let permits = Arc::new(Semaphore::new(
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2)
                * 2,
        ));
        let dummy = Arc::new(hash_now(cost, "Dummy-password-1!")?);
        Ok(Hasher {
            cost,
            permits,
            dummy,
        })
    }

    pub async fn hash(&self, pw: &Password) -> Result<String, HashError> {
        let _permit = self.permits.acquire().await.map_err(|_| HashError::Join)?;
        let cost = self.cost;
        let pw = pw.expose().to_owned();
        tokio::task::spawn_blocking(move || hash_now(cost, &pw))
            .await
            .map_err(|_| HashError::Join)?
    }

    /// Checks a password against a stored hash. With no hash (unknown user) it checks against a
    /// dummy hash, so the answer takes as long either way and reveals nothing.
    pub async fn verify(&self, hash: Option<&str>, pw: &str) -> Result<bool, HashError> {
        let _permit = self.permits.acquire().await.map_err(|_| HashError::Join)?;
        let known = hash.is_some();
        let hash = hash
            .map(str::to_owned)
            .unwrap_or_else(|| (*self.dummy).clone());
        let pw = pw.to_owned();
        let ok = tokio::task::spawn_blocking(move || {
            let parsed = PasswordHash::new(&hash).map_err(|e| HashError::Argon2(e.to_string()))?;
            Ok::<bool, HashError>(
                Argon2::default()
                    .verify_password(pw.as_bytes(), &parsed)
                    .is_ok(),
            )
        })
        .await
        .map_err(|_| HashError::Join)??;
        Ok(ok && known)
    }
}

fn hash_now(cost: Argon2Cost, pw: &str) -> Result<String, HashError> {
    let params = Params::new(cost.m_cost, cost.t_cost, cost.p_cost, None)
        .map_err(|e| HashError::Argon2(e.to_string()))?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    let salt = SaltString::generate(&mut OsRng);
    argon
        .hash_password(pw.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| HashError::Argon2(e.to_string()))
}
