//! My Number Card identity verification (SPEC §7.2, §7.3) through the front door: the PC browser,
//! a phone without cookies answering the one-time URL with a test card of the development CA, and
//! every bad input the issue names — each a clear message on the PC screen with nothing recorded
//! as verified.

use base64::Engine;
use zairyu_app::Clock;
use zairyu_domain::CertKind;
use zairyu_domain::identity::challenge_message;
use zairyu_jpki::dev::{self, CertOptions, TestCard};
use zairyu_testkit::{Browser, PASSWORD, Page, TestApp, login, register};

const RFU: &str = "/procedures/rasens-request-for-use";

async fn user(t: &TestApp, email: &str) -> Browser {
    let id = register(t, &t.browser(), email, "JOHN SMITH", PASSWORD).await;
    let b = t.browser();
    login(&b, &id, PASSWORD).await;
    b.post("/settings/language", &[("lang", "en"), ("back", "/")])
        .await;
    b
}

/// The one-time URL's path and nonce shown on a QR page.
fn code_of(page: &Page) -> (String, String) {
    let i = page.body.find("/identity/code/").expect("a QR code URL");
    let path: String = page.body[i..]
        .chars()
        .take_while(|c| *c != '<' && *c != '"')
        .collect();
    let nonce = path.rsplit('/').next().unwrap().to_owned();
    (path, nonce)
}

fn b64(b: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(b)
}

/// The phone: no cookies, no CSRF token.
async fn phone(t: &TestApp, path: &str, cert: &[u8], sig: &[u8]) -> Page {
    t.browser()
        .post_raw(
            path,
            &[("certificate", &b64(cert)), ("signature", &b64(sig))],
        )
        .await
}

async fn verified(t: &TestApp) -> i64 {
    t.scalar("SELECT COUNT(*) FROM identity_challenges WHERE outcome = 'verified'")
        .await
}

/// From the explanation to the first QR code.
async fn start(b: &Browser, procedure: &str) -> Page {
    let r = b.get(&format!("{procedure}/entry")).await;
    assert_eq!(
        r.location()
            .unwrap_or_else(|| panic!("{} {}", r.status, r.body)),
        format!("{procedure}/identity"),
        "a card procedure starts with the reading"
    );
    let about = b.get(&format!("{procedure}/identity")).await;
    about.assert_status(200);
    assert!(about.has("About the reading of the electronic certification"));
    let r = b.post(&format!("{procedure}/identity"), &[]).await;
    assert_eq!(r.location().unwrap(), format!("{procedure}/identity/read"));
    let qr = b.get(&format!("{procedure}/identity/read")).await;
    qr.assert_status(200);
    qr
}

/// Both readings with a good card; the PC screen is then on the entry screen.
async fn read_card(t: &TestApp, b: &Browser, procedure: &str, card: &mut TestCard) {
    let qr = start(b, procedure).await;
    assert!(qr.has("<svg"), "an inline SVG QR code");
    assert!(qr.has("Waiting for the user identification electronic certificate to be read"));
    let (path, nonce) = code_of(&qr);
    let (cert, sig) = card
        .answer(CertKind::Authentication, "1234", &nonce)
        .unwrap()
        .unwrap();
    phone(t, &path, &cert, &sig).await.assert_status(200);
    let qr = b.get(&format!("{procedure}/identity/read")).await;
    assert!(qr.has("QR Code for smartphone basic 4 information readings"));
    let (path, nonce) = code_of(&qr);
    let (cert, sig) = card
        .answer(CertKind::Signature, "ABC123", &nonce)
        .unwrap()
        .unwrap();
    phone(t, &path, &cert, &sig).await.assert_status(200);
    let r = b.get(&format!("{procedure}/identity/read")).await;
    assert_eq!(r.location().unwrap(), format!("{procedure}/entry"));
}

