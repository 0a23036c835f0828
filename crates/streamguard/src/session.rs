//! The per-stream session: created when a stream opens, it carries the caller's claims and
//! deadline, owns the stream's cancellation tree, and keeps one timer (in the guard's shared queue) that ends the
//! stream at token expiry, deadline, maximum lifetime or idle timeout — whichever comes first.
//! Revocations reach it by push (see [`crate::revocation`]); a stream of an introspected opaque
//! token is also re-checked at the issuer (see `crate::recheck`).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use parking_lot::Mutex;
use tokio::task::JoinHandle;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;
use tonic::Status;

use crate::auth::Claims;
use crate::authz::{Action, Denial, Policy};
use crate::config::{Control, OnDeny};
use crate::deadline::Deadline;
use crate::guard::Guard;
use crate::limiter::{Admission, StreamAllowance};
use crate::state::OnStateUnavailable;
use crate::termination::{Reason, Termination};

/// The timeout a downstream call gets when the caller sent no deadline (or the deadline control
/// is off): the fixed value naive servers use everywhere.
pub const FALLBACK_DOWNSTREAM_TIMEOUT: Duration = Duration::from_secs(30);

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// A handle on one stream's session; cheap to clone. Handlers get it with [`StreamSession::of`].
#[derive(Clone, Debug)]
pub struct StreamSession(pub(crate) Arc<SessionCore>);

#[derive(Debug)]
pub struct SessionCore {
    id: u64,
    guard: Guard,
    claims: Claims,
    identity: Arc<str>,
    method: Box<str>,
    deadline: Option<Deadline>,
    opened: Instant,
    /// When the token stops being valid (`exp` + leeway), if expiry is enforced.
    expiry_at: Option<Instant>,
    /// When the stream has lived its maximum lifetime, if enforced.
    lifetime_at: Option<Instant>,
    idle_limit: Option<Duration>,
    /// Whether the guard's timer queue holds an entry for this session.
    timed: bool,
    /// Milliseconds since `opened` of the last message in either direction.
    last_activity_ms: AtomicU64,
    /// Fires when the stream is over, for whatever reason: guard termination, client gone,
    /// handler done. The response body and the request body watch it.
    ended: CancellationToken,
    /// The root of the stream's work: a child of `ended` when cancellation is enforced.
    work: CancellationToken,
    termination: OnceLock<Termination>,
    /// Per-stream rate state, used only when the identity rate limit is switched off.
    own_tat: Mutex<Option<Instant>>,
    messages_authorized: AtomicU64,
    /// The scope whose absence first denied a message, for the `www-authenticate` challenge.
    denied_scope: OnceLock<Box<str>>,
    /// Whether revocations end this stream (the revocation control is on).
    revocable: bool,
    /// Whether the stream opened (and so counts in the active-streams gauge).
    counted: AtomicBool,
    /// The stream's share of its identity's limits (and its stream slot), when the identity
    /// control is on.
    allowance: Option<Box<dyn StreamAllowance>>,
}

impl StreamSession {
    /// The session of the stream a tonic request belongs to (put there by the layer).
    pub fn of<T>(request: &tonic::Request<T>) -> Result<StreamSession, Status> {
        request
            .extensions()
            .get::<StreamSession>()
            .cloned()
            .ok_or_else(|| Status::internal("no stream session: is StreamGuardLayer installed?"))
    }

