//! `streamguard gateway`: continuous authorization in front of a gRPC streaming server written
//! in any language, with no change to it.
//!
//! The gateway is the library's [`StreamGuardLayer`] over a transparent HTTP/2 forwarder: the
//! layer authenticates each stream at open and keeps its [`streamguard::StreamSession`] — expiry
//! and revocation mid-stream, the caller's deadline, the identity rate limit and stream cap,
//! lifetime and idle timeout — and the forwarder below it adds what only a proxy can:
//!
//! | concern | module |
//! |---|---|
//! | forwarding calls, identity and remaining deadline to the upstream | [`proxy`] |
//! | client → upstream messages: cut out whole, authorized, never re-encoded | [`inbound`], [`frames`] |
//! | upstream → client messages, denial replies, trailers | [`outbound`] |
//! | per-method rules: tool / resource / JSON-RPC classification, replies | [`rule`], [`classify`], [`jsonrpc`], [`reply`] |
//! | field paths into messages and JSON text | [`field_path`], [`json`] |
//! | resource ownership patterns (`res-{sub}-*`) | [`ownership`] |
//! | the caller's identity for the upstream (signed headers or a minted token) | [`identity`] |
//! | the pooled HTTP/2 connection to the upstream (h2c, TLS) | [`upstream`] |
//! | counters by method | [`metrics`] |
//!
//! Client connections are served by the network edge ([`streamguard_edge`], as in `serve`):
//! connection caps, HTTP/2 limits and timeouts, TLS, `415` for what is not gRPC, the
//! protected-resource metadata document, and a graceful drain.
//!
//! Any guard termination or client cancel ends the response with trailers and resets the
//! upstream stream with `CANCEL`, so the upstream's handler sees its call cancelled.

pub mod classify;
pub mod config;
mod exchange;
pub mod field_path;
pub mod frames;
pub mod identity;
pub mod inbound;
pub mod json;
pub mod jsonrpc;
pub mod metrics;
pub mod outbound;
pub mod ownership;
pub mod proxy;
pub mod reply;
pub mod rule;
pub mod upstream;

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use prost_reflect::DescriptorPool;
use streamguard::auth::Authenticator;
use streamguard::{Guard, StreamGuardLayer};
use streamguard_descriptors::{DescriptorSource, load, load_offline, split_method};
use streamguard_edge::EdgeMetrics;
use streamguard_server::listeners::{self, ServerTls};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

pub use config::GatewayConfig;
pub use metrics::GatewayMetrics;
pub use proxy::Proxy;

/// A gateway started by [`start`]. [`RunningGateway::shutdown`] drains it gracefully; dropping
/// it closes everything at once.
pub struct RunningGateway {
    pub grpc_addr: SocketAddr,
    pub admin_addr: SocketAddr,
    pub admin_token: String,
    /// The HS256 secret in dev mode (empty otherwise).
    pub dev_secret: String,
    pub guard: Guard,
    pub metrics: Arc<GatewayMetrics>,
    /// Counters of the client-facing listener's network edge.
    pub edge_metrics: Arc<EdgeMetrics>,
    /// TLS of both listeners (when configured): [`ServerTls::reload`] on SIGHUP.
    pub tls: ServerTls,
    /// Starts the client-facing listener's drain.
    drain: CancellationToken,
    /// Stops the admin API, once the client-facing listener has drained.
    stop: CancellationToken,
    grpc_task: Option<JoinHandle<()>>,
    tasks: Vec<JoinHandle<()>>,
}

impl RunningGateway {
    /// Stops accepting, sends GOAWAY, lets live streams go on for the drain period
    /// (`[server] drain_period`), ends the rest with `UNAVAILABLE` / `shutting_down`, then stops
    /// the admin API.
    pub async fn shutdown(mut self) {
        self.drain.cancel();
        if let Some(grpc) = self.grpc_task.take() {
            let _ = grpc.await;
        }
        self.stop.cancel();
        for t in self.tasks.drain(..) {
            let _ = t.await;
        }
    }

    /// Resolves when the gateway is asked to stop.
    pub async fn stopped(&self) {
        self.drain.cancelled().await
    }
}

impl Drop for RunningGateway {
    fn drop(&mut self) {
        if let Some(grpc) = self.grpc_task.take() {
            // Dropping the edge's task drops every connection it serves.
            grpc.abort();
        }
        self.drain.cancel();
        self.stop.cancel();
    }
}

