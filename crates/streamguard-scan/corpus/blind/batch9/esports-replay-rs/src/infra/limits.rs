//! Per-partner message limits (GCRA), shared by every stream of this process.
use std::num::NonZeroU32;
use std::sync::Arc;

use governor::{clock::DefaultClock, state::keyed::DefaultKeyedStateStore, Quota, RateLimiter};

pub type PartnerLimiter = Arc<RateLimiter<String, DefaultKeyedStateStore<String>, DefaultClock>>;

pub fn partner_limiter(per_second: u32) -> PartnerLimiter {
    let q = Quota::per_second(NonZeroU32::new(per_second.max(1)).unwrap_or(NonZeroU32::MIN));
    Arc::new(RateLimiter::keyed(q))
}