#[tokio::test]
async fn rasens_request_for_use_with_the_card_then_a_residence_procedure_repeats_the_reading() {
    let t = TestApp::spawn().await;
    let b = user(&t, "john@example.jp").await;
    let mut card = t.card("card1", 0);
    // The demonstration residence procedure needs the RASENS right first.
    let gate = b.get("/procedures/demo-residence/entry").await;
    gate.assert_status(403);
    read_card(&t, &b, RFU, &mut card).await;
    let form = b.get(&format!("{RFU}/entry")).await;
    form.assert_status(200);
    assert!(form.has("Basic 4 Info Read"));
    assert!(form.has("SMITH JOHN"), "the name from the card");
    assert!(form.has("東京都千代田区霞が関一丁目１番１号"));
    assert!(
        form.input_value("name_en").is_none(),
        "the card's items are not editable"
    );
    // A crafted POST cannot change what the card says.
    let r = b
        .post(
            &format!("{RFU}/entry"),
            &[
                ("name_en", "MALLORY"),
                ("sex", "female"),
                ("residence_card_number", "ab12345678cd"),
                ("telephone", "0312345678"),
                ("postal_code", "1000013"),
                ("address", "東京都千代田区霞が関１－１－１"),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(r.location().unwrap(), format!("{RFU}/confirm"));
    let confirm = b.get(&format!("{RFU}/confirm")).await;
    confirm.assert_status(200);
    assert!(confirm.has("SMITH JOHN") && !confirm.has("MALLORY"));
    assert!(confirm.has("AB12345678CD"), "{}", confirm.body);
    assert!(confirm.has("1000013") || confirm.has("100-0013"));
    let key = confirm.input_value("submit_key").unwrap();
    let r = b
        .post(&format!("{RFU}/confirm"), &[("submit_key", &key)])
        .await;
    let done = b.get(&r.location().unwrap()).await;
    done.assert_status(200);
    assert!(done.has("You may now submit residence applications"));
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM usage_rights WHERE system = 'rasens'")
            .await,
        1
    );
    assert_eq!(
        t.text("SELECT status FROM applications WHERE procedure_id = 'rasens-request-for-use'")
            .await,
        "completed"
    );
    assert_eq!(t.text("SELECT postal_code FROM users").await, "1000013");
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM identity_challenges WHERE application_id IS NOT NULL")
            .await,
        1,
        "the reading is tied to the application it was used for"
    );
    t.wait_mails("john@example.jp", 4).await;
    // My Page: postal code and address can now be changed.
    let edit = b.get("/mypage/user/edit").await;
    assert!(edit.has("name=\"postal_code\""));
    // The residence procedure repeats the reading: the used one does not count.
    read_card(&t, &b, "/procedures/demo-residence", &mut card).await;
    let form = b.get("/procedures/demo-residence/entry").await;
    assert!(form.has("Basic 4 Info Read"));
    let r = b
        .post(
            "/procedures/demo-residence/entry",
            &[("telephone", "0312345678"), ("action", "submit")],
        )
        .await;
    assert_eq!(r.location().unwrap(), "/procedures/demo-residence/confirm");
    let confirm = b.get("/procedures/demo-residence/confirm").await;
    let key = confirm.input_value("submit_key").unwrap();
    let r = b
        .post(
            "/procedures/demo-residence/confirm",
            &[("submit_key", &key)],
        )
        .await;
    assert!(
        r.location()
            .unwrap()
            .starts_with("/procedures/demo-residence/completed/")
    );
    // And the next application of it reads the card again.
    let again = b.get("/procedures/demo-residence/entry").await;
    assert_eq!(
        again.location().unwrap(),
        "/procedures/demo-residence/identity"
    );
    assert_eq!(verified(&t).await, 4);
}

/// The PC screen after a refusal: the message, and nothing verified.
async fn refused(t: &TestApp, b: &Browser, message: &str) {
    let page = b.get(&format!("{RFU}/identity/read")).await;
    page.assert_status(200);
    assert!(
        page.has(message),
        "{message} on the PC screen:\n{}",
        page.body
    );
    assert!(page.has("Show a new QR code"));
    assert_eq!(verified(t).await, 0);
}

#[tokio::test]
async fn a_certificate_from_an_unknown_ca_is_refused() {
    let t = TestApp::spawn().await;
    let b = user(&t, "u1@example.jp").await;
    let (path, nonce) = code_of(&start(&b, RFU).await);
    let key = &zairyu_testkit::cached_keys(1)[0];
    let cert = zairyu_testkit::stranger_ca()
        .issue(
            CertKind::Authentication,
            key,
            &CertOptions::card(CertKind::Authentication, None, t.now()),
        )
        .unwrap();
    let sig = dev::sign(key, &challenge_message(CertKind::Authentication, &nonce));
    let r = phone(&t, &path, &cert, &sig).await;
    r.assert_status(422);
    assert!(r.has("unknown-issuer"));
    refused(
        &t,
        &b,
        "not issued by a certification authority this system trusts",
    )
    .await;
}

#[tokio::test]
async fn an_expired_certificate_is_refused() {
    let t = TestApp::spawn().await;
    let b = user(&t, "u2@example.jp").await;
    let (path, nonce) = code_of(&start(&b, RFU).await);
    let key = &zairyu_testkit::cached_keys(1)[0];
    let mut o = CertOptions::card(CertKind::Authentication, None, t.now());
    o.not_before = t.now() - time::Duration::days(400);
    o.not_after = t.now() - time::Duration::days(1);
    let cert = t.ca().issue(CertKind::Authentication, key, &o).unwrap();
    let sig = dev::sign(key, &challenge_message(CertKind::Authentication, &nonce));
    phone(&t, &path, &cert, &sig).await.assert_status(422);
    refused(&t, &b, "The certificate has expired").await;
}

