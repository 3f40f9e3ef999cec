//! `zairyu seed applications` (issue 4): synthetic users and filings, a heavy user whose list
//! shows them all, and the refusal to mix synthetic data into a database with real users.

use zairyu_app::seed::{SeedError, SeedPlan, seed};
use zairyu_testkit::{PASSWORD, TestApp, login, register};

fn plan() -> SeedPlan {
    SeedPlan {
        users: 4,
        applications: 200,
        heavy_users: 1,
        per_heavy_user: 150,
        seed: 7,
        password: PASSWORD.into(),
        force: false,
        years: 3,
    }
}

#[tokio::test]
async fn seeds_users_and_filings_that_the_list_shows() {
    let t = TestApp::spawn().await;
    let r = seed(&t.app, &plan()).await.unwrap();
    assert_eq!((r.users, r.applications), (4, 200));
    assert_eq!(t.scalar("SELECT COUNT(*) FROM users").await, 4);
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM users WHERE email_norm LIKE '%@example.invalid'")
            .await,
        4,
        "every seeded address is at example.invalid"
    );
    assert_eq!(t.scalar("SELECT COUNT(*) FROM applications").await, 200);
    assert_eq!(
        t.scalar("SELECT COUNT(*) FROM application_events").await,
        r.events as i64
    );
    assert!(r.events >= 200, "every filing has at least its first entry");
    assert_eq!(
        r.by_status.iter().map(|(_, n)| n).sum::<u64>(),
        200,
        "statuses add up"
    );
    // A filing's current status is the last entry of its history.
    assert_eq!(
        t.scalar(
            "SELECT COUNT(*) FROM applications a WHERE a.status <> (SELECT e.status FROM application_events e \
             WHERE e.application_id = a.id ORDER BY e.at DESC, e.id DESC LIMIT 1)"
        )
        .await,
        0
    );
    // Received filings carry their number; the next real one continues after the seeded ones.
    assert_eq!(
        t.scalar(
            "SELECT COUNT(*) FROM applications WHERE received_at IS NOT NULL \
             AND reception_number IS NULL AND receipt_number IS NULL"
        )
        .await,
        0
    );
    let heavy = &r.heavy[0];
    assert_eq!(heavy.applications, 150);
    let b = t.browser();
    login(&b, &heavy.login_id, PASSWORD).await;
    let p1 = b.get("/applications?per=100").await;
    p1.assert_status(200);
    assert_eq!(p1.body.matches("href=\"/applications/").count(), 100);
    let p2 = b.get("/applications?per=100&page=2").await;
    assert_eq!(p2.body.matches("href=\"/applications/").count(), 50);
    // Their filings are theirs only: another seeded user sees none of the heavy user's.
    let first_ref = t
        .text(&format!(
            "SELECT a.reference_number FROM applications a JOIN users u ON u.id = a.user_id \
             WHERE u.login_id = '{}' ORDER BY a.id LIMIT 1",
            heavy.login_id
        ))
        .await;
    assert!(
        b.get(&format!("/applications/{first_ref}"))
            .await
            .has(&first_ref)
    );
    let other = t.browser();
    login(&other, &r.others[0], PASSWORD).await;
    other
        .get(&format!("/applications/{first_ref}"))
        .await
        .assert_status(404);

    // The same plan on another empty database makes the same users.
    let t2 = TestApp::spawn().await;
    let r2 = seed(&t2.app, &plan()).await.unwrap();
    assert_eq!(r2.heavy[0].login_id, heavy.login_id);
    assert_eq!(r2.by_status, r.by_status);
    t.assert_counts_kept().await;
    t2.assert_counts_kept().await;
}

#[tokio::test]
async fn refuses_a_database_with_real_users_unless_forced() {
    let t = TestApp::spawn().await;
    register(&t, &t.browser(), "real@example.jp", "REAL PERSON", PASSWORD).await;
    match seed(&t.app, &plan()).await {
        Err(SeedError::RealUsers(1)) => {}
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(t.scalar("SELECT COUNT(*) FROM applications").await, 0);
    assert_eq!(t.scalar("SELECT COUNT(*) FROM users").await, 1);
    let r = seed(
        &t.app,
        &SeedPlan {
            force: true,
            ..plan()
        },
    )
    .await
    .unwrap();
    assert_eq!(r.applications, 200);
    assert_eq!(t.scalar("SELECT COUNT(*) FROM users").await, 5);
    // Impossible plans are refused before anything is written.
    assert!(matches!(
        seed(
            &t.app,
            &SeedPlan {
                force: true,
                per_heavy_user: 500,
                ..plan()
            }
        )
        .await,
        Err(SeedError::Plan(_))
    ));
    assert_eq!(t.scalar("SELECT COUNT(*) FROM users").await, 5);
}
