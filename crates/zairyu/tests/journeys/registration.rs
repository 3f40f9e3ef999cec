//! User registration (SPEC §3).

use std::time::Duration;
use zairyu_testkit::{PASSWORD, TestApp, link, login, register};

#[tokio::test]
async fn registration_from_terms_to_user_id() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let terms = b.get("/register").await;
    terms.assert_status(200);
    assert!(terms.has("class=\"terms\""));
    let agreed = b.post("/register", &[]).await;
    assert_eq!(agreed.location().unwrap(), "/register/email");
    let form = b.get("/register/email").await;
    assert!(form.has("id=\"f-email\"") && form.has("id=\"f-email_confirm\""));
    let sent = b
        .post_follow(
            "/register/email",
            &[
                ("email", "hana@example.jp"),
                ("email_confirm", "hana@example.jp"),
            ],
        )
        .await;
    sent.assert_status(200);
    let mail = t.last_mail("hana@example.jp").await;
    assert!(
        mail.subject
            .contains("在留申請オンラインシステム及び電子届出システム"),
        "mail names the portal: {}",
        mail.subject
    );
    assert!(mail.text.contains("24"), "mail states the 24 hours");
    let path = link(&mail, "/register/");
    let form = b.get(&path).await;
    form.assert_status(200);
    assert!(form.has("hana@example.jp"), "the email is given");
    for t in [
        "organization_staff",
        "legal_professional",
        "foreign_national",
        "legal_representative",
    ] {
        assert!(form.has(&format!("value=\"{t}\"")), "{t}");
    }
    let r = b
        .post(
            &path,
            &[
                ("user_type", "legal_professional"),
                ("name", "hana  suzuki"),
                ("telephone", "090-1111-2222"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
            ],
        )
        .await;
    r.assert_status(303);
    let confirm = b.get(&format!("{path}/confirm")).await;
    confirm.assert_status(200);
    assert!(confirm.has("HANA SUZUKI"), "name normalised to capitals");
    assert!(confirm.has("09011112222"), "telephone without hyphens");
    assert!(confirm.has("hana@example.jp"));
    assert!(!confirm.has(PASSWORD), "password never shown");
    let done = b
        .post(&format!("{path}/confirm"), &[("action", "submit")])
        .await;
    done.assert_status(200);
    let id = done
        .body
        .split("class=\"highlight-value\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(id.len(), 10);
    assert!(
        id.bytes()
            .all(|c| b"ABCDEFGHJKMNPQRSTUVWXYZ23456789".contains(&c)),
        "{id}"
    );
    assert!(done.has("href=\"/login\""), "Return to Login");
    let issued = t.wait_mails("hana@example.jp", 2).await;
    assert!(issued[0].text.contains(&id), "the User ID is mailed");
    assert!(!issued[0].text.contains(PASSWORD), "no password in mail");
    login(&t.browser(), &id, PASSWORD).await;
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'registration.completed'")
            .await,
        1
    );
}

#[tokio::test]
async fn email_entry_errors_are_all_shown_and_values_kept() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let p = b
        .post("/register/email", &[("email", ""), ("email_confirm", "")])
        .await;
    p.assert_status(422);
    assert!(p.has("class=\"error-summary\""));
    assert_eq!(p.body.matches("class=\"error-message\"").count(), 2);
    let p = b
        .post(
            "/register/email",
            &[("email", "a@example.jp"), ("email_confirm", "b@example.jp")],
        )
        .await;
    p.assert_status(422);
    assert_eq!(p.input_value("email").unwrap(), "a@example.jp");
    assert_eq!(p.input_value("email_confirm").unwrap(), "b@example.jp");
    assert!(
        p.has("href=\"#f-email_confirm\""),
        "summary links to the field"
    );
    let p = b
        .post(
            "/register/email",
            &[("email", "not-an-email"), ("email_confirm", "not-an-email")],
        )
        .await;
    p.assert_status(422);
    let long = format!("{}@example.jp", "a".repeat(60));
    b.post(
        "/register/email",
        &[("email", &long), ("email_confirm", &long)],
    )
    .await
    .assert_status(422);
    assert!(
        t.mails().await.is_empty(),
        "nothing sent for refused entries"
    );
    assert_eq!(t.scalar("SELECT COUNT(*) FROM email_tokens").await, 0);
}

async fn open_form(t: &TestApp, email: &str) -> (zairyu_testkit::Browser, String) {
    let b = t.browser();
    b.post(
        "/register/email",
        &[("email", email), ("email_confirm", email)],
    )
    .await
    .assert_status(303);
    let path = link(&t.last_mail(email).await, "/register/");
    (b, path)
}

