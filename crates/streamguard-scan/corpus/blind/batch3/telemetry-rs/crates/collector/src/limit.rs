use std::num::NonZeroU32;
use std::sync::Arc;

use governor::{clock::DefaultClock, state::keyed::DefaultKeyedStateStore, Quota, RateLimiter};

pub type DeviceLimiter = Arc<RateLimiter<String, DefaultKeyedStateStore<String>, DefaultClock>>;

pub fn device_limiter(per_second: u32, burst: u32) -> DeviceLimiter {
    let quota = Quota::per_second(NonZeroU32::new(per_second).expect("rate > 0"))
        .allow_burst(NonZeroU32::new(burst).expect("burst > 0"));
    Arc::new(RateLimiter::keyed(quota))
}
