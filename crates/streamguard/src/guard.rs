//! The shared state every stream's session hangs off: verifier, revocations, limiter, metrics.

use std::sync::Arc;

use tokio_util::sync::CancellationToken;

use crate::auth::Authenticator;
use crate::authz::Policy;
use crate::challenge::Challenge;
use crate::config::GuardConfig;
use crate::limiter::IdentityLimiter;
use crate::message_limits::IdentityBuffers;
use crate::metrics::Metrics;
use crate::revocation::{InMemoryRevocations, RetentionPolicy, RevocationFeed};
use crate::termination::{Reason, Termination};
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
    /// Cancelled when the guard can no longer enforce its limits (see [`Guard::fail_closed`]).
    pub failed: CancellationToken,
    pub buffers: Arc<IdentityBuffers>,
    /// The `www-authenticate` challenges of this server's refusals.
    pub challenge: Challenge,
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
        let retention = RetentionPolicy {
            max_token_lifetime: auth.config().max_token_lifetime,
            leeway: auth.config().leeway,
            sub_retention: config.sub_revocation_retention,
        };
        let challenge = Challenge::new(config.protected_resource.as_ref());
        Guard(Arc::new(GuardInner {
            challenge,
            config,
            auth,
            policy,
            revocations: RevocationFeed::new(Box::new(InMemoryRevocations::default()), retention),
            limiter,
            metrics: Arc::default(),
            watchdog: Watchdog::default(),
            failed: CancellationToken::new(),
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

    /// The `www-authenticate` challenges the guard adds to refusals of a token.
    pub fn challenge(&self) -> &Challenge {
        &self.0.challenge
    }

    /// Fails closed: ends every live stream and refuses every new one with `UNAVAILABLE`
    /// (`enforcement_unavailable`), for good. Called when the guard can no longer enforce its
    /// limits (its timer task died); a server should then exit (see [`Self::enforcement_lost`]).
    pub fn fail_closed(&self, why: &str) {
        if self.0.failed.is_cancelled() {
            return;
        }
        tracing::error!(
            why,
            "streamguard cannot enforce its limits any more: failing closed"
        );
        self.0.failed.cancel();
        for session in self.0.revocations.live() {
            session.terminate(Termination::new(Reason::EnforcementUnavailable));
        }
    }

    /// Whether the guard has failed closed.
    pub fn enforcement_failed(&self) -> bool {
        self.0.failed.is_cancelled()
    }

    /// Resolves when the guard fails closed: a server should stop and exit non-zero.
    pub async fn enforcement_lost(&self) {
        self.0.failed.cancelled().await
    }
}
