//! Development only: a certification authority and test cards, so that anyone can try the My
//! Number Card flow without a card (`zairyu card new`, `zairyu card scan`, the development phone
//! page) and tests can make every kind of bad certificate. The binary uses this only when
//! development mode is on; nothing it makes is committed.
//!
//! A test card is a JSON file holding both key pairs and certificates, the PIN (4 digits) and the
//! signature password (6–16 capital letters and digits) in clear, and the wrong-entry counters: it
//! plays a card, it protects nothing.

use crate::{POLICY_AUTHENTICATION, POLICY_SIGNATURE, challenge_message};
use der::Encode;
use rand::RngCore;
use rcgen::{
    BasicConstraints, CertificateParams, CertificateRevocationListParams, CustomExtension,
    DistinguishedName, DnType, IsCa, KeyIdMethod, KeyPair, KeyUsagePurpose, OtherNameValue,
    RevokedCertParams, SanType, SerialNumber,
};
use rsa::RsaPrivateKey;
use rsa::pkcs1v15::SigningKey;
use rsa::pkcs8::{EncodePrivateKey, LineEnding};
use rsa::signature::{SignatureEncoding, Signer};
use sha2::Sha256;
use std::path::{Path, PathBuf};
use time::OffsetDateTime;
use x509_cert::ext::pkix::CertificatePolicies;
use x509_cert::ext::pkix::certpolicy::PolicyInformation;
use zairyu_domain::{Basic4, CardSex, CertKind, Era, PartialDate};

pub use rsa::RsaPrivateKey as PrivateKey;

/// PIN locks (roots/README.md): user-authentication PIN after 3 wrong entries, signature password
/// after 5.
pub const AUTH_PIN_TRIES: u32 = 3;
pub const SIGN_PASSWORD_TRIES: u32 = 5;

#[derive(Debug, thiserror::Error)]
pub enum DevError {
    #[error("certificate: {0}")]
    Rcgen(#[from] rcgen::Error),
    #[error("key: {0}")]
    Key(String),
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    #[error("card file {0}: {1}")]
    Card(String, String),
    #[error("{0}")]
    Invalid(String),
}

/// A fresh RSA-2048 key (slow in unoptimised builds: the workspace builds `rsa` optimised).
pub fn new_key() -> Result<RsaPrivateKey, DevError> {
    RsaPrivateKey::new(&mut rand::thread_rng(), 2048).map_err(|e| DevError::Key(e.to_string()))
}

/// A private key as PKCS#8 PEM.
pub fn key_pem(key: &RsaPrivateKey) -> Result<String, DevError> {
    key.to_pkcs8_pem(LineEnding::LF)
        .map(|s| s.to_string())
        .map_err(|e| DevError::Key(e.to_string()))
}

fn key_pair(key: &RsaPrivateKey) -> Result<KeyPair, DevError> {
    Ok(KeyPair::from_pkcs8_pem_and_sign_algo(
        &key_pem(key)?,
        &rcgen::PKCS_RSA_SHA256,
    )?)
}

/// Reads a PKCS#8 PEM private key.
pub fn read_key(pem: &str) -> Result<RsaPrivateKey, DevError> {
    use rsa::pkcs8::DecodePrivateKey;
    RsaPrivateKey::from_pkcs8_pem(pem).map_err(|e| DevError::Key(e.to_string()))
}

/// One root of the development CA.
struct Root {
    key: RsaPrivateKey,
    pair: KeyPair,
    cert: rcgen::Certificate,
}

impl Root {
    fn params(kind: CertKind, label: &str) -> CertificateParams {
        let mut p = CertificateParams::default();
        let mut dn = DistinguishedName::new();
        dn.push(DnType::CountryName, "JP");
        dn.push(
            DnType::OrganizationName,
            "zairyu development CA (not J-LIS)",
        );
        dn.push(
            DnType::OrganizationalUnitName,
            match kind {
                CertKind::Signature => "development signature root",
                CertKind::Authentication => "development user authentication root",
            },
        );
        dn.push(DnType::CommonName, label);
        p.distinguished_name = dn;
        p.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
        p.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        p.key_identifier_method = KeyIdMethod::Sha256;
        p.not_before = rcgen::date_time_ymd(2020, 1, 1);
        p.not_after = rcgen::date_time_ymd(2060, 1, 1);
        p
    }

