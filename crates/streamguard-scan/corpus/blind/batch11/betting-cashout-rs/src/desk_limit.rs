//! Acceptance throttle: customers hammering "accept" while the price moves cause wallet contention.
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct AcceptThrottle {
    per_window: u32,
    window: Duration,
    seen: Mutex<HashMap<SocketAddr, (Instant, u32)>>,
}

impl AcceptThrottle {
    pub fn new(per_window: u32, window: Duration) -> Self {
        Self { per_window, window, seen: Mutex::new(HashMap::new()) }
    }

    pub fn allow(&self, peer: SocketAddr) -> bool {
        let mut seen = self.seen.lock().unwrap();
        let now = Instant::now();
        let e = seen.entry(peer).or_insert((now, 0));
        if now.duration_since(e.0) > self.window {
            *e = (now, 0);
        }
        e.1 += 1;
        e.1 <= self.per_window
    }
}
