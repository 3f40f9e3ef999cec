//! Who a user is to the system: the four user types of SPEC §1 and the User ID they log in with.

use crate::Invalid;
use rand::Rng;

/// The four kinds of user of SPEC §1, as chosen on the UserRegister screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UserType {
    /// 所属機関等の職員 — staff member of the organisation.
    OrganizationStaff,
    /// 弁護士・行政書士 — attorney / administrative procedures legal specialist.
    LegalProfessional,
    /// 外国人本人 — the foreign national applying.
    ForeignNational,
    /// 法定代理人等 — legal representative (family member and the like).
    LegalRepresentative,
}

impl UserType {
    pub const ALL: [UserType; 4] = [
        UserType::OrganizationStaff,
        UserType::LegalProfessional,
        UserType::ForeignNational,
        UserType::LegalRepresentative,
    ];

    /// The stable code stored in the database and sent by forms.
    pub fn code(self) -> &'static str {
        match self {
            UserType::OrganizationStaff => "organization_staff",
            UserType::LegalProfessional => "legal_professional",
            UserType::ForeignNational => "foreign_national",
            UserType::LegalRepresentative => "legal_representative",
        }
    }

    /// The Fluent message id of the type's label.
    pub fn label_key(self) -> &'static str {
        match self {
            UserType::OrganizationStaff => "user-type-organization-staff",
            UserType::LegalProfessional => "user-type-legal-professional",
            UserType::ForeignNational => "user-type-foreign-national",
            UserType::LegalRepresentative => "user-type-legal-representative",
        }
    }

    pub fn parse(code: &str) -> Result<UserType, Invalid> {
        if code.is_empty() {
            return Err(Invalid::Required);
        }
        UserType::ALL
            .into_iter()
            .find(|t| t.code() == code)
            .ok_or(Invalid::Format)
    }
}

/// Letters and digits a User ID is made of: no 0/O, 1/I/L or other pairs people confuse when they
/// copy an ID from a screenshot.
pub const LOGIN_ID_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// Length of a User ID: 31^10 ≈ 8·10^14 values, so IDs cannot be found by counting.
pub const LOGIN_ID_LEN: usize = 10;

/// The User ID a person logs in with (formerly "authentication ID").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LoginId(String);

impl LoginId {
    /// A fresh random ID; the caller retries on the (astronomically rare) collision.
    pub fn generate<R: Rng + ?Sized>(rng: &mut R) -> LoginId {
        let s = (0..LOGIN_ID_LEN)
            .map(|_| LOGIN_ID_ALPHABET[rng.gen_range(0..LOGIN_ID_ALPHABET.len())] as char)
            .collect();
        LoginId(s)
    }

    /// Reads what a person typed: case and width are folded, spaces and hyphens ignored.
    pub fn parse(raw: &str) -> Result<LoginId, Invalid> {
        let s: String = crate::text::fold_width(raw)
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .collect::<String>()
            .to_ascii_uppercase();
        if s.is_empty() {
            return Err(Invalid::Required);
        }
        if s.len() > 32 || !s.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(Invalid::Format);
        }
        Ok(LoginId(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for LoginId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_use_the_safe_alphabet() {
        let mut rng = rand::thread_rng();
        let ids: Vec<LoginId> = (0..200).map(|_| LoginId::generate(&mut rng)).collect();
        for id in &ids {
            assert_eq!(id.as_str().len(), LOGIN_ID_LEN);
            assert!(id.as_str().bytes().all(|b| LOGIN_ID_ALPHABET.contains(&b)));
            assert!(!id.as_str().contains(['0', 'O', '1', 'I', 'L']));
        }
        let unique: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len());
    }

    #[test]
    fn parse_folds_what_people_type() {
        assert_eq!(
            LoginId::parse(" abcd-efgh２３ ").unwrap().as_str(),
            "ABCDEFGH23"
        );
        assert_eq!(LoginId::parse(""), Err(Invalid::Required));
        assert_eq!(LoginId::parse("ab!c"), Err(Invalid::Format));
    }

    #[test]
    fn user_types_round_trip() {
        for t in UserType::ALL {
            assert_eq!(UserType::parse(t.code()), Ok(t));
        }
        assert_eq!(UserType::parse("officer"), Err(Invalid::Format));
    }
}
