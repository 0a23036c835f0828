//! The HTTP/2 client to the protected server: one multiplexed connection, h2c or TLS
//! (rustls + ring, a CA file or the system roots, a configurable server name), reconnected on
//! demand, with HTTP/2 PINGs so a silent upstream fails its streams instead of hanging them.

use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, bail};
use http::uri::{Authority, Scheme};
use http::{Request, Response, Uri};
use hyper::body::Incoming;
use hyper::client::conn::http2::{Builder, SendRequest};
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use rustls_pki_types::{CertificateDer, ServerName, pem::PemObject};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;

use crate::config::UpstreamConfig;
use crate::inbound::InboundFilter;

/// HTTP/2 flow-control windows on both sides of the gateway. Large enough that many streams
/// opening at once (each with a small first message waiting for its upstream stream) stay
/// within h2's budget for buffered small DATA frames (half the connection window).
pub const STREAM_WINDOW: u32 = 1024 * 1024;
pub const CONNECTION_WINDOW: u32 = 16 * 1024 * 1024;

/// Where the upstream is and how to reach it.
#[derive(Clone)]
pub struct Target {
    pub url: String,
    pub scheme: Scheme,
    pub authority: Authority,
    host: String,
    port: u16,
    tls: Option<(TlsConnector, ServerName<'static>)>,
}

impl std::fmt::Debug for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.url)
    }
}

impl Target {
    /// Parses and checks `upstream` (and its TLS keys); errors name the key.
    pub fn parse(config: &UpstreamConfig) -> anyhow::Result<Target> {
        let uri: Uri = config.url.parse().with_context(|| {
            format!(
                "upstream = {:?} is not a URL; write e.g. \"http://127.0.0.1:50051\"",
                config.url
            )
        })?;
        let tls = match uri.scheme_str() {
            Some("http") => false,
            Some("https") => true,
            _ => bail!(
                "upstream = {:?}: use http://HOST:PORT (HTTP/2 without TLS) or https://HOST:PORT",
                config.url
            ),
        };
        let authority = uri
            .authority()
            .cloned()
            .with_context(|| format!("upstream = {:?} has no host", config.url))?;
        let host = authority
            .host()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string();
        let port = authority.port_u16().unwrap_or(if tls { 443 } else { 80 });
        if !tls && (config.ca_file.is_some() || config.server_name.is_some()) {
            bail!(
                "upstream_ca_file and upstream_server_name apply to an https:// upstream; upstream is {:?}",
                config.url
            );
        }
        let tls = if tls {
            let name = config.server_name.clone().unwrap_or_else(|| host.clone());
            let server_name = ServerName::try_from(name.clone()).with_context(|| {
                format!("upstream_server_name = {name:?} is not a DNS name or IP address")
            })?;
            Some((
                TlsConnector::from(Arc::new(tls_config(config)?)),
                server_name,
            ))
        } else {
            None
        };
        Ok(Target {
            url: config.url.clone(),
            scheme: if tls.is_some() {
                Scheme::HTTPS
            } else {
                Scheme::HTTP
            },
            authority,
            host,
            port,
            tls,
        })
    }
}

