//! The id of a stored file.

use rand::RngCore;

/// A stored file's id: 22 characters of URL-safe base64 (128 random bits). It is also the file's
/// key in the store, so it must never contain anything a path could trip over; `parse` is the only
/// way to make one from outside, and it admits exactly what `generate` makes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(String);

const LEN: usize = 22;
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

impl FileId {
    /// A new random id.
    pub fn generate() -> FileId {
        let mut bytes = [0u8; 16];
        rand::thread_rng().fill_bytes(&mut bytes);
        // 128 bits in 22 six-bit digits (the last digit carries 2 bits).
        let mut n = u128::from_be_bytes(bytes);
        let mut s = String::with_capacity(LEN);
        for _ in 0..LEN {
            s.push(char::from(ALPHABET[(n & 63) as usize]));
            n >>= 6;
        }
        FileId(s)
    }

    /// An id as a browser or the database gives it back; `None` for anything `generate` could not
    /// have made.
    pub fn parse(s: &str) -> Option<FileId> {
        (s.len() == LEN && s.bytes().all(|b| ALPHABET.contains(&b))).then(|| FileId(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for FileId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_parse_and_differ() {
        let a = FileId::generate();
        let b = FileId::generate();
        assert_ne!(a, b);
        assert_eq!(FileId::parse(a.as_str()), Some(a.clone()));
        assert_eq!(a.as_str().len(), 22);
    }

    #[test]
    fn anything_else_is_refused() {
        for bad in [
            "",
            "short",
            "../../../../etc/passwd0",
            "AAAAAAAAAAAAAAAAAAAAA/",
            "AAAAAAAAAAAAAAAAAAAAAAA",
            "AAAAAAAAAAAAAAAAAAAAA.",
        ] {
            assert_eq!(FileId::parse(bad), None, "{bad}");
        }
    }
}
