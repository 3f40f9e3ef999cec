//! Issue 3's form target: "A 300-field form with 20 conditions renders and validates in under 2 ms of
//! server time." The form (bench/forms/src/form_gen.rs) is parsed once; each step of the entry
//! journey is then timed on its own and end to end, over many iterations, on one thread. No I/O:
//! the draft the real handler saves on every Proceed is not included.
//!
//! Usage: `forms-bench [-n ITERATIONS] [--warmup N] [--print-form]`.

use askama::Template;
use std::error::Error;
use std::sync::Arc;
use std::time::Instant;
use zairyu_app::sessions::SessionUser;
use zairyu_bench_forms::form_gen::{self, CONDITIONS, FIELDS};
use zairyu_bench_forms::stats::{self, Stats, arg_usize, header, measure};
use zairyu_forms::{Answers, Date, FormDef, OptionLists, SummaryValue};
use zairyu_i18n::{I18n, Locale};
use zairyu_web::ctx::{Ctx, Scheme};
use zairyu_web::form_view;
use zairyu_web::pages::{ConfirmPage, EntryPage, EntryTools};

const TARGET_US: f64 = 2000.0;

/// The pairs a page that renders only the shown fields posts back: inputs of hidden fields, rows
/// and sections are left out (names that are no field, such as `csrf`, are kept).
fn shown_only(form: &FormDef, body: &[(String, String)]) -> Vec<(String, String)> {
    let all = Answers::from_pairs(form, body);
    let vis = form.visible(&all);
    body.iter()
        .filter(|(name, _)| {
            let base = name.strip_suffix(".unknown").unwrap_or(name);
            match base.split_once('[') {
                None => form.field(base).is_none() || vis.field(base),
                Some((group, rest)) => {
                    let Some((index, child)) = rest.split_once("].") else {
                        return false;
                    };
                    let row: usize = index.parse().unwrap_or(usize::MAX);
                    vis.field(group) && vis.row_field(group, row, child)
                }
            }
        })
        .cloned()
        .collect()
}

fn ctx(locale: Locale, i18n: &Arc<I18n>) -> Ctx {
    Ctx {
        locale,
        scheme: Scheme::Standard,
        csrf: "q8Jx2vY7c1Wm0nR5tL3kH9gF4dS6aZ-_pO1iU8yT7rE".to_owned(),
        path: "/procedures/bench-residence/entry".to_owned(),
        user: Some(Arc::new(SessionUser {
            user_id: 1,
            login_id: "an.nguyen@example.jp".to_owned(),
            name: "NGUYEN VAN AN".to_owned(),
            user_type: "foreign_national".to_owned(),
            locale: locale.code().to_owned(),
            previous_login_at: Some(1_795_000_000_000),
            expires_at: 1_795_001_800_000,
            ens_approved: true,
            rasens_approved: true,
        })),
        session: Some("bench-session".to_owned()),
        session_expired: false,
        ip: "127.0.0.1".to_owned(),
        i18n: i18n.clone(),
        dev_mailbox: false,
    }
}

/// The entry page as `routes/entry.rs` (`entry_page`) builds it.
fn entry_page(
    ctx: &Ctx,
    form: &FormDef,
    answers: &Answers,
    errors: Option<&zairyu_forms::FormErrors>,
) -> EntryPage {
    let (sections, summary) = form_view::build(ctx, form, answers, errors);
    EntryPage {
        ctx: ctx.clone(),
        procedure_name: "在留期間更新許可申請".to_owned(),
        contact: vec![
            "最寄りの地方出入国在留管理官署へお問い合わせください。".to_owned(),
            "ヘルプデスク 050-3786-3053".to_owned(),
        ],
        action: "/procedures/bench-residence/entry".to_owned(),
        back: "/procedures/bench-residence".to_owned(),
        sections,
        summary,
        alert: None,
        tools: EntryTools {
            save_label: ctx.t("save-data"),
            load: (
                "/procedures/bench-residence/load".to_owned(),
                ctx.t("load-data"),
            ),
            autofill: (
                "/procedures/bench-residence/past".to_owned(),
                ctx.t("autofill-link"),
            ),
        },
    }
}

