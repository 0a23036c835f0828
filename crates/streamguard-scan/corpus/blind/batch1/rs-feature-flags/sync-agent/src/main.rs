//! Serves immutable flag snapshots to edge caches.

use std::path::PathBuf;
use std::pin::Pin;

use tokio_stream::Stream;
use tonic::transport::Server;
use tonic::{Request, Response, Status};

#[allow(clippy::all)]
mod gen {
    include!("../../src/gen/flags.v1.rs");
}

use gen::sync_server::{Sync, SyncServer};
use gen::{SnapshotChunk, SnapshotRequest};

const CHUNK: usize = 256 * 1024;

struct SnapshotSvc {
    dir: PathBuf,
}

#[tonic::async_trait]
impl Sync for SnapshotSvc {
    type PullSnapshotStream = Pin<Box<dyn Stream<Item = Result<SnapshotChunk, Status>> + Send>>;

    async fn pull_snapshot(
        &self,
        request: Request<SnapshotRequest>,
    ) -> Result<Response<Self::PullSnapshotStream>, Status> {
        let ns = request.into_inner().namespace;
        if ns.is_empty() || ns.contains('/') || ns.contains("..") {
            return Err(Status::invalid_argument("bad namespace"));
        }
        let bytes = tokio::fs::read(self.dir.join(format!("{ns}.snapshot")))
            .await
            .map_err(|_| Status::not_found("no snapshot"))?;
        let chunks: Vec<Result<SnapshotChunk, Status>> = bytes
            .chunks(CHUNK)
            .enumerate()
            .map(|(i, c)| Ok(SnapshotChunk { offset: (i * CHUNK) as u64, data: c.to_vec() }))
            .collect();
        Ok(Response::new(Box::pin(tokio_stream::iter(chunks))))
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::var("SNAPSHOT_DIR").unwrap_or_else(|_| "/var/lib/flags".into()));
    Server::builder()
        .add_service(SyncServer::new(SnapshotSvc { dir }))
        .serve("0.0.0.0:9001".parse()?)
        .await?;
    Ok(())
}
