//! Revocations pushed by the IdP on Redis channel `idp:revoked`; every stream
//! guard holds a `watch::Receiver` and re-checks on each change.

use std::collections::HashSet;
use std::sync::Arc;

use futures::StreamExt;
use serde::Deserialize;
use tokio::sync::watch;

#[derive(Debug, Default, Clone)]
pub struct Revoked {
    pub jti: HashSet<String>,
    pub sub: HashSet<String>,
}

impl Revoked {
    pub fn covers(&self, jti: &str, sub: &str) -> bool {
        self.jti.contains(jti) || self.sub.contains(sub)
    }
}

#[derive(Deserialize)]
struct Event {
    jti: Option<String>,
    sub: Option<String>,
}

pub async fn spawn_listener(redis_url: &str) -> anyhow::Result<watch::Receiver<Arc<Revoked>>> {
    let client = redis::Client::open(redis_url)?;
    let mut pubsub = client.get_async_pubsub().await?;
    pubsub.subscribe("idp:revoked").await?;
    let (tx, rx) = watch::channel(Arc::new(Revoked::default()));
    tokio::spawn(async move {
        let mut messages = pubsub.into_on_message();
        while let Some(msg) = messages.next().await {
            let Ok(payload) = msg.get_payload::<String>() else { continue };
            let Ok(ev) = serde_json::from_str::<Event>(&payload) else {
                tracing::warn!("malformed revocation event");
                continue;
            };
            tx.send_modify(|set| {
                let set = Arc::make_mut(set);
                if let Some(j) = ev.jti {
                    set.jti.insert(j);
                }
                if let Some(s) = ev.sub {
                    set.sub.insert(s);
                }
            });
        }
        tracing::error!("revocation feed closed");
    });
    Ok(rx)
}
