//! Synthetic data for measuring the portal at scale (issue 4): N users and M filings spread over
//! three years, with a few heavy users holding 10,000 filings each, every filing with a status
//! history that follows the rules of `zairyu_domain::application::transition`. Deterministic from
//! a seed (for one version of this program): the same plan on an empty database makes the same rows.
//!
//! Everything made is plainly synthetic: names from a short fixed list, email addresses at
//! `example.invalid` (which can never receive mail), history entries by the actor `seed`, submit
//! keys `seed:<id>`. Seeding refuses a database that has real users unless forced.

use crate::catalogue::{Category, System};
use crate::{App, AppError};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use std::collections::HashMap;
use std::time::Instant;
use zairyu_domain::officer::{OFFICES, office, reception_number};
use zairyu_domain::{
    ApplicationStatus as S, FilingKind, LoginId, Password, ReferenceNumber, UserType,
};
use zairyu_forms::Answers;
use zairyu_store::StoreError;
use zairyu_store::seed::{self as store, SYNTHETIC_DOMAIN, SeedApplication, SeedEvent, SeedUser};

const DAY: i64 = crate::clock::DAY;
const YEAR: i64 = 365 * DAY;

/// What to make.
#[derive(Debug, Clone)]
pub struct SeedPlan {
    pub users: u32,
    pub applications: u64,
    /// Users who get exactly `per_heavy_user` filings each (the first users made).
    pub heavy_users: u32,
    pub per_heavy_user: u32,
    pub seed: u64,
    /// The password every seeded user logs in with (checked against the password policy).
    pub password: String,
    /// Seed even though the database has real users.
    pub force: bool,
    /// How far back the filings go.
    pub years: u32,
}

impl Default for SeedPlan {
    fn default() -> Self {
        SeedPlan {
            users: 10_000,
            applications: 1_000_000,
            heavy_users: 1,
            per_heavy_user: 10_000,
            seed: 1,
            password: String::new(),
            force: false,
            years: 3,
        }
    }
}

/// Why seeding did not run.
#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error(
        "the database has {0} real user(s) (email not at example.invalid); refusing to mix synthetic data in (--force to do it anyway)"
    )]
    RealUsers(i64),
    #[error("{0}")]
    Plan(String),
    #[error(transparent)]
    App(#[from] AppError),
}

impl From<StoreError> for SeedError {
    fn from(e: StoreError) -> Self {
        SeedError::App(AppError::Store(e))
    }
}

/// A heavy user, to log in as when measuring.
#[derive(Debug, Clone)]
pub struct HeavyUser {
    pub login_id: String,
    pub email: String,
    pub applications: u64,
}

