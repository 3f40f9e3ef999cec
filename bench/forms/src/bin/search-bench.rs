//! Issue 3's search target: "keyword search over 1,000 procedures under 5 ms." 1,000 generated
//! procedures (bench/forms/src/catalogue_gen.rs) are loaded with `Catalogue::parse` and the real
//! `procedures/synonyms.toml`, then `Catalogue::search` is timed for one, two and three keywords,
//! with and without synonyms, on one thread.
//!
//! Usage: `search-bench [-n ITERATIONS] [--warmup N]`.

use std::collections::BTreeMap;
use std::error::Error;
use std::time::Instant;
use zairyu_app::catalogue::model::Reception;
use zairyu_app::catalogue::search::fold;
use zairyu_app::catalogue::{Catalogue, Procedure, SearchQuery, Sort};
use zairyu_bench_forms::catalogue_gen::{self, NOW_MS, PROCEDURES, SYNONYMS};
use zairyu_bench_forms::stats::{self, Stats, arg_usize, measure};

const TARGET_US: f64 = 5000.0;

/// The proposal, sketched here to measure it (not the shipped code): fold every procedure's text
/// once, when the catalogue is loaded, per language that has text of its own (a language without
/// any falls back to English, which is searched anyway), instead of building and folding a
/// haystack per procedure on every search.
struct Folded {
    /// Per procedure (catalogue order): language code → folded `name \n explanation \n keywords`.
    texts: Vec<BTreeMap<&'static str, String>>,
    /// Second step: per procedure, language code → for each synonym group, whether any of its
    /// words occurs in that text. Computed at load, so "Search for Synonyms" costs one lookup per
    /// keyword and procedure instead of a scan per synonym.
    groups: Vec<BTreeMap<&'static str, Vec<bool>>>,
}

const LANGS: [&str; 8] = ["ja", "en", "zh-Hans", "zh-Hant", "ko", "es", "vi", "tl"];

impl Folded {
    fn new(c: &Catalogue) -> Folded {
        let texts = c
            .procedures
            .iter()
            .map(|p| {
                let mut m = BTreeMap::new();
                for l in LANGS {
                    let own = p.name.0.contains_key(l)
                        || p.explanation.0.contains_key(l)
                        || p.keywords.contains_key(l);
                    if !own && l != "ja" && l != "en" {
                        continue;
                    }
                    let mut s = String::new();
                    s.push_str(p.name.get(l));
                    s.push('\n');
                    s.push_str(p.explanation.get(l));
                    s.push('\n');
                    if let Some(words) = p.keywords.get(l) {
                        s.push_str(&words.join("\n"));
                    }
                    m.insert(l, fold(&s));
                }
                m
            })
            .collect();
        Folded {
            texts,
            groups: Vec::new(),
        }
    }

    fn with_group_hits(mut self, c: &Catalogue) -> Folded {
        self.groups = self
            .texts
            .iter()
            .map(|m| {
                m.iter()
                    .map(|(l, text)| {
                        let hits = c
                            .synonyms
                            .iter()
                            .map(|g| g.iter().any(|w| text.contains(w.as_str())))
                            .collect();
                        (*l, hits)
                    })
                    .collect()
            })
            .collect();
        self
    }

