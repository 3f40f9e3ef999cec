//! Issue 4: "the list and its searches for a user with 10,000 applications answer in under 20 ms
//! p99 of server time, on SQLite and on PostgreSQL". Times `filing::list_applications` — the use
//! case the `/applications` handler calls, with its database round trips — in-process, for the user
//! with the most filings in a database made by `zairyu seed applications`, one query after another
//! on one connection at a time (nothing else running). Prints a Markdown table.
//!
//! Usage: list-bench [--data-dir DIR] [-n 200] [--warmup 20] [--explain]
//! The database is the configured one (`ZAIRYU_DATABASE_URL`, else `<data-dir>/zairyu.db`).

use std::sync::Arc;
use std::time::Instant;
use zairyu::config::Config;
use zairyu_app::SystemClock;
use zairyu_app::filing::{ListQuery, list_applications};
use zairyu_bench_forms::stats::{self, arg_usize};
use zairyu_domain::Date;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Case {
    name: String,
    q: ListQuery,
}

fn base(per: i64) -> ListQuery {
    ListQuery {
        per_page: per,
        page: 1,
        lang: "ja".into(),
        ..ListQuery::default()
    }
}

/// CPU time (user + system) in milliseconds of this process and, on PostgreSQL, of every
/// `postgres` process on the machine: the server-side work, which unlike the wall time does not
/// grow when other work on a shared machine preempts the benchmark. /proc counts in USER_HZ
/// (100 per second on Linux), so it is only read around a whole batch of iterations.
fn cpu_ms(postgres: bool) -> f64 {
    let ticks = |stat: &str| -> Option<u64> {
        // Fields after the command name (which may contain spaces) start at ") ".
        let rest = stat.rsplit_once(") ")?.1;
        let f: Vec<&str> = rest.split_whitespace().collect();
        Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
    };
    let mut total = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| ticks(&s))
        .unwrap_or(0);
    if postgres && let Ok(dir) = std::fs::read_dir("/proc") {
        for e in dir.flatten() {
            if let Ok(s) = std::fs::read_to_string(e.path().join("stat"))
                && s.contains(" (postgres) ")
            {
                total += ticks(&s).unwrap_or(0);
            }
        }
    }
    total as f64 * 10.0
}

