use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use tokio::sync::watch;

/// API keys of operators' consoles and wall displays, from the key file. Keys have no expiry;
/// revoking one flips its watch channel, which open streams may listen to.
#[derive(Clone, Debug)]
pub struct KeyInfo {
    pub id: String,
    pub lines: Vec<String>,
    pub can_drive: bool,
    pub revoked: watch::Receiver<bool>,
}

#[derive(Default, Clone)]
pub struct KeyStore {
    inner: Arc<RwLock<HashMap<String, (KeyInfo, watch::Sender<bool>)>>>,
}

impl KeyStore {
    pub fn load(path: &str) -> std::io::Result<Self> {
        #[derive(serde::Deserialize)]
        struct Row { key: String, id: String, lines: Vec<String>, can_drive: bool }
        let rows: Vec<Row> = serde_json::from_slice(&std::fs::read(path)?)?;
        let store = KeyStore::default();
        for r in rows {
            let (tx, rx) = watch::channel(false);
            let info = KeyInfo { id: r.id, lines: r.lines, can_drive: r.can_drive, revoked: rx };
            store.inner.write().unwrap().insert(r.key, (info, tx));
        }
        Ok(store)
    }

    pub fn lookup(&self, key: &str) -> Option<KeyInfo> {
        let g = self.inner.read().unwrap();
        g.get(key).filter(|(_, tx)| !*tx.borrow()).map(|(i, _)| i.clone())
    }

    pub fn revoke(&self, id: &str) {
        for (info, tx) in self.inner.read().unwrap().values() {
            if info.id == id {
                let _ = tx.send(true);
            }
        }
    }
}
