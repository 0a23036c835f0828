use std::num::NonZeroU32;
use std::sync::Arc;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// One GCRA limiter keyed by token subject, shared by every stream of the process.
#[derive(Clone)]
pub struct PerIdentity(Arc<DefaultKeyedRateLimiter<String>>);

impl PerIdentity {
    pub fn per_minute(n: NonZeroU32) -> Self {
        Self(Arc::new(RateLimiter::keyed(Quota::per_minute(n))))
    }

    pub fn check(&self, sub: &str) -> bool {
        self.0.check_key(&sub.to_owned()).is_ok()
    }
}
