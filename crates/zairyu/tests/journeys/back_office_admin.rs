//! The back office's administration (issue 5, items 1 (screens), 6–10): notices, procedures, the
//! audit log, the dashboard, officers, API tokens and the JSON API — and who may not reach them.

use serde_json::Value;
use std::time::Duration;
use zairyu_testkit::{Browser, PASSWORD, TestApp, login, register};

use crate::back_office::officer;

/// Logs an officer in through both steps (enrolling the second factor when not yet done).
async fn officer_login(t: &TestApp, login_id: &str, password: &str) -> Browser {
    let b = t.browser();
    b.post(
        "/officer/login",
        &[("login_id", login_id), ("password", password)],
    )
    .await
    .assert_status(303);
    b.get("/officer/second-factor").await.assert_status(200);
    let code = zairyu_app::officers::current_code(&t.app, login_id)
        .await
        .unwrap()
        .unwrap();
    let done = b.post("/officer/second-factor", &[("code", &code)]).await;
    assert_eq!(
        done.location().as_deref(),
        Some("/officer"),
        "{}",
        done.body
    );
    b
}

async fn applicant(t: &TestApp, email: &str) -> Browser {
    let id = register(t, &t.browser(), email, "TEST TARO", PASSWORD).await;
    let b = t.browser();
    login(&b, &id, PASSWORD).await;
    b
}

/// Files a request for use of the Electronic Notification System and returns the filing's id.
async fn file(t: &TestApp, b: &Browser) -> i64 {
    let reference = crate::applications::file(b, "TEST TARO").await;
    t.scalar(&format!(
        "SELECT id FROM applications WHERE reference_number = '{reference}'"
    ))
    .await
}

fn notice_fields<'a>(
    ja: (&'a str, &'a str),
    en: (&'a str, &'a str),
    publish: &'a str,
    at: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("title_ja", ja.0),
        ("body_ja", ja.1),
        ("title_en", en.0),
        ("body_en", en.1),
        ("publish", publish),
        ("publish_at", at),
    ]
}