#[tokio::test]
async fn user_register_shows_every_error_at_once_and_keeps_what_was_typed() {
    let t = TestApp::spawn().await;
    let (b, path) = open_form(&t, "x@example.jp").await;
    let p = b.post(&path, &[]).await;
    p.assert_status(422);
    for f in [
        "user_type",
        "name",
        "telephone",
        "password",
        "password_confirm",
    ] {
        assert!(p.has(&format!("id=\"{f}-error\"")), "{f} error shown");
    }
    assert_eq!(
        p.body.matches("<li><a href=\"#f-").count(),
        5,
        "five errors in the summary"
    );
    let p = b
        .post(
            &path,
            &[
                ("user_type", "foreign_national"),
                ("name", "山田"),
                ("telephone", "03-1234-567a"),
                ("password", "short"),
                ("password_confirm", "other"),
            ],
        )
        .await;
    p.assert_status(422);
    assert_eq!(p.input_value("name").unwrap(), "山田", "typed values kept");
    assert_eq!(p.input_value("telephone").unwrap(), "03-1234-567a");
    assert!(p.has("value=\"foreign_national\" checked"), "choice kept");
    assert_eq!(
        p.input_value("password").unwrap_or_default(),
        "",
        "passwords are not sent back"
    );
    assert!(!p.has("id=\"user_type-error\""));
    assert_eq!(t.scalar("SELECT COUNT(*) FROM users").await, 0);
}

#[tokio::test]
async fn each_password_rule_has_its_message() {
    let t = TestApp::spawn().await;
    let (b, path) = open_form(&t, "pw@example.jp").await;
    b.post("/settings/language", &[("lang", "en"), ("back", "/")])
        .await;
    let cases = [
        ("", "is a required field"),
        ("Aa1!aaaa", "at least 10"),
        (&*format!("Aa1!{}", "a".repeat(29)), "33"),
        ("aaaaaaaa1!", "one capital letter"),
        ("AAAAAAAA1!", "one capital letter"),
        ("Aaaaaaaaa!", "one capital letter"),
        ("Aaaaaaaaa1", "one capital letter"),
        ("Aaaaaaaa1!~", "cannot be used"),
    ];
    for (pw, expect) in cases {
        let p = b
            .post(
                &path,
                &[
                    ("user_type", "foreign_national"),
                    ("name", "A B"),
                    ("telephone", "0312345678"),
                    ("password", pw),
                    ("password_confirm", pw),
                ],
            )
            .await;
        p.assert_status(422);
        let msg = p.text_of("password-error").unwrap_or_default();
        let expect = if expect == "33" {
            "32 characters or fewer"
        } else {
            expect
        };
        assert!(msg.contains(expect), "{pw:?}: {msg}");
    }
    let p = b
        .post(
            &path,
            &[
                ("user_type", "foreign_national"),
                ("name", "A B"),
                ("telephone", "0312345678"),
                ("password", PASSWORD),
                ("password_confirm", "Zairyu-Test-2027"),
            ],
        )
        .await;
    assert!(
        p.text_of("password_confirm-error")
            .unwrap()
            .contains("does not match")
    );
}

#[tokio::test]
async fn password_bounds_are_configuration() {
    let t = TestApp::spawn_with(|c| c.password_max = 20).await;
    let (b, path) = open_form(&t, "cfg@example.jp").await;
    let pw = "Aa1!aaaaaaaaaaaaaaaaa"; // 21 characters
    let p = b
        .post(
            &path,
            &[
                ("user_type", "foreign_national"),
                ("name", "A B"),
                ("telephone", "0312345678"),
                ("password", pw),
                ("password_confirm", pw),
            ],
        )
        .await;
    p.assert_status(422);
    assert!(p.has("id=\"password-error\""));
}

#[tokio::test]
async fn return_to_input_and_back_keep_the_entries() {
    let t = TestApp::spawn().await;
    let (b, path) = open_form(&t, "back@example.jp").await;
    b.post(
        &path,
        &[
            ("user_type", "organization_staff"),
            ("name", "KEN ITO"),
            ("telephone", "0611112222"),
            ("password", PASSWORD),
            ("password_confirm", PASSWORD),
        ],
    )
    .await
    .assert_status(303);
    // Return to Input: the form again with the entries (passwords excepted).
    let again = b.get(&path).await;
    assert_eq!(again.input_value("name").unwrap(), "KEN ITO");
    assert_eq!(again.input_value("telephone").unwrap(), "0611112222");
    assert!(again.has("value=\"organization_staff\" checked"));
    // Back to the confirmation page renders again, no error.
    b.get(&format!("{path}/confirm")).await.assert_status(200);
    b.get(&format!("{path}/confirm")).await.assert_status(200);
}

