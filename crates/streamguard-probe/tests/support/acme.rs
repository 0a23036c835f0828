//! "Acme": a gRPC agent gateway NOT built on streamguard, with a proto of its own shape
//! (`tests/fixtures/acme/agent.proto`): other service, message and field names, the tool name in
//! a nested `action.tool`, denials as `outcome: "DENIED"`, rate limits as `outcome: "THROTTLED"`,
//! tokens in `x-acme-token: Token <jwt>` signed with Ed25519 and scopes as a `scopes` array.
//!
//! `hardened: true` implements every control by hand; `false` is the naive server of the
//! reference text (auth at open only, first message only, fixed 30 s downstream timeout,
//! detached downstream work, per-stream rate limit, no lifetime bound, revocation ignored).
//! Revocations arrive on a plain HTTP admin endpoint, `POST /admin/revoke {"subject": "…"}`.

use std::{
    collections::HashMap,
    convert::Infallible,
    net::SocketAddr,
    pin::Pin,
    sync::{Arc, Mutex},
    task::{Context, Poll},
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use tokio::sync::mpsc;
use tokio_stream::{StreamExt as _, wrappers::ReceiverStream};
use tonic::{Request, Response, Status, Streaming, server::NamedService};
use tonic_prost::ProstCodec;

#[derive(Clone, PartialEq, prost::Message)]
pub struct Topic {
    #[prost(string, tag = "1")]
    pub name: String,
    #[prost(uint32, tag = "2")]
    pub period_ms: u32,
}
#[derive(Clone, PartialEq, prost::Message)]
pub struct Tick {
    #[prost(uint64, tag = "1")]
    pub n: u64,
    #[prost(string, tag = "2")]
    pub name: String,
}
#[derive(Clone, PartialEq, prost::Message)]
pub struct Action {
    #[prost(string, tag = "1")]
    pub tool: String,
    #[prost(string, tag = "2")]
    pub payload: String,
}
#[derive(Clone, PartialEq, prost::Message)]
pub struct Command {
    #[prost(string, tag = "1")]
    pub cmd_id: String,
    #[prost(message, optional, tag = "2")]
    pub action: Option<Action>,
}
#[derive(Clone, PartialEq, prost::Message)]
pub struct Reply {
    #[prost(string, tag = "1")]
    pub cmd_id: String,
    #[prost(string, tag = "2")]
    pub outcome: String,
    #[prost(string, tag = "3")]
    pub body: String,
}
#[derive(Clone, PartialEq, prost::Message)]
pub struct PutRequest {
    #[prost(string, tag = "1")]
    pub key: String,
    #[prost(string, tag = "2")]
    pub value: String,
    #[prost(string, tag = "3")]
    pub actor: String,
}
#[derive(Clone, PartialEq, prost::Message)]
pub struct PutReply {
    #[prost(bool, tag = "1")]
    pub stored: bool,
}

pub const PUBLIC_KEY: &[u8] = include_bytes!("../fixtures/acme-ed25519.pub.pem");
/// Commands an identity may send (hardened: across streams; naive: per stream).
pub const BUDGET: u32 = 5;
/// Hardened lifetime bound.
pub const MAX_LIFETIME: Duration = Duration::from_secs(3);

struct Claims {
    sub: String,
    exp: SystemTime,
    scopes: Vec<String>,
}

struct State {
    hardened: bool,
    store: tonic::transport::Channel,
    spent: Mutex<HashMap<String, u32>>,
    /// Revoked subjects, pushed to live streams.
    revoked: tokio::sync::broadcast::Sender<String>,
}

/// A running Acme; stops when dropped.
pub struct Acme {
    pub addr: SocketAddr,
    /// The admin endpoint: `POST /admin/revoke` with `{"subject": "…"}`.
    pub admin: SocketAddr,
    task: tokio::task::JoinHandle<()>,
    admin_task: tokio::task::JoinHandle<()>,
}

impl Drop for Acme {
    fn drop(&mut self) {
        self.task.abort();
        self.admin_task.abort();
    }
}

/// Serves `POST /admin/revoke` on `listener`, publishing each revoked subject.
async fn serve_admin(
    listener: tokio::net::TcpListener,
    revoked: tokio::sync::broadcast::Sender<String>,
) {
    use http_body_util::BodyExt as _;
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let revoked = revoked.clone();
        tokio::spawn(async move {
            let svc =
                hyper::service::service_fn(move |req: http::Request<hyper::body::Incoming>| {
                    let revoked = revoked.clone();
                    async move {
                        let ok = req.uri().path() == "/admin/revoke";
                        let body = req
                            .into_body()
                            .collect()
                            .await
                            .map(|b| b.to_bytes())
                            .unwrap_or_default();
                        let subject = serde_json::from_slice::<serde_json::Value>(&body)
                            .ok()
                            .and_then(|v| v["subject"].as_str().map(String::from));
                        let status = match (ok, subject) {
                            (true, Some(sub)) => {
                                let _ = revoked.send(sub);
                                200
                            }
                            _ => 400,
                        };
                        Ok::<_, Infallible>(
                            http::Response::builder()
                                .status(status)
                                .body(http_body_util::Full::new(bytes::Bytes::new()))
                                .unwrap(),
                        )
                    }
                });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(hyper_util::rt::TokioIo::new(stream), svc)
                .await;
        });
    }
}

