//! The canary downstream: a gRPC server the auditor runs itself, implementing one unary method
//! from the descriptors, that records what the target sends downstream — the `grpc-timeout`,
//! the arguments, the arrival time, and whether and when its caller cancelled the call.
//!
//! Cancellation is seen by a drop guard on the handler future: HTTP/2 servers drop the future of
//! a stream the peer reset, so a guard dropped before the answer means "cancelled by the caller".

use std::{
    collections::HashSet,
    net::SocketAddr,
    sync::{Arc, Mutex},
    time::Duration,
};

use http_body_util::BodyExt as _;
use hyper_util::rt::{TokioExecutor, TokioIo};
use prost_reflect::{DynamicMessage, MethodDescriptor};
use tokio::{net::TcpListener, task::JoinSet, time::Instant};
use tonic::{Status, server::UnaryService};

use crate::grpc::{DynamicCodec, to_json};

/// One call the target made to the canary.
#[derive(Debug, Clone)]
pub(crate) struct CanaryCall {
    pub arrived: Instant,
    /// The `grpc-timeout` header as sent, and as a duration.
    pub grpc_timeout_raw: Option<String>,
    pub grpc_timeout: Option<Duration>,
    /// The request as JSON (proto field names), once decoded.
    pub request: serde_json::Value,
    text: String,
    pub answered_at: Option<Instant>,
    pub cancelled_at: Option<Instant>,
}

#[derive(Default)]
struct State {
    calls: Mutex<Vec<CanaryCall>>,
    holds: Mutex<HashSet<String>>,
}

