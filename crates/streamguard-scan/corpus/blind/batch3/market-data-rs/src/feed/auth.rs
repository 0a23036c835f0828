use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};

use serde::Deserialize;
use tokio::sync::watch;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct KeyInfo {
    pub key_id: String,
    pub owner: String,
    #[serde(default)]
    pub accounts: Vec<String>,
    #[serde(default)]
    pub can_trade: bool,
}

#[derive(Clone)]
pub struct KeyStore {
    keys: Arc<RwLock<HashMap<String, KeyInfo>>>,
    revoked_tx: watch::Sender<HashSet<String>>,
}

impl KeyStore {
    pub fn load(path: &str) -> anyhow::Result<Self> {
        let raw = std::fs::read_to_string(path)?;
        let keys: HashMap<String, KeyInfo> = serde_json::from_str(&raw)?;
        let (revoked_tx, _) = watch::channel(HashSet::new());
        Ok(Self { keys: Arc::new(RwLock::new(keys)), revoked_tx })
    }

    pub fn revoke(&self, key_id: &str) {
        self.keys.write().unwrap().retain(|_, v| v.key_id != key_id);
        self.revoked_tx.send_modify(|set| {
            set.insert(key_id.to_string());
        });
    }

    pub fn revocations(&self) -> watch::Receiver<HashSet<String>> {
        self.revoked_tx.subscribe()
    }

    pub fn intercept(&self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let key = req
            .metadata()
            .get("x-api-key")
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| Status::unauthenticated("x-api-key required"))?;
        let info = self
            .keys
            .read()
            .unwrap()
            .get(key)
            .cloned()
            .ok_or_else(|| Status::unauthenticated("unknown api key"))?;
        req.extensions_mut().insert(info);
        Ok(req)
    }
}

pub fn key_info<T>(req: &Request<T>) -> Result<KeyInfo, Status> {
    req.extensions().get::<KeyInfo>().cloned().ok_or_else(|| Status::unauthenticated("no key info"))
}
