//! The connection to Redis: every call bounded by one timeout, errors counted, and the
//! store's availability reported to the guard.
//!
//! Calls share one multiplexed connection that reconnects by itself
//! ([`redis::aio::ConnectionManager`]). Only the replication task decides whether the store is
//! *available* (it is the one that must have caught up before the guard may trust the store
//! again); any other failed call is counted and answered by the caller's fallback.

use std::future::Future;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig, MultiplexedConnection};
use redis::{AsyncConnectionConfig, Client, RedisResult};
use streamguard::{Guard, WeakGuard};

/// A call that failed or did not answer in time.
#[derive(Debug, Clone, thiserror::Error)]
#[error("redis {what}: {detail}")]
pub struct CallFailed {
    pub what: &'static str,
    pub detail: String,
}

pub(crate) struct Link {
    client: Client,
    conn: ConnectionManager,
    timeout: Duration,
    up: AtomicBool,
    guard: OnceLock<WeakGuard>,
    /// The URL without its password, for messages.
    pub shown: String,
}

impl std::fmt::Debug for Link {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Link")
            .field("url", &self.shown)
            .field("timeout", &self.timeout)
            .field("up", &self.is_up())
            .finish_non_exhaustive()
    }
}

impl Link {
    /// Checks the URL and prepares the connection; nothing is sent until the first call.
    pub fn new(url: &str, timeout: Duration) -> RedisResult<Link> {
        let client = Client::open(url)?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(timeout))
            .set_response_timeout(Some(timeout))
            // Each call is bounded anyway; a reconnect is retried by the next call.
            .set_number_of_retries(1)
            .set_max_delay(Duration::from_millis(500));
        let conn = ConnectionManager::new_lazy_with_config(client.clone(), config)?;
        Ok(Link {
            client,
            conn,
            timeout,
            up: AtomicBool::new(true),
            guard: OnceLock::new(),
            shown: redact(url),
        })
    }

    pub fn attach(&self, guard: &Guard) {
        let _ = self.guard.set(guard.downgrade());
    }

    pub fn guard(&self) -> Option<Guard> {
        self.guard.get().and_then(WeakGuard::upgrade)
    }

    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// A handle on the shared connection for one call.
    pub fn conn(&self) -> ConnectionManager {
        self.conn.clone()
    }

    /// A connection of its own, for a blocking read (`XREAD BLOCK` holds its connection).
    pub async fn dedicated(&self) -> Result<MultiplexedConnection, CallFailed> {
        let config = AsyncConnectionConfig::new()
            .set_connection_timeout(Some(self.timeout))
            .set_response_timeout(None);
        self.call(
            "connect",
            self.client
                .get_multiplexed_async_connection_with_config(&config),
        )
        .await
    }

    /// Runs one call within the timeout; a failure is counted.
    pub async fn call<T>(
        &self,
        what: &'static str,
        call: impl Future<Output = RedisResult<T>>,
    ) -> Result<T, CallFailed> {
        self.call_within(what, self.timeout, call).await
    }

    /// [`Self::call`] with a bound of its own (a blocking read).
    pub async fn call_within<T>(
        &self,
        what: &'static str,
        bound: Duration,
        call: impl Future<Output = RedisResult<T>>,
    ) -> Result<T, CallFailed> {
        let failed = match tokio::time::timeout(bound, call).await {
            Ok(Ok(v)) => return Ok(v),
            Ok(Err(e)) => CallFailed {
                what,
                detail: e.to_string(),
            },
            Err(_) => CallFailed {
                what,
                detail: format!("no answer within {bound:?}"),
            },
        };
        if let Some(g) = self.guard() {
            g.metrics().state_error();
        }
        tracing::debug!(error = %failed, "redis call failed");
        Err(failed)
    }

    /// Whether the store is considered available (see the module docs).
    pub fn is_up(&self) -> bool {
        self.up.load(Relaxed)
    }

    /// The store cannot be reached: reported to the guard once per outage.
    pub fn lost(&self, why: &CallFailed) {
        if self.up.swap(false, Relaxed) {
            match self.guard() {
                Some(g) => g.state_lost(&format!("{} ({why})", self.shown)),
                None => tracing::warn!(url = %self.shown, error = %why, "redis unavailable"),
            }
        }
    }

    /// The store answers and this instance has caught up with it.
    pub fn restored(&self) {
        if !self.up.swap(true, Relaxed)
            && let Some(g) = self.guard()
        {
            g.state_restored();
        }
    }
}

/// The URL with any password replaced, for logs and errors.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.rsplit_once('@') {
        Some((_, host)) => format!("{scheme}://***@{host}"),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_never_reach_the_logs() {
        assert_eq!(
            redact("redis://user:s3cret@db:6379/0"),
            "redis://***@db:6379/0"
        );
        assert_eq!(redact("redis://db:6379"), "redis://db:6379");
    }
}
