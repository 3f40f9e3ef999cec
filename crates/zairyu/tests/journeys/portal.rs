//! The portal shell (SPEC §2).

use zairyu_testkit::{PASSWORD, TestApp, login, register};

#[tokio::test]
async fn top_page_shows_notices_menu_and_contact() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let p = b.get("/").await;
    p.assert_status(200);
    assert!(p.has("<html lang=\"ja\""), "Japanese by default");
    assert!(p.has("/notices/"), "demo notices listed");
    assert!(p.has("href=\"/notices\""), "List of Notices");
    assert!(p.has("href=\"/register\""), "New Registration");
    assert!(p.has("href=\"/login\""));
    assert!(
        p.has("id=\"top\"") && p.has("href=\"#top\""),
        "To the page upper part"
    );
    assert!(p.has("name=\"scheme\" value=\"black\""));
    assert_eq!(p.headers.get("x-frame-options").unwrap(), "DENY");
    let csp = p
        .headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    assert!(!p.body.contains("<script>"), "no inline script");
    assert!(!p.body.contains("style=\""), "no inline style");
    let notices = b.get("/notices").await;
    notices.assert_status(200);
    let first = notices
        .body
        .split("href=\"/notices/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let n = b.get(&format!("/notices/{first}")).await;
    n.assert_status(200);
    assert!(n.has("【デモ】") || n.has("[Demo]"));
    b.get("/notices/999999").await.assert_status(404);
    b.get("/notices/abc").await.assert_status(404);
}

#[tokio::test]
async fn language_menu_offers_eight_languages_and_is_remembered() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let p = b.get("/").await;
    for (code, name) in [
        ("ja", "日本語"),
        ("en", "English"),
        ("zh-Hans", "中文(简体字)"),
        ("zh-Hant", "中文(繁体字)"),
        ("ko", "한국어"),
        ("es", "Español"),
        ("vi", "Tiếng Việt"),
        ("tl", "Tagalog"),
    ] {
        assert!(
            p.has(&format!("value=\"{code}\" lang=\"{code}\"")),
            "{code}"
        );
        assert!(p.has(name), "{name}");
    }
    let r = b
        .post(
            "/settings/language",
            &[("lang", "en"), ("back", "/notices")],
        )
        .await;
    r.assert_status(303);
    assert_eq!(r.location().unwrap(), "/notices");
    let p = b.get("/").await;
    assert!(p.has("<html lang=\"en\""));
    assert!(p.has("General Notices"));
    // A language without its own translation yet falls back to English key by key.
    b.post("/settings/language", &[("lang", "vi"), ("back", "/")])
        .await
        .assert_status(303);
    let p = b.get("/").await;
    assert!(p.has("<html lang=\"vi\""));
    assert!(!p.has("top-general-notices"), "no raw keys");
    // Only paths of this site are followed back.
    let r = b
        .post(
            "/settings/language",
            &[("lang", "en"), ("back", "https://evil.example/")],
        )
        .await;
    assert_eq!(r.location().unwrap(), "/");
    let r = b
        .post(
            "/settings/language",
            &[("lang", "en"), ("back", "//evil.example/")],
        )
        .await;
    assert_eq!(r.location().unwrap(), "/");
    b.post("/settings/language", &[("lang", "xx"), ("back", "/")])
        .await
        .assert_status(400);
}

#[tokio::test]
async fn accept_language_chooses_the_first_visit_language() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let r = b
        .client
        .get(format!("{}/", t.base))
        .header("accept-language", "en-US,en;q=0.9")
        .send()
        .await
        .unwrap();
    assert!(r.text().await.unwrap().contains("<html lang=\"en\""));
}

#[tokio::test]
async fn colour_scheme_is_remembered() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    for s in ["blue", "yellow", "black", "standard"] {
        b.post("/settings/scheme", &[("scheme", s), ("back", "/")])
            .await
            .assert_status(303);
        let p = b.get("/").await;
        assert!(p.has(&format!("data-scheme=\"{s}\"")), "{s}");
        assert!(p.has(&format!(
            "value=\"{s}\" class=\"scheme-{s}\" aria-pressed=\"true\""
        )));
    }
    b.post("/settings/scheme", &[("scheme", "purple"), ("back", "/")])
        .await
        .assert_status(400);
}

#[tokio::test]
async fn header_shows_name_mypage_logout_and_last_login_date() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let id = register(&t, &b, "taro@example.jp", "TARO YAMADA", PASSWORD).await;
    login(&b, &id, PASSWORD).await;
    let p = b.get("/").await;
    assert!(p.has("TARO YAMADA") && p.has("href=\"/mypage\"") && p.has("href=\"/logout\""));
    assert!(
        !p.has("class=\"last-login\""),
        "no previous login on the first one"
    );
    assert!(
        !p.has("href=\"/register\""),
        "New Registration hidden when logged in"
    );
    let b2 = t.browser();
    login(&b2, &id, PASSWORD).await;
    let p = b2.get("/").await;
    assert!(p.has("class=\"last-login\""), "the previous login is shown");
    assert!(p.has("data-session-expires=\"") && !p.has("data-session-expires=\"0\""));
}

#[tokio::test]
async fn health_readiness_metrics_and_assets() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    b.get("/healthz").await.assert_status(200);
    b.get("/readyz").await.assert_status(200);
    let m = b.get("/metrics").await;
    assert!(m.has("zairyu_jobs_open"));
    let css = b.get("/static/app.css").await;
    css.assert_status(200);
    assert!(
        css.headers
            .get("cache-control")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    assert!(css.has("[data-scheme=\"black\"]"));
    b.get("/static/app.js").await.assert_status(200);
}
