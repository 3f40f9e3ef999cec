//! Static assets, embedded in the binary and served with long cache lifetimes; the version in
//! their URLs is a hash of their contents, so a new release is never served stale.

pub const APP_CSS: &str = include_str!("../static/app.css");
pub const PRINT_CSS: &str = include_str!("../static/print.css");
pub const APP_JS: &str = include_str!("../static/app.js");
pub const FAVICON: &str = include_str!("../static/favicon.svg");

const fn fnv(bytes: &[u8], mut h: u64) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x100000001b3);
        i += 1;
    }
    h
}

/// Changes whenever any asset changes.
pub const VERSION: u64 = fnv(
    APP_JS.as_bytes(),
    fnv(
        PRINT_CSS.as_bytes(),
        fnv(APP_CSS.as_bytes(), 0xcbf29ce484222325),
    ),
);