#[tokio::test]
async fn a_revoked_certificate_is_refused() {
    let t = TestApp::spawn().await;
    let b = user(&t, "u3@example.jp").await;
    let key = &zairyu_testkit::cached_keys(1)[0];
    let serial = vec![0x42, 0x42, 0x42];
    let mut o = CertOptions::card(CertKind::Authentication, None, t.now());
    o.serial = Some(serial.clone());
    let cert = t.ca().issue(CertKind::Authentication, key, &o).unwrap();
    // The list is replaced while the server runs: it is re-read.
    t.revoke(CertKind::Authentication, &[serial]);
    let (path, nonce) = code_of(&start(&b, RFU).await);
    let sig = dev::sign(key, &challenge_message(CertKind::Authentication, &nonce));
    phone(&t, &path, &cert, &sig).await.assert_status(422);
    refused(&t, &b, "The certificate has been revoked").await;
}

#[tokio::test]
async fn an_authentication_certificate_is_refused_where_a_signature_certificate_is_needed() {
    let t = TestApp::spawn().await;
    let b = user(&t, "u4@example.jp").await;
    let mut card = t.card("card1", 0);
    let (path, nonce) = code_of(&start(&b, RFU).await);
    let (cert, sig) = card
        .answer(CertKind::Authentication, "1234", &nonce)
        .unwrap()
        .unwrap();
    phone(&t, &path, &cert, &sig).await.assert_status(200);
    let qr = b.get(&format!("{RFU}/identity/read")).await;
    let (path, nonce) = code_of(&qr);
    // The phone answers the basic 4 code with the user-authentication certificate.
    let key = dev::read_key(&card.auth_key).unwrap();
    let sig = dev::sign(&key, &challenge_message(CertKind::Signature, &nonce));
    phone(&t, &path, &cert, &sig).await.assert_status(422);
    let page = b.get(&format!("{RFU}/identity/read")).await;
    assert!(page.has("The wrong certificate was read"));
    assert_eq!(
        verified(&t).await,
        1,
        "only the user-authentication reading verified; no basic 4"
    );
    assert_eq!(
        b.get(&format!("{RFU}/entry")).await.location().unwrap(),
        format!("{RFU}/identity")
    );
}

#[tokio::test]
async fn a_tampered_signature_and_malformed_der_are_refused() {
    let t = TestApp::spawn().await;
    let b = user(&t, "u5@example.jp").await;
    let mut card = t.card("card1", 0);
    let (path, nonce) = code_of(&start(&b, RFU).await);
    let (cert, mut sig) = card
        .answer(CertKind::Authentication, "1234", &nonce)
        .unwrap()
        .unwrap();
    sig[7] ^= 0x40;
    phone(&t, &path, &cert, &sig).await.assert_status(422);
    refused(&t, &b, "The signature does not match").await;
    // A new code; this time the certificate is garbage.
    b.post(&format!("{RFU}/identity"), &[]).await;
    let (path, _) = code_of(&b.get(&format!("{RFU}/identity/read")).await);
    phone(&t, &path, b"\x30\x82\x01", &sig)
        .await
        .assert_status(422);
    refused(&t, &b, "not a readable certificate or signature").await;
    // And not base64 at all.
    b.post(&format!("{RFU}/identity"), &[]).await;
    let (path, _) = code_of(&b.get(&format!("{RFU}/identity/read")).await);
    t.browser()
        .post_raw(&path, &[("certificate", "%%%"), ("signature", "")])
        .await
        .assert_status(422);
    refused(&t, &b, "not a readable certificate or signature").await;
}

#[tokio::test]
async fn an_expired_code_and_a_replayed_answer_are_refused() {
    let t = TestApp::spawn().await;
    let b = user(&t, "u6@example.jp").await;
    let mut card = t.card("card1", 0);
    let (path, nonce) = code_of(&start(&b, RFU).await);
    let (cert, sig) = card
        .answer(CertKind::Authentication, "1234", &nonce)
        .unwrap()
        .unwrap();
    t.advance(std::time::Duration::from_secs(5 * 60 + 1));
    let r = phone(&t, &path, &cert, &sig).await;
    r.assert_status(410);
    assert!(r.has("code-expired"));
    refused(&t, &b, "The QR code has expired").await;
    // A fresh code answered once; the same answer again is a replay.
    b.post(&format!("{RFU}/identity"), &[]).await;
    let (path, nonce) = code_of(&b.get(&format!("{RFU}/identity/read")).await);
    let (cert, sig) = card
        .answer(CertKind::Authentication, "1234", &nonce)
        .unwrap()
        .unwrap();
    phone(&t, &path, &cert, &sig).await.assert_status(200);
    let replay = phone(&t, &path, &cert, &sig).await;
    replay.assert_status(409);
    assert!(replay.has("code-used"));
    assert_eq!(verified(&t).await, 1, "the replay recorded nothing");
    // The waiting screen's poll says the code no longer waits.
    let id = t.scalar("SELECT MAX(id) FROM identity_challenges").await;
    let s = b.get(&format!("{RFU}/identity/status?c={}", id - 1)).await;
    assert!(s.has("\"waiting\":false") || s.has("\"waiting\": false"));
}