/// A running canary; stops when dropped.
pub(crate) struct Canary {
    state: Arc<State>,
    pub addr: SocketAddr,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for Canary {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// Calls recorded per audit; more are refused.
const MAX_CALLS: usize = 10_000;

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Parses a `grpc-timeout` value: up to 8 digits and a unit `H M S m u n`.
pub(crate) fn parse_grpc_timeout(v: &str) -> Option<Duration> {
    if v.len() < 2 || v.len() > 9 {
        return None;
    }
    let (digits, unit) = v.split_at(v.len() - 1);
    let n: u64 = digits.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}

impl Canary {
    /// Binds `listen` and serves `method`, answering `response` (or holding marked calls).
    pub async fn start(
        listen: SocketAddr,
        method: MethodDescriptor,
        response: DynamicMessage,
        max_hold: Duration,
    ) -> std::io::Result<Self> {
        let listener = TcpListener::bind(listen).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(State::default());
        let path = format!("/{}/{}", method.parent_service().full_name(), method.name());
        let st = state.clone();
        let server = tokio::spawn(async move {
            // Connection tasks live in this set: aborting the server aborts them all.
            let mut conns = JoinSet::new();
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let _ = stream.set_nodelay(true);
                let handler = Handler {
                    state: st.clone(),
                    path: path.clone(),
                    method: method.clone(),
                    response: response.clone(),
                    max_hold,
                };
                conns.spawn(async move {
                    let svc = hyper::service::service_fn(move |req| {
                        let h = handler.clone();
                        async move { Ok::<_, std::convert::Infallible>(h.handle(req).await) }
                    });
                    let _ = hyper::server::conn::http2::Builder::new(TokioExecutor::new())
                        .serve_connection(TokioIo::new(stream), svc)
                        .await;
                });
                while conns.try_join_next().is_some() {}
            }
        });
        Ok(Self {
            state,
            addr,
            server,
        })
    }

    /// Holds (does not answer) every call whose request mentions `marker`, up to `max_hold`.
    pub fn hold(&self, marker: &str) {
        lock(&self.state.holds).insert(marker.to_string());
    }

    /// Every call whose request mentions `marker`.
    pub fn calls_with(&self, marker: &str) -> Vec<CanaryCall> {
        lock(&self.state.calls)
            .iter()
            .filter(|c| c.text.contains(marker))
            .cloned()
            .collect()
    }

    /// Waits until a call mentioning `marker` satisfies `pred`, or `until`.
    pub async fn wait_for(
        &self,
        marker: &str,
        until: Instant,
        pred: impl Fn(&CanaryCall) -> bool,
    ) -> Option<CanaryCall> {
        loop {
            if let Some(c) = self.calls_with(marker).into_iter().find(&pred) {
                return Some(c);
            }
            if Instant::now() >= until {
                return None;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }
}

#[derive(Clone)]
struct Handler {
    state: Arc<State>,
    path: String,
    method: MethodDescriptor,
    response: DynamicMessage,
    max_hold: Duration,
}

/// Marks the call cancelled if the handler future is dropped before it answered.
struct CallGuard {
    state: Arc<State>,
    index: usize,
    answered: bool,
}

impl Drop for CallGuard {
    fn drop(&mut self) {
        let now = Instant::now();
        if let Some(c) = lock(&self.state.calls).get_mut(self.index) {
            if self.answered {
                c.answered_at.get_or_insert(now);
            } else {
                c.cancelled_at.get_or_insert(now);
            }
        }
    }
}

impl Handler {
    async fn handle(
        self,
        req: http::Request<hyper::body::Incoming>,
    ) -> http::Response<tonic::body::Body> {
        if req.uri().path() != self.path {
            return Status::unimplemented(format!(
                "the streamguard canary implements only {}",
                self.path
            ))
            .into_http();
        }
        let raw = req
            .headers()
            .get("grpc-timeout")
            .and_then(|v| v.to_str().ok())
            .map(String::from);
        let index = {
            let mut calls = lock(&self.state.calls);
            // The target decides how often it calls: keep the record bounded.
            if calls.len() >= MAX_CALLS {
                return Status::resource_exhausted(format!(
                    "the streamguard canary records at most {MAX_CALLS} calls per audit"
                ))
                .into_http();
            }
            calls.push(CanaryCall {
                arrived: Instant::now(),
                grpc_timeout: raw.as_deref().and_then(parse_grpc_timeout),
                grpc_timeout_raw: raw,
                request: serde_json::Value::Null,
                text: String::new(),
                answered_at: None,
                cancelled_at: None,
            });
            calls.len() - 1
        };
        let mut guard = CallGuard {
            state: self.state.clone(),
            index,
            answered: false,
        };
        let req =
            req.map(|b| b.map_err(|e| Box::new(e) as Box<dyn std::error::Error + Send + Sync>));
        let svc = Execute {
            state: self.state.clone(),
            index,
            response: self.response.clone(),
            max_hold: self.max_hold,
        };
        let mut grpc = tonic::server::Grpc::new(DynamicCodec {
            decode: self.method.input(),
        });
        let resp = grpc.unary(svc, req).await;
        guard.answered = true;
        resp
    }
}

#[derive(Clone)]
struct Execute {
    state: Arc<State>,
    index: usize,
    response: DynamicMessage,
    max_hold: Duration,
}

impl UnaryService<DynamicMessage> for Execute {
    type Response = DynamicMessage;
    type Future = std::pin::Pin<
        Box<dyn Future<Output = Result<tonic::Response<DynamicMessage>, Status>> + Send>,
    >;

    fn call(&mut self, request: tonic::Request<DynamicMessage>) -> Self::Future {
        let this = self.clone();
        Box::pin(async move {
            let json = to_json(request.get_ref());
            let text = json.to_string();
            let hold = lock(&this.state.holds)
                .iter()
                .any(|m| text.contains(m.as_str()));
            if let Some(c) = lock(&this.state.calls).get_mut(this.index) {
                c.request = json;
                c.text = text;
            }
            if hold {
                tokio::time::sleep(this.max_hold).await;
            }
            Ok(tonic::Response::new(this.response.clone()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grpc_timeout_units_parse_and_garbage_does_not() {
        assert_eq!(
            parse_grpc_timeout("2999m"),
            Some(Duration::from_millis(2999))
        );
        assert_eq!(parse_grpc_timeout("30S"), Some(Duration::from_secs(30)));
        assert_eq!(parse_grpc_timeout("1H"), Some(Duration::from_secs(3600)));
        assert_eq!(parse_grpc_timeout("5000000u"), Some(Duration::from_secs(5)));
        assert_eq!(parse_grpc_timeout("123456789m"), None);
        assert_eq!(parse_grpc_timeout("S"), None);
        assert_eq!(parse_grpc_timeout("12x"), None);
        assert_eq!(parse_grpc_timeout("-1S"), None);
    }
}