/// The confirmation page as `routes/entry.rs` builds it from the cleaned answers.
fn confirm_page(ctx: &Ctx, form: &FormDef, cleaned: &zairyu_forms::Cleaned) -> ConfirmPage {
    let rows = form
        .summary(cleaned, ctx.lang())
        .into_iter()
        .map(|r| {
            let value = match r.value {
                SummaryValue::Heading => String::new(),
                SummaryValue::Empty => "—".to_owned(),
                SummaryValue::Text(t) => t,
                SummaryValue::Message { key, arg } => {
                    ctx.t1(key, "value", &arg.unwrap_or_default())
                }
            };
            (r.label, value)
        })
        .collect();
    ConfirmPage {
        ctx: ctx.clone(),
        title: ctx.t("entry-confirm-title"),
        lead: format!(
            "{} {}",
            ctx.t("entry-confirm-not-complete"),
            ctx.t("entry-confirm-lead")
        ),
        summary: Vec::new(),
        alert: None,
        rows,
        action: "/procedures/bench-residence/confirm".to_owned(),
        hidden: vec![("submit_key".into(), "k".repeat(43))],
        back_href: Some("/procedures/bench-residence/entry".to_owned()),
        submit: ctx.t("button-apply"),
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("usage: forms-bench [-n ITERATIONS] [--warmup N] [--print-form]");
        return Ok(());
    }
    let n = arg_usize(&args, "-n", 2000)?;
    let warmup = arg_usize(&args, "--warmup", 200)?;
    if n < 100 {
        return Err("-n must be at least 100 (p99 needs it)".into());
    }

    let generated = form_gen::generate();
    if args.iter().any(|a| a == "--print-form") {
        println!("{}\n# --- lists ---\n{}", generated.form, generated.lists);
        return Ok(());
    }
    let lists = OptionLists::parse(&generated.lists).map_err(|e| format!("lists: {e:?}"))?;
    let started = Instant::now();
    let form = FormDef::parse(&generated.form, &lists).map_err(|e| format!("form: {e:?}"))?;
    let parse_first_us = started.elapsed().as_secs_f64() * 1e6;
    if form.field_count() != FIELDS || generated.conditions != CONDITIONS {
        return Err(format!(
            "generated {} fields and {} conditions, wanted {FIELDS} and {CONDITIONS}",
            form.field_count(),
            generated.conditions
        )
        .into());
    }
    let parse = measure(3, 50, || FormDef::parse(&generated.form, &lists));

    let today = Date::from_ymd(2026, 11, 21).ok_or("bad date")?;
    let body = shown_only(&form, &generated.body);
    let bad_body = form_gen::with_mistakes(&body);
    let answers = Answers::from_pairs(&form, &body);
    let bad_answers = Answers::from_pairs(&form, &bad_body);
    let cleaned = match form.validate(&answers, today) {
        Ok(c) => c,
        Err(e) => {
            let list: Vec<String> = e
                .iter()
                .map(|e| format!("{} {:?}", e.path, e.code))
                .collect();
            return Err(format!("the valid body has errors: {}", list.join(", ")).into());
        }
    };
    let errors = match form.validate(&bad_answers, today) {
        Ok(_) => return Err("the body with mistakes passed".into()),
        Err(e) => e,
    };
    let vis = form.visible(&answers);
    let shown = vis.shown_paths().len();
    let sections_shown = form
        .sections()
        .iter()
        .filter(|s| vis.section(s.id()))
        .count();

    let i18n = Arc::new(I18n::load().map_err(|e| format!("i18n: {e:?}"))?);
    let ja = ctx(Locale::Ja, &i18n);
    let en = ctx(Locale::En, &i18n);
    let entry_html = entry_page(&ja, &form, &answers, None).render()?;
    let entry_err_html = entry_page(&ja, &form, &bad_answers, Some(&errors)).render()?;
    let confirm_html = confirm_page(&ja, &form, &cleaned).render()?;

    println!("# forms-bench");
    println!();
    println!(
        "- Form: {} fields ({} sections, group `family` with {} row fields), {} conditions, {} rules; TOML {} bytes",
        form.field_count(),
        form.sections().len(),
        form.field("family")
            .map(|f| f.row_fields().len())
            .unwrap_or(0),
        generated.conditions,
        form.rules().len(),
        generated.form.len()
    );
    println!(
        "- Body: {} pairs, {} bytes of values (a valid application: {} shown paths in {} shown sections, {} family rows); with mistakes: {} errors",
        body.len(),
        body.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>(),
        shown,
        sections_shown,
        form_gen::FAMILY_ROWS,
        errors.len()
    );
    println!(
        "- Pages: entry {} bytes of HTML (with errors {}), confirmation {} bytes ({} rows)",
        entry_html.len(),
        entry_err_html.len(),
        confirm_html.len(),
        form.summary(&cleaned, "ja").len()
    );
    println!(
        "- FormDef::parse: {:.0} µs the first time, {:.0} µs mean over {} (done once at start-up)",
        parse_first_us, parse.mean, parse.n
    );
    println!(
        "- Iterations: {n} after {warmup} warm-up; one thread; load average at start: {}",
        stats::loadavg()
    );
    println!();

    let mut rows: Vec<(&str, Stats)> = Vec::new();
    let mut run = |name: &'static str, s: Stats| {
        eprintln!("{}", stats::row(name, &s));
        rows.push((name, s));
    };

    // (a) reading and checking a submission.
    run(
        "a1 `Answers::from_pairs` (valid body)",
        measure(warmup, n, || Answers::from_pairs(&form, &body)),
    );
    run(
        "a2 `visible`",
        measure(warmup, n, || form.visible(&answers).shown_paths().len()),
    );
    run(
        "a3 `validate`, valid",
        measure(warmup, n, || form.validate(&answers, today)),
    );
    run(
        "a4 `validate`, 12 mistakes",
        measure(warmup, n, || form.validate(&bad_answers, today)),
    );
    run(
        "**a5 from_pairs + visible + validate, valid**",
        measure(warmup, n, || {
            let a = Answers::from_pairs(&form, &body);
            let shown = form.visible(&a).shown_paths().len();
            (shown, form.validate(&a, today).is_ok())
        }),
    );
    run(
        "**a6 from_pairs + visible + validate, 12 mistakes**",
        measure(warmup, n, || {
            let a = Answers::from_pairs(&form, &bad_body);
            let shown = form.visible(&a).shown_paths().len();
            (
                shown,
                form.validate(&a, today)
                    .map(|_| 0)
                    .unwrap_or_else(|e| e.len()),
            )
        }),
    );

    // (b) what rendering needs.
    run(
        "b1 visible + `summary` (confirmation rows, ja)",
        measure(warmup, n, || {
            let shown = form.visible(cleaned.answers()).shown_paths().len();
            (shown, form.summary(&cleaned, "ja"))
        }),
    );
    run(
        "b2 `form_view::build`, no errors (ja)",
        measure(warmup, n, || form_view::build(&ja, &form, &answers, None)),
    );
    run(
        "b3 `form_view::build`, 12 errors (ja)",
        measure(warmup, n, || {
            form_view::build(&ja, &form, &bad_answers, Some(&errors))
        }),
    );
    run(
        "b4 entry page: build + askama render (ja)",
        measure(warmup, n, || {
            entry_page(&ja, &form, &answers, None)
                .render()
                .map(|h| h.len())
        }),
    );
    run(
        "b5 entry page: build + askama render (en)",
        measure(warmup, n, || {
            entry_page(&en, &form, &answers, None)
                .render()
                .map(|h| h.len())
        }),
    );
    run(
        "b6 confirmation page: summary + askama render (ja)",
        measure(warmup, n, || {
            confirm_page(&ja, &form, &cleaned).render().map(|h| h.len())
        }),
    );

    // End to end, the two answers to a Proceed.
    run(
        "**c1 Proceed with 12 mistakes: from_pairs + validate + entry page with errors (ja)**",
        measure(warmup, n, || {
            let a = Answers::from_pairs(&form, &bad_body);
            match form.validate(&a, today) {
                Ok(_) => Ok(0),
                Err(e) => entry_page(&ja, &form, &a, Some(&e))
                    .render()
                    .map(|h| h.len()),
            }
        }),
    );
    run(
        "**c2 Proceed, valid, then the confirmation page: from_pairs + validate + summary + render (ja)**",
        measure(warmup, n, || {
            let a = Answers::from_pairs(&form, &body);
            match form.validate(&a, today) {
                Ok(c) => confirm_page(&ja, &form, &c).render().map(|h| h.len()),
                Err(_) => Ok(0),
            }
        }),
    );
    println!("{}", header("step (µs per call)"));
    for (name, s) in &rows {
        println!("{}", stats::row(name, s));
    }
    println!();
    let worst = rows
        .iter()
        .filter(|(name, _)| name.starts_with("**c"))
        .map(|(name, s)| (*name, s.p99))
        .fold(
            ("", 0.0),
            |acc, (name, p)| if p > acc.1 { (name, p) } else { acc },
        );
    println!(
        "Target: renders and validates in under {:.0} µs. Worst end-to-end p99: {:.1} µs ({}) — {}",
        TARGET_US,
        worst.1,
        worst.0.trim_matches('*'),
        if worst.1 < TARGET_US {
            "**met**"
        } else {
            "**not met**"
        }
    );
    println!("Load average at the end: {}", stats::loadavg());
    Ok(())
}
