use std::collections::HashMap;
use std::sync::Arc;

use tokio::sync::{watch, RwLock};

use crate::gen::flags_v1::FlagSet;

#[derive(Clone, Default)]
pub struct FlagStore {
    inner: Arc<RwLock<HashMap<String, watch::Sender<FlagSet>>>>,
}

impl FlagStore {
    pub async fn subscribe(&self, namespace: &str) -> watch::Receiver<FlagSet> {
        let mut map = self.inner.write().await;
        map.entry(namespace.to_string())
            .or_insert_with(|| {
                watch::channel(FlagSet { namespace: namespace.to_string(), version: 0, flags: HashMap::new() }).0
            })
            .subscribe()
    }

    pub async fn current(&self, namespace: &str) -> Option<FlagSet> {
        self.inner.read().await.get(namespace).map(|tx| tx.borrow().clone())
    }

    pub async fn publish(&self, set: FlagSet) {
        let mut map = self.inner.write().await;
        match map.get(&set.namespace) {
            Some(tx) => {
                let _ = tx.send(set);
            }
            None => {
                let ns = set.namespace.clone();
                map.insert(ns, watch::channel(set).0);
            }
        }
    }
}
