//! The shared state every stream's session hangs off: verifier, revocations, limiter, metrics.

use std::sync::Arc;

use crate::auth::Authenticator;
use crate::authz::Policy;
use crate::config::GuardConfig;
use crate::limiter::IdentityLimiter;
use crate::message_limits::IdentityBuffers;
use crate::metrics::Metrics;
use crate::revocation::RevocationFeed;
use crate::watchdog::Watchdog;

/// One per server: cheap to clone, shared by the layer, the handlers and the admin API.
#[derive(Clone, Debug)]
pub struct Guard(pub(crate) Arc<GuardInner>);

#[derive(Debug)]
pub(crate) struct GuardInner {
    pub config: GuardConfig,
    pub auth: Authenticator,
    pub policy: Policy,
    pub revocations: RevocationFeed,
    pub limiter: Arc<IdentityLimiter>,
    pub metrics: Arc<Metrics>,
    pub watchdog: Watchdog,
    pub buffers: Arc<IdentityBuffers>,
}

impl Guard {
    /// A guard with the default MCP tool policy ([`Policy::default`]).
    pub fn new(config: GuardConfig, auth: Authenticator) -> Self {
        Self::with_policy(config, auth, Policy::default())
    }

    pub fn with_policy(config: GuardConfig, mut auth: Authenticator, policy: Policy) -> Self {
        if let Some(claim) = &config.identity_claim {
            auth.keep_claim(claim);
        }
        let limiter = Arc::new(IdentityLimiter::new(
            config.messages_per_minute,
            config.burst,
            config.max_streams_per_identity,
        ));
        Guard(Arc::new(GuardInner {
            config,
            auth,
            policy,
            revocations: RevocationFeed::default(),
            limiter,
            metrics: Arc::default(),
            watchdog: Watchdog::default(),
            buffers: Arc::default(),
        }))
    }

    pub fn config(&self) -> &GuardConfig {
        &self.0.config
    }

    pub fn authenticator(&self) -> &Authenticator {
        &self.0.auth
    }

    pub fn policy(&self) -> &Policy {
        &self.0.policy
    }

    /// Revocations: revoke a `jti` or `sub` and every matching live stream ends at once.
    pub fn revocations(&self) -> &RevocationFeed {
        &self.0.revocations
    }

    pub fn limiter(&self) -> &Arc<IdentityLimiter> {
        &self.0.limiter
    }

    pub fn metrics(&self) -> &Metrics {
        &self.0.metrics
    }
}
