use std::time::Duration;

use buildlogs_common::keys::KeyStore;
use buildlogs_common::pb::log_index_client::LogIndexClient;
use buildlogs_common::pb::logs_server::Logs;
use buildlogs_common::pb::{LogChunk, SearchHit, SearchRequest, TailRequest};
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::transport::Channel;
use tonic::{Request, Response, Status};
use tracing::warn;

use crate::store::LogBucket;

pub struct LogService {
    pub keys: KeyStore,
    pub bucket: LogBucket,
    pub index: LogIndexClient<Channel>,
}

fn incoming_timeout<T>(req: &Request<T>) -> Option<Duration> {
    let raw = req.metadata().get("grpc-timeout")?.to_str().ok()?;
    let (n, unit) = raw.split_at(raw.len().checked_sub(1)?);
    let n: u64 = n.parse().ok()?;
    match unit {
        "S" => Some(Duration::from_secs(n)),
        "m" => Some(Duration::from_millis(n)),
        "M" => Some(Duration::from_secs(n.saturating_mul(60))),
        _ => None,
    }
}

#[tonic::async_trait]
impl Logs for LogService {
    type TailLogsStream = ReceiverStream<Result<LogChunk, Status>>;
    type SearchLogsStream = tonic::codec::Streaming<SearchHit>;

    async fn tail_logs(&self, request: Request<TailRequest>) -> Result<Response<Self::TailLogsStream>, Status> {
        let (_, owner) = self.keys.authenticate(request.metadata())?;
        let req = request.into_inner();
        if !owner.projects.iter().any(|p| p == "*" || req.service.starts_with(p.as_str())) {
            return Err(Status::permission_denied(format!("{} may not read {}", owner.owner, req.service)));
        }

        let (tx, rx) = mpsc::channel(32);
        let bucket = self.bucket.clone();
        tokio::spawn(async move {
            let mut offset = 0u64;
            loop {
                match bucket.read_from(&req.service, offset).await {
                    Ok(data) if !data.is_empty() => {
                        let len = data.len() as u64;
                        let _ = tx.send(Ok(LogChunk { service: req.service.clone(), offset, data })).await;
                        offset += len;
                    }
                    Ok(_) => tokio::time::sleep(Duration::from_secs(1)).await,
                    Err(e) => {
                        warn!(service = %req.service, error = %e, "log bucket read failed");
                        tokio::time::sleep(Duration::from_secs(5)).await;
                    }
                }
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }

    async fn search_logs(&self, request: Request<SearchRequest>) -> Result<Response<Self::SearchLogsStream>, Status> {
        let (_, owner) = self.keys.authenticate(request.metadata())?;
        let budget = incoming_timeout(&request).unwrap_or(Duration::from_secs(10));
        let req = request.into_inner();
        if !owner.projects.iter().any(|p| p == "*" || req.service.starts_with(p.as_str())) {
            return Err(Status::permission_denied("service not in your key's projects"));
        }
        let mut down = Request::new(SearchRequest { limit: req.limit.min(1000), ..req });
        down.set_timeout(budget);
        let hits = self.index.clone().search(down).await?.into_inner();
        Ok(Response::new(hits))
    }
}
