//! Forgot User ID and forgot password (SPEC §4.4), and that neither reveals whether an account exists.

use std::time::Duration;
use zairyu_testkit::{PASSWORD, Page, TestApp, link, login, register};

/// The page with the parts that differ per request (CSRF token) removed.
fn comparable(p: &Page) -> String {
    p.body
        .lines()
        .filter(|l| !l.contains("csrf"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn forgot_user_id_mails_the_ids_and_reveals_nothing() {
    let t = TestApp::spawn().await;
    let id = register(&t, &t.browser(), "mika@example.jp", "MIKA TANAKA", PASSWORD).await;
    let b = t.browser();
    let form = b.get("/forgot-user-id").await;
    assert!(form.has("id=\"f-email\"") && form.has("id=\"f-name\""));
    let hit = b
        .post(
            "/forgot-user-id",
            &[("email", "MIKA@example.jp"), ("name", "mika tanaka")],
        )
        .await;
    let miss = b
        .post(
            "/forgot-user-id",
            &[("email", "nobody@example.jp"), ("name", "NO ONE")],
        )
        .await;
    assert_eq!((hit.status, hit.location()), (miss.status, miss.location()));
    let sent_hit = b.get(&hit.location().unwrap()).await;
    let sent_miss = b.get(&miss.location().unwrap()).await;
    assert_eq!(
        comparable(&sent_hit),
        comparable(&sent_miss),
        "the same page either way"
    );
    let mails = t.wait_mails("MIKA@example.jp", 1).await;
    assert!(mails[0].text.contains(&id));
    let none = t.last_mail("nobody@example.jp").await;
    assert!(!none.text.contains(&id));
    let empty = b.post("/forgot-user-id", &[]).await;
    empty.assert_status(422);
    assert!(empty.has("id=\"email-error\"") && empty.has("id=\"name-error\""));
}

#[tokio::test]
async fn password_reset_sets_a_new_password_and_lifts_the_lock() {
    let t = TestApp::spawn().await;
    let id = register(&t, &t.browser(), "ken@example.jp", "KEN", PASSWORD).await;
    let b = t.browser();
    for _ in 0..5 {
        b.post(
            "/login",
            &[("login_id", &id), ("password", "Wrong-pass-123")],
        )
        .await;
    }
    b.post("/login", &[("login_id", &id), ("password", PASSWORD)])
        .await
        .assert_status(403);
    let sessions_before = t.browser();
    let hit = b
        .post(
            "/forgot-password",
            &[("login_id", &id), ("email", "ken@example.jp")],
        )
        .await;
    let miss = b
        .post(
            "/forgot-password",
            &[("login_id", &id), ("email", "other@example.jp")],
        )
        .await;
    assert_eq!((hit.status, hit.location()), (miss.status, miss.location()));
    let mail = t.wait_mails("ken@example.jp", 3).await.remove(0);
    let path = link(&mail, "/password-reset/");
    assert!(
        !t.last_mail("other@example.jp")
            .await
            .text
            .contains("/password-reset/"),
        "no link for a wrong pair"
    );
    let form = b.get(&path).await;
    form.assert_status(200);
    assert!(form.has(&id));
    let bad = b
        .post(&path, &[("password", "weak"), ("password_confirm", "weak")])
        .await;
    bad.assert_status(422);
    let new_pw = "Another-Pass-77";
    let done = b
        .post(&path, &[("password", new_pw), ("password_confirm", new_pw)])
        .await;
    assert_eq!(done.location().unwrap(), "/password-reset-done");
    // Used once only.
    b.get(&path).await.assert_status(410);
    b.post(&path, &[("password", new_pw), ("password_confirm", new_pw)])
        .await
        .assert_status(410);
    // The lock is lifted, the old password is gone, the change is mailed.
    b.post("/login", &[("login_id", &id), ("password", PASSWORD)])
        .await
        .assert_status(401);
    login(&b, &id, new_pw).await;
    let changed = t.wait_mails("ken@example.jp", 4).await.remove(0);
    assert!(!changed.text.contains(new_pw));
    drop(sessions_before);
}

#[tokio::test]
async fn reset_links_expire_after_24_hours() {
    let t = TestApp::spawn().await;
    let id = register(&t, &t.browser(), "exp@example.jp", "EXP", PASSWORD).await;
    let b = t.browser();
    b.post(
        "/forgot-password",
        &[("login_id", &id), ("email", "exp@example.jp")],
    )
    .await;
    let path = link(
        &t.wait_mails("exp@example.jp", 3).await.remove(0),
        "/password-reset/",
    );
    t.advance(Duration::from_secs(24 * 3600 + 1));
    let p = b.get(&path).await;
    p.assert_status(410);
    assert!(p.has("href=\"/forgot-password\""));
}

#[tokio::test]
async fn a_reset_ends_every_session_of_the_account() {
    let t = TestApp::spawn().await;
    let id = register(&t, &t.browser(), "s@example.jp", "S", PASSWORD).await;
    let other_device = t.browser();
    login(&other_device, &id, PASSWORD).await;
    let b = t.browser();
    b.post(
        "/forgot-password",
        &[("login_id", &id), ("email", "s@example.jp")],
    )
    .await;
    let path = link(
        &t.wait_mails("s@example.jp", 3).await.remove(0),
        "/password-reset/",
    );
    b.post(
        &path,
        &[
            ("password", "Brand-New-Pass-1"),
            ("password_confirm", "Brand-New-Pass-1"),
        ],
    )
    .await
    .assert_status(303);
    other_device.get("/mypage").await.assert_status(303);
}

#[tokio::test]
async fn forgot_password_is_limited_per_account() {
    let t = TestApp::spawn().await;
    let id = register(&t, &t.browser(), "lim@example.jp", "LIM", PASSWORD).await;
    let b = t.browser();
    for i in 0..5 {
        let e = format!("guess{i}@example.jp");
        b.post("/forgot-password", &[("login_id", &id), ("email", &e)])
            .await
            .assert_status(303);
    }
    let p = b
        .post(
            "/forgot-password",
            &[("login_id", &id), ("email", "lim@example.jp")],
        )
        .await;
    p.assert_status(429);
    assert_eq!(p.input_value("login_id").unwrap(), id);
}
