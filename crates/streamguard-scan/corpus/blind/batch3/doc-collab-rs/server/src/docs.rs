use std::collections::HashSet;
use std::sync::Arc;

use dashmap::DashMap;
use tokio::sync::broadcast;

use crate::pb::{Op, PresenceEvent, RemoteOp};

pub struct Doc {
    pub text: String,
    pub version: u64,
    pub ops: broadcast::Sender<RemoteOp>,
    pub presence: broadcast::Sender<PresenceEvent>,
}

#[derive(Clone, Default)]
pub struct Docs {
    inner: Arc<DashMap<String, Doc>>,
    editors: Arc<DashMap<String, HashSet<String>>>,
}

impl Docs {
    fn entry(&self, doc_id: &str) -> dashmap::mapref::one::RefMut<'_, String, Doc> {
        self.inner.entry(doc_id.to_string()).or_insert_with(|| Doc {
            text: String::new(),
            version: 0,
            ops: broadcast::channel(1024).0,
            presence: broadcast::channel(256).0,
        })
    }

    pub fn grant(&self, doc_id: &str, user: &str) {
        self.editors.entry(doc_id.to_string()).or_default().insert(user.to_string());
    }

    pub fn can_edit(&self, user: &str, doc_id: &str) -> bool {
        self.editors.get(doc_id).map(|s| s.contains(user)).unwrap_or(false)
    }

    pub fn apply(&self, author: &str, op: Op) -> u64 {
        let mut doc = self.entry(&op.doc_id);
        let pos = (op.pos as usize).min(doc.text.len());
        let end = (pos + op.delete as usize).min(doc.text.len());
        doc.text.replace_range(pos..end, &op.insert);
        doc.version += 1;
        let v = doc.version;
        let _ = doc.ops.send(RemoteOp { author: author.to_string(), op: Some(op), version: v });
        v
    }

    pub fn snapshot(&self, doc_id: &str) -> (u64, String) {
        let doc = self.entry(doc_id);
        (doc.version, doc.text.clone())
    }

    pub fn subscribe_ops(&self, doc_id: &str) -> broadcast::Receiver<RemoteOp> {
        self.entry(doc_id).ops.subscribe()
    }

    pub fn presence(&self, doc_id: &str) -> broadcast::Receiver<PresenceEvent> {
        self.entry(doc_id).presence.subscribe()
    }

    pub fn announce(&self, doc_id: &str, user: &str, state: &str) {
        let doc = self.entry(doc_id);
        let _ = doc.presence.send(PresenceEvent { doc_id: doc_id.into(), user: user.into(), state: state.into() });
    }
}
