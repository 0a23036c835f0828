//! Re-checks of live streams whose opaque token was verified by introspection: a token revoked
//! at the issuer ends its streams with `PERMISSION_DENIED` (`token_revoked`) within one recheck
//! interval, without waiting for the token's `exp`.
//!
//! One task per guard, not one per stream: live streams are grouped by token (its SHA-256), and
//! each distinct token is introspected once per interval however many streams share it, a few
//! at a time ([`PARALLEL`]). A stream joins its token's schedule at open, counted from the
//! introspection its open relied on, so the bound holds from the first second.
//!
//! When the issuer cannot be asked (down, timing out, refusing our client), live streams go on —
//! the last answer still stands — and the token is asked again every few seconds; a stream whose
//! token has gone unconfirmed for longer than the interval plus [`OUTAGE_GRACE`] ends with
//! `UNAVAILABLE` (`key_unavailable`), whether the issuer failed or the task fell behind. New streams are refused while the issuer is unreachable.
//! Should the task die, the guard fails closed, as it does for the timer queue.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, Weak};
use std::time::Duration;

use futures::StreamExt;
use parking_lot::Mutex;
use tokio::sync::Notify;
use tokio::time::Instant;

use crate::auth::{AuthError, Claims, Introspected, TokenKey};
use crate::guard::{Guard, GuardInner};
use crate::session::{SessionCore, later_by};
use crate::termination::{Reason, Termination};

/// How long past its recheck interval a token may go unconfirmed while the issuer is unreachable.
pub const OUTAGE_GRACE: Duration = Duration::from_secs(60);
/// How soon a token is asked again after the issuer could not be asked (at most the interval).
pub const RETRY_AFTER_OUTAGE: Duration = Duration::from_secs(5);
/// Introspections in flight at once from the re-check task.
pub const PARALLEL: usize = 8;
/// Tokens re-checked per pass. Between passes the task ends the streams whose grace has passed,
/// so even an issuer that lets every request time out holds that back by at most
/// `BATCH / PARALLEL` fetch timeouts (20 s).
pub const BATCH: usize = 4 * PARALLEL;

/// The live streams of introspected tokens and when each token is due.
#[derive(Debug)]
pub(crate) struct Rechecks {
    every: Duration,
    tokens: Mutex<HashMap<TokenKey, Tracked>>,
    wake: Arc<Notify>,
    started: OnceLock<()>,
}

#[derive(Debug)]
struct Tracked {
    token: Arc<str>,
    sessions: HashMap<u64, Weak<SessionCore>>,
    confirmed_at: Instant,
    due: Instant,
}

impl Rechecks {
    /// Re-checks every `every` (the authenticator's recheck interval).
    pub fn new(every: Duration) -> Self {
        Rechecks {
            every,
            tokens: Mutex::default(),
            wake: Arc::default(),
            started: OnceLock::new(),
        }
    }

    /// Puts a live stream on its token's schedule.
    pub fn register(
        &self,
        guard: &Guard,
        id: u64,
        mark: &Introspected,
        session: Weak<SessionCore>,
    ) {
        self.started.get_or_init(|| start(guard));
        let mut tokens = self.tokens.lock();
        let tracked = tokens.entry(mark.key).or_insert_with(|| Tracked {
            token: mark.token.clone(),
            sessions: HashMap::new(),
            confirmed_at: mark.checked_at,
            due: later_by(mark.checked_at, self.every),
        });
        // A later confirmation (this open asked the issuer afresh) moves the schedule on.
        if mark.checked_at > tracked.confirmed_at {
            tracked.confirmed_at = mark.checked_at;
            tracked.due = later_by(mark.checked_at, self.every);
        }
        tracked.sessions.insert(id, session);
        drop(tokens);
        self.wake.notify_one();
    }

    pub fn deregister(&self, id: u64, key: &TokenKey) {
        let mut tokens = self.tokens.lock();
        if let Some(tracked) = tokens.get_mut(key) {
            tracked.sessions.remove(&id);
            if tracked.sessions.is_empty() {
                tokens.remove(key);
            }
        }
    }

    /// Ends the streams of tokens unconfirmed for longer than the interval plus the grace, and
    /// returns the tokens due now (the most overdue first, at most [`BATCH`]) and the next
    /// instant something is due — a re-check or the end of a grace.
    fn due(&self, now: Instant) -> (Vec<(TokenKey, Arc<str>)>, Option<Instant>) {
        let mut ending: Vec<Arc<SessionCore>> = Vec::new();
        let mut tokens = self.tokens.lock();
        tokens.retain(|_, t| {
            let keep = now < self.grace_end(t);
            if !keep {
                ending.extend(t.sessions.values().filter_map(Weak::upgrade));
            }
            keep
        });
        let mut due: Vec<(Instant, TokenKey, Arc<str>)> = tokens
            .iter()
            .filter(|(_, t)| t.due <= now)
            .map(|(k, t)| (t.due, *k, t.token.clone()))
            .collect();
        due.sort_unstable_by_key(|(at, ..)| *at);
        due.truncate(BATCH);
        let next = tokens.values().map(|t| t.due.min(self.grace_end(t))).min();
        // Outside the lock: a session dropped here deregisters, which takes it.
        drop(tokens);
        if !ending.is_empty() {
            tracing::warn!(
                streams = ending.len(),
                "tokens went unconfirmed by the issuer past the recheck interval plus the grace: ending their streams"
            );
        }
        for session in ending {
            session.terminate(Termination::new(Reason::KeyUnavailable));
        }
        (due.into_iter().map(|(_, k, t)| (k, t)).collect(), next)
    }

