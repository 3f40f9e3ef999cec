//! The outbox (SPEC §14 for these flows): mail is queued with the change, retried with backoff,
//! never lost, and a resend after a crash carries the same working link.

use std::time::Duration;
use zairyu_testkit::{TestApp, link};

#[tokio::test]
async fn a_failed_delivery_is_retried_with_backoff_and_not_lost() {
    let t = TestApp::spawn().await;
    // Make the mail folder unusable: a file where the folder should be.
    std::fs::remove_dir_all(&t.mail_dir).unwrap();
    std::fs::write(&t.mail_dir, b"not a folder").unwrap();
    let b = t.browser();
    b.post(
        "/register/email",
        &[
            ("email", "retry@example.jp"),
            ("email_confirm", "retry@example.jp"),
        ],
    )
    .await
    .assert_status(303);
    for _ in 0..200 {
        if t.scalar("SELECT attempts FROM jobs").await >= 1
            && t.scalar("SELECT COUNT(*) FROM jobs WHERE last_error IS NOT NULL")
                .await
                == 1
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM jobs WHERE done_at IS NULL")
            .await,
        1,
        "kept for a retry"
    );
    let due = t.scalar("SELECT run_at FROM jobs").await;
    assert!(due > t.app.now(), "the retry waits");
    // The folder comes back; once the backoff has passed the mail goes out, once.
    std::fs::remove_file(&t.mail_dir).unwrap();
    std::fs::create_dir_all(&t.mail_dir).unwrap();
    t.advance(Duration::from_secs(11));
    let mails = t.wait_mails("retry@example.jp", 1).await;
    assert_eq!(mails.len(), 1);
    t.drain_jobs().await;
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM jobs WHERE done_at IS NOT NULL")
            .await,
        1
    );
}

#[tokio::test]
async fn a_resend_after_a_crash_carries_the_same_working_link() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    b.post(
        "/register/email",
        &[
            ("email", "crash@example.jp"),
            ("email_confirm", "crash@example.jp"),
        ],
    )
    .await;
    let first = t.last_mail("crash@example.jp").await;
    t.drain_jobs().await;
    // As if the worker died after sending but before recording it.
    t.exec("UPDATE jobs SET done_at = NULL, locked_until = NULL")
        .await;
    t.drain_jobs().await;
    let all = t.mails().await;
    assert_eq!(
        all.len(),
        1,
        "the same message id overwrites, no second mail"
    );
    assert_eq!(link(&all[0], "/register/"), link(&first, "/register/"));
    b.get(&link(&first, "/register/")).await.assert_status(200);
}

#[tokio::test]
async fn a_rolled_back_change_sends_nothing_and_tokens_are_stored_hashed() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    b.post(
        "/register/email",
        &[("email", "h@example.jp"), ("email_confirm", "h@example.jp")],
    )
    .await;
    let mail = t.last_mail("h@example.jp").await;
    let path = link(&mail, "/register/");
    let token = path.trim_start_matches("/register/");
    let stored: String = t.text("SELECT token_hash FROM email_tokens").await;
    assert_ne!(stored, token);
    assert_eq!(stored.len(), 64);
    let payload = t.text("SELECT payload FROM jobs").await;
    assert!(!payload.contains(token), "the job does not hold the token");
}

#[tokio::test]
async fn mails_are_written_in_the_users_language() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    b.post("/settings/language", &[("lang", "en"), ("back", "/")])
        .await;
    b.post(
        "/register/email",
        &[
            ("email", "en@example.jp"),
            ("email_confirm", "en@example.jp"),
        ],
    )
    .await;
    let m = t.last_mail("en@example.jp").await;
    assert!(
        m.subject.contains("Online Residence Application System"),
        "{}",
        m.subject
    );
    let j = t.browser();
    j.post(
        "/register/email",
        &[
            ("email", "ja@example.jp"),
            ("email_confirm", "ja@example.jp"),
        ],
    )
    .await;
    let m = t.last_mail("ja@example.jp").await;
    assert!(
        m.subject.contains("在留申請オンラインシステム"),
        "{}",
        m.subject
    );
}

#[tokio::test]
async fn the_development_mailbox_lists_mail_with_clickable_links() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    b.post(
        "/register/email",
        &[
            ("email", "box@example.jp"),
            ("email_confirm", "box@example.jp"),
        ],
    )
    .await;
    let m = t.last_mail("box@example.jp").await;
    let page = b.get("/dev/mailbox").await;
    page.assert_status(200);
    assert!(
        page.has(&format!("<a href=\"{}", t.base)),
        "links are clickable"
    );
    assert!(page.has(&m.subject));
}

#[tokio::test]
async fn smtp_delivers_and_retries_and_the_dev_mailbox_is_off() {
    let (port, inbox) = zairyu_testkit::fake_smtp(1).await;
    let t = TestApp::spawn_with(|c| c.smtp_url = format!("smtp://127.0.0.1:{port}")).await;
    let b = t.browser();
    b.get("/dev/mailbox").await.assert_status(404);
    assert!(!b.get("/").await.has("href=\"/dev/mailbox\""));
    b.post(
        "/register/email",
        &[
            ("email", "smtp@example.jp"),
            ("email_confirm", "smtp@example.jp"),
        ],
    )
    .await
    .assert_status(303);
    // The first attempt is refused by the server (451); the job waits for its retry.
    for _ in 0..200 {
        if t.scalar("SELECT COUNT(*) FROM jobs WHERE last_error IS NOT NULL")
            .await
            == 1
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(inbox.lock().unwrap().is_empty());
    t.advance(Duration::from_secs(11));
    for _ in 0..200 {
        if !inbox.lock().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let raw = inbox.lock().unwrap().clone();
    assert_eq!(raw.len(), 1);
    assert!(raw[0].contains("To: smtp@example.jp"), "{}", raw[0]);
    assert!(raw[0].contains("Message-ID: <mail-"), "stable message id");
    assert!(raw[0].contains("multipart/alternative"), "text and HTML");
}
