//! The entry journey on the form engine, with the first real procedure: the Request For Use of the
//! Electronic Notification System (SPEC §6.1, §6.3, §7.1).

use zairyu_testkit::{Browser, PASSWORD, TestApp, login, register};

async fn user(t: &TestApp, email: &str) -> Browser {
    let id = register(t, &t.browser(), email, "ANNA LEE", PASSWORD).await;
    let b = t.browser();
    login(&b, &id, PASSWORD).await;
    b
}

const GOOD: &[(&str, &str)] = &[
    ("name_en", "anna lee"),
    ("date_of_birth.unknown", "none"),
    ("date_of_birth", "19900415"),
    ("sex", "female"),
    ("nationality", "PHL"),
    ("residence_card_number", "ab12345678cd"),
    ("telephone", "090-1234-5678"),
    ("action", "submit"),
];

#[tokio::test]
async fn request_for_use_from_explanation_to_reference_number() {
    let t = TestApp::spawn().await;
    let b = user(&t, "anna@example.jp").await;
    let explanation = b.get("/procedures/ens-request-for-use").await;
    assert!(
        explanation.has("href=\"/procedures/ens-request-for-use/entry\""),
        "Agree"
    );
    let form = b.get("/procedures/ens-request-for-use/entry").await;
    form.assert_status(200);
    assert_eq!(
        form.input_value("name_en").unwrap(),
        "ANNA LEE",
        "filled in from the registration"
    );
    assert_eq!(form.input_value("telephone").unwrap(), "09012345678");
    assert!(form.has("value=\"PHL\""), "the nationality list");
    assert!(
        form.has("name=\"date_of_birth.unknown\""),
        "the unknown-part choices"
    );
    let r = b.post("/procedures/ens-request-for-use/entry", GOOD).await;
    assert_eq!(
        r.location().unwrap(),
        "/procedures/ens-request-for-use/confirm"
    );
    let confirm = b.get("/procedures/ens-request-for-use/confirm").await;
    confirm.assert_status(200);
    for s in ["ANNA LEE", "1990", "AB12345678CD", "09012345678"] {
        assert!(confirm.has(s), "{s} on the confirmation");
    }
    assert!(
        confirm.has("href=\"/procedures/ens-request-for-use/entry\""),
        "Return to Input"
    );
    let key = confirm.input_value("submit_key").unwrap();
    let done = b
        .post(
            "/procedures/ens-request-for-use/confirm",
            &[("submit_key", &key), ("action", "submit")],
        )
        .await;
    let to = done.location().unwrap();
    assert!(
        to.starts_with("/procedures/ens-request-for-use/completed/"),
        "{to}"
    );
    let page = b.get(&to).await;
    page.assert_status(200);
    assert!(
        page.has("class=\"highlight-value\""),
        "the reference number is shown"
    );
    // A double click / replayed POST files nothing new and shows the same completion.
    let again = b
        .post(
            "/procedures/ens-request-for-use/confirm",
            &[("submit_key", &key), ("action", "submit")],
        )
        .await;
    assert_eq!(again.location().unwrap(), to);
    assert_eq!(t.scalar("SELECT COUNT(*) FROM applications").await, 1);
    // Approved at once; the right is recorded with the application it came from.
    assert_eq!(t.text("SELECT status FROM applications").await, "completed");
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM application_events").await,
        2,
        "pending, then completed: a dated history"
    );
    assert_eq!(t.scalar("SELECT COUNT(*) FROM usage_rights WHERE system = 'ens' AND application_id = (SELECT id FROM applications)").await, 1);
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM users WHERE ens_approved_at IS NOT NULL")
            .await,
        1
    );
    let stored = t.text("SELECT answers FROM applications").await;
    assert!(
        stored.contains("AB12345678CD") && stored.contains("1990-04-15"),
        "normalised answers: {stored}"
    );
    assert!(
        !stored.contains("\"action\""),
        "nothing but the form's fields"
    );
    let mails = t.wait_mails("anna@example.jp", 4).await;
    let reference = to.rsplit('/').next().unwrap();
    assert!(
        mails.iter().any(|m| m.text.contains(&reference[..4])),
        "the receipt mail carries the reference number"
    );
    // The draft is gone; Back to the confirmation goes to a fresh entry screen, never an error.
    let back = b.get("/procedures/ens-request-for-use/confirm").await;
    assert_eq!(
        back.location().unwrap(),
        "/procedures/ens-request-for-use/entry"
    );
}

