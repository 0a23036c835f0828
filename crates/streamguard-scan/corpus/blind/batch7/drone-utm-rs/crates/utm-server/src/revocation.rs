//! Revoked tokens and operators, pushed by the operator registry over Redis pub/sub.

use futures::StreamExt;
use tokio::sync::broadcast;
use tracing::warn;

#[derive(Debug, Clone)]
pub enum Revoked {
    Jti(String),
    Subject(String),
}

#[derive(Clone)]
pub struct RevocationFeed {
    tx: broadcast::Sender<Revoked>,
}

impl RevocationFeed {
    pub fn new() -> Self {
        let (tx, _) = broadcast::channel(1024);
        Self { tx }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Revoked> {
        self.tx.subscribe()
    }

    pub async fn follow(self, url: String) -> anyhow::Result<()> {
        let client = redis::Client::open(url)?;
        let mut pubsub = client.get_async_pubsub().await?;
        pubsub.subscribe("utm:revoked").await?;
        let mut msgs = pubsub.on_message();
        while let Some(msg) = msgs.next().await {
            let payload: String = match msg.get_payload() {
                Ok(p) => p,
                Err(e) => {
                    warn!("bad revocation payload: {e}");
                    continue;
                }
            };
            let ev = match payload.split_once(':') {
                Some(("jti", v)) => Revoked::Jti(v.to_owned()),
                Some(("sub", v)) => Revoked::Subject(v.to_owned()),
                _ => continue,
            };
            let _ = self.tx.send(ev);
        }
        Ok(())
    }
}