fn date(ms: i64, days_back: i64) -> Option<Date> {
    let jst = time::UtcOffset::from_hms(9, 0, 0).unwrap_or(time::UtcOffset::UTC);
    let t = time::OffsetDateTime::from_unix_timestamp(ms / 1000 - days_back * 86_400).ok()?;
    Some(Date::from_time(t.to_offset(jst).date()))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let n = arg_usize(&args, "-n", 200)?;
    let warmup = arg_usize(&args, "--warmup", 20)?;
    let mut cfg = Config::load(None)?;
    if let Some(i) = args.iter().position(|a| a == "--data-dir")
        && let Some(d) = args.get(i + 1)
    {
        cfg.data_dir = d.into();
    }
    cfg.postal_autoload = false;
    let app = zairyu::build(&cfg, Arc::new(SystemClock)).await?;
    let started = Instant::now();
    let Some((user_id, login_id, count)) = zairyu_app::seed::heaviest_user(&app).await? else {
        return Err("no filings: run `zairyu seed applications` first".into());
    };
    eprintln!(
        "heaviest user {login_id}: {count} filings (found in {:.1} s)",
        started.elapsed().as_secs_f64()
    );

    // Values to search for, taken from the user's own filings.
    let (sample, total) = list_applications(&app, user_id, &base(100)).await?;
    let newest = sample.first().ok_or("the user has no filings")?;
    let reference = newest.reference_number.clone();
    let name = newest.related_name.clone().unwrap_or_default();
    let family = name.split_whitespace().next().unwrap_or("").to_owned();
    let reception = sample
        .iter()
        .find_map(|a| a.reception_number.clone().or(a.receipt_number.clone()))
        .unwrap_or_default();
    let now = app.now();
    let last10 = (total + 9) / 10;
    let last100 = (total + 99) / 100;

    let mut cases = vec![
        Case {
            name: "list, newest first, 10 per page".into(),
            q: base(10),
        },
        Case {
            name: "list, oldest first, 10 per page".into(),
            q: ListQuery {
                oldest_first: true,
                ..base(10)
            },
        },
        Case {
            name: "list, 100 per page".into(),
            q: base(100),
        },
        Case {
            name: format!("deep page: last of 10 per page (page {last10})"),
            q: ListQuery {
                page: last10,
                ..base(10)
            },
        },
        Case {
            name: format!("deep page: last of 100 per page (page {last100})"),
            q: ListQuery {
                page: last100,
                ..base(100)
            },
        },
        Case {
            name: "deep page: middle, oldest first, 20 per page".into(),
            q: ListQuery {
                page: (total / 40).max(1),
                oldest_first: true,
                ..base(20)
            },
        },
        Case {
            name: "number: whole reference number".into(),
            q: ListQuery {
                related: reference.clone(),
                ..base(10)
            },
        },
        Case {
            name: "number: 6 characters of a reference number".into(),
            q: ListQuery {
                related: reference[..6].to_owned(),
                ..base(10)
            },
        },
        Case {
            name: "number: reception / receipt number".into(),
            q: ListQuery {
                related: reception.clone(),
                ..base(10)
            },
        },
        Case {
            name: format!("name: whole (`{name}`)"),
            q: ListQuery {
                related: name.clone(),
                ..base(10)
            },
        },
        Case {
            name: format!("name: family name (`{family}`), oldest first, 50 per page"),
            q: ListQuery {
                related: family.clone(),
                oldest_first: true,
                ..base(50)
            },
        },
        Case {
            name: "number or name: no match".into(),
            q: ListQuery {
                related: "ZZZZ9".into(),
                ..base(10)
            },
        },
        Case {
            name: "procedure keyword (ja `在留`)".into(),
            q: ListQuery {
                procedure_keywords: "在留".into(),
                ..base(10)
            },
        },
        Case {
            name: "procedure keywords (en `period of stay`, all must match)".into(),
            q: ListQuery {
                procedure_keywords: "period of stay".into(),
                lang: "en".into(),
                ..base(10)
            },
        },
        Case {
            name: "procedure keyword, no match".into(),
            q: ListQuery {
                procedure_keywords: "zzzz".into(),
                ..base(10)
            },
        },
        Case {
            name: "date range: last 30 days".into(),
            q: ListQuery {
                from: date(now, 30),
                to: date(now, 0),
                ..base(10)
            },
        },
        Case {
            name: "date range: a year, oldest first, 100 per page".into(),
            q: ListQuery {
                from: date(now, 730),
                to: date(now, 365),
                oldest_first: true,
                ..base(100)
            },
        },
        Case {
            name: "date range: one day two years ago".into(),
            q: ListQuery {
                from: date(now, 730),
                to: date(now, 730),
                ..base(10)
            },
        },
        Case {
            name: "all at once: family name + keyword + a year, page 2".into(),
            q: ListQuery {
                related: family.clone(),
                procedure_keywords: "在留".into(),
                from: date(now, 730),
                to: date(now, 365),
                page: 2,
                ..base(10)
            },
        },
    ];

    let postgres = cfg.database_url().starts_with("postgres");
    let explain = args.iter().any(|a| a == "--explain");
    println!(
        "| query | matches | mean ms | p50 ms | p95 ms | p99 ms | max ms | CPU ms/query{} |",
        if postgres { " (bench + postgres)" } else { "" }
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let mut plans = String::new();
    let mut worst = 0.0f64;
    let run_started = Instant::now();
    for c in cases.iter_mut() {
        let mut matches = 0;
        for _ in 0..warmup {
            matches = list_applications(&app, user_id, &c.q).await?.1;
        }
        let mut samples = Vec::with_capacity(n);
        let cpu_before = cpu_ms(postgres);
        for _ in 0..n {
            let t = Instant::now();
            let r = list_applications(&app, user_id, &c.q).await?;
            std::hint::black_box(&r);
            drop(r);
            samples.push(t.elapsed().as_secs_f64() * 1e6);
        }
        let cpu = (cpu_ms(postgres) - cpu_before) / n.max(1) as f64;
        if explain {
            plans.push_str(&format!("{}:\n", c.name));
            for line in zairyu_app::filing::list_plans(&app, user_id, &c.q).await? {
                plans.push_str(&format!("    {line}\n"));
            }
        }
        let mut sorted = samples.clone();
        sorted.sort_by(f64::total_cmp);
        let p95 = stats::percentile(&sorted, 95.0);
        let s = stats::from_samples(samples);
        worst = worst.max(s.p99);
        let ms = |v: f64| format!("{:.2}", v / 1000.0);
        println!(
            "| {} | {matches} | {} | {} | {} | {} | {} | {cpu:.2} |",
            c.name,
            ms(s.mean),
            ms(s.p50),
            ms(p95),
            ms(s.p99),
            ms(s.max)
        );
    }
    println!();
    println!(
        "worst p99: {:.2} ms ({}; {} iterations per query after {} of warm-up, {:.0} s in all; {} filings for this user)",
        worst / 1000.0,
        if worst < 20_000.0 {
            "target < 20 ms met"
        } else {
            "target < 20 ms NOT met"
        },
        n,
        warmup,
        run_started.elapsed().as_secs_f64(),
        total
    );
    if explain {
        println!(
            "\nQuery plans (count, then page), as the database gives them:\n\n```text\n{plans}```"
        );
    }
    app.db.close().await;
    Ok(())
}
