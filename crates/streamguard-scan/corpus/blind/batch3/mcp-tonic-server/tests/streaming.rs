//! Spins up a fake tracker resource server that streams forever, used to
//! exercise client reconnect behaviour.

use std::time::Duration;

use tokio_stream::wrappers::IntervalStream;
use tokio_stream::StreamExt;
use tonic::{Request, Response, Status};

pub mod pb {
    tonic::include_proto!("mcp.v1");
}

use pb::mcp_streaming_server::McpStreaming;
use pb::*;

struct EndlessWatch;

#[tonic::async_trait]
impl McpStreaming for EndlessWatch {
    type CallToolWithProgressStream = tokio_stream::Empty<Result<ToolCallEvent, Status>>;
    async fn call_tool_with_progress(&self, _: Request<CallToolRequest>) -> Result<Response<Self::CallToolWithProgressStream>, Status> {
        Ok(Response::new(tokio_stream::empty()))
    }

    type StreamToolCallsStream = tokio_stream::Empty<Result<ToolCallEvent, Status>>;
    async fn stream_tool_calls(&self, _: Request<tonic::Streaming<ToolCall>>) -> Result<Response<Self::StreamToolCallsStream>, Status> {
        Ok(Response::new(tokio_stream::empty()))
    }

    async fn upload_tool_input(&self, _: Request<tonic::Streaming<ToolInputChunk>>) -> Result<Response<CallToolResponse>, Status> {
        Err(Status::unimplemented("test"))
    }

    type WatchResourceStream = std::pin::Pin<Box<dyn tokio_stream::Stream<Item = Result<ResourceUpdate, Status>> + Send>>;
    async fn watch_resource(&self, req: Request<WatchResourceRequest>) -> Result<Response<Self::WatchResourceStream>, Status> {
        let uri = req.into_inner().uri;
        let mut seq = 0;
        let s = IntervalStream::new(tokio::time::interval(Duration::from_millis(10))).map(move |_| {
            seq += 1;
            Ok(ResourceUpdate { seq, uri: uri.clone(), unix_ms: 0, text: "tick".into() })
        });
        Ok(Response::new(Box::pin(s)))
    }
}

#[tokio::test]
async fn endless_watch_produces_updates() {
    let svc = EndlessWatch;
    let resp = svc.watch_resource(Request::new(WatchResourceRequest { uri: "tracker://x".into(), interval_ms: 10 })).await.unwrap();
    let first: Vec<_> = resp.into_inner().take(3).collect().await;
    assert_eq!(first.len(), 3);
}
