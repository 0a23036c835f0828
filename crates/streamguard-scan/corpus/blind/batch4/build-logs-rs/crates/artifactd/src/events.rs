use buildlogs_common::pb::ArtifactEvent;
use tokio::sync::broadcast;

#[derive(Clone)]
pub struct Events(broadcast::Sender<(String, ArtifactEvent)>);

impl Events {
    pub fn new() -> Self {
        Self(broadcast::channel(1024).0)
    }

    pub fn publish(&self, project: String, ev: ArtifactEvent) {
        let _ = self.0.send((project, ev));
    }

    pub fn subscribe(&self) -> broadcast::Receiver<(String, ArtifactEvent)> {
        self.0.subscribe()
    }
}
