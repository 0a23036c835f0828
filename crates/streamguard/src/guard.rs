//! The shared state every stream's session hangs off: verifier, revocations, limiter, metrics.

use std::sync::{Arc, Weak};

use tokio_util::sync::CancellationToken;

use crate::auth::Authenticator;
use crate::authz::Policy;
use crate::challenge::Challenge;
use crate::config::GuardConfig;
use crate::limiter::IdentityLimits;
use crate::message_limits::IdentityBuffers;
use crate::metrics::Metrics;
use crate::recheck::Rechecks;
use crate::revocation::{RetentionPolicy, RevocationFeed};
use crate::state::{OnStateUnavailable, StateBackend, StateHealth, StateStatus};
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
    pub limiter: Arc<dyn IdentityLimits>,
    pub state: StateHealth,
    pub metrics: Arc<Metrics>,
    pub watchdog: Watchdog,
    /// Cancelled when the guard can no longer enforce its limits (see [`Guard::fail_closed`]).
    pub failed: CancellationToken,
    pub buffers: Arc<IdentityBuffers>,
    /// Live streams of introspected tokens, re-checked at the issuer.
    pub rechecks: Rechecks,
    /// The `www-authenticate` challenges of this server's refusals.
    pub challenge: Challenge,
}

impl Guard {
    /// A guard with the default MCP tool policy ([`Policy::default`]).
    pub fn new(config: GuardConfig, auth: Authenticator) -> Self {
        Self::with_policy(config, auth, Policy::default())
    }

    /// A guard with revocations and limits kept in this process.
    pub fn with_policy(config: GuardConfig, auth: Authenticator, policy: Policy) -> Self {
        let state = StateBackend::in_memory(
            config.messages_per_minute,
            config.burst,
            config.max_streams_per_identity,
        );
        Self::with_state(config, auth, policy, state)
    }

    /// A guard keeping its revocations and limits in `state` (e.g. shared through Redis). A
    /// shared backend reports its availability with [`Self::state_lost`] and
    /// [`Self::state_restored`].
    pub fn with_state(
        config: GuardConfig,
        mut auth: Authenticator,
        policy: Policy,
        state: StateBackend,
    ) -> Self {
        if let Some(claim) = &config.identity_claim {
            auth.keep_claim(claim);
        }
        let retention = RetentionPolicy {
            max_token_lifetime: auth.config().max_token_lifetime,
            leeway: auth.config().leeway,
            sub_retention: config.sub_revocation_retention,
        };
        let rechecks = Rechecks::new(
            auth.recheck_interval()
                .unwrap_or(crate::auth::introspection::DEFAULT_RECHECK),
        );
        let challenge = Challenge::new(config.protected_resource.as_ref());
        Guard(Arc::new(GuardInner {
            rechecks,
            challenge,
            config,
            auth,
            policy,
            revocations: RevocationFeed::new(state.revocations, retention),
            limiter: state.limits,
            state: StateHealth::new(state.name),
            metrics: Arc::new(Metrics::new(state.name)),
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

    /// Where identity limits are counted.
    pub fn limiter(&self) -> &Arc<dyn IdentityLimits> {
        &self.0.limiter
    }

    /// A handle that does not keep the guard alive (for a shared backend's background tasks).
    pub fn downgrade(&self) -> WeakGuard {
        WeakGuard(Arc::downgrade(&self.0))
    }

    /// Called by a shared backend when its store cannot be reached: logged and counted once per
    /// outage; under `on_state_unavailable = "closed"` new streams are refused from now on, and
    /// live streams end once the outage has lasted `state_outage_grace`.
    pub fn state_lost(&self, why: &str) {
        let Some(outage) = self.0.state.lose() else {
            return;
        };
        let cfg = &self.0.config;
        self.0.metrics.state_changed(false);
        tracing::warn!(
            backend = self.0.state.backend,
            why,
            policy = cfg.on_state_unavailable.as_str(),
            grace_ms = cfg.state_outage_grace.as_millis() as u64,
            "shared state unavailable"
        );
        if cfg.on_state_unavailable != OnStateUnavailable::Closed {
            return;
        }
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let weak = self.downgrade();
        let grace = cfg.state_outage_grace;
        runtime.spawn(async move {
            tokio::time::sleep(grace).await;
            let Some(guard) = weak.upgrade() else { return };
            if !guard.0.state.in_outage(outage) {
                return;
            }
            let live = guard.0.revocations.live();
            tracing::warn!(
                streams = live.len(),
                "shared state still unavailable after the grace: ending live streams"
            );
            for session in live {
                session.terminate(Termination::new(Reason::StateUnavailable));
            }
        });
    }

    /// Called by a shared backend once its store answers again and this instance has caught
    /// up with it: logged and counted once per recovery.
    pub fn state_restored(&self) {
        if let Some(lasted) = self.0.state.restore() {
            self.0.metrics.state_changed(true);
            tracing::info!(
                backend = self.0.state.backend,
                outage_ms = lasted.as_millis() as u64,
                "shared state available again"
            );
        }
    }

    /// Whether the state backend can be reached (always, for the in-memory one).
    pub fn state_available(&self) -> bool {
        self.0.state.available()
    }

    /// The state backend's name, condition and outage policy (for `/healthz`).
    pub fn state_status(&self) -> StateStatus {
        StateStatus {
            backend: self.0.state.backend,
            available: self.0.state.available(),
            for_: self.0.state.since(),
            policy: self.0.config.on_state_unavailable,
            grace: self.0.config.state_outage_grace,
        }
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

/// A [`Guard`] that does not keep it alive.
#[derive(Clone, Debug)]
pub struct WeakGuard(Weak<GuardInner>);

impl WeakGuard {
    /// The guard, while anything else still holds it.
    pub fn upgrade(&self) -> Option<Guard> {
        self.0.upgrade().map(Guard)
    }
}