    fn make(kind: CertKind, label: &str, key: RsaPrivateKey) -> Result<Root, DevError> {
        let pair = key_pair(&key)?;
        let cert = Root::params(kind, label).self_signed(&pair)?;
        Ok(Root { key, pair, cert })
    }
}

/// A development certification authority: a signature root and a user-authentication root.
pub struct DevCa {
    label: String,
    sign: Root,
    auth: Root,
}

impl std::fmt::Debug for DevCa {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DevCa").field("label", &self.label).finish()
    }
}

/// The files of a development CA in its folder.
fn ca_files(dir: &Path) -> [(CertKind, PathBuf, PathBuf); 2] {
    [
        (
            CertKind::Signature,
            dir.join("sign-root.key"),
            dir.join("sign-root.pem"),
        ),
        (
            CertKind::Authentication,
            dir.join("auth-root.key"),
            dir.join("auth-root.pem"),
        ),
    ]
}

impl DevCa {
    /// A new CA in memory. `label` names it in its certificates (tests make several).
    pub fn generate(label: &str) -> Result<DevCa, DevError> {
        Ok(DevCa {
            label: label.to_owned(),
            sign: Root::make(CertKind::Signature, label, new_key()?)?,
            auth: Root::make(CertKind::Authentication, label, new_key()?)?,
        })
    }

    /// The CA kept in `dir` (`sign-root.{key,pem}`, `auth-root.{key,pem}`), made on first use.
    pub fn open_or_create(dir: &Path) -> Result<DevCa, DevError> {
        let io = |p: &Path, e| DevError::Io(p.display().to_string(), e);
        std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        let label = "zairyu development CA".to_owned();
        let files = ca_files(dir);
        if files.iter().all(|(_, k, _)| k.exists()) {
            let mut roots = Vec::new();
            for (kind, key_path, _) in &files {
                let pem = std::fs::read_to_string(key_path).map_err(|e| io(key_path, e))?;
                roots.push(Root::make(*kind, &label, read_key(&pem)?)?);
            }
            let auth = roots
                .pop()
                .ok_or_else(|| DevError::Invalid("no root".into()))?;
            let sign = roots
                .pop()
                .ok_or_else(|| DevError::Invalid("no root".into()))?;
            let ca = DevCa { label, sign, auth };
            // The certificates on disk are what servers trust; rewrite them if they went missing.
            for (kind, _, cert_path) in &files {
                if !cert_path.exists() {
                    write(cert_path, ca.root_pem(*kind).as_bytes())?;
                }
            }
            return Ok(ca);
        }
        let ca = DevCa::generate(&label)?;
        for (kind, key_path, cert_path) in &files {
            write_private(key_path, key_pem(&ca.root(*kind).key)?.as_bytes())?;
            write(cert_path, ca.root_pem(*kind).as_bytes())?;
        }
        Ok(ca)
    }

    /// Where `open_or_create` keeps the roots' certificates, for trust stores.
    pub fn root_files(dir: &Path) -> [(CertKind, PathBuf); 2] {
        let [(k1, _, c1), (k2, _, c2)] = ca_files(dir);
        [(k1, c1), (k2, c2)]
    }

    fn root(&self, kind: CertKind) -> &Root {
        match kind {
            CertKind::Signature => &self.sign,
            CertKind::Authentication => &self.auth,
        }
    }

    /// The root certificate of one kind, PEM.
    pub fn root_pem(&self, kind: CertKind) -> String {
        self.root(kind).cert.pem()
    }

