//! Login, lockout, logout and the session (SPEC §2.5, §4.1–4.3).

use std::time::Duration;
use zairyu_testkit::{PASSWORD, TestApp, login, register};

async fn user(t: &TestApp) -> String {
    register(t, &t.browser(), "user@example.jp", "TEST USER", PASSWORD).await
}

#[tokio::test]
async fn login_opens_my_page_and_rotates_the_session() {
    let t = TestApp::spawn().await;
    let id = user(&t).await;
    let b = t.browser();
    let form = b.get("/login").await;
    assert!(form.has("href=\"/forgot-user-id\"") && form.has("href=\"/forgot-password\""));
    let r = b
        .post(
            "/login",
            &[("login_id", &id.to_lowercase()), ("password", PASSWORD)],
        )
        .await;
    r.assert_status(303);
    assert_eq!(r.location().unwrap(), "/mypage");
    let first = b.cookie("zairyu_session").unwrap();
    b.get("/mypage").await.assert_status(200);
    // Logging in again gives a new session id; the old one no longer works.
    login(&b, &id, PASSWORD).await;
    let second = b.cookie("zairyu_session").unwrap();
    assert_ne!(first, second);
    let old = t.browser();
    let r = old
        .client
        .get(format!("{}/mypage", t.base))
        .header("cookie", format!("zairyu_session={first}"))
        .send()
        .await
        .unwrap();
    // The first session stays valid (another device may use it) — but never becomes the second.
    assert!(r.status().is_success() || r.status().is_redirection());
}

#[tokio::test]
async fn wrong_credentials_get_one_message_and_keep_the_user_id() {
    let t = TestApp::spawn().await;
    let id = user(&t).await;
    let b = t.browser();
    let wrong_pw = b
        .post(
            "/login",
            &[("login_id", &id), ("password", "Wrong-pass-123")],
        )
        .await;
    wrong_pw.assert_status(401);
    assert_eq!(wrong_pw.input_value("login_id").unwrap(), id);
    let unknown = b
        .post(
            "/login",
            &[("login_id", "ZZZZZZZZZZ"), ("password", "Wrong-pass-123")],
        )
        .await;
    unknown.assert_status(401);
    let alert = |p: &zairyu_testkit::Page| {
        p.body
            .split("class=\"alert\"")
            .nth(1)
            .unwrap()
            .split("</div>")
            .next()
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        alert(&wrong_pw),
        alert(&unknown),
        "same answer for unknown user and wrong password"
    );
    let empty = b
        .post("/login", &[("login_id", ""), ("password", "")])
        .await;
    empty.assert_status(422);
    assert!(empty.has("id=\"login_id-error\"") && empty.has("id=\"password-error\""));
    let garbage = b
        .post(
            "/login",
            &[("login_id", "<script>alert(1)</script>"), ("password", "x")],
        )
        .await;
    garbage.assert_status(401);
    assert!(!garbage.has("<script>alert(1)"), "escaped");
}

#[tokio::test]
async fn five_wrong_passwords_lock_for_24_hours() {
    let t = TestApp::spawn().await;
    let id = user(&t).await;
    let b = t.browser();
    for i in 1..=4 {
        b.post(
            "/login",
            &[("login_id", &id), ("password", "Wrong-pass-123")],
        )
        .await
        .assert_status(401);
        assert_eq!(t.scalar("SELECT failed_logins FROM users").await, i);
    }
    b.post(
        "/login",
        &[("login_id", &id), ("password", "Wrong-pass-123")],
    )
    .await
    .assert_status(403);
    // The right password during the lock does not get in.
    let p = b
        .post("/login", &[("login_id", &id), ("password", PASSWORD)])
        .await;
    p.assert_status(403);
    assert!(p.has("href=\"/forgot-password\""));
    t.advance(Duration::from_secs(23 * 3600));
    b.post("/login", &[("login_id", &id), ("password", PASSWORD)])
        .await
        .assert_status(403);
    t.advance(Duration::from_secs(3600 + 1));
    login(&b, &id, PASSWORD).await;
    assert_eq!(t.scalar("SELECT failed_logins FROM users").await, 0);
}

