//! `McpStreaming`: the four streaming RPCs, each running its work under the stream's session.

use std::pin::Pin;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures::{Stream, StreamExt};
use serde_json::json;
use streamguard::StreamSession;
use streamguard::authz::Action;
use streamguard::inbound::Inbound;
use streamguard::response_queue;
use streamguard_proto::mcp::v1::{
    CallToolRequest, CallToolResponse, Progress, ResourceUpdate, ToolCall, ToolCallEvent,
    ToolInputChunk, WatchResourceRequest, mcp_streaming_server::McpStreaming,
    tool_call_event::Event,
};
use tonic::{Request, Response, Status, Streaming};

use crate::classify::{self, call_tool_action, tool_arguments};
use crate::mcp::{Tools, denial_status, tool_error};

type EventStream<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

/// Bytes of responses a stream may queue for a client that does not read them yet.
pub(crate) const RESPONSE_QUEUE_BYTES: u32 = 256 << 10;

/// Slowest and fastest `WatchResource` update intervals the server honours.
const WATCH_INTERVAL: (u64, u64) = (10, 60_000);

pub struct StreamingService {
    tools: Tools,
}

impl StreamingService {
    pub fn new(tools: Tools) -> Self {
        StreamingService { tools }
    }
}

fn event(request_id: &str, event: Event) -> ToolCallEvent {
    ToolCallEvent {
        request_id: request_id.to_string(),
        event: Some(event),
    }
}

fn unix_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

#[tonic::async_trait]
impl McpStreaming for StreamingService {
    type CallToolWithProgressStream = EventStream<ToolCallEvent>;
    type StreamToolCallsStream = EventStream<ToolCallEvent>;
    type WatchResourceStream = EventStream<ResourceUpdate>;

