//! The back office (SPEC §13, §8.4, §9.2): officers log in with a password and a TOTP code (enrolled
//! by QR code at the first login), see the queue of their office, and act on filings; each action
//! changes the status the applicant sees and sends them an email. Every permission rule has a test.

use crate::notification::{days_ago, leaving, request_for_use, user};
use std::time::Duration;
use zairyu_testkit::{Browser, Page, TestApp};

/// Creates an officer and logs them in through both factors.
pub(crate) async fn officer(t: &TestApp, login_id: &str, role: &str, office: &str) -> Browser {
    let created = zairyu_app::officers::create(
        &t.app,
        &zairyu_app::officers::NewOfficerInput {
            login_id,
            name: "Officer Test",
            email: &format!("{login_id}@isa.example.jp"),
            role,
            office,
            locale: "en",
        },
        "test",
        "127.0.0.1",
    )
    .await
    .unwrap()
    .unwrap();
    let b = t.browser();
    b.post("/settings/language", &[("lang", "en"), ("back", "/")])
        .await;
    let p = b
        .post(
            "/officer/login",
            &[
                ("login_id", login_id),
                ("password", &created.initial_password),
            ],
        )
        .await;
    assert_eq!(p.location().as_deref(), Some("/officer/second-factor"));
    let enrol = b.get("/officer/second-factor").await;
    enrol.assert_status(200);
    assert!(enrol.has("<svg"), "the QR code is drawn inline");
    let code = zairyu_app::officers::current_code(&t.app, login_id)
        .await
        .unwrap()
        .unwrap();
    let p = b.post("/officer/second-factor", &[("code", &code)]).await;
    assert_eq!(p.location().as_deref(), Some("/officer"), "{}", p.body);
    b
}

/// An applicant with an approved request for use who files a notification; returns the browser and
/// the filing's id.
async fn notified(t: &TestApp, email: &str) -> (Browser, i64) {
    let b = user(t, email).await;
    request_for_use(&b).await;
    let (date, _) = days_ago(t, 3);
    b.post("/procedures/ens-notification/entry", &leaving(&date))
        .await
        .assert_status(303);
    let key = b
        .get("/procedures/ens-notification/confirm")
        .await
        .input_value("submit_key")
        .unwrap();
    b.post(
        "/procedures/ens-notification/confirm",
        &[("submit_key", &key), ("action", "submit")],
    )
    .await
    .assert_status(303);
    let id = t
        .scalar("SELECT MAX(id) FROM applications WHERE procedure_id = 'ens-notification'")
        .await;
    (b, id)
}

async fn act(b: &Browser, id: i64, action: &str, note: &str) -> Page {
    b.post(
        &format!("/officer/applications/{id}/act"),
        &[("action", action), ("note", note)],
    )
    .await
}

/// Waits until a mail to `to` whose subject contains `subject` has been written.
async fn wait_subject(t: &TestApp, to: &str, subject: &str) -> zairyu_mail::StoredMail {
    for _ in 0..500 {
        if let Some(m) = t
            .mails()
            .await
            .into_iter()
            .find(|m| m.to == to && m.subject.contains(subject))
        {
            return m;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let all = t.mails().await;
    mail_with(&all, subject).clone()
}

fn mail_with<'a>(
    mails: &'a [zairyu_mail::StoredMail],
    subject: &str,
) -> &'a zairyu_mail::StoredMail {
    mails
        .iter()
        .find(|m| m.subject.contains(subject))
        .unwrap_or_else(|| {
            panic!(
                "no mail {subject:?} in {:?}",
                mails.iter().map(|m| &m.subject).collect::<Vec<_>>()
            )
        })
}

