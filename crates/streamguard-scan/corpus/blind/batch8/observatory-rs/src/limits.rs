use std::num::NonZeroU32;
use std::sync::Arc;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// Control commands per observer (`sub`), across all of their sessions.
#[derive(Clone)]
pub struct ObserverLimiter(Arc<DefaultKeyedRateLimiter<String>>);

impl ObserverLimiter {
    pub fn per_minute(n: u32) -> Self {
        Self(Arc::new(RateLimiter::keyed(Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN)))))
    }

    pub fn allow(&self, sub: &str) -> bool {
        self.0.check_key(&sub.to_owned()).is_ok()
    }
}
