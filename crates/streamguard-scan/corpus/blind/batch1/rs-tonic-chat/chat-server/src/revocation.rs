use tokio::sync::broadcast;

#[derive(Debug, Clone)]
pub enum Revoked {
    Token(String),
    Subject(String),
}

impl Revoked {
    pub fn matches(&self, jti: &str, sub: &str) -> bool {
        match self {
            Revoked::Token(t) => t == jti,
            Revoked::Subject(s) => s == sub,
        }
    }
}

/// Fan-out of revocation events, fed by the admin API.
#[derive(Clone)]
pub struct RevocationBus {
    tx: broadcast::Sender<Revoked>,
}

impl RevocationBus {
    pub fn new() -> Self {
        let (tx, _) = broadcast::channel(256);
        Self { tx }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Revoked> {
        self.tx.subscribe()
    }

    pub fn revoke(&self, r: Revoked) {
        let _ = self.tx.send(r);
    }
}
