//! Contact details with the rules of SPEC §3.3, §4.4 and §6.2. Inputs are folded first (full-width
//! digits, stray spaces, hyphens in phone numbers) because refusing what a phone keyboard typed helps
//! no one; what cannot be folded into the rule is refused with a reason.

use crate::Invalid;
use crate::text::{char_len, fold_width};

/// Longest email address the system accepts (SPEC §6.2).
pub const EMAIL_MAX: usize = 60;
/// Longest name in English letters (SPEC §4.4).
pub const NAME_MAX: usize = 104;
/// Longest telephone number, in digits (SPEC §3.3).
pub const TELEPHONE_MAX: usize = 12;
/// Longest address in Japan, in two-byte characters (SPEC §6.2).
pub const ADDRESS_MAX: usize = 85;

/// An email address: ASCII, one `@`, a dotted domain, at most 60 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Email, Invalid> {
        let s = fold_width(raw).trim().to_owned();
        if s.is_empty() {
            return Err(Invalid::Required);
        }
        if char_len(&s) > EMAIL_MAX {
            return Err(Invalid::TooLong { max: EMAIL_MAX });
        }
        let Some((local, domain)) = s.rsplit_once('@') else {
            return Err(Invalid::Format);
        };
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && local
                .chars()
                .all(|c| c.is_ascii_graphic() && !"()<>[]\\,;:@\"".contains(c))
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..");
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            });
        if !(local_ok && domain_ok) {
            return Err(Invalid::Format);
        }
        Ok(Email(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form used to compare addresses: mail systems treat the domain case-insensitively and
    /// nearly all treat the local part so too.
    pub fn normalized(&self) -> String {
        self.0.to_ascii_lowercase()
    }
}

/// A name in English capital letters (SPEC §3.3, §4.4). Lower-case letters are raised, runs of spaces
/// are folded into one; apostrophes, hyphens, commas and periods found in real names are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnglishName(String);

impl EnglishName {
    pub fn parse(raw: &str) -> Result<EnglishName, Invalid> {
        let folded = fold_width(raw).to_ascii_uppercase();
        let s = folded.split_whitespace().collect::<Vec<_>>().join(" ");
        if s.is_empty() {
            return Err(Invalid::Required);
        }
        if !s
            .chars()
            .all(|c| c.is_ascii_uppercase() || " -',.".contains(c))
        {
            return Err(Invalid::Characters);
        }
        if !s.chars().any(|c| c.is_ascii_uppercase()) {
            return Err(Invalid::Format);
        }
        if char_len(&s) > NAME_MAX {
            return Err(Invalid::TooLong { max: NAME_MAX });
        }
        Ok(EnglishName(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A telephone number: one-byte digits only, at most 12 (SPEC §3.3). Hyphens, spaces and brackets
/// that people type are dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Telephone(String);

impl Telephone {
    pub fn parse(raw: &str) -> Result<Telephone, Invalid> {
        let folded = fold_width(raw);
        let s: String = folded
            .chars()
            .filter(|c| !matches!(c, '-' | ' ' | '(' | ')' | 'ー' | '‐' | '−'))
            .collect();
        if s.is_empty() {
            return Err(Invalid::Required);
        }
        if !s.chars().all(|c| c.is_ascii_digit()) {
            return Err(Invalid::Characters);
        }
        if s.len() > TELEPHONE_MAX {
            return Err(Invalid::TooLong { max: TELEPHONE_MAX });
        }
        if s.len() < 6 {
            return Err(Invalid::TooShort { min: 6 });
        }
        Ok(Telephone(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A Japanese postal code: seven digits; "0000000" stands for "unknown" (SPEC §6.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostalCode(String);

impl PostalCode {
    pub fn parse(raw: &str) -> Result<PostalCode, Invalid> {
        let folded = fold_width(raw);
        let s: String = folded
            .trim()
            .chars()
            .filter(|c| !matches!(c, '-' | 'ー' | '‐' | '−' | '〒'))
            .collect();
        if s.is_empty() {
            return Err(Invalid::Required);
        }
        if !s.chars().all(|c| c.is_ascii_digit()) {
            return Err(Invalid::Characters);
        }
        if s.len() != 7 {
            return Err(Invalid::Format);
        }
        Ok(PostalCode(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// "1000001" shown as "100-0001".
    pub fn display(&self) -> String {
        format!("{}-{}", &self.0[..3], &self.0[3..])
    }
}

/// An address in Japan in two-byte characters, at most 85 (SPEC §6.2). One-byte letters, digits and
/// spaces are widened rather than refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address(String);

impl Address {
    pub fn parse(raw: &str) -> Result<Address, Invalid> {
        let s = crate::text::widen(raw.trim());
        if s.is_empty() {
            return Err(Invalid::Required);
        }
        if s.chars().any(|c| c.is_control() || (c as u32) < 0x80) {
            return Err(Invalid::Characters);
        }
        if char_len(&s) > ADDRESS_MAX {
            return Err(Invalid::TooLong { max: ADDRESS_MAX });
        }
        Ok(Address(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_rules() {
        assert_eq!(
            Email::parse(" a.b@example.jp ").unwrap().as_str(),
            "a.b@example.jp"
        );
        assert_eq!(Email::parse(""), Err(Invalid::Required));
        assert_eq!(Email::parse("no-at-sign"), Err(Invalid::Format));
        assert_eq!(Email::parse("a@localhost"), Err(Invalid::Format));
        assert_eq!(Email::parse("a b@example.jp"), Err(Invalid::Format));
        assert_eq!(Email::parse("a..b@example.jp"), Err(Invalid::Format));
        let long = format!("{}@example.jp", "a".repeat(50));
        assert_eq!(Email::parse(&long), Err(Invalid::TooLong { max: 60 }));
        assert_eq!(
            Email::parse("A@Example.JP").unwrap().normalized(),
            "a@example.jp"
        );
    }

    #[test]
    fn name_rules() {
        assert_eq!(
            EnglishName::parse(" john  o'brien ").unwrap().as_str(),
            "JOHN O'BRIEN"
        );
        assert_eq!(EnglishName::parse("   "), Err(Invalid::Required));
        assert_eq!(EnglishName::parse("山田"), Err(Invalid::Characters));
        assert_eq!(EnglishName::parse("JOHN2"), Err(Invalid::Characters));
        assert_eq!(
            EnglishName::parse(&"A".repeat(105)),
            Err(Invalid::TooLong { max: 104 })
        );
    }

    #[test]
    fn telephone_rules() {
        assert_eq!(
            Telephone::parse("090-1234-5678").unwrap().as_str(),
            "09012345678"
        );
        assert_eq!(
            Telephone::parse("０３１２３４５６７８").unwrap().as_str(),
            "0312345678"
        );
        assert_eq!(Telephone::parse(""), Err(Invalid::Required));
        assert_eq!(Telephone::parse("0312345678a"), Err(Invalid::Characters));
        assert_eq!(
            Telephone::parse("0123456789012"),
            Err(Invalid::TooLong { max: 12 })
        );
    }

    #[test]
    fn postal_and_address_rules() {
        assert_eq!(PostalCode::parse("100-0001").unwrap().display(), "100-0001");
        assert_eq!(
            PostalCode::parse("１０００００１").unwrap().as_str(),
            "1000001"
        );
        assert_eq!(PostalCode::parse("100001"), Err(Invalid::Format));
        assert_eq!(PostalCode::parse("abc"), Err(Invalid::Characters));
        assert_eq!(
            Address::parse("東京都千代田区1-1").unwrap().as_str(),
            "東京都千代田区１－１"
        );
        assert_eq!(
            Address::parse(&"東".repeat(86)),
            Err(Invalid::TooLong { max: 85 })
        );
        assert_eq!(Address::parse("東京\u{7}"), Err(Invalid::Characters));
    }
}
