//! Redis-backed state for streamguard, so several instances behind a load balancer act as one:
//!
//! | state | module | how |
//! |---|---|---|
//! | revocations | `revocations` | a key per `jti`/`sub` with the feed's retention as TTL, and a Redis Stream entry written in the same atomic step |
//! | pushing revocations to live streams | `replication` | every instance tails the stream (`XREAD BLOCK`) from the last entry it applied; replays or reloads after a disconnect |
//! | identity rate limit | `limiter` | GCRA in a Lua script, with a small local lease of the budget |
//! | streams per identity | `limiter` | slots leased with expiry, renewed by a heartbeat |
//! | every call bounded, availability | `link` | one timeout per call; the replication task decides when the store is back |
//! | key names | `keys` | everything under one prefix |
//!
//! It implements the library's state traits ([`streamguard::revocation::RevocationStore`],
//! [`streamguard::limiter::IdentityLimits`]), so the guard behaves as with its in-memory
//! defaults; what it does while Redis cannot be reached is the guard's
//! [`streamguard::OnStateUnavailable`].
//!
//! ```no_run
//! # async fn run(config: streamguard::GuardConfig, auth: streamguard::auth::Authenticator) -> Result<(), Box<dyn std::error::Error>> {
//! use streamguard::{Guard, authz::Policy};
//! use streamguard_redis::{RedisConfig, RedisState};
//!
//! let redis = RedisState::new(RedisConfig::new("redis://127.0.0.1:6379/0"), &config)?;
//! let guard = Guard::with_state(config, auth, Policy::default(), redis.backend());
//! redis.attach(&guard).await; // loads the live revocations: before accepting streams
//! # Ok(()) }
//! ```

mod keys;
mod limiter;
mod link;
mod replication;
mod revocations;
mod scripts;

pub use limiter::LEASE_TTL;
pub use revocations::OUTBOX_CAP;

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Duration;

use parking_lot::Mutex;
use streamguard::revocation::InMemoryRevocations;
use streamguard::{Guard, GuardConfig, StateBackend};
use tokio_util::sync::CancellationToken;

use crate::keys::Keys;
use crate::limiter::{LimitSettings, RedisLimiter};
use crate::link::Link;
use crate::replication::Replication;
use crate::revocations::{RedisRevocations, Revocations};

/// Where the state lives and how it is shared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedisConfig {
    /// `redis://[user:password@]host:port/db`.
    pub url: String,
    /// The bound on every call to Redis.
    pub timeout: Duration,
    /// Prefixes every key (several deployments can share one server).
    pub key_prefix: String,
    /// Messages of an identity's budget an instance takes at once (0: ask for every message).
    pub rate_lease: u32,
    /// How long a stream slot is held without a heartbeat: the slots of a crashed instance
    /// free within it.
    pub stream_lease: Duration,
}

/// Defaults of [`RedisConfig`].
pub const DEFAULT_TIMEOUT: Duration = Duration::from_millis(250);
pub const DEFAULT_KEY_PREFIX: &str = "streamguard:";
pub const DEFAULT_RATE_LEASE: u32 = 10;
pub const DEFAULT_STREAM_LEASE: Duration = Duration::from_secs(15);

impl RedisConfig {
    pub fn new(url: impl Into<String>) -> Self {
        RedisConfig {
            url: url.into(),
            timeout: DEFAULT_TIMEOUT,
            key_prefix: DEFAULT_KEY_PREFIX.into(),
            rate_lease: DEFAULT_RATE_LEASE,
            stream_lease: DEFAULT_STREAM_LEASE,
        }
    }
}

/// A setting out of range, or a URL the client cannot use.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("state.redis = {url:?}: {detail}; write e.g. \"redis://127.0.0.1:6379/0\"")]
    Url { url: String, detail: String },
    #[error("state.{key}: {detail}")]
    OutOfRange { key: &'static str, detail: String },
}