/// What was made.
#[derive(Debug, Clone)]
pub struct SeedReport {
    pub users: u64,
    pub applications: u64,
    pub events: u64,
    pub heavy: Vec<HeavyUser>,
    /// The User IDs of the users made who are not heavy and are foreign nationals, the users who
    /// may file every kind of procedure (for load tests that log in as them).
    pub others: Vec<String>,
    /// Filings per status code.
    pub by_status: Vec<(&'static str, u64)>,
    /// Filings per procedure id.
    pub by_procedure: Vec<(String, u64)>,
    pub first_at: i64,
    pub last_at: i64,
    pub seconds: f64,
}

const FAMILY: [&str; 20] = [
    "NGUYEN", "TRAN", "KIM", "LEE", "PARK", "WANG", "LI", "ZHANG", "CHEN", "SANTOS", "REYES",
    "CRUZ", "GARCIA", "SILVA", "SHARMA", "GURUNG", "THAPA", "PEREZ", "SMITH", "KHAN",
];
const GIVEN: [&str; 20] = [
    "AN", "BAO", "MINH", "HOA", "JI HO", "SU JIN", "WEI", "MEI", "JUN", "MARIA", "JOSE", "ANA",
    "RAJ", "PRIYA", "SITA", "RAM", "LUIS", "EMMA", "JOHN", "AISHA",
];
/// One address per regional office and one without a known prefecture (headquarters), so filings
/// spread over every office's queue as `office_for_address` assigns them.
const ADDRESSES: [(&str, &str); 9] = [
    ("0600001", "北海道札幌市中央区北一条西1-1"),
    ("9800811", "宮城県仙台市青葉区一番町1-1"),
    ("1000013", "東京都千代田区霞が関1-1-1"),
    ("4600001", "愛知県名古屋市中区三の丸1-1"),
    ("5300001", "大阪府大阪市北区梅田1-1"),
    ("7300011", "広島県広島市中区基町1-1"),
    ("7600019", "香川県高松市サンポート1-1"),
    ("8100001", "福岡県福岡市中央区天神1-1"),
    ("0000000", "(seed) address abroad"),
];
const LOCALES: [&str; 8] = ["ja", "en", "zh-Hans", "zh-Hant", "ko", "es", "vi", "tl"];

/// Answers of each procedure with an entry screen, as the screens would store them; `SEEDNAME`
/// and `20000101` are replaced per filing. Procedures without one get the applicant's name only.
fn answer_pairs(procedure: &str) -> Vec<(&'static str, &'static str)> {
    match procedure {
        "ens-request-for-use" | "rasens-request-for-use" => vec![
            ("name_en", "SEEDNAME"),
            ("date_of_birth.unknown", "none"),
            ("date_of_birth", "19900101"),
            ("sex", "female"),
            ("nationality", "PHL"),
            ("residence_card_number", "AB12345678CD"),
            ("telephone", "0312345678"),
        ],
        "ens-notification" => vec![
            ("status", "student"),
            ("content_activity", "leaving"),
            ("name_en", "SEEDNAME"),
            ("telephone", "0312345678"),
            ("mobile", "09012345678"),
            ("leaving_date", "20000101"),
            ("org_name", "Seed Language School"),
            ("org_postal_code", "1000013"),
            ("org_address", "東京都千代田区霞が関1-1-1"),
        ],
        _ => vec![("name_en", "SEEDNAME")],
    }
}

/// A procedure as seeding uses it.
struct Proc {
    id: String,
    kind: FilingKind,
    rasens: bool,
    form_version: i64,
    fingerprint: String,
    /// JSON with the placeholders.
    answers: String,
    weight: u32,
    /// Who may file it (codes of `UserType`).
    user_types: Vec<&'static str>,
}

fn procedures(app: &App) -> Result<Vec<Proc>, SeedError> {
    let mut out = Vec::new();
    for p in &app.catalogue.procedures {
        if p.id.starts_with("demo-") {
            continue;
        }
        let (kind, weight) = match p.category {
            Category::Application => (FilingKind::Application, 10),
            Category::Notification => (FilingKind::Notification, 25),
            Category::RequestForUse => (FilingKind::RequestForUse, 2),
        };
        let form = app.catalogue.entry_form(p);
        let pairs: Vec<(String, String)> = answer_pairs(&p.id)
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        let answers = match form {
            Some(f) => Answers::from_pairs(f, &pairs),
            None => {
                serde_json::from_value(serde_json::json!({ "name_en": { "text": "SEEDNAME" } }))
                    .map_err(|e| SeedError::Plan(e.to_string()))?
            }
        };
        out.push(Proc {
            id: p.id.clone(),
            kind,
            rasens: p.system == System::Rasens,
            form_version: i64::from(p.form_versions.last().copied().unwrap_or(1)),
            fingerprint: form
                .map(|f| f.schema_fingerprint().to_owned())
                .unwrap_or_else(|| "seed".to_owned()),
            answers: serde_json::to_string(&answers).map_err(|e| SeedError::Plan(e.to_string()))?,
            weight,
            user_types: p.user_types.iter().map(|t| t.code()).collect(),
        });
    }
    if out.is_empty() {
        return Err(SeedError::Plan("the catalogue has no procedures".into()));
    }
    Ok(out)
}

fn kind_code(k: FilingKind) -> &'static str {
    match k {
        FilingKind::Application => "application",
        FilingKind::Notification => "notification",
        FilingKind::RequestForUse => "request_for_use",
    }
}

/// Days, as a random span in milliseconds.
fn days(rng: &mut StdRng, lo: f64, hi: f64) -> i64 {
    (rng.gen_range(lo..hi) * DAY as f64) as i64
}