#[tokio::test]
async fn a_code_opened_by_another_session_is_spoilt() {
    let t = TestApp::spawn().await;
    let b = user(&t, "u7@example.jp").await;
    let other = user(&t, "u8@example.jp").await;
    let mut card = t.card("card1", 0);
    let (path, nonce) = code_of(&start(&b, RFU).await);
    let page = other.get(&path).await;
    page.assert_status(409);
    assert!(page.has("opened from a browser other than the one it was shown in"));
    refused(
        &t,
        &b,
        "opened from a browser other than the one it was shown in",
    )
    .await;
    // The phone's answer now comes too late.
    let (cert, sig) = card
        .answer(CertKind::Authentication, "1234", &nonce)
        .unwrap()
        .unwrap();
    phone(&t, &path, &cert, &sig).await.assert_status(409);
    // Another user's session cannot read the first user's waiting status either.
    let id = t.scalar("SELECT MAX(id) FROM identity_challenges").await;
    let s = other.get(&format!("{RFU}/identity/status?c={id}")).await;
    assert!(s.has("false"));
    assert_eq!(verified(&t).await, 0);
}

#[tokio::test]
async fn the_development_phone_page_counts_wrong_pins_and_locks_the_card() {
    let t = TestApp::spawn().await;
    let b = user(&t, "u9@example.jp").await;
    t.card("card1", 0);
    let qr = start(&b, RFU).await;
    assert!(qr.has("/dev/card/"), "a link to the development phone");
    let (_, nonce) = code_of(&qr);
    // The second tab of the same browser.
    let phone_page = b.get(&format!("/dev/card/{nonce}")).await;
    phone_page.assert_status(200);
    assert!(phone_page.has("Development only"));
    for left in ["2", "1"] {
        let r = b
            .post(
                &format!("/dev/card/{nonce}"),
                &[("card", "card1"), ("secret", "0000")],
            )
            .await;
        r.assert_status(422);
        assert!(r.has(&format!("{left} tries left")));
    }
    let r = b
        .post(
            &format!("/dev/card/{nonce}"),
            &[("card", "card1"), ("secret", "0000")],
        )
        .await;
    assert!(r.has("The card is locked"));
    let r = b
        .post(
            &format!("/dev/card/{nonce}"),
            &[("card", "card1"), ("secret", "1234")],
        )
        .await;
    assert!(
        r.has("The card is locked"),
        "locked even with the right PIN"
    );
    // A second card answers.
    t.card("card2", 1);
    let r = b
        .post(
            &format!("/dev/card/{nonce}"),
            &[("card", "card2"), ("secret", "1234")],
        )
        .await;
    r.assert_status(200);
    assert!(r.has("Login completed"));
    let next = b.get(&format!("{RFU}/identity/read")).await;
    assert!(next.has("QR Code for smartphone basic 4 information readings"));
}

#[tokio::test]
async fn without_development_mode_there_is_no_simulator_and_no_development_ca() {
    let (port, _) = zairyu_testkit::fake_smtp(0).await;
    let t = TestApp::spawn_with(|c| c.smtp_url = format!("smtp://127.0.0.1:{port}")).await;
    assert!(t.app.identity.simulator.is_none());
    t.browser()
        .get("/dev/card/anything")
        .await
        .assert_status(404);
    // A card of the development CA (made by hand here) is unknown to a production server.
    let mut card = t.card("card1", 0);
    let (cert, sig) = card
        .answer(CertKind::Authentication, "1234", "n")
        .unwrap()
        .unwrap();
    let verdict = t.app.identity.verifier.verify(
        CertKind::Authentication,
        &cert,
        &challenge_message(CertKind::Authentication, "n"),
        &sig,
        t.clock.now_ms(),
    );
    assert_eq!(
        verdict.err(),
        Some(zairyu_domain::IdentityFailure::UnknownIssuer)
    );
}

#[tokio::test]
async fn skipping_the_revocation_check_is_said_on_screen() {
    let t = TestApp::spawn_with(|c| {
        c.jpki.skip_revocation_check = true;
        c.jpki.crl_files.clear();
    })
    .await;
    let b = user(&t, "u10@example.jp").await;
    let mut card = t.card("card1", 0);
    let qr = start(&b, RFU).await;
    assert!(qr.has("NOT checked for revocation"));
    let (path, nonce) = code_of(&qr);
    let (cert, sig) = card
        .answer(CertKind::Authentication, "1234", &nonce)
        .unwrap()
        .unwrap();
    phone(&t, &path, &cert, &sig).await.assert_status(200);
    assert_eq!(
        t.scalar("SELECT revocation_checked FROM identity_challenges")
            .await,
        0
    );
}

// ---- `zairyu card …`: the real binary as the phone, against the running test server ----

