use std::{num::NonZeroU32, sync::Arc};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

#[derive(Clone)]
pub struct RunnerLimits {
    inner: Arc<DefaultKeyedRateLimiter<String>>,
}

impl RunnerLimits {
    pub fn new(per_second: u32) -> Self {
        let quota = Quota::per_second(NonZeroU32::new(per_second).expect("non-zero"));
        Self { inner: Arc::new(RateLimiter::keyed(quota)) }
    }

    pub fn check(&self, runner: &str) -> bool {
        self.inner.check_key(&runner.to_string()).is_ok()
    }
}
