use std::{path::PathBuf, pin::Pin, time::Duration};

use async_stream::try_stream;
use mcp_proto::{
    mcp_streaming_server::McpStreaming, tool_call_event::Event, CallToolRequest, CallToolResponse, Content, Progress,
    ResourceUpdate, ToolCall, ToolCallEvent, ToolError, ToolInputChunk, WatchResourceRequest,
};
use serde_json::{json, Value};
use tokio::{sync::mpsc, time::{sleep_until, Instant}};
use tokio_stream::{wrappers::ReceiverStream, Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};

use crate::{
    session::{caller_deadline, claims_of, Claims, RevocationBus},
    tools::{required_scope, RunEvent, ToolClient},
};

const UPLOAD_WINDOW: Duration = Duration::from_secs(10);
const MAX_UPLOAD: usize = 4 << 20;

type EventStream = Pin<Box<dyn Stream<Item = Result<ToolCallEvent, Status>> + Send>>;

pub struct McpStreamingService {
    tools: ToolClient,
    revocations: RevocationBus,
    root: PathBuf,
}

impl McpStreamingService {
    pub fn new(tools: ToolClient, revocations: RevocationBus, root: PathBuf) -> Self {
        Self { tools, revocations, root }
    }
}

fn struct_to_json(s: Option<prost_types::Struct>) -> Value {
    fn conv(v: prost_types::Value) -> Value {
        use prost_types::value::Kind;
        match v.kind {
            Some(Kind::StringValue(s)) => Value::String(s),
            Some(Kind::NumberValue(n)) => json!(n),
            Some(Kind::BoolValue(b)) => Value::Bool(b),
            Some(Kind::StructValue(s)) => Value::Object(s.fields.into_iter().map(|(k, v)| (k, conv(v))).collect()),
            Some(Kind::ListValue(l)) => Value::Array(l.values.into_iter().map(conv).collect()),
            _ => Value::Null,
        }
    }
    Value::Object(s.map(|s| s.fields.into_iter().map(|(k, v)| (k, conv(v))).collect()).unwrap_or_default())
}

fn denied(request_id: &str, why: &str) -> ToolCallEvent {
    ToolCallEvent {
        request_id: request_id.to_string(),
        event: Some(Event::Error(ToolError { code: 7, status: "PERMISSION_DENIED".into(), message: why.into() })),
    }
}

fn authorize(claims: &Claims, tool: &str, resource_uri: &str) -> Result<(), &'static str> {
    let scope = required_scope(tool).ok_or("unknown_tool")?;
    if !claims.has_scope(scope) {
        return Err("insufficient_scope");
    }
    if !resource_uri.is_empty() && !resource_uri.starts_with(&format!("res://{}/", claims.sub)) {
        return Err("resource_not_owned");
    }
    Ok(())
}

