//! Every way a card certificate or signature is refused, with fixtures made at test time by the
//! development CA (nothing generated is committed).

// Test code: clippy.toml allows unwrap in `#[test]` functions only, not in this file's helpers.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use time::OffsetDateTime;
use zairyu_domain::{CardSex, CertKind, Date, Era, IdentityFailure, PartialDate};
use zairyu_jpki::dev::{self, CardHolder, CertOptions, DevCa, TestCard};
use zairyu_jpki::{
    CrlFiles, NoRevocationCheck, Revocation, TrustStores, Verifier, challenge_message,
};

const NONCE: &str = "n0nce-for-tests";

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

fn now_ms() -> i64 {
    (now().unix_timestamp_nanos() / 1_000_000) as i64
}

fn holder() -> CardHolder {
    CardHolder {
        name: "SMITH JOHN".into(),
        address: "東京都千代田区霞が関一丁目１番１号".into(),
        year: 1980,
        month: 12,
        day: 31,
        sex: CardSex::Male,
    }
}

struct Fixture {
    ca: DevCa,
    key: rsa::RsaPrivateKey,
}

fn fixture() -> Fixture {
    Fixture {
        ca: DevCa::generate("test CA").unwrap(),
        key: dev::new_key().unwrap(),
    }
}

fn stores(ca: &DevCa) -> TrustStores {
    let mut s = TrustStores::empty();
    for kind in [CertKind::Signature, CertKind::Authentication] {
        s.store_mut(kind)
            .add_pem("dev", &ca.root_pem(kind))
            .unwrap();
    }
    s
}

fn verifier(ca: &DevCa, rev: Arc<dyn Revocation>) -> Verifier {
    Verifier::new(stores(ca), rev)
}

fn unchecked(ca: &DevCa) -> Verifier {
    verifier(ca, Arc::new(NoRevocationCheck))
}

fn opts(kind: CertKind) -> CertOptions {
    CertOptions::card(kind, Some(holder().basic4().unwrap()), now())
}

/// Issues a certificate with `opts` and signs the challenge of `kind` with the fixture's key.
fn attempt(
    f: &Fixture,
    v: &Verifier,
    kind: CertKind,
    o: &CertOptions,
) -> Result<zairyu_jpki::Verified, IdentityFailure> {
    let cert = f.ca.issue(kind, &f.key, o).unwrap();
    let msg = challenge_message(kind, NONCE);
    let sig = dev::sign(&f.key, &msg);
    v.verify(kind, &cert, &msg, &sig, now_ms())
}

#[test]
fn a_good_signature_certificate_yields_the_basic_4() {
    let f = fixture();
    let v = unchecked(&f.ca);
    let ok = attempt(&f, &v, CertKind::Signature, &opts(CertKind::Signature)).unwrap();
    let b = ok.basic4.unwrap();
    assert_eq!(b.name, "SMITH\u{3000}JOHN");
    assert_eq!(b.name_one_byte(), "SMITH JOHN");
    assert_eq!(b.sex, CardSex::Male);
    assert_eq!(b.era, Era::Showa);
    assert_eq!(
        b.date_of_birth,
        PartialDate::Full(Date::from_ymd(1980, 12, 31).unwrap())
    );
    assert_eq!(b.address, "東京都千代田区霞が関一丁目１番１号");
    assert!(!ok.revocation_checked);
    assert_eq!(ok.fingerprint.len(), 64);
}

#[test]
fn a_good_authentication_certificate_has_no_basic_4() {
    let f = fixture();
    let v = unchecked(&f.ca);
    let ok = attempt(
        &f,
        &v,
        CertKind::Authentication,
        &opts(CertKind::Authentication),
    )
    .unwrap();
    assert!(ok.basic4.is_none());
    assert_eq!(ok.kind, CertKind::Authentication);
}

