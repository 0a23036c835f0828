//! A raw TLS client (rustls, `ring`) for checking a TLS server the way only a handshake can: the
//! certificate it serves now, the protocol ALPN chose, whether it wants a client certificate,
//! and plain HTTP/2 `GET`s over TLS.

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http::{Request, Response};
use http_body_util::{BodyExt, Empty, Limited};
use hyper_util::rt::{TokioExecutor, TokioIo};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

/// Connect, handshake and a whole exchange must each finish within this.
const TIMEOUT: Duration = Duration::from_secs(10);
/// Response bodies larger than this are refused.
const MAX_BODY_BYTES: usize = 1 << 20;

/// A TLS client trusting one CA, verifying the server's name, optionally with a client
/// certificate and a list of ALPN protocols.
#[derive(Clone)]
pub struct TlsClient {
    config: rustls::ClientConfig,
    server_name: ServerName<'static>,
}

impl TlsClient {
    /// A client trusting only `ca`, expecting the name `localhost`, offering ALPN `h2`.
    ///
    /// # Panics
    /// If `ca` is not a usable trust anchor.
    pub fn trusting(ca: &CertificateDer<'static>) -> Self {
        Self::build(ca, None)
    }

    /// Like [`Self::trusting`], presenting the client certificate and key in these PEM files.
    ///
    /// # Panics
    /// If the files cannot be read or do not hold a certificate and a matching key.
    pub fn with_client_cert(
        ca: &CertificateDer<'static>,
        cert_pem: &std::path::Path,
        key_pem: &std::path::Path,
    ) -> Self {
        let certs = CertificateDer::pem_file_iter(cert_pem)
            .and_then(|i| i.collect::<Result<Vec<_>, _>>())
            .unwrap_or_else(|e| panic!("client certificate {}: {e}", cert_pem.display()));
        let key = PrivateKeyDer::from_pem_file(key_pem)
            .unwrap_or_else(|e| panic!("client key {}: {e}", key_pem.display()));
        Self::build(ca, Some((certs, key)))
    }

    fn build(
        ca: &CertificateDer<'static>,
        identity: Option<(Vec<CertificateDer<'static>>, PrivateKeyDer<'static>)>,
    ) -> Self {
        let mut roots = rustls::RootCertStore::empty();
        roots
            .add(ca.clone())
            .unwrap_or_else(|e| panic!("the test CA is not a usable trust anchor: {e}"));
        let builder = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap_or_else(|e| panic!("rustls (ring) has no default protocol versions: {e}"))
        .with_root_certificates(roots);
        let mut config = match identity {
            Some((certs, key)) => builder
                .with_client_auth_cert(certs, key)
                .unwrap_or_else(|e| panic!("unusable client certificate: {e}")),
            None => builder.with_no_client_auth(),
        };
        config.alpn_protocols = vec![b"h2".to_vec()];
        TlsClient {
            config,
            server_name: ServerName::try_from("localhost").unwrap_or_else(|e| panic!("{e}")),
        }
    }

    /// Offers these ALPN protocols instead (e.g. `[b"http/1.1"]`).
    pub fn with_alpn(mut self, protocols: &[&[u8]]) -> Self {
        self.config.alpn_protocols = protocols.iter().map(|p| p.to_vec()).collect();
        self
    }

    /// Connects and completes a handshake with `addr`.
    pub async fn connect(&self, addr: SocketAddr) -> io::Result<TlsStream<TcpStream>> {
        let connect = async {
            let tcp = TcpStream::connect(addr).await?;
            TlsConnector::from(Arc::new(self.config.clone()))
                .connect(self.server_name.clone(), tcp)
                .await
        };
        tokio::time::timeout(TIMEOUT, connect)
            .await
            .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "TLS handshake timed out"))?
    }

    /// The leaf certificate `addr` serves to a new connection now.
    pub async fn served_certificate(
        &self,
        addr: SocketAddr,
    ) -> io::Result<CertificateDer<'static>> {
        let tls = self.connect(addr).await?;
        tls.get_ref()
            .1
            .peer_certificates()
            .and_then(|c| c.first())
            .map(|c| c.clone().into_owned())
            .ok_or_else(|| io::Error::other("the server presented no certificate"))
    }

    /// `GET path` over HTTP/2 on a new TLS connection (ALPN must choose `h2`); the response
    /// with its body read whole.
    pub async fn h2_get(&self, addr: SocketAddr, path: &str) -> io::Result<Response<Bytes>> {
        let exchange = async {
            let tls = self.connect(addr).await?;
            if tls.get_ref().1.alpn_protocol() != Some(b"h2") {
                return Err(io::Error::other("the server did not choose h2 in ALPN"));
            }
            let (mut send, conn) =
                hyper::client::conn::http2::handshake(TokioExecutor::new(), TokioIo::new(tls))
                    .await
                    .map_err(io::Error::other)?;
            tokio::spawn(conn);
            let request = Request::get(format!("https://localhost{path}"))
                .body(Empty::<Bytes>::new())
                .map_err(io::Error::other)?;
            let response = send.send_request(request).await.map_err(io::Error::other)?;
            let (parts, body) = response.into_parts();
            let body = Limited::new(body, MAX_BODY_BYTES)
                .collect()
                .await
                .map_err(io::Error::other)?
                .to_bytes();
            Ok(Response::from_parts(parts, body))
        };
        tokio::time::timeout(TIMEOUT, exchange)
            .await
            .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "h2 GET timed out"))?
    }
}

impl std::fmt::Debug for TlsClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TlsClient")
            .field("alpn", &self.config.alpn_protocols)
            .finish_non_exhaustive()
    }
}