fn tls_config(config: &UpstreamConfig) -> anyhow::Result<rustls::ClientConfig> {
    let mut roots = rustls::RootCertStore::empty();
    match &config.ca_file {
        Some(path) => {
            let certs: Vec<CertificateDer> = CertificateDer::pem_file_iter(path)
                .with_context(|| format!("upstream_ca_file: cannot read {}", path.display()))?
                .collect::<Result<_, _>>()
                .with_context(|| {
                    format!(
                        "upstream_ca_file: {} is not PEM certificates",
                        path.display()
                    )
                })?;
            if certs.is_empty() {
                bail!("upstream_ca_file: {} holds no certificate", path.display());
            }
            for c in certs {
                roots.add(c).with_context(|| {
                    format!(
                        "upstream_ca_file: a certificate in {} is invalid",
                        path.display()
                    )
                })?;
            }
        }
        None => {
            for c in rustls_native_certs::load_native_certs().certs {
                let _ = roots.add(c);
            }
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .context("TLS versions")?
        .with_root_certificates(roots)
        .with_no_client_auth();
    tls.alpn_protocols = vec![b"h2".to_vec()];
    Ok(tls)
}

/// Why a call could not be sent to the upstream.
#[derive(Debug, thiserror::Error)]
pub enum UpstreamError {
    #[error("cannot connect: {0}")]
    Connect(String),
    #[error("no connection within {0:?}")]
    ConnectTimeout(Duration),
    #[error("{0}")]
    Http(#[from] hyper::Error),
}

/// The pooled connection to the upstream: every stream shares one HTTP/2 connection until it
/// closes; the next stream then opens a new one.
pub struct Upstream {
    target: Target,
    config: UpstreamConfig,
    conn: parking_lot::Mutex<Option<SendRequest<InboundFilter>>>,
    /// One connect at a time; the others wait for it and share its connection.
    connecting: tokio::sync::Mutex<()>,
}

impl std::fmt::Debug for Upstream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upstream")
            .field("url", &self.target.url)
            .finish()
    }
}

impl Upstream {
    pub fn new(config: &UpstreamConfig) -> anyhow::Result<Upstream> {
        Ok(Upstream {
            target: Target::parse(config)?,
            config: config.clone(),
            conn: parking_lot::Mutex::new(None),
            connecting: tokio::sync::Mutex::new(()),
        })
    }

    pub fn target(&self) -> &Target {
        &self.target
    }

    /// Sends one call; resolves with the upstream's response headers.
    pub async fn send(
        &self,
        request: Request<InboundFilter>,
    ) -> Result<Response<Incoming>, UpstreamError> {
        let mut sender = self.sender().await?;
        sender.ready().await?;
        Ok(sender.send_request(request).await?)
    }

    async fn sender(&self) -> Result<SendRequest<InboundFilter>, UpstreamError> {
        if let Some(s) = self.live() {
            return Ok(s);
        }
        let _one = self.connecting.lock().await;
        if let Some(s) = self.live() {
            return Ok(s);
        }
        let timeout = self.config.connect_timeout;
        let sender = tokio::time::timeout(timeout, self.connect())
            .await
            .map_err(|_| UpstreamError::ConnectTimeout(timeout))??;
        *self.conn.lock() = Some(sender.clone());
        Ok(sender)
    }

    fn live(&self) -> Option<SendRequest<InboundFilter>> {
        let guard = self.conn.lock();
        guard.as_ref().filter(|s| !s.is_closed()).cloned()
    }

    async fn connect(&self) -> Result<SendRequest<InboundFilter>, UpstreamError> {
        let t = &self.target;
        let tcp = TcpStream::connect((t.host.as_str(), t.port))
            .await
            .map_err(|e| UpstreamError::Connect(e.to_string()))?;
        let _ = tcp.set_nodelay(true);
        let mut builder = Builder::new(TokioExecutor::new());
        builder
            .timer(TokioTimer::new())
            .initial_stream_window_size(STREAM_WINDOW)
            .initial_connection_window_size(CONNECTION_WINDOW)
            .keep_alive_interval(self.config.keepalive)
            .keep_alive_timeout(self.config.keepalive)
            .keep_alive_while_idle(true);
        let url = t.url.clone();
        let sender = match &t.tls {
            None => {
                let (sender, conn) = builder.handshake(TokioIo::new(tcp)).await?;
                tokio::spawn(async move {
                    if let Err(e) = conn.await {
                        tracing::info!(upstream = %url, error = %e, "upstream connection closed");
                    }
                });
                sender
            }
            Some((connector, name)) => {
                let tls = connector
                    .connect(name.clone(), tcp)
                    .await
                    .map_err(|e| UpstreamError::Connect(format!("TLS: {e}")))?;
                let (sender, conn) = builder.handshake(TokioIo::new(tls)).await?;
                tokio::spawn(async move {
                    if let Err(e) = conn.await {
                        tracing::info!(upstream = %url, error = %e, "upstream connection closed");
                    }
                });
                sender
            }
        };
        tracing::debug!(upstream = %t.url, "connected to the upstream");
        Ok(sender)
    }
}
