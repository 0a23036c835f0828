//! The downstream every tool call goes to (`backend.v1.ToolBackend`), and the embedded backend
//! that serves on loopback when `--backend` is not given.

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use serde_json::{Value, json};
use std::sync::Mutex;
use streamguard::StreamSession;
use streamguard_proto::backend::v1::{
    ExecuteRequest, ExecuteResponse,
    tool_backend_client::ToolBackendClient,
    tool_backend_server::{ToolBackend, ToolBackendServer},
};
use tokio_util::sync::CancellationToken;
use tonic::transport::{Channel, Endpoint};
use tonic::{Request, Response, Status};

/// A client of the downstream; connects lazily so the backend may come up after the server.
#[derive(Clone, Debug)]
pub struct Backend {
    client: ToolBackendClient<Channel>,
}

impl Backend {
    pub fn connect(url: &str) -> anyhow::Result<Backend> {
        let endpoint = Endpoint::from_shared(url.to_string())
            .with_context(|| {
                format!("--backend {url:?} is not a valid URL; write e.g. http://127.0.0.1:7000")
            })?
            .connect_timeout(Duration::from_secs(3));
        Ok(Backend {
            client: ToolBackendClient::new(endpoint.connect_lazy()),
        })
    }

    /// Executes one tool call for `session`: the request carries the remaining deadline, and
    /// the call is abandoned (RST_STREAM downstream) if the stream ends first.
    pub async fn execute(
        &self,
        session: &StreamSession,
        tool: &str,
        arguments: &Value,
        request_id: &str,
    ) -> Result<Value, Status> {
        let request = session.outbound(ExecuteRequest {
            tool: tool.to_string(),
            arguments_json: arguments.to_string(),
            subject: session.claims().sub.clone(),
            request_id: request_id.to_string(),
        })?;
        let mut client = self.client.clone();
        let response = session
            .cancellable(client.execute(request))
            .await??
            .into_inner();
        Ok(serde_json::from_str(&response.result_json)
            .unwrap_or(Value::String(response.result_json)))
    }
}

/// The in-process backend: runs the reference tools against an in-memory file store and
/// remembers the last [`EXECUTED_KEPT`] calls it executed (so a test can prove a denied call
/// never ran) — bounded, so a long-running server does not grow.
#[derive(Clone)]
pub struct EmbeddedBackend {
    addr: SocketAddr,
    state: Arc<EmbeddedState>,
}

/// How many executed calls the embedded backend remembers.
pub const EXECUTED_KEPT: usize = 1024;
/// How many files the embedded backend's store holds before refusing writes.
const MAX_FILES: usize = 10_000;
/// The largest file the embedded store accepts, and the most bytes it holds in all: a caller
/// with `files:write` must not be able to grow the server's memory without bound.
pub const MAX_FILE_BYTES: usize = 1 << 20;
pub const MAX_STORE_BYTES: usize = 64 << 20;

#[derive(Default)]
struct EmbeddedState {
    files: Mutex<Files>,
    executed: Mutex<VecDeque<String>>,
}

impl EmbeddedBackend {
    pub(crate) async fn start(shutdown: CancellationToken) -> anyhow::Result<EmbeddedBackend> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
            .await
            .context("cannot bind the embedded backend on loopback")?;
        let addr = listener.local_addr()?;
        let state = Arc::new(EmbeddedState::default());
        let service = ToolBackendServer::new(EmbeddedService(state.clone()));
        tokio::spawn(async move {
            let r = tonic::transport::Server::builder()
                .add_service(service)
                .serve_with_incoming_shutdown(
                    tonic::transport::server::TcpIncoming::from(listener).with_nodelay(Some(true)),
                    shutdown.cancelled_owned(),
                )
                .await;
            if let Err(e) = r {
                tracing::error!(error = %e, "embedded backend failed");
            }
        });
        Ok(EmbeddedBackend { addr, state })
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The last tools executed, oldest first.
    pub fn executed(&self) -> Vec<String> {
        self.state
            .executed
            .lock()
            .map(|v| v.iter().cloned().collect())
            .unwrap_or_default()
    }
}

#[derive(Default)]
struct Files {
    by_path: HashMap<String, String>,
    /// Bytes held, paths and contents.
    bytes: usize,
}

impl Files {
    fn write(&mut self, path: String, text: String) -> Result<(), Status> {
        if text.len() > MAX_FILE_BYTES {
            return Err(Status::resource_exhausted(format!(
                "a file holds at most {MAX_FILE_BYTES} bytes"
            )));
        }
        let replaced = self
            .by_path
            .get(&path)
            .map_or(0, |old| path.len() + old.len());
        if self.by_path.len() >= MAX_FILES && replaced == 0 {
            return Err(Status::resource_exhausted(
                "the embedded file store is full",
            ));
        }
        let bytes = self.bytes - replaced + path.len() + text.len();
        if bytes > MAX_STORE_BYTES {
            return Err(Status::resource_exhausted(
                "the embedded file store is full",
            ));
        }
        self.bytes = bytes;
        self.by_path.insert(path, text);
        Ok(())
    }
}

struct EmbeddedService(Arc<EmbeddedState>);

#[tonic::async_trait]
impl ToolBackend for EmbeddedService {
    async fn execute(
        &self,
        request: Request<ExecuteRequest>,
    ) -> Result<Response<ExecuteResponse>, Status> {
        let req = request.into_inner();
        let args: Value = serde_json::from_str(&req.arguments_json).unwrap_or(json!({}));
        let text = |key: &str| {
            args.get(key)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        if let Ok(mut log) = self.0.executed.lock() {
            if log.len() == EXECUTED_KEPT {
                log.pop_front();
            }
            log.push_back(req.tool.clone());
        }
        let result = match req.tool.as_str() {
            "echo" => json!({ "text": text("text") }),
            "slow_echo" => {
                let ms = args
                    .get("ms")
                    .and_then(Value::as_f64)
                    .unwrap_or(1000.0)
                    .clamp(0.0, 600_000.0);
                tokio::time::sleep(Duration::from_millis(ms as u64)).await;
                json!({ "text": text("text"), "slept_ms": ms })
            }
            "read_file" => {
                let path = text("path");
                let files = self
                    .0
                    .files
                    .lock()
                    .map_err(|_| Status::internal("file store poisoned"))?;
                let content = files
                    .by_path
                    .get(&path)
                    .cloned()
                    .unwrap_or_else(|| format!("contents of {path}"));
                json!({ "path": path, "text": content })
            }
            "write_file" => {
                let path = text("path");
                let mut files = self
                    .0
                    .files
                    .lock()
                    .map_err(|_| Status::internal("file store poisoned"))?;
                files.write(path.clone(), text("text"))?;
                json!({ "path": path, "written": true })
            }
            "delete_repo" => json!({ "deleted": text("repo") }),
            other => return Err(Status::not_found(format!("unknown tool {other:?}"))),
        };
        Ok(Response::new(ExecuteResponse {
            result_json: result.to_string(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_store_is_bounded_in_bytes_as_well_as_files() {
        let mut files = Files::default();
        let big = "x".repeat(MAX_FILE_BYTES);
        assert!(files.write("p".into(), format!("{big}x")).is_err());
        let mut written = 0;
        while files.write(format!("f{written}"), big.clone()).is_ok() {
            written += 1;
        }
        assert!(written < MAX_STORE_BYTES / MAX_FILE_BYTES + 1);
        assert!(files.bytes <= MAX_STORE_BYTES);
        // Overwriting gives the old bytes back first.
        files.write("f0".into(), String::new()).unwrap();
        files.write("f0".into(), big).unwrap();
    }
}
