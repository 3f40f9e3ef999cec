//! My Number Card identity (SPEC §7.2, §7.3): the two kinds of certificate on the card, the "basic 4
//! information" read from the signature certificate, and why a reading was refused. Shared by the
//! verifier (`zairyu-jpki`), the use cases and the pages, so each refusal is one code with one
//! translation key wherever it is shown.

use crate::dates::PartialDate;

/// The two certificates of a My Number Card. They chain to separate J-LIS roots and must never be
/// accepted in each other's place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CertKind {
    /// 署名用電子証明書: carries the basic 4 information; used with the 6–16 character password.
    Signature,
    /// 利用者証明用電子証明書: proves the card is present; used with the 4-digit PIN.
    Authentication,
}

impl CertKind {
    /// The stable code stored with a challenge.
    pub fn code(self) -> &'static str {
        match self {
            CertKind::Signature => "sign",
            CertKind::Authentication => "auth",
        }
    }

    pub fn parse(code: &str) -> Option<CertKind> {
        match code {
            "sign" => Some(CertKind::Signature),
            "auth" => Some(CertKind::Authentication),
            _ => None,
        }
    }
}

/// The exact bytes the card signs for a challenge: the purpose and the server's nonce, so a
/// signature made for one step can never answer another.
pub fn challenge_message(kind: CertKind, nonce: &str) -> Vec<u8> {
    format!("zairyu-jpki/1 {} {nonce}", kind.code()).into_bytes()
}

/// Sex as the card records it (1 male, 2 female, 3 not known).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CardSex {
    Male,
    Female,
    Unknown,
}

impl CardSex {
    /// The card's digit.
    pub fn parse_digit(s: &str) -> Option<CardSex> {
        match s.trim() {
            "1" => Some(CardSex::Male),
            "2" => Some(CardSex::Female),
            "3" => Some(CardSex::Unknown),
            _ => None,
        }
    }

    pub fn digit(self) -> &'static str {
        match self {
            CardSex::Male => "1",
            CardSex::Female => "2",
            CardSex::Unknown => "3",
        }
    }

    /// The value forms use for a sex choice (`male`, `female`, `unknown`).
    pub fn code(self) -> &'static str {
        match self {
            CardSex::Male => "male",
            CardSex::Female => "female",
            CardSex::Unknown => "unknown",
        }
    }

    pub fn from_code(code: &str) -> Option<CardSex> {
        match code {
            "male" => Some(CardSex::Male),
            "female" => Some(CardSex::Female),
            "unknown" => Some(CardSex::Unknown),
            _ => None,
        }
    }
}

/// The Japanese era a card's date of birth is prefixed with (1 Meiji … 5 Reiwa). The date itself
/// is Gregorian; the era digit is kept because it is part of what the card says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Era {
    Meiji,
    Taisho,
    Showa,
    Heisei,
    Reiwa,
}

impl Era {
    pub fn from_digit(c: char) -> Option<Era> {
        match c {
            '1' => Some(Era::Meiji),
            '2' => Some(Era::Taisho),
            '3' => Some(Era::Showa),
            '4' => Some(Era::Heisei),
            '5' => Some(Era::Reiwa),
            _ => None,
        }
    }

    pub fn digit(self) -> char {
        match self {
            Era::Meiji => '1',
            Era::Taisho => '2',
            Era::Showa => '3',
            Era::Heisei => '4',
            Era::Reiwa => '5',
        }
    }

    /// The era a Gregorian date falls in (by the first day of each era), for writing test cards.
    pub fn of(year: i32, month: u8, day: u8) -> Era {
        let d = (year, month, day);
        if d >= (2019, 5, 1) {
            Era::Reiwa
        } else if d >= (1989, 1, 8) {
            Era::Heisei
        } else if d >= (1926, 12, 25) {
            Era::Showa
        } else if d >= (1912, 7, 30) {
            Era::Taisho
        } else {
            Era::Meiji
        }
    }
}

/// The basic 4 information (基本4情報) of a signature certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Basic4 {
    /// The name as recorded, family and given name separated by an ideographic space (U+3000).
    pub name: String,
    pub sex: CardSex,
    pub era: Era,
    pub date_of_birth: PartialDate,
    pub address: String,
}

