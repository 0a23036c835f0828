use std::pin::Pin;
use std::time::Duration;

use buildlogs_common::keys::KeyStore;
use buildlogs_common::pb::artifacts_server::Artifacts;
use buildlogs_common::pb::{ArtifactChunk, ArtifactEvent, PushResult, WatchArtifactsRequest};
use tokio::time::{sleep_until, Instant};
use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use crate::events::Events;
use crate::storage::Storage;

const MAX_ARTIFACT: usize = 512 << 20;
const CHUNKS_PER_SECOND: u32 = 64;
const MAX_WATCH: Duration = Duration::from_secs(20 * 60);

pub struct ArtifactService {
    pub keys: KeyStore,
    pub storage: Storage,
    pub events: Events,
}

#[tonic::async_trait]
impl Artifacts for ArtifactService {
    type WatchArtifactsStream = Pin<Box<dyn Stream<Item = Result<ArtifactEvent, Status>> + Send>>;

    async fn push_artifact(&self, request: Request<Streaming<ArtifactChunk>>) -> Result<Response<PushResult>, Status> {
        let (_, owner) = self.keys.authenticate(request.metadata())?;
        let mut chunks = request.into_inner();
        let mut data = Vec::new();
        let mut name = None;
        let mut build_id = String::new();
        let mut second = Instant::now();
        let mut in_second = 0u32;
        while let Some(chunk) = chunks.message().await? {
            if second.elapsed() >= Duration::from_secs(1) {
                second = Instant::now();
                in_second = 0;
            }
            in_second += 1;
            if in_second > CHUNKS_PER_SECOND {
                return Err(Status::resource_exhausted("push slower: at most 64 chunks per second"));
            }
            if name.is_none() {
                if !owner.projects.iter().any(|p| p == "*" || chunk.name.starts_with(p.as_str())) {
                    return Err(Status::permission_denied(format!("{} may not push {}", owner.owner, chunk.name)));
                }
                name = Some(chunk.name.clone());
                build_id = chunk.build_id.clone();
            }
            if data.len() + chunk.data.len() > MAX_ARTIFACT {
                return Err(Status::invalid_argument("artifact larger than 512 MiB"));
            }
            data.extend_from_slice(&chunk.data);
        }
        let name = name.ok_or_else(|| Status::invalid_argument("empty push"))?;
        let size = data.len() as u64;
        let digest = self.storage.put(format!("{build_id}/{name}"), data).await?;
        let project = name.split('/').next().unwrap_or_default().to_owned();
        self.events.publish(project, ArtifactEvent { name, build_id, digest: digest.clone() });
        Ok(Response::new(PushResult { digest, size }))
    }

    async fn watch_artifacts(&self, request: Request<WatchArtifactsRequest>) -> Result<Response<Self::WatchArtifactsStream>, Status> {
        let (key, owner) = self.keys.authenticate(request.metadata())?;
        let project = request.into_inner().project;
        if !owner.projects.iter().any(|p| p == "*" || *p == project) {
            return Err(Status::permission_denied("project not in your key"));
        }
        let keys = self.keys.clone();
        let mut key_changes = keys.changes();
        let mut rx = self.events.subscribe();
        let end = Instant::now() + MAX_WATCH;
        let out = async_stream::stream! {
            loop {
                tokio::select! {
                    _ = sleep_until(end) => { yield Err(Status::unavailable("max_stream_lifetime: reconnect")); break; }
                    _ = key_changes.changed() => {
                        // Keys are reloaded on SIGHUP (rotation / revocation): re-check ours at once.
                        if keys.still_valid(&key).is_none() {
                            yield Err(Status::permission_denied("api key revoked"));
                            break;
                        }
                    }
                    ev = rx.recv() => match ev {
                        Ok((p, ev)) if p == project => yield Ok(ev),
                        Ok(_) => {}
                        Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                        Err(_) => break,
                    },
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }
}