    async fn call_tool_with_progress(
        &self,
        request: Request<CallToolRequest>,
    ) -> Result<Response<Self::CallToolWithProgressStream>, Status> {
        let session = StreamSession::of(&request)?;
        let req = request.into_inner();
        let policy = session.guard().policy();
        session
            .authorize(&call_tool_action(policy, &req))
            .map_err(|d| denial_status(&d))?;
        let args = tool_arguments(policy, &req.name, &req.resource_uri, req.arguments.as_ref())?;
        let (tx, rx) = response_queue::bounded(&session, 8, RESPONSE_QUEUE_BYTES);
        let tools = self.tools.clone();
        let worker = session.clone();
        session.spawn(async move {
            for step in 1..=3u8 {
                let progress = Progress {
                    progress: f32::from(step),
                    total: 4.0,
                    message: format!("step {step} of 4"),
                };
                if tx
                    .send(Ok(event("", Event::Progress(progress))))
                    .await
                    .is_err()
                {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            let outcome = match tools.call(&worker, &req.name, &args, "").await {
                Ok(result) => Ok(event("", Event::Result(result))),
                Err(status) => Err(status),
            };
            let _ = tx.send(outcome).await;
        });
        Ok(Response::new(Box::pin(rx)))
    }

    async fn stream_tool_calls(
        &self,
        request: Request<Streaming<ToolCall>>,
    ) -> Result<Response<Self::StreamToolCallsStream>, Status> {
        let session = StreamSession::of(&request)?;
        let guard = session.guard().clone();
        let mut inbound = session
            .authorize_inbound_with(request.into_inner(), move |m: &ToolCall| {
                classify::tool_call(guard.policy(), m)
            });
        let (tx, rx) = response_queue::bounded(&session, 32, RESPONSE_QUEUE_BYTES);
        let tools = self.tools.clone();
        let worker = session.clone();
        session.spawn(async move {
            while let Some(item) = inbound.next().await {
                let reply = match item {
                    Ok(Inbound::Allowed(call)) => {
                        let policy = worker.guard().policy();
                        let outcome = match tool_arguments(
                            policy,
                            &call.name,
                            &call.resource_uri,
                            call.arguments.as_ref(),
                        ) {
                            Ok(args) => {
                                tools
                                    .call(&worker, &call.name, &args, &call.request_id)
                                    .await
                            }
                            Err(status) => Err(status),
                        };
                        match outcome {
                            Ok(result) => event(&call.request_id, Event::Result(result)),
                            Err(status) => {
                                let _ = tx.send(Err(status)).await;
                                return;
                            }
                        }
                    }
                    // The denied message is not executed: it gets an error event, the stream goes on.
                    Ok(Inbound::Denied(denial)) => event(
                        denial.request_id.as_deref().unwrap_or(""),
                        Event::Error(tool_error(&denial)),
                    ),
                    Err(_) => return,
                };
                if tx.send(Ok(reply)).await.is_err() {
                    return;
                }
            }
        });
        Ok(Response::new(Box::pin(rx)))
    }

    async fn upload_tool_input(
        &self,
        request: Request<Streaming<ToolInputChunk>>,
    ) -> Result<Response<CallToolResponse>, Status> {
        let session = StreamSession::of(&request)?;
        let mut inbound =
            session.authorize_inbound_with(request.into_inner(), classify::input_chunk);
        let mut tool: Option<String> = None;
        // Where the upload acts: the first chunk's resource; no later chunk may move it.
        let mut target: Option<String> = None;
        let mut data = Vec::new();
        while let Some(item) = inbound.next().await {
            match item? {
                Inbound::Allowed(chunk) => {
                    if !chunk.name.is_empty() {
                        if tool.is_some() {
                            return Err(Status::invalid_argument(
                                "only the first ToolInputChunk names the tool",
                            ));
                        }
                        tool = Some(chunk.name);
                    }
                    if !chunk.resource_uri.is_empty() {
                        let uri = streamguard::resource::normalize(&chunk.resource_uri)
                            .map_err(|e| Status::invalid_argument(e.to_string()))?;
                        match &target {
                            None => target = Some(uri.into_owned()),
                            Some(t) if *t == uri => {}
                            Some(_) => {
                                return Err(Status::invalid_argument(
                                    "a later ToolInputChunk names another resource than the first",
                                ));
                            }
                        }
                    }
                    if data.len() + chunk.data.len() > 4 << 20 {
                        return Err(Status::resource_exhausted("tool input larger than 4 MiB"));
                    }
                    data.extend_from_slice(&chunk.data);
                }
                // One response for the whole upload: a denied chunk fails it.
                Inbound::Denied(denial) => return Err(denial_status(&denial)),
            }
        }
        if let Some(t) = session.termination() {
            return Err(t.to_status());
        }
        let tool = tool.ok_or_else(|| {
            Status::invalid_argument("the first ToolInputChunk must name the tool")
        })?;
        let mut args = json!({ "text": String::from_utf8_lossy(&data) });
        // The tool acts on the authorized resource, handed as each of its resource arguments.
        if let Some(t) = &target {
            for name in session.guard().policy().resource_arguments(&tool) {
                args[name.as_str()] = json!(t);
            }
        }
        self.tools
            .call(&session, &tool, &args, "")
            .await
            .map(Response::new)
    }

    async fn watch_resource(
        &self,
        request: Request<WatchResourceRequest>,
    ) -> Result<Response<Self::WatchResourceStream>, Status> {
        let session = StreamSession::of(&request)?;
        let req = request.into_inner();
        session
            .authorize(&Action::read_resource(req.uri.as_str()))
            .map_err(|d| denial_status(&d))?;
        // Updates name the resource that was authorized: its canonical form.
        let uri = streamguard::resource::normalize(&req.uri)
            .map_err(|e| Status::invalid_argument(e.to_string()))?
            .into_owned();
        let interval = match req.interval_ms {
            0 => 1000,
            ms => u64::from(ms).clamp(WATCH_INTERVAL.0, WATCH_INTERVAL.1),
        };
        let (tx, rx) = response_queue::bounded(&session, 4, RESPONSE_QUEUE_BYTES);
        session.spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_millis(interval));
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            for seq in 1u64.. {
                tick.tick().await;
                let update = ResourceUpdate {
                    seq,
                    uri: uri.clone(),
                    unix_ms: unix_ms(),
                    text: format!("update {seq} of {uri}"),
                };
                if tx.send(Ok(update)).await.is_err() {
                    return;
                }
            }
        });
        Ok(Response::new(Box::pin(rx)))
    }
}