#[test]
fn pem_certificates_are_read_too() {
    let f = fixture();
    let v = unchecked(&f.ca);
    let der =
        f.ca.issue(
            CertKind::Authentication,
            &f.key,
            &opts(CertKind::Authentication),
        )
        .unwrap();
    let pem = der::pem::encode_string("CERTIFICATE", der::pem::LineEnding::LF, &der).unwrap();
    let msg = challenge_message(CertKind::Authentication, NONCE);
    let sig = dev::sign(&f.key, &msg);
    assert!(
        v.verify(
            CertKind::Authentication,
            pem.as_bytes(),
            &msg,
            &sig,
            now_ms()
        )
        .is_ok()
    );
}

#[test]
fn an_unknown_ca_is_refused() {
    let f = fixture();
    let stranger = DevCa::generate("test CA").unwrap();
    let v = unchecked(&stranger);
    assert_eq!(
        attempt(&f, &v, CertKind::Signature, &opts(CertKind::Signature)),
        Err(IdentityFailure::UnknownIssuer)
    );
    // Nor do the J-LIS roots know the development CA.
    let jlis = Verifier::new(TrustStores::jlis().unwrap(), Arc::new(NoRevocationCheck));
    assert_eq!(
        attempt(
            &f,
            &jlis,
            CertKind::Authentication,
            &opts(CertKind::Authentication)
        ),
        Err(IdentityFailure::UnknownIssuer)
    );
}

#[test]
fn an_authentication_certificate_is_not_a_signature_certificate() {
    let f = fixture();
    let v = unchecked(&f.ca);
    // Issued by the authentication root, offered where a signature certificate is needed.
    let cert =
        f.ca.issue(
            CertKind::Authentication,
            &f.key,
            &opts(CertKind::Authentication),
        )
        .unwrap();
    let msg = challenge_message(CertKind::Signature, NONCE);
    let sig = dev::sign(&f.key, &msg);
    assert_eq!(
        v.verify(CertKind::Signature, &cert, &msg, &sig, now_ms()),
        Err(IdentityFailure::WrongKind)
    );
    // And the other way round.
    let cert =
        f.ca.issue(CertKind::Signature, &f.key, &opts(CertKind::Signature))
            .unwrap();
    let msg = challenge_message(CertKind::Authentication, NONCE);
    let sig = dev::sign(&f.key, &msg);
    assert_eq!(
        v.verify(CertKind::Authentication, &cert, &msg, &sig, now_ms()),
        Err(IdentityFailure::WrongKind)
    );
}

#[test]
fn the_policy_of_the_other_kind_is_refused_even_from_the_right_root() {
    let f = fixture();
    let v = unchecked(&f.ca);
    let mut o = opts(CertKind::Signature);
    o.policies = vec![zairyu_jpki::POLICY_AUTHENTICATION.into()];
    assert_eq!(
        attempt(&f, &v, CertKind::Signature, &o),
        Err(IdentityFailure::WrongKind)
    );
}

#[test]
fn expired_and_not_yet_valid_certificates_are_refused() {
    let f = fixture();
    let v = unchecked(&f.ca);
    let mut o = opts(CertKind::Signature);
    o.not_before = now() - time::Duration::days(400);
    o.not_after = now() - time::Duration::days(1);
    assert_eq!(
        attempt(&f, &v, CertKind::Signature, &o),
        Err(IdentityFailure::Expired)
    );
    let mut o = opts(CertKind::Authentication);
    o.not_before = now() + time::Duration::days(1);
    assert_eq!(
        attempt(&f, &v, CertKind::Authentication, &o),
        Err(IdentityFailure::NotYetValid)
    );
}

