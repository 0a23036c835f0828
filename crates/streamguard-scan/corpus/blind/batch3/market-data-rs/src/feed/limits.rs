use std::num::NonZeroU32;
use std::sync::Arc;

use governor::{clock::DefaultClock, state::keyed::DashMapStateStore, Quota, RateLimiter};

pub type OwnerLimiter = Arc<RateLimiter<String, DashMapStateStore<String>, DefaultClock>>;

pub fn orders_per_owner(per_second: u32) -> OwnerLimiter {
    Arc::new(RateLimiter::dashmap(Quota::per_second(NonZeroU32::new(per_second).unwrap())))
}