    /// Issues an end-entity certificate for `key` as the options say.
    pub fn issue(
        &self,
        kind: CertKind,
        key: &RsaPrivateKey,
        opts: &CertOptions,
    ) -> Result<Vec<u8>, DevError> {
        let mut p = CertificateParams::default();
        let mut dn = DistinguishedName::new();
        dn.push(DnType::CountryName, "JP");
        let serial = opts.serial.clone().unwrap_or_else(random_serial);
        dn.push(DnType::CommonName, crate::hex(&serial));
        p.distinguished_name = dn;
        p.serial_number = Some(SerialNumber::from_slice(&serial));
        p.not_before = opts.not_before;
        p.not_after = opts.not_after;
        p.is_ca = if opts.ca {
            IsCa::Ca(BasicConstraints::Unconstrained)
        } else {
            IsCa::ExplicitNoCa
        };
        p.key_usages = opts.key_usages.clone();
        p.use_authority_key_identifier_extension = true;
        if !opts.policies.is_empty() {
            let policies = CertificatePolicies(
                opts.policies
                    .iter()
                    .map(|o| {
                        Ok(PolicyInformation {
                            policy_identifier: der::asn1::ObjectIdentifier::new(o)
                                .map_err(|e| DevError::Invalid(e.to_string()))?,
                            policy_qualifiers: None,
                        })
                    })
                    .collect::<Result<Vec<_>, DevError>>()?,
            );
            let der = policies
                .to_der()
                .map_err(|e| DevError::Invalid(e.to_string()))?;
            p.custom_extensions
                .push(CustomExtension::from_oid_content(&[2, 5, 29, 32], der));
        }
        if let Some(b) = &opts.basic4 {
            p.subject_alt_names = basic4_names(b);
        }
        let subject = RsaPublic::of(key)?;
        let root = self.root(opts.issuer.unwrap_or(kind));
        let cert = p.signed_by(&subject, &root.cert, &root.pair)?;
        Ok(cert.der().to_vec())
    }

    /// A revocation list of one root naming `revoked` serial numbers, PEM.
    pub fn crl_pem(
        &self,
        kind: CertKind,
        revoked: &[Vec<u8>],
        this_update: OffsetDateTime,
        next_update: OffsetDateTime,
    ) -> Result<String, DevError> {
        let root = self.root(kind);
        let params = CertificateRevocationListParams {
            this_update,
            next_update,
            crl_number: SerialNumber::from(1u64),
            issuing_distribution_point: None,
            revoked_certs: revoked
                .iter()
                .map(|s| RevokedCertParams {
                    serial_number: SerialNumber::from_slice(s),
                    revocation_time: this_update,
                    reason_code: None,
                    invalidity_date: None,
                })
                .collect(),
            key_identifier_method: KeyIdMethod::Sha256,
        };
        Ok(params.signed_by(&root.cert, &root.pair)?.pem()?)
    }
}

/// The public half of a key as rcgen needs it, without handing the private key to ring (which
/// refuses keys under 2048 bits, and tests need those to be refused by the verifier instead).
struct RsaPublic(Vec<u8>);

impl RsaPublic {
    fn of(key: &RsaPrivateKey) -> Result<RsaPublic, DevError> {
        use rsa::pkcs1::EncodeRsaPublicKey;
        key.to_public_key()
            .to_pkcs1_der()
            .map(|d| RsaPublic(d.as_bytes().to_vec()))
            .map_err(|e| DevError::Key(e.to_string()))
    }
}

impl rcgen::PublicKeyData for RsaPublic {
    fn der_bytes(&self) -> &[u8] {
        &self.0
    }

    fn algorithm(&self) -> &rcgen::SignatureAlgorithm {
        &rcgen::PKCS_RSA_SHA256
    }
}

/// A positive serial number of 16 random bytes.
fn random_serial() -> Vec<u8> {
    let mut s = vec![0u8; 16];
    rand::thread_rng().fill_bytes(&mut s);
    s[0] = (s[0] & 0x7f) | 0x10;
    s
}

fn basic4_names(b: &Basic4) -> Vec<SanType> {
    let dob = match b.date_of_birth {
        PartialDate::Full(d) => format!("{:04}{:02}{:02}", d.year(), d.month(), d.day()),
        PartialDate::YearMonth { year, month } => format!("{year:04}{month:02}00"),
        PartialDate::Year(year) => format!("{year:04}0000"),
        PartialDate::Unknown => "00000000".into(),
    };
    let other = |oid: &str, v: String| {
        SanType::OtherName((
            oid.split('.').filter_map(|p| p.parse().ok()).collect(),
            OtherNameValue::Utf8String(v),
        ))
    };
    vec![
        other(crate::OID_NAME, b.name.clone()),
        other(crate::OID_NAME_FLAGS, "0".into()),
        other(crate::OID_SEX, b.sex.digit().into()),
        other(crate::OID_DOB, format!("{}{dob}", b.era.digit())),
        other(crate::OID_ADDRESS, b.address.clone()),
        other(crate::OID_ADDRESS_FLAGS, "0".into()),
    ]
}