#[test]
fn wrong_key_usage_missing_policy_and_ca_certificates_are_refused() {
    let f = fixture();
    let v = unchecked(&f.ca);
    let mut o = opts(CertKind::Signature);
    o.key_usages = vec![rcgen::KeyUsagePurpose::DigitalSignature];
    assert_eq!(
        attempt(&f, &v, CertKind::Signature, &o),
        Err(IdentityFailure::NotForThisUse),
        "a signature certificate needs non-repudiation"
    );
    let mut o = opts(CertKind::Authentication);
    o.key_usages = vec![];
    assert_eq!(
        attempt(&f, &v, CertKind::Authentication, &o),
        Err(IdentityFailure::NotForThisUse)
    );
    let mut o = opts(CertKind::Authentication);
    o.policies = vec![];
    assert_eq!(
        attempt(&f, &v, CertKind::Authentication, &o),
        Err(IdentityFailure::NotForThisUse)
    );
    let mut o = opts(CertKind::Authentication);
    o.ca = true;
    o.key_usages.push(rcgen::KeyUsagePurpose::KeyCertSign);
    assert_eq!(
        attempt(&f, &v, CertKind::Authentication, &o),
        Err(IdentityFailure::NotForThisUse)
    );
}

#[test]
fn a_tampered_signature_is_refused() {
    let f = fixture();
    let v = unchecked(&f.ca);
    let cert =
        f.ca.issue(CertKind::Signature, &f.key, &opts(CertKind::Signature))
            .unwrap();
    let msg = challenge_message(CertKind::Signature, NONCE);
    let mut sig = dev::sign(&f.key, &msg);
    sig[10] ^= 0x01;
    assert_eq!(
        v.verify(CertKind::Signature, &cert, &msg, &sig, now_ms()),
        Err(IdentityFailure::BadSignature)
    );
    // A good signature over another nonce, or over the other step's challenge, does not answer.
    let other = dev::sign(&f.key, &challenge_message(CertKind::Signature, "another"));
    assert_eq!(
        v.verify(CertKind::Signature, &cert, &msg, &other, now_ms()),
        Err(IdentityFailure::BadSignature)
    );
    let step = dev::sign(&f.key, &challenge_message(CertKind::Authentication, NONCE));
    assert_eq!(
        v.verify(CertKind::Signature, &cert, &msg, &step, now_ms()),
        Err(IdentityFailure::BadSignature)
    );
    // A signature by another key.
    let stranger = dev::new_key().unwrap();
    let forged = dev::sign(&stranger, &msg);
    assert_eq!(
        v.verify(CertKind::Signature, &cert, &msg, &forged, now_ms()),
        Err(IdentityFailure::BadSignature)
    );
}

#[test]
fn a_certificate_with_a_tampered_body_is_from_no_known_ca() {
    let f = fixture();
    let v = unchecked(&f.ca);
    let mut cert =
        f.ca.issue(CertKind::Signature, &f.key, &opts(CertKind::Signature))
            .unwrap();
    // Change one byte of the address (UTF-8 of 東 is E6 9D B1): the CA's signature breaks.
    let at = cert
        .windows(3)
        .position(|w| w == [0xE6, 0x9D, 0xB1])
        .unwrap();
    cert[at + 2] = 0xB2;
    let msg = challenge_message(CertKind::Signature, NONCE);
    let sig = dev::sign(&f.key, &msg);
    assert_eq!(
        v.verify(CertKind::Signature, &cert, &msg, &sig, now_ms()),
        Err(IdentityFailure::UnknownIssuer)
    );
}

#[test]
fn malformed_der_is_refused() {
    let f = fixture();
    let v = unchecked(&f.ca);
    let msg = challenge_message(CertKind::Signature, NONCE);
    let sig = dev::sign(&f.key, &msg);
    let cert =
        f.ca.issue(CertKind::Signature, &f.key, &opts(CertKind::Signature))
            .unwrap();
    for bad in [
        vec![],
        b"hello".to_vec(),
        vec![0x30, 0x82, 0xff, 0xff, 0x00],
        cert[..cert.len() / 2].to_vec(),
        b"-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n".to_vec(),
        vec![0u8; 20_000],
    ] {
        assert_eq!(
            v.verify(CertKind::Signature, &bad, &msg, &sig, now_ms()),
            Err(IdentityFailure::Malformed)
        );
    }
    assert_eq!(
        v.verify(CertKind::Signature, &cert, &msg, &[], now_ms()),
        Err(IdentityFailure::Malformed)
    );
    // A signature of the wrong length never verifies.
    assert!(matches!(
        v.verify(CertKind::Signature, &cert, &msg, &[1, 2, 3], now_ms()),
        Err(IdentityFailure::BadSignature | IdentityFailure::Malformed)
    ));
}

