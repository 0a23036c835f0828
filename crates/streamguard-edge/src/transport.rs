//! What runs between `accept` and HTTP: nothing for plain TCP, a TLS handshake for TLS.
//!
//! The edge runs [`Transport::establish`] inside the connection's handshake timeout, so a TLS
//! transport (rustls with ALPN `h2` and `http/1.1`) gets the same bound as the HTTP/2 preface.

use std::future::Future;
use std::io;
use std::net::SocketAddr;

use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;

/// Turns an accepted TCP connection into the byte stream HTTP is served over.
pub trait Transport: Clone + Send + Sync + 'static {
    type Io: AsyncRead + AsyncWrite + Unpin + Send + 'static;

    fn establish(
        &self,
        tcp: TcpStream,
        peer: SocketAddr,
    ) -> impl Future<Output = io::Result<Self::Io>> + Send;
}

/// Cleartext TCP (HTTP/2 with prior knowledge, or HTTP/1.1).
#[derive(Debug, Clone, Copy, Default)]
pub struct PlainTcp;

impl Transport for PlainTcp {
    type Io = TcpStream;

    async fn establish(&self, tcp: TcpStream, _peer: SocketAddr) -> io::Result<TcpStream> {
        Ok(tcp)
    }
}