/// Loads keys and descriptors, binds both listeners and starts serving.
pub async fn start(config: GatewayConfig) -> anyhow::Result<RunningGateway> {
    config.validate()?;
    let (auth, dev_secret) = config.resolved_auth()?;
    let admin_token = match (&config.admin_token, config.dev) {
        (Some(t), _) if !t.is_empty() => t.clone(),
        (_, true) => config::random_secret(),
        _ => anyhow::bail!(
            "admin_token: missing; set admin_token or admin_token_env in the config file (the admin API requires one)"
        ),
    };
    // The guard's request body refuses an oversized message from its header, before any of it
    // is buffered: give it the gateway's limit (the proxy checks responses the same way).
    let mut guard_config = config.guard.clone();
    guard_config.message_limits.max_message_bytes = config.max_message_size;
    guard_config.protected_resource = config.oauth.clone();
    // With shared state, the live revocations are loaded here: before any stream is accepted.
    let guard = streamguard_server::state::build_guard(
        guard_config,
        Authenticator::new(auth).context("loading verification keys")?,
        Default::default(),
        &config.state,
    )
    .await?;
    guard
        .authenticator()
        .prepare()
        .await
        .context("checking the identity provider named in [auth]")?;
    let upstream = upstream::Upstream::new(&config.upstream)?;
    let rules = if config.methods.is_empty() {
        rule::MethodRules::default()
    } else {
        let pool = descriptors(&config).await?;
        rule::MethodRules::compile(&config.methods, &pool, config.guard.on_deny)?
    };
    let identity = identity::UpstreamIdentity::new(&config);
    if identity.forwards_client_token() {
        tracing::warn!(
            "forward_client_token = true: the client's bearer token is passed to the upstream (token passthrough, which the MCP authorization spec forbids); prefer [upstream_identity]"
        );
    } else if !identity.is_signed() {
        tracing::warn!(
            "the x-streamguard-* identity headers are not signed: set [upstream_identity] signing_key_env so the upstream can verify them"
        );
    }
    let metrics = Arc::new(GatewayMetrics::new(rules.names()));
    let proxy = Proxy::new(
        upstream,
        rules,
        identity,
        metrics.clone(),
        config.max_message_size,
    );

    let tls = ServerTls::load(config.tls.as_ref())?;
    let mut edge_config = config.server.clone();
    edge_config.public.path_prefixes = guard.config().public_path_prefixes.clone();
    let edge = listeners::grpc_edge(edge_config, &tls, config.oauth.as_ref())
        .context("in the [server] settings")?;
    let edge_metrics = edge.metrics().clone();

    let grpc = TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("listen: cannot listen for gRPC on {}", config.listen))?;
    let grpc_addr = grpc.local_addr()?;
    let admin = TcpListener::bind(config.admin_listen)
        .await
        .with_context(|| {
            format!(
                "admin_listen: cannot listen for the admin API on {}",
                config.admin_listen
            )
        })?;
    let admin_addr = admin.local_addr()?;
    let drain = CancellationToken::new();
    let stop = CancellationToken::new();

    let service = tower::ServiceBuilder::new()
        .map_request(|r: http::Request<hyper::body::Incoming>| r.map(tonic::body::Body::new))
        .layer(StreamGuardLayer::new(guard.clone()))
        .service(proxy);
    let grpc_task = tokio::spawn(edge.serve(grpc, service, drain.clone().cancelled_owned()));

    let render = metrics.clone();
    let edge_text = edge_metrics.clone();
    let app = streamguard_server::admin::router_with_metrics(
        guard.clone(),
        admin_token.clone(),
        Some(Arc::new(move |out: &mut String| {
            render.render(out);
            out.push_str(&edge_text.render());
        })),
    );
    let tasks = vec![listeners::serve_admin(admin, app, &tls, stop.clone())?];
    tls.watch(&stop);
    tracing::info!(%grpc_addr, %admin_addr, tls = tls.is_enabled(), upstream = %config.upstream.url, "streamguard gateway listening");
    Ok(RunningGateway {
        grpc_addr,
        admin_addr,
        admin_token,
        dev_secret: dev_secret.unwrap_or_default(),
        guard,
        metrics,
        edge_metrics,
        tls,
        drain,
        stop,
        grpc_task: Some(grpc_task),
        tasks,
    })
}

/// The message types of the configured methods: from the upstream's reflection, a protoset or
/// `.proto` files.
async fn descriptors(config: &GatewayConfig) -> anyhow::Result<DescriptorPool> {
    let d = &config.descriptors;
    if d.source != DescriptorSource::Reflection || d.encoded.is_some() {
        return Ok(load_offline("descriptors", d)?);
    }
    let u = &config.upstream;
    let mut endpoint = tonic::transport::Endpoint::from_shared(u.url.clone())
        .with_context(|| format!("upstream = {:?} is not a URL", u.url))?
        .connect_timeout(u.connect_timeout);
    if u.url.starts_with("https://") {
        let mut tls = tonic::transport::ClientTlsConfig::new();
        tls = match &u.ca_file {
            Some(path) => tls.ca_certificate(tonic::transport::Certificate::from_pem(
                std::fs::read(path)
                    .with_context(|| format!("upstream_ca_file: cannot read {}", path.display()))?,
            )),
            None => tls.with_native_roots(),
        };
        if let Some(name) = &u.server_name {
            tls = tls.domain_name(name.clone());
        }
        endpoint = endpoint.tls_config(tls).context("upstream TLS")?;
    }
    let channel = endpoint.connect().await.with_context(|| {
        format!(
            "cannot reach the upstream {} for server reflection; start it first, or set [descriptors] source = \"protoset\" or \"proto\"",
            u.url
        )
    })?;
    let services: Vec<String> = config
        .methods
        .iter()
        .filter_map(|m| split_method(&m.method).map(|(s, _)| s.to_string()))
        .collect();
    Ok(load("descriptors", d, &channel, &services).await?)
}
