//! Shift-boss and sensor API keys, loaded from a JSON key file. Each key has a revocation
//! flag on a `watch` channel: when the key file is reloaded (SIGHUP) and a key is gone or
//! disabled, its flag flips to `true` and every listener sees it at once.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use serde::Deserialize;
use sha2::{Digest, Sha256};
use tokio::sync::watch;

#[derive(Deserialize)]
struct KeyFileEntry {
    id: String,
    sha256: String,
    owner: String,
    shafts: Vec<String>,
    #[serde(default)]
    disabled: bool,
}

#[derive(Clone, Debug)]
pub struct KeyIdentity {
    pub key_id: String,
    pub owner: String,
    pub shafts: Vec<String>,
    pub revoked: watch::Receiver<bool>,
}

impl KeyIdentity {
    pub fn may_use(&self, shaft: &str) -> bool {
        self.shafts.iter().any(|s| s == shaft)
    }
}

struct Entry {
    identity: KeyIdentity,
    flag: watch::Sender<bool>,
}

#[derive(Clone, Default)]
pub struct KeyStore {
    by_hash: Arc<RwLock<HashMap<String, Entry>>>,
}

impl KeyStore {
    pub fn load(&self, json: &str) -> anyhow::Result<()> {
        let entries: Vec<KeyFileEntry> = serde_json::from_str(json)?;
        let mut map = self.by_hash.write().unwrap();
        let live: std::collections::HashSet<_> =
            entries.iter().filter(|e| !e.disabled).map(|e| e.sha256.clone()).collect();
        for (hash, e) in map.iter() {
            if !live.contains(hash) {
                let _ = e.flag.send(true);
            }
        }
        map.retain(|h, _| live.contains(h));
        for e in entries.into_iter().filter(|e| !e.disabled) {
            map.entry(e.sha256.clone()).or_insert_with(|| {
                let (tx, rx) = watch::channel(false);
                Entry {
                    identity: KeyIdentity { key_id: e.id, owner: e.owner, shafts: e.shafts, revoked: rx },
                    flag: tx,
                }
            });
        }
        Ok(())
    }

    pub fn lookup(&self, presented: &str) -> Option<KeyIdentity> {
        let hash = hex::encode(Sha256::digest(presented.as_bytes()));
        self.by_hash.read().unwrap().get(&hash).map(|e| e.identity.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"[{"id":"k1","sha256":"2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b","owner":"boss-a","shafts":["S2"]}]"#;

    #[test]
    fn lookup_and_revoke_on_reload() {
        let ks = KeyStore::default();
        ks.load(FILE).unwrap();
        let id = ks.lookup("secret").expect("key");
        assert!(id.may_use("S2"));
        assert!(!*id.revoked.borrow());
        ks.load("[]").unwrap();
        assert!(*id.revoked.borrow());
        assert!(ks.lookup("secret").is_none());
    }
}
