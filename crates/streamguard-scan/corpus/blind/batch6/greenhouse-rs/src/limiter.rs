//! Commands per identity, shared by every stream of this process (one
//! greenhoused runs per site; climate computers authenticate per site).

use std::num::NonZeroU32;
use std::sync::Arc;

use governor::{clock::DefaultClock, state::keyed::DashMapStateStore, Quota, RateLimiter};

pub type KeyedLimiter = Arc<RateLimiter<String, DashMapStateStore<String>, DefaultClock>>;

pub fn per_identity(per_second: NonZeroU32, burst: NonZeroU32) -> KeyedLimiter {
    Arc::new(RateLimiter::keyed(Quota::per_second(per_second).allow_burst(burst)))
}
