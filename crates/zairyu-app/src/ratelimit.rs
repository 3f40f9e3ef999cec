//! Sliding-window rate limits kept in memory: per client address on login and on every endpoint that
//! sends email, and per email address or account on those that send email (so one mailbox cannot be
//! flooded). The key never holds the address in the clear in logs: callers pass hashed keys.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

/// How many events a key may have in a window.
#[derive(Debug, Clone, Copy, serde::Deserialize, serde::Serialize, PartialEq, Eq)]
pub struct Limit {
    pub max: u32,
    pub window_secs: u32,
}

/// The limits, from configuration.
#[derive(Debug, Clone, Copy, serde::Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct RateLimits {
    /// Login attempts per client address.
    pub login_per_ip: Limit,
    /// Email-sending requests per client address.
    pub mail_per_ip: Limit,
    /// Email-sending requests per target address or account.
    pub mail_per_target: Limit,
    /// Requests to the back office's JSON API per token.
    pub api_per_token: Limit,
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            login_per_ip: Limit {
                max: 30,
                window_secs: 600,
            },
            mail_per_ip: Limit {
                max: 30,
                window_secs: 3600,
            },
            mail_per_target: Limit {
                max: 5,
                window_secs: 3600,
            },
            api_per_token: Limit {
                max: 600,
                window_secs: 60,
            },
        }
    }
}

#[derive(Debug, Default)]
pub struct RateLimiter {
    hits: Mutex<HashMap<String, VecDeque<i64>>>,
}

impl RateLimiter {
    /// Counts an event for `key` at `now_ms`; false if the key is over its limit (the event is then
    /// not counted, so waiting out the window always helps).
    pub fn allow(&self, key: &str, limit: Limit, now_ms: i64) -> bool {
        let window = i64::from(limit.window_secs) * 1000;
        let Ok(mut map) = self.hits.lock() else {
            return true;
        };
        if map.len() > 100_000 {
            map.retain(|_, q| q.back().is_some_and(|t| *t > now_ms - window));
        }
        let q = map.entry(key.to_owned()).or_default();
        while q.front().is_some_and(|t| *t <= now_ms - window) {
            q.pop_front();
        }
        if q.len() >= limit.max as usize {
            return false;
        }
        q.push_back(now_ms);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_slides() {
        let r = RateLimiter::default();
        let l = Limit {
            max: 2,
            window_secs: 10,
        };
        assert!(r.allow("k", l, 0));
        assert!(r.allow("k", l, 1000));
        assert!(!r.allow("k", l, 2000));
        assert!(r.allow("other", l, 2000));
        assert!(r.allow("k", l, 10_001));
    }
}