#[tokio::test]
async fn officers_need_a_password_and_a_one_time_code() {
    let t = TestApp::spawn().await;
    let created = zairyu_app::officers::create(
        &t.app,
        &zairyu_app::officers::NewOfficerInput {
            login_id: "tanaka",
            name: "Tanaka",
            email: "tanaka@isa.example.jp",
            role: "clerk",
            office: "tokyo",
            locale: "en",
        },
        "test",
        "127.0.0.1",
    )
    .await
    .unwrap()
    .unwrap();
    let b = t.browser();
    b.post("/settings/language", &[("lang", "en"), ("back", "/")])
        .await;
    // Nothing of the back office without a session.
    assert_eq!(
        b.get("/officer").await.location().as_deref(),
        Some("/officer/login")
    );
    // A wrong password: the same answer as an unknown officer ID.
    let wrong = b
        .post(
            "/officer/login",
            &[("login_id", "tanaka"), ("password", "Wrong-pass-1")],
        )
        .await;
    wrong.assert_status(401);
    let unknown = b
        .post(
            "/officer/login",
            &[("login_id", "nobody"), ("password", "Wrong-pass-1")],
        )
        .await;
    unknown.assert_status(401);
    assert_eq!(wrong.text_of("main"), unknown.text_of("main"));
    // Empty fields: the error summary.
    b.post("/officer/login", &[("login_id", ""), ("password", "")])
        .await
        .assert_status(422);
    // The password alone opens only the second-factor page.
    let p = b
        .post(
            "/officer/login",
            &[
                ("login_id", "tanaka"),
                ("password", &created.initial_password),
            ],
        )
        .await;
    assert_eq!(p.location().as_deref(), Some("/officer/second-factor"));
    let partial = b.cookie("zairyu_officer").unwrap();
    assert_eq!(
        b.get("/officer").await.location().as_deref(),
        Some("/officer/second-factor")
    );
    let enrol = b.get("/officer/second-factor").await;
    assert!(
        enrol.has("class=\"secret\""),
        "the key to type is shown beside the QR code"
    );
    // A wrong code is refused with a message and the form again.
    let p = b
        .post("/officer/second-factor", &[("code", "000000")])
        .await;
    if p.status.as_u16() != 303 {
        p.assert_status(401);
        assert!(p.has("incorrect"));
    }
    let code = zairyu_app::officers::current_code(&t.app, "tanaka")
        .await
        .unwrap()
        .unwrap();
    let p = b.post("/officer/second-factor", &[("code", &code)]).await;
    assert_eq!(p.location().as_deref(), Some("/officer"));
    // The full session has a new id.
    let full = b.cookie("zairyu_officer").unwrap();
    assert_ne!(partial, full);
    let q = b.get("/officer").await;
    q.assert_status(200);
    assert!(q.has("Applications and notifications"));
    // Logging out ends it.
    b.post("/officer/logout", &[]).await.assert_status(200);
    assert_eq!(
        b.get("/officer").await.location().as_deref(),
        Some("/officer/login")
    );
    // The same code cannot be used twice, even at a new login.
    b.post(
        "/officer/login",
        &[
            ("login_id", "tanaka"),
            ("password", &created.initial_password),
        ],
    )
    .await;
    b.post("/officer/second-factor", &[("code", &code)])
        .await
        .assert_status(401);
    t.advance(Duration::from_secs(30));
    let code = zairyu_app::officers::current_code(&t.app, "tanaka")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        b.post("/officer/second-factor", &[("code", &code)])
            .await
            .location()
            .as_deref(),
        Some("/officer")
    );
    // 30 minutes idle and the session ends.
    t.advance(Duration::from_secs(31 * 60));
    assert_eq!(
        b.get("/officer").await.location().as_deref(),
        Some("/officer/login?expired=1")
    );
    assert!(
        t.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'officer.totp.enrolled'")
            .await
            == 1
    );
}