    /// Opens a session for a verified token; refuses revoked tokens and identities over their
    /// stream cap (and, failing closed, any stream while the shared state is unreachable).
    pub async fn open(
        guard: &Guard,
        claims: Claims,
        method: &str,
        deadline: Option<Deadline>,
    ) -> Result<StreamSession, Termination> {
        let cfg = guard.config();
        let identity: Arc<str> = match cfg
            .identity_claim
            .as_deref()
            .and_then(|c| claims.claim_str(c))
        {
            Some(extra) => Arc::from(format!("{extra}/{}", claims.sub)),
            None => Arc::from(claims.sub.as_str()),
        };
        let closed = cfg.on_state_unavailable == OnStateUnavailable::Closed;
        if closed && !guard.state_available() {
            return Err(Termination::new(Reason::StateUnavailable));
        }
        let allowance = if cfg.enforces(Control::IdentityRateLimit) {
            Some(guard.limiter().open_stream(&identity).await?)
        } else {
            None
        };
        let ended = CancellationToken::new();
        let work = if cfg.enforces(Control::Cancel) {
            ended.child_token()
        } else {
            CancellationToken::new()
        };
        let opened = Instant::now();
        let enforce_lifetime = cfg.enforces(Control::Lifetime);
        let expiry_at = cfg
            .enforces(Control::Expiry)
            .then(|| expiry_instant(claims.exp, guard.authenticator().config().leeway));
        let lifetime_at = (enforce_lifetime && !cfg.max_stream_lifetime.is_zero())
            .then(|| later_by(opened, cfg.max_stream_lifetime));
        let idle_limit =
            (enforce_lifetime && !cfg.idle_timeout.is_zero()).then_some(cfg.idle_timeout);
        let deadline = deadline.filter(|_| cfg.enforces(Control::Deadline));
        let timed = expiry_at.is_some()
            || lifetime_at.is_some()
            || idle_limit.is_some()
            || deadline.is_some();
        let core = Arc::new(SessionCore {
            id: NEXT_ID.fetch_add(1, Relaxed),
            guard: guard.clone(),
            identity,
            method: method.into(),
            deadline,
            opened,
            expiry_at,
            lifetime_at,
            idle_limit,
            timed,
            last_activity_ms: AtomicU64::new(0),
            ended,
            work,
            termination: OnceLock::new(),
            own_tat: Mutex::new(None),
            messages_authorized: AtomicU64::new(0),
            denied_scope: OnceLock::new(),
            revocable: cfg.enforces(Control::Revocation),
            counted: AtomicBool::new(false),
            allowance,
            claims,
        });
        // Registered before the checks: a revocation or a failure of the guard that lands
        // while this stream opens either finds it registered, or is seen by the checks below.
        guard.revocations().register(core.id, Arc::downgrade(&core));
        if core.revocable
            && let Some(mark) = &core.claims.introspected
        {
            guard
                .0
                .rechecks
                .register(guard, core.id, mark, Arc::downgrade(&core));
        }
        if core.revocable {
            let revoked = match guard.revocations().is_revoked(&core.claims).await {
                Ok(revoked) => revoked,
                Err(_) if closed => return Err(Termination::new(Reason::StateUnavailable)),
                // Failing open: what this instance knows.
                Err(_) => guard.revocations().is_revoked_locally(&core.claims),
            };
            if revoked {
                return Err(Termination::new(Reason::TokenRevoked));
            }
        }
        if guard.enforcement_failed() {
            return Err(Termination::new(Reason::EnforcementUnavailable));
        }
        if let Some(t) = core.termination.get() {
            return Err(t.clone());
        }
        core.counted.store(true, Relaxed);
        guard.metrics().stream_opened();
        core.arm();
        Ok(StreamSession(core))
    }

    pub fn claims(&self) -> &Claims {
        &self.0.claims
    }

    /// The rate-limit identity: `sub`, prefixed by the configured extra claim when present.
    pub fn identity(&self) -> &str {
        &self.0.identity
    }

    pub fn method(&self) -> &str {
        &self.0.method
    }

    /// The caller's deadline (absent when none was sent or the deadline control is off).
    pub fn deadline(&self) -> Option<Deadline> {
        self.0.deadline
    }

    /// The guard this session belongs to.
    pub fn guard(&self) -> &Guard {
        &self.0.guard
    }

    /// Why the guard ended the stream, once it has.
    pub fn termination(&self) -> Option<&Termination> {
        self.0.termination.get()
    }

    /// The status a stream that is over ends with: the termination's, or `CANCELLED` when the
    /// guard did not end it.
    pub fn end_status(&self) -> Status {
        self.termination()
            .map(Termination::to_status)
            .unwrap_or_else(|| Status::cancelled("stream_ended"))
    }

    /// Ends the stream with `termination` (the first termination wins).
    pub fn terminate(&self, termination: Termination) {
        self.0.terminate(termination);
    }

    /// The root token of the stream's work: cancelled when the stream ends (if the cancellation
    /// control is on). Hang downstream work off it, or use [`Self::spawn`] / [`Self::cancellable`].
    pub fn work_token(&self) -> &CancellationToken {
        &self.0.work
    }

    /// Resolves when the stream is over for any reason.
    pub async fn ended(&self) {
        self.0.ended.cancelled().await
    }

