//! The journeys. Each is one goose transaction made of named requests (the steps of the report);
//! redirects are not followed, so every page a browser would load is its own timed request.
//! Request names: `page: …` for page views, `post: …` for form submissions, and `apply: …` for
//! the submissions that file something (the "submissions" of the sizing).

use crate::mail;
use goose::prelude::*;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

/// A simulated person's state between requests (goose keeps one value per user).
#[derive(Clone, Default)]
struct Me {
    csrf: String,
    /// The officer is signed in (password and code).
    officer_in: bool,
}

type Step<T> = Result<T, Box<TransactionError>>;

/// A fresh browser for each visit: cookies kept within it, redirects shown to the journey. A
/// visit that failed half-way (still logged in) leaves nothing behind for the next one.
async fn ensure_client(user: &mut GooseUser) -> TransactionResult {
    let builder = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30));
    user.set_client_builder(builder).await?;
    user.set_session_data(Me::default());
    Ok(())
}

fn value_of(body: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\"");
    let at = body.find(&marker)?;
    let tag_start = body[..at].rfind('<')?;
    let tag_end = at + body[at..].find('>')?;
    let tag = &body[tag_start..tag_end];
    let v = tag.split("value=\"").nth(1)?.split('"').next()?;
    Some(v.replace("&#x2F;", "/").replace("&amp;", "&"))
}

fn remember_csrf(user: &mut GooseUser, body: &str) {
    if let Some(t) = value_of(body, "csrf")
        && let Some(me) = user.get_session_data_mut::<Me>()
    {
        me.csrf = t;
    }
}

fn csrf(user: &GooseUser) -> String {
    user.get_session_data::<Me>()
        .map(|m| m.csrf.clone())
        .unwrap_or_default()
}

/// GET, expecting `status`; returns the body. The CSRF token of the page is kept.
async fn get(user: &mut GooseUser, path: &str, name: &str, status: u16) -> Step<String> {
    let url = user.build_url(path)?;
    let rb = user.client.get(url);
    let req = GooseRequest::builder()
        .method(GooseMethod::Get)
        .path(path)
        .name(name)
        .expect_status_code(status)
        .set_request_builder(rb)
        .build();
    let mut goose = user.request(req).await?;
    let body = match goose.response {
        Ok(r) => r.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    };
    if !goose.request.success {
        return Err(Box::new(TransactionError::RequestFailed {
            raw_request: Box::new(goose.request.clone()),
        }));
    }
    if goose.request.status_code == 200 && !body.contains("</html>") {
        user.set_failure("truncated page", &mut goose.request, None, Some(&body))?;
    }
    remember_csrf(user, &body);
    Ok(body)
}

/// POST a form with the CSRF token, expecting `status`; returns the Location (for 303) or body.
async fn post(
    user: &mut GooseUser,
    path: &str,
    name: &str,
    fields: &[(&str, &str)],
    status: u16,
) -> Step<String> {
    let token = csrf(user);
    let mut all: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
    all.extend_from_slice(fields);
    let url = user.build_url(path)?;
    let rb = user.client.post(url).form(&all);
    let req = GooseRequest::builder()
        .method(GooseMethod::Post)
        .path(path)
        .name(name)
        .expect_status_code(status)
        .set_request_builder(rb)
        .build();
    let goose = user.request(req).await?;
    if !goose.request.success {
        return Err(Box::new(TransactionError::RequestFailed {
            raw_request: Box::new(goose.request.clone()),
        }));
    }
    let r = match goose.response {
        Ok(r) => r,
        Err(_) => return Ok(String::new()),
    };
    if let Some(loc) = r.headers().get("location").and_then(|v| v.to_str().ok()) {
        return Ok(loc.to_owned());
    }
    let body = r.text().await.unwrap_or_default();
    remember_csrf(user, &body);
    Ok(body)
}

/// Milliseconds since the Unix epoch.
fn unix_ms() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0)
}

/// `YYYYMMDD`, `days` days before today (UTC is close enough for a date well in the past).
fn days_ago(days: u64) -> String {
    let secs = (unix_ms() / 1000) as u64;
    // Civil date from days since the epoch (Howard Hinnant's algorithm).
    let z = (secs / 86_400 - days) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}{m:02}{d:02}")
}