/// The descriptor set of Acme's protos, compiled in-process (what its reflection serves).
pub fn descriptor_set() -> Vec<u8> {
    use prost::Message as _;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/acme");
    protox::compile(["agent.proto", "store.proto"], [dir])
        .expect("acme protos compile")
        .encode_to_vec()
}

impl Acme {
    /// Starts Acme on an ephemeral port; its downstream store is `store` (the canary).
    pub async fn start(hardened: bool, store: SocketAddr) -> Acme {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let channel = tonic::transport::Endpoint::from_shared(format!("http://{store}"))
            .unwrap()
            .connect_lazy();
        let (revoked, _) = tokio::sync::broadcast::channel(64);
        let admin_listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let admin = admin_listener.local_addr().unwrap();
        let admin_task = tokio::spawn(serve_admin(admin_listener, revoked.clone()));
        let svc = Gateway(Arc::new(State {
            hardened,
            store: channel,
            spent: Mutex::default(),
            revoked,
        }));
        let reflection = tonic_reflection::server::Builder::configure()
            .register_encoded_file_descriptor_set(&descriptor_set())
            .build_v1()
            .unwrap();
        let task = tokio::spawn(async move {
            let _ = tonic::transport::Server::builder()
                .add_service(reflection)
                .add_service(svc)
                .serve_with_incoming(tokio_stream::wrappers::TcpListenerStream::new(listener))
                .await;
        });
        Acme {
            addr,
            admin,
            task,
            admin_task,
        }
    }
}

fn authenticate<T>(req: &Request<T>) -> Result<Claims, Status> {
    let raw = req
        .metadata()
        .get("x-acme-token")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Token "))
        .ok_or_else(|| Status::unauthenticated("no token"))?;
    let key =
        jsonwebtoken::DecodingKey::from_ed_pem(PUBLIC_KEY).map_err(|_| Status::internal("key"))?;
    let mut v = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::EdDSA);
    v.leeway = 0;
    v.validate_aud = false;
    let data = jsonwebtoken::decode::<serde_json::Value>(raw, &key, &v)
        .map_err(|e| Status::unauthenticated(format!("bad token: {e}")))?;
    let c = data.claims;
    Ok(Claims {
        sub: c["sub"].as_str().unwrap_or_default().to_string(),
        exp: UNIX_EPOCH + Duration::from_secs(c["exp"].as_u64().unwrap_or(0)),
        scopes: c["scopes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(String::from))
            .collect(),
    })
}

fn allowed(claims: &Claims, cmd: &Command) -> bool {
    let needs = match cmd.action.as_ref().map(|a| a.tool.as_str()) {
        Some("ping") => "agent:ping",
        _ => "agent:admin",
    };
    claims.scopes.iter().any(|s| s == needs)
}