    /// Runs `work` until it finishes or the stream ends; `Err(CANCELLED)` in the second case,
    /// and the dropped future cancels whatever it was waiting on (a tonic call sends RST_STREAM).
    pub async fn cancellable<F: Future>(&self, work: F) -> Result<F::Output, Status> {
        let token = self.0.work.clone();
        tokio::select! {
            biased;
            _ = token.cancelled() => {
                self.0.guard.metrics().work_cancelled();
                Err(Status::cancelled("stream_ended"))
            }
            out = work => Ok(out),
        }
    }

    /// Spawns `work` as part of the stream: it is aborted when the stream ends.
    pub fn spawn<F>(&self, work: F) -> JoinHandle<Option<F::Output>>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        let token = self.0.work.clone();
        let guard = self.0.guard.clone();
        guard.metrics().task(1);
        tokio::spawn(async move {
            let _live = TaskGauge(guard.clone());
            tokio::select! {
                biased;
                _ = token.cancelled() => {
                    guard.metrics().work_cancelled();
                    None
                }
                out = work => Some(out),
            }
        })
    }

    /// A downstream request carrying what remains of the caller's deadline as `grpc-timeout`
    /// (or the fixed fallback when there is none); `DEADLINE_EXCEEDED` once it has passed.
    pub fn outbound<T>(&self, message: T) -> Result<tonic::Request<T>, Status> {
        let mut request = tonic::Request::new(message);
        match self.0.deadline {
            Some(d) => d.apply(&mut request)?,
            None => request.set_timeout(FALLBACK_DOWNSTREAM_TIMEOUT),
        }
        Ok(request)
    }

    /// Authorizes one incoming message. A denial is counted, and ends the stream when the
    /// policy says `on_deny = end`. With the per-message control off only the first message
    /// of a stream is checked, as naive servers do.
    pub fn authorize(&self, action: &Action<'_>) -> Result<(), Denial> {
        self.authorize_under(self.0.guard.policy(), action)
    }

    /// Like [`Self::authorize`], under a policy of the caller's instead of the guard's (the
    /// gateway keeps one per proxied method); counted, logged and ended the same way.
    pub fn authorize_under(&self, policy: &Policy, action: &Action<'_>) -> Result<(), Denial> {
        let n = self.0.messages_authorized.fetch_add(1, Relaxed);
        let cfg = self.0.guard.config();
        if n > 0 && !cfg.enforces(Control::PerMessage) {
            return Ok(());
        }
        let verdict = policy.check(&self.0.claims, action);
        if let Err(denial) = &verdict {
            self.0.guard.metrics().denied(denial.reason);
            tracing::info!(
                sub = %self.0.claims.sub, method = %self.0.method, reason = %denial.reason,
                subject = %denial.subject, "message denied"
            );
            if let Some(scope) = &denial.required_scope {
                let _ = self.0.denied_scope.set(scope.as_str().into());
            }
            if cfg.on_deny == OnDeny::End {
                self.terminate(Termination::new(denial.reason));
            }
        }
        verdict
    }

    /// Admits one incoming message under the rate limit (per identity, or per stream when the
    /// identity control is off). [`Admission::Pending`] when a shared store must be asked
    /// first; over the limit end the stream with [`Self::rate_limited`].
    pub fn admit_message(&self) -> Admission {
        self.0.touch();
        if let Some(allowance) = &self.0.allowance {
            return allowance.admit();
        }
        let Some(gcra) = self.0.guard.limiter().gcra() else {
            return Admission::Admitted;
        };
        let now = Instant::now();
        let mut tat = self.0.own_tat.lock();
        match gcra.admit(tat.get_or_insert(now), now) {
            Ok(()) => Admission::Admitted,
            Err(wait) => Admission::Refused(wait),
        }
    }

    /// Ends the stream with `RESOURCE_EXHAUSTED` / `rate_limit_exceeded`, retry after `wait`.
    pub fn rate_limited(&self, wait: Duration) -> Termination {
        let t = Termination::new(Reason::RateLimitExceeded).retry_after(wait);
        self.terminate(t.clone());
        t
    }

    /// Records traffic on the stream (resets the idle timer).
    pub fn touch(&self) {
        self.0.touch();
    }

    pub(crate) fn ended_token(&self) -> &CancellationToken {
        &self.0.ended
    }

    /// Adds the `www-authenticate` challenge a refusal in `headers` (trailers, or the headers
    /// of a trailers-only response) calls for, with the scope a denial found missing.
    pub(crate) fn challenge(&self, headers: &mut http::HeaderMap) {
        self.0
            .guard
            .challenge()
            .annotate(headers, self.0.denied_scope.get().map(|s| &**s));
    }
}