/// The statuses a filing went through and when, cut at `now`: the paths officers take through
/// SPEC §9.2 (see `zairyu_domain::application::transition`).
fn history(rng: &mut StdRng, p: &Proc, created: i64, now: i64) -> Vec<(S, i64)> {
    let mut h = vec![(S::Pending, created)];
    let mut t = created;
    let mut step = |h: &mut Vec<(S, i64)>, s: S, span: i64| {
        t += span;
        h.push((s, t));
    };
    match p.kind {
        FilingKind::Application => {
            step(&mut h, S::ApplicationCompleted, days(rng, 0.05, 3.0));
            step(&mut h, S::UnderReview, days(rng, 0.5, 10.0));
            if rng.gen_bool(0.12) {
                step(&mut h, S::InReturnProcess, days(rng, 3.0, 30.0));
                step(&mut h, S::UnderReview, days(rng, 2.0, 20.0));
            }
            if rng.gen_bool(0.93) {
                step(&mut h, S::AwaitingIssuance, days(rng, 7.0, 60.0));
                step(&mut h, S::Completed, days(rng, 2.0, 30.0));
            } else {
                step(&mut h, S::CompletedNotPermitted, days(rng, 7.0, 60.0));
            }
        }
        FilingKind::Notification => {
            step(&mut h, S::ApplicationCompleted, days(rng, 0.05, 3.0));
            if rng.gen_bool(0.95) {
                step(&mut h, S::Completed, days(rng, 1.0, 14.0));
            } else {
                step(&mut h, S::InReturnProcess, days(rng, 1.0, 14.0));
            }
        }
        FilingKind::RequestForUse if !p.rasens => {
            // Approved automatically at once (SPEC §7.1).
            h.push((S::Completed, created));
        }
        FilingKind::RequestForUse => {
            if rng.gen_bool(0.97) {
                step(&mut h, S::Completed, days(rng, 1.0, 7.0));
            } else {
                step(&mut h, S::CompletedNotPermitted, days(rng, 1.0, 7.0));
            }
        }
    }
    h.retain(|(_, at)| *at <= now);
    h
}

fn jst_date(ms: i64) -> time::Date {
    let jst = time::UtcOffset::from_hms(9, 0, 0).unwrap_or(time::UtcOffset::UTC);
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .map(|t| t.to_offset(jst).date())
        .unwrap_or(time::Date::MIN)
}

/// Filings per transaction: big enough that commits cost little, small enough to keep memory flat.
const CHUNK: usize = 20_000;