fn until(t: SystemTime) -> tokio::time::Instant {
    tokio::time::Instant::now()
        + t.duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO)
}

async fn put(state: &State, cmd: &Command, actor: &str, timeout: Duration) -> Result<(), Status> {
    let mut grpc = tonic::client::Grpc::new(state.store.clone());
    grpc.ready()
        .await
        .map_err(|e| Status::unavailable(e.to_string()))?;
    let mut req = Request::new(PutRequest {
        key: cmd.cmd_id.clone(),
        value: cmd
            .action
            .as_ref()
            .map(|a| a.payload.clone())
            .unwrap_or_default(),
        actor: actor.to_string(),
    });
    req.set_timeout(timeout);
    let path = http::uri::PathAndQuery::from_static("/acme.store.v1.Store/Put");
    grpc.unary::<_, PutReply, _>(req, path, ProstCodec::default())
        .await
        .map(|_| ())
}

fn incoming_timeout<T>(req: &Request<T>) -> Option<Duration> {
    let v = req.metadata().get("grpc-timeout")?.to_str().ok()?;
    let (n, unit) = v.split_at(v.len() - 1);
    let n: u64 = n.parse().ok()?;
    Some(match unit {
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        "M" => Duration::from_secs(n * 60),
        _ => Duration::from_secs(n * 3600),
    })
}

type BoxFut<T> = Pin<Box<dyn Future<Output = T> + Send>>;
type Events<T> = ReceiverStream<Result<T, Status>>;

#[derive(Clone)]
struct Gateway(Arc<State>);

impl NamedService for Gateway {
    const NAME: &'static str = "acme.agent.v2.AgentGateway";
}

impl tower::Service<http::Request<tonic::body::Body>> for Gateway {
    type Response = http::Response<tonic::body::Body>;
    type Error = Infallible;
    type Future = BoxFut<Result<Self::Response, Infallible>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, req: http::Request<tonic::body::Body>) -> Self::Future {
        let s = self.clone();
        Box::pin(async move {
            let resp = match req.uri().path() {
                "/acme.agent.v2.AgentGateway/Subscribe" => {
                    tonic::server::Grpc::new(ProstCodec::default())
                        .server_streaming(Subscribe(s.0), req)
                        .await
                }
                "/acme.agent.v2.AgentGateway/Session" => {
                    tonic::server::Grpc::new(ProstCodec::default())
                        .streaming(Session(s.0), req)
                        .await
                }
                "/acme.agent.v2.AgentGateway/Invoke" => {
                    tonic::server::Grpc::new(ProstCodec::default())
                        .unary(Invoke(s.0), req)
                        .await
                }
                _ => Status::unimplemented("no such method").into_http(),
            };
            Ok(resp)
        })
    }
}

struct Subscribe(Arc<State>);

impl tonic::server::ServerStreamingService<Topic> for Subscribe {
    type Response = Tick;
    type ResponseStream = Events<Tick>;
    type Future = BoxFut<Result<Response<Events<Tick>>, Status>>;

    fn call(&mut self, req: Request<Topic>) -> Self::Future {
        let hardened = self.0.hardened;
        let mut revoked = self.0.revoked.subscribe();
        Box::pin(async move {
            let claims = authenticate(&req)?;
            let topic = req.into_inner();
            let period = Duration::from_millis(u64::from(topic.period_ms.max(10)));
            let (tx, rx) = mpsc::channel(16);
            tokio::spawn(async move {
                let opened = tokio::time::Instant::now();
                let mut n = 0;
                loop {
                    if hardened {
                        tokio::select! {
                            _ = tokio::time::sleep(period) => {}
                            _ = tokio::time::sleep_until(until(claims.exp)) => {
                                let _ = tx.send(Err(Status::unauthenticated("token expired"))).await;
                                return;
                            }
                            _ = tokio::time::sleep_until(opened + MAX_LIFETIME) => {
                                let _ = tx.send(Err(Status::unavailable("stream lifetime exceeded"))).await;
                                return;
                            }
                            Ok(sub) = revoked.recv() => {
                                if sub == claims.sub {
                                    let _ = tx.send(Err(Status::permission_denied("revoked"))).await;
                                    return;
                                }
                                continue;
                            }
                        }
                    } else {
                        tokio::time::sleep(period).await;
                    }
                    n += 1;
                    if tx
                        .send(Ok(Tick {
                            n,
                            name: topic.name.clone(),
                        }))
                        .await
                        .is_err()
                    {
                        return;
                    }
                }
            });
            Ok(Response::new(ReceiverStream::new(rx)))
        })
    }
}

