//! CSRF on every state change, hostile and malformed requests get clear pages, never a 500.

use zairyu_testkit::{PASSWORD, TestApp, login, register};

/// Every POST route of the site (paths with a token use a made-up one).
const POST_ROUTES: &[&str] = &[
    "/register",
    "/register/email",
    "/register/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    "/register/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/confirm",
    "/login",
    "/logout",
    "/session/extend",
    "/forgot-user-id",
    "/forgot-password",
    "/password-reset/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    "/settings/language",
    "/settings/scheme",
    "/mypage/user/email",
    "/email-change/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    "/mypage/user/password",
    "/mypage/user/edit",
    "/mypage/user/edit/confirm",
    "/procedures/ens-notification/favorite",
    "/procedures/ens-notification/unfavorite",
    "/procedures/ens-request-for-use/entry",
    "/procedures/ens-request-for-use/confirm",
    "/mypage/drafts/ens-request-for-use/delete",
    "/procedures/ens-request-for-use/load",
    "/procedures/ens-request-for-use/autofill",
];

#[tokio::test]
async fn every_post_route_refuses_a_missing_or_wrong_csrf_token() {
    let t = TestApp::spawn().await;
    let id = register(&t, &t.browser(), "c@example.jp", "C", PASSWORD).await;
    let b = t.browser();
    login(&b, &id, PASSWORD).await;
    let users = t.scalar("SELECT COUNT(*) FROM users").await;
    let jobs = t.scalar("SELECT COUNT(*) FROM jobs").await;
    for route in POST_ROUTES {
        let missing = b
            .post_raw(
                route,
                &[
                    ("email", "x@example.jp"),
                    ("email_confirm", "x@example.jp"),
                    ("lang", "en"),
                ],
            )
            .await;
        assert_eq!(missing.status.as_u16(), 403, "{route} without a token");
        assert!(missing.has("<h1>"), "{route}: a page, not a bare status");
        let wrong = b
            .post_raw(
                route,
                &[
                    ("csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                    ("lang", "en"),
                ],
            )
            .await;
        assert_eq!(wrong.status.as_u16(), 403, "{route} with a wrong token");
        // A token from another browser is wrong too.
        let other = t.browser().csrf().await;
        let stolen = b.post_raw(route, &[("csrf", &other), ("lang", "en")]).await;
        assert_eq!(
            stolen.status.as_u16(),
            403,
            "{route} with another browser's token"
        );
        let json = b
            .client
            .post(format!("{}{route}", t.base))
            .header("content-type", "application/json")
            .body("{}")
            .send()
            .await
            .unwrap();
        assert_eq!(json.status().as_u16(), 403, "{route} as JSON");
    }
    assert_eq!(t.scalar("SELECT COUNT(*) FROM users").await, users);
    assert_eq!(t.scalar("SELECT COUNT(*) FROM jobs").await, jobs);
    b.get("/mypage").await.assert_status(200);
    assert!(
        b.get("/").await.has("<html lang=\"ja\""),
        "language unchanged"
    );
}

#[tokio::test]
async fn oversized_and_malformed_requests_get_clear_pages() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let token = b.csrf().await;
    let big = "a".repeat(200 * 1024);
    let r = b
        .post_raw("/register/email", &[("csrf", &token), ("email", &big)])
        .await;
    r.assert_status(413);
    assert!(r.has("<h1>"));
    let r = b
        .client
        .post(format!("{}/register/email", t.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("csrf=%ZZ&&=%%")
        .send()
        .await
        .unwrap();
    assert!(r.status().is_client_error(), "{}", r.status());
    let r = b
        .client
        .post(format!("{}/register/email", t.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(vec![0xff, 0xfe, 0x00])
        .send()
        .await
        .unwrap();
    assert!(r.status().is_client_error(), "{}", r.status());
    let r = b
        .client
        .put(format!("{}/login", t.base))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_client_error());
    let r = b
        .client
        .delete(format!("{}/", t.base))
        .header("x-csrf-token", &token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 405);
    assert!(r.text().await.unwrap().contains("<h1>"));
    let r = b.get("/no/such/page").await;
    r.assert_status(404);
    assert!(r.has("<h1>"));
    let r = b.get("/register/%00%ff").await;
    assert!(r.status.is_client_error());
    assert_eq!(t.scalar("SELECT COUNT(*) FROM email_tokens").await, 0);
}

#[tokio::test]
async fn a_session_cookie_that_is_not_ours_is_ignored() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let r = b
        .client
        .get(format!("{}/mypage", t.base))
        .header("cookie", "zairyu_session=forged")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);
    let r = b
        .client
        .get(format!("{}/", t.base))
        .header("cookie", format!("zairyu_session={}", "x".repeat(5000)))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success() || r.status().is_client_error());
}

#[tokio::test]
async fn personal_data_stays_out_of_urls_and_cookies() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let id = register(&t, &b, "private@example.jp", "PRIVATE PERSON", PASSWORD).await;
    login(&b, &id, PASSWORD).await;
    let cookies = format!("{:?}", b.cookie("zairyu_session"));
    assert!(!cookies.contains("private") && !cookies.contains(&id));
    let stored = t
        .scalar("SELECT COUNT(*) FROM users WHERE password_hash LIKE '$argon2id$%'")
        .await;
    assert_eq!(stored, 1, "argon2id");
}

#[tokio::test]
async fn return_paths_never_leave_the_site() {
    let t = TestApp::spawn().await;
    let id = register(&t, &t.browser(), "nav@example.jp", "NAV", PASSWORD).await;
    let b = t.browser();
    login(&b, &id, PASSWORD).await;
    for evil in [
        "/\t/evil.example/",
        "/\\evil.example",
        "/ /evil.example",
        "/\n/evil.example",
        "//evil.example",
        "https://evil.example",
        "/%09/x",
    ] {
        let r = b
            .post("/settings/language", &[("lang", "ja"), ("back", evil)])
            .await;
        let to = r.location().unwrap();
        assert!(
            to == "/" || to == evil && evil == "/%09/x",
            "{evil:?} → {to:?}"
        );
        let r = b.get(&format!("/login?next={}", urlencode(evil))).await;
        let to = r.location().unwrap_or_default();
        assert!(!to.contains("evil"), "{evil:?} → {to:?}");
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
