//! What one login costs: argon2id hashing and verification at the project's default cost
//! (`zairyu_app::Argon2Cost::default()`), timed on one thread, so the logins per second per core
//! can be read off directly.
//!
//! Usage: `argon2-cost [-n N] [--m-cost KIB] [--t-cost PASSES] [--p-cost LANES]`.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::error::Error;
use std::time::Instant;

const PASSWORD: &str = "Benchmark-password-1!";

fn value<T: std::str::FromStr>(flag: &str, v: Option<String>) -> Result<T, Box<dyn Error>> {
    let v = v.ok_or_else(|| format!("{flag} needs a value"))?;
    v.parse::<T>()
        .map_err(|_| format!("{flag}: not a number: {v}").into())
}

fn main() -> Result<(), Box<dyn Error>> {
    let default = zairyu_app::Argon2Cost::default();
    let (mut m_cost, mut t_cost, mut p_cost) = (default.m_cost, default.t_cost, default.p_cost);
    let mut n: u32 = 20;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "-n" | "--iterations" => n = value(&a, args.next())?,
            "--m-cost" => m_cost = value(&a, args.next())?,
            "--t-cost" => t_cost = value(&a, args.next())?,
            "--p-cost" => p_cost = value(&a, args.next())?,
            "-h" | "--help" => {
                println!(
                    "usage: argon2-cost [-n N] [--m-cost KIB] [--t-cost PASSES] [--p-cost LANES]"
                );
                return Ok(());
            }
            other => return Err(format!("unknown argument: {other}").into()),
        }
    }
    if n == 0 {
        return Err("-n must be at least 1".into());
    }

    let params = Params::new(m_cost, t_cost, p_cost, None).map_err(|e| e.to_string())?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    // A fixed salt keeps the run free of the OS random source; it changes nothing in the cost.
    let salt = SaltString::encode_b64(b"zairyu-bench-salt").map_err(|e| e.to_string())?;

    // Warm-up: one hash (also the stored hash that logins verify against).
    let started = Instant::now();
    let hash = argon
        .hash_password(PASSWORD.as_bytes(), &salt)
        .map_err(|e| e.to_string())?
        .to_string();
    let hash_ms = started.elapsed().as_secs_f64() * 1e3;
    let parsed = PasswordHash::new(&hash).map_err(|e| e.to_string())?;

    // Logins: verification, as the server does it (parameters read from the stored hash).
    let verifier = Argon2::default();
    let mut times = Vec::with_capacity(n as usize);
    for _ in 0..n {
        let t = Instant::now();
        verifier
            .verify_password(PASSWORD.as_bytes(), &parsed)
            .map_err(|e| format!("verification failed: {e}"))?;
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let mean = times.iter().sum::<f64>() / f64::from(n);
    times.sort_by(f64::total_cmp);
    let min = times.first().copied().unwrap_or(mean);
    let max = times.last().copied().unwrap_or(mean);
    let median = times.get(times.len() / 2).copied().unwrap_or(mean);

    println!("argon2id m_cost={m_cost} KiB t_cost={t_cost} p_cost={p_cost} (one thread)");
    println!("hash_ms: {hash_ms:.1}");
    println!("verifications: {n}");
    println!("mean_ms_per_verify: {mean:.2}");
    println!("median_ms: {median:.2}");
    println!("min_ms: {min:.2}");
    println!("max_ms: {max:.2}");
    println!("logins_per_second_per_core: {:.1}", 1e3 / mean);
    Ok(())
}
