//! The notification relating to the institution or spouse (SPEC §8, manual 000 §4): led to the
//! request for use first, then the form chosen by status of residence and content, the 14-day
//! deadline warning on the confirmation, Apply, the reference number, Pending and the receipt mail.

use zairyu_testkit::{Browser, PASSWORD, TestApp, login, register};

const ENTRY: &str = "/procedures/ens-notification/entry";
const CONFIRM: &str = "/procedures/ens-notification/confirm";

pub(crate) async fn user(t: &TestApp, email: &str) -> Browser {
    let id = register(t, &t.browser(), email, "ANNA LEE", PASSWORD).await;
    let b = t.browser();
    login(&b, &id, PASSWORD).await;
    b.post("/settings/language", &[("lang", "en"), ("back", "/")])
        .await;
    b
}

/// Files the ENS request for use (approved at once).
pub(crate) async fn request_for_use(b: &Browser) {
    let fields = [
        ("name_en", "ANNA LEE"),
        ("date_of_birth.unknown", "none"),
        ("date_of_birth", "19900415"),
        ("sex", "female"),
        ("nationality", "PHL"),
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
    b.post(
        "/procedures/ens-request-for-use/confirm",
        &[("submit_key", &key), ("action", "submit")],
    )
    .await
    .assert_status(303);
}

/// Whether the input or select named `name` is shown: every field is on the page, but the inputs of
/// those the server judged hidden are `disabled`.
fn shown(p: &zairyu_testkit::Page, name: &str) -> bool {
    let marker = format!("name=\"{name}\"");
    let Some(i) = p.body.find(&marker) else {
        return false;
    };
    let end = i + p.body[i..].find('>').unwrap();
    !p.body[i..end].contains(" disabled")
}

/// `days` days before today in Japan, as typed (YYYYMMDD), and the same date plus 14 as shown.
pub(crate) fn days_ago(t: &TestApp, days: i64) -> (String, String) {
    let d = zairyu_app::filing::today(&t.app).plus_days(-days).unwrap();
    let due = d.plus_days(14).unwrap();
    (
        d.iso().replace('-', ""),
        format!("{:04}/{:02}/{:02}", due.year(), due.month(), due.day()),
    )
}

/// A student who left their school.
pub(crate) fn leaving(date: &str) -> Vec<(&str, &str)> {
    vec![
        ("status", "student"),
        ("content_activity", "leaving"),
        ("name_en", "anna lee"),
        ("telephone", "03-1234-5678"),
        ("mobile", "090-1234-5678"),
        ("leaving_date", date),
        ("org_name", "Tokyo Language School"),
        ("org_postal_code", "100-0013"),
        ("org_address", "東京都千代田区霞が関1-1-1"),
        ("action", "submit"),
    ]
}

#[tokio::test]
async fn without_the_request_for_use_the_user_is_led_there() {
    let t = TestApp::spawn().await;
    let b = user(&t, "nouse@example.jp").await;
    let p = b.get(ENTRY).await;
    p.assert_status(403);
    assert!(
        p.has("href=\"/procedures/ens-request-for-use\""),
        "led to the request for use"
    );
    // Posting the form directly files nothing either.
    let (date, _) = days_ago(&t, 3);
    b.post(ENTRY, &leaving(&date)).await.assert_status(403);
    assert_eq!(t.scalar("SELECT COUNT(*) FROM drafts").await, 0);
    // After the request for use, the completion page leads back and the form opens.
    request_for_use(&b).await;
    let form = b.get(ENTRY).await;
    form.assert_status(200);
    assert!(shown(&form, "status"));
    assert!(
        form.has("value=\"specified_skilled_worker\""),
        "the status list"
    );
    assert!(form.has("value=\"spouse_permanent\""));
}

#[tokio::test]
async fn a_student_leaving_late_is_warned_and_still_files() {
    let t = TestApp::spawn().await;
    let b = user(&t, "student@example.jp").await;
    request_for_use(&b).await;
    // The notifier is filled in from the account.
    let first = b.get(ENTRY).await;
    assert!(shown(&first, "name_en") && shown(&first, "telephone"));
    assert_eq!(first.input_value("name_en").unwrap(), "ANNA LEE");
    assert_eq!(first.input_value("telephone").unwrap(), "09012345678");
    assert!(
        !shown(&first, "org_name"),
        "nothing of the details before a content"
    );
    // Choosing the status shows the activity organisation's contents, and the choice the rest.
    let step = b
        .post(ENTRY, &[("status", "student"), ("action", "update")])
        .await;
    step.assert_status(200);
    assert!(shown(&step, "content_activity"));
    assert!(!shown(&step, "content_contract"), "not for a student");
    assert!(!shown(&step, "content_spouse"));
    let step = b
        .post(
            ENTRY,
            &[
                ("status", "student"),
                ("content_activity", "leaving"),
                ("action", "update"),
            ],
        )
        .await;
    for name in [
        "name_en",
        "telephone",
        "mobile",
        "leaving_date",
        "org_name",
        "org_postal_code",
        "org_address",
    ] {
        assert!(shown(&step, name), "{name} shown for leaving");
    }
    for name in [
        "new_org_name",
        "activity_content",
        "divorce_date",
        "transfer_date",
    ] {
        assert!(!shown(&step, name), "{name} hidden for leaving");
    }
    // A transfer by a student asks for the new school, not for the activity there.
    let transfer = b
        .post(
            ENTRY,
            &[
                ("status", "student"),
                ("content_activity", "transfer"),
                ("action", "update"),
            ],
        )
        .await;
    assert!(shown(&transfer, "new_org_name"));
    assert!(!shown(&transfer, "activity_content"), "not for students");
    let worker = b
        .post(
            ENTRY,
            &[
                ("status", "professor"),
                ("content_activity", "transfer"),
                ("action", "update"),
            ],
        )
        .await;
    assert!(shown(&worker, "activity_content"));

    // Leaving 20 days ago: past the 14-day deadline, warned, still accepted.
    let (date, due) = days_ago(&t, 20);
    let r = b.post(ENTRY, &leaving(&date)).await;
    assert_eq!(r.location().unwrap(), CONFIRM);
    let confirm = b.get(CONFIRM).await;
    confirm.assert_status(200);
    assert!(confirm.has("class=\"alert\""), "the deadline warning");
    assert!(confirm.has("legal deadline for this notification has passed"));
    assert!(confirm.has(&due), "the deadline date {due}");
    for s in [
        "ANNA LEE",
        "Tokyo Language School",
        "100-0013",
        "Leaving",
        "Student",
    ] {
        assert!(confirm.has(s), "{s} on the confirmation");
    }
    let key = confirm.input_value("submit_key").unwrap();
    let done = b
        .post(CONFIRM, &[("submit_key", &key), ("action", "submit")])
        .await;
    let to = done.location().unwrap();
    assert!(
        to.starts_with("/procedures/ens-notification/completed/"),
        "{to}"
    );
    let page = b.get(&to).await;
    page.assert_status(200);
    assert!(
        page.has("class=\"highlight-value\""),
        "the reference number"
    );
    let q = "FROM applications WHERE procedure_id = 'ens-notification'";
    assert_eq!(t.scalar(&format!("SELECT COUNT(*) {q}")).await, 1);
    assert_eq!(t.text(&format!("SELECT status {q}")).await, "pending");
    assert_eq!(t.text(&format!("SELECT kind {q}")).await, "notification");
    assert_eq!(
        t.text(&format!("SELECT related_name {q}")).await,
        "ANNA LEE"
    );
    let stored = t.text(&format!("SELECT answers {q}")).await;
    let iso = format!("{}-{}-{}", &date[..4], &date[4..6], &date[6..]);
    for s in [
        "\"student\"",
        "\"leaving\"",
        &iso,
        "1000013",
        "0312345678",
        "09012345678",
    ] {
        assert!(stored.contains(s), "{s} in {stored}");
    }
    // The receipt mail carries the reference number (after the request for use's two mails).
    let reference = zairyu_domain::ReferenceNumber::parse(to.rsplit('/').next().unwrap())
        .unwrap()
        .display();
    let mails = t.wait_mails("student@example.jp", 5).await;
    assert!(
        mails
            .iter()
            .any(|m| m.text.contains(&reference) && m.text.contains("/applications")),
        "the receipt mail"
    );

    // In time (3 days ago): the neutral note with the last day, no warning.
    let (date, due) = days_ago(&t, 3);
    b.post(ENTRY, &leaving(&date)).await.assert_status(303);
    let confirm = b.get(CONFIRM).await;
    assert!(confirm.has(&due));
    assert!(!confirm.has("has passed"));
    // In Japanese too.
    b.post("/settings/language", &[("lang", "ja"), ("back", "/")])
        .await;
    let (date, _) = days_ago(&t, 30);
    b.post(ENTRY, &leaving(&date)).await.assert_status(303);
    assert!(b.get(CONFIRM).await.has("期限"));
}

#[tokio::test]
async fn bad_input_is_refused_kept_and_never_stored() {
    let t = TestApp::spawn().await;
    let b = user(&t, "bad@example.jp").await;
    request_for_use(&b).await;
    // A content of another classification: the student's section is unanswered, the contract's is
    // hidden and ignored.
    let p = b
        .post(
            ENTRY,
            &[
                ("status", "student"),
                ("content_contract", "termination"),
                ("termination_date", "20250401"),
                ("action", "submit"),
            ],
        )
        .await;
    p.assert_status(422);
    assert!(
        p.has("id=\"f-content_activity-error\""),
        "the student's content is required"
    );
    assert!(!shown(&p, "content_contract"));
    let draft = t.text("SELECT answers FROM drafts").await;
    assert!(
        !draft.contains("content_contract") && !draft.contains("termination"),
        "{draft}"
    );
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM applications WHERE procedure_id = 'ens-notification'")
            .await,
        0
    );

    // A date in the future and a date that does not exist: clear messages, everything kept.
    let future = b.post(ENTRY, &leaving("29991231")).await;
    future.assert_status(422);
    assert!(future.has("id=\"f-leaving_date-error\""));
    assert!(future.has("cannot be in the future"));
    assert_eq!(future.input_value("leaving_date").unwrap(), "29991231");
    assert_eq!(
        future.input_value("org_name").unwrap(),
        "Tokyo Language School"
    );
    assert_eq!(
        future.input_value("org_address").unwrap(),
        "東京都千代田区霞が関1-1-1"
    );
    assert_eq!(future.input_value("mobile").unwrap(), "090-1234-5678");
    assert!(future.has("value=\"student\" selected"));
    assert!(future.has("value=\"leaving\" selected"));
    let nonexistent = b.post(ENTRY, &leaving("20250230")).await;
    nonexistent.assert_status(422);
    assert!(nonexistent.has("id=\"f-leaving_date-error\""));
    assert!(nonexistent.has("is not a date that exists"));
    assert_eq!(nonexistent.input_value("leaving_date").unwrap(), "20250230");
    // An address in one-byte letters beyond 85 characters.
    let addr = "a".repeat(86);
    let mut long = leaving("20250401");
    long[8] = ("org_address", addr.as_str());
    let p = b.post(ENTRY, &long).await;
    p.assert_status(422);
    assert!(p.has("id=\"f-org_address-error\""));
    // Nothing reaches the confirmation while errors remain.
    assert_eq!(b.get(CONFIRM).await.location().unwrap(), ENTRY);
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM applications WHERE procedure_id = 'ens-notification'")
            .await,
        0
    );

    // A tampered pair sent with a good filing: the hidden contract content is never stored.
    let (date, _) = days_ago(&t, 2);
    let mut tampered = leaving(&date);
    tampered.push(("content_contract", "termination"));
    tampered.push(("content_spouse", "divorce"));
    tampered.push(("divorce_date", "20250101"));
    b.post(ENTRY, &tampered).await.assert_status(303);
    let key = b.get(CONFIRM).await.input_value("submit_key").unwrap();
    b.post(CONFIRM, &[("submit_key", &key), ("action", "submit")])
        .await
        .assert_status(303);
    let stored = t
        .text("SELECT answers FROM applications WHERE procedure_id = 'ens-notification'")
        .await;
    for s in [
        "content_contract",
        "termination",
        "content_spouse",
        "divorce",
    ] {
        assert!(!stored.contains(s), "{s} not stored: {stored}");
    }
}