impl SessionCore {
    pub(crate) fn claims(&self) -> &Claims {
        &self.claims
    }

    pub(crate) fn revocable(&self) -> bool {
        self.revocable
    }

    pub(crate) fn is_terminated(&self) -> bool {
        self.termination.get().is_some()
    }

    pub(crate) fn terminate(&self, termination: Termination) {
        let reason = termination.reason;
        if self.termination.set(termination).is_ok() {
            self.guard.metrics().terminated(reason);
            tracing::info!(
                sub = %self.claims.sub, jti = ?self.claims.jti, method = %self.method,
                reason = %reason, code = ?reason.code(), lived_ms = self.opened.elapsed().as_millis() as u64,
                "stream terminated"
            );
            self.ended.cancel();
        }
    }

    fn touch(&self) {
        self.last_activity_ms
            .store(self.opened.elapsed().as_millis() as u64, Relaxed);
    }

    fn idle_at(&self) -> Option<Instant> {
        let last = later_by(
            self.opened,
            Duration::from_millis(self.last_activity_ms.load(Relaxed)),
        );
        self.idle_limit.map(|limit| later_by(last, limit))
    }

    /// Every limit of the stream with the reason it ends the stream for.
    fn limits(&self) -> [(Option<Instant>, Reason); 4] {
        [
            (self.expiry_at, Reason::TokenExpired),
            (
                self.deadline.map(Deadline::instant),
                Reason::DeadlineExceeded,
            ),
            (self.lifetime_at, Reason::MaxStreamLifetime),
            (self.idle_at(), Reason::IdleTimeout),
        ]
    }

    /// Arms the guard's timer at the earliest limit.
    fn arm(self: &Arc<Self>) {
        if let Some(at) = self.limits().iter().filter_map(|(at, _)| *at).min() {
            self.guard
                .0
                .watchdog
                .arm(&self.guard, self.id, at, Arc::downgrade(self));
        }
    }

    /// Called by the timer queue: ends the stream for the first limit that has passed, or
    /// re-arms when traffic moved the idle limit.
    pub(crate) fn on_timer(self: &Arc<Self>) {
        if self.termination.get().is_some() {
            return;
        }
        let now = Instant::now();
        match self
            .limits()
            .into_iter()
            .find(|(at, _)| at.is_some_and(|at| at <= now))
        {
            Some((_, reason)) => self.terminate(Termination::new(reason)),
            None => self.arm(),
        }
    }
}

impl Drop for SessionCore {
    fn drop(&mut self) {
        self.ended.cancel();
        if self.timed {
            self.guard.0.watchdog.disarm(self.id);
        }
        self.guard.revocations().deregister(self.id);
        if self.revocable
            && let Some(mark) = &self.claims.introspected
        {
            self.guard.0.rechecks.deregister(self.id, &mark.key);
        }
        if self.counted.load(Relaxed) {
            self.guard.metrics().stream_closed();
        }
    }
}

/// Keeps the live-task gauge honest however the task ends.
struct TaskGauge(Guard);

impl Drop for TaskGauge {
    fn drop(&mut self) {
        self.0.metrics().task(-1);
    }
}

/// The farthest ahead any instant of a session is put: far beyond every configurable limit,
/// and small enough that instant arithmetic never overflows.
pub(crate) const FAR_FUTURE: Duration = Duration::from_secs(100 * 365 * 24 * 3600);

/// `at + d`, saturating at [`FAR_FUTURE`] from `at` instead of overflowing. Should even that
/// not fit the platform's clock, it is `at`: the limit passes at once (fail closed).
pub(crate) fn later_by(at: Instant, d: Duration) -> Instant {
    let d = d.min(FAR_FUTURE);
    at.checked_add(d).unwrap_or(at)
}

