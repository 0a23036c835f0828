use std::{num::NonZeroU32, sync::Arc};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

#[derive(Clone)]
pub struct PlayerLimiter(Arc<DefaultKeyedRateLimiter<String>>);

impl PlayerLimiter {
    pub fn new(per_second: u32) -> Self {
        Self(Arc::new(RateLimiter::keyed(Quota::per_second(NonZeroU32::new(per_second).unwrap()))))
    }

    pub fn allow(&self, player: &str) -> bool {
        self.0.check_key(&player.to_owned()).is_ok()
    }
}