async fn login(user: &mut GooseUser, login_id: &str, password: &str) -> TransactionResult {
    get(user, "/login", "page: login", 200).await?;
    post(
        user,
        "/login",
        "post: login (argon2id)",
        &[("login_id", login_id), ("password", password)],
        303,
    )
    .await?;
    get(user, "/mypage", "page: my page", 200).await?;
    Ok(())
}

async fn logout(user: &mut GooseUser) -> TransactionResult {
    post(user, "/logout", "post: log out", &[], 303).await?;
    Ok(())
}

/// Entry, confirmation, Apply and the completion page of one procedure; returns the reference.
async fn file(user: &mut GooseUser, procedure: &str, fields: &[(&str, &str)]) -> Step<String> {
    let entry = format!("/procedures/{procedure}/entry");
    let confirm = format!("/procedures/{procedure}/confirm");
    get(user, &entry, &format!("page: entry ({procedure})"), 200).await?;
    let mut all = fields.to_vec();
    all.push(("action", "submit"));
    post(
        user,
        &entry,
        &format!("post: proceed ({procedure})"),
        &all,
        303,
    )
    .await?;
    let page = get(user, &confirm, &format!("page: confirm ({procedure})"), 200).await?;
    let key = value_of(&page, "submit_key").unwrap_or_default();
    let done = post(
        user,
        &confirm,
        &format!("apply: {procedure}"),
        &[("submit_key", &key), ("action", "submit")],
        303,
    )
    .await?;
    if !done.contains("/completed/") {
        return Err(Box::new(TransactionError::Custom(format!(
            "Apply of {procedure} led to {done}, not to its completion page"
        ))));
    }
    get(user, &done, &format!("page: completed ({procedure})"), 200).await?;
    Ok(done.rsplit('/').next().unwrap_or("").to_owned())
}

fn notification_fields(date: &str) -> Vec<(&'static str, String)> {
    vec![
        ("status", "student".into()),
        ("content_activity", "leaving".into()),
        ("name_en", "MIX LOAD".into()),
        ("telephone", "0312345678".into()),
        ("mobile", "09012345678".into()),
        ("leaving_date", date.into()),
        ("org_name", "Mix Language School".into()),
        ("org_postal_code", "1000013".into()),
        ("org_address", "東京都千代田区霞が関1-1-1".into()),
    ]
}

async fn file_notification(user: &mut GooseUser) -> Step<String> {
    let owned = notification_fields(&days_ago(3));
    let fields: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
    file(user, "ens-notification", &fields).await
}

async fn check_status(user: &mut GooseUser, reference: &str) -> TransactionResult {
    get(user, "/applications", "page: application list", 200).await?;
    if !reference.is_empty() {
        get(
            user,
            &format!("/applications/{reference}"),
            "page: application details",
            200,
        )
        .await?;
    }
    Ok(())
}

static NEXT_EMAIL: AtomicU64 = AtomicU64::new(1);