/// What a run of the binary printed and how it ended.
struct Cli {
    ok: bool,
    stdout: String,
    stderr: String,
}

/// Runs the real `zairyu` binary with the test server's data folder (so `card new` uses the
/// development CA the server trusts and writes where the server's development phone page reads),
/// `input` piped on its standard input, in an English terminal unless `lang` says otherwise. No
/// `ZAIRYU_*` setting of the caller's shell leaks in (SMTP would switch development mode off).
async fn zairyu_card(t: &TestApp, args: &[&str], input: &str, lang: &str) -> Cli {
    use std::io::Write;
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_zairyu"));
    cmd.arg("card")
        .arg("--data-dir")
        .arg(&t.data_dir)
        .args(args)
        .current_dir(&t.data_dir)
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    for (k, _) in std::env::vars() {
        if k.starts_with("ZAIRYU_") {
            cmd.env_remove(k);
        }
    }
    let input = input.to_owned();
    // The server runs on this test's runtime: wait for the child off it.
    let out = tokio::task::spawn_blocking(move || {
        let mut child = cmd.spawn().expect("run the zairyu binary");
        let mut stdin = child.stdin.take().unwrap();
        // A child that stops reading early (a locked card) closes the pipe: not an error here.
        let _ = stdin.write_all(input.as_bytes());
        drop(stdin);
        child.wait_with_output().unwrap()
    })
    .await
    .unwrap();
    Cli {
        ok: out.status.success(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

const EN: &str = "en_US.UTF-8";

/// `zairyu card new` for the test server, with PIN 1234 and signature password ABC123.
async fn cli_card(t: &TestApp, id: &str) {
    let r = zairyu_card(
        t,
        &[
            "new",
            "--id",
            id,
            "--name",
            "TANAKA MARIA",
            "--address",
            "大阪府大阪市中央区大手前二丁目１番２２号",
            "--date-of-birth",
            "19880902",
            "--sex",
            "female",
        ],
        "",
        EN,
    )
    .await;
    assert!(r.ok, "card new failed:\n{}\n{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains(&format!("test card {id} made")),
        "{}",
        r.stdout
    );
}

/// The one-time URL as the PC screen shows it (the text under the QR code: what the QR code holds).
fn shown_url(page: &Page) -> String {
    let i = page
        .body
        .find("class=\"qr-url\">")
        .expect("the URL under the QR code")
        + 15;
    let url = &page.body[i..i + page.body[i..].find('<').unwrap()];
    zairyu_testkit::html_unescape(url)
}

#[tokio::test]
async fn the_card_simulator_binary_reads_both_certificates_for_the_rasens_request_for_use() {
    let t = TestApp::spawn().await;
    let b = user(&t, "cli@example.jp").await;
    cli_card(&t, "cli1").await;
    let list = zairyu_card(&t, &["list"], "", EN).await;
    assert!(
        list.ok && list.stdout.contains("cli1\tTANAKA\u{3000}MARIA"),
        "{}",
        list.stdout
    );

    let qr = start(&b, RFU).await;
    let url = shown_url(&qr);
    assert!(
        url.starts_with(&format!("{}/identity/code/", t.base)),
        "{url}"
    );
    let scan = zairyu_card(&t, &["scan", &url], "1234\n", EN).await;
    assert!(scan.ok, "scan failed:\n{}\n{}", scan.stdout, scan.stderr);
    assert_eq!(scan.stdout.trim(), "Login completed");
    assert!(scan.stderr.contains("User authentication PIN (4 digits)"));
    // The waiting screen's poll now says "no longer waiting", and the PC moves on to the second code.
    let first = t.scalar("SELECT MAX(id) FROM identity_challenges").await;
    let s = b.get(&format!("{RFU}/identity/status?c={first}")).await;
    assert!(s.has("false"), "{}", s.body);
    let qr = b.get(&format!("{RFU}/identity/read")).await;
    assert!(qr.has("QR Code for smartphone basic 4 information readings"));
    assert!(qr.has("The reading of the user authentication certificate is now complete."));
    let url2 = shown_url(&qr);
    assert_ne!(url, url2, "a new one-time code for the signature reading");

    // The card chosen by name this time, as with several cards.
    let scan = zairyu_card(&t, &["scan", &url2, "--card", "cli1"], "ABC123\n", EN).await;
    assert!(scan.ok, "scan failed:\n{}\n{}", scan.stdout, scan.stderr);
    assert_eq!(scan.stdout.trim(), "Signature completed");
    assert!(scan.stderr.contains("Signature password"));

    let r = b.get(&format!("{RFU}/identity/read")).await;
    assert_eq!(r.location().unwrap(), format!("{RFU}/entry"));
    let form = b.get(&format!("{RFU}/entry")).await;
    form.assert_status(200);
    assert!(form.has("Basic 4 Info Read"));
    assert!(form.has("TANAKA\u{3000}MARIA") || form.has("TANAKA MARIA"));
    assert!(form.has("大阪府大阪市中央区大手前二丁目１番２２号"));
    assert!(form.has("Female"));
    for read_only in ["name_en", "sex", "date_of_birth"] {
        assert!(
            form.input_value(read_only).is_none(),
            "{read_only} is shown, not editable"
        );
    }
    let r = b
        .post(
            &format!("{RFU}/entry"),
            &[
                ("residence_card_number", "xy98765432zz"),
                ("telephone", "0612345678"),
                ("postal_code", "5400008"),
                ("address", "大阪府大阪市中央区大手前２－１－２２"),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(
        r.location().unwrap(),
        format!("{RFU}/confirm"),
        "{}",
        r.body
    );
    let confirm = b.get(&format!("{RFU}/confirm")).await;
    assert!(confirm.has("XY98765432ZZ") && confirm.has("TANAKA"));
    let key = confirm.input_value("submit_key").unwrap();
    let r = b
        .post(&format!("{RFU}/confirm"), &[("submit_key", &key)])
        .await;
    let done = b.get(&r.location().unwrap()).await;
    assert!(done.has("You may now submit residence applications"));
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM usage_rights WHERE system = 'rasens'")
            .await,
        1
    );
    assert_eq!(verified(&t).await, 2);
    assert_eq!(t.text("SELECT sex FROM users").await, "female");
    // My Page shows what the card said in words, not the stored codes.
    let me = b.get("/mypage/user").await;
    assert!(me.has("<dt>Sex</dt><dd>Female</dd>"), "{}", me.body);
    assert!(me.has("<dt>Date of birth</dt><dd>2 September 1988</dd>"));
}

#[tokio::test]
async fn three_wrong_pins_lock_the_card_in_the_simulator_binary_and_nothing_is_verified() {
    let t = TestApp::spawn().await;
    let b = user(&t, "cli-pin@example.jp").await;
    cli_card(&t, "cli1").await;
    let qr = start(&b, RFU).await;
    let url = shown_url(&qr);
    // The end of the input is not a wrong entry: nothing counted.
    let r = zairyu_card(&t, &["scan", &url], "", EN).await;
    assert!(!r.ok);
    assert!(
        r.stderr.contains("no PIN or password given"),
        "{}",
        r.stderr
    );
    let r = zairyu_card(&t, &["scan", &url], "0000\n0000\n0000\n1234\n", EN).await;
    assert!(!r.ok, "a locked card ends in failure: {}", r.stdout);
    assert!(r.stderr.contains("Wrong. 2 tries left."), "{}", r.stderr);
    assert!(r.stderr.contains("Wrong. 1 try left."), "{}", r.stderr);
    assert!(r.stderr.contains("the card is locked"), "{}", r.stderr);
    assert!(!r.stdout.contains("Login completed"));
    // Locked for good: even the right PIN is not asked for.
    let r = zairyu_card(&t, &["scan", &url], "1234\n", EN).await;
    assert!(
        !r.ok && r.stderr.contains("the card is locked"),
        "{}",
        r.stderr
    );
    let list = zairyu_card(&t, &["list"], "", EN).await;
    assert!(list.stdout.contains("PIN locked"), "{}", list.stdout);
    // The PC keeps waiting for the same code; nothing was sent, nothing verified.
    let page = b.get(&format!("{RFU}/identity/read")).await;
    assert!(page.has("Waiting for the user identification electronic certificate to be read"));
    assert_eq!(shown_url(&page), url);
    assert_eq!(verified(&t).await, 0);
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM identity_challenges WHERE answered_at IS NOT NULL")
            .await,
        0
    );
}

#[tokio::test]
async fn five_wrong_signature_passwords_lock_the_card_after_the_pin_was_right() {
    let t = TestApp::spawn().await;
    let b = user(&t, "cli-sign@example.jp").await;
    cli_card(&t, "cli1").await;
    let url = shown_url(&start(&b, RFU).await);
    let r = zairyu_card(&t, &["scan", &url], "9999\n1234\n", EN).await;
    assert!(r.ok, "{}", r.stderr);
    assert!(r.stderr.contains("Wrong. 2 tries left."));
    let url = shown_url(&b.get(&format!("{RFU}/identity/read")).await);
    let r = zairyu_card(&t, &["scan", &url], &"WRONG1\n".repeat(5), EN).await;
    assert!(!r.ok);
    for left in ["4 tries", "3 tries", "2 tries", "1 try"] {
        assert!(
            r.stderr.contains(&format!("Wrong. {left} left.")),
            "{}",
            r.stderr
        );
    }
    assert!(r.stderr.contains("the card is locked"), "{}", r.stderr);
    let list = zairyu_card(&t, &["list"], "", EN).await;
    assert!(
        list.stdout.contains("signature password locked") && !list.stdout.contains("PIN locked"),
        "{}",
        list.stdout
    );
    // The PC still waits for the basic 4 information; only the user-authentication reading verified.
    let page = b.get(&format!("{RFU}/identity/read")).await;
    assert!(page.has("Waiting for the basic 4 information to be read"));
    assert_eq!(verified(&t).await, 1);
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM identity_challenges WHERE basic4 IS NOT NULL")
            .await,
        0
    );
    assert_eq!(
        b.get(&format!("{RFU}/entry")).await.location().unwrap(),
        format!("{RFU}/identity")
    );
}

#[tokio::test]
async fn the_simulator_binary_gives_the_servers_message_for_an_expired_or_used_code() {
    let t = TestApp::spawn().await;
    let b = user(&t, "cli-code@example.jp").await;
    cli_card(&t, "cli1").await;
    let url = shown_url(&start(&b, RFU).await);
    t.advance(std::time::Duration::from_secs(5 * 60 + 1));
    let r = zairyu_card(&t, &["scan", &url], "1234\n", EN).await;
    assert!(!r.ok);
    assert!(
        r.stderr
            .contains("The QR code has expired (it is valid for 5 minutes)."),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("PIN"), "no PIN is asked for a dead code");
    // In a Japanese terminal, the server's Japanese message.
    let r = zairyu_card(&t, &["scan", &url], "1234\n", "ja_JP.UTF-8").await;
    assert!(!r.ok);
    let ja = t
        .app
        .i18n
        .t(zairyu_i18n::Locale::Ja, "identity-fail-code-expired");
    assert!(r.stderr.contains(&ja), "{ja} in {}", r.stderr);

    // A fresh code, read once; the second scan of it is refused.
    b.post(&format!("{RFU}/identity"), &[]).await;
    let url = shown_url(&b.get(&format!("{RFU}/identity/read")).await);
    let r = zairyu_card(&t, &["scan", &url], "1234\n", EN).await;
    assert!(r.ok, "{}", r.stderr);
    let r = zairyu_card(&t, &["scan", &url], "1234\n", EN).await;
    assert!(!r.ok);
    assert!(
        r.stderr.contains("This QR code has already been used."),
        "{}",
        r.stderr
    );
    // A code that never existed.
    let r = zairyu_card(
        &t,
        &["scan", &format!("{}/identity/code/nothing-here", t.base)],
        "1234\n",
        EN,
    )
    .await;
    assert!(
        !r.ok && r.stderr.contains("The QR code has expired"),
        "{}",
        r.stderr
    );
    assert_eq!(verified(&t).await, 1);
}

#[tokio::test]
async fn postal_code_address_search_on_the_request_for_use_form_works_without_the_script() {
    let t = TestApp::spawn().await;
    let b = user(&t, "postal@example.jp").await;
    let mut card = t.card("card1", 0);
    zairyu_app::postal::import(&t.app, "postal_code,prefecture,city,town,prefecture_kana,city_kana,town_kana\n1000013,東京都,千代田区,霞が関,トウキョウト,チヨダク,カスミガセキ\n0600000,北海道,札幌市中央区,,ホッカイドウ,サッポロシチュウオウク,\n0600000,北海道,札幌市中央区,大通西,ホッカイドウ,サッポロシチュウオウク,オオドオリニシ\n".as_bytes()).await.unwrap();
    read_card(&t, &b, RFU, &mut card).await;
    let form = b.get(&format!("{RFU}/entry")).await;
    assert!(form.has("data-postal-search") && form.has("data-address=\"f-address\""));
    let search = |code: &'static str| {
        let b = &b;
        async move {
            b.post(
                &format!("{RFU}/entry"),
                &[
                    ("residence_card_number", "AB12345678CD"),
                    ("telephone", "0312345678"),
                    ("postal_code", code),
                    ("address", ""),
                    ("action", "postal-search:postal_code"),
                ],
            )
            .await
        }
    };
    let p = search("100-0013").await;
    p.assert_status(200);
    assert_eq!(p.input_value("address").unwrap(), "東京都千代田区霞が関");
    assert_eq!(
        p.input_value("telephone").unwrap(),
        "0312345678",
        "entries kept"
    );
    assert!(p.has("Basic 4 Info Read"), "the card's items still shown");
    // Several towns: a choice, and the pick fills the address.
    let p = search("0600000").await;
    assert!(p.has("Several addresses use this post code"));
    assert!(p.has("value=\"postal_code:北海道札幌市中央区大通西\""));
    let p = b
        .post(
            &format!("{RFU}/entry"),
            &[
                ("postal_code", "0600000"),
                ("address", ""),
                ("pick_address", "postal_code:北海道札幌市中央区大通西"),
            ],
        )
        .await;
    assert_eq!(
        p.input_value("address").unwrap(),
        "北海道札幌市中央区大通西"
    );
    // None.
    let p = search("9999999").await;
    assert!(p.has("No address was found for this post code"));
}

// ---- The two readings are linked: one challenge chain, close in time (zairyu-app identity docs) ----

/// Answers the user-authentication code on the PC screen with the card.
async fn authenticate(t: &TestApp, b: &Browser, card: &mut TestCard, qr: &Page) {
    let (path, nonce) = code_of(qr);
    let (cert, sig) = card
        .answer(CertKind::Authentication, "1234", &nonce)
        .unwrap()
        .unwrap();
    phone(t, &path, &cert, &sig).await.assert_status(200);
    let _ = b;
}

async fn signature_codes(t: &TestApp) -> i64 {
    t.scalar("SELECT COUNT(*) FROM identity_challenges WHERE kind = 'sign'")
        .await
}

#[tokio::test]
async fn a_stale_user_authentication_reading_does_not_open_the_signature_reading() {
    let t = TestApp::spawn().await;
    let b = user(&t, "stale@example.jp").await;
    let mut card = t.card("card1", 0);
    let qr = start(&b, RFU).await;
    authenticate(&t, &b, &mut card, &qr).await;
    // The user comes back to the PC after more than five minutes.
    t.advance(std::time::Duration::from_secs(5 * 60 + 1));
    let page = b.get(&format!("{RFU}/identity/read")).await;
    page.assert_status(200);
    assert!(page.has("The QR code has expired"), "{}", page.body);
    assert!(page.has("Show a new QR code"));
    assert!(!page.has("/identity/code/"), "no signature code");
    assert_eq!(signature_codes(&t).await, 0);
    // Starting again asks for the user-authentication certificate first.
    b.post(&format!("{RFU}/identity"), &[]).await;
    let qr = b.get(&format!("{RFU}/identity/read")).await;
    assert!(qr.has("Waiting for the user identification electronic certificate to be read"));
    // Within the window, the signature code follows.
    authenticate(&t, &b, &mut card, &qr).await;
    t.advance(std::time::Duration::from_secs(4 * 60));
    let qr = b.get(&format!("{RFU}/identity/read")).await;
    assert!(qr.has("QR Code for smartphone basic 4 information readings"));
    assert_eq!(signature_codes(&t).await, 1);
}

#[tokio::test]
async fn a_signature_reading_counts_only_right_after_its_own_user_authentication_reading() {
    let t = TestApp::spawn().await;
    let b = user(&t, "link@example.jp").await;
    let mut card = t.card("card1", 0);
    // A first attempt: authenticated, but the signature code ran out.
    let qr = start(&b, RFU).await;
    authenticate(&t, &b, &mut card, &qr).await;
    assert!(
        b.get(&format!("{RFU}/identity/read"))
            .await
            .has("basic 4 information readings")
    );
    t.advance(std::time::Duration::from_secs(5 * 60 + 1));
    assert!(
        b.get(&format!("{RFU}/identity/read"))
            .await
            .has("The QR code has expired")
    );
    // The second attempt reads both.
    b.post(&format!("{RFU}/identity"), &[]).await;
    let qr = b.get(&format!("{RFU}/identity/read")).await;
    authenticate(&t, &b, &mut card, &qr).await;
    let qr = b.get(&format!("{RFU}/identity/read")).await;
    let (path, nonce) = code_of(&qr);
    let (cert, sig) = card
        .answer(CertKind::Signature, "ABC123", &nonce)
        .unwrap()
        .unwrap();
    phone(&t, &path, &cert, &sig).await.assert_status(200);
    assert_eq!(
        b.get(&format!("{RFU}/entry")).await.status.as_u16(),
        200,
        "linked: the entry screen"
    );
    let second_auth = t
        .scalar("SELECT MAX(id) FROM identity_challenges WHERE kind = 'auth'")
        .await;
    // Had the second user-authentication reading not verified, the first attempt's (older, and
    // separated by a signature code) must not stand in for it.
    t.exec(&format!(
        "UPDATE identity_challenges SET outcome = 'failed' WHERE id = {second_auth}"
    ))
    .await;
    assert_eq!(
        b.get(&format!("{RFU}/entry")).await.location().unwrap(),
        format!("{RFU}/identity")
    );
    // Nor does a verified one whose signature code came too long after it.
    t.exec(&format!(
        "UPDATE identity_challenges SET outcome = 'verified', answered_at = answered_at - {} WHERE id = {second_auth}",
        6 * 60_000
    ))
    .await;
    assert_eq!(
        b.get(&format!("{RFU}/entry")).await.location().unwrap(),
        format!("{RFU}/identity")
    );
    // Put back as it was: the reading counts again (so the two refusals above are the link's doing).
    t.exec(&format!(
        "UPDATE identity_challenges SET answered_at = answered_at + {} WHERE id = {second_auth}",
        6 * 60_000
    ))
    .await;
    assert_eq!(b.get(&format!("{RFU}/entry")).await.status.as_u16(), 200);
}