#[tokio::test]
async fn notices_are_written_scheduled_published_and_withdrawn_in_several_languages() {
    let t = TestApp::spawn().await;
    let sup = officer(&t, "sup1", "supervisor", "tokyo").await;
    let list = sup.get("/officer/admin/notices").await;
    list.assert_status(200);
    assert!(list.has("href=\"/officer/admin/notices/new\""));

    // Without English: a message on each missing field, and what was typed is still there.
    let page = sup
        .post(
            "/officer/admin/notices/new",
            &notice_fields(("臨時休止のお知らせ", "本文です。"), ("", ""), "now", ""),
        )
        .await;
    page.assert_status(422);
    assert!(page.has("href=\"#f-title_en\"") && page.has("href=\"#f-body_en\""));
    assert_eq!(
        page.input_value("title_ja").as_deref(),
        Some("臨時休止のお知らせ")
    );
    assert!(page.has("本文です。</textarea>"));
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM notices WHERE draft = 0 AND updated_by IS NOT NULL")
            .await,
        0
    );

    // Scheduled for tomorrow: not on the portal yet.
    let tomorrow = zairyu_app::backoffice::datetime_input(t.app.now() + 86_400_000);
    let mut fields = notice_fields(
        ("予定のお知らせ", "予定の本文"),
        ("Scheduled notice", "Scheduled body"),
        "at",
        &tomorrow,
    );
    fields.push(("title_ko", "예정 공지"));
    fields.push(("body_ko", "예정 본문"));
    sup.post("/officer/admin/notices/new", &fields)
        .await
        .assert_status(303);
    let portal = t.browser();
    assert!(!portal.get("/").await.has("Scheduled notice"));
    assert!(!portal.get("/").await.has("予定のお知らせ"));

    // Published now: at once (the cache is emptied on change).
    sup.post(
        "/officer/admin/notices/new",
        &notice_fields(
            ("今すぐのお知らせ", "本文"),
            ("Notice now", "Body now"),
            "now",
            "",
        ),
    )
    .await
    .assert_status(303);
    let top = portal.get("/").await;
    assert!(top.has("今すぐのお知らせ"), "{}", top.body);

    // A day later the scheduled one shows, in Korean for a Korean reader and in Japanese
    // otherwise; a Spanish reader falls back to Japanese.
    t.advance(Duration::from_secs(2 * 86_400));
    assert!(portal.get("/").await.has("予定のお知らせ"));
    let ko = t.browser();
    ko.post("/settings/language", &[("lang", "ko"), ("back", "/")])
        .await;
    assert!(ko.get("/").await.has("예정 공지"));

    // Two days on, the first officer's session has ended (30 minutes idle); another takes over.
    assert_eq!(sup.get("/officer/admin/notices").await.status.as_u16(), 303);
    let sup = officer(&t, "sup2", "supervisor", "osaka").await;

    // Withdrawn: gone from the portal; shown again: back.
    let id = t
        .scalar("SELECT id FROM notices WHERE updated_by IS NOT NULL ORDER BY id LIMIT 1")
        .await;
    let p = sup
        .post(&format!("/officer/admin/notices/{id}/withdraw"), &[])
        .await;
    assert_eq!(
        p.location().as_deref(),
        Some("/officer/admin/notices?done=saved")
    );
    assert!(!portal.get("/").await.has("予定のお知らせ"));
    let listed = sup.get("/officer/admin/notices").await;
    assert!(listed.has(&format!("/officer/admin/notices/{id}/restore")));
    sup.post(&format!("/officer/admin/notices/{id}/restore"), &[])
        .await
        .assert_status(303);
    assert!(portal.get("/").await.has("予定のお知らせ"));

    // Editing keeps the languages given and drops one emptied; a draft leaves the portal.
    let edit = sup.get(&format!("/officer/admin/notices/{id}")).await;
    assert_eq!(edit.input_value("title_ko").as_deref(), Some("예정 공지"));
    sup.post(
        &format!("/officer/admin/notices/{id}"),
        &notice_fields(
            ("予定のお知らせ（改）", "本文"),
            ("Changed", "Body"),
            "draft",
            "",
        ),
    )
    .await
    .assert_status(303);
    assert!(!portal.get("/").await.has("予定のお知らせ"));
    assert_eq!(
        t.scalar(&format!(
            "SELECT COUNT(*) FROM notice_texts WHERE notice_id = {id}"
        ))
        .await,
        2
    );

    // Every change is in the audit log, with the address.
    assert_eq!(
        t.scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'notice.created' AND ip = '127.0.0.1'"
        )
        .await,
        2
    );
    assert_eq!(t.scalar("SELECT COUNT(*) FROM audit_log WHERE action IN ('notice.withdrawn', 'notice.restored', 'notice.updated')").await, 3);
    // An unknown notice is the 404 page.
    sup.get("/officer/admin/notices/99999")
        .await
        .assert_status(404);
}

