use std::num::NonZeroU32;
use std::sync::Arc;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// Telemetry events per dock, shared by every link a dock opens.
#[derive(Clone)]
pub struct DockLimiter(Arc<DefaultKeyedRateLimiter<String>>);

impl DockLimiter {
    pub fn per_second(n: u32) -> Self {
        let q = Quota::per_second(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN));
        Self(Arc::new(RateLimiter::keyed(q)))
    }

    pub fn check(&self, dock: &str) -> bool {
        self.0.check_key(&dock.to_owned()).is_ok()
    }
}