/// Someone new: registers (with the emailed link), logs in, asks to use the Electronic
/// Notification System (approved at once), files a notification and checks its status.
pub async fn newcomer(user: &mut GooseUser) -> TransactionResult {
    ensure_client(user).await?;
    let n = NEXT_EMAIL.fetch_add(1, Ordering::Relaxed);
    let stamp = unix_ms();
    let email = format!("mix-{stamp}-{n}@example.invalid");
    let password = "Mix-Load-2026!";
    get(user, "/", "page: top", 200).await?;
    get(user, "/register/email", "page: register (email)", 200).await?;
    post(
        user,
        "/register/email",
        "post: register (email)",
        &[("email", &email), ("email_confirm", &email)],
        303,
    )
    .await?;
    let Some(path) = mail::wait_link(&email, "/register/", Duration::from_secs(30)).await else {
        return Err(Box::new(TransactionError::Custom(
            "no registration mail within 30 s".into(),
        )));
    };
    get(user, &path, "page: register (details)", 200).await?;
    post(
        user,
        &path,
        "post: register (details, argon2id)",
        &[
            ("user_type", "foreign_national"),
            ("name", "MIX NEWCOMER"),
            ("telephone", "09012345678"),
            ("password", password),
            ("password_confirm", password),
        ],
        303,
    )
    .await?;
    let done = post(
        user,
        &format!("{path}/confirm"),
        "post: register (confirm)",
        &[("action", "submit")],
        200,
    )
    .await?;
    let login_id = done
        .split("class=\"highlight-value\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .unwrap_or("")
        .to_owned();
    login(user, &login_id, password).await?;
    file(
        user,
        "ens-request-for-use",
        &[
            ("name_en", "MIX NEWCOMER"),
            ("date_of_birth.unknown", "none"),
            ("date_of_birth", "19900101"),
            ("sex", "female"),
            ("nationality", "PHL"),
            ("residence_card_number", "AB12345678CD"),
            ("telephone", "0312345678"),
        ],
    )
    .await?;
    let reference = file_notification(user).await?;
    check_status(user, &reference).await?;
    logout(user).await?;
    mail::forget(&email);
    Ok(())
}

fn seeded_login(user: &GooseUser) -> Option<(String, String)> {
    let s = crate::SETTINGS.get()?;
    if s.logins.is_empty() {
        return None;
    }
    // One seeded account per simulated person, so no two share a draft.
    let id = s.logins[user.weighted_users_index % s.logins.len()].clone();
    Some((id, s.password.clone()))
}

/// A returning user: logs in, looks at the procedures, files a notification, checks its status.
pub async fn filer(user: &mut GooseUser) -> TransactionResult {
    ensure_client(user).await?;
    let Some((id, pw)) = seeded_login(user) else {
        tokio::time::sleep(Duration::from_secs(5)).await;
        return Ok(());
    };
    get(user, "/", "page: top", 200).await?;
    login(user, &id, &pw).await?;
    get(user, "/procedures", "page: procedure list", 200).await?;
    get(
        user,
        "/procedures/ens-notification",
        "page: procedure (ens-notification)",
        200,
    )
    .await?;
    let reference = file_notification(user).await?;
    check_status(user, &reference).await?;
    logout(user).await?;
    Ok(())
}

/// Someone checking on their filings: logs in, the list, a search, a filing's details.
pub async fn viewer(user: &mut GooseUser) -> TransactionResult {
    ensure_client(user).await?;
    let Some((id, pw)) = seeded_login(user) else {
        tokio::time::sleep(Duration::from_secs(5)).await;
        return Ok(());
    };
    login(user, &id, &pw).await?;
    let list = get(user, "/applications", "page: application list", 200).await?;
    get(
        user,
        "/applications?procedure=%E5%B1%8A%E5%87%BA&sort=old&per=20",
        "page: application search",
        200,
    )
    .await?;
    let reference = list
        .split("href=\"/applications/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or("")
        .to_owned();
    if !reference.is_empty() {
        get(
            user,
            &format!("/applications/{reference}"),
            "page: application details",
            200,
        )
        .await?;
    }
    logout(user).await?;
    Ok(())
}

static OFFICER_NOTICE: AtomicBool = AtomicBool::new(false);
/// Which of the simulated officers each goose user is (0, 1, …, by goose's user index): officer n
/// takes the n-th oldest pending filing, so that officers working side by side do not all reach for
/// the same one.
static OFFICER_SLOTS: std::sync::Mutex<Vec<usize>> = std::sync::Mutex::new(Vec::new());

fn officer_slot(user: &GooseUser) -> usize {
    let mut slots = OFFICER_SLOTS.lock().unwrap_or_else(|e| e.into_inner());
    let me = user.weighted_users_index;
    match slots.iter().position(|u| *u == me) {
        Some(n) => n,
        None => {
            slots.push(me);
            slots.len() - 1
        }
    }
}

fn officer_skip(why: &str) {
    if !OFFICER_NOTICE.swap(true, Ordering::Relaxed) {
        eprintln!("mix: the officer journey is skipped: {why}");
    }
}

/// The officer's TOTP secret: from `MIX_OFFICER_TOTP`, or read off the enrolment page at the
/// first login; and the last time step a code was sent in (a code is accepted once per step).
static OFFICER_SECRET: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);
static OFFICER_LAST_STEP: AtomicU64 = AtomicU64::new(0);
static OFFICER_LOGIN: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn set_officer_in(user: &mut GooseUser, signed_in: bool) {
    if let Some(me) = user.get_session_data_mut::<Me>() {
        me.officer_in = signed_in;
    }
}

/// Password, then the one-time code (enrolling it at the first login: the secret is on the page).
async fn officer_login(user: &mut GooseUser, login_id: &str, password: &str) -> TransactionResult {
    get(user, "/officer/login", "officer: login page", 200).await?;
    post(
        user,
        "/officer/login",
        "officer: password (argon2id)",
        &[("login_id", login_id), ("password", password)],
        303,
    )
    .await?;
    let page = get(user, "/officer/second-factor", "officer: code page", 200).await?;
    let shown = page
        .split("class=\"secret\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .map(|s| s.replace(' ', ""));
    let secret = {
        let mut kept = OFFICER_SECRET.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(s) = shown {
            *kept = Some(s);
        }
        kept.clone().unwrap_or_default()
    };
    // One code per 30-second step: wait for a step no earlier login used.
    let mut step = (unix_ms() / 30_000) as u64;
    while step <= OFFICER_LAST_STEP.load(Ordering::Relaxed) {
        tokio::time::sleep(Duration::from_millis(500)).await;
        step = (unix_ms() / 30_000) as u64;
    }
    OFFICER_LAST_STEP.store(step, Ordering::Relaxed);
    let code = crate::totp::code(&secret, step * 30).unwrap_or_default();
    post(
        user,
        "/officer/second-factor",
        "officer: code",
        &[("code", &code)],
        303,
    )
    .await?;
    Ok(())
}

/// An officer receiving pending filings: signs in once (password and TOTP, `/officer/login` and
/// `/officer/second-factor`), then opens the queue of pending filings (`/officer?status=pending`),
/// opens the first and receives it (`POST /officer/applications/{id}/act`, `action=accept`), one
/// filing every two seconds. Needs `MIX_OFFICER_LOGIN` and `MIX_OFFICER_PASSWORD` (an officer
/// allowed to receive every office's filings, as `zairyu officer create --role admin` makes);
/// skipped with a notice without them or when the server has no `/officer/login`.
pub async fn officer(user: &mut GooseUser) -> TransactionResult {
    let Some((login_id, password, secret)) = crate::SETTINGS.get().and_then(|s| s.officer.clone())
    else {
        officer_skip("no MIX_OFFICER_LOGIN / MIX_OFFICER_PASSWORD given");
        tokio::time::sleep(Duration::from_secs(5)).await;
        return Ok(());
    };
    if !secret.is_empty() {
        let mut kept = OFFICER_SECRET.lock().unwrap_or_else(|e| e.into_inner());
        kept.get_or_insert(secret);
    }
    if !user.get_session_data::<Me>().is_some_and(|m| m.officer_in) {
        ensure_client(user).await?;
        // Probe without counting: a server without the back office answers 404.
        let probe = user
            .client
            .get(user.build_url("/officer/login")?)
            .send()
            .await
            .map(|r| r.status().as_u16())
            .unwrap_or(0);
        if probe == 404 {
            officer_skip("the server has no /officer/login");
            tokio::time::sleep(Duration::from_secs(5)).await;
            return Ok(());
        }
        // One sign-in at a time: the simulated officers share one account, and at its first
        // sign-in each would be shown a different enrolment secret (the last one enrolled wins, so
        // the others' codes were wrong and locked the account); each later sign-in needs a time
        // step of its own anyway. After a failure, wait before trying again rather than hammer the
        // login with argon2id hashes.
        let signed_in = {
            let _one_at_a_time = OFFICER_LOGIN.lock().await;
            officer_login(user, &login_id, &password).await
        };
        if let Err(e) = signed_in {
            tokio::time::sleep(Duration::from_secs(10)).await;
            return Err(e);
        }
    }
    // Any failure below signs the officer in again next time.
    set_officer_in(user, false);
    let queue = get(
        user,
        "/officer?status=pending",
        "officer: queue (pending)",
        200,
    )
    .await?;
    // Goose gives the officer journey to several simulated users (its weight among the others), all
    // signed in as the one officer account: each takes its own filing from the page, as colleagues
    // sharing a queue do. Two may still reach for the same filing when the queue moves between
    // their page loads; the server then answers 409 and the step counts it as an error.
    let slot = officer_slot(user);
    let links: Vec<&str> = queue
        .split("href=\"/officer/applications/")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    if let Some(id) = links.get(slot % links.len().max(1)) {
        let path = format!("/officer/applications/{id}");
        get(user, &path, "officer: filing", 200).await?;
        post(
            user,
            &format!("{path}/act"),
            "officer: accept",
            &[("action", "accept")],
            303,
        )
        .await?;
    }
    set_officer_in(user, true);
    // An officer works through filings one at a time, not as fast as the server answers.
    tokio::time::sleep(Duration::from_secs(2)).await;
    Ok(())
}
