//! API keys of feed customers. Loaded from `keys.json` at start and re-read on
//! SIGHUP; a key has a plan (tx/s, bundle quota) and no expiry.
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use serde::Deserialize;
use sha2::{Digest, Sha256};

#[derive(Clone, Debug, Deserialize)]
pub struct Customer {
    pub id: String,
    pub plan: String,
    pub bundles_per_stream: u32,
}

#[derive(Clone, Default)]
pub struct KeyStore {
    inner: Arc<RwLock<HashMap<String, Customer>>>,
}

impl KeyStore {
    pub fn load(path: &str) -> anyhow::Result<Self> {
        let s = Self::default();
        s.reload(path)?;
        Ok(s)
    }

    pub fn reload(&self, path: &str) -> anyhow::Result<()> {
        let raw = std::fs::read_to_string(path)?;
        let by_hash: HashMap<String, Customer> = serde_json::from_str(&raw)?;
        *self.inner.write().expect("key store lock poisoned") = by_hash;
        Ok(())
    }

    pub fn lookup(&self, key: &str) -> Option<Customer> {
        let h = hex::encode(Sha256::digest(key.as_bytes()));
        self.inner.read().ok()?.get(&h).cloned()
    }
}