struct Session(Arc<State>);

impl tonic::server::StreamingService<Command> for Session {
    type Response = Reply;
    type ResponseStream = Events<Reply>;
    type Future = BoxFut<Result<Response<Events<Reply>>, Status>>;

    fn call(&mut self, req: Request<Streaming<Command>>) -> Self::Future {
        let state = self.0.clone();
        Box::pin(async move {
            let claims = authenticate(&req)?;
            let mut inbound = req.into_inner();
            let (tx, rx) = mpsc::channel(16);
            tokio::spawn(async move {
                let mut first = true;
                let mut authorized = false;
                let mut spent_here = 0;
                while let Some(Ok(cmd)) = inbound.next().await {
                    let over = if state.hardened {
                        let mut spent = state.spent.lock().unwrap();
                        let n = spent.entry(claims.sub.clone()).or_default();
                        *n += 1;
                        *n > BUDGET
                    } else {
                        spent_here += 1;
                        spent_here > BUDGET
                    };
                    // Naive: only the first message of a stream is authorized.
                    if state.hardened || first {
                        authorized = allowed(&claims, &cmd);
                        first = false;
                    }
                    let outcome = if over {
                        "THROTTLED"
                    } else if !authorized {
                        "DENIED"
                    } else {
                        match put(&state, &cmd, &claims.sub, Duration::from_secs(5)).await {
                            Ok(()) => "OK",
                            Err(_) => "FAILED",
                        }
                    };
                    let reply = Reply {
                        cmd_id: cmd.cmd_id.clone(),
                        outcome: outcome.into(),
                        body: String::new(),
                    };
                    if tx.send(Ok(reply)).await.is_err() {
                        return;
                    }
                }
            });
            Ok(Response::new(ReceiverStream::new(rx)))
        })
    }
}

struct Invoke(Arc<State>);

impl tonic::server::UnaryService<Command> for Invoke {
    type Response = Reply;
    type Future = BoxFut<Result<Response<Reply>, Status>>;

    fn call(&mut self, req: Request<Command>) -> Self::Future {
        let state = self.0.clone();
        Box::pin(async move {
            let claims = authenticate(&req)?;
            let remaining = incoming_timeout(&req);
            let cmd = req.into_inner();
            if !allowed(&claims, &cmd) {
                return Ok(Response::new(Reply {
                    cmd_id: cmd.cmd_id,
                    outcome: "DENIED".into(),
                    body: String::new(),
                }));
            }
            let result = if state.hardened {
                // Dropped with this handler when the caller cancels, with the caller's deadline.
                put(
                    &state,
                    &cmd,
                    &claims.sub,
                    remaining.unwrap_or(Duration::from_secs(30)),
                )
                .await
            } else {
                // Detached, with a fixed timeout: goes on after the caller is gone.
                let (st, c, sub) = (state.clone(), cmd.clone(), claims.sub.clone());
                tokio::spawn(async move { put(&st, &c, &sub, Duration::from_secs(30)).await })
                    .await
                    .unwrap_or_else(|e| Err(Status::internal(e.to_string())))
            };
            let outcome = if result.is_ok() { "OK" } else { "FAILED" };
            Ok(Response::new(Reply {
                cmd_id: cmd.cmd_id,
                outcome: outcome.into(),
                body: String::new(),
            }))
        })
    }
}