#[tokio::test]
async fn wrong_codes_count_toward_the_lockout() {
    let t = TestApp::spawn().await;
    let created = zairyu_app::officers::create(
        &t.app,
        &zairyu_app::officers::NewOfficerInput {
            login_id: "suzuki",
            name: "Suzuki",
            email: "suzuki@isa.example.jp",
            role: "clerk",
            office: "tokyo",
            locale: "en",
        },
        "test",
        "127.0.0.1",
    )
    .await
    .unwrap()
    .unwrap();
    let b = t.browser();
    b.post("/settings/language", &[("lang", "en"), ("back", "/")])
        .await;
    b.post(
        "/officer/login",
        &[
            ("login_id", "suzuki"),
            ("password", &created.initial_password),
        ],
    )
    .await;
    b.get("/officer/second-factor").await;
    let code = zairyu_app::officers::current_code(&t.app, "suzuki")
        .await
        .unwrap()
        .unwrap();
    let wrong = if code == "123456" { "654321" } else { "123456" };
    // The password took one of the five attempts; four wrong codes take the rest.
    for _ in 0..3 {
        b.post("/officer/second-factor", &[("code", wrong)])
            .await
            .assert_status(401);
    }
    let p = b.post("/officer/second-factor", &[("code", wrong)]).await;
    p.assert_status(403);
    assert!(p.has("locked"));
    // Locked: even the right password and code do not get in.
    let p = b
        .post(
            "/officer/login",
            &[
                ("login_id", "suzuki"),
                ("password", &created.initial_password),
            ],
        )
        .await;
    p.assert_status(403);
    assert!(
        t.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'officer.totp.failed'")
            .await
            == 4
    );
}

#[tokio::test]
async fn applicants_reach_no_officer_route() {
    let t = TestApp::spawn().await;
    let (b, id) = notified(&t, "applicant@example.jp").await;
    for path in ["/officer", &format!("/officer/applications/{id}")] {
        let p = b.get(path).await;
        assert_eq!(p.location().as_deref(), Some("/officer/login"), "{path}");
    }
    let p = act(&b, id, "accept", "").await;
    assert_eq!(p.location().as_deref(), Some("/officer/login"));
    // An applicant's session cookie sent as the officer cookie is no officer session either.
    let session = b.cookie("zairyu_session").unwrap();
    let forged = t.browser();
    forged.jar.add_cookie_str(
        &format!("zairyu_officer={session}"),
        &forged.base.parse().unwrap(),
    );
    assert_eq!(
        forged.get("/officer").await.location().as_deref(),
        Some("/officer/login?expired=1")
    );
    assert_eq!(
        t.text(&format!("SELECT status FROM applications WHERE id = {id}"))
            .await,
        "pending"
    );
}

#[tokio::test]
async fn a_notification_is_received_then_registered_and_the_applicant_is_told() {
    let t = TestApp::spawn().await;
    let (applicant, id) = notified(&t, "anna@example.jp").await;
    // The applicant has no address on record: the headquarters' queue.
    let clerk = officer(&t, "clerk1", "clerk", "hq").await;
    let q = clerk.get("/officer?status=pending").await;
    q.assert_status(200);
    assert!(q.has(&format!("/officer/applications/{id}")));
    let view = clerk.get(&format!("/officer/applications/{id}")).await;
    view.assert_status(200);
    assert!(view.has("Tokyo Language School"), "the answers as entered");
    assert!(view.has("value=\"accept\""));
    assert!(
        !view.has("value=\"approve\""),
        "only the actions of the status and role"
    );
    // Accept: the notification receipt number, and the mail that gives it.
    let p = act(&clerk, id, "accept", "").await;
    assert_eq!(
        p.location().unwrap(),
        format!("/officer/applications/{id}?done=application_completed")
    );
    let number = t
        .text(&format!(
            "SELECT receipt_number FROM applications WHERE id = {id}"
        ))
        .await;
    assert!(number.starts_with("本届"), "{number}");
    assert_eq!(number.chars().count(), 12);
    let m = wait_subject(&t, "anna@example.jp", "Notification receipt number").await;
    assert!(m.text.contains(&number));
    // The applicant sees it.
    let list = applicant.get("/applications").await;
    assert!(
        list.has(&number) && list.has("Application Completed"),
        "{}",
        list.body
    );
    // Accepting twice is refused with a message; nothing changes.
    let again = act(&clerk, id, "accept", "").await;
    again.assert_status(409);
    assert!(again.has("not possible while the status is"));
    // Register as complete.
    act(&clerk, id, "complete", "").await.assert_status(303);
    wait_subject(&t, "anna@example.jp", "registered").await;
    let reference = t
        .text(&format!(
            "SELECT reference_number FROM applications WHERE id = {id}"
        ))
        .await;
    let details = applicant.get(&format!("/applications/{reference}")).await;
    assert!(details.has("Completed"));
    assert!(!details.has("/modify"), "nothing to correct");
    // Every action is in the audit trail, with the address.
    assert_eq!(
        t.scalar(&format!("SELECT COUNT(*) FROM audit_log WHERE subject = 'application:{id}' AND actor LIKE 'officer:%' AND ip IS NOT NULL")).await,
        2
    );
    t.assert_counts_kept().await;
}