#[tokio::test]
async fn a_clerk_and_an_applicant_reach_none_of_the_administration() {
    let t = TestApp::spawn().await;
    let clerk = officer(&t, "clerk1", "clerk", "tokyo").await;
    for path in [
        "/officer/admin/notices",
        "/officer/admin/notices/new",
        "/officer/admin/procedures",
        "/officer/admin/procedures/ens-request-for-use",
        "/officer/admin/officers",
        "/officer/admin/audit",
        "/officer/admin/audit.csv",
    ] {
        clerk.get(path).await.assert_status(404);
    }
    let posts: [(&str, &[(&str, &str)]); 4] = [
        (
            "/officer/admin/notices/new",
            &[
                ("title_ja", "x"),
                ("body_ja", "x"),
                ("title_en", "x"),
                ("body_en", "x"),
                ("publish", "now"),
            ],
        ),
        (
            "/officer/admin/procedures/ens-request-for-use/versions/1",
            &[("action", "withdraw")],
        ),
        (
            "/officer/admin/procedures/ens-request-for-use/period",
            &[("start", "2020-01-01T00:00"), ("end", "2020-01-02T00:00")],
        ),
        (
            "/officer/admin/officers",
            &[
                ("login_id", "evil"),
                ("name", "E"),
                ("email", "e@x.example"),
                ("role", "admin"),
                ("office", "tokyo"),
            ],
        ),
    ];
    for (path, fields) in posts {
        clerk.post(path, fields).await.assert_status(404);
    }
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM notices WHERE updated_by IS NOT NULL")
            .await,
        0
    );
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM procedure_overrides").await,
        0
    );
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM form_version_withdrawals")
            .await,
        0
    );
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM officers WHERE login_id = 'evil'")
            .await,
        0
    );
    // The clerk's own screens: the dashboard and API tokens, and the navigation shows only those.
    let dash = clerk.get("/officer/dashboard").await;
    dash.assert_status(200);
    assert!(
        dash.has("href=\"/officer/api-tokens\"") && !dash.has("href=\"/officer/admin/notices\"")
    );

    // An applicant, signed in to the portal, is sent to the officer login for every screen.
    let user = applicant(&t, "user@example.com").await;
    for path in [
        "/officer/dashboard",
        "/officer/admin/notices",
        "/officer/admin/officers",
        "/officer/admin/audit",
        "/officer/api-tokens",
    ] {
        let p = user.get(path).await;
        assert_eq!(p.location().as_deref(), Some("/officer/login"), "{path}");
    }
    let p = user
        .post(
            "/officer/admin/notices/new",
            &notice_fields(("a", "b"), ("c", "d"), "now", ""),
        )
        .await;
    assert_eq!(p.location().as_deref(), Some("/officer/login"));
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM notices WHERE updated_by IS NOT NULL")
            .await,
        0
    );
}

#[tokio::test]
async fn reception_periods_and_form_versions_set_in_the_back_office_reach_applicants() {
    let t = TestApp::spawn().await;
    let admin = officer(&t, "admin1", "admin", "hq").await;
    let user = applicant(&t, "user@example.com").await;
    let id = "ens-request-for-use";
    let path = format!("/officer/admin/procedures/{id}");
    admin
        .get("/officer/admin/procedures")
        .await
        .assert_status(200);
    admin.get(&path).await.assert_status(200);

    // An end before the start: a message, and the typed values kept.
    let bad = admin
        .post(
            &format!("{path}/period"),
            &[
                ("start", "2026-12-01T09:00"),
                ("end", "2026-11-01T09:00"),
                ("action", "set"),
            ],
        )
        .await;
    bad.assert_status(422);
    assert!(bad.has("href=\"#f-end\""));
    assert_eq!(
        bad.input_value("start").as_deref(),
        Some("2026-12-01T09:00")
    );
    let bad = admin
        .post(
            &format!("{path}/period"),
            &[("start", "someday"), ("end", ""), ("action", "set")],
        )
        .await;
    bad.assert_status(422);
    assert!(bad.has("href=\"#f-start\""));

    // Reception closed since yesterday: the applicant cannot start an entry and the procedure is
    // not in the search.
    let day = 86_400_000;
    let start = zairyu_app::backoffice::datetime_input(t.app.now() - 10 * day);
    let end = zairyu_app::backoffice::datetime_input(t.app.now() - day);
    admin
        .post(
            &format!("{path}/period"),
            &[("start", &start), ("end", &end), ("action", "set")],
        )
        .await
        .assert_status(303);
    let p = user.get(&format!("/procedures/{id}")).await;
    assert!(
        !p.has(&format!("href=\"/procedures/{id}/entry\"")),
        "{}",
        p.body
    );
    assert!(
        !user
            .get("/procedures")
            .await
            .has(&format!("/procedures/{id}\""))
    );
    let entry = user.get(&format!("/procedures/{id}/entry")).await;
    assert_ne!(entry.status.as_u16(), 200);
    // Back to the file's period: open again.
    admin
        .post(
            &format!("{path}/period"),
            &[("start", ""), ("end", ""), ("action", "reset")],
        )
        .await
        .assert_status(303);
    assert!(
        user.get(&format!("/procedures/{id}"))
            .await
            .has(&format!("href=\"/procedures/{id}/entry\""))
    );
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM procedure_overrides").await,
        0
    );

    // Version 2 withdrawn: new entries get version 1, and version 2 is offered nowhere.
    let p = t.app.catalogue.get(id).unwrap();
    assert_eq!(t.app.catalogue.entry_form(p).map(|f| f.version()), Some(2));
    admin
        .post(&format!("{path}/versions/2"), &[("action", "withdraw")])
        .await
        .assert_status(303);
    assert_eq!(t.app.catalogue.entry_form(p).map(|f| f.version()), Some(1));
    assert_eq!(t.app.catalogue.offered_versions(p), vec![1]);
    assert!(
        !user
            .get(&format!("/procedures/{id}/entry?v=2"))
            .await
            .has("a mobile number is fine")
    );
    // The last published version cannot be withdrawn: a message, and it stays offered.
    let refused = admin
        .post(&format!("{path}/versions/1"), &[("action", "withdraw")])
        .await;
    refused.assert_status(409);
    assert!(refused.has("role=\"alert\""));
    assert_eq!(t.app.catalogue.offered_versions(p), vec![1]);
    // Published again: the latest is offered once more.
    admin
        .post(&format!("{path}/versions/2"), &[("action", "publish")])
        .await
        .assert_status(303);
    assert_eq!(t.app.catalogue.entry_form(p).map(|f| f.version()), Some(2));
    // An unknown version or procedure is the 404 page.
    admin
        .post(&format!("{path}/versions/9"), &[("action", "withdraw")])
        .await
        .assert_status(404);
    admin
        .get("/officer/admin/procedures/no-such")
        .await
        .assert_status(404);
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'procedure.%'")
            .await,
        4
    );
}

