//! Save Data / Load Data (SPEC §6.4) and Auto-Fill from past applications (SPEC §6.5).

use zairyu_testkit::{Browser, PASSWORD, TestApp, login, register};

async fn user(t: &TestApp, email: &str) -> Browser {
    let id = register(t, &t.browser(), email, "KAI TAN", PASSWORD).await;
    let b = t.browser();
    login(&b, &id, PASSWORD).await;
    b
}

const ENTRY: &str = "/procedures/ens-request-for-use/entry";
const LOAD: &str = "/procedures/ens-request-for-use/load";

async fn upload(
    t: &TestApp,
    b: &Browser,
    bytes: Vec<u8>,
    with_token: bool,
) -> zairyu_testkit::Page {
    let mut form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name("saved.xml"),
    );
    if with_token {
        form = form.text("csrf", b.csrf().await);
    }
    let r = b
        .client
        .post(format!("{}{LOAD}", t.base))
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = r.status();
    let headers = r.headers().clone();
    zairyu_testkit::Page {
        status,
        headers,
        body: r.text().await.unwrap(),
    }
}

#[tokio::test]
async fn saved_data_is_encrypted_and_loads_back_on_its_own_screen() {
    let t = TestApp::spawn().await;
    let b = user(&t, "save@example.jp").await;
    let saved = b
        .post(
            ENTRY,
            &[
                ("name_en", "KAI TAN"),
                ("residence_card_number", "ZZ99999999ZZ"),
                ("nationality", "VNM"),
                ("telephone", "0311112222"),
                ("action", "save"),
            ],
        )
        .await;
    saved.assert_status(200);
    assert_eq!(
        saved.headers.get("content-type").unwrap(),
        "application/xml"
    );
    assert!(
        saved
            .headers
            .get("content-disposition")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    assert!(saved.body.starts_with("<?xml"));
    assert!(
        !saved.body.contains("ZZ99999999ZZ") && !saved.body.contains("KAI TAN"),
        "nothing readable in the file"
    );
    // The entries change afterwards…
    b.post(ENTRY, &[("name_en", "SOMEONE ELSE"), ("action", "refresh")])
        .await;
    // …and loading the file brings them back.
    let form = b.get(LOAD).await;
    form.assert_status(200);
    assert!(form.has("enctype=\"multipart/form-data\""));
    let r = upload(&t, &b, saved.body.clone().into_bytes(), true).await;
    r.assert_status(303);
    let page = b
        .get(r.headers.get("location").unwrap().to_str().unwrap())
        .await;
    assert_eq!(
        page.input_value("residence_card_number").unwrap(),
        "ZZ99999999ZZ"
    );
    assert_eq!(page.input_value("name_en").unwrap(), "KAI TAN");
    assert!(
        page.has("class=\"alert\""),
        "told it loaded, and that attachments are not in saved files"
    );
}

#[tokio::test]
async fn foreign_altered_or_missing_files_get_a_clear_message_and_change_nothing() {
    let t = TestApp::spawn().await;
    let b = user(&t, "bad@example.jp").await;
    b.post(ENTRY, &[("name_en", "KEEP ME"), ("action", "refresh")])
        .await;
    let saved = b
        .post(ENTRY, &[("name_en", "KEEP ME"), ("action", "save")])
        .await
        .body;
    let mut altered = saved.clone().into_bytes();
    let mid = saved.find("<encrypted>").unwrap() + 30;
    altered[mid] = if altered[mid] == b'A' { b'B' } else { b'A' };
    let key = zairyu_forms::SaveKey::new(
        zairyu_app::SecretKey::from_bytes([0x7a; 32]).mac("save-file", b"v1"),
    );
    let other = zairyu_forms::FormDef::parse(
        "id = \"ens-notification\"\nversion = 1\ntitle = { ja = \"届\", en = \"N\" }\n[[sections]]\nid = \"s\"\ntitle = { ja = \"s\", en = \"s\" }\n[[sections.fields]]\nid = \"name_en\"\nkind = \"text\"\nmax_len = 10\nlabel = { ja = \"a\", en = \"a\" }\n",
        &zairyu_forms::OptionLists::new(),
    )
    .unwrap();
    let newer = zairyu_forms::FormDef::parse(
        "id = \"ens-request-for-use\"\nversion = 3\ntitle = { ja = \"届\", en = \"N\" }\n[[sections]]\nid = \"s\"\ntitle = { ja = \"s\", en = \"s\" }\n[[sections.fields]]\nid = \"name_en\"\nkind = \"text\"\nmax_len = 10\nlabel = { ja = \"a\", en = \"a\" }\n",
        &zairyu_forms::OptionLists::new(),
    )
    .unwrap();
    let answers = zairyu_forms::Answers::from_pairs(&other, &[("name_en".into(), "X".into())]);
    let from_other = zairyu_forms::save_file::encode(&key, &other, &answers, 0, [1; 12]);
    let from_newer = zairyu_forms::save_file::encode(
        &key,
        &newer,
        &zairyu_forms::Answers::from_pairs(&newer, &[("name_en".into(), "X".into())]),
        0,
        [2; 12],
    );
    b.post("/settings/language", &[("lang", "en"), ("back", "/")])
        .await;
    for (bytes, expect) in [
        (
            b"not a save file".to_vec(),
            "not a file saved with Save Data",
        ),
        (altered, "changed since it was saved"),
        (from_other, "different procedure"),
        (from_newer, "newer version"),
        (Vec::new(), "is a required field"),
    ] {
        let r = upload(&t, &b, bytes, true).await;
        r.assert_status(422);
        assert!(r.body.contains(expect), "{expect}: {}", r.body);
    }
    // Missing CSRF token in the upload, and an oversized one.
    upload(&t, &b, saved.clone().into_bytes(), false)
        .await
        .assert_status(403);
    upload(&t, &b, vec![b'x'; 3 * 1024 * 1024], true)
        .await
        .assert_status(413);
    assert_eq!(
        b.get(ENTRY).await.input_value("name_en").unwrap(),
        "KEEP ME",
        "nothing changed"
    );
}

#[tokio::test]
async fn auto_fill_lists_past_applications_and_fills_the_form() {
    let t = TestApp::spawn().await;
    let b = user(&t, "fill@example.jp").await;
    let good = [
        ("name_en", "KAI TAN"),
        ("date_of_birth.unknown", "none"),
        ("date_of_birth", "19850102"),
        ("sex", "male"),
        ("nationality", "NPL"),
        ("residence_card_number", "CD87654321EF"),
        ("telephone", "0311112222"),
        ("action", "submit"),
    ];
    b.post(ENTRY, &good).await.assert_status(303);
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
    let reference = done
        .location()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let list = b.get("/procedures/ens-request-for-use/past").await;
    list.assert_status(200);
    assert!(
        list.has(&format!("value=\"{reference}\"")),
        "the application is listed"
    );
    assert!(
        b.get("/procedures/ens-request-for-use/past?q=KAI")
            .await
            .has(&reference)
    );
    assert!(
        !b.get("/procedures/ens-request-for-use/past?q=NOBODY")
            .await
            .has(&reference)
    );
    assert!(
        !b.get("/procedures/ens-request-for-use/past?from=29990101")
            .await
            .has(&reference)
    );
    let bad = b
        .get("/procedures/ens-request-for-use/past?from=2025-02-30")
        .await;
    bad.assert_status(200);
    assert!(bad.has("class=\"error-summary\""));
    // Another user has no past list entry for it and cannot select it.
    let other = user(&t, "other3@example.jp").await;
    assert!(
        !other
            .get("/procedures/ens-request-for-use/past")
            .await
            .has(&reference)
    );
    other
        .post(
            "/procedures/ens-request-for-use/autofill",
            &[("reference", &reference)],
        )
        .await
        .assert_status(404);
    // Select fills the form.
    let r = b
        .post(
            "/procedures/ens-request-for-use/autofill",
            &[("reference", &reference)],
        )
        .await;
    let to = r.location().unwrap();
    assert!(to.starts_with("/procedures/ens-request-for-use/entry?filled=1"));
    let page = b.get(&to).await;
    assert_eq!(
        page.input_value("residence_card_number").unwrap(),
        "CD87654321EF"
    );
    assert!(page.has("class=\"alert\""));
}