/// Makes the users and filings of `plan`.
pub async fn seed(app: &App, plan: &SeedPlan) -> Result<SeedReport, SeedError> {
    let started = Instant::now();
    if plan.users == 0 {
        return Err(SeedError::Plan("at least one user is needed".into()));
    }
    if plan.heavy_users > plan.users {
        return Err(SeedError::Plan("more heavy users than users".into()));
    }
    let heavy_total = u64::from(plan.heavy_users) * u64::from(plan.per_heavy_user);
    if heavy_total > plan.applications {
        return Err(SeedError::Plan(format!(
            "{} heavy user(s) × {} filings is more than the {} filings asked for",
            plan.heavy_users, plan.per_heavy_user, plan.applications
        )));
    }
    if plan.heavy_users == plan.users && heavy_total != plan.applications {
        return Err(SeedError::Plan(
            "every user is heavy, so the filings must be heavy users × filings each".into(),
        ));
    }
    if plan.applications > 50_000_000 {
        return Err(SeedError::Plan("at most 50,000,000 filings".into()));
    }
    let password = Password::parse(&plan.password, app.cfg.password_policy)
        .map_err(|_| SeedError::Plan("the password does not meet the password policy".into()))?;
    let backend = app.db.backend();
    let procs = procedures(app)?;
    let hash = app.hasher.hash(&password).await.map_err(AppError::from)?;
    // The checks, the id blocks and the users: one transaction.
    let mut w = app.db.begin().await?;
    let real = store::real_users(&mut w).await?;
    if real > 0 && !plan.force {
        return Err(SeedError::RealUsers(real));
    }
    let already = store::synthetic_users(&mut w).await?;
    let mut rng = StdRng::seed_from_u64(plan.seed ^ (already as u64).wrapping_mul(0x9E37_79B9));
    let now = app.now();
    let start = now - i64::from(plan.years.max(1)) * YEAR;

    let first_user = store::reserve_ids(&mut w, backend, "users", i64::from(plan.users)).await?;
    let mut users = Vec::with_capacity(plan.users as usize);
    for i in 0..plan.users {
        let n = already + i64::from(i) + 1;
        let (postal, address) = ADDRESSES[rng.gen_range(0..ADDRESSES.len())];
        // A user with thousands of filings is an attorney or a company's staff filing for others.
        let user_type = if i < plan.heavy_users {
            UserType::LegalProfessional
        } else if rng.gen_bool(0.8) {
            UserType::ForeignNational
        } else {
            UserType::ALL[rng.gen_range(0..UserType::ALL.len())]
        };
        users.push(SeedUser {
            id: first_user + i64::from(i),
            login_id: LoginId::generate(&mut rng).as_str().to_owned(),
            user_type: user_type.code(),
            email: format!("seed-{n:07}{SYNTHETIC_DOMAIN}"),
            name_en: format!(
                "{} {}",
                FAMILY[rng.gen_range(0..FAMILY.len())],
                GIVEN[rng.gen_range(0..GIVEN.len())]
            ),
            telephone: format!("090{:08}", rng.gen_range(0..100_000_000u32)),
            postal_code: postal.to_owned(),
            address: address.to_owned(),
            locale: LOCALES[rng.gen_range(0..LOCALES.len())],
            // Users of three years' standing: both systems' requests for use approved.
            ens_approved_at: Some(start - DAY),
            rasens_approved_at: Some(start - DAY),
            created_at: start - DAY - days(&mut rng, 0.0, 30.0),
        });
    }
    store::insert_users(&mut w, backend, &users, &hash).await?;

    // Who files each filing, in order of time: heavy users' filings are shuffled among everyone
    // else's, as they would have been filed, so no user's rows sit together on disk.
    let m = plan.applications as usize;
    let mut owner: Vec<u32> = Vec::with_capacity(m);
    for h in 0..plan.heavy_users {
        owner.extend(std::iter::repeat_n(h, plan.per_heavy_user as usize));
    }
    let light = plan.users - plan.heavy_users;
    while owner.len() < m {
        owner.push(plan.heavy_users + rng.gen_range(0..light));
    }
    owner.shuffle(&mut rng);
    let mut times: Vec<i64> = (0..m).map(|_| rng.gen_range(start..now)).collect();
    times.sort_unstable();

    let mut eligible: HashMap<&'static str, (Vec<usize>, u32)> = HashMap::new();
    for t in UserType::ALL {
        let list: Vec<usize> = (0..procs.len())
            .filter(|i| procs[*i].user_types.contains(&t.code()))
            .collect();
        let total: u32 = list.iter().map(|i| procs[*i].weight).sum();
        if total == 0 {
            return Err(SeedError::Plan(format!("no procedure for {}", t.code())));
        }
        eligible.insert(t.code(), (list, total));
    }
    let mut sequences: HashMap<(&'static str, &'static str, i64), i64> = HashMap::new();
    for (office_code, kind, year, last) in store::sequences(&mut w).await? {
        if let Some(o) = office(&office_code) {
            let k = match kind.as_str() {
                "reception" => "reception",
                "receipt" => "receipt",
                _ => continue,
            };
            sequences.insert((o.code, k, year), last);
        }
    }
    let mut by_status: HashMap<&'static str, u64> = HashMap::new();
    let mut by_procedure: HashMap<&str, u64> = HashMap::new();
    let mut events_total = 0u64;
    let first_app = store::reserve_ids(&mut w, backend, "applications", m as i64).await?;
    w.commit().await.map_err(StoreError::from_sqlx)?;
    let mut apps = Vec::with_capacity(CHUNK);
    let mut events = Vec::with_capacity(CHUNK * 5);
    for start_i in (0..m).step_by(CHUNK) {
        apps.clear();
        events.clear();
        for i in start_i..(start_i + CHUNK).min(m) {
            let u = &users[owner[i] as usize];
            let id = first_app + i as i64;
            let created = times[i];
            // Only procedures the user's type may file (SPEC §1), weighted.
            let Some((eligible, total_weight)) = eligible.get(u.user_type) else {
                return Err(SeedError::Plan(format!("no procedure for {}", u.user_type)));
            };
            let mut pick = rng.gen_range(0..*total_weight);
            let p = eligible
                .iter()
                .map(|i| &procs[*i])
                .find(|p| {
                    if pick < p.weight {
                        true
                    } else {
                        pick -= p.weight;
                        false
                    }
                })
                .unwrap_or(&procs[0]);
            // Staff and legal professionals file for other people; the others for themselves.
            let name = if u.user_type == UserType::ForeignNational.code() {
                u.name_en.clone()
            } else {
                format!(
                    "{} {}",
                    FAMILY[rng.gen_range(0..FAMILY.len())],
                    GIVEN[rng.gen_range(0..GIVEN.len())]
                )
            };
            let event_day = jst_date(created - days(&mut rng, 0.0, 10.0));
            let answers = p.answers.replace("SEEDNAME", &name).replace(
                "20000101",
                &format!(
                    "{:04}{:02}{:02}",
                    event_day.year(),
                    u8::from(event_day.month()),
                    event_day.day()
                ),
            );
            let office_code = zairyu_domain::officer::office_for_address(Some(&u.address));
            let steps = history(&mut rng, p, created, now);
            let mut a = SeedApplication {
                id,
                reference_number: ReferenceNumber::generate(&mut rng).as_str().to_owned(),
                user_id: u.id,
                procedure_id: &p.id,
                form_version: p.form_version,
                form_fingerprint: &p.fingerprint,
                kind: kind_code(p.kind),
                status: S::Pending.code(),
                answers,
                related_name: name,
                reception_number: None,
                receipt_number: None,
                office: office_code,
                created_at: created,
                updated_at: created,
                received_at: None,
                decided_at: None,
            };
            for (k, (status, at)) in steps.iter().enumerate() {
                a.status = status.code();
                a.updated_at = *at;
                if *status == S::ApplicationCompleted && a.received_at.is_none() {
                    a.received_at = Some(*at);
                    let o = office(office_code).unwrap_or(&OFFICES[8]);
                    let year = jst_date(*at).year();
                    let seq_kind = if p.kind == FilingKind::Application {
                        "reception"
                    } else {
                        "receipt"
                    };
                    let seq = sequences
                        .entry((o.code, seq_kind, i64::from(year)))
                        .or_insert(0);
                    *seq += 1;
                    let number = reception_number(o, p.kind, year, *seq);
                    if p.kind == FilingKind::Application {
                        a.reception_number = Some(number);
                    } else {
                        a.receipt_number = Some(number);
                    }
                }
                if (status.is_final() || *status == S::AwaitingIssuance) && a.decided_at.is_none() {
                    a.decided_at = Some(*at);
                }
                events.push(SeedEvent {
                    application_id: id,
                    at: *at,
                    status: status.code(),
                    actor: if k == 0 {
                        format!("user:{}", u.id)
                    } else {
                        "seed".to_owned()
                    },
                });
            }
            *by_status.entry(a.status).or_default() += 1;
            *by_procedure.entry(&p.id).or_default() += 1;
            apps.push(a);
        }
        let mut tx = app.db.begin().await?;
        store::insert_applications(&mut tx, backend, &apps).await?;
        store::insert_events(&mut tx, backend, &events).await?;
        tx.commit().await.map_err(StoreError::from_sqlx)?;
        events_total += events.len() as u64;
        if (start_i / CHUNK) % 10 == 9 {
            tracing::info!(
                applications = start_i + apps.len(),
                of = m,
                seconds = started.elapsed().as_secs(),
                "seeding"
            );
        }
    }
    let mut tx = app.db.begin().await?;
    for ((office_code, kind, year), last) in &sequences {
        store::advance_sequence(&mut tx, office_code, kind, *year, *last).await?;
    }
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    // Outside any transaction: PostgreSQL's VACUUM cannot run in one.
    let mut conn = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    store::analyze(&mut conn, backend).await?;

    let heavy = users
        .iter()
        .take(plan.heavy_users as usize)
        .map(|u| HeavyUser {
            login_id: u.login_id.clone(),
            email: u.email.clone(),
            applications: u64::from(plan.per_heavy_user),
        })
        .collect();
    let mut by_status: Vec<(&'static str, u64)> = S::ALL
        .iter()
        .map(|s| (s.code(), by_status.get(s.code()).copied().unwrap_or(0)))
        .collect();
    by_status.retain(|(_, n)| *n > 0);
    let mut by_procedure: Vec<(String, u64)> = by_procedure
        .into_iter()
        .map(|(p, n)| (p.to_owned(), n))
        .collect();
    by_procedure.sort();
    Ok(SeedReport {
        users: u64::from(plan.users),
        applications: m as u64,
        events: events_total,
        heavy,
        others: users
            .iter()
            .skip(plan.heavy_users as usize)
            .filter(|u| u.user_type == UserType::ForeignNational.code())
            .map(|u| u.login_id.clone())
            .collect(),
        by_status,
        by_procedure,
        first_at: times.first().copied().unwrap_or(now),
        last_at: times.last().copied().unwrap_or(now),
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// The user with the most filings: id, User ID and count.
pub async fn heaviest_user(app: &App) -> Result<Option<(i64, String, i64)>, AppError> {
    let mut conn = app.db.read().await?;
    Ok(store::heaviest_user(&mut conn).await?)
}