#[tokio::test]
async fn a_notification_in_error_is_corrected_and_resubmitted_linked_to_the_first() {
    let t = TestApp::spawn().await;
    let (applicant, id) = notified(&t, "ben@example.jp").await;
    let clerk = officer(&t, "clerk2", "clerk", "hq").await;
    act(&clerk, id, "accept", "").await.assert_status(303);
    // An error needs a message naming what to correct; nothing typed is lost.
    let p = act(&clerk, id, "return", "").await;
    p.assert_status(422);
    assert!(p.has("error-summary"));
    let long = "x".repeat(2001);
    act(&clerk, id, "return", &long).await.assert_status(422);
    act(
        &clerk,
        id,
        "return",
        "The address of the school is incomplete.",
    )
    .await
    .assert_status(303);
    assert_eq!(
        t.text(&format!("SELECT status FROM applications WHERE id = {id}"))
            .await,
        "in_return_process"
    );
    let m = wait_subject(&t, "ben@example.jp", "could not be registered").await;
    assert!(m.text.contains("The address of the school is incomplete."));
    let reference = t
        .text(&format!(
            "SELECT reference_number FROM applications WHERE id = {id}"
        ))
        .await;
    assert!(m.text.contains(&format!("/applications/{reference}")));
    // The applicant opens it, sees the message, and chooses Modify.
    let details = applicant.get(&format!("/applications/{reference}")).await;
    assert!(details.has("The address of the school is incomplete."));
    assert!(details.has(&format!("/applications/{reference}/modify")));
    let p = applicant
        .post(&format!("/applications/{reference}/modify"), &[])
        .await;
    assert_eq!(
        p.location().as_deref(),
        Some("/procedures/ens-notification/entry")
    );
    let form = applicant.get("/procedures/ens-notification/entry").await;
    assert_eq!(
        form.input_value("org_name").as_deref(),
        Some("Tokyo Language School")
    );
    assert!(form.has("You are correcting the filing"));
    let (date, _) = days_ago(&t, 3);
    let mut fields = leaving(&date);
    fields.retain(|(k, _)| *k != "org_address");
    fields.push(("org_address", "東京都千代田区霞が関1-1-1 中央合同庁舎"));
    applicant
        .post("/procedures/ens-notification/entry", &fields)
        .await
        .assert_status(303);
    let key = applicant
        .get("/procedures/ens-notification/confirm")
        .await
        .input_value("submit_key")
        .unwrap();
    applicant
        .post(
            "/procedures/ens-notification/confirm",
            &[("submit_key", &key), ("action", "submit")],
        )
        .await
        .assert_status(303);
    let new_id = t
        .scalar(&format!(
            "SELECT id FROM applications WHERE resubmission_of = {id}"
        ))
        .await;
    assert!(new_id > id);
    assert_eq!(
        t.text(&format!(
            "SELECT status FROM applications WHERE id = {new_id}"
        ))
        .await,
        "pending"
    );
    assert_eq!(
        t.text(&format!(
            "SELECT office FROM applications WHERE id = {new_id}"
        ))
        .await,
        "hq"
    );
    // The first shows what corrected it and offers no second Modify; a replayed Modify is refused.
    let details = applicant.get(&format!("/applications/{reference}")).await;
    assert!(details.has("Corrected by"));
    assert!(!details.has(&format!("/applications/{reference}/modify\"")));
    let p = applicant
        .post(&format!("/applications/{reference}/modify"), &[])
        .await;
    p.assert_status(409);
    // The officer sees the link both ways.
    let view = clerk.get(&format!("/officer/applications/{new_id}")).await;
    assert!(view.has(&format!("/officer/applications/{id}")));
    // The queue's counts follow every insert and change: one in return process, one pending.
    t.assert_counts_kept().await;
    let q = clerk.get("/officer").await;
    assert!(
        q.has("In Return Process</span> <strong>1</strong>")
            && q.has("Pending</span> <strong>1</strong>"),
        "{}",
        q.body
    );
}

