//! Application situation confirmation and Details (SPEC §9.1–9.3).

use zairyu_testkit::{Browser, PASSWORD, TestApp, login, register};

async fn user(t: &TestApp, email: &str, name: &str) -> Browser {
    let id = register(t, &t.browser(), email, name, PASSWORD).await;
    let b = t.browser();
    login(&b, &id, PASSWORD).await;
    b
}

/// Files the ENS request for use and returns the reference number.
pub(crate) async fn file(b: &Browser, name: &str) -> String {
    let fields = [
        ("name_en", name),
        ("date_of_birth.unknown", "none"),
        ("date_of_birth", "19900101"),
        ("sex", "male"),
        ("nationality", "KOR"),
        ("residence_card_number", "AB12345678CD"),
        ("telephone", "0312345678"),
        ("action", "submit"),
    ];
    b.post("/procedures/ens-request-for-use/entry", &fields)
        .await
        .assert_status(303);
    let key = b
        .get("/procedures/ens-request-for-use/confirm")
        .await
        .input_value("submit_key")
        .unwrap();
    let done = b
        .post(
            "/procedures/ens-request-for-use/confirm",
            &[("submit_key", &key), ("action", "submit")],
        )
        .await;
    done.location()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn the_list_shows_only_ones_own_filings_with_search_and_paging() {
    let t = TestApp::spawn().await;
    let anon = t.browser();
    assert!(
        anon.get("/applications")
            .await
            .location()
            .unwrap()
            .starts_with("/login?next=%2Fapplications")
    );
    let b = user(&t, "list@example.jp", "MIN HO").await;
    let empty = b.get("/applications").await;
    empty.assert_status(200);
    assert!(empty.has("class=\"alert\""));
    let mut refs = Vec::new();
    for i in 0..12 {
        refs.push(file(&b, if i == 0 { "FIRST ONE" } else { "MIN HO" }).await);
        t.advance(std::time::Duration::from_secs(60));
    }
    let other = user(&t, "stranger@example.jp", "STRANGER").await;
    let theirs = file(&other, "STRANGER").await;
    let p1 = b.get("/applications").await;
    p1.assert_status(200);
    assert_eq!(
        p1.body.matches("href=\"/applications/").count(),
        10,
        "10 per page"
    );
    assert!(p1.has(&refs[11]) && !p1.has(&refs[0]), "newest first");
    assert!(!p1.has(&theirs), "never another user's");
    assert!(p1.has("page=2"));
    let p2 = b.get("/applications?page=2").await;
    assert_eq!(p2.body.matches("href=\"/applications/").count(), 2);
    let oldest = b.get("/applications?sort=old").await;
    assert!(oldest.has(&refs[0]));
    let by_name = b.get("/applications?related=first").await;
    assert_eq!(by_name.body.matches("href=\"/applications/").count(), 1);
    let by_number = b
        .get(&format!("/applications?related={}", &refs[3][..6]))
        .await;
    assert!(by_number.has(&refs[3]));
    assert_eq!(
        b.get("/applications?procedure=zzzz")
            .await
            .body
            .matches("href=\"/applications/")
            .count(),
        0
    );
    assert!(
        b.get("/applications?procedure=%E5%88%A9%E7%94%A8%E7%94%B3%E5%87%BA&per=20")
            .await
            .body
            .matches("href=\"/applications/")
            .count()
            == 12
    ); // 利用申出
    assert_eq!(
        b.get("/applications?from=29990101")
            .await
            .body
            .matches("href=\"/applications/")
            .count(),
        0
    );
    let bad = b.get("/applications?from=20250230&to=abc").await;
    bad.assert_status(200);
    assert!(bad.has("class=\"error-summary\""));
    b.get("/applications?page=999999999999999999999&per=7&sort=%3C")
        .await
        .assert_status(200);
    b.get("/applications?related=%25%25%25_")
        .await
        .assert_status(200);
}

#[tokio::test]
async fn details_show_status_history_and_answers_to_the_owner_only() {
    let t = TestApp::spawn().await;
    let b = user(&t, "det@example.jp", "SU JIN").await;
    let reference = file(&b, "SU JIN").await;
    let d = b.get(&format!("/applications/{reference}")).await;
    d.assert_status(200);
    for s in [
        "SU JIN",
        "AB12345678CD",
        "data-print",
        "<ol class=\"history\">",
    ] {
        assert!(d.has(s), "{s}");
    }
    assert_eq!(
        d.body.matches("<li><time>").count(),
        2,
        "pending then completed"
    );
    let other = user(&t, "nosy@example.jp", "NOSY").await;
    other
        .get(&format!("/applications/{reference}"))
        .await
        .assert_status(404);
    b.get("/applications/NOTAREFERENCE")
        .await
        .assert_status(404);
    b.get("/applications/%00").await.assert_status(404);
}