#[tokio::test]
async fn the_link_works_for_24_hours_once() {
    let t = TestApp::spawn().await;
    let (b, path) = open_form(&t, "late@example.jp").await;
    t.advance(Duration::from_secs(24 * 3600 + 1));
    let p = b.get(&path).await;
    p.assert_status(410);
    assert!(p.has("href=\"/register\""), "offers to start again");
    let (b, path) = open_form(&t, "once@example.jp").await;
    b.post(
        &path,
        &[
            ("user_type", "foreign_national"),
            ("name", "ONE"),
            ("telephone", "0312345678"),
            ("password", PASSWORD),
            ("password_confirm", PASSWORD),
        ],
    )
    .await;
    b.post(&format!("{path}/confirm"), &[("action", "submit")])
        .await
        .assert_status(200);
    // Double click / replay: the second Register is refused as used, one account only.
    let again = b
        .post(&format!("{path}/confirm"), &[("action", "submit")])
        .await;
    again.assert_status(410);
    assert!(again.has("href=\"/register\""));
    b.get(&path).await.assert_status(410);
    assert_eq!(t.scalar("SELECT COUNT(*) FROM users").await, 1);
}

#[tokio::test]
async fn forged_or_mangled_links_get_a_clear_page() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    for bad in [
        "/register/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "/register/x",
        &format!("/register/{}", "a".repeat(500)),
    ] {
        let p = b.get(bad).await;
        p.assert_status(404);
        assert!(p.has("href=\"/register\""), "{bad}");
    }
    // Confirm without having entered anything.
    let (b, path) = open_form(&t, "skip@example.jp").await;
    let r = b.get(&format!("{path}/confirm")).await;
    r.assert_status(303);
    assert_eq!(r.location().unwrap(), path);
    b.post(&format!("{path}/confirm"), &[("action", "submit")])
        .await
        .assert_status(404);
    assert_eq!(t.scalar("SELECT COUNT(*) FROM users").await, 0);
}

#[tokio::test]
async fn one_address_may_hold_several_accounts_and_registration_reveals_nothing() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let a = register(&t, &b, "family@example.jp", "MOTHER", PASSWORD).await;
    let c = t.browser();
    let first = c
        .post(
            "/register/email",
            &[
                ("email", "family@example.jp"),
                ("email_confirm", "family@example.jp"),
            ],
        )
        .await;
    let fresh = c
        .post(
            "/register/email",
            &[
                ("email", "nobody@example.jp"),
                ("email_confirm", "nobody@example.jp"),
            ],
        )
        .await;
    assert_eq!(first.status, fresh.status);
    assert_eq!(first.location(), fresh.location());
    let b2 = t.browser();
    let second = register(&t, &b2, "family@example.jp", "CHILD", PASSWORD).await;
    assert_ne!(a, second);
}

#[tokio::test]
async fn registration_mail_is_limited_per_address() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    for _ in 0..5 {
        b.post(
            "/register/email",
            &[
                ("email", "flood@example.jp"),
                ("email_confirm", "flood@example.jp"),
            ],
        )
        .await
        .assert_status(303);
    }
    let p = b
        .post(
            "/register/email",
            &[
                ("email", "flood@example.jp"),
                ("email_confirm", "flood@example.jp"),
            ],
        )
        .await;
    p.assert_status(429);
    assert_eq!(
        p.input_value("email").unwrap(),
        "flood@example.jp",
        "nothing typed is lost"
    );
    b.post(
        "/register/email",
        &[
            ("email", "other@example.jp"),
            ("email_confirm", "other@example.jp"),
        ],
    )
    .await
    .assert_status(303);
}

#[tokio::test]
async fn registration_mail_is_limited_per_client_address() {
    let t = TestApp::spawn_with(|c| c.rate_limits.mail_per_ip.max = 3).await;
    let b = t.browser();
    for i in 0..3 {
        let e = format!("u{i}@example.jp");
        b.post("/register/email", &[("email", &e), ("email_confirm", &e)])
            .await
            .assert_status(303);
    }
    b.post(
        "/register/email",
        &[
            ("email", "u9@example.jp"),
            ("email_confirm", "u9@example.jp"),
        ],
    )
    .await
    .assert_status(429);
}
