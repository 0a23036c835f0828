use std::time::Duration;

use tokio_stream::StreamExt;
use tonic::{Request, Response, Status, Streaming};

use crate::claims::Claims;
use crate::limiter::PerIdentity;
use crate::pb::mcp_streaming_server::McpStreaming;
use crate::pb::tool_call_event::Event;
use crate::pb::{
    CallToolRequest, CallToolResponse, Content, ResourceUpdate, ToolCall, ToolCallEvent, ToolError, ToolInputChunk,
    WatchResourceRequest,
};
use crate::policy::authorize;
use crate::revocation::Revocations;
use crate::session::{EventStream, Session};
use crate::tools::blob::BlobStore;
use crate::tools::Executor;

const MAX_UPLOAD: usize = 16 << 20;

pub struct Mcp {
    pub executor: Executor,
    pub blobs: BlobStore,
    pub revocations: Revocations,
    pub limiter: PerIdentity,
    pub max_lifetime: Duration,
}

fn open<T>(req: &Request<T>, revocations: &Revocations) -> Result<Session, Status> {
    let claims = req.extensions().get::<Claims>().cloned().ok_or_else(|| Status::unauthenticated("no claims"))?;
    Session::open(claims, req.metadata(), revocations)
}

fn denied(request_id: &str, why: impl ToString) -> ToolCallEvent {
    ToolCallEvent {
        request_id: request_id.to_owned(),
        event: Some(Event::Error(ToolError { code: 7, status: "PERMISSION_DENIED".into(), message: why.to_string() })),
    }
}

#[tonic::async_trait]
impl McpStreaming for Mcp {
    type CallToolWithProgressStream = EventStream<ToolCallEvent>;
    type StreamToolCallsStream = EventStream<ToolCallEvent>;
    type WatchResourceStream = EventStream<ResourceUpdate>;

    async fn call_tool_with_progress(
        &self,
        request: Request<CallToolRequest>,
    ) -> Result<Response<Self::CallToolWithProgressStream>, Status> {
        let session = open(&request, &self.revocations)?;
        let req = request.into_inner();
        authorize(&session.claims, &req.name, "").map_err(|d| Status::permission_denied(d.to_string()))?;
        let events = self
            .executor
            .execute(&session, ToolCall { request_id: String::new(), name: req.name, arguments: req.arguments, resource_uri: String::new() })
            .await?;
        Ok(Response::new(session.guard(Box::pin(events), self.revocations.clone(), self.max_lifetime)))
    }

    async fn stream_tool_calls(
        &self,
        request: Request<Streaming<ToolCall>>,
    ) -> Result<Response<Self::StreamToolCallsStream>, Status> {
        let session = open(&request, &self.revocations)?;
        let claims = session.claims.clone();
        let stream_session = session.child();
        let mut inbound = request.into_inner();
        let executor = self.executor.clone();
        let limiter = self.limiter.clone();

        let out = async_stream::try_stream! {
            while let Some(call) = inbound.message().await? {
                if !limiter.check(&claims.sub) {
                    Err(Status::resource_exhausted("rate_limit_exceeded"))?;
                }
                if let Err(why) = authorize(&claims, &call.name, &call.resource_uri) {
                    yield denied(&call.request_id, why);
                    continue;
                }
                let mut events = executor.execute(&stream_session, call).await?;
                while let Some(ev) = events.next().await {
                    yield ev?;
                }
            }
        };
        Ok(Response::new(session.guard(Box::pin(out), self.revocations.clone(), self.max_lifetime)))
    }

    async fn upload_tool_input(
        &self,
        request: Request<Streaming<ToolInputChunk>>,
    ) -> Result<Response<CallToolResponse>, Status> {
        let session = open(&request, &self.revocations)?;
        let mut inbound = request.into_inner();
        let mut tool = String::new();
        let mut buf = Vec::new();
        while let Some(chunk) = inbound.message().await? {
            if tool.is_empty() {
                authorize(&session.claims, &chunk.name, "").map_err(|d| Status::permission_denied(d.to_string()))?;
                tool = chunk.name;
            }
            if buf.len() + chunk.data.len() > MAX_UPLOAD {
                return Err(Status::resource_exhausted(format!("upload larger than {MAX_UPLOAD} bytes")));
            }
            buf.extend_from_slice(&chunk.data);
        }
        let id = self.blobs.put(&tool, buf).await.map_err(|e| Status::unavailable(format!("blob store: {e}")))?;
        Ok(Response::new(CallToolResponse {
            content: vec![Content { r#type: "text".into(), text: id }],
            structured_content: None,
            is_error: false,
        }))
    }

    async fn watch_resource(
        &self,
        request: Request<WatchResourceRequest>,
    ) -> Result<Response<Self::WatchResourceStream>, Status> {
        let session = open(&request, &self.revocations)?;
        let req = request.into_inner();
        authorize(&session.claims, "read_file", &req.uri).map_err(|d| Status::permission_denied(d.to_string()))?;
        let every = Duration::from_millis(u64::from(req.interval_ms.clamp(250, 60_000)));
        let executor = self.executor.clone();
        let poll_session = session.child();
        let uri = req.uri;
        let out = async_stream::try_stream! {
            let mut tick = tokio::time::interval(every);
            let mut seq = 0u64;
            loop {
                tick.tick().await;
                let mut update = executor.read(&poll_session, &uri).await?;
                seq += 1;
                update.seq = seq;
                yield update;
            }
        };
        Ok(Response::new(session.guard(Box::pin(out), self.revocations.clone(), self.max_lifetime)))
    }
}