    /// The same matches as `Catalogue::search` (every keyword, or one of its synonyms, in the
    /// Japanese, the user's or the English text; open procedures only), before sorting and paging.
    fn search<'a>(&self, c: &'a Catalogue, q: &SearchQuery, now: i64) -> Vec<&'a Procedure> {
        let keywords: Vec<String> = fold(&q.keywords)
            .split_whitespace()
            .map(str::to_owned)
            .take(20)
            .collect();
        let expanded: Vec<Vec<&str>> = keywords
            .iter()
            .map(|k| {
                let mut words = vec![k.as_str()];
                if q.synonyms {
                    for g in &c.synonyms {
                        if g.iter().any(|w| w == k) {
                            words.extend(g.iter().map(String::as_str));
                        }
                    }
                }
                words
            })
            .collect();
        c.procedures
            .iter()
            .zip(&self.texts)
            .filter(|(p, _)| p.reception(now) == Reception::Open)
            .filter(|(_, t)| {
                let parts: Vec<&String> = ["ja", q.lang.as_str(), "en"]
                    .iter()
                    .filter_map(|l| t.get(l))
                    .collect();
                expanded
                    .iter()
                    .all(|words| words.iter().any(|w| parts.iter().any(|h| h.contains(w))))
            })
            .map(|(p, _)| p)
            .collect()
    }

    /// As [`Folded::search`], with synonyms answered from the group hits.
    fn search_groups<'a>(&self, c: &'a Catalogue, q: &SearchQuery, now: i64) -> Vec<&'a Procedure> {
        let keywords: Vec<String> = fold(&q.keywords)
            .split_whitespace()
            .map(str::to_owned)
            .take(20)
            .collect();
        // Per keyword: the groups it belongs to (only with synonyms on); none means a plain scan.
        let groups: Vec<Vec<usize>> = keywords
            .iter()
            .map(|k| {
                if !q.synonyms {
                    return Vec::new();
                }
                c.synonyms
                    .iter()
                    .enumerate()
                    .filter(|(_, g)| g.iter().any(|w| w == k))
                    .map(|(i, _)| i)
                    .collect()
            })
            .collect();
        let langs = ["ja", q.lang.as_str(), "en"];
        c.procedures
            .iter()
            .enumerate()
            .filter(|(_, p)| p.reception(now) == Reception::Open)
            .filter(|(i, _)| {
                let (texts, hits) = (&self.texts[*i], &self.groups[*i]);
                keywords.iter().zip(&groups).all(|(k, gs)| {
                    langs.iter().any(|l| {
                        if gs.is_empty() {
                            texts.get(l).is_some_and(|t| t.contains(k.as_str()))
                        } else {
                            hits.get(l).is_some_and(|h| gs.iter().any(|g| h[*g]))
                        }
                    })
                })
            })
            .map(|(_, p)| p)
            .collect()
    }
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("usage: search-bench [-n ITERATIONS] [--warmup N]");
        return Ok(());
    }
    let n = arg_usize(&args, "-n", 1000)?;
    let warmup = arg_usize(&args, "--warmup", 50)?;
    if n < 100 {
        return Err("-n must be at least 100 (p99 needs it)".into());
    }

    let files = catalogue_gen::generate();
    let pairs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let started = Instant::now();
    let catalogue = Catalogue::parse(&pairs, SYNONYMS).map_err(|e| e.to_string())?;
    let parse_ms = started.elapsed().as_secs_f64() * 1e3;
    if catalogue.procedures.len() != PROCEDURES {
        return Err(format!("{} procedures loaded", catalogue.procedures.len()).into());
    }
    let open = catalogue
        .procedures
        .iter()
        .filter(|p| p.reception(NOW_MS) == zairyu_app::catalogue::model::Reception::Open)
        .count();
    let avg = |f: &dyn Fn(&zairyu_app::catalogue::Procedure) -> usize| {
        catalogue.procedures.iter().map(f).sum::<usize>() / PROCEDURES
    };
    let words: usize = catalogue.synonyms.iter().map(Vec::len).sum();

    println!("# search-bench");
    println!();
    println!(
        "- Catalogue: {PROCEDURES} procedures ({open} open now, the rest closed or not yet open), {} bytes of TOML; `Catalogue::parse` {parse_ms:.1} ms",
        files.iter().map(|(_, t)| t.len()).sum::<usize>()
    );
    println!(
        "- Average characters: name ja {} / en {}, explanation ja {} / en {}, keywords {} words",
        avg(&|p| p.name.get("ja").chars().count()),
        avg(&|p| p.name.get("en").chars().count()),
        avg(&|p| p.explanation.get("ja").chars().count()),
        avg(&|p| p.explanation.get("en").chars().count()),
        avg(&|p| p.keywords.values().map(Vec::len).sum())
    );
    println!(
        "- Synonyms: the real `procedures/synonyms.toml`, {} groups, {words} words",
        catalogue.synonyms.len()
    );
    println!(
        "- Iterations: {n} per query after {warmup} warm-up; 20 per page, default sort unless said; one thread; load average at start: {}",
        stats::loadavg()
    );
    println!();

    let cases: &[(&str, &str, Sort, usize)] = &[
        ("留学", "ja", Sort::Default, 20),
        ("更新 留学", "ja", Sort::Default, 20),
        ("届出 配偶者 離婚", "ja", Sort::Default, 20),
        ("student", "en", Sort::Default, 20),
        ("extension student", "en", Sort::Default, 20),
        ("notification spouse divorce", "en", Sort::Default, 20),
        ("wife", "en", Sort::Default, 20),
        ("renewal ＳＴＵＤＥＮＴ", "ko", Sort::Default, 20),
        ("student", "en", Sort::NameAsc, 100),
    ];
    let started = Instant::now();
    let folded = Folded::new(&catalogue);
    let fold_ms = started.elapsed().as_secs_f64() * 1e3;
    let started = Instant::now();
    let folded = folded.with_group_hits(&catalogue);
    let groups_ms = started.elapsed().as_secs_f64() * 1e3;
    let folded_bytes: usize = folded
        .texts
        .iter()
        .flat_map(|m| m.values())
        .map(String::len)
        .sum();
    let mut rows: Vec<(String, usize, Stats)> = Vec::new();
    let mut proposal: Vec<(String, usize, Stats)> = Vec::new();
    let mut proposal2: Vec<(String, usize, Stats)> = Vec::new();
    for (words, lang, sort, per_page) in cases {
        for synonyms in [false, true] {
            let q = SearchQuery {
                keywords: (*words).to_owned(),
                synonyms,
                sort: *sort,
                per_page: *per_page,
                page: 1,
                lang: (*lang).to_owned(),
            };
            let total = catalogue.search(&q, NOW_MS).total;
            let s = measure(warmup, n, || catalogue.search(&q, NOW_MS).total);
            let keywords = words.split_whitespace().count();
            let sort_note = match sort {
                Sort::NameAsc => format!(", sorted by name, {per_page} per page"),
                _ => String::new(),
            };
            let name = format!(
                "`{words}` ({keywords} keyword{}, {lang}{sort_note}) | {}",
                if keywords == 1 { "" } else { "s" },
                if synonyms { "yes" } else { "no" }
            );
            eprintln!(
                "{name} | {total} | {:.1} | {:.1} | {:.1}",
                s.mean, s.p50, s.p99
            );
            let same = folded.search(&catalogue, &q, NOW_MS).len();
            if same != total {
                return Err(format!("the sketch finds {same} for {words}, search {total}").into());
            }
            let same2 = folded.search_groups(&catalogue, &q, NOW_MS).len();
            if same2 != total {
                return Err(
                    format!("the second sketch finds {same2} for {words}, search {total}").into(),
                );
            }
            let sp = measure(warmup, n, || folded.search(&catalogue, &q, NOW_MS).len());
            proposal.push((name.clone(), same, sp));
            let sp = measure(warmup, n, || {
                folded.search_groups(&catalogue, &q, NOW_MS).len()
            });
            proposal2.push((name.clone(), same2, sp));
            rows.push((name, total, s));
        }
    }

    println!(
        "| query (user's language) | synonyms | matches | mean µs | p50 µs | p99 µs | max µs |"
    );
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
    for (name, total, s) in &rows {
        println!(
            "| {name} | {total} | {:.1} | {:.1} | {:.1} | {:.1} |",
            s.mean, s.p50, s.p99, s.max
        );
    }
    println!();
    let worst_new = proposal.iter().map(|(_, _, s)| s.p99).fold(0.0, f64::max);
    println!(
        "Proposal 1 (sketch in this file): the texts folded once at load ({fold_ms:.1} ms, {:.1} MB for {PROCEDURES} procedures), then only `contains` per search; matching only, same matches:",
        folded_bytes as f64 / 1e6
    );
    println!();
    println!(
        "| query (user's language) | synonyms | matches | mean µs | p50 µs | p99 µs | max µs |"
    );
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
    for (name, total, s) in &proposal {
        println!(
            "| {name} | {total} | {:.1} | {:.1} | {:.1} | {:.1} |",
            s.mean, s.p50, s.p99, s.max
        );
    }
    println!();
    println!("Proposal 1 worst p99: {worst_new:.1} µs");
    println!();
    println!(
        "Proposal 2 (sketch in this file): as 1, and for each procedure, language and synonym group whether any word of the group occurs, also at load ({groups_ms:.1} ms more); with synonyms on, a keyword of a group is one lookup:"
    );
    println!();
    println!(
        "| query (user's language) | synonyms | matches | mean µs | p50 µs | p99 µs | max µs |"
    );
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
    for (name, total, s) in &proposal2 {
        println!(
            "| {name} | {total} | {:.1} | {:.1} | {:.1} | {:.1} |",
            s.mean, s.p50, s.p99, s.max
        );
    }
    let worst_new2 = proposal2.iter().map(|(_, _, s)| s.p99).fold(0.0, f64::max);
    println!();
    println!("Proposal 2 worst p99: {worst_new2:.1} µs");
    println!();
    let worst = rows.iter().map(|(_, _, s)| s.p99).fold(0.0, f64::max);
    let worst_p50 = rows.iter().map(|(_, _, s)| s.p50).fold(0.0, f64::max);
    println!(
        "Target: under {TARGET_US:.0} µs. Worst p50 {worst_p50:.1} µs, worst p99 {worst:.1} µs — {}",
        if worst < TARGET_US {
            "**met**"
        } else {
            "**not met**"
        }
    );
    println!("Load average at the end: {}", stats::loadavg());
    Ok(())
}