/// The instant a token with this `exp` (Unix seconds) stops being valid, plus the leeway.
/// Saturates: an `exp` of 2^63 or beyond is just "far in the future".
fn expiry_instant(exp: u64, leeway: Duration) -> Instant {
    let left = UNIX_EPOCH
        .checked_add(Duration::from_secs(exp))
        .and_then(|t| t.checked_add(leeway))
        .map_or(FAR_FUTURE, |t| {
            t.duration_since(SystemTime::now())
                .unwrap_or(Duration::ZERO)
        });
    later_by(Instant::now(), left)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::GuardConfig;
    use crate::auth::{AuthConfig, Authenticator, KeyConfig};

    fn guard() -> Guard {
        let auth = Authenticator::new(AuthConfig {
            keys: vec![KeyConfig::hs256_secret("unit-test-secret-0123456789abcdef")],
            ..AuthConfig::default()
        })
        .unwrap();
        Guard::new(GuardConfig::default(), auth)
    }

    fn claims(sub: &str) -> Claims {
        let now = crate::revocation::unix_now();
        let raw = serde_json::json!({"sub": sub, "iat": now, "exp": now + 600});
        Claims::from_raw(raw.as_object().unwrap(), &[]).unwrap()
    }

    #[tokio::test]
    async fn when_the_timer_task_dies_the_guard_fails_closed() {
        let g = guard();
        let live = StreamSession::open(&g, claims("a"), "/m", None)
            .await
            .unwrap();
        g.0.watchdog.kill();
        tokio::time::timeout(Duration::from_secs(2), g.enforcement_lost())
            .await
            .expect("the server is told enforcement is lost");
        tokio::time::timeout(Duration::from_secs(2), live.ended())
            .await
            .expect("live streams end");
        assert_eq!(
            live.termination().map(|t| t.reason),
            Some(Reason::EnforcementUnavailable)
        );
        let refused = StreamSession::open(&g, claims("b"), "/m", None)
            .await
            .unwrap_err();
        assert_eq!(refused.reason, Reason::EnforcementUnavailable);
        assert_eq!(refused.reason.code(), tonic::Code::Unavailable);
    }

    fn guard_with(policy: crate::OnStateUnavailable) -> Guard {
        let auth = Authenticator::new(AuthConfig {
            keys: vec![KeyConfig::hs256_secret("unit-test-secret-0123456789abcdef")],
            ..AuthConfig::default()
        })
        .unwrap();
        let config = GuardConfig {
            on_state_unavailable: policy,
            state_outage_grace: Duration::from_secs(5),
            ..GuardConfig::default()
        };
        Guard::new(config, auth)
    }

    #[tokio::test(start_paused = true)]
    async fn losing_the_shared_state_fails_closed_after_the_grace() {
        let g = guard_with(crate::OnStateUnavailable::Closed);
        let live = StreamSession::open(&g, claims("a"), "/m", None)
            .await
            .unwrap();
        g.state_lost("test");
        let refused = StreamSession::open(&g, claims("b"), "/m", None)
            .await
            .unwrap_err();
        assert_eq!(refused.reason, Reason::StateUnavailable);
        assert_eq!(refused.reason.code(), tonic::Code::Unavailable);
        tokio::time::sleep(Duration::from_millis(4900)).await;
        assert!(
            live.termination().is_none(),
            "live streams go on during the grace"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert_eq!(
            live.termination().map(|t| t.reason),
            Some(Reason::StateUnavailable)
        );
        g.state_restored();
        assert!(
            StreamSession::open(&g, claims("c"), "/m", None)
                .await
                .is_ok()
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_recovery_within_the_grace_spares_live_streams() {
        let g = guard_with(crate::OnStateUnavailable::Closed);
        let live = StreamSession::open(&g, claims("a"), "/m", None)
            .await
            .unwrap();
        g.state_lost("blip");
        tokio::time::sleep(Duration::from_secs(1)).await;
        g.state_restored();
        tokio::time::sleep(Duration::from_secs(10)).await;
        assert!(live.termination().is_none());
    }

    #[tokio::test(start_paused = true)]
    async fn losing_the_shared_state_fails_open_when_configured() {
        let g = guard_with(crate::OnStateUnavailable::Open);
        let live = StreamSession::open(&g, claims("a"), "/m", None)
            .await
            .unwrap();
        g.state_lost("test");
        assert!(
            StreamSession::open(&g, claims("b"), "/m", None)
                .await
                .is_ok()
        );
        tokio::time::sleep(Duration::from_secs(60)).await;
        assert!(live.termination().is_none());
    }

    #[test]
    fn instant_arithmetic_saturates() {
        let now = Instant::now();
        assert!(later_by(now, Duration::MAX) > now);
        assert!(expiry_instant(u64::MAX, Duration::MAX) > now);
        assert!(expiry_instant(0, Duration::ZERO) <= Instant::now());
    }
}