#[test]
fn a_signature_certificate_without_basic_4_is_refused() {
    let f = fixture();
    let v = unchecked(&f.ca);
    let mut o = opts(CertKind::Signature);
    o.basic4 = None;
    assert_eq!(
        attempt(&f, &v, CertKind::Signature, &o),
        Err(IdentityFailure::Basic4)
    );
}

#[test]
fn small_keys_are_refused() {
    let f = fixture();
    let v = unchecked(&f.ca);
    let small = rsa::RsaPrivateKey::new(&mut rand::thread_rng(), 1024).unwrap();
    let cert =
        f.ca.issue(
            CertKind::Authentication,
            &small,
            &opts(CertKind::Authentication),
        )
        .unwrap();
    let msg = challenge_message(CertKind::Authentication, NONCE);
    let sig = dev::sign(&small, &msg);
    assert_eq!(
        v.verify(CertKind::Authentication, &cert, &msg, &sig, now_ms()),
        Err(IdentityFailure::Unsupported)
    );
}

fn crl_file(dir: &std::path::Path, name: &str, text: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn revocation_lists_in_pem_and_der_revoke_and_are_reloaded_when_they_change() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let serial = vec![0x11, 0x22, 0x33, 0x44];
    let mut o = opts(CertKind::Signature);
    o.serial = Some(serial.clone());
    let day = time::Duration::days(1);
    // A current list that does not name the certificate: good, and checked.
    let empty =
        f.ca.crl_pem(CertKind::Signature, &[], now() - day, now() + day)
            .unwrap();
    let path = crl_file(dir.path(), "sign.crl", empty.as_bytes());
    let files = Arc::new(CrlFiles::new(vec![path.clone()]));
    assert_eq!(files.loaded(), 1);
    let v = verifier(&f.ca, files.clone());
    let ok = attempt(&f, &v, CertKind::Signature, &o).unwrap();
    assert!(ok.revocation_checked);
    // The file is replaced by a list (DER this time) that names it: revoked, without a restart.
    let revoked =
        f.ca.crl_pem(
            CertKind::Signature,
            std::slice::from_ref(&serial),
            now() - day,
            now() + day,
        )
        .unwrap();
    let (_, der) = der::pem::decode_vec(revoked.as_bytes()).unwrap();
    // Same length is possible in principle; the modification time changes either way.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&path, &der).unwrap();
    assert_eq!(
        attempt(&f, &v, CertKind::Signature, &o),
        Err(IdentityFailure::Revoked)
    );
}

#[test]
fn without_a_current_trustworthy_list_the_status_is_unavailable() {
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let day = time::Duration::days(1);
    // No file at all.
    let v = verifier(
        &f.ca,
        Arc::new(CrlFiles::new(vec![dir.path().join("missing.crl")])),
    );
    assert_eq!(
        attempt(
            &f,
            &v,
            CertKind::Authentication,
            &opts(CertKind::Authentication)
        ),
        Err(IdentityFailure::RevocationUnavailable)
    );
    // A list whose next update has passed.
    let stale =
        f.ca.crl_pem(CertKind::Authentication, &[], now() - day * 3, now() - day)
            .unwrap();
    let v = verifier(
        &f.ca,
        Arc::new(CrlFiles::new(vec![crl_file(
            dir.path(),
            "stale.crl",
            stale.as_bytes(),
        )])),
    );
    assert_eq!(
        attempt(
            &f,
            &v,
            CertKind::Authentication,
            &opts(CertKind::Authentication)
        ),
        Err(IdentityFailure::RevocationUnavailable)
    );
    // A list for the issuer's name signed by someone else is not believed.
    let forger = DevCa::generate("test CA").unwrap();
    let forged = forger
        .crl_pem(CertKind::Authentication, &[], now() - day, now() + day)
        .unwrap();
    let v = verifier(
        &f.ca,
        Arc::new(CrlFiles::new(vec![crl_file(
            dir.path(),
            "forged.crl",
            forged.as_bytes(),
        )])),
    );
    assert_eq!(
        attempt(
            &f,
            &v,
            CertKind::Authentication,
            &opts(CertKind::Authentication)
        ),
        Err(IdentityFailure::RevocationUnavailable)
    );
    // Garbage is reported and covers nothing.
    let files = CrlFiles::new(vec![crl_file(dir.path(), "junk.crl", b"junk")]);
    assert_eq!(files.problems().len(), 1);
}