#[tokio::test]
async fn a_success_resets_the_count() {
    let t = TestApp::spawn().await;
    let id = user(&t).await;
    let b = t.browser();
    for _ in 0..4 {
        b.post(
            "/login",
            &[("login_id", &id), ("password", "Wrong-pass-123")],
        )
        .await;
    }
    login(&b, &id, PASSWORD).await;
    for _ in 0..4 {
        b.post(
            "/login",
            &[("login_id", &id), ("password", "Wrong-pass-123")],
        )
        .await
        .assert_status(401);
    }
    login(&b, &id, PASSWORD).await;
}

#[tokio::test]
async fn parallel_wrong_attempts_never_get_a_sixth_try() {
    let t = TestApp::spawn().await;
    let id = user(&t).await;
    let mut tasks = Vec::new();
    for _ in 0..30 {
        let b = t.browser();
        let id = id.clone();
        tasks.push(tokio::spawn(async move {
            b.post(
                "/login",
                &[("login_id", &id), ("password", "Wrong-pass-123")],
            )
            .await
            .status
            .as_u16()
        }));
    }
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.unwrap());
    }
    let checked = statuses.iter().filter(|s| **s == 401).count()
        + statuses.iter().filter(|s| **s == 403).count();
    assert_eq!(checked, 30);
    assert!(
        statuses.iter().filter(|s| **s == 401).count() <= 4,
        "{statuses:?}"
    );
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'login.failed'")
            .await,
        5,
        "exactly five passwords were checked"
    );
    // And now the right one is refused too.
    t.browser()
        .post("/login", &[("login_id", &id), ("password", PASSWORD)])
        .await
        .assert_status(403);
}

#[tokio::test]
async fn parallel_right_and_wrong_attempts_at_the_edge_stay_consistent() {
    let t = TestApp::spawn().await;
    let id = user(&t).await;
    let b = t.browser();
    for _ in 0..4 {
        b.post(
            "/login",
            &[("login_id", &id), ("password", "Wrong-pass-123")],
        )
        .await;
    }
    let mut tasks = Vec::new();
    for i in 0..10 {
        let b = t.browser();
        let id = id.clone();
        let pw = if i == 0 { PASSWORD } else { "Wrong-pass-123" };
        tasks.push(tokio::spawn(async move {
            b.post("/login", &[("login_id", &id), ("password", pw)])
                .await
                .status
                .as_u16()
        }));
    }
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.unwrap());
    }
    // Only one attempt could take the fifth slot. If it was the right password it got in and reset
    // the count (so later guesses start again from one); otherwise the account is locked. Never
    // more than five failures in a row are checked.
    let logged_in = statuses.iter().filter(|s| **s == 303).count();
    let locked = t
        .scalar("SELECT COUNT(*) FROM users WHERE locked_until IS NOT NULL")
        .await;
    let failures_in_a_row = t.scalar("SELECT failed_logins FROM users").await;
    assert!(failures_in_a_row <= 5, "{failures_in_a_row}");
    assert!(logged_in <= 1, "{statuses:?}");
    assert!(
        logged_in == 1 || locked == 1,
        "{statuses:?} locked={locked}"
    );
    let failed = t
        .scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'login.failed'")
        .await;
    if logged_in == 0 {
        assert_eq!(failed, 5, "{statuses:?}");
    } else {
        assert!(failed <= 4 + 5, "{statuses:?}");
    }
}

#[tokio::test]
async fn logout_asks_for_confirmation() {
    let t = TestApp::spawn().await;
    let id = user(&t).await;
    let b = t.browser();
    login(&b, &id, PASSWORD).await;
    let confirm = b.get("/logout").await;
    confirm.assert_status(200);
    assert!(confirm.has("action=\"/logout\""));
    b.get("/mypage").await.assert_status(200);
    let r = b.post("/logout", &[]).await;
    assert_eq!(r.location().unwrap(), "/logged-out");
    let r = b.get("/mypage").await;
    r.assert_status(303);
    assert!(r.location().unwrap().starts_with("/login"));
    assert_eq!(t.scalar("SELECT COUNT(*) FROM sessions").await, 0);
    // Logging out when already logged out is harmless.
    b.post("/logout", &[]).await.assert_status(303);
}