    /// When a token unconfirmed since its last answer stops being trusted.
    fn grace_end(&self, t: &Tracked) -> Instant {
        later_by(t.confirmed_at, self.every + OUTAGE_GRACE)
    }

    /// Applies one token's fresh verdict to its live streams.
    fn apply(&self, key: TokenKey, verdict: Result<Claims, AuthError>, now: Instant) {
        let mut tokens = self.tokens.lock();
        let Some(tracked) = tokens.get_mut(&key) else {
            return;
        };
        // Which streams end, and why; `None`: all of them.
        let (reason, only_other_subjects) = match &verdict {
            Ok(_) => {
                tracked.confirmed_at = now;
                tracked.due = later_by(now, self.every);
                // The same token now speaks for someone else: it is not the grant it was.
                (Reason::TokenRevoked, true)
            }
            // The last answer stands until the grace ends (see `due`); ask again soon.
            Err(e) if e.reason == Reason::KeyUnavailable => {
                tracing::warn!(error = %e.detail, "a live stream's token could not be re-checked; retrying");
                tracked.due = later_by(now, self.every.min(RETRY_AFTER_OUTAGE));
                return;
            }
            Err(e) => {
                tracing::info!(reason = %e.reason, detail = %e.detail, "re-check: the token no longer stands");
                (e.reason, false)
            }
        };
        let ending: Vec<Arc<SessionCore>> = tracked
            .sessions
            .values()
            .filter_map(Weak::upgrade)
            .filter(|s| match &verdict {
                Ok(claims) if only_other_subjects => s.claims().sub != claims.sub,
                _ => true,
            })
            .collect();
        if !only_other_subjects {
            tokens.remove(&key);
        }
        // Outside the lock: a session dropped here deregisters, which takes it.
        drop(tokens);
        for session in ending {
            session.terminate(Termination::new(reason));
        }
    }

    #[cfg(test)]
    pub fn tracked(&self) -> usize {
        self.tokens.lock().len()
    }
}

/// The task stops when the guard is dropped: wake it so it notices.
impl Drop for Rechecks {
    fn drop(&mut self) {
        self.wake.notify_one();
    }
}

fn start(guard: &Guard) {
    let task = tokio::spawn(run(Arc::downgrade(&guard.0), guard.0.rechecks.wake.clone()));
    tokio::spawn(crate::watchdog::supervise(
        task,
        Arc::downgrade(&guard.0),
        "the introspection re-check task",
    ));
}

