use std::collections::HashSet;
use std::sync::{Arc, RwLock};

use tokio::sync::watch;

/// Revoked jtis and subjects. Every change bumps a watch channel so live sessions re-check
/// themselves immediately (push, no polling).
#[derive(Clone)]
pub struct Revocations {
    set: Arc<RwLock<HashSet<String>>>,
    tick: watch::Sender<u64>,
}

impl Revocations {
    pub fn new() -> Self {
        Self { set: Arc::default(), tick: watch::channel(0).0 }
    }

    pub fn revoke(&self, key: String) {
        self.set.write().unwrap_or_else(|p| p.into_inner()).insert(key);
        self.tick.send_modify(|n| *n += 1);
    }

    pub fn is_revoked(&self, jti: &str, sub: &str) -> bool {
        let set = self.set.read().unwrap_or_else(|p| p.into_inner());
        set.contains(jti) || set.contains(&format!("sub:{sub}"))
    }

    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.tick.subscribe()
    }
}