#[test]
fn the_test_card_counts_wrong_pins_and_locks() {
    let ca = DevCa::generate("test CA").unwrap();
    let mut card = TestCard::issue(&ca, &holder(), "1234", "ABC123", now()).unwrap();
    let v = unchecked(&ca);
    for left in [2, 1] {
        assert_eq!(
            card.answer(CertKind::Authentication, "0000", NONCE)
                .unwrap(),
            Err(dev::CardError::WrongPin { left })
        );
    }
    // A right PIN resets the count.
    let (cert, sig) = card
        .answer(CertKind::Authentication, "1234", NONCE)
        .unwrap()
        .unwrap();
    let msg = challenge_message(CertKind::Authentication, NONCE);
    assert!(
        v.verify(CertKind::Authentication, &cert, &msg, &sig, now_ms())
            .is_ok()
    );
    for _ in 0..2 {
        card.answer(CertKind::Authentication, "9999", NONCE)
            .unwrap()
            .unwrap_err();
    }
    assert_eq!(
        card.answer(CertKind::Authentication, "9999", NONCE)
            .unwrap(),
        Err(dev::CardError::Locked)
    );
    assert_eq!(
        card.answer(CertKind::Authentication, "1234", NONCE)
            .unwrap(),
        Err(dev::CardError::Locked),
        "locked even with the right PIN"
    );
    // The signature password has its own count of five.
    for left in [4, 3, 2, 1] {
        assert_eq!(
            card.answer(CertKind::Signature, "WRONG1", NONCE).unwrap(),
            Err(dev::CardError::WrongPin { left })
        );
    }
    assert_eq!(
        card.answer(CertKind::Signature, "WRONG1", NONCE).unwrap(),
        Err(dev::CardError::Locked)
    );
    // Saved and loaded, the card remembers.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("card.json");
    card.save(&p).unwrap();
    assert!(TestCard::load(&p).unwrap().locked(CertKind::Signature));
}

#[test]
fn a_development_ca_kept_on_disk_issues_cards_its_saved_roots_verify() {
    let dir = tempfile::tempdir().unwrap();
    let first = DevCa::open_or_create(dir.path()).unwrap();
    let again = DevCa::open_or_create(dir.path()).unwrap();
    let mut s = TrustStores::empty();
    for (kind, path) in DevCa::root_files(dir.path()) {
        s.add_file(kind, &path).unwrap();
    }
    let v = Verifier::new(s, Arc::new(NoRevocationCheck));
    // A card issued by the CA as re-opened verifies against the roots written the first time.
    let mut card = TestCard::issue(&again, &holder(), "1234", "ABC123", now()).unwrap();
    let (cert, sig) = card
        .answer(CertKind::Signature, "ABC123", NONCE)
        .unwrap()
        .unwrap();
    let msg = challenge_message(CertKind::Signature, NONCE);
    assert!(
        v.verify(CertKind::Signature, &cert, &msg, &sig, now_ms())
            .is_ok()
    );
    drop(first);
    assert!(TestCard::issue(&again, &holder(), "12345", "ABC123", now()).is_err());
    assert!(TestCard::issue(&again, &holder(), "1234", "abc123", now()).is_err());
}
