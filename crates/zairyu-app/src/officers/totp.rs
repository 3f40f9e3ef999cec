//! Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps, six digits —
//! the parameters every authenticator app accepts. The secret is sealed with the server key before
//! it is stored, and bound to the officer it belongs to.

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha1::Sha1;

use crate::SecretKey;

pub const STEP_SECONDS: i64 = 30;
const DIGITS: u32 = 6;

/// A fresh 160-bit secret (the size RFC 4226 recommends).
pub fn new_secret() -> Vec<u8> {
    let mut s = vec![0u8; 20];
    rand::thread_rng().fill_bytes(&mut s);
    s
}

/// The code of one time step.
pub fn code(secret: &[u8], step: i64) -> String {
    let Ok(mut mac) = <Hmac<Sha1> as Mac>::new_from_slice(secret) else {
        return String::new();
    };
    mac.update(&step.to_be_bytes());
    let h = mac.finalize().into_bytes();
    let offset = usize::from(h[19] & 0x0f);
    let bin = (u32::from(h[offset]) & 0x7f) << 24
        | u32::from(h[offset + 1]) << 16
        | u32::from(h[offset + 2]) << 8
        | u32::from(h[offset + 3]);
    format!("{:06}", bin % 10u32.pow(DIGITS))
}

pub fn step_at(now_ms: i64) -> i64 {
    now_ms.div_euclid(1000 * STEP_SECONDS)
}

/// The time step a typed code belongs to, allowing one step of clock drift either way.
pub fn matching_step(secret: &[u8], typed: &str, now_ms: i64) -> Option<i64> {
    let typed: String = zairyu_domain::text::fold_width(typed)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if typed.len() != DIGITS as usize || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let now = step_at(now_ms);
    (now - 1..=now + 1).find(|s| crate::secret::same(&code(secret, *s), &typed))
}

/// RFC 4648 base32 without padding, as authenticator apps expect.
pub fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::new();
    let mut buf: u32 = 0;
    let mut bits = 0;
    for &b in bytes {
        buf = (buf << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buf >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buf << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// The `otpauth://` URI an authenticator app reads from the QR code.
pub fn uri(issuer: &str, account: &str, secret: &[u8]) -> String {
    let enc = |s: &str| -> String {
        s.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect()
    };
    format!(
        "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits=6&period=30",
        enc(issuer),
        enc(account),
        base32(secret),
        enc(issuer)
    )
}

fn cipher(key: &SecretKey) -> Option<Aes256Gcm> {
    Aes256Gcm::new_from_slice(&key.mac("officer-totp-seal", b"")).ok()
}

/// Seals a secret for officer `officer_id` (nonce ‖ ciphertext, base64).
pub fn seal(key: &SecretKey, officer_id: i64, secret: &[u8]) -> Option<String> {
    let mut nonce = [0u8; 12];
    rand::thread_rng().fill_bytes(&mut nonce);
    let aad = officer_id.to_be_bytes();
    let ct = cipher(key)?
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: secret,
                aad: &aad,
            },
        )
        .ok()?;
    let mut all = nonce.to_vec();
    all.extend_from_slice(&ct);
    Some(base64::engine::general_purpose::STANDARD.encode(all))
}

/// Opens a sealed secret; None if it was not sealed for this officer with this key.
pub fn open(key: &SecretKey, officer_id: i64, sealed: &str) -> Option<Vec<u8>> {
    let all = base64::engine::general_purpose::STANDARD
        .decode(sealed)
        .ok()?;
    if all.len() < 12 + 16 {
        return None;
    }
    let (nonce, ct) = all.split_at(12);
    let aad = officer_id.to_be_bytes();
    cipher(key)?
        .decrypt(Nonce::from_slice(nonce), Payload { msg: ct, aad: &aad })
        .ok()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// RFC 6238 appendix B, SHA-1 column (the last six digits of its eight).
    #[test]
    fn rfc6238_vectors() {
        let secret = b"12345678901234567890";
        for (t, expect) in [
            (59i64, "287082"),
            (1_111_111_109, "081804"),
            (1_111_111_111, "050471"),
            (1_234_567_890, "005924"),
            (2_000_000_000, "279037"),
        ] {
            assert_eq!(code(secret, t / 30), expect, "t={t}");
        }
    }

    #[test]
    fn drift_of_one_step_is_allowed_and_no_more() {
        let secret = new_secret();
        let now = 1_700_000_000_000;
        let step = step_at(now);
        assert_eq!(
            matching_step(&secret, &code(&secret, step), now),
            Some(step)
        );
        assert_eq!(
            matching_step(&secret, &code(&secret, step - 1), now),
            Some(step - 1)
        );
        assert_eq!(matching_step(&secret, &code(&secret, step + 2), now), None);
        assert_eq!(matching_step(&secret, "12345", now), None);
        assert_eq!(matching_step(&secret, "abcdef", now), None);
    }

    #[test]
    fn base32_matches_rfc4648() {
        assert_eq!(base32(b"foobar"), "MZXW6YTBOI");
        assert_eq!(base32(b"f"), "MY");
    }

    #[test]
    fn sealed_secrets_are_bound_to_their_officer() {
        let key = SecretKey::random();
        let s = new_secret();
        let sealed = seal(&key, 7, &s).unwrap();
        assert_eq!(open(&key, 7, &sealed), Some(s));
        assert_eq!(open(&key, 8, &sealed), None);
        assert_eq!(open(&SecretKey::random(), 7, &sealed), None);
    }
}
