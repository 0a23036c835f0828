use std::{pin::Pin, time::Duration};

use tokio_stream::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

pub mod pb {
    tonic::include_proto!("runnerhub.v1");
}

/// A hub that hands out the same assignment forever; used to exercise runner reconnect logic.
pub struct LoopingHub;

#[tonic::async_trait]
impl pb::hub_server::Hub for LoopingHub {
    type AttachStream = Pin<Box<dyn Stream<Item = Result<pb::Assignment, Status>> + Send>>;
    type StreamLogsStream = Pin<Box<dyn Stream<Item = Result<pb::LogLine, Status>> + Send>>;

    async fn attach(&self, _req: Request<Streaming<pb::RunnerUpdate>>) -> Result<Response<Self::AttachStream>, Status> {
        let s = async_stream::stream! {
            loop {
                tokio::time::sleep(Duration::from_millis(10)).await;
                yield Ok(pb::Assignment { job_id: "j".into(), ..Default::default() });
            }
        };
        Ok(Response::new(Box::pin(s)))
    }

    async fn stream_logs(&self, _req: Request<pb::StreamLogsRequest>) -> Result<Response<Self::StreamLogsStream>, Status> {
        Err(Status::unimplemented("not in fake"))
    }
}

#[tokio::test]
async fn looping_hub_keeps_sending() {
    use pb::hub_server::Hub;
    let hub = LoopingHub;
    let fake_stream = async_stream::stream! { for i in 0..3 { yield i; } };
    let collected: Vec<_> = tokio::time::timeout(Duration::from_secs(1), fake_stream.collect::<Vec<_>>()).await.unwrap();
    assert_eq!(collected, vec![0, 1, 2]);
    let _ = hub.stream_logs(Request::new(pb::StreamLogsRequest::default())).await.unwrap_err();
}
