//! Online Application Procedures, Procedure Explanation and Favorite Procedures (SPEC §5.1, §5.3, §11.1).

use zairyu_testkit::{PASSWORD, TestApp, login, register};

#[tokio::test]
async fn the_list_offers_open_procedures_with_current_as_of() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let p = b.get("/procedures").await;
    p.assert_status(200);
    assert!(p.has("href=\"/procedures/ens-notification\""));
    assert!(p.has("href=\"/procedures/ens-request-for-use\""));
    assert!(
        !p.has("href=\"/procedures/demo-closed-procedure\""),
        "a closed procedure is not offered"
    );
    assert!(p.has("<time>"), "Current as of");
    for n in ["10", "20", "50", "100"] {
        assert!(p.has(&format!("<option value=\"{n}\"")), "{n} per page");
    }
}

#[tokio::test]
async fn keywords_must_all_match_and_synonyms_widen_them() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let count = |p: &zairyu_testkit::Page| p.body.matches("class=\"procedure-name\"").count();
    let all = count(&b.get("/procedures?per=100").await);
    let one = b.get("/procedures?q=%E5%B1%8A%E5%87%BA&per=100").await; // 届出
    assert!(count(&one) >= 1 && count(&one) < all);
    let none = b.get("/procedures?q=%E5%B1%8A%E5%87%BA+zzzzzz").await;
    assert_eq!(count(&none), 0);
    assert!(none.has("class=\"alert\""));
    // Full-width and case folding.
    let folded = b.get("/procedures?q=%EF%BC%AE%EF%BC%AF%EF%BC%B4%EF%BC%A9%EF%BC%A6%EF%BC%A9%EF%BC%A3%EF%BC%A1%EF%BC%B4%EF%BC%A9%EF%BC%AF%EF%BC%AE&per=100").await; // ＮＯＴＩＦＩＣＡＴＩＯＮ
    let plain = b.get("/procedures?q=notification&per=100").await;
    assert_eq!(count(&folded), count(&plain));
    assert!(count(&plain) >= 1);
    // "wife" is not in any text, but its synonym 配偶者 / spouse is.
    assert_eq!(count(&b.get("/procedures?q=wife").await), 0);
    assert!(count(&b.get("/procedures?q=wife&syn=1").await) >= 1);
}

#[tokio::test]
async fn sorting_and_paging_keep_the_search() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    // Pages count procedures; a procedure offered in two versions has a row for each.
    let procedures = |p: &zairyu_testkit::Page| {
        let mut ids: Vec<String> = p
            .body
            .split("<a href=\"/procedures/")
            .skip(1)
            .filter(|chunk| chunk.contains("class=\"procedure-name\""))
            .map(|chunk| chunk.split(['"', '?']).next().unwrap_or("").to_owned())
            .collect();
        ids.dedup();
        ids.len()
    };
    let all = procedures(&b.get("/procedures?per=100").await);
    assert!(all > 10, "more than one page at 10 per page: {all}");
    let p1 = b.get("/procedures?per=10&sort=name").await;
    assert!(p1.has("aria-current=\"page\">1<"));
    assert!(p1.has("page=2"), "a link to page 2");
    assert!(p1.has("sort=name"), "links keep the sort");
    assert_eq!(procedures(&p1), 10);
    let p2 = b.get("/procedures?per=10&sort=name&page=2").await;
    assert!(p2.has("aria-current=\"page\">2<"));
    assert_eq!(procedures(&p2), all - 10);
    // Nonsense parameters fall back instead of failing.
    b.get("/procedures?per=7&page=-3&sort=%3Cscript%3E")
        .await
        .assert_status(200);
    b.get("/procedures?page=99999999999999999999999")
        .await
        .assert_status(200);
}

#[tokio::test]
async fn the_explanation_shows_period_contact_and_why_a_procedure_is_closed() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let p = b.get("/procedures/ens-notification").await;
    p.assert_status(200);
    assert!(
        p.has("050-3786-3053") || p.has("Regional") || p.has("出入国在留管理"),
        "contact information"
    );
    assert!(p.has("href=\"/procedures\""), "Return to List");
    assert!(!p.has("/favorite\""), "no favorites without login");
    let closed = b.get("/procedures/demo-closed-procedure").await;
    closed.assert_status(200);
    assert!(closed.has("class=\"alert\""), "says why it is not offered");
    b.get("/procedures/no-such-procedure")
        .await
        .assert_status(404);
    b.get("/procedures/..%2F..%2Fetc%2Fpasswd")
        .await
        .assert_status(404);
}

#[tokio::test]
async fn favorites_are_added_and_removed_with_a_confirmation() {
    let t = TestApp::spawn().await;
    let anon = t.browser();
    let r = anon.get("/procedures/ens-notification/favorite").await;
    r.assert_status(303);
    let id = register(&t, &t.browser(), "fav@example.jp", "FAV", PASSWORD).await;
    let b = t.browser();
    login(&b, &id, PASSWORD).await;
    let p = b.get("/procedures/ens-notification").await;
    assert!(
        p.has("href=\"/procedures/ens-notification/favorite\""),
        "{} {}",
        p.status,
        p.text_of("main").unwrap_or_default()
    );
    let confirm = b.get("/procedures/ens-notification/favorite").await;
    confirm.assert_status(200);
    assert!(confirm.has("action=\"/procedures/ens-notification/favorite\""));
    let r = b.post("/procedures/ens-notification/favorite", &[]).await;
    assert_eq!(
        r.location().unwrap(),
        "/procedures/ens-notification?added=1"
    );
    // A double click adds it once.
    b.post("/procedures/ens-notification/favorite", &[])
        .await
        .assert_status(303);
    let page = b.get("/procedures/ens-notification?added=1").await;
    assert!(page.has("href=\"/procedures/ens-notification/unfavorite\""));
    let mine = b.get("/mypage/favorites").await;
    assert_eq!(mine.body.matches("class=\"procedure-name\"").count(), 1);
    // Another user sees none of them.
    let other_id = register(&t, &t.browser(), "other@example.jp", "OTHER", PASSWORD).await;
    let o = t.browser();
    login(&o, &other_id, PASSWORD).await;
    assert_eq!(
        o.get("/mypage/favorites")
            .await
            .body
            .matches("class=\"procedure-name\"")
            .count(),
        0
    );
    // Remove from My Page goes back there.
    let confirm = b
        .get("/procedures/ens-notification/unfavorite?back=favorites")
        .await;
    assert!(confirm.has("action=\"/procedures/ens-notification/unfavorite?back=favorites\""));
    let r = b
        .post(
            "/procedures/ens-notification/unfavorite?back=favorites",
            &[],
        )
        .await;
    assert_eq!(r.location().unwrap(), "/mypage/favorites");
    assert_eq!(
        b.get("/mypage/favorites")
            .await
            .body
            .matches("class=\"procedure-name\"")
            .count(),
        0
    );
    b.post("/procedures/no-such/favorite", &[])
        .await
        .assert_status(404);
}
