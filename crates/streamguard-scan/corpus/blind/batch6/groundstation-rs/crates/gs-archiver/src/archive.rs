use gs_proto::v1::archive_server::Archive;
use gs_proto::v1::{ArchiveRequest, ArchivedFrame};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status};
use tracing::warn;

use crate::store::{frames, SegmentStore};

const MAX_WINDOW_MS: i64 = 48 * 3_600_000;

pub struct ArchiveService {
    pub store: SegmentStore,
}

#[tonic::async_trait]
impl Archive for ArchiveService {
    type StreamArchiveStream = ReceiverStream<Result<ArchivedFrame, Status>>;

    async fn stream_archive(
        &self,
        request: Request<ArchiveRequest>,
    ) -> Result<Response<Self::StreamArchiveStream>, Status> {
        let req = request.into_inner();
        if req.to_unix_ms <= req.from_unix_ms || req.to_unix_ms - req.from_unix_ms > MAX_WINDOW_MS {
            return Err(Status::invalid_argument("window must be positive and at most 48 h"));
        }
        let store = self.store.clone();
        let (tx, rx) = mpsc::channel(64);
        tokio::spawn(async move {
            for segment in store.segments(&req.spacecraft_id, req.from_unix_ms, req.to_unix_ms) {
                let bytes = match store.fetch(&segment).await {
                    Ok(b) => b,
                    Err(e) => {
                        warn!(%segment, error = %e, "segment unavailable");
                        let _ = tx.send(Err(Status::unavailable(format!("segment {segment}: {e}")))).await;
                        continue;
                    }
                };
                for (seq, unix_ms, raw) in frames(&bytes) {
                    if unix_ms < req.from_unix_ms || unix_ms > req.to_unix_ms {
                        continue;
                    }
                    let _ = tx
                        .send(Ok(ArchivedFrame { seq, unix_ms, raw: raw.to_vec(), segment: segment.clone() }))
                        .await;
                }
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }
}
