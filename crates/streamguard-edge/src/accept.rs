//! Accepting connections: TCP_NODELAY on each, and back-off when `accept` itself fails.
//!
//! With the file-descriptor table full, `accept` fails at once (EMFILE/ENFILE) for as long as a
//! connection waits in the backlog. Retrying without a pause spins a core and starves the
//! connections being served — which are the only thing that can free a descriptor.

use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};

use crate::metrics::{EdgeMetrics, Event};

/// The first pause after a failed accept, doubled on each failure in a row up to [`MAX_PAUSE`].
const FIRST_PAUSE: Duration = Duration::from_millis(5);
const MAX_PAUSE: Duration = Duration::from_secs(1);

/// Pauses between failed accepts, growing while they keep failing.
#[derive(Debug)]
pub(crate) struct AcceptBackoff {
    next: Duration,
}

impl Default for AcceptBackoff {
    fn default() -> Self {
        AcceptBackoff { next: FIRST_PAUSE }
    }
}

impl AcceptBackoff {
    pub fn reset(&mut self) {
        self.next = FIRST_PAUSE;
    }

    /// The pause to take now; the next one is twice as long.
    pub fn pause(&mut self) -> Duration {
        let now = self.next;
        self.next = (self.next * 2).min(MAX_PAUSE);
        now
    }
}

/// Errors about one connection that died in the backlog, not about the listener: retry at once.
fn concerns_one_connection(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionRefused
            | io::ErrorKind::Interrupted
    )
}

/// The next connection, with TCP_NODELAY set (small gRPC frames must not wait for Nagle's
/// algorithm). Failed accepts are counted, logged at most once per pause, and waited out.
pub(crate) async fn next_connection(
    listener: &TcpListener,
    backoff: &mut AcceptBackoff,
    metrics: &EdgeMetrics,
) -> (TcpStream, SocketAddr) {
    loop {
        match listener.accept().await {
            Ok((tcp, peer)) => {
                backoff.reset();
                if let Err(e) = tcp.set_nodelay(true) {
                    tracing::debug!(%peer, error = %e, "cannot set TCP_NODELAY");
                }
                return (tcp, peer);
            }
            Err(e) if concerns_one_connection(&e) => continue,
            Err(e) => {
                metrics.count(Event::AcceptError);
                let pause = backoff.pause();
                tracing::warn!(error = %e, pause_ms = pause.as_millis() as u64, "accept failed; backing off");
                tokio::time::sleep(pause).await;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_a_second_and_resets() {
        let mut b = AcceptBackoff::default();
        let pauses: Vec<_> = (0..10).map(|_| b.pause().as_millis()).collect();
        assert_eq!(pauses, [5, 10, 20, 40, 80, 160, 320, 640, 1000, 1000]);
        b.reset();
        assert_eq!(b.pause(), FIRST_PAUSE);
    }
}