/// How to issue a certificate; [`CertOptions::card`] is a correct card certificate, and each field
/// can be spoilt to make the bad certificates tests need.
#[derive(Debug, Clone)]
pub struct CertOptions {
    pub not_before: OffsetDateTime,
    pub not_after: OffsetDateTime,
    pub key_usages: Vec<KeyUsagePurpose>,
    pub policies: Vec<String>,
    pub basic4: Option<Basic4>,
    pub serial: Option<Vec<u8>>,
    pub ca: bool,
    /// Sign with the other root than the certificate's kind.
    pub issuer: Option<CertKind>,
}

impl CertOptions {
    /// A correct certificate of `kind`, valid from a day before `now` for five years.
    pub fn card(kind: CertKind, basic4: Option<Basic4>, now: OffsetDateTime) -> CertOptions {
        CertOptions {
            not_before: now - time::Duration::days(1),
            not_after: now + time::Duration::days(5 * 365),
            key_usages: match kind {
                CertKind::Signature => vec![
                    KeyUsagePurpose::DigitalSignature,
                    KeyUsagePurpose::ContentCommitment,
                ],
                CertKind::Authentication => vec![KeyUsagePurpose::DigitalSignature],
            },
            policies: vec![
                match kind {
                    CertKind::Signature => POLICY_SIGNATURE,
                    CertKind::Authentication => POLICY_AUTHENTICATION,
                }
                .to_owned(),
            ],
            basic4: match kind {
                CertKind::Signature => basic4,
                CertKind::Authentication => None,
            },
            serial: None,
            ca: false,
            issuer: None,
        }
    }
}

/// What the person on a test card is.
#[derive(Debug, Clone)]
pub struct CardHolder {
    /// Family and given name separated by an ideographic space (a plain space is turned into one).
    pub name: String,
    pub address: String,
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub sex: CardSex,
}

impl CardHolder {
    pub fn basic4(&self) -> Result<Basic4, DevError> {
        let date = zairyu_domain::Date::from_ymd(self.year, self.month, self.day)
            .ok_or_else(|| DevError::Invalid("no such date of birth".into()))?;
        let name = self.name.trim().replacen(' ', "\u{3000}", 1);
        Ok(Basic4 {
            name,
            sex: self.sex,
            era: Era::of(self.year, self.month, self.day),
            date_of_birth: PartialDate::Full(date),
            address: self.address.trim().to_owned(),
        })
    }
}

/// Why the simulated card refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CardError {
    #[error("wrong PIN or password ({left} tries left)")]
    WrongPin { left: u32 },
    #[error("the card is locked")]
    Locked,
}

/// What the card hands the app: its certificate (DER) and the signature over the challenge.
pub type Answer = (Vec<u8>, Vec<u8>);

/// A simulated My Number Card.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct TestCard {
    pub holder_name: String,
    pub pin: String,
    pub password: String,
    pub pin_failures: u32,
    pub password_failures: u32,
    pub auth_key: String,
    pub auth_cert: String,
    pub sign_key: String,
    pub sign_cert: String,
}