#[tokio::test]
async fn modify_is_refused_unless_in_return_process_and_for_others() {
    let t = TestApp::spawn().await;
    let (applicant, id) = notified(&t, "cara@example.jp").await;
    let reference = t
        .text(&format!(
            "SELECT reference_number FROM applications WHERE id = {id}"
        ))
        .await;
    // Pending: not sent back.
    let p = applicant
        .post(&format!("/applications/{reference}/modify"), &[])
        .await;
    p.assert_status(409);
    assert!(p.has("cannot be modified"));
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM drafts WHERE resubmission_of IS NOT NULL")
            .await,
        0
    );
    // Another user's reference: not found.
    let other = user(&t, "dan@example.jp").await;
    other
        .post(&format!("/applications/{reference}/modify"), &[])
        .await
        .assert_status(404);
    // A draft marked as a correction of a filing that left In Return Process files nothing.
    let clerk = officer(&t, "clerk3", "clerk", "hq").await;
    act(&clerk, id, "accept", "").await;
    act(&clerk, id, "return", "Please check the date.").await;
    applicant
        .post(&format!("/applications/{reference}/modify"), &[])
        .await
        .assert_status(303);
    let (date, _) = days_ago(&t, 3);
    applicant
        .post("/procedures/ens-notification/entry", &leaving(&date))
        .await
        .assert_status(303);
    let key = applicant
        .get("/procedures/ens-notification/confirm")
        .await
        .input_value("submit_key")
        .unwrap();
    t.exec(&format!(
        "UPDATE applications SET status = 'completed' WHERE id = {id}"
    ))
    .await;
    let before = t.scalar("SELECT COUNT(*) FROM applications").await;
    let p = applicant
        .post(
            "/procedures/ens-notification/confirm",
            &[("submit_key", &key), ("action", "submit")],
        )
        .await;
    assert_eq!(p.status.as_u16(), 409, "{:?} {}", p.location(), p.body);
    assert_eq!(t.scalar("SELECT COUNT(*) FROM applications").await, before);
}

