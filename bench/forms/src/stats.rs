//! Timing one operation over many iterations: warm-up, then one `Instant` pair per iteration (the
//! result is dropped inside the timed span, since freeing it is part of the cost).

use std::hint::black_box;
use std::time::Instant;

/// Microseconds per iteration.
#[derive(Debug, Clone, Copy)]
pub struct Stats {
    pub n: usize,
    pub mean: f64,
    pub p50: f64,
    pub p99: f64,
    pub max: f64,
    pub min: f64,
}

/// Nearest-rank percentile of sorted samples.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Runs `f` `warmup` times untimed, then `n` times timed.
pub fn measure<R>(warmup: usize, n: usize, mut f: impl FnMut() -> R) -> Stats {
    for _ in 0..warmup {
        black_box(f());
    }
    let mut t = Vec::with_capacity(n);
    for _ in 0..n {
        let start = Instant::now();
        let r = f();
        black_box(&r);
        drop(r);
        t.push(start.elapsed().as_secs_f64() * 1e6);
    }
    from_samples(t)
}

/// Mean, percentiles and extremes of samples taken elsewhere (an async loop, say).
pub fn from_samples(mut t: Vec<f64>) -> Stats {
    let n = t.len().max(1);
    let mean = t.iter().sum::<f64>() / n as f64;
    t.sort_by(f64::total_cmp);
    Stats {
        n: t.len(),
        mean,
        p50: percentile(&t, 50.0),
        p99: percentile(&t, 99.0),
        max: t.last().copied().unwrap_or(0.0),
        min: t.first().copied().unwrap_or(0.0),
    }
}

/// Like [`measure`], timing `batch` calls per sample and reporting the time of one call: for
/// pieces too short to time one by one (`Instant` itself costs tens of nanoseconds).
pub fn measure_batch<R>(warmup: usize, n: usize, batch: usize, mut f: impl FnMut() -> R) -> Stats {
    let batch = batch.max(1);
    let s = measure(warmup / batch + 1, n / batch + 1, || {
        for _ in 0..batch {
            black_box(f());
        }
    });
    let k = batch as f64;
    Stats {
        n: s.n * batch,
        mean: s.mean / k,
        p50: s.p50 / k,
        p99: s.p99 / k,
        max: s.max / k,
        min: s.min / k,
    }
}

/// The header of the Markdown table [`row`] writes.
pub fn header(first: &str) -> String {
    format!(
        "| {first} | iterations | mean µs | p50 µs | p99 µs | max µs |\n| --- | ---: | ---: | ---: | ---: | ---: |"
    )
}

/// One Markdown table row (two decimals below 10 µs).
pub fn row(name: &str, s: &Stats) -> String {
    let f = |v: f64| {
        if v < 10.0 {
            format!("{v:.2}")
        } else {
            format!("{v:.1}")
        }
    };
    format!(
        "| {name} | {} | {} | {} | {} | {} |",
        s.n,
        f(s.mean),
        f(s.p50),
        f(s.p99),
        f(s.max)
    )
}

/// The value of `--flag N` among the arguments, or `default`.
pub fn arg_usize(args: &[String], flag: &str, default: usize) -> Result<usize, String> {
    match args.iter().position(|a| a == flag) {
        None => Ok(default),
        Some(i) => {
            let v = args.get(i + 1).ok_or(format!("{flag} needs a value"))?;
            v.parse().map_err(|_| format!("{flag}: not a number: {v}"))
        }
    }
}

/// The load average from `/proc/loadavg` (first three numbers), or `unknown`.
pub fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "unknown".to_owned())
}
