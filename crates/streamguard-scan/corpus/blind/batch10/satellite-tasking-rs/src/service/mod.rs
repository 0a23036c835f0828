mod collection;
mod download;
mod tasking;

use crate::clients::{archive::Archive, scheduler::Scheduler};
use crate::limits::CustomerLimiter;
use crate::pb::tasking_server::Tasking;
use crate::pb::{CollectionStatus, SceneChunk, SceneRequest, TaskRequest, TaskResult, WatchCollectionRequest};
use crate::revocation::RevocationHub;
use crate::session::GuardedStream;

use tonic::{Request, Response, Status, Streaming};

#[derive(Clone)]
pub struct TaskingService {
    pub scheduler: Scheduler,
    pub archive: Archive,
    pub limiter: CustomerLimiter,
    pub revocations: RevocationHub,
}

#[tonic::async_trait]
impl Tasking for TaskingService {
    type WatchCollectionStream = GuardedStream<CollectionStatus>;
    type TaskingSessionStream = GuardedStream<TaskResult>;
    type DownloadSceneStream = GuardedStream<SceneChunk>;

    async fn watch_collection(
        &self,
        request: Request<WatchCollectionRequest>,
    ) -> Result<Response<Self::WatchCollectionStream>, Status> {
        collection::watch(self.clone(), request).await
    }

    async fn tasking_session(
        &self,
        request: Request<Streaming<TaskRequest>>,
    ) -> Result<Response<Self::TaskingSessionStream>, Status> {
        tasking::session(self.clone(), request).await
    }

    async fn download_scene(
        &self,
        request: Request<SceneRequest>,
    ) -> Result<Response<Self::DownloadSceneStream>, Status> {
        download::scene(self.clone(), request).await
    }
}
