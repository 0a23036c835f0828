use std::collections::HashSet;
use std::sync::{Arc, RwLock};

use tokio::sync::broadcast;

#[derive(Debug, Clone)]
pub enum Revoked {
    Token(String),
    Subject(String),
}

#[derive(Clone)]
pub struct Revocations {
    tx: broadcast::Sender<Revoked>,
    known: Arc<RwLock<(HashSet<String>, HashSet<String>)>>,
}

impl Revocations {
    pub fn new() -> Self {
        let (tx, _) = broadcast::channel(1024);
        Self { tx, known: Arc::new(RwLock::new((HashSet::new(), HashSet::new()))) }
    }

    pub fn revoke(&self, r: Revoked) {
        {
            let mut k = self.known.write().unwrap();
            match &r {
                Revoked::Token(j) => k.0.insert(j.clone()),
                Revoked::Subject(s) => k.1.insert(s.clone()),
            };
        }
        let _ = self.tx.send(r);
    }

    pub fn is_revoked(&self, jti: &str, sub: &str) -> bool {
        let k = self.known.read().unwrap();
        k.0.contains(jti) || k.1.contains(sub)
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Revoked> {
        self.tx.subscribe()
    }
}
