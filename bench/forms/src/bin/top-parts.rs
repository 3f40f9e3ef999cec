//! Where the top page's server time goes, without sockets: the real router (`zairyu_web::router`,
//! the same application `zairyu serve` builds, with mimalloc as in `main.rs`) called in-process with
//! `tower::ServiceExt::oneshot`, beside a bare axum router answering the same bytes, and then each
//! piece of the request timed on its own. One thread (a current-thread runtime), so shared counters
//! are uncontended here; with several worker threads on several cores, every atomic increment in
//! the list below also moves a cache line between cores.
//!
//! Usage: `top-parts [-n ITERATIONS] [--warmup N]`. Creates and removes a temporary data directory.

use askama::Template;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::routing::get;
use http::{HeaderMap, Request, header};
use std::error::Error;
use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;
use tower::ServiceExt;
use zairyu::config::Config;
use zairyu_app::SystemClock;
use zairyu_app::secret::{b64, random_token};
use zairyu_bench_forms::stats::{self, Stats, arg_usize, measure_batch};
use zairyu_i18n::Locale;
use zairyu_web::AppState;
use zairyu_web::ctx::{Ctx, Scheme, format_jst};
use zairyu_web::pages::{NoticeItem, TopPage};

/// Calls per timed sample for the pieces.
const B: usize = 100;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Like [`measure`], for a future.
async fn measure_async<R, F: Future<Output = R>>(
    warmup: usize,
    n: usize,
    mut f: impl FnMut() -> F,
) -> Stats {
    for _ in 0..warmup {
        black_box(f().await);
    }
    let mut t = Vec::with_capacity(n);
    for _ in 0..n {
        let start = Instant::now();
        let r = f().await;
        black_box(&r);
        drop(r);
        t.push(start.elapsed().as_secs_f64() * 1e6);
    }
    let mean = t.iter().sum::<f64>() / t.len().max(1) as f64;
    t.sort_by(f64::total_cmp);
    let pct = |p: f64| {
        let rank = ((p / 100.0) * t.len() as f64).ceil() as usize;
        t[rank.clamp(1, t.len()) - 1]
    };
    Stats {
        n: t.len(),
        mean,
        p50: pct(50.0),
        p99: pct(99.0),
        max: t.last().copied().unwrap_or(0.0),
        min: t.first().copied().unwrap_or(0.0),
    }
}

fn top_request() -> Request<Body> {
    // What wrk sends in bench/run.sh: Host and Accept-Language, no cookie.
    let mut r = Request::new(Body::empty());
    *r.uri_mut() = http::Uri::from_static("/");
    r.headers_mut().insert(
        header::HOST,
        http::HeaderValue::from_static("127.0.0.1:39080"),
    );
    r.headers_mut().insert(
        header::ACCEPT_LANGUAGE,
        http::HeaderValue::from_static("ja"),
    );
    r
}

async fn body_of(router: &Router) -> Result<Bytes, Box<dyn Error>> {
    let resp = router.clone().oneshot(top_request()).await?;
    Ok(axum::body::to_bytes(resp.into_body(), usize::MAX).await?)
}

fn main() -> Result<(), Box<dyn Error>> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let dir = std::env::temp_dir().join(format!("zairyu-top-parts-{}", std::process::id()));
    let result = rt.block_on(run(&dir));
    let _ = std::fs::remove_dir_all(&dir);
    result
}

