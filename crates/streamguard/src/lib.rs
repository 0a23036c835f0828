//! Continuous authorization for gRPC streams served by tonic.
//!
//! Mainstream gRPC stacks check a bearer token once, when a stream opens. A stream that lives
//! for an hour then outlives its token, lets later messages do what the token never allowed and
//! keeps downstream work running after the caller left. [`StreamGuardLayer`] closes those gaps:
//!
//! | control | module | what it does |
//! |---|---|---|
//! | expiry | [`session`] (one shared timer queue) | ends the stream with `UNAUTHENTICATED`/`token_expired` at `exp` |
//! | revocation | [`revocation`] | ends matching live streams with `PERMISSION_DENIED`/`token_revoked` at once |
//! | revocation at the issuer | `recheck` (one shared task) | re-introspects live streams' opaque tokens every `recheck`; `active: false` ends them with `token_revoked` |
//! | per-message | [`authz`], [`inbound`], [`resource`] | checks every incoming message against the token's scopes and the ownership of every resource it names (normalized) |
//! | deadline | [`deadline`] | keeps the caller's `grpc-timeout` as an absolute [`Deadline`] |
//! | cancellation | [`session`] | one token tree per stream; work hung off it stops when the stream does |
//! | identity rate limit | [`limiter`] | GCRA per identity, across streams; concurrent streams cap |
//! | shared state | [`state`] | revocations and limits in this process or a store shared by several instances; the outage policy |
//! | lifetime | [`session`] (one shared timer queue) | maximum stream lifetime and idle timeout |
//! | MCP authorization | [`protected_resource`], [`challenge`] | RFC 9728 metadata for the resource; `www-authenticate` (RFC 6750) on every refusal of a token |
//! | buffered bytes | [`message_limits`], [`response_queue`] | message size caps per method, a budget per identity for partially received messages, response queues bounded in bytes |
//!
//! # Example
//! ```no_run
//! use std::sync::Arc;
//! use streamguard::{Guard, GuardConfig, StreamGuardLayer, auth::{Authenticator, AuthConfig, KeyConfig}};
//! # async fn run(routes: tonic::service::Routes) -> Result<(), Box<dyn std::error::Error>> {
//! let auth = Authenticator::new(AuthConfig {
//!     keys: vec![KeyConfig::hs256_secret(std::env::var("JWT_SECRET")?)],
//!     issuer: Some("https://issuer.example".into()),
//!     audience: Some("my-mcp-server".into()),
//!     ..AuthConfig::default()
//! })?;
//! let guard = Guard::new(GuardConfig::default(), auth);
//! tonic::transport::Server::builder()
//!     .layer(StreamGuardLayer::new(guard.clone()))
//!     .add_routes(routes)
//!     .serve("127.0.0.1:50051".parse()?)
//!     .await?;
//! # Ok(()) }
//! ```
//! In a handler, [`StreamSession::of`] gives the stream's session: its claims, its
//! [`Deadline`], [`StreamSession::authorize_inbound`] for per-message checks and
//! [`StreamSession::spawn`] / [`StreamSession::cancellable`] for work that must stop with it.

pub mod auth;
pub mod authz;
pub mod challenge;
pub mod config;
pub mod deadline;
mod guard;
pub mod inbound;
pub mod layer;
pub mod limiter;
pub mod message_limits;
pub mod metrics;
pub mod protected_resource;
mod recheck;
pub mod resource;
pub mod response_queue;
pub mod revocation;
pub mod session;
pub mod state;
pub mod termination;
mod watchdog;

pub use config::{Control, GuardConfig, OnDeny};
pub use deadline::Deadline;
pub use guard::{Guard, WeakGuard};
pub use layer::StreamGuardLayer;
pub use session::StreamSession;
pub use state::{OnStateUnavailable, StateBackend};
pub use termination::{Reason, Termination};
