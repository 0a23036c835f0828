use std::path::PathBuf;
use std::pin::Pin;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::{Stream, StreamExt};
use tonic::{Code, Request, Response, Status, Streaming};

use crate::auth;
use crate::downstream::{self, Executor};
use crate::pb::mcp_streaming_server::McpStreaming;
use crate::pb::tool_call_event::Event;
use crate::pb::{
    CallToolRequest, CallToolResponse, ResourceUpdate, ToolCall, ToolCallEvent, ToolError, ToolInputChunk,
    WatchResourceRequest,
};

const EXEC_TIMEOUT: Duration = Duration::from_secs(30);
const MAX_INPUT: usize = 16 << 20;

pub struct ToolService {
    exec: Executor,
    resources: PathBuf,
}

impl ToolService {
    pub fn new(exec: Executor, resources: PathBuf) -> Self {
        Self { exec, resources }
    }
}

fn error_event(request_id: &str, status: &Status) -> ToolCallEvent {
    ToolCallEvent {
        request_id: request_id.to_string(),
        event: Some(Event::Error(ToolError {
            code: status.code() as i32,
            status: format!("{:?}", status.code()),
            message: status.message().to_string(),
        })),
    }
}

#[tonic::async_trait]
impl McpStreaming for ToolService {
    type CallToolWithProgressStream = Pin<Box<dyn Stream<Item = Result<ToolCallEvent, Status>> + Send>>;
    type StreamToolCallsStream = ReceiverStream<Result<ToolCallEvent, Status>>;
    type WatchResourceStream = Pin<Box<dyn Stream<Item = Result<ResourceUpdate, Status>> + Send>>;

    async fn call_tool_with_progress(
        &self,
        request: Request<CallToolRequest>,
    ) -> Result<Response<Self::CallToolWithProgressStream>, Status> {
        let claims = auth::claims(&request)?;
        let deadline = downstream::deadline_from(request.metadata());
        let req = request.into_inner();
        if !claims.allows_tool(&req.name) {
            return Err(Status::permission_denied("insufficient_scope"));
        }
        let mut outbound = Request::new(req);
        if let Some(left) = downstream::remaining(deadline) {
            outbound.set_timeout(left);
        }
        let mut progress = self.exec.clone().run_with_progress(outbound).await?.into_inner();
        let out = async_stream::try_stream! {
            while let Some(p) = progress.message().await? {
                yield ToolCallEvent { request_id: String::new(), event: Some(Event::Progress(p)) };
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn stream_tool_calls(
        &self,
        request: Request<Streaming<ToolCall>>,
    ) -> Result<Response<Self::StreamToolCallsStream>, Status> {
        let claims = auth::claims(&request)?;
        let mut inbound = request.into_inner();
        let exec = self.exec.clone();
        let (tx, rx) = mpsc::channel(32);

        tokio::spawn(async move {
            let mut authorized = false;
            while let Some(next) = inbound.next().await {
                let call = match next {
                    Ok(call) => call,
                    Err(status) => {
                        tracing::debug!(%status, "inbound ended");
                        break;
                    }
                };
                if !authorized {
                    if !claims.allows_tool(&call.name) {
                        let denied = Status::permission_denied("insufficient_scope");
                        let _ = tx.send(Ok(error_event(&call.request_id, &denied))).await;
                        break;
                    }
                    authorized = true;
                }

                let req = CallToolRequest { name: call.name.clone(), arguments: call.arguments.clone() };
                let result = tokio::time::timeout(EXEC_TIMEOUT, exec.clone().run(Request::new(req))).await;
                let event = match result {
                    Ok(Ok(resp)) => ToolCallEvent {
                        request_id: call.request_id.clone(),
                        event: Some(Event::Result(resp.into_inner())),
                    },
                    Ok(Err(status)) => error_event(&call.request_id, &status),
                    Err(_) => error_event(&call.request_id, &Status::new(Code::DeadlineExceeded, "executor timed out")),
                };
                let _ = tx.send(Ok(event)).await;
            }
        });

        Ok(Response::new(ReceiverStream::new(rx)))
    }

    async fn upload_tool_input(
        &self,
        request: Request<Streaming<ToolInputChunk>>,
    ) -> Result<Response<CallToolResponse>, Status> {
        let claims = auth::claims(&request)?;
        let deadline = downstream::deadline_from(request.metadata());
        let mut chunks = request.into_inner();
        let mut name = String::new();
        let mut input = Vec::new();
        while let Some(chunk) = chunks.message().await? {
            if name.is_empty() {
                name = chunk.name.clone();
            }
            if input.len() + chunk.data.len() > MAX_INPUT {
                return Err(Status::resource_exhausted("input too large"));
            }
            input.extend_from_slice(&chunk.data);
            if chunk.last {
                break;
            }
        }
        if !claims.allows_tool(&name) {
            return Err(Status::permission_denied("insufficient_scope"));
        }
        let mut args = prost_types::Struct::default();
        args.fields.insert(
            "input".into(),
            prost_types::Value {
                kind: Some(prost_types::value::Kind::StringValue(String::from_utf8_lossy(&input).into_owned())),
            },
        );
        let mut outbound = Request::new(CallToolRequest { name, arguments: Some(args) });
        if let Some(left) = downstream::remaining(deadline) {
            outbound.set_timeout(left);
        }
        self.exec.clone().run(outbound).await
    }

    async fn watch_resource(
        &self,
        request: Request<WatchResourceRequest>,
    ) -> Result<Response<Self::WatchResourceStream>, Status> {
        let claims = auth::claims(&request)?;
        let req = request.into_inner();
        let owned_prefix = format!("res://{}/", claims.sub);
        if !req.uri.starts_with(&owned_prefix) {
            return Err(Status::permission_denied("resource_not_owned"));
        }
        let path = self.resources.join(req.uri.trim_start_matches("res://"));
        let period = Duration::from_millis(u64::from(req.interval_ms.max(250)));
        let uri = req.uri.clone();

        let updates = async_stream::try_stream! {
            let mut ticker = tokio::time::interval(period);
            let mut seq = 0u64;
            let mut last: Option<String> = None;
            loop {
                ticker.tick().await;
                let text = tokio::fs::read_to_string(&path)
                    .await
                    .map_err(|e| Status::not_found(e.to_string()))?;
                if last.as_deref() == Some(text.as_str()) {
                    continue;
                }
                seq += 1;
                let unix_ms = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_millis() as i64;
                last = Some(text.clone());
                yield ResourceUpdate { seq, uri: uri.clone(), unix_ms, text };
            }
        };
        Ok(Response::new(Box::pin(updates)))
    }
}