impl RedisConfig {
    /// Refuses settings out of range, naming the key.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let range = |key, v: Duration, min: Duration, max: Duration| {
            if v < min || v > max {
                return Err(ConfigError::OutOfRange {
                    key,
                    detail: format!("{v:?} is out of range: between {min:?} and {max:?}"),
                });
            }
            Ok(())
        };
        range(
            "timeout",
            self.timeout,
            Duration::from_millis(10),
            Duration::from_secs(10),
        )?;
        range(
            "stream_lease",
            self.stream_lease,
            Duration::from_secs(1),
            Duration::from_secs(3600),
        )?;
        if self.rate_lease > 10_000 {
            return Err(ConfigError::OutOfRange {
                key: "rate_lease",
                detail: format!("{} is out of range: at most 10000", self.rate_lease),
            });
        }
        if !(self.url.starts_with("redis://") || self.url.starts_with("redis+unix://")) {
            return Err(ConfigError::Url {
                url: self.url.clone(),
                detail: "only redis:// (and redis+unix://) URLs are supported; for TLS, tunnel to the server".into(),
            });
        }
        Ok(())
    }
}

/// The Redis-backed state of one instance: build it, hand [`Self::backend`] to the guard, then
/// [`Self::attach`] it.
#[derive(Debug)]
pub struct RedisState {
    link: Arc<Link>,
    revocations: Arc<Revocations>,
    limiter: RedisLimiter,
    /// Stops the background tasks when the guard (which owns the store) is dropped.
    stop: CancellationToken,
}

impl RedisState {
    /// Checks the settings; nothing is sent to Redis until [`Self::attach`].
    pub fn new(config: RedisConfig, guard: &GuardConfig) -> Result<Self, ConfigError> {
        config.validate()?;
        let link =
            Arc::new(
                Link::new(&config.url, config.timeout).map_err(|e| ConfigError::Url {
                    url: config.url.clone(),
                    detail: e.to_string(),
                })?,
            );
        let keys = Arc::new(Keys::new(&config.key_prefix));
        let instance = uuid::Uuid::new_v4().simple().to_string();
        let revocations = Arc::new(Revocations {
            link: link.clone(),
            keys: keys.clone(),
            origin: instance.clone(),
            local: InMemoryRevocations::default(),
            outbox: Mutex::new(VecDeque::new()),
        });
        let limiter = RedisLimiter::new(
            link.clone(),
            keys,
            LimitSettings {
                messages_per_minute: guard.messages_per_minute,
                burst: guard.burst,
                max_streams: guard.max_streams_per_identity,
                rate_lease: config.rate_lease,
                stream_lease: config.stream_lease,
                on_unavailable: guard.on_state_unavailable,
            },
            &instance,
        );
        Ok(RedisState {
            link,
            revocations,
            limiter,
            stop: CancellationToken::new(),
        })
    }

    /// The stores to build the guard with ([`Guard::with_state`]).
    pub fn backend(&self) -> StateBackend {
        StateBackend {
            name: "redis",
            // The guard owns the store: dropping the guard stops the background tasks.
            revocations: Box::new(RedisRevocations {
                shared: self.revocations.clone(),
                _stop: self.stop.clone().drop_guard(),
            }),
            limits: Arc::new(self.limiter.clone()),
        }
    }

    /// Connects the state to `guard` and loads the live revocations (bounded by the timeout
    /// per call); then starts tailing the revocation stream and renewing stream slots. Call it
    /// before accepting streams. When Redis cannot be reached the guard is told
    /// ([`Guard::state_lost`]) and the loading goes on in the background.
    pub async fn attach(self, guard: &Guard) {
        self.link.attach(guard);
        let mut replication = Replication::new(self.revocations.clone());
        match replication.catch_up().await {
            Ok(()) => tracing::info!(
                url = %self.link.shown,
                revocations = self.revocations.local.len(),
                "shared state: redis"
            ),
            Err(e) => self.link.lost(&e),
        }
        self.limiter.start(&self.stop);
        tokio::spawn(replication.run(self.stop.clone()));
    }
}