#[tokio::test]
async fn every_error_is_shown_at_once_and_nothing_typed_is_lost() {
    let t = TestApp::spawn().await;
    let b = user(&t, "err@example.jp").await;
    let p = b
        .post(
            "/procedures/ens-request-for-use/entry",
            &[
                ("name_en", "山田"),
                ("date_of_birth", "20250230"),
                ("sex", ""),
                ("nationality", "ZZZ"),
                ("residence_card_number", "12345"),
                ("telephone", "abc"),
                ("action", "submit"),
            ],
        )
        .await;
    p.assert_status(422);
    assert!(p.has("class=\"error-summary\""));
    for id in [
        "f-name_en-error",
        "f-date_of_birth-error",
        "f-sex-error",
        "f-nationality-error",
        "f-residence_card_number-error",
        "f-telephone-error",
    ] {
        assert!(p.has(&format!("id=\"{id}\"")), "{id}");
    }
    assert_eq!(p.input_value("name_en").unwrap(), "山田");
    assert_eq!(p.input_value("date_of_birth").unwrap(), "20250230");
    assert_eq!(p.input_value("residence_card_number").unwrap(), "12345");
    // The draft keeps it too: leaving and coming back restores the entries.
    let again = b.get("/procedures/ens-request-for-use/entry").await;
    assert_eq!(again.input_value("residence_card_number").unwrap(), "12345");
    // A date in the future is refused.
    let future = b
        .post(
            "/procedures/ens-request-for-use/entry",
            &[("date_of_birth", "29991231"), ("action", "submit")],
        )
        .await;
    assert!(future.has("id=\"f-date_of_birth-error\""));
    // Nothing reaches the confirmation while errors remain.
    let c = b.get("/procedures/ens-request-for-use/confirm").await;
    assert_eq!(
        c.location().unwrap(),
        "/procedures/ens-request-for-use/entry"
    );
    assert_eq!(t.scalar("SELECT COUNT(*) FROM applications").await, 0);
}

#[tokio::test]
async fn tampered_or_stale_submissions_file_nothing() {
    let t = TestApp::spawn().await;
    let b = user(&t, "tamper@example.jp").await;
    b.post("/procedures/ens-request-for-use/entry", GOOD).await;
    let confirm = b.get("/procedures/ens-request-for-use/confirm").await;
    let key = confirm.input_value("submit_key").unwrap();
    // A forged key is sent back to the confirmation.
    let forged = b
        .post(
            "/procedures/ens-request-for-use/confirm",
            &[("submit_key", "forged"), ("action", "submit")],
        )
        .await;
    assert_eq!(
        forged.location().unwrap(),
        "/procedures/ens-request-for-use/confirm"
    );
    // The entries changed in another tab after the confirmation was shown: its key no longer applies.
    t.advance(std::time::Duration::from_secs(1));
    let mut changed: Vec<(&str, &str)> = GOOD.to_vec();
    changed[3] = ("sex", "male");
    b.post("/procedures/ens-request-for-use/entry", &changed)
        .await;
    let stale = b
        .post(
            "/procedures/ens-request-for-use/confirm",
            &[("submit_key", &key), ("action", "submit")],
        )
        .await;
    assert_eq!(
        stale.location().unwrap(),
        "/procedures/ens-request-for-use/confirm"
    );
    assert_eq!(t.scalar("SELECT COUNT(*) FROM applications").await, 0);
    // Unknown fields and fields of other forms are ignored, never stored.
    let mut extra: Vec<(&str, &str)> = GOOD.to_vec();
    extra.push(("is_admin", "true"));
    extra.push(("family[0].name", "X"));
    b.post("/procedures/ens-request-for-use/entry", &extra)
        .await;
    let c = b.get("/procedures/ens-request-for-use/confirm").await;
    let key = c.input_value("submit_key").unwrap();
    b.post(
        "/procedures/ens-request-for-use/confirm",
        &[("submit_key", &key), ("action", "submit")],
    )
    .await;
    let stored = t.text("SELECT answers FROM applications").await;
    assert!(!stored.contains("is_admin") && !stored.contains("family"));
}

#[tokio::test]
async fn gates_lead_the_user_where_they_can_go() {
    let t = TestApp::spawn().await;
    let anon = t.browser();
    let r = anon.get("/procedures/ens-request-for-use/entry").await;
    assert!(
        r.location()
            .unwrap()
            .starts_with("/login?next=%2Fprocedures%2Fens-request-for-use%2Fentry")
    );
    let b = user(&t, "gate@example.jp").await;
    // A procedure without an entry screen yet.
    let p = b.get("/procedures/coe-application/entry").await;
    assert!(p.status.is_client_error());
    assert!(p.has("<h1>"));
    // A closed procedure.
    let p = b.get("/procedures/demo-closed-procedure/entry").await;
    p.assert_status(403);
    b.get("/procedures/nope/entry").await.assert_status(404);
    // Another user's reference number is not found.
    b.post("/procedures/ens-request-for-use/entry", GOOD).await;
    let key = b
        .get("/procedures/ens-request-for-use/confirm")
        .await
        .input_value("submit_key")
        .unwrap();
    let to = b
        .post(
            "/procedures/ens-request-for-use/confirm",
            &[("submit_key", &key), ("action", "submit")],
        )
        .await
        .location()
        .unwrap();
    let other = user(&t, "other@example.jp").await;
    other.get(&to).await.assert_status(404);
    b.get(&to).await.assert_status(200);
    b.get("/procedures/ens-request-for-use/completed/not-a-number")
        .await
        .assert_status(404);
}

