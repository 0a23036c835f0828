use std::{collections::HashMap, sync::Arc};

use tokio::sync::{broadcast, Mutex};

use crate::pb::{Assignment, LogLine};

#[derive(Clone)]
pub struct HubState {
    inner: Arc<Mutex<Inner>>,
    queued: Arc<tokio::sync::Notify>,
    logs: broadcast::Sender<LogLine>,
}

#[derive(Default)]
struct Inner {
    queue: Vec<(String, Assignment)>,
    owner: HashMap<String, String>,
    pool_of: HashMap<String, String>,
}

impl HubState {
    pub fn new() -> Self {
        let (logs, _) = broadcast::channel(8192);
        Self { inner: Default::default(), queued: Default::default(), logs }
    }

    pub async fn next_for(&self, pools: &[String], runner: &str) -> Assignment {
        loop {
            {
                let mut g = self.inner.lock().await;
                if let Some(i) = g.queue.iter().position(|(p, _)| pools.contains(p)) {
                    let (_, a) = g.queue.remove(i);
                    g.owner.insert(a.job_id.clone(), runner.to_string());
                    return a;
                }
            }
            self.queued.notified().await;
        }
    }

    pub async fn owner_of(&self, job_id: &str) -> Option<String> {
        self.inner.lock().await.owner.get(job_id).cloned()
    }

    pub async fn pool_of(&self, job_id: &str) -> Option<String> {
        self.inner.lock().await.pool_of.get(job_id).cloned()
    }

    pub fn publish_log(&self, line: LogLine) {
        let _ = self.logs.send(line);
    }

    pub fn subscribe_logs(&self) -> broadcast::Receiver<LogLine> {
        self.logs.subscribe()
    }
}
