//! The two listeners of `serve` and `gateway`, built the same way for both:
//!
//! - **gRPC**: the network edge ([`streamguard_edge`]), over TLS when `[tls]` is set, with the
//!   protected-resource metadata document (`[oauth]`) answering plain `GET`s and `415` for any
//!   other request that is not gRPC;
//! - **admin API**: the same edge limits and TLS, every request going to the admin router.
//!
//! TLS files are watched for changes (and reloaded on [`ServerTls::reload`], e.g. on SIGHUP):
//! new handshakes get the new certificate, connections already up keep theirs.

use std::time::Duration;

use anyhow::Context;
use streamguard::protected_resource::{MetadataRoute, ProtectedResource};
use streamguard_edge::{
    Edge, EdgeConfig, InvalidConfig, MaybeTls, TlsFiles, TlsTransport, UnsupportedMediaType,
};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

/// How often the TLS files are checked for a change, unless `[tls] watch_interval` says.
pub const DEFAULT_TLS_WATCH_INTERVAL: Duration = Duration::from_secs(1);

/// The admin API is short requests: live ones get this long to finish at shutdown.
const ADMIN_DRAIN_PERIOD: Duration = Duration::from_secs(2);

/// `[tls]`: the certificate files, and how often they are checked for a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsConfig {
    pub files: TlsFiles,
    /// `None`: re-read only on [`ServerTls::reload`] (SIGHUP).
    pub watch_interval: Option<Duration>,
}

impl TlsConfig {
    /// `files`, checked for a change every second.
    pub fn new(files: TlsFiles) -> Self {
        TlsConfig {
            files,
            watch_interval: Some(DEFAULT_TLS_WATCH_INTERVAL),
        }
    }
}

/// The TLS of a server's listeners, if configured; clones share the certificate in force.
#[derive(Debug, Clone, Default)]
pub struct ServerTls {
    transport: Option<TlsTransport>,
    watch_interval: Option<Duration>,
}

impl ServerTls {
    /// Reads the files; the error names the file and what is wrong with it.
    pub fn load(config: Option<&TlsConfig>) -> anyhow::Result<Self> {
        let Some(config) = config else {
            return Ok(ServerTls::default());
        };
        let tls = TlsTransport::load(config.files.clone()).context(
            "TLS: fix the file, or the [tls] section (--tls-cert, --tls-key, --tls-client-ca)",
        )?;
        Ok(ServerTls {
            transport: Some(tls),
            watch_interval: config.watch_interval,
        })
    }

    /// Reloads the files whenever they change (if watched), until `stop`.
    pub fn watch(&self, stop: &CancellationToken) {
        if let (Some(tls), Some(every)) = (&self.transport, self.watch_interval) {
            tokio::spawn(tls.clone().watch(every, stop.clone()));
        }
    }

    pub fn is_enabled(&self) -> bool {
        self.transport.is_some()
    }

    /// Re-reads the certificate, key and client CA now (logged; on error the certificate in
    /// force is kept). Returns whether TLS is configured at all.
    pub fn reload(&self, trigger: &str) -> bool {
        if let Some(tls) = &self.transport {
            tls.reload_and_log(trigger);
        }
        self.transport.is_some()
    }

    /// `https` or `http`, for the addresses a server prints.
    pub fn scheme(&self) -> &'static str {
        if self.is_enabled() { "https" } else { "http" }
    }

    fn transport(&self) -> MaybeTls {
        self.transport.clone().into()
    }
}

/// The edge of the gRPC listener: `config`'s limits, `tls`, and `resource`'s metadata document
/// in front of `415 Unsupported Media Type`.
pub fn grpc_edge(
    config: EdgeConfig,
    tls: &ServerTls,
    resource: Option<&ProtectedResource>,
) -> Result<Edge<MaybeTls, MetadataRoute<UnsupportedMediaType>>, InvalidConfig> {
    Ok(Edge::new(config)?
        .with_transport(tls.transport())
        .with_plain_http(MetadataRoute::new(resource, UnsupportedMediaType)))
}

/// Serves the admin `router` on `listener` (over `tls` when configured, with the edge's
/// default limits) until `stop`.
pub fn serve_admin(
    listener: TcpListener,
    router: axum::Router,
    tls: &ServerTls,
    stop: CancellationToken,
) -> anyhow::Result<JoinHandle<()>> {
    let config = EdgeConfig {
        drain_period: ADMIN_DRAIN_PERIOD,
        public: streamguard_edge::PublicLimits {
            path_prefixes: Vec::new(),
            ..Default::default()
        },
        ..EdgeConfig::default()
    };
    let edge = Edge::new(config)
        .context("admin listener settings")?
        .with_transport(tls.transport())
        .with_plain_http(router);
    // The admin API speaks no gRPC: such requests get 415, everything else goes to the router.
    Ok(tokio::spawn(edge.serve(
        listener,
        UnsupportedMediaType,
        stop.cancelled_owned(),
    )))
}