#[tokio::test]
async fn the_audit_log_is_searched_and_exported_for_excel() {
    let t = TestApp::spawn().await;
    let user = applicant(&t, "user@example.com").await;
    let filing = file(&t, &user).await;
    // The submission is recorded with who, what and from where.
    assert_eq!(
        t.scalar(&format!("SELECT COUNT(*) FROM audit_log WHERE action = 'filing.applied' AND subject = 'application:{filing}' AND ip = '127.0.0.1' AND actor LIKE 'user:%'")).await,
        1
    );
    let sup = officer(&t, "sup1", "supervisor", "tokyo").await;
    let admin = officer(&t, "admin1", "admin", "hq").await;

    let page = admin
        .get(&format!(
            "/officer/admin/audit?subject=application:{filing}"
        ))
        .await;
    page.assert_status(200);
    assert!(page.has("filing.applied") && page.has("127.0.0.1"));
    let page = admin.get("/officer/admin/audit?action=officer.totp").await;
    page.assert_status(200);
    assert!(page.has("officer.totp.enrolled") && !page.has("filing.applied"));
    // A date range that excludes everything, and one that is wrong.
    let none = admin
        .get("/officer/admin/audit?from=2001-01-01&to=2001-01-02")
        .await;
    assert!(none.text_of("audit-count").unwrap().starts_with('0'));
    let bad = admin
        .get("/officer/admin/audit?from=2026-13-01&to=x&actor=officer:1")
        .await;
    bad.assert_status(422);
    assert!(bad.has("href=\"#f-from\"") && bad.has("href=\"#f-to\""));
    assert_eq!(bad.input_value("actor").as_deref(), Some("officer:1"));
    let reversed = admin
        .get("/officer/admin/audit?from=2026-12-02&to=2026-12-01")
        .await;
    reversed.assert_status(422);

    // A supervisor of Tokyo sees what concerns Tokyo: not an HQ administrator's login.
    let admin_id = t
        .scalar("SELECT id FROM officers WHERE login_id = 'admin1'")
        .await;
    let scoped = sup
        .get(&format!("/officer/admin/audit?actor=officer:{admin_id}"))
        .await;
    assert!(
        scoped.text_of("audit-count").unwrap().starts_with('0'),
        "{}",
        scoped.body
    );
    assert!(
        !admin
            .get(&format!("/officer/admin/audit?actor=officer:{admin_id}"))
            .await
            .text_of("audit-count")
            .unwrap()
            .starts_with('0')
    );

    // The export: UTF-8 with a byte order mark, CRLF rows, RFC 4180 quoting, and a cell that a
    // spreadsheet would take for a formula defused with '.
    t.exec("INSERT INTO audit_log (at, actor, action, subject, ip, detail) VALUES (1, '=HYPERLINK(\"x\")', 'test.formula', NULL, '127.0.0.1', 'a,b')").await;
    let csv = admin.get("/officer/admin/audit.csv?action=test.").await;
    csv.assert_status(200);
    assert!(
        csv.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert!(
        csv.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    assert!(
        csv.body
            .starts_with("\u{feff}at_jst,actor,action,subject,ip,detail\r\n"),
        "{:?}",
        csv.body
    );
    assert!(
        csv.body
            .contains(",\"'=HYPERLINK(\"\"x\"\")\",test.formula,,127.0.0.1,\"a,b\"\r\n"),
        "{:?}",
        csv.body
    );
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'audit.exported'")
            .await,
        1
    );
}

#[tokio::test]
async fn the_dashboard_draws_accessible_charts_with_the_same_numbers_in_tables() {
    let t = TestApp::spawn_with(|c| c.manual_request_review = true).await;
    let user = applicant(&t, "user@example.com").await;
    let a = file(&t, &user).await;
    let office: String = t
        .text(&format!("SELECT office FROM applications WHERE id = {a}"))
        .await;
    let other = if office == "tokyo" { "osaka" } else { "tokyo" };
    let mine = officer(&t, "clerk1", "clerk", &office).await;
    let elsewhere = officer(&t, "clerk2", "clerk", other).await;

    let d = mine.get("/officer/dashboard").await;
    d.assert_status(200);
    assert_eq!(d.body.matches("<svg class=\"chart\"").count(), 3);
    assert!(
        d.has("<title id=\"chart-per-day-title\">") && d.has("<desc id=\"chart-per-day-desc\">")
    );
    assert!(d.has("aria-labelledby=\"chart-status-title chart-status-desc\""));
    assert!(!d.has(" style="));
    // Today's filing is the last row of the per-day table, and in the procedure table.
    let per_day = d.text_of("per-day-table").unwrap();
    assert!(per_day.trim_end().ends_with('1'), "{per_day}");
    assert!(d.text_of("procedure-table").unwrap().contains('1'));
    // Another office's clerk sees no filings there.
    let d2 = elsewhere.get("/officer/dashboard").await;
    assert!(!d2.has("id=\"procedure-table\""));
    // A clerk cannot widen their view by asking for another office.
    let d3 = elsewhere
        .get(&format!("/officer/dashboard?office={office}"))
        .await;
    assert!(!d3.has("id=\"procedure-table\""));
    assert!(d.text_of("median-value").unwrap().contains("No filing"));

    // Received now, decided a day and a half later: the median is 1.5 days.
    mine.post(
        &format!("/officer/applications/{a}/act"),
        &[("action", "accept"), ("note", "")],
    )
    .await
    .assert_status(303);
    t.advance(Duration::from_secs(36 * 3600));
    let examiner = officer(&t, "exam1", "examiner", &office).await;
    examiner
        .post(
            &format!("/officer/applications/{a}/act"),
            &[("action", "complete"), ("note", "")],
        )
        .await
        .assert_status(303);
    let d = examiner.get("/officer/dashboard").await;
    assert!(
        d.text_of("median-value").unwrap().starts_with("1.5"),
        "{}",
        d.body
    );
}

fn api(t: &TestApp) -> reqwest::Client {
    let _ = t;
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Makes an API token on the officer's screen and reads it from the page that shows it once.
async fn token(b: &Browser, label: &str) -> String {
    let page = b.post("/officer/api-tokens", &[("label", label)]).await;
    page.assert_status(200);
    let token = page.text_of("shown-once").unwrap();
    assert!(token.starts_with("zat_"));
    token
}

async fn json(resp: reqwest::Response) -> (u16, Value) {
    let status = resp.status().as_u16();
    let ct = resp
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    assert!(ct.starts_with("application/json"), "content-type {ct}");
    (
        status,
        serde_json::from_str(&resp.text().await.unwrap()).unwrap(),
    )
}

#[tokio::test]
async fn the_json_api_acts_with_the_officers_rights_and_answers_in_json() {
    let t = TestApp::spawn_with(|c| {
        c.manual_request_review = true;
        c.rate_limits.api_per_token.max = 25;
    })
    .await;
    let user = applicant(&t, "user@example.com").await;
    let a = file(&t, &user).await;
    let office: String = t
        .text(&format!("SELECT office FROM applications WHERE id = {a}"))
        .await;
    let other = if office == "tokyo" { "osaka" } else { "tokyo" };
    let clerk = officer(&t, "clerk1", "clerk", &office).await;
    let stranger = officer(&t, "clerk2", "clerk", other).await;
    let admin = officer(&t, "admin1", "admin", other).await;
    let c = api(&t);
    let base = &t.base;

    // The description is there for integrators.
    let (s, doc) = json(
        c.get(format!("{base}/officer/api/openapi.json"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((s, doc["openapi"].as_str()), (200, Some("3.1.0")));

    // No token, a wrong one: 401 JSON.
    let (s, body) = json(
        c.get(format!("{base}/officer/api/applications"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((s, body["error"].as_str()), (401, Some("unauthorized")));
    let (s, _) = json(
        c.get(format!("{base}/officer/api/applications"))
            .bearer_auth("zat_nope")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, 401);

    let tk = token(&clerk, "case system").await;
    // Only the hash is kept.
    assert_eq!(
        t.scalar(&format!(
            "SELECT COUNT(*) FROM officer_api_tokens WHERE token_hash = '{tk}'"
        ))
        .await,
        0
    );
    let listed = clerk.get("/officer/api-tokens").await;
    assert!(listed.has("case system") && !listed.has(&tk));

    let (s, list) = json(
        c.get(format!("{base}/officer/api/applications"))
            .bearer_auth(&tk)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(list["total"], 1);
    assert_eq!(list["items"][0]["id"], a);
    let (s, one) = json(
        c.get(format!("{base}/officer/api/applications/{a}"))
            .bearer_auth(&tk)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, 200);
    assert_eq!(one["status"], "pending");
    assert!(
        one["actions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x == "accept")
    );

    // Malformed JSON, an unknown field, the wrong media type, an unknown action: 4xx JSON.
    let url = format!("{base}/officer/api/applications/{a}/actions");
    let post = |body: &'static str| {
        c.post(&url)
            .bearer_auth(&tk)
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let (s, b) = json(post("{\"action\": ").await.unwrap()).await;
    assert_eq!((s, b["error"].as_str()), (400, Some("bad_request")));
    let (s, _) = json(
        post("{\"action\": \"accept\", \"extra\": 1}")
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, 400);
    let (s, b) = json(post("{\"action\": \"launch\"}").await.unwrap()).await;
    assert_eq!((s, b["error"].as_str()), (400, Some("unknown_action")));
    let (s, _) = json(
        c.post(&url)
            .bearer_auth(&tk)
            .body("action=accept")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, 415);
    // A clerk may not complete a request for use (an examiner's step).
    let (s, b) = json(post("{\"action\": \"complete\"}").await.unwrap()).await;
    assert!(s == 403 || s == 409, "{s} {b}");

    // Another office's clerk: the filing does not exist for them, and nothing changes.
    let tk2 = token(&stranger, "other system").await;
    let (s, _) = json(
        c.get(format!("{base}/officer/api/applications/{a}"))
            .bearer_auth(&tk2)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, 404);
    let (s, _) = json(
        c.post(&url)
            .bearer_auth(&tk2)
            .header("content-type", "application/json")
            .body("{\"action\": \"accept\"}")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, 404);
    assert_eq!(
        t.text(&format!("SELECT status FROM applications WHERE id = {a}"))
            .await,
        "pending"
    );

    // The clerk of the office accepts: the same use case as the screen (number, audit, mail).
    let (s, b) = json(
        post("{\"action\": \"accept\", \"note\": \"\"}")
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (s, b["status"].as_str()),
        (200, Some("application_completed")),
        "{b}"
    );
    assert_eq!(t.scalar(&format!("SELECT COUNT(*) FROM audit_log WHERE action = 'application.accept' AND subject = 'application:{a}' AND ip = '127.0.0.1'")).await, 1);
    let (s, b) = json(post("{\"action\": \"accept\"}").await.unwrap()).await;
    assert_eq!((s, b["error"].as_str()), (409, Some("wrong_status")));

    // An administrator of another office reaches it, and acts on it.
    let tka = token(&admin, "hq system").await;
    let (s, _) = json(
        c.get(format!("{base}/officer/api/applications/{a}"))
            .bearer_auth(&tka)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, 200);
    let (s, b) = json(
        c.post(&url)
            .bearer_auth(&tka)
            .header("content-type", "application/json")
            .body("{\"action\": \"complete\"}")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((s, b["status"].as_str()), (200, Some("completed")), "{b}");

    // A browser's cookie with the token: treated as a browser, so the CSRF check applies.
    let r = c
        .post(&url)
        .bearer_auth(&tka)
        .header("cookie", "zairyu_officer=x")
        .header("content-type", "application/json")
        .body("{\"action\": \"refuse\"}")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    // The house CSRF page, not the API's answer (which would be a 409 in JSON).
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert_eq!(
        t.text(&format!("SELECT status FROM applications WHERE id = {a}"))
            .await,
        "completed"
    );

    // Revoked: 401 at once.
    let tid = t
        .scalar("SELECT id FROM officer_api_tokens WHERE label = 'case system'")
        .await;
    clerk
        .post(&format!("/officer/api-tokens/{tid}/revoke"), &[])
        .await
        .assert_status(303);
    let (s, _) = json(
        c.get(format!("{base}/officer/api/applications"))
            .bearer_auth(&tk)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, 401);
    // Another officer cannot revoke someone else's token.
    let t2 = t
        .scalar("SELECT id FROM officer_api_tokens WHERE label = 'other system'")
        .await;
    clerk
        .post(&format!("/officer/api-tokens/{t2}/revoke"), &[])
        .await
        .assert_status(404);
    // A disabled officer's token stops working.
    let admin_b = officer(&t, "admin2", "admin", "hq").await;
    let stranger_id = t
        .scalar("SELECT id FROM officers WHERE login_id = 'clerk2'")
        .await;
    admin_b
        .post(
            &format!("/officer/admin/officers/{stranger_id}"),
            &[("action", "disable")],
        )
        .await
        .assert_status(303);
    let (s, _) = json(
        c.get(format!("{base}/officer/api/applications"))
            .bearer_auth(&tk2)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, 401);

    // Rate limited per token.
    let mut last = 0;
    for _ in 0..30 {
        last = c
            .get(format!("{base}/officer/api/applications"))
            .bearer_auth(&tka)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        if last == 429 {
            break;
        }
    }
    assert_eq!(last, 429);
    // An unknown endpoint is JSON too.
    let (s, _) = json(
        c.get(format!("{base}/officer/api/nothing"))
            .bearer_auth(&tk2)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(s, 404);
    // An empty label is refused with a message.
    let p = clerk.post("/officer/api-tokens", &[("label", " ")]).await;
    p.assert_status(422);
    assert!(p.has("href=\"#f-label\""));
}

#[tokio::test]
async fn an_administrator_manages_officers() {
    let t = TestApp::spawn().await;
    let admin = officer(&t, "admin1", "admin", "hq").await;
    let page = admin.get("/officer/admin/officers").await;
    page.assert_status(200);
    assert!(page.has("admin1"));

    // Bad input: messages, what was typed kept.
    let bad = admin
        .post(
            "/officer/admin/officers",
            &[
                ("login_id", "Bad Id!"),
                ("name", "Hanako"),
                ("email", "not-an-email"),
                ("role", "clerk"),
                ("office", "osaka"),
            ],
        )
        .await;
    bad.assert_status(422);
    assert!(bad.has("href=\"#f-login_id\"") && bad.has("href=\"#f-email\""));
    assert_eq!(bad.input_value("name").as_deref(), Some("Hanako"));
    let taken = admin
        .post(
            "/officer/admin/officers",
            &[
                ("login_id", "admin1"),
                ("name", "X"),
                ("email", "x@office.example"),
                ("role", "clerk"),
                ("office", "osaka"),
            ],
        )
        .await;
    taken.assert_status(422);

    // Created: the initial password is shown once, and works with a second factor to enrol.
    let done = admin
        .post(
            "/officer/admin/officers",
            &[
                ("login_id", "hanako"),
                ("name", "Hanako"),
                ("email", "hanako@office.example"),
                ("role", "clerk"),
                ("office", "osaka"),
            ],
        )
        .await;
    done.assert_status(200);
    let password = done.text_of("shown-once").unwrap();
    assert!(t.scalar("SELECT COUNT(*) FROM officers WHERE login_id = 'hanako' AND role = 'clerk' AND office = 'osaka'").await == 1);
    let hanako = officer_login(&t, "hanako", &password).await;
    hanako
        .get("/officer/admin/notices")
        .await
        .assert_status(404);

    // Promoted to supervisor: their session ends; after logging in again they manage notices.
    let id = t
        .scalar("SELECT id FROM officers WHERE login_id = 'hanako'")
        .await;
    admin
        .post(
            &format!("/officer/admin/officers/{id}"),
            &[
                ("action", "role"),
                ("role", "supervisor"),
                ("office", "osaka"),
            ],
        )
        .await
        .assert_status(303);
    assert_eq!(
        hanako.get("/officer/admin/notices").await.status.as_u16(),
        303
    );
    t.advance(Duration::from_secs(31));
    let hanako = officer_login(&t, "hanako", &password).await;
    hanako
        .get("/officer/admin/notices")
        .await
        .assert_status(200);
    // A wrong role: a message.
    let bad = admin
        .post(
            &format!("/officer/admin/officers/{id}"),
            &[("action", "role"), ("role", "root"), ("office", "osaka")],
        )
        .await;
    bad.assert_status(422);

    // Second factor reset: enrolment again at the next login.
    admin
        .post(
            &format!("/officer/admin/officers/{id}"),
            &[("action", "reset_totp")],
        )
        .await
        .assert_status(303);
    assert_eq!(
        t.scalar(&format!(
            "SELECT COUNT(*) FROM officers WHERE id = {id} AND totp_sealed IS NULL"
        ))
        .await,
        1
    );
    // Disabled: the password no longer opens anything; enabled again: it does.
    admin
        .post(
            &format!("/officer/admin/officers/{id}"),
            &[("action", "disable")],
        )
        .await
        .assert_status(303);
    let b = t.browser();
    let p = b
        .post(
            "/officer/login",
            &[("login_id", "hanako"), ("password", &password)],
        )
        .await;
    assert_ne!(p.location().as_deref(), Some("/officer/second-factor"));
    admin
        .post(
            &format!("/officer/admin/officers/{id}"),
            &[("action", "enable")],
        )
        .await
        .assert_status(303);
    t.advance(Duration::from_secs(31));
    officer_login(&t, "hanako", &password).await;

    // An administrator cannot disable or demote themselves.
    let me = t
        .scalar("SELECT id FROM officers WHERE login_id = 'admin1'")
        .await;
    admin
        .post(
            &format!("/officer/admin/officers/{me}"),
            &[("action", "disable")],
        )
        .await
        .assert_status(409);
    admin
        .post(
            &format!("/officer/admin/officers/{me}"),
            &[("action", "role"), ("role", "clerk"), ("office", "hq")],
        )
        .await
        .assert_status(409);
    assert_eq!(t.scalar(&format!("SELECT COUNT(*) FROM officers WHERE id = {me} AND role = 'admin' AND disabled_at IS NULL")).await, 1);
    for action in [
        "officer.created",
        "officer.role_changed",
        "officer.totp_reset",
        "officer.disabled",
        "officer.enabled",
    ] {
        assert!(t.scalar(&format!("SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND actor = 'officer:{me}'")).await >= 1, "{action}");
    }
}
