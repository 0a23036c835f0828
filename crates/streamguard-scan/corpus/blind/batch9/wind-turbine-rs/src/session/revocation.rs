//! Revocations pushed over Redis pub/sub ("windfarm:revoked", payload "jti:<id>" or "sub:<id>").
use std::collections::HashSet;
use std::sync::{Arc, RwLock};

use futures::StreamExt;
use tokio::sync::watch;

#[derive(Clone)]
pub struct Revocations {
    set: Arc<RwLock<HashSet<String>>>,
    tx: watch::Sender<u64>,
}

impl Revocations {
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        let client = redis::Client::open(url)?;
        let mut pubsub = client.get_async_pubsub().await?;
        pubsub.subscribe("windfarm:revoked").await?;
        let (tx, _) = watch::channel(0u64);
        let this = Self { set: Arc::new(RwLock::new(HashSet::new())), tx };
        let me = this.clone();
        tokio::spawn(async move {
            let mut msgs = pubsub.into_on_message();
            while let Some(msg) = msgs.next().await {
                if let Ok(key) = msg.get_payload::<String>() {
                    me.set.write().unwrap_or_else(|e| e.into_inner()).insert(key);
                    me.tx.send_modify(|n| *n += 1);
                }
            }
        });
        Ok(this)
    }

    pub fn is_revoked(&self, jti: &str, sub: &str) -> bool {
        let s = self.set.read().unwrap_or_else(|e| e.into_inner());
        s.contains(&format!("jti:{jti}")) || s.contains(&format!("sub:{sub}"))
    }

    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.tx.subscribe()
    }
}