impl Basic4 {
    /// The name with the ideographic space (and any full-width letters) folded to their one-byte
    /// forms, for fields that take a name in the alphabet.
    pub fn name_one_byte(&self) -> String {
        crate::text::fold_width(&self.name.replace('\u{3000}', " "))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Family name and given name, split at the first ideographic space (the whole name as the
    /// family name when there is none).
    pub fn name_parts(&self) -> (&str, &str) {
        match self.name.split_once('\u{3000}') {
            Some((family, given)) => (family, given),
            None => (self.name.as_str(), ""),
        }
    }
}

/// Why a reading of the card was refused. Each maps to one translation key shown on the PC screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
pub enum IdentityFailure {
    /// Not a certificate, or not DER / PEM that parses.
    #[error("malformed certificate or signature")]
    Malformed,
    /// The certificate does not chain to a trusted root of the kind needed.
    #[error("unknown certification authority")]
    UnknownIssuer,
    /// A user-authentication certificate where a signature certificate is needed, or the reverse.
    #[error("wrong kind of certificate")]
    WrongKind,
    #[error("certificate not yet valid")]
    NotYetValid,
    #[error("certificate expired")]
    Expired,
    #[error("certificate revoked")]
    Revoked,
    /// No current revocation list covers the certificate's issuer: fail closed.
    #[error("revocation status unavailable")]
    RevocationUnavailable,
    /// Key usage or certificate policy not those of a My Number Card certificate of this kind.
    #[error("certificate not for this use")]
    NotForThisUse,
    /// Key or algorithm not RSA-2048 (or larger) with SHA-256.
    #[error("unsupported key or algorithm")]
    Unsupported,
    /// The signature over the server's nonce does not verify.
    #[error("signature does not verify")]
    BadSignature,
    /// A signature certificate without readable basic 4 information.
    #[error("basic 4 information missing or malformed")]
    Basic4,
    /// The one-time code ran out (5 minutes).
    #[error("code expired")]
    CodeExpired,
    /// The one-time code was already answered.
    #[error("code already used")]
    CodeUsed,
    /// The one-time code was opened by a session other than the one it was issued to.
    #[error("code opened by another session")]
    OtherSession,
}

impl IdentityFailure {
    pub const ALL: [IdentityFailure; 14] = [
        IdentityFailure::Malformed,
        IdentityFailure::UnknownIssuer,
        IdentityFailure::WrongKind,
        IdentityFailure::NotYetValid,
        IdentityFailure::Expired,
        IdentityFailure::Revoked,
        IdentityFailure::RevocationUnavailable,
        IdentityFailure::NotForThisUse,
        IdentityFailure::Unsupported,
        IdentityFailure::BadSignature,
        IdentityFailure::Basic4,
        IdentityFailure::CodeExpired,
        IdentityFailure::CodeUsed,
        IdentityFailure::OtherSession,
    ];

    /// The stable code stored with a refused challenge.
    pub fn code(self) -> &'static str {
        match self {
            IdentityFailure::Malformed => "malformed",
            IdentityFailure::UnknownIssuer => "unknown-issuer",
            IdentityFailure::WrongKind => "wrong-kind",
            IdentityFailure::NotYetValid => "not-yet-valid",
            IdentityFailure::Expired => "expired",
            IdentityFailure::Revoked => "revoked",
            IdentityFailure::RevocationUnavailable => "revocation-unavailable",
            IdentityFailure::NotForThisUse => "not-for-this-use",
            IdentityFailure::Unsupported => "unsupported",
            IdentityFailure::BadSignature => "bad-signature",
            IdentityFailure::Basic4 => "basic4",
            IdentityFailure::CodeExpired => "code-expired",
            IdentityFailure::CodeUsed => "code-used",
            IdentityFailure::OtherSession => "other-session",
        }
    }

    pub fn parse(code: &str) -> Option<IdentityFailure> {
        IdentityFailure::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The Fluent message id of the explanation.
    pub fn message_key(self) -> &'static str {
        match self {
            IdentityFailure::Malformed => "identity-fail-malformed",
            IdentityFailure::UnknownIssuer => "identity-fail-unknown-issuer",
            IdentityFailure::WrongKind => "identity-fail-wrong-kind",
            IdentityFailure::NotYetValid => "identity-fail-not-yet-valid",
            IdentityFailure::Expired => "identity-fail-expired",
            IdentityFailure::Revoked => "identity-fail-revoked",
            IdentityFailure::RevocationUnavailable => "identity-fail-revocation-unavailable",
            IdentityFailure::NotForThisUse => "identity-fail-not-for-this-use",
            IdentityFailure::Unsupported => "identity-fail-unsupported",
            IdentityFailure::BadSignature => "identity-fail-bad-signature",
            IdentityFailure::Basic4 => "identity-fail-basic4",
            IdentityFailure::CodeExpired => "identity-fail-code-expired",
            IdentityFailure::CodeUsed => "identity-fail-code-used",
            IdentityFailure::OtherSession => "identity-fail-other-session",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for f in IdentityFailure::ALL {
            assert_eq!(IdentityFailure::parse(f.code()), Some(f));
        }
        for k in [CertKind::Signature, CertKind::Authentication] {
            assert_eq!(CertKind::parse(k.code()), Some(k));
        }
        assert_eq!(CardSex::parse_digit("2"), Some(CardSex::Female));
        assert_eq!(CardSex::parse_digit("4"), None);
    }

    #[test]
    fn eras_by_first_day() {
        assert_eq!(Era::of(1989, 1, 7), Era::Showa);
        assert_eq!(Era::of(1989, 1, 8), Era::Heisei);
        assert_eq!(Era::of(2019, 5, 1), Era::Reiwa);
        assert_eq!(Era::of(1900, 1, 1), Era::Meiji);
    }

    #[test]
    fn names_fold_and_split() {
        let b = Basic4 {
            name: "ＳＭＩＴＨ\u{3000}ＪＯＨＮ".into(),
            sex: CardSex::Male,
            era: Era::Showa,
            date_of_birth: PartialDate::Unknown,
            address: "東京都".into(),
        };
        assert_eq!(b.name_one_byte(), "SMITH JOHN");
        assert_eq!(b.name_parts(), ("ＳＭＩＴＨ", "ＪＯＨＮ"));
    }
}