async fn run(dir: &std::path::Path) -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("usage: top-parts [-n ITERATIONS] [--warmup N]");
        return Ok(());
    }
    let n = arg_usize(&args, "-n", 20_000)?;
    let warmup = arg_usize(&args, "--warmup", 2_000)?;

    let cfg = Config {
        data_dir: dir.join("data"),
        addr: "127.0.0.1:0".into(),
        postal_autoload: false,
        secret_key: "7a".repeat(32),
        ..Config::default()
    };
    let app = zairyu::build(&cfg, Arc::new(SystemClock)).await?;
    zairyu::prepare(&app, &cfg).await?;
    let web = zairyu::web_config(&cfg, &app);
    let router = zairyu_web::router(app.clone(), web.clone());

    let page = body_of(&router).await?;
    let bare_body = page.clone();
    let bare = Router::new().route(
        "/",
        get(move || {
            let body = bare_body.clone();
            async move { ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body) }
        }),
    );

    let state = AppState {
        app: app.clone(),
        web: Arc::new(web.clone()),
    };
    // The middleware alone: the real `context` layer around a handler that returns the bytes.
    let mw_body = page.clone();
    let middleware_only = Router::new()
        .route(
            "/",
            get(move || {
                let body = mw_body.clone();
                async move { ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body) }
            }),
        )
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            zairyu_web::middleware::context,
        ))
        .with_state(state.clone());
    // The handler alone: the real routes without the middleware; the `Ctx` it would have made is
    // put in the request instead.
    let handler_only: Router = zairyu_web::routes::router(state.clone()).with_state(state.clone());
    let portal_only: Router = zairyu_web::routes::portal::router().with_state(state.clone());

    println!("# top-parts");
    println!();
    println!(
        "- `GET /` in-process (no socket, no hyper): {} bytes of HTML, Accept-Language: ja, no cookie; {n} iterations after {warmup} warm-up; one thread; load average at start: {}",
        page.len(),
        stats::loadavg()
    );
    println!();

    let mut rows: Vec<(String, Stats)> = Vec::new();
    let mut put = |name: &str, s: Stats| {
        eprintln!("{}", stats::row(name, &s));
        rows.push((name.to_owned(), s));
    };

    put(
        "**real router, whole request** (middleware, handler, render, headers, body collected)",
        measure_async(warmup, n, || async {
            body_of(&router).await.map(|b| b.len()).unwrap_or(0)
        })
        .await,
    );
    put(
        "**bare axum router, same bytes**",
        measure_async(warmup, n, || async {
            body_of(&bare).await.map(|b| b.len()).unwrap_or(0)
        })
        .await,
    );

    put(
        "real `context` middleware around a handler returning the same bytes",
        measure_async(warmup, n, || async {
            body_of(&middleware_only)
                .await
                .map(|b| b.len())
                .unwrap_or(0)
        })
        .await,
    );

    // The pieces, in the order the request meets them.
    put(
        "`AppState` clone + drop (done per extractor `State`, 2–3 per request)",
        measure_batch(warmup, n, B, || state.clone()),
    );
    put(
        "`App` clone + drop",
        measure_batch(warmup, n, B, || app.clone()),
    );
    let req = top_request();
    let (parts, _) = req.into_parts();
    put(
        "`parts.clone()` for `client_ip` (Request::from_parts(parts.clone(), …))",
        measure_batch(warmup, n, B, || parts.clone()),
    );
    put(
        "CSRF cookie: `random_token(32)`",
        measure_batch(warmup, n, B, || random_token(32)),
    );
    let cookie = random_token(32);
    put(
        "CSRF token: HMAC-SHA-256 + base64",
        measure_batch(warmup, n, B, || {
            b64(&app.key.mac("csrf", cookie.as_bytes()))
        }),
    );
    put(
        "`Locale::negotiate(\"ja\")`",
        measure_batch(warmup, n, B, || Locale::negotiate("ja")),
    );
    let ctx = Ctx {
        locale: Locale::Ja,
        scheme: Scheme::Standard,
        csrf: b64(&app.key.mac("csrf", cookie.as_bytes())),
        path: "/".to_owned(),
        user: None,
        session: None,
        session_expired: false,
        ip: "unknown".to_owned(),
        i18n: app.i18n.clone(),
        // As the middleware sets it: mail goes to files here (no SMTP URL), as in bench/run.sh.
        dev_mailbox: web.dev_mailbox.is_some(),
    };
    put(
        "`Ctx` clone + drop (3 per request: extension, extractor, page)",
        measure_batch(warmup, n, B, || ctx.clone()),
    );
    let with_ctx = |r: &Router| {
        let r = r.clone();
        let ctx = ctx.clone();
        async move {
            let mut req = top_request();
            req.extensions_mut().insert(ctx);
            match r.oneshot(req).await {
                Ok(resp) => axum::body::to_bytes(resp.into_body(), usize::MAX)
                    .await
                    .map(|b| b.len())
                    .unwrap_or(0),
                Err(_) => 0,
            }
        }
    };
    let direct = with_ctx(&handler_only).await;
    if direct != page.len() {
        return Err(format!(
            "the handler alone answered {direct} bytes, not {}",
            page.len()
        )
        .into());
    }
    put(
        "real routes (all groups), no middleware, `Ctx` given: handler + notices + render",
        measure_async(warmup, n, || with_ctx(&handler_only)).await,
    );
    put(
        "portal routes only, no middleware, `Ctx` given (the route table's share)",
        measure_async(warmup, n, || with_ctx(&portal_only)).await,
    );
    put(
        "notices: `notices::published` (cached)",
        measure_async(warmup, n, || async {
            zairyu_app::notices::published(&app, "ja")
                .await
                .map(|r| r.len())
                .unwrap_or(0)
        })
        .await,
    );
    let rows_cached = zairyu_app::notices::published(&app, "ja").await?;
    let items = || -> Vec<NoticeItem> {
        rows_cached
            .iter()
            .take(5)
            .map(|n| NoticeItem {
                id: n.id,
                title: n.title.clone(),
                date: format_jst(n.published_at).chars().take(10).collect(),
            })
            .collect()
    };
    put(
        "notice items (5: `format_jst`, title clone)",
        measure_batch(warmup, n, B, items),
    );
    put(
        "`TopPage` askama render (incl. every `ctx.t`)",
        measure_batch(warmup, n, B, || {
            TopPage {
                ctx: ctx.clone(),
                notices: items(),
            }
            .render()
            .map(|s| s.len())
        }),
    );
    put(
        "one `I18n::t` (two SipHash lookups + a String clone)",
        measure_batch(warmup, n, B, || app.i18n.t(Locale::Ja, "top-search-text")),
    );
    put(
        "36 `I18n::t` (about what the top page calls)",
        measure_batch(warmup, n, B, || {
            let mut len = 0;
            for _ in 0..36 {
                len += app.i18n.t(Locale::Ja, "nav-procedure-search").len();
            }
            len
        }),
    );
    put(
        "`Set-Cookie` value (`set_cookie`: format + HeaderValue)",
        measure_batch(warmup, n, B, || {
            zairyu_web::middleware::set_cookie("zairyu_csrf", &cookie, None, true, false)
        }),
    );
    put(
        "security headers on a response (`security_headers`)",
        measure_batch(warmup, n, B, || {
            let mut h = HeaderMap::new();
            h.insert(
                header::CONTENT_TYPE,
                http::HeaderValue::from_static("text/html; charset=utf-8"),
            );
            zairyu_web::middleware::security_headers(&mut h, false);
            h
        }),
    );
    let html = String::from_utf8_lossy(&page).into_owned();
    put(
        "copy of the page into the response (`Html(String)` → body)",
        measure_batch(warmup, n, B, || html.clone()),
    );

    println!("| piece (µs per call) | iterations | mean µs | p50 µs | p99 µs | max µs |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for (name, s) in &rows {
        println!("{}", stats::row(name, s));
    }
    println!();
    println!("Load average at the end: {}", stats::loadavg());
    app.db.close().await;
    Ok(())
}
