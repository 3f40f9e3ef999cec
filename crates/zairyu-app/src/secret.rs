//! The server key: derives email tokens, CSRF tokens and (later) save-file keys. Never printed.

use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};

#[derive(Clone)]
pub struct SecretKey([u8; 32]);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(**redacted**)")
    }
}

impl SecretKey {
    pub fn from_bytes(b: [u8; 32]) -> SecretKey {
        SecretKey(b)
    }

    pub fn random() -> SecretKey {
        let mut b = [0u8; 32];
        rand::thread_rng().fill_bytes(&mut b);
        SecretKey(b)
    }

    /// HMAC-SHA256 of `data` under this key, separated by `label` so uses never collide.
    pub fn mac(&self, label: &str, data: &[u8]) -> [u8; 32] {
        // HMAC accepts keys of any length, so this cannot fail.
        let mut m = match <Hmac<Sha256> as Mac>::new_from_slice(&self.0) {
            Ok(m) => m,
            Err(_) => unreachable_key(),
        };
        m.update(label.as_bytes());
        m.update(&[0]);
        m.update(data);
        m.finalize().into_bytes().into()
    }
}

#[cold]
fn unreachable_key() -> Hmac<Sha256> {
    // new_from_slice only fails for fixed-size MACs; HMAC takes any key length.
    panic!("HMAC rejected a 32-byte key")
}

/// Random bytes as URL-safe base64 (session ids, nonces).
pub fn random_token(bytes: usize) -> String {
    let mut b = vec![0u8; bytes];
    rand::thread_rng().fill_bytes(&mut b);
    b64(&b)
}

pub fn b64(b: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
}

/// SHA-256 as lower-case hex: what the database stores instead of a token.
pub fn sha256_hex(s: &str) -> String {
    let d = Sha256::digest(s.as_bytes());
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares two strings in time independent of where they differ.
pub fn same(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}
