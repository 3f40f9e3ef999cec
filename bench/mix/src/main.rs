//! The journey mix at 10 times the national peak hour (issue 7): people registering, logging in,
//! filing, checking their filings, and an officer receiving filings, against a running `zairyu
//! serve`. Goose drives simulated users; each step is a named request, so the report gives
//! p50/p95/p99 per step. See docs/PERFORMANCE.md for the sizing and bench/run.sh for how it is run.
//!
//! Goose's own options come on the command line (`--host`, `--users`, `--run-time`,
//! `--throttle-requests`, …). The mix's own settings are environment variables:
//!
//! - `MIX_SMTP_ADDR`: where the mail sink listens (the server's `smtp_url` points there) [127.0.0.1:39125]
//! - `MIX_LOGINS`, `MIX_PASSWORD`: a file of seeded User IDs (one a line) and their password, for the
//!   returning filers and viewers (`zairyu seed applications --login-ids FILE`)
//! - `MIX_OFFICER_LOGIN`, `MIX_OFFICER_PASSWORD`: an officer (`zairyu officer create --role admin`);
//!   the mix enrols the one-time code at the first login, or takes the secret (base32) from
//!   `MIX_OFFICER_TOTP` when it is already enrolled. Without them, or when the server has no
//!   `/officer/login`, the officer journey is skipped with a notice. Goose gives the officer journey
//!   to 1 user in 13 (its weight), so 60 users include about five officers working side by side
//!   under this one account, each taking its own filing from the pending queue.
//! - `MIX_REPORT`: a file to write the Markdown table of steps to.

mod mail;
mod steps;
mod totp;

use steps::{filer, newcomer, officer, viewer};

use goose::metrics::GooseMetrics;
use goose::prelude::*;
use std::sync::OnceLock;

/// The mix's settings, read once.
#[derive(Debug, Default)]
pub struct Settings {
    pub logins: Vec<String>,
    pub password: String,
    pub officer: Option<(String, String, String)>,
}

pub static SETTINGS: OnceLock<Settings> = OnceLock::new();

fn settings() -> Result<Settings, String> {
    let logins = match std::env::var("MIX_LOGINS") {
        Ok(path) => std::fs::read_to_string(&path)
            .map_err(|e| format!("MIX_LOGINS {path}: {e}"))?
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        Err(_) => Vec::new(),
    };
    let officer = match (
        std::env::var("MIX_OFFICER_LOGIN"),
        std::env::var("MIX_OFFICER_PASSWORD"),
    ) {
        (Ok(l), Ok(p)) if !l.is_empty() && !p.is_empty() => {
            Some((l, p, std::env::var("MIX_OFFICER_TOTP").unwrap_or_default()))
        }
        _ => None,
    };
    Ok(Settings {
        logins,
        password: std::env::var("MIX_PASSWORD").unwrap_or_default(),
        officer,
    })
}

/// Nearest-rank percentile over goose's microsecond buckets.
fn percentile(buckets: &[(u64, usize)], total: usize, p: f64) -> f64 {
    let rank = ((p / 100.0) * total as f64).ceil().max(1.0) as usize;
    let mut seen = 0;
    for (us, n) in buckets {
        seen += n;
        if seen >= rank {
            return *us as f64 / 1000.0;
        }
    }
    buckets
        .last()
        .map(|(us, _)| *us as f64 / 1000.0)
        .unwrap_or(0.0)
}

/// One row per named step: count, failures, p50/p95/p99/max in milliseconds.
fn report(m: &GooseMetrics) -> String {
    let mut names: Vec<&String> = m.requests.keys().collect();
    names.sort();
    let secs = m.duration.max(1) as f64;
    let mut out = String::from(
        "| step | requests | per second | errors | p50 ms | p95 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    let (mut all, mut failed) = (0usize, 0usize);
    for name in names {
        let r = &m.requests[name];
        let mut buckets: Vec<(u64, usize)> =
            r.raw_data.times_us.iter().map(|(k, v)| (*k, *v)).collect();
        buckets.sort();
        let n = r.raw_data.counter;
        all += r.success_count + r.fail_count;
        failed += r.fail_count;
        out.push_str(&format!(
            "| {} | {} | {:.2} | {} | {:.1} | {:.1} | {:.1} | {:.1} |\n",
            name.trim_start_matches("GET ").trim_start_matches("POST "),
            r.success_count + r.fail_count,
            (r.success_count + r.fail_count) as f64 / secs,
            r.fail_count,
            percentile(&buckets, n, 50.0),
            percentile(&buckets, n, 95.0),
            percentile(&buckets, n, 99.0),
            r.raw_data.maximum_time_us as f64 / 1000.0,
        ));
    }
    let submissions: usize = m
        .requests
        .iter()
        .filter(|(k, _)| k.contains("apply"))
        .map(|(_, r)| r.success_count)
        .sum();
    out.push_str(&format!(
        "\nrequests: {all} in {} s ({:.1}/s), errors: {failed}, submissions (Apply): {submissions} ({:.2}/s), transaction errors: {}\n",
        m.duration,
        all as f64 / secs,
        submissions as f64 / secs,
        m.errors.len()
    ));
    out
}

#[tokio::main]
async fn main() -> Result<(), GooseError> {
    let s = settings().map_err(|e| GooseError::InvalidOption {
        option: "MIX_*".into(),
        value: e.clone(),
        detail: e,
    })?;
    if s.logins.is_empty() {
        eprintln!("mix: MIX_LOGINS is empty: the returning filers and viewers cannot log in");
    }
    let _ = SETTINGS.set(s);
    let smtp = std::env::var("MIX_SMTP_ADDR").unwrap_or_else(|_| "127.0.0.1:39125".into());
    mail::spawn_sink(&smtp)
        .await
        .map_err(|e| GooseError::InvalidOption {
            option: "MIX_SMTP_ADDR".into(),
            value: smtp.clone(),
            detail: e.to_string(),
        })?;

    let metrics = GooseAttack::initialize()?
        .register_scenario(
            scenario!("newcomer")
                .set_weight(1)?
                .register_transaction(transaction!(newcomer).set_name("newcomer")),
        )
        .register_scenario(
            scenario!("filer")
                .set_weight(8)?
                .register_transaction(transaction!(filer).set_name("filer")),
        )
        .register_scenario(
            scenario!("viewer")
                .set_weight(3)?
                .register_transaction(transaction!(viewer).set_name("viewer")),
        )
        .register_scenario(
            scenario!("officer")
                .set_weight(1)?
                .register_transaction(transaction!(officer).set_name("officer")),
        )
        .execute()
        .await?;
    let table = report(&metrics);
    println!("{table}");
    if let Ok(path) = std::env::var("MIX_REPORT")
        && let Err(e) = std::fs::write(&path, &table)
    {
        eprintln!("mix: writing {path}: {e}");
    }
    Ok(())
}