fn text_response(v: Value) -> CallToolResponse {
    CallToolResponse { content: vec![Content { r#type: "text".into(), text: v.to_string() }], structured_content: None, is_error: false }
}

#[tonic::async_trait]
impl McpStreaming for McpStreamingService {
    type CallToolWithProgressStream = EventStream;
    type StreamToolCallsStream = EventStream;
    type WatchResourceStream = ReceiverStream<Result<ResourceUpdate, Status>>;

    async fn call_tool_with_progress(
        &self,
        request: Request<CallToolRequest>,
    ) -> Result<Response<Self::CallToolWithProgressStream>, Status> {
        let claims = claims_of(&request)?;
        let req = request.into_inner();
        authorize(&claims, &req.name, "").map_err(Status::permission_denied)?;
        let tools = self.tools.clone();

        let out = try_stream! {
            let resp = tools
                .run_streaming(&req.name, struct_to_json(req.arguments))
                .await
                .map_err(|e| Status::unavailable(e.to_string()))?;
            let mut body = resp.bytes_stream();
            let mut pending = Vec::new();
            let mut n = 0u64;
            while let Some(chunk) = body.next().await {
                let chunk = chunk.map_err(|e| Status::unavailable(e.to_string()))?;
                pending.extend_from_slice(&chunk);
                while let Some(pos) = pending.iter().position(|b| *b == b'\n') {
                    let line: Vec<u8> = pending.drain(..=pos).collect();
                    let Ok(ev) = serde_json::from_slice::<RunEvent>(&line) else { continue };
                    n += 1;
                    if let Some((done, total)) = ev.progress {
                        yield ToolCallEvent { request_id: n.to_string(), event: Some(Event::Progress(Progress { progress: done, total })) };
                    }
                    if let Some(v) = ev.result {
                        yield ToolCallEvent { request_id: n.to_string(), event: Some(Event::Result(text_response(v))) };
                    }
                }
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn stream_tool_calls(
        &self,
        request: Request<Streaming<ToolCall>>,
    ) -> Result<Response<Self::StreamToolCallsStream>, Status> {
        let claims = claims_of(&request)?;
        let deadline = caller_deadline(&request);
        let expires_at = Instant::now() + claims.expires_in();
        let mut revoked = self.revocations.subscribe();
        let mut inbound = request.into_inner();
        let tools = self.tools.clone();

        let out = try_stream! {
            loop {
                let call = tokio::select! {
                    _ = sleep_until(expires_at) => Err(Status::unauthenticated("token_expired"))?,
                    Ok(key) = revoked.recv() => {
                        if RevocationBus::matches(&claims, &key) {
                            Err(Status::permission_denied("token_revoked"))?;
                        }
                        continue;
                    }
                    m = inbound.message() => match m? { Some(c) => c, None => break },
                };
                if let Err(why) = authorize(&claims, &call.name, &call.resource_uri) {
                    yield denied(&call.request_id, why);
                    continue;
                }
                if deadline.is_some_and(|d| d <= Instant::now()) {
                    Err(Status::deadline_exceeded("deadline passed"))?;
                }
                let remaining = deadline.map(|d| d.saturating_duration_since(Instant::now()));
                let result = tokio::select! {
                    _ = sleep_until(expires_at) => Err(Status::unauthenticated("token_expired"))?,
                    r = tools.invoke(&call.name, struct_to_json(call.arguments), remaining) => r,
                };
                yield match result {
                    Ok(v) => ToolCallEvent { request_id: call.request_id, event: Some(Event::Result(text_response(v))) },
                    Err(e) => ToolCallEvent {
                        request_id: call.request_id,
                        event: Some(Event::Error(ToolError { code: 14, status: "UNAVAILABLE".into(), message: e.to_string() })),
                    },
                };
            }
        };
        Ok(Response::new(Box::pin(out)))
    }

    async fn upload_tool_input(
        &self,
        request: Request<Streaming<ToolInputChunk>>,
    ) -> Result<Response<CallToolResponse>, Status> {
        let claims = claims_of(&request)?;
        let deadline = caller_deadline(&request);
        let mut inbound = request.into_inner();

        let collect = async {
            let mut tool: Option<String> = None;
            let mut buf = Vec::new();
            while let Some(chunk) = inbound.next().await {
                let chunk = chunk?;
                match &tool {
                    None => {
                        authorize(&claims, &chunk.name, "").map_err(Status::permission_denied)?;
                        tool = Some(chunk.name.clone());
                    }
                    Some(t) if !chunk.name.is_empty() && *t != chunk.name => {
                        return Err(Status::invalid_argument("tool changed mid-upload"));
                    }
                    _ => {}
                }
                buf.extend_from_slice(&chunk.data);
                if buf.len() > MAX_UPLOAD {
                    return Err(Status::resource_exhausted("input too large"));
                }
                if chunk.last {
                    break;
                }
            }
            Ok::<_, Status>((tool.ok_or_else(|| Status::invalid_argument("empty upload"))?, buf))
        };
        let (tool, input) = tokio::time::timeout(UPLOAD_WINDOW, collect)
            .await
            .map_err(|_| Status::deadline_exceeded("upload took too long"))??;

        let remaining = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        let v = self
            .tools
            .invoke(&tool, json!({ "input": String::from_utf8_lossy(&input) }), remaining)
            .await
            .map_err(|e| Status::unavailable(e.to_string()))?;
        Ok(Response::new(text_response(v)))
    }

    async fn watch_resource(
        &self,
        request: Request<WatchResourceRequest>,
    ) -> Result<Response<Self::WatchResourceStream>, Status> {
        let claims = claims_of(&request)?;
        let req = request.into_inner();
        authorize(&claims, "read_file", &req.uri).map_err(Status::permission_denied)?;
        let path = self.root.join(req.uri.trim_start_matches("res://"));
        let every = Duration::from_millis(req.interval_ms.clamp(200, 60_000) as u64);

        let (tx, rx) = mpsc::channel(16);
        tokio::spawn(async move {
            let mut ticker = tokio::time::interval(every);
            let mut seq = 0u64;
            let mut last = None;
            loop {
                ticker.tick().await;
                if tx.is_closed() {
                    break;
                }
                let Ok(meta) = tokio::fs::metadata(&path).await else { continue };
                let modified = meta.modified().ok();
                if modified == last {
                    continue;
                }
                last = modified;
                let text = tokio::fs::read_to_string(&path).await.unwrap_or_default();
                seq += 1;
                let update = ResourceUpdate {
                    seq,
                    uri: req.uri.clone(),
                    unix_ms: std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64,
                    text,
                };
                if tx.send(Ok(update)).await.is_err() {
                    break;
                }
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }
}
