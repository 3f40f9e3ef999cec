//! RFC 6238 codes (SHA-1, 30-second steps, six digits), for the officer's second factor.

use hmac::{Hmac, Mac};

/// RFC 4648 base32 without padding, as authenticator apps show secrets.
fn base32(s: &str) -> Option<Vec<u8>> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut bits = 0u64;
    let mut n = 0;
    let mut out = Vec::new();
    for c in s.bytes().filter(|c| *c != b'=' && *c != b' ') {
        let v = ALPHABET.iter().position(|a| *a == c.to_ascii_uppercase())? as u64;
        bits = (bits << 5) | v;
        n += 5;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
            bits &= (1 << n) - 1;
        }
    }
    Some(out)
}

/// The code for the time step that holds `unix_secs`.
pub fn code(secret_b32: &str, unix_secs: u64) -> Option<String> {
    let key = base32(secret_b32)?;
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(&key).ok()?;
    mac.update(&(unix_secs / 30).to_be_bytes());
    let h = mac.finalize().into_bytes();
    let off = (h[19] & 0x0f) as usize;
    let v = u32::from_be_bytes([h[off] & 0x7f, h[off + 1], h[off + 2], h[off + 3]]);
    Some(format!("{:06}", v % 1_000_000))
}

#[cfg(test)]
mod tests {
    /// RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (eight digits), so 287082.
    #[test]
    fn rfc_vector() {
        // "12345678901234567890" in base32.
        let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assert_eq!(super::code(secret, 59).as_deref(), Some("287082"));
    }
}
