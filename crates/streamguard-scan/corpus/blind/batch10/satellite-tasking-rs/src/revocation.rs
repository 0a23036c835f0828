use futures::StreamExt;
use serde::Deserialize;
use tokio::sync::broadcast;

use crate::auth::Claims;

#[derive(Debug, Clone, Deserialize)]
pub struct Revocation {
    pub jti: Option<String>,
    pub sub: Option<String>,
}

impl Revocation {
    pub fn matches(&self, c: &Claims) -> bool {
        self.jti.as_deref() == Some(c.jti.as_str()) || self.sub.as_deref() == Some(c.sub.as_str())
    }
}

#[derive(Clone)]
pub struct RevocationHub {
    tx: broadcast::Sender<Revocation>,
}

impl RevocationHub {
    pub fn new() -> Self {
        let (tx, _) = broadcast::channel(1024);
        Self { tx }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Revocation> {
        self.tx.subscribe()
    }

    /// Relays revocations published by the identity provider on Redis to every live session.
    pub async fn follow(self, redis_url: String) -> redis::RedisResult<()> {
        let client = redis::Client::open(redis_url)?;
        let mut pubsub = client.get_async_pubsub().await?;
        pubsub.subscribe("idp:revocations").await?;
        let mut msgs = pubsub.on_message();
        while let Some(msg) = msgs.next().await {
            let payload: String = msg.get_payload()?;
            if let Ok(r) = serde_json::from_str::<Revocation>(&payload) {
                let _ = self.tx.send(r);
            }
        }
        Ok(())
    }
}
