//! My Page and user information (SPEC §11).

use zairyu_testkit::{PASSWORD, TestApp, link, login, register};

async fn signed_in(t: &TestApp, email: &str) -> (zairyu_testkit::Browser, String) {
    let id = register(t, &t.browser(), email, "YUKI SATO", PASSWORD).await;
    let b = t.browser();
    login(&b, &id, PASSWORD).await;
    (b, id)
}

#[tokio::test]
async fn my_page_and_user_details_need_login_and_show_the_user() {
    let t = TestApp::spawn().await;
    let anon = t.browser();
    for p in [
        "/mypage",
        "/mypage/user",
        "/mypage/user/email",
        "/mypage/user/password",
        "/mypage/user/edit",
    ] {
        let r = anon.get(p).await;
        r.assert_status(303);
        assert!(r.location().unwrap().starts_with("/login?next="), "{p}");
    }
    let (b, id) = signed_in(&t, "yuki@example.jp").await;
    let my = b.get("/mypage").await;
    assert!(
        my.has("href=\"/mypage/user\"")
            && my.has("href=\"/applications\"")
            && my.has("href=\"/mypage/favorites\"")
    );
    let d = b.get("/mypage/user").await;
    d.assert_status(200);
    for s in [
        id.as_str(),
        "YUKI SATO",
        "09012345678",
        "yuki@example.jp",
        "/mypage/user/email",
        "/mypage/user/password",
        "/mypage/user/edit",
    ] {
        assert!(d.has(s), "{s}");
    }
}