#[tokio::test]
async fn offices_and_roles_limit_who_acts() {
    let t = TestApp::spawn().await;
    let (_, id) = notified(&t, "eve@example.jp").await;
    // An officer of another office neither sees nor acts on it: the same answer as a missing id.
    let osaka = officer(&t, "osaka1", "supervisor", "osaka").await;
    osaka
        .get(&format!("/officer/applications/{id}"))
        .await
        .assert_status(404);
    act(&osaka, id, "accept", "").await.assert_status(404);
    osaka
        .get("/officer/applications/999999")
        .await
        .assert_status(404);
    osaka
        .get("/officer/applications/abc")
        .await
        .assert_status(404);
    let q = osaka.get("/officer").await;
    assert!(!q.has(&format!("/officer/applications/{id}")));
    // An administrator reaches every office.
    let admin = officer(&t, "admin1", "admin", "tokyo").await;
    admin
        .get(&format!("/officer/applications/{id}"))
        .await
        .assert_status(200);
    assert!(
        admin
            .get("/officer")
            .await
            .has(&format!("/officer/applications/{id}"))
    );
    // A clerk of the right office cannot take an action their role does not allow, and an unknown
    // action is refused.
    let clerk = officer(&t, "clerk4", "clerk", "hq").await;
    act(&clerk, id, "approve", "").await.assert_status(403);
    act(&clerk, id, "launch", "").await.assert_status(400);
    assert_eq!(
        t.text(&format!("SELECT status FROM applications WHERE id = {id}"))
            .await,
        "pending"
    );
    // CSRF guards the actions too.
    let p = clerk
        .post_raw(
            &format!("/officer/applications/{id}/act"),
            &[("action", "accept")],
        )
        .await;
    p.assert_status(403);
}

#[tokio::test]
async fn requests_for_use_can_wait_for_an_officer() {
    let t = TestApp::spawn_with(|c| c.manual_request_review = true).await;
    let b = user(&t, "fay@example.jp").await;
    request_for_use(&b).await;
    let id = t.scalar("SELECT MAX(id) FROM applications").await;
    assert_eq!(
        t.text(&format!("SELECT status FROM applications WHERE id = {id}"))
            .await,
        "pending"
    );
    // Not approved yet: notifications stay closed.
    b.get("/procedures/ens-notification/entry")
        .await
        .assert_status(403);
    let clerk = officer(&t, "clerk5", "clerk", "hq").await;
    act(&clerk, id, "complete", "").await.assert_status(403);
    let examiner = officer(&t, "exam1", "examiner", "hq").await;
    act(&examiner, id, "complete", "").await.assert_status(303);
    wait_subject(&t, "fay@example.jp", "request for use has been completed").await;
    b.get("/procedures/ens-notification/entry")
        .await
        .assert_status(200);
}

#[tokio::test]
async fn officers_open_the_attachments_of_filings_in_their_reach() {
    let t = TestApp::spawn().await;
    let b = crate::attachments::user(&t, "gil@example.jp").await;
    let (photo, doc, reference) = crate::attachments::file_application(&t, &b, "GIL ONO").await;
    let id = t
        .scalar(&format!(
            "SELECT id FROM applications WHERE reference_number = '{reference}'"
        ))
        .await;
    let clerk = officer(&t, "clerk6", "clerk", "hq").await;
    let view = clerk.get(&format!("/officer/applications/{id}")).await;
    view.assert_status(200);
    for f in [&photo, &doc] {
        let href = format!("/officer/applications/{id}/files/{f}");
        assert!(view.has(&href), "{href}");
        let d = clerk.get(&href).await;
        d.assert_status(200);
        assert!(
            d.headers["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("attachment")
        );
    }
    // Another office, an unknown file, or a file of another filing: not found.
    let osaka = officer(&t, "osaka2", "examiner", "osaka").await;
    osaka
        .get(&format!("/officer/applications/{id}/files/{doc}"))
        .await
        .assert_status(404);
    clerk
        .get(&format!("/officer/applications/{id}/files/nothing"))
        .await
        .assert_status(404);
    clerk
        .get(&format!("/officer/applications/{}/files/{doc}", id + 1))
        .await
        .assert_status(404);
    // The applicant's cookie opens nothing here.
    assert_eq!(
        b.get(&format!("/officer/applications/{id}/files/{doc}"))
            .await
            .location()
            .as_deref(),
        Some("/officer/login")
    );
}
