use std::pin::Pin;
use std::time::Duration;

use futures::Stream;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::StreamExt;
use tonic::{Request, Response, Status, Streaming};

use crate::auth::claims_of;
use crate::auth::revocation::Revocations;
use crate::deadline::Deadline;
use crate::pb::mcp_streaming_server::McpStreaming;
use crate::pb::{
    tool_call_event, CallToolRequest, CallToolResponse, Progress, ResourceUpdate, ToolCall, ToolCallEvent, ToolError,
    ToolInputChunk, WatchResourceRequest,
};
use crate::service::struct_to_json;
use crate::session;
use crate::tools::{scope_for, Tools};

const CALLS_PER_STREAM: u32 = 50;
const MAX_WATCH: Duration = Duration::from_secs(15 * 60);

type EventStream = Pin<Box<dyn Stream<Item = Result<ToolCallEvent, Status>> + Send>>;

pub struct McpStreamingService {
    pub tools: Tools,
    pub revocations: Revocations,
}

fn error_event(request_id: String, status: &str, code: i32, message: impl Into<String>) -> ToolCallEvent {
    ToolCallEvent {
        request_id,
        event: Some(tool_call_event::Event::Error(ToolError { code, status: status.into(), message: message.into() })),
    }
}

fn result_event(request_id: String, r: CallToolResponse) -> ToolCallEvent {
    ToolCallEvent { request_id, event: Some(tool_call_event::Event::Result(r)) }
}

#[tonic::async_trait]
impl McpStreaming for McpStreamingService {
    type CallToolWithProgressStream = EventStream;

    async fn call_tool_with_progress(
        &self,
        request: Request<CallToolRequest>,
    ) -> Result<Response<Self::CallToolWithProgressStream>, Status> {
        let claims = claims_of(&request)?;
        let req = request.into_inner();
        let scope = scope_for(&req.name).ok_or_else(|| Status::not_found("unknown tool"))?;
        if !claims.allows(scope) {
            return Err(Status::permission_denied("insufficient_scope"));
        }
        let tools = self.tools.clone();
        let out = async_stream::try_stream! {
            yield ToolCallEvent {
                request_id: req.name.clone(),
                event: Some(tool_call_event::Event::Progress(Progress { progress: 0.0, total: 1.0, message: "started".into() })),
            };
            let res = tools
                .call(&req.name, struct_to_json(req.arguments), Deadline::none())
                .await
                .map_err(|e| Status::unavailable(e.to_string()))?;
            yield result_event(req.name.clone(), res);
        };
        Ok(Response::new(Box::pin(out)))
    }

    type StreamToolCallsStream = EventStream;

    async fn stream_tool_calls(
        &self,
        request: Request<Streaming<ToolCall>>,
    ) -> Result<Response<Self::StreamToolCallsStream>, Status> {
        let claims = claims_of(&request)?;
        let deadline = Deadline::from_metadata(request.metadata());
        let mut inbound = request.into_inner();
        let tools = self.tools.clone();
        let per_call = claims.clone();

        let out = async_stream::try_stream! {
            let mut budget = CALLS_PER_STREAM;
            while let Some(call) = inbound.message().await? {
                if budget == 0 {
                    yield error_event(call.request_id, "RESOURCE_EXHAUSTED", 8, "rate_limit_exceeded");
                    continue;
                }
                budget -= 1;
                match scope_for(&call.name) {
                    Some(scope) if per_call.allows(scope) => {}
                    Some(_) => {
                        yield error_event(call.request_id, "PERMISSION_DENIED", 7, "insufficient_scope");
                        continue;
                    }
                    None => {
                        yield error_event(call.request_id, "NOT_FOUND", 5, "unknown tool");
                        continue;
                    }
                }
                if deadline.expired() {
                    Err(Status::deadline_exceeded("caller deadline passed"))?;
                }
                match tools.call(&call.name, struct_to_json(call.arguments), deadline).await {
                    Ok(r) => yield result_event(call.request_id, r),
                    Err(e) => yield error_event(call.request_id, "UNAVAILABLE", 14, e.to_string()),
                }
            }
        };
        Ok(Response::new(session::guard(claims, self.revocations.clone(), out)))
    }

    async fn upload_tool_input(
        &self,
        _request: Request<Streaming<ToolInputChunk>>,
    ) -> Result<Response<CallToolResponse>, Status> {
        Err(Status::unimplemented("UploadToolInput is not supported"))
    }

    type WatchResourceStream = Pin<Box<dyn Stream<Item = Result<ResourceUpdate, Status>> + Send>>;

    async fn watch_resource(
        &self,
        request: Request<WatchResourceRequest>,
    ) -> Result<Response<Self::WatchResourceStream>, Status> {
        let claims = claims_of(&request)?;
        if !claims.allows("tracker:read") {
            return Err(Status::permission_denied("insufficient_scope"));
        }
        let deadline = Deadline::from_metadata(request.metadata());
        let req = request.into_inner();
        let every = Duration::from_millis(u64::from(req.interval_ms.clamp(500, 60_000)));
        let tools = self.tools.clone();
        let (tx, rx) = mpsc::channel(16);

        tokio::spawn(async move {
            let mut seq = 0u64;
            let mut last = String::new();
            let mut tick = tokio::time::interval(every);
            loop {
                tick.tick().await;
                match tools.read_resource(&req.uri, deadline).await {
                    Ok(text) if text != last => {
                        seq += 1;
                        last = text.clone();
                        let update = ResourceUpdate {
                            seq,
                            uri: req.uri.clone(),
                            unix_ms: std::time::SystemTime::now()
                                .duration_since(std::time::UNIX_EPOCH)
                                .map(|d| d.as_millis() as i64)
                                .unwrap_or_default(),
                            text,
                        };
                        let _ = tx.send(Ok(update)).await;
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let _ = tx.send(Err(Status::unavailable(e.to_string()))).await;
                    }
                }
            }
        });

        let bounded = ReceiverStream::new(rx).take_until(tokio::time::sleep(MAX_WATCH));
        Ok(Response::new(session::guard(claims, self.revocations.clone(), bounded)))
    }
}
