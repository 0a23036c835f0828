use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use dashmap::DashMap;
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};

/// Message quota per client address.
#[derive(Clone)]
pub struct AddrQuota {
    per_second: NonZeroU32,
    limiters: Arc<DashMap<SocketAddr, Arc<DefaultDirectRateLimiter>>>,
}

impl AddrQuota {
    pub fn new(per_second: u32) -> Self {
        Self { per_second: NonZeroU32::new(per_second).expect("quota > 0"), limiters: Arc::new(DashMap::new()) }
    }

    pub fn for_addr(&self, addr: Option<SocketAddr>) -> Arc<DefaultDirectRateLimiter> {
        let addr = addr.unwrap_or_else(|| ([0, 0, 0, 0], 0).into());
        self.limiters
            .entry(addr)
            .or_insert_with(|| Arc::new(RateLimiter::direct(Quota::per_second(self.per_second))))
            .clone()
    }

    pub fn release(&self, addr: Option<SocketAddr>) {
        if let Some(a) = addr {
            self.limiters.remove(&a);
        }
    }
}
