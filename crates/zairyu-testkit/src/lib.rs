//! `TestApp`: the real zairyu server on 127.0.0.1:0 with a fresh database (SQLite in a temporary
//! folder, or a new PostgreSQL database when `ZAIRYU_TEST_DB=postgres`), mail written to a temporary
//! folder, a clock the test can move, and `Browser`s — HTTP clients with their own cookie jars that
//! go through the front door like a person's browser.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use reqwest::StatusCode;
use reqwest::cookie::{CookieStore, Jar};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use zairyu::config::Config;
use zairyu_app::{App, Clock, ManualClock};
use zairyu_mail::StoredMail;

pub use zairyu_store::Backend;

/// Which database the suite runs on.
pub fn backend() -> Backend {
    match std::env::var("ZAIRYU_TEST_DB").as_deref() {
        Ok("postgres") => Backend::Postgres,
        _ => Backend::Sqlite,
    }
}

fn admin_url() -> String {
    std::env::var("ZAIRYU_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

async fn fresh_postgres() -> String {
    use sqlx::Connection;
    let admin = admin_url();
    let name = format!("zt_{}", rand::random::<u64>());
    let mut conn = sqlx::PgConnection::connect(&admin)
        .await
        .expect("connect to the PostgreSQL test server");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .expect("create test database");
    let (base, _) = admin.rsplit_once('/').expect("database URL with a path");
    format!("{base}/{name}")
}

/// A folder of the machine's temporary space made once (by whichever process gets there first)
/// and reused: generated keys never go into the repository.
fn cached(name: &str, make: impl FnOnce(&std::path::Path)) -> PathBuf {
    let dir = std::env::temp_dir().join(name);
    if dir.join("done").exists() {
        return dir;
    }
    let tmp = std::env::temp_dir().join(format!("{name}.{}", rand::random::<u64>()));
    std::fs::create_dir_all(&tmp).unwrap();
    make(&tmp);
    std::fs::write(tmp.join("done"), b"").unwrap();
    // Another process may have won the race; its folder is as good as ours.
    if std::fs::rename(&tmp, &dir).is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    dir
}

/// The development CA every test server trusts, with current empty revocation lists.
pub fn cached_ca_dir() -> PathBuf {
    cached("zairyu-test-jpki-ca-v1", |dir| {
        let ca = zairyu_jpki::dev::DevCa::open_or_create(dir).unwrap();
        let now = time::OffsetDateTime::now_utc();
        let years = time::Duration::days(3650);
        for (kind, name) in [
            (zairyu_domain::CertKind::Signature, "crl-sign.pem"),
            (zairyu_domain::CertKind::Authentication, "crl-auth.pem"),
        ] {
            let pem = ca.crl_pem(kind, &[], now - years, now + years).unwrap();
            std::fs::write(dir.join(name), pem).unwrap();
        }
    })
}

/// A second CA that no test server trusts.
pub fn stranger_ca() -> zairyu_jpki::dev::DevCa {
    let dir = cached("zairyu-test-jpki-stranger-v1", |dir| {
        zairyu_jpki::dev::DevCa::open_or_create(dir).unwrap();
    });
    zairyu_jpki::dev::DevCa::open_or_create(&dir).unwrap()
}

/// At least `n` RSA-2048 keys, made once per machine.
pub fn cached_keys(n: usize) -> Vec<zairyu_jpki::dev::PrivateKey> {
    let dir = cached("zairyu-test-jpki-keys-v1", |dir| {
        for i in 0..12 {
            let k = zairyu_jpki::dev::new_key().unwrap();
            std::fs::write(
                dir.join(format!("key-{i}.pem")),
                zairyu_jpki::dev::key_pem(&k).unwrap(),
            )
            .unwrap();
        }
    });
    assert!(n <= 12, "only 12 cached keys");
    (0..n)
        .map(|i| {
            let pem = std::fs::read_to_string(dir.join(format!("key-{i}.pem"))).unwrap();
            zairyu_jpki::dev::read_key(&pem).unwrap()
        })
        .collect()
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// A running server for one test.
pub struct TestApp {
    pub base: String,
    pub app: App,
    pub clock: Arc<ManualClock>,
    pub mail_dir: PathBuf,
    pub data_dir: PathBuf,
    pub backend: Backend,
    shutdown: tokio::sync::watch::Sender<bool>,
    /// The PostgreSQL database made for this test, dropped with it.
    pg_database: Option<String>,
    _tmp: tempfile::TempDir,
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with(|_| {}).await
    }

    /// Starts with the test defaults (cheap argon2, generous per-address limits off by default),
    /// changed by `f`.
    pub async fn spawn_with(f: impl FnOnce(&mut Config)) -> TestApp {
        // Warnings and errors of the server go to the test's captured output (shown when it fails).
        let _ = tracing_subscriber::fmt()
            .with_test_writer()
            .with_env_filter(
                tracing_subscriber::EnvFilter::try_from_env("ZAIRYU_LOG")
                    .unwrap_or_else(|_| "warn".into()),
            )
            .try_init();
        let tmp = tempfile::tempdir().unwrap();
        let backend = backend();
        let mut cfg = Config {
            data_dir: tmp.path().join("data"),
            addr: "127.0.0.1:0".into(),
            postal_autoload: false,
            secret_key: "7a".repeat(32),
            ..Config::default()
        };
        // Cheap hashing keeps the suite fast; the production cost is measured in bench/.
        cfg.argon2 = zairyu_app::Argon2Cost {
            m_cost: 64,
            t_cost: 1,
            p_cost: 1,
        };
        // Every test comes from 127.0.0.1, so per-address limits are raised; tests of the limits set them.
        cfg.rate_limits.login_per_ip.max = 10_000;
        cfg.rate_limits.mail_per_ip.max = 10_000;
        let mut pg_database = None;
        if backend == Backend::Postgres {
            cfg.database_url = fresh_postgres().await;
            pg_database = cfg.database_url.rsplit('/').next().map(str::to_owned);
        }
        // The development CA (trusted in development mode) comes from a cache made once per
        // machine, as RSA keys take a while; its revocation lists are current and empty.
        let dev_dir = cfg.data_dir.join("jpki-dev");
        copy_dir(&cached_ca_dir(), &dev_dir);
        cfg.jpki.crl_files = vec![dev_dir.join("crl-sign.pem"), dev_dir.join("crl-auth.pem")];
        f(&mut cfg);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        cfg.base_url = format!("http://127.0.0.1:{port}");
        let clock = Arc::new(ManualClock::new());
        let app = zairyu::build(&cfg, clock.clone() as Arc<dyn Clock>)
            .await
            .expect("build app");
        zairyu::prepare(&app, &cfg).await.unwrap();
        let web = zairyu::web_config(&cfg, &app);
        let (tx, rx) = tokio::sync::watch::channel(false);
        let server_app = app.clone();
        tokio::spawn(async move {
            zairyu::serve(
                server_app,
                web,
                listener,
                Some(Duration::from_millis(20)),
                rx,
            )
            .await
            .unwrap();
        });
        TestApp {
            base: cfg.base_url.clone(),
            app,
            clock,
            mail_dir: cfg.data_dir.join("mail"),
            data_dir: cfg.data_dir.clone(),
            backend,
            shutdown: tx,
            pg_database,
            _tmp: tmp,
        }
    }

    /// The development CA this server trusts.
    pub fn ca(&self) -> zairyu_jpki::dev::DevCa {
        zairyu_jpki::dev::DevCa::open_or_create(&self.data_dir.join("jpki-dev")).unwrap()
    }

    /// The app's clock as a date-time (certificates are issued against it).
    pub fn now(&self) -> time::OffsetDateTime {
        time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(self.clock.now_ms()) * 1_000_000)
            .unwrap()
    }

    /// Makes test card `id` (in the server's card folder, for the development phone page too),
    /// with PIN 1234 and signature password ABC123, from cached keys `2n` and `2n+1`.
    pub fn card(&self, id: &str, n: usize) -> zairyu_jpki::dev::TestCard {
        use zairyu_jpki::dev::{CardHolder, TestCard};
        let keys = cached_keys(2 * n + 2);
        let holder = CardHolder {
            name: "SMITH JOHN".into(),
            address: "東京都千代田区霞が関一丁目１番１号".into(),
            year: 1990,
            month: 4,
            day: 15,
            sex: zairyu_domain::CardSex::Male,
        };
        let card = TestCard::issue_with_keys(
            &self.ca(),
            &holder,
            "1234",
            "ABC123",
            self.now(),
            keys[2 * n].clone(),
            keys[2 * n + 1].clone(),
        )
        .unwrap();
        card.save(
            &self
                .data_dir
                .join("jpki-dev/cards")
                .join(format!("{id}.json")),
        )
        .unwrap();
        card
    }

    /// Replaces a revocation list of the development CA with one naming `revoked` serials.
    pub fn revoke(&self, kind: zairyu_domain::CertKind, revoked: &[Vec<u8>]) {
        let day = time::Duration::days(1);
        let pem = self
            .ca()
            .crl_pem(kind, revoked, self.now() - day, self.now() + day * 30)
            .unwrap();
        let name = match kind {
            zairyu_domain::CertKind::Signature => "crl-sign.pem",
            zairyu_domain::CertKind::Authentication => "crl-auth.pem",
        };
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(self.data_dir.join("jpki-dev").join(name), pem).unwrap();
    }

    /// A new browser with an empty cookie jar.
    pub fn browser(&self) -> Browser {
        let jar = Arc::new(Jar::default());
        let client = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Browser {
            client,
            base: self.base.clone(),
            jar,
            csrf: Mutex::new(None),
        }
    }

    pub fn advance(&self, d: Duration) {
        self.clock.advance_ms(d.as_millis() as i64);
    }

    /// Every mail written so far, newest first.
    pub async fn mails(&self) -> Vec<StoredMail> {
        zairyu_mail::list_mailbox(&self.mail_dir).await.unwrap()
    }

    /// Waits (up to 10 s) until `n` mails to `to` exist and returns them, newest first.
    pub async fn wait_mails(&self, to: &str, n: usize) -> Vec<StoredMail> {
        for _ in 0..500 {
            let m: Vec<StoredMail> = self
                .mails()
                .await
                .into_iter()
                .filter(|m| m.to == to)
                .collect();
            if m.len() >= n {
                return m;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!(
            "expected {n} mail(s) to {to}, have {:?}",
            self.mails()
                .await
                .iter()
                .map(|m| (&m.to, &m.subject))
                .collect::<Vec<_>>()
        );
    }

    /// The newest mail to `to`, waiting for it.
    pub async fn last_mail(&self, to: &str) -> StoredMail {
        self.wait_mails(to, 1).await.remove(0)
    }

    /// Runs SQL directly (test set-up that no screen offers yet, or simulating a crash).
    pub async fn exec(&self, sql: &str) {
        sqlx::query(sql)
            .execute(self.app.db.writer())
            .await
            .unwrap();
    }

    /// Checks the back office's kept counts per office and status (migration 0009) against the
    /// filings themselves: every count right, and no office and status without its count.
    pub async fn assert_counts_kept(&self) {
        let wrong = self
            .scalar(
                "SELECT COUNT(*) FROM application_counts c WHERE c.n <> \
                 (SELECT COUNT(*) FROM applications a WHERE a.office = c.office AND a.status = c.status)",
            )
            .await;
        let missing = self
            .scalar(
                "SELECT COUNT(*) FROM (SELECT DISTINCT office, status FROM applications) g \
                 WHERE NOT EXISTS (SELECT 1 FROM application_counts c \
                 WHERE c.office = g.office AND c.status = g.status)",
            )
            .await;
        assert_eq!((wrong, missing), (0, 0), "kept counts (wrong, missing)");
    }

    pub async fn scalar(&self, sql: &str) -> i64 {
        sqlx::query_scalar::<_, i64>(sql)
            .fetch_one(self.app.db.writer())
            .await
            .unwrap()
    }

    pub async fn text(&self, sql: &str) -> String {
        sqlx::query_scalar::<_, String>(sql)
            .fetch_one(self.app.db.writer())
            .await
            .unwrap()
    }

    /// Waits until no mail job is left to run.
    pub async fn drain_jobs(&self) {
        for _ in 0..500 {
            if self.scalar("SELECT COUNT(*) FROM jobs WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= 9223372036854775807").await == 0 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("jobs did not drain");
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
        if let Some(name) = self.pg_database.take() {
            // Drop cannot await, so a short-lived thread with its own runtime removes the database.
            let _ = std::thread::spawn(move || {
                use sqlx::Connection;
                let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                else {
                    return;
                };
                rt.block_on(async move {
                    if let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url()).await {
                        let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                        let _ = sqlx::query(&sql).execute(&mut conn).await;
                    }
                });
            })
            .join();
        }
    }
}

/// The part of a link in a mail that starts with `prefix` (e.g. "/register/"), as a path.
pub fn link(mail: &StoredMail, prefix: &str) -> String {
    for word in mail.text.split_whitespace() {
        if let Some(i) = word.find(prefix)
            && word.starts_with("http")
        {
            return word[i..].to_owned();
        }
    }
    panic!("no link with {prefix} in mail: {}", mail.text);
}

/// A browser: cookies kept, redirects not followed automatically (tests see every 303).
pub struct Browser {
    pub client: reqwest::Client,
    pub base: String,
    pub jar: Arc<Jar>,
    csrf: Mutex<Option<String>>,
}

/// A response, read.
#[derive(Debug, Clone)]
pub struct Page {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Page {
    pub fn location(&self) -> Option<String> {
        self.headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    }

    pub fn has(&self, s: &str) -> bool {
        self.body.contains(s)
    }

    /// The value attribute of the input named `name`.
    pub fn input_value(&self, name: &str) -> Option<String> {
        let marker = format!("name=\"{name}\"");
        let i = self.body.find(&marker)?;
        let tag_start = self.body[..i].rfind('<')?;
        let tag_end = i + self.body[i..].find('>')?;
        let tag = &self.body[tag_start..tag_end];
        let v = tag.find("value=\"")?;
        let rest = &tag[v + 7..];
        Some(html_unescape(&rest[..rest.find('"')?]))
    }

    /// The text inside the element with this id, tags removed.
    pub fn text_of(&self, id: &str) -> Option<String> {
        let marker = format!("id=\"{id}\"");
        let i = self.body.find(&marker)?;
        let open = self.body[..i].rfind('<')?;
        let tag: String = self.body[open + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let start = i + self.body[i..].find('>')? + 1;
        let end = start + self.body[start..].find(&format!("</{tag}>"))?;
        let mut text = String::new();
        let mut in_tag = false;
        for c in self.body[start..end].chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        Some(html_unescape(text.trim()))
    }

    #[track_caller]
    pub fn assert_status(&self, s: u16) -> &Page {
        assert_eq!(
            self.status.as_u16(),
            s,
            "unexpected status; body:\n{}",
            self.body
        );
        self
    }
}

pub fn html_unescape(s: &str) -> String {
    s.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}

impl Browser {
    async fn read(resp: reqwest::Response) -> Page {
        let status = resp.status();
        let headers = resp.headers().clone();
        let body = resp.text().await.unwrap();
        Page {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str) -> Page {
        Self::read(
            self.client
                .get(format!("{}{path}", self.base))
                .send()
                .await
                .unwrap(),
        )
        .await
    }

    /// GET, following redirects within the site.
    pub async fn get_follow(&self, path: &str) -> Page {
        let mut page = self.get(path).await;
        for _ in 0..5 {
            match (page.status.is_redirection(), page.location()) {
                (true, Some(loc)) => page = self.get(&loc).await,
                _ => break,
            }
        }
        page
    }

    /// The CSRF token of this browser's cookie, read from a page like a form would carry it.
    pub async fn csrf(&self) -> String {
        if let Some(t) = self.csrf.lock().unwrap().clone() {
            return t;
        }
        let page = self.get("/login").await;
        let t = page
            .input_value("csrf")
            .expect("csrf field on the login page");
        *self.csrf.lock().unwrap() = Some(t.clone());
        t
    }

    /// Submits a form (the CSRF token added as a real form would).
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let token = self.csrf().await;
        let mut all: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all).await
    }

    /// Submits exactly these fields (no CSRF token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        Self::read(
            self.client
                .post(format!("{}{path}", self.base))
                .form(fields)
                .send()
                .await
                .unwrap(),
        )
        .await
    }

    /// POST then follow the redirect, as a browser does.
    pub async fn post_follow(&self, path: &str, fields: &[(&str, &str)]) -> Page {
        let page = self.post(path, fields).await;
        match (page.status.is_redirection(), page.location()) {
            (true, Some(loc)) => self.get_follow(&loc).await,
            _ => page,
        }
    }

    /// The value of a cookie of this site.
    pub fn cookie(&self, name: &str) -> Option<String> {
        let url: reqwest::Url = self.base.parse().unwrap();
        let header = self.jar.cookies(&url)?;
        header
            .to_str()
            .ok()?
            .split(';')
            .filter_map(|kv| kv.trim().split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_owned())
    }
}

/// Registers a user through the screens and returns their User ID.
pub async fn register(t: &TestApp, b: &Browser, email: &str, name: &str, password: &str) -> String {
    let before = t.mails().await.iter().filter(|m| m.to == email).count();
    b.post(
        "/register/email",
        &[("email", email), ("email_confirm", email)],
    )
    .await
    .assert_status(303);
    let mail = t.wait_mails(email, before + 1).await.remove(0);
    let path = link(&mail, "/register/");
    b.post(
        &path,
        &[
            ("user_type", "foreign_national"),
            ("name", name),
            ("telephone", "09012345678"),
            ("password", password),
            ("password_confirm", password),
        ],
    )
    .await
    .assert_status(303);
    let done = b
        .post(&format!("{path}/confirm"), &[("action", "submit")])
        .await;
    done.assert_status(200);
    let id = done
        .body
        .split("class=\"highlight-value\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .expect("user id on the completion page");
    // The "User ID issued" mail, so that later waits for mail to this address start after it.
    t.wait_mails(email, before + 2).await;
    id.to_owned()
}

/// Logs a browser in; panics if it fails.
pub async fn login(b: &Browser, login_id: &str, password: &str) {
    let p = b
        .post("/login", &[("login_id", login_id), ("password", password)])
        .await;
    assert_eq!(p.status.as_u16(), 303, "login failed: {}", p.body);
}

/// A password that satisfies the default policy.
pub const PASSWORD: &str = "Zairyu-Test-2026";

/// A minimal SMTP server on 127.0.0.1 that accepts every message and keeps its raw text, so the
/// SMTP transport is tested over a real connection. `fail_first` refuses that many messages with a
/// temporary error (451) first.
pub async fn fake_smtp(fail_first: usize) -> (u16, Arc<Mutex<Vec<String>>>) {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let store = Arc::new(Mutex::new(Vec::new()));
    let kept = store.clone();
    let refusals = Arc::new(Mutex::new(fail_first));
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            let store = kept.clone();
            let refusals = refusals.clone();
            tokio::spawn(async move {
                let (r, mut w) = sock.into_split();
                let mut lines = BufReader::new(r).lines();
                w.write_all(b"220 fake ESMTP\r\n").await.ok();
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(buf) = data.as_mut() {
                        if line == "." {
                            let refuse = {
                                let mut n = refusals.lock().unwrap();
                                if *n > 0 {
                                    *n -= 1;
                                    true
                                } else {
                                    false
                                }
                            };
                            if refuse {
                                w.write_all(b"451 try again later\r\n").await.ok();
                            } else {
                                store.lock().unwrap().push(buf.clone());
                                w.write_all(b"250 queued\r\n").await.ok();
                            }
                            data = None;
                        } else {
                            buf.push_str(&line);
                            buf.push('\n');
                        }
                        continue;
                    }
                    let cmd = line.to_ascii_uppercase();
                    let reply: &[u8] = if cmd.starts_with("EHLO") || cmd.starts_with("HELO") {
                        b"250-fake\r\n250 8BITMIME\r\n"
                    } else if cmd.starts_with("DATA") {
                        data = Some(String::new());
                        b"354 go ahead\r\n"
                    } else if cmd.starts_with("QUIT") {
                        w.write_all(b"221 bye\r\n").await.ok();
                        break;
                    } else {
                        b"250 ok\r\n"
                    };
                    w.write_all(reply).await.ok();
                }
            });
        }
    });
    (port, store)
}
