use std::num::NonZeroU32;
use std::sync::Arc;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use tonic::Status;

/// Task requests per customer (token `sub`), shared by all of the customer's streams.
#[derive(Clone)]
pub struct CustomerLimiter(Arc<DefaultKeyedRateLimiter<String>>);

impl CustomerLimiter {
    pub fn per_minute(n: u32) -> Self {
        let quota = Quota::per_minute(NonZeroU32::new(n).expect("n > 0"));
        Self(Arc::new(RateLimiter::keyed(quota)))
    }

    pub fn check(&self, sub: &str) -> Result<(), Status> {
        self.0
            .check_key(&sub.to_owned())
            .map_err(|_| Status::resource_exhausted("rate_limit_exceeded"))
    }
}
