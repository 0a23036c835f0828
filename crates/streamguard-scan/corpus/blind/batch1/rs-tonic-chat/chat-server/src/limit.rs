use std::num::NonZeroU32;
use std::sync::Arc;

use governor::clock::DefaultClock;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};

/// Messages-per-second limiter keyed by the caller's subject, shared by all of
/// their streams.
pub type SubjectLimiter = Arc<RateLimiter<String, DefaultKeyedStateStore<String>, DefaultClock>>;

pub fn subject_limiter(per_second: u32, burst: u32) -> SubjectLimiter {
    let quota = Quota::per_second(NonZeroU32::new(per_second).expect("rate > 0"))
        .allow_burst(NonZeroU32::new(burst).expect("burst > 0"));
    Arc::new(RateLimiter::keyed(quota))
}
