//! A per-client limit on how often something may be done (inquiries per hour), kept in the
//! memory of one server process: enough to slow a person or a script down on one address.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Addresses remembered at most; beyond, the ones seen longest ago are forgotten first.
const MAX_CLIENTS: usize = 100_000;

#[derive(Clone, Debug)]
pub struct RateLimiter {
    limit: u32,
    window: Duration,
    seen: Arc<Mutex<HashMap<IpAddr, VecDeque<Instant>>>>,
}

impl RateLimiter {
    /// At most `limit` events per client within `window`.
    pub fn new(limit: u32, window: Duration) -> Self {
        RateLimiter { limit, window, seen: Arc::default() }
    }

    /// Records an event of `client` at `now` if the limit allows it; otherwise says how long
    /// until it will.
    pub fn check_at(&self, client: IpAddr, now: Instant) -> Result<(), Duration> {
        let mut seen = self.seen.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if seen.len() >= MAX_CLIENTS && !seen.contains_key(&client) {
            let window = self.window;
            seen.retain(|_, times| {
                times.back().is_some_and(|last| now.duration_since(*last) < window)
            });
        }
        let times = seen.entry(client).or_default();
        while times.front().is_some_and(|first| now.duration_since(*first) >= self.window) {
            times.pop_front();
        }
        if times.len() >= self.limit as usize {
            let first = times.front().copied().unwrap_or(now);
            return Err(self.window.saturating_sub(now.duration_since(first)));
        }
        times.push_back(now);
        Ok(())
    }

    pub fn check(&self, client: IpAddr) -> Result<(), Duration> {
        self.check_at(client, Instant::now())
    }
}

impl Default for RateLimiter {
    /// Five per hour.
    fn default() -> Self {
        RateLimiter::new(5, Duration::from_secs(3600))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_gets_its_limit_per_window_and_others_are_not_affected() {
        let limiter = RateLimiter::new(3, Duration::from_secs(60));
        let (a, b): (IpAddr, IpAddr) = (IpAddr::from([192, 0, 2, 1]), IpAddr::from([192, 0, 2, 2]));
        let start = Instant::now();
        for i in 0..3 {
            assert!(limiter.check_at(a, start + Duration::from_secs(i)).is_ok());
        }
        let wait =
            limiter.check_at(a, start + Duration::from_secs(10)).expect_err("over the limit");
        assert_eq!(wait, Duration::from_secs(50));
        assert!(limiter.check_at(b, start + Duration::from_secs(10)).is_ok());
        assert!(
            limiter.check_at(a, start + Duration::from_secs(61)).is_ok(),
            "the window moved on"
        );
    }
}