/// The user-authentication PIN: 4 digits.
pub fn valid_pin(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// The signature password: 6–16 capital letters and digits.
pub fn valid_password(s: &str) -> bool {
    (6..=16).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

impl TestCard {
    /// Issues both certificates of a new card.
    pub fn issue(
        ca: &DevCa,
        holder: &CardHolder,
        pin: &str,
        password: &str,
        now: OffsetDateTime,
    ) -> Result<TestCard, DevError> {
        if !valid_pin(pin) {
            return Err(DevError::Invalid("the PIN must be 4 digits".into()));
        }
        if !valid_password(password) {
            return Err(DevError::Invalid(
                "the signature password must be 6 to 16 capital letters and digits".into(),
            ));
        }
        TestCard::issue_with_keys(ca, holder, pin, password, now, new_key()?, new_key()?)
    }

    /// As [`TestCard::issue`], with keys made beforehand (tests keep a few to save time).
    pub fn issue_with_keys(
        ca: &DevCa,
        holder: &CardHolder,
        pin: &str,
        password: &str,
        now: OffsetDateTime,
        auth_key: RsaPrivateKey,
        sign_key: RsaPrivateKey,
    ) -> Result<TestCard, DevError> {
        if !valid_pin(pin) || !valid_password(password) {
            return Err(DevError::Invalid("PIN or password not valid".into()));
        }
        let b4 = holder.basic4()?;
        let auth = ca.issue(
            CertKind::Authentication,
            &auth_key,
            &CertOptions::card(CertKind::Authentication, None, now),
        )?;
        let sign = ca.issue(
            CertKind::Signature,
            &sign_key,
            &CertOptions::card(CertKind::Signature, Some(b4.clone()), now),
        )?;
        Ok(TestCard {
            holder_name: b4.name,
            pin: pin.to_owned(),
            password: password.to_owned(),
            pin_failures: 0,
            password_failures: 0,
            auth_key: key_pem(&auth_key)?,
            auth_cert: cert_pem(&auth),
            sign_key: key_pem(&sign_key)?,
            sign_cert: cert_pem(&sign),
        })
    }

    pub fn load(path: &Path) -> Result<TestCard, DevError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| DevError::Io(path.display().to_string(), e))?;
        serde_json::from_str(&text)
            .map_err(|e| DevError::Card(path.display().to_string(), e.to_string()))
    }

    pub fn save(&self, path: &Path) -> Result<(), DevError> {
        let text = serde_json::to_string_pretty(self)
            .map_err(|e| DevError::Card(path.display().to_string(), e.to_string()))?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| DevError::Io(dir.display().to_string(), e))?;
        }
        let tmp = path.with_extension("tmp");
        write_private(&tmp, text.as_bytes())?;
        std::fs::rename(&tmp, path).map_err(|e| DevError::Io(path.display().to_string(), e))
    }

    pub fn locked(&self, kind: CertKind) -> bool {
        match kind {
            CertKind::Authentication => self.pin_failures >= AUTH_PIN_TRIES,
            CertKind::Signature => self.password_failures >= SIGN_PASSWORD_TRIES,
        }
    }

    /// The certificate of one kind, DER.
    pub fn cert_der(&self, kind: CertKind) -> Result<Vec<u8>, DevError> {
        let pem = match kind {
            CertKind::Authentication => &self.auth_cert,
            CertKind::Signature => &self.sign_cert,
        };
        der::pem::decode_vec(pem.as_bytes())
            .map(|(_, d)| d)
            .map_err(|e| DevError::Invalid(e.to_string()))
    }

    /// What the card does when the app asks it to sign a challenge: checks the PIN (or password)
    /// and counts wrong entries — a right one resets the count, the last wrong one locks the card —
    /// then signs. Save the card afterwards either way.
    pub fn answer(
        &mut self,
        kind: CertKind,
        secret: &str,
        nonce: &str,
    ) -> Result<Result<Answer, CardError>, DevError> {
        if self.locked(kind) {
            return Ok(Err(CardError::Locked));
        }
        let (expected, failures, limit) = match kind {
            CertKind::Authentication => (&self.pin, &mut self.pin_failures, AUTH_PIN_TRIES),
            CertKind::Signature => (
                &self.password,
                &mut self.password_failures,
                SIGN_PASSWORD_TRIES,
            ),
        };
        if secret != expected.as_str() {
            *failures += 1;
            return Ok(Err(if *failures >= limit {
                CardError::Locked
            } else {
                CardError::WrongPin {
                    left: limit - *failures,
                }
            }));
        }
        *failures = 0;
        let key = read_key(match kind {
            CertKind::Authentication => &self.auth_key,
            CertKind::Signature => &self.sign_key,
        })?;
        Ok(Ok((
            self.cert_der(kind)?,
            sign(&key, &challenge_message(kind, nonce)),
        )))
    }
}

/// RSA PKCS#1 v1.5 SHA-256, as the card does it.
pub fn sign(key: &RsaPrivateKey, message: &[u8]) -> Vec<u8> {
    SigningKey::<Sha256>::new(key.clone())
        .sign(message)
        .to_vec()
}

fn cert_pem(der: &[u8]) -> String {
    der::pem::encode_string("CERTIFICATE", der::pem::LineEnding::LF, der).unwrap_or_default()
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), DevError> {
    std::fs::write(path, bytes).map_err(|e| DevError::Io(path.display().to_string(), e))
}

/// Written readable by the owner only: keys and cards.
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), DevError> {
    #[cfg(unix)]
    {
        use std::io::Write;
        use std::os::unix::fs::OpenOptionsExt;
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(path)
            .map_err(|e| DevError::Io(path.display().to_string(), e))?;
        f.write_all(bytes)
            .map_err(|e| DevError::Io(path.display().to_string(), e))
    }
    #[cfg(not(unix))]
    {
        write(path, bytes)
    }
}