#[tokio::test]
async fn idle_for_three_hours_ends_the_session_and_login_returns_to_the_page() {
    let t = TestApp::spawn().await;
    let id = user(&t).await;
    let b = t.browser();
    login(&b, &id, PASSWORD).await;
    t.advance(Duration::from_secs(2 * 3600 + 50 * 60));
    b.get("/mypage/user").await.assert_status(200);
    // Activity moved the deadline: another 2 h 50 min later the session still lives.
    t.advance(Duration::from_secs(2 * 3600 + 50 * 60));
    b.get("/mypage").await.assert_status(200);
    t.advance(Duration::from_secs(3 * 3600 + 1));
    let r = b.get("/mypage/user").await;
    r.assert_status(303);
    let to = r.location().unwrap();
    assert!(
        to.contains("next=%2Fmypage%2Fuser") && to.contains("expired=1"),
        "{to}"
    );
    let page = b.get(&to).await;
    assert!(
        page.has("class=\"alert\""),
        "the login page says the session ended"
    );
    assert_eq!(page.input_value("next").unwrap(), "/mypage/user");
    let r = b
        .post(
            "/login",
            &[
                ("login_id", &id),
                ("password", PASSWORD),
                ("next", "/mypage/user"),
            ],
        )
        .await;
    assert_eq!(r.location().unwrap(), "/mypage/user");
    // A next that points away from the site is ignored.
    let b2 = t.browser();
    let r = b2
        .post(
            "/login",
            &[
                ("login_id", &id),
                ("password", PASSWORD),
                ("next", "https://evil.example/"),
            ],
        )
        .await;
    assert_eq!(r.location().unwrap(), "/");
}

#[tokio::test]
async fn ok_in_the_dialog_extends_by_three_hours() {
    let t = TestApp::spawn().await;
    let id = user(&t).await;
    let b = t.browser();
    login(&b, &id, PASSWORD).await;
    t.advance(Duration::from_secs(2 * 3600 + 55 * 60));
    let token = b.csrf().await;
    let r = b
        .client
        .post(format!("{}/session/extend", t.base))
        .header("x-csrf-token", token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let j: serde_json::Value = serde_json::from_str(&r.text().await.unwrap()).unwrap();
    let expires = j["expires_at"].as_i64().unwrap();
    assert_eq!(expires, t.app.now() + 3 * 3600 * 1000);
    t.advance(Duration::from_secs(2 * 3600 + 55 * 60));
    b.get("/mypage").await.assert_status(200);
    // Without a token the extension is refused.
    let r = b
        .client
        .post(format!("{}/session/extend", t.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    // Without a session it says so.
    let anon = t.browser();
    let token = anon.csrf().await;
    let r = anon
        .client
        .post(format!("{}/session/extend", t.base))
        .header("x-csrf-token", token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn logins_are_limited_per_client_address() {
    let t = TestApp::spawn_with(|c| c.rate_limits.login_per_ip.max = 3).await;
    let b = t.browser();
    for _ in 0..3 {
        b.post(
            "/login",
            &[("login_id", "ABCDEFGHJK"), ("password", "Wrong-pass-123")],
        )
        .await
        .assert_status(401);
    }
    let p = b
        .post(
            "/login",
            &[("login_id", "ABCDEFGHJK"), ("password", "Wrong-pass-123")],
        )
        .await;
    p.assert_status(429);
    assert_eq!(p.input_value("login_id").unwrap(), "ABCDEFGHJK");
    t.advance(Duration::from_secs(601));
    b.post(
        "/login",
        &[("login_id", "ABCDEFGHJK"), ("password", "Wrong-pass-123")],
    )
    .await
    .assert_status(401);
}