#[tokio::test]
async fn changing_the_email_takes_effect_when_the_link_is_opened() {
    let t = TestApp::spawn().await;
    let (b, _) = signed_in(&t, "old@example.jp").await;
    let bad = b
        .post(
            "/mypage/user/email",
            &[
                ("email", "new@example.jp"),
                ("email_confirm", "neu@example.jp"),
            ],
        )
        .await;
    bad.assert_status(422);
    assert_eq!(bad.input_value("email").unwrap(), "new@example.jp");
    b.post(
        "/mypage/user/email",
        &[
            ("email", "new@example.jp"),
            ("email_confirm", "new@example.jp"),
        ],
    )
    .await
    .assert_status(303);
    let mail = t.last_mail("new@example.jp").await;
    let path = link(&mail, "/email-change/");
    assert!(
        b.get("/mypage/user").await.has("old@example.jp"),
        "nothing changes before the link is opened"
    );
    // Opening the link (even in a browser that is not logged in) shows what will change.
    let phone = t.browser();
    let confirm = phone.get(&path).await;
    confirm.assert_status(200);
    assert!(confirm.has("new@example.jp"));
    assert!(
        b.get("/mypage/user").await.has("old@example.jp"),
        "opening alone changes nothing (mail scanners)"
    );
    phone.post(&path, &[]).await.assert_status(303);
    assert!(b.get("/mypage/user").await.has("new@example.jp"));
    let notice = t.wait_mails("old@example.jp", 3).await.remove(0);
    assert!(
        notice.text.contains("n***@example.jp"),
        "the old address is told: {}",
        notice.text
    );
    phone.get(&path).await.assert_status(410);
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_rotates_the_session() {
    let t = TestApp::spawn().await;
    let (b, id) = signed_in(&t, "pw@example.jp").await;
    let other = t.browser();
    login(&other, &id, PASSWORD).await;
    let before = b.cookie("zairyu_session").unwrap();
    let wrong = b
        .post(
            "/mypage/user/password",
            &[
                ("current_password", "Not-my-pass-1"),
                ("password", "Next-Pass-2026"),
                ("password_confirm", "Next-Pass-2026"),
            ],
        )
        .await;
    wrong.assert_status(422);
    assert!(wrong.has("id=\"current_password-error\""));
    let empty = b.post("/mypage/user/password", &[]).await;
    empty.assert_status(422);
    assert_eq!(empty.body.matches("class=\"error-message\"").count(), 3);
    let ok = b
        .post(
            "/mypage/user/password",
            &[
                ("current_password", PASSWORD),
                ("password", "Next-Pass-2026"),
                ("password_confirm", "Next-Pass-2026"),
            ],
        )
        .await;
    assert_eq!(ok.location().unwrap(), "/mypage/user/password/done");
    let after = b.cookie("zairyu_session").unwrap();
    assert_ne!(before, after, "new session id after a change of privilege");
    b.get("/mypage/user/password/done").await.assert_status(200);
    other.get("/mypage").await.assert_status(303);
    login(&t.browser(), &id, "Next-Pass-2026").await;
    let mails = t.wait_mails("pw@example.jp", 3).await;
    assert!(!mails[0].text.contains("Next-Pass-2026"));
}

#[tokio::test]
async fn changing_other_information_goes_through_a_confirmation() {
    let t = TestApp::spawn().await;
    let (b, _) = signed_in(&t, "tel@example.jp").await;
    let form = b.get("/mypage/user/edit").await;
    assert_eq!(form.input_value("telephone").unwrap(), "09012345678");
    assert!(
        !form.has("id=\"f-postal_code\""),
        "post code only after the RASENS request for use is approved"
    );
    let bad = b
        .post("/mypage/user/edit", &[("telephone", "03-12ab")])
        .await;
    bad.assert_status(422);
    assert_eq!(bad.input_value("telephone").unwrap(), "03-12ab");
    let confirm = b
        .post("/mypage/user/edit", &[("telephone", "03-9999-8888")])
        .await;
    confirm.assert_status(200);
    assert!(confirm.has("0399998888"));
    // Return to Input keeps the entry.
    let back = b
        .post(
            "/mypage/user/edit/confirm",
            &[
                ("telephone", "0399998888"),
                ("postal_code", ""),
                ("address", ""),
                ("action", "back"),
            ],
        )
        .await;
    assert_eq!(back.input_value("telephone").unwrap(), "0399998888");
    assert!(
        b.get("/mypage/user").await.has("09012345678"),
        "not changed yet"
    );
    let done = b
        .post(
            "/mypage/user/edit/confirm",
            &[
                ("telephone", "0399998888"),
                ("postal_code", ""),
                ("address", ""),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(done.location().unwrap(), "/mypage/user/edit/done");
    assert!(b.get("/mypage/user").await.has("0399998888"));
    t.wait_mails("tel@example.jp", 3).await;
    // Tampered hidden fields are checked again.
    b.post(
        "/mypage/user/edit/confirm",
        &[("telephone", "abc"), ("action", "submit")],
    )
    .await
    .assert_status(422);
}

#[tokio::test]
async fn postal_code_address_search_fills_the_address() {
    let t = TestApp::spawn().await;
    let (b, _) = signed_in(&t, "addr@example.jp").await;
    // A user whose RASENS request for use is approved (that screen comes in a later issue).
    t.exec("UPDATE users SET rasens_approved_at = 1").await;
    zairyu_app::postal::import(&t.app, "postal_code,prefecture,city,town,prefecture_kana,city_kana,town_kana\n1000001,東京都,千代田区,千代田,トウキョウト,チヨダク,チヨダ\n0600000,北海道,札幌市中央区,,ホッカイドウ,サッポロシチュウオウク,\n0600000,北海道,札幌市中央区,大通西,ホッカイドウ,サッポロシチュウオウク,オオドオリニシ\n".as_bytes()).await.unwrap();
    let form = b.get("/mypage/user/edit").await;
    assert!(form.has("id=\"f-postal_code\"") && form.has("value=\"postal-search\""));
    // Without JavaScript: the search button re-renders the form with the address.
    let p = b
        .post(
            "/mypage/user/edit",
            &[
                ("postal_code", "100-0001"),
                ("address", ""),
                ("telephone", "0312345678"),
                ("action", "postal-search"),
            ],
        )
        .await;
    p.assert_status(200);
    assert_eq!(p.input_value("address").unwrap(), "東京都千代田区千代田");
    assert_eq!(
        p.input_value("telephone").unwrap(),
        "0312345678",
        "other entries kept"
    );
    // Several towns: a choice.
    let p = b
        .post(
            "/mypage/user/edit",
            &[
                ("postal_code", "0600000"),
                ("address", ""),
                ("telephone", "0312345678"),
                ("action", "postal-search"),
            ],
        )
        .await;
    assert!(p.has("name=\"pick_address\" value=\"北海道札幌市中央区大通西\""));
    let p = b
        .post(
            "/mypage/user/edit",
            &[
                ("postal_code", "0600000"),
                ("address", ""),
                ("telephone", "0312345678"),
                ("pick_address", "北海道札幌市中央区大通西"),
            ],
        )
        .await;
    assert_eq!(
        p.input_value("address").unwrap(),
        "北海道札幌市中央区大通西"
    );
    let p = b
        .post(
            "/mypage/user/edit",
            &[
                ("postal_code", "9999999"),
                ("address", ""),
                ("telephone", "0312345678"),
                ("action", "postal-search"),
            ],
        )
        .await;
    assert!(p.has("class=\"alert\""));
    let p = b
        .post(
            "/mypage/user/edit",
            &[
                ("postal_code", "12"),
                ("address", ""),
                ("telephone", "0312345678"),
                ("action", "postal-search"),
            ],
        )
        .await;
    p.assert_status(422);
    // For the script: JSON.
    let j = b.get("/postal/1000001").await;
    assert!(j.has("東京都千代田区千代田"));
    // Confirm and change.
    let c = b
        .post(
            "/mypage/user/edit",
            &[
                ("postal_code", "1000001"),
                ("address", "東京都千代田区千代田1-1"),
                ("telephone", "0312345678"),
            ],
        )
        .await;
    c.assert_status(200);
    assert!(c.has("100-0001") && c.has("東京都千代田区千代田１－１"));
    b.post(
        "/mypage/user/edit/confirm",
        &[
            ("postal_code", "1000001"),
            ("address", "東京都千代田区千代田１－１"),
            ("telephone", "0312345678"),
            ("action", "submit"),
        ],
    )
    .await
    .assert_status(303);
    let d = b.get("/mypage/user").await;
    assert!(d.has("100-0001") && d.has("東京都千代田区千代田１－１"));
    let bad = b
        .post(
            "/mypage/user/edit",
            &[
                ("postal_code", ""),
                ("address", &"東".repeat(86)),
                ("telephone", "0312345678"),
            ],
        )
        .await;
    bad.assert_status(422);
    assert!(bad.has("id=\"postal_code-error\"") && bad.has("id=\"address-error\""));
}

async fn lang(b: &zairyu_testkit::Browser, l: &str) {
    b.post("/settings/language", &[("lang", l), ("back", "/")])
        .await;
}

/// The value beside `label` on a details page.
fn row(page: &zairyu_testkit::Page, label: &str) -> String {
    let marker = format!("<dt>{label}</dt><dd>");
    let i = page
        .body
        .find(&marker)
        .unwrap_or_else(|| panic!("no {label} row in:\n{}", page.body))
        + marker.len();
    zairyu_testkit::html_unescape(&page.body[i..i + page.body[i..].find("</dd>").unwrap()])
}

#[tokio::test]
async fn sex_and_date_of_birth_are_shown_in_words_in_the_users_language() {
    let t = TestApp::spawn().await;
    let (b, _) = signed_in(&t, "dates@example.jp").await;

    lang(&b, "en").await;
    // Before any card reading: nothing recorded.
    let d = b.get("/mypage/user").await;
    assert_eq!(row(&d, "Sex"), "—");
    assert_eq!(row(&d, "Date of birth"), "—");
    // What a card reading records (RASENS request for use): codes and an ISO date, partly unknown.
    let cases: [(&str, &str, &str, &str, &str, &str); 4] = [
        (
            "female",
            "1988-09-02",
            "Female",
            "2 September 1988",
            "女",
            "1988年9月2日",
        ),
        (
            "male",
            "1990-04",
            "Male",
            "April 1990 (day unknown)",
            "男",
            "1990年4月",
        ),
        (
            "unknown",
            "1975",
            "Unknown",
            "1975 (month and day unknown)",
            "不明",
            "1975",
        ),
        ("male", "", "Male", "Unknown", "男", "不明"),
    ];
    for (sex, dob, sex_en, dob_en, sex_ja, dob_ja) in cases {
        t.exec(&format!(
            "UPDATE users SET sex = '{sex}', date_of_birth = '{dob}'"
        ))
        .await;
        lang(&b, "en").await;
        let d = b.get("/mypage/user").await;
        assert_eq!(row(&d, "Sex"), sex_en);
        assert_eq!(row(&d, "Date of birth"), dob_en);
        lang(&b, "ja").await;
        let d = b.get("/mypage/user").await;
        assert_eq!(row(&d, "性別"), sex_ja);
        assert!(
            row(&d, "生年月日").starts_with(dob_ja),
            "{} for {dob}",
            row(&d, "生年月日")
        );
        // The raw codes never show.
        assert!(!d.has(&format!("<dd>{sex}</dd>")) && !d.has(&format!("<dd>{dob}</dd>")));
    }
    // Spanish and Korean, whose order differs.
    t.exec("UPDATE users SET sex = 'female', date_of_birth = '1988-09-02'")
        .await;
    lang(&b, "es").await;
    let d = b.get("/mypage/user").await;
    assert_eq!(row(&d, "Fecha de nacimiento"), "2 de septiembre de 1988");
    assert_eq!(row(&d, "Sexo"), "Mujer");
    lang(&b, "ko").await;
    let d = b.get("/mypage/user").await;
    assert_eq!(row(&d, "생년월일"), "1988년 9월 2일");
    // The Change Other Information confirmation shows the same rows.
    lang(&b, "en").await;
    let r = b
        .post("/mypage/user/edit", &[("telephone", "0311112222")])
        .await;
    r.assert_status(200);
    assert_eq!(row(&r, "Sex"), "Female");
    assert_eq!(row(&r, "Date of birth"), "2 September 1988");
}