#[tokio::test]
async fn drafts_are_kept_listed_deleted_and_expire_with_a_reminder() {
    let t = TestApp::spawn().await;
    let b = user(&t, "draft@example.jp").await;
    b.get("/mypage/drafts").await.assert_status(200);
    b.post(
        "/procedures/ens-request-for-use/entry",
        &[
            ("name_en", "ANNA LEE"),
            ("residence_card_number", "AB12"),
            ("action", "submit"),
        ],
    )
    .await
    .assert_status(422);
    let list = b.get("/mypage/drafts").await;
    assert!(
        list.has("href=\"/procedures/ens-request-for-use/entry\""),
        "listed to resume"
    );
    assert!(b.get("/mypage").await.has("href=\"/mypage/drafts\""));
    // Another user sees nothing of it.
    let other = user(&t, "other2@example.jp").await;
    assert!(
        !other
            .get("/mypage/drafts")
            .await
            .has("ens-request-for-use/entry")
    );
    other
        .post("/mypage/drafts/ens-request-for-use/delete", &[])
        .await
        .assert_status(303);
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM drafts").await,
        1,
        "another user cannot delete it"
    );
    // 23 days later (7 before expiry) a reminder is mailed, once.
    t.advance(std::time::Duration::from_secs(23 * 24 * 3600 + 60));
    zairyu_app::outbox::purge(&t.app).await.unwrap();
    zairyu_app::outbox::purge(&t.app).await.unwrap();
    let mails: Vec<_> = t
        .wait_mails("draft@example.jp", 3)
        .await
        .into_iter()
        .filter(|m| m.text.contains("/mypage/drafts"))
        .collect();
    assert_eq!(mails.len(), 1, "one reminder");
    // After 30 days the draft is gone.
    t.advance(std::time::Duration::from_secs(8 * 24 * 3600));
    zairyu_app::outbox::purge(&t.app).await.unwrap();
    assert_eq!(t.scalar("SELECT COUNT(*) FROM drafts").await, 0);
    // Deleting one's own draft.
    b.post(
        "/procedures/ens-request-for-use/entry",
        &[("name_en", "ANNA LEE"), ("action", "submit")],
    )
    .await;
    b.post("/mypage/drafts/ens-request-for-use/delete", &[])
        .await
        .assert_status(303);
    assert_eq!(t.scalar("SELECT COUNT(*) FROM drafts").await, 0);
}

#[tokio::test]
async fn two_versions_are_offered_side_by_side_and_each_filing_records_its_own() {
    let t = TestApp::spawn().await;
    let b = user(&t, "versions@example.jp").await;
    b.post("/settings/language", &[("lang", "en"), ("back", "/")])
        .await;
    let list = b.get("/procedures?per=100").await;
    assert!(
        list.has("href=\"/procedures/ens-request-for-use?v=1\""),
        "the older version is listed: {}",
        list.body
            .split("procedure-list")
            .nth(1)
            .unwrap_or("")
            .chars()
            .take(1500)
            .collect::<String>()
    );
    assert!(list.has("_latest"), "the newest is marked _latest");
    let older = b.get("/procedures/ens-request-for-use?v=1").await;
    assert!(
        older.has("href=\"/procedures/ens-request-for-use/entry?v=1\""),
        "Agree leads to version 1"
    );
    assert!(
        !b.get("/procedures/ens-request-for-use/entry?v=1")
            .await
            .has("name=\"mobile\""),
        "version 1 has no mobile field"
    );
    assert!(
        b.get("/procedures/ens-request-for-use/entry")
            .await
            .has("name=\"mobile\""),
        "the latest has it"
    );
    // Filing on version 1 stays on version 1 through confirmation and Apply.
    let r = b
        .post("/procedures/ens-request-for-use/entry?v=1", GOOD)
        .await;
    assert_eq!(
        r.location().unwrap(),
        "/procedures/ens-request-for-use/confirm?v=1"
    );
    let c = b.get("/procedures/ens-request-for-use/confirm?v=1").await;
    assert!(c.has("action=\"/procedures/ens-request-for-use/confirm?v=1\""));
    let key = c.input_value("submit_key").unwrap();
    b.post(
        "/procedures/ens-request-for-use/confirm?v=1",
        &[("submit_key", &key), ("action", "submit")],
    )
    .await
    .assert_status(303);
    assert_eq!(t.scalar("SELECT form_version FROM applications").await, 1);
    // A file saved on version 1 is refused on the latest with the older-version message.
    let saved = b
        .post(
            "/procedures/ens-request-for-use/entry?v=1",
            &[("name_en", "ANNA LEE"), ("action", "save")],
        )
        .await
        .body;
    let form = reqwest::multipart::Form::new()
        .text("csrf", b.csrf().await)
        .part(
            "file",
            reqwest::multipart::Part::bytes(saved.into_bytes()).file_name("v1.xml"),
        );
    let r = b
        .client
        .post(format!("{}/procedures/ens-request-for-use/load", t.base))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 422);
    assert!(r.text().await.unwrap().contains("earlier version"));
    // An unknown version falls back to the latest.
    assert!(
        b.get("/procedures/ens-request-for-use/entry?v=9")
            .await
            .has("name=\"mobile\"")
    );
}