async fn run(guard: Weak<GuardInner>, wake: Arc<Notify>) {
    loop {
        let next = {
            let Some(inner) = guard.upgrade() else {
                return;
            };
            let (due, next) = inner.rechecks.due(Instant::now());
            if !due.is_empty() {
                let (auth, rechecks) = (&inner.auth, &inner.rechecks);
                // Each verdict applies as it comes: a revocation does not wait for the batch.
                futures::stream::iter(due)
                    .map(|(key, token)| async move { (key, auth.reverify(&token).await) })
                    .buffer_unordered(PARALLEL)
                    .for_each(|(key, verdict)| {
                        rechecks.apply(key, verdict, Instant::now());
                        std::future::ready(())
                    })
                    .await;
                continue;
            }
            next
        };
        // The guard is not held while idle, so dropping it ends this task.
        match next {
            Some(at) => {
                tokio::select! {
                    _ = tokio::time::sleep_until(at) => {}
                    _ = wake.notified() => {}
                }
            }
            None => wake.notified().await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::GuardConfig;
    use crate::StreamSession;
    use crate::auth::introspection::{ClientSecret, IntrospectionConfig};
    use crate::auth::{AuthConfig, Authenticator};

    const EVERY: Duration = Duration::from_secs(30);

    fn guard() -> Guard {
        let auth = Authenticator::new(AuthConfig {
            introspection: Some(IntrospectionConfig {
                // Never asked: the tests apply verdicts themselves.
                url: Some("https://127.0.0.1:9/introspect".into()),
                client_id: "rs".into(),
                client_secret: ClientSecret::Inline("secret".into()),
                recheck: EVERY,
            }),
            ..AuthConfig::default()
        })
        .unwrap();
        Guard::new(GuardConfig::default(), auth)
    }

    fn claims(sub: &str, token: &str) -> Claims {
        let now = crate::revocation::unix_now();
        let raw = serde_json::json!({"sub": sub, "iat": now, "exp": now + 600});
        let mut c = Claims::from_raw(raw.as_object().unwrap(), &[]).unwrap();
        c.introspected = Some(Introspected {
            key: [token.len() as u8; 32],
            token: Arc::from(token),
            checked_at: Instant::now(),
        });
        c
    }

    async fn open(g: &Guard, sub: &str, token: &str) -> StreamSession {
        StreamSession::open(g, claims(sub, token), "/m", None)
            .await
            .unwrap()
    }

    fn key(token: &str) -> TokenKey {
        [token.len() as u8; 32]
    }

    fn ended(s: &StreamSession) -> Option<Reason> {
        s.termination().map(|t| t.reason)
    }

    #[tokio::test]
    async fn streams_sharing_a_token_are_tracked_once_and_forgotten_when_they_end() {
        let g = guard();
        let a = open(&g, "alice", "tok-a").await;
        let b = open(&g, "alice", "tok-a").await;
        let c = open(&g, "bob", "tok-bb").await;
        assert_eq!(g.0.rechecks.tracked(), 2);
        drop((a, b));
        assert_eq!(g.0.rechecks.tracked(), 1);
        drop(c);
        assert_eq!(g.0.rechecks.tracked(), 0);
    }

    #[tokio::test]
    async fn an_inactive_token_ends_every_stream_that_holds_it() {
        let g = guard();
        let (a, b) = (
            open(&g, "alice", "tok-a").await,
            open(&g, "alice", "tok-a").await,
        );
        let other = open(&g, "bob", "tok-bb").await;
        let revoked = Err(AuthError::new(Reason::TokenRevoked, "not active"));
        g.0.rechecks.apply(key("tok-a"), revoked, Instant::now());
        assert_eq!(ended(&a), Some(Reason::TokenRevoked));
        assert_eq!(ended(&b), Some(Reason::TokenRevoked));
        assert_eq!(a.end_status().code(), tonic::Code::PermissionDenied);
        assert_eq!(ended(&other), None);
        assert_eq!(g.0.rechecks.tracked(), 1);
    }

    #[tokio::test]
    async fn a_confirmation_moves_the_schedule_and_a_changed_subject_ends_the_stream() {
        let g = guard();
        let s = open(&g, "alice", "tok-a").await;
        let now = Instant::now();
        g.0.rechecks
            .apply(key("tok-a"), Ok(claims("alice", "tok-a")), now);
        assert_eq!(ended(&s), None);
        let (due, next) = g.0.rechecks.due(now);
        assert!(due.is_empty());
        assert_eq!(next, Some(later_by(now, EVERY)));
        g.0.rechecks
            .apply(key("tok-a"), Ok(claims("mallory", "tok-a")), now);
        assert_eq!(ended(&s), Some(Reason::TokenRevoked));
    }

    #[tokio::test]
    async fn while_the_issuer_is_unreachable_live_streams_go_on_until_the_grace_has_passed() {
        let g = guard();
        let s = open(&g, "alice", "tok-a").await;
        let confirmed = s.claims().introspected.as_ref().unwrap().checked_at;
        let down = || Err(AuthError::new(Reason::KeyUnavailable, "connection refused"));
        // Due, but the issuer does not answer: retried soon, the stream goes on.
        let first = later_by(confirmed, EVERY);
        g.0.rechecks.apply(key("tok-a"), down(), first);
        assert_eq!(ended(&s), None);
        let (_, next) = g.0.rechecks.due(first);
        assert_eq!(next, Some(later_by(first, RETRY_AFTER_OUTAGE)));
        // Still failing just before the grace ends: the task is told to wake at its end.
        let grace_end = later_by(confirmed, EVERY + OUTAGE_GRACE);
        let last_chance = grace_end - Duration::from_millis(1);
        g.0.rechecks.apply(key("tok-a"), down(), last_chance);
        let (due, next) = g.0.rechecks.due(last_chance);
        assert!(due.is_empty());
        assert_eq!(ended(&s), None);
        assert_eq!(next, Some(grace_end));
        // Whether the next answer fails or never comes, at the end of the grace the stream ends.
        g.0.rechecks.due(grace_end);
        assert_eq!(ended(&s), Some(Reason::KeyUnavailable));
        assert_eq!(s.end_status().code(), tonic::Code::Unavailable);
        assert_eq!(g.0.rechecks.tracked(), 0);
    }

    #[tokio::test]
    async fn streams_are_not_rechecked_with_the_revocation_control_off() {
        let auth = guard().authenticator().config().clone();
        let g = Guard::new(
            GuardConfig {
                disabled: vec![crate::Control::Revocation],
                ..GuardConfig::default()
            },
            Authenticator::new(auth).unwrap(),
        );
        let _s = open(&g, "alice", "tok-a").await;
        assert_eq!(g.0.rechecks.tracked(), 0);
    }
}