#[tokio::test]
async fn postal_code_address_search_fills_the_address_of_the_button_pressed() {
    let t = TestApp::spawn().await;
    let b = user(&t, "postal-ens@example.jp").await;
    request_for_use(&b).await;
    zairyu_app::postal::import(&t.app, "postal_code,prefecture,city,town,prefecture_kana,city_kana,town_kana\n1000013,東京都,千代田区,霞が関,トウキョウト,チヨダク,カスミガセキ\n5400008,大阪府,大阪市中央区,大手前,オオサカフ,オオサカシチュウオウク,オオテマエ\n".as_bytes()).await.unwrap();
    // A transfer: the old organisation's and the new one's locations, each with its search.
    let answers = |action: &'static str| {
        vec![
            ("status", "student"),
            ("content_activity", "transfer"),
            ("org_postal_code", "1000013"),
            ("org_address", ""),
            ("new_org_postal_code", "5400008"),
            ("new_org_address", ""),
            ("action", action),
        ]
    };
    let p = b
        .post(ENTRY, &answers("postal-search:new_org_postal_code"))
        .await;
    p.assert_status(200);
    assert!(shown(&p, "new_org_address") && shown(&p, "org_address"));
    assert_eq!(
        p.input_value("new_org_address").unwrap(),
        "大阪府大阪市中央区大手前"
    );
    assert_eq!(p.input_value("org_address").unwrap_or_default(), "");
    let p = b
        .post(ENTRY, &answers("postal-search:org_postal_code"))
        .await;
    assert_eq!(
        p.input_value("org_address").unwrap(),
        "東京都千代田区霞が関"
    );
    assert!(p.has("value=\"postal-search:org_postal_code\""));
}
